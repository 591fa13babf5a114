"""Datasets: the procedural `Shapes` world and `VideoFolder` (your own videos, in buckets)."""

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
from sora_sdk.data.bucket_sampler import BucketBatchSampler
from sora_sdk.data.latent_cache import LatentCache
from sora_sdk.data.video_folder import (
    DEFAULT_BUCKETS,
    CaptionsFileError,
    VideoFolder,
    VideoFolderError,
)
from sora_sdk.data.video_probe import (
    FOLDER_VIDEO_SUFFIXES,
    VideoInfo,
    probe_video,
    read_frames,
)

__all__ = [
    "Shapes",
    "LatentCache",
    "render_clip",
    "VideoFolder",
    "BucketBatchSampler",
    "VideoFolderError",
    "CaptionsFileError",
    "VideoInfo",
    "probe_video",
    "read_frames",
    "DEFAULT_BUCKETS",
    "FOLDER_VIDEO_SUFFIXES",
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
