"""`Shapes`: a procedural video dataset of coloured shapes moving on plain backgrounds.

It trains the shipped default model and is built so that everything a caption asks for (colour,
shape, size, motion, object count) can be measured back out of a generated video by plain image
analysis (`sora_sdk.eval.attributes`). Hence the choices below:

* object colours are saturated and far apart in RGB; backgrounds are plain neutral tones far from
  every object colour, so "foreground" is a simple distance test;
* sizes are two well separated fractions of the frame's short side;
* objects move in one of four directions (or not at all) at constant speed, far enough to measure,
  and their whole path stays inside the frame;
* rendering is 4x supersampled then box-downsampled (anti-aliased, vectorised numpy).

Every sample is a pure function of `(seed, index)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import torch
from torch.utils.data import Dataset

from sora_sdk.data.shapes_language import (
    BACKGROUNDS,
    COLOURS,
    EVAL_TEMPLATES,
    MOTIONS,
    SHAPES,
    SIZES,
    describe_detailed,
    eval_prompts,
    make_caption,
    training_vocabulary,
)

__all__ = [
    "Shapes",
    "render_clip",
    "SHAPES",
    "COLOURS",
    "SIZES",
    "MOTIONS",
    "BACKGROUNDS",
    "COLOUR_RGB",
    "BACKGROUND_RGB",
    "SIZE_FRACTION",
    "EVAL_TEMPLATES",
    "describe_detailed",
    "eval_prompts",
]

# Saturated hues; the closest pair (yellow/orange) is ~100 RGB units apart.
COLOUR_RGB: dict[str, tuple[int, int, int]] = {
    "red": (230, 30, 30),
    "green": (30, 200, 50),
    "blue": (30, 80, 240),
    "yellow": (250, 240, 40),
    "purple": (150, 50, 210),
    "orange": (255, 150, 0),
}
# Neutral tones; each is >= 140 RGB units from every object colour (closest: green/dark grey).
BACKGROUND_RGB: dict[str, tuple[int, int, int]] = {
    "black": (12, 12, 14),
    "dark grey": (64, 64, 64),
    "navy": (16, 22, 60),
    "light grey": (200, 200, 200),
}
# Object extent (circle diameter, square side, triangle base = height) / min(H, W).
SIZE_FRACTION: dict[str, float] = {"small": 0.2, "large": 0.36}

# Displacement over the clip, as a fraction of the frame extent along the motion axis. The lower
# bound keeps "moving" far above the analyzer's static threshold (0.12 of the extent).
_TRAVEL_RANGE = (0.3, 0.5)
_MARGIN_PX = 1.0  # keep anti-aliased edges off the border, which the analyzer reads as background
_SUPERSAMPLE = 4
_DIRECTION = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1), "static": (0, 0)}


# ----------------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------------


def object_extent(size: str, height: int, width: int) -> float:
    """Object extent in pixels (diameter / side / triangle base) for a size name and frame."""
    return SIZE_FRACTION[size] * min(height, width)


def shape_coverage(
    shape: str, cx: np.ndarray, cy: np.ndarray, extent: float, height: int, width: int,
    supersample: int = _SUPERSAMPLE,
) -> np.ndarray:
    """Anti-aliased coverage of one shape per frame.

    Args:
        shape: One of `SHAPES`.
        cx, cy: Bounding-box centre per frame in pixels, shape (T,). Pixel i spans [i, i+1).
        extent: Diameter / side / triangle base and height, in pixels.
        height, width: Frame size.
        supersample: Samples per pixel along each axis.

    Returns:
        float32 (T, height, width) in [0, 1]: the fraction of each pixel the shape covers.
    """
    s = supersample
    cx, cy = np.asarray(cx, np.float32), np.asarray(cy, np.float32)
    half = extent / 2.0
    # Only the window the shape's whole path can touch is sampled, then pasted into the frame:
    # a small object in a large frame costs what its path covers, not H*W*s*s per frame.
    x0 = int(max(0, np.floor(cx.min() - half) - 1))
    x1 = int(min(width, np.ceil(cx.max() + half) + 1))
    y0 = int(max(0, np.floor(cy.min() - half) - 1))
    y1 = int(min(height, np.ceil(cy.max() + half) + 1))
    out = np.zeros((len(cx), height, width), np.float32)
    if x1 <= x0 or y1 <= y0:
        return out  # entirely outside the frame
    xs = x0 + (np.arange((x1 - x0) * s, dtype=np.float32) + 0.5) / s  # (w*s,) sample positions
    ys = y0 + (np.arange((y1 - y0) * s, dtype=np.float32) + 0.5) / s  # (h*s,)
    dx = xs[None, None, :] - cx[:, None, None]  # (T, 1, w*s)
    dy = ys[None, :, None] - cy[:, None, None]  # (T, h*s, 1)
    if shape == "circle":
        inside = dx**2 + dy**2 <= half**2
    elif shape == "square":
        inside = (np.abs(dx) <= half) & (np.abs(dy) <= half)
    elif shape == "triangle":
        # Apex up at cy - half, base at cy + half; half-width grows from 0 to `half` downwards.
        inside = (dy <= half) & (np.abs(dx) <= (dy + half) / 2.0)
    else:
        raise ValueError(f"shape must be one of {SHAPES}, got {shape!r}.")
    t, h, w = len(cx), y1 - y0, x1 - x0
    # Box-downsample (T, h*s, w*s) -> (T, h, w): the mean of s*s samples is the pixel coverage.
    out[:, y0:y1, x0:x1] = inside.reshape(t, h, s, w, s).mean(axis=(2, 4), dtype=np.float32)
    return out


def default_path(
    size: str, motion: str, height: int, width: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A centred start/end (x, y) for `motion` covering 40% of the frame (for reference clips)."""
    dxu, dyu = _DIRECTION[motion]
    travel_x, travel_y = 0.4 * width * dxu, 0.4 * height * dyu
    cx, cy = width / 2.0, height / 2.0
    return (cx - travel_x / 2, cy - travel_y / 2), (cx + travel_x / 2, cy + travel_y / 2)


