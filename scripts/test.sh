#!/usr/bin/env bash
# Builds every module and runs every test: README's test command, and what .ci/run runs.
# Extra arguments go to Maven, e.g. `./scripts/test.sh -o` (offline) or `-pl storage -am`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME
echo "scripts/test.sh: building with JDK at $JAVA_HOME" >&2

exec mvn -B verify "$@"
