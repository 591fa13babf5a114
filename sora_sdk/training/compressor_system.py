"""CompressorSystem: trains a `VideoCompressor` (causal 3D VAE) to reconstruct video.

Objective: ``mse_weight`` x MSE + ``l1_weight`` x L1 reconstruction + ``kl_weight`` x
KL(posterior || N(0, I)) [+ ``ssim_weight`` x (1 - SSIM)]. MSE by default: on the mostly-background
Shapes clips, L1 (a median loss) kept a deep compressor at the background colour for hundreds of
steps, while MSE pulls the small objects through (measured: see docs/architecture.md); the KL term
is kept small so it only regularises the latent scale. At export the
per-channel latent statistics are measured on training videos (`fit_latent_stats`) so the DiT
stage sees roughly unit-variance latents, and the compressor folder is written with
`save_pretrained`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import lightning.pytorch as pl
import torch
import torch.nn.functional as F

from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.training.config import CompressorTrainingConfig
from sora_sdk.training.optim import build_optimizer
from sora_sdk.training.random_streams import step_generator

__all__ = ["CompressorSystem", "ssim_loss", "batch_psnr"]


# ----------------------------------------------------------------------------------------------
# Differentiable image metrics (sora_sdk.eval.metrics returns Python floats, for reporting)
# ----------------------------------------------------------------------------------------------


def ssim_loss(x: torch.Tensor, y: torch.Tensor, win_size: int = 7, sigma: float = 1.5) -> torch.Tensor:
    """1 - mean SSIM of two videos (B, 3, T, H, W) in [-1, 1], differentiable, in fp32.

    Frames are mapped to [0, 1] first (SSIM's luminance term assumes values start at 0) and
    compared per channel with a Gaussian window and 'valid' borders (Wang et al. 2004 constants).
    A 7-pixel window fits the 16x16 frames of tiny tests as well as 64x64 ones.
    """
    b, c, t, h, w = x.shape
    if win_size > min(h, w):
        raise ValueError(f"win_size={win_size} exceeds the frame size {h}x{w}; use a smaller odd window.")
    # (B, 3, T, H, W) -> (B*3*T, 1, H, W) in [0, 1], fp32: variances of near-flat regions are tiny.
    x = ((x.float() + 1) / 2).reshape(-1, 1, h, w)
    y = ((y.float() + 1) / 2).reshape(-1, 1, h, w)
    g = torch.arange(win_size, dtype=torch.float32, device=x.device) - (win_size - 1) / 2
    g = torch.exp(-(g**2) / (2 * sigma**2))
    g = g / g.sum()
    gx, gy = g.view(1, 1, 1, -1), g.view(1, 1, -1, 1)

    def blur(z: torch.Tensor) -> torch.Tensor:  # separable Gaussian, 'valid' borders
        return F.conv2d(F.conv2d(z, gx), gy)

    # Autocast off: it would run the convolutions in bf16, and E[x^2] - E[x]^2 in bf16 cancels
    # to garbage (negative variances, a zero denominator) on flat regions.
    with torch.autocast(x.device.type, enabled=False):
        mu_x, mu_y = blur(x), blur(y)
        var_x = (blur(x * x) - mu_x**2).clamp_min(0)
        var_y = (blur(y * y) - mu_y**2).clamp_min(0)
        cov = blur(x * y) - mu_x * mu_y
        c1, c2 = 0.01**2, 0.03**2
        s = ((2 * mu_x * mu_y + c1) * (2 * cov + c2)) / ((mu_x**2 + mu_y**2 + c1) * (var_x + var_y + c2))
    return 1 - s.mean()


def batch_psnr(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """PSNR in dB over a whole batch of [-1, 1] videos (data range 2), as a tensor for logging."""
    mse = (x.float() - y.float()).pow(2).mean().clamp_min(1e-10)
    return 10 * torch.log10(4.0 / mse)


# ----------------------------------------------------------------------------------------------
# The system
# ----------------------------------------------------------------------------------------------


class CompressorSystem(pl.LightningModule):
    """Lightning system training a `VideoCompressor` on video reconstruction.

    Args:
        compressor: the `VideoCompressor` to train.
        optimizer: optimiser class or ``_partial_`` taking (params, lr, betas, weight_decay);
            AdamW by default. Its hyper-parameters come from ``training``.
        training: `CompressorTrainingConfig` or a mapping of its fields (validated).
    """

    def __init__(
        self,
        compressor: VideoCompressor,
        optimizer: Callable[..., torch.optim.Optimizer] | None = None,
        training: CompressorTrainingConfig | Mapping[str, Any] | None = None,
    ):
        super().__init__()
        if not isinstance(compressor, VideoCompressor):
            raise TypeError(f"compressor must be a VideoCompressor, got {type(compressor).__name__}.")
        if training is None:
            training = CompressorTrainingConfig()
        elif not isinstance(training, CompressorTrainingConfig):
            training = CompressorTrainingConfig.model_validate(dict(training))
        self.cfg = training
        self.compressor = compressor
        self.optimizer = optimizer
        self.save_hyperparameters({"training": self.cfg.model_dump(mode="json")})

    def configure_optimizers(self) -> dict:
        max_steps = self.trainer.max_steps if self._trainer is not None else None
        return build_optimizer(self.compressor, self.optimizer, self.cfg, max_steps=max_steps)

    def training_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "train", batch_idx)

    def validation_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "val", batch_idx)

    def _common_step(self, batch: dict, stage: str, batch_idx: int) -> torch.Tensor:
        video = batch["video"]  # (B, 3, T, H, W) in [-1, 1]
        if video.ndim != 5 or video.shape[1] != 3:
            raise ValueError(
                f"batch['video'] must be (B, 3, T, H, W) (collate_videos' layout), got {tuple(video.shape)}."
            )
        posterior = self.compressor.encode(video)
        if stage == "train" and self.cfg.sample_posterior:
            gen = step_generator(self.cfg.seed, stage, self.global_step, batch_idx, self.global_rank)
            eps = torch.randn(posterior.mean.shape, generator=gen).to(video.device)
            z = posterior.mean + posterior.std * eps
        else:
            z = posterior.mean  # validation measures the deterministic round trip
        recon = self.compressor.decode(z.to(video.dtype))

        # Losses in fp32: bf16 rounding is of the order of the residuals late in training.
        l1 = (recon.float() - video.float()).abs().mean()
        # KL per latent element (not summed), so kl_weight does not depend on the video size.
        # (diffusers' posterior.kl() sums dims 1-3 only, which is wrong for 5D video latents.)
        kl = 0.5 * (posterior.mean.pow(2) + posterior.var - 1.0 - posterior.logvar).float().mean()
        mse = (recon.float() - video.float()).pow(2).mean()
        loss = self.cfg.mse_weight * mse + self.cfg.l1_weight * l1 + self.cfg.kl_weight * kl
        if self.cfg.ssim_weight > 0:
            loss = loss + self.cfg.ssim_weight * ssim_loss(recon, video)

        b = video.shape[0]
        sync = stage != "train"
        self.log(f"{stage}/loss", loss, prog_bar=True, batch_size=b, sync_dist=sync)
        self.log(f"{stage}/l1", l1, batch_size=b, sync_dist=sync)
        self.log(f"{stage}/mse", mse, batch_size=b, sync_dist=sync)
        self.log(f"{stage}/kl", kl, batch_size=b, sync_dist=sync)
        self.log(f"{stage}/psnr", batch_psnr(recon.detach(), video), prog_bar=True, batch_size=b, sync_dist=sync)
        return loss

    # ------------------------------------------------------------------ export
    def export_compressor(self, path: str | Path, videos: torch.Tensor | None = None) -> Path:
        """Fit latent statistics and write the compressor folder (`save_pretrained`).

        Args:
            path: output folder.
            videos: (N, 3, T, H, W) clips to measure the latent mean/std on; defaults to the first
                ``stats_samples`` training videos of the attached datamodule.
        """
        if videos is None:
            datamodule = getattr(self.trainer, "datamodule", None) if self._trainer is not None else None
            if datamodule is None or not hasattr(datamodule, "sample_videos"):
                raise ValueError(
                    "export_compressor needs videos to measure latent statistics on: pass videos=(N, 3, T, H, W) "
                    "or call it on a system trained with a VideoDataModule."
                )
            videos = datamodule.sample_videos(self.cfg.stats_samples)
        was_training = self.compressor.training
        self.compressor.eval()
        # fp32 statistics on the CPU copy's device: these numbers scale every latent the DiT sees.
        self.compressor.fit_latent_stats(videos.to(self.device, torch.float32))
        self.compressor.train(was_training)
        path = Path(path)
        self.compressor.save_pretrained(path, safe_serialization=True)
        return path

    def export(self, path: str | Path) -> Path:
        """What this stage produces (used by the train entry and `PeriodicExport`)."""
        return self.export_compressor(path)
