import pytest
import torch

from sora_sdk.data.shapes import Shapes
from sora_sdk.models.compressor import VideoCompressor

TINY = dict(latent_channels=4, block_out_channels=(8, 16, 16), spatial_factor=4, temporal_factor=4, patch_size=2)


@pytest.fixture()
def compressor():
    torch.manual_seed(0)
    return VideoCompressor(**TINY).eval()


def test_latent_shape_follows_factors(compressor):
    x = torch.randn(2, 3, 17, 32, 48)
    z = compressor.encode(x).mode()
    assert z.shape == (2, 4, 5, 8, 12)
    assert compressor.latent_shape(17, 32, 48) == (4, 5, 8, 12)
    assert compressor.decode(z).shape == x.shape


def test_single_image_is_a_one_frame_video(compressor):
    # Causality: frame 0 is encoded on its own, so an image's latent equals a video's first latent.
    x = torch.randn(1, 3, 9, 16, 16)
    with torch.no_grad():
        z_video = compressor.encode(x).mode()
        z_image = compressor.encode(x[:, :, :1]).mode()
    assert z_image.shape[2] == 1
    torch.testing.assert_close(z_image, z_video[:, :, :1])


def test_future_frames_do_not_change_past_latents(compressor):
    x = torch.randn(1, 3, 9, 16, 16)
    y = x.clone()
    y[:, :, 5:] = torch.randn_like(y[:, :, 5:])  # change frames 5.. (latent frames 2..)
    with torch.no_grad():
        zx, zy = compressor.encode(x).mode(), compressor.encode(y).mode()
    torch.testing.assert_close(zx[:, :, :2], zy[:, :, :2])
    assert not torch.allclose(zx[:, :, 2:], zy[:, :, 2:])


def test_chunked_encode_and_decode_are_exact(compressor):
    x = torch.randn(1, 3, 25, 16, 16)
    with torch.no_grad():
        z = compressor.encode(x).mode()
        torch.testing.assert_close(compressor.encode(x, chunk_frames=8).mode(), z, atol=1e-5, rtol=1e-5)
        full = compressor.decode(z)
        torch.testing.assert_close(compressor.decode(z, chunk_frames=2), full, atol=1e-5, rtol=1e-5)


def test_tiled_decode_matches_shape_and_blends(compressor):
    z = torch.randn(1, 4, 2, 12, 12)
    with torch.no_grad():
        full = compressor.decode(z)
        tiled = compressor.decode(z, tile_size=8, tile_overlap=4)
    assert tiled.shape == full.shape
    assert torch.isfinite(tiled).all()


def test_normalize_round_trip_and_fit_stats(compressor):
    x = torch.randn(4, 3, 5, 16, 16)
    mean, std = compressor.fit_latent_stats(x)
    assert len(mean) == 4 and all(s > 0 for s in std)
    z = compressor.encode(x).mode()
    zn = compressor.normalize(z)
    assert zn.mean().abs() < 0.1 and (zn.std() - 1).abs() < 0.2
    torch.testing.assert_close(compressor.denormalize(zn), z, atol=1e-5, rtol=1e-5)


def test_save_load_round_trip(compressor, tmp_path):
    compressor.save_pretrained(tmp_path)
    assert (tmp_path / "diffusion_pytorch_model.safetensors").is_file()
    loaded = VideoCompressor.from_pretrained(tmp_path, low_cpu_mem_usage=False).eval()
    x = torch.randn(1, 3, 5, 16, 16)
    with torch.no_grad():
        torch.testing.assert_close(loaded.encode(x).mode(), compressor.encode(x).mode())


@pytest.mark.parametrize(
    "shape, match",
    [((1, 3, 16, 16, 16), "num_frames=16"), ((1, 3, 17, 18, 16), "height=18"), ((1, 3, 17, 16, 30), "width=30"), ((1, 4, 17, 16, 16), "expected pixels")],
)
def test_bad_sizes_raise_with_fix(compressor, shape, match):
    with pytest.raises(ValueError, match=match):
        compressor.encode(torch.zeros(shape))


@pytest.mark.parametrize(
    "kwargs, match",
    [(dict(spatial_factor=3), "power of two"), (dict(block_out_channels=(8,), spatial_factor=4), "levels"), (dict(patch_size=8, spatial_factor=4), "patch_size")],
)
def test_bad_config_raises(kwargs, match):
    with pytest.raises(ValueError, match=match):
        VideoCompressor(**{**TINY, **kwargs})


def test_reconstruction_loss_goes_down_on_fixed_batch():
    torch.manual_seed(0)
    model = VideoCompressor(**TINY)
    # Structured data (uniform noise is incompressible): two Shapes clips.
    data = Shapes(2, num_frames=5, height=16, width=16, seed=0)
    x = torch.stack([data[i]["video"] for i in range(2)]).permute(0, 2, 1, 3, 4)  # (B, 3, T, H, W)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(60):
        recon, _ = model(x, sample_posterior=False)
        loss = (recon - x).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]
