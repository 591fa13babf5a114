"""LatentCache: a video dataset encoded once by a frozen compressor, for the DiT stage.

The DiT stage never trains the compressor, yet encoding every batch again costs more CPU time
than the DiT's own forward and backward pass at the default sizes (17x64x64 clips, small DiT:
~0.8 s of encoding against ~0.6 s of DiT per batch of 8 on the project's 2-core machines). A
cache encodes each clip once and stores the compressor's posterior (mean and std, fp16), so every
epoch after the first is DiT-only, and the posterior is still *sampled* per step as the
compressor's decoder was trained to expect.

Each clip keeps ``captions_per_clip`` captions (a source with a ``captions(index, n)`` method,
such as `Shapes`, supplies differently phrased ones), and item ``i`` is clip ``i % N`` with
caption ``i // N``: the text side keeps its variety while the pixels are encoded once.

The cache is a folder of shards (``part-00000.safetensors`` ...) plus ``meta.json`` naming the
compressor's weights and the source's settings. A build that is stopped keeps its finished shards
and resumes; a cache built from another compressor or source is refused, never silently reused.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch.utils.data import Dataset

from sora_sdk.device import default_compute_dtype

__all__ = ["LatentCache", "compressor_fingerprint"]

_FORMAT = 1


def compressor_fingerprint(compressor: torch.nn.Module) -> str:
    """SHA-256 over a module's parameters and buffers (names, shapes, values): which weights encoded."""
    h = hashlib.sha256()
    for name, tensor in sorted(compressor.state_dict().items()):
        t = tensor.detach().to("cpu", torch.float32).contiguous()
        h.update(name.encode())
        h.update(str(tuple(t.shape)).encode())
        h.update(t.numpy().tobytes())
    return h.hexdigest()


def _source_description(source: Dataset) -> dict[str, Any]:
    # The settings that decide a source's items: class and its plain attributes (Shapes: seed,
    # size, frames, caption style...). A change in any of them invalidates the cache.
    plain = {k: v for k, v in sorted(vars(source).items()) if isinstance(v, (bool, int, float, str)) and not k.startswith("_")}
    return {"class": f"{type(source).__module__}.{type(source).__qualname__}", "length": len(source), **plain}


