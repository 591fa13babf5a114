"""Evaluation harness: prompt accuracy, compressor round trip, condition fidelity.

Two kinds of "model": the untrained tiny generator (the harness must run end to end on the real
pipeline and produce well-formed reports), and stand-ins whose output is known exactly (ground
truth renders, identity compressors), which check the harness's scoring and bookkeeping.
"""

import json
import math
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from sora_sdk.data import eval_prompts, render_clip
from sora_sdk.eval import (
    HELDOUT_SHAPES_SEED,
    condition_fidelity_markdown,
    PSNR_CAP_DB,
    dominant_colour,
    dominant_colour_accuracy,
    evaluate_compressor,
    evaluate_condition_fidelity,
    evaluate_prompt_accuracy,
    parse_prompt_attributes,
)
from sora_sdk.video import Video

FAST = dict(num_inference_steps=2, progress=False)
SMALL = dict(num_frames=9, height=32, width=32)
PER_OBJECT = ("colour", "shape", "size", "motion")


class RenderingGenerator:
    """Stand-in generator: draws each prompt's objects with the dataset's own renderer.

    `truth` maps a prompt to its objects; prompts not in it are parsed (a missing size becomes
    "small"). `recolour` maps a colour to the one actually drawn, to make known mistakes.
    """

    def __init__(self, truth=None, recolour=None):
        self.truth = truth or {}
        self.recolour = recolour or {}
        self.calls = []

    def generate_batch(self, requests, *, progress=True):
        self.calls.append(len(requests))
        videos = []
        for r in requests:
            objects = self.truth.get(r.prompt) or [
                {**o, "size": o["size"] or "small"} for o in parse_prompt_attributes(r.prompt)
            ]
            recolour = self.recolour
            objects = [{**o, "colour": recolour.get(o["colour"], o["colour"])} for o in objects]
            frames = render_clip(objects, "dark grey", r.num_frames, r.height, r.width)
            videos.append(Video(frames, fps=r.fps, metadata={"seed": r.seed}))
        return videos


