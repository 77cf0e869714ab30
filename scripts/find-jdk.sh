# shellcheck shell=bash
# Sourced by scripts/test.sh and .ci/run: finds the JDK to build with.
# On our machines the default `java` is 17 and Temurin 25 sits beside it, so PATH cannot be trusted.

PREFERRED_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

# Prints the major version of the JDK at $1 (from its `release` file), or nothing if $1 is not a JDK.
jdk_major() {
  [[ -x "$1/bin/javac" && -f "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

# find_jdk MIN_MAJOR: prints the first JDK >= MIN_MAJOR among $JAVA_HOME, $PREFERRED_JDK and
# /usr/lib/jvm/*25*; fails with a message saying what to install.
find_jdk() {
  local min_major="$1" candidate major
  for candidate in "${JAVA_HOME:-}" "$PREFERRED_JDK" /usr/lib/jvm/*25*; do
    [[ -n "$candidate" && -d "$candidate" ]] || continue
    major="$(jdk_major "$candidate")"
    if [[ -n "$major" && "$major" -ge "$min_major" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No JDK ${min_major}+ found (looked at JAVA_HOME='${JAVA_HOME:-}', $PREFERRED_JDK, /usr/lib/jvm/*25*)." \
       "Install Temurin 25 (https://adoptium.net) or set JAVA_HOME to a JDK ${min_major} or newer." >&2
  return 1
}
