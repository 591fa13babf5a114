"""Frame-prompt evaluation: seam and trajectory metrics on videos whose answer is known, the
harness on stand-in generators with known behaviour, and one smoke run of each on the tiny model."""

import json
import math

import numpy as np
import pytest

from sora_sdk.data import render_clip
from sora_sdk.data.shapes import Shapes
from sora_sdk.eval import (
    HELDOUT_SHAPES_SEED,
    MIN_TYPICAL_LEVELS,
    analyze_video,
    condition_fidelity_markdown,
    consecutive_differences,
    evaluate_edit,
    evaluate_seams,
    foreground_trajectory,
    measure_seam,
    parse_prompt_attributes,
    trajectory_error,
    trajectory_motion,
)
from sora_sdk.data.shapes_language import describe_detailed
from sora_sdk.video import Video

FAST = dict(num_inference_steps=2, progress=False)
SQUARE = {"shape": "square", "colour": "red", "size": "large"}


def grey_levels(values, size=8) -> np.ndarray:
    """A video whose frame t is flat grey at values[t]."""
    return np.stack([np.full((size, size, 3), v, np.uint8) for v in values])


def heldout(n, **size) -> list[dict]:
    """The held-out one-object clips `evaluate_edit` uses, with their uint8 frames."""
    data = Shapes(n, seed=HELDOUT_SHAPES_SEED, max_objects=1, **size)
    return [{**s, "frames": Video.from_tensor(s["video"], fps=8).frames} for s in (data[i] for i in range(n))]


def square_at(xs, y=16.0, colour="red", size=32) -> np.ndarray:
    """A large square whose centre is at x = xs[t] in frame t (black background)."""
    obj = {**SQUARE, "colour": colour}
    return np.concatenate([render_clip([{**obj, "start": (x, y), "end": (x, y)}], "black", 1, size, size) for x in xs])


# ----------------------------------------------------------------------------------------------
# Seam metrics
# ----------------------------------------------------------------------------------------------


def test_consecutive_differences_known_values():
    assert consecutive_differences(grey_levels([0, 3, 3, 10])).tolist() == [3.0, 0.0, 7.0]
    with pytest.raises(ValueError, match="at least 2 frames"):
        consecutive_differences(grey_levels([5]))


def test_seam_against_typical_change_with_other_seams_excluded():
    # Steps of 2 levels with a jump of 44 at frame 4 and of 48 at frame 6.
    video = grey_levels([0, 2, 4, 6, 50, 52, 100, 102])
    m = measure_seam(video, 4, other_seams=[6])
    assert (m.seam, m.typical, m.ratio) == (44.0, 2.0, 22.0)
    # The median shrugs off one unexcluded jump: diffs [2, 2, 2, 2, 48, 2] -> 2.
    assert measure_seam(video, 4).typical == 2.0
    wrap = measure_seam(Video(video, fps=8), 0, other_seams=[4, 6])  # last frame -> first
    assert (wrap.seam, wrap.ratio) == (102.0, 51.0)


def test_smooth_motion_has_ratio_one_and_a_cut_a_large_one():
    smooth = square_at(np.arange(8, 24, 1.0))  # 1 px per frame, whole path inside the frame
    for index in (1, 5, 12):
        assert measure_seam(smooth, index).ratio == pytest.approx(1.0, abs=1e-9)
    # The same motion, then a cut to a blue square 7 px further on.
    cut = np.concatenate([smooth[:8], square_at(np.arange(22, 26, 1.0), colour="blue")])
    m = measure_seam(cut, 8)
    assert m.typical == pytest.approx(measure_seam(smooth, 8).typical)
    assert m.ratio > 10, m


def test_loop_wrap_is_smooth_only_when_the_video_comes_back():
    there_and_back = square_at([8, 9, 10, 11, 12, 11, 10, 9])  # 9 -> 8 closes the loop
    assert measure_seam(there_and_back, 0).ratio == pytest.approx(1.0, abs=1e-9)
    one_way = square_at(np.arange(8, 16, 1.0))  # wraps from 15 back to 8: a 7 px jump
    assert measure_seam(one_way, 0).ratio > 5


def test_still_video_ratio_uses_the_floor():
    video = grey_levels([100, 100, 100, 101, 101, 101])
    m = measure_seam(video, 3)
    assert (m.seam, m.typical, m.ratio) == (1.0, 0.0, 1.0 / MIN_TYPICAL_LEVELS)


