#!/usr/bin/env bash
# Builds ELM Studio's Linux installers with jpackage:
#   installers/out/elm-studio/                  an app image: a folder that runs where it lies (bin/elm-studio;
#                                               bin/elm is the same program under the CLI's name)
#   installers/out/elm-studio_<version>_amd64.deb  the same image as a Debian package (installs to /opt/elm-studio)
# The image carries its own trimmed Java runtime (jlink), the app jar with every dependency jar (JavaFX and
# PyTorch natives included, so nothing is downloaded at run time) and assets/ (the demo).
#
# Usage: installers/build-linux.sh [--app-image-only] [--rebuild-jar]
#   --app-image-only  skip the .deb (it needs fakeroot, and packing ~400 MB takes a while)
#   --rebuild-jar     run Maven even when the app jar looks current
#   MAVEN_FLAGS='-o'  extra flags for Maven (e.g. offline) when the jar must be built
#
# Needs: a JDK 21+ with jpackage (scripts/find-jdk.sh finds Temurin 25 on our machines); Maven when the jar must
# be built; for the .deb also `fakeroot` and `dpkg-deb` (Debian: apt-get install fakeroot; dpkg-deb comes with dpkg).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

app_image_only=false
rebuild_jar=false
for arg in "$@"; do
  case "$arg" in
    --app-image-only) app_image_only=true ;;
    --rebuild-jar) rebuild_jar=true ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build-linux.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

die() { echo "build-linux.sh: $*" >&2; exit 1; }
say() { echo "build-linux.sh: $*" >&2; }
started=$SECONDS

# ---- Tools ---------------------------------------------------------------------------------------
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
JAVA_HOME="$(find_jdk 21)" || die "jpackage needs a JDK 21 or newer."
export JAVA_HOME
for tool in jpackage jlink jdeps java; do
  [[ -x "$JAVA_HOME/bin/$tool" ]] || die "$JAVA_HOME/bin/$tool is missing: a full JDK (not a JRE) is needed."
