"""The `sora-sdk` command line on a real (tiny) saved model: generate, and its vocabulary note."""

from __future__ import annotations

import numpy as np
import pytest

from sora_sdk import VideoGenerator
from sora_sdk.cli import main
from sora_sdk.data.shapes_language import training_vocabulary
from sora_sdk.video import Video


@pytest.fixture()
def shapes_model_dir(tiny_generator, tmp_path):
    tiny_generator.vocabulary = training_vocabulary()
    return str(tiny_generator.save_pretrained(tmp_path / "model"))


def test_vocabulary_round_trips_and_names_unknown_words(shapes_model_dir, tiny_generator):
    gen = VideoGenerator.from_pretrained(shapes_model_dir)
    assert gen.vocabulary == training_vocabulary()
    assert gen.unknown_words("Please generate a tiny violet disc drifting rightwards") == []
    assert gen.unknown_words("a cat playing the piano, a cat on a red background") == ["cat", "playing", "piano"]
    tiny_generator.vocabulary = None  # an open-vocabulary model never warns
    assert tiny_generator.unknown_words("a cat playing the piano") == []


def test_cli_generate_writes_the_video_and_notes_unknown_words(shapes_model_dir, tmp_path, capsys):
    common = ["--model", shapes_model_dir, "--frames", "5", "--height", "32", "--width", "32", "--steps", "2", "--quiet"]
    assert main(["generate", "a red circle moving right", "--out", str(tmp_path / "a.mp4"), *common]) == 0
    out = capsys.readouterr()
    assert "wrote" in out.out and "note:" not in out.err
    assert main(["generate", "a dragon flying over a castle", "--out", str(tmp_path / "b.mp4"), *common]) == 0
    err = capsys.readouterr().err
    assert "only on coloured shapes" in err and "dragon, flying, castle" in err and "over" not in err.split(":")[-1]
    video = Video.load(tmp_path / "b.mp4")
    assert video.frames.shape == (5, 32, 32, 3) and video.frames.dtype == np.uint8