def test_seam_input_errors_name_the_fix():
    video = grey_levels([0, 1, 2, 3])
    with pytest.raises(ValueError, match=r"\[0, 3\]"):
        measure_seam(video, 4)
    with pytest.raises(ValueError, match="other_seams"):
        measure_seam(video, 1, other_seams=[-1])
    with pytest.raises(ValueError, match="at least 3 frames"):
        measure_seam(video[:2], 1)
    with pytest.raises(ValueError, match="uint8"):
        measure_seam(video.astype(np.float32), 1)
    with pytest.raises(ValueError, match="every consecutive pair is a seam"):
        measure_seam(video[:3], 1, other_seams=[2])


# ----------------------------------------------------------------------------------------------
# Tracking and trajectory error
# ----------------------------------------------------------------------------------------------


def test_trajectory_error_zero_on_itself_and_the_shift_on_a_shifted_copy():
    obj = {"shape": "triangle", "colour": "green", "size": "large", "motion": "right"}
    a = render_clip([{**obj, "start": (20, 30), "end": (40, 30)}], "navy", 9, 64, 64)
    b = render_clip([{**obj, "start": (23, 26), "end": (43, 26)}], "navy", 9, 64, 64)  # (+3, -4)
    ta, tb = foreground_trajectory(a), foreground_trajectory(b)
    assert trajectory_error(ta, ta) == 0.0
    np.testing.assert_allclose(tb - ta, np.broadcast_to([3.0, -4.0], ta.shape), atol=1e-4)
    assert trajectory_error(ta, tb) == pytest.approx(5.0, abs=1e-4)
    # Frames missing from either track are skipped; none in common is NaN.
    tb[:4] = np.nan
    assert trajectory_error(ta, tb) == pytest.approx(5.0, abs=1e-4)
    assert math.isnan(trajectory_error(ta[:4], tb[:4]))
    with pytest.raises(ValueError, match="same T"):
        trajectory_error(ta, tb[:3])


def test_foreground_trajectory_is_colour_blind_and_reads_the_direction():
    obj = {"shape": "circle", "size": "large", "start": (32, 14), "end": (32, 48)}
    red = render_clip([{**obj, "colour": "red"}], "dark grey", 9, 64, 64)
    blue = render_clip([{**obj, "colour": "blue"}], "dark grey", 9, 64, 64)
    tr = foreground_trajectory(red)
    np.testing.assert_allclose(tr, foreground_trajectory(blue), atol=0.01)
    np.testing.assert_allclose(tr[:, 0], 32.0, atol=0.01)
    np.testing.assert_allclose(tr[[0, -1], 1], [14.0, 48.0], atol=0.01)
    assert trajectory_motion(tr, 64, 64) == "down"
    # A speck elsewhere loses to the object; a blank frame is NaN and skipped.
    red[:, 2:4, 60:62] = 255
    red[4] = red[4, 0, 0]
    tr2 = foreground_trajectory(red)
    assert np.isnan(tr2[4]).all()
    np.testing.assert_allclose(np.delete(tr2, 4, 0), np.delete(tr, 4, 0), atol=0.01)
    assert trajectory_motion(tr2, 64, 64) == "down"
    assert np.isnan(foreground_trajectory(render_clip([], "black", 3, 32, 32))).all()
    with pytest.raises(ValueError, match=r"\(T, 2\)"):
        trajectory_motion(tr[:, :1], 64, 64)


# ----------------------------------------------------------------------------------------------
# evaluate_seams on stand-in generators
# ----------------------------------------------------------------------------------------------


class SlidingSquareGenerator:
    """Stand-in whose videos are a square moving 1 px per frame (so every step is identical).

    `extend` continues the motion (or, with `jump`, restarts it `jump` px further on); `loop`
    goes there and back so the wrap is one ordinary step. Both report the metadata `extend` and
    `loop` write.
    """

    def __init__(self, jump=0):
        self.jump = jump
        self.compressor = type("C", (), {"temporal_factor": 4})()
        self.calls = []

    def generate(self, prompt, *, num_frames, height, width, seed, **kw):
        self.calls.append(("generate", seed))
        return Video(square_at(7.0 + np.arange(num_frames), size=height), fps=8)

    def extend(self, video, prompt, num_frames, *, window_frames, context_latents, seed, **kw):
        self.calls.append(("extend", seed))
        ctx = 1 + 4 * (context_latents - 1)
        windows = math.ceil(num_frames / (window_frames - ctx))
        t0 = len(video.frames)
        new = square_at(7.0 + self.jump + np.arange(t0, t0 + num_frames), size=video.frames.shape[1])
        meta = {"mode": "extend", "windows": windows, "context_frames": ctx}
        return Video(np.concatenate([video.frames, new]), fps=8, metadata=meta)

    def loop(self, prompt, *, num_frames, height, width, seed, context_latents, **kw):
        self.calls.append(("loop", seed))
        half = num_frames - 1
        xs = 7.0 + np.r_[np.arange(half + 1), np.arange(half - 1, 0, -1)]  # 7..7+half..8, then 7
        return Video(square_at(xs, size=height), fps=8)


