"""integrations/robotics/rl.py: the VectorEnv -> SB3 VecEnv adapter keeps SB3's semantics (against
SB3's own DummyVecEnv on real pybullet envs, and across the world model's three autoreset modes),
seeded resets are deterministic, PPO trains on it, and evaluate_policy_success scores policies."""

import subprocess
import sys

import gymnasium as gym
import numpy as np
import pytest
import torch
from gymnasium.vector import AutoresetMode
from stable_baselines3 import PPO
from stable_baselines3.common.vec_env import DummyVecEnv, VecMonitor

from sora_sdk.integrations.robotics import PushScriptedPolicy, WorldModelVectorEnv
from sora_sdk.integrations.robotics.rl import SB3VecEnvAdapter, evaluate_policy_success, make_sb3_vec_env

REAL = "SoraSDK/Push-v0"


@pytest.fixture(scope="module")
def coin_flip_world_model_dir(tmp_path_factory) -> str:
    """A tiny random WorldModel whose terminations depend on frame and action: its termination
    logit is scaled up and centred on real Push frames, so about a third of the steps end an
    episode and sub-envs finish at different steps."""
    from world_model_helpers import tiny_world_model

    model = tiny_world_model(randomised=True)
    real = gym.make(REAL)
    frames = np.stack([real.reset(seed=s)[0] for s in range(16)])
    real.close()
    frames = torch.from_numpy(frames).permute(0, 3, 1, 2).float() / 127.5 - 1.0  # (16, 3, 64, 64)
    actions = torch.from_numpy(np.random.default_rng(0).uniform(-1, 1, (16, 2)).astype(np.float32))
    last = model.head.mlp[-1]
    with torch.no_grad():
        last.weight[1] *= 300
        _, logits = model.head(frames, actions, frames)
        last.bias[1] -= logits.median()
    path = tmp_path_factory.mktemp("coin_flip_world_model")
    model.save_pretrained(path)
    return str(path)


def rollout(venv, actions: np.ndarray):
    """Every step of ``venv`` under ``actions`` (T, N, A): obs, rewards, dones and the infos SB3 reads."""
    return [venv.step(a) for a in actions]


def assert_same_steps(ours, theirs, info_keys=None):
    for (o1, r1, d1, i1), (o2, r2, d2, i2) in zip(ours, theirs, strict=True):
        assert np.array_equal(o1, o2) and o1.dtype == o2.dtype
        assert np.array_equal(r1, r2) and r1.dtype == r2.dtype == np.float32
        assert np.array_equal(d1, d2) and d1.dtype == d2.dtype == bool
        for a, b in zip(i1, i2, strict=True):
            keys = set(b) if info_keys is None else info_keys
            assert set(a) >= keys and ("terminal_observation" in a) == ("terminal_observation" in b)
            for k in keys | ({"terminal_observation"} & set(b)):
                assert np.array_equal(np.asarray(a[k]), np.asarray(b[k])), k


# ---------------------------------------------------------------------------------------------
# The adapter against SB3's DummyVecEnv, on the real env
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(AutoresetMode), ids=lambda m: m.value)
def test_adapter_matches_sb3_dummy_vec_env_on_push(mode):
    """Through a 50-step truncation and its autoreset: same frames, rewards, dones, terminal frames,
    TimeLimit.truncated and infos as SB3's own vectoriser of the same envs, for every autoreset mode."""
    ours = SB3VecEnvAdapter(gym.make_vec(REAL, 2, vectorization_mode="sync", vector_kwargs={"autoreset_mode": mode}))
    theirs = DummyVecEnv([lambda: gym.make(REAL) for _ in range(2)])
    assert ours.observation_space == theirs.observation_space and ours.action_space == theirs.action_space
    ours.seed(3), theirs.seed(3)
    first = ours.reset()
    assert np.array_equal(first, theirs.reset()) and first.shape == (2, 64, 64, 3) and first.dtype == np.uint8
    assert ours.reset_infos[1]["cube_xy"].tolist() == theirs.reset_infos[1]["cube_xy"].tolist()
    actions = np.random.default_rng(0).uniform(-1, 1, (53, 2, 2)).astype(np.float32)
    a, b = rollout(ours, actions), rollout(theirs, actions)
    assert_same_steps(a, b)
    obs, _, dones, infos = a[49]
    assert dones.all() and all(i["TimeLimit.truncated"] for i in infos)  # truncated at 50 steps
    assert not np.array_equal(infos[0]["terminal_observation"], obs[0])  # obs is already the next start
    assert np.array_equal(ours.reset_infos[0]["target_xy"], theirs.reset_infos[0]["target_xy"])
    ours.close(), theirs.close()