def render_clip(
    objects: Sequence[Mapping[str, Any]],
    background: str | tuple[int, int, int],
    num_frames: int,
    height: int,
    width: int,
) -> np.ndarray:
    """Render objects moving over a plain background.

    Args:
        objects: Dicts with `shape`, `colour`, `size` (names from the vocabulary) and either
            `start`/`end` (x, y) bounding-box centres in pixels, or only `motion`, in which case a
            centred path from `default_path` is used. Later objects are drawn on top.
        background: A name from `BACKGROUNDS` or an RGB triple.
        num_frames, height, width: Clip size; any aspect ratio.

    Returns:
        uint8 frames (T, H, W, 3), ready for `Video(frames, fps)`.
    """
    if num_frames < 1 or height < 4 or width < 4:
        raise ValueError(
            f"render_clip needs num_frames >= 1 and height, width >= 4; got {num_frames}, "
            f"{height}, {width}."
        )
    if isinstance(background, str):
        if background not in BACKGROUND_RGB:
            raise ValueError(f"background must be one of {BACKGROUNDS}, got {background!r}.")
        background = BACKGROUND_RGB[background]
    frame = np.broadcast_to(np.asarray(background, np.float32), (num_frames, height, width, 3))
    frame = frame.copy()  # (T, H, W, 3) in [0, 255]
    # Linear interpolation between start and end = constant speed; T == 1 sits at the start.
    u = np.linspace(0.0, 1.0, num_frames, dtype=np.float32) if num_frames > 1 else np.zeros(1)
    for obj in objects:
        if obj.get("colour") not in COLOUR_RGB:
            raise ValueError(f"colour must be one of {COLOURS}, got {obj.get('colour')!r}.")
        if obj.get("size") not in SIZE_FRACTION:
            raise ValueError(f"size must be one of {SIZES}, got {obj.get('size')!r}.")
        if "start" in obj and "end" in obj:
            start, end = obj["start"], obj["end"]
        elif obj.get("motion") in _DIRECTION:
            start, end = default_path(obj["size"], obj["motion"], height, width)
        else:
            raise ValueError(
                "Each object needs 'start' and 'end' (x, y) pixel positions, or a 'motion' in "
                f"{MOTIONS} for a default centred path; got keys {sorted(obj)}."
            )
        cx = start[0] + (end[0] - start[0]) * u  # (T,)
        cy = start[1] + (end[1] - start[1]) * u
        alpha = shape_coverage(
            obj["shape"], cx, cy, object_extent(obj["size"], height, width), height, width
        )[..., None]  # (T, H, W, 1)
        colour = np.asarray(COLOUR_RGB[obj["colour"]], np.float32)
        frame = frame * (1.0 - alpha) + colour * alpha
    return np.clip(np.rint(frame), 0, 255).astype(np.uint8)