class LatentCache(Dataset):
    """Compressor posteriors of a video dataset, computed once and stored on disk.

    Items: ``posterior_mean`` and ``posterior_std`` (C, T', H', W') float32, ``caption`` (str),
    ``fps`` when the source has it. `VideoDiffusionSystem` samples ``mean + std * noise`` and
    normalises it, exactly as it does for a freshly encoded video.

    Args:
        source: a map-style dataset of ``video`` (T, 3, H, W) in [-1, 1] + ``caption`` items.
        path: the cache folder (created by `prepare`).
        compressor_path: the compressor folder that encodes (the DiT stage's ``compressor_path``).
        captions_per_clip: captions stored per clip; > 1 needs ``source.captions(index, n)``.
        shard_size: clips per shard file (a stopped build loses at most one shard's work).
        encode_batch_size: clips encoded at once.
    """

    def __init__(
        self,
        source: Dataset,
        path: str | Path,
        compressor_path: str | Path | None = None,
        captions_per_clip: int = 4,
        shard_size: int = 1000,
        encode_batch_size: int = 16,
    ) -> None:
        if captions_per_clip < 1:
            raise ValueError(f"captions_per_clip must be >= 1, got {captions_per_clip}.")
        if captions_per_clip > 1 and not callable(getattr(source, "captions", None)):
            raise ValueError(
                f"captions_per_clip={captions_per_clip} needs a source with a captions(index, n) method "
                f"(Shapes has one); {type(source).__name__} has none, so set captions_per_clip=1."
            )
        if shard_size < 1 or encode_batch_size < 1:
            raise ValueError(f"shard_size and encode_batch_size must be >= 1, got {shard_size}, {encode_batch_size}.")
        if len(source) == 0:
            raise ValueError("the source dataset is empty; there is nothing to cache.")
        self.source = source
        self.path = Path(path)
        self.compressor_path = None if compressor_path is None else Path(compressor_path)
        self.captions_per_clip = captions_per_clip
        self.shard_size = shard_size
        self.encode_batch_size = encode_batch_size
        self._mean: torch.Tensor | None = None
        self._std: torch.Tensor | None = None
        self._captions: list[list[str]] | None = None
        self._fps = getattr(source, "fps", None)

    # ------------------------------------------------------------------ build
    def _num_shards(self) -> int:
        return -(-len(self.source) // self.shard_size)

    def _shard_path(self, k: int) -> Path:
        return self.path / f"part-{k:05d}.safetensors"

    def _meta(self, fingerprint: str) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "compressor": fingerprint,
            "source": _source_description(self.source),
            "captions_per_clip": self.captions_per_clip,
            "shard_size": self.shard_size,
        }

    def prepare(self, compressor: torch.nn.Module | None = None, progress: bool = True) -> Path:
        """Encode whatever is not cached yet (a no-op when the cache is complete); returns the folder.

        Raises:
            ValueError: the folder holds a cache of another compressor or source.
        """
        from tqdm.auto import tqdm

        if compressor is None:
            if self.compressor_path is None:
                raise ValueError("LatentCache.prepare needs a compressor or a compressor_path to encode with.")
            from sora_sdk.models.compressor import load_compressor

            compressor = load_compressor(self.compressor_path)
        compressor = compressor.eval()
        meta = self._meta(compressor_fingerprint(compressor))
        meta_path = self.path / "meta.json"
        if meta_path.exists():
            found = json.loads(meta_path.read_text())
            if found != meta:
                stale = sorted(k for k in meta if found.get(k) != meta[k])
                raise ValueError(
                    f"the latent cache at {self.path} was built with a different {', '.join(stale)}; "
                    "delete the folder to rebuild it, or point the cache's path elsewhere."
                )
        self.path.mkdir(parents=True, exist_ok=True)
        meta_path.write_text(json.dumps(meta, indent=1))

        todo = [k for k in range(self._num_shards()) if not self._shard_path(k).exists()]
        if not todo:
            return self.path
        device = next(compressor.parameters()).device
        autocast = torch.autocast(device.type, dtype=torch.bfloat16, enabled=_bf16_ok(device))
        bar = tqdm(total=sum(len(self._shard_range(k)) for k in todo), desc="caching latents", unit="clip", disable=not progress)
        for k in todo:
            means, stds, captions = [], [], []
            indices = self._shard_range(k)
            for a in range(0, len(indices), self.encode_batch_size):
                chunk = indices[a : a + self.encode_batch_size]
                items = [self.source[i] for i in chunk]
                video = torch.stack([it["video"] for it in items]).permute(0, 2, 1, 3, 4).to(device)  # (B,3,T,H,W)
                with torch.no_grad(), autocast:
                    posterior = compressor.encode(video)
                means.append(posterior.mean.float().cpu().half())
                stds.append(posterior.std.float().cpu().half())
                for i, it in zip(chunk, items, strict=True):
                    if self.captions_per_clip == 1:
                        captions.append([str(it["caption"])])
                    else:
                        captions.append([str(c) for c in self.source.captions(i, self.captions_per_clip)])
                bar.update(len(chunk))
            # Written under a temporary name and renamed: a stopped build never leaves half a shard.
            tmp = self._shard_path(k).with_suffix(".tmp")
            save_file(
                {"mean": torch.cat(means).contiguous(), "std": torch.cat(stds).contiguous()},
                str(tmp),
                metadata={"captions": json.dumps(captions)},
            )
            os.replace(tmp, self._shard_path(k))
        bar.close()
        return self.path

    def _shard_range(self, k: int) -> list[int]:
        return list(range(k * self.shard_size, min((k + 1) * self.shard_size, len(self.source))))

    # ------------------------------------------------------------------ read
    def _load(self) -> None:
        missing = [str(self._shard_path(k)) for k in range(self._num_shards()) if not self._shard_path(k).exists()]
        if missing or not (self.path / "meta.json").exists():
            raise FileNotFoundError(
                f"the latent cache at {self.path} is incomplete ({len(missing)} shard(s) missing); "
                "run LatentCache.prepare() (VideoDataModule.prepare_data does) before reading it."
            )
        meta = json.loads((self.path / "meta.json").read_text())
        if meta.get("source") != _source_description(self.source) or meta.get("captions_per_clip") != self.captions_per_clip:
            raise ValueError(
                f"the latent cache at {self.path} was built from another source or caption count; "
                "delete it to rebuild, or point the cache's path elsewhere."
            )
        means, stds, captions = [], [], []
        from safetensors import safe_open

        for k in range(self._num_shards()):
            tensors = load_file(str(self._shard_path(k)))
            with safe_open(str(self._shard_path(k)), framework="pt") as f:
                captions.extend(json.loads(f.metadata()["captions"]))
            means.append(tensors["mean"])
            stds.append(tensors["std"])
        self._mean, self._std, self._captions = torch.cat(means), torch.cat(stds), captions

    def __len__(self) -> int:
        return len(self.source) * self.captions_per_clip

    def __getitem__(self, index: int) -> dict[str, Any]:
        if not 0 <= index < len(self):
            raise IndexError(f"index {index} out of range for LatentCache of length {len(self)}")
        if self._mean is None:
            self._load()
        clip, variant = index % len(self.source), index // len(self.source)
        item: dict[str, Any] = {
            "posterior_mean": self._mean[clip].float(),
            "posterior_std": self._std[clip].float(),
            "caption": self._captions[clip][variant],
        }
        if self._fps is not None:
            item["fps"] = self._fps
        return item


def _bf16_ok(device: torch.device) -> bool:
    return default_compute_dtype(device) == torch.bfloat16
