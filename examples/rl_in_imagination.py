"""Train PPO inside the Push world model ("in imagination") and measure it in the real pybullet env.

    python examples/rl_in_imagination.py --steps 300000 --eval-episodes 100 --out-json outputs/rl_in_imagination.json
    python examples/rl_in_imagination.py --world-model runs/push_world_model/model --skip-real-baseline

Three policies face the same seeded starts of ``SoraSDK/Push-v0`` (episode i: ``reset(seed=seed +
10000 + i)``, layouts no training episode started from):

* random actions;
* PPO trained for ``--steps`` env steps in ``SoraSDK/PushWorldModel-v0`` only (the native batched
  vector env, one model call per step for all ``--num-envs`` episodes), never seeing pybullet;
* PPO trained for the same number of env steps in ``SoraSDK/Push-v0`` (``--skip-real-baseline``
  leaves it out).

Both PPO runs use the same hyperparameters, seed and pixel observations (``CnnPolicy`` on the
64x64 frames). The world-model policy is also scored in the world model on the same starts:
imagined return far above its real return means the policy exploits the model's errors. Prints a
table; ``--out-json`` writes the numbers. Needs stable-baselines3: ``pip install
'sora-sdk[robotics,rl]'``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

try:
    from stable_baselines3 import PPO
    from stable_baselines3.common.callbacks import BaseCallback
    from stable_baselines3.common.env_util import make_vec_env
except ImportError:
    sys.exit("examples/rl_in_imagination.py trains with stable-baselines3: pip install 'sora-sdk[robotics,rl]' "
             "(or pip install stable-baselines3)")

import sora_sdk.integrations.robotics  # noqa: F401  (registers the SoraSDK/* ids)
from sora_sdk.integrations.robotics import load_world_model
from sora_sdk.integrations.robotics.rl import BlurredNatureCNN, evaluate_policy_success, make_sb3_vec_env

REAL_ID, WORLD_MODEL_ID = "SoraSDK/Push-v0", "SoraSDK/PushWorldModel-v0"
EVAL_SEED_OFFSET = 10_000  # evaluation starts from seeds no training env was reset with


class ProgressPrinter(BaseCallback):
    """One line per ~10% of the budget (or per minute): steps, speed and the recent episode return."""

    def __init__(self, label: str, total: int):
        super().__init__()
        self.label, self.total = label, total
        self.start = self.last_print = time.perf_counter()
        self.next_steps = total // 10

    def _on_step(self) -> bool:
        return True

    def _on_rollout_end(self) -> None:
        now = time.perf_counter()
        if self.num_timesteps < self.next_steps and now - self.last_print < 60:
            return
        self.next_steps, self.last_print = self.num_timesteps + self.total // 10, now
        episodes = self.model.ep_info_buffer
        recent = (f", episode return {sum(e['r'] for e in episodes) / len(episodes):.2f} (last {len(episodes)})"
                  if episodes else "")
        print(f"  [{self.label}] {self.num_timesteps:,}/{self.total:,} env steps, "
              f"{self.num_timesteps / (now - self.start):.0f} steps/s{recent}", flush=True)


def train_ppo(label: str, envs, args: argparse.Namespace) -> tuple[PPO, float]:
    """PPO with the same settings for every env; returns the model and the training wall time."""
    start = time.perf_counter()
    policy_kwargs = {}
    if args.policy_blur > 0:  # the same blur on every frame, imagined or real (BlurredNatureCNN)
        policy_kwargs = dict(features_extractor_class=BlurredNatureCNN, features_extractor_kwargs=dict(sigma=args.policy_blur))
    model = PPO("CnnPolicy", envs, n_steps=args.n_steps, batch_size=args.batch_size, n_epochs=args.n_epochs,
                seed=args.seed, device=args.device, verbose=0, policy_kwargs=policy_kwargs)
    model.learn(args.steps, callback=ProgressPrinter(label, args.steps))
    envs.close()
    return model, time.perf_counter() - start


def save_policy(agent: PPO, name: str, args: argparse.Namespace) -> None:
    """Write ``<save-dir>/<name>.zip`` (``PPO.load`` reads it back) when ``--save-dir`` is set."""
    if args.save_dir:
        path = Path(args.save_dir) / f"{name}.zip"
        path.parent.mkdir(parents=True, exist_ok=True)
        agent.save(path)
        print(f"  saved {path}", flush=True)


def parse_args(argv: list[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--world-model", default=None,
                   help="a WorldModel folder (runs/push_world_model/model); default: the shipped Push model")
    p.add_argument("--steps", type=int, default=300_000, help="env steps of PPO training, the same for both envs")
    p.add_argument("--eval-episodes", type=int, default=100, help="seeded Push-v0 episodes per policy")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cpu", help="torch device of the world model and of PPO")
    p.add_argument("--out-json", default=None, help="write the results here")
    p.add_argument("--policy-blur", type=float, default=0.0,
                   help="Gaussian blur (pixels) of every frame inside both PPO policies (BlurredNatureCNN); 0: none")
    p.add_argument("--save-dir", default=None,
                   help="save each trained policy here (stable-baselines3 zips: ppo_world_model.zip, ppo_real.zip)")
    p.add_argument("--skip-real-baseline", action="store_true", help="do not train PPO in the real env")
    p.add_argument("--num-envs", type=int, default=64, help="parallel episodes in both training envs (the world model steps them in one call)")
    p.add_argument("--n-steps", type=int, default=32, help="PPO rollout length per env (64 x 32 = 2,048 samples per update)")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--n-epochs", type=int, default=4)
    p.add_argument("--threads", type=int, default=None,
                   help="torch threads (1 on a busy machine: docs/robotics.md, 'Threads')")
    args = p.parse_args(argv)
    for name in ("steps", "eval_episodes", "num_envs", "n_steps", "batch_size", "n_epochs"):
        if getattr(args, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be >= 1")
    return p, args


def print_table(results: dict) -> None:
    header = (f"{'policy':22s} {'env steps':>10s} {'train s':>8s} {'success':>8s} {'95% interval':>16s} "
              f"{'return':>8s} {'length':>7s} {'imagined return':>16s}")
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        real, imagined = r["real"], r.get("imagined")
        lo, hi = real["success_interval"]
        print(f"{name:22s} {r['train_env_steps']:>10,} {r['train_seconds']:>8.0f} {real['success_rate']:>8.1%} "
              f"{f'[{lo:.1%}, {hi:.1%}]':>16s} {real['mean_return']:>8.2f} {real['mean_length']:>7.1f} "
              f"{'' if imagined is None else format(imagined['mean_return'], '.2f'):>16s}")


def main(argv: list[str] | None = None) -> dict:
    parser, args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    try:  # the module once, shared by the training envs and the imagined evaluation
        world_model = load_world_model(args.world_model, args.device)
    except FileNotFoundError as e:
        parser.error(f"{e}\nThen run this example with --world-model runs/push_world_model/model.")
    eval_seed = args.seed + EVAL_SEED_OFFSET
    evaluate = dict(episodes=args.eval_episodes, seed=eval_seed, progress=True)
    results: dict[str, dict] = {}
    stages = 3 if args.skip_real_baseline else 4

    print(f"[1/{stages}] random actions in {REAL_ID}, {args.eval_episodes} episodes", flush=True)
    results["random"] = {"trained_in": None, "train_env_steps": 0, "train_seconds": 0.0,
                         "real": evaluate_policy_success(REAL_ID, "random", **evaluate).to_dict()}

    print(f"[2/{stages}] PPO in {WORLD_MODEL_ID}, {args.steps:,} env steps, {args.num_envs} envs", flush=True)
    envs = make_sb3_vec_env(WORLD_MODEL_ID, args.num_envs, model=world_model, device=args.device)
    agent, seconds = train_ppo("world model", envs, args)
    save_policy(agent, "ppo_world_model", args)
    print(f"[3/{stages}] evaluating the world-model policy in {REAL_ID} and in {WORLD_MODEL_ID}", flush=True)
    results["ppo_world_model"] = {
        "trained_in": WORLD_MODEL_ID, "train_env_steps": int(agent.num_timesteps), "train_seconds": seconds,
        "real": evaluate_policy_success(REAL_ID, agent, **evaluate).to_dict(),
        "imagined": evaluate_policy_success(WORLD_MODEL_ID, agent, env_kwargs={"model": world_model, "device": args.device},
                                            **evaluate).to_dict(),
    }

    if not args.skip_real_baseline:
        print(f"[4/{stages}] PPO in {REAL_ID}, {args.steps:,} env steps, {args.num_envs} envs, then its evaluation",
              flush=True)
        envs = make_vec_env(REAL_ID, n_envs=args.num_envs)  # DummyVecEnv of Monitor-wrapped envs
        agent, seconds = train_ppo("real env", envs, args)
        save_policy(agent, "ppo_real", args)
        results["ppo_real"] = {
            "trained_in": REAL_ID, "train_env_steps": int(agent.num_timesteps), "train_seconds": seconds,
            "real": evaluate_policy_success(REAL_ID, agent, **evaluate).to_dict(),
        }

    print()
    print_table(results)
    report = {
        "env_id": REAL_ID, "world_model_env_id": WORLD_MODEL_ID,
        "world_model": str(args.world_model or "push_world_model (shipped)"),
        "steps": args.steps, "eval_episodes": args.eval_episodes, "seed": args.seed, "eval_seed": eval_seed,
        "ppo": {"policy": "CnnPolicy", "policy_blur": args.policy_blur, "num_envs": args.num_envs, "n_steps": args.n_steps,
                "batch_size": args.batch_size, "n_epochs": args.n_epochs, "device": args.device},
        "policies": results,
    }
    if args.out_json:
        out = Path(args.out_json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2))
        print(f"\nresults in {out}")
    return report


if __name__ == "__main__":
    # This script owns its process: let glibc keep the simulator's freed batch memory
    # (docs/robotics.md, "Memory"); SORA_SDK_RETAIN_CPU_MEMORY=0 turns it off.
    from sora_sdk.device import retain_freed_cpu_memory

    retain_freed_cpu_memory()
    main()
