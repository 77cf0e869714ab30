#!/usr/bin/env bash
# LM benchmark: our Java engine vs the PyTorch reference (bench/reference_lm.py), same shape,
# same arguments, same machine, alternating ours/reference ROUNDS times to spread the noise.
#
#   bench/run-lm-bench.sh [--layers 6] [--width 384] [--heads 6] [--context 256] [--vocab 8192]
#                         [--batch 8] [--threads 2] [--warmup-steps 3] [--steps 20]
#                         [--decode-tokens 128] [--prompt-len 16] [--seed 0]
#                         [--rounds 2] [--ref-threads N] [--ref-sdpa]
#
# The model flags go to both sides. --ref-threads gives the reference another thread count
# (default: --threads) and --ref-sdpa makes it use F.scaled_dot_product_attention; compare
# against the reference's best setting (bench/README.md says which that is).
# Java needs: mvn -q -pl app -am package -DskipTests  (the build copies deps to app/target/lib)
# Python needs: bench/setup-reference.sh  (or a system python3 that imports torch)
# Env: JAVA (java binary), JAVA_OPTS, ELM_APP_JAR_GLOB, ELM_LIB_DIR, ELM_BENCH_CP (whole
#      classpath, overrides the two before), ELM_BENCH_PYTHON.
#
# Prints every OURS and REFERENCE line and ends with exactly one line
#   RESULT lm_train_ratio=<ours/ref train tokens/s> lm_decode_ratio=<ours/ref decode tokens/s>
# where each side's figure is the BEST (highest tokens/s) of its ROUNDS runs. Ratio > 1: we win.
# Raw logs go to bench/out/ (git-ignored).
set -euo pipefail

# ---- classpath (relative to the repository root) -------------------------------------------
APP_JAR_GLOB="${ELM_APP_JAR_GLOB:-app/target/app-*.jar}"
LIB_DIR="${ELM_LIB_DIR:-app/target/lib}"
MAIN_CLASS="dev.elmstudio.app.Main"  # sets the offline and thread defaults, then runs the CLI
JAVA="${JAVA:-java}"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

die() { echo "run-lm-bench: ERROR: $*" >&2; exit 2; }

# ---- arguments -------------------------------------------------------------------------------
declare -A opt=([layers]=6 [width]=384 [heads]=6 [context]=256 [vocab]=8192 [batch]=8
                [threads]=2 [warmup-steps]=3 [steps]=20 [decode-tokens]=128 [prompt-len]=16
                [seed]=0)
order=(layers width heads context vocab batch threads warmup-steps steps decode-tokens
       prompt-len seed)
