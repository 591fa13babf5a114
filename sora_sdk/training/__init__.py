"""sora_sdk.training: Lightning systems, data module and the Hydra entry point.

    VideoDiffusionSystem   trains a SpacetimeDiT on a frozen compressor's latents (rectified flow)
    EMASystem              the shared plumbing: a trained module + its EMA, optimiser, step routing
    CompressorSystem       trains a VideoCompressor (L1 + KL [+ SSIM]) and exports it with stats
    VideoDataModule        batches of {video, caption} from any such dataset (e.g. Shapes)
    ConditionMaskSampler   random frame-condition masks (image-to-video, extension, ...)
    build_optimizer, OptimizationConfig, step_generator, ResumableBatchSampler
                           the recipe's parts other systems reuse (e.g. the robotics world model):
                           optimiser + schedule, per-step random streams and resumable batches
    train / main           the Hydra entry: `python -m sora_sdk.training.train experiment=...`

Imports are lazy so `import sora_sdk.training` does not pull in Lightning and Hydra.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "VideoDiffusionSystem": "sora_sdk.training.system",
    "EMASystem": "sora_sdk.training.ema",
    "CompressorSystem": "sora_sdk.training.compressor_system",
    "VideoDataModule": "sora_sdk.training.datamodule",
    "ResumableBatchSampler": "sora_sdk.training.datamodule",
    "collate_videos": "sora_sdk.training.datamodule",
    "ConditionMaskSampler": "sora_sdk.training.masks",
    "MASK_MODES": "sora_sdk.training.masks",
    "DiffusionTrainingConfig": "sora_sdk.training.config",
    "CompressorTrainingConfig": "sora_sdk.training.config",
    "OptimizationConfig": "sora_sdk.training.config",
    "build_optimizer": "sora_sdk.training.optim",
    "step_generator": "sora_sdk.training.random_streams",
    "ConditionMaskProbabilities": "sora_sdk.training.config",
    "RankSyncCheck": "sora_sdk.training.callbacks",
    "PeriodicExport": "sora_sdk.training.callbacks",
    "train": "sora_sdk.training.train",
    "main": "sora_sdk.training.train",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sora_sdk.training' has no attribute {name!r}")


def __dir__():
    return __all__
