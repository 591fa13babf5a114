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
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from diffusers import FlowMatchEulerDiscreteScheduler

from sora_sdk.models.compressor import VideoCompressor, load_compressor
from sora_sdk.models.dit import SpacetimeDiT
from sora_sdk.models.text_encoder import MiniLMTextEncoder, TextEncoder
from sora_sdk.sampling.flow import add_noise, flow_loss, resolution_shift, sample_training_sigmas
from sora_sdk.training.config import DiffusionTrainingConfig
from sora_sdk.training.foreground import foreground_weights
from sora_sdk.training.masks import ConditionMaskSampler
from sora_sdk.training.ema import EMASystem
from sora_sdk.training.random_streams import step_generator

if TYPE_CHECKING:
    from sora_sdk.pipeline.generator import VideoGenerator

__all__ = ["VideoDiffusionSystem", "load_compressor", "warm_start_transformer"]  # load_compressor: re-exported from sora_sdk.models.compressor


class VideoDiffusionSystem(EMASystem):
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
        if self.cfg.init_from:  # before registering, so the EMA starts from the same weights
            warm_start_transformer(transformer, self.cfg.init_from)
        self._register_trained("transformer", transformer)  # + ema_transformer (see EMASystem)
        self.optimizer = optimizer
        self.mask_sampler = ConditionMaskSampler(self.cfg.condition_masks)
        self.save_hyperparameters({"training": self.cfg.model_dump(mode="json")})

    # ------------------------------------------------------------------ Lightning plumbing
    # (optimiser, EMA update, train/val step routing: EMASystem)
    def train(self, mode: bool = True) -> VideoDiffusionSystem:
        # Frozen parts stay in eval mode whatever Lightning toggles.
        super().train(mode)
        self.compressor.eval()
        return self

    def on_fit_start(self) -> None:
        if hasattr(self.text_encoder, "to"):
            self.text_encoder.to(self.device)

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
        if self.cfg.pure_noise_prob > 0:  # drawn only when enabled: older runs resume unchanged
            sigma = torch.where(torch.rand(b, generator=gen) < self.cfg.pure_noise_prob, 1.0, sigma)
        pinned = self.mask_sampler(b, t, generator=gen)  # (B, T) True = clean condition frame
        sigma = torch.where(pinned, 0.0, sigma[:, None]).to(self.device)  # (B, T) per latent frame
        pinned = pinned.to(self.device)
        noise = torch.randn(x0.shape, generator=gen).to(self.device, x0.dtype)

        x_t = add_noise(x0, noise, sigma)  # pinned frames: sigma 0, so exactly x0
        model = self.model_for(stage)
        out = model(
            x_t,
            sigma * 1000.0,  # (B, T) timesteps; 0 on pinned frames
            text.tokens,
            text.pooled,
            encoder_attention_mask=text.mask,
        )
        weight = None
        if self.cfg.foreground_weight > 0:
            # The mask from the posterior mean when cached (no sampling noise), else from x0.
            clean = self.compressor.normalize(batch["posterior_mean"].to(self.device, torch.float32)) if "posterior_mean" in batch else x0
            weight = foreground_weights(clean, self.cfg.foreground_weight)  # (B, 1, T, H, W)
        loss = flow_loss(out, x0, noise, model.config.prediction_type, loss_mask=~pinned, weight=weight)
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


def warm_start_transformer(transformer: SpacetimeDiT, source: str | Path) -> None:
    """Load the transformer weights of a `VideoGenerator` folder (or shipped model name) into
    ``transformer``, in its own dtype. The two must be the same architecture.

    Raises:
        ValueError: no such folder or shipped model, or a different architecture.
    """
    from sora_sdk.pipeline.presets import shipped_models

    shipped = shipped_models()
    path = Path(source)
    if not (path / "transformer" / "config.json").is_file():
        if str(source) not in shipped:
            raise ValueError(
                f"init_from={str(source)!r}: not a VideoGenerator folder (no transformer/config.json) and not a "
                f"shipped model ({sorted(shipped) or 'none shipped'}); pass an exported model folder "
                "(a run's output_dir), a shipped name, or init_from=null to start from scratch."
            )
        path = shipped[str(source)]
    src = SpacetimeDiT.from_pretrained(path / "transformer", low_cpu_mem_usage=False)
    # Through JSON, as the configs are stored: a tuple here equals the list read back there.
    theirs, ours = (json.loads(json.dumps(dict(m.config), default=str)) for m in (src, transformer))
    differ = sorted(k for k in ours if not k.startswith("_") and theirs.get(k) != ours[k])
    if differ:
        raise ValueError(
            f"init_from={str(source)!r} is a different architecture: "
            + ", ".join(f"{k}={theirs.get(k)!r} there, {ours[k]!r} here" for k in differ)
            + ". Build the DiT with the same config (e.g. model=compact for the shipped default)."
        )
    own_dtype = next(transformer.parameters()).dtype
    transformer.load_state_dict({k: v.to(own_dtype) for k, v in src.state_dict().items()}, strict=True)


def _validate(training) -> DiffusionTrainingConfig:
    if training is None:
        return DiffusionTrainingConfig()
    if isinstance(training, DiffusionTrainingConfig):
        return training
    return DiffusionTrainingConfig.model_validate(dict(training))

