"""Behaviour every tabletop task shares: env checkers, determinism, spaces, frames, misuse errors."""

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env
from stable_baselines3.common.env_checker import check_env as sb3_check_env

from sora_sdk.integrations.robotics import ENV_IDS, PushEnv

IDS = list(ENV_IDS)


@pytest.mark.parametrize("env_id", IDS)
@pytest.mark.parametrize("obs_type", ["rgb", "state"])
def test_gymnasium_and_sb3_env_checkers_pass(make_env, env_id, obs_type):
    env = make_env(env_id, render_mode="rgb_array", obs_type=obs_type)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped)  # deterministic: no nondeterministic=True
    assert [str(w.message) for w in caught] == []
    sb3_check_env(env.unwrapped)


@pytest.mark.parametrize("env_id", IDS)
def test_same_seed_same_actions_give_bit_identical_frames(make_env, env_id):
    a, b = make_env(env_id, render_mode="rgb_array"), make_env(env_id, render_mode="rgb_array")
    obs_a, _ = a.reset(seed=7)
    obs_b, _ = b.reset(seed=7)
    assert np.array_equal(obs_a, obs_b)
    actions = np.random.default_rng(0).uniform(-1, 1, size=(15, 2)).astype(np.float32)
    for action in actions:
        out_a, out_b = a.step(action), b.step(action)
        assert np.array_equal(out_a[0], out_b[0])
        assert out_a[1:4] == out_b[1:4]  # reward, terminated, truncated
    assert not np.array_equal(make_env(env_id).reset(seed=8)[0], obs_a)  # the seed matters


@pytest.mark.parametrize("env_id", IDS)
def test_reset_with_the_same_seed_repeats_the_episode_in_one_env(make_env, env_id):
    env = make_env(env_id, render_mode="rgb_array")
    actions = np.random.default_rng(1).uniform(-1, 1, size=(10, 2)).astype(np.float32)

    def episode():
        frames = [env.reset(seed=3)[0]]
        frames += [env.step(a)[0] for a in actions]
        return np.stack(frames)

    first = episode()
    env.reset(seed=99)
    env.step(np.ones(2, np.float32))  # leave contacts and velocities behind
    assert np.array_equal(first, episode())
    assert len({f.tobytes() for f in first}) > 5  # the frames do change as the pusher moves


@pytest.mark.parametrize("env_id", IDS)
def test_spaces_and_render_returns_the_observed_frame(make_env, env_id):
    env = make_env(env_id, render_mode="rgb_array")
    assert env.action_space == gym.spaces.Box(-1, 1, (2,), np.float32)
    assert env.observation_space == gym.spaces.Box(0, 255, (64, 64, 3), np.uint8)
    obs, _ = env.reset(seed=0)
    frame = env.render()
    assert frame.dtype == np.uint8 and frame.shape == (64, 64, 3)
    assert np.array_equal(obs, frame) and not np.shares_memory(obs, frame)
    obs, *_ = env.step(env.action_space.sample())
    assert np.array_equal(obs, env.render())
    # The state variant renders only on demand, the same frame as the rgb variant.
    state_env = make_env(env_id, render_mode="rgb_array", obs_type="state")
    state, _ = state_env.reset(seed=0)
    assert state.shape == state_env.observation_space.shape and state.dtype == np.float32
    assert np.array_equal(state_env.render(), make_env(env_id).reset(seed=0)[0])


@pytest.mark.parametrize("env_id", IDS)
def test_time_limit_truncates_after_50_steps(make_env, env_id):
    env = make_env(env_id)
    env.reset(seed=0)
    for step in range(1, 51):
        _, _, terminated, truncated, _ = env.step(np.zeros(2, np.float32))  # standing still never succeeds
        assert not terminated
        assert truncated == (step == 50)


def test_misuse_raises_with_the_fix(make_env):
    env = make_env("SoraSDK/Push-v0")
    with pytest.raises(gym.error.ResetNeeded, match="Call reset"):
        env.unwrapped.step(np.zeros(2, np.float32))
    env.reset(seed=0)
    with pytest.raises(ValueError, match=r"shape \(2,\)"):
        env.step(np.zeros(3, np.float32))
    with pytest.raises(ValueError, match="finite"):
        env.step(np.array([np.nan, 0.0], np.float32))
    with pytest.raises(ValueError, match="valid options: pusher_xy"):
        env.reset(seed=0, options={"cube_pos": (0, 0)})
    with pytest.raises(ValueError, match="outside the arena"):
        env.reset(seed=0, options={"cube_xy": (0.5, 0.0)})
    with pytest.raises(ValueError, match="overlap"):
        env.reset(seed=0, options={"cube_xy": (0.0, 0.0), "pusher_xy": (0.02, 0.0)})
    with pytest.raises(ValueError, match="rgb_array"):
        PushEnv(render_mode="human")  # gymnasium.make would wrap it in HumanRendering instead
    with pytest.raises(ValueError, match="'rgb' or 'state'"):
        make_env("SoraSDK/Reach-v0", obs_type="pixels")


def test_commands_beyond_one_saturate(make_env):
    a, b = make_env("SoraSDK/Reach-v0"), make_env("SoraSDK/Reach-v0")
    a.reset(seed=0, options={"pusher_xy": (0.0, 0.0), "target_xy": (0.1, 0.1)})
    b.reset(seed=0, options={"pusher_xy": (0.0, 0.0), "target_xy": (0.1, 0.1)})
    info_a = a.step(np.array([5.0, -5.0], np.float32))[-1]
    info_b = b.step(np.array([1.0, -1.0], np.float32))[-1]
    assert np.array_equal(info_a["pusher_xy"], info_b["pusher_xy"])
    # one full-speed step moves the pusher about 0.25 m/s * 0.1 s = 2.5 cm per axis
    np.testing.assert_allclose(info_a["pusher_xy"], [0.025, -0.025], atol=0.004)


@pytest.mark.parametrize("env_id", IDS)
def test_reset_observation_returns_what_reset_returns_and_keeps_the_stream(make_env, env_id):
    # The world-model env resets its sub-envs with reset_observation (bodies moved, not rebuilt).
    real, fast = make_env(env_id).unwrapped, make_env(env_id).unwrapped
    fast.reset_observation(seed=1234)  # a world already built elsewhere, to be moved
    seeds = [*range(40), None, None, None, 7, None]  # None continues each env's own stream
    for seed in seeds:
        obs, info = real.reset(seed=seed)
        obs_fast, info_fast = fast.reset_observation(seed=seed)
        assert np.array_equal(obs, obs_fast)
        assert info.keys() == info_fast.keys()
        for key in info:
            np.testing.assert_array_equal(info[key], info_fast[key])  # bit-identical, yaw included
    options = {"pusher_xy": (0.1, -0.1)}
    assert np.array_equal(real.reset(seed=5, options=options)[0], fast.reset_observation(seed=5, options=options)[0])


def test_step_after_reset_observation_asks_for_a_reset(make_env):
    env = make_env("SoraSDK/Push-v0").unwrapped
    env.reset_observation(seed=1)  # the first call builds the world; later ones move its bodies
    env.reset_observation(seed=0)
    with pytest.raises(gym.error.ResetNeeded, match="reset"):
        env.step(np.zeros(2, np.float32))
    with pytest.raises(RuntimeError, match="build"):
        env._scene.step()
    first, _ = env.reset(seed=0)  # a real reset rebuilds and steps as usual
    assert env.step(np.ones(2, np.float32))[0].shape == first.shape
