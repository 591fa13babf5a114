"""Steps per second of the real pybullet tasks: physics only, and physics + the 64x64 render.

    python benchmarks/robotics_env_throughput.py [--seconds 3] [--image-size 64]

For each task (SoraSDK/Push-v0, SoraSDK/Reach-v0), in one process on one core, with random actions
drawn beforehand and episodes reset as they end (resets included in the rate):
  physics only   gymnasium.make(id, obs_type="state"): step, reward, info; no rendering
  + render       gymnasium.make(id): the same, plus the 64x64 ER_TINY_RENDERER frame every step
and the render's share of a step (1/rate(+ render) - 1/rate(physics only)). These are the figures a learned world model's
env-steps/s is compared with (docs/robotics.md). Shared machines are noisy: compare the figures
printed together, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import os
import time

import gymnasium as gym
import numpy as np

from sora_sdk.integrations.robotics import ENV_IDS


def steps_per_second(env: gym.Env, seconds: float, seed: int = 0) -> float:
    """Env steps per second over about ``seconds`` of wall time, resets included."""
    actions = np.random.default_rng(seed).uniform(-1, 1, size=(4096, 2)).astype(np.float32)
    env.reset(seed=seed)
    for a in actions[:50]:  # warm-up
        if any(env.step(a)[2:4]):
            env.reset()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for a in actions[n % 4096 : n % 4096 + 256]:
            _, _, terminated, truncated, _ = env.step(a)
            if terminated or truncated:
                env.reset()
        n += 256
    return n / (time.perf_counter() - start)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=3.0, help="wall time per measurement")
    p.add_argument("--image-size", type=int, default=64)
    args = p.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cpu cores={os.cpu_count()} load average (1 min)={load:.2f}  image {args.image_size}x{args.image_size}")
    print(f"{'task':18s} {'physics only':>14s} {'+ render':>14s} {'ratio':>7s} {'render/step':>12s}")
    for env_id in ENV_IDS:
        physics = gym.make(env_id, obs_type="state", image_size=args.image_size)
        rendered = gym.make(env_id, obs_type="rgb", image_size=args.image_size)
        phys = steps_per_second(physics, args.seconds)
        rend = steps_per_second(rendered, args.seconds)
        ms = (1 / rend - 1 / phys) * 1e3
        print(f"{env_id:18s} {phys:10.0f} st/s {rend:10.0f} st/s {phys / rend:6.1f}x {ms:9.2f} ms")
        physics.close()
        rendered.close()


if __name__ == "__main__":
    main()