# ----------------------------------------------------------------------------------------------
# Sampling a clip's layout
# ----------------------------------------------------------------------------------------------


def _sample_object(
    rng: np.random.Generator, colour: str, num_frames: int, height: int, width: int
) -> dict[str, Any]:
    shape = SHAPES[rng.integers(len(SHAPES))]
    size = SIZES[rng.integers(len(SIZES))]
    motion = MOTIONS[rng.integers(len(MOTIONS))]
    half = object_extent(size, height, width) / 2.0
    dxu, dyu = _DIRECTION[motion]
    start, end = [0.0, 0.0], [0.0, 0.0]
    for axis, (unit, extent) in enumerate(((dxu, width), (dyu, height))):
        lo, hi = half + _MARGIN_PX, extent - half - _MARGIN_PX  # centre range keeping it in frame
        travel = 0.0
        if unit != 0 and num_frames > 1:
            travel = min(rng.uniform(*_TRAVEL_RANGE) * extent, hi - lo)
        a = rng.uniform(lo, hi - travel)  # the lower end of the path
        start[axis], end[axis] = (a, a + travel) if unit >= 0 else (a + travel, a)
    return {
        "shape": shape,
        "colour": colour,
        "size": size,
        "motion": motion,
        "start": (float(start[0]), float(start[1])),
        "end": (float(end[0]), float(end[1])),
    }


def _boxes_overlap(a: Mapping[str, Any], b: Mapping[str, Any], height: int, width: int) -> bool:
    """Whether the start bounding boxes of two objects touch (with a 1 px gap required)."""
    ra = object_extent(a["size"], height, width) / 2 + 0.5
    rb = object_extent(b["size"], height, width) / 2 + 0.5
    return (
        abs(a["start"][0] - b["start"][0]) < ra + rb
        and abs(a["start"][1] - b["start"][1]) < ra + rb
    )


# ----------------------------------------------------------------------------------------------
# Dataset
# ----------------------------------------------------------------------------------------------


