"""``collect_rollouts``: record (frames, actions, rewards, terminations) of any gymnasium env to disk.

The dataset is what a world model trains on, written so that it is readable without this SDK:

    out_dir/
        index.json            env id, action space, frame size, seed, per-episode lengths/returns
        episode_000000.npz    one compressed file per episode, T = the episode's number of steps:
            frames      uint8   (T+1, H, W, 3)   env.render() after reset, then after every step
            actions     float32 (T, A)           the action taken at frames[t] (Discrete: one-hot)
            rewards     float32 (T,)             reward of step t
            terminated  bool    (T,)             env's terminated flag of step t
            truncated   bool    (T,)             env's truncated flag of step t (also True on the
                                                 last step of an episode cut by n_steps)

Episode ``i`` starts from ``env.reset(seed=seed + i)``, so any episode can be replayed exactly in
a deterministic env from its index entry and its actions.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable, Union

import cv2
import gymnasium as gym
import numpy as np
from gymnasium import spaces
from tqdm.auto import tqdm

import sora_sdk

INDEX_FILE = "index.json"
FORMAT = "sora-sdk-rollouts"
FORMAT_VERSION = 1
EPISODE_PATTERN = "episode_{:06d}.npz"

#: "random", a callable obs -> action, or an object with SB3's ``predict(obs, deterministic=...)``
PolicyLike = Union[str, Callable[[Any], Any], Any]


# -------------------------------------------------------------------------------------------------
# Actions: every supported space becomes a flat float32 vector
# -------------------------------------------------------------------------------------------------


def describe_action_space(space: spaces.Space) -> dict[str, Any]:
    """A JSON description of ``space`` and of how ``encode_action`` stores its actions.

    Raises:
        TypeError: for spaces without a flat vector encoding (Dict, Tuple, Text, Graph...).
    """
    if isinstance(space, spaces.Box):
        return {"type": "Box", "shape": list(space.shape), "dtype": str(space.dtype),
                "low": space.low.flatten().tolist(), "high": space.high.flatten().tolist(),
                "encoding": "flatten", "dim": int(np.prod(space.shape))}
    if isinstance(space, spaces.Discrete):
        return {"type": "Discrete", "n": int(space.n), "start": int(space.start),
                "encoding": "one_hot", "dim": int(space.n)}
    if isinstance(space, spaces.MultiDiscrete):
        if space.nvec.ndim != 1:
            raise TypeError(f"MultiDiscrete action spaces must be 1-D to be recorded, got nvec of shape {space.nvec.shape}")
        return {"type": "MultiDiscrete", "nvec": space.nvec.tolist(), "start": space.start.tolist(),
                "encoding": "concatenated_one_hot", "dim": int(space.nvec.sum())}
    if isinstance(space, spaces.MultiBinary):
        return {"type": "MultiBinary", "n": np.atleast_1d(space.n).tolist(), "encoding": "flatten",
                "dim": int(np.prod(space.n))}
    raise TypeError(f"cannot record actions of a {type(space).__name__} space; supported: Box, Discrete, "
                    "MultiDiscrete, MultiBinary. Wrap the env in a gymnasium.ActionWrapper whose action space "
                    "is one of these")


def encode_action(space: spaces.Space, action: Any) -> np.ndarray:
    """``action`` of ``space`` as a flat float32 vector (Discrete: one-hot; MultiDiscrete: one-hots concatenated)."""
    if isinstance(space, spaces.Box):
        return np.asarray(action, dtype=np.float32).reshape(-1)
    if isinstance(space, spaces.Discrete):
        k = int(np.asarray(action).item()) - int(space.start)
        if not 0 <= k < space.n:
            raise ValueError(f"{action!r} is outside {space}")
        out = np.zeros(int(space.n), dtype=np.float32)
        out[k] = 1.0
        return out
    if isinstance(space, spaces.MultiDiscrete):
        idx = np.asarray(action, dtype=np.int64).reshape(-1) - space.start
        if idx.shape != space.nvec.shape or (idx < 0).any() or (idx >= space.nvec).any():
            raise ValueError(f"{action!r} is outside {space}")
        out = np.zeros(int(space.nvec.sum()), dtype=np.float32)
        out[np.concatenate([[0], np.cumsum(space.nvec)[:-1]]) + idx] = 1.0
        return out
    if isinstance(space, spaces.MultiBinary):
        return np.asarray(action, dtype=np.float32).reshape(-1)
    describe_action_space(space)  # raises the TypeError that names the supported spaces
    raise AssertionError("unreachable")


# -------------------------------------------------------------------------------------------------
# Collection
# -------------------------------------------------------------------------------------------------


def collect_rollouts(
    env: str | gym.Env,
    policy: PolicyLike,
    n_steps: int,
    out_dir: str | os.PathLike,
    *,
    seed: int = 0,
    frame_size: int | tuple[int, int] = 64,
    env_kwargs: dict[str, Any] | None = None,
    deterministic: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    metadata: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run ``policy`` in ``env`` for ``n_steps`` steps and write the episodes to ``out_dir``.

    Args:
        env: a registered env id (made with ``render_mode="rgb_array"`` and ``env_kwargs``), or an
            env built with ``render_mode="rgb_array"`` (left open; the caller owns it).
        policy: ``"random"`` (``env.action_space`` sampling, seeded with ``seed``), a callable
            ``obs -> action``, or an object with ``predict(obs, deterministic=...)`` returning
            ``(action, state)`` (stable-baselines3 models).
        n_steps: total env steps to record. The episode running when the budget is spent is kept
            and marked truncated on its last step (``"cut": true`` in the index).
        out_dir: folder to write; created if missing. It must not already hold a dataset unless
            ``overwrite=True``, which deletes only the dataset's own files.
        seed: episode ``i`` starts from ``env.reset(seed=seed + i)``.
        frame_size: side of the square stored frames, or ``(height, width)``. Rendered frames of
            another size are resized with ``cv2.INTER_AREA`` (no aspect-preserving crop: a
            600x400 CartPole frame is squeezed to 64x64).
        env_kwargs: keyword arguments for ``gymnasium.make`` when ``env`` is an id.
        deterministic: passed to ``policy.predict``.
        overwrite: replace an existing dataset in ``out_dir``.
        progress: show a tqdm progress bar.
        metadata: anything JSON can hold, stored as ``index["metadata"]`` (e.g. the policy's noise).

    Returns:
        The index written to ``out_dir/index.json`` (a dict).
    """
    # 1. Check inputs and open the env.
    if not isinstance(n_steps, (int, np.integer)) or isinstance(n_steps, bool) or n_steps < 1:
        raise ValueError(f"n_steps must be a positive int, got {n_steps!r}")
    height, width = (frame_size, frame_size) if isinstance(frame_size, (int, np.integer)) else tuple(frame_size)
    if height < 1 or width < 1:
        raise ValueError(f"frame_size must be positive, got {frame_size!r}")
    if metadata is not None:
        json.dumps(metadata)  # fail before collecting, not after: TypeError names the bad value
    out = Path(out_dir)
    _prepare_folder(out, overwrite)

    owns_env = isinstance(env, str)
    if owns_env:
        env_id = env
        env = gym.make(env_id, render_mode="rgb_array", **(env_kwargs or {}))
    else:
        if env_kwargs:
            raise ValueError("env_kwargs only apply when env is an id; build the env with them yourself")
        if getattr(env, "render_mode", None) != "rgb_array":
            raise ValueError(f"collect_rollouts records env.render() frames, but this env has render_mode="
                             f"{getattr(env, 'render_mode', None)!r}: create it with render_mode='rgb_array'")
        env_id = env.spec.id if env.spec is not None else type(env.unwrapped).__name__
    try:
        space_info = describe_action_space(env.action_space)
        act, policy_name = _resolve_policy(policy, env, seed, deterministic)

        # 2. Run episodes until the step budget is spent, one .npz per episode.
        episodes: list[dict[str, Any]] = []
        bar = tqdm(total=n_steps, desc=f"collect {env_id}", unit="step", disable=not progress)
        done_steps = 0
        while done_steps < n_steps:
            i = len(episodes)
            obs, info = env.reset(seed=seed + i)
            frames = [_frame(env, height, width)]
            actions, rewards, terminated, truncated = [], [], [], []
            while True:
                action = act(obs)
                actions.append(_checked_encoding(env.action_space, space_info["dim"], action))
                obs, reward, term, trunc, info = env.step(action)
                rewards.append(reward)
                terminated.append(term)
                truncated.append(trunc)
                frames.append(_frame(env, height, width))
                done_steps += 1
                bar.update(1)
                if term or trunc or done_steps >= n_steps:
                    break
            cut = not (terminated[-1] or truncated[-1])
            if cut:
                truncated[-1] = True
            name = EPISODE_PATTERN.format(i)
            arrays = {
                "frames": np.stack(frames),  # (T+1, H, W, 3) uint8
                "actions": np.stack(actions).astype(np.float32),  # (T, A)
                "rewards": np.asarray(rewards, dtype=np.float32),  # (T,)
                "terminated": np.asarray(terminated, dtype=bool),  # (T,)
                "truncated": np.asarray(truncated, dtype=bool),  # (T,)
            }
            np.savez_compressed(out / name, **arrays)
            success = info.get("is_success", info.get("success"))
            episodes.append({
                "file": name,
                "length": len(actions),
                "seed": seed + i,
                "return": float(arrays["rewards"].sum()),
                "terminated": bool(terminated[-1]),
                "truncated": bool(truncated[-1]),
                "cut": cut,
                "success": None if success is None else bool(success),
            })
        bar.close()
    finally:
        if owns_env:
            env.close()

    # 3. Write the index last: a folder without index.json is an interrupted collection.
    index = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "env_id": env_id,
        "env_kwargs": _jsonable(env_kwargs or {}),
        "action_space": space_info,
        "action_dim": space_info["dim"],
        "frame_size": [height, width],
        "policy": policy_name,
        "seed": seed,
        "n_steps": n_steps,
        "num_episodes": len(episodes),
        "episodes": episodes,
        "sora_sdk_version": sora_sdk.__version__,
        "metadata": metadata or {},
    }
    tmp = out / (INDEX_FILE + ".tmp")
    tmp.write_text(json.dumps(index, indent=1))
    tmp.replace(out / INDEX_FILE)
    return index


