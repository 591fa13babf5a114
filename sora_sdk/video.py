"""`Video`: a finished clip (uint8 frames + fps + metadata) and its file formats.

A `Video` is what the pipeline hands back and what datasets and evaluation read. It holds frames
exactly as a person would see them (uint8 RGB, (T, H, W, 3)) so nothing downstream has to guess a
value range; `to_tensor` / `from_tensor` convert to and from the models' float range [-1, 1].

File formats, chosen by the path given to `save`:

| path                                   | format                                              |
| -------------------------------------- | --------------------------------------------------- |
| `*.mp4`                                | H.264 (libx264, yuv420p, CRF 18), metadata in the `comment` tag |
| `*.webm`                               | VP9 (libvpx-vp9, yuv420p), metadata in the `COMMENT` tag |
| `*.gif`                                | GIF (Pillow), loops forever, metadata in the comment extension |
| ends with `/`, has no suffix, or is an existing directory | PNG folder: `frame_00000.png`... + `video.json` |

Metadata travels as JSON: `{"sora_sdk": 1, "fps": ..., "metadata": {...}}`. `Video.load` reads it
back when present, so `Video.load(v.save(p))` returns the same fps and metadata for every format.

imageio-ffmpeg, PyAV and Pillow are imported inside the functions that need them so that
`import sora_sdk` stays light.
"""

from __future__ import annotations

import json
import math
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

__all__ = ["Video", "VideoReadError", "VIDEO_SUFFIXES"]

# Suffixes `save`/`load` understand as containers; anything else without a suffix is a PNG folder.
VIDEO_SUFFIXES = (".mp4", ".webm", ".gif")

# Name of the JSON file that carries fps and metadata inside a PNG folder.
_PNG_FOLDER_INFO = "video.json"
# Marker key so `load` can tell our JSON comment from a comment some other tool wrote.
_METADATA_MARKER = "sora_sdk"


class VideoReadError(ValueError):
    """A video file or folder could not be read (missing, corrupt, or not a video)."""


# ----------------------------------------------------------------------------------------------
# The Video dataclass
# ----------------------------------------------------------------------------------------------


