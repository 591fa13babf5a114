"""Fixtures for the robotics tests: real pybullet envs, closed after each test."""

import gymnasium as gym
import pytest
import torch

import sora_sdk.integrations.robotics  # noqa: F401  (registers the SoraSDK/* ids)
from world_model_helpers import tiny_world_model


@pytest.fixture(autouse=True)
def one_torch_thread():
    """World-model steps are many small ops: on a machine whose cores are busy (a training run
    beside the tests), torch's two-thread parallel regions stall on each other and a tiny model's
    step took 50-80x longer than on one thread (measured). Restored after each test."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


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


# ---------------------------------------------------------------------------------------------
# World model: tiny models saved as folders, as the env and the evaluation load them
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def tiny_world_model_dir(tmp_path_factory) -> str:
    """A tiny WorldModel with random weights everywhere (terminations at p ~ 0.5), saved."""
    path = tmp_path_factory.mktemp("tiny_world_model")
    tiny_world_model(randomised=True).save_pretrained(path)
    return str(path)


@pytest.fixture(scope="session")
def still_world_model_dir(tmp_path_factory) -> str:
    """A freshly initialised tiny WorldModel: it predicts its last frame exactly (AdaLN-Zero +
    residual) and never terminates (termination bias -20)."""
    path = tmp_path_factory.mktemp("still_world_model")
    tiny_world_model(termination_bias=-20.0).save_pretrained(path)
    return str(path)
