"""Fit a world model's reward/termination head to the model's own open-loop rollouts.

In a simulator the head only ever reads *sampled* frames, and after a few steps those drift from
what the real env would show: a pushed cube smears into haze, a ghost of the pusher lingers. A
head fitted to real frames (and one-step samples) reads such frames confidently and wrongly; with
the shipped Push model, random actions ended 6 of 20 imagined episodes in a predicted success
that never happened in pybullet, and an RL agent learns to produce exactly those frames.

`calibrate_head` rolls the frozen model out open-loop from the first frame of recorded episodes
under their recorded actions (what `WorldModelEnv` does from ``reset``), and fine-tunes the head
alone on those imagined transitions with the *real* episode's rewards and terminations, mixed
with the real transitions so it keeps reading clean frames. Trained with squared error and
cross-entropy, the head then predicts what pybullet would report given what the model shows: the
expected reward, and the probability of a real success, of a blurred scene.

    model = load_world_model("runs/push_world_model/model")
    train = [RolloutDataset(p, context_frames=1) for p in ("rollouts/train/scripted", "rollouts/train/random")]
    report = calibrate_head(model, train, HeadCalibrationConfig(episodes=1000))

`WorldModelSystem` runs it on the exported model when ``training.calibration.episodes > 0``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn.functional as F
from pydantic import BaseModel, ConfigDict, Field
from tqdm.auto import tqdm

from sora_sdk.integrations.robotics.world_model import WorldModel, bce_termination
from sora_sdk.integrations.robotics.world_model_env import _from_uint8 as _to_model
from sora_sdk.integrations.robotics.world_model_env import _Rollouts

__all__ = ["HeadCalibrationConfig", "HeadCalibrationReport", "calibrate_head", "imagine_episodes"]


class HeadCalibrationConfig(BaseModel):
    """How `calibrate_head` fine-tunes the head (validated; unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Recorded episodes rolled out open-loop (drawn without replacement from the datasets given;
    # 0 turns calibration off). Each gives one imagined transition per recorded step.
    episodes: int = Field(1000, ge=0)
    # Episodes sampled side by side (one model call per step for all of them).
    rollout_batch: int = Field(128, ge=1)
    # Passes over the imagined transitions; each batch also holds as many real ones.
    epochs: int = Field(4, ge=1)
    batch_size: int = Field(256, ge=2)
    lr: float = Field(1e-3, gt=0)
    # Reward MSE + termination BCE. Unlike training (pos_weight 5, so the rare successes are
    # learnt at all), positives are not up-weighted here by default: the simulator terminates at
    # p > 0.5, which then means "more likely than not a real success". Up-weighting trades false
    # successes, the errors an RL agent exploits, for fewer missed ones.
    termination_pos_weight: float = Field(1.0, gt=0)
    # Share of the episodes held out to measure the head before and after.
    holdout: float = Field(0.1, ge=0, lt=1)
    seed: int = 0


@dataclass
class HeadCalibrationReport:
    """Head errors on held-out imagined transitions, before and after calibration.

    ``*_mae``: mean |predicted - real reward|; ``*_false_success``: share of imagined transitions
    the head calls terminal (p > 0.5) whose real transition did not terminate; ``*_missed``:
    share of really terminal ones it does not call terminal.
    """

    train_transitions: int
    holdout_transitions: int
    before_mae: float
    after_mae: float
    before_false_success: float
    after_false_success: float
    before_missed: float
    after_missed: float

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return (f"head calibration on {self.train_transitions} imagined transitions (held out "
                f"{self.holdout_transitions}): reward MAE {self.before_mae:.3f} -> {self.after_mae:.3f}, "
                f"false successes {self.before_false_success:.2%} -> {self.after_false_success:.2%}, "
                f"missed successes {self.before_missed:.2%} -> {self.after_missed:.2%}")


# -------------------------------------------------------------------------------------------------
# Open-loop rollouts
# -------------------------------------------------------------------------------------------------


@torch.no_grad()
def imagine_episodes(model: WorldModel, episodes: Sequence[dict[str, np.ndarray]], batch_size: int = 128,
                     generator: torch.Generator | None = None, progress: bool = False) -> list[np.ndarray]:
    """Open-loop rollouts of recorded episodes: same first frame, same actions, model frames after.

    Context is filled from the first frame and zero actions, and every next context holds the
    model's quantised frame, exactly as `WorldModelEnv` steps from ``reset``.

    Args:
        model: the world model (eval mode is set here).
        episodes: dicts with ``frames`` (T+1, H, W, 3) uint8 and ``actions`` (T, A) float32
            (`RolloutDataset.episodes`).
        batch_size: episodes rolled out side by side.
        generator: seeds the sampling noise.
        progress: show a progress bar over batches.

    Returns:
        One (T+1, H, W, 3) uint8 array per episode: the real first frame, then the model's frames.
    """
    model.eval()
    out: list[np.ndarray] = []
    order = range(0, len(episodes), batch_size)
    for start in tqdm(order, desc="imagining episodes", disable=not progress, leave=False):
        batch = episodes[start : start + batch_size]
        lengths = [len(e["actions"]) for e in batch]
        actions = np.zeros((len(batch), max(lengths), batch[0]["actions"].shape[1]), np.float32)
        for i, e in enumerate(batch):  # episodes that ended take zero actions
            actions[i, : lengths[i]] = e["actions"]
        first = np.stack([e["frames"][0] for e in batch])  # (b, H, W, 3)
        # The simulator's own batched state: the same context updates as WorldModelVectorEnv.
        rows = np.arange(len(batch))
        rollouts = _Rollouts(model, len(batch), steps=None, context_sigma=None)
        rollouts.start(rows, first, generator)
        frames = [first] + [rollouts.advance(rows, actions[:, t], generator)[0] for t in range(actions.shape[1])]
        stacked = np.stack(frames, axis=1)  # (b, steps+1, H, W, 3)
        out += [stacked[i, : lengths[i] + 1] for i in range(len(batch))]
    return out


# -------------------------------------------------------------------------------------------------
# Calibration
# -------------------------------------------------------------------------------------------------


class _Frames:
    """Rows of a shared frame array: ``[rows]`` gathers (n, H, W, 3) uint8 frames."""

    def __init__(self, frames: np.ndarray, index: np.ndarray):
        self.frames, self.index = frames, index

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, rows) -> np.ndarray:
        return self.frames[self.index[rows]]


def _transitions(frames: list[np.ndarray], episodes: Sequence[dict[str, np.ndarray]]):
    """(before, after, action, reward, terminated) over every step of the given episodes; before
    and after index one shared frame array rather than copying each frame twice."""
    shared = np.concatenate(frames)
    starts = np.cumsum([0] + [len(f) for f in frames[:-1]])
    first = np.concatenate([s + np.arange(len(f) - 1) for s, f in zip(starts, frames)])  # transition -> frame before
    before, after = _Frames(shared, first), _Frames(shared, first + 1)
    action = np.concatenate([e["actions"] for e in episodes]).astype(np.float32)
    reward = np.concatenate([e["rewards"] for e in episodes]).astype(np.float32)
    term = np.concatenate([e["terminated"] for e in episodes]).astype(np.float32)
    return before, after, action, reward, term


@torch.no_grad()
def _head_errors(model: WorldModel, data, batch_size: int = 512) -> tuple[float, float, float]:
    """(reward MAE, false-success share, missed-success share) of the head on transitions ``data``."""
    before, after, action, reward, term = data
    dev = model.device
    preds, probs = [], []
    for i in range(0, len(before), batch_size):
        rows = slice(i, i + batch_size)
        r, logit = model.head(_to_model(before[rows]).to(dev), torch.from_numpy(action[rows]).to(dev),
                              _to_model(after[rows]).to(dev))
        preds.append(r.float().cpu().numpy())
        probs.append(torch.sigmoid(logit.float()).cpu().numpy())
    pred, prob = np.concatenate(preds), np.concatenate(probs)
    called = prob > 0.5
    positive = term > 0.5
    false = float((called & ~positive).sum() / max(1, (~positive).sum()))
    missed = float((~called & positive).sum() / max(1, positive.sum()))
    return float(np.abs(pred - reward).mean()), false, missed


def calibrate_head(model: WorldModel, datasets: Sequence, config: HeadCalibrationConfig | None = None,
                   progress: bool = True) -> HeadCalibrationReport:
    """Fine-tune ``model.head`` in place on the model's open-loop rollouts of recorded episodes.

    Args:
        model: the world model; only its head changes (the DiT stays frozen and is not touched).
        datasets: `RolloutDataset`s (or anything with an ``episodes`` list of episode dicts, see
            `imagine_episodes`) the episodes are drawn from, e.g. the training data.
        config: `HeadCalibrationConfig`; its defaults when None.
        progress: progress bars for the rollouts and the epochs.

    Returns:
        `HeadCalibrationReport` with the head's errors on held-out episodes before and after.

    Raises:
        ValueError: the datasets hold too few episodes for the config, or config.episodes is 0.
    """
    cfg = config or HeadCalibrationConfig()
    pool = [e for d in datasets for e in d.episodes]
    if cfg.episodes == 0:
        raise ValueError("HeadCalibrationConfig.episodes is 0 (calibration off); set it to the number of episodes to roll out.")
    n_hold = max(1, round(cfg.episodes * cfg.holdout)) if cfg.holdout > 0 else 0
    if cfg.episodes - n_hold < 1:
        raise ValueError(f"calibration of {cfg.episodes} episodes holds out {n_hold}, leaving none to train on; "
                         "raise HeadCalibrationConfig.episodes or lower holdout.")
    if cfg.episodes > len(pool):
        raise ValueError(f"calibration asks for {cfg.episodes} episodes but the datasets hold {len(pool)}; lower "
                         "HeadCalibrationConfig.episodes or collect more rollouts.")
    rng = np.random.default_rng(cfg.seed)
    picked = [pool[i] for i in rng.permutation(len(pool))[: cfg.episodes]]
    gen = torch.Generator().manual_seed(cfg.seed)

    # 1. Imagine every picked episode open-loop (frozen model), then split off the held-out ones.
    imagined = imagine_episodes(model, picked, cfg.rollout_batch, gen, progress=progress)
    n_train = len(picked) - n_hold
    train = _transitions(imagined[:n_train], picked[:n_train])
    real = _transitions([e["frames"] for e in picked[:n_train]], picked[:n_train])
    hold = _transitions(imagined[n_train:], picked[n_train:]) if n_hold else None
    before = _head_errors(model, hold) if hold else (float("nan"),) * 3

    # 2. Fine-tune the head alone: each batch is half imagined, half real transitions.
    head = model.head
    was_trainable = [p.requires_grad for p in head.parameters()]  # an EMA copy is frozen
    head.requires_grad_(True)
    head.train()
    opt = torch.optim.AdamW(head.parameters(), lr=cfg.lr, weight_decay=0.0)
    per_epoch = max(1, len(train[0]) // (cfg.batch_size // 2))
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg.epochs * per_epoch)
    with torch.enable_grad():
        _fit_head(model, train, real, cfg, opt, sched, rng, progress)
    for p, flag in zip(head.parameters(), was_trainable):
        p.requires_grad_(flag)
    head.eval()
    after = _head_errors(model, hold) if hold else (float("nan"),) * 3
    return HeadCalibrationReport(len(train[0]), 0 if hold is None else len(hold[0]), before[0], after[0],
                                 before[1], after[1], before[2], after[2])


def _fit_head(model: WorldModel, train, real, cfg: HeadCalibrationConfig, opt, sched, rng, progress: bool) -> None:
    """The epochs of `calibrate_head`: each batch half imagined, half real transitions."""
    head, dev = model.head, model.device
    half = cfg.batch_size // 2
    n = len(train[0])
    per_epoch = max(1, n // half)
    for _ in tqdm(range(cfg.epochs), desc="calibrating head", disable=not progress, leave=False):
        order_i, order_r = rng.permutation(n), rng.permutation(n)
        for j in range(per_epoch):
            rows = [order_i[j * half : (j + 1) * half], order_r[j * half : (j + 1) * half]]
            parts = [tuple(arr[r] for arr in src) for src, r in zip((train, real), rows)]
            b, a, act, rew, term = (np.concatenate(x) for x in zip(*parts))
            flags = torch.from_numpy(term).to(dev)
            r_hat, logit = head(_to_model(b).to(dev), torch.from_numpy(act).to(dev), _to_model(a).to(dev), terminated=flags)
            loss = (F.mse_loss(r_hat.float(), torch.from_numpy(rew).to(dev))
                    + bce_termination(logit, flags, cfg.termination_pos_weight))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
