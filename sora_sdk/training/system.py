"""VideoDiffusionSystem: trains a `SpacetimeDiT` on compressor latents with rectified flow.

The system is the training recipe; the model is a plain `SpacetimeDiT` that knows nothing of
Lightning. One step (`_common_step`):

    video (B, 3, T, H, W) --frozen compressor, no grad--> normalised latents x0 (B, C, T', H', W')
    captions --text dropout ("" w.p. p)--> frozen text encoder --> tokens, mask, pooled
    sigma (B,) ~ logit-normal, shifted by resolution_shift(num_tokens) like the sampler
    pin mask (B, T') ~ random condition modes; pinned frames get sigma 0 (clean, timestep 0)
    x_t = (1 - sigma) x0 + sigma noise  per frame;  loss = flow_loss on the noisy frames only

An EMA copy of the transformer is updated after every optimiser step, saved in checkpoints, used
for validation and exported as the generator's transformer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lightning.pytorch as pl
import torch
from diffusers import FlowMatchEulerDiscreteScheduler

from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.models.dit import SpacetimeDiT
from sora_sdk.models.text_encoder import MiniLMTextEncoder, TextEncoder
from sora_sdk.sampling.flow import add_noise, flow_loss, resolution_shift, sample_training_sigmas
from sora_sdk.training.config import DiffusionTrainingConfig
from sora_sdk.training.masks import ConditionMaskSampler
from sora_sdk.training.optim import build_optimizer
from sora_sdk.training.random_streams import step_generator

if TYPE_CHECKING:
    from sora_sdk.pipeline.generator import VideoGenerator

__all__ = ["VideoDiffusionSystem", "load_compressor"]


def load_compressor(compressor: VideoCompressor | str | Path | None) -> VideoCompressor:
    """A frozen compressor from a module or a folder written by `save_pretrained` (with stats)."""
    if compressor is None:
        raise ValueError(
            "the DiT stage needs a trained compressor: train one with "
            "`sora-sdk train experiment=tiny_shapes_compressor` and pass its folder as "
            "compressor_path=<run>/model (or give a VideoCompressor module)."
        )
    if not isinstance(compressor, VideoCompressor):
        path = Path(compressor)
        if not (path / "config.json").is_file():
            raise ValueError(
                f"{path} is not a compressor folder (no config.json); pass the folder the compressor "
                "stage exported (compressor_path=<run>/model) or VideoCompressor.save_pretrained wrote."
            )
        compressor = VideoCompressor.from_pretrained(path, low_cpu_mem_usage=False)
    if compressor.config.latents_mean is None or compressor.config.latents_std is None:
        raise ValueError(
            "the compressor has no latent statistics, so its latents are not normalised for the "
            "denoiser; call compressor.fit_latent_stats(videos) (the compressor stage does this at "
            "export) and save it again."
        )
    return compressor.eval().requires_grad_(False)


class VideoDiffusionSystem(pl.LightningModule):
    """Lightning system training a `SpacetimeDiT` on a frozen compressor's latent space.

    Args:
        compressor: a trained `VideoCompressor` or the folder it was saved to (frozen here).
        transformer: a `SpacetimeDiT`, or a callable (Hydra ``_partial_``) that builds one from
            ``in_channels=`` and ``text_dim=``, which are then taken from the compressor and the
            text encoder so they cannot disagree.
        text_encoder: frozen `TextEncoder`; defaults to `MiniLMTextEncoder`.
        optimizer: optimiser class or ``_partial_`` taking (params, lr, betas, weight_decay);
            AdamW by default. Its hyper-parameters come from ``training``.
        training: `DiffusionTrainingConfig` or a mapping of its fields (validated).
    """

    def __init__(
        self,
        compressor: VideoCompressor | str | Path | None,
        transformer: SpacetimeDiT | Callable[..., SpacetimeDiT],
        text_encoder: TextEncoder | None = None,
        optimizer: Callable[..., torch.optim.Optimizer] | None = None,
        training: DiffusionTrainingConfig | Mapping[str, Any] | None = None,
    ):
        super().__init__()
        self.cfg = _validate(training)
        self.text_encoder = text_encoder or MiniLMTextEncoder()
        self.compressor = load_compressor(compressor)
        if not isinstance(transformer, SpacetimeDiT):
            transformer = transformer(
                in_channels=self.compressor.config.latent_channels, text_dim=self.text_encoder.hidden_size
            )
        if transformer.config.in_channels != self.compressor.config.latent_channels:
            raise ValueError(
                f"transformer.in_channels={transformer.config.in_channels} but the compressor has "
                f"latent_channels={self.compressor.config.latent_channels}; build the DiT with a matching "
                "in_channels (or pass it as a partial and let the system fill it in)."
            )
        if transformer.config.text_dim != self.text_encoder.hidden_size:
            raise ValueError(
                f"transformer.text_dim={transformer.config.text_dim} but the text encoder's hidden_size "
                f"is {self.text_encoder.hidden_size}; make them equal."
            )
        self.transformer = transformer
        # The EMA never receives gradients; as a registered submodule it is saved in checkpoints,
        # moved with the system and broadcast by DDP at start-up like every other module.
        self.ema_transformer = copy.deepcopy(transformer).requires_grad_(False).eval()
        self.optimizer = optimizer
        self.mask_sampler = ConditionMaskSampler(self.cfg.condition_masks)
        self.save_hyperparameters({"training": self.cfg.model_dump(mode="json")})

    # ------------------------------------------------------------------ Lightning plumbing
    def train(self, mode: bool = True) -> VideoDiffusionSystem:
        # Frozen parts stay in eval mode whatever Lightning toggles.
        super().train(mode)
        self.compressor.eval()
        self.ema_transformer.eval()
        return self

    def on_fit_start(self) -> None:
        if hasattr(self.text_encoder, "to"):
            self.text_encoder.to(self.device)

    def configure_optimizers(self) -> dict:
        max_steps = self.trainer.max_steps if self._trainer is not None else None
        return build_optimizer(self.transformer, self.optimizer, self.cfg, max_steps=max_steps)

    def optimizer_step(self, *args, **kwargs) -> None:
        super().optimizer_step(*args, **kwargs)
        self.update_ema()

    def training_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "train", batch_idx)

    def validation_step(self, batch: dict, batch_idx: int) -> torch.Tensor:
        return self._common_step(batch, "val", batch_idx)

    # ------------------------------------------------------------------ the step
    def _common_step(self, batch: dict, stage: str, batch_idx: int) -> torch.Tensor:
        # Every draw below comes from this generator (see random_streams): exact resume, and a
        # fixed validation noise so val/loss only moves when the weights do.
        keys = (batch_idx, self.global_rank) if stage == "val" else (self.global_step, batch_idx, self.global_rank)
        gen = step_generator(self.cfg.seed, stage, *keys)

        x0 = self.encode_latents(batch, gen)  # (B, C, T, H, W), normalised
        b, _, t, h, w = x0.shape

        captions = list(batch["caption"])
        if stage == "train" and self.cfg.text_dropout > 0:
            drop = torch.rand(b, generator=gen) < self.cfg.text_dropout  # (B,)
            captions = ["" if d else c for c, d in zip(captions, drop.tolist())]
        text = self.text_encoder.encode(captions, device=self.device)

        # Same shift rule as the sampler: base shift x sqrt(tokens / 256).
        gt, gh, gw = self.transformer.token_grid(t, h, w)
        shift = resolution_shift(gt * gh * gw, base_shift=self.cfg.base_shift)
        sigma = sample_training_sigmas(b, shift, self.cfg.logit_mean, self.cfg.logit_std, generator=gen)  # (B,)
        pinned = self.mask_sampler(b, t, generator=gen)  # (B, T) True = clean condition frame
        sigma = torch.where(pinned, 0.0, sigma[:, None]).to(self.device)  # (B, T) per latent frame
        pinned = pinned.to(self.device)
        noise = torch.randn(x0.shape, generator=gen).to(self.device, x0.dtype)

        x_t = add_noise(x0, noise, sigma)  # pinned frames: sigma 0, so exactly x0
        model = self.transformer if stage == "train" else self.ema_transformer
        out = model(
            x_t,
            sigma * 1000.0,  # (B, T) timesteps; 0 on pinned frames
            text.tokens,
            text.pooled,
            encoder_attention_mask=text.mask,
        )
        loss = flow_loss(out, x0, noise, model.config.prediction_type, loss_mask=~pinned)
        self.log(f"{stage}/loss", loss, prog_bar=True, batch_size=b, sync_dist=stage != "train")
        return loss

    @torch.no_grad()
    def encode_latents(self, batch: dict, generator: torch.Generator | None = None) -> torch.Tensor:
        """Normalised latents for a batch: ``batch["latents"]`` if precomputed, a sample of a cached
        posterior (``posterior_mean``/``posterior_std``, from `LatentCache`), else encode ``video``.

        The posterior is sampled (not its mean), as the compressor was trained to decode samples.
        """
        if "latents" in batch:
            return batch["latents"].float()
        if "posterior_mean" in batch:
            mean = batch["posterior_mean"].to(self.device, torch.float32)
            std = batch["posterior_std"].to(self.device, torch.float32)
            z = mean + std * torch.randn(mean.shape, generator=generator).to(self.device)
            return self.compressor.normalize(z)
        video = batch["video"]
        if video.ndim != 5 or video.shape[1] != 3:
            raise ValueError(
                f"batch['video'] must be (B, 3, T, H, W) (collate_videos' layout), got {tuple(video.shape)}."
            )
        posterior = self.compressor.encode(video)
        z = posterior.mean + posterior.std * torch.randn(posterior.mean.shape, generator=generator).to(video.device)
        # fp32: the flow target is built from x0, and the loss is taken in fp32 (flow_loss).
        return self.compressor.normalize(z.float())

    # ------------------------------------------------------------------ EMA
    @torch.no_grad()
    def update_ema(self) -> None:
        """ema <- decay * ema + (1 - decay) * online, with a warm-up so early EMAs are not stale.

        The effective decay min(decay, (1 + n) / (10 + n)) after n updates lets a short run's EMA
        follow the weights instead of staying near the random initialisation.
        """
        n = self.global_step
        decay = min(self.cfg.ema_decay, (1 + n) / (10 + n))
        ema = [p for p in self.ema_transformer.parameters()]
        online = [p.detach() for p in self.transformer.parameters()]
        torch._foreach_lerp_(ema, online, 1.0 - decay)

    # ------------------------------------------------------------------ export
    def as_generator(self) -> VideoGenerator:
        """A `VideoGenerator` on CPU copies of the EMA transformer and the compressor.

        The scheduler's ``shift`` is the base shift; the generator scales it per request by the
        token count, exactly as training did. Copies, because the generator freezes what it is
        given and training may continue.
        """
        from sora_sdk.pipeline.generator import VideoGenerator

        transformer = copy.deepcopy(self.ema_transformer).to("cpu")
        compressor = copy.deepcopy(self.compressor).to("cpu")
        generator = VideoGenerator(
            compressor, transformer, self.text_encoder, FlowMatchEulerDiscreteScheduler(shift=self.cfg.base_shift)
        )
        generator.vocabulary = self._training_vocabulary()
        return generator

    def export_generator(self, path: str | Path, name: str | None = None) -> Path:
        """Write a `VideoGenerator` folder (EMA weights) that `VideoGenerator.from_pretrained` loads."""
        return self.as_generator().save_pretrained(path, name=name)

    def _training_vocabulary(self) -> frozenset[str] | None:
        # The training set's closed vocabulary, if it declares one (Shapes, or a cache of it),
        # so the exported model can tell users which prompt words it never saw.
        datamodule = getattr(self._trainer, "datamodule", None) if self._trainer is not None else None
        dataset = getattr(datamodule, "train_dataset", None)
        for candidate in (dataset, getattr(dataset, "source", None)):
            if callable(getattr(candidate, "vocabulary", None)):
                return frozenset(candidate.vocabulary())
        return None

    def export(self, path: str | Path) -> Path:
        """What this stage produces (used by the train entry and `PeriodicExport`)."""
        return self.export_generator(path)


def _validate(training) -> DiffusionTrainingConfig:
    if training is None:
        return DiffusionTrainingConfig()
    if isinstance(training, DiffusionTrainingConfig):
        return training
    return DiffusionTrainingConfig.model_validate(dict(training))

