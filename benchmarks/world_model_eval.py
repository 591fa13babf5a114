"""Push world model: fidelity and throughput against the real pybullet env, as Markdown tables.

    python benchmarks/world_model_eval.py --model runs/push_world_model/model [--episodes 32] [--horizon 32]
    python benchmarks/world_model_eval.py --sweep [--threads 1] [--seconds 3]

``--model``: `evaluate_world_model` on a trained model: open-loop PSNR/SSIM per step against the
real env from the same seeds and actions, ΔPSNR (true vs random actions), reward MAE and
termination accuracy, and env-steps/s of the batched simulator at batch 1, 8 and 64 beside the
real env's render-inclusive steps/s, all measured in this run.

``--sweep``: the sizing table behind the default config (docs/robotics.md): for several
WorldModel configurations (random weights: speed does not depend on them), FLOPs per env step
(FlopCounterMode) and the batched simulator's env-steps/s at batch 64, each next to the real env
measured right before it, per second of wall time and per second of CPU time (with --threads 1
both sides use one core, and the CPU-time ratio is nearly independent of the machine's load).
Shared machines are noisy: compare numbers printed together.
"""

from __future__ import annotations

import argparse
import os

import torch

from sora_sdk.integrations.robotics.world_model import WorldModel
from sora_sdk.integrations.robotics.world_model_eval import (
    evaluate_world_model,
    matmul_peak_gflops,
    real_env_steps_per_second,
    world_model_steps_per_second,
)

# name -> (WorldModel kwargs, sampling steps). p = patch side (tokens per frame = (64/p)^2),
# d = width, l = depth, k = context frames.
SWEEP = {
    "p8-d128-l4-k2": (dict(patch_size=8, hidden_size=128, depth=4, num_heads=2), 1),
    "p8-d96-l3-k2": (dict(patch_size=8, hidden_size=96, depth=3, num_heads=2), 1),
    "p16-d128-l4-k2": (dict(patch_size=16, hidden_size=128, depth=4, num_heads=2), 1),
    "p16-d128-l4-k2, mlp x2": (dict(patch_size=16, hidden_size=128, depth=4, num_heads=2, mlp_ratio=2.0), 1),
    "p16-d128-l3-k2": (dict(patch_size=16, hidden_size=128, depth=3, num_heads=2), 1),
    "p16-d128-l4-k2, context_sigma 0": (dict(patch_size=16, hidden_size=128, depth=4, num_heads=2, context_sigma=0.0), 1),
    "p16-d192-l4-k2": (dict(patch_size=16, hidden_size=192, depth=4, num_heads=3), 1),
    "p16-d192-l4-k2, 2 steps": (dict(patch_size=16, hidden_size=192, depth=4, num_heads=3), 2),
    "p16-d256-l4-k2": (dict(patch_size=16, hidden_size=256, depth=4, num_heads=4), 1),
    "p16-d256-l4-k3": (dict(patch_size=16, hidden_size=256, depth=4, num_heads=4, context_frames=3), 1),
}


def sweep(seconds: float, batch: int) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    peak = matmul_peak_gflops()
    rows = [f"load average {load:.1f}, {torch.get_num_threads()} torch threads, bf16 matmul peak {peak:.0f} GFLOP/s, "
            f"batch {batch}", "",
            "| config | params | GFLOP / env step | world model env-steps/s | real env steps/s | ratio | "
            "per CPU-second: world model | real env | ratio |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, (kwargs, steps) in SWEEP.items():
        torch.manual_seed(0)
        model = WorldModel(**kwargs, sampling_steps=steps).eval()
        # Random weights would end ~half the episodes every step (termination probability ~0.5)
        # and the benchmark would time pybullet resets; random actions end real Push episodes by
        # truncation (random success rate 0.5%), so do the same here.
        with torch.no_grad():
            model.head.mlp[-1].bias[1] = -20.0
        params = sum(p.numel() for p in model.parameters()) / 1e6
        flops = model.step_flops(1, steps=steps) / 1e9
        real = real_env_steps_per_second(seconds)
        rate = world_model_steps_per_second(model, batch, seconds)
        rows.append(f"| {name} | {params:.2f}M | {flops:.3f} | {rate.wall:.0f} | {real.wall:.0f} | {rate.wall / real.wall:.2f}x | "
                    f"{rate.cpu:.0f} | {real.cpu:.0f} | {rate.cpu / real.cpu:.2f}x |")
        print(rows[-1], flush=True)
    return "\n".join(rows)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", help="a WorldModel folder (e.g. runs/push_world_model/model) or a shipped name")
    p.add_argument("--sweep", action="store_true", help="size/speed table of candidate configs (random weights)")
    p.add_argument("--episodes", type=int, default=32)
    p.add_argument("--horizon", type=int, default=32)
    p.add_argument("--sampling-steps", type=int, default=None)
    p.add_argument("--seconds", type=float, default=3.0, help="wall time per throughput measurement")
    p.add_argument("--batch", type=int, default=64, help="batch size of the sweep")
    p.add_argument("--threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    if not args.model and not args.sweep:
        p.error("pass --model PATH and/or --sweep")
    if args.sweep:
        print(sweep(args.seconds, args.batch))
    if args.model:
        report = evaluate_world_model(args.model, args.episodes, args.horizon, sampling_steps=args.sampling_steps,
                                      seconds=args.seconds)
        print(report.to_markdown())


if __name__ == "__main__":
    main()
