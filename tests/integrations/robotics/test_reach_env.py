"""SoraSDK/Reach-v0: rewards and success termination."""

import numpy as np
import pytest
from robotics_pixels import dominant_channel, pixel_of

from sora_sdk.integrations.robotics.reach import PROGRESS_SCALE, SUCCESS_BONUS, SUCCESS_RADIUS
from sora_sdk.integrations.robotics.scene import PUSHER_HEIGHT


def test_reaching_rewards_progress_and_terminates_on_the_disc(make_env):
    env = make_env("SoraSDK/Reach-v0")
    _, info = env.reset(seed=0, options={"pusher_xy": (-0.1, 0.0), "target_xy": (0.0, 0.0)})
    assert not info["success"]
    rewards = []
    for _ in range(3):  # 3 x 2.5 cm: 2.5 cm short of the centre, on the edge of success
        _, reward, terminated, _, info = env.step(np.array([1.0, 0.0], np.float32))
        rewards.append(reward)
        assert not terminated
    assert info["pusher_to_target"] == pytest.approx(0.025, abs=0.003)
    np.testing.assert_allclose(rewards, PROGRESS_SCALE * 0.025, atol=0.03)
    _, reward, terminated, _, info = env.step(np.array([0.6, 0.0], np.float32))
    assert terminated and info["success"] and info["pusher_to_target"] < SUCCESS_RADIUS
    assert reward == pytest.approx(SUCCESS_BONUS + PROGRESS_SCALE * 0.015, abs=0.03)


def test_scene_has_no_cube(make_env):
    env = make_env("SoraSDK/Reach-v0")
    frame, info = env.reset(seed=2)
    assert set(info) == {"success", "is_success", "pusher_to_target", "pusher_xy", "target_xy"}
    red = (frame[..., 0] > 150) & (frame[..., 1] < 90) & (frame[..., 2] < 90)
    assert red.sum() == 0
    assert dominant_channel(frame, *pixel_of(info["pusher_xy"], PUSHER_HEIGHT)) == "blue"
