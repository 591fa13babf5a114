"""Video probing and decoding: metadata without decoding, only the frames asked for, and a cache.

`probe_video` reads what bucketing needs (`VideoInfo`: frame count, fps, size) from container
headers; `read_frames` decodes just the requested frames, seeking where the container allows.
Supported: .mp4 .m4v .mov .mkv .webm .avi (PyAV), .gif (Pillow), and a PNG folder as written by
`Video.save` (frame_*.png + video.json).

`probe_videos` probes many files under one root and keeps the results in a JSON index
(`.sora_index.json` for `VideoFolder`), keyed by each file's mtime and size, so reopening a big
folder costs one `stat` per file instead of one probe.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

# The JSON comment written by `Video.save` carries the exact fps (GIF delays are rounded to 10 ms,
# containers store rationals); reading it the same way keeps VideoFolder and `Video.load` agreeing.
from sora_sdk.video import VideoReadError, _parse_info, open_video_stream

__all__ = [
    "VideoInfo",
    "probe_video",
    "probe_videos",
    "read_frames",
    "VideoReadError",
    "FOLDER_VIDEO_SUFFIXES",
]

# Containers read through PyAV; `.gif` goes through Pillow and directories are PNG folders.
_AV_SUFFIXES = (".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi")
FOLDER_VIDEO_SUFFIXES = (*_AV_SUFFIXES, ".gif")
_INDEX_VERSION = 1


@dataclass(frozen=True)
class VideoInfo:
    """What bucketing needs to know about a video, read without decoding it where possible."""

    num_frames: int
    fps: float
    height: int
    width: int


# ----------------------------------------------------------------------------------------------
# Probing (metadata only) and decoding (only the frames asked for)
# ----------------------------------------------------------------------------------------------


def probe_video(path: str | os.PathLike) -> VideoInfo:
    """Frame count, fps and size of a video file or PNG folder, cheaply.

    Containers report these in their headers (PyAV stream metadata); only when a container has no
    frame count (webm/mkv usually) is the stream decoded to count. GIFs are walked frame by frame
    by Pillow (headers only); PNG folders are counted and one PNG header is read.

    Raises:
        VideoReadError: if the path is missing, unsupported, or not a readable video.
    """
    p = Path(path)
    if not p.exists():
        raise VideoReadError(f"Cannot read video {p}: no such file or directory.")
    if p.is_dir():
        return _probe_png_folder(p)
    suffix = p.suffix.lower()
    if suffix == ".gif":
        return _probe_gif(p)
    if suffix in _AV_SUFFIXES:
        return _probe_av(p)
    raise VideoReadError(
        f"Cannot read video {p}: unsupported suffix {suffix!r}; use one of "
        f"{', '.join(FOLDER_VIDEO_SUFFIXES)} or a PNG folder."
    )


def read_frames(path: str | os.PathLike, indices: Sequence[int]) -> np.ndarray:
    """Decode only the frames at `indices` (any order, repeats allowed).

    Decoding stops after the largest index; containers seek to the keyframe before the smallest.

    Returns:
        uint8 frames (len(indices), H, W, 3), in the order of `indices`.

    Raises:
        VideoReadError: if the file is unreadable or ends before the largest index.
    """
    p = Path(path)
    wanted = sorted({int(i) for i in indices})
    if not wanted or wanted[0] < 0:
        raise ValueError(f"indices must be non-empty and >= 0, got {list(indices)[:8]}.")
    if p.is_dir():
        found = _read_png_frames(p, wanted)
    elif p.suffix.lower() == ".gif":
        found = _read_gif_frames(p, wanted)
    else:
        found = _read_av_frames(p, wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise VideoReadError(
            f"Cannot read video {p}: it ended before frame {missing[0]} (decoded "
            f"{len(found)} of {len(wanted)} requested frames). The file changed since it was "
            "indexed, or its header overstates the frame count; re-encode it (e.g. ffmpeg -i in "
            "-c:v libx264 out.mp4) and delete .sora_index.json."
        )
    return np.stack([found[int(i)] for i in indices])


def _probe_png_folder(folder: Path) -> VideoInfo:
    from PIL import Image

    files = sorted(folder.glob("frame_*.png"))
    info_path = folder / "video.json"
    if not files or not info_path.exists():
        raise VideoReadError(
            f"Cannot read video {folder}: a PNG-folder video needs frame_00000.png, "
            'frame_00001.png, ... and video.json ({"sora_sdk": 1, "fps": 8.0, "metadata": {}}).'
        )
    fps, _ = _parse_info(info_path.read_text())
    if fps is None:
        raise VideoReadError(f"Cannot read video {folder}: {info_path} has no valid fps entry.")
    with Image.open(files[0]) as im:  # opening reads the header only
        width, height = im.size
    return VideoInfo(len(files), fps, height, width)


def _probe_gif(path: Path) -> VideoInfo:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            width, height = im.size
            comment = im.info.get("comment")
            # Seeking parses frame headers; pixels are only decoded on load/convert.
            durations = [fr.info.get("duration", 0) for fr in ImageSequence.Iterator(im)]
    except (OSError, UnidentifiedImageError, SyntaxError) as e:
        raise VideoReadError(f"Cannot read video {path}: not a readable GIF ({e}).") from e
    fps, _ = _parse_info(comment)
    if fps is None:  # same fallback as Video.load: mean delay, 0-delay GIFs play at ~10 fps
        mean_ms = float(np.mean(durations)) if durations else 0.0
        fps = 1000.0 / mean_ms if mean_ms > 0 else 10.0
    return VideoInfo(len(durations), fps, height, width)


def _probe_av(path: Path) -> VideoInfo:
    with open_video_stream(path) as (container, stream, tags, rate):
        num_frames, height, width = int(stream.frames or 0), stream.height, stream.width
        if num_frames <= 0 or not height or not width:
            # No count in the header (typical for webm/mkv): decode once to count. The result
            # is cached in the index, so this is paid once per file.
            num_frames = 0
            for frame in container.decode(stream):
                num_frames += 1
                height, width = frame.height, frame.width
    if num_frames == 0:
        raise VideoReadError(f"Cannot read video {path}: the stream has zero frames.")
    fps, _ = _parse_info(tags.get("comment"))
    if fps is None:
        fps = float(rate) if rate else 24.0  # ffmpeg's own fallback for an unknown rate
    return VideoInfo(num_frames, fps, int(height), int(width))


def _read_png_frames(folder: Path, wanted: list[int]) -> dict[int, np.ndarray]:
    from PIL import Image

    files = sorted(folder.glob("frame_*.png"))
    found = {}
    for i in wanted:
        if i < len(files):
            with Image.open(files[i]) as im:
                found[i] = np.asarray(im.convert("RGB"))
    return found


def _read_gif_frames(path: Path, wanted: list[int]) -> dict[int, np.ndarray]:
    from PIL import Image, ImageSequence

    keep, last, found = set(wanted), wanted[-1], {}
    with Image.open(path) as im:
        # GIF frames are deltas on the previous canvas, so frames before `last` must be visited;
        # only the kept ones are converted to RGB arrays.
        for i, fr in enumerate(ImageSequence.Iterator(im)):
            if i in keep:
                found[i] = np.asarray(fr.convert("RGB"))
            if i >= last:
                break
    return found


def _read_av_frames(path: Path, wanted: list[int]) -> dict[int, np.ndarray]:
    keep, last = set(wanted), wanted[-1]
    with open_video_stream(path) as (container, stream, _, rate):
        tb, t0 = stream.time_base, stream.start_time or 0
        # Frame index from the timestamp: (pts - start) * time_base * rate. That is what lets
        # us seek (decode restarts at a keyframe whose index we would not otherwise know).
        by_pts = bool(rate and tb)
        if by_pts and wanted[0] > 0:
            container.seek(t0 + int(wanted[0] / (rate * tb)), stream=stream, backward=True)
        found: dict[int, np.ndarray] = {}
        for n, frame in enumerate(container.decode(stream)):
            if by_pts and frame.pts is not None:
                i = int(math.floor(float((frame.pts - t0) * tb * rate) + 0.5))
            elif wanted[0] == 0 or not by_pts:
                i = n  # no timestamps and no seek: decode order is the frame index
            else:
                break  # a stream without timestamps after a seek: start again from frame 0
            if i in keep:
                found[i] = frame.to_ndarray(format="rgb24")
            if i >= last:
                return found
        else:
            return found
    return _read_av_sequential(path, keep, last)


def _read_av_sequential(path: Path, keep: set[int], last: int) -> dict[int, np.ndarray]:
    """Fallback for streams without timestamps: decode from the start, counting frames."""
    found = {}
    with open_video_stream(path) as (container, stream, _, _rate):
        for i, frame in enumerate(container.decode(stream)):
            if i in keep:
                found[i] = frame.to_ndarray(format="rgb24")
            if i >= last:
                break
    return found


# ----------------------------------------------------------------------------------------------
# Probe cache (root/.sora_index.json)
# ----------------------------------------------------------------------------------------------


def probe_videos(
    root: Path, files: Iterable[str], index_path: Path | None
) -> tuple[dict[str, VideoInfo], dict[str, VideoReadError]]:
    """Probe each of `files` (paths relative to `root`) once, reusing a JSON index if given.

    A cached entry is used while its file's mtime and size (a PNG folder: its listing and
    video.json) are unchanged; anything else is probed with `probe_video`. The index is rewritten
    only when something changed, and keeps entries for `files` only.

    Returns:
        `(infos, errors)`: the `VideoInfo` of every readable file, and the `VideoReadError` of
        every unreadable one, both keyed by the relative path as given.
    """
    cached = _load_index(index_path) if index_path else {}
    entries: dict[str, Any] = {}
    infos: dict[str, VideoInfo] = {}
    errors: dict[str, VideoReadError] = {}
    for file in files:
        if file in infos or file in errors:
            continue
        path = root / file
        key = _file_key(path)
        hit = cached.get(file)
        if isinstance(hit, dict) and hit.get("key") == key:
            try:
                infos[file] = VideoInfo(**hit["info"])
                entries[file] = hit
                continue
            except (KeyError, TypeError):
                pass  # an entry from a hand-edited index: probe again
        try:
            # A module-level lookup at call time, so tests can wrap `probe_video` to count probes.
            info = probe_video(path)
        except VideoReadError as e:
            errors[file] = e
            continue
        infos[file] = info
        entries[file] = {"key": key, "info": asdict(info)}
    # Not rewritten while some file is unreadable: the caller raises, and the next run probes the
    # fixed files anyway.
    if index_path and not errors and entries != cached:
        _save_index(index_path, entries)
    return infos, errors


def _file_key(path: Path) -> list[int]:
    """What must be unchanged for a cached probe to hold: mtime and size (folder: its listing)."""
    st = path.stat()
    if path.is_dir():
        # A folder's mtime changes when frames are added, removed or renamed; video.json holds fps.
        info = path / "video.json"
        ist = info.stat() if info.exists() else None
        return [st.st_mtime_ns, ist.st_mtime_ns if ist else 0, ist.st_size if ist else 0]
    return [st.st_mtime_ns, st.st_size]


def _load_index(path: Path) -> dict[str, Any]:
    try:
        index = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}  # absent or damaged: the probes are simply redone
    if not isinstance(index, dict) or index.get("version") != _INDEX_VERSION:
        return {}
    entries = index.get("entries")
    return entries if isinstance(entries, dict) else {}


def _save_index(path: Path, entries: dict[str, Any]) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        # Write-then-rename: a crash or a concurrent reader never sees half an index.
        tmp.write_text(json.dumps({"version": _INDEX_VERSION, "entries": entries}, indent=0))
        os.replace(tmp, path)
    except OSError as e:
        warnings.warn(f"VideoFolder could not write the probe cache {path} ({e}); the folder "
                      "will be probed again next time. Pass index_file=None to silence this.",
                      stacklevel=5)  # past probe_videos, VideoFolder._probe_all, __init__
        tmp.unlink(missing_ok=True)