def test_seams_of_a_smooth_generator_read_one_and_of_a_jumpy_one_more():
    smooth = evaluate_seams(SlidingSquareGenerator(), n=2, num_frames=9, height=32, width=32, extension_frames=6, **FAST)
    # 9-frame windows with a 5-frame context add 4 frames each: 6 new frames take 2 windows.
    assert smooth.extension.summary["num_seams"] == 4
    for kind in ("extension", "loop_wrap", "loop_join"):
        s = getattr(smooth, kind).summary
        assert s["ratio_mean"] == pytest.approx(1.0, abs=1e-9) and s["ratio_std"] == pytest.approx(0.0, abs=1e-9)
        assert s["typical_mean"] > 1.0
    jumpy = evaluate_seams(SlidingSquareGenerator(jump=6), n=2, num_frames=9, height=32, width=32, **FAST)
    s = jumpy.extension.summary
    assert s["num_seams"] == 2 and s["ratio_min"] > 3
    assert jumpy.loop_wrap.summary["ratio_mean"] == pytest.approx(1.0, abs=1e-9)
    assert jumpy.settings["extension_frames"] == 4 and jumpy.settings["seed"] == HELDOUT_SHAPES_SEED

    d = json.loads(json.dumps(jumpy.to_dict(), allow_nan=False))
    assert len(d["extension"]["per_seam"]) == 2
    table = jumpy.to_markdown().splitlines()
    assert table[2].startswith("| seam | seams | seam diff (levels) |") and len(table) == 7
    assert "extension boundary" in str(jumpy)


def test_seam_seeds_are_reproducible_and_distinct():
    a, b = SlidingSquareGenerator(), SlidingSquareGenerator()
    evaluate_seams(a, n=2, num_frames=9, height=32, width=32, **FAST)
    evaluate_seams(b, n=2, num_frames=9, height=32, width=32, **FAST)
    assert a.calls == b.calls and len({s for _, s in a.calls}) == 6


def test_seam_settings_errors_name_the_fix():
    gen = SlidingSquareGenerator()
    with pytest.raises(ValueError, match=r"context_latents=3 must be in \[1, 2\]"):
        evaluate_seams(gen, n=1, num_frames=9, context_latents=3, **FAST)
    with pytest.raises(ValueError, match="loop_context_latents"):
        evaluate_seams(gen, n=1, num_frames=9, loop_context_latents=0, **FAST)
    with pytest.raises(ValueError, match="extension_frames"):
        evaluate_seams(gen, n=1, num_frames=9, extension_frames=0, **FAST)
    with pytest.raises(ValueError, match="n must be"):
        evaluate_seams(gen, n=0, **FAST)


# ----------------------------------------------------------------------------------------------
# evaluate_edit on a stand-in generator
# ----------------------------------------------------------------------------------------------


class RecolouringGenerator:
    """Stand-in `edit`: 0 returns the video; below 0.7 it paints the object in the prompt's colour
    (exactly, edges included: a pixel bg + a (c - bg) becomes bg + a (c' - bg)); from 0.7 it also
    plays the clip backwards (motion reversed, colour changed)."""

    def __init__(self):
        self.calls = []

    def edit(self, video, prompt, strength, *, seed, **kw):
        self.calls.append((strength, seed))
        frames = video.frames
        if strength == 0:
            return Video(frames.copy(), fps=video.fps)
        from sora_sdk.data.shapes import COLOUR_RGB

        source = analyze_video(frames).objects[0].colour
        target = parse_prompt_attributes(prompt)[0]["colour"]
        bg = np.asarray(frames[0, 0, 0], np.float32)
        c, c2 = np.asarray(COLOUR_RGB[source], np.float32) - bg, np.asarray(COLOUR_RGB[target], np.float32) - bg
        a = ((frames.astype(np.float32) - bg) @ c / (c @ c))[..., None]  # coverage along bg -> source
        out = np.clip(np.rint(bg + a * c2), 0, 255).astype(np.uint8)
        return Video(out[::-1].copy() if strength >= 0.7 else out, fps=video.fps)


