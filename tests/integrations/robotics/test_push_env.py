"""SoraSDK/Push-v0: rewards, success termination, info and the picture itself."""

import numpy as np
import pytest
from robotics_pixels import dominant_channel, pixel_of

from sora_sdk.integrations.robotics.push import APPROACH_SCALE, CUBE_PROGRESS_SCALE, SUCCESS_BONUS, push_point
from sora_sdk.integrations.robotics.scene import ARENA_HALF, CUBE_HALF, PUSHER_HEIGHT, TARGET_RADIUS


def test_cube_on_the_target_terminates_with_the_success_bonus(make_env):
    env = make_env("SoraSDK/Push-v0")
    _, info = env.reset(seed=0, options={"target_xy": (0.05, -0.05), "cube_xy": (0.06, -0.05), "pusher_xy": (-0.12, 0.1)})
    assert info["success"] and info["cube_to_target"] == pytest.approx(0.01, abs=1e-6)
    _, reward, terminated, truncated, info = env.step(np.zeros(2, np.float32))
    assert terminated and not truncated and info["success"] and info["is_success"]
    assert reward == pytest.approx(SUCCESS_BONUS, abs=0.02)  # no motion: only the bonus


def test_pushing_the_cube_to_the_target_rewards_progress_then_succeeds(make_env):
    env = make_env("SoraSDK/Push-v0")
    # Pusher, cube and target on one line along +x: full speed +x pushes the cube straight in.
    _, info = env.reset(seed=0, options={"pusher_xy": (-0.15, 0.0), "cube_xy": (-0.07, 0.0), "cube_yaw": 0.0,
                                         "target_xy": (0.08, 0.0)})
    push = np.array([1.0, 0.0], np.float32)
    rewards, terminated, steps = [], False, 0
    while not terminated:
        before = info
        _, reward, terminated, truncated, info = env.step(push)
        steps += 1
        expected = (CUBE_PROGRESS_SCALE * (before["cube_to_target"] - info["cube_to_target"])
                    + APPROACH_SCALE * (before["pusher_to_push_point"] - info["pusher_to_push_point"])
                    + SUCCESS_BONUS * info["success"])
        assert reward == pytest.approx(expected, abs=1e-9)
        rewards.append(reward)
        assert not truncated and steps < 20
    assert info["success"] and info["cube_to_target"] < TARGET_RADIUS
    assert abs(info["cube_xy"][1]) < 0.01  # pushed straight
    assert all(r > 0 for r in rewards)  # every step brought the pusher or the cube closer
    assert sum(rewards) > SUCCESS_BONUS + CUBE_PROGRESS_SCALE * 0.08  # cube travelled > 0.08 m


def test_the_push_point_is_behind_the_cube_on_the_line_from_the_target(make_env):
    env = make_env("SoraSDK/Push-v0")
    _, info = env.reset(seed=0, options={"pusher_xy": (0.0, 0.0), "cube_xy": (0.1, 0.0), "target_xy": (0.1, 0.12)})
    # Target straight "up" from the cube: push from 6.5 cm below the cube's centre.
    np.testing.assert_allclose(push_point(env.unwrapped.scene_state), [0.1, -0.065], atol=1e-6)
    assert info["pusher_to_push_point"] == pytest.approx(np.hypot(0.1, 0.065), abs=1e-6)


def test_heading_for_the_push_point_pays_and_heading_away_costs(make_env):
    env = make_env("SoraSDK/Push-v0")
    layout = {"pusher_xy": (0.0, 0.0), "cube_xy": (0.1, 0.0), "target_xy": (0.1, 0.12)}
    env.reset(seed=0, options=layout)
    _, away, *_ = env.step(np.array([-1.0, 0.0], np.float32))
    env.reset(seed=0, options=layout)
    _, towards, *_ = env.step(np.array([1.0, -0.65], np.float32))  # straight at (0.1, -0.065)
    # A step moves 2.5 cm per unit of command and axis; the reward is the scale times the change
    # of the distance to the push point: 11.9 -> 14.1 cm away, or 3.0 cm closer.
    assert away == pytest.approx(-APPROACH_SCALE * (np.hypot(0.125, 0.065) - np.hypot(0.1, 0.065)), abs=0.004)
    assert towards == pytest.approx(APPROACH_SCALE * 0.025 * np.hypot(1.0, 0.65), abs=0.004)


def test_state_observation_is_positions_over_the_arena(make_env):
    env = make_env("SoraSDK/Push-v0", obs_type="state")
    obs, info = env.reset(seed=4, options={"cube_yaw": np.pi / 8})
    np.testing.assert_allclose(obs[:2], info["pusher_xy"] / ARENA_HALF, atol=1e-6)
    np.testing.assert_allclose(obs[2:4], info["cube_xy"] / ARENA_HALF, atol=1e-6)
    np.testing.assert_allclose(obs[4:6], [np.cos(np.pi / 2), np.sin(np.pi / 2)], atol=1e-5)
    np.testing.assert_allclose(obs[6:], info["target_xy"] / ARENA_HALF, atol=1e-6)


def test_seeded_starts_follow_the_documented_ranges(make_env):
    env = make_env("SoraSDK/Push-v0", obs_type="state")
    for seed in range(20):
        _, info = env.reset(seed=seed)
        assert np.abs(info["target_xy"]).max() <= 0.12 and np.abs(info["cube_xy"]).max() <= 0.085 + 1e-6
        assert 0.10 <= info["cube_to_target"] <= 0.22 and info["pusher_to_cube"] >= 0.09
        assert not info["success"]


def test_pusher_cube_and_target_are_told_apart_by_colour_at_64px(make_env):
    env = make_env("SoraSDK/Push-v0")
    layout = {"pusher_xy": (-0.12, 0.1), "cube_xy": (0.0, -0.05), "target_xy": (0.12, 0.1)}
    frame, _ = env.reset(seed=0, options=layout)
    assert dominant_channel(frame, *pixel_of(layout["pusher_xy"], PUSHER_HEIGHT)) == "blue"
    assert dominant_channel(frame, *pixel_of(layout["cube_xy"], 2 * CUBE_HALF)) == "red"
    assert dominant_channel(frame, *pixel_of(layout["target_xy"])) == "green"
    assert dominant_channel(frame, *pixel_of((-0.1, -0.12))) == "grey"  # bare table
    # The cube is several pixels wide: count its red pixels (a 6 cm cube is ~8x8 px).
    red = (frame[..., 0] > 150) & (frame[..., 1] < 90) & (frame[..., 2] < 90)
    assert 60 <= red.sum() <= 100
