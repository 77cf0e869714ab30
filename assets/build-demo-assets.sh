#!/usr/bin/env bash
# Rebuilds the demo's trained assets in assets/demo/ from films.jsonl alone, with ELM Studio's own commands:
#
#   1. elm import demo   the simulated audience (seeded), its ALS behavioral space, the films' semantic space
#                        (all-MiniLM-L6-v2), the tasks (200 films held out) and the pretraining corpus (the films' texts)
#   2. elm pretrain      byte-level BPE tokenizer and a small GPT-2 style base LM on that corpus   -> base-lm/
#   3. elm train         the ELM on the behavioral space: stage 1 adapter only, stage 2 LoRA        -> elm/
#   4. elm train --text-only   the baseline: same base, same examples and updates, titles in the slots -> baseline/
#   5. elm eval          target loss and exact match of both on the held-out films' tasks
#   6. elm compare       ELM vs baseline on held-out summaries: SC, BC, genre/reception/decade     -> eval/
#   7. elm export --base-ref   both models without a copy of the base LM (they share base-lm/)
#
# Also written: space/movies-behavioral.npy (+ .ids.npy), the vectors the ELM was trained on, and
# space/movies-semantic.npy (+ .ids.npy), the films' MiniLM vectors that SC compares texts with, so the app's demo
# workspace never recomputes or encodes them; runs.json, the runs as 'elm runs --json' reports them (their settings), and
# elm-run.json, the ELM run with its training curves.
# Everything is seeded: the same machine gives the same files (PyTorch on CPU, one thread).
#
# Usage: assets/build-demo-assets.sh [SCRATCH_DIR]   (default: a new temporary folder, kept for inspection)
# Given a SCRATCH_DIR of an interrupted build, finished steps 1 to 4 (the workspace, the base LM, the two trained
# models) are kept and the build goes on from there.
# Time: 52 minutes on one PyTorch thread of a shared, heavily loaded 2-core VM; roughly 15-20 on one idle core
# (see assets/demo/README.md).
# Threads: ELM_THREADS (default 1) PyTorch threads. ELM_JAR: the app jar to run (default: app/target/app-*.jar,
# built when missing; ELM_REBUILD=1 rebuilds it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
JAVA_HOME="$(find_jdk 21)"
export JAVA_HOME

