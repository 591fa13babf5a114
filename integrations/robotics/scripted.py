"""Scripted (privileged-state) policies for the tabletop tasks, so collected data holds successes.

Each policy reads the true positions from the env (``env.unwrapped.scene_state``), not from the
observation, and adds Gaussian action noise so datasets also cover imperfect, recovering motion.
They are plain callables ``obs -> action``, which is one of the policy forms ``collect_rollouts``
takes.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np

from sora_sdk.integrations.robotics.push import PUSH_STANDOFF, PushEnv
from sora_sdk.integrations.robotics.reach import ReachEnv
from sora_sdk.integrations.robotics.scene import ARENA_HALF, CONTROL_DT, CUBE_HALF, MAX_SPEED, PUSHER_RADIUS

STEP_REACH = MAX_SPEED * CONTROL_DT  # metres one full-speed action moves the pusher (0.025)
STANDOFF = PUSH_STANDOFF  # pusher centre behind the cube centre before a push (the reward's push point)
ORBIT = CUBE_HALF * np.sqrt(2) + PUSHER_RADIUS + 0.02  # circling radius that clears the cube's corners
BEHIND_CONE = 0.5  # radians off the back direction from which the pusher heads straight behind
PUSHER_LIMIT = ARENA_HALF - PUSHER_RADIUS  # the walls stop the pusher's centre here
ON_LINE = 0.012  # |lateral offset| under which the pusher counts as lined up behind the cube


class _NoisyPolicy:
    def __init__(self, env: gym.Env, expected: type, noise: float, seed: int | None) -> None:
        if not isinstance(env.unwrapped, expected):
            raise TypeError(f"{type(self).__name__} drives {expected.__name__}, got {type(env.unwrapped).__name__}")
        if noise < 0:
            raise ValueError(f"noise is a standard deviation in action units and must be >= 0, got {noise}")
        self.env = env.unwrapped
        self.noise = noise
        self.rng = np.random.default_rng(seed)

    def _finish(self, action: np.ndarray) -> np.ndarray:
        action = action + self.noise * self.rng.standard_normal(2)
        return np.clip(action, -1.0, 1.0).astype(np.float32)  # (2,)


def _towards(p: np.ndarray, goal: np.ndarray) -> np.ndarray:
    """The action that lands on ``goal`` in one step if it is within reach, else full speed towards it."""
    delta = (goal - p) / STEP_REACH
    return delta / max(1.0, float(np.abs(delta).max()))


class PushScriptedPolicy(_NoisyPolicy):
    """Go behind the cube on the target-to-cube line, then push through it towards the target.

    Args:
        env: a ``SoraSDK/Push-v0`` env (wrappers are fine; positions come from ``env.unwrapped``).
        noise: standard deviation of Gaussian noise added to each action (action units, before
            clipping to [-1, 1]).
        seed: seeds the noise.
    """

    def __init__(self, env: gym.Env, noise: float = 0.3, seed: int | None = None) -> None:
        super().__init__(env, PushEnv, noise, seed)

    def __call__(self, obs: np.ndarray) -> np.ndarray:
        s = self.env.scene_state
        p, c, g = s.pusher_xy, s.cube_xy, s.target_xy
        u = g - c
        u = u / max(np.linalg.norm(u), 1e-6)  # push direction
        n = np.array([-u[1], u[0]])  # its left normal
        along, lateral = float((p - c) @ u), float((p - c) @ n)

        angle = np.arctan2(lateral, along)  # 0: in front of the cube, +-pi: right behind it
        if along <= -STANDOFF + 0.005 and abs(lateral) < ON_LINE:
            # Lined up behind: push through the cube's centre, steering back onto the line.
            action = u - 2.0 * (lateral / STANDOFF) * n
            action = action / np.abs(action).max()
        elif np.pi - abs(angle) < BEHIND_CONE:
            # Roughly behind: slide straight onto the point behind the cube.
            action = _towards(p, c - STANDOFF * u)
        else:
            # Beside or in front: circle the cube at a radius that clears its corners, on the side
            # the pusher is already on, a bounded angle per step towards the back.
            side = 1.0 if lateral >= 0 else -1.0
            ahead = angle + side * min(0.6, np.pi - abs(angle))
            waypoint = c + ORBIT * (np.cos(ahead) * u + np.sin(ahead) * n)
            action = _towards(p, np.clip(waypoint, -PUSHER_LIMIT, PUSHER_LIMIT))
        return self._finish(action)


class ReachScriptedPolicy(_NoisyPolicy):
    """Head straight for the target's centre (at full speed until within one step of it).

    Args:
        env: a ``SoraSDK/Reach-v0`` env (wrappers are fine; positions come from ``env.unwrapped``).
        noise: standard deviation of Gaussian noise added to each action (action units).
        seed: seeds the noise.
    """

    def __init__(self, env: gym.Env, noise: float = 0.3, seed: int | None = None) -> None:
        super().__init__(env, ReachEnv, noise, seed)

    def __call__(self, obs: np.ndarray) -> np.ndarray:
        s = self.env.scene_state
        return self._finish(_towards(s.pusher_xy, s.target_xy))
