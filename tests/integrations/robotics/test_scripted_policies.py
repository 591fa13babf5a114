"""Scripted policies reach success, are seeded, and refuse the wrong env."""

import numpy as np
import pytest

from sora_sdk.integrations.robotics import PushScriptedPolicy, ReachScriptedPolicy


def run_episode(env, policy, seed):
    obs, info = env.reset(seed=seed)
    for step in range(1, 51):
        obs, _, terminated, truncated, info = env.step(policy(obs))
        if terminated or truncated:
            return info["success"], step
    raise AssertionError("the TimeLimit wrapper should have truncated at 50 steps")


@pytest.mark.parametrize("env_id, policy_cls", [("SoraSDK/Push-v0", PushScriptedPolicy), ("SoraSDK/Reach-v0", ReachScriptedPolicy)])
def test_noisy_scripted_policy_succeeds_where_random_does_not(make_env, env_id, policy_cls):
    env = make_env(env_id, obs_type="state")  # the policy reads positions, not pixels
    policy = policy_cls(env, noise=0.3, seed=0)
    results = [run_episode(env, policy, seed) for seed in range(5)]
    assert all(success for success, _ in results), results
    assert max(steps for _, steps in results) < 50
    if env_id == "SoraSDK/Push-v0":
        env.action_space.seed(0)
        assert not any(run_episode(env, lambda obs: env.action_space.sample(), seed)[0] for seed in range(3))


def test_policy_noise_is_seeded(make_env):
    env = make_env("SoraSDK/Push-v0")
    actions = []
    for _ in range(2):
        policy, (obs, _) = PushScriptedPolicy(env, noise=0.5, seed=3), env.reset(seed=1)
        actions.append([policy(obs) for _ in range(5)])
    assert np.array_equal(actions[0], actions[1])
    a = actions[0][0]
    assert a.dtype == np.float32 and a.shape == (2,) and np.abs(a).max() <= 1


def test_wrong_env_and_bad_noise_are_refused(make_env):
    with pytest.raises(TypeError, match="drives PushEnv, got ReachEnv"):
        PushScriptedPolicy(make_env("SoraSDK/Reach-v0"))
    with pytest.raises(ValueError, match="noise"):
        ReachScriptedPolicy(make_env("SoraSDK/Reach-v0"), noise=-1)
