#!/usr/bin/env bash
# Smoke test of the Linux installers: the packaged app must start on a fresh machine and show its window.
# For the app image (installers/out/elm-studio) and for the .deb unpacked into a temporary root, it
#   1. runs `elm-studio info` (the CLI: Java runtime, offline DJL, PyTorch loads from the packaged jars);
#   2. starts `elm-studio gui [--demo]` on a private Xvfb display, with HOME and user.home set to an empty
#      temporary folder, so it is a first run (no preferences, no DJL cache, no demo workspace);
#   3. waits for the "ELM Studio" window (with --demo: until its title names the opened demo workspace);
#   4. waits for the window to settle, screenshots it, and fails when the picture is blank;
#   5. fails when the app logged an error or died; stops it either way.
# The app runs with the network cut (unshare -n) where the machine allows it.
# Exits 0 when every check passed, 1 on a failed check, 2 when a tool is missing.
#
# Usage: installers/smoke-test.sh [--image DIR] [--deb FILE | --no-deb] [--demo | --no-demo]
#                                 [--screenshot PATH] [--timeout SECONDS] [--keep]
#   --image DIR       test this app image instead of building one with installers/build-linux.sh
#   --deb FILE        test this .deb; --no-deb: test the app image only (and build no .deb)
#   --demo/--no-demo  open the demo workspace or a plain window; default: --demo when the app has the demo
#   --screenshot PATH where the app image's screenshot goes (default installers/out/smoke.png; the .deb's
#                     goes beside it as smoke-deb.png)
#   --timeout SECONDS how long the window may take to appear (default 120)
#   --keep            keep the temporary home folders and logs (printed at the end)
#
# Needs (Debian packages): xvfb, x11-utils (xwininfo), imagemagick (import, identify, compare),
# libgtk-3-0 and libxtst6 (JavaFX's window toolkit), dpkg (dpkg-deb, for the .deb).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

image=""
deb=""
test_deb=true
demo=auto
screenshot=installers/out/smoke.png
timeout=120
keep=false
while (($# > 0)); do
  case "$1" in
    --image) image="$2"; shift ;;
    --deb) deb="$2"; shift ;;
    --no-deb) test_deb=false ;;
    --demo) demo=true ;;
    --no-demo) demo=false ;;
    --screenshot) screenshot="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --keep) keep=true ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "smoke-test.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { echo "smoke-test.sh: $*" >&2; }
fail() { echo "smoke-test.sh: FAILED: $*" >&2; exit 1; }
started=$SECONDS