def test_edit_metrics_on_a_generator_with_known_behaviour():
    n, size = 6, dict(num_frames=9, height=64, width=64)
    gen = RecolouringGenerator()
    report = evaluate_edit(gen, n=n, strengths=(0.0, 0.5, 0.8), **size, **FAST)
    keep, recolour, reverse = (r.summary for r in report.results)
    samples = heldout(n, **size)
    truth = [s["attributes"][0] for s in samples]
    moving = sum(o["motion"] != "static" for o in truth)
    assert 0 < moving < n  # the check below needs both kinds

    # Strength 0 returns the source: nothing moved, nothing changed.
    assert keep["trajectory_error_px_mean"] == 0.0 and keep["tracked_fraction"] == 1.0
    assert (keep["motion_kept"], keep["colour_changed"], keep["old_colour_gone"]) == (1.0, 0.0, 0.0)
    assert keep["shape_kept"] == keep["size_kept"] == 1.0
    # Recoloured in place: the colour changes, everything else stays.
    assert recolour["trajectory_error_px_worst"] < 0.01  # rounding only: the tracker is colour-blind
    assert recolour["motion_kept"] == recolour["colour_changed"] == recolour["old_colour_gone"] == 1.0
    assert recolour["shape_kept"] == recolour["size_kept"] == 1.0
    # Played backwards: only the still objects keep their motion; the error is the reversal's.
    assert reverse["motion_kept"] == pytest.approx((n - moving) / n)
    assert reverse["colour_changed"] == 1.0
    row = report.results[2].rows[0]
    src = foreground_trajectory(samples[0]["frames"])
    assert row["trajectory_error_px"] == pytest.approx(trajectory_error(src, src[::-1]), abs=0.01)

    # Prompts: the detailed caption of the recoloured object; the same seed at every strength.
    for row, sample in zip(report.results[0].rows, samples):
        obj = sample["attributes"][0]
        assert row["source"] == {k: obj[k] for k in ("colour", "shape", "size", "motion")}
        assert row["target_colour"] != obj["colour"]
        assert row["prompt"] == describe_detailed([{**obj, "colour": row["target_colour"]}], sample["background"])
    seeds = [s for _, s in gen.calls]
    assert seeds[:3] == [seeds[0]] * 3 and len(set(seeds)) == n

    d = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert [s["strength"] for s in d["strengths"]] == [0.0, 0.5, 0.8] and len(d["strengths"][1]["rows"]) == n
    table = report.to_markdown().splitlines()
    assert table[2].startswith("| strength | trajectory error px (mean / worst) | motion kept | new colour read |")
    assert table[5] == f"| 0.5 | {recolour['trajectory_error_px_mean']:.2f} / {recolour['trajectory_error_px_worst']:.2f} | 100% (6/6) | 100% (6/6) | 100% (6/6) | 100% (6/6) | 100% (6/6) |"
    assert str(report).startswith("Edit: 6 held-out one-object Shapes clips recoloured, 9x64x64")


def test_edit_strength_errors_name_the_fix():
    for bad in ((), (0.5, 1.5), "0.5", (True,)):
        with pytest.raises(ValueError, match="strength"):
            evaluate_edit(RecolouringGenerator(), n=1, strengths=bad, **FAST)


# ----------------------------------------------------------------------------------------------
# Condition fidelity table
# ----------------------------------------------------------------------------------------------


def test_condition_fidelity_markdown():
    task = dict(condition_frames=1, psnr_mean=31.5, psnr_worst=29.25, ceiling_psnr_mean=31.75, gap_db=0.25,
                continuation_psnr_mean=22.0)
    result = {"image_to_video": task, "extension": {**task, "condition_frames": 9}, "first_last": {**task, "condition_frames": 2},
              "generation_seconds": 1.0,
              "settings": dict(n=8, num_frames=17, height=64, width=64, num_inference_steps=20, guidance_scale=4.0)}
    lines = condition_fidelity_markdown(result).splitlines()
    assert lines[0].startswith("**Condition fidelity** (PSNR, dB): 8 held-out Shapes clips, 17x64x64, 20 steps")
    assert lines[4] == "| image to video | 1 | 31.50 / 29.25 | 31.75 | 0.25 | 22.00 |"
    assert lines[5].startswith("| extension | 9 |") and lines[6].startswith("| first + last frame | 2 |")
    with pytest.raises(ValueError, match="evaluate_condition_fidelity"):
        condition_fidelity_markdown({"psnr": 30})


# ----------------------------------------------------------------------------------------------
# The real pipeline (tiny, untrained)
# ----------------------------------------------------------------------------------------------


