"""VideoDiffusionSystem and CompressorSystem learn on a fixed batch under a real bf16 Trainer."""

import lightning.pytorch as pl
import pytest
import torch

from sora_sdk.data.shapes import Shapes
from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.models.dit import DIT_PRESETS, SpacetimeDiT
from sora_sdk.pipeline.generator import VideoGenerator
from sora_sdk.pipeline.presets import COMPRESSOR_PRESETS
from sora_sdk.training.compressor_system import CompressorSystem, ssim_loss
from sora_sdk.training.datamodule import VideoDataModule
from sora_sdk.training.system import VideoDiffusionSystem

FRAMES, SIZE = 9, 32  # a (4, 3, 8, 8) latent grid with the tiny compressor


class LossHistory(pl.Callback):
    def __init__(self):
        self.losses = []

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        self.losses.append(float(outputs["loss"]))


def fit(system, steps: int, batch_size: int = 4) -> list[float]:
    # A dataset of exactly one batch: every step sees the same clips (in shuffled order).
    data = VideoDataModule(Shapes(batch_size, FRAMES, SIZE, SIZE, seed=0), batch_size=batch_size)
    history = LossHistory()
    trainer = pl.Trainer(
        accelerator="cpu", devices=1, precision="bf16-mixed", max_steps=steps, logger=False,
        enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
        callbacks=[history], use_distributed_sampler=False,
    )
    trainer.fit(system, datamodule=data)
    return history.losses


def test_diffusion_loss_goes_down_on_a_fixed_batch(text_encoder, tiny_compressor_dir):
    torch.manual_seed(0)
    system = VideoDiffusionSystem(
        tiny_compressor_dir,
        lambda **kw: SpacetimeDiT(**kw, **DIT_PRESETS["tiny"]),
        text_encoder,
        training={"lr": 3e-3, "warmup_steps": 5, "ema_decay": 0.9, "text_dropout": 0.0},
    )
    ema_before = [p.clone() for p in system.ema_transformer.parameters()]
    dtypes = set()
    system.transformer.blocks[0].mlp[0].register_forward_hook(lambda m, i, o: dtypes.add(o.dtype))
    losses = fit(system, 80)
    assert dtypes == {torch.bfloat16}  # precision="bf16-mixed" really runs the DiT in bf16 on CPU
    assert len(losses) == 80
    first, last = sum(losses[:10]) / 10, sum(losses[-10:]) / 10
    assert last < 0.8 * first, (first, last)
    # The EMA followed the trained weights (it starts as a copy, and the output layer starts at 0).
    moved = [not torch.equal(a, b) for a, b in zip(ema_before, system.ema_transformer.parameters())]
    assert all(moved)
    assert not system.compressor.training and all(not p.requires_grad for p in system.compressor.parameters())


def test_pure_noise_prob_trains_at_sigma_one(text_encoder, tiny_compressor_dir):
    # Sampling starts at sigma = 1; pure_noise_prob puts that share of training samples exactly there.
    system = VideoDiffusionSystem(
        tiny_compressor_dir, lambda **kw: SpacetimeDiT(**kw, **DIT_PRESETS["tiny"]), text_encoder,
        training={"pure_noise_prob": 1.0, "warmup_steps": 0},
    )
    seen = []
    system.transformer.register_forward_pre_hook(lambda m, args: seen.append(args[1].detach().clone()))
    fit(system, 3)
    timesteps = torch.cat([t.flatten() for t in seen])
    assert set(timesteps.tolist()) <= {0.0, 1000.0} and (timesteps == 1000.0).any()


def test_export_generator_round_trip(text_encoder, tiny_compressor_dir, tmp_path):
    system = VideoDiffusionSystem(
        tiny_compressor_dir, lambda **kw: SpacetimeDiT(**kw, **DIT_PRESETS["tiny"]), text_encoder,
        training={"base_shift": 1.5},
    )
    with torch.no_grad():
        for p in system.ema_transformer.parameters():
            p.add_(0.01)  # make the EMA distinguishable from the online weights
    system.export_generator(tmp_path / "gen")
    gen = VideoGenerator.from_pretrained(tmp_path / "gen")
    assert gen.scheduler.config.shift == 1.5
    for a, b in zip(gen.transformer.state_dict().values(), system.ema_transformer.state_dict().values()):
        assert torch.equal(a, b)
    video = gen.generate("a red circle", num_frames=1, height=SIZE, width=SIZE, num_inference_steps=2, seed=0, progress=False)
    assert video.frames.shape == (1, SIZE, SIZE, 3)


def test_mismatched_or_unnormalised_compressor_is_rejected(text_encoder, tiny_compressor_dir):
    with pytest.raises(ValueError, match="latent_channels"):
        VideoDiffusionSystem(tiny_compressor_dir, SpacetimeDiT(in_channels=8, **DIT_PRESETS["tiny"]), text_encoder)
    with pytest.raises(ValueError, match="fit_latent_stats"):
        VideoDiffusionSystem(VideoCompressor(**COMPRESSOR_PRESETS["tiny"]), SpacetimeDiT(in_channels=4, **DIT_PRESETS["tiny"]), text_encoder)
    with pytest.raises(ValueError, match="experiment=tiny_shapes_compressor"):
        VideoDiffusionSystem(None, SpacetimeDiT(in_channels=4, **DIT_PRESETS["tiny"]), text_encoder)
    with pytest.raises(ValueError, match="warmup_step"):
        VideoDiffusionSystem(tiny_compressor_dir, SpacetimeDiT(in_channels=4, **DIT_PRESETS["tiny"]), text_encoder, training={"warmup_step": 3})


