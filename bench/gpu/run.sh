#!/usr/bin/env bash
# The GPU check of the ONNX backend: the tests' tiny Stable Diffusion and Stable Video Diffusion
# folders on ONNX Runtime's CUDA provider against its CPU provider (whose results the reference
# tests pin to diffusers' formulas), with the time of each call. The machine that runs it needs no
# .NET: the check is published self-contained here, then carried.
#
#   bench/gpu/run.sh publish      # here: publishes to artifacts/gpu-check (the GPU install of ONNX Runtime)
#   bench/gpu/run.sh              # on the GPU machine, from the repository root: runs the published check
#
# Exit 0: every output within 2 byte values of the CPU's; 1: above; 2: CUDA did not load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/artifacts/gpu-check"

if [ "${1:-}" = "publish" ]; then
  dotnet publish "$root/bench/CineForge.Onnx.Bench" -c Release -r linux-x64 --self-contained true \
    -p:CineForgeGpu=true -o "$out" -nologo -v quiet
  du -sh "$out"
  exit 0
fi

if [ ! -x "$out/CineForge.Onnx.Bench" ]; then
  echo "gpu check: $out/CineForge.Onnx.Bench is missing: run 'bench/gpu/run.sh publish' on a machine with .NET first" >&2
  exit 2
fi

nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo "gpu check: nvidia-smi not found"
uptime
exec "$out/CineForge.Onnx.Bench" gpu
