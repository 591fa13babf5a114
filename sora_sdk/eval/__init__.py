"""Evaluation without a learned judge: attribute read-back, pixel metrics, and the harness
(`evaluate_prompt_accuracy`, `evaluate_compressor`, `evaluate_condition_fidelity`) that
`sora-sdk eval` runs."""

from sora_sdk.eval.attributes import (
    ObjectReading,
    VideoReading,
    analyze_video,
    parse_prompt_attributes,
    score_reading,
)
from sora_sdk.eval.compressor_eval import (
    HELDOUT_SHAPES_SEED,
    PSNR_CAP_DB,
    CompressorReport,
    evaluate_compressor,
    evaluate_condition_fidelity,
)
from sora_sdk.eval.metrics import psnr, ssim, temporal_flicker, temporal_jitter
from sora_sdk.eval.prompt_accuracy import (
    AttributeScore,
    PromptAccuracyReport,
    PromptResult,
    dominant_colour,
    dominant_colour_accuracy,
    evaluate_prompt_accuracy,
)

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
    "evaluate_prompt_accuracy",
    "PromptAccuracyReport",
    "PromptResult",
    "AttributeScore",
    "dominant_colour",
    "dominant_colour_accuracy",
    "evaluate_compressor",
    "CompressorReport",
    "evaluate_condition_fidelity",
    "HELDOUT_SHAPES_SEED",
    "PSNR_CAP_DB",
]
