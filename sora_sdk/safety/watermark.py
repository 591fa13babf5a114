"""Invisible watermark: a keyed, low-frequency spread-spectrum pattern in luma, spread over frames.

Image watermark libraries hide bits in mid-frequency DCT/DWT coefficients of one picture and need
frames of 256 px or more. Generated clips here can be 32x32, so the mark is spread over *all*
frames instead, and carries one bit ("made by this key") rather than a payload:

* Pattern. A key seeds a (G_h, G_w) grid of Gaussian values, G = 6 cells on the short side, that
  is smoothly upsampled to the frame: each cell is ~5 px on a 32x32 frame (~2.7 px once that is
  downscaled to 16x16), so the pattern lives at frequencies that H.264 keeps and that a 2x
  downscale does not average away. (Measured at 32x32 -> 16x16 over four keys: 8 cells leave the
  worst clips at z ~3, 4 cells vary more from key to key, 6 is the most even.) The grid is defined
  in normalised coordinates, so the detector regenerates it at any received size.
* Time. Frame t gets `sign_t * pattern`, with keyed +-1 signs that flip every 2 or 3 frames.
  Runs, not per-frame flips: H.264 predicts a B-frame from its neighbours and, at crf 23, mostly
  keeps that prediction for a +-3 level change, so a frame whose neighbours both have the other
  sign is decoded with the wrong one. With runs most B-frames sit inside a run and decode right
  (measured: per-frame flips leave a 32x32 clip's z at about half; see docs/safety.md).
* Detection. Frames are brought to a working size of at most 32 px on the short side (larger
  videos are area-downscaled; small ones are used as they are). Each frame t is predicted from its two
  neighbours, each aligned to it by a global sub-pixel translation found by block matching (camera
  pans and still scenes are then predicted almost exactly), and the prediction is subtracted. The
  residual keeps the mark with weight `a_t = sign_t - (sign_{t-1} + sign_{t+1}) / 2` and little of
  the content. Each residual frame is clipped at 3 median absolute deviations (edges of moving
  objects) and scaled to unit variance (a frame the motion model cannot predict, e.g. a cut, then
  counts no more than any other), and the residual is correlated with the template
  `a_t * pattern`. The score is compared with the same correlation at every other cyclic shift of
  the template in time and space (shifts within one pattern cell of the true position excluded),
  computed at once by a 3D FFT: a z-score calibrated on that video's own content and compression,
  for this key, not on an assumed noise model. `DETECTION_Z` sets the false-positive rate.

The mark is added equally to R, G and B (a pure luma change, no colour shift). With the default
strength 3.0 the PSNR cost is ~38.6 dB; measured detection and false positives after H.264 crf 23
and a 2x downscale are in docs/safety.md (benchmarks/safety_watermark.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from sora_sdk.video import Video

__all__ = ["embed_watermark", "detect_watermark", "WatermarkResult", "DETECTION_Z", "GRID_CELLS"]

# Cells of the pattern grid along the frame's short side (see the module docstring for why 6).
GRID_CELLS = 6
# Short side of the detection working size: ~5 px per cell resolves the smooth pattern; finer adds
# content and cost but no mark. Videos smaller than that are used at their own size, never upsampled.
_WORK_PX = 32
# z above which a mark is reported. Under a Gaussian null 4.0 is a 3e-5 false-positive rate
# (unmarked videos measure a z spread of ~1.0-1.2, i.e. ~1e-4); the measured rates on unmarked
# and other-key videos after re-encoding are in docs/safety.md.
DETECTION_Z = 4.0
# Run lengths (frames) of the keyed sign sequence; see the module docstring.
_RUN_LENGTHS = (2, 3)
# Residual clip in median absolute deviations (see detect_watermark).
_CLIP_MAD = 3.0
# Motion search: integer shifts up to +-3 working px per frame, then a +-0.75 px refinement in
# 0.25 px steps. Pans faster than 3 px/frame at the working size (12% of the frame per frame) are
# scene-cut-like; their frames are unit-weighted noise, not a failure.
_INT_SHIFTS = tuple((dx, dy) for dx in range(-3, 4) for dy in range(-3, 4))
_FINE_SHIFTS = tuple((dx, dy) for dx in np.arange(-0.75, 0.76, 0.25) for dy in np.arange(-0.75, 0.76, 0.25))
# Spatial high-pass sigma (working px) for clips of fewer than 3 frames, which have no temporal
# neighbours to predict from: one cell, so content smoother than the pattern is removed.
_HIGHPASS_SIGMA = 4.0


@dataclass(frozen=True)
class WatermarkResult:
    """Outcome of a watermark detection.

    Attributes:
        detected: True when `z >= threshold`.
        z: Correlation z-score against the same template at shifted positions on the same video.
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
    """(T,) keyed +-1 per frame: runs of 2 or 3 equal signs, alternating run to run."""
    rng = np.random.default_rng(_seed(key, "runs"))
    sign = 1.0 if rng.random() < 0.5 else -1.0
    out: list[float] = []
    while len(out) < num_frames:
        out += [sign] * int(rng.choice(_RUN_LENGTHS))
        sign = -sign
    return np.asarray(out[:num_frames], np.float32)


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
        strength: Pattern RMS in luma levels (0-255). 3.0 gives ~38.6 dB PSNR.
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


