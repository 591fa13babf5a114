"""`VideoFolder`: a folder of your own videos plus `captions.jsonl`, in aspect/duration buckets.

Layout::

    root/
      captions.jsonl        {"file": "clips/a.mp4", "caption": "a red kite over a beach"}
      clips/a.mp4           one JSON object per line; extra keys reach the item as `extra`
      clips/b.webm          .mp4 .m4v .mov .mkv .webm .avi (PyAV), .gif (Pillow),
      stills/c/             or a PNG folder as written by `Video.save` (frame_*.png + video.json)
      .sora_index.json      written by VideoFolder: probe cache (frame count, fps, size)

Every problem in `captions.jsonl` (bad JSON, a missing file, an empty caption, an unreadable
video) is collected and raised together as one `CaptionsFileError` naming each line, so a big
folder is fixed in one pass rather than one error per run.

Buckets. The model takes any size its compressor and patch grid allow, but a batch must stack, so
every video is assigned one `(num_frames, height, width)` bucket and batches are drawn within a
bucket (`BucketBatchSampler`). The rule, in order:

1. Time: with a target `fps`, clip frame k is source frame `start + floor(k * src_fps / fps + 0.5)`
   (nearest source frame; frames repeat when upsampling). A bucket is *fillable* if that clip fits
   inside the video. With `fps=None` the source rate is kept (stride 1).
2. Among fillable buckets, the closest aspect ratio wins: `|log(h/w) - log(H/W)|`, then the
   longest `num_frames`, then the earlier bucket in the list.
3. A video with no fillable bucket is skipped; one warning counts the skips and names a few.

Resizing (`resize_mode`): "crop" scales the frame so it covers the bucket, then centre-crops;
"letterbox" scales it to fit inside the bucket and pads with black (-1). When the frame already
has the bucket's size nothing is resampled, so pixels pass through exactly.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import Dataset

from sora_sdk.data import video_probe
from sora_sdk.data.video_probe import (
    FOLDER_VIDEO_SUFFIXES,
    VideoInfo,
    VideoReadError,
    read_frames,
)

__all__ = [
    "VideoFolder",
    "VideoFolderError",
    "CaptionsFileError",
    "DEFAULT_BUCKETS",
]

# Sizes for a compressor with 4x spatial / 4x temporal factors and 2x2 patches: H, W multiples of
# 8 (4 * 2) and T = 1 + 4k (causal time axis). The three aspects hold about the same pixel count
# (4096, 3840, 3840) so a batch costs about the same whichever bucket it comes from; 48x80 is 0.6,
# close to 16:9 (0.5625). Each aspect has 17, 9 and 1 frames so short clips and stills are kept.
DEFAULT_BUCKETS: tuple[tuple[int, int, int], ...] = tuple(
    (t, h, w) for t in (17, 9, 1) for (h, w) in ((64, 64), (48, 80), (80, 48))
)
CAPTIONS_FILE = "captions.jsonl"
_MAX_LISTED = 10  # problems / skipped paths named in one message; the rest are counted


class VideoFolderError(ValueError):
    """The folder given to `VideoFolder` cannot be used as it is (the message says the fix)."""


class CaptionsFileError(VideoFolderError):
    """One or more lines of `captions.jsonl` are wrong; the message names every line."""


# ----------------------------------------------------------------------------------------------
# Time resampling, bucket choice and resizing
# ----------------------------------------------------------------------------------------------


def source_offsets(num_frames: int, source_fps: float, fps: float | None) -> np.ndarray:
    """Source-frame offsets (from the clip start) of a `num_frames` clip at `fps`, shape (T,)."""
    k = np.arange(num_frames)
    if fps is None:
        return k
    # floor(x + 0.5) rather than np.round: banker's rounding would make the stride uneven.
    return np.floor(k * (source_fps / fps) + 0.5).astype(np.int64)


def assign_bucket(
    info: VideoInfo, buckets: Sequence[tuple[int, int, int]], fps: float | None
) -> tuple[int, int, int] | None:
    """The bucket for a video by the module's rule, or None if it can fill none of them."""
    aspect = math.log(info.height / info.width)
    best, best_key = None, None
    for t, h, w in buckets:
        if source_offsets(t, info.fps, fps)[-1] + 1 > info.num_frames:
            continue
        # Rounded so float noise cannot beat list order between two equally close aspects.
        key = (round(abs(aspect - math.log(h / w)), 9), -t)
        if best_key is None or key < best_key:
            best, best_key = (t, h, w), key
    return best


