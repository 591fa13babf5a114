"""Push world model: fidelity and throughput against the real pybullet env, as Markdown tables.

    python benchmarks/world_model_eval.py --model runs/push_world_model/model [--episodes 32] [--horizon 32]
    python benchmarks/world_model_eval.py --sweep [--threads 1] [--seconds 3]
    python benchmarks/world_model_eval.py --patch-ceiling [--steps 3000]

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

``--patch-ceiling``: what a DiT of width D can output per (p x p) pixel patch at best. Its final
layer is linear (AdaLN only shifts and scales the features), so every predicted patch lies in a
fixed D-dimensional affine subspace; the best such subspace is the patches' PCA. Printed: the
PSNR of rank-D reconstructions of collected Push frames and of frame-to-frame changes (what the
residual prediction outputs), next to "copy the last frame". No training involved.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile

import numpy as np
import torch

from sora_sdk.device import default_compute_dtype, retain_freed_cpu_memory
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
    "p16-d128-l4-k1": (dict(patch_size=16, hidden_size=128, depth=4, num_heads=2, context_frames=1), 1),
    "p16-d96-l3-k1, mlp x2": (dict(patch_size=16, hidden_size=96, depth=3, num_heads=2, mlp_ratio=2.0, context_frames=1), 1),
    "p16-d192-l4-k2": (dict(patch_size=16, hidden_size=192, depth=4, num_heads=3), 1),
    "p16-d192-l4-k2, 2 steps": (dict(patch_size=16, hidden_size=192, depth=4, num_heads=3), 2),
    "p16-d256-l4-k2": (dict(patch_size=16, hidden_size=256, depth=4, num_heads=4), 1),
    "p16-d256-l4-k3": (dict(patch_size=16, hidden_size=256, depth=4, num_heads=4, context_frames=3), 1),
}


def sweep(seconds: float, batch: int) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    peak = matmul_peak_gflops()
    rows = [f"load average {load:.1f}, {torch.get_num_threads()} torch threads, {str(default_compute_dtype('cpu')).removeprefix('torch.')} matmul peak {peak:.0f} GFLOP/s, "
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


def patch_ceiling(steps: int) -> str:
    import gymnasium as gym

    from sora_sdk.integrations.robotics import ExplorationPolicy, RolloutDataset, collect_rollouts

    with tempfile.TemporaryDirectory() as root:
        env = gym.make("SoraSDK/Push-v0", render_mode="rgb_array")
        collect_rollouts(env, ExplorationPolicy(env, seed=0), steps, root, seed=0, progress=False)
        env.close()
        episodes = RolloutDataset(root, context_frames=1).episodes
    frames = [e["frames"].astype(np.float64) / 127.5 - 1 for e in episodes]
    before, after = np.concatenate([f[:-1] for f in frames]), np.concatenate([f[1:] for f in frames])
    copy = 10 * math.log10(4 / np.mean((after - before) ** 2))
    rows = [f"{len(after)} Push transitions (ExplorationPolicy); copy-last-frame PSNR {copy:.1f} dB", "",
            "| patch | patch dim | D | frames: rank-D PSNR | changes: rank-D PSNR |", "| --- | --- | --- | --- | --- |"]
    for p in (8, 16):
        def patches(x):  # (N, 64, 64, 3) -> (N * (64/p)^2, p*p*3)
            return x.reshape(len(x), 64 // p, p, 64 // p, p, 3).transpose(0, 1, 3, 2, 4, 5).reshape(-1, p * p * 3)

        spectra = []
        for x in (after, after - before):
            P = torch.from_numpy(patches(x))
            P = P - P.mean(0)
            eig = torch.linalg.eigvalsh(P.T @ P / len(P)).flip(0)  # descending variances
            spectra.append(eig)
        for d in (96, 128, 192, 256):
            if d >= p * p * 3:
                continue
            # Mean squared error of the best rank-d fit = the variance left in the other directions.
            psnrs = [10 * math.log10(4 / (float(e[d:].sum()) / (p * p * 3))) for e in spectra]
            rows.append(f"| {p}x{p} | {p * p * 3} | {d} | {psnrs[0]:.1f} dB | {psnrs[1]:.1f} dB |")
    return "\n".join(rows)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", help="a WorldModel folder (e.g. runs/push_world_model/model) or a shipped name")
    p.add_argument("--sweep", action="store_true", help="size/speed table of candidate configs (random weights)")
    p.add_argument("--patch-ceiling", action="store_true", help="PSNR ceiling of a width-D linear patch output")
    p.add_argument("--steps", type=int, default=3000, help="Push steps collected for --patch-ceiling")
    p.add_argument("--episodes", type=int, default=32)
    p.add_argument("--horizon", type=int, default=32)
    p.add_argument("--sampling-steps", type=int, default=None)
    p.add_argument("--context-sigma", type=float, default=None, help="context noise at sampling (default: the model's)")
    p.add_argument("--seconds", type=float, default=3.0, help="wall time per throughput measurement")
    p.add_argument("--batch", type=int, default=64, help="batch size of the sweep")
    p.add_argument("--threads", type=int, default=None, help="torch intra-op threads (default: torch's)")
    args = p.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    # The benchmark owns its process: the simulator's freed batch memory stays with glibc
    # (docs/robotics.md, "Memory"); SORA_SDK_RETAIN_CPU_MEMORY=0 measures without it.
    print(f"allocator: freed CPU memory retained = {retain_freed_cpu_memory()}")
    if not (args.model or args.sweep or args.patch_ceiling):
        p.error("pass --model PATH, --sweep and/or --patch-ceiling")
    if args.patch_ceiling:
        print(patch_ceiling(args.steps))
    if args.sweep:
        print(sweep(args.seconds, args.batch))
    if args.model:
        report = evaluate_world_model(args.model, args.episodes, args.horizon, sampling_steps=args.sampling_steps,
                                      context_sigma=args.context_sigma, seconds=args.seconds)
        print(report.to_markdown())


if __name__ == "__main__":
    main()
