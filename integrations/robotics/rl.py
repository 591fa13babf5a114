"""Reinforcement learning in the world model: stable-baselines3 on a gymnasium ``VectorEnv``, and
success rates measured in the real env.

stable-baselines3 steps its own ``VecEnv`` interface (lists of info dicts, ``dones``, the last
frame of a finished episode in ``info["terminal_observation"]``, sub-envs reset within the step
that ends them), not gymnasium's ``VectorEnv``. `SB3VecEnvAdapter` bridges the two, so the world
model's native batched env (one model call per step for every sub-env) trains an SB3 agent:

    import gymnasium as gym
    from stable_baselines3 import PPO
    import sora_sdk.integrations.robotics as robotics
    from sora_sdk.integrations.robotics.rl import evaluate_policy_success, make_sb3_vec_env

    envs = make_sb3_vec_env("SoraSDK/PushWorldModel-v0", num_envs=16, model="runs/push_world_model/model")
    agent = PPO("CnnPolicy", envs, seed=0).learn(200_000)           # trained in imagination only
    report = evaluate_policy_success("SoraSDK/Push-v0", agent, episodes=100, seed=10_000)
    print(report.success_rate, report.mean_return)                  # measured in pybullet

Needs stable-baselines3: ``pip install 'sora-sdk[robotics,rl]'``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from gymnasium.vector import AutoresetMode, VectorEnv
from tqdm.auto import tqdm

try:
    import torch
    from stable_baselines3.common.env_util import is_wrapped
    from stable_baselines3.common.torch_layers import NatureCNN
    from stable_baselines3.common.vec_env import VecEnv, VecMonitor
except ImportError as e:  # pragma: no cover - exercised in a subprocess without the package
    raise ImportError(
        "sora_sdk.integrations.robotics.rl needs stable-baselines3: pip install 'sora-sdk[robotics,rl]' "
        "(or pip install stable-baselines3)"
    ) from e

from sora_sdk.integrations.robotics.rollouts import PolicyLike, _resolve_policy

__all__ = ["SB3VecEnvAdapter", "make_sb3_vec_env", "evaluate_policy_success", "PolicySuccess", "BlurredNatureCNN"]


# -------------------------------------------------------------------------------------------------
# A policy that sees every frame through the same blur
# -------------------------------------------------------------------------------------------------


class BlurredNatureCNN(NatureCNN):
    """SB3's ``NatureCNN`` behind a fixed Gaussian blur of the image (``sigma`` in pixels).

    A policy trained in a world model sees the model's frames, whose small objects are soft;
    evaluated in the real env it sees sharp ones, and a CNN that never saw a sharp cube can act
    on it differently. Blurring every observation inside the policy, in training and at
    evaluation alike, shrinks that gap without touching either env, and a saved policy carries
    its blur with it. Use it with ``PPO("CnnPolicy", env, policy_kwargs=dict(
    features_extractor_class=BlurredNatureCNN, features_extractor_kwargs=dict(sigma=1.5)))``.
    """

    def __init__(self, observation_space: gym.Space, features_dim: int = 512, normalized_image: bool = False,
                 sigma: float = 1.5):
        super().__init__(observation_space, features_dim, normalized_image)
        if not sigma > 0:
            raise ValueError(f"sigma must be > 0 pixels, got {sigma!r}; use SB3's plain NatureCNN for no blur")
        radius = max(1, math.ceil(3 * sigma))
        x = torch.arange(-radius, radius + 1, dtype=torch.float32)
        kernel = torch.exp(-x.pow(2) / (2 * sigma * sigma))
        self.register_buffer("kernel", kernel / kernel.sum(), persistent=False)
        self.sigma = float(sigma)

    def _matrix(self, n: int, like: torch.Tensor) -> torch.Tensor:
        """(n, n) 1-D blur with replicated borders as a matrix: row i holds output i's input weights."""
        r = self.kernel.numel() // 2
        idx = (torch.arange(n)[:, None] + torch.arange(-r, r + 1)[None, :]).clamp(0, n - 1)  # (n, 2r+1)
        m = torch.zeros(n, n).scatter_add_(1, idx, self.kernel.cpu().expand(n, -1).contiguous())
        return m.to(like.device, like.dtype)

    def blur(self, obs: torch.Tensor) -> torch.Tensor:
        """(N, C, H, W) -> the same, blurred separably with replicated borders.

        Two matrix products (rows, then columns): on CPU several times faster than a depthwise
        convolution with the same kernel."""
        h, w = obs.shape[-2:]
        return self._matrix(h, obs) @ obs @ self._matrix(w, obs).T

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return super().forward(self.blur(observations))


