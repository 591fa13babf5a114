"""Optimiser construction shared by both systems: decay groups + linear warm-up.

The optimiser *class* comes from Hydra as a ``_partial_`` (AdamW by default); its learning rate,
weight decay and betas come from the validated `OptimizationConfig`, so there is one place that
says what they are. Any optimiser taking ``(params, lr=, weight_decay=, betas=)`` works (the Adam
family); others can be wrapped in a partial that adapts the keywords.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import torch
from torch import nn

from sora_sdk.training.config import OptimizationConfig

__all__ = ["build_optimizer"]


def build_optimizer(
    module: nn.Module,
    optimizer: Callable[..., torch.optim.Optimizer] | None,
    cfg: OptimizationConfig,
    max_steps: int | None = None,
) -> dict:
    """Lightning's ``configure_optimizers`` answer for ``module``'s trainable parameters.

    Weight decay applies to matrices only: decaying norms' gains and biases pulls them towards
    zero for no regularisation benefit (nanoGPT, DiT). ``max_steps`` (the trainer's) places the
    final linear decay when ``cfg.decay_steps`` > 0.
    """
    if cfg.decay_steps and (max_steps is None or max_steps <= 0):
        raise ValueError(
            f"decay_steps={cfg.decay_steps} needs a finite trainer.max_steps to decay towards; "
            "set trainer.max_steps or training.decay_steps=0."
        )
    params = [p for p in module.parameters() if p.requires_grad]
    if not params:
        raise ValueError("the module has no trainable parameters; did something freeze it?")
    groups = [
        {"params": [p for p in params if p.ndim >= 2], "weight_decay": cfg.weight_decay},
        {"params": [p for p in params if p.ndim < 2], "weight_decay": 0.0},
    ]
    optimizer = optimizer or functools.partial(torch.optim.AdamW)
    opt = optimizer(groups, lr=cfg.lr, betas=tuple(cfg.betas), weight_decay=cfg.weight_decay)
    # Factor on the base lr at optimiser step s: (s + 1) / warmup, then 1, then the final decay.
    factor = functools.partial(
        _lr_factor,
        warmup=cfg.warmup_steps,
        decay_start=(max_steps - cfg.decay_steps) if cfg.decay_steps else None,
        decay_steps=cfg.decay_steps,
        min_ratio=cfg.min_lr_ratio,
    )
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, factor)
    return {"optimizer": opt, "lr_scheduler": {"scheduler": schedule, "interval": "step"}}


def _lr_factor(
    step: int, warmup: int, decay_start: int | None, decay_steps: int, min_ratio: float
) -> float:
    # A module-level function (not a lambda) so the scheduler's state pickles into checkpoints.
    # The schedule is rebuilt from the config on resume, so a run can be extended or given a
    # decay phase after the fact.
    factor = 1.0 if warmup == 0 else min(1.0, (step + 1) / warmup)
    if decay_start is not None and step >= decay_start:
        progress = min(1.0, (step - decay_start + 1) / decay_steps)
        factor *= 1.0 - (1.0 - min_ratio) * progress
    return factor