def _prepare_folder(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"out_dir {out} is a file; pass a folder path")
    out.mkdir(parents=True, exist_ok=True)
    ours = [out / INDEX_FILE, *out.glob("episode_*.npz")]
    existing = [p for p in ours if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{out} already holds a rollout dataset ({len(existing)} files); "
                              "pass overwrite=True to replace it or choose another folder")
    for p in existing:
        p.unlink()


def _resolve_policy(policy: PolicyLike, env: gym.Env, seed: int, deterministic: bool) -> tuple[Callable[[Any], Any], str]:
    """The policy as ``obs -> action`` and a name for the index."""
    if isinstance(policy, str):
        if policy != "random":
            raise ValueError(f"policy={policy!r}: the only policy given by name is 'random'; "
                             "pass a callable obs -> action or an object with .predict for others")
        env.action_space.seed(seed)
        return (lambda obs: env.action_space.sample()), "random"
    name = getattr(policy, "__qualname__", None) or type(policy).__qualname__
    if hasattr(policy, "predict"):
        return (lambda obs: policy.predict(obs, deterministic=deterministic)[0]), name
    if callable(policy):
        return policy, name
    raise TypeError(f"policy must be 'random', a callable obs -> action or have .predict(obs, deterministic=...); "
                    f"got {type(policy).__name__}")