# ---- What this test needs ------------------------------------------------------------------------
missing=()
need_command() { command -v "$1" >/dev/null 2>&1 || missing+=("$2 (for $1)"); }
libraries=$("$(command -v ldconfig || echo /sbin/ldconfig)" -p 2>/dev/null || true)
need_library() { grep -qF "$1" <<<"$libraries" || missing+=("$2 (for $1)"); }
need_command Xvfb xvfb
need_command xwininfo x11-utils
need_command import imagemagick
need_command identify imagemagick
need_command compare imagemagick
need_command setsid util-linux
need_library libgtk-3.so.0 libgtk-3-0
need_library libXtst.so.6 libxtst6
$test_deb && need_command dpkg-deb dpkg
if ((${#missing[@]} > 0)); then
  say "missing: ${missing[*]}"
  packages=$(printf '%s\n' "${missing[@]}" | cut -d' ' -f1 | sort -u | tr '\n' ' ')
  say "install them with: sudo apt-get install -y --no-install-recommends $packages"
  exit 2
fi

# ---- The installers under test -------------------------------------------------------------------
if [[ -z "$image" ]]; then
  if $test_deb && [[ -z "$deb" ]]; then
    installers/build-linux.sh
  else
    installers/build-linux.sh --app-image-only
  fi
  image=installers/out/elm-studio
fi
[[ -x "$image/bin/elm-studio" ]] || fail "$image/bin/elm-studio is not an app image launcher"
if $test_deb && [[ -z "$deb" ]]; then
  deb=$(ls installers/out/elm-studio_*.deb 2>/dev/null | head -n 1 || true)
  [[ -n "$deb" ]] || fail "no .deb in installers/out (build one with installers/build-linux.sh, or pass --no-deb)"
fi
if [[ "$demo" == auto ]]; then
  # The zip directory stores entry names as plain text, so grep finds a class without unzip.
  if grep -qa 'dev/elmstudio/app/demo/DemoWorkspace.class' "$image"/lib/app/app-*.jar; then demo=true; else demo=false; fi
  say "demo: $demo (auto: the app $($demo && echo has || echo lacks) the demo workspace)"
fi
mkdir -p "$(dirname "$screenshot")"

# ---- One launch under Xvfb -----------------------------------------------------------------------
work_dirs=()
app_pid=""
xvfb_pid=""
# The app runs in a process group of its own (setsid below): stopping the group stops anything it started too.
stop_processes() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -- -"$app_pid" 2>/dev/null || kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  [[ -z "$app_pid" ]] || kill -9 -- -"$app_pid" 2>/dev/null || true
  [[ -z "$xvfb_pid" ]] || kill "$xvfb_pid" 2>/dev/null || true
  app_pid=""
  xvfb_pid=""
}
cleanup() {
  stop_processes
  if $keep; then
    ((${#work_dirs[@]} == 0)) || say "kept: ${work_dirs[*]}"
  else
    for dir in "${work_dirs[@]}"; do rm -rf "$dir"; done
  fi
}
trap cleanup EXIT

# Runs the launcher with a fresh home: no preferences, caches or workspaces of the user running the test.
# HOME alone is not enough: Java takes user.home from the password database, so it is passed as well.
# It execs (setsid too: a background job of a script is no group leader, so setsid needs no fork), so
# `run_fresh ... &` leaves $! the app's own process id, which is also its process group's. Call it in a
# subshell to wait for it.
run_fresh() {
  local home="$1"; shift
  exec setsid "${no_network[@]}" env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u DJL_CACHE_DIR \
    -u ENGINE_CACHE_DIR -u ELM_ASSETS HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" "$@"
}

# The app runs with the network cut where this machine allows it (a new, empty network namespace: as root,
# or as a user where user namespaces are enabled), which proves it downloads nothing. X still works: the
# client falls back from Xvfb's abstract socket to the /tmp/.X11-unix file, which namespaces do not hide.
no_network=()
if unshare -n true 2>/dev/null; then
  no_network=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  no_network=(unshare -rn)
fi
if ((${#no_network[@]} > 0)); then
  say "network: cut for the app (${no_network[*]})"
else
  say "network: NOT cut (unshare -n is not allowed here); the app runs with this machine's network"
fi

# Fraction of pixels that differ between two screenshots (a blinking caret is a few dozen of a million).
difference() {
  local pixels total
  pixels=$(compare -metric AE -fuzz 3% "$1" "$2" null: 2>&1 || true)
  total=$(identify -format '%[fx:w*h]' "$1")
  awk -v p="${pixels%% *}" -v t="$total" 'BEGIN { printf "%.6f", p / t }'
}

# CPU time (user + system, in clock ticks) the process has used so far; 0 once it is gone.
CLOCK_TICKS=$(getconf CLK_TCK)
cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# smoke LABEL LAUNCHER SCREENSHOT
smoke() {
  local label="$1" launcher="$2" shot="$3"
  local work home log display window_line window title geometry
  work=$(mktemp -d "${TMPDIR:-/tmp}/elm-smoke.XXXXXX")
  work_dirs+=("$work")
  home="$work/home"
  log="$work/app.log"
  mkdir -p "$home"
  local t0=$SECONDS

  say "[$label] CLI: elm-studio info"
  (run_fresh "$home" "$launcher" info) >"$work/info.log" 2>&1 \
    || { tail -n 30 "$work/info.log" >&2; fail "[$label] 'elm-studio info' exited non-zero (log above)"; }
  grep -q '^Device ' "$work/info.log" || { cat "$work/info.log" >&2; fail "[$label] 'elm-studio info' printed no Device line"; }
  grep -q 'ai.djl.offline=true' "$work/info.log" || fail "[$label] the packaged app does not run DJL offline"
  say "[$label] CLI passed in $((SECONDS - t0)) s"
  rm -rf "$home" && mkdir -p "$home" # the window's start must be a first run too
  t0=$SECONDS

  # -displayfd: Xvfb picks a free display itself and writes its number, so parallel runs never collide.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 1 50); do [[ -s "$work/display" ]] && break; sleep 0.2; done
  [[ -s "$work/display" ]] || { cat "$work/xvfb.log" >&2; fail "[$label] Xvfb did not start"; }
  display=":$(head -n 1 "$work/display")"
  export DISPLAY="$display"

  local args=(gui)
  $demo && args+=(--demo)
  say "[$label] starting $launcher ${args[*]} on Xvfb $display (fresh home $home)"
  run_fresh "$home" "$launcher" "${args[@]}" >"$log" 2>&1 &
  app_pid=$!

  # The main window: title "ELM Studio" (plus " — <workspace>" once one is open), class of the JavaFX app.
  # With --demo, wait until the title names the demo workspace: that is the demo opened, not just a window.
  local wanted='"ELM Studio'
  $demo && wanted='"ELM Studio [^"]*demo'
  window_line=""
  while ((SECONDS - t0 < timeout)); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      wait "$app_pid" && status=0 || status=$?
      tail -n 40 "$log" >&2
      fail "[$label] the app exited (status $status) before its window appeared (log above)"
    fi
    window_line=$(xwininfo -root -tree 2>/dev/null | grep -E "$wanted" | grep 'ElmStudioApp' | head -n 1 || true)
    [[ -n "$window_line" ]] && break
    sleep 1
  done
  if [[ -z "$window_line" ]]; then
    say "[$label] windows on $display:"; xwininfo -root -tree 2>/dev/null | grep -E '^ +0x' | grep -v 'has no name' >&2 || true
    tail -n 40 "$log" >&2
    fail "[$label] no window matching $wanted after ${timeout}s"
  fi
  window=$(awk '{print $1}' <<<"$window_line")
  title=$(sed -n 's/^ *0x[0-9a-f]* "\([^"]*\)".*/\1/p' <<<"$window_line")
  say "[$label] window '$title' after $((SECONDS - t0)) s"

  # Settled: the app is idle (under 10% of a core for 2 s: a first run unpacks PyTorch and probes the device,
  # the demo builds its workspace) and two screenshots 2 s apart agree (the first frames are black).
  # The root window is cropped to the main window, so a dialog over it would show too.
  geometry=$(xwininfo -id "$window" | awk '/Absolute upper-left X/{x=$NF} /Absolute upper-left Y/{y=$NF}
    /Width:/{w=$NF} /Height:/{h=$NF} END{printf "%dx%d+%d+%d", w, h, x, y}')
  local previous="$work/previous.png" current="$work/current.png" settled=false deviation=0
  local settle_until=$((SECONDS + 90)) cpu_before cpu_after
  cpu_before=$(cpu_ticks "$app_pid")
  while ((SECONDS < settle_until)); do
    sleep 2
    cpu_after=$(cpu_ticks "$app_pid")
    import -window root -crop "$geometry" +repage "$current"
    deviation=$(identify -format '%[fx:standard_deviation]' "$current")
    if [[ -f "$previous" ]] && ((cpu_after - cpu_before < CLOCK_TICKS / 5)) \
        && awk -v d="$deviation" 'BEGIN { exit !(d > 0.02) }' \
        && awk -v f="$(difference "$previous" "$current")" 'BEGIN { exit !(f < 0.001) }'; then
      settled=true
      break
    fi
    cp "$current" "$previous"
    cpu_before=$cpu_after
  done
  cp "$current" "$shot"
  awk -v d="$deviation" 'BEGIN { exit !(d > 0.02) }' \
    || fail "[$label] the window is blank (standard deviation $deviation of its pixels); screenshot: $shot"
  $settled || say "[$label] warning: the app was still busy or its window still changing after 90 s; screenshot taken anyway"
  say "[$label] screenshot $shot ($geometry, pixel standard deviation $deviation)"

  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$log" >&2; fail "[$label] the app died after showing its window"; }
  # ErrorDialog logs every error it shows ("... ErrorDialog showError"), with the stack trace under it.
  if grep -qE 'ErrorDialog showError|Exception in thread|^[[:space:]]+at [a-zA-Z_$][a-zA-Z0-9_$]*\.' "$log"; then
    cat "$log" >&2
    fail "[$label] the app logged an error (log above); screenshot: $shot"
  fi
  if $demo && [[ ! -f "$home/.local/share/elm-studio/demo/elm.db" ]]; then
    say "[$label] note: no demo workspace at $home/.local/share/elm-studio/demo (the title said '$title')"
  fi
  stop_processes
  say "[$label] window passed in $((SECONDS - t0)) s"
}

smoke "app image" "$image/bin/elm-studio" "$screenshot"

if $test_deb; then
  root=$(mktemp -d "${TMPDIR:-/tmp}/elm-deb-root.XXXXXX")
  work_dirs+=("$root")
  say "[deb] unpacking $deb into $root"
  dpkg-deb -x "$deb" "$root"
  [[ "$(dpkg-deb -f "$deb" Package)" == elm-studio ]] || fail "[deb] the package is not named elm-studio"
  say "[deb] Depends: $(dpkg-deb -f "$deb" Depends)"
  # One menu entry, ELM Studio's (jpackage names it <package>-<launcher>.desktop); none for bin/elm.
  desktops=$(cd "$root/opt/elm-studio/lib" && ls -- *.desktop 2>/dev/null | tr '\n' ' ' || true)
  [[ "$desktops" == "elm-studio-elm-studio.desktop " ]] \
    || fail "[deb] expected one menu entry, elm-studio-elm-studio.desktop, in /opt/elm-studio/lib; found: ${desktops:-none}"
  grep -qx 'Name=ELM Studio' "$root/opt/elm-studio/lib/elm-studio-elm-studio.desktop" \
    || fail "[deb] the menu entry is not named 'ELM Studio'"
  smoke "deb" "$root/opt/elm-studio/bin/elm-studio" "${screenshot%.png}-deb.png"
fi

say "all checks passed in $((SECONDS - started)) s (demo: $demo)"
