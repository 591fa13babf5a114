"""collect_rollouts: exact round trips on Push, any rgb_array env (CartPole), every policy form, errors."""

import json

import gymnasium as gym
import numpy as np
import pytest
from stable_baselines3 import PPO

import sora_sdk
from sora_sdk.integrations.robotics import PushScriptedPolicy, collect_rollouts, describe_action_space, encode_action


def load(path):
    with np.load(path) as f:
        return {k: f[k] for k in f.files}


def test_push_round_trip_replays_bit_for_bit(make_env, tmp_path):
    env = make_env("SoraSDK/Push-v0", render_mode="rgb_array")
    index = collect_rollouts(env, PushScriptedPolicy(env, noise=0.3, seed=0), 45, tmp_path, seed=10, progress=False)
    assert json.loads((tmp_path / "index.json").read_text()) == index
    assert index["env_id"] == "SoraSDK/Push-v0" and index["seed"] == 10 and index["n_steps"] == 45
    assert index["action_space"]["type"] == "Box" and index["action_dim"] == 2
    assert index["frame_size"] == [64, 64] and index["sora_sdk_version"] == sora_sdk.__version__
    assert index["policy"] == "PushScriptedPolicy"
    episodes = index["episodes"]
    assert sum(e["length"] for e in episodes) == 45 and index["num_episodes"] == len(episodes) >= 2
    assert [e["seed"] for e in episodes] == list(range(10, 10 + len(episodes)))
    assert episodes[0]["success"] and episodes[0]["terminated"] and not episodes[0]["cut"]

    # Every array has its documented shape and dtype, and replaying the stored actions from the
    # stored seed in a fresh env gives the same frames and rewards exactly.
    replay = make_env("SoraSDK/Push-v0", render_mode="rgb_array")
    for entry in episodes:
        ep, t = load(tmp_path / entry["file"]), entry["length"]
        assert {k: (v.shape, v.dtype) for k, v in ep.items()} == {
            "frames": ((t + 1, 64, 64, 3), np.uint8), "actions": ((t, 2), np.float32),
            "rewards": ((t,), np.float32), "terminated": ((t,), bool), "truncated": ((t,), bool)}
        frames = [replay.reset(seed=entry["seed"])[0]]
        rewards, terminated = [], []
        for action in ep["actions"]:
            obs, r, term, _, _ = replay.step(action)
            frames.append(obs), rewards.append(r), terminated.append(term)
        assert np.array_equal(np.stack(frames), ep["frames"])
        assert np.array_equal(np.float32(rewards), ep["rewards"])
        assert np.array_equal(terminated, ep["terminated"])
        assert entry["return"] == pytest.approx(float(ep["rewards"].sum()))
    # The budget ran out mid-episode: the last one is kept and marked truncated and cut.
    last = load(tmp_path / episodes[-1]["file"])
    assert episodes[-1]["cut"] and last["truncated"][-1] and not last["terminated"][-1]
    assert not last["truncated"][:-1].any()


def test_cartpole_frames_are_resized_and_discrete_actions_one_hot(tmp_path):
    index = collect_rollouts("CartPole-v1", "random", 40, tmp_path, seed=0, progress=False)
    assert index["action_space"] == {"type": "Discrete", "n": 2, "start": 0, "encoding": "one_hot", "dim": 2}
    first = index["episodes"][0]
    ep = load(tmp_path / first["file"])
    t = first["length"]
    assert ep["frames"].shape == (t + 1, 64, 64, 3) and ep["frames"].dtype == np.uint8
    assert ep["frames"].std() > 10  # a picture (white background, black cart), not a blank
    assert ep["actions"].shape == (t, 2) and set(ep["actions"].sum(1)) == {1.0}
    assert set(np.unique(ep["actions"])) == {0.0, 1.0}
    np.testing.assert_array_equal(ep["rewards"], np.ones(t, np.float32))
    assert ep["terminated"][-1] and not ep["terminated"][:-1].any()  # random CartPole falls within 40 steps
    assert first["success"] is None  # CartPole's info has no success key
    # Seeded: the same call writes the same data.
    again = collect_rollouts("CartPole-v1", "random", 40, tmp_path / "again", seed=0, progress=False)
    assert [e["length"] for e in again["episodes"]] == [e["length"] for e in index["episodes"]]
    assert np.array_equal(load(tmp_path / "again" / first["file"])["actions"], ep["actions"])


