"""Read colour, shape, size, motion and object count back out of a Shapes-style video.

No learned judge: plain image analysis that a reader can check by hand.

1. Background: per frame, the median of the 2-pixel border ring (objects never fill the border).
2. Colour per pixel: each palette colour c defines a segment bg -> c in RGB; a pixel that is a
   blend `bg + a * (c - bg)` (an anti-aliased edge, or the object itself at a = 1) lies on it. A
   pixel gets the colour of the nearest segment and a coverage `a` along it. Foreground = coverage
   >= 0.5 and at least `MIN_CONTRAST` away from the background.
3. Objects: per colour, connected components per frame (scipy.ndimage.label), specks dropped. A
   colour present in at least half the frames is an object; its per-frame largest component forms
   its track (Shapes never repeats a colour within a clip).
4. Shape: template matching on the coverage map. For each candidate shape the template with the
   same soft area and centroid is rendered with the dataset's own renderer; the smallest L1
   difference wins, by majority over frames. (Fill-ratio rules break at 32x32, where a small
   object is 6 px wide and the binarised bounding box is off by a pixel.)
5. Size: the extent implied by the soft area and the shape (sqrt(area / fill)), against the
   geometric mean of the two `SIZE_FRACTION`s of the short side.
6. Motion: a least-squares line through the centroid track (frames where the object is
   occluded are skipped); static if it moves less than `STATIC_FRACTION` of the frame along
   both axes, else the dominant axis and its sign.

`foreground_trajectory` is a colour-blind tracker for one-object clips (the object's position
whatever colour it has, e.g. before and after an edit that recolours it), and `trajectory_motion`
reads a direction from any track with step 6.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from sora_sdk.data.shapes import COLOUR_RGB, SIZE_FRACTION, shape_coverage
from sora_sdk.data.shapes_language import (
    COLOUR_WORDS,
    COLOURS,
    SHAPE_WORDS,
    SHAPES,
    SIZE_WORDS,
)
from sora_sdk.video import Video

__all__ = [
    "ObjectReading",
    "VideoReading",
    "analyze_video",
    "foreground_trajectory",
    "trajectory_motion",
    "parse_prompt_attributes",
    "score_reading",
    "MIN_CONTRAST",
    "STATIC_FRACTION",
]

MIN_CONTRAST = 25.0  # RGB distance from the background below which a pixel is background
STATIC_FRACTION = 0.12  # displacement / frame extent under which an object counts as static;
# Shapes moves objects >= 0.3 of the extent, so the margin on both sides is wide.
_BORDER = 2  # width of the ring whose median is the background
_OCCLUDED = 0.6  # a frame whose area is < 0.6 x the track's 75th-percentile area is occluded
# Fraction of the bounding box each shape fills (triangle: base = height).
_TEMPLATE_BLURS = (0.0, 0.5, 0.8)  # Gaussian sigmas (px) tried on each shape template
_FILL = {"circle": math.pi / 4, "square": 1.0, "triangle": 0.5}
_SIZE_SPLIT = math.sqrt(SIZE_FRACTION["small"] * SIZE_FRACTION["large"])
_PALETTE = np.array([COLOUR_RGB[c] for c in COLOURS], np.float32)  # (K, 3)


@dataclass
class ObjectReading:
    """What the analyzer saw of one object.

    Attributes:
        colour: Nearest palette colour (canonical name from `COLOURS`).
        shape: "circle", "square" or "triangle".
        size: "small" or "large".
        motion: "left", "right", "up", "down" or "static".
        area: Median soft area in pixels (sum of coverage) over unoccluded frames.
        trajectory: float (T, 2) centroid (x, y) in pixels per frame; NaN where not found.
    """

    colour: str
    shape: str
    size: str
    motion: str
    area: float
    trajectory: np.ndarray = field(repr=False)


@dataclass
class VideoReading:
    """Everything read from one video.

    Attributes:
        objects: One reading per colour present (in `COLOURS` order).
        count: Number of objects: the per-frame component count, median over frames, summed over
            colours (two same-coloured objects count twice though they share one reading).
        background: Estimated background RGB (median over frames).
    """

    objects: list[ObjectReading]
    count: int
    background: tuple[int, int, int]


# ----------------------------------------------------------------------------------------------
# Video analysis
# ----------------------------------------------------------------------------------------------


def _as_frames(video: Video | np.ndarray) -> np.ndarray:
    frames = video.frames if isinstance(video, Video) else video
    if not isinstance(frames, np.ndarray) or frames.dtype != np.uint8:
        raise ValueError(
            "analyze_video expects a Video or uint8 frames (T, H, W, 3); for a float tensor in "
            "[-1, 1] pass Video.from_tensor(x, fps)."
        )
    if frames.ndim != 4 or frames.shape[-1] != 3:
        raise ValueError(f"analyze_video expects frames of shape (T, H, W, 3), got {frames.shape}.")
    if min(frames.shape[1:3]) < 2 * _BORDER + 4:
        raise ValueError(f"Frames of {frames.shape[1]}x{frames.shape[2]} are too small to analyse.")
    return frames


def _background(frames: np.ndarray) -> np.ndarray:
    """Per-frame background colour, (T, 3) float32: median of the border ring."""
    b = _BORDER
    ring = np.concatenate(
        [
            frames[:, :b].reshape(len(frames), -1, 3),
            frames[:, -b:].reshape(len(frames), -1, 3),
            frames[:, b:-b, :b].reshape(len(frames), -1, 3),
            frames[:, b:-b, -b:].reshape(len(frames), -1, 3),
        ],
        axis=1,
    )  # (T, N_border, 3)
    return np.median(ring, axis=1).astype(np.float32)


def _colour_coverage(
    frames: np.ndarray, bg: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest palette colour and coverage per pixel.

    Returns:
        colour index (T, H, W) int, coverage along that colour's segment (T, H, W) float in
        [0, inf), and distance from the background (T, H, W) float.
    """
    d = frames.astype(np.float32) - bg[:, None, None, :]  # (T, H, W, 3) offset from background
    v = _PALETTE[None, :, :] - bg[:, None, :]  # (T, K, 3) segment directions
    t, h, w, _ = d.shape
    dv = np.matmul(d.reshape(t, h * w, 3), v.transpose(0, 2, 1)).reshape(t, h, w, -1)  # (T,H,W,K)
    vv = np.sum(v * v, axis=-1)[:, None, None, :]  # (T, 1, 1, K)
    dd = np.sum(d * d, axis=-1)  # (T, H, W)
    a = dv / vv  # coverage along each segment, (T, H, W, K)
    a_seg = np.clip(a, 0.0, 1.0)
    # Squared distance to each segment bg -> c_k, |d - a v|^2 expanded to avoid a (..., K, 3) array.
    dist2 = dd[..., None] - 2.0 * a_seg * dv + a_seg**2 * vv  # (T, H, W, K)
    k = np.argmin(dist2, axis=-1)  # (T, H, W)
    cov = np.take_along_axis(np.maximum(a, 0.0), k[..., None], axis=-1)[..., 0]
    return k, cov, np.sqrt(dd)