rounds=2
ref_threads=""
ref_sdpa=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="${2:?--rounds needs a value}"; shift 2 ;;
        --ref-threads) ref_threads="${2:?--ref-threads needs a value}"; shift 2 ;;
        --ref-sdpa) ref_sdpa=(--sdpa); shift ;;
        -h|--help) sed -n '2,20p' "$BENCH_DIR/$(basename "$0")"; exit 0 ;;
        --*)
            key="${1#--}"
            [ -n "${opt[$key]+x}" ] || die "unknown flag $1 (see --help)"
            [ $# -ge 2 ] || die "$1 needs a value"
            [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a non-negative integer, got '$2'"
            opt[$key]="$2"; shift 2 ;;
        *) die "unexpected argument '$1' (see --help)" ;;
    esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive integer"
ref_threads="${ref_threads:-${opt[threads]}}"

common=()
ref_args=()
for k in "${order[@]}"; do
    common+=("--$k" "${opt[$k]}")
    if [ "$k" = threads ]; then ref_args+=("--$k" "$ref_threads"); else ref_args+=("--$k" "${opt[$k]}"); fi
done

# ---- Java side: must be built ----------------------------------------------------------------
if [ -n "${ELM_BENCH_CP:-}" ]; then
    CP="$ELM_BENCH_CP"
else
    app_jar=""
    for j in $APP_JAR_GLOB; do
        case "$j" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
        [ -f "$j" ] && { app_jar="$j"; break; }
    done
    [ -n "$app_jar" ] || die "Java jar not built yet: no $APP_JAR_GLOB under $ROOT.
  Build it first:  mvn -q -pl app -am package -DskipTests
  (the app module must also copy its dependencies to $LIB_DIR)"
    [ -d "$LIB_DIR" ] || die "$LIB_DIR missing: the build must copy the app's dependencies there
  (maven-dependency-plugin copy-dependencies), then rebuild."
    CP="$app_jar:$LIB_DIR/*"
fi
command -v "$JAVA" >/dev/null || die "no '$JAVA' on PATH (set JAVA=/path/to/java)"

# ---- Python side: venv first, then system python3 --------------------------------------------
PY=""
for cand in ${ELM_BENCH_PYTHON:-} "$BENCH_DIR/.venv/bin/python" python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import torch' >/dev/null 2>&1; then
        PY="$cand"; break
    fi
done
[ -n "$PY" ] || die "no Python with torch: run bench/setup-reference.sh (creates bench/.venv)
  or, as a fallback, apt-get install python3-torch libopenblas0-pthread"
[ "$PY" = "python3" ] && echo "run-lm-bench: bench/.venv missing, using system python3 (fallback reference)" >&2

# ---- runs --------------------------------------------------------------------------------------
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
stamp="$(date +%Y%m%d-%H%M%S)"
lines="$OUT_DIR/lm-$stamp.lines"
: > "$lines"

echo "run-lm-bench: args: ${common[*]}; reference threads=$ref_threads ${ref_sdpa[*]:-}; rounds=$rounds"
echo "run-lm-bench: java: $JAVA ${JAVA_OPTS:-} -cp '$CP' $MAIN_CLASS bench lm ..."
echo "run-lm-bench: python: $PY $BENCH_DIR/reference_lm.py"
for r in $(seq 1 "$rounds"); do
    log="$OUT_DIR/lm-$stamp-ours-$r.log"
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of words
    if ! "$JAVA" ${JAVA_OPTS:-} -cp "$CP" "$MAIN_CLASS" bench lm "${common[@]}" >"$log" 2>&1; then
        tail -20 "$log" >&2
        die "Java benchmark failed (round $r), log: $log"
    fi
    grep -m1 '^OURS ' "$log" >>"$lines" || { tail -20 "$log" >&2; die "no OURS line in $log"; }
    tail -1 "$lines"

    log="$OUT_DIR/lm-$stamp-ref-$r.log"
    if ! "$PY" "$BENCH_DIR/reference_lm.py" "${ref_args[@]}" "${ref_sdpa[@]}" >"$log" 2>&1; then
        tail -20 "$log" >&2
        die "reference failed (round $r), log: $log"
    fi
    grep -m1 '^REFERENCE ' "$log" >>"$lines" || { tail -20 "$log" >&2; die "no REFERENCE line in $log"; }
    tail -1 "$lines"
done

# ---- ratio: best (max tokens/s) of the rounds on each side -------------------------------------
awk -v rounds="$rounds" '
    function num(s) { return (s ~ /^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$/) ? s + 0 : -1 }
    function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.3f", a / b) : "nan" }
    {
        side = $1
        for (i = 2; i <= NF; i++) {
            split($i, kv, "=")
            v = num(kv[2])
            if (kv[1] == "train_tokens_per_s" && v > best[side, "train"]) best[side, "train"] = v
            if (kv[1] == "decode_tokens_per_s" && v > best[side, "decode"]) best[side, "decode"] = v
        }
    }
    END {
        printf "run-lm-bench: best of %d runs each: train tokens/s ours %.1f ref %.1f; decode tokens/s ours %.2f ref %.2f\n",
            rounds, best["OURS", "train"], best["REFERENCE", "train"],
            best["OURS", "decode"], best["REFERENCE", "decode"]
        printf "RESULT lm_train_ratio=%s lm_decode_ratio=%s\n",
            ratio(best["OURS", "train"], best["REFERENCE", "train"]),
            ratio(best["OURS", "decode"], best["REFERENCE", "decode"])
    }' "$lines"
