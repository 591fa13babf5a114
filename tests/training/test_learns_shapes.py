"""Slow: the tiny pipeline, trained for a few minutes on Shapes, follows the prompt's colour.

Runs the shipped experiments end to end (compressor stage, then DiT stage) with the real Hydra
configs, then measures how often the dominant colour of generated videos is the prompted one.
Chance is 1/6. Run with `make test-slow` (about 10-15 minutes on a 2-core CPU).
"""

import pytest

from sora_sdk import VideoGenerator
from sora_sdk.eval import evaluate_prompt_accuracy
from sora_sdk.training.train import main as train_main

pytestmark = pytest.mark.slow

QUICK = ["trainer.enable_progress_bar=false", "trainer.enable_model_summary=false"]


def test_tiny_model_follows_colour(tmp_path):
    compressor_dir = tmp_path / "compressor"
    train_main(
        ["experiment=tiny_shapes_compressor", f"run_dir={tmp_path}/c", f"output_dir={compressor_dir}",
         "data.train_dataset.num_frames=9", "data.batch_size=4", "trainer.max_steps=600", *QUICK]
    )
    generator_dir = tmp_path / "generator"
    train_main(
        ["experiment=tiny_shapes", f"run_dir={tmp_path}/g", f"output_dir={generator_dir}",
         f"compressor_path={compressor_dir}", "trainer.max_steps=1500", *QUICK]
    )
    generator = VideoGenerator.from_pretrained(generator_dir)
    report = evaluate_prompt_accuracy(generator, n=36, seed=0, num_inference_steps=20, progress=False)
    colour = report.scores["dominant colour"]
    print(report)
    assert colour.accuracy > 1 / 6 + 0.15, colour  # clearly above chance