def _classify_shape(cov_crop: np.ndarray) -> tuple[str, float]:
    """Best-matching shape for one coverage crop (h, w) and its soft area in pixels."""
    area = float(cov_crop.sum())
    h, w = cov_crop.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    cx, cy = float((cov_crop * xs).sum() / area), float((cov_crop * ys).sum() / area)
    best, best_err = "circle", np.inf
    for shape in SHAPES:
        extent = math.sqrt(area / _FILL[shape])
        # The triangle's centroid sits extent/6 below its bounding-box centre.
        by = cy - extent / 6.0 if shape == "triangle" else cy
        tmpl = shape_coverage(shape, np.array([cx]), np.array([by]), extent, h, w)[0]
        # Codecs and generators soften edges, which makes every shape look rounder; comparing
        # against softened templates too keeps a blurred square a square.
        for sigma in _TEMPLATE_BLURS:
            t = ndimage.gaussian_filter(tmpl, sigma, mode="constant") if sigma else tmpl
            err = float(np.abs(t - cov_crop).sum())
            if err < best_err:
                best, best_err = shape, err
    return best, area


def _motion(traj: np.ndarray, valid: np.ndarray, height: int, width: int) -> str:
    """Direction from a least-squares line through the valid centroids of `traj` (T, 2)."""
    t = np.nonzero(valid)[0]
    if len(t) < 2:
        return "static"
    span = len(traj) - 1
    slope = np.polyfit(t.astype(np.float64), traj[t].astype(np.float64), 1)[0]  # (2,) px/frame
    dx, dy = slope[0] * span / width, slope[1] * span / height  # fraction of the frame
    if max(abs(dx), abs(dy)) < STATIC_FRACTION:
        return "static"
    if abs(dx) >= abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"


