#!/usr/bin/env bash
# Many watches in one JVM against one local stand-in GitHub, in simulated time.
# Usage: bench/watch-scale/run.sh [WATCHES] [SIMULATED_HOURS]      (default 100 24)
# Compiles core (no install), then runs WatchScaleBench.java with core's test classpath (OpenAPI examples).
# BENCH_OPTS passes -Dbench.* settings (see bench/README.md), e.g. BENCH_OPTS=-Dbench.staging=false.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl core test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
# The JDK HttpServer keeps at most 200 idle connections by default; every watch has its own client.
java -Xmx1g -Dsun.net.httpserver.maxIdleConnections=4000 ${BENCH_OPTS:-} \
    -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" \
    bench/watch-scale/WatchScaleBench.java "$@"
