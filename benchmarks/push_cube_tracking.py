"""Does a Push world model move the cube where pybullet does? Cube position error, open loop.

    python benchmarks/push_cube_tracking.py [--model shipped|FOLDER] [--episodes 32] [--horizon 32]

PSNR is dominated by the static table; the one interaction Push is about, the pushed cube, covers
~2% of a frame. This benchmark resets `SoraSDK/Push-v0` and `SoraSDK/PushWorldModel-v0` with the
same seeds (5000 + i), drives both with the scripted policy's actions (noise 0.5), and finds the
cube in every frame as the centroid of its red pixels (R > 150, G < 90, B < 90: the pusher is
blue, the target green, the table grey). It prints the mean centroid distance in pixels (64x64
frames; 1 px = 6.25 mm) at steps 1, 4, 8, 16, 32; the same over every frame where the real cube
has moved more than 3 px from its start (the pushing itself); the share of frames whose red area
differs from the real one by more than half (a smeared cube); and the share where no red pixel is
left (the cube dissolved).
"""

from __future__ import annotations

import argparse

import gymnasium as gym
import numpy as np
import torch

import sora_sdk.integrations.robotics  # noqa: F401  (registers the ids)
from sora_sdk.integrations.robotics.scripted import PushScriptedPolicy

STEPS = (1, 4, 8, 16, 32)


def red_centroid(frame: np.ndarray) -> tuple[np.ndarray | None, int]:
    """(x, y) centroid of the cube's red pixels in an (H, W, 3) uint8 frame (None if none), and their count."""
    mask = (frame[..., 0] > 150) & (frame[..., 1] < 90) & (frame[..., 2] < 90)
    if not mask.any():
        return None, 0
    ys, xs = np.nonzero(mask)
    return np.array([xs.mean(), ys.mean()]), int(mask.sum())


def track(model: str | None, episodes: int, horizon: int) -> dict:
    real = gym.make("SoraSDK/Push-v0")
    sim = gym.make("SoraSDK/PushWorldModel-v0", model=model)
    at_step: dict[int, list[float]] = {t: [] for t in STEPS}
    moved, smeared, lost, frames = [], 0, 0, 0
    for ep in range(episodes):
        obs, _ = real.reset(seed=5000 + ep)
        sim.reset(seed=5000 + ep)
        policy = PushScriptedPolicy(real, noise=0.5, seed=ep)
        start, _ = red_centroid(obs)
        for t in range(1, horizon + 1):
            action = policy(obs)
            obs, _, terminated, truncated, _ = real.step(action)
            fake = sim.step(action)[0]
            (c_real, n_real), (c_fake, n_fake) = red_centroid(obs), red_centroid(fake)
            frames += 1
            lost += c_fake is None
            smeared += bool(n_real and abs(n_fake - n_real) > 0.5 * n_real)
            if c_real is not None and c_fake is not None:
                err = float(np.linalg.norm(c_real - c_fake))
                if t in at_step:
                    at_step[t].append(err)
                if start is not None and np.linalg.norm(c_real - start) > 3:
                    moved.append(err)
            if terminated or truncated:
                break
    real.close()
    sim.close()
    return {"error_px_at_step": {t: float(np.mean(v)) for t, v in at_step.items() if v},
            "error_px_after_real_cube_moved": float(np.mean(moved)) if moved else float("nan"),
            "moved_frames": len(moved), "smeared_share": smeared / frames, "missing_share": lost / frames}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default="shipped", help="'shipped' or a WorldModel folder")
    p.add_argument("--episodes", type=int, default=32)
    p.add_argument("--horizon", type=int, default=32)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    r = track(None if args.model == "shipped" else args.model, args.episodes, args.horizon)
    steps = ", ".join(f"{t}: {e:.2f}" for t, e in r["error_px_at_step"].items())
    print(f"model {args.model}: cube centroid error (px) at steps {{{steps}}}")
    print(f"  once the real cube moved > 3 px: {r['error_px_after_real_cube_moved']:.2f} px over {r['moved_frames']} frames")
    print(f"  red area off by > 50%: {r['smeared_share']:.1%} of frames; no red pixel left: {r['missing_share']:.1%}")


if __name__ == "__main__":
    main()
