"""Every public path of VideoGenerator releases media only through the safety gate."""

import numpy as np
import pytest

from sora_sdk import ContentBlocked, SafetyFilter
from sora_sdk.data.shapes import render_clip

FAST = dict(num_inference_steps=2, progress=False, num_frames=9)
BLOCKED_PROMPT = "a beheading scene with blood everywhere"


class FlagEverything:
    """A frame classifier that calls every frame violent: any output that reaches it is blocked."""

    def classify(self, frames):
        return {"violence": 1.0}


@pytest.fixture()
def clip():
    obj = {"shape": "circle", "colour": "red", "size": "large", "motion": "right"}
    return render_clip([obj], "dark grey", 9, 64, 64)


def paths(gen, clip, prompt):
    """Each public generation path, as a zero-argument call."""
    return {
        "generate": lambda: gen.generate(prompt, seed=0, **FAST),
        "image_to_video": lambda: gen.image_to_video(clip[0], prompt, seed=0, **FAST),
        "extend": lambda: gen.extend(clip, prompt, 4, num_inference_steps=2, progress=False, window_frames=9),
        "transition": lambda: gen.transition(clip, clip, prompt, seed=0, **FAST),
        "loop": lambda: gen.loop(prompt, seed=0, **FAST),
        "edit": lambda: gen.edit(clip, prompt, strength=0.5, num_inference_steps=2, progress=False),
    }


@pytest.mark.parametrize("path", ["generate", "image_to_video", "extend", "transition", "loop", "edit"])
def test_blocked_prompt_stops_every_path_before_compute(tiny_generator, clip, path):
    calls = []
    original = tiny_generator.transformer.forward
    tiny_generator.transformer.forward = lambda *a, **k: calls.append(1) or original(*a, **k)
    with pytest.raises(ContentBlocked) as err:
        paths(tiny_generator, clip, BLOCKED_PROMPT)[path]()
    assert "violence" in [str(c.value if hasattr(c, "value") else c) for c in err.value.categories]
    assert calls == []  # the denoiser never ran


@pytest.mark.parametrize("path", ["generate", "image_to_video", "extend", "transition", "loop", "edit"])
def test_blocked_frames_stop_every_path(tiny_generator, clip, path):
    gate = SafetyFilter.from_preset("default", frame_classifiers=(FlagEverything(),))
    tiny_generator.safety_filter = gate
    with pytest.raises(ContentBlocked):
        paths(tiny_generator, clip, "a red circle moving right")[path]()


def test_negative_prompt_steering_towards_harm_is_blocked(tiny_generator, monkeypatch):
    # Steering away from clothes and adults is steering towards a nude child.
    calls = []
    monkeypatch.setattr(tiny_generator.transformer, "forward", lambda *a, **k: calls.append(1))
    with pytest.raises(ContentBlocked) as err:
        tiny_generator.generate("a woman lying on a bed", negative_prompt="clothes, clothing, adult", **FAST)
    assert "minors" in [str(c.value if hasattr(c, "value") else c) for c in err.value.categories]
    assert "steers towards: nude, child" in " ".join(err.value.reasons)
    assert calls == []


def test_negative_prompt_below_guidance_one_is_checked_as_a_prompt(tiny_generator):
    # Below 1, guidance mixes the negative prompt into what is generated.
    fast = {**FAST, "guidance_scale": 0.0}
    with pytest.raises(ContentBlocked):
        tiny_generator.generate("a red circle", negative_prompt=BLOCKED_PROMPT, **fast)


def test_negative_prompt_steering_away_from_harm_is_allowed(tiny_generator):
    # The usual clean-output negative prompt names harm; guidance moves away from it.
    video = tiny_generator.generate("a red circle moving right", negative_prompt=BLOCKED_PROMPT + ", gore, nudity",
                                    seed=0, **FAST)
    assert video.frames.shape[0] == 9
    records = [r for r in tiny_generator.safety_filter.audit.records if r["check"] == "negative_prompt"]
    assert records and records[-1]["action"] == "allow"


def test_released_video_is_marked_and_saved_with_provenance(tiny_generator, tmp_path):
    from sora_sdk.safety import verify_file

    video = tiny_generator.generate("a red circle moving right", seed=0, **FAST)
    assert video.metadata["ai_generated"] is True
    report = verify_file(video.save(tmp_path / "out.mp4"))
    assert report["watermark_detected"] and report["c2pa_valid"]


def test_gate_cannot_be_removed(tiny_generator):
    with pytest.raises(TypeError, match="cannot be removed"):
        tiny_generator.safety_filter = None


def test_blocked_save_leaves_no_file(tiny_generator, tmp_path, monkeypatch):
    gate = SafetyFilter.from_preset("default", frame_classifiers=(FlagEverything(),))
    tiny_generator.safety_filter = gate
    with pytest.raises(ContentBlocked):
        tiny_generator.generate("a red circle", seed=0, **FAST).save(tmp_path / "x.mp4")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["extend", "loop"])
def test_assembled_videos_save_through_the_gate(tiny_generator, clip, tmp_path, path):
    from sora_sdk.safety import verify_file

    video = paths(tiny_generator, clip, "a red circle moving right")[path]()
    report = verify_file(video.save(tmp_path / "out.mp4"))
    assert report["c2pa_valid"]
