"""LatentCache: encoded once, read back exactly, sampled like a fresh encode, refused when stale."""

from __future__ import annotations

import json

import pytest
import torch

from sora_sdk.data.latent_cache import LatentCache, compressor_fingerprint
from sora_sdk.data.shapes import Shapes
from sora_sdk.device import default_compute_dtype
from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.pipeline.presets import COMPRESSOR_PRESETS
from sora_sdk.training.datamodule import collate_videos

FRAMES, SIZE = 5, 32


@pytest.fixture(scope="module")
def compressor() -> VideoCompressor:
    torch.manual_seed(0)
    return VideoCompressor(**COMPRESSOR_PRESETS["tiny"]).eval()


def _source(n: int = 5, seed: int = 3) -> Shapes:
    return Shapes(n, FRAMES, SIZE, SIZE, seed=seed, caption_style="mixed")


def test_cache_holds_the_compressors_posterior_and_every_caption_variant(tmp_path, compressor):
    source = _source()
    cache = LatentCache(source, tmp_path / "c", captions_per_clip=3, shard_size=2, encode_batch_size=2)
    cache.prepare(compressor, progress=False)
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["meta.json", "part-00000.safetensors", "part-00001.safetensors", "part-00002.safetensors"]
    assert len(cache) == 15

    video = source[3]["video"].permute(1, 0, 2, 3)[None]  # (1, 3, T, H, W)
    # The cache encodes in the machine's compute dtype (bf16 only where the CPU has bf16 units).
    dtype = default_compute_dtype("cpu")
    with torch.no_grad(), torch.autocast("cpu", dtype, enabled=dtype != torch.float32):
        posterior = compressor.encode(video)
    item = cache[3]
    assert item["posterior_mean"].shape == posterior.mean.shape[1:]
    # fp16 storage of that encode: equal to fp16 rounding.
    torch.testing.assert_close(item["posterior_mean"], posterior.mean[0].float(), atol=2e-3, rtol=2e-3)
    torch.testing.assert_close(item["posterior_std"], posterior.std[0].float(), atol=2e-3, rtol=2e-3)
    # Item i is clip i % N with caption variant i // N: the same pixels, Shapes' own captions.
    assert [cache[3 + 5 * j]["caption"] for j in range(3)] == source.captions(3, 3)
    torch.testing.assert_close(cache[8]["posterior_mean"], item["posterior_mean"])
    assert len(set(source.captions(3, 3))) >= 2  # really different phrasings


def test_a_stopped_build_resumes_and_a_stale_cache_is_refused(tmp_path, compressor):
    path = tmp_path / "c"
    cache = LatentCache(_source(), path, captions_per_clip=1, shard_size=2)
    cache.prepare(compressor, progress=False)
    (path / "part-00001.safetensors").unlink()
    before = (path / "part-00000.safetensors").stat().st_mtime_ns
    LatentCache(_source(), path, captions_per_clip=1, shard_size=2).prepare(compressor, progress=False)
    assert (path / "part-00001.safetensors").exists()
    assert (path / "part-00000.safetensors").stat().st_mtime_ns == before  # finished shards kept

    other = VideoCompressor(**COMPRESSOR_PRESETS["tiny"])
    assert compressor_fingerprint(other) != compressor_fingerprint(compressor)
    with pytest.raises(ValueError, match="different compressor"):
        LatentCache(_source(), path, captions_per_clip=1, shard_size=2).prepare(other, progress=False)
    with pytest.raises(ValueError, match="different source"):
        LatentCache(_source(seed=4), path, captions_per_clip=1, shard_size=2).prepare(compressor, progress=False)
    assert json.loads((path / "meta.json").read_text())["source"]["seed"] == 3


def test_bad_settings_and_unprepared_reads_say_what_to_do(tmp_path):
    class NoCaptions(torch.utils.data.Dataset):
        def __len__(self):
            return 2

        def __getitem__(self, i):
            return {"video": torch.zeros(FRAMES, 3, SIZE, SIZE), "caption": "x"}

    with pytest.raises(ValueError, match="captions_per_clip=1"):
        LatentCache(NoCaptions(), tmp_path, captions_per_clip=2)
    with pytest.raises(ValueError, match=">= 1"):
        LatentCache(_source(), tmp_path, captions_per_clip=0)
    with pytest.raises(FileNotFoundError, match="prepare"):
        LatentCache(_source(), tmp_path / "none", captions_per_clip=1)[0]
    with pytest.raises(ValueError, match="compressor"):
        LatentCache(_source(), tmp_path / "none", captions_per_clip=1).prepare()


def test_collate_stacks_cached_posteriors_without_video(tmp_path, compressor):
    cache = LatentCache(_source(), tmp_path / "c", captions_per_clip=2)
    cache.prepare(compressor, progress=False)
    batch = collate_videos([cache[i] for i in range(4)])
    assert "video" not in batch and len(batch["caption"]) == 4
    assert batch["posterior_mean"].shape == (4, *cache[0]["posterior_mean"].shape)
    assert batch["posterior_std"].min() > 0