done
if ! $app_image_only; then
  missing=()
  command -v fakeroot >/dev/null 2>&1 || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
  ((${#missing[@]} == 0)) || die "the .deb needs: apt-get install ${missing[*]} (or pass --app-image-only)"
fi

# ---- Version -------------------------------------------------------------------------------------
# The first <version> of the root pom is the project's (the pom has no parent). Installers want plain
# numbers (MSI and macOS refuse anything else), so 0.1.0-SNAPSHOT is packaged as 0.1.0.
pom_version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
[[ -n "$pom_version" ]] || die "could not read the project version from pom.xml"
app_version=$(grep -oE '^[0-9]+(\.[0-9]+){0,2}' <<<"$pom_version") \
  || die "pom version '$pom_version' does not start with a number like 1.2.3"

# ---- The app jar ---------------------------------------------------------------------------------
jar="app/target/app-$pom_version.jar"
needs_build=$rebuild_jar
if [[ ! -f "$jar" || ! -d app/target/lib ]]; then
  needs_build=true
elif [[ -n "$(find pom.xml engine storage app -newer "$jar" \( -name pom.xml -o -path '*/src/main/*' \) -type f -print -quit)" ]]; then
  say "sources changed since $jar was built"
  needs_build=true
fi
if $needs_build; then
  say "building the app jar (mvn package -DskipTests)"
  # shellcheck disable=SC2086  # MAVEN_FLAGS is a list of flags
  mvn -B -q ${MAVEN_FLAGS:-} -pl app -am package -DskipTests
fi
[[ -f "$jar" ]] || die "$jar is missing after the build"

# ---- Stage jpackage's input ----------------------------------------------------------------------
out=installers/out
build="$out/build"
input="$build/input"
rm -rf "$build" "$out/elm-studio"
mkdir -p "$input/lib" "$build/resources"

# Exactly the jars the manifest names: app/target/lib can hold stale jars from an older dependency set.
(cd "$build" && "$JAVA_HOME/bin/jar" xf "$OLDPWD/$jar" META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' <"$build/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
  | sed -n 's/^Class-Path: //p')
[[ -n "$classpath" ]] || die "$jar has no Class-Path in its manifest"
cp "$jar" "$input/"
for entry in $classpath; do
  [[ -f "app/target/$entry" ]] || die "app/target/$entry (named in the jar's manifest) is missing: rebuild with --rebuild-jar"
  cp "app/target/$entry" "$input/lib/"
done
# jpackage copies the input folder to lib/app; the launcher passes -Delm.assets=$APPDIR/assets (below).
if [[ -d assets ]]; then
  cp -r assets "$input/assets"
  find "$input/assets" -name '*.jar' -print -quit | grep -q . \
    && die "assets/ holds a .jar: jpackage would put it on the class path"
else
  say "warning: no assets/ folder; the image will have no demo"
fi

# ---- A trimmed Java runtime ----------------------------------------------------------------------
# java.se (every standard API: cheap insurance against a dependency reaching for one through reflection) plus
# the jdk.* modules the libraries use: jdk.unsupported (sun.misc.Unsafe: JavaFX, DJL, Netty-style code),
# jdk.management (OS and memory MXBeans), jdk.jfr (flight recordings of a slow session), jdk.zipfs (zip file
# systems). JavaFX is not a module here: its jars sit on the class path like every other dependency.
modules="java.se,jdk.unsupported,jdk.management,jdk.jfr,jdk.zipfs"
feature=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
needed=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$feature" --recursive \
  --class-path "$input/lib/*" "$input/$(basename "$jar")" | tail -n 1)
# --limit-modules with --list-modules prints every module the list resolves to.
resolved=$("$JAVA_HOME/bin/java" --limit-modules "$modules" --list-modules | sed 's/@.*//')
for module in ${needed//,/ }; do
  grep -qx "$module" <<<"$resolved" || die "jdeps says the app needs module $module, which the runtime lacks: add it to modules= in this script"
done
say "runtime modules: $modules (jdeps asks for $needed)"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --strip-native-commands --compress zip-6 --output "$build/runtime"

# ---- The app image -------------------------------------------------------------------------------
description="Train and explore Embedding Language Models"
# shellcheck disable=SC2016  # $APPDIR is for the launcher, not for this shell
java_options=(
  # The heap holds datasets and embedding tables; tensors live in native memory beside it, hence half, not more.
  --java-options '-XX:MaxRAMPercentage=50'
  # The manifest's Enable-Native-Access only counts for java -jar; the launcher starts the main class.
  --java-options '--enable-native-access=ALL-UNNAMED'
  --java-options '-Dai.djl.offline=true'
  # $APPDIR is the launcher's lib/app folder, expanded by the launcher at start.
  --java-options '-Delm.assets=$APPDIR/assets'
)
# What the app image and the .deb share. The .deb is made from these too, not from the finished image
# (--app-image): built that way, jpackage 25 gives every launcher a menu entry, bin/elm's included.
app_args=(
  --name elm-studio --app-version "$app_version" --description "$description" --vendor "ELM Studio"
  --icon installers/icons/elm-studio.png
  --input "$input" --main-jar "$(basename "$jar")" --main-class dev.elmstudio.app.Main
  --runtime-image "$build/runtime" "${java_options[@]}"
  --add-launcher elm=installers/linux/elm.properties
)
say "jpackage: app image"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out" "${app_args[@]}"
image="$out/elm-studio"
[[ -x "$image/bin/elm-studio" ]] || die "jpackage made no launcher at $image/bin/elm-studio"
# shellcheck disable=SC2016
grep -qF 'elm.assets=$APPDIR/assets' "$image/lib/app/elm-studio.cfg" || die "the launcher config lost -Delm.assets"

# ---- The .deb ------------------------------------------------------------------------------------
deb=""
if ! $app_image_only; then
  # Our menu entry (Name=ELM Studio, window class for docks) and icon replace jpackage's defaults by file name.
  cp installers/linux/elm-studio.desktop "$build/resources/elm-studio.desktop"
  cp installers/icons/elm-studio.png "$build/resources/elm-studio.png"
  rm -f "$out"/elm-studio_*.deb
  say "jpackage: .deb"
  # JavaFX's natives sit inside its jars, where jpackage's own dependency scan (ldd on the image) cannot see
  # them: GTK 3 for windows, GL and Xxf86vm for the hardware pipeline (it falls back to software without).
  # dpkg-deb's default xz takes ~10 minutes on 2 cores for almost nothing: the payload is jars and a compressed
  # jlink image already (xz 374 MB vs gzip -1 382 MB). gzip also installs on every dpkg.
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
  "$JAVA_HOME/bin/jpackage" --type deb --dest "$out" "${app_args[@]}" --resource-dir "$build/resources" \
    --linux-package-name elm-studio --linux-app-category science --linux-menu-group "Education;Science;" \
    --linux-shortcut --linux-deb-maintainer "elm@localhost" \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxxf86vm1"
  deb=$(ls "$out"/elm-studio_*.deb 2>/dev/null | head -n 1)
  [[ -n "$deb" ]] || die "jpackage made no .deb in $out"
fi

rm -rf "$build" # jpackage copied what it needed; the staged jars and runtime are another 400 MB

# ---- Report --------------------------------------------------------------------------------------
size() { du -sh "$1" | cut -f1; }
echo "ELM Studio $app_version (pom $pom_version), built in $((SECONDS - started)) s"
echo "  app image  $image  $(size "$image")  (runtime $(size "$image/lib/runtime"), app $(size "$image/lib/app"))"
echo "  launchers  $image/bin/elm-studio, $image/bin/elm  (no arguments: the window; 'gui --demo': the demo; else the CLI)"
[[ -z "$deb" ]] || echo "  .deb       $deb  $(size "$deb")  (sudo apt install ./$(basename "$deb"); runs as /opt/elm-studio/bin/elm-studio)"
