"""Evaluation without a learned judge: attribute read-back, pixel metrics, and the harness
(`evaluate_prompt_accuracy`, `evaluate_compressor`, `evaluate_condition_fidelity`, and with
`--frame-prompts` `evaluate_seams` and `evaluate_edit`) that `sora-sdk eval` runs."""

from sora_sdk.eval.attributes import (
    ObjectReading,
    VideoReading,
    analyze_video,
    foreground_trajectory,
    parse_prompt_attributes,
    score_reading,
    trajectory_motion,
)
from sora_sdk.eval.compressor_eval import (
    HELDOUT_SHAPES_SEED,
    PSNR_CAP_DB,
    CompressorReport,
    evaluate_compressor,
    evaluate_condition_fidelity,
)
from sora_sdk.eval.frame_prompts_eval import (
    DEFAULT_EDIT_STRENGTHS,
    EditReport,
    EditStrengthResult,
    SeamReport,
    SeamStats,
    condition_fidelity_markdown,
    evaluate_edit,
    evaluate_seams,
)
from sora_sdk.eval.metrics import (
    MIN_TYPICAL_LEVELS,
    SeamMeasurement,
    consecutive_differences,
    measure_seam,
    psnr,
    ssim,
    temporal_flicker,
    temporal_jitter,
    trajectory_error,
)
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
    "foreground_trajectory",
    "trajectory_motion",
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
    "condition_fidelity_markdown",
    "evaluate_seams",
    "SeamReport",
    "SeamStats",
    "SeamMeasurement",
    "measure_seam",
    "consecutive_differences",
    "MIN_TYPICAL_LEVELS",
    "evaluate_edit",
    "EditReport",
    "EditStrengthResult",
    "DEFAULT_EDIT_STRENGTHS",
    "trajectory_error",
]