class Shapes(Dataset):
    """Coloured shapes moving on plain backgrounds, with captions in many phrasings.

    Description:
        Each clip shows one object, or two with probability `two_object_prob` (when
        `max_objects=2`). Objects have a shape (circle, square, triangle), one of six colours, a
        size (small, large) and move left, right, up, down at constant speed, or stay still. Two
        objects always differ in colour and do not overlap in the first frame (they may cross
        later; the second is drawn on top).

    Sample:
        A dict with
        `video`: float32 tensor (T, 3, H, W) in [-1, 1];
        `caption`: str (a random phrasing, or `describe_detailed` when `caption_style="detailed"`);
        `attributes`: list of per-object dicts with `shape`, `colour`, `size`, `motion`, `start`
        and `end` (x, y) bounding-box centres in pixels at the first and last frame;
        `background`: background name; `fps`: float.
        `attributes` has variable length, so batch with a collate function that keeps it a list.

    Arguments:
        num_samples: Dataset length.
        num_frames: Frames per clip (>= 1).
        height, width: Frame size (>= 16 each; any aspect ratio).
        seed: Sample `i` is a pure function of `(seed, i)`.
        max_objects: 1 or 2.
        caption_style: "varied" (training phrasings), "detailed" (fixed format, what
            `PromptEnhancer` writes) or "mixed" (each clip one or the other, half and half).
        fps: Frames per second reported with each sample.
        two_object_prob: Probability of two objects when `max_objects=2`.
    """

    def __init__(
        self,
        num_samples: int,
        num_frames: int = 17,
        height: int = 64,
        width: int = 64,
        seed: int = 0,
        max_objects: int = 2,
        caption_style: str = "varied",
        fps: float = 8.0,
        two_object_prob: float = 0.3,
    ) -> None:
        if num_samples < 1:
            raise ValueError(f"num_samples must be >= 1, got {num_samples}.")
        if num_frames < 1:
            raise ValueError(f"num_frames must be >= 1, got {num_frames}.")
        if height < 16 or width < 16:
            raise ValueError(
                f"height and width must be >= 16 so small objects stay a few pixels wide and "
                f"measurable; got {height}x{width}."
            )
        if max_objects not in (1, 2):
            raise ValueError(f"max_objects must be 1 or 2, got {max_objects}.")
        if caption_style not in ("varied", "detailed", "mixed"):
            raise ValueError(
                f"caption_style must be 'varied', 'detailed' or 'mixed', got {caption_style!r}."
            )
        if not fps > 0:
            raise ValueError(f"fps must be > 0, got {fps}.")
        if not 0.0 <= two_object_prob <= 1.0:
            raise ValueError(f"two_object_prob must be in [0, 1], got {two_object_prob}.")
        self.num_samples = num_samples
        self.num_frames = num_frames
        self.height = height
        self.width = width
        self.seed = seed
        self.max_objects = max_objects
        self.caption_style = caption_style
        self.fps = float(fps)
        self.two_object_prob = two_object_prob

    def __len__(self) -> int:
        return self.num_samples

    def sample_layout(self, index: int) -> tuple[list[dict[str, Any]], str, np.random.Generator]:
        """The objects and background of sample `index`, plus the generator for its caption."""
        rng = np.random.default_rng([self.seed, index])
        background = BACKGROUNDS[rng.integers(len(BACKGROUNDS))]
        n = 2 if self.max_objects == 2 and rng.random() < self.two_object_prob else 1
        colours = rng.choice(len(COLOURS), size=n, replace=False)
        objects = [
            _sample_object(rng, COLOURS[colours[0]], self.num_frames, self.height, self.width)
        ]
        if n == 2:
            # Rejection-sample a non-overlapping start; after 50 misses (a very crowded frame)
            # the clip keeps one object rather than drawing overlapping shapes.
            for _ in range(50):
                other = _sample_object(
                    rng, COLOURS[colours[1]], self.num_frames, self.height, self.width
                )
                if not _boxes_overlap(objects[0], other, self.height, self.width):
                    objects.append(other)
                    break
        return objects, background, rng

    def vocabulary(self) -> frozenset[str]:
        """Every word this dataset's captions can contain (a trained model's known words)."""
        return training_vocabulary()

    def captions(self, index: int, n: int) -> list[str]:
        """``n`` captions of sample ``index``, each drawn as `__getitem__` draws one.

        Variant ``j`` is a pure function of ``(seed, index, j)``; a latent cache stores several
        per clip so a model trained on cached latents still sees many phrasings of each clip.
        """
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}.")
        objects, background, _ = self.sample_layout(index)
        out = []
        for j in range(n):
            rng = np.random.default_rng([self.seed, index, 1, j])
            detailed = self.caption_style == "detailed" or (self.caption_style == "mixed" and rng.random() < 0.5)
            out.append(describe_detailed(objects, background) if detailed else make_caption(objects, background, rng))
        return out

    def __getitem__(self, index: int) -> dict[str, Any]:
        if not 0 <= index < self.num_samples:
            raise IndexError(f"index {index} out of range for Shapes of length {self.num_samples}")
        objects, background, rng = self.sample_layout(index)
        frames = render_clip(objects, background, self.num_frames, self.height, self.width)
        video = torch.from_numpy(frames).permute(0, 3, 1, 2).float() / 127.5 - 1.0  # (T,3,H,W)
        # "mixed": half the clips get the detailed format that PromptEnhancer writes, so a model
        # trained on it understands both terse user phrasings and enhanced prompts.
        detailed = self.caption_style == "detailed" or (self.caption_style == "mixed" and rng.random() < 0.5)
        if detailed:
            caption = describe_detailed(objects, background)
        else:
            caption = make_caption(objects, background, rng)
        return {
            "video": video,
            "caption": caption,
            "attributes": objects,
            "background": background,
            "fps": self.fps,
        }
