"""Foreground weights: objects on a plain background get the loss weight, the background less."""

import pytest
import torch

from sora_sdk.training.foreground import foreground_mask, foreground_weights


def _clip_with_object(b: int = 2) -> torch.Tensor:
    # (B, C, T, H, W) latents: a constant background and a 2x2 "object" moving right one position
    # per latent frame, plus a little noise everywhere.
    g = torch.Generator().manual_seed(0)
    x = torch.full((b, 4, 3, 8, 8), 0.5) + 0.01 * torch.randn(b, 4, 3, 8, 8, generator=g)
    for t in range(3):
        x[:, :, t, 3:5, 1 + t : 3 + t] += torch.tensor([2.0, -1.0, 1.0, 0.5])[:, None, None]
    return x


def test_mask_is_the_object_grown_by_one_position_in_space_only():
    m = foreground_mask(_clip_with_object())
    assert m.shape == (2, 1, 3, 8, 8)
    for t in range(3):
        expected = torch.zeros(8, 8)
        expected[2:6, t : 4 + t] = 1  # the 2x2 object and a ring of one position around it
        assert torch.equal(m[0, 0, t], expected), t
    assert torch.equal(m[0], m[1])


def test_weights_have_mean_one_and_favour_the_object():
    x = _clip_with_object()
    w = foreground_weights(x, 3.0)
    torch.testing.assert_close(w.mean(dim=(1, 2, 3, 4)), torch.ones(2))
    fg, bg = w[0, 0, 0, 3, 2].item(), w[0, 0, 0, 7, 7].item()
    assert fg == pytest.approx(4 * bg)  # 1 + 3 against 1, before the common normalisation
    assert torch.equal(foreground_weights(x, 0.0), torch.ones_like(w))


def test_a_clip_without_objects_gets_uniform_weights():
    x = torch.full((1, 4, 2, 4, 4), 0.3)
    assert foreground_mask(x).sum() == 0
    assert torch.equal(foreground_weights(x, 5.0), torch.ones(1, 1, 2, 4, 4))


def test_bad_inputs_are_rejected():
    with pytest.raises(ValueError, match=r"\(B, C, T, H, W\)"):
        foreground_mask(torch.zeros(4, 2, 8, 8))
    with pytest.raises(ValueError, match="threshold"):
        foreground_mask(torch.zeros(1, 4, 2, 8, 8), threshold=1.5)
    with pytest.raises(ValueError, match="weight"):
        foreground_weights(torch.zeros(1, 4, 2, 8, 8), -1.0)
