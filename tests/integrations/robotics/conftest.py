"""Fixtures for the robotics tests: real pybullet envs, closed after each test."""

import gymnasium as gym
import pytest

import sora_sdk.integrations.robotics  # noqa: F401  (registers the SoraSDK/* ids)


@pytest.fixture()
def make_env():
    """``make_env(id, **kwargs)``: gymnasium.make, closed at teardown."""
    envs = []

    def make(env_id: str, **kwargs) -> gym.Env:
        envs.append(gym.make(env_id, **kwargs))
        return envs[-1]

    yield make
    for env in envs:
        env.close()
