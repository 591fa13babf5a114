"""``EMASystem``: the Lightning plumbing every denoiser we train shares.

One trained module plus a frozen exponential moving average of it, AdamW with the warm-up /
stable / decay schedule of `build_optimizer`, and ``training_step``/``validation_step`` routed to
one ``_common_step(batch, stage, batch_idx)`` that subclasses write (train on the online weights,
validate on the EMA). `VideoDiffusionSystem` (the DiT) and the robotics ``WorldModelSystem`` are
built on it; only their step and their export differ.
"""

from __future__ import annotations

import copy

import lightning.pytorch as pl
import torch

from sora_sdk.training.config import OptimizationConfig
from sora_sdk.training.optim import build_optimizer

__all__ = ["EMASystem"]


class EMASystem(pl.LightningModule):
    """A LightningModule with one trained module and its EMA.

    Subclasses call `_register_trained(name, module)` in ``__init__`` after ``super().__init__()``
    and set ``self.cfg`` (an `OptimizationConfig` with an ``ema_decay`` field) and
    ``self.optimizer`` (an optimiser class/partial, or None for AdamW). The module is stored under
    ``name`` and its EMA under ``ema_<name>``: those are the checkpoint keys.
    """

    cfg: OptimizationConfig
    optimizer: object

    def _register_trained(self, name: str, module: torch.nn.Module) -> None:
        self._trained_name = name
        setattr(self, name, module)
        # The EMA never receives gradients; as a registered submodule it is saved in checkpoints,
        # moved with the system and broadcast by DDP at start-up like every other module.
        setattr(self, f"ema_{name}", copy.deepcopy(module).requires_grad_(False).eval())

    @property
    def trained(self) -> torch.nn.Module:
        """The module the optimiser updates."""
        return getattr(self, self._trained_name)

    @property
    def ema(self) -> torch.nn.Module:
        """Its exponential moving average (validated, sampled from and exported)."""
        return getattr(self, f"ema_{self._trained_name}")

    def model_for(self, stage: str) -> torch.nn.Module:
        """Online weights for ``"train"``, the EMA for every other stage."""
        return self.trained if stage == "train" else self.ema

    # ------------------------------------------------------------------ Lightning plumbing
    def train(self, mode: bool = True) -> EMASystem:
        # The EMA stays in eval mode whatever Lightning toggles (subclasses add their frozen parts).
        super().train(mode)
        self.ema.eval()
        return self

    def configure_optimizers(self) -> dict:
        max_steps = self.trainer.max_steps if self._trainer is not None else None
        return build_optimizer(self.trained, self.optimizer, self.cfg, max_steps=max_steps)

    def optimizer_step(self, *args, **kwargs) -> None:
        super().optimizer_step(*args, **kwargs)
        self.update_ema()

    def training_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "train", batch_idx)

    def validation_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "val", batch_idx)

    def _common_step(self, batch: dict, stage: str, batch_idx: int) -> torch.Tensor:
        raise NotImplementedError(f"{type(self).__name__} must implement _common_step(batch, stage, batch_idx).")

    @torch.no_grad()
    def update_ema(self) -> None:
        """ema <- decay * ema + (1 - decay) * online, with a warm-up so early EMAs are not stale.

        The effective decay min(decay, (1 + n) / (10 + n)) after n updates lets a short run's EMA
        follow the weights instead of staying near the random initialisation.
        """
        n = self.global_step
        decay = min(self.cfg.ema_decay, (1 + n) / (10 + n))
        ema = list(self.ema.parameters())
        online = [p.detach() for p in self.trained.parameters()]
        torch._foreach_lerp_(ema, online, 1.0 - decay)
