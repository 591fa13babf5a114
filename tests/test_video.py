"""Video: validation, tensor conversion, and save/load round trips for every format."""

from pathlib import Path

import numpy as np
import pytest
import torch

from sora_sdk.data.shapes import render_clip
from sora_sdk.video import Video, VideoReadError


def smooth_clip(t: int = 9, h: int = 32, w: int = 48) -> np.ndarray:
    """Slowly varying colour waves: the kind of content lossy codecs keep well."""
    tt, yy, xx = np.meshgrid(np.arange(t), np.arange(h), np.arange(w), indexing="ij")
    r = 128 + 100 * np.sin(xx / 25 + tt / 3)
    g = 128 + 100 * np.cos(yy / 25 - tt / 4)
    b = 128 + 60 * np.sin((xx + yy) / 25)
    return np.ascontiguousarray(np.stack([r, g, b], -1).astype(np.uint8))


def shapes_clip() -> np.ndarray:
    objs = [
        {"shape": "circle", "colour": "red", "size": "large", "start": (12, 16), "end": (36, 16)},
        {"shape": "triangle", "colour": "yellow", "size": "small", "motion": "up"},
    ]
    return render_clip(objs, "navy", num_frames=6, height=32, width=48)


def psnr_db(a: np.ndarray, b: np.ndarray) -> float:
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(255.0**2 / mse)) if mse > 0 else float("inf")


# -- construction -------------------------------------------------------------------------------


def test_properties():
    v = Video(smooth_clip(t=10), fps=4, metadata={"seed": 1})
    assert (v.num_frames, v.height, v.width) == (10, 32, 48)
    assert v.duration == pytest.approx(2.5)
    assert isinstance(v.fps, float)


@pytest.mark.parametrize(
    "frames, match",
    [
        (np.zeros((2, 8, 8, 3), np.float32), "uint8"),
        (np.zeros((8, 8, 3), np.uint8), "shape"),
        (np.zeros((2, 3, 8, 8), np.uint8), "shape"),
        (np.zeros((2, 8, 16, 3), np.uint8)[:, :, ::2], "contiguous"),
        (torch.zeros(2, 8, 8, 3, dtype=torch.uint8), "from_tensor"),
    ],
)
def test_bad_frames_raise_with_fix(frames, match):
    with pytest.raises(ValueError, match=match):
        Video(frames, fps=8)


@pytest.mark.parametrize("fps", [0, -1.0, float("nan"), float("inf"), "8", True])
def test_bad_fps_raises(fps):
    with pytest.raises(ValueError, match="fps"):
        Video(np.zeros((1, 4, 4, 3), np.uint8), fps=fps)


def test_metadata_must_be_dict():
    with pytest.raises(ValueError, match="metadata"):
        Video(np.zeros((1, 4, 4, 3), np.uint8), fps=8, metadata=["x"])


# -- tensors ------------------------------------------------------------------------------------


def test_tensor_round_trip_is_exact():
    v = Video(smooth_clip(), fps=8)
    x = v.to_tensor()
    assert x.shape == (9, 3, 32, 48) and x.dtype == torch.float32
    assert x.min() >= -1 and x.max() <= 1
    assert x[0, 0, 0, 0].item() == pytest.approx(v.frames[0, 0, 0, 0] / 127.5 - 1, abs=1e-6)
    back = Video.from_tensor(x, fps=8, metadata={"a": 1})
    np.testing.assert_array_equal(back.frames, v.frames)
    assert back.metadata == {"a": 1}


def test_from_tensor_clamps_overshoot():
    x = torch.tensor([-1.5, -1.0, 0.0, 1.0, 1.2]).view(1, 1, 1, 5).expand(1, 3, 1, 5)
    v = Video.from_tensor(x, fps=8)
    assert v.frames[0, 0, :, 0].tolist() == [0, 0, 128, 255, 255]


@pytest.mark.parametrize(
    "x, match",
    [
        (torch.zeros(3, 4, 8, 8), r"\(3, T, H, W\)"),
        (torch.zeros(2, 4, 3, 8, 8), "batched"),
        (torch.zeros(4, 3, 8, 8, dtype=torch.uint8), "float"),
        (np.zeros((4, 3, 8, 8), np.float32), "torch.Tensor"),
        (torch.full((1, 3, 4, 4), float("nan")), "NaN"),
    ],
)
def test_from_tensor_rejects_bad_input(x, match):
    with pytest.raises(ValueError, match=match):
        Video.from_tensor(x, fps=8)


# -- save / load ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["clip/", "clip"])
def test_png_folder_round_trip_is_exact(tmp_path, name):
    v = Video(shapes_clip(), fps=12.5, metadata={"prompt": "a red circle", "seed": 3})
    out = v.save(str(tmp_path / "nested" / name))
    assert out.is_dir() and (out / "frame_00000.png").exists() and (out / "video.json").exists()
    back = Video.load(out)
    np.testing.assert_array_equal(back.frames, v.frames)
    assert back.fps == 12.5 and back.metadata == v.metadata