def test_compressor_loss_goes_down_and_exports_stats(tmp_path):
    torch.manual_seed(0)
    system = CompressorSystem(
        VideoCompressor(**COMPRESSOR_PRESETS["tiny"]),
        training={"lr": 3e-3, "warmup_steps": 5, "ssim_weight": 0.1, "stats_samples": 4},
    )
    losses = fit(system, 30)
    first, last = sum(losses[:3]) / 3, sum(losses[-3:]) / 3
    assert last < 0.8 * first, (first, last)
    path = system.export(tmp_path / "vae")
    loaded = VideoCompressor.from_pretrained(path)
    assert len(loaded.config.latents_mean) == 4 and all(s > 0 for s in loaded.config.latents_std)
    # The stored statistics normalise the training latents to zero mean, unit std per channel.
    videos = system.trainer.datamodule.sample_videos(4)
    with torch.no_grad():
        z = loaded.normalize(loaded.encode(videos).mode())
    assert z.mean(dim=(0, 2, 3, 4)).abs().max() < 1e-3
    assert (z.std(dim=(0, 2, 3, 4)) - 1).abs().max() < 1e-3


def test_ssim_loss_is_zero_for_identical_and_differentiable():
    x = torch.rand(1, 3, 2, 16, 16) * 2 - 1
    assert ssim_loss(x, x).item() == pytest.approx(0.0, abs=1e-5)
    y = (x + 0.3 * torch.randn_like(x)).requires_grad_()
    loss = ssim_loss(y, x)
    loss.backward()
    assert loss.item() > 0.1 and y.grad.abs().sum() > 0


def test_lr_schedule_warms_up_holds_then_decays_to_min_ratio():
    from sora_sdk.training.config import OptimizationConfig
    from sora_sdk.training.optim import build_optimizer

    cfg = OptimizationConfig(lr=1.0, warmup_steps=10, decay_steps=20, min_lr_ratio=0.1)
    out = build_optimizer(torch.nn.Linear(2, 2), None, cfg, max_steps=100)
    opt, sched = out["optimizer"], out["lr_scheduler"]["scheduler"]
    lrs = []
    for _ in range(100):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    assert lrs[0] == pytest.approx(0.1)  # (0 + 1) / 10
    assert lrs[9] == pytest.approx(1.0) and lrs[79] == pytest.approx(1.0)
    assert lrs[80] == pytest.approx(1.0 - 0.9 / 20)
    assert lrs[99] == pytest.approx(0.1)
    assert all(a >= b for a, b in zip(lrs[80:], lrs[81:], strict=False))


def test_lr_decay_without_max_steps_is_an_error():
    from sora_sdk.training.config import OptimizationConfig
    from sora_sdk.training.optim import build_optimizer

    with pytest.raises(ValueError, match="max_steps"):
        build_optimizer(torch.nn.Linear(2, 2), None, OptimizationConfig(decay_steps=5), max_steps=-1)


def test_foreground_weight_trains_and_init_from_warm_starts(text_encoder, tiny_compressor_dir, tmp_path, monkeypatch):
    torch.manual_seed(0)
    source = VideoDiffusionSystem(tiny_compressor_dir, lambda **kw: SpacetimeDiT(**kw, **DIT_PRESETS["tiny"]), text_encoder)
    with torch.no_grad():
        for p in source.ema_transformer.parameters():
            p.add_(0.01)  # distinguishable from a fresh init
    source.export_generator(tmp_path / "released")
    system = VideoDiffusionSystem(
        tiny_compressor_dir, lambda **kw: SpacetimeDiT(**kw, **DIT_PRESETS["tiny"]), text_encoder,
        training={"init_from": str(tmp_path / "released"), "foreground_weight": 3.0, "warmup_steps": 0},
    )
    # Both the online weights and the EMA start from the released (EMA) weights.
    for ours, ema, theirs in zip(system.transformer.state_dict().values(), system.ema_transformer.state_dict().values(),
                                 source.ema_transformer.state_dict().values()):
        assert torch.equal(ours, theirs) and torch.equal(ema, theirs)
    seen = []
    import sora_sdk.training.system as system_module

    original = system_module.flow_loss
    monkeypatch.setattr(system_module, "flow_loss", lambda *a, **kw: seen.append(kw["weight"]) or original(*a, **kw))
    losses = fit(system, 2)
    assert len(losses) == 2 and all(torch.isfinite(torch.tensor(losses)))
    w = seen[0]  # (B, 1, T', H', W'): mean 1 per clip, not uniform (the random compressor's latents
    # still make some positions stand out)
    assert w.shape == (4, 1, 3, 8, 8)
    torch.testing.assert_close(w.mean(dim=(1, 2, 3, 4)), torch.ones(4))
    assert (w.amax(dim=(1, 2, 3, 4)) > 1.0).any()


def test_init_from_rejects_a_missing_folder_or_another_architecture(text_encoder, tiny_compressor_dir, tmp_path):
    with pytest.raises(ValueError, match="shipped model"):
        VideoDiffusionSystem(tiny_compressor_dir, SpacetimeDiT(in_channels=4, **DIT_PRESETS["tiny"]), text_encoder,
                             training={"init_from": str(tmp_path / "nowhere")})
    # The shipped default is a 320-wide DiT on 8 latent channels: not a warm start for the tiny one.
    with pytest.raises(ValueError, match="different architecture.*hidden_size"):
        VideoDiffusionSystem(tiny_compressor_dir, SpacetimeDiT(in_channels=4, **DIT_PRESETS["tiny"]), text_encoder,
                             training={"init_from": "default"})
