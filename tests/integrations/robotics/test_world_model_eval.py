"""evaluate_world_model: well-formed numbers on a tiny model, and exact ones on a model that predicts nothing."""

import math

import numpy as np

from sora_sdk.integrations.robotics import WorldModelReport, evaluate_world_model


def test_report_is_well_formed(tiny_world_model_dir):
    report = evaluate_world_model(tiny_world_model_dir, n_episodes=3, horizon=5, batch_sizes=(1, 2), seconds=0.2)
    assert isinstance(report, WorldModelReport) and report.sampling_steps == 1
    for series in (report.psnr, report.ssim, report.psnr_random_actions, report.psnr_static, report.episodes_running):
        assert len(series) == 5
    assert all(math.isfinite(v) and 5 < v < 60 for v in report.psnr + report.psnr_random_actions)
    assert all(-1 <= v <= 1 for v in report.ssim) and report.episodes_running[0] == 3
    assert report.reward_mae >= 0 and 0 <= report.termination_accuracy <= 1 and report.real_terminations >= 0
    assert report.flops_per_env_step > 0 and sorted(report.steps_per_second) == [1, 2]
    assert all(r.wall > 0 and r.cpu > 0 for r in [*report.steps_per_second.values(), report.real_steps_per_second])
    md = report.to_markdown()
    assert "| step | PSNR (dB)" in md and "world model, batch 2" in md and "SoraSDK/Push-v0" in md
    assert len(report.delta_psnr) == 5


def test_a_model_that_predicts_nothing_scores_the_static_baseline_exactly(still_world_model_dir):
    # The fresh model holds the reset frame still, whatever the actions: its PSNR is the static
    # baseline's, ΔPSNR is 0, it never terminates, and episodes end only when the real ones do.
    report = evaluate_world_model(still_world_model_dir, n_episodes=4, horizon=30, batch_sizes=())
    assert report.psnr == report.psnr_static == report.psnr_random_actions
    assert np.allclose(report.delta_psnr, 0.0) and report.steps_per_second == {}
    assert report.psnr[0] > report.psnr[-1]  # the real scene moves away from its start
    assert report.real_terminations > 0  # the scripted policy succeeds within 30 steps
    assert report.episodes_running[-1] < 4 and report.termination_accuracy < 1.0
