"""The explicit resize rule for frame conditions whose size differs from the request.

Nothing is resized unless the request says how (``GenerationRequest.resize_conditions``):

* ``"crop"``: scale (antialiased bilinear) so the frames *cover* the output, then centre-crop.
  Keeps the pixel aspect; loses the overflowing border.
* ``"letterbox"``: scale so the frames *fit* inside the output, then pad with black, centred.
  Keeps everything; adds bars.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

RESIZE_MODES = ("crop", "letterbox")


def resize_frames(frames: np.ndarray, height: int, width: int, mode: str) -> np.ndarray:
    """Resize uint8 frames (T, H, W, 3) to (T, height, width, 3) by ``mode`` ("crop" or "letterbox")."""
    if mode not in RESIZE_MODES:
        raise ValueError(f"resize mode {mode!r} is unknown; use one of {RESIZE_MODES}.")
    t, h, w, _ = frames.shape
    if (h, w) == (height, width):
        return frames
    pick = max if mode == "crop" else min
    scale = pick(height / h, width / w)
    # ceil for crop so the scaled frame always covers; floor for letterbox so it always fits
    # (the epsilon keeps an exact product like 16.0000001 or 15.9999999 from rounding the wrong way)
    if mode == "crop":
        sh, sw = math.ceil(h * scale - 1e-6), math.ceil(w * scale - 1e-6)
    else:
        sh, sw = max(1, math.floor(h * scale + 1e-6)), max(1, math.floor(w * scale + 1e-6))
    x = torch.from_numpy(frames).permute(0, 3, 1, 2).float()  # (T, 3, H, W)
    x = F.interpolate(x, size=(sh, sw), mode="bilinear", antialias=True, align_corners=False)
    x = x.round().clamp(0, 255).to(torch.uint8).permute(0, 2, 3, 1).numpy()
    if mode == "crop":
        y0, x0 = (sh - height) // 2, (sw - width) // 2
        return np.ascontiguousarray(x[:, y0 : y0 + height, x0 : x0 + width])
    out = np.zeros((t, height, width, 3), np.uint8)
    y0, x0 = (height - sh) // 2, (width - sw) // 2
    out[:, y0 : y0 + sh, x0 : x0 + sw] = x
    return out