def test_sb3_model_and_plain_callable_policies(tmp_path):
    env = gym.make("CartPole-v1", render_mode="rgb_array")
    model = PPO("MlpPolicy", env, n_steps=64, seed=0, device="cpu")  # untrained: only .predict is used
    index = collect_rollouts(env, model, 12, tmp_path / "sb3", deterministic=True, progress=False)
    assert index["policy"] == "PPO" and sum(e["length"] for e in index["episodes"]) == 12
    always_left = collect_rollouts(env, lambda obs: 0, 12, tmp_path / "fn", progress=False)
    actions = load(tmp_path / "fn" / always_left["episodes"][0]["file"])["actions"]
    assert (actions == [1.0, 0.0]).all()
    env.close()


def test_bad_inputs_raise_with_the_fix(tmp_path):
    collect_rollouts("CartPole-v1", "random", 5, tmp_path, progress=False)
    with pytest.raises(FileExistsError, match="overwrite=True"):
        collect_rollouts("CartPole-v1", "random", 5, tmp_path, progress=False)
    index = collect_rollouts("CartPole-v1", "random", 3, tmp_path, overwrite=True, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["episode_000000.npz", "index.json"] and index["n_steps"] == 3
    no_frames = gym.make("CartPole-v1")
    with pytest.raises(ValueError, match="render_mode='rgb_array'"):
        collect_rollouts(no_frames, "random", 5, tmp_path / "x", progress=False)
    with pytest.raises(ValueError, match="only policy given by name is 'random'"):
        collect_rollouts("CartPole-v1", "scripted", 5, tmp_path / "y", progress=False)
    with pytest.raises(TypeError, match="callable"):
        collect_rollouts("CartPole-v1", 3, 5, tmp_path / "z", progress=False)
    with pytest.raises(ValueError, match="positive int"):
        collect_rollouts("CartPole-v1", "random", 0, tmp_path / "w", progress=False)
    with pytest.raises(TypeError, match="Box, Discrete, MultiDiscrete, MultiBinary"):
        describe_action_space(gym.spaces.Dict({"a": gym.spaces.Discrete(2)}))


def test_action_encodings():
    assert encode_action(gym.spaces.Discrete(3, start=-1), -1).tolist() == [1, 0, 0]
    md = gym.spaces.MultiDiscrete([2, 3])
    assert encode_action(md, np.array([1, 2])).tolist() == [0, 1, 0, 0, 1]
    assert describe_action_space(md)["dim"] == 5
    box = gym.spaces.Box(-1, 1, (2, 2), np.float32)
    assert encode_action(box, np.eye(2)).tolist() == [1, 0, 0, 1] and describe_action_space(box)["dim"] == 4
    assert encode_action(gym.spaces.MultiBinary(3), [1, 0, 1]).dtype == np.float32
    with pytest.raises(ValueError, match="outside Discrete"):
        encode_action(gym.spaces.Discrete(2), -1)  # would silently set the last slot
    with pytest.raises(ValueError, match="outside MultiDiscrete"):
        encode_action(md, np.array([1, 3]))


def test_a_policy_returning_the_wrong_shape_is_named(make_env, tmp_path):
    env = make_env("CartPole-v1", render_mode="rgb_array")
    with pytest.raises(ValueError, match="return actions of env.action_space's shape"):
        collect_rollouts(env, lambda obs: np.array([0, 1]), 5, tmp_path, progress=False)
