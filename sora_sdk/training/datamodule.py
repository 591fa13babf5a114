"""VideoDataModule: batches of videos + captions for both training stages.

Works with any map-style ``torch.utils.data.Dataset`` whose items are dicts with
``video`` (T, 3, H, W) float in [-1, 1] and ``caption`` (str), e.g. `sora_sdk.data.Shapes`
(optionally ``latents``: precomputed normalised latents (C, T', H', W'), or a
`sora_sdk.data.LatentCache`'s ``posterior_mean``/``posterior_std``, that let the DiT stage skip
the compressor; datasets with a ``prepare()`` method are prepared in ``prepare_data``). Train and validation sets are separate datasets (for `Shapes`: the same
generator with different seeds), so nothing is split at run time.

Training batches come from `ResumableBatchSampler`: batch k of the run is a pure function of
(seed, k, rank), and an epoch resumes where the restored global step says it stopped. That is what
makes ``resume`` exact (same batches after a restart) without Lightning having to understand the
sampler.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any

import lightning.pytorch as pl
import torch
from torch.utils.data import ConcatDataset, DataLoader, Dataset, Sampler, Subset

__all__ = ["VideoDataModule", "ResumableBatchSampler", "BucketedDataset", "collate_videos"]


def collate_videos(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Stack a list of dataset items into a batch.

    Returns:
        ``video`` (B, 3, T, H, W) float, in the compressor's layout; ``caption`` list[str];
        ``latents`` / ``posterior_mean`` / ``posterior_std`` (B, C, T', H', W') if the items carry
        them (then ``video`` may be absent); every other key as a list
        (e.g. `Shapes`' variable-length ``attributes``).
    """
    if not items:
        raise ValueError("collate_videos got an empty list of items.")
    pixel_free = "latents" in items[0] or "posterior_mean" in items[0]
    missing = [k for k in (("caption",) if pixel_free else ("video", "caption")) if k not in items[0]]
    if missing:
        raise KeyError(
            f"dataset items need 'video' (T, 3, H, W) (or precomputed 'latents' / 'posterior_mean' and "
            f"'posterior_std', e.g. from LatentCache) and 'caption' (str); an item lacks {missing} "
            f"(it has {sorted(items[0])})."
        )
    batch: dict[str, Any] = {"caption": [str(it["caption"]) for it in items]}
    if "video" in items[0]:
        shapes = {tuple(it["video"].shape) for it in items}
        if len(shapes) > 1:
            raise ValueError(
                f"videos in one batch must share a size, got {sorted(shapes)}; bucket the dataset by size "
                "or resize its videos."
            )
        batch["video"] = torch.stack([it["video"] for it in items]).permute(0, 2, 1, 3, 4).contiguous()  # (B, 3, T, H, W)
    for key in ("latents", "posterior_mean", "posterior_std"):
        if key in items[0]:
            batch[key] = torch.stack([it[key] for it in items])  # (B, C, T', H', W')
    for key in items[0]:
        if key not in batch:
            batch[key] = [it[key] for it in items]
    return batch