def analyze_video(video: Video | np.ndarray) -> VideoReading:
    """Measure the objects in a video of shapes on a plain background.

    Args:
        video: A `Video` or uint8 frames (T, H, W, 3).

    Returns:
        A `VideoReading` with one `ObjectReading` per colour found and the object count.
    """
    frames = _as_frames(video)
    t_len, height, width = frames.shape[:3]
    bg = _background(frames)  # (T, 3)
    k, cov, contrast = _colour_coverage(frames, bg)
    fg = (cov >= 0.5) & (contrast >= MIN_CONTRAST)  # (T, H, W)
    # Specks: a quarter of the smallest object Shapes draws (a small triangle).
    smallest = _FILL["triangle"] * (SIZE_FRACTION["small"] * min(height, width)) ** 2
    min_area = max(2.0, 0.25 * smallest)
    # Connect within a frame (8-neighbourhood), never across frames.
    structure = np.zeros((3, 3, 3), bool)
    structure[1] = True
    need_core = SIZE_FRACTION["small"] * min(height, width) >= 5.0
    cross = np.zeros((3, 3, 3), bool)
    cross[1] = ndimage.generate_binary_structure(2, 1)

    objects, count = [], 0
    for ki, colour in enumerate(COLOURS):
        labels, n = ndimage.label(fg & (k == ki), structure=structure)
        if n == 0:
            continue
        index = np.arange(1, n + 1)
        areas = ndimage.sum_labels(np.ones_like(labels), labels, index)  # (n,)
        # Pixels whose 4 neighbours share their colour. A real object has some; the 1 px hue
        # fringes that 4:2:0 chroma subsampling leaves along edges have none. Objects in frames
        # under 25 px are too small for the test (a 3 px triangle has no such pixel), so skip it.
        if need_core:
            core = ndimage.binary_erosion(labels > 0, structure=cross)
            cores = ndimage.sum_labels(core, labels, index)  # (n,)
        else:
            cores = areas
        slices = ndimage.find_objects(labels)
        per_frame: dict[int, list[tuple[float, int]]] = {}
        for lab, (area, n_core, sl) in enumerate(zip(areas, cores, slices), start=1):
            if area >= min_area and n_core > 0:
                per_frame.setdefault(sl[0].start, []).append((float(area), lab))
        if len(per_frame) < t_len / 2:
            continue  # flicker or a stray blob, not an object
        counts = [len(per_frame.get(t, [])) for t in range(t_len)]
        count += max(1, int(np.median(counts)))

        # Track the largest component per frame: its coverage crop gives area, centroid, shape.
        traj = np.full((t_len, 2), np.nan, np.float32)
        soft_area = np.full(t_len, np.nan, np.float32)
        crops: dict[int, np.ndarray] = {}
        for t, comps in per_frame.items():
            lab = max(comps)[1]
            sl = slices[lab - 1]
            y0, y1 = max(0, sl[1].start - 2), min(height, sl[1].stop + 2)
            x0, x1 = max(0, sl[2].start - 2), min(width, sl[2].stop + 2)
            # Coverage of this colour around the component; pixels of other colours are not ours.
            crop = np.where(
                (k[t, y0:y1, x0:x1] == ki) & (contrast[t, y0:y1, x0:x1] >= MIN_CONTRAST / 2),
                np.clip(cov[t, y0:y1, x0:x1], 0.0, 1.0),
                0.0,
            )
            crops[t] = crop
            soft_area[t] = crop.sum()
            ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32) + 0.5
            traj[t] = ((crop * xs).sum() / soft_area[t], (crop * ys).sum() / soft_area[t])
        # Occlusion only ever shrinks an object, so judge frames against a high percentile.
        ref_area = float(np.nanpercentile(soft_area, 75))
        valid = np.nan_to_num(soft_area, nan=0.0) >= _OCCLUDED * ref_area  # (T,) unoccluded
        med_area = float(np.median(soft_area[valid]))
        # Shape by majority over up to 8 evenly spaced unoccluded frames (enough for a stable vote).
        frames_valid = np.nonzero(valid)[0]
        n_pick = min(8, len(frames_valid))
        pick = frames_valid[np.linspace(0, len(frames_valid) - 1, n_pick).astype(int)]
        shape = Counter(_classify_shape(crops[int(t)])[0] for t in pick).most_common(1)[0][0]
        extent = math.sqrt(med_area / _FILL[shape]) / min(height, width)
        objects.append(
            ObjectReading(
                colour=colour,
                shape=shape,
                size="small" if extent < _SIZE_SPLIT else "large",
                motion=_motion(traj, valid, height, width),
                area=med_area,
                trajectory=traj,
            )
        )
    background = tuple(int(round(c)) for c in np.median(bg, axis=0))
    return VideoReading(objects=objects, count=count, background=background)


