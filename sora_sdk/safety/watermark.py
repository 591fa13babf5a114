"""Invisible watermark: a keyed, low-frequency spread-spectrum pattern in luma, spread over frames.

Image watermark libraries hide bits in mid-frequency DCT/DWT coefficients of one picture and need
frames of 256 px or more. Generated clips here can be 32x32, so the mark is spread over *all*
frames instead, and carries one bit ("made by this key") rather than a payload:

* Pattern. A key seeds a (G_h, G_w) grid of Gaussian values, G = 8 cells on the short side, that
  is smoothly upsampled to the frame: each cell is 4 px on a 32x32 frame, so the pattern lives at
  frequencies that H.264 keeps and that a 2x downscale does not average away. The grid is defined
  in normalised coordinates, so the detector regenerates it at any received size.
* Time. Frame t gets `sign_t * pattern`, with keyed balanced signs. Summing `sign_t * frame_t`
  cancels whatever stays still in the video, so the content a detector must see the mark through
  is only what moves.
* Detection. Frames are resized to the (4 G_h, 4 G_w) working grid, high-passed (frame minus its
  blur, which removes smooth content and lighting), folded with the signs and correlated with the
  high-passed pattern. The score is compared with the same correlation under many random keys from
  the *same* video, so the statistic is a z-score calibrated on that video's own content and
  compression, not on an assumed noise model. `DETECTION_Z` sets the false-positive rate.

The mark is added equally to R, G and B (a pure luma change, no colour shift). With the default
strength 3.0 the PSNR cost is ~38.5 dB (see benchmarks/safety_watermark.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from sora_sdk.video import Video

__all__ = ["embed_watermark", "detect_watermark", "WatermarkResult", "DETECTION_Z", "GRID_CELLS"]

# Cells of the pattern grid along the frame's short side; 8 keeps each cell >= 4 px at 32x32.
GRID_CELLS = 8
# Working-grid pixels per cell at detection; 4 resolves the smooth pattern without wasting work.
_PX_PER_CELL = 4
# Random keys used to calibrate each detection; 64 estimates the null mean and spread well enough
# for a z threshold of 3.0 while costing a few milliseconds.
_NULL_KEYS = 64
# z above which a mark is reported. Under a Gaussian null 3.0 is a 1.3e-3 false-positive rate; the
# margin covers the error of estimating the null from 64 keys (measured FP: see the benchmark).
DETECTION_Z = 3.0
# Blur sigma (working-grid px) of the high-pass: one cell, so the pattern mostly survives while
# content smoother than a cell is removed.
_HIGHPASS_SIGMA = 4.0
# Residual clip in median absolute deviations (see detect_watermark).
_CLIP_MAD = 1.5


@dataclass(frozen=True)
class WatermarkResult:
    """Outcome of a watermark detection.

    Attributes:
        detected: True when `z >= threshold`.
        z: Correlation z-score against random keys on the same video.
        threshold: The z threshold used.
    """

    detected: bool
    z: float
    threshold: float


def _seed(key: str, what: str) -> int:
    digest = hashlib.sha256(f"sora-sdk-watermark:{what}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "little")


def _grid_shape(height: int, width: int) -> tuple[int, int]:
    short = min(height, width)
    return max(1, round(GRID_CELLS * height / short)), max(1, round(GRID_CELLS * width / short))


def _grid(key: str, gh: int, gw: int) -> np.ndarray:
    return np.random.default_rng(_seed(key, f"grid{gh}x{gw}")).standard_normal((gh, gw)).astype(np.float32)


def _signs(key: str, num_frames: int) -> np.ndarray:
    """Keyed +-1 per frame with as many + as - (so still content cancels exactly)."""
    s = np.resize(np.array([1.0, -1.0], np.float32), num_frames)
    if num_frames == 1:
        return np.ones(1, np.float32)
    return np.random.default_rng(_seed(key, "signs")).permutation(s)


def _resize(img: np.ndarray, height: int, width: int, area: bool) -> np.ndarray:
    import cv2

    interp = cv2.INTER_AREA if area else cv2.INTER_CUBIC
    return cv2.resize(img, (width, height), interpolation=interp)


def _pattern(key: str, height: int, width: int) -> np.ndarray:
    """(H, W) float32 pattern with unit RMS."""
    gh, gw = _grid_shape(height, width)
    p = _resize(_grid(key, gh, gw), height, width, area=False)
    return p / max(float(np.sqrt((p**2).mean())), 1e-6)


def _luma(frames: np.ndarray) -> np.ndarray:
    f = frames.astype(np.float32)
    return 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]  # (T, H, W), BT.601


def embed_watermark(video: Video, key: str, strength: float = 3.0) -> Video:
    """Return a copy of `video` carrying the keyed invisible mark.

    Args:
        video: The video to mark (any size from 32x32 up; smaller works but detects less reliably).
        key: Watermark key; detection needs the same key.
        strength: Pattern RMS in luma levels (0-255). 3.0 gives ~38.5 dB PSNR.
    """
    if not key:
        raise ValueError("embed_watermark needs a non-empty key; set policy.watermark.key.")
    t, h, w = video.frames.shape[:3]
    delta = _signs(key, t)[:, None, None] * (strength * _pattern(key, h, w))[None]  # (T, H, W)
    frames = np.clip(np.rint(video.frames.astype(np.float32) + delta[..., None]), 0, 255).astype(np.uint8)
    return Video(frames=np.ascontiguousarray(frames), fps=video.fps, metadata=dict(video.metadata))


def _highpass(x: np.ndarray) -> np.ndarray:
    import cv2

    # (..., H, W) -> same shape; the blur removes content smoother than a pattern cell.
    flat = x.reshape(-1, *x.shape[-2:])
    out = np.stack([f - cv2.GaussianBlur(f, (0, 0), _HIGHPASS_SIGMA, borderType=cv2.BORDER_REFLECT) for f in flat])
    return out.reshape(x.shape)


def detect_watermark(video: Video | np.ndarray, key: str, threshold: float = DETECTION_Z) -> WatermarkResult:
    """Detect the keyed mark in a video, at any size it was resized to.

    Args:
        video: A `Video` or uint8 frames (T, H, W, 3), e.g. read back from a re-encoded file.
        key: The key used at embedding.
        threshold: z-score threshold; `DETECTION_Z` by default.

    Returns:
        A `WatermarkResult` with the z-score.
    """
    frames = video.frames if isinstance(video, Video) else np.asarray(video)
    t, h, w = frames.shape[:3]
    gh, gw = _grid_shape(h, w)
    wh, ww = gh * _PX_PER_CELL, gw * _PX_PER_CELL
    y = _luma(frames)
    y = np.stack([_resize(f, wh, ww, area=True) for f in y])  # (T, wh, ww)
    r = _highpass(y).reshape(t, -1)  # (T, P)
    r -= r.mean(axis=1, keepdims=True)
    # Edges of moving objects leave residuals far larger than the mark; clipping them at a few
    # median absolute deviations keeps one sharp edge from drowning a whole video's evidence.
    r = r - np.median(r, axis=1, keepdims=True)
    clip = _CLIP_MAD * np.median(np.abs(r), axis=1, keepdims=True) + 1e-3  # (T, 1)
    r = np.clip(r, -clip, clip)

    def score(k: str) -> float:
        folded = _signs(k, t) @ r  # (P,): still content cancels
        q = _highpass(_pattern(k, wh, ww)).reshape(-1)
        return float(folded @ q)

    observed = score(key)
    null = np.array([score(f"{key}\x00null{i}") for i in range(_NULL_KEYS)])
    z = (observed - null.mean()) / max(float(null.std(ddof=1)), 1e-9)
    return WatermarkResult(detected=bool(z >= threshold), z=float(z), threshold=threshold)
