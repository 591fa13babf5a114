"""Shared fixtures: tiny components that build in milliseconds."""

import os

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))


@pytest.fixture(scope="session")
def text_encoder():
    from sora_sdk.models.text_encoder import MiniLMTextEncoder

    return MiniLMTextEncoder()


@pytest.fixture()
def tiny_generator(text_encoder):
    from sora_sdk import VideoGenerator

    return VideoGenerator.from_preset("tiny", seed=0, text_encoder=text_encoder)
