"""Training callbacks: a cross-rank weight check and a periodic export of the usable model."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import lightning.pytorch as pl
import torch

__all__ = ["RankSyncCheck", "PeriodicExport", "parameter_checksum"]


def parameter_checksum(module: torch.nn.Module, trainable_only: bool = True) -> str:
    """SHA-256 over the names, shapes and exact bytes of a module's parameters (hex)."""
    h = hashlib.sha256()
    for name, p in module.named_parameters():
        if trainable_only and not p.requires_grad:
            continue
        t = p.detach().float().cpu().contiguous()
        h.update(f"{name}:{tuple(t.shape)};".encode())
        h.update(t.numpy().tobytes())
    return h.hexdigest()


class RankSyncCheck(pl.Callback):
    """At fit end, check that every rank holds bit-identical trainable parameters.

    DDP keeps replicas equal only if every rank applies the same all-reduced gradients; a rank that
    skipped a step, or a parameter DDP does not know about, silently forks the model. Each rank
    hashes its trainable parameters, the first 8 bytes of the hash are all-gathered, rank 0 writes
    ``{"world_size", "checksums": [hex per rank], "in_sync"}`` to ``path`` (relative paths are
    under the trainer's ``default_root_dir``), and every rank raises if they differ.

    Args:
        path: JSON file to write.
    """

    def __init__(self, path: str | Path = "rank_sync.json"):
        self.path = Path(path)

    def on_fit_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        digest = parameter_checksum(pl_module)
        # int64 from the first 8 bytes: all_gather moves tensors, not strings.
        local = torch.tensor(int.from_bytes(bytes.fromhex(digest[:16]), "big", signed=True), dtype=torch.int64)
        gathered = pl_module.all_gather(local.to(pl_module.device)).reshape(-1).cpu()  # (world_size,)
        checksums = [format(int(v) & 0xFFFFFFFFFFFFFFFF, "016x") for v in gathered]
        in_sync = len(set(checksums)) == 1
        if trainer.is_global_zero:
            path = self.path if self.path.is_absolute() else Path(trainer.default_root_dir) / self.path
            path.parent.mkdir(parents=True, exist_ok=True)
            record = {
                "world_size": trainer.world_size,
                "global_step": trainer.global_step,
                "checksums": checksums,
                "in_sync": in_sync,
            }
            path.write_text(json.dumps(record, indent=2))
        if not in_sync:
            raise RuntimeError(
                f"ranks hold different trainable parameters after fit (checksums {checksums}); "
                "DDP replicas diverged. Check for rank-dependent control flow around optimizer steps "
                "and for parameters created after the strategy wrapped the model."
            )


class PeriodicExport(pl.Callback):
    """Export the system's product (generator or compressor folder) every N optimiser steps.

    A long background run then always has a usable model on disk. The folder is written next to
    the target and swapped in with a rename, so a reader never sees a half-written export.

    Args:
        dirpath: where the export lives.
        every_n_steps: export interval in optimiser steps.
    """

    def __init__(self, dirpath: str | Path, every_n_steps: int = 500):
        if every_n_steps < 1:
            raise ValueError(f"every_n_steps must be >= 1, got {every_n_steps}.")
        self.dirpath = Path(dirpath)
        self.every_n_steps = every_n_steps

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        step = trainer.global_step
        if step == 0 or step % self.every_n_steps or not trainer.is_global_zero:
            return
        if not hasattr(pl_module, "export"):
            raise TypeError(f"{type(pl_module).__name__} has no export(path) method to call periodically.")
        tmp = self.dirpath.with_name(self.dirpath.name + ".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        pl_module.export(tmp)
        old = self.dirpath.with_name(self.dirpath.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.dirpath.exists():
            self.dirpath.rename(old)
        tmp.rename(self.dirpath)
        shutil.rmtree(old, ignore_errors=True)


class PromptAccuracyCheck(pl.Callback):
    """Every N steps, generate held-out-phrasing prompts with the EMA weights and log what comes out.

    The diffusion loss says little about whether a model follows its prompts; this reads the
    generated videos back with the attribute analyzer (`sora_sdk.eval.evaluate_prompt_accuracy`)
    and logs ``eval/<attribute>`` accuracies to the run's logger, plus one JSON line per check in
    ``path`` (a learning curve for the model card). Needs a system with ``as_generator()``
    (`VideoDiffusionSystem`). Runs on global rank 0 only.

    Args:
        every_n_steps: check interval in optimiser steps.
        n: prompts per check (held-out phrasings, a fixed set: the same prompts every time).
        num_inference_steps, guidance_scale: sampling settings (fewer steps than a release eval,
            to keep the check cheap next to training).
        path: JSONL file the checks are appended to (None: logger only).
    """

    def __init__(
        self,
        every_n_steps: int = 1000,
        n: int = 24,
        num_inference_steps: int = 12,
        guidance_scale: float = 4.0,
        path: str | Path | None = None,
    ):
        if every_n_steps < 1 or n < 1 or num_inference_steps < 1:
            raise ValueError(
                f"every_n_steps, n and num_inference_steps must be >= 1, got {every_n_steps}, {n}, {num_inference_steps}."
            )
        self.every_n_steps, self.n = every_n_steps, n
        self.num_inference_steps, self.guidance_scale = num_inference_steps, guidance_scale
        self.path = None if path is None else Path(path)

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx) -> None:
        step = trainer.global_step
        if step == 0 or step % self.every_n_steps or not trainer.is_global_zero:
            return
        if not hasattr(pl_module, "as_generator"):
            raise TypeError(f"{type(pl_module).__name__} has no as_generator(); PromptAccuracyCheck needs a DiT system.")
        from sora_sdk.eval.prompt_accuracy import evaluate_prompt_accuracy

        report = evaluate_prompt_accuracy(
            pl_module.as_generator(),
            n=self.n,
            num_inference_steps=self.num_inference_steps,
            guidance_scale=self.guidance_scale,
            progress=False,
        )
        metrics = {f"eval/{name.replace(' ', '_')}": acc for name, acc in report.accuracy.items()}
        metrics["eval/all_correct"] = report.all_correct
        if trainer.logger is not None:
            trainer.logger.log_metrics(metrics, step=step)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a") as f:
                f.write(json.dumps({"step": step, **metrics}) + "\n")