def resize_to_bucket(x: torch.Tensor, height: int, width: int, mode: str) -> torch.Tensor:
    """Resize frames (T, 3, h, w) to (T, 3, height, width) by centre-crop or letterbox.

    "crop" scales so the frame covers the target, then cuts the centre; "letterbox" scales so it
    fits inside, then pads with -1 (black). Bilinear with antialiasing, so downscaling does not
    alias; a frame already at the target size is returned untouched.
    """
    t, _, h, w = x.shape
    pick = max if mode == "crop" else min
    scale = pick(height / h, width / w)
    nh, nw = int(math.floor(h * scale + 0.5)), int(math.floor(w * scale + 0.5))
    # Clamp the rounding so crop always covers and letterbox always fits (and keeps >= 1 px).
    nh, nw = (max(nh, height), max(nw, width)) if mode == "crop" else (
        min(max(nh, 1), height), min(max(nw, 1), width)
    )
    if (nh, nw) != (h, w):
        x = F.interpolate(x, size=(nh, nw), mode="bilinear", align_corners=False, antialias=True)
    top, left = abs(nh - height) // 2, abs(nw - width) // 2
    if mode == "crop":
        return x[:, :, top : top + height, left : left + width]
    out = x.new_full((t, 3, height, width), -1.0)
    out[:, :, top : top + nh, left : left + nw] = x
    return out


# ----------------------------------------------------------------------------------------------
# Dataset
# ----------------------------------------------------------------------------------------------


@dataclass
class _Item:
    line: int  # 1-based line in captions.jsonl, for error messages
    file: str
    caption: str
    extra: dict[str, Any]
    bucket: tuple[int, int, int] = (0, 0, 0)


