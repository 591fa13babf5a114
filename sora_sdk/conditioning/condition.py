"""Condition: pixel frames pinned at a time index of the output (DESIGN.md: one mechanism).

Image-to-video, first/last frame, extension, loops, transitions, edits and a world model's
context frames are all lists of ``Condition``. This module validates a condition and turns a list
of them into what the denoiser consumes: clean latents plus a per-latent-frame mask.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import torch


@dataclass
class Condition:
    """Pixel frames placed at ``frame_index`` of the generated video.

    Args:
        frames: uint8 frames (T, H, W, 3), or one image (H, W, 3), or a ``Video``.
        frame_index: output frame where ``frames[0]`` goes; negative counts from the end so that
            ``-1`` places the condition's *last* frame on the video's last frame.
        strength: how strongly the output follows the frames. 1.0 pins them exactly (their
            latent frames are held clean); a value in [0, 1) starts denoising from the frames
            noised to sigma = 1 - strength (SDEdit), so 0.0 ignores them. Partial-strength
            conditions are for video-to-video editing and must cover the whole video.
    """

    frames: np.ndarray
    frame_index: int = 0
    strength: float = 1.0
    _placed_at: int | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        frames = self.frames
        if hasattr(frames, "frames") and hasattr(frames, "fps"):  # a Video
            frames = frames.frames
        if isinstance(frames, torch.Tensor):
            raise TypeError(
                "Condition.frames must be uint8 numpy frames (T, H, W, 3); for a float tensor in "
                "[-1, 1] use Video.from_tensor(x, fps).frames."
            )
        frames = np.asarray(frames)
        if frames.ndim == 3:
            frames = frames[None]
        if frames.ndim != 4 or frames.shape[-1] != 3:
            raise ValueError(
                f"Condition.frames must be (T, H, W, 3) RGB or one (H, W, 3) image; got shape "
                f"{frames.shape}. Convert grayscale/RGBA to RGB first."
            )
        if frames.shape[0] == 0 or frames.shape[1] == 0 or frames.shape[2] == 0:
            raise ValueError(f"Condition.frames is empty (shape {frames.shape}); pass at least one frame.")
        if frames.dtype != np.uint8:
            raise ValueError(f"Condition.frames must be uint8 in [0, 255]; got dtype {frames.dtype}.")
        if isinstance(self.frame_index, bool) or not isinstance(self.frame_index, (int, np.integer)):
            raise TypeError(f"Condition.frame_index must be an int; got {self.frame_index!r}.")
        s = float(self.strength)
        if not math.isfinite(s) or not 0.0 <= s <= 1.0:
            raise ValueError(f"Condition.strength={self.strength} must be in [0, 1].")
        self.frames, self.frame_index, self.strength = np.ascontiguousarray(frames), int(self.frame_index), s

    @property
    def num_frames(self) -> int:
        return self.frames.shape[0]

    def start(self, num_frames: int) -> int:
        """First output frame this condition occupies, for a video of ``num_frames``."""
        return self.frame_index if self.frame_index >= 0 else num_frames + self.frame_index - self.num_frames + 1


def check_conditions(
    conditions: list[Condition], num_frames: int, height: int, width: int, resize: str = "error"
) -> None:
    """Raise ValueError naming the condition and the fix for any that cannot be honoured.

    Args:
        resize: the request's resize rule; with ``"error"`` a size mismatch is an error.
    """
    taken = np.full(num_frames, -1)
    for i, cond in enumerate(conditions):
        if not isinstance(cond, Condition):
            raise TypeError(f"conditions[{i}] must be a sora_sdk.Condition; got {type(cond).__name__}.")
        a = cond.start(num_frames)
        b = a + cond.num_frames
        if a < 0 or b > num_frames:
            raise ValueError(
                f"conditions[{i}] covers frames {a}..{b - 1} but the video has frames 0..{num_frames - 1}; "
                "move frame_index or trim the condition's frames."
            )
        h, w = cond.frames.shape[1:3]
        if (h, w) != (height, width) and resize == "error":
            raise ValueError(
                f"conditions[{i}] frames are {w}x{h} but the video is {width}x{height}; resize them "
                "first, or pass resize_conditions='crop' (cover, centre-crop) or 'letterbox' (fit, pad)."
            )
        overlap = taken[a:b]
        if (overlap >= 0).any():
            j = int(overlap[overlap >= 0][0])
            raise ValueError(f"conditions[{i}] overlaps conditions[{j}] in time; conditions must not overlap.")
        taken[a:b] = i


def latent_windows(num_frames: int, temporal_factor: int) -> list[range]:
    """Pixel frames each latent frame stands for: frame 0 alone, then runs of ``temporal_factor``."""
    ft = temporal_factor
    return [range(0, 1)] + [range(1 + (j - 1) * ft, 1 + j * ft) for j in range(1, 1 + (num_frames - 1) // ft)]


@torch.no_grad()
def encode_conditions(
    conditions: list[Condition], compressor, num_frames: int, height: int, width: int, device, dtype=torch.float32
) -> tuple[torch.Tensor, torch.Tensor]:
    """Clean normalised latents and the pin mask for a list of (strength 1) conditions.

    The conditioned frames are laid on a full-length canvas; frames no condition covers are
    filled by holding the nearest conditioned frame (so the causal encoder sees plausible pixels
    rather than a hard cut), the canvas is encoded once, and a latent frame is pinned when its
    window (see ``latent_windows``) contains a conditioned pixel frame. A condition on the
    compression grid (e.g. an image at frame 0, or a clip of 1 + k*ft frames from frame 0) is
    reproduced exactly up to the compressor's round trip.

    Returns:
        latents (1, C, T', H', W') normalised like the denoiser's input, mask (1, T') bool.
    """
    known = np.zeros(num_frames, dtype=bool)
    canvas = np.zeros((num_frames, height, width, 3), dtype=np.uint8)
    for cond in conditions:
        a = cond.start(num_frames)
        canvas[a : a + cond.num_frames] = cond.frames
        known[a : a + cond.num_frames] = True
    idx = np.flatnonzero(known)
    # Nearest known frame for every frame (vectorised hold-fill).
    nearest = idx[np.abs(np.arange(num_frames)[:, None] - idx[None, :]).argmin(1)]
    canvas = canvas[nearest]
    x = torch.from_numpy(canvas).to(device).permute(3, 0, 1, 2)[None].to(dtype) / 127.5 - 1  # (1, 3, T, H, W)
    z = compressor.normalize(compressor.encode(x).mode())
    mask = torch.tensor(
        [bool(known[list(w)].any()) for w in latent_windows(num_frames, compressor.temporal_factor)], device=device
    )[None]
    return z, mask
