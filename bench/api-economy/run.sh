#!/usr/bin/env bash
# API economy benchmark of the gate's GitHub side. Usage: bench/api-economy/run.sh [LATENCY_MS]
# Compiles core (no install), then runs ApiEconomyBench.java with core's test classpath (WireMock, examples).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl core test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
java -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" bench/api-economy/ApiEconomyBench.java "$@"