def _checked_encoding(space: spaces.Space, dim: int, action: Any) -> np.ndarray:
    """``encode_action`` with an error that names the policy's mistake instead of an index error."""
    try:
        encoded = encode_action(space, action)
    except (ValueError, IndexError, TypeError) as e:
        encoded, cause = None, e
    else:
        cause = None
    if encoded is None or encoded.shape != (dim,):
        raise ValueError(f"the policy returned {action!r}, which is not an action of {space}: "
                         "return actions of env.action_space's shape and type") from cause
    return encoded


def _frame(env: gym.Env, height: int, width: int) -> np.ndarray:
    """``env.render()`` as (height, width, 3) uint8."""
    frame = env.render()
    if not isinstance(frame, np.ndarray) or frame.ndim != 3 or frame.shape[2] not in (3, 4):
        raise ValueError("env.render() must return an (H, W, 3) RGB array (render_mode='rgb_array'), got "
                         f"{type(frame).__name__}{getattr(frame, 'shape', '')}")
    if frame.dtype != np.uint8:
        raise ValueError(f"env.render() returned {frame.dtype} frames; collect_rollouts stores uint8 RGB in 0..255")
    frame = frame[:, :, :3]  # RGBA renderers: drop alpha
    if frame.shape[:2] != (height, width):
        frame = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(frame)


def _jsonable(value: Any) -> Any:
    """``value`` if JSON can hold it, else its repr (env_kwargs may hold arbitrary objects)."""
    try:
        json.dumps(value)
        return value
    except TypeError:
        return repr(value)
