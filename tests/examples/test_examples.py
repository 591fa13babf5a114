"""Every example script runs end to end (on a tiny untrained model) and writes its videos."""

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# robotics_*.py and rl_*.py drive gymnasium envs (no generator, no --model): tests/integrations/robotics
# runs them.
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith(("_", "robotics_", "rl_")))


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, text_encoder):
    from sora_sdk import VideoGenerator

    path = tmp_path_factory.mktemp("model")
    VideoGenerator.from_preset("tiny", text_encoder=text_encoder).save_pretrained(path)
    return path


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs_and_writes_videos(script, tiny_model, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(script), "--model", str(tiny_model), "--out", str(out), "--steps", "2"],
        capture_output=True, text=True, timeout=300, cwd=EXAMPLES,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    written = list(out.iterdir())
    assert written and all(p.stat().st_size > 0 for p in written)
