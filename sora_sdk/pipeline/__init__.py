"""The generation pipeline: VideoGenerator and its request schema."""

from sora_sdk.pipeline.generator import VideoGenerator
from sora_sdk.pipeline.presets import GENERATOR_PRESETS, shipped_models
from sora_sdk.pipeline.request import GenerationRequest

__all__ = ["VideoGenerator", "GenerationRequest", "GENERATOR_PRESETS", "shipped_models"]
