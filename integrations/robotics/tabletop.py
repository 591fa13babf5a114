"""``TabletopEnv``: the gymnasium plumbing the tabletop tasks share (spaces, step, reset, render).

A task subclass says only what differs: how a start layout is sampled, which reset options it
accepts, its state vector, and its reward/success rule. Everything else (action checking, the
velocity command, physics sub-stepping, rendering, seeding) lives here once.
"""

from __future__ import annotations

from typing import Any, Callable, Literal

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from sora_sdk.integrations.robotics.scene import (
    ARENA_HALF,
    CUBE_HALF,
    MAX_SPEED,
    PUSHER_RADIUS,
    SceneLayout,
    SceneState,
    TabletopScene,
)

ObsType = Literal["rgb", "state"]


class TabletopEnv(gym.Env[np.ndarray, np.ndarray]):
    """Base class of the tabletop tasks; see ``PushEnv`` and ``ReachEnv`` for the task docs.

    Args:
        render_mode: ``None`` or ``"rgb_array"`` (``render()`` then returns the current frame, the
            same array the ``"rgb"`` observation holds).
        obs_type: ``"rgb"`` for (image_size, image_size, 3) uint8 frames; ``"state"`` for the
            task's low-dimensional state vector (positions / ``ARENA_HALF``), which skips
            rendering entirely (physics-only stepping, state-based RL baselines).
        image_size: side of the square frames, 64 by default.
    """

    metadata = {"render_modes": ["rgb_array"], "render_fps": 10}  # 10 Hz: one step is 0.1 s
    #: reset option names this task accepts (subclasses set it)
    reset_option_keys: tuple[str, ...] = ()
    #: length of the "state" observation vector (subclasses set it)
    state_dim: int = 0

    def __init__(self, render_mode: str | None = None, obs_type: ObsType = "rgb", image_size: int = 64) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or 'rgb_array'")
        if obs_type not in ("rgb", "state"):
            raise ValueError(f"obs_type={obs_type!r} is not supported; use 'rgb' or 'state'")
        if not isinstance(image_size, int) or image_size < 8:
            raise ValueError(f"image_size must be an int >= 8, got {image_size!r}")
        self.render_mode = render_mode
        self.obs_type = obs_type
        self.image_size = image_size

        # The command is a planar velocity in units of MAX_SPEED: symmetric and normalised, the
        # form SB3 and most RL libraries expect.
        self.action_space = spaces.Box(-1.0, 1.0, shape=(2,), dtype=np.float32)
        if obs_type == "rgb":
            self.observation_space = spaces.Box(0, 255, shape=(image_size, image_size, 3), dtype=np.uint8)
        else:
            self.observation_space = spaces.Box(-1.0, 1.0, shape=(self.state_dim,), dtype=np.float32)

        self._scene = TabletopScene(image_size=image_size)
        self._state: SceneState | None = None
        self._frame: np.ndarray | None = None  # (H, W, 3) uint8, the frame of the current state

    # ---------------------------------------------------------------------------------------------
    # What a task defines
    # ---------------------------------------------------------------------------------------------

    def _sample_layout(self, rng: np.random.Generator) -> dict[str, Any]:
        """Draw a start layout (keyword arguments of ``SceneLayout``) from ``rng``."""
        raise NotImplementedError

    def _state_vector(self, state: SceneState) -> np.ndarray:
        """The "state" observation: (state_dim,) float32 in [-1, 1]."""
        raise NotImplementedError

    def _evaluate(self, before: SceneState, after: SceneState) -> tuple[float, bool, dict[str, Any]]:
        """Reward of the transition ``before -> after``, whether ``after`` is a success, and info."""
        raise NotImplementedError

    def _describe(self, state: SceneState) -> dict[str, Any]:
        """The info dict of a state (distances, positions, ``success``)."""
        raise NotImplementedError

    # ---------------------------------------------------------------------------------------------
    # gymnasium API
    # ---------------------------------------------------------------------------------------------

    def step(self, action: np.ndarray) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        if self._state is None:
            raise gym.error.ResetNeeded("Call reset before using step method.")
        a = np.asarray(action, dtype=np.float64)
        if a.shape != (2,):
            raise ValueError(f"action must have shape (2,) (a planar velocity command), got shape {a.shape}")
        if not np.all(np.isfinite(a)):
            raise ValueError(f"action must be finite, got {a}")
        # Commands beyond +-1 saturate, as a real motor's speed limit does (SB3 clips the same way).
        self._scene.set_pusher_velocity(np.clip(a, -1.0, 1.0) * MAX_SPEED)
        self._scene.step()

        before, self._state = self._state, self._scene.state()
        reward, success, info = self._evaluate(before, self._state)
        obs = self._observe()
        # Success ends the episode (terminated); the time limit (truncated) comes from the
        # TimeLimit wrapper gymnasium.make adds from the registered max_episode_steps.
        return obs, float(reward), bool(success), False, info

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[np.ndarray, dict[str, Any]]:
        """Start an episode; ``options`` may place objects by hand (see the task's docstring).

        The layout is always drawn from the seeded RNG first and the options then override it, so
        passing options does not shift the random stream of later episodes.
        """
        super().reset(seed=seed)
        self._scene.build(self._layout(options))
        self._state = self._scene.state()
        return self._observe(), self._describe(self._state)

    def reset_observation(self, *, seed: int | None = None,
                          options: dict[str, Any] | None = None) -> tuple[np.ndarray, dict[str, Any]]:
        """The observation and info ``reset(seed=seed, options=options)`` returns, and the same
        random stream afterwards, without preparing the physics: the bodies are moved, not rebuilt
        (``TabletopScene.place``), about 4x faster. For callers that need only start frames, such
        as the world-model env resetting 64 sub-envs at once. ``step`` raises until ``reset``.
        """
        super().reset(seed=seed)
        self._scene.place(self._layout(options))
        self._state = state = self._scene.state()
        obs = self._observe()
        self._state = None  # not steppable: step(), render() and scene_state ask for a reset
        return obs, self._describe(state)

    def _layout(self, options: dict[str, Any] | None) -> SceneLayout:
        layout = self._sample_layout(self.np_random)
        for key, value in (options or {}).items():
            if key not in self.reset_option_keys:
                raise ValueError(f"unknown reset option {key!r} for {type(self).__name__}; "
                                 f"valid options: {', '.join(self.reset_option_keys)}")
            layout[key] = _check_xy(key, value) if key.endswith("_xy") else float(value)
        self._check_layout(layout)
        return SceneLayout(**layout)

    def render(self) -> np.ndarray | None:
        if self.render_mode is None:
            gym.logger.warn("render() needs a render mode: create the env with render_mode='rgb_array', "
                            "e.g. gymnasium.make('SoraSDK/Push-v0', render_mode='rgb_array')")
            return None
        if self._state is None:
            raise gym.error.ResetNeeded("Call reset before using render method.")
        if self._frame is None:  # "state" observations do not render on their own
            self._frame = self._scene.render()
        return self._frame.copy()

    def close(self) -> None:
        self._scene.close()

    # ---------------------------------------------------------------------------------------------
    # Helpers
    # ---------------------------------------------------------------------------------------------

    @property
    def scene_state(self) -> SceneState:
        """Positions of the current state (scripted policies and tests read it); reset first."""
        if self._state is None:
            raise gym.error.ResetNeeded("Call reset before reading scene_state.")
        return self._state

    def _observe(self) -> np.ndarray:
        if self.obs_type == "state":
            self._frame = None  # rendered lazily if render() asks
            return self._state_vector(self._state)
        self._frame = self._scene.render()
        return self._frame.copy()  # the caller may keep or modify it; render() returns its own copy

    def _check_layout(self, layout: dict[str, Any]) -> None:
        limits = {"pusher_xy": ARENA_HALF - PUSHER_RADIUS, "cube_xy": ARENA_HALF - CUBE_HALF * np.sqrt(2),
                  "target_xy": ARENA_HALF}
        for key, limit in limits.items():
            if key in layout and np.max(np.abs(layout[key])) > limit:
                raise ValueError(f"{key}={tuple(layout[key])} is outside the arena: each coordinate must be "
                                 f"within +-{limit:.3f} m")
        if "cube_xy" in layout:
            gap = np.hypot(*np.subtract(layout["pusher_xy"], layout["cube_xy"]))
            if gap < PUSHER_RADIUS + CUBE_HALF * np.sqrt(2):
                raise ValueError(f"pusher_xy and cube_xy overlap ({gap:.3f} m apart); place them at least "
                                 f"{PUSHER_RADIUS + CUBE_HALF * np.sqrt(2):.3f} m apart")


def _check_xy(key: str, value: Any) -> tuple[float, float]:
    xy = np.asarray(value, dtype=np.float64)
    if xy.shape != (2,) or not np.all(np.isfinite(xy)):
        raise ValueError(f"reset option {key} must be two finite numbers (x, y) in metres, got {value!r}")
    return float(xy[0]), float(xy[1])


def sample_until(rng: np.random.Generator, half: float, accept: Callable[[np.ndarray], bool]) -> np.ndarray:
    """The first point uniform in [-half, half]^2 that ``accept`` takes, (2,) float64.

    Points are drawn 64 at a time: one RNG call per reset in practice, and still deterministic.
    """
    while True:
        for xy in rng.uniform(-half, half, size=(64, 2)):
            if accept(xy):
                return xy
