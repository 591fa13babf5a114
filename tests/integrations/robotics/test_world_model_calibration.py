"""calibrate_head: open-loop rollouts of recorded episodes, and a head fitted to them with real labels."""

import types

import numpy as np
import pytest
import torch
from world_model_helpers import tiny_world_model

from sora_sdk.integrations.robotics.world_model_calibration import (
    HeadCalibrationConfig,
    calibrate_head,
    imagine_episodes,
)


def _episodes(n: int, length: int = 6, seed: int = 0) -> list[dict[str, np.ndarray]]:
    """Episodes whose first frame is bright or dark; the real reward of every step is 1 after a
    bright start and 0 after a dark one (a label the head can only read from the frames)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        bright = i % 2 == 0
        frames = np.full((length + 1, 64, 64, 3), 200 if bright else 30, np.uint8)
        frames[1:] = rng.integers(0, 256, (length, 64, 64, 3), dtype=np.uint8)  # the real later frames: noise
        out.append({"frames": frames, "actions": rng.uniform(-1, 1, (length, 2)).astype(np.float32),
                    "rewards": np.full(length, 1.0 if bright else 0.0, np.float32),
                    "terminated": np.zeros(length, bool)})
    return out


def test_imagined_episodes_start_from_the_real_frame_and_follow_the_model():
    still = tiny_world_model(termination_bias=-20.0)  # fresh: predicts its last frame exactly
    eps = _episodes(3, length=5)
    eps[1] = {k: v[:3] if k != "frames" else v[:4] for k, v in eps[1].items()}  # a shorter episode
    imagined = imagine_episodes(still, eps, batch_size=2, generator=torch.Generator().manual_seed(0))
    assert [f.shape for f in imagined] == [(6, 64, 64, 3), (4, 64, 64, 3), (6, 64, 64, 3)]
    for real, fake in zip(eps, imagined):
        # The still model holds the first frame; none of the real (noise) frames leaks in.
        assert (fake == real["frames"][0]).all()

    moving = tiny_world_model(randomised=True)
    gen = lambda: torch.Generator().manual_seed(3)  # noqa: E731
    first = imagine_episodes(moving, eps[:1], generator=gen())[0]
    again = imagine_episodes(moving, eps[:1], generator=gen())[0]
    np.testing.assert_array_equal(first, again)  # seeded: reproducible
    # Frame 1 is one predict_next from a context of K copies of the real first frame and zero
    # actions (the simulator's context after reset), under the recorded first action; the reset
    # draws the K context frames' noise, then the step draws the target's.
    k = moving.config.context_frames
    ctx = torch.from_numpy(eps[0]["frames"][:1]).float().div(127.5).sub(1).permute(0, 3, 1, 2)[:, None].repeat(1, k, 1, 1, 1)
    g = gen()
    ctx_noise = torch.randn(ctx.shape, generator=g)
    pred = moving.predict_next(ctx, torch.zeros(1, k - 1, 2), torch.from_numpy(eps[0]["actions"][:1]), generator=g,
                               context_noise=ctx_noise)
    expected = ((pred.frame + 1) * 127.5).round().clamp(0, 255).to(torch.uint8).permute(0, 2, 3, 1).numpy()[0]
    np.testing.assert_array_equal(first[1], expected)
    assert not (first[1] == first[0]).all()


def test_calibration_fits_the_head_to_real_labels_on_imagined_frames():
    model = tiny_world_model(termination_bias=-20.0)  # the imagined frames all equal the first frame
    dit_before = {k: v.clone() for k, v in model.dit.state_dict().items()}
    model.head.requires_grad_(False)  # as on an EMA copy
    data = types.SimpleNamespace(episodes=_episodes(40))
    report = calibrate_head(model, [data], HeadCalibrationConfig(episodes=40, epochs=30, batch_size=32, holdout=0.2),
                            progress=False)
    assert report.train_transitions == 32 * 6 and report.holdout_transitions == 8 * 6
    # Held-out episodes: the reward (1 after a bright start, 0 after a dark one) is learnt from
    # frames the model imagined, which hold only the first frame's brightness.
    assert report.before_mae > 0.3 and report.after_mae < 0.1, report
    assert report.after_false_success == 0.0
    for k, v in model.dit.state_dict().items():  # only the head moved
        assert torch.equal(v, dit_before[k]), k
    assert not any(p.requires_grad for p in model.head.parameters())  # restored
    assert not model.head.training


def test_calibration_explains_bad_settings():
    data = types.SimpleNamespace(episodes=_episodes(4))
    model = tiny_world_model()
    with pytest.raises(ValueError, match="asks for 10 episodes but the datasets hold 4"):
        calibrate_head(model, [data], HeadCalibrationConfig(episodes=10), progress=False)
    with pytest.raises(ValueError, match="episodes is 0"):
        calibrate_head(model, [data], HeadCalibrationConfig(episodes=0), progress=False)
    with pytest.raises(ValueError, match="leaving none to train on"):
        calibrate_head(model, [data], HeadCalibrationConfig(episodes=1), progress=False)
    with pytest.raises(ValueError, match="extra"):
        HeadCalibrationConfig(episode=3)
