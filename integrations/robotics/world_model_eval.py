"""``evaluate_world_model``: how closely, how controllably and how fast a world model simulates Push.

Four measurements, all against the real pybullet env in the same run:

* **open-loop fidelity**: episode i is reset in the real env and in the world model's batched
  simulator with the same seed (so both start from the same frame), the same actions (the
  scripted Push policy with noise) are applied for ``horizon`` steps, and every predicted frame is
  compared with the real one (PSNR, SSIM per step; the model never sees a real frame after reset);
* **action controllability**: the same, with uniformly random actions fed to the model instead;
  ΔPSNR = PSNR(true actions) - PSNR(random actions), both against the real frames. A model that
  ignores actions scores ~0;
* **reward and termination**: MAE of the predicted rewards and accuracy of the termination flags,
  open-loop (on the model's own frames) and with the head on the real frames;
* **throughput**: env-steps/s of ``WorldModelVectorEnv`` by batch size (autoreset on, random
  actions), and of the real ``SoraSDK/Push-v0`` with its 64x64 render, measured before and after.

A "static" baseline (the reset frame held still) is reported beside the fidelity: the number a
model that predicts nothing would reach.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import NamedTuple

import gymnasium as gym
import numpy as np
import torch

from sora_sdk.device import default_compute_dtype
from sora_sdk.eval.metrics import psnr, ssim
from sora_sdk.integrations.robotics.world_model import WorldModel
from sora_sdk.integrations.robotics.world_model_env import (
    REAL_ENV_ID,
    TERMINATION_THRESHOLD,
    WorldModelEnv,
    WorldModelVectorEnv,
    _from_uint8,
    load_world_model,
)

__all__ = ["evaluate_world_model", "WorldModelReport", "Rate", "real_env_steps_per_second", "world_model_steps_per_second"]

REPORT_STEPS = (1, 2, 4, 8, 16, 32)


class Rate(NamedTuple):
    """Steps per second of wall time, and per second of this process's CPU time.

    On a shared machine the wall rate depends on what else runs; the CPU rate (all of this
    process's threads) is close to what the same work gets from free cores, so the ratio of two
    single-threaded CPU rates is a load-independent comparison.
    """

    wall: float
    cpu: float


@dataclass
class WorldModelReport:
    """Per-step fidelity (index t = step t + 1), reward/termination errors and throughput."""

    n_episodes: int
    horizon: int
    sampling_steps: int
    psnr: list[float]  # dB, true actions, pooled over the episodes still running at that step
    ssim: list[float]
    psnr_random_actions: list[float]
    psnr_static: list[float]  # the reset frame held still
    episodes_running: list[int]
    reward_mae: float  # open loop, on predicted frames
    reward_mae_real_frames: float  # the head alone, on the real frames
    termination_accuracy: float
    termination_accuracy_real_frames: float
    real_terminations: int
    flops_per_env_step: int
    steps_per_second: dict[int, Rate] = field(default_factory=dict)  # batch size -> env-steps/s
    real_steps_per_second: Rate = Rate(float("nan"), float("nan"))
    matmul_peak_gflops: float = float("nan")
    load_average: float = float("nan")

    @property
    def delta_psnr(self) -> list[float]:
        return [a - b for a, b in zip(self.psnr, self.psnr_random_actions)]

    def to_markdown(self) -> str:
        """The report as Markdown tables (fidelity at steps 1, 2, 4, ... 32; heads; throughput)."""
        rows = ["| step | PSNR (dB) | SSIM | PSNR, random actions | ΔPSNR | static baseline | episodes |",
                "| --- | --- | --- | --- | --- | --- | --- |"]
        for s in [s for s in REPORT_STEPS if s <= self.horizon]:
            i = s - 1
            rows.append(f"| {s} | {self.psnr[i]:.2f} | {self.ssim[i]:.3f} | {self.psnr_random_actions[i]:.2f} | "
                        f"{self.delta_psnr[i]:+.2f} | {self.psnr_static[i]:.2f} | {self.episodes_running[i]} |")
        rows += ["", "| reward MAE (open loop) | reward MAE (real frames) | termination acc. (open loop) | "
                 "termination acc. (real frames) | real terminations |", "| --- | --- | --- | --- | --- |",
                 f"| {self.reward_mae:.3f} | {self.reward_mae_real_frames:.3f} | {self.termination_accuracy:.3f} | "
                 f"{self.termination_accuracy_real_frames:.3f} | {self.real_terminations} |"]
        if self.steps_per_second:
            peak = self.matmul_peak_gflops * 1e9
            real = self.real_steps_per_second
            rows += ["", f"Throughput (load average {self.load_average:.1f}, {torch.get_num_threads()} torch threads, "
                     f"{str(default_compute_dtype('cpu')).removeprefix('torch.')} matmul peak {self.matmul_peak_gflops:.0f} GFLOP/s; {self.flops_per_env_step / 1e9:.3f} "
                     f"GFLOP per env step, {self.sampling_steps} sampling step(s)):", "",
                     "| env | env-steps/s | vs real env | env-steps per CPU-second | vs real env | model FLOP/s | MFU |",
                     "| --- | --- | --- | --- | --- | --- | --- |",
                     f"| real `{REAL_ENV_ID}` (physics + render) | {real.wall:.0f} | 1.00x | {real.cpu:.0f} | 1.00x | | |"]
            for b, rate in sorted(self.steps_per_second.items()):
                flops = rate.wall * self.flops_per_env_step
                rows.append(f"| world model, batch {b} | {rate.wall:.0f} | {rate.wall / real.wall:.2f}x | {rate.cpu:.0f} | "
                            f"{rate.cpu / real.cpu:.2f}x | {flops / 1e9:.1f} G | {flops / peak:.1%} |")
        return "\n".join(rows)


def evaluate_world_model(
    model_or_env: WorldModel | str | os.PathLike | WorldModelEnv | WorldModelVectorEnv,
    n_episodes: int = 16,
    horizon: int = 32,
    *,
    seed: int = 0,
    policy_noise: float = 0.5,
    sampling_steps: int | None = None,
    context_sigma: float | None = None,
    batch_sizes: tuple[int, ...] = (1, 8, 64),
    seconds: float = 3.0,
    device: str | torch.device = "cpu",
) -> WorldModelReport:
    """Open-loop fidelity, controllability, reward/termination accuracy and throughput vs Push-v0.

    Args:
        model_or_env: a `WorldModel`, its folder, a shipped name, or a world-model env (its
            model, sampling steps and context noise are used).
        n_episodes: episodes, evaluated as one batch; episode i starts from seed ``seed + i``.
        horizon: open-loop steps (<= 50, Push's episode length).
        policy_noise: action noise of the scripted Push policy that drives the real episodes.
        sampling_steps, context_sigma: override the model's (or the env's) sampling settings.
        batch_sizes: batch sizes whose env-steps/s is measured; ``()`` skips throughput.
        seconds: wall time of each throughput measurement.
    """
    if not 1 <= horizon <= 50 or n_episodes < 1:
        raise ValueError(f"horizon must be in 1..50 (Push episodes last 50 steps) and n_episodes >= 1, got {horizon}, {n_episodes}")
    model, steps, sigma = _resolve(model_or_env, device, sampling_steps, context_sigma)
    steps = model.config.sampling_steps if steps is None else steps

    # 1. Real episodes: the scripted policy's actions, frames, rewards and flags until termination.
    real = _real_trajectories(n_episodes, horizon, seed, policy_noise, model.config.image_size)
    alive = real["alive"]  # (E, H) the real episode had not ended before this step

    # 2. The same starts and actions in the simulator (autoreset off: one open-loop rollout each).
    sim = WorldModelVectorEnv(n_episodes, model=model, sampling_steps=steps, context_sigma=sigma,
                              max_episode_steps=50, autoreset_mode="Disabled")
    pred = _rollout(sim, real["actions"], seed)
    random_actions = np.random.default_rng(seed + 1).uniform(-1, 1, real["actions"].shape).astype(np.float32)
    pred_random = _rollout(sim, random_actions, seed)
    sim.close()

    # 3. Per-step metrics over the episodes still running, pooled (one PSNR over all their frames).
    first = np.repeat(real["frames"][:, :1], horizon, axis=1)  # the static baseline
    report_rows = {"psnr": [], "ssim": [], "psnr_random_actions": [], "psnr_static": [], "episodes_running": []}
    for t in range(horizon):
        m = alive[:, t]
        target = real["frames"][m, t + 1]
        report_rows["psnr"].append(psnr(pred["frames"][m, t], target))
        report_rows["ssim"].append(ssim(pred["frames"][m, t], target))
        report_rows["psnr_random_actions"].append(psnr(pred_random["frames"][m, t], target))
        report_rows["psnr_static"].append(psnr(first[m, t], target))
        report_rows["episodes_running"].append(int(m.sum()))

    # 4. Rewards and terminations: open loop, and the head alone on the real frames.
    head_reward, head_prob = _head_on_real_frames(model, real)
    term = real["terminated"][alive]
    report = WorldModelReport(
        n_episodes=n_episodes,
        horizon=horizon,
        sampling_steps=steps,
        **report_rows,
        reward_mae=float(np.abs(pred["rewards"] - real["rewards"])[alive].mean()),
        reward_mae_real_frames=float(np.abs(head_reward - real["rewards"])[alive].mean()),
        termination_accuracy=float(((pred["probs"][alive] > TERMINATION_THRESHOLD) == term).mean()),
        termination_accuracy_real_frames=float(((head_prob[alive] > TERMINATION_THRESHOLD) == term).mean()),
        real_terminations=int(term.sum()),
        flops_per_env_step=model.step_flops(1, steps=steps),
    )

    # 5. Throughput, the real env measured before and after (the machine's load drifts).
    if batch_sizes:
        report.load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        report.matmul_peak_gflops = matmul_peak_gflops()
        before = real_env_steps_per_second(seconds)
        for b in batch_sizes:
            report.steps_per_second[b] = world_model_steps_per_second(model, b, seconds, steps, sigma)
        after = real_env_steps_per_second(seconds)
        report.real_steps_per_second = Rate((before.wall + after.wall) / 2, (before.cpu + after.cpu) / 2)
    return report


# ----------------------------------------------------------------------------------------------
# Pieces
# ----------------------------------------------------------------------------------------------


def _resolve(model_or_env, device, steps, sigma):
    env = getattr(model_or_env, "unwrapped", None)
    if isinstance(env, (WorldModelEnv, WorldModelVectorEnv)):
        rollouts = env._rollouts
        return env.model, steps if steps is not None else rollouts.steps, sigma if sigma is not None else rollouts.context_sigma
    return load_world_model(model_or_env, device), steps, sigma


def _real_trajectories(n: int, horizon: int, seed: int, noise: float, image_size: int) -> dict[str, np.ndarray]:
    import sora_sdk.integrations.robotics  # noqa: F401
    from sora_sdk.integrations.robotics.scripted import PushScriptedPolicy

    env = gym.make(REAL_ENV_ID, image_size=image_size).unwrapped
    frames = np.zeros((n, horizon + 1, image_size, image_size, 3), np.uint8)
    actions = np.zeros((n, horizon, 2), np.float32)
    rewards, terminated = np.zeros((n, horizon)), np.zeros((n, horizon), bool)
    alive = np.zeros((n, horizon), bool)
    try:
        for i in range(n):
            obs, _ = env.reset(seed=seed + i)
            policy = PushScriptedPolicy(env, noise=noise, seed=seed + i)
            frames[i, 0] = obs
            for t in range(horizon):
                actions[i, t] = policy(obs)
                obs, rewards[i, t], terminated[i, t], _, _ = env.step(actions[i, t])
                frames[i, t + 1], alive[i, t] = obs, True
                if terminated[i, t]:
                    break
            # After the end: the episode is over; keep its last frame and the policy's zero action.
            frames[i, t + 2 :] = frames[i, t + 1]
    finally:
        env.close()
    return {"frames": frames, "actions": actions, "rewards": rewards, "terminated": terminated, "alive": alive}


def _rollout(sim: WorldModelVectorEnv, actions: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    n, horizon = actions.shape[:2]
    frames = np.zeros((n, horizon, *sim.single_observation_space.shape), np.uint8)
    rewards, probs = np.zeros((n, horizon)), np.zeros((n, horizon))
    sim.reset(seed=seed)
    for t in range(horizon):
        frames[:, t], rewards[:, t], _, _, info = sim.step(actions[:, t])
        probs[:, t] = info["terminated_prob"]
    return {"frames": frames, "rewards": rewards, "probs": probs}


@torch.no_grad()
def _head_on_real_frames(model: WorldModel, real: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    n, horizon = real["actions"].shape[:2]
    frames = _from_uint8(real["frames"].reshape(-1, *real["frames"].shape[2:])).view(n, horizon + 1, 3, *real["frames"].shape[2:4])
    before, after = frames[:, :-1].flatten(0, 1), frames[:, 1:].flatten(0, 1)  # (E*H, 3, H, W)
    reward, logit = model.head(before.to(model.device), torch.from_numpy(real["actions"]).flatten(0, 1).to(model.device),
                               after.to(model.device))
    return reward.view(n, horizon).cpu().numpy(), torch.sigmoid(logit).view(n, horizon).cpu().numpy()


def real_env_steps_per_second(seconds: float = 3.0, seed: int = 0) -> Rate:
    """Render-inclusive steps/s of one ``SoraSDK/Push-v0`` (random actions, resets included)."""
    import sora_sdk.integrations.robotics  # noqa: F401

    env = gym.make(REAL_ENV_ID)
    actions = np.random.default_rng(seed).uniform(-1, 1, (1024, 2)).astype(np.float32)
    env.reset(seed=seed)
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        _, _, terminated, truncated, _ = env.step(actions[n % 1024])
        n += 1
        if terminated or truncated:
            env.reset()
    rate = Rate(n / (time.perf_counter() - start), n / (time.process_time() - cpu))
    env.close()
    return rate


def world_model_steps_per_second(model: WorldModel, batch_size: int, seconds: float = 3.0, steps: int | None = None,
                                 context_sigma: float | None = None, seed: int = 0) -> Rate:
    """Env-steps/s (batch_size x vector steps/s) of ``WorldModelVectorEnv`` with autoreset, random actions."""
    env = WorldModelVectorEnv(batch_size, model=model, sampling_steps=steps, context_sigma=context_sigma)
    actions = np.random.default_rng(seed).uniform(-1, 1, (64, batch_size, 2)).astype(np.float32)
    env.reset(seed=seed)
    env.step(actions[0])  # warm-up (first-call allocations)
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds or n < 2:
        env.step(actions[n % 64])
        n += 1
    rate = Rate(n * batch_size / (time.perf_counter() - start), n * batch_size / (time.process_time() - cpu))
    env.close()
    return rate


def matmul_peak_gflops(size: int = 1024, repeats: int = 5) -> float:
    """Best matmul rate of this process right now in the CPU's compute dtype (bf16 autocast where
    the CPU has bf16 units, else fp32, as the world model runs), GFLOP/s: the MFU denominator."""
    a = torch.randn(size, size)
    best = 0.0
    dtype = default_compute_dtype("cpu")
    with torch.autocast("cpu", dtype=dtype, enabled=dtype != torch.float32):
        a @ a
        for _ in range(repeats):
            start = time.perf_counter()
            a @ a
            best = max(best, 2 * size**3 / (time.perf_counter() - start) / 1e9)
    return best
