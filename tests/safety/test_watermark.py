import os
import subprocess

import numpy as np
import pytest

from sora_sdk.data.shapes import render_clip
from sora_sdk.safety.watermark import DETECTION_Z, _signs, detect_watermark, embed_watermark
from sora_sdk.safety.visible_label import add_visible_label
from sora_sdk.video import Video


def _psnr(a, b):
    return 10 * np.log10(255.0**2 / ((a.astype(float) - b.astype(float)) ** 2).mean())


def test_mark_costs_at_least_38db_and_is_detected(shapes_video):
    marked = embed_watermark(shapes_video, "k")
    assert _psnr(shapes_video.frames, marked.frames) >= 38.0
    assert detect_watermark(marked, "k").detected
    assert not detect_watermark(shapes_video, "k").detected
    assert not detect_watermark(marked, "another key").detected


def test_mark_works_on_32x32(texture_video):
    marked = embed_watermark(texture_video, "k")
    r = detect_watermark(marked, "k")
    assert r.detected and r.z > 2 * DETECTION_Z


def test_survives_crf23_and_2x_downscale(shapes_video, tmp_path):
    import imageio_ffmpeg

    marked = embed_watermark(shapes_video, "k")
    src, dst = tmp_path / "a.mp4", tmp_path / "b.mp4"
    marked.save(src)
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-threads", "1", "-i", str(src),
                    "-vf", "scale=iw/2:ih/2", "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p", str(dst)], check=True)
    back = Video.load(dst)
    assert back.frames.shape[1:3] == (32, 32)
    assert detect_watermark(back, "k").detected


def _reencode_half(video, tmp_path, name):
    """Save (crf 18), re-encode at crf 23 with a 2x downscale, read back: the issue's attack."""
    import imageio_ffmpeg

    src, dst = tmp_path / f"{name}-src.mp4", tmp_path / f"{name}-dst.mp4"
    video.save(src)
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-threads", "1", "-i", str(src),
                    "-vf", "scale=iw/2:ih/2:flags=bicubic", "-c:v", "libx264", "-crf", "23", "-pix_fmt", "yuv420p",
                    str(dst)], check=True)
    return Video.load(dst)


def _panning_texture(seed, t=16, size=32):
    # Busy content that moves every frame: the hard case for a temporal mark.
    rng = np.random.default_rng(seed)
    tex = rng.integers(30, 225, (size // 4 * 3, size // 4 * 3)).astype(np.float32)
    tex = np.kron(tex, np.ones((4, 4), np.float32))  # 4-px blocks
    frames = np.stack([tex[i : i + size, 2 * i % size : 2 * i % size + size] for i in range(t)])
    return np.repeat(frames[..., None], 3, axis=-1).astype(np.uint8)


@pytest.mark.parametrize("kind", ["shapes", "texture"])
def test_32x32_survives_crf23_and_2x_downscale_to_16x16(kind, tmp_path):
    if kind == "shapes":
        frames = render_clip([{"shape": "square", "colour": "yellow", "size": "large", "motion": "down"}], "black", 16, 32, 32)
    else:
        frames = _panning_texture(1)
    clean = Video(frames=frames, fps=8.0)
    marked = embed_watermark(clean, "k")
    assert _psnr(clean.frames, marked.frames) >= 38.0
    back = _reencode_half(marked, tmp_path, "marked")
    assert back.frames.shape == (16, 16, 16, 3)
    r = detect_watermark(back, "k")
    assert r.detected and r.z >= DETECTION_Z
    # Unmarked, and marked with another key: both read back as not marked.
    assert not detect_watermark(_reencode_half(clean, tmp_path, "clean"), "k").detected
    assert not detect_watermark(back, "another key").detected


def test_signs_flip_in_runs_of_two_or_three_frames():
    s = _signs("k", 64)
    assert set(np.unique(s)) == {-1.0, 1.0}
    runs = np.diff(np.flatnonzero(np.diff(np.r_[0, s, 0]) != 0))  # run lengths, ends excluded below
    assert set(runs[1:-1]) <= {2, 3}
    assert not np.array_equal(s, _signs("other", 64))  # keyed


def test_empty_key_is_an_error(shapes_video):
    with pytest.raises(ValueError, match="policy.watermark.key"):
        embed_watermark(shapes_video, "")


def test_visible_label_changes_only_the_corner(shapes_video):
    labelled = add_visible_label(shapes_video)
    diff = np.any(labelled.frames != shapes_video.frames, axis=(0, 3))  # (H, W)
    ys, xs = np.nonzero(diff)
    assert ys.min() >= 64 - 12 and xs.min() >= 64 - 16
    assert (labelled.frames == 255).any()
