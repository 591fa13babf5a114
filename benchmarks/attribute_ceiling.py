"""How much of the attribute analyzer's accuracy the compressor allows: the DiT's ceiling.

    python benchmarks/attribute_ceiling.py [--compressor sora_sdk/weights/default/compressor] [--n 60]

For `n` held-out `Shapes` clips (17x64x64, seed `HELDOUT_SHAPES_SEED + 7`, never trained on), the
attribute analyzer (`analyze_video` + `score_reading`, what `sora-sdk eval` uses) reads

1. the ground-truth clip: the analyzer's own accuracy on perfect videos;
2. the compressor's round trip of it (encode to the posterior's mode, decode, bf16 autocast):
   the best a DiT generating in this latent space can score if it produced perfect latents.

Prints one Markdown row per source with colour, shape, size, motion and count accuracy. If the
round trip scores far below the ground truth, the compressor limits the default model's
accuracy; if not, the DiT does.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import numpy as np
import torch
from tqdm import tqdm

from sora_sdk.data.shapes import Shapes
from sora_sdk.device import default_compute_dtype
from sora_sdk.eval.attributes import analyze_video, score_reading
from sora_sdk.eval.compressor_eval import HELDOUT_SHAPES_SEED
from sora_sdk.models.compressor import load_compressor

KEYS = ("colour", "shape", "size", "motion", "count")


def _frames(x: torch.Tensor) -> np.ndarray:
    """(T, 3, H, W) in [-1, 1] -> (T, H, W, 3) uint8."""
    return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).numpy()


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--compressor", default="sora_sdk/weights/default/compressor", help="a VideoCompressor folder")
    ap.add_argument("--n", type=int, default=60, help="held-out clips")
    ap.add_argument("--threads", type=int, default=None, help="torch intra-op threads")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be >= 1")
    if args.threads:
        torch.set_num_threads(args.threads)
    compressor = load_compressor(args.compressor).eval()
    clips = Shapes(args.n, seed=HELDOUT_SHAPES_SEED + 7)
    hits: dict[str, dict[str, list[bool]]] = {"ground truth": defaultdict(list), "compressor round trip": defaultdict(list)}
    dtype = default_compute_dtype("cpu")  # bf16 where the CPU has bf16 units, as the generator
    for i in tqdm(range(args.n), desc="clips"):
        sample = clips[i]
        x = sample["video"]  # (T, 3, H, W)
        with torch.no_grad(), torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
            y = compressor.decode(compressor.encode(x.transpose(0, 1)[None]).mode()).float()[0].transpose(0, 1)
        for source, video in (("ground truth", x), ("compressor round trip", y)):
            for key, ok in score_reading(analyze_video(_frames(video)), sample["attributes"]).items():
                hits[source][key].append(ok)
    result = {s: {k: float(np.mean(v[k])) for k in KEYS if v.get(k)} for s, v in hits.items()}
    print(f"\n{args.n} held-out Shapes clips, compressor {args.compressor}\n")
    print("| source | " + " | ".join(KEYS) + " |")
    print("| --- |" + " --- |" * len(KEYS))
    for source, acc in result.items():
        print(f"| {source} | " + " | ".join(f"{acc[k]:.1%}" if k in acc else "" for k in KEYS) + " |")
    return result


if __name__ == "__main__":
    main()
