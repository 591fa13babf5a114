"""``SoraSDK/Reach-v0``: move the pusher onto a target disc, seen from above at 64x64."""

from __future__ import annotations

from typing import Any

import numpy as np

from sora_sdk.integrations.robotics.scene import ARENA_HALF, PUSHER_RADIUS, TARGET_RADIUS, SceneState
from sora_sdk.integrations.robotics.tabletop import TabletopEnv, sample_until

PROGRESS_SCALE = 10.0  # reward per metre the pusher gets closer to the target
SUCCESS_BONUS = 5.0  # on the step the pusher lies entirely on the target disc
SUCCESS_RADIUS = TARGET_RADIUS - PUSHER_RADIUS  # 2.5 cm: the whole pusher is inside the disc


class ReachEnv(TabletopEnv):
    """Move the blue pusher until it lies entirely on the green target disc.

    ## Description
    The same walled table, camera and pusher as ``SoraSDK/Push-v0`` without the cube: the
    simplest control task of the scene, useful to check a world model's action response alone.

    ## Action Space
    ``Box(-1, 1, (2,), float32)``: the pusher's planar velocity (vx, vy) in units of 0.25 m/s,
    held for one env step (0.1 s = 24 physics sub-steps at 240 Hz). Values beyond +-1 saturate.

    ## Observation Space
    ``obs_type="rgb"`` (default): ``Box(0, 255, (64, 64, 3), uint8)``, the camera frame.
    ``obs_type="state"``: ``Box(-1, 1, (4,), float32)``: pusher (x, y), target (x, y), divided
    by the arena half-width 0.2 m.

    ## Rewards
    ``10 * (pusher-to-target distance decrease, m)`` every step, plus ``5`` on the step of success.

    ## Starting State
    Drawn from the seeded RNG: target centre uniform in [-0.15, 0.15]^2; pusher uniform in
    [-0.17, 0.17]^2 at least 0.12 m from the target. ``reset(options=...)`` overrides
    ``pusher_xy`` and ``target_xy`` (metres).

    ## Episode End
    Terminated when the pusher's centre is within 2.5 cm of the target's (the whole pusher is on
    the disc). Truncated after 50 steps (``max_episode_steps`` at registration).

    ## Info
    ``success`` (and ``is_success``), ``pusher_to_target`` (m), ``pusher_xy``, ``target_xy``
    ((2,) float64, m).

    ## Arguments
    ``gymnasium.make("SoraSDK/Reach-v0", render_mode="rgb_array", obs_type="rgb", image_size=64)``

    ## Version History
    * v0: initial version.
    """

    reset_option_keys = ("pusher_xy", "target_xy")
    state_dim = 4

    def _sample_layout(self, rng: np.random.Generator) -> dict[str, Any]:
        target = rng.uniform(-0.15, 0.15, size=2)
        pusher = sample_until(rng, 0.17, lambda xy: np.linalg.norm(xy - target) >= 0.12)
        return {"pusher_xy": tuple(pusher), "target_xy": tuple(target)}

    def _state_vector(self, state: SceneState) -> np.ndarray:
        return np.concatenate([state.pusher_xy, state.target_xy]).astype(np.float32) / np.float32(ARENA_HALF)  # (4,)

    def _evaluate(self, before: SceneState, after: SceneState) -> tuple[float, bool, dict[str, Any]]:
        info = self._describe(after)
        d_before = np.linalg.norm(before.pusher_xy - before.target_xy)
        reward = PROGRESS_SCALE * (d_before - info["pusher_to_target"]) + SUCCESS_BONUS * info["success"]
        return reward, info["success"], info

    def _describe(self, state: SceneState) -> dict[str, Any]:
        d = float(np.linalg.norm(state.pusher_xy - state.target_xy))
        success = d < SUCCESS_RADIUS
        return {
            "success": success,
            "is_success": success,
            "pusher_to_target": d,
            "pusher_xy": state.pusher_xy.copy(),
            "target_xy": state.target_xy.copy(),
        }