# ----------------------------------------------------------------------------------------------
# Colour-blind tracking
# ----------------------------------------------------------------------------------------------


def foreground_trajectory(video: Video | np.ndarray) -> np.ndarray:
    """Per-frame centroid of the largest foreground blob, whatever its colour.

    Foreground is every pixel at least `MIN_CONTRAST` (RGB distance) from the frame's background
    (the border-ring median, step 1 above); no palette is involved, so an object tracks the same
    before and after an edit that recolours it. Per frame the largest 8-connected blob wins
    (specks of generator noise lose to the object). Its position is the centroid weighted by
    contrast relative to the blob's interior (90th percentile), over the blob and a 1 px ring: for
    an anti-aliased shape that weight is its coverage whatever the colour, so a recoloured object
    does not move its centroid, and a binary threshold's colour-dependent edge does not enter.
    Meant for one-object clips: with two objects it follows whichever is larger in each frame.

    Args:
        video: A `Video` or uint8 frames (T, H, W, 3).

    Returns:
        float32 (T, 2) centroid (x, y) in pixels, pixel i spanning [i, i+1) as in
        `ObjectReading.trajectory`; NaN in frames with no foreground.
    """
    frames = _as_frames(video)
    t_len, height, width = frames.shape[:3]
    bg = _background(frames)  # (T, 3)
    contrast = np.linalg.norm(frames.astype(np.float32) - bg[:, None, None, :], axis=-1)  # (T, H, W)
    structure = np.zeros((3, 3, 3), bool)
    structure[1] = True  # 8-connected within a frame, never across frames
    labels, n = ndimage.label(contrast >= MIN_CONTRAST, structure=structure)
    traj = np.full((t_len, 2), np.nan, np.float32)
    if n == 0:
        return traj
    areas = ndimage.sum_labels(np.ones_like(labels), labels, np.arange(1, n + 1))  # (n,)
    slices = ndimage.find_objects(labels)
    frame_of = np.array([sl[0].start for sl in slices])  # (n,)
    # Largest blob per frame: sort by (frame, area) and keep each frame's last entry.
    order = np.lexsort((areas, frame_of))
    last = np.r_[frame_of[order][1:] != frame_of[order][:-1], True]
    for k in order[last]:  # one blob per frame with foreground
        sl, t = slices[k], int(frame_of[k])
        y0, y1 = max(0, sl[1].start - 1), min(height, sl[1].stop + 1)
        x0, x1 = max(0, sl[2].start - 1), min(width, sl[2].stop + 1)
        blob = labels[t, y0:y1, x0:x1] == k + 1  # (h, w)
        c = contrast[t, y0:y1, x0:x1]
        weight = np.where(ndimage.binary_dilation(blob, np.ones((3, 3), bool)), np.clip(c / np.percentile(c[blob], 90), 0, 1), 0)
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float32) + 0.5
        traj[t] = ((weight * xs).sum() / weight.sum(), (weight * ys).sum() / weight.sum())
    return traj


def trajectory_motion(trajectory: np.ndarray, height: int, width: int) -> str:
    """Read a direction from a centroid track, as `analyze_video` reads an object's motion.

    Args:
        trajectory: float (T, 2) positions (x, y) in pixels; NaN frames are skipped.
        height, width: Frame size the positions are in.

    Returns:
        "left", "right", "up", "down", or "static" (also when fewer than 2 frames are tracked).
    """
    traj = np.asarray(trajectory, np.float32)
    if traj.ndim != 2 or traj.shape[1] != 2:
        raise ValueError(f"trajectory must be (T, 2) positions (x, y), got shape {traj.shape}.")
    return _motion(traj, ~np.isnan(traj).any(axis=1), height, width)


# ----------------------------------------------------------------------------------------------
# Prompts
# ----------------------------------------------------------------------------------------------


def _word_pattern(words: Sequence[str]) -> str:
    # Longest first so "square shape" wins over "square"; \b keeps "red" out of "reddish".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words_re(table: Mapping[str, Sequence[str]]) -> re.Pattern[str]:
    return re.compile(r"\b(" + _word_pattern([w for ws in table.values() for w in ws]) + r")\b")