def test_adapter_sub_env_attributes_on_a_sync_vector_env():
    venv = SB3VecEnvAdapter(gym.make_vec(REAL, 2, vectorization_mode="sync"))
    assert venv.render_mode is None and venv.get_attr("render_mode") == [None, None]
    venv.set_attr("tag", 7, indices=[1])
    assert venv.get_attr("tag", indices=1) == [7] and venv.env_method("get_wrapper_attr", "tag", indices=[1]) == [7]
    assert venv.env_is_wrapped(gym.wrappers.TimeLimit) == [True, True]
    venv.reset()
    assert [s.pusher_xy.shape for s in venv.get_attr("scene_state")] == [(2,), (2,)]
    venv.close()


# ---------------------------------------------------------------------------------------------
# The adapter on the world model's native vector env
# ---------------------------------------------------------------------------------------------


def test_world_model_autoreset_modes_give_identical_sb3_streams(coin_flip_world_model_dir):
    """Sub-envs end at different steps (terminations and a 4-step limit); whichever autoreset mode
    the vector env uses, SB3 sees the same thing."""
    actions = np.random.default_rng(0).uniform(-1, 1, (14, 3, 2)).astype(np.float32)
    runs = {}
    for mode in AutoresetMode:
        venv = SB3VecEnvAdapter(WorldModelVectorEnv(3, model=coin_flip_world_model_dir, max_episode_steps=4,
                                                    autoreset_mode=mode))
        venv.seed(7)
        runs[mode] = (venv.reset(), rollout(venv, actions))
        venv.close()
    first, steps = runs[AutoresetMode.NEXT_STEP]
    assert first.shape == (3, 64, 64, 3) and first.dtype == np.uint8
    dones = np.array([d for _, _, d, _ in steps])
    terminated = np.array([[i["terminated_prob"] > 0.5 for i in infos] for *_, infos in steps])
    assert (dones.any(axis=1) & ~dones.all(axis=1)).sum() >= 2  # steps where some sub-envs end, not all
    assert terminated.any() and any(i["TimeLimit.truncated"] for *_, infos in steps for i in infos)
    for obs, _, d, infos in steps:
        for k in range(3):
            assert ("terminal_observation" in infos[k]) == d[k]
            assert infos[k]["TimeLimit.truncated"] == (d[k] and not infos[k]["terminated_prob"] > 0.5)
            if d[k]:
                assert infos[k]["terminal_observation"].shape == (64, 64, 3)
    for mode in (AutoresetMode.SAME_STEP, AutoresetMode.DISABLED):
        assert np.array_equal(runs[mode][0], first)
        assert_same_steps(runs[mode][1], steps, info_keys={"terminated_prob", "TimeLimit.truncated"})


def test_world_model_autoreset_continues_each_sub_envs_stream_of_starts(make_env, tmp_path):
    from world_model_helpers import tiny_world_model

    tiny_world_model(termination_bias=20.0).save_pretrained(tmp_path)  # terminates on every step
    venv = SB3VecEnvAdapter(WorldModelVectorEnv(2, model=str(tmp_path)))
    real = make_env(REAL)
    starts = [real.reset(seed=5)[0], real.reset()[0]]  # sub-env 0's first two starts
    venv.seed(5)
    assert np.array_equal(venv.reset()[0], starts[0])
    obs, rewards, dones, infos = venv.step(np.zeros((2, 2), np.float32))
    assert dones.all() and not infos[0]["TimeLimit.truncated"]
    assert np.array_equal(infos[0]["terminal_observation"], starts[0])  # a fresh model predicts no motion
    assert np.array_equal(obs[0], starts[1])  # reset within the step that ended the episode
    venv.close()


