#!/usr/bin/env bash
# Starts the ELM Studio desktop app (README's "run the app" command). Builds the jar first when it
# is missing. Nothing is downloaded at run time: DJL runs offline with its native jar in lib/.
# Without arguments it opens the demo workspace (built from assets/ on first use, in seconds; see
# assets/demo/README.md); arguments go to the app instead (e.g. `./scripts/demo.sh gui`, `./scripts/demo.sh --help`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME

jar=$(ls app/target/app-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d app/target/lib ]; then
  echo "scripts/demo.sh: building the app once (Maven fetches dependencies; the app itself never does)" >&2
  mvn -B -q -DskipTests package
  jar=$(ls app/target/app-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
fi
if [ "$#" -eq 0 ]; then
  set -- gui --demo
fi
exec "$JAVA_HOME/bin/java" -Delm.assets="$PWD/assets" -jar "$jar" "$@"
