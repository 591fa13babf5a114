"""Rectified-flow (flow matching) objective shared by training and sampling.

Convention (diffusers' FlowMatchEulerDiscreteScheduler): sigma in [0, 1],
    x_sigma = (1 - sigma) * x0 + sigma * noise,   velocity v = noise - x0,
and the sampler integrates dx/dsigma = v from sigma = 1 (noise) to 0 (data). The network's
timestep input is sigma * 1000.
"""

from __future__ import annotations

import math

import torch

from sora_sdk.models.dit import PREDICTION_TYPES

# Token count at which the timestep shift is 1 (no shift). Larger grids carry more redundant
# signal per unit of noise, so their noise schedule is shifted towards high noise (SD3, sec. 5.3.2).
BASE_SHIFT_TOKENS = 256


def resolution_shift(num_tokens: int, base_shift: float = 1.0, base_tokens: int = BASE_SHIFT_TOKENS) -> float:
    """Timestep shift for a token grid: ``base_shift * sqrt(num_tokens / base_tokens)``."""
    return base_shift * math.sqrt(num_tokens / base_tokens)


def shift_sigmas(sigma: torch.Tensor, shift: float) -> torch.Tensor:
    """Warp sigmas so that shift > 1 spends more of the schedule at high noise."""
    return shift * sigma / (1 + (shift - 1) * sigma)


def sample_training_sigmas(
    batch_size: int,
    shift: float = 1.0,
    logit_mean: float = 0.0,
    logit_std: float = 1.0,
    generator: torch.Generator | None = None,
    device=None,
) -> torch.Tensor:
    """Logit-normal sigmas (SD3): most samples at mid noise, where the velocity is hardest to learn."""
    u = torch.randn(batch_size, generator=generator, device=device) * logit_std + logit_mean
    return shift_sigmas(torch.sigmoid(u), shift)


def add_noise(x0: torch.Tensor, noise: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """x_sigma for sigma broadcast per sample (B,) or per latent frame (B, T) over (B, C, T, H, W)."""
    return (1 - _expand(sigma, x0)) * x0 + _expand(sigma, x0) * noise


def to_velocity(model_output: torch.Tensor, x_t: torch.Tensor, sigma: torch.Tensor, prediction_type: str) -> torch.Tensor:
    """Convert a network output to the velocity the sampler integrates."""
    if prediction_type == "velocity":
        return model_output
    if prediction_type == "sample":
        # v = (x_t - x0) / sigma; the clamp keeps the last step finite (sigma -> 0 there).
        return (x_t - model_output) / _expand(sigma, x_t).clamp_min(1e-3)
    raise ValueError(f"prediction_type={prediction_type!r}; use one of {PREDICTION_TYPES}.")


def flow_loss(
    model_output: torch.Tensor,
    x0: torch.Tensor,
    noise: torch.Tensor,
    prediction_type: str,
    loss_mask: torch.Tensor | None = None,
    weight: torch.Tensor | None = None,
) -> torch.Tensor:
    """Mean squared error against the native target (velocity or x0), in fp32.

    Args:
        loss_mask: (B, T) bool, True for latent frames that count (the noisy ones); conditioned
            frames are given to the model clean and are not a target.
        weight: optional (B, 1, T, H, W) per-position weights (e.g. `foreground_weights`), applied
            to the squared error before the per-frame mean; ``None`` weighs every position 1.
    """
    target = noise - x0 if prediction_type == "velocity" else x0
    sq = (model_output.float() - target.float()).pow(2)  # (B, C, T, H, W)
    if weight is not None:
        if weight.shape != (sq.shape[0], 1, *sq.shape[2:]):
            raise ValueError(f"weight must be (B, 1, T, H, W) = {(sq.shape[0], 1, *sq.shape[2:])}, got {tuple(weight.shape)}.")
        sq = sq * weight.float()
    err = sq.mean(dim=(1, 3, 4))  # (B, T)
    if loss_mask is None:
        return err.mean()
    w = loss_mask.float()
    return (err * w).sum() / w.sum().clamp_min(1.0)


def _expand(sigma: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    if sigma.ndim == 1:  # (B,) -> (B, 1, 1, 1, 1)
        return sigma.view(-1, 1, 1, 1, 1).to(like.dtype)
    if sigma.ndim == 2:  # (B, T) -> (B, 1, T, 1, 1)
        return sigma[:, None, :, None, None].to(like.dtype)
    raise ValueError(f"sigma must be (B,) or (B, T); got {tuple(sigma.shape)}")
