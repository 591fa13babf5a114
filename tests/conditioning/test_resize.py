import numpy as np
import pytest

from sora_sdk.conditioning.resize import resize_frames


def test_crop_covers_and_centres():
    # Left half red, right half blue, 32x64 -> 32x32 crop keeps the centre columns (both colours).
    f = np.zeros((1, 32, 64, 3), np.uint8)
    f[..., :32, 0] = 255
    f[..., 32:, 2] = 255
    out = resize_frames(f, 32, 32, "crop")
    assert out.shape == (1, 32, 32, 3)
    assert out[0, :, :15, 0].min() == 255 and out[0, :, 17:, 2].min() == 255


def test_letterbox_fits_and_pads_black():
    f = np.full((2, 32, 64, 3), 200, np.uint8)
    out = resize_frames(f, 32, 32, "letterbox")
    assert out.shape == (2, 32, 32, 3)
    assert out[:, :8].max() == 0 and out[:, -8:].max() == 0  # bars top and bottom
    assert out[:, 8:24].min() >= 199


def test_same_size_is_untouched_and_bad_mode_raises():
    f = np.random.default_rng(0).integers(0, 255, (1, 8, 8, 3), dtype=np.uint8)
    assert resize_frames(f, 8, 8, "crop") is f
    with pytest.raises(ValueError, match="unknown"):
        resize_frames(f, 4, 4, "stretch")