def test_seams_end_to_end_on_tiny_generator(tiny_generator):
    report = evaluate_seams(tiny_generator, n=1, num_frames=9, height=32, width=32, **FAST)
    assert report.settings["extension_frames"] == 4 and report.settings["extension_context_frames"] == 5
    for kind in ("extension", "loop_wrap", "loop_join"):
        (m,) = getattr(report, kind).measurements
        assert math.isfinite(m.seam) and m.seam > 0
        # An untrained model's frames change everywhere: many levels per frame, not a still video.
        assert m.typical > 1.0
        assert m.ratio == pytest.approx(m.seam / m.typical)
    # Wrap and join are measured on the same loop, each excluding both seams: one typical change.
    assert report.loop_wrap.measurements[0].typical == report.loop_join.measurements[0].typical
    assert report.generation_seconds > 0
    json.dumps(report.to_dict(), allow_nan=False)


def test_edit_end_to_end_on_tiny_generator(tiny_generator):
    report = evaluate_edit(tiny_generator, n=1, strengths=(0.0, 0.6), num_frames=9, height=32, width=32, **FAST)
    assert [r.strength for r in report.results] == [0.0, 0.6]
    rows = [r.rows[0] for r in report.results]
    assert rows[0]["prompt"] == rows[1]["prompt"] and rows[0]["seed"] == rows[1]["seed"]
    for row in rows:
        assert row["target_colour"] != row["source"]["colour"]
        assert 0.0 <= row["tracked_fraction"] <= 1.0
        assert row["colour_changed"] == (row["target_colour"] in row["colours_read"])
        assert row["old_colour_gone"] == (row["source"]["colour"] not in row["colours_read"])
        err = row["trajectory_error_px"]
        assert err is None or 0.0 <= err < 32 * math.sqrt(2)
    # Strength 0 is the compressor round trip alone: the edit at 0 equals tiny's own round trip.
    frames = heldout(1, num_frames=9, height=32, width=32)[0]["frames"]
    again = tiny_generator.edit(frames, rows[0]["prompt"], strength=0.0, seed=rows[0]["seed"], **FAST)
    expected = trajectory_error(foreground_trajectory(frames), foreground_trajectory(again))
    got = rows[0]["trajectory_error_px"]
    assert (got is None and math.isnan(expected)) or got == pytest.approx(expected)
    json.dumps(report.to_dict(), allow_nan=False)


def test_cli_eval_frame_prompts_flag(tiny_generator, tmp_path, monkeypatch, capsys):
    import functools

    import sora_sdk.eval as ev
    from sora_sdk.cli import main

    # The CLI evaluates at the models' native 17x64x64; shrink every evaluation for the tiny model
    # and keep what each returns, to replay it below.
    small = dict(num_frames=9, height=32, width=32)
    returned = {}

    def kept(name, fn):
        def run(*args, **kwargs):
            returned[name] = fn(*args, **kwargs)
            return returned[name]
        return run

    for name, extra in (("evaluate_prompt_accuracy", {}), ("evaluate_seams", {}), ("evaluate_edit", {}),
                        ("evaluate_compressor", {"n": 1}), ("evaluate_condition_fidelity", {"n": 1})):
        monkeypatch.setattr(ev, name, kept(name, functools.partial(getattr(ev, name), **small, **extra)))
    model = str(tiny_generator.save_pretrained(tmp_path / "model"))
    common = ["eval", "--model", model, "--n", "1", "--steps", "2"]

    assert main([*common, "--frame-prompts", "--frame-prompts-n", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"prompt_accuracy", "compressor", "conditions", "seams", "edit"} <= set(out)
    assert out["seams"]["extension"]["num_seams"] == 1 and out["seams"]["settings"]["n"] == 1
    assert out["seams"] == json.loads(json.dumps(returned["evaluate_seams"].to_dict()))
    assert [s["strength"] for s in out["edit"]["strengths"]] == [0.0, 0.4, 0.6, 0.8]
    assert out["conditions"]["first_last"]["condition_frames"] == 2

    # Without the flag (same results replayed, no compute): tables, and no seams or edits.
    for name, value in returned.items():
        monkeypatch.setattr(ev, name, lambda *a, _v=value, **k: _v)
    for name in ("evaluate_seams", "evaluate_edit"):
        monkeypatch.setattr(ev, name, lambda *a, **k: pytest.fail("ran without --frame-prompts"))
    assert main(common) == 0
    text = capsys.readouterr().out
    assert "| image to video | 1 |" in text and "**Seams**" not in text and "**Edit" not in text
    for name in ("evaluate_seams", "evaluate_edit"):
        monkeypatch.setattr(ev, name, lambda *a, _v=returned[name], **k: _v)
    assert main([*common, "--frame-prompts"]) == 0
    text = capsys.readouterr().out
    assert returned["evaluate_seams"].to_markdown() in text and returned["evaluate_edit"].to_markdown() in text
