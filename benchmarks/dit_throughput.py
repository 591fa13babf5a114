"""DiT forward/backward throughput and model-FLOPs utilisation against a matmul peak measured in the same run.

    python benchmarks/dit_throughput.py [--preset small] [--batch 8] [--frames 17 --height 64 --width 64]

Prints, for each attention backend: ms per forward (inference) and per forward+backward (training),
achieved GFLOP/s, and MFU = achieved / bf16 matmul peak (2048^3) measured in this run. Shared machines
are noisy: compare the ratios printed together, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import time

import torch
from torch.utils.flop_counter import FlopCounterMode

from sora_sdk.models.dit import DIT_PRESETS, SpacetimeDiT
from sora_sdk.device import default_compute_dtype


def timed(fn, repeats: int) -> float:
    fn()  # warm-up (allocator, oneDNN primitive cache)
    start = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - start) / repeats


def matmul_peak(dtype: torch.dtype) -> float:
    a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
    with torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
        sec = timed(lambda: a @ b, 5)
    return 2 * 2048**3 / sec


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--preset", default="small", choices=list(DIT_PRESETS))
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--frames", type=int, default=17)
    p.add_argument("--height", type=int, default=64)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()

    dtype = default_compute_dtype(torch.device("cpu"))
    torch.manual_seed(0)
    model = SpacetimeDiT(in_channels=8, **DIT_PRESETS[args.preset])
    t_lat = 1 + (args.frames - 1) // 4
    x = torch.randn(args.batch, 8, t_lat, args.height // 4, args.width // 4)
    kw = dict(
        timestep=torch.rand(args.batch) * 1000,
        encoder_hidden_states=torch.randn(args.batch, 32, 384),
        pooled_text=torch.randn(args.batch, 384),
        encoder_attention_mask=torch.ones(args.batch, 32, dtype=torch.bool),
    )
    n_tokens = x[0, 0].numel() // 4
    peak = matmul_peak(dtype)
    print(f"preset={args.preset} params={sum(p.numel() for p in model.parameters()) / 1e6:.1f}M batch={args.batch} "
          f"tokens={n_tokens} dtype={dtype} matmul peak={peak / 1e9:.0f} GFLOP/s")

    with FlopCounterMode(display=False) as fc:
        model(x, **kw)
    fwd_flops = fc.get_total_flops()

    for backend in ("math", "sdpa"):
        model.set_attention_backend(backend)
        with torch.no_grad(), torch.autocast("cpu", dtype=dtype):
            t_fwd = timed(lambda: model(x, **kw), args.repeats)

        def train_step():
            with torch.autocast("cpu", dtype=dtype):
                out = model(x, **kw)
            out.float().square().mean().backward()

        t_train = timed(train_step, args.repeats)
        print(f"{backend:5s} forward {t_fwd * 1e3:7.1f} ms  {fwd_flops / t_fwd / 1e9:6.0f} GFLOP/s  MFU {fwd_flops / t_fwd / peak:5.1%} | "
              f"fwd+bwd {t_train * 1e3:7.1f} ms  {3 * fwd_flops / t_train / 1e9:6.0f} GFLOP/s  MFU {3 * fwd_flops / t_train / peak:5.1%}")


if __name__ == "__main__":
    main()
