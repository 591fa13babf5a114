"""The README's quick start: its Python example and its CLI command make the same video for a seed.

The two blocks are read from README.md itself (between ``<!-- quickstart:cli -->`` and
``<!-- quickstart:python -->`` markers), so the test breaks if the README drifts from the code.
The model name in them is swapped for a tiny saved model; the shipped model runs the same check
in `test_quickstart_with_the_shipped_model` when it is in the package.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import numpy as np
import pytest

from sora_sdk.cli import main
from sora_sdk.pipeline.presets import shipped_models
from sora_sdk.video import Video

README = Path(__file__).resolve().parent.parent / "README.md"


def _block(marker: str, language: str) -> str:
    text = README.read_text()
    match = re.search(rf"<!-- quickstart:{marker} -->\s*```{language}\n(.*?)```", text, re.S)
    assert match, f"README.md has no ```{language} block after <!-- quickstart:{marker} -->"
    return match.group(1)


def _cli_argv(model: str, out: Path) -> list[str]:
    lines = [ln for ln in _block("cli", "bash").splitlines() if ln.startswith("sora-sdk generate")]
    assert len(lines) == 1, "the quickstart CLI block must hold one `sora-sdk generate` line"
    argv = shlex.split(lines[0].split("#")[0])[1:]
    argv[argv.index("--out") + 1] = str(out)
    return [*argv, "--model", model, "--quiet"]


def _run_python(model: str, workdir: Path, monkeypatch) -> Video:
    code = _block("python", "python")
    assert len(code.strip().splitlines()) <= 10, "the README promises a 10-line example"
    assert 'from_pretrained("default")' in code
    monkeypatch.chdir(workdir)
    namespace: dict = {}
    exec(compile(code.replace('"default"', repr(model)), "README.md", "exec"), namespace)  # noqa: S102
    return namespace["video"]


def _same_video(model: str, tmp_path: Path, monkeypatch) -> tuple[Video, Video]:
    py_video = _run_python(model, tmp_path, monkeypatch)
    cli_out = tmp_path / "cli.mp4"
    assert main(_cli_argv(model, cli_out)) == 0
    return py_video, Video.load(cli_out)


def test_readme_python_and_cli_make_the_same_video(tiny_generator, tmp_path, monkeypatch):
    model = str(tiny_generator.save_pretrained(tmp_path / "model"))
    py_video, cli_video = _same_video(model, tmp_path, monkeypatch)
    # The Python example saved its own file too; both went through the same H.264 encoder.
    saved = sorted(p for p in tmp_path.glob("*.mp4") if p.name != "cli.mp4")
    assert saved, "the README's Python example should save a video"
    assert np.array_equal(Video.load(saved[0]).frames, cli_video.frames)
    assert py_video.metadata["seed"] == cli_video.metadata["seed"]
    assert py_video.frames.shape == cli_video.frames.shape


@pytest.mark.skipif("default" not in shipped_models(), reason="the default model is not in the package")
def test_quickstart_with_the_shipped_model(tmp_path, monkeypatch):
    py_video, cli_video = _same_video("default", tmp_path, monkeypatch)
    assert py_video.frames.shape[0] >= 16 and py_video.fps >= 8
    saved = sorted(p for p in tmp_path.glob("*.mp4") if p.name != "cli.mp4")
    assert np.array_equal(Video.load(saved[0]).frames, cli_video.frames)
