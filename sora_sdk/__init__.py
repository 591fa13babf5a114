"""sora-sdk: Sora-style video generation you can import, train, run and plug into your own loops.

Public API (imported lazily so ``import sora_sdk`` stays fast):

    VideoGenerator, GenerationRequest, Condition, Video,
    VideoCompressor, SpacetimeDiT, TextEncoder, MiniLMTextEncoder, HFTextEncoder,
    SafetyFilter, SafetyPolicy, ContentBlocked, PromptEnhancer
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "VideoGenerator": "sora_sdk.pipeline.generator",
    "GenerationRequest": "sora_sdk.pipeline.request",
    "Condition": "sora_sdk.conditioning.condition",
    "Video": "sora_sdk.video",
    "VideoCompressor": "sora_sdk.models.compressor",
    "SpacetimeDiT": "sora_sdk.models.dit",
    "TextEncoder": "sora_sdk.models.text_encoder",
    "MiniLMTextEncoder": "sora_sdk.models.text_encoder",
    "HFTextEncoder": "sora_sdk.models.text_encoder",
    "SafetyFilter": "sora_sdk.safety",
    "SafetyPolicy": "sora_sdk.safety",
    "ContentBlocked": "sora_sdk.safety",
    "PromptEnhancer": "sora_sdk.prompting",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sora_sdk' has no attribute {name!r}")


def __dir__():
    return __all__