@dataclass
class Video:
    """A finished video clip.

    Args:
        frames: uint8 RGB frames, shape (T, H, W, 3), C-contiguous.
        fps: Frames per second, a finite number > 0.
        metadata: JSON-serialisable dict (prompt, seed, model id, ...). Saved with the video.

    Raises:
        ValueError: if any field is malformed; the message says how to fix it.
    """

    frames: np.ndarray
    fps: float
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        f = self.frames
        if not isinstance(f, np.ndarray):
            raise ValueError(
                f"Video.frames must be a numpy array, got {type(f).__name__}. For a float tensor in "
                "[-1, 1] with shape (T, 3, H, W) use Video.from_tensor(x, fps)."
            )
        if f.dtype != np.uint8:
            raise ValueError(
                f"Video.frames must have dtype uint8, got {f.dtype}. Convert floats in [0, 1] with "
                "(x * 255).round().astype(np.uint8), or use Video.from_tensor for [-1, 1] tensors."
            )
        if f.ndim != 4 or f.shape[-1] != 3 or min(f.shape[:3]) < 1:
            raise ValueError(
                f"Video.frames must have shape (T, H, W, 3) with T, H, W >= 1, got {f.shape}. "
                "For a single image add a time axis (frames[None]); for (T, 3, H, W) arrays use "
                "frames.transpose(0, 2, 3, 1); grayscale needs np.repeat(frames[..., None], 3, -1)."
            )
        if not f.flags.c_contiguous:
            raise ValueError(
                "Video.frames must be C-contiguous (encoders read the raw buffer); wrap it in "
                "np.ascontiguousarray(frames)."
            )
        if isinstance(self.fps, bool) or not isinstance(self.fps, (int, float, np.number)):
            raise ValueError(f"Video.fps must be a number, got {type(self.fps).__name__}.")
        if not math.isfinite(float(self.fps)) or float(self.fps) <= 0:
            raise ValueError(f"Video.fps must be finite and > 0, got {self.fps}. Pass e.g. fps=8.0.")
        self.fps = float(self.fps)
        if not isinstance(self.metadata, dict):
            raise ValueError(
                f"Video.metadata must be a dict, got {type(self.metadata).__name__}. "
                "Wrap the value, e.g. metadata={'note': value}."
            )

    # -- shape ------------------------------------------------------------------------------

    @property
    def num_frames(self) -> int:
        """Number of frames T."""
        return int(self.frames.shape[0])

    @property
    def height(self) -> int:
        """Frame height H in pixels."""
        return int(self.frames.shape[1])

    @property
    def width(self) -> int:
        """Frame width W in pixels."""
        return int(self.frames.shape[2])

    @property
    def duration(self) -> float:
        """Duration in seconds (num_frames / fps)."""
        return self.num_frames / self.fps

    def __repr__(self) -> str:  # the default repr would print every pixel
        return (
            f"Video(num_frames={self.num_frames}, height={self.height}, width={self.width}, "
            f"fps={self.fps:g}, metadata_keys={sorted(self.metadata)})"
        )

    # -- tensors ----------------------------------------------------------------------------

    def to_tensor(self) -> torch.Tensor:
        """Frames as a float32 tensor (T, 3, H, W) in [-1, 1], the range the models use."""
        x = torch.from_numpy(self.frames).permute(0, 3, 1, 2).float()  # (T, 3, H, W) in [0, 255]
        return x / 127.5 - 1.0

    @classmethod
    def from_tensor(
        cls, x: torch.Tensor, fps: float, metadata: dict[str, Any] | None = None
    ) -> Video:
        """Build a `Video` from a float tensor (T, 3, H, W) in [-1, 1].

        Values slightly outside [-1, 1] (a decoder's overshoot) are clamped, then rounded to uint8.

        Args:
            x: Float tensor, shape (T, 3, H, W), range [-1, 1]. Any device.
            fps: Frames per second (> 0).
            metadata: Optional JSON-serialisable dict.

        Raises:
            ValueError: for a wrong type, dtype, shape, or non-finite values.
        """
        if not isinstance(x, torch.Tensor):
            raise ValueError(
                f"Video.from_tensor expects a torch.Tensor, got {type(x).__name__}; for uint8 numpy "
                "frames (T, H, W, 3) use Video(frames=..., fps=...)."
            )
        if not x.is_floating_point():
            raise ValueError(
                f"Video.from_tensor expects a float tensor in [-1, 1], got dtype {x.dtype}. For "
                "uint8 frames use Video(frames=x.permute(0, 2, 3, 1).numpy(), fps=...)."
            )
        if x.ndim != 4 or x.shape[1] != 3:
            hint = ""
            if x.ndim == 5:
                hint = " This looks batched: pass one sample, x[i]."
            elif x.ndim == 4 and x.shape[0] == 3:
                hint = " This looks like (3, T, H, W): pass x.transpose(0, 1)."
            raise ValueError(
                f"Video.from_tensor expects shape (T, 3, H, W), got {tuple(x.shape)}.{hint}"
            )
        x = x.detach().float().cpu()
        if not torch.isfinite(x).all():
            raise ValueError(
                "Video.from_tensor got NaN or inf values; the generator diverged upstream (check "
                "the sampler's guidance scale and dtype) and these frames cannot be shown."
            )
        frames = ((x.clamp(-1.0, 1.0) + 1.0) * 127.5).round().to(torch.uint8)  # (T, 3, H, W)
        frames_np = np.ascontiguousarray(frames.permute(0, 2, 3, 1).numpy())  # (T, H, W, 3)
        return cls(frames=frames_np, fps=fps, metadata=dict(metadata or {}))

    # -- saving -----------------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> Path:
        """Write the video; the format follows the path (see the module docstring).

        Parent directories are created. Container files are written to a temporary sibling and
        moved into place, so a failed encode never leaves a half-written file behind.

        Args:
            path: `*.mp4`, `*.webm`, `*.gif`, or a folder (trailing `/`, no suffix, or an existing
                directory) for PNG frames.

        Returns:
            The path written (for a PNG folder, the folder).

        Raises:
            ValueError: for an unsupported suffix, odd frame sizes in mp4, or metadata that is not
                JSON-serialisable.
        """
        kind = _format_for_path(path)
        out = Path(path)
        info = self._info_json()
        out.parent.mkdir(parents=True, exist_ok=True)
        if kind == "png":
            _write_png_folder(self, out, info)
            return out
        # Same suffix so ffmpeg picks the container from it; not pre-created (mkstemp would leave
        # the final file with 0600 permissions).
        tmp_name = str(out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.partial{out.suffix}"))
        try:
            if kind == "gif":
                _write_gif(self, Path(tmp_name), info)
            else:
                _write_ffmpeg(self, Path(tmp_name), kind, info)
            os.replace(tmp_name, out)
        finally:
            if os.path.exists(tmp_name):
                os.remove(tmp_name)
        return out

    def to_grid_png(self, path: str | os.PathLike, max_frames: int = 8) -> Path:
        """Write up to `max_frames` evenly spaced frames side by side as one PNG, for a quick look.

        Args:
            path: Output `.png` file; parent directories are created.
            max_frames: How many frames to show (>= 1); always includes the first and last frame.

        Returns:
            The path written.
        """
        from PIL import Image

        if max_frames < 1:
            raise ValueError(f"max_frames must be >= 1, got {max_frames}.")
        out = Path(path)
        if out.suffix.lower() != ".png":
            raise ValueError(f"to_grid_png writes PNG; give a path ending in .png, got {out}.")
        n = min(max_frames, self.num_frames)
        idx = np.linspace(0, self.num_frames - 1, n).round().astype(int)
        # A 2 px white gutter keeps frames with similar borders visually apart.
        gutter = np.full((self.height, 2, 3), 255, np.uint8)
        tiles: list[np.ndarray] = []
        for i in idx:
            tiles += [self.frames[i], gutter]
        grid = np.concatenate(tiles[:-1], axis=1)  # (H, n*W + 2*(n-1), 3)
        out.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(grid).save(out)
        return out

    def _info_json(self) -> str:
        try:
            return json.dumps(
                {_METADATA_MARKER: 1, "fps": self.fps, "metadata": self.metadata},
                ensure_ascii=True,  # ffmpeg command lines and GIF comments are safest in ASCII
            )
        except TypeError as e:
            raise ValueError(
                f"Video.metadata must be JSON-serialisable to be saved ({e}). Convert tensors and "
                "arrays with .tolist() and paths with str()."
            ) from e

    # -- loading ----------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike) -> Video:
        """Read a video written by `save` (or any mp4/webm/gif/PNG folder).

        Args:
            path: A `.mp4`, `.webm`, `.gif` file or a PNG folder.

        Returns:
            The video, with fps and metadata restored when they were saved by `save`. For files
            from other tools fps comes from the container and metadata is empty.

        Raises:
            VideoReadError: if the path is missing, unreadable, corrupt or has no frames.
        """
        p = Path(path)
        if not p.exists():
            raise VideoReadError(f"Cannot read video {p}: no such file or directory.")
        if p.is_dir():
            return _read_png_folder(p)
        suffix = p.suffix.lower()
        if suffix not in VIDEO_SUFFIXES:
            raise VideoReadError(
                f"Cannot read video {p}: unsupported suffix {suffix!r}; supported are "
                f"{', '.join(VIDEO_SUFFIXES)} files and PNG folders."
            )
        if suffix == ".gif":
            return _read_gif(p)
        return _read_av(p)


# ----------------------------------------------------------------------------------------------
# Format selection
# ----------------------------------------------------------------------------------------------


def _format_for_path(path: str | os.PathLike) -> str:
    s = os.fspath(path)
    p = Path(s)
    if s.endswith(("/", os.sep)) or p.is_dir() or p.suffix == "":
        return "png"
    suffix = p.suffix.lower()
    if suffix not in VIDEO_SUFFIXES:
        raise ValueError(
            f"Cannot save video to {p}: unsupported suffix {suffix!r}. Use .mp4, .webm, .gif, or a "
            "folder path (ending in '/' or without a suffix) for PNG frames."
        )
    return suffix[1:]


def _parse_info(text: str | bytes | None) -> tuple[float | None, dict[str, Any]]:
    """(fps, metadata) from our JSON comment; (None, {}) if the comment is absent or foreign."""
    if not text:
        return None, {}
    try:
        info = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        return None, {}
    if not isinstance(info, dict) or info.get(_METADATA_MARKER) != 1:
        return None, {}
    fps = info.get("fps")
    meta = info.get("metadata")
    return (float(fps) if isinstance(fps, (int, float)) else None), (
        meta if isinstance(meta, dict) else {}
    )


# ----------------------------------------------------------------------------------------------
# PNG folder
# ----------------------------------------------------------------------------------------------


def _write_png_folder(video: Video, folder: Path, info: str) -> None:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    # Stale frames from an earlier, longer save would be read back as part of this video.
    for old in folder.glob("frame_*.png"):
        old.unlink()
    for t, frame in enumerate(video.frames):
        Image.fromarray(frame).save(folder / f"frame_{t:05d}.png")
    (folder / _PNG_FOLDER_INFO).write_text(info)


def _read_png_folder(folder: Path) -> Video:
    from PIL import Image

    files = sorted(folder.glob("frame_*.png"))
    if not files:
        raise VideoReadError(
            f"Cannot read video {folder}: the folder has no frame_*.png files (a PNG-folder video "
            "is frame_00000.png, frame_00001.png, ... plus video.json)."
        )
    info_path = folder / _PNG_FOLDER_INFO
    if not info_path.exists():
        raise VideoReadError(
            f"Cannot read video {folder}: {_PNG_FOLDER_INFO} (fps and metadata) is missing. Write "
            'one like {"sora_sdk": 1, "fps": 8.0, "metadata": {}}.'
        )
    fps, meta = _parse_info(info_path.read_text())
    if fps is None:
        raise VideoReadError(f"Cannot read video {folder}: {info_path} has no valid fps entry.")
    frames = []
    for f in files:
        try:
            with Image.open(f) as im:
                frames.append(np.asarray(im.convert("RGB")))
        except OSError as e:
            raise VideoReadError(f"Cannot read video {folder}: frame {f.name} is unreadable ({e}).")
    if len({fr.shape for fr in frames}) != 1:
        raise VideoReadError(f"Cannot read video {folder}: frames have different sizes.")
    return Video(frames=np.ascontiguousarray(np.stack(frames)), fps=fps, metadata=meta)


# ----------------------------------------------------------------------------------------------
# GIF
# ----------------------------------------------------------------------------------------------


def _write_gif(video: Video, path: Path, info: str) -> None:
    from PIL import Image

    images = [Image.fromarray(f) for f in video.frames]
    # GIF stores delays in centiseconds; fps is kept exactly in the JSON comment.
    duration_ms = max(10, int(round(1000.0 / video.fps / 10.0)) * 10)
    images[0].save(
        path,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=duration_ms,
        loop=0,  # loop forever
        optimize=False,  # palette optimisation can merge near colours; keep frames faithful
        disposal=1,
        comment=info.encode("ascii"),
    )


def _read_gif(path: Path) -> Video:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            comment = im.info.get("comment")
            durations, frames = [], []
            for fr in ImageSequence.Iterator(im):
                durations.append(fr.info.get("duration", 0))
                frames.append(np.asarray(fr.convert("RGB")))
    except (OSError, UnidentifiedImageError, SyntaxError) as e:
        raise VideoReadError(f"Cannot read video {path}: not a readable GIF ({e}).") from e
    if not frames:
        raise VideoReadError(f"Cannot read video {path}: the GIF has no frames.")
    fps, meta = _parse_info(comment)
    if fps is None:
        mean_ms = float(np.mean(durations)) if durations else 0.0
        fps = 1000.0 / mean_ms if mean_ms > 0 else 10.0  # browsers show 0-delay GIFs at ~10 fps
    return Video(frames=np.ascontiguousarray(np.stack(frames)), fps=fps, metadata=meta)


# ----------------------------------------------------------------------------------------------
# mp4 / webm through ffmpeg (write: imageio-ffmpeg, read: PyAV)
# ----------------------------------------------------------------------------------------------

# Per-container encoder settings. CRF 18 is visually lossless H.264; VP9 CRF 24 with b:v 0 is
# constant-quality mode. `use_metadata_tags` lets mp4 keep a long free-form comment.
_FFMPEG_SETTINGS = {
    "mp4": dict(
        codec="libx264",
        params=["-crf", "18", "-preset", "medium", "-movflags", "+faststart+use_metadata_tags"],
    ),
    "webm": dict(
        codec="libvpx-vp9",
        params=["-crf", "24", "-b:v", "0", "-deadline", "good", "-cpu-used", "4"],
    ),
}


def _write_ffmpeg(video: Video, path: Path, kind: str, info: str) -> None:
    import imageio_ffmpeg

    if kind == "mp4" and (video.height % 2 or video.width % 2):
        raise ValueError(
            f"H.264 (.mp4) with yuv420p needs even frame sizes, got {video.height}x{video.width} "
            "(HxW). Crop or pad the frames to even sizes (e.g. frames[:, :H//2*2, :W//2*2]), or "
            "save as .webm, .gif or a PNG folder, which accept any size."
        )
    settings = _FFMPEG_SETTINGS[kind]
    writer = imageio_ffmpeg.write_frames(
        str(path),
        (video.width, video.height),
        fps=video.fps,
        codec=settings["codec"],
        pix_fmt_in="rgb24",
        pix_fmt_out="yuv420p",
        quality=None,  # quality comes from the CRF in output_params
        macro_block_size=1,  # never let imageio resize frames behind the user's back
        ffmpeg_log_level="error",
        output_params=[*settings["params"], "-metadata", f"comment={info}"],
    )
    writer.send(None)  # start the generator
    try:
        for frame in video.frames:
            writer.send(frame)
    finally:
        writer.close()


@contextmanager
def open_video_stream(path: Path) -> Iterator[tuple[Any, Any, dict[str, str], Any]]:
    """Open ``path``'s first video stream with PyAV: ``(container, stream, tags, rate)``.

    ``tags`` are the container's metadata with lower-cased keys; ``rate`` is the stream's average
    (or guessed) frame rate, possibly None. Every read error, here or in the ``with`` body (a
    corrupt packet while decoding), becomes one `VideoReadError` naming the file.
    """
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise VideoReadError(f"Cannot read video {path}: the file has no video stream.")
            stream = container.streams.video[0]
            tags = {k.lower(): v for k, v in container.metadata.items()}
            yield container, stream, tags, stream.average_rate or stream.guessed_rate
    except VideoReadError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as e:
        raise VideoReadError(f"Cannot read video {path}: the file is corrupt or not a video ({e}).") from e


def _read_av(path: Path) -> Video:
    with open_video_stream(path) as (container, stream, tags, rate):
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
    if not frames:
        raise VideoReadError(f"Cannot read video {path}: the stream decoded to zero frames.")
    fps, meta = _parse_info(tags.get("comment"))
    if fps is None:
        fps = float(rate) if rate else 24.0  # 24 fps is ffmpeg's own fallback for unknown rates
    return Video(frames=np.ascontiguousarray(np.stack(frames)), fps=fps, metadata=meta)
