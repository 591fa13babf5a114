"""Shapes: determinism, tensor format, caption variety, and attributes that match the pixels."""

import re

import numpy as np
import pytest
import torch

from sora_sdk.data import (
    BACKGROUND_RGB,
    COLOUR_RGB,
    EVAL_TEMPLATES,
    MOTIONS,
    SIZE_FRACTION,
    TRAIN_TEMPLATES,
    TWO_OBJECT_TEMPLATES,
    Shapes,
    describe_detailed,
    eval_prompts,
    render_clip,
)
from sora_sdk.data.shapes_language import (
    COLOUR_WORDS,
    MOTION_PHRASES,
    SHAPE_WORDS,
    SIZE_WORDS,
)


def test_vocabulary_is_the_documented_one():
    from sora_sdk.data import COLOURS, SHAPES, SIZES

    assert SHAPES == ("circle", "square", "triangle")
    assert COLOURS == ("red", "green", "blue", "yellow", "purple", "orange")
    assert SIZES == ("small", "large")
    assert MOTIONS == ("left", "right", "up", "down", "static")


def test_palette_is_well_separated():
    cols = np.array(list(COLOUR_RGB.values()), float)
    bgs = np.array(list(BACKGROUND_RGB.values()), float)
    d_obj = np.linalg.norm(cols[:, None] - cols[None], axis=-1) + np.eye(len(cols)) * 1e9
    assert d_obj.min() > 90
    assert np.linalg.norm(cols[:, None] - bgs[None], axis=-1).min() > 135


def test_sample_format_and_determinism():
    ds = Shapes(10, num_frames=9, height=32, width=40, seed=5)
    s = ds[3]
    assert set(s) == {"video", "caption", "attributes", "background", "fps"}
    v = s["video"]
    assert v.shape == (9, 3, 32, 40) and v.dtype == torch.float32
    assert v.min() >= -1 and v.max() <= 1
    assert isinstance(s["caption"], str) and s["caption"]
    assert s["fps"] == 8.0
    # Same (seed, index) -> same sample, from a fresh object and out of order.
    again = Shapes(10, num_frames=9, height=32, width=40, seed=5)[3]
    assert torch.equal(again["video"], v) and again["caption"] == s["caption"]
    assert again["attributes"] == s["attributes"]
    other = Shapes(10, num_frames=9, height=32, width=40, seed=6)[3]
    assert not torch.equal(other["video"], v)
    with pytest.raises(IndexError):
        ds[10]


