"""Optional visible "AI" label burnt into the bottom-right corner of every frame.

Drawn from a 5x7 bitmap (no font files, so it works offline and at 32x32), scaled with the frame,
white on a dark box so it reads on any background.
"""

from __future__ import annotations

import numpy as np

from sora_sdk.video import Video

__all__ = ["add_visible_label"]

# 5x7 glyphs, one string per row ("#" = ink).
_GLYPHS = {
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"),
}


def _bitmap(text: str) -> np.ndarray:
    rows = [" ".join(_GLYPHS[c][r] for c in text).replace(" ", ".") for r in range(7)]
    return np.array([[ch == "#" for ch in row] for row in rows], dtype=bool)  # (7, 6*len-1)


def add_visible_label(video: Video, text: str = "AI") -> Video:
    """Return a copy of `video` with `text` (letters A and I) in the bottom-right corner.

    The label's height is ~1/8 of the frame's short side, at least one pixel per glyph row.
    """
    bm = _bitmap(text)
    t, h, w = video.frames.shape[:3]
    scale = max(1, min(h, w) // 56)  # 7 rows * scale ~ short side / 8
    glyph = np.kron(bm, np.ones((scale, scale), dtype=bool))  # (7s, ws)
    pad = scale
    gh, gw = glyph.shape
    bh, bw = gh + 2 * pad, gw + 2 * pad
    if bh > h or bw > w:
        raise ValueError(f"Frames of {h}x{w} are too small for a visible label ({bh}x{bw} px needed).")
    frames = video.frames.copy()
    box = frames[:, h - bh :, w - bw :]  # (T, bh, bw, 3) view
    box[:] = (box.astype(np.uint16) * 2 // 5).astype(np.uint8)  # darken to 40% so white text reads
    box[:, pad : pad + gh, pad : pad + gw][:, glyph] = 255
    return Video(frames=frames, fps=video.fps, metadata=dict(video.metadata))
