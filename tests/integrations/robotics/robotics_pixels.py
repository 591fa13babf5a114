"""Where the top-down camera sees a world point, and which colour a frame has there (test helpers)."""

import numpy as np

from sora_sdk.integrations.robotics.scene import CAMERA_HALF_VIEW, CAMERA_HEIGHT


def pixel_of(xy, z: float = 0.0, size: int = 64) -> tuple[int, int]:
    """(row, col) where the top-down camera sees world point (x, y, z)."""
    scale = size / 2 / (CAMERA_HALF_VIEW * (CAMERA_HEIGHT - z) / CAMERA_HEIGHT)
    return int(size / 2 - xy[1] * scale), int(size / 2 + xy[0] * scale)


def dominant_channel(frame: np.ndarray, row: int, col: int) -> str:
    """'red' / 'green' / 'blue' / 'grey': the clearly strongest channel of a 3x3 patch."""
    patch = frame[row - 1 : row + 2, col - 1 : col + 2].reshape(-1, 3).astype(float).mean(0)
    order = np.argsort(patch)
    if patch[order[2]] - patch[order[1]] < 60:
        return "grey"
    return ("red", "green", "blue")[order[2]]