@pytest.mark.parametrize("t, h, w", [(17, 64, 64), (1, 16, 16), (5, 24, 80), (9, 72, 20)])
def test_any_aspect_ratio_and_length(t, h, w):
    ds = Shapes(4, num_frames=t, height=h, width=w, seed=1)
    for i in range(4):
        s = ds[i]
        assert s["video"].shape == (t, 3, h, w)
        for obj in s["attributes"]:
            half = SIZE_FRACTION[obj["size"]] * min(h, w) / 2
            for x, y in (obj["start"], obj["end"]):
                assert half <= x <= w - half and half <= y <= h - half


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(num_samples=0), "num_samples"),
        (dict(num_samples=1, height=8), "height"),
        (dict(num_samples=1, max_objects=3), "max_objects"),
        (dict(num_samples=1, caption_style="fancy"), "caption_style"),
        (dict(num_samples=1, fps=0), "fps"),
    ],
)
def test_bad_arguments_raise(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Shapes(**kwargs)


def _skeleton(caption: str) -> str:
    """The caption's phrasing with every attribute word replaced by a placeholder."""
    text = caption.lower()
    phrases = [p for pair in MOTION_PHRASES.values() for both in pair for p in both]
    words = [w for table in (SHAPE_WORDS, COLOUR_WORDS, SIZE_WORDS) for ws in table.values() for w in ws]
    for phrase in sorted(phrases, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(phrase)}\b", "<motion>", text)
    for w in sorted(words + list(BACKGROUND_RGB), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(w)}\b", "<w>", text)
    return re.sub(r"\ban?\b", "<a>", text)


def test_caption_variety():
    ds = Shapes(200, num_frames=2, height=16, width=16, seed=0)
    captions = [ds[i]["caption"] for i in range(200)]
    assert len(set(captions)) >= 150
    assert len({_skeleton(c) for c in captions}) >= 25
    assert len(TRAIN_TEMPLATES) + len(TWO_OBJECT_TEMPLATES) >= 30
    # Synonyms are used, not just canonical names.
    joined = " ".join(captions).lower()
    for word in ("disc", "tiny", "sliding to the right", "violet"):
        assert word in joined
    assert any(" while " in c or " and " in c for c in captions)


def test_eval_phrasings_never_appear_in_training():
    assert not set(EVAL_TEMPLATES) & set(TRAIN_TEMPLATES)
    eval_skeletons = {_skeleton(p) for p, _ in eval_prompts(300, seed=0)}
    ds = Shapes(300, num_frames=2, height=16, width=16, seed=0)
    train_skeletons = {_skeleton(ds[i]["caption"]) for i in range(300)}
    assert eval_skeletons and not eval_skeletons & train_skeletons


def test_eval_prompts():
    pairs = eval_prompts(20, seed=3)
    assert len(pairs) == 20 and pairs == eval_prompts(20, seed=3)
    assert pairs != eval_prompts(20, seed=4)
    for prompt, attrs in pairs:
        assert len(attrs) == 1 and set(attrs[0]) == {"shape", "colour", "size", "motion"}
        assert any(w in prompt.lower() for w in COLOUR_WORDS[attrs[0]["colour"]])


def test_detailed_captions():
    ds = Shapes(20, num_frames=3, height=32, width=32, seed=2, caption_style="detailed")
    for i in range(20):
        s = ds[i]
        assert s["caption"] == describe_detailed(s["attributes"], s["background"])
        assert s["caption"].startswith(f"On a {s['background']} background, a")
    obj = {"shape": "circle", "colour": "red", "size": "small", "motion": "right"}
    assert describe_detailed([obj], "dark grey") == (
        "On a dark grey background, a small red circle moves from left to right."
    )
    with pytest.raises(ValueError, match="colour"):
        describe_detailed([obj | {"colour": "pink"}], "black")


def test_attributes_match_the_pixels():
    """Each object's colour is on screen and its centroid moves the way `motion` says."""
    ds = Shapes(40, num_frames=9, height=48, width=64, seed=9, max_objects=1)
    for i in range(40):
        s = ds[i]
        frames = ((s["video"].permute(0, 2, 3, 1) + 1) * 127.5).round().numpy()  # (T, H, W, 3)
        (obj,) = s["attributes"]
        is_obj = np.abs(frames - np.array(COLOUR_RGB[obj["colour"]])).max(-1) <= 2  # (T, H, W)
        assert is_obj[0].sum() > 5 and is_obj[-1].sum() > 5
        ys, xs = np.nonzero(is_obj[0])
        ye, xe = np.nonzero(is_obj[-1])
        dx, dy = xe.mean() - xs.mean(), ye.mean() - ys.mean()
        # The rendered displacement is the attribute displacement (to within a pixel).
        assert dx == pytest.approx(obj["end"][0] - obj["start"][0], abs=1.0)
        assert dy == pytest.approx(obj["end"][1] - obj["start"][1], abs=1.0)
        expected = {"right": (1, 0), "left": (-1, 0), "down": (0, 1), "up": (0, -1), "static": (0, 0)}
        ex, ey = expected[obj["motion"]]
        assert np.sign(round(dx / 4)) == ex and np.sign(round(dy / 4)) == ey
        if obj["motion"] != "static":
            assert max(abs(dx) / 64, abs(dy) / 48) >= 0.28  # far enough to be measured


def test_two_objects_differ_in_colour_and_start_apart():
    ds = Shapes(200, num_frames=3, height=32, width=32, seed=4, two_object_prob=1.0)
    n_two = 0
    for i in range(200):
        attrs = ds[i]["attributes"]
        if len(attrs) == 2:
            n_two += 1
            a, b = attrs
            assert a["colour"] != b["colour"]
            reach = (SIZE_FRACTION[a["size"]] + SIZE_FRACTION[b["size"]]) * 32 / 2
            gap = max(abs(a["start"][0] - b["start"][0]), abs(a["start"][1] - b["start"][1]))
            assert gap >= reach
    assert n_two >= 180
    one = Shapes(50, num_frames=2, height=32, width=32, seed=4, max_objects=1)
    assert all(len(one[i]["attributes"]) == 1 for i in range(50))


def test_render_clip_is_antialiased_and_validates():
    obj = {"shape": "circle", "colour": "blue", "size": "large", "start": (16.3, 16.7), "end": (16.3, 16.7)}
    fr = render_clip([obj], "black", num_frames=1, height=32, width=32)
    assert fr.dtype == np.uint8 and fr.shape == (1, 32, 32, 3)
    colours = {tuple(c) for c in fr.reshape(-1, 3)}
    assert len(colours) > 5  # blends along the edge, not just two colours
    # The soft area matches the disc's analytic area (diameter 0.36 * 32).
    blue = np.array(COLOUR_RGB["blue"], float) - np.array(BACKGROUND_RGB["black"], float)
    cov = ((fr[0].astype(float) - BACKGROUND_RGB["black"]) @ blue) / (blue @ blue)
    assert cov.sum() == pytest.approx(np.pi / 4 * (0.36 * 32) ** 2, rel=0.02)
    with pytest.raises(ValueError, match="colour"):
        render_clip([obj | {"colour": "pink"}], "black", 1, 32, 32)
    with pytest.raises(ValueError, match="background"):
        render_clip([obj], "white", 1, 32, 32)
    with pytest.raises(ValueError, match="start"):
        render_clip([{"shape": "circle", "colour": "red", "size": "small"}], "black", 1, 32, 32)
