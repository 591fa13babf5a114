import numpy as np
import pytest
import torch

from sora_sdk.conditioning.condition import Condition, encode_conditions, latent_windows
from sora_sdk.models.compressor import VideoCompressor


def test_latent_windows_cover_every_frame_once():
    windows = latent_windows(17, 4)
    assert [list(w) for w in windows[:3]] == [[0], [1, 2, 3, 4], [5, 6, 7, 8]]
    assert sorted(f for w in windows for f in w) == list(range(17))


def test_negative_index_places_last_frame_at_end():
    c = Condition(np.zeros((3, 8, 8, 3), np.uint8), -1)
    assert c.start(17) == 14


@pytest.mark.parametrize(
    "kwargs, err, match",
    [
        (dict(frames=np.zeros((0, 8, 8, 3), np.uint8)), ValueError, "empty"),
        (dict(frames=np.zeros((8, 8, 4), np.uint8)), ValueError, "RGB"),
        (dict(frames=np.zeros((8, 8, 3), np.float32)), ValueError, "uint8"),
        (dict(frames=np.zeros((8, 8, 3), np.uint8), strength=1.5), ValueError, "strength"),
        (dict(frames=np.zeros((8, 8, 3), np.uint8), strength=float("nan")), ValueError, "strength"),
        (dict(frames=np.zeros((8, 8, 3), np.uint8), frame_index=1.0), TypeError, "frame_index"),
        (dict(frames=torch.zeros(1, 8, 8, 3)), TypeError, "from_tensor"),
    ],
)
def test_bad_conditions(kwargs, err, match):
    with pytest.raises(err, match=match):
        Condition(**kwargs)


def test_encode_conditions_pins_the_right_latent_frames():
    torch.manual_seed(0)
    comp = VideoCompressor(latent_channels=4, block_out_channels=(8, 16, 16)).eval()
    img = np.full((16, 16, 3), 200, np.uint8)
    _, mask = encode_conditions([Condition(img, 0)], comp, 9, 16, 16, "cpu")
    assert mask.tolist() == [[True, False, False]]
    _, mask = encode_conditions([Condition(np.stack([img] * 4), -1)], comp, 9, 16, 16, "cpu")
    assert mask.tolist() == [[False, False, True]]
    z, mask = encode_conditions([Condition(np.stack([img] * 5), 0)], comp, 9, 16, 16, "cpu")
    assert mask.tolist() == [[True, True, False]]
    # An on-grid prefix is encoded exactly as the clip alone would be (causality).
    x = torch.full((1, 3, 5, 16, 16), 200 / 127.5 - 1)
    with torch.no_grad():
        torch.testing.assert_close(z[:, :, :2], comp.normalize(comp.encode(x).mode()))
