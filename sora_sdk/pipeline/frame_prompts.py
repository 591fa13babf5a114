"""Image and video prompts: convenience methods that build ``Condition`` lists (DESIGN.md).

Every mode here is one or more ordinary ``generate`` calls with frame conditions; nothing below
touches the sampler. With the default compressor (4x in time) a *window* is one generation of
``num_frames = 1 + 4k`` frames, and a *context* is the part of a window pinned to known frames:

* forward context: the last ``1 + 4m`` frames of the known video, placed at the window's start,
  so they are encoded exactly as that clip alone would be (the causal compressor's first latent
  frame holds one frame, each later one four);
* backward context: the first ``4m`` frames of the known video, placed at the window's end, so they
  fill whole latent windows.

Long videos are made window by window with a sliding context: memory is bounded by one window
whatever the output length. Window ``k`` uses seed ``seed + k``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sora_sdk.conditioning.condition import Condition
from sora_sdk.video import Video

DIRECTIONS = ("forward", "backward")


def _frames(x, name: str) -> np.ndarray:
    if isinstance(x, Video):
        return x.frames
    arr = np.asarray(x)
    if arr.ndim == 3:
        arr = arr[None]
    if arr.ndim != 4 or arr.shape[-1] != 3 or arr.dtype != np.uint8 or arr.shape[0] == 0:
        raise ValueError(f"{name} must be a Video or uint8 frames (T, H, W, 3) / an image (H, W, 3); got {arr.dtype} {arr.shape}.")
    return arr


class FramePromptsMixin:
    """Image-to-video, first/last frame, extension, loops, transitions and edits."""

    # ------------------------------------------------------------------ helpers
    def _window(self, fields: dict) -> int:
        n = fields.get("num_frames", 17)
        if isinstance(n, bool) or not isinstance(n, int):
            raise ValueError(f"the window's num_frames must be an int, got {n!r}.")
        self.compressor.check_video_size(n, fields.get("height", 64), fields.get("width", 64))
        return n

    def _context_sizes(self, context_latents: int, window: int) -> tuple[int, int]:
        """(forward, backward) context lengths in frames for ``context_latents`` latent frames."""
        ft = self.compressor.temporal_factor
        latents_in_window = 1 + (window - 1) // ft
        if not 1 <= context_latents < latents_in_window:
            raise ValueError(
                f"context_latents={context_latents} must be in [1, {latents_in_window - 1}] for a "
                f"{window}-frame window ({latents_in_window} latent frames); something must be left to generate."
            )
        return 1 + (context_latents - 1) * ft, context_latents * ft

    def _released(self, frames: np.ndarray, fps: float, metadata: dict) -> Video:
        """A video assembled from gated windows: its generated frames are already checked and
        watermarked; saving it goes through the gate too (C2PA on mp4)."""
        from sora_sdk.pipeline.generator import ReleasedVideo

        meta = {**metadata, "ai_generated": True, "safety_policy": self.safety_filter.policy.version}
        return ReleasedVideo(np.ascontiguousarray(frames), fps, meta, gate=self.safety_filter)

    @staticmethod
    def _size_fields(frames: np.ndarray, fields: dict) -> dict:
        fields = dict(fields)
        fields.setdefault("height", frames.shape[1])
        fields.setdefault("width", frames.shape[2])
        return fields

    # ------------------------------------------------------------------ modes
    def image_to_video(self, image, prompt: str, *, last_image=None, frame_index: int = 0, **fields: Any) -> Video:
        """Animate an image: it becomes frame ``frame_index`` (0 = first, -1 = last).

        With ``last_image`` the video runs from ``image`` (frame 0) to ``last_image`` (last frame).
        Other keyword arguments are ``generate``'s (``num_frames``, ``seed``, ``resize_conditions`` ...).
        """
        img = _frames(image, "image")
        if img.shape[0] != 1:
            raise ValueError(f"image must be a single frame, got {img.shape[0]} frames; use extend() for videos.")
        fields = self._size_fields(img, fields)
        conditions = [Condition(img, frame_index)]
        if last_image is not None:
            if frame_index != 0:
                raise ValueError("with last_image, image is the first frame: leave frame_index at 0.")
            conditions.append(Condition(_frames(last_image, "last_image"), -1))
        return self.generate(prompt, conditions=conditions, **fields)

    def extend(
        self,
        video,
        prompt: str,
        num_frames: int,
        *,
        direction: str = "forward",
        window_frames: int = 17,
        context_latents: int = 2,
        seed: int = 0,
        progress: bool = True,
        **fields: Any,
    ) -> Video:
        """Add ``num_frames`` new frames after (``"forward"``) or before (``"backward"``) a video.

        Runs as many windows of ``window_frames`` frames as needed with a sliding context of
        ``context_latents`` latent frames, so any length works with memory bounded by one window.

        Returns:
            The whole video: the original frames plus the new ones, in time order.
        """
        if direction not in DIRECTIONS:
            raise ValueError(f"direction={direction!r}; use one of {DIRECTIONS}.")
        if isinstance(num_frames, bool) or not isinstance(num_frames, int) or num_frames < 1:
            raise ValueError(f"num_frames={num_frames!r} must be a positive int (the number of new frames).")
        frames = _frames(video, "video")
        fps = fields.pop("fps", video.fps if isinstance(video, Video) else 8.0)
        fields = self._size_fields(frames, fields)
        window = self._window({**fields, "num_frames": window_frames})
        fwd, bwd = self._context_sizes(context_latents, window)
        ctx = fwd if direction == "forward" else bwd
        if frames.shape[0] < ctx:
            raise ValueError(f"video has {frames.shape[0]} frames but the context needs {ctx}; lower context_latents.")
        out = frames
        added, k = 0, 0
        while added < num_frames:
            if direction == "forward":
                cond = Condition(out[-ctx:], 0)
                new = self.generate(prompt, conditions=[cond], seed=seed + k, progress=progress, fps=fps, **{**fields, "num_frames": window}).frames
                new = new[ctx:][: num_frames - added]
                out = np.concatenate([out, new])
            else:
                cond = Condition(out[:ctx], -1)
                new = self.generate(prompt, conditions=[cond], seed=seed + k, progress=progress, fps=fps, **{**fields, "num_frames": window}).frames
                new = new[: window - ctx][-(num_frames - added) :]
                out = np.concatenate([new, out])
            added += len(new)
            k += 1
        meta = {"mode": "extend", "direction": direction, "prompt": prompt, "seed": seed, "windows": k, "context_frames": ctx, "new_frames": num_frames}
        return self._released(out, fps, meta)

    def transition(self, video_a, video_b, prompt: str, *, context_latents: int = 1, seed: int = 0, **fields: Any) -> Video:
        """A window that starts as ``video_a`` ends and ends as ``video_b`` starts.

        ``video_a``'s last ``1 + 4(m-1)`` frames are pinned at the start and ``video_b``'s first
        ``4m`` frames at the end (``m = context_latents``); the frames between are generated.
        """
        a, b = _frames(video_a, "video_a"), _frames(video_b, "video_b")
        fields = self._size_fields(a, fields)
        window = self._window(fields)
        fwd, bwd = self._context_sizes(context_latents, window)
        if fwd + bwd >= window:
            raise ValueError(f"a {window}-frame window leaves nothing to generate between {fwd} + {bwd} context frames; use more frames or fewer context_latents.")
        for name, v, need in (("video_a", a, fwd), ("video_b", b, bwd)):
            if v.shape[0] < need:
                raise ValueError(f"{name} has {v.shape[0]} frames; the transition needs at least {need}.")
        conditions = [Condition(a[-fwd:], 0), Condition(b[:bwd], -1)]
        video = self.generate(prompt, conditions=conditions, seed=seed, **fields)
        video.metadata.update(mode="transition", context_frames=[fwd, bwd])
        return video

    def loop(self, prompt: str, *, context_latents: int = 1, seed: int = 0, **fields: Any) -> Video:
        """A video whose last frame flows into its first (plays seamlessly on repeat).

        Generates a clip, then a transition from the clip's end back to its start; the loop is the
        clip followed by the transition's generated middle.
        """
        clip = self.generate(prompt, seed=seed, **fields)
        bridge = self.transition(clip, clip, prompt, context_latents=context_latents, seed=seed + 1, **fields)
        fwd, bwd = bridge.metadata["context_frames"]
        frames = np.concatenate([clip.frames, bridge.frames[fwd : bridge.num_frames - bwd]])
        meta = {**clip.metadata, "mode": "loop", "loop_frames": len(frames)}
        return self._released(frames, clip.fps, meta)

    def edit(self, video, prompt: str, strength: float = 0.6, **fields: Any) -> Video:
        """Video-to-video (SDEdit): noise the video to ``strength`` and denoise it under ``prompt``.

        ``strength`` is the amount of change, as in diffusers' img2img: 0 returns the compressor
        round trip of the video, 1 ignores it. Around 0.5-0.7 keeps layout and motion while
        following the new prompt (e.g. another colour). It maps to ``Condition(strength=1 - strength)``.
        """
        if isinstance(strength, bool) or not isinstance(strength, (int, float)) or not 0.0 <= strength <= 1.0:
            raise ValueError(f"strength={strength!r} must be a number in [0, 1] (0 = keep the video, 1 = ignore it).")
        frames = _frames(video, "video")
        fields = self._size_fields(frames, fields)
        fields.setdefault("num_frames", frames.shape[0])
        if isinstance(video, Video):
            fields.setdefault("fps", video.fps)
        video_out = self.generate(prompt, conditions=[Condition(frames, 0, 1.0 - float(strength))], **fields)
        video_out.metadata.update(mode="edit", edit_strength=float(strength))
        return video_out
