"""Fixtures for safety tests: a private C2PA dev-cert folder, small clips, the rules-only filter."""

import numpy as np
import pytest

from sora_sdk.data.shapes import render_clip
from sora_sdk.safety import SafetyFilter, SafetyPolicy
from sora_sdk.safety.policy import load_policy
from sora_sdk.video import Video


@pytest.fixture(autouse=True)
def _c2pa_dir(tmp_path_factory, monkeypatch):
    # Keep development certificates out of the real home directory during tests.
    monkeypatch.setenv("SORA_SDK_C2PA_DIR", str(tmp_path_factory.getbasetemp() / "c2pa-dev"))


@pytest.fixture()
def shapes_video():
    frames = render_clip([{"shape": "circle", "colour": "red", "size": "large", "motion": "right"}], "navy", 17, 64, 64)
    return Video(frames=frames, fps=8.0, metadata={"prompt": "a red circle moving right"})


@pytest.fixture()
def texture_video():
    rng = np.random.default_rng(0)
    base = rng.integers(40, 215, (1, 32, 32, 3)).astype(np.int16)
    frames = np.clip(base + rng.integers(-3, 4, (16, 32, 32, 3)), 0, 255).astype(np.uint8)
    return Video(frames=frames, fps=8.0)


@pytest.fixture(scope="session")
def rules():
    """The lexicon and pattern rules alone (no learned classifier)."""
    return SafetyFilter.from_policy(SafetyPolicy(prompt_classifier=False, frames={"faces": "allow"}))


@pytest.fixture(scope="session")
def rules_protected():
    """The rules alone with the default preset's protected people."""
    return SafetyFilter.from_policy(SafetyPolicy(prompt_classifier=False, frames={"faces": "allow"},
                                                 protected_people=load_policy("default").protected_people))
