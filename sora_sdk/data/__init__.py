"""Datasets: the procedural `Shapes` world (and, later, `VideoFolder`)."""

from sora_sdk.data.shapes import (
    BACKGROUND_RGB,
    BACKGROUNDS,
    COLOUR_RGB,
    COLOURS,
    MOTIONS,
    SHAPES,
    SIZE_FRACTION,
    SIZES,
    Shapes,
    render_clip,
)
from sora_sdk.data.shapes_language import (
    EVAL_TEMPLATES,
    TRAIN_TEMPLATES,
    TWO_OBJECT_TEMPLATES,
    describe_detailed,
    eval_prompts,
    make_caption,
)

__all__ = [
    "Shapes",
    "render_clip",
    "describe_detailed",
    "eval_prompts",
    "make_caption",
    "SHAPES",
    "COLOURS",
    "SIZES",
    "MOTIONS",
    "BACKGROUNDS",
    "COLOUR_RGB",
    "BACKGROUND_RGB",
    "SIZE_FRACTION",
    "TRAIN_TEMPLATES",
    "TWO_OBJECT_TEMPLATES",
    "EVAL_TEMPLATES",
]
