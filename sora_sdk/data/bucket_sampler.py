"""`BucketBatchSampler`: batches that share a bucket (so they stack), optionally split by rank."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import torch.distributed as dist
from torch.utils.data import Sampler

__all__ = ["BucketBatchSampler"]


class BucketBatchSampler(Sampler[list[int]]):
    """Batches of indices that share a bucket, so `default_collate` can stack them.

    Use as `DataLoader(dataset, batch_sampler=BucketBatchSampler(dataset, 8))`. The order is a
    pure function of `(seed, epoch)`: with `shuffle`, indices are permuted within each bucket,
    cut into batches, and the batches of all buckets are permuted together; without it, buckets
    come longest/largest first and indices in order. Call `set_epoch` each epoch (Lightning does);
    it also sets the dataset's epoch so random clip starts change with it.

    Distributed (DDP): every rank builds the same epoch's batch list from `(seed, epoch)` and
    takes every `num_replicas`-th batch starting at `rank`, so the ranks' shares are disjoint and
    together cover the epoch. DDP needs every rank to take the same number of steps, so when the
    batch count is not a multiple of `num_replicas` the list is first padded by repeating batches
    from its start (at most `num_replicas - 1` of them; those samples are seen twice that epoch).
    A batch never mixes buckets, but ranks may be in different buckets at the same step; DDP only
    averages gradients, so that is fine. With Lightning, pass `use_distributed_sampler=False` so
    it does not wrap this sampler in a `DistributedSampler` of its own.

    Args:
        dataset: A `VideoFolder` (anything with `item_buckets`).
        batch_size: Samples per batch, per rank (>= 1).
        shuffle: Shuffle within and across buckets.
        seed: Seed of the order (>= 0); must be the same on every rank.
        drop_last: Drop each bucket's final short batch, so every batch has `batch_size` items.
        num_replicas: Number of ranks sharing the epoch; default `torch.distributed`'s world size
            if a process group is initialised, else 1.
        rank: This process's rank in `[0, num_replicas)`; default `torch.distributed`'s rank if a
            process group is initialised, else 0.
    """

    def __init__(self, dataset: Any, batch_size: int, shuffle: bool = True, seed: int = 0,
                 drop_last: bool = False, num_replicas: int | None = None,
                 rank: int | None = None) -> None:
        super().__init__()
        if not hasattr(dataset, "item_buckets"):
            raise ValueError(f"BucketBatchSampler needs a dataset with `item_buckets` (a "
                             f"VideoFolder), got {type(dataset).__name__}.")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be an int >= 1, got {batch_size!r}.")
        if not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed must be an int >= 0, got {seed!r}.")
        distributed = dist.is_available() and dist.is_initialized()
        if num_replicas is None:
            num_replicas = dist.get_world_size() if distributed else 1
        if rank is None:
            rank = dist.get_rank() if distributed else 0
        if isinstance(num_replicas, bool) or not isinstance(num_replicas, int) or num_replicas < 1:
            raise ValueError(f"num_replicas must be an int >= 1 (the number of ranks), got "
                             f"{num_replicas!r}.")
        if isinstance(rank, bool) or not isinstance(rank, int) or not 0 <= rank < num_replicas:
            raise ValueError(f"rank must be an int in [0, num_replicas={num_replicas}), got "
                             f"{rank!r}; pass both num_replicas and rank, or neither.")
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.seed = seed
        self.drop_last = drop_last
        self.num_replicas = num_replicas
        self.rank = rank
        self.epoch = 0
        groups: dict[tuple[int, int, int], list[int]] = {}
        for i, bucket in enumerate(dataset.item_buckets):
            groups.setdefault(tuple(bucket), []).append(i)
        self.groups = dict(sorted(groups.items(), reverse=True))

    def set_epoch(self, epoch: int) -> None:
        """Set the epoch for the order (and the dataset's clip starts, if it has `set_epoch`)."""
        self.epoch = int(epoch)
        if hasattr(self.dataset, "set_epoch"):
            self.dataset.set_epoch(self.epoch)

    def __iter__(self) -> Iterator[list[int]]:
        rng = np.random.default_rng([self.seed, self.epoch])
        batches: list[list[int]] = []
        for indices in self.groups.values():
            idx = rng.permutation(indices) if self.shuffle else np.asarray(indices)
            for s in range(0, len(idx), self.batch_size):
                batch = idx[s : s + self.batch_size].tolist()
                if len(batch) == self.batch_size or not self.drop_last:
                    batches.append(batch)
        if self.shuffle:
            batches = [batches[j] for j in rng.permutation(len(batches))]
        if self.num_replicas == 1 or not batches:
            return iter(batches)
        # Pad to a multiple of num_replicas by cycling from the start (cycling covers the case of
        # fewer batches than ranks), then stride: rank r takes batches r, r + R, r + 2R, ...
        total = len(self) * self.num_replicas
        padded = [batches[j % len(batches)] for j in range(total)]
        return iter(padded[self.rank :: self.num_replicas])

    def _num_global_batches(self) -> int:
        """Batches in one epoch over all ranks, before padding."""
        bs = self.batch_size
        sizes = [len(g) for g in self.groups.values()]
        return sum(n // bs if self.drop_last else -(-n // bs) for n in sizes)  # -(-n // bs) = ceil

    def __len__(self) -> int:
        """Batches this rank yields per epoch (the same on every rank)."""
        return -(-self._num_global_batches() // self.num_replicas)