_COLOUR_RE = _words_re(COLOUR_WORDS)
_SHAPE_RE = _words_re(SHAPE_WORDS)
_SIZE_RE = _words_re(SIZE_WORDS)
_WORD_TO = {
    w: name
    for table in (COLOUR_WORDS, SHAPE_WORDS, SIZE_WORDS)
    for name, ws in table.items()
    for w in ws
}
_FROM_TO_RE = re.compile(
    r"\bfrom (?:the )?(left|right|top|bottom) to (?:the )?(left|right|top|bottom)\b"
)
_FROM_TO = {"left": "left", "right": "right", "top": "up", "bottom": "down"}
# Any wording of a direction, the dataset's phrases included (checked by the tests).
_MOTION_RES = {
    "static": re.compile(
        r"\b(still|motionless|stationary|static|not moving|does not move|doesn't move|"
        r"in place|at rest)\b"
    ),
    "right": re.compile(r"\b(right|rightwards?)\b"),
    "left": re.compile(r"\b(left|leftwards?)\b"),
    "up": re.compile(r"\b(up|upwards?|upward|ris(?:e|es|ing)|climb(?:s|ing)?|ascend(?:s|ing)?)\b"),
    "down": re.compile(
        r"\b(down|downwards?|fall(?:s|ing)?|sink(?:s|ing)?|drop(?:s|ping)?|descend(?:s|ing)?)\b"
    ),
}


def _first_motion(text: str) -> str | None:
    m = _FROM_TO_RE.search(text)
    if m:
        return _FROM_TO[m.group(2)]
    hits = [(m.start(), name) for name, rx in _MOTION_RES.items() if (m := rx.search(text))]
    return min(hits)[1] if hits else None


def parse_prompt_attributes(prompt: str) -> list[dict[str, str | None]]:
    """The objects a prompt asks for, using the Shapes vocabulary and its synonyms.

    Each colour word starts a new object; the object's text runs to the next colour word, and a
    size word up to two words before the colour belongs to it ("a tiny red disc"). A motion
    phrase before the first colour word belongs to the first object.

    Args:
        prompt: e.g. "A tiny violet disc drifting rightwards while a big green box falls".

    Returns:
        One dict per object with canonical `colour`, `shape`, `size`, `motion`; a field the prompt
        does not mention is None. E.g. [{"colour": "purple", "shape": "circle", "size": "small",
        "motion": "right"}, {"colour": "green", "shape": "square", "size": "large",
        "motion": "down"}].
    """
    text = prompt.lower()
    colour_hits = list(_COLOUR_RE.finditer(text))
    objects = []
    for i, m in enumerate(colour_hits):
        end = colour_hits[i + 1].start() if i + 1 < len(colour_hits) else len(text)
        # Look back at most two words for the size ("a small red" / "a very large red").
        before = text[: m.start()].split()[-2:]
        size_m = _SIZE_RE.search(" ".join(before)) or _SIZE_RE.search(text[m.end() : end])
        shape_m = _SHAPE_RE.search(text[m.end() : end])
        objects.append(
            {
                "colour": _WORD_TO[m.group(1)],
                "shape": _WORD_TO[shape_m.group(1)] if shape_m else None,
                "size": _WORD_TO[size_m.group(1)] if size_m else None,
                "motion": _first_motion(text[m.end() : end]),
            }
        )
    if objects and objects[0]["motion"] is None:
        # "Moving right: a small red circle" puts the motion before the first object.
        objects[0]["motion"] = _first_motion(text[: colour_hits[0].start()])
    return objects


def score_reading(
    reading: VideoReading, expected: Sequence[Mapping[str, str | None]]
) -> dict[str, bool]:
    """Whether a video shows what was asked, attribute by attribute.

    Objects are matched by colour. An attribute is correct when every expected object that
    specifies it has a matched reading with the same value; an object with no match fails every
    attribute it specifies.

    Args:
        reading: From `analyze_video`.
        expected: Per-object dicts (from `parse_prompt_attributes`, `eval_prompts` or a `Shapes`
            sample's `attributes`); keys other than colour/shape/size/motion are ignored and None
            values are not checked.

    Returns:
        `{"count": bool}` plus a bool for each of "colour", "shape", "size", "motion" that any
        expected object specifies.
    """
    by_colour = {o.colour: o for o in reading.objects}
    result = {"count": reading.count == len(expected)}
    for key in ("colour", "shape", "size", "motion"):
        checks = []
        for obj in expected:
            if obj.get(key) is None:
                continue
            got = by_colour.get(obj.get("colour"))
            if got is None and obj.get("colour") is None and len(reading.objects) == 1:
                got = reading.objects[0]  # "a circle moving left": the only object is the match
            checks.append(got is not None and getattr(got, key) == obj[key])
        if checks:
            result[key] = all(checks)
    return result
