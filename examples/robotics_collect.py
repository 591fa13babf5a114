"""Collect a rollout dataset from a robotics task (or any rgb_array gymnasium env) and draw a frame grid.

    python examples/robotics_collect.py --env SoraSDK/Push-v0 --policy scripted --steps 2000 --out outputs/push
    python examples/robotics_collect.py --policy policies/ppo_world_model.zip --steps 30000 \
        --out runs/push_world_model/rollouts/train/ppo_round1      # a trained policy's own real episodes

``--policy`` is ``scripted``, ``random`` or a stable-baselines3 PPO zip (``examples/rl_in_imagination.py
--save-dir``), which acts stochastically, as in training. Rollouts of a policy trained in a world model,
put under the model's ``rollouts/train/``, are what the model learns from next (docs/robotics.md,
"A policy round").

Writes the dataset (``index.json`` + one ``episode_*.npz`` per episode, see docs/robotics.md) and
``frames.png`` in ``--out``: one row per episode (the first ``--grid-episodes``), ``--grid-frames``
evenly spaced frames per row from the reset frame to the last, each at its stored 64x64 pixels
scaled up by ``--scale`` (nearest neighbour, so every stored pixel stays visible as it is).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import gymnasium as gym
import numpy as np
from PIL import Image

import sora_sdk.integrations.robotics as robotics

SCRIPTED = {"SoraSDK/Push-v0": robotics.PushScriptedPolicy, "SoraSDK/Reach-v0": robotics.ReachScriptedPolicy}


def frame_grid(out: Path, episodes: int, frames_per_row: int, scale: int) -> Image.Image:
    """Rows of evenly spaced frames from the first ``episodes`` episodes of the dataset in ``out``."""
    index = json.loads((out / "index.json").read_text())
    rows = []
    for entry in index["episodes"][:episodes]:
        frames = np.load(out / entry["file"])["frames"]  # (T+1, H, W, 3) uint8
        picks = np.linspace(0, len(frames) - 1, frames_per_row).round().astype(int)
        gap = np.full((frames.shape[1], 2, 3), 255, dtype=np.uint8)  # white 2-px column between frames
        rows.append(np.concatenate([x for i in picks for x in (frames[i], gap)][:-1], axis=1))
        rows.append(np.full((2, rows[-1].shape[1], 3), 255, dtype=np.uint8))
    grid = np.concatenate(rows[:-1], axis=0)
    return Image.fromarray(grid).resize((grid.shape[1] * scale, grid.shape[0] * scale), Image.NEAREST)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--env", default="SoraSDK/Push-v0", help="a gymnasium id whose env renders rgb_array")
    parser.add_argument("--steps", type=int, default=1000, help="env steps to record in total")
    parser.add_argument("--out", default="outputs/robotics_push", help="dataset folder (replaced if it holds one)")
    parser.add_argument("--policy", default="scripted",
                        help="'scripted', 'random', or the path of a stable-baselines3 PPO .zip (needs stable-baselines3)")
    parser.add_argument("--noise", type=float, default=0.3, help="scripted policy's action noise (std)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--grid-episodes", type=int, default=4)
    parser.add_argument("--grid-frames", type=int, default=8)
    parser.add_argument("--scale", type=int, default=3, help="upscaling of the grid PNG (nearest neighbour)")
    args = parser.parse_args()

    env = gym.make(args.env, render_mode="rgb_array")
    if args.policy == "scripted":
        if args.env not in SCRIPTED:
            parser.error(f"--policy scripted exists for {', '.join(SCRIPTED)}; use --policy random for {args.env}")
        policy = SCRIPTED[args.env](env, noise=args.noise, seed=args.seed)
    elif args.policy == "random":
        policy = "random"
    elif args.policy.endswith(".zip"):
        if not Path(args.policy).is_file():
            parser.error(f"--policy {args.policy}: no such file (save one with examples/rl_in_imagination.py --save-dir)")
        try:
            from stable_baselines3 import PPO
        except ImportError:
            parser.error("--policy <zip> loads a stable-baselines3 model: pip install 'sora-sdk[robotics,rl]'")
        policy = PPO.load(args.policy, device="cpu")
    else:
        parser.error(f"--policy {args.policy!r}: use 'scripted', 'random' or the path of a stable-baselines3 PPO .zip")
    out = Path(args.out)
    meta = {"noise": args.noise} if args.policy == "scripted" else {"policy": args.policy}
    index = robotics.collect_rollouts(env, policy, args.steps, out, seed=args.seed, overwrite=True, metadata=meta)
    env.close()

    lengths = [e["length"] for e in index["episodes"]]
    successes = [e["success"] for e in index["episodes"] if not e["cut"] and e["success"] is not None]
    summary = f"{len(lengths)} episodes, {sum(lengths)} steps, mean length {np.mean(lengths):.1f}"
    if successes:
        summary += f", success rate {np.mean(successes):.0%} over {len(successes)} complete episodes"
    print(summary)
    grid = frame_grid(out, args.grid_episodes, args.grid_frames, args.scale)
    grid.save(out / "frames.png")
    print(f"dataset and frames.png in {out}")


if __name__ == "__main__":
    main()
