"""VideoFolder: validation, probing + its cache, buckets, time resampling, resizing, the sampler.

Probing lives in `sora_sdk.data.video_probe`, the sampler in `sora_sdk.data.bucket_sampler`.
"""

import json
import os
import shutil

import numpy as np
import pytest
import torch
from torch.utils.data import DataLoader

import sora_sdk.data.video_folder as vf
import sora_sdk.data.video_probe as vp
from sora_sdk.data import (
    BucketBatchSampler,
    CaptionsFileError,
    VideoFolder,
    VideoFolderError,
    probe_video,
    render_clip,
)
from sora_sdk.data.video_folder import resize_to_bucket
from sora_sdk.video import Video


def _clip(num_frames, height, width, colour="red"):
    # A large square sliding right: every frame differs, so a frame identifies its index.
    obj = {"shape": "square", "colour": colour, "size": "large",
           "start": (0.25 * width, height / 2), "end": (0.75 * width, height / 2)}
    return render_clip([obj], "navy", num_frames, height, width)


# (file, frames, H, W, fps, expected bucket at fps=8 with the default buckets)
VIDEOS = [
    ("square.mp4", 24, 64, 64, 8.0, (17, 64, 64)),
    ("clips/wide.mp4", 20, 48, 96, 8.0, (17, 48, 80)),
    ("clips/tall.gif", 12, 72, 40, 8.0, (9, 80, 48)),
    ("still", 5, 64, 64, 8.0, (1, 64, 64)),  # PNG folder
    ("fast.mp4", 40, 64, 64, 16.0, (17, 64, 64)),  # 17 frames at 8 fps span 33 source frames
    ("clip.webm", 12, 64, 64, 8.0, (9, 64, 64)),  # webm: no frame count in the header
]
# square.mp4 and fast.mp4 get a second caption: 8 samples from 6 files.
EXTRA_LINES = [("square.mp4", "a red square, again"), ("fast.mp4", "a quick red square")]


def _write_captions(root, rows):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    (root / "captions.jsonl").write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("videos")
    rows = []
    for name, t, h, w, fps, _ in VIDEOS:
        path = root / name
        Video(_clip(t, h, w), fps).save(path if path.suffix else str(path) + "/")
        rows.append({"file": name, "caption": f"a red square in {name}", "source": "test",
                     "score": 0.5})
    rows += [{"file": f, "caption": c} for f, c in EXTRA_LINES]
    _write_captions(root, rows)
    return root


@pytest.fixture(scope="module")
def dataset(folder):
    return VideoFolder(folder, random_clip=False, index_file=None)


def _index_of(ds, path):
    return next(i for i, it in enumerate(ds.items) if it.file == path)


# ----------------------------------------------------------------------------------------------
# Probing
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,frames,height,width,fps,_", VIDEOS)
def test_probe_reports_what_video_load_reads(folder, name, frames, height, width, fps, _):
    info = probe_video(folder / name)
    loaded = Video.load(folder / name)
    assert (info.num_frames, info.height, info.width) == (frames, height, width)
    assert (loaded.num_frames, loaded.height, loaded.width) == (frames, height, width)
    assert info.fps == pytest.approx(fps) and loaded.fps == pytest.approx(fps)