class ResumableBatchSampler(Sampler[list[int]]):
    """Shuffled batches indexed by a global batch counter, sharded over ranks, optionally bucketed.

    Each epoch's list of global batches (``batch_size * world_size`` items each) is a pure
    function of (seed, epoch): without buckets, a permutation of the dataset cut into chunks;
    with ``buckets`` (one key per item, e.g. a frame size), each bucket is permuted and cut on its
    own (so a batch never mixes sizes and stacks) and the batches of all buckets are shuffled
    together. Batch k of the run (counting across epochs) is slice ``rank`` of global batch
    ``k % L`` of epoch ``k // L``, L = batches per epoch. Each ``iter()`` starts at
    ``start_batch()`` and runs to the end of that epoch, so after a restore (which sets the
    trainer's global step) the epoch continues with the batch it would have drawn next.
    Incomplete batches are dropped: every step has the same batch size and every rank the same
    number of steps (DDP needs both).

    Args:
        dataset_size: number of items.
        batch_size: per-rank batch size.
        seed: shuffling seed.
        rank, world_size: this process's shard.
        start_batch: returns the global batch index to start from (e.g. global_step *
            accumulate_grad_batches); ``None`` means a fresh pass each time.
        shuffle: permute each epoch (False: dataset order, for debugging).
        buckets: a bucket key per item (len == dataset_size); batches stay within a bucket.
    """

    def __init__(
        self,
        dataset_size: int,
        batch_size: int,
        seed: int = 0,
        rank: int = 0,
        world_size: int = 1,
        start_batch: Callable[[], int] | None = None,
        shuffle: bool = True,
        buckets: Sequence[Hashable] | None = None,
    ):
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}.")
        if not 0 <= rank < world_size:
            raise ValueError(f"rank={rank} must be in [0, world_size={world_size}).")
        if buckets is not None and len(buckets) != dataset_size:
            raise ValueError(f"buckets has {len(buckets)} keys for {dataset_size} items; give one key per item.")
        global_batch = batch_size * world_size
        groups: dict[Hashable, list[int]] = {}
        for i, key in enumerate(buckets if buckets is not None else [None] * dataset_size):
            groups.setdefault(key, []).append(i)
        self._groups = [torch.tensor(v) for _, v in sorted(groups.items(), key=lambda kv: str(kv[0]))]
        self.batches_per_epoch = sum(len(g) // global_batch for g in self._groups)
        if self.batches_per_epoch == 0:
            raise ValueError(
                f"the dataset has {dataset_size} items, fewer than one global batch of "
                f"{batch_size} x {world_size} ranks in any bucket; use a larger dataset or a smaller batch_size."
            )
        self.batch_size, self.seed, self.rank, self.world_size = batch_size, seed, rank, world_size
        self.dataset_size, self.shuffle = dataset_size, shuffle
        self.start_batch = start_batch
        self._next = 0  # used when start_batch is None: continue across iter() calls

    def __len__(self) -> int:
        return self.batches_per_epoch

    def _epoch_batches(self, epoch: int) -> list[torch.Tensor]:
        gen = torch.Generator().manual_seed(self.seed * 100_003 + epoch)
        global_batch = self.batch_size * self.world_size
        batches = []
        for group in self._groups:
            order = group[torch.randperm(len(group), generator=gen)] if self.shuffle else group
            batches += [order[a : a + global_batch] for a in range(0, len(order) - global_batch + 1, global_batch)]
        if self.shuffle and len(self._groups) > 1:
            batches = [batches[i] for i in torch.randperm(len(batches), generator=gen).tolist()]
        return batches

    def __iter__(self) -> Iterator[list[int]]:
        k = self.start_batch() if self.start_batch is not None else self._next
        epoch, first = divmod(k, self.batches_per_epoch)
        batches = self._epoch_batches(epoch)
        for j in range(first, self.batches_per_epoch):
            a = self.rank * self.batch_size
            self._next = epoch * self.batches_per_epoch + j + 1
            yield batches[j][a : a + self.batch_size].tolist()


class BucketedDataset(ConcatDataset):
    """Several datasets of different frame sizes (or durations) trained as one, batched per size.

    ``item_buckets[i]`` is the index of the dataset item ``i`` comes from; `VideoDataModule`
    passes it to its sampler so every batch comes from one dataset (and stacks). ``prepare()``
    prepares every part that has one (e.g. one `LatentCache` per size).
    """

    def __init__(self, datasets: Sequence[Dataset]):
        if not datasets:
            raise ValueError("BucketedDataset needs at least one dataset.")
        super().__init__(list(datasets))
        self.item_buckets = [b for b, d in enumerate(self.datasets) for _ in range(len(d))]

    def prepare(self) -> None:
        for dataset in self.datasets:
            if callable(getattr(dataset, "prepare", None)):
                dataset.prepare()

    def vocabulary(self) -> frozenset[str] | None:
        words: set[str] = set()
        for dataset in self.datasets:
            for candidate in (dataset, getattr(dataset, "source", None)):
                if callable(getattr(candidate, "vocabulary", None)):
                    words |= set(candidate.vocabulary())
                    break
            else:
                return None
        return frozenset(words)


class VideoDataModule(pl.LightningDataModule):
    """Train/validation loaders over video datasets.

    Args:
        train_dataset: items with ``video`` (T, 3, H, W) in [-1, 1] and ``caption``.
        val_dataset: the same kind of items, drawn independently (e.g. `Shapes` with another seed).
        batch_size: per-process batch size (a DDP run's global batch is this x devices).
        val_batch_size: defaults to ``batch_size``.
        num_workers: loader processes; 0 by default because the project's machines have two
            cores and both are busy with the model.
        seed: shuffling seed for the training order.
    """

    def __init__(
        self,
        train_dataset: Dataset,
        val_dataset: Dataset | None = None,
        batch_size: int = 8,
        val_batch_size: int | None = None,
        num_workers: int = 0,
        seed: int = 0,
    ):
        super().__init__()
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}.")
        if num_workers < 0:
            raise ValueError(f"num_workers must be >= 0, got {num_workers}.")
        self.train_dataset = train_dataset
        self.val_dataset = val_dataset
        self.batch_size = batch_size
        self.val_batch_size = val_batch_size or batch_size
        self.num_workers = num_workers
        self.seed = seed

    def prepare_data(self) -> None:
        # Lightning calls this once per node before setup: build any dataset caches (LatentCache).
        for dataset in (self.train_dataset, self.val_dataset):
            if callable(getattr(dataset, "prepare", None)):
                dataset.prepare()

    def _shard(self) -> tuple[int, int]:
        trainer = self.trainer
        if trainer is None:
            return 0, 1
        if trainer.world_size > 1 and trainer._accelerator_connector.use_distributed_sampler:
            raise ValueError(
                "VideoDataModule shards batches itself (so resume is exact); set the Trainer's "
                "use_distributed_sampler=False (the shipped trainer configs do)."
            )
        return trainer.global_rank, trainer.world_size

    def _start_batch(self) -> int:
        # Batches already consumed by this run: the restored global step after a resume.
        return self.trainer.global_step * self.trainer.accumulate_grad_batches

    def train_dataloader(self) -> DataLoader:
        rank, world = self._shard()
        sampler = ResumableBatchSampler(
            len(self.train_dataset),
            self.batch_size,
            seed=self.seed,
            rank=rank,
            world_size=world,
            start_batch=self._start_batch if self.trainer is not None else None,
            buckets=getattr(self.train_dataset, "item_buckets", None),
        )
        return DataLoader(
            self.train_dataset,
            batch_sampler=sampler,
            num_workers=self.num_workers,
            collate_fn=collate_videos,
            persistent_workers=self.num_workers > 0,
        )

    def val_dataloader(self) -> DataLoader | list:
        if self.val_dataset is None:
            return []
        rank, world = self._shard()
        # Strided shard: every rank sees len/world items and the union is the whole set.
        dataset = self.val_dataset if world == 1 else Subset(self.val_dataset, range(rank, len(self.val_dataset), world))
        return DataLoader(
            dataset, batch_size=self.val_batch_size, shuffle=False, num_workers=self.num_workers, collate_fn=collate_videos
        )

    def sample_videos(self, n: int) -> torch.Tensor:
        """The first ``n`` training videos as one batch (B, 3, T, H, W), e.g. for latent statistics."""
        n = min(n, len(self.train_dataset))
        return collate_videos([self.train_dataset[i] for i in range(n)])["video"]
