import os
import subprocess

import numpy as np
import pytest

from sora_sdk.safety.watermark import DETECTION_Z, detect_watermark, embed_watermark
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


def test_empty_key_is_an_error(shapes_video):
    with pytest.raises(ValueError, match="policy.watermark.key"):
        embed_watermark(shapes_video, "")


def test_visible_label_changes_only_the_corner(shapes_video):
    labelled = add_visible_label(shapes_video)
    diff = np.any(labelled.frames != shapes_video.frames, axis=(0, 3))  # (H, W)
    ys, xs = np.nonzero(diff)
    assert ys.min() >= 64 - 12 and xs.min() >= 64 - 16
    assert (labelled.frames == 255).any()
