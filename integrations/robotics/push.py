"""``SoraSDK/Push-v0``: push a cube onto a target disc with a planar pusher, seen from above at 64x64."""

from __future__ import annotations

from typing import Any

import numpy as np

from sora_sdk.integrations.robotics.scene import ARENA_HALF, CUBE_HALF, PUSHER_RADIUS, TARGET_RADIUS, SceneState
from sora_sdk.integrations.robotics.tabletop import TabletopEnv, sample_until

CUBE_PROGRESS_SCALE = 10.0  # reward per metre the cube gets closer to the target (~1-2 per episode)
# Shaping: reward per metre the pusher gets closer to the push point, the spot behind the cube on
# the target-to-cube line from which pushing through the cube's centre moves it to the target.
APPROACH_SCALE = 2.0
PUSH_STANDOFF = CUBE_HALF + PUSHER_RADIUS + 0.01  # push point's distance behind the cube centre (m)
SUCCESS_BONUS = 5.0  # on the step the cube's centre enters the target disc


def push_point(state: SceneState) -> np.ndarray:
    """Where the pusher must stand to push the cube straight at the target: (2,) m."""
    u = state.target_xy - state.cube_xy
    u = u / max(float(np.linalg.norm(u)), 1e-9)
    return state.cube_xy - PUSH_STANDOFF * u


class PushEnv(TabletopEnv):
    """Push a red cube onto a green target disc with a blue cylindrical pusher.

    ## Description
    A walled 0.4 m x 0.4 m table in pybullet (headless, ``p.DIRECT``), seen by a fixed top-down
    camera (``ER_TINY_RENDERER``, no shadows). The pusher slides in the table plane under velocity
    control; the cube (6 cm, 0.1 kg, friction 0.5) is a free rigid body; the target is a flat disc
    of radius 5 cm that nothing collides with. In the image +x is right and +y is up.

    ## Action Space
    ``Box(-1, 1, (2,), float32)``: the pusher's planar velocity (vx, vy) in units of 0.25 m/s,
    held for one env step (0.1 s = 24 physics sub-steps at 240 Hz). Values beyond +-1 saturate.

    ## Observation Space
    ``obs_type="rgb"`` (default): ``Box(0, 255, (64, 64, 3), uint8)``, the camera frame.
    ``obs_type="state"``: ``Box(-1, 1, (8,), float32)``: pusher (x, y), cube (x, y),
    cube (cos 4yaw, sin 4yaw) (a cube looks the same every quarter turn), target (x, y); positions
    divided by the arena half-width 0.2 m.

    ## Rewards
    ``10 * (cube-to-target distance decrease, m) + 2 * (pusher-to-push-point distance decrease, m)``
    every step, plus ``5`` on the step of success. The push point is 6.5 cm behind the cube's
    centre on the line from the target through the cube (``push_point``): where a push sends the
    cube straight at the target. Both terms are potential differences, so they do not change
    which policy is optimal; the second says where to go *before* the cube moves. (With the
    pusher-to-cube distance instead, PPO from the true state solved 2% of starts after 1M steps,
    approaching the cube from any side; with the push point, 43% after 200k. docs/robotics.md.)

    ## Starting State
    Drawn from the seeded RNG: target centre uniform in [-0.12, 0.12]^2; cube centre uniform in
    [-0.085, 0.085]^2 at 0.10-0.22 m from the target, yaw uniform in [-45, 45) degrees; pusher
    uniform in [-0.17, 0.17]^2 at least 0.09 m from the cube. ``reset(options=...)`` overrides any
    of ``pusher_xy``, ``cube_xy``, ``cube_yaw`` (radians), ``target_xy`` (metres).

    ## Episode End
    Terminated when the cube's centre is within 5 cm of the target's (inside the disc). Truncated
    after 50 steps (``max_episode_steps`` at registration).

    ## Info
    ``success`` (and ``is_success``, the key SB3's callbacks read), ``cube_to_target``,
    ``pusher_to_cube`` and ``pusher_to_push_point`` (m), ``pusher_xy``, ``cube_xy``,
    ``target_xy`` ((2,) float64, m), ``cube_yaw`` (rad).

    ## Arguments
    ``gymnasium.make("SoraSDK/Push-v0", render_mode="rgb_array", obs_type="rgb", image_size=64)``

    ## Version History
    * v0: initial version. Before the first release the shaping term changed from the
      pusher-to-cube distance to the pusher-to-push-point distance (scale 2); datasets collected
      before that carry the old rewards.
    """

    reset_option_keys = ("pusher_xy", "cube_xy", "cube_yaw", "target_xy")
    state_dim = 8

    def _sample_layout(self, rng: np.random.Generator) -> dict[str, Any]:
        target = rng.uniform(-0.12, 0.12, size=2)
        cube = sample_until(rng, 0.085, lambda xy: 0.10 <= np.linalg.norm(xy - target) <= 0.22)
        yaw = rng.uniform(-np.pi / 4, np.pi / 4)
        pusher = sample_until(rng, 0.17, lambda xy: np.linalg.norm(xy - cube) >= 0.09)
        return {"pusher_xy": tuple(pusher), "cube_xy": tuple(cube), "cube_yaw": float(yaw), "target_xy": tuple(target)}

    def _state_vector(self, state: SceneState) -> np.ndarray:
        c4, s4 = np.cos(4 * state.cube_yaw), np.sin(4 * state.cube_yaw)
        v = np.concatenate([state.pusher_xy / ARENA_HALF, state.cube_xy / ARENA_HALF, [c4, s4], state.target_xy / ARENA_HALF])
        return v.astype(np.float32)  # (8,)

    def _evaluate(self, before: SceneState, after: SceneState) -> tuple[float, bool, dict[str, Any]]:
        info = self._describe(after)
        d_before = np.linalg.norm(before.cube_xy - before.target_xy)
        approach_before = np.linalg.norm(before.pusher_xy - push_point(before))
        reward = (CUBE_PROGRESS_SCALE * (d_before - info["cube_to_target"])
                  + APPROACH_SCALE * (approach_before - info["pusher_to_push_point"])
                  + SUCCESS_BONUS * info["success"])
        return reward, info["success"], info

    def _describe(self, state: SceneState) -> dict[str, Any]:
        d = float(np.linalg.norm(state.cube_xy - state.target_xy))
        success = d < TARGET_RADIUS
        return {
            "success": success,
            "is_success": success,
            "cube_to_target": d,
            "pusher_to_cube": float(np.linalg.norm(state.pusher_xy - state.cube_xy)),
            "pusher_to_push_point": float(np.linalg.norm(state.pusher_xy - push_point(state))),
            "pusher_xy": state.pusher_xy.copy(),
            "cube_xy": state.cube_xy.copy(),
            "cube_yaw": state.cube_yaw,
            "target_xy": state.target_xy.copy(),
        }