def _translate(img: np.ndarray, dx: float, dy: float) -> np.ndarray:
    import cv2

    m = np.float32([[1, 0, dx], [0, 1, dy]])
    return cv2.warpAffine(img, m, (img.shape[1], img.shape[0]), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REFLECT)


def _best_shift(src: np.ndarray, dst: np.ndarray, candidates) -> tuple[float, float]:
    """The candidate (dx, dy) that moves `src` closest to `dst` (MSE inside a border margin)."""
    m = max(1, min(src.shape) // 8)  # ignore the border, where a shift brings in reflected pixels
    errors = [float(((_translate(src, dx, dy) - dst)[m:-m, m:-m] ** 2).mean()) for dx, dy in candidates]
    return candidates[int(np.argmin(errors))]


def _global_shift(src: np.ndarray, dst: np.ndarray) -> tuple[float, float]:
    dx, dy = _best_shift(src, dst, _INT_SHIFTS)
    return _best_shift(src, dst, tuple((dx + fx, dy + fy) for fx, fy in _FINE_SHIFTS))


def _prediction_residual(y: np.ndarray) -> np.ndarray:
    """(T, H, W) luma -> (T-2, H, W): frame t minus the mean of its two motion-aligned neighbours."""
    out = []
    for t in range(1, y.shape[0] - 1):
        prev = _translate(y[t - 1], *_global_shift(y[t - 1], y[t]))
        nxt = _translate(y[t + 1], *_global_shift(y[t + 1], y[t]))
        out.append(y[t] - 0.5 * (prev + nxt))
    return np.stack(out)


def _working_size(height: int, width: int) -> tuple[int, int]:
    scale = min(1.0, _WORK_PX / min(height, width))
    return max(1, round(height * scale)), max(1, round(width * scale))


def detect_watermark(video: Video | np.ndarray, key: str, threshold: float = DETECTION_Z) -> WatermarkResult:
    """Detect the keyed mark in a video, at any size it was resized to.

    Args:
        video: A `Video` or uint8 frames (T, H, W, 3), e.g. read back from a re-encoded file.
            Frames must be in their original order (re-encoding at the same frame rate keeps it).
        key: The key used at embedding.
        threshold: z-score threshold; `DETECTION_Z` by default.

    Returns:
        A `WatermarkResult` with the z-score.
    """
    frames = video.frames if isinstance(video, Video) else np.asarray(video)
    if frames.ndim == 3:
        frames = frames[None]
    t, h, w = frames.shape[:3]
    wh, ww = _working_size(h, w)
    y = _luma(frames)  # (T, H, W)
    if (wh, ww) != (h, w):
        y = np.stack([_resize(f, wh, ww, area=True) for f in y])  # (T, wh, ww)

    if t >= 3:
        r = _prediction_residual(y).astype(np.float64)  # (T-2, wh, ww)
        sg = _signs(key, t)
        a = sg[1:-1] - 0.5 * (sg[:-2] + sg[2:])  # the mark's weight in each residual frame
    else:
        # One or two frames: no neighbours to predict from, so remove content by a spatial high-pass.
        r = _highpass(y).astype(np.float64)  # (T, wh, ww)
        a = _signs(key, t)
    if not np.any(a):
        return WatermarkResult(detected=False, z=0.0, threshold=threshold)

    flat = r.reshape(r.shape[0], -1)  # (F, P)
    flat -= np.median(flat, axis=1, keepdims=True)
    # Edges of moving objects leave residuals far larger than the mark; clipping at a few median
    # absolute deviations keeps one sharp edge from drowning a whole video's evidence.
    clip = _CLIP_MAD * np.median(np.abs(flat), axis=1, keepdims=True) + 1e-3  # (F, 1)
    flat = np.clip(flat, -clip, clip)
    # Unit variance per frame: a frame the motion model cannot predict (a cut, a fast object)
    # would otherwise dominate the sum with content.
    flat /= flat.std(axis=1, keepdims=True) + 1e-6
    r = flat.reshape(r.shape)

    q = _pattern(key, wh, ww) if t >= 3 else _highpass(_pattern(key, wh, ww))
    template = (a / np.linalg.norm(a))[:, None, None] * (q / max(float(np.linalg.norm(q)), 1e-9))[None]
    # Correlation of the residual with the template at every cyclic (time, y, x) shift; [0, 0, 0]
    # is the aligned one. (F, wh, ww)
    corr = np.real(np.fft.ifftn(np.fft.fftn(r) * np.conj(np.fft.fftn(template))))
    null = corr[_null_mask(corr.shape, wh, ww)]
    spread = float(null.std())
    # A video with no usable residual at all (every frame flat) carries no evidence either way.
    z = (float(corr[0, 0, 0]) - float(null.mean())) / spread if spread > 1e-9 else 0.0
    return WatermarkResult(detected=bool(z >= threshold), z=float(z), threshold=threshold)


def _null_mask(shape: tuple[int, int, int], height: int, width: int) -> np.ndarray:
    """True at the shifts used as the null: all but those within one cell of the aligned template."""
    f, h, w = shape
    gh, gw = _grid_shape(height, width)
    cell_h, cell_w = max(1, int(np.ceil(h / gh))), max(1, int(np.ceil(w / gw)))
    dt, dy, dx = np.meshgrid(np.arange(f), np.arange(h), np.arange(w), indexing="ij")
    near = (np.minimum(dt, f - dt) == 0) & (np.minimum(dy, h - dy) < cell_h) & (np.minimum(dx, w - dx) < cell_w)
    return ~near
