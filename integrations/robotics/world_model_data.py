"""``WorldModelDataModule``: collects a tabletop rollout dataset if missing, then serves windows.

``prepare_data`` (run once per node, before ``setup``) writes, under ``root``:

    train/scripted   the task's scripted policy with Gaussian noise, plus uniformly random actions
                     at a per-step rate (exploration: the model must see what every action does)
    train/random     uniformly random actions only (most of the action space, few successes)
    val/             like train/scripted, from seeds no training episode uses

each a ``collect_rollouts`` folder, skipped when its ``index.json`` exists. Any other
``collect_rollouts`` folder put under ``train/`` (say ``train/ppo_round1``: a policy's own
episodes in the real env, DIAMOND-style) is trained on too, after those two, in name order.

Windows are ``RolloutDataset(context_frames=K, horizon=1, pad_start=True)``: windows that start
before an episode are padded with its reset frame and zero actions, exactly what a simulator's context
holds after ``reset``. Training batches come from the core's ``ResumableBatchSampler``: batch k of
a run is a pure function of (seed, k, rank), so ``resume=true`` continues exactly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import gymnasium as gym
import lightning.pytorch as pl
import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from torch.utils.data import ConcatDataset, DataLoader

from sora_sdk.integrations.robotics.dataset import RolloutDataset
from sora_sdk.integrations.robotics.rollouts import INDEX_FILE, collect_rollouts
from sora_sdk.training import ResumableBatchSampler

__all__ = ["WorldModelDataModule", "RolloutCollectionConfig", "ExplorationPolicy", "collect_world_model_data"]

# Seeds of validation episodes start here: far from any training episode's seed.
VAL_SEED_OFFSET = 1_000_000
RANDOM_SEED_OFFSET = 2_000_000


class RolloutCollectionConfig(BaseModel):
    """What ``prepare_data`` collects when the dataset is missing (steps are env steps)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Scripted episodes give successes (terminations, the +5 reward) and purposeful pushes.
    scripted_steps: int = Field(80_000, ge=1)
    # Random-action episodes cover the action space the scripted policy rarely uses.
    random_steps: int = Field(20_000, ge=0)
    val_steps: int = Field(2_000, ge=1)
    # Action noise of the scripted policy (std, action units): 0.3 still succeeds 100% of the time.
    scripted_noise: float = Field(0.5, ge=0)
    # Per-step chance that the scripted episodes take a uniformly random action instead.
    random_action_prob: float = Field(0.2, ge=0, le=1)
    seed: int = 0


class ExplorationPolicy:
    """A task's scripted policy with Gaussian noise, replaced by a uniform random action at a rate.

    Args:
        env: a ``SoraSDK/Push-v0`` or ``SoraSDK/Reach-v0`` env.
        noise: the scripted policy's action noise (std).
        random_action_prob: per-step probability of a uniformly random action instead.
        seed: seeds both the noise and the random choices.
    """

    def __init__(self, env: gym.Env, noise: float = 0.5, random_action_prob: float = 0.2, seed: int | None = None):
        from sora_sdk.integrations.robotics.push import PushEnv
        from sora_sdk.integrations.robotics.reach import ReachEnv
        from sora_sdk.integrations.robotics.scripted import PushScriptedPolicy, ReachScriptedPolicy

        scripted = {PushEnv: PushScriptedPolicy, ReachEnv: ReachScriptedPolicy}
        policy_cls = next((p for e, p in scripted.items() if isinstance(env.unwrapped, e)), None)
        if policy_cls is None:
            raise TypeError(f"ExplorationPolicy has scripted policies for Push and Reach, not {type(env.unwrapped).__name__}; "
                            "collect with collect_rollouts(env, your_policy, ...) instead")
        self.scripted = policy_cls(env, noise=noise, seed=seed)
        self.random_action_prob = random_action_prob
        self.rng = np.random.default_rng(None if seed is None else seed + 1)

    def __call__(self, obs: np.ndarray) -> np.ndarray:
        action = self.scripted(obs)  # always called, so its noise stream does not depend on the coin
        if self.rng.random() < self.random_action_prob:
            action = self.rng.uniform(-1.0, 1.0, size=action.shape).astype(np.float32)
        return action


def collect_world_model_data(root: str | os.PathLike, env_id: str, config: RolloutCollectionConfig, progress: bool = True) -> None:
    """Collect the train/scripted, train/random and val folders under ``root`` that are missing."""
    root = Path(root)
    c = config
    jobs = [
        ("train/scripted", "exploration", c.scripted_steps, c.seed),
        ("train/random", "random", c.random_steps, c.seed + RANDOM_SEED_OFFSET),
        ("val", "exploration", c.val_steps, c.seed + VAL_SEED_OFFSET),
    ]
    for folder, kind, steps, seed in jobs:
        out = root / folder
        if steps == 0 or (out / INDEX_FILE).is_file():
            continue
        env = gym.make(env_id, render_mode="rgb_array")
        try:
            policy = ExplorationPolicy(env, c.scripted_noise, c.random_action_prob, seed=seed) if kind == "exploration" else "random"
            # overwrite=True: a folder without index.json is an interrupted collection; start it again.
            collect_rollouts(env, policy, steps, out, seed=seed, overwrite=True, progress=progress,
                             metadata={"collection": c.model_dump(), "kind": kind})
        finally:
            env.close()