def test_read_frames_decodes_only_up_to_the_last_index(folder, monkeypatch):
    import av
    from PIL import Image

    decoded, opened = [], []
    real_open, real_image_open = av.open, Image.open

    class CountingContainer:  # forwards everything, counts the frames decode() yields
        def __init__(self, *args, **kwargs):
            self._c = real_open(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._c, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._c.close()

        def decode(self, *args, **kwargs):
            for frame in self._c.decode(*args, **kwargs):
                decoded.append(frame.pts)
                yield frame

    monkeypatch.setattr(av, "open", CountingContainer)
    monkeypatch.setattr(Image, "open", lambda p, *a, **k: opened.append(p) or real_image_open(p))
    source = Video.load(folder / "fast.mp4").frames  # (40, 64, 64, 3); decodes all 40
    decoded.clear()
    frames = vp.read_frames(folder / "fast.mp4", [4, 0, 2, 4])
    assert len(decoded) == 5  # frames 0..4 of 40, then it stops
    assert np.array_equal(frames, source[[4, 0, 2, 4]])

    still = Video.load(folder / "still").frames
    opened.clear()
    assert np.array_equal(vp.read_frames(folder / "still", [3]), still[[3]])
    assert [p.name for p in opened] == ["frame_00003.png"]
    with pytest.raises(vp.VideoReadError, match="ended before frame 5"):
        vp.read_frames(folder / "still", [4, 5])


@pytest.mark.parametrize("name", ["gop.mp4", "gop.mkv"])
def test_read_frames_seeks_to_keyframes_and_lands_on_the_right_frames(tmp_path, name):
    import av
    import imageio_ffmpeg

    # A keyframe every 5 frames with B-frames: the clip start is reached by seeking, and the
    # frame index comes from timestamps, so any off-by-one shows up as a pixel mismatch.
    # The mkv header has no frame count, so its probe takes the decode-to-count fallback.
    frames = _clip(40, 64, 64)
    writer = imageio_ffmpeg.write_frames(
        str(tmp_path / name), (64, 64), fps=12, codec="libx264", macro_block_size=1,
        ffmpeg_log_level="error", output_params=["-g", "5", "-bf", "2"],
    )
    writer.send(None)
    for f in frames:
        writer.send(f)
    writer.close()
    with av.open(str(tmp_path / name)) as c:
        full = np.stack([f.to_ndarray(format="rgb24") for f in c.decode(c.streams.video[0])])
    assert probe_video(tmp_path / name) == vp.VideoInfo(40, 12.0, 64, 64)
    indices = [23, 21, 27, 39]
    assert np.array_equal(vp.read_frames(tmp_path / name, indices), full[indices])


def test_index_cache_skips_probing_on_reopen_and_notices_changes(folder, tmp_path, monkeypatch):
    root = tmp_path / "copy"
    shutil.copytree(folder, root)
    calls = []
    real_probe = vp.probe_video

    def counting_probe(path):
        calls.append(os.path.relpath(path, root))
        return real_probe(path)

    monkeypatch.setattr(vp, "probe_video", counting_probe)
    first = VideoFolder(root)
    assert sorted(calls) == sorted(v[0] for v in VIDEOS)  # each file once, despite 2 captions
    assert (root / ".sora_index.json").is_file()

    calls.clear()
    second = VideoFolder(root)
    assert calls == []
    assert second.item_buckets == first.item_buckets

    # A rewritten file (new mtime and size) is probed again; the others still come from the cache.
    Video(_clip(9, 64, 64), 8.0).save(root / "square.mp4")
    calls.clear()
    third = VideoFolder(root)
    assert calls == ["square.mp4"]
    assert third.items[_index_of(third, "square.mp4")].bucket == (9, 64, 64)


# ----------------------------------------------------------------------------------------------
# Buckets and items
# ----------------------------------------------------------------------------------------------


def test_each_video_gets_the_closest_aspect_and_longest_duration(dataset):
    expected = {name: bucket for name, *_, bucket in VIDEOS}
    assert len(dataset) == len(VIDEOS) + len(EXTRA_LINES)
    assert {it.file: it.bucket for it in dataset.items} == expected
    counts = dataset.bucket_counts()
    assert counts[(17, 64, 64)] == 4 and counts[(17, 48, 80)] == 1 and counts[(17, 80, 48)] == 0
    assert sum(counts.values()) == len(dataset)
    assert set(counts) == set(vf.DEFAULT_BUCKETS)


def test_aspect_ratio_comes_before_duration_and_list_order_breaks_ties():
    wide = vp.VideoInfo(num_frames=20, fps=8.0, height=48, width=96)
    assert vf.assign_bucket(wide, [(17, 64, 64), (9, 48, 80), (1, 48, 80)], 8.0) == (9, 48, 80)
    # At 2 fps, 9 frames span 33 source frames (> 20): only the still bucket can be filled.
    assert vf.assign_bucket(wide, [(1, 64, 64), (9, 48, 80)], 2.0) == (1, 64, 64)
    assert vf.assign_bucket(wide, [(1, 64, 64), (9, 48, 80)], 4.0) == (9, 48, 80)  # spans 17
    square = vp.VideoInfo(num_frames=5, fps=8.0, height=64, width=64)
    assert vf.assign_bucket(square, [(1, 48, 80), (1, 80, 48)], 8.0) == (1, 48, 80)  # tie: first
    assert vf.assign_bucket(square, [(9, 64, 64)], 8.0) is None


def test_items_have_bucket_shape_range_and_metadata(dataset):
    for i in range(len(dataset)):
        item = dataset[i]
        t, h, w = item["bucket"]
        assert item["video"].shape == (t, 3, h, w)
        assert item["video"].dtype == torch.float32
        assert -1.0 <= item["video"].min() and item["video"].max() <= 1.0
        assert item["video"].std() > 0.05  # real pixels, not a blank tensor
        assert item["fps"] == 8.0
        assert item["caption"].startswith("a ")
    first = dataset[_index_of(dataset, "clips/wide.mp4")]
    assert first["path"] == "clips/wide.mp4"
    assert first["extra"] == {"source": "test", "score": 0.5}


def test_fps_resampling_takes_every_other_frame_of_a_16fps_source(folder, dataset):
    source = Video.load(folder / "fast.mp4").to_tensor()  # (40, 3, 64, 64), same decoder
    item = dataset[_index_of(dataset, "fast.mp4")]
    assert torch.equal(item["video"], source[0:33:2])

    # Random starts (which seek into the file) keep stride 2, and depend on (seed, epoch, index).
    ds = VideoFolder(folder, random_clip=True, seed=3, index_file=None)
    i = _index_of(ds, "fast.mp4")
    starts = []
    for epoch in range(4):
        ds.set_epoch(epoch)
        x = ds[i]["video"]
        err = (x[:, None] - source[None]).abs().mean(dim=(2, 3, 4))  # (17, 40)
        assert torch.all(err.min(dim=1).values == 0)  # every frame is an exact source frame
        matched = err.argmin(dim=1)
        assert torch.all(matched.diff() == 2)
        starts.append(int(matched[0]))
        assert torch.equal(ds[i]["video"], x)  # same epoch, same clip
    assert all(0 <= s <= 40 - 33 for s in starts) and len(set(starts)) > 1

    native = VideoFolder(folder, fps=None, random_clip=False, index_file=None)
    item = native[_index_of(native, "fast.mp4")]
    assert item["fps"] == 16.0 and torch.equal(item["video"], source[:17])


def test_crop_covers_then_centres_and_letterbox_pads_black(folder, dataset):
    wide = Video.load(folder / "clips/wide.mp4").to_tensor()  # (20, 3, 48, 96)
    crop = dataset[_index_of(dataset, "clips/wide.mp4")]["video"]
    # 48x96 -> bucket 48x80: the height already covers, so crop is exactly the middle 80 columns.
    assert torch.equal(crop, wide[:17, :, :, 8:88])

    boxed = VideoFolder(folder, resize_mode="letterbox", random_clip=False, index_file=None)
    lb = boxed[_index_of(boxed, "clips/wide.mp4")]["video"]  # fit: 48x96 -> 40x80, 4 rows pad
    assert lb.shape == (17, 3, 48, 80)
    assert torch.all(lb[:, :, :4] == -1) and torch.all(lb[:, :, 44:] == -1)
    assert (lb[:, :, 4:44] > -0.9).float().mean() > 0.5  # the picture itself is not padding

    tall = boxed[_index_of(boxed, "clips/tall.gif")]["video"]  # 72x40 -> fit 80x44, 2 cols pad
    assert tall.shape == (9, 3, 80, 48)
    assert torch.all(tall[..., :2] == -1) and torch.all(tall[..., 46:] == -1)
    assert not torch.all(tall[..., 2:46] == -1)


def test_resize_to_bucket_rule_on_a_known_image():
    x = torch.linspace(-1, 1, 20).expand(1, 3, 10, 20).contiguous()  # (1, 3, 10, 20) ramp in x
    crop = resize_to_bucket(x, 10, 10, "crop")
    assert torch.equal(crop, x[..., 5:15])  # scale 1 covers; the centre 10 columns
    boxed = resize_to_bucket(x, 10, 10, "letterbox")  # scale 0.5 -> 5x10, rows padded 2 / 3
    assert torch.all(boxed[:, :, :2] == -1) and torch.all(boxed[:, :, 7:] == -1)
    row = boxed[0, 0, 4]
    assert torch.all(row.diff() > 0)  # the ramp survives the downscale, left to right
    up = resize_to_bucket(x, 40, 40, "crop")  # scale 4 -> 40x80, centre 40 columns
    assert up.shape == (1, 3, 40, 40) and -1 < up.min() and up.max() < 1


def test_too_short_videos_are_skipped_with_a_counting_warning(folder):
    with pytest.warns(UserWarning, match=r"skipped 1 of 8 .*still"):
        ds = VideoFolder(folder, buckets=[(9, 64, 64), (9, 48, 80)], index_file=None)
    assert ds.skipped == ["still"] and len(ds) == 7
    with pytest.raises(VideoFolderError, match="no video is long enough"):
        with pytest.warns(UserWarning):
            VideoFolder(folder, buckets=[(100, 64, 64)], index_file=None)


# ----------------------------------------------------------------------------------------------
# Sampler
# ----------------------------------------------------------------------------------------------


def test_sampler_batches_share_a_bucket_cover_everything_and_follow_the_seed(dataset):
    sampler = BucketBatchSampler(dataset, batch_size=2, seed=1)
    batches = list(sampler)
    assert len(batches) == len(sampler) == 6  # buckets of 4, 1, 1, 1, 1 samples
    assert sorted(i for b in batches for i in b) == list(range(len(dataset)))
    for b in batches:
        assert len({dataset.item_buckets[i] for i in b}) == 1
    assert list(BucketBatchSampler(dataset, batch_size=2, seed=1)) == batches

    orders = set()
    for epoch in range(5):
        sampler.set_epoch(epoch)
        orders.add(tuple(map(tuple, sampler)))
    assert len(orders) > 1 and dataset.epoch == 4  # set_epoch reaches the dataset too
    dataset.set_epoch(0)

    dropped = BucketBatchSampler(dataset, batch_size=2, drop_last=True, shuffle=False)
    # Unshuffled: square (0), fast (4) and their second captions (6, 7) share (17, 64, 64); every
    # other bucket holds one sample, a short batch that drop_last removes.
    assert list(dropped) == [[0, 4], [6, 7]] and len(dropped) == 2


def test_sampler_works_as_a_dataloader_batch_sampler(dataset):
    loader = DataLoader(dataset, batch_sampler=BucketBatchSampler(dataset, batch_size=3, seed=0))
    seen = 0
    for batch in loader:
        n, t, c, h, w = batch["video"].shape
        assert c == 3 and [int(v[0]) for v in batch["bucket"]] == [t, h, w]
        assert len(batch["caption"]) == n
        seen += n
    assert seen == len(dataset)


def test_sampler_gives_each_rank_a_disjoint_equal_share_of_the_epoch(dataset):
    whole = BucketBatchSampler(dataset, batch_size=2, seed=1)
    whole.set_epoch(3)
    everything = list(whole)  # 6 batches: buckets of 4, 1, 1, 1, 1 samples
    dataset.set_epoch(0)
    for epoch in (0, 3):
        ranks = [BucketBatchSampler(dataset, batch_size=2, seed=1, num_replicas=2, rank=r)
                 for r in (0, 1)]
        for s in ranks:
            s.set_epoch(epoch)
        shares = [list(s) for s in ranks]
        assert [len(b) for b in shares] == [len(s) for s in ranks] == [3, 3]
        seen = [sorted(i for b in share for i in b) for share in shares]
        assert not set(seen[0]) & set(seen[1])  # disjoint
        assert sorted(seen[0] + seen[1]) == list(range(len(dataset)))  # and cover everything
        for b in shares[0] + shares[1]:
            assert len({dataset.item_buckets[i] for i in b}) == 1
    # Same (seed, epoch): the ranks split exactly the single-process epoch, strided.
    assert shares == [everything[0::2], everything[1::2]]
    dataset.set_epoch(0)

    # 6 batches over 4 ranks: padded to 8 by repeating the first 2, so every rank takes 2 steps.
    shares = [list(BucketBatchSampler(dataset, batch_size=2, seed=1, num_replicas=4, rank=r))
              for r in range(4)]
    flat = [b for share in shares for b in share]
    everything = list(BucketBatchSampler(dataset, batch_size=2, seed=1))  # epoch 0 order
    assert [len(s) for s in shares] == [2, 2, 2, 2]
    assert sorted(flat) == sorted(everything + everything[:2])  # all once, the first 2 twice
    assert sorted({i for b in flat for i in b}) == list(range(len(dataset)))


def test_sampler_reads_rank_from_torch_distributed_and_checks_it(dataset, monkeypatch):
    import torch.distributed as dist

    single = BucketBatchSampler(dataset, batch_size=2)
    assert (single.num_replicas, single.rank) == (1, 0)  # no process group: one replica
    monkeypatch.setattr(dist, "is_initialized", lambda: True)
    monkeypatch.setattr(dist, "get_world_size", lambda: 2)
    monkeypatch.setattr(dist, "get_rank", lambda: 1)
    sampler = BucketBatchSampler(dataset, batch_size=2, seed=1)
    assert (sampler.num_replicas, sampler.rank) == (2, 1)
    assert list(sampler) == list(BucketBatchSampler(dataset, 2, seed=1, num_replicas=2, rank=1))
    with pytest.raises(ValueError, match=r"rank must be an int in \[0, num_replicas=2\)"):
        BucketBatchSampler(dataset, batch_size=2, rank=2)
    with pytest.raises(ValueError, match="num_replicas must be an int >= 1"):
        BucketBatchSampler(dataset, batch_size=2, num_replicas=0, rank=0)


# ----------------------------------------------------------------------------------------------
# Bad input
# ----------------------------------------------------------------------------------------------


@pytest.fixture()
def small_root(folder, tmp_path):
    shutil.copy(folder / "square.mp4", tmp_path / "ok.mp4")
    (tmp_path / "notes.txt").write_text("not a video")
    (tmp_path / "broken.mp4").write_bytes(b"\x00not really an mp4" * 20)
    return tmp_path


OK = {"file": "ok.mp4", "caption": "a red square"}


@pytest.mark.parametrize(
    "rows,error,pattern",
    [
        ([OK, '{"file": "ok.mp4", "caption": '], CaptionsFileError, r"line 2: not valid JSON"),
        ([OK, {"file": "nope.mp4", "caption": "x"}], CaptionsFileError,
         r"line 2: file 'nope.mp4' not found"),
        ([OK, OK, {"file": "ok.mp4", "caption": "  "}], CaptionsFileError,
         r"line 3: empty or missing 'caption' for 'ok.mp4'"),
        ([{"file": "ok.mp4"}], CaptionsFileError, r"line 1: empty or missing 'caption'"),
        ([OK, ["ok.mp4", "x"]], CaptionsFileError, r"line 2: expected a JSON object"),
        ([OK, {"caption": "x"}], CaptionsFileError, r"line 2: 'file' must be a non-empty path"),
        ([OK, {"file": "notes.txt", "caption": "x"}], CaptionsFileError,
         r"line 2: 'notes.txt' has unsupported suffix '.txt'"),
        ([OK, {"file": "broken.mp4", "caption": "x"}], CaptionsFileError,
         r"line 2: Cannot read video .*broken.mp4"),
        (["", "   "], VideoFolderError, r"has no entries"),
    ],
)
def test_bad_captions_file_names_the_line_and_the_fix(small_root, rows, error, pattern):
    _write_captions(small_root, rows)
    with pytest.raises(error, match=pattern):
        VideoFolder(small_root)


def test_all_bad_lines_are_reported_together(small_root):
    _write_captions(small_root, [OK, "{oops", OK, {"file": "gone.mp4", "caption": "x"}])
    with pytest.raises(CaptionsFileError, match="2 problem") as info:
        VideoFolder(small_root)
    assert "line 2:" in str(info.value) and "line 4: file 'gone.mp4'" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_root_or_captions_and_bad_arguments(small_root, tmp_path):
    with pytest.raises(VideoFolderError, match="not an existing folder"):
        VideoFolder(tmp_path / "nowhere")
    with pytest.raises(VideoFolderError, match=r"captions.jsonl is missing.*\"caption\""):
        VideoFolder(small_root)
    _write_captions(small_root, [OK])
    with pytest.raises(VideoFolderError, match="resize_mode must be 'crop'"):
        VideoFolder(small_root, resize_mode="stretch")
    with pytest.raises(VideoFolderError, match="fps must be a number > 0 or None"):
        VideoFolder(small_root, fps=0)
    with pytest.raises(VideoFolderError, match=r"\(num_frames, height, width\)"):
        VideoFolder(small_root, buckets=[(0, 64, 64)])
    with pytest.raises(ValueError, match="batch_size must be an int >= 1"):
        BucketBatchSampler(VideoFolder(small_root, index_file=None), batch_size=0)
