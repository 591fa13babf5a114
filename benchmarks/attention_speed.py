"""Inference attention kernels on this machine: the plain (math) path against SDPA, one run.

    python benchmarks/attention_speed.py [--threads 2] [--repeats 30]

For each (batch, heads, queries, keys) shape the default models meet at inference, prints the
median milliseconds of ``attention(..., backend="math")`` and ``backend="sdpa"`` in bf16, the ratio
(SDPA time / math time: > 1 means the plain path is faster), and which one ``"auto"`` picks. The
shapes: the default video model (5 heads of 64) with guidance (batch 2) at 64x64 (320 tokens),
64x112 (560), a larger grid (1280), its cross-attention to text (12 keys), a batch of 4 clips, and
the world model's batch 64 x 48 tokens. Shared machines are noisy: compare the two columns of one
run, not runs.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from sora_sdk.models.attention import _auto_backend, attention

SHAPES = [  # (label, batch, heads, queries, keys, head_dim)
    ("64x64 self", 2, 5, 320, 320, 64),
    ("64x112 self", 2, 5, 560, 560, 64),
    ("64x112 cross (12 text tokens)", 2, 5, 560, 12, 64),
    ("4 clips at 64x112 self", 8, 5, 560, 560, 64),
    ("1280 tokens self", 2, 5, 1280, 1280, 64),
    ("world model, batch 64 x 48 tokens", 64, 4, 48, 48, 64),
]


def _median_ms(fn, repeats: int) -> float:
    for _ in range(3):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=30)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    print(f"bf16 inference, {args.threads} threads, median of {args.repeats}")
    print("| shape | B x heads x N x M | math (ms) | sdpa (ms) | sdpa / math | auto picks |")
    print("|---|---|---|---|---|---|")
    with torch.no_grad():
        for label, b, h, n, m, d in SHAPES:
            q = torch.randn(b, h, n, d).bfloat16()
            k, v = torch.randn(b, h, m, d).bfloat16(), torch.randn(b, h, m, d).bfloat16()
            # Alternate the two so a change in machine speed hits both.
            math_ms, sdpa_ms = [], []
            for _ in range(3):
                math_ms.append(_median_ms(lambda: attention(q, k, v, backend="math"), args.repeats // 3 or 1))
                sdpa_ms.append(_median_ms(lambda: attention(q, k, v, backend="sdpa"), args.repeats // 3 or 1))
            mm, sm = statistics.median(math_ms), statistics.median(sdpa_ms)
            print(f"| {label} | {b}x{h}x{n}x{m} | {mm:.2f} | {sm:.2f} | {sm / mm:.2f} | {_auto_backend(q, k)} |")


if __name__ == "__main__":
    main()
