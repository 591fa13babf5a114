"""PSNR, SSIM and temporal flicker on known inputs."""

import math

import numpy as np
import pytest
import torch

from sora_sdk.data import render_clip
from sora_sdk.eval import psnr, ssim, temporal_flicker, temporal_jitter
from sora_sdk.video import Video


@pytest.fixture
def clip() -> np.ndarray:
    obj = {"shape": "circle", "colour": "red", "size": "large", "motion": "right"}
    return render_clip([obj], "dark grey", num_frames=5, height=32, width=32)


def test_psnr_identical_is_inf(clip):
    assert psnr(clip, clip) == math.inf
    x = Video(clip, fps=8).to_tensor()
    assert psnr(x, x.clone(), data_range=2.0) == math.inf


def test_psnr_known_value():
    a = np.full((2, 8, 8, 3), 100, np.uint8)
    b = a.copy()
    b[..., 0] += 10  # error 10 on a third of the values -> MSE = 100 / 3
    assert psnr(a, b) == pytest.approx(10 * math.log10(255**2 / (100 / 3)), abs=1e-9)
    # Gaussian noise of std sigma gives PSNR ~= 20 log10(range / sigma).
    gen = torch.Generator().manual_seed(0)
    x = torch.zeros(4, 3, 32, 32)
    noisy = x + 0.02 * torch.randn(x.shape, generator=gen)
    assert psnr(x, noisy, data_range=2.0) == pytest.approx(20 * math.log10(2.0 / 0.02), abs=0.1)


def test_psnr_float_needs_data_range_and_like_types(clip):
    x = torch.zeros(1, 3, 4, 4)
    with pytest.raises(ValueError, match="data_range"):
        psnr(x, x)
    with pytest.raises(ValueError, match="like with like"):
        psnr(clip, Video(clip, fps=8).to_tensor())
    with pytest.raises(ValueError, match="Shapes differ"):
        psnr(clip, clip[:2])


def test_ssim_identical_is_one_and_drops_with_noise(clip):
    assert ssim(clip, clip) == pytest.approx(1.0, abs=1e-12)
    rng = np.random.default_rng(0)
    scores = []
    for sigma in (2, 10, 40):
        noisy = np.clip(clip + rng.normal(0, sigma, clip.shape), 0, 255).astype(np.uint8)
        scores.append(ssim(clip, noisy))
    assert 1.0 > scores[0] > scores[1] > scores[2] > 0.0


def test_ssim_layouts_agree(clip):
    noisy = np.clip(clip.astype(int) + 20 * (np.arange(32) % 2)[None, None, :, None], 0, 255)
    noisy = noisy.astype(np.uint8)
    from_numpy = ssim(clip, noisy)
    a, b = Video(clip, fps=8).to_tensor(), Video(noisy, fps=8).to_tensor()
    assert ssim((a + 1) / 2, (b + 1) / 2, data_range=1.0) == pytest.approx(from_numpy, abs=1e-6)
    # A brightness shift keeps structure: SSIM stays high while PSNR is modest.
    shifted = np.clip(clip.astype(int) + 8, 0, 255).astype(np.uint8)
    assert ssim(clip, shifted) > 0.95


def test_ssim_window_must_fit():
    x = np.zeros((1, 8, 8, 3), np.uint8)
    with pytest.raises(ValueError, match="win_size"):
        ssim(x, x)
    assert ssim(x, x, win_size=7) == pytest.approx(1.0)


def test_temporal_flicker_and_jitter():
    still = np.full((4, 8, 8, 3), 50, np.uint8)
    assert temporal_flicker(still) == 0.0 and temporal_jitter(still) == 0.0
    blink = still.copy()
    blink[1::2] = 60  # alternate 50, 60, 50, 60
    assert temporal_flicker(blink) == pytest.approx(10.0)
    assert temporal_jitter(blink) == pytest.approx(20.0)
    fade = np.stack([np.full((8, 8, 3), 10 * t, np.uint8) for t in range(5)])
    assert temporal_flicker(fade) == pytest.approx(10.0) and temporal_jitter(fade) == 0.0
    # Same numbers, in 0-255 levels, from a Video and from a [-1, 1] tensor.
    v = Video(blink, fps=8)
    assert temporal_flicker(v) == pytest.approx(10.0)
    assert temporal_flicker(v.to_tensor()) == pytest.approx(10.0, abs=1e-4)
    with pytest.raises(ValueError, match="2 frames"):
        temporal_flicker(still[:1])
