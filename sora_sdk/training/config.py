"""Runtime training hyper-parameters, validated once (pydantic, unknown keys are an error).

Hydra composes these as plain mappings under ``model.training`` and the systems validate them
here, so a typo (``warmup_step``) or an impossible value (a negative learning rate) fails at start
with the field named, not thousands of steps later. Every default carries the reason it is the
default.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ConditionMaskProbabilities",
    "OptimizationConfig",
    "DiffusionTrainingConfig",
    "CompressorTrainingConfig",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConditionMaskProbabilities(_Strict):
    """How often each frame-condition mode is drawn per training sample (must sum to 1).

    The modes pin latent frames clean, as the pipeline does for image/video prompts, so one
    checkpoint learns text-to-video and every frame-conditioned task at once (Open-Sora 1.x).
    """

    # Most samples stay plain text-to-video: it is the task every other one builds on.
    none: float = Field(0.6, ge=0, le=1)
    # Image-to-video (the first latent frame pinned) is the most requested conditioned task.
    image_head: float = Field(0.15, ge=0, le=1)
    # Last-frame pinning teaches "end on this image" and, with image_head, transitions.
    image_tail: float = Field(0.05, ge=0, le=1)
    # A pinned prefix is video extension forward and the world model's context frames.
    extension: float = Field(0.1, ge=0, le=1)
    # A pinned suffix is extension backward in time.
    extension_backward: float = Field(0.05, ge=0, le=1)
    # Scattered pinned frames cover interpolation and keyframe conditioning.
    random_frames: float = Field(0.05, ge=0, le=1)

    @model_validator(mode="after")
    def _sums_to_one(self) -> ConditionMaskProbabilities:
        total = sum(self.model_dump().values())
        if not math.isclose(total, 1.0, abs_tol=1e-6):
            raise ValueError(
                f"condition mask probabilities must sum to 1, got {total:.6g} from {self.model_dump()}; "
                "adjust `none` (or the others) so they do."
            )
        return self


class OptimizationConfig(_Strict):
    """Optimiser hyper-parameters shared by both training stages (AdamW-family optimisers)."""

    # 1e-4 is the DiT/SD3 value for transformers at batch 256; small CPU batches tolerate more.
    lr: float = Field(1e-4, gt=0)
    # Mild decoupled decay on matrices only (norms, biases and embeddings' biases are excluded).
    weight_decay: float = Field(0.0, ge=0)
    # beta2 = 0.999 is the common diffusion choice: smooth second moments for noisy losses.
    betas: tuple[float, float] = (0.9, 0.999)
    # Linear warm-up keeps the first Adam steps (tiny, unreliable second moments) from blowing up.
    warmup_steps: int = Field(100, ge=0)
    # Warm-up/stable/decay: the lr falls linearly to ``min_lr_ratio`` x lr over the last
    # ``decay_steps`` optimiser steps before ``trainer.max_steps`` (0 = constant after warm-up).
    # A stable phase can be resumed and extended at will; the final decay buys the last dB of
    # PSNR / the last bit of loss that a constant lr's noise hides.
    decay_steps: int = Field(0, ge=0)
    min_lr_ratio: float = Field(0.05, ge=0, le=1)

    @model_validator(mode="after")
    def _betas_in_range(self) -> OptimizationConfig:
        if not all(0.0 <= b < 1.0 for b in self.betas):
            raise ValueError(f"betas must each be in [0, 1), got {self.betas}.")
        return self


class DiffusionTrainingConfig(OptimizationConfig):
    """Hyper-parameters of `VideoDiffusionSystem` (the DiT stage)."""

    # Diffusion losses are noisy; a slow average of the weights samples much better (DiT, SD3).
    ema_decay: float = Field(0.999, ge=0, lt=1)
    # Captions replaced by "" this often, so the same model predicts unconditionally and
    # classifier-free guidance works at sampling time (10% is the usual choice).
    text_dropout: float = Field(0.1, ge=0, le=1)
    # Random frame conditions: one checkpoint serves image-to-video, extension, transitions...
    condition_masks: ConditionMaskProbabilities = ConditionMaskProbabilities()
    # Shift at 256 tokens; multiplied by resolution_shift(num_tokens) per batch, exactly as the
    # sampler does, so training and sampling see the same noise-level distribution.
    base_shift: float = Field(1.0, gt=0)
    # Logit-normal sigma sampling (SD3): mean 0, std 1 puts most samples at mid noise, where the
    # velocity is hardest to predict.
    logit_mean: float = 0.0
    logit_std: float = Field(1.0, gt=0)
    # Share of samples at exactly sigma = 1. Sampling starts there, and that is where the layout,
    # background and motion are decided. The logit-normal almost never draws it (sigma > 0.99 in
    # ~0.1% of samples at shift 1). The default model's x0 prediction at sigma >= 0.99 was still
    # noise at step 5500 while sigma <= 0.9 was clean (docs/default-model.md).
    pure_noise_prob: float = Field(0.0, ge=0, le=1)
    # Extra loss weight on the latent positions that hold objects (`foreground_weights`: 1 + this
    # on foreground, normalised to mean 1 per clip). For footage of a few objects on a plain
    # background (Shapes), where shape and direction live in a few per cent of the positions;
    # 0 (off) for natural video, where "far from the median latent" does not mean "object".
    foreground_weight: float = Field(0.0, ge=0)
    # A VideoGenerator folder (or a shipped name such as "default") whose transformer weights the
    # DiT and its EMA start from in a new fit: fine-tuning a released model with a changed
    # objective. The architecture must match exactly. A resumed fit restores its checkpoint over it.
    init_from: str | None = None
    # Seeds the per-step noise/sigma/mask/dropout streams (derived from seed, step and rank), so a
    # resumed run draws exactly what an uninterrupted one would.
    seed: int = 0


class CompressorTrainingConfig(OptimizationConfig):
    """Hyper-parameters of `CompressorSystem` (the VAE stage)."""

    # 1e-3 diverged (KL blew up) on the small compressor in bf16; 3e-4 trains steadily.
    lr: float = Field(3e-4, gt=0)
    # MSE pulls small objects through the bottleneck; L1 (a median) sat at the background colour.
    mse_weight: float = Field(1.0, ge=0)
    l1_weight: float = Field(0.0, ge=0)
    warmup_steps: int = Field(50, ge=0)
    # Small KL weight: enough to keep the latent smooth and bounded for the denoiser, small enough
    # not to blur reconstructions (SD-VAE uses ~1e-6 with an L1/perceptual loss).
    kl_weight: float = Field(1e-6, ge=0)
    # Optional structural term; 0 keeps the default objective plain L1 + KL.
    ssim_weight: float = Field(0.0, ge=0)
    # Training on posterior samples (not the mean) makes the decoder robust to latent noise,
    # which is what the denoiser's imperfect latents look like.
    sample_posterior: bool = True
    # Videos encoded to measure latent mean/std at export; a few dozen clips pin them down.
    stats_samples: int = Field(64, ge=2)
    seed: int = 0