class IdentityCompressor:
    """Stand-in compressor whose latent is the video itself (round trip is exact).

    `spoil` lists batch items whose reconstruction is replaced by mid-grey.
    """

    temporal_factor = 4
    device = torch.device("cpu")

    def __init__(self, spoil=()):
        self.spoil = list(spoil)

    def latent_shape(self, num_frames, height, width):
        return (3, 1 + (num_frames - 1) // self.temporal_factor, height, width)

    def encode(self, x):
        return SimpleNamespace(mode=lambda: x)

    def decode(self, z):
        z = z.clone()
        z[[i for i in self.spoil if i < len(z)]] = 0.0  # the warm-up call sees one clip
        return z


# ----------------------------------------------------------------------------------------------
# Prompt accuracy
# ----------------------------------------------------------------------------------------------


def test_prompt_accuracy_end_to_end_on_tiny_generator(tiny_generator):
    report = evaluate_prompt_accuracy(tiny_generator, n=3, seed=1, batch_size=2, **SMALL, **FAST)

    assert [r.prompt for r in report.rows] == [p for p, _ in eval_prompts(3, 1)]
    for name in ("colour", "shape", "size", "motion", "count", "dominant colour"):
        score = report.scores[name]
        assert score.total == 3 and 0 <= score.hits <= 3
        assert 0.0 <= score.accuracy <= 1.0
    assert report.scores["colour"].chance == pytest.approx(1 / 6)
    assert report.scores["shape"].chance == pytest.approx(1 / 3)
    assert report.scores["size"].chance == pytest.approx(1 / 2)
    assert report.scores["motion"].chance == pytest.approx(1 / 5)
    assert report.generation_seconds > 0
    assert report.video_seconds == pytest.approx(3 * 9 / 8.0)
    assert report.video_seconds_per_second == pytest.approx(
        report.video_seconds / report.generation_seconds
    )
    for row in report.rows:
        assert set(row.hits) == {"count", *PER_OBJECT}
        assert row.video is None  # not kept unless asked

    d = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert d["num_prompts"] == 3 and len(d["rows"]) == 3
    assert d["attributes"]["motion"]["total"] == 3
    assert d["settings"]["num_inference_steps"] == 2
    table = report.to_markdown().splitlines()
    assert table[2] == "| attribute | accuracy | correct | chance |"
    assert sum(line.startswith("| ") for line in table) == 1 + 1 + 6 + 1  # header, rule, rows, all
    text = str(report)
    assert text.startswith("Prompt accuracy: 3 prompts, 9x32x32, 2 steps")
    assert "16.7%" in text and "33.3%" in text


def test_seeds_do_not_depend_on_batch_size():
    gen = RenderingGenerator()
    prompts = ["a red circle moving right", "a blue square moving left", "a green ball falling"]
    a = evaluate_prompt_accuracy(gen, prompts, seed=7, batch_size=1, **SMALL, **FAST)
    b = evaluate_prompt_accuracy(gen, prompts, seed=7, batch_size=2, **SMALL, **FAST)
    c = evaluate_prompt_accuracy(gen, prompts, seed=8, batch_size=2, **SMALL, **FAST)
    assert gen.calls == [1, 1, 1, 2, 1, 2, 1]
    assert [r.seed for r in a.rows] == [r.seed for r in b.rows]
    assert [r.seed for r in a.rows] != [r.seed for r in c.rows]


def test_ground_truth_videos_score_100_percent():
    prompts = eval_prompts(12, seed=3)
    gen = RenderingGenerator(truth=dict(prompts))
    report = evaluate_prompt_accuracy(gen, n=12, seed=3, batch_size=5, **FAST)

    for name in ("colour", "shape", "size", "motion", "count", "dominant colour"):
        assert report.scores[name].hits == report.scores[name].total == 12, (name, report)
    assert report.all_correct == 1.0
    for row, (_, objects) in zip(report.rows, prompts):
        assert row.read == [{k: objects[0][k] for k in PER_OBJECT}]
    assert "| all correct | 100.0% | 12/12 | - |" in report.to_markdown()


def test_wrong_colour_is_scored_wrong_and_unasked_attributes_are_not_scored():
    gen = RenderingGenerator(recolour={"red": "blue", "blue": "yellow", "green": "red"})
    prompts = [
        "a red circle moving right",  # no size word
        "a big blue square falling",
        "a small green triangle that stays still",
    ]
    report = evaluate_prompt_accuracy(gen, prompts, keep_videos=True, **SMALL, **FAST)

    # Objects are matched by colour, so a recoloured object fails every attribute it was asked.
    assert (report.scores["colour"].hits, report.scores["colour"].total) == (0, 3)
    assert (report.scores["shape"].hits, report.scores["shape"].total) == (0, 3)
    assert report.scores["size"].total == 2
    assert report.scores["dominant colour"].hits == 0
    assert report.scores["count"].hits == 3  # one object asked, one drawn
    assert [r.dominant_colour for r in report.rows] == ["blue", "yellow", "red"]
    assert [r.read[0]["shape"] for r in report.rows] == ["circle", "square", "triangle"]
    assert all(isinstance(r.video, Video) for r in report.rows)
    assert report.settings["prompts"] == "user"


def test_prompt_input_errors_name_the_fix(tiny_generator):
    with pytest.raises(ValueError, match="names no colour"):
        evaluate_prompt_accuracy(tiny_generator, ["a circle moving left"], **FAST)
    with pytest.raises(ValueError, match="wrap the single prompt"):
        evaluate_prompt_accuracy(tiny_generator, "a red circle", **FAST)
    with pytest.raises(ValueError, match="batch_size"):
        evaluate_prompt_accuracy(tiny_generator, n=2, batch_size=0, **FAST)
    with pytest.raises(TypeError, match="generate_batch"):
        evaluate_prompt_accuracy(object(), n=2, **FAST)
    with pytest.raises(ValueError, match="num_frames"):
        evaluate_prompt_accuracy(RenderingGenerator(), n=1, num_frames=0, **FAST)


def test_dominant_colour():
    red = {"shape": "square", "colour": "red", "size": "large", "motion": "right"}
    small_blue = {"shape": "circle", "colour": "blue", "size": "small", "motion": "static"}
    clip = render_clip([red, small_blue], "black", 5, 32, 32)
    assert dominant_colour(clip) == "red"
    assert dominant_colour(Video(clip, fps=8)) == "red"
    assert dominant_colour(render_clip([], "navy", 3, 32, 32)) is None
    assert dominant_colour_accuracy([clip, clip], ["red", [small_blue]]) == 0.5
    assert dominant_colour_accuracy([clip], [[small_blue, red]]) == 1.0  # either prompted colour
    with pytest.raises(ValueError, match="one per video"):
        dominant_colour_accuracy([clip], ["red", "blue"])


# ----------------------------------------------------------------------------------------------
# Compressor
# ----------------------------------------------------------------------------------------------


def test_compressor_eval_on_untrained_tiny_compressor(tiny_generator):
    report = evaluate_compressor(
        tiny_generator.compressor, n=3, batch_size=2, num_frames=5, height=32, width=32,
        progress=False,
    )
    s = report.summary
    assert report.num_clips == 3 and len(report.ssim) == 3
    # Untrained: finite but poor.
    assert all(math.isfinite(p) for p in report.psnr)
    assert 0 < s["psnr_worst"] <= s["psnr_mean"] < 20
    assert s["ssim_worst"] <= s["ssim_mean"] < 0.5
    assert s["flicker_reconstruction"] > s["flicker_original"]
    assert s["encode_ms_per_clip"] > 0 and s["decode_ms_per_clip"] > 0
    assert report.settings["dataset"] == f"Shapes(seed={HELDOUT_SHAPES_SEED})"
    assert report.settings["num_frames"] == 5
    json.dumps(report.to_dict(), allow_nan=False)
    assert "PSNR mean / worst (dB)" in str(report)
    assert "| SSIM mean / worst |" in report.to_markdown()


def test_identity_round_trip_caps_psnr_and_keeps_means_finite():
    report = evaluate_compressor(
        IdentityCompressor(), n=3, batch_size=3, num_frames=5, height=32, width=32,
        dtype=torch.float32, progress=False,
    )
    assert report.psnr == [PSNR_CAP_DB] * 3
    assert report.summary["psnr_mean"] == PSNR_CAP_DB
    assert report.ssim == pytest.approx([1.0] * 3)
    assert report.flicker_reconstruction == pytest.approx(report.flicker_original)
    assert report.settings["dtype"] == "float32"

    # One exact clip (inf dB) next to a ruined one: the mean is finite and between the two.
    mixed = evaluate_compressor(
        IdentityCompressor(spoil=[1]), n=2, batch_size=2, num_frames=5, height=32, width=32,
        progress=False,
    )
    assert mixed.psnr[0] == PSNR_CAP_DB and mixed.psnr[1] < 20
    assert mixed.summary["psnr_mean"] == pytest.approx((PSNR_CAP_DB + mixed.psnr[1]) / 2)
    assert mixed.summary["psnr_worst"] == mixed.psnr[1]
    json.dumps(mixed.to_dict(), allow_nan=False)


def test_single_frame_clips_have_no_flicker_numbers():
    report = evaluate_compressor(
        IdentityCompressor(), n=2, num_frames=1, height=32, width=32, progress=False
    )
    assert report.summary["flicker_original"] is None and report.jitter_original == []
    assert "flicker" not in str(report) and "PSNR" in str(report)
    json.dumps(report.to_dict(), allow_nan=False)


def test_compressor_eval_on_a_user_dataset():
    clips = [torch.zeros(5, 3, 16, 16), torch.full((5, 3, 16, 16), 0.5)]
    report = evaluate_compressor(IdentityCompressor(), dataset=clips, n=2, progress=False)
    assert report.psnr == [PSNR_CAP_DB] * 2
    assert report.settings["dataset"] == "list" and report.settings["height"] == 16
    with pytest.raises(ValueError, match="n <= 2"):
        evaluate_compressor(IdentityCompressor(), dataset=clips, n=3, progress=False)
    with pytest.raises(ValueError, match=r"\(T, 3, H, W\)"):
        evaluate_compressor(IdentityCompressor(), dataset=[torch.zeros(5, 16, 16)], n=1)


# ----------------------------------------------------------------------------------------------
# Condition fidelity
# ----------------------------------------------------------------------------------------------


class FreezeGenerator:
    """Stand-in generator that copies its conditions and holds the nearest conditioned frame
    everywhere else (as `encode_conditions` fills its canvas)."""

    def __init__(self):
        self.compressor = IdentityCompressor()
        self.dtype = torch.float32

    def generate_batch(self, requests, *, progress=True):
        videos = []
        for r in requests:
            frames = np.zeros((r.num_frames, r.height, r.width, 3), np.uint8)
            known = np.zeros(r.num_frames, bool)
            for cond in r.conditions:
                a = cond.start(r.num_frames)
                frames[a : a + cond.num_frames], known[a : a + cond.num_frames] = cond.frames, True
            idx = np.flatnonzero(known)
            nearest = idx[np.abs(np.arange(r.num_frames)[:, None] - idx[None, :]).argmin(1)]
            videos.append(Video(frames[nearest], fps=r.fps))
        return videos


def test_condition_fidelity_compares_the_conditioned_frames():
    result = evaluate_condition_fidelity(FreezeGenerator(), n=3, batch_size=4, **SMALL, **FAST)
    i2v, ext, fl = result["image_to_video"], result["extension"], result["first_last"]
    assert i2v["condition_frames"] == 1 and ext["condition_frames"] == 5  # 1 + 4*(3-1)//2
    assert fl["condition_frames"] == 2
    for task in (i2v, ext, fl):
        # Condition copied exactly and an exact compressor: both at the cap, no gap.
        assert task["psnr_mean"] == task["ceiling_psnr_mean"] == PSNR_CAP_DB
        assert task["gap_db"] == 0.0
        # Holding a frame while the real object moves is not a perfect continuation.
        assert 10 < task["continuation_psnr_mean"] < PSNR_CAP_DB
    assert result["settings"]["seed"] == HELDOUT_SHAPES_SEED


def test_condition_fidelity_end_to_end_on_tiny_generator(tiny_generator):
    result = evaluate_condition_fidelity(tiny_generator, n=2, batch_size=4, **SMALL, **FAST)
    for task in ("image_to_video", "extension", "first_last"):
        r = result[task]
        assert all(math.isfinite(v) for k, v in r.items() if k != "condition_frames")
        if task != "first_last":
            # The pipeline pins the condition's latents and the compressor is causal, so the
            # conditioned frames come back exactly as the compressor's round trip (bf16 aside).
            assert abs(r["gap_db"]) < 0.5, r
    # first+last's last frame is also decoded from the generated latents before it (the decoder
    # is causal), so its gap is not ~0 by construction; it is finite and the frames are counted.
    assert result["first_last"]["condition_frames"] == 2
    assert result["extension"]["condition_frames"] == 5
    assert result["generation_seconds"] > 0
    json.dumps(result, allow_nan=False)


def test_condition_fidelity_rejects_off_grid_extension(tiny_generator):
    with pytest.raises(ValueError, match="1 \\+ 4\\*k"):
        evaluate_condition_fidelity(tiny_generator, n=1, extension_frames=4, **SMALL, **FAST)
    with pytest.raises(ValueError, match="less than"):
        evaluate_condition_fidelity(tiny_generator, n=1, extension_frames=9, **SMALL, **FAST)


def test_condition_fidelity_off_grid_frame_comes_back_and_its_window_is_held_still():
    # 13 frames = 4 latent frames; frame 7 sits mid-window (pixel frames 5-8), off the 1 + 4k grid.
    result = evaluate_condition_fidelity(FreezeGenerator(), n=3, batch_size=4, num_frames=13, height=32, width=32, **FAST)
    og = result["off_grid"]
    assert og["frame_index"] == 7 and og["condition_frames"] == 1
    assert og["psnr_mean"] == og["ceiling_psnr_mean"] == PSNR_CAP_DB
    # This stand-in holds the whole window still (an exact compressor); the real clips move in it.
    assert og["window_change_generated"] == 0.0 and og["window_change_real"] > 0.5
    assert 10 < og["continuation_psnr_mean"] < PSNR_CAP_DB
    # 9 frames leave no window after it: no off-grid task rather than an empty measurement.
    assert "off_grid" not in evaluate_condition_fidelity(FreezeGenerator(), n=1, **SMALL, **FAST)


def test_condition_fidelity_off_grid_end_to_end_on_tiny_generator(tiny_generator):
    result = evaluate_condition_fidelity(tiny_generator, n=1, num_frames=13, height=32, width=32, **FAST)
    og = result["off_grid"]
    assert og["frame_index"] == 7 and all(math.isfinite(v) for v in og.values())
    assert og["window_change_real"] > 0.5
    table = condition_fidelity_markdown(result)
    assert "one frame off the time grid" in table and "frame 7's latent window is pinned" in table


def test_prompt_accuracy_can_ask_for_enhanced_prompts_and_records_it():
    seen = []

    class Recording(RenderingGenerator):
        def generate_batch(self, requests, *, progress=True):
            seen.extend(r.enhance_prompt for r in requests)
            return super().generate_batch(requests, progress=progress)

    plain = evaluate_prompt_accuracy(Recording(), n=4, batch_size=4, **SMALL, **FAST)
    enhanced = evaluate_prompt_accuracy(Recording(), n=4, batch_size=4, enhance_prompt=True, **SMALL, **FAST)
    assert seen == [False] * 4 + [True] * 4
    assert plain.settings["enhance_prompt"] is False and enhanced.settings["enhance_prompt"] is True


def test_a_prompt_the_safety_gate_blocks_is_a_miss_not_a_crash(tiny_generator):
    prompts = ["a red circle moving right", "a blue square moving left beside a naked woman", "a green ball falling"]
    report = evaluate_prompt_accuracy(tiny_generator, prompts, seed=2, batch_size=2, **SMALL, **FAST)
    assert [r.blocked is not None for r in report.rows] == [False, True, False] and report.blocked == 1
    blocked = report.rows[1]
    assert any("sexual" in reason for reason in blocked.blocked)
    assert blocked.read == [] and blocked.dominant_colour is None
    assert set(blocked.hits) == {"count", "colour", "shape", "motion"}  # what the prompt asks for
    assert not any(blocked.hits.values())  # every attribute it asked for is a miss
    assert all(report.scores[k].total == 3 for k in ("colour", "shape", "motion", "count", "dominant colour"))
    assert report.video_seconds == pytest.approx(2 * 9 / 8.0)  # no video for the blocked prompt
    # The other prompts' rows are those of a run without the blocked one (seeds per prompt, not per batch).
    alone = evaluate_prompt_accuracy(tiny_generator, prompts[:1], seed=2, **SMALL, **FAST)
    assert alone.rows[0].seed == report.rows[0].seed and alone.rows[0].read == report.rows[0].read
    d = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert d["blocked"] == 1 and d["rows"][1]["blocked"] == blocked.blocked
    assert "1 blocked by the safety gate" in report.to_markdown()
    assert "blocked: " in report.to_markdown(per_prompt=True)
