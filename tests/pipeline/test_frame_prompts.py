"""Image/video prompt modes on a tiny generator: shapes, where the conditions land, bad input."""

import numpy as np
import pytest

from sora_sdk.data.shapes import render_clip
from sora_sdk.eval.metrics import psnr

FAST = dict(num_inference_steps=2, progress=False)


@pytest.fixture()
def clip():
    obj = {"shape": "square", "colour": "blue", "size": "large", "motion": "right"}
    return render_clip([obj], "black", 17, 64, 64)


def roundtrip(gen, frames):
    """What the compressor makes of these frames alone (the ceiling for a pinned condition)."""
    import torch

    x = torch.from_numpy(frames).permute(3, 0, 1, 2)[None].float() / 127.5 - 1
    with torch.no_grad(), torch.autocast("cpu", dtype=gen.dtype):
        y = gen.compressor.decode(gen.compressor.encode(x).mode()).float()
    return ((y[0].clamp(-1, 1) + 1) * 127.5).round().permute(1, 2, 3, 0).numpy().astype(np.uint8)


def test_image_to_video_first_and_last(tiny_generator, clip):
    v = tiny_generator.image_to_video(clip[0], "a blue square", seed=0, **FAST)
    assert v.frames.shape == (17, 64, 64, 3)
    assert psnr(v.frames[:1], roundtrip(tiny_generator, clip[:1])) > 36
    v2 = tiny_generator.image_to_video(clip[0], "a blue square", last_image=clip[-1], seed=0, **FAST)
    assert psnr(v2.frames[:1], roundtrip(tiny_generator, clip[:1])) > 36
    assert v2.metadata["num_conditions"] == 2


def test_extend_forward_keeps_original_and_adds_exactly(tiny_generator, clip):
    out = tiny_generator.extend(clip, "a blue square", 30, seed=0, **FAST)
    assert out.num_frames == 17 + 30
    assert np.array_equal(out.frames[:17], clip)  # the original frames are returned untouched
    assert out.metadata["windows"] == 3  # 12 new frames per 17-frame window with a 5-frame context


def test_extend_backward_prepends(tiny_generator, clip):
    out = tiny_generator.extend(clip, "a blue square", 6, direction="backward", seed=0, **FAST)
    assert out.num_frames == 23 and np.array_equal(out.frames[6:], clip)


def test_transition_pins_both_ends(tiny_generator, clip):
    other = clip[::-1].copy()
    v = tiny_generator.transition(clip, other, "a blue square", seed=0, **FAST)
    assert psnr(v.frames[:1], roundtrip(tiny_generator, clip[-1:])) > 36
    assert v.metadata["context_frames"] == [1, 4]


def test_loop_length(tiny_generator):
    v = tiny_generator.loop("a blue square", seed=0, num_frames=9, **FAST)
    assert v.num_frames == 9 + (9 - 1 - 4)


def test_edit_strength_zero_returns_round_trip(tiny_generator, clip):
    v = tiny_generator.edit(clip, "a red square", strength=0.0, **FAST)
    assert psnr(v.frames, roundtrip(tiny_generator, clip)) > 36
    assert v.metadata["edit_strength"] == 0.0


def test_condition_resize_rules(tiny_generator, clip):
    wide = np.concatenate([clip[0], clip[0]], axis=1)  # 64 x 128
    with pytest.raises(ValueError, match="resize_conditions"):
        tiny_generator.image_to_video(wide, "a", height=64, width=64, **FAST)
    for mode in ("crop", "letterbox"):
        v = tiny_generator.image_to_video(wide, "a", height=64, width=64, resize_conditions=mode, seed=0, **FAST)
        assert v.frames.shape == (17, 64, 64, 3) and v.metadata["resize_conditions"] == mode


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda g, c: g.extend(c, "a", 0), "positive int"),
        (lambda g, c: g.extend(c, "a", 4, direction="sideways"), "direction"),
        (lambda g, c: g.extend(c, "a", 4, context_latents=5), "context_latents"),
        (lambda g, c: g.extend(c[:3], "a", 4), "context needs 5"),
        (lambda g, c: g.extend(c, "a", 4, window_frames=10), "num_frames=10"),
        (lambda g, c: g.edit(c, "a", strength=1.5), "strength"),
        (lambda g, c: g.image_to_video(c[:2], "a"), "single frame"),
        (lambda g, c: g.image_to_video(np.zeros((0, 64, 64, 3), np.uint8), "a"), "uint8 frames"),
        (lambda g, c: g.image_to_video(c[0].astype(np.float32), "a"), "uint8"),
        (lambda g, c: g.transition(c, c, "a", num_frames=5), "nothing to generate"),
    ],
)
def test_bad_inputs(tiny_generator, clip, call, match):
    with pytest.raises(ValueError, match=match):
        call(tiny_generator, clip)


def test_partial_strength_must_cover_video(tiny_generator, clip):
    from sora_sdk import Condition

    with pytest.raises(ValueError, match="must cover every frame"):
        tiny_generator.generate("a", conditions=[Condition(clip[:5], 0, 0.5)], seed=0, **FAST)
    with pytest.raises(ValueError, match="share one strength"):
        tiny_generator.generate("a", conditions=[Condition(clip[:5], 0, 0.5), Condition(clip[5:], 5, 0.4)], seed=0, **FAST)