def test_png_folder_resave_shorter_drops_stale_frames(tmp_path):
    Video(shapes_clip(), fps=8).save(tmp_path / "f")
    Video(shapes_clip()[:2].copy(), fps=8).save(tmp_path / "f")
    assert Video.load(tmp_path / "f").num_frames == 2


def test_gif_round_trip(tmp_path):
    # Shapes clips have far fewer than 256 colours per frame, so the GIF palette is lossless.
    v = Video(shapes_clip(), fps=7.5, metadata={"k": [1, 2]})
    back = Video.load(v.save(tmp_path / "a.gif"))
    np.testing.assert_array_equal(back.frames, v.frames)
    assert back.fps == 7.5 and back.metadata == {"k": [1, 2]}
    from PIL import Image

    with Image.open(tmp_path / "a.gif") as im:
        assert im.info["loop"] == 0 and im.n_frames == 6


@pytest.mark.parametrize("suffix, min_psnr", [(".mp4", 35.0), (".webm", 35.0)])
def test_lossy_round_trip(tmp_path, suffix, min_psnr):
    clip = smooth_clip()
    meta = {"prompt": 'a "quoted" prompt, é', "seed": 7, "nested": {"x": 1.5}}
    v = Video(clip, fps=8, metadata=meta)
    out = v.save(tmp_path / "sub" / f"a{suffix}")
    assert out == tmp_path / "sub" / f"a{suffix}" and out.is_file()
    assert not list(out.parent.glob(".*partial*")), "temporary file left behind"
    back = Video.load(out)
    assert back.num_frames == 9 and (back.height, back.width) == (32, 48)
    assert back.fps == 8.0 and back.metadata == meta
    assert psnr_db(back.frames, clip) > min_psnr


def test_mp4_keeps_fractional_fps(tmp_path):
    back = Video.load(Video(smooth_clip(t=3), fps=29.97).save(tmp_path / "a.mp4"))
    assert back.fps == 29.97


def test_mp4_odd_size_raises_with_fix(tmp_path):
    v = Video(np.zeros((2, 33, 48, 3), np.uint8), fps=8)
    with pytest.raises(ValueError, match="even"):
        v.save(tmp_path / "odd.mp4")
    assert not (tmp_path / "odd.mp4").exists()
    # webm has no such restriction.
    assert Video.load(v.save(tmp_path / "odd.webm")).height == 33


def test_unsupported_suffix_and_unserialisable_metadata(tmp_path):
    v = Video(np.zeros((1, 8, 8, 3), np.uint8), fps=8)
    with pytest.raises(ValueError, match=r"\.avi"):
        v.save(tmp_path / "a.avi")
    bad = Video(np.zeros((1, 8, 8, 3), np.uint8), fps=8, metadata={"t": torch.zeros(1)})
    with pytest.raises(ValueError, match="JSON"):
        bad.save(tmp_path / "a.gif")


def test_load_errors_name_the_path(tmp_path):
    with pytest.raises(VideoReadError, match="no such file"):
        Video.load(tmp_path / "missing.mp4")
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(b"this is not a video" * 10)
    with pytest.raises(VideoReadError, match="corrupt.mp4"):
        Video.load(corrupt)
    bad_gif = tmp_path / "bad.gif"
    bad_gif.write_bytes(b"GIF89a-nope")
    with pytest.raises(VideoReadError, match="bad.gif"):
        Video.load(bad_gif)
    (tmp_path / "empty").mkdir()
    with pytest.raises(VideoReadError, match="frame_"):
        Video.load(tmp_path / "empty")
    assert issubclass(VideoReadError, ValueError)


def test_foreign_mp4_without_our_metadata(tmp_path):
    import imageio_ffmpeg

    path = tmp_path / "foreign.mp4"
    writer = imageio_ffmpeg.write_frames(str(path), (16, 16), fps=10, macro_block_size=1)
    writer.send(None)
    for _ in range(3):
        writer.send(np.zeros((16, 16, 3), np.uint8))
    writer.close()
    v = Video.load(path)
    assert v.num_frames == 3 and v.fps == pytest.approx(10.0) and v.metadata == {}


def test_to_grid_png(tmp_path):
    from PIL import Image

    v = Video(smooth_clip(t=20), fps=8)
    out = v.to_grid_png(tmp_path / "g" / "grid.png", max_frames=4)
    with Image.open(out) as im:
        assert im.size == (4 * 48 + 3 * 2, 32)
        grid = np.asarray(im)
    np.testing.assert_array_equal(grid[:, :48], v.frames[0])
    np.testing.assert_array_equal(grid[:, -48:], v.frames[-1])
    with pytest.raises(ValueError, match="png"):
        v.to_grid_png(tmp_path / "grid.jpg")


def test_save_returns_path_type(tmp_path):
    assert isinstance(Video(shapes_clip(), fps=8).save(tmp_path / "x.gif"), Path)