def test_seeded_resets_are_deterministic(coin_flip_world_model_dir, make_env):
    actions = np.random.default_rng(1).uniform(-1, 1, (6, 2, 2)).astype(np.float32)
    a = SB3VecEnvAdapter(WorldModelVectorEnv(2, model=coin_flip_world_model_dir))
    b = SB3VecEnvAdapter(WorldModelVectorEnv(2, model=coin_flip_world_model_dir))
    a.seed(11), b.seed(11)
    first = a.reset()
    assert np.array_equal(first, b.reset())
    steps = rollout(a, actions)
    assert_same_steps(steps, rollout(b, actions))  # sampling noise included
    real = make_env(REAL)
    for i in range(2):  # sub-env i starts from the real env's frame for seed 11 + i
        assert np.array_equal(first[i], real.reset(seed=11 + i)[0])
    a.seed(11)  # the same env reseeded replays its episodes, noise and all
    assert np.array_equal(a.reset(), first)
    assert_same_steps(rollout(a, actions), steps)
    a.close(), b.close()


def test_ppo_trains_on_the_world_model_through_make_sb3_vec_env(coin_flip_world_model_dir):
    envs = make_sb3_vec_env("SoraSDK/PushWorldModel-v0", 4, model=coin_flip_world_model_dir)
    assert isinstance(envs, VecMonitor) and isinstance(envs.venv.vector_env, WorldModelVectorEnv)
    agent = PPO("CnnPolicy", envs, n_steps=16, batch_size=32, n_epochs=1, seed=0, device="cpu")
    agent.learn(128)
    assert agent.num_timesteps == 128 and len(agent.ep_info_buffer) > 0  # episodes ended and were logged
    envs.close()


# ---------------------------------------------------------------------------------------------
# evaluate_policy_success
# ---------------------------------------------------------------------------------------------


def test_scripted_policy_succeeds_every_time_and_random_does_worse(make_env):
    env = make_env(REAL, obs_type="state")  # the policies read positions, no frame needed
    scripted = evaluate_policy_success(env, PushScriptedPolicy(env, noise=0.3, seed=0), episodes=4, seed=100)
    assert scripted.success_rate == 1.0 and scripted.successes == [True] * 4
    assert all(length < 50 for length in scripted.lengths) and scripted.mean_return > 5  # bonus 5 + progress
    lo, hi = scripted.success_interval
    assert 0.4 < lo < 1.0 and hi == 1.0
    random = evaluate_policy_success(env, "random", episodes=4, seed=100)
    assert random.success_rate < scripted.success_rate and random.mean_return < scripted.mean_return
    assert random.env_id == REAL and random.episodes == len(random.returns) == 4
    # Seeded: the same call gives the same episodes.
    again = evaluate_policy_success(REAL, "random", episodes=4, seed=100, env_kwargs={"obs_type": "state"})
    assert again.returns == random.returns and again.lengths == random.lengths
    assert set(again.to_dict()) >= {"success_rate", "success_interval", "mean_return", "mean_length", "returns"}
    with pytest.raises(ValueError, match="episodes"):
        evaluate_policy_success(env, "random", episodes=0)


def test_missing_stable_baselines3_names_the_install_command():
    code = ("import sys; sys.modules['stable_baselines3'] = None\n"
            "import sora_sdk.integrations.robotics.rl")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "pip install 'sora-sdk[robotics,rl]'" in result.stderr


def test_blurred_nature_cnn_blurs_before_the_cnn_and_keeps_flat_images_flat():
    import torch
    from gymnasium import spaces

    from sora_sdk.integrations.robotics.rl import BlurredNatureCNN

    space = spaces.Box(0, 255, (3, 64, 64), np.uint8)
    cnn = BlurredNatureCNN(space, features_dim=32, sigma=1.5)
    flat = torch.full((1, 3, 64, 64), 0.4)
    assert torch.allclose(cnn.blur(flat), flat, atol=1e-6)  # a normalised kernel, replicated borders
    dot = torch.zeros(1, 3, 64, 64)
    dot[:, :, 32, 32] = 1.0
    blurred = cnn.blur(dot)
    assert abs(blurred.sum().item() - 3.0) < 1e-4 and blurred[0, 0, 32, 32] < 0.2  # mass kept, spread out
    assert blurred[0, 0, 32, 33] > 0 and blurred[0, 0, 32, 45] == 0  # within 3 sigma only
    assert cnn(dot).shape == (1, 32)
    with pytest.raises(ValueError, match="sigma must be > 0"):
        BlurredNatureCNN(space, sigma=0)
