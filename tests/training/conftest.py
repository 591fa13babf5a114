"""Shared tiny pieces for the training tests: one text encoder, one tiny compressor folder."""

from __future__ import annotations

import pytest
import torch

from sora_sdk.data.shapes import Shapes
from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.models.text_encoder import MiniLMTextEncoder
from sora_sdk.pipeline.presets import COMPRESSOR_PRESETS
from sora_sdk.training.datamodule import collate_videos

# 9 frames of 32x32 -> a (4, 3, 8, 8) latent grid -> 3 x 4 x 4 = 48 DiT tokens.
FRAMES, SIZE = 9, 32

# Overrides that shrink the shipped configs to a seconds-long run (tmp run_dir added per test).
_SMALL_RUN = [
    "data.train_dataset.num_samples=8",
    f"data.train_dataset.num_frames={FRAMES}",
    f"data.train_dataset.height={SIZE}",
    f"data.train_dataset.width={SIZE}",
    "data.val_dataset.num_samples=2",
    "data.batch_size=2",
    "trainer.val_check_interval=2",
    "trainer.limit_val_batches=1",
    "trainer.log_every_n_steps=1",
    "trainer.enable_progress_bar=false",
    "trainer.enable_model_summary=false",
    "callbacks.checkpoint.every_n_train_steps=1",
    "callbacks.periodic_export.every_n_steps=2",
]


@pytest.fixture
def small_run() -> list[str]:
    """Hydra overrides that shrink any shipped experiment to 9x32x32 clips, batch 2."""
    return list(_SMALL_RUN)


@pytest.fixture(scope="session")
def text_encoder() -> MiniLMTextEncoder:
    return MiniLMTextEncoder()


@pytest.fixture(scope="session")
def tiny_compressor_dir(tmp_path_factory) -> str:
    """A random tiny compressor with latent statistics fitted on Shapes, saved as a folder."""
    torch.manual_seed(0)
    compressor = VideoCompressor(**COMPRESSOR_PRESETS["tiny"])
    videos = collate_videos([Shapes(4, FRAMES, SIZE, SIZE, seed=5)[i] for i in range(4)])["video"]
    compressor.fit_latent_stats(videos)
    path = tmp_path_factory.mktemp("compressor")
    compressor.save_pretrained(path, safe_serialization=True)
    return str(path)
