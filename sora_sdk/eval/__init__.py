"""Evaluation without a learned judge: attribute read-back and pixel metrics."""

from sora_sdk.eval.attributes import (
    ObjectReading,
    VideoReading,
    analyze_video,
    parse_prompt_attributes,
    score_reading,
)
from sora_sdk.eval.metrics import psnr, ssim, temporal_flicker, temporal_jitter

__all__ = [
    "ObjectReading",
    "VideoReading",
    "analyze_video",
    "parse_prompt_attributes",
    "score_reading",
    "psnr",
    "ssim",
    "temporal_flicker",
    "temporal_jitter",
]
