"""Pixel metrics for videos: PSNR, SSIM, temporal flicker, seams, and the distance between tracks.

Layouts: numpy arrays are channel-last (T, H, W, C), like `Video.frames`; torch tensors are
channel-first (T, C, H, W), like `Video.to_tensor()`. A single frame (no T axis) also works for
`psnr` and `ssim`. Computation runs in float64 so identical inputs give exactly inf / 1.0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from sora_sdk.video import Video

__all__ = [
    "psnr",
    "ssim",
    "temporal_flicker",
    "temporal_jitter",
    "consecutive_differences",
    "measure_seam",
    "SeamMeasurement",
    "MIN_TYPICAL_LEVELS",
    "trajectory_error",
]

ArrayLike = np.ndarray | torch.Tensor

# A typical difference below half an 8-bit level means a (nearly) still video: rounding alone
# moves pixels that much. Dividing by such a number would turn an invisible seam of 0.3 levels in
# a still clip into a "jump" of 30x, so seam ratios use at least this denominator.
MIN_TYPICAL_LEVELS = 0.5


def _to_nchw(x: ArrayLike, name: str) -> torch.Tensor:
    """float64 (N, C, H, W) from channel-last numpy or channel-first torch input."""
    if isinstance(x, np.ndarray):
        t = torch.from_numpy(np.asarray(x, dtype=np.float64))
        if t.ndim == 3:
            t = t[None]
        if t.ndim != 4:
            raise ValueError(
                f"{name}: numpy input must be (T, H, W, C) or (H, W, C), got {x.shape}."
            )
        return t.permute(0, 3, 1, 2)
    if isinstance(x, torch.Tensor):
        t = x.detach().to("cpu", torch.float64)
        if t.ndim == 3:
            t = t[None]
        if t.ndim != 4:
            raise ValueError(
                f"{name}: torch input must be (T, C, H, W) or (C, H, W), got {tuple(x.shape)}."
            )
        return t
    raise ValueError(f"{name} must be a numpy array or torch tensor, got {type(x).__name__}.")


def _pair(
    a: ArrayLike, b: ArrayLike, data_range: float | None
) -> tuple[torch.Tensor, torch.Tensor, float]:
    if type(a) is not type(b):
        raise ValueError(
            f"Compare like with like: got {type(a).__name__} and {type(b).__name__}. Convert one "
            "(Video.to_tensor() gives (T, 3, H, W) in [-1, 1]; Video.frames is uint8 (T, H, W, 3))."
        )
    if tuple(a.shape) != tuple(b.shape):
        raise ValueError(f"Shapes differ: {tuple(a.shape)} vs {tuple(b.shape)}.")
    if data_range is None:
        if a.dtype == np.uint8 or a.dtype == torch.uint8:
            data_range = 255.0
        else:
            raise ValueError(
                "data_range is required for float inputs: pass 2.0 for [-1, 1] (the models' "
                "range), 1.0 for [0, 1], 255.0 for [0, 255]."
            )
    if not data_range > 0:
        raise ValueError(f"data_range must be > 0, got {data_range}.")
    return _to_nchw(a, "a"), _to_nchw(b, "b"), float(data_range)


def psnr(a: ArrayLike, b: ArrayLike, data_range: float | None = None) -> float:
    """Peak signal-to-noise ratio over the whole video, in dB.

    `10 * log10(data_range**2 / MSE)`, with the MSE taken over every pixel and channel of every
    frame (not a mean of per-frame PSNRs, which overweights near-identical frames).

    Args:
        a, b: Videos of the same shape and type; numpy (T, H, W, C) or torch (T, C, H, W).
        data_range: Peak-to-peak range of the values; defaults to 255 for uint8, required for
            floats (2.0 for [-1, 1]).

    Returns:
        PSNR in dB; `inf` for identical inputs.
    """
    x, y, r = _pair(a, b, data_range)
    mse = float(torch.mean((x - y) ** 2))
    return math.inf if mse == 0.0 else 10.0 * math.log10(r * r / mse)


def _gaussian_window(win_size: int, sigma: float) -> torch.Tensor:
    g = torch.arange(win_size, dtype=torch.float64) - (win_size - 1) / 2.0
    g = torch.exp(-(g**2) / (2.0 * sigma**2))
    return g / g.sum()  # (win_size,)


def ssim(
    a: ArrayLike,
    b: ArrayLike,
    data_range: float | None = None,
    win_size: int = 11,
    sigma: float = 1.5,
) -> float:
    """Structural similarity (Wang et al. 2004), averaged over frames, channels and positions.

    Gaussian-weighted local statistics (11x11 window, sigma 1.5, K1 = 0.01, K2 = 0.03 as in the
    paper), computed per channel with 'valid' borders and a separable convolution.

    The luminance term assumes values start at 0 (as in the paper), so SSIM is not invariant to
    shifting both inputs: map [-1, 1] tensors to [0, 1] first (`(x + 1) / 2`, `data_range=1.0`)
    to get the same number as on the uint8 frames.

    Args:
        a, b: Videos of the same shape and type; numpy (T, H, W, C) or torch (T, C, H, W).
        data_range: As in `psnr`.
        win_size: Odd window side in pixels; must not exceed the frame's height or width.
        sigma: Gaussian standard deviation in pixels.

    Returns:
        Mean SSIM, unitless, 1.0 for identical inputs, lower for less similar ones.
    """
    x, y, r = _pair(a, b, data_range)
    n, c, h, w = x.shape
    if win_size % 2 == 0 or win_size > min(h, w):
        raise ValueError(
            f"win_size must be odd and <= min(H, W) = {min(h, w)}, got {win_size}; pass a smaller "
            "odd win_size (e.g. 7) for small frames."
        )
    g = _gaussian_window(win_size, sigma)
    gx, gy = g.view(1, 1, 1, -1), g.view(1, 1, -1, 1)

    def blur(z: torch.Tensor) -> torch.Tensor:  # (N*C, 1, H, W) -> (N*C, 1, H-win+1, W-win+1)
        return F.conv2d(F.conv2d(z, gx), gy)

    x = x.reshape(n * c, 1, h, w)
    y = y.reshape(n * c, 1, h, w)
    mu_x, mu_y = blur(x), blur(y)
    var_x = blur(x * x) - mu_x**2
    var_y = blur(y * y) - mu_y**2
    cov = blur(x * y) - mu_x * mu_y
    c1, c2 = (0.01 * r) ** 2, (0.03 * r) ** 2
    s = ((2 * mu_x * mu_y + c1) * (2 * cov + c2)) / ((mu_x**2 + mu_y**2 + c1) * (var_x + var_y + c2))
    return float(s.mean())


def _as_levels(video: Video | ArrayLike) -> torch.Tensor:
    """float64 (T, C, H, W) in 8-bit levels [0, 255]."""
    if isinstance(video, Video):
        video = video.frames
    if isinstance(video, np.ndarray):
        if video.dtype != np.uint8:
            raise ValueError(
                f"numpy input must be uint8 (T, H, W, 3) frames, got {video.dtype}; for floats in "
                "[-1, 1] pass a torch tensor (T, 3, H, W)."
            )
        return _to_nchw(video, "video")
    if isinstance(video, torch.Tensor):
        if video.ndim != 4:
            raise ValueError(f"torch input must be (T, C, H, W), got {tuple(video.shape)}.")
        if video.dtype == torch.uint8:
            return video.to(torch.float64)
        return (video.detach().to("cpu", torch.float64) + 1.0) * 127.5  # [-1, 1] -> [0, 255]
    raise ValueError(f"Expected a Video, numpy array or torch tensor, got {type(video).__name__}.")


def temporal_flicker(video: Video | ArrayLike) -> float:
    """Mean absolute change between consecutive frames, in 8-bit levels (0-255).

    Counts motion as well as flicker, so compare it between videos of the same content (e.g. a
    model's output against the reference clip), not in absolute terms.

    Args:
        video: A `Video`, uint8 numpy (T, H, W, 3), or torch (T, 3, H, W) in [-1, 1] (float) or
            uint8.

    Returns:
        mean |x[t+1] - x[t]| over all pixels, channels and frame pairs, in levels of 0-255.
    """
    x = _as_levels(video)
    if x.shape[0] < 2:
        raise ValueError(f"temporal_flicker needs at least 2 frames, got {x.shape[0]}.")
    return float((x[1:] - x[:-1]).abs().mean())


def temporal_jitter(video: Video | ArrayLike) -> float:
    """Mean absolute second temporal difference, in 8-bit levels (0-255).

    |x[t+1] - 2 x[t] + x[t-1]| is zero for a still video and for linear fades, and small for
    smooth motion, but large for frame-to-frame flicker: it isolates the high temporal frequencies
    that `temporal_flicker` mixes with motion.

    Args:
        video: As in `temporal_flicker`; at least 3 frames.

    Returns:
        The mean over all pixels, channels and frame triples, in levels of 0-255.
    """
    x = _as_levels(video)
    if x.shape[0] < 3:
        raise ValueError(f"temporal_jitter needs at least 3 frames, got {x.shape[0]}.")
    return float((x[2:] - 2 * x[1:-1] + x[:-2]).abs().mean())


def consecutive_differences(video: Video | np.ndarray) -> np.ndarray:
    """Mean absolute difference of each frame from the previous one, in 8-bit levels.

    Args:
        video: As in `temporal_flicker`; at least 2 frames.

    Returns:
        float64 (T - 1,): entry i is mean |x[i+1] - x[i]| over pixels and channels.
    """
    x = _as_levels(video)  # (T, C, H, W)
    if x.shape[0] < 2:
        raise ValueError(f"consecutive_differences needs at least 2 frames, got {x.shape[0]}.")
    return (x[1:] - x[:-1]).abs().mean(dim=(1, 2, 3)).numpy()


@dataclass
class SeamMeasurement:
    """One seam against the video's own frame-to-frame change.

    Attributes:
        seam: Mean absolute difference across the seam, in 8-bit levels.
        typical: Median of the video's other consecutive differences (seams excluded), in levels.
        ratio: `seam / max(typical, MIN_TYPICAL_LEVELS)`; ~1 for a seam that does not jump.
    """

    seam: float
    typical: float
    ratio: float

    def to_dict(self) -> dict[str, float]:
        return {"seam": self.seam, "typical": self.typical, "ratio": self.ratio}


def measure_seam(video: Video | np.ndarray, index: int, other_seams: Sequence[int] = ()) -> SeamMeasurement:
    """How much a video jumps at a seam, relative to how much it changes anywhere else.

    The seam is between frames `index - 1` and `index`. `index=0` is a loop's wrap: the last frame
    followed by the first, as the video plays on repeat. The typical change is the *median* of the
    other consecutive differences, so a second seam or one odd frame does not move it; pass the
    positions of the video's other seams in `other_seams` to keep them out of it too.

    Args:
        video: As in `temporal_flicker`; at least 3 frames.
        index: Seam position in [0, T - 1].
        other_seams: Other seam positions (same convention) excluded from the typical change.

    Returns:
        A `SeamMeasurement` (levels of 0-255 and their ratio).
    """
    x = _as_levels(video)  # (T, C, H, W) float64
    t = x.shape[0]
    if t < 3:
        raise ValueError(f"measure_seam needs at least 3 frames (a seam and a pair to compare with), got {t}.")
    for name, i in [("index", index), *(("other_seams", s) for s in other_seams)]:
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)) or not 0 <= i < t:
            raise ValueError(f"{name} must be frame indices in [0, {t - 1}] (0 = the loop wrap), got {i!r}.")
    diffs = (x[1:] - x[:-1]).abs().mean(dim=(1, 2, 3)).numpy()  # (T-1,)
    seam = float((x[0] - x[-1]).abs().mean()) if index == 0 else float(diffs[index - 1])
    keep = np.ones(t - 1, bool)
    keep[[s - 1 for s in (index, *other_seams) if s > 0]] = False  # the wrap is not among diffs
    if not keep.any():
        raise ValueError("every consecutive pair is a seam; nothing is left to compare the seam with.")
    typical = float(np.median(diffs[keep]))
    return SeamMeasurement(seam, typical, seam / max(typical, MIN_TYPICAL_LEVELS))


def trajectory_error(a: np.ndarray, b: np.ndarray) -> float:
    """Mean distance in pixels between two tracks, over the frames where both are found.

    Args:
        a, b: float (T, 2) positions (x, y), NaN where the object was not found (as from
            `foreground_trajectory` or `ObjectReading.trajectory`).

    Returns:
        Mean Euclidean distance in pixels; NaN when no frame has both positions.
    """
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    if a.shape != b.shape or a.ndim != 2 or a.shape[1] != 2:
        raise ValueError(f"tracks must both be (T, 2) with the same T; got {a.shape} and {b.shape}.")
    both = ~(np.isnan(a).any(axis=1) | np.isnan(b).any(axis=1))
    if not both.any():
        return float("nan")
    return float(np.linalg.norm(a[both] - b[both], axis=1).mean())
