"""The `sora-sdk` command line on a real (tiny) saved model: generate, and its vocabulary note."""

from __future__ import annotations

import numpy as np
import torch
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


def test_cli_export_writes_a_named_bf16_folder_that_generates(shapes_model_dir, tmp_path, capsys):
    out = tmp_path / "shipped"
    assert main(["export", "--model", shapes_model_dir, "--out", str(out), "--name", "mine", "--max-shard-size", "50KB"]) == 0
    assert "weights bf16" in capsys.readouterr().out
    gen = VideoGenerator.from_pretrained(out)
    assert gen.name == "mine" and gen.vocabulary == training_vocabulary()
    original = VideoGenerator.from_pretrained(shapes_model_dir)
    for ours, theirs in zip(original.transformer.parameters(), gen.transformer.parameters()):
        assert torch.equal(theirs, ours.to(torch.bfloat16).float())
    # Re-exporting with one big file leaves no stale shards behind.
    assert main(["export", "--model", shapes_model_dir, "--out", str(out), "--max-shard-size", "1GB"]) == 0
    assert [p.name for p in (out / "transformer").glob("*.safetensors")] == ["diffusion_pytorch_model.safetensors"]
    assert main(["export", "--model", shapes_model_dir, "--out", shapes_model_dir]) == 2
    assert "the model folder itself" in capsys.readouterr().err


def test_cli_export_stores_the_models_default_steps_and_guidance(shapes_model_dir, tmp_path, capsys):
    out = tmp_path / "shipped"
    args = ["export", "--model", shapes_model_dir, "--out", str(out), "--steps", "3", "--guidance", "2.5",
            "--guidance-start", "0.34", "--guidance-stop", "0.67"]
    assert main(args) == 0
    assert "num_inference_steps=3, guidance_scale=2.5, guidance_start=0.34, guidance_stop=0.67" in capsys.readouterr().out
    gen = VideoGenerator.from_pretrained(out)
    assert gen.generation_defaults == {"num_inference_steps": 3, "guidance_scale": 2.5, "guidance_start": 0.34, "guidance_stop": 0.67}
    video = gen.generate("a red circle moving right", num_frames=5, height=32, width=32, seed=1, progress=False)
    assert video.metadata["num_inference_steps"] == 3 and video.metadata["guidance_scale"] == 2.5
    assert video.metadata["guidance_start"] == 0.34 and video.metadata["guidance_stop"] == 0.67
    assert main(["export", "--model", shapes_model_dir, "--out", str(out), "--guidance", "-1"]) == 2
    assert "--steps/--guidance/--guidance-start/--guidance-stop has invalid generation_defaults" in capsys.readouterr().err
    assert main(["export", "--model", shapes_model_dir, "--out", str(out), "--guidance-stop", "1.5"]) == 2
    assert "guidance_stop" in capsys.readouterr().err
    # The stored start is after the stop given: refused, with the rule.
    assert main(["export", "--model", str(out), "--out", str(tmp_path / "again"), "--guidance-stop", "0.2"]) == 2
    assert "guidance_start=0.34 is after guidance_stop=0.2" in capsys.readouterr().err


def test_cli_generate_takes_a_guidance_stop(shapes_model_dir, tmp_path):
    common = ["--model", shapes_model_dir, "--frames", "5", "--height", "32", "--width", "32", "--steps", "2", "--quiet"]
    assert main(["generate", "a red circle moving right", "--out", str(tmp_path / "a.mp4"),
                 "--guidance-start", "0.5", "--guidance-stop", "1", *common]) == 0
    assert main(["generate", "a red circle moving right", "--out", str(tmp_path / "b.mp4"), "--guidance-stop", "2", *common]) == 2
    assert not (tmp_path / "b.mp4").exists()