jar="${ELM_JAR:-$(ls app/target/app-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -n 1 || true)}"
if [ -z "$jar" ] || [ ! -d "$(dirname "$jar")/lib" ] || [ -n "${ELM_REBUILD:-}" ]; then
  echo "building the app jar" >&2
  mvn -B -q -DskipTests package
  jar=$(ls app/target/app-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
fi

SEED=42
HELD_OUT=200
WORK="${1:-$(mktemp -d -t elm-demo-assets-XXXXXX)}"
OUT=assets/demo
WS="$WORK/workspace"
mkdir -p "$WORK"
echo "scratch folder: $WORK" >&2

elm() {
  "$JAVA_HOME/bin/java" -Dai.djl.pytorch.num_threads="${ELM_THREADS:-1}" -jar "$jar" "$@"
}
# The id of the run a command just recorded ("run 2 recorded in …").
run_id() { sed -n 's/^run \([0-9][0-9]*\) recorded in .*/\1/p' "$1" | tail -n 1; }
lap() { echo "[$(( SECONDS / 60 ))m$(( SECONDS % 60 ))s] $*" >&2; }

# What both fine-tunes train on: the single-film tasks whose texts carry genre, era, acclaim and budget, and the
# interpolation between two films (the Explore panel's "between two films").
TASKS=summary,long_description,movie_to_viewer,positive_review,five_positive_characteristics,interpolation
STAGE1=200
STAGE2=600
COMMON=(--dataset demo --space movies-behavioral --base-model "$WORK/pretrain/model" --tasks "$TASKS"
        --batch 16 --stage2-lr 2e-3 --lora-rank 16 --lora-alpha 32 --lora-targets attn.c_attn,attn.c_proj,mlp.c_fc,mlp.c_proj
        --checkpoint-interval 0 --seed "$SEED")

lap "1/7 import demo"
if [ ! -f "$WS/elm.db" ]; then
  elm import demo -w "$WS" --assets assets --seed "$SEED" --held-out "$HELD_OUT" --corpus "$WORK/corpus.txt" --semantic
fi

lap "2/7 pretrain the base LM"
[ -f "$WORK/pretrain/model/config.json" ] || elm pretrain --corpus "$WORK/corpus.txt" --out "$WORK/pretrain" --vocab 3000 --layers 4 --width 192 --heads 6 \
    --context 128 --batch 16 --steps 600 --lr 3e-3 --warmup 30 --eval-interval 200 --checkpoint-interval 300 \
    --seed "$SEED" -w "$WS" > "$WORK/pretrain.log"

lap "3/7 train the ELM (two stages)"
finished() { [ -f "$1" ] && grep -q '^model: ' "$1"; }
finished "$WORK/elm.log" || elm train -w "$WS" "${COMMON[@]}" --adapter-hidden 256 --stage1-steps "$STAGE1" \
    --stage1-lr 1e-2 --stage2-steps "$STAGE2" | tee "$WORK/elm.log"
ELM_RUN=$(run_id "$WORK/elm.log")

lap "4/7 train the text-only baseline (one stage, as many updates)"
finished "$WORK/baseline.log" || elm train -w "$WS" "${COMMON[@]}" --text-only --stage1-steps 0 \
    --stage2-steps $(( STAGE1 + STAGE2 )) | tee "$WORK/baseline.log"
BASELINE_RUN=$(run_id "$WORK/baseline.log")

lap "5/7 eval both on the held-out films' tasks"
HELD_OUT_TASKS="$WS/datasets/demo/tasks-held-out.jsonl"
elm eval "$ELM_RUN" -w "$WS" --tasks "$HELD_OUT_TASKS" --limit 100 --max-tokens 48
elm eval "$BASELINE_RUN" -w "$WS" --tasks "$HELD_OUT_TASKS" --limit 100 --max-tokens 48

lap "6/7 compare ELM and baseline on held-out summaries"
rm -rf "$OUT/eval" "$OUT/base-lm" "$OUT/elm" "$OUT/baseline" "$OUT/space"
elm compare "$ELM_RUN" "$BASELINE_RUN" -w "$WS" --tasks "$HELD_OUT_TASKS" --films 200 --out "$OUT/eval" \
    | tee "$WORK/compare.log"

lap "7/7 export into $OUT"
mkdir -p "$OUT/base-lm" "$OUT/space"
cp "$WORK/pretrain/model/"* "$OUT/base-lm/"
cp "$WS/datasets/demo/embeddings/movies-behavioral.npy" "$WS/datasets/demo/embeddings/movies-behavioral.ids.npy" \
   "$WS/datasets/demo/embeddings/movies-semantic.npy" "$WS/datasets/demo/embeddings/movies-semantic.ids.npy" "$OUT/space/"
elm export "$ELM_RUN" -w "$WS" --with-adapters --base-ref ../base-lm --out "$OUT/elm"
elm export "$BASELINE_RUN" -w "$WS" --with-adapters --base-ref ../base-lm --out "$OUT/baseline"
elm runs -w "$WS" --json > "$OUT/runs.json"
elm runs "$ELM_RUN" -w "$WS" --json --series > "$OUT/elm-run.json"
cat > "$OUT/build.json" <<EOF
{"seed": $SEED, "held_out_films": $HELD_OUT, "space": "movies-behavioral", "elm_run": $ELM_RUN,
 "baseline_run": $BASELINE_RUN, "tasks": "$TASKS", "built_seconds": $SECONDS}
EOF
lap "done: $(du -sh "$OUT" | cut -f1) in $OUT"
