#!/usr/bin/env bash
# Spec-reading benchmark (see bench/README.md, "Spec reading").
# Generates a chant tree of N specs (default 10000) in a temporary directory, then times, as whole processes and
# in the same run: cat of every spec file, JVM start alone, `upstream-pr specs --json` and `upstream-pr body ID`.
# Usage: bench/spec-reading/run.sh   (env: N=10000 RUNS=10 WARMUP=2 JAR=cli/target/upstream-pr.jar JAVA_OPTS=)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${N:-10000}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
JAR="${JAR:-$root/cli/target/upstream-pr.jar}"
BODY_ID="2026-11-20-005-v7b"
JAVA_OPTS="${JAVA_OPTS:-}"   # e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", applied to the upstream-pr runs

if [ ! -f "$JAR" ]; then
  echo "No $JAR: build it first with: mvn -B -ntp -q -pl cli -am package -DskipTests" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/spec-reading.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
java "$root/bench/spec-reading/GenerateTree.java" "$repo" "$N" "$root/examples/kvstore"
find "$repo/.chant" -name '*.md' -print0 > "$work/files"
count="$(tr -cd '\0' < "$work/files" | wc -c)"
bytes="$(xargs -0 cat < "$work/files" | wc -c)"

# The commands, each a whole process; output discarded. The java ones must succeed.
names=(cat "jvm start" "specs --json" "body")
cmds=("xargs -0 cat < '$work/files' > /dev/null"
      "java -version 2> /dev/null"
      "java $JAVA_OPTS -jar '$JAR' specs --json --dir '$repo' > /dev/null"
      "java $JAVA_OPTS -jar '$JAR' body $BODY_ID --dir '$repo' > /dev/null")
for i in 2 3; do
  bash -c "${cmds[$i]}" || { echo "'${names[$i]}' failed; is the command in this jar?" >&2; exit 1; }
done

median_ms=()
if command -v hyperfine > /dev/null; then
  args=()
  for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/times.json" "${args[@]}" >&2
  while read -r ms; do median_ms+=("$ms"); done < <(python3 -c '
import json,sys
for r in json.load(open(sys.argv[1]))["results"]: print(round(r["median"]*1000))' "$work/times.json" 2>/dev/null ||
    grep -o '"median": *[0-9.e-]*' "$work/times.json" | awk -F: '{printf "%d\n", $2*1000 + 0.5}')
else
  for i in "${!cmds[@]}"; do
    for ((w = 0; w < WARMUP; w++)); do bash -c "${cmds[$i]}"; done
    samples=()
    for ((r = 0; r < RUNS; r++)); do
      start=$(date +%s%N); bash -c "${cmds[$i]}"; end=$(date +%s%N)
      samples+=($(( (end - start) / 1000000 )))
    done
    median_ms+=("$(printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')")
  done
fi

cat_ms=${median_ms[0]}; jvm_ms=${median_ms[1]}
budget=$(( 5 * cat_ms + jvm_ms ))
echo
echo "Tree: $count spec files, $(( bytes / 1048576 )) MiB; $(nproc) cores; median of $RUNS runs (after $WARMUP warm-up); JAVA_OPTS='$JAVA_OPTS'"
printf '| %-14s | %9s | %-34s |\n' command "median ms" "goal: <= 5 x cat + JVM start = ${budget} ms"
printf '|%s|%s|%s|\n' "----------------" "-----------" "------------------------------------"
for i in "${!names[@]}"; do
  verdict=""
  if [ "$i" -ge 2 ]; then
    verdict="$([ "${median_ms[$i]}" -le "$budget" ] && echo met || echo NOT met)"
    verdict="$verdict ($(awk -v t="${median_ms[$i]}" -v j="$jvm_ms" -v c="$cat_ms" 'BEGIN {printf "%.1f", (t - j) / c}') x cat beyond JVM start)"
  fi
  printf '| %-14s | %9s | %-34s |\n' "${names[$i]}" "${median_ms[$i]}" "$verdict"
done
