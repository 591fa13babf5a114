"""Attribute analyzer: reads Shapes renderings back, parses prompts, scores readings."""

from collections import Counter

import numpy as np
import pytest

from sora_sdk.data import Shapes, eval_prompts, render_clip
from sora_sdk.eval import (
    ObjectReading,
    VideoReading,
    analyze_video,
    parse_prompt_attributes,
    score_reading,
)
from sora_sdk.video import Video

KEYS = ("colour", "shape", "size", "motion")


def accuracy(ds: Shapes, n: int, corrupt=None) -> dict[str, float]:
    """Fraction of clips where each attribute (and the count) is read back correctly."""
    hits, total = Counter(), Counter()
    for i in range(n):
        objects, background, _ = ds.sample_layout(i)
        frames = render_clip(objects, background, ds.num_frames, ds.height, ds.width)
        if corrupt is not None:
            frames = corrupt(frames)
        for key, ok in score_reading(analyze_video(frames), objects).items():
            hits[key] += ok
            total[key] += 1
    return {k: hits[k] / total[k] for k in total}


@pytest.mark.parametrize("size", [64, 32])
def test_reads_back_shapes_clips(size):
    ds = Shapes(100, num_frames=17, height=size, width=size, seed=123)
    acc = accuracy(ds, 100)
    assert set(acc) == {"count", *KEYS}
    for key, value in acc.items():
        assert value >= 0.95, (key, acc)


def test_reads_back_other_aspect_ratios():
    acc = accuracy(Shapes(40, num_frames=9, height=32, width=80, seed=5), 40)
    assert min(acc.values()) >= 0.95, acc


def test_robust_to_noise_and_blur():
    from scipy.ndimage import gaussian_filter

    rng = np.random.default_rng(0)

    def corrupt(frames):
        soft = gaussian_filter(frames.astype(float), (0, 0.7, 0.7, 0))
        return np.clip(soft + rng.normal(0, 10, frames.shape), 0, 255).astype(np.uint8)

    acc = accuracy(Shapes(30, num_frames=9, height=48, width=48, seed=8), 30, corrupt)
    assert min(acc.values()) >= 0.9, acc


def test_robust_to_h264(tmp_path):
    def corrupt(frames):
        return Video.load(Video(frames, fps=8).save(tmp_path / "c.mp4")).frames

    acc = accuracy(Shapes(12, num_frames=9, height=64, width=64, seed=2), 12, corrupt)
    assert min(acc.values()) >= 0.9, acc


def test_reading_details():
    obj = {"shape": "square", "colour": "green", "size": "large", "start": (20, 30), "end": (44, 30)}
    frames = render_clip([obj], "dark grey", num_frames=9, height=64, width=64)
    reading = analyze_video(Video(frames, fps=8))  # a Video works as well as raw frames
    assert reading.count == 1 and reading.background == (64, 64, 64)
    (o,) = reading.objects
    assert (o.colour, o.shape, o.size, o.motion) == ("green", "square", "large", "right")
    assert o.area == pytest.approx((0.36 * 64) ** 2, rel=0.03)
    assert o.trajectory.shape == (9, 2)
    np.testing.assert_allclose(o.trajectory[0], (20, 30), atol=0.3)
    np.testing.assert_allclose(o.trajectory[-1], (44, 30), atol=0.3)


def test_empty_video_and_bad_input():
    empty = np.full((5, 32, 32, 3), 40, np.uint8)
    reading = analyze_video(empty)
    assert reading.count == 0 and reading.objects == []
    with pytest.raises(ValueError, match="from_tensor"):
        analyze_video(empty.astype(np.float32))
    with pytest.raises(ValueError, match="shape"):
        analyze_video(empty[0])


def test_a_blob_in_one_frame_is_not_an_object():
    frames = render_clip(
        [{"shape": "circle", "colour": "red", "size": "small", "motion": "static"}], "black", 9, 32, 32
    )
    frames[4, 2:8, 2:8] = (30, 80, 240)  # a blue flash in one frame only
    reading = analyze_video(frames)
    assert [o.colour for o in reading.objects] == ["red"] and reading.count == 1


# -- prompts --------------------------------------------------------------------------------------


def canonical(objects):
    return [{k: o[k] for k in KEYS} for o in objects]


@pytest.mark.parametrize("style", ["varied", "detailed"])
def test_parse_recovers_dataset_captions(style):
    ds = Shapes(300, num_frames=1, height=16, width=16, seed=1, caption_style=style)
    for i in range(300):
        s = ds[i]
        assert parse_prompt_attributes(s["caption"]) == canonical(s["attributes"]), s["caption"]


def test_parse_recovers_held_out_phrasings():
    for prompt, attrs in eval_prompts(200, seed=0):
        assert parse_prompt_attributes(prompt) == canonical(attrs), prompt


@pytest.mark.parametrize(
    "prompt, expected",
    [
        ("Moving right: a small red circle", [("red", "circle", "small", "right")]),
        ("a violet ball that sinks", [("purple", "circle", None, "down")]),
        ("A big orange box stays still", [("orange", "square", "large", "static")]),
        (
            "a tiny green wedge goes from the right to the left and a huge blue disc rises",
            [("green", None, "small", "left"), ("blue", "circle", "large", "up")],
        ),
        ("a yellow triangle", [("yellow", "triangle", None, None)]),
        ("a bright light on a grey background", []),
    ],
)
def test_parse_free_text(prompt, expected):
    got = parse_prompt_attributes(prompt)
    assert [tuple(o[k] for k in KEYS) for o in got] == expected


# -- scoring --------------------------------------------------------------------------------------


def reading_of(*objects, count=None):
    objs = [ObjectReading(*o, area=10.0, trajectory=np.zeros((2, 2))) for o in objects]
    return VideoReading(objects=objs, count=len(objs) if count is None else count, background=(0, 0, 0))


def test_score_matches_objects_by_colour():
    reading = reading_of(("blue", "square", "large", "up"), ("red", "circle", "small", "left"))
    expected = [
        {"colour": "red", "shape": "circle", "size": "small", "motion": "left"},
        {"colour": "blue", "shape": "square", "size": "small", "motion": "up"},
    ]
    assert score_reading(reading, expected) == {
        "count": True, "colour": True, "shape": True, "size": False, "motion": True
    }


def test_score_missing_object_and_wrong_count():
    reading = reading_of(("red", "circle", "small", "left"))
    expected = [
        {"colour": "red", "shape": "circle", "size": "small", "motion": "left"},
        {"colour": "green", "shape": "circle", "size": None, "motion": None},
    ]
    assert score_reading(reading, expected) == {
        "count": False, "colour": False, "shape": False, "size": True, "motion": True
    }


def test_score_without_colour_uses_the_only_object():
    reading = reading_of(("red", "circle", "small", "left"))
    expected = [{"colour": None, "shape": "circle", "size": None, "motion": "right"}]
    assert score_reading(reading, expected) == {"count": True, "shape": True, "motion": False}
