"""``SoraSDK/PushWorldModel-v0``: the Push task simulated by a learned ``WorldModel``.

``WorldModelEnv`` is a ``gymnasium.Env`` with Push-v0's spaces whose frames, rewards and
terminations come from the model; ``WorldModelVectorEnv`` is its native batched form (one model
call per step for all sub-environments), built by ``gymnasium.make_vec(...,
vectorization_mode="vector_entry_point")``. Both start every episode from the real pybullet
env's reset frame for the same seed, so a world-model rollout and a real one can be compared step
by step under the same actions, and both draw all sampling noise from generators seeded at reset,
so they are deterministic. ``render()`` hands frames to a person, so it goes through the safety
gate (frame checks, then the watermark); a blocked frame raises ``ContentBlocked``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from gymnasium import spaces
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space

from sora_sdk.device import retain_freed_cpu_memory, retain_memory_requested
from sora_sdk.integrations.robotics.world_model import WorldModel

__all__ = ["WorldModelEnv", "WorldModelVectorEnv", "load_world_model", "SHIPPED_MODELS", "WEIGHTS_DIR"]

#: where shipped world models live inside the package (one folder per model)
WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
#: name -> (folder under WEIGHTS_DIR, the command that trains it)
SHIPPED_MODELS = {"push_world_model": ("push_world_model", "sora-sdk train experiment=push_world_model")}
REAL_ENV_ID = "SoraSDK/Push-v0"
TERMINATION_THRESHOLD = 0.5  # terminated when the head's probability exceeds this


def load_world_model(model: WorldModel | str | os.PathLike | None = None, device: str | torch.device = "cpu") -> WorldModel:
    """A `WorldModel` in eval mode on ``device``, from a module, a saved folder or a shipped name.

    Raises:
        FileNotFoundError: the folder (or the shipped model) does not exist; the message says
            how to train one.
    """
    if isinstance(model, WorldModel):
        return model.to(device).eval()
    name = "push_world_model" if model is None else str(model)
    if name in SHIPPED_MODELS:
        folder, command = SHIPPED_MODELS[name]
        path = WEIGHTS_DIR / folder
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"the {name!r} world model is not shipped in this install ({path} holds no config.json). Train it "
                f"with `{command}` and pass model='runs/{name}/model', or copy that folder to {path}."
            )
    else:
        path = Path(name)
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"{path} is not a WorldModel folder (no config.json); pass a folder written by "
                "WorldModel.save_pretrained / `sora-sdk train experiment=push_world_model` (runs/push_world_model/model), "
                f"or one of the shipped names {sorted(SHIPPED_MODELS)}."
            )
    # low_cpu_mem_usage=False: a few-MB model loads directly (no `accelerate` needed).
    return WorldModel.from_pretrained(path, low_cpu_mem_usage=False).to(device).eval()


def _default_gate():
    from sora_sdk.safety import SafetyFilter, load_policy

    # The default policy's frame checks and watermark. Nothing here ever carries a prompt, so the
    # learned prompt classifier (seconds to load) is not built; every frame check still runs.
    return SafetyFilter(load_policy("default").model_copy(update={"prompt_classifier": False}))


def _released(gate, frame: np.ndarray, fps: float) -> np.ndarray:
    """One (H, W, 3) uint8 frame through the gate: checked (raises ContentBlocked), then marked."""
    from sora_sdk.video import Video

    return gate.release(Video(frame[None], fps)).frames[0]


def _gated_render(env, frames: np.ndarray | None, how: str) -> tuple[np.ndarray, ...] | None:
    """``render()`` of the single and the vector env: the current frames (N, H, W, 3), each through the gate.

    Frame by frame: the gate samples a few frames of a video, and every sub-env's frame is its own
    picture that must be checked. ``env`` keeps the gate (built on first use) in ``env._gate``.
    """
    if env.render_mode is None:
        gym.logger.warn(f"render() needs a render mode: create the env with render_mode='rgb_array', e.g. {how}")
        return None
    if frames is None:
        raise gym.error.ResetNeeded("Call reset before using render method.")
    if env._gate is None:
        env._gate = _default_gate()
    return tuple(_released(env._gate, frame, env.metadata["render_fps"]) for frame in frames)


def _to_uint8(frames: torch.Tensor) -> np.ndarray:
    """(B, 3, H, W) in [-1, 1] -> (B, H, W, 3) uint8."""
    return np.ascontiguousarray(((frames.float() + 1.0) * 127.5).round().clamp(0, 255).to(torch.uint8).permute(0, 2, 3, 1).numpy())


def _from_uint8(frames: np.ndarray) -> torch.Tensor:
    """(B, H, W, 3) uint8 -> (B, 3, H, W) float32 in [-1, 1], as RolloutDataset scales training frames."""
    return torch.from_numpy(np.ascontiguousarray(frames)).permute(0, 3, 1, 2).float() / 127.5 - 1.0


class _Rollouts:
    """The batched state of N simulated episodes: K context frames, the K-1 actions between them,
    and each context frame's noise.

    A frame's context noise (``WorldModel.predict_next(context_noise=...)``) is drawn once, when
    the frame enters the context, and moves along with it: every window the model sees still has
    independent noise per frame, and a step draws one frame of noise instead of K (at batch 64 a
    frame of noise costs ~3 ms, ~5% of a step; the same as before for a model with K = 1).
    """

    def __init__(self, model: WorldModel, n: int, steps: int | None, context_sigma: float | None):
        cfg = model.config
        if model.device.type == "cpu" and retain_memory_requested():
            retain_freed_cpu_memory()  # ~15% of a batch-64 step went to page faults without it
        self.model, self.steps, self.context_sigma = model.inference_copy(), steps, context_sigma
        self.noisy = (cfg.context_sigma if context_sigma is None else context_sigma) > 0
        self.frames = torch.zeros(n, cfg.context_frames, 3, cfg.image_size, cfg.image_size)  # (N, K, 3, H, W)
        self.actions = torch.zeros(n, cfg.context_frames - 1, cfg.action_dim)  # (N, K-1, A)
        self.noise = torch.zeros_like(self.frames) if self.noisy else None  # (N, K, 3, H, W)

    def start(self, idx: np.ndarray, first_frames: np.ndarray, generator: torch.Generator) -> None:
        """Fill the context of episodes ``idx`` with their reset frame, and zero actions (standing still)."""
        self.frames[idx] = _from_uint8(first_frames)[:, None].expand(-1, self.frames.shape[1], -1, -1, -1)
        self.actions[idx] = 0.0
        if self.noisy:
            self.noise[idx] = torch.randn(self.noise[idx].shape, generator=generator)

    def advance(self, idx: np.ndarray, actions: np.ndarray, generator: torch.Generator):
        """One model call for episodes ``idx``: (obs uint8 (m, H, W, 3), reward (m,), terminated_prob (m,))."""
        a = torch.from_numpy(np.clip(actions, -1.0, 1.0).astype(np.float32))  # commands saturate, as in Push-v0
        rows = slice(None) if len(idx) == len(self.frames) else torch.from_numpy(idx)  # no gather when all step
        frames, past = self.frames[rows], self.actions[rows]
        noise = self.noise[rows] if self.noisy else None
        pred = self.model.predict_next(frames, past, a, generator=generator, steps=self.steps,
                                       context_sigma=self.context_sigma, context_noise=noise)
        obs = _to_uint8(pred.frame.cpu())
        # The next context holds the frame the agent saw (quantised, like the training frames).
        self.frames[rows] = torch.cat([frames[:, 1:], _from_uint8(obs)[:, None]], dim=1)
        self.actions[rows] = torch.cat([past[:, 1:], a[:, None]], dim=1)
        if self.noisy:  # the new frame's noise; the oldest frame's leaves with it
            self.noise[rows] = torch.cat([noise[:, 1:], torch.randn(noise[:, :1].shape, generator=generator)], dim=1)
        return obs, pred.reward.cpu().numpy().astype(np.float64), pred.terminated_prob.cpu().numpy()


def _real_env(model: WorldModel) -> gym.Env:
    import sora_sdk.integrations.robotics  # noqa: F401  (registers the ids)

    # The unwrapped task: start frames only (`reset_observation`, no steps), so no TimeLimit or
    # checker wrappers are needed.
    return gym.make(REAL_ENV_ID, image_size=model.config.image_size).unwrapped


def _check_model(model: WorldModel, real: gym.Env) -> None:
    if model.config.action_dim != int(np.prod(real.action_space.shape)):
        raise ValueError(f"the world model takes {model.config.action_dim}-d actions but {REAL_ENV_ID} has "
                         f"{real.action_space}; load a model trained on {REAL_ENV_ID} rollouts.")


class WorldModelEnv(gym.Env[np.ndarray, np.ndarray]):
    """Push, simulated by a learned world model.

    ## Description
    The ``SoraSDK/Push-v0`` task (a blue pusher, a red cube, a green target disc, seen from above
    at 64x64), with the physics and the renderer replaced by a `WorldModel`: every step samples
    the next frame from the last K frames and the action (a few Euler steps of the core DiT), and
    a small head predicts the reward and whether the episode terminates.

    ## Action Space
    ``Box(-1, 1, (2,), float32)``, as Push-v0: the pusher's planar velocity in units of 0.25 m/s.

    ## Observation Space
    ``Box(0, 255, (64, 64, 3), uint8)``: the predicted frame (Push-v0's ``obs_type="rgb"``).

    ## Rewards
    The reward head's prediction of Push-v0's reward for the transition.

    ## Starting State
    ``reset(seed=s, options=...)`` resets a real Push-v0 env with the same seed and options and
    fills the context with its frame (and zero actions), so both envs start from the same pixels.

    ## Episode End
    Terminated when the termination head's probability exceeds 0.5; truncated after 50 steps
    (``max_episode_steps`` at registration).

    ## Arguments
    ``gymnasium.make("SoraSDK/PushWorldModel-v0", model=None, device="cpu", sampling_steps=None,
    context_sigma=None, render_mode=None, safety_filter=None)``: ``model`` is a `WorldModel`, a
    folder it was saved to, or a shipped name (``None``: the shipped Push model); ``sampling_steps``
    and ``context_sigma`` override the model's defaults; ``safety_filter`` replaces the default
    gate (the default policy's frame checks and watermark).

    ## Version History
    * v0: initial version.
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 10, "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(
        self,
        model: WorldModel | str | os.PathLike | None = None,
        device: str | torch.device = "cpu",
        sampling_steps: int | None = None,
        context_sigma: float | None = None,
        render_mode: str | None = None,
        safety_filter=None,
    ) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or 'rgb_array'")
        self.model = load_world_model(model, device)
        self.render_mode = render_mode
        self._real = _real_env(self.model)
        _check_model(self.model, self._real)
        size = self.model.config.image_size
        self.action_space = spaces.Box(-1.0, 1.0, shape=(2,), dtype=np.float32)
        self.observation_space = spaces.Box(0, 255, shape=(size, size, 3), dtype=np.uint8)
        self._rollouts = _Rollouts(self.model, 1, sampling_steps, context_sigma)
        self._generator = torch.Generator()
        self._frame: np.ndarray | None = None
        self._gate = safety_filter

    def step(self, action: np.ndarray) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        if self._frame is None:
            raise gym.error.ResetNeeded("Call reset before using step method.")
        a = np.asarray(action, dtype=np.float32)
        if a.shape != (2,) or not np.all(np.isfinite(a)):
            raise ValueError(f"action must be a finite (2,) planar velocity command, got {action!r}")
        obs, reward, prob = self._rollouts.advance(np.array([0]), a[None], self._generator)
        self._frame = obs[0]
        terminated = bool(prob[0] > TERMINATION_THRESHOLD)
        info = {"terminated_prob": float(prob[0]), "success": terminated, "is_success": terminated}
        return obs[0].copy(), float(reward[0]), terminated, False, info

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        first, info = self._real.reset_observation(seed=seed, options=options)
        # The noise stream of this episode: a function of the reset seed (and of the episode's
        # place in the stream when reset() is called without one).
        self._generator.manual_seed(int(self.np_random.integers(2**63 - 1)))
        self._rollouts.start(np.array([0]), first[None], self._generator)
        self._frame = first
        return first.copy(), info

    def render(self) -> np.ndarray | None:
        frames = _gated_render(self, None if self._frame is None else self._frame[None],
                               "gymnasium.make('SoraSDK/PushWorldModel-v0', render_mode='rgb_array')")
        return None if frames is None else frames[0]

    def close(self) -> None:
        self._real.close()


class WorldModelVectorEnv(VectorEnv):
    """N Push episodes simulated by one `WorldModel`, one batched model call per step.

    Sub-environment i behaves as a `WorldModelEnv` reset with seed ``seed + i``: same initial
    frames (its own real-env random stream, continued across its episodes), its own episode
    clock. Sampling noise comes from one generator seeded by ``reset(seed=...)``, so the whole
    batch is deterministic given the seed and the actions.

    Args:
        num_envs: sub-environments N.
        model, device, sampling_steps, context_sigma, render_mode, safety_filter: as `WorldModelEnv`.
        max_episode_steps: truncation length (``gymnasium.make_vec`` passes the registered 50).
        autoreset_mode: ``AutoresetMode.NEXT_STEP`` (gymnasium's default: a finished sub-env
            is reset by the next ``step``, which ignores its action and returns its reset frame with
            reward 0), ``SAME_STEP`` (reset within the finishing step; the last frame is in
            ``info["final_obs"]``) or ``DISABLED`` (reset sub-envs with ``options={"reset_mask": m}``).
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 10, "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(
        self,
        num_envs: int = 1,
        model: WorldModel | str | os.PathLike | None = None,
        device: str | torch.device = "cpu",
        sampling_steps: int | None = None,
        context_sigma: float | None = None,
        render_mode: str | None = None,
        safety_filter=None,
        max_episode_steps: int = 50,
        autoreset_mode: AutoresetMode | str = AutoresetMode.NEXT_STEP,
    ) -> None:
        if num_envs < 1 or max_episode_steps < 1:
            raise ValueError(f"num_envs and max_episode_steps must be >= 1, got {num_envs} and {max_episode_steps}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or 'rgb_array'")
        self.autoreset_mode = AutoresetMode(autoreset_mode)
        self.metadata = {**type(self).metadata, "autoreset_mode": self.autoreset_mode}
        self.num_envs, self.max_episode_steps, self.render_mode = num_envs, max_episode_steps, render_mode
        self.model = load_world_model(model, device)
        self._real = _real_env(self.model)
        _check_model(self.model, self._real)
        size = self.model.config.image_size
        self.single_action_space = spaces.Box(-1.0, 1.0, shape=(2,), dtype=np.float32)
        self.single_observation_space = spaces.Box(0, 255, shape=(size, size, 3), dtype=np.uint8)
        self.action_space = batch_space(self.single_action_space, num_envs)
        self.observation_space = batch_space(self.single_observation_space, num_envs)
        self._rollouts = _Rollouts(self.model, num_envs, sampling_steps, context_sigma)
        self._generator = torch.Generator()
        self._rngs: list[np.random.Generator | None] = [None] * num_envs  # each sub-env's real-env stream
        self._obs: np.ndarray | None = None
        self._steps = np.zeros(num_envs, dtype=np.int64)
        self._done = np.zeros(num_envs, dtype=bool)
        self._gate = safety_filter

    def step(self, actions: np.ndarray):
        if self._obs is None:
            raise gym.error.ResetNeeded("Call reset before using step method.")
        actions = np.asarray(actions, dtype=np.float32)
        if actions.shape != self.action_space.shape or not np.all(np.isfinite(actions)):
            raise ValueError(f"actions must be a finite {self.action_space.shape} array (one planar velocity "
                             f"command per sub-env), got shape {actions.shape}")
        n = self.num_envs
        rewards, probs = np.zeros(n), np.zeros(n)
        terminated, truncated = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        infos: dict[str, Any] = {}

        # NEXT_STEP: sub-envs that finished last step are reset now; their action is ignored.
        resetting = self._done if self.autoreset_mode == AutoresetMode.NEXT_STEP else np.zeros(n, dtype=bool)
        active = np.flatnonzero(~resetting)
        if active.size:  # one batched model call for every sub-env that steps
            obs, rewards[active], probs[active] = self._rollouts.advance(active, actions[active], self._generator)
            self._obs[active] = obs
            self._steps[active] += 1
            terminated[active] = probs[active] > TERMINATION_THRESHOLD
            truncated[active] = self._steps[active] >= self.max_episode_steps
        if resetting.any():
            self._reset_envs(np.flatnonzero(resetting))
        self._done = terminated | truncated

        if self.autoreset_mode == AutoresetMode.SAME_STEP and self._done.any():
            finished = np.flatnonzero(self._done)
            final_obs = np.full(n, None, dtype=object)
            for i in finished:  # object array of frames, as gymnasium's SyncVectorEnv reports it
                final_obs[i] = self._obs[i].copy()
            infos["final_obs"], infos["_final_obs"] = final_obs, self._done.copy()
            infos["final_info"] = {"terminated_prob": probs.copy(), "_terminated_prob": self._done.copy()}
            self._reset_envs(finished)
            self._done[:] = False
        infos["terminated_prob"], infos["_terminated_prob"] = probs, np.ones(n, dtype=bool)
        return self._obs.copy(), rewards, terminated, truncated, infos

    def reset(self, *, seed: int | list[int | None] | None = None, options: dict[str, Any] | None = None):
        super().reset(seed=seed if isinstance(seed, int) else None)
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        if mask is None:
            mask = np.ones(self.num_envs, dtype=bool)
        elif not (isinstance(mask, np.ndarray) and mask.dtype == np.bool_ and mask.shape == (self.num_envs,) and mask.any()):
            raise ValueError(f"options['reset_mask'] must be a bool numpy array of shape ({self.num_envs},) "
                             "with at least one True value")
        seeds = [seed + i for i in range(self.num_envs)] if isinstance(seed, int) else seed
        if seeds is not None and len(seeds) != self.num_envs:
            raise ValueError(f"seed must be an int, None or a list of {self.num_envs} seeds, got {len(seeds)}")
        if seed is not None or self._obs is None:
            # The batch's noise stream, from the reset seed (or the vector env's own stream).
            self._generator.manual_seed(int(self.np_random.integers(2**63 - 1)))
        if self._obs is None:
            self._obs = np.zeros(self.observation_space.shape, dtype=np.uint8)
        idx = np.flatnonzero(mask)
        infos = self._reset_envs(idx, None if seeds is None else [seeds[i] for i in idx], options)
        return self._obs.copy(), infos

    def _reset_envs(self, idx: np.ndarray, seeds: list[int | None] | None = None, options: dict | None = None) -> dict:
        """Reset sub-envs ``idx`` from the real env, each continuing its own random stream."""
        frames, infos = [], {}
        for j, i in enumerate(idx):
            seed = None if seeds is None else seeds[j]
            if seed is None and self._rngs[i] is None:  # never seeded: a seed from the vector env's stream
                seed = int(self.np_random.integers(2**31 - 1))
            if seed is None:
                self._real.np_random = self._rngs[i]  # continue sub-env i's stream of start layouts
            frame, info = self._real.reset_observation(seed=seed, options=options or None)
            self._rngs[i] = self._real.np_random
            frames.append(frame)
            infos = self._add_info(infos, info, int(i))
        self._rollouts.start(idx, np.stack(frames), self._generator)
        self._obs[idx] = np.stack(frames)
        self._steps[idx] = 0
        self._done[idx] = False
        return infos

    def render(self) -> tuple[np.ndarray, ...] | None:
        return _gated_render(self, self._obs, "gymnasium.make_vec('SoraSDK/PushWorldModel-v0', num_envs=N, render_mode='rgb_array')")

    def close_extras(self, **kwargs: Any) -> None:
        self._real.close()
