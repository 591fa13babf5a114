import math

import pytest
import torch

from sora_sdk.sampling.flow import add_noise, flow_loss, resolution_shift, sample_training_sigmas, shift_sigmas, to_velocity


def test_add_noise_endpoints_and_per_frame_sigma():
    x0, noise = torch.randn(2, 3, 4, 2, 2), torch.randn(2, 3, 4, 2, 2)
    torch.testing.assert_close(add_noise(x0, noise, torch.zeros(2)), x0)
    torch.testing.assert_close(add_noise(x0, noise, torch.ones(2)), noise)
    sigma = torch.tensor([[0.0, 1.0, 0.5, 0.5]] * 2)
    x = add_noise(x0, noise, sigma)
    torch.testing.assert_close(x[:, :, 0], x0[:, :, 0])
    torch.testing.assert_close(x[:, :, 1], noise[:, :, 1])


def test_sample_prediction_converts_to_the_true_velocity():
    x0, noise, sigma = torch.randn(2, 3, 4, 2, 2), torch.randn(2, 3, 4, 2, 2), torch.tensor([0.3, 0.8])
    x_t = add_noise(x0, noise, sigma)
    torch.testing.assert_close(to_velocity(x0, x_t, sigma, "sample"), noise - x0, atol=1e-5, rtol=1e-4)


def test_shift_and_resolution_shift():
    s = torch.tensor([0.0, 0.5, 1.0])
    torch.testing.assert_close(shift_sigmas(s, 3.0), torch.tensor([0.0, 0.75, 1.0]))
    assert resolution_shift(256) == 1.0 and math.isclose(resolution_shift(1024), 2.0)


def test_logit_normal_sigmas_are_centred_and_seeded():
    g = torch.Generator().manual_seed(0)
    s = sample_training_sigmas(20000, generator=g)
    assert 0 < s.min() and s.max() < 1 and abs(s.median().item() - 0.5) < 0.02
    assert torch.equal(sample_training_sigmas(5, generator=torch.Generator().manual_seed(1)), sample_training_sigmas(5, generator=torch.Generator().manual_seed(1)))
    assert sample_training_sigmas(20000, shift=3.0, generator=g).median() > 0.7


def test_loss_mask_ignores_pinned_frames():
    x0, noise = torch.zeros(1, 1, 2, 1, 1), torch.ones(1, 1, 2, 1, 1)
    out = torch.tensor([1.0, 100.0]).view(1, 1, 2, 1, 1)  # exact on frame 0, wild on frame 1
    assert flow_loss(out, x0, noise, "velocity", loss_mask=torch.tensor([[True, False]])) == 0
    assert flow_loss(out, x0, noise, "velocity") > 1000


def test_flow_loss_weights_positions():
    x0, noise = torch.zeros(1, 2, 2, 2, 2), torch.zeros(1, 2, 2, 2, 2)
    out = torch.zeros(1, 2, 2, 2, 2)
    out[0, :, 0, 0, 0] = 1.0  # the only error: one position of frame 0 (velocity target 0)
    plain = flow_loss(out, x0, noise, "velocity")
    w = torch.ones(1, 1, 2, 2, 2)
    assert flow_loss(out, x0, noise, "velocity", weight=w) == plain
    w[0, 0, 0, 0, 0] = 3.0
    torch.testing.assert_close(flow_loss(out, x0, noise, "velocity", weight=w), 3 * plain)
    # Only frame 1 counts: its error is zero whatever the weights.
    assert flow_loss(out, x0, noise, "velocity", loss_mask=torch.tensor([[False, True]]), weight=w) == 0
    with pytest.raises(ValueError, match=r"\(B, 1, T, H, W\)"):
        flow_loss(out, x0, noise, "velocity", weight=torch.ones(1, 2, 2, 2, 2))