class WorldModelDataModule(pl.LightningDataModule):
    """Windows of K context frames + ``horizon`` targets from a collected (or to-be-collected) dataset.

    Args:
        root: dataset folder (``train/scripted``, ``train/random``, ``val``).
        context_frames: K; must equal the model's ``context_frames``.
        horizon: frames after the context in a training window: 1, or 2 for unrolled training
            (``WorldModelTrainingConfig.unroll_prob``). Validation windows always have 1.
        env_id: the task collected from when ``root`` lacks data.
        collection: `RolloutCollectionConfig` or a mapping of its fields.
        batch_size: per-process batch size.
        val_batch_size: defaults to ``batch_size``.
        num_workers: loader processes (0: the project's machines have two busy cores).
        seed: shuffling seed of the training order.
        progress: show collection progress bars.
    """

    def __init__(
        self,
        root: str | os.PathLike,
        context_frames: int,
        horizon: int = 1,
        env_id: str = "SoraSDK/Push-v0",
        collection: RolloutCollectionConfig | dict[str, Any] | None = None,
        batch_size: int = 32,
        val_batch_size: int | None = None,
        num_workers: int = 0,
        seed: int = 0,
        progress: bool = True,
    ):
        super().__init__()
        if batch_size < 1 or context_frames < 1:
            raise ValueError(f"batch_size and context_frames must be >= 1, got {batch_size} and {context_frames}.")
        if horizon not in (1, 2):
            raise ValueError(f"horizon must be 1 (next-frame windows) or 2 (unrolled training), got {horizon!r}.")
        self.root = Path(root)
        self.context_frames, self.horizon = context_frames, horizon
        self.env_id = env_id
        self.collection = collection if isinstance(collection, RolloutCollectionConfig) else RolloutCollectionConfig.model_validate(dict(collection or {}))
        self.batch_size, self.val_batch_size = batch_size, val_batch_size or batch_size
        self.num_workers, self.seed, self.progress = num_workers, seed, progress
        self.train_dataset: ConcatDataset | None = None
        self.val_dataset: RolloutDataset | None = None

    def prepare_data(self) -> None:
        import sora_sdk.integrations.robotics  # noqa: F401  (registers the env ids)

        collect_world_model_data(self.root, self.env_id, self.collection, progress=self.progress)

    def setup(self, stage: str | None = None) -> None:
        if self.train_dataset is not None:
            return
        # The collected folders first, then any other folder a caller added under train/ (e.g.
        # rollouts of a policy trained in the model, collected in the real env), by name.
        train = self.root / "train"
        extra = sorted(p for p in train.iterdir() if p.name not in ("scripted", "random")) if train.is_dir() else []
        parts = [train / "scripted", train / "random", *extra]
        self.train_dataset = ConcatDataset([self._windows(p, self.horizon) for p in parts if (p / INDEX_FILE).is_file()])
        # Validation always scores next-frame windows: comparable across horizons, and every
        # transition is a target (with horizon 2 an episode's last one only ends a window).
        self.val_dataset = self._windows(self.root / "val", 1)

    def _windows(self, folder: Path, horizon: int) -> RolloutDataset:
        return RolloutDataset(folder, context_frames=self.context_frames, horizon=horizon, pad_start=True)

    def train_dataloader(self) -> DataLoader:
        trainer = self.trainer
        rank, world = (trainer.global_rank, trainer.world_size) if trainer is not None else (0, 1)
        if world > 1 and trainer._accelerator_connector.use_distributed_sampler:
            raise ValueError("WorldModelDataModule shards batches itself (so resume is exact); set the Trainer's "
                             "use_distributed_sampler=False (the shipped trainer configs do).")
        sampler = ResumableBatchSampler(
            len(self.train_dataset),
            self.batch_size,
            seed=self.seed,
            rank=rank,
            world_size=world,
            # Batches this run already consumed (after a restore: the restored global step).
            start_batch=(lambda: trainer.global_step * trainer.accumulate_grad_batches) if trainer is not None else None,
        )
        return DataLoader(self.train_dataset, batch_sampler=sampler, num_workers=self.num_workers,
                          persistent_workers=self.num_workers > 0)

    def val_dataloader(self) -> DataLoader:
        return DataLoader(self.val_dataset, batch_size=self.val_batch_size, shuffle=False, num_workers=self.num_workers)
