"""ResumableBatchSampler and BucketedDataset: pure-function batch order, buckets that never mix."""

from __future__ import annotations

import pytest
import torch

from sora_sdk.data.shapes import Shapes
from sora_sdk.training.datamodule import BucketedDataset, ResumableBatchSampler, collate_videos


def _run(sampler: ResumableBatchSampler, n: int) -> list[list[int]]:
    out: list[list[int]] = []
    while len(out) < n:
        out += list(sampler)
    return out[:n]


def test_unbucketed_order_is_a_permutation_per_epoch_and_resumes_mid_epoch():
    s = ResumableBatchSampler(10, 3, seed=4)
    assert len(s) == 3
    epoch0 = _run(s, 3)
    assert len({i for b in epoch0 for i in b}) == 9  # 9 distinct items, the 10th dropped
    assert epoch0[0] == torch.randperm(10, generator=torch.Generator().manual_seed(4 * 100_003))[:3].tolist()
    step = {"k": 4}
    resumed = ResumableBatchSampler(10, 3, seed=4, start_batch=lambda: step["k"])
    assert next(iter(resumed)) == _run(ResumableBatchSampler(10, 3, seed=4), 5)[4]


def test_buckets_never_mix_cover_each_bucket_and_shard_over_ranks():
    buckets = ["a"] * 7 + ["b"] * 9 + ["c"] * 2  # c is smaller than a global batch: never drawn
    ranks = [ResumableBatchSampler(18, 2, seed=1, rank=r, world_size=2, buckets=buckets) for r in range(2)]
    assert len(ranks[0]) == 7 // 4 + 9 // 4 == 3
    b0, b1 = list(ranks[0]), list(ranks[1])
    for x, y in zip(b0, b1, strict=True):
        keys = {buckets[i] for i in x + y}
        assert len(keys) == 1 and keys != {"c"}  # one bucket per global batch, on both ranks
        assert not set(x) & set(y)
    assert {buckets[i] for b in b0 for i in b} == {"a", "b"}
    # Another epoch draws another order; the same (seed, epoch) the same one.
    s = ResumableBatchSampler(18, 2, seed=1, buckets=buckets)
    e0, e1 = _run(s, 3), _run(s, 6)[3:]
    assert e0 != e1 and e0 == _run(ResumableBatchSampler(18, 2, seed=1, buckets=buckets), 3)
    with pytest.raises(ValueError, match="one key per item"):
        ResumableBatchSampler(18, 2, buckets=buckets[:-1])
    with pytest.raises(ValueError, match="in any bucket"):
        ResumableBatchSampler(4, 2, world_size=2, buckets=["a", "a", "b", "b"])


def test_bucketed_dataset_batches_stack_per_size():
    parts = [Shapes(4, 5, 32, 32, seed=0), Shapes(4, 5, 32, 48, seed=1)]
    data = BucketedDataset(parts)
    assert data.item_buckets == [0] * 4 + [1] * 4
    assert data.vocabulary() == parts[0].vocabulary()
    sampler = ResumableBatchSampler(len(data), 2, seed=0, buckets=data.item_buckets)
    for batch in sampler:
        video = collate_videos([data[i] for i in batch])["video"]
        assert video.shape[-2:] in {(32, 32), (32, 48)}
    with pytest.raises(ValueError, match="at least one"):
        BucketedDataset([])
