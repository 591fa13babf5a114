"""``RolloutDataset``: fixed-length windows of frames and actions from a ``collect_rollouts`` folder.

A window is ``context_frames + horizon`` consecutive frames of one episode (never two) with the
actions, rewards and termination flags of the transitions between them:

    video[0] --actions[0]--> video[1] --actions[1]--> ... --actions[L-2]--> video[L-1]
                rewards[0]                                   rewards[L-2]

so a world model reads ``video[:context_frames]`` and ``actions[context_frames-1:]`` and predicts
``video[context_frames:]``, ``rewards[context_frames-1:]`` and ``terminated[context_frames-1:]``.

With ``pad_start=True`` windows also start up to ``context_frames - 1`` frames before an episode:
the missing frames repeat the reset frame and the missing actions are zeros (a pusher commanded to
stand still), which is what a simulator's context holds right after ``reset``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch.utils.data import Dataset

from sora_sdk.integrations.robotics.rollouts import FORMAT, INDEX_FILE

ARRAYS = ("frames", "actions", "rewards", "terminated", "truncated")


class RolloutDataset(Dataset):
    """Windows of ``context_frames + horizon`` frames over the episodes in a rollout folder.

    Every episode is decompressed into memory when the dataset is built (a 64x64 frame is 12 KB:
    100k frames take 1.2 GB), then windows are slices, with no disk access per item.

    Args:
        root: a folder written by ``collect_rollouts``.
        context_frames: frames the model is given (>= 1).
        horizon: frames after them it must predict (>= 1).
        stride: step between window starts within an episode.
        pad_start: also yield windows that start before the episode, padded with copies of the
            reset frame and zero actions (rewards 0, flags False); they begin at the earliest
            start that keeps at least one real frame in the context, so every target is real.

    Items are dicts:
        ``video`` float32 (L, 3, H, W) in [-1, 1], L = context_frames + horizon (as ``Shapes`` and
        ``VideoFolder`` give it); ``actions`` float32 (L-1, A); ``rewards`` float32 (L-1,);
        ``terminated`` and ``truncated`` bool (L-1,); ``episode`` and ``start`` (ints: the window
        is frames ``start .. start+L-1`` of that episode; ``start < 0`` only with ``pad_start``,
        its first ``-start`` frames being padding).

    Raises:
        FileNotFoundError: ``root`` or its ``index.json`` or a listed episode file is missing.
        ValueError: no episodes, a window longer than every episode, or arrays that disagree.
    """

    def __init__(self, root: str | os.PathLike, context_frames: int = 4, horizon: int = 1, *, stride: int = 1,
                 pad_start: bool = False) -> None:
        for name, value in (("context_frames", context_frames), ("horizon", horizon), ("stride", stride)):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be an int >= 1, got {value!r}")
        self.root = Path(root)
        self.context_frames = context_frames
        self.horizon = horizon
        self.window = context_frames + horizon
        self.pad_start = bool(pad_start)
        first = -(context_frames - 1) if pad_start else 0
        self.index = _read_index(self.root)
        self.action_dim = int(self.index["action_dim"])
        self.frame_size = tuple(self.index["frame_size"])

        self.episodes: list[dict[str, np.ndarray]] = []
        starts: list[np.ndarray] = []  # per episode, the window start frames
        for entry in self.index["episodes"]:
            arrays = _load_episode(self.root / entry["file"], int(entry["length"]), self.action_dim, self.frame_size)
            self.episodes.append(arrays)
            n_frames = arrays["frames"].shape[0]
            starts.append(np.arange(first, n_frames - self.window + 1, stride))
        if not any(len(s) for s in starts):
            longest = max(e["frames"].shape[0] for e in self.episodes)
            raise ValueError(f"a window of context_frames + horizon = {self.window} frames is longer than every episode "
                             f"in {self.root} (the longest has {longest} frames); lower context_frames or horizon, "
                             "or collect longer episodes")
        # Flat lookup: item i -> (episode, start), built once; windows never span two episodes.
        self._episode_of = np.concatenate([np.full(len(s), e) for e, s in enumerate(starts)]).astype(np.int64)
        self._start_of = np.concatenate(starts).astype(np.int64)

    def __len__(self) -> int:
        return len(self._start_of)

    def __getitem__(self, index: int) -> dict[str, Any]:
        if not -len(self) <= index < len(self):
            raise IndexError(f"index {index} out of range for RolloutDataset of length {len(self)}")
        e, s = int(self._episode_of[index]), int(self._start_of[index])
        ep = self.episodes[e]
        if s < 0:  # pad_start: repeat the reset frame, zero actions, before the episode
            return self._padded_item(e, s)
        frames = ep["frames"][s : s + self.window]  # (L, H, W, 3) uint8
        # Scaled in numpy, not torch: single-threaded elementwise work on a few frames is faster
        # than waking torch's intra-op pool, which on a busy 2-core machine costs ~10 ms per item.
        video = np.ascontiguousarray(frames.transpose(0, 3, 1, 2), dtype=np.float32) / np.float32(127.5) - np.float32(1.0)
        steps = slice(s, s + self.window - 1)  # the L-1 transitions between those frames
        return {
            "video": torch.from_numpy(video),  # (L, 3, H, W) float32 in [-1, 1]
            "actions": torch.from_numpy(ep["actions"][steps].copy()),  # (L-1, A)
            "rewards": torch.from_numpy(ep["rewards"][steps].copy()),  # (L-1,)
            "terminated": torch.from_numpy(ep["terminated"][steps].copy()),  # (L-1,)
            "truncated": torch.from_numpy(ep["truncated"][steps].copy()),  # (L-1,)
            "episode": e,
            "start": s,
        }

    def _padded_item(self, e: int, s: int) -> dict[str, Any]:
        ep, pad = self.episodes[e], -s
        frames = ep["frames"][np.maximum(np.arange(s, s + self.window), 0)]  # (L, H, W, 3)
        video = np.ascontiguousarray(frames.transpose(0, 3, 1, 2), dtype=np.float32) / np.float32(127.5) - np.float32(1.0)
        n = self.window - 1 - pad  # real transitions in the window

        def padded(key: str) -> torch.Tensor:
            real = ep[key][:n]
            return torch.from_numpy(np.concatenate([np.zeros((pad, *real.shape[1:]), real.dtype), real]))

        return {
            "video": torch.from_numpy(video),
            "actions": padded("actions"),
            "rewards": padded("rewards"),
            "terminated": padded("terminated"),
            "truncated": padded("truncated"),
            "episode": e,
            "start": s,
        }

    @property
    def episode_lengths(self) -> list[int]:
        """Steps (transitions) per episode; an episode of T steps has T+1 frames."""
        return [int(e["actions"].shape[0]) for e in self.episodes]

    def __repr__(self) -> str:
        return (f"RolloutDataset(root={str(self.root)!r}, env_id={self.index['env_id']!r}, episodes={len(self.episodes)}, "
                f"windows={len(self)}, window={self.context_frames}+{self.horizon}, frame_size={self.frame_size}, "
                f"action_dim={self.action_dim})")


def _read_index(root: Path) -> dict[str, Any]:
    if not root.is_dir():
        raise FileNotFoundError(f"rollout folder {root} does not exist; write one with collect_rollouts(env, policy, n_steps, {str(root)!r})")
    path = root / INDEX_FILE
    if not path.exists():
        hint = " (episode files without an index: the collection was interrupted; collect again)" if any(root.glob("episode_*.npz")) else ""
        raise FileNotFoundError(f"{root} is not a rollout dataset: no {INDEX_FILE}{hint}; write one with "
                                f"collect_rollouts(env, policy, n_steps, {str(root)!r})")
    index = json.loads(path.read_text())
    if index.get("format") != FORMAT:
        raise ValueError(f"{path} is not a {FORMAT} index (format={index.get('format')!r}); write the folder with collect_rollouts")
    if not index.get("episodes"):
        raise ValueError(f"{root} holds no episodes; collect some with collect_rollouts(..., n_steps > 0)")
    return index


def _load_episode(path: Path, length: int, action_dim: int, frame_size: tuple[int, int]) -> dict[str, np.ndarray]:
    """One episode's arrays, checked against each other and the index."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is listed in {INDEX_FILE} but missing; restore it or collect the dataset again")
    with np.load(path) as f:
        missing = [k for k in ARRAYS if k not in f.files]
        if missing:
            raise ValueError(f"{path} lacks arrays {missing}; every episode needs {list(ARRAYS)}")
        arrays = {k: f[k] for k in ARRAYS}
    expected = {
        "frames": ((length + 1, *frame_size, 3), np.uint8),
        "actions": ((length, action_dim), np.float32),
        "rewards": ((length,), np.float32),
        "terminated": ((length,), np.bool_),
        "truncated": ((length,), np.bool_),
    }
    for key, (shape, dtype) in expected.items():
        a = arrays[key]
        if a.shape != shape or a.dtype != dtype:
            raise ValueError(f"{path}: {key} is {a.dtype}{a.shape}, expected {np.dtype(dtype)}{shape} for an episode "
                             f"of {length} steps (frames T+1, the rest T); the arrays disagree with each other or "
                             f"with {INDEX_FILE}: collect the dataset again")
    return arrays
