#!/usr/bin/env bash
# Checks both stand-ins (of the API the plugin uses, and of the test APIs its tests use) against the real Jenkins sources at the baseline tags (see README.md in this folder).
# Usage: JENKINS_SRC=DIR jenkins-api-standin/check.sh   (run from the repository root; ../shared beside it)
# DIR holds each repository's source root exported at its tag, as README.md describes.
set -euo pipefail
: "${JENKINS_SRC:?set JENKINS_SRC to the folder holding the exported Jenkins sources (see jenkins-api-standin/README.md)}"
cd "$(dirname "$0")/.."
roots=(
  jenkins/core/src/main/java
  stapler/core/src/main/java
  lib-symbol-annotation/src/main/java
  structs-plugin/src/main/java
  workflow-step-api-plugin/src/main/java
  workflow-api-plugin/src/main/java
  workflow-support-plugin/src/main/java
  workflow-cps-plugin/plugin/src/main/java
  pipeline-input-step-plugin/src/main/java
  credentials-plugin/src/main/java
  plain-credentials-plugin/src/main/java
  scm-api-plugin/src/main/java
  github-branch-source-plugin/src/main/java
  remoting/src/main/java
  jenkins-test-harness/src/main/java
  workflow-job-plugin/src/main/java
  workflow-basic-steps-plugin/src/main/java
  workflow-durable-task-step-plugin/src/main/java
  jars/guava-33.5.0-jre-sources.jar
  jars/spring-security-core-6.5.7-sources.jar
)
args=()
for r in "${roots[@]}"; do
  [ -e "$JENKINS_SRC/$r" ] || { echo "missing $JENKINS_SRC/$r: export it as jenkins-api-standin/README.md says" >&2; exit 2; }
  args+=(--real "$JENKINS_SRC/$r")
done
exec ../shared/tools/standin-check/run \
  --standin jenkins-api-standin/src/main/java --standin jenkins-api-standin/src/test-standin/java \
  --plugin plugin/src/main/java --plugin plugin/src/test/java "${args[@]}"
