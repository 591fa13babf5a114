"""Success rates of the scripted policies (at several noise levels) against random actions.

    python benchmarks/robotics_policy_success.py [--episodes 200]

Episodes ``i = 0..N-1`` of every row start from ``reset(seed=1000 + i)``, so the rows face the
same starts; the state observation is used (the policies read positions, and no frame is needed).
Prints the success rate with a 95% Wilson interval and the mean length of successful episodes.
"""

from __future__ import annotations

import argparse
import math

import gymnasium as gym
import numpy as np

from sora_sdk.integrations.robotics import PushScriptedPolicy, ReachScriptedPolicy

SCRIPTED = {"SoraSDK/Push-v0": PushScriptedPolicy, "SoraSDK/Reach-v0": ReachScriptedPolicy}


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def run(env: gym.Env, act, episodes: int) -> tuple[int, list[int]]:
    successes, lengths = 0, []
    for i in range(episodes):
        obs, info = env.reset(seed=1000 + i)
        for t in range(1, 10_000):
            obs, _, terminated, truncated, info = env.step(act(obs))
            if terminated or truncated:
                break
        if info["success"]:
            successes += 1
            lengths.append(t)
    return successes, lengths


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--episodes", type=int, default=200)
    p.add_argument("--noise", type=float, nargs="+", default=[0.0, 0.3, 1.0])
    args = p.parse_args()

    print(f"{'task':18s} {'policy':16s} {'success':>8s} {'95% interval':>16s} {'steps to success':>17s}")
    for env_id, policy_cls in SCRIPTED.items():
        env = gym.make(env_id, obs_type="state")
        rows = [(f"scripted {n:g}", policy_cls(env, noise=n, seed=0)) for n in args.noise]
        env.action_space.seed(0)
        rows.append(("random", lambda obs: env.action_space.sample()))
        for name, act in rows:
            k, lengths = run(env, act, args.episodes)
            lo, hi = wilson(k, args.episodes)
            steps = f"{np.mean(lengths):.1f}" if lengths else "-"
            print(f"{env_id:18s} {name:16s} {k / args.episodes:8.1%} {f'[{lo:.1%}, {hi:.1%}]':>16s} {steps:>17s}")
        env.close()


if __name__ == "__main__":
    main()