class VideoFolder(Dataset):
    """Your videos and captions as training samples in aspect-ratio/duration buckets.

    Description:
        Reads `root/captions.jsonl` (see the module docstring for the layout and the bucket and
        resize rules), checks every line, probes every video once (cached in `index_file`), and
        assigns each line to a bucket. Lines whose video is too short for every bucket are
        skipped with one warning; `skipped` lists them. A video listed on several lines (several
        captions) gives several samples.

    Sample:
        A dict with
        `video`: float32 tensor (T, 3, H, W) in [-1, 1], (T, H, W) = `bucket`;
        `caption`: str; `fps`: float (the target `fps`, or the source rate if `fps=None`);
        `bucket`: (T, H, W); `path`: str, the file as written in captions.jsonl;
        `extra`: dict of the line's other keys.
        Batch with `BucketBatchSampler` so every batch stacks.

    Arguments:
        root: Folder holding `captions.jsonl` and the videos.
        buckets: `(num_frames, height, width)` sizes; default `DEFAULT_BUCKETS` (4x spatial /
            4x temporal compressor, 2x2 patches). Choose sizes your compressor and patch grid
            accept.
        fps: Target frame rate; frames are picked nearest in time. None keeps each source rate.
        resize_mode: "crop" (cover, centre-crop) or "letterbox" (fit, pad with black).
        random_clip: Random clip start, a pure function of `(seed, epoch, index)`; False starts
            every clip at frame 0.
        seed: Seed for clip starts (>= 0).
        index_file: Probe-cache name inside `root`; None disables the cache.

    Raises:
        VideoFolderError: missing root or captions file, bad arguments, or no usable video.
        CaptionsFileError: bad lines in captions.jsonl (every bad line is named).
    """

    def __init__(
        self,
        root: str | os.PathLike,
        buckets: Sequence[tuple[int, int, int]] = DEFAULT_BUCKETS,
        fps: float | None = 8.0,
        resize_mode: str = "crop",
        random_clip: bool = True,
        seed: int = 0,
        index_file: str | None = ".sora_index.json",
    ) -> None:
        self.root = Path(root)
        self.buckets = _check_buckets(buckets)
        if fps is not None and (isinstance(fps, bool) or not fps > 0 or not math.isfinite(fps)):
            raise VideoFolderError(f"fps must be a number > 0 or None (keep each source rate), "
                                   f"got {fps!r}.")
        if resize_mode not in ("crop", "letterbox"):
            raise VideoFolderError(
                f"resize_mode must be 'crop' (cover, then centre-crop) or 'letterbox' (fit, then "
                f"pad with black), got {resize_mode!r}."
            )
        if not isinstance(seed, int) or seed < 0:
            raise VideoFolderError(f"seed must be an int >= 0, got {seed!r}.")
        self.fps = None if fps is None else float(fps)
        self.resize_mode = resize_mode
        self.random_clip = random_clip
        self.seed = seed
        self.epoch = 0

        if not self.root.is_dir():
            raise VideoFolderError(
                f"VideoFolder root {self.root} is not an existing folder; pass the folder that "
                f"holds {CAPTIONS_FILE} and the videos."
            )
        items = _parse_captions(self.root)
        self.infos = self._probe_all(items, index_file)

        self.items: list[_Item] = []
        self.skipped: list[str] = []
        for item in items:
            bucket = assign_bucket(self.infos[item.file], self.buckets, self.fps)
            if bucket is None:
                self.skipped.append(item.file)
            else:
                item.bucket = bucket
                self.items.append(item)
        if self.skipped:
            shortest = min(self.buckets)[0]
            names = ", ".join(self.skipped[:_MAX_LISTED])
            extra = len(self.skipped) - _MAX_LISTED
            more = f" and {extra} more" if extra > 0 else ""
            warnings.warn(
                f"VideoFolder skipped {len(self.skipped)} of {len(items)} lines whose video is too "
                f"short for every bucket (the shortest needs {shortest} frames at fps="
                f"{self.fps}): {names}{more}. Add a shorter bucket or lower fps to keep them.",
                stacklevel=2,
            )
        if not self.items:
            raise VideoFolderError(
                f"VideoFolder {self.root}: no video is long enough for any bucket "
                f"{list(self.buckets)} at fps={self.fps}; add shorter buckets (e.g. (1, 64, 64)) "
                "or lower fps."
            )

    def _probe_all(self, items: list[_Item], index_file: str | None) -> dict[str, VideoInfo]:
        index_path = self.root / index_file if index_file else None
        # Called through the module so that patching `video_probe.probe_videos` reaches it;
        # `probe_videos` in turn looks `probe_video` up at call time (tests count probes).
        infos, errors = video_probe.probe_videos(self.root, [it.file for it in items], index_path)
        problems = [f"line {it.line}: {errors[it.file]}" for it in items if it.file in errors]
        if problems:
            raise CaptionsFileError(_problem_report(problems, "replace or re-encode these files, "
                                                    "or remove their lines"))
        return infos

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> dict[str, Any]:
        if not 0 <= index < len(self.items):
            raise IndexError(f"index {index} out of range for VideoFolder of length {len(self)}")
        item = self.items[index]
        info = self.infos[item.file]
        t, h, w = item.bucket
        offsets = source_offsets(t, info.fps, self.fps)  # (T,)
        max_start = info.num_frames - int(offsets[-1]) - 1  # >= 0: the bucket was fillable
        start = 0
        if self.random_clip and max_start > 0:
            rng = np.random.default_rng([self.seed, self.epoch, index])
            start = int(rng.integers(max_start + 1))
        try:
            frames = read_frames(self.root / item.file, start + offsets)  # (T, h, w, 3) uint8
        except VideoReadError as e:
            raise VideoReadError(f"{e} (line {item.line} of {CAPTIONS_FILE})") from e
        x = torch.from_numpy(frames).permute(0, 3, 1, 2).float() / 127.5 - 1.0  # (T, 3, h, w)
        return {
            "video": resize_to_bucket(x, h, w, self.resize_mode).contiguous(),
            "caption": item.caption,
            "fps": self.fps if self.fps is not None else info.fps,
            "bucket": item.bucket,
            "path": item.file,
            "extra": item.extra,
        }

    def set_epoch(self, epoch: int) -> None:
        """Choose new random clip starts (they are a function of seed, epoch and index)."""
        self.epoch = int(epoch)

    @property
    def item_buckets(self) -> list[tuple[int, int, int]]:
        """The bucket of every sample, by index (what `BucketBatchSampler` groups by)."""
        return [item.bucket for item in self.items]

    def bucket_counts(self) -> dict[tuple[int, int, int], int]:
        """Samples per bucket, for every bucket (zeros included), longest and largest first."""
        counts = Counter(self.item_buckets)
        return {b: counts.get(b, 0) for b in sorted(self.buckets, reverse=True)}

    def __repr__(self) -> str:
        used = {b: n for b, n in self.bucket_counts().items() if n}
        return (f"VideoFolder(root={str(self.root)!r}, samples={len(self)}, "
                f"skipped={len(self.skipped)}, fps={self.fps}, resize_mode={self.resize_mode!r}, "
                f"buckets={used})")