# -------------------------------------------------------------------------------------------------
# gymnasium VectorEnv -> stable-baselines3 VecEnv
# -------------------------------------------------------------------------------------------------


def _unbatch_infos(infos: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """gymnasium's batched infos (``key`` -> array, ``_key`` -> which sub-envs have it; nested dicts
    alike) -> SB3's one dict per sub-env."""
    out: list[dict[str, Any]] = [{} for _ in range(n)]
    for key, value in infos.items():
        if key.startswith("_"):
            continue  # a mask, read with its key
        mask = infos.get(f"_{key}")
        rows = range(n) if mask is None else np.flatnonzero(mask)
        per_env = _unbatch_infos(value, n) if isinstance(value, dict) else value
        for i in rows:
            out[i][key] = per_env[i]
    return out


class SB3VecEnvAdapter(VecEnv):
    """A gymnasium ``VectorEnv`` seen through stable-baselines3's ``VecEnv`` interface.

    SB3 expects every sub-env that ends an episode to be reset within the same ``step``: the
    returned observation is the next episode's first, the last one is in
    ``infos[i]["terminal_observation"]``, and ``infos[i]["TimeLimit.truncated"]`` says whether the
    episode was cut by the time limit (PPO then bootstraps its value). The adapter produces that
    for each of gymnasium's autoreset modes (``vector_env.metadata["autoreset_mode"]``):

    * ``SAME_STEP``: the env already resets; the last frame and info come from ``info["final_obs"]``
      and ``info["final_info"]``.
    * ``NEXT_STEP`` (gymnasium's default) and ``DISABLED``: the adapter resets the finished
      sub-envs at once with ``reset(options={"reset_mask": done})``, which also clears a pending
      next-step autoreset (gymnasium's ``SyncVectorEnv``/``AsyncVectorEnv`` and
      `WorldModelVectorEnv` all do), so no step's actions are ever ignored.

    The three modes give identical SB3 streams for the same seed and actions (tested). Resets
    without a seed continue each sub-env's own stream of starts, as ``DummyVecEnv`` does.

    Seeding: ``seed(s)`` (what SB3 models call with their ``seed``) makes the next ``reset`` pass
    the int ``s`` to the vector env, i.e. sub-env i starts from seed ``s + i``, exactly like
    ``DummyVecEnv``; an int (rather than a list) also seeds `WorldModelVectorEnv`'s sampling noise.
    Per-sub-env seeds that are not consecutive are passed as a list.

    Args:
        vector_env: a gymnasium ``VectorEnv`` with array observations (not ``Dict``/``Tuple``),
            e.g. ``gymnasium.make_vec("SoraSDK/PushWorldModel-v0", num_envs=16, model=...)``.

    Sub-env attributes: ``get_attr``/``set_attr``/``env_method`` reach each sub-env of a
    ``SyncVectorEnv``/``AsyncVectorEnv``; a native batched env (`WorldModelVectorEnv`) is one
    object, so they read or call it once for the whole batch (asking for some sub-envs only is
    an error).
    """

    def __init__(self, vector_env: VectorEnv) -> None:
        if not isinstance(vector_env, VectorEnv):
            raise TypeError(f"SB3VecEnvAdapter wraps a gymnasium.vector.VectorEnv, got {type(vector_env).__name__}; "
                            "a single gymnasium.Env goes to SB3 directly (or through DummyVecEnv)")
        if isinstance(vector_env.single_observation_space, (spaces.Dict, spaces.Tuple)):
            raise TypeError(f"SB3VecEnvAdapter supports array observations, got {vector_env.single_observation_space}")
        self.vector_env = vector_env
        self.autoreset_mode = AutoresetMode(vector_env.metadata.get("autoreset_mode", AutoresetMode.NEXT_STEP))
        self._actions: np.ndarray | None = None
        super().__init__(vector_env.num_envs, vector_env.single_observation_space, vector_env.single_action_space)

    # --- stepping ---------------------------------------------------------------------------

    def reset(self) -> np.ndarray:
        obs, infos = self.vector_env.reset(seed=self._vector_seed(), options=self._vector_options())
        self.reset_infos = _unbatch_infos(infos, self.num_envs)
        # Seeds and options apply to one reset, as in DummyVecEnv.
        self._reset_seeds()
        self._reset_options()
        return np.array(obs)

    def step_async(self, actions: np.ndarray) -> None:
        self._actions = actions

    def step_wait(self):
        if self._actions is None:
            raise RuntimeError("call step_async(actions) before step_wait()")
        obs, rewards, terminated, truncated, infos = self.vector_env.step(self._actions)
        self._actions = None
        obs = np.array(obs)  # our own copy: a reset below may write into the env's buffer
        terminated, truncated = np.asarray(terminated, dtype=bool), np.asarray(truncated, dtype=bool)
        dones = terminated | truncated
        step_infos = _unbatch_infos(infos, self.num_envs)
        finished = np.flatnonzero(dones)

        if self.autoreset_mode == AutoresetMode.SAME_STEP:
            final_infos = _unbatch_infos(infos.get("final_info", {}), self.num_envs)
            for i in finished:
                # The top-level info of a sub-env that reset is its reset's; the step's is final_info.
                reset_info = step_infos[i]
                final_obs = reset_info.pop("final_obs")
                reset_info.pop("final_info", None)
                self.reset_infos[i] = reset_info
                step_infos[i] = {**final_infos[i], "terminal_observation": final_obs}
        elif finished.size:
            for i in finished:
                step_infos[i]["terminal_observation"] = obs[i].copy()
            reset_obs, reset_infos = self.vector_env.reset(options={"reset_mask": dones.copy()})
            obs[finished] = np.asarray(reset_obs)[finished]
            reset_infos = _unbatch_infos(reset_infos, self.num_envs)
            for i in finished:
                self.reset_infos[i] = reset_infos[i]

        for i in range(self.num_envs):
            step_infos[i]["TimeLimit.truncated"] = bool(truncated[i] and not terminated[i])
        return obs, np.asarray(rewards, dtype=np.float32), dones, step_infos

    def close(self) -> None:
        self.vector_env.close()

    def get_images(self) -> list[np.ndarray | None]:
        if self.render_mode != "rgb_array":
            gym.logger.warn(f"get_images() needs render_mode='rgb_array', the vector env has {self.render_mode!r}")
            return [None] * self.num_envs
        return list(self.vector_env.render())

    # --- sub-env attributes -----------------------------------------------------------------

    def get_attr(self, attr_name: str, indices=None) -> list[Any]:
        idx = list(self._get_indices(indices))
        envs = getattr(self.vector_env, "envs", None)  # SyncVectorEnv holds its sub-envs
        if envs is not None:
            return [envs[i].get_wrapper_attr(attr_name) for i in idx]
        if hasattr(self.vector_env, "get_attr"):  # AsyncVectorEnv: every worker answers
            values = self.vector_env.get_attr(attr_name)
            return [values[i] for i in idx]
        return [getattr(self.vector_env, attr_name)] * len(idx)  # a native batched env: one object

    def set_attr(self, attr_name: str, value: Any, indices=None) -> None:
        idx = list(self._get_indices(indices))
        envs = getattr(self.vector_env, "envs", None)  # SyncVectorEnv holds its sub-envs
        if envs is not None:
            for i in idx:
                setattr(envs[i], attr_name, value)  # as DummyVecEnv does
            return
        self._whole_batch(idx, "set_attr")
        if hasattr(self.vector_env, "set_attr"):  # AsyncVectorEnv: every worker
            self.vector_env.set_attr(attr_name, value)
        else:
            setattr(self.vector_env, attr_name, value)

    def env_method(self, method_name: str, *method_args, indices=None, **method_kwargs) -> list[Any]:
        idx = list(self._get_indices(indices))
        envs = getattr(self.vector_env, "envs", None)  # SyncVectorEnv holds its sub-envs
        if envs is not None:
            return [envs[i].get_wrapper_attr(method_name)(*method_args, **method_kwargs) for i in idx]
        self._whole_batch(idx, "env_method")
        if hasattr(self.vector_env, "call"):  # AsyncVectorEnv: every worker
            return list(self.vector_env.call(method_name, *method_args, **method_kwargs))
        return [getattr(self.vector_env, method_name)(*method_args, **method_kwargs)] * self.num_envs

    def env_is_wrapped(self, wrapper_class: type[gym.Wrapper], indices=None) -> list[bool]:
        idx = list(self._get_indices(indices))
        envs = getattr(self.vector_env, "envs", None)
        return [is_wrapped(envs[i], wrapper_class) if envs is not None else False for i in idx]

    # --- internals --------------------------------------------------------------------------

    def _vector_seed(self) -> int | list[int | None] | None:
        seeds = self._seeds
        if all(s is None for s in seeds):
            return None
        if all(s is not None for s in seeds) and list(seeds) == list(range(seeds[0], seeds[0] + self.num_envs)):
            return int(seeds[0])  # gymnasium's own convention for an int: sub-env i gets seed + i
        return list(seeds)

    def _vector_options(self) -> dict[str, Any] | None:
        first = self._options[0]
        if any(o != first for o in self._options):
            raise ValueError("a gymnasium VectorEnv takes one options dict for all sub-envs; "
                             "call set_options(options) with a single dict")
        return dict(first) or None

    def _whole_batch(self, idx: list[int], what: str) -> None:
        if sorted(idx) != list(range(self.num_envs)):
            raise ValueError(f"{type(self.vector_env).__name__} is one batched object: {what} applies to all "
                             f"{self.num_envs} sub-envs at once; pass indices=None")


def make_sb3_vec_env(env_id: str, num_envs: int, *, vectorization_mode: str | None = None, monitor: bool = True,
                     **env_kwargs: Any) -> VecEnv:
    """``gymnasium.make_vec(env_id, ...)`` ready for a stable-baselines3 algorithm.

    Args:
        env_id: a registered id; one with a native vector env (``SoraSDK/PushWorldModel-v0``)
            is built through it (``vectorization_mode=None``), others as a ``SyncVectorEnv``.
        num_envs: sub-environments.
        vectorization_mode: ``"vector_entry_point"``, ``"sync"`` or ``"async"``; ``None``
            chooses as gymnasium does.
        monitor: wrap in SB3's ``VecMonitor``, which records episode returns and lengths
            (``infos[i]["episode"]``, the ``rollout/ep_rew_mean`` log).
        **env_kwargs: passed to the env, e.g. ``model=`` and ``device=`` for the world model.

    Returns:
        An `SB3VecEnvAdapter` (inside a ``VecMonitor`` if ``monitor``).
    """
    venv: VecEnv = SB3VecEnvAdapter(gym.make_vec(env_id, num_envs=num_envs, vectorization_mode=vectorization_mode,
                                                 **env_kwargs))
    return VecMonitor(venv) if monitor else venv


# -------------------------------------------------------------------------------------------------
# Success rate in an env, over seeded episodes
# -------------------------------------------------------------------------------------------------


def _wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a success rate (sensible at 0% and 100%, unlike p +- 2 se)."""
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class PolicySuccess:
    """How a policy did over ``episodes`` seeded episodes (`evaluate_policy_success`).

    ``success_rate`` and ``success_interval`` (95% Wilson) are ``None`` when the env reports no
    ``is_success``/``success`` in its final info. Returns are undiscounted sums of rewards.
    """

    env_id: str
    episodes: int
    seed: int
    success_rate: float | None
    success_interval: tuple[float, float] | None
    mean_return: float
    std_return: float
    mean_length: float
    returns: list[float] = field(repr=False)
    lengths: list[int] = field(repr=False)
    successes: list[bool | None] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the interval as a list)."""
        d = asdict(self)
        d["success_interval"] = None if self.success_interval is None else list(self.success_interval)
        return d


def evaluate_policy_success(
    env: str | gym.Env,
    policy: PolicyLike,
    episodes: int = 100,
    seed: int = 0,
    *,
    env_kwargs: dict[str, Any] | None = None,
    deterministic: bool = True,
    progress: bool = False,
) -> PolicySuccess:
    """Run ``policy`` for ``episodes`` full episodes; success rate, returns and lengths.

    Episode ``i`` starts from ``env.reset(seed=seed + i)``, so two policies evaluated with the
    same ``seed`` face the same starts (in the pybullet tasks, the same layouts; in
    ``SoraSDK/PushWorldModel-v0``, the same first frames too). Episodes run until terminated or
    truncated (ids made here carry their registered time limit). Success is
    ``info["is_success"]`` (or ``info["success"]``) of the last step.

    Args:
        env: a registered id (made with ``env_kwargs``, closed afterwards) or an env (left open;
            needed for policies that read the env, such as `PushScriptedPolicy`).
        policy: ``"random"`` (``env.action_space`` sampling, seeded with ``seed``), a callable
            ``obs -> action``, or an object with ``predict(obs, deterministic=...)`` (an SB3 model).
        episodes: number of episodes.
        seed: the first episode's reset seed.
        env_kwargs: keyword arguments for ``gymnasium.make`` when ``env`` is an id.
        deterministic: passed to ``policy.predict`` (the mode of a stochastic policy by default).
        progress: show a tqdm bar over episodes.

    Returns:
        A `PolicySuccess`.
    """
    if episodes < 1:
        raise ValueError(f"episodes must be >= 1, got {episodes}")
    own = isinstance(env, str)
    if own:
        env = gym.make(env, **(env_kwargs or {}))
    elif env_kwargs:
        raise ValueError("env_kwargs applies only when env is an id; the env passed is already built")
    env_id = env.spec.id if env.spec is not None else type(env.unwrapped).__name__
    act, _ = _resolve_policy(policy, env, seed, deterministic)
    returns, lengths, successes = [], [], []
    try:
        for i in tqdm(range(episodes), desc=f"evaluating in {env_id}", disable=not progress, leave=False):
            obs, info = env.reset(seed=seed + i)
            total, length, done = 0.0, 0, False
            while not done:
                obs, reward, terminated, truncated, info = env.step(act(obs))
                total += float(reward)
                length += 1
                done = terminated or truncated
            success = info.get("is_success", info.get("success"))
            returns.append(total)
            lengths.append(length)
            successes.append(None if success is None else bool(success))
    finally:
        if own:
            env.close()

    known = [s for s in successes if s is not None]
    rate = sum(known) / len(known) if len(known) == episodes else None
    return PolicySuccess(
        env_id=env_id, episodes=episodes, seed=seed,
        success_rate=rate, success_interval=None if rate is None else _wilson(sum(known), episodes),
        mean_return=float(np.mean(returns)), std_return=float(np.std(returns)), mean_length=float(np.mean(lengths)),
        returns=returns, lengths=lengths, successes=successes,
    )
