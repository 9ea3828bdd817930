#!/usr/bin/env bash
# Spec-reading benchmark (see bench/README.md, "Spec reading").
# Generates a chant tree of N specs (default 10000) in a temporary directory, then times, as whole processes and
# in the same run: cat of every spec file, JVM start alone, `upstream-pr specs --json` (with an empty cache, then with
# the cache the previous runs left) and `upstream-pr body ID`.
# The upstream-pr runs go through the ./upstream-pr launcher (its JVM options and class-data archive), as people run
# it; with JAR=... or JAVA_OPTS=... they are `java $JAVA_OPTS -jar $JAR` instead.
# Usage: bench/spec-reading/run.sh   (env: N=10000 RUNS=10 WARMUP=2 JAR=cli/target/upstream-pr.jar JAVA_OPTS=)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${N:-10000}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
BODY_ID="2026-11-20-005-v7b"
if [ -n "${JAR:-}${JAVA_OPTS:-}" ]; then
  JAR="${JAR:-$root/cli/target/upstream-pr.jar}"
  if [ ! -f "$JAR" ]; then
    echo "No $JAR: build it first with: mvn -B -ntp -q -pl cli -am package -DskipTests" >&2
    exit 2
  fi
  run="java ${JAVA_OPTS:-} -jar '$JAR'"
else
  run="'$root/upstream-pr'"   # builds the jar and makes the archive on first use (the check run below)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/spec-reading.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
java "$root/bench/spec-reading/GenerateTree.java" "$repo" "$N" "$root/examples/kvstore"
find "$repo/.chant" -name '*.md' -print0 > "$work/files"
# A tree people list was not all written in the last seconds: the cache keeps nothing modified in the 3 s before a
# read (bench/README.md), so the generated files are dated an hour back.
xargs -0 touch -d "@$(( $(date +%s) - 3600 ))" < "$work/files"
cache="$work/cache"                                 # the specs cache of these runs (XDG_CACHE_HOME), not the user's
count="$(tr -cd '\0' < "$work/files" | wc -c)"
bytes="$(xargs -0 cat < "$work/files" | wc -c)"

# The commands, each a whole process; output discarded. The java ones must succeed.
# "specs --json" starts each run with an empty cache (it reads every file, and writes the cache); "specs, cached"
# finds the cache the run before it left, as a second listing of an unchanged tree does.
names=(cat "jvm start" "specs --json" "specs, cached" "body")
cmds=("xargs -0 cat < '$work/files' > /dev/null"
      "java -version 2> /dev/null"
      "XDG_CACHE_HOME='$cache' $run specs --json --dir '$repo' > /dev/null"
      "XDG_CACHE_HOME='$cache' $run specs --json --dir '$repo' > /dev/null"
      "XDG_CACHE_HOME='$cache' $run body $BODY_ID --dir '$repo' > /dev/null")
prepare=(true true "rm -rf '$cache'" true true)
for i in 2 3 4; do
  bash -c "${cmds[$i]}" || { echo "'${names[$i]}' failed; is the command in this jar?" >&2; exit 1; }
done

median_ms=()
cpu_s=()
if command -v hyperfine > /dev/null; then
  args=()
  for i in "${!cmds[@]}"; do args+=(--prepare "${prepare[$i]}"); done
  for i in "${!cmds[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/times.json" "${args[@]}" >&2
  while read -r ms cpu; do median_ms+=("$ms"); cpu_s+=("$cpu"); done < <(python3 -c '
import json,sys
for r in json.load(open(sys.argv[1]))["results"]: print(round(r["median"]*1000), "%.2f" % (r["user"] + r["system"]))' \
    "$work/times.json" 2>/dev/null ||
    grep -o '"median": *[0-9.e-]*' "$work/times.json" | awk -F: '{printf "%d -\n", $2*1000 + 0.5}')
else
  for i in "${!cmds[@]}"; do
    for ((w = 0; w < WARMUP; w++)); do bash -c "${prepare[$i]}"; bash -c "${cmds[$i]}"; done
    samples=()
    cpu=()
    for ((r = 0; r < RUNS; r++)); do
      bash -c "${prepare[$i]}"
      t0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)   # this shell's own and its children's CPU ticks
      start=$(date +%s%N); bash -c "${cmds[$i]}"; end=$(date +%s%N)
      t1=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
      samples+=($(( (end - start) / 1000000 )))
      cpu+=($(( t1 - t0 )))
    done
    cpu_s+=("$(printf '%s\n' "${cpu[@]}" | sort -n | awk -v hz="$(getconf CLK_TCK)" '{a[NR]=$1} END {printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) / hz}')")
    median_ms+=("$(printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')")
  done
fi

cat_ms=${median_ms[0]}; jvm_ms=${median_ms[1]}
budget=$(( 5 * cat_ms + jvm_ms ))
echo
echo "Tree: $count spec files, $(( bytes / 1048576 )) MiB; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); median of $RUNS runs (after $WARMUP warm-up); upstream-pr run as: $run"
printf '| %-14s | %9s | %8s | %-34s |\n' command "median ms" "CPU s" "goal: <= 5 x cat + JVM start = ${budget} ms"
printf '|%s|%s|%s|%s|\n' "----------------" "-----------" "----------" "------------------------------------"
for i in "${!names[@]}"; do
  verdict=""
  if [ "$i" -ge 2 ]; then
    verdict="$([ "${median_ms[$i]}" -le "$budget" ] && echo met || echo NOT met)"
    verdict="$verdict ($(awk -v t="${median_ms[$i]}" -v j="$jvm_ms" -v c="$cat_ms" 'BEGIN {printf "%.1f", (t - j) / c}') x cat beyond JVM start)"
  fi
  if [ "${names[$i]}" = "specs, cached" ]; then   # the higher goal: faster than cat of the files
    verdict="$verdict; $([ "${median_ms[$i]}" -lt "$cat_ms" ] && echo "faster than cat" || echo "not faster than cat")"
  fi
  printf '| %-14s | %9s | %8s | %-34s |\n' "${names[$i]}" "${median_ms[$i]}" "${cpu_s[$i]:--}" "$verdict"
done
