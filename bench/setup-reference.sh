#!/usr/bin/env bash
# Creates bench/.venv with the official PyTorch CPU wheel: the reference the Java engine is
# compared against (see bench/README.md and DESIGN.md "Performance").
#
# Idempotent: if bench/.venv already imports torch, it only prints the versions.
#
# On these machines pip is configured with a local mirror (/opt/wheels, /opt/pypi*/simple);
# `pip install torch` resolves offline to torch 2.13.0+cpu (the CPU-only wheel, no CUDA libs).
# A constraint file (/etc/xdg/pip/constraints.txt) caps torch at <=2.14.1. numpy is installed
# too only so torch does not warn at import. pip's default index (pypi.org) is unreachable here
# and its retries cost ~90 s, so --retries defaults to 0 (PIP_RETRIES=5 to change it).
# Elsewhere, the CPU-only index can be forced with:
#   TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu bench/setup-reference.sh
#
# FALLBACK ONLY (not a fair reference by itself, see DESIGN.md):
#   apt-get update && apt-get install -y python3-torch libopenblas0-pthread
# Debian's python3-torch (1.13) uses reference BLAS (~20x slower) unless libopenblas0-pthread
# is installed too; with OpenBLAS it is fastest at --threads 1. run-lm-bench.sh uses the system
# python3 automatically when bench/.venv is missing and python3 can import torch.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$BENCH_DIR/.venv"
PY="${PYTHON:-python3}"

start=$(date +%s)

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import torch, numpy' 2>/dev/null; then
    echo "setup-reference: $VENV already has torch and numpy; nothing to install"
else
    if [ ! -x "$VENV/bin/python" ]; then
        echo "setup-reference: creating $VENV"
        "$PY" -m venv "$VENV"
    fi
    pip_args=(install --disable-pip-version-check --retries "${PIP_RETRIES:-0}" torch numpy)
    if [ -n "${TORCH_INDEX_URL:-}" ]; then
        pip_args+=(--index-url "$TORCH_INDEX_URL")
    fi
    echo "setup-reference: pip ${pip_args[*]}"
    "$VENV/bin/python" -m pip "${pip_args[@]}"
fi

"$VENV/bin/python" - <<'EOF'
import platform, torch
print(f"python={platform.python_version()} torch={torch.__version__} "
      f"cuda={torch.version.cuda} mkldnn={torch.backends.mkldnn.is_available()} "
      f"intra_threads_default={torch.get_num_threads()}")
EOF
echo "setup-reference: done in $(( $(date +%s) - start )) s"