def _check_buckets(buckets: Sequence[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    out = []
    for b in buckets:
        if (not isinstance(b, (tuple, list)) or len(b) != 3
                or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in b)):
            raise VideoFolderError(
                f"each bucket must be (num_frames, height, width) with positive ints, got {b!r}; "
                "e.g. buckets=[(17, 64, 64), (17, 48, 80)]."
            )
        out.append(tuple(b))
    if not out:
        raise VideoFolderError("buckets is empty; pass at least one (num_frames, height, width).")
    if len(set(out)) != len(out):
        raise VideoFolderError(f"buckets has duplicates: {out}; list each size once.")
    return tuple(out)


def _problem_report(problems: list[str], fix: str) -> str:
    shown = "\n  ".join(problems[:_MAX_LISTED])
    more = f"\n  ... and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
    return f"{CAPTIONS_FILE} has {len(problems)} problem(s); {fix}:\n  {shown}{more}"


def _parse_captions(root: Path) -> list[_Item]:
    path = root / CAPTIONS_FILE
    example = '{"file": "clips/a.mp4", "caption": "a red kite over a beach"}'
    if not path.is_file():
        raise VideoFolderError(
            f"{path} is missing. VideoFolder needs {CAPTIONS_FILE} in the root with one JSON "
            f"object per line, e.g. {example}"
        )
    items, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue  # blank lines (a trailing newline, spacing) carry nothing
            try:
                row = json.loads(raw)
            except ValueError as e:
                problems.append(f"line {n}: not valid JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(row, dict):
                problems.append(f"line {n}: expected a JSON object like {example}, got "
                                f"{type(row).__name__}")
                continue
            file, caption = row.get("file"), row.get("caption")
            if not isinstance(file, str) or not file.strip():
                problems.append(f"line {n}: 'file' must be a non-empty path relative to the root, "
                                f"got {file!r}")
                continue
            if os.path.isabs(file):
                problems.append(f"line {n}: 'file' {file!r} is absolute; write it relative to "
                                f"{root} so the folder can move")
                continue
            if not isinstance(caption, str) or not caption.strip():
                problems.append(f"line {n}: empty or missing 'caption' for {file!r}; write the "
                                "text the video shows (a video without text cannot condition "
                                "the model)")
                continue
            video = root / file
            if not video.exists():
                problems.append(f"line {n}: file {file!r} not found under {root}")
                continue
            if not video.is_dir() and video.suffix.lower() not in FOLDER_VIDEO_SUFFIXES:
                problems.append(f"line {n}: {file!r} has unsupported suffix "
                                f"{video.suffix!r}; use {', '.join(FOLDER_VIDEO_SUFFIXES)} or a "
                                "PNG folder")
                continue
            extra = {k: v for k, v in row.items() if k not in ("file", "caption")}
            items.append(_Item(n, Path(file).as_posix(), caption.strip(), extra))
    if problems:
        raise CaptionsFileError(_problem_report(problems, "fix or remove these lines"))
    if not items:
        raise VideoFolderError(f"{path} has no entries; add one JSON object per line, e.g. "
                               f"{example}")
    return items
