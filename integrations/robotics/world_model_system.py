"""``WorldModelSystem``: trains a ``WorldModel`` on ``RolloutDataset`` windows with Lightning.

One step (``_common_step``) on a window of K context frames and the frame after them:

    sigma (B,) ~ logit-normal, shifted (more at high noise) and sometimes exactly 1 (the 1-step case)
    sigma_c (B,) ~ U(0, context_noise_max) w.p. context_noise_prob, else 0   (GameNGen's augmentation)
    window = [(1 - sigma_c) ctx + sigma_c noise | (1 - sigma) x0 + sigma noise], per-frame timesteps
    loss = MSE(x0_hat, x0)                   flow matching on the target frame only, clean-sample form
         + reward_weight * MSE(reward)        the head reads (last context frame, action, true next frame)
         + termination_weight * BCE(terminated)

Unrolled training (``unroll_prob > 0``, windows of K + 2 frames: ``data.horizon=2``): for a share
of the samples the model first predicts frame K from the real frames 0..K-1 exactly as the
simulator samples (no gradient), then learns frame K+1 from a context whose last frame is that
prediction. A simulator's context after the first step is always its own output, with that
output's blur and ghosts; Gaussian context noise alone does not teach the model to repair those,
training on its own one-step predictions does. The other samples train on frames 0..K. With
``head_on_samples`` the reward/termination head also learns on the sampled frame K (real labels
of the transition into it): in a simulator it only ever reads sampled frames.

Every random draw comes from ``step_generator`` (exact resume); an EMA of the whole model (DiT and
head) is kept, validated and exported. With ``calibration.episodes > 0`` the EMA model's head is
fitted at the end of training to the model's own open-loop rollouts of training episodes
(`world_model_calibration.calibrate_head`), and the report is exported with it
(``calibration.json``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from pydantic import Field, model_validator

from sora_sdk.integrations.robotics.world_model import WorldModel, bce_termination, frame_conditions
from sora_sdk.integrations.robotics.world_model_calibration import HeadCalibrationConfig, HeadCalibrationReport, calibrate_head
from sora_sdk.sampling.flow import sample_training_sigmas
from sora_sdk.training import OptimizationConfig, step_generator
from sora_sdk.training.ema import EMASystem

__all__ = ["WorldModelSystem", "WorldModelTrainingConfig", "change_mask", "warm_start"]


class WorldModelTrainingConfig(OptimizationConfig):
    """Hyper-parameters of `WorldModelSystem` (validated; unknown keys are an error)."""

    # Small models on a few hundred thousand frames tolerate a higher rate than big DiTs.
    lr: float = Field(3e-4, gt=0)
    warmup_steps: int = Field(200, ge=0)
    # Diffusion losses are noisy; sampling from a slow average of the weights is cleaner.
    ema_decay: float = Field(0.999, ge=0, lt=1)
    # Logit-normal target noise levels (SD3), warped by the model's `shift`, as the sampler's schedule is.
    logit_mean: float = 0.0
    logit_std: float = Field(1.0, gt=0)
    # Share of samples at exactly sigma = 1: a 1-step sampler only ever evaluates the model there,
    # and the logit-normal puts almost no mass on it.
    pure_noise_prob: float = Field(0.1, ge=0, le=1)
    # Context noise augmentation (GameNGen): how often and how much. The level is the context
    # frames' timestep, so the model knows it; sampling uses WorldModel.config.context_sigma.
    context_noise_prob: float = Field(0.8, ge=0, le=1)
    context_noise_max: float = Field(0.3, ge=0, lt=1)
    # Push rewards are ~0.1 per step plus 5 on success; MSE on that scale is ~0.1-1 at the start,
    # comparable to the frame loss, so weight 1 keeps both heads learning.
    reward_weight: float = Field(1.0, ge=0)
    termination_weight: float = Field(1.0, ge=0)
    # Terminations are rare (one per successful episode, ~1 in 20 steps): up-weight positives.
    termination_pos_weight: float = Field(5.0, gt=0)
    # Share of training samples whose last context frame is the model's own one-step prediction
    # (needs windows of K + 2 frames, data.horizon=2); see the module docstring.
    unroll_prob: float = Field(0.0, ge=0, le=1)
    # With unrolling, also train the reward/termination head on the model's own sampled frames
    # (with the real transitions' labels): in a simulator the head only ever reads sampled frames,
    # and a head fitted to real frames alone misfires on their blur (false successes).
    head_on_samples: bool = True
    # After training, fit the EMA model's reward/termination head to its own open-loop rollouts
    # of training episodes (real labels); episodes=0 (the default) skips it.
    calibration: HeadCalibrationConfig = HeadCalibrationConfig(episodes=0)
    # Extra loss weight on the pixels that change between the real last context frame and the
    # target (and their 3x3 neighbourhood): weight 1 + change_weight there, 1 elsewhere, the mean
    # normalised to 1 per sample. Push's frames are ~97% static table; unweighted, the loss barely
    # sees the cube being pushed, the one interaction the task is about. 0 turns it off.
    change_weight: float = Field(0.0, ge=0)
    # Warm start: a WorldModel folder (save_pretrained / an export) whose weights the model and its
    # EMA start from in a new fit. Parameters it lacks (a refiner added since) keep their fresh
    # initialisation; every parameter it has must match in shape. A resumed fit restores its
    # checkpoint over this.
    init_from: str | None = None
    # Seeds the per-step noise streams (derived from seed, step and rank): exact resume.
    seed: int = 0

    @model_validator(mode="after")
    def _context_noise_below_sampling_range(self) -> WorldModelTrainingConfig:
        if self.context_noise_prob > 0 and self.context_noise_max == 0:
            raise ValueError("context_noise_prob > 0 needs context_noise_max > 0 (or set context_noise_prob=0).")
        return self


def change_mask(before: torch.Tensor, after: torch.Tensor, threshold: float = 0.05) -> torch.Tensor:
    """(B, 1, H, W) float mask of the pixels whose colour changes by more than ``threshold`` (in
    [-1, 1] units, any channel) between two (B, 3, H, W) frames, grown by one pixel each way."""
    changed = ((after.float() - before.float()).abs().amax(dim=1, keepdim=True) > threshold).float()
    return F.max_pool2d(changed, 3, stride=1, padding=1)


def warm_start(model: WorldModel, source: str | Path) -> list[str]:
    """Load the weights of the `WorldModel` folder ``source`` into ``model`` where they exist.

    Returns the names of ``model``'s parameters the source lacks (they keep their initialisation).
    Raises ValueError if the source has parameters ``model`` does not, or one of a different
    shape: that is a different architecture, not a warm start.
    """
    if not (Path(source) / "config.json").is_file():
        raise FileNotFoundError(
            f"init_from={str(source)!r}: no WorldModel folder there (no config.json). Train or export that model "
            "first (the Push recipe's first stage: `sora-sdk train experiment=push_world_model_base`), or set "
            "model.training.init_from=null to start from scratch."
        )
    src = WorldModel.from_pretrained(str(source)).state_dict()
    own = model.state_dict()
    extra = sorted(set(src) - set(own))
    mismatched = sorted(n for n in set(src) & set(own) if src[n].shape != own[n].shape)
    if extra or mismatched:
        raise ValueError(
            f"init_from={str(source)!r} is not a warm start for this model: parameters it has and this model "
            f"lacks {extra[:5]}, of a different shape {mismatched[:5]}. Use a folder saved from the same "
            "architecture (context_frames, patch_size, hidden_size, depth, reward_head, ...)."
        )
    model.load_state_dict(src, strict=False)
    return sorted(set(own) - set(src))


class WorldModelSystem(EMASystem):
    """Lightning system around a plain `WorldModel`.

    Args:
        world_model: a `WorldModel`, or a callable (Hydra ``_partial_``) that builds one.
        optimizer: optimiser class or ``_partial_`` taking (params, lr, betas, weight_decay);
            AdamW by default. Its hyper-parameters come from ``training``.
        training: `WorldModelTrainingConfig` or a mapping of its fields.
    """

    def __init__(
        self,
        world_model: WorldModel | Callable[..., WorldModel],
        optimizer: Callable[..., torch.optim.Optimizer] | None = None,
        training: WorldModelTrainingConfig | Mapping[str, Any] | None = None,
    ):
        super().__init__()
        self.cfg = training if isinstance(training, WorldModelTrainingConfig) else WorldModelTrainingConfig.model_validate(dict(training or {}))
        if not isinstance(world_model, WorldModel):
            world_model = world_model()
        if self.cfg.init_from:
            warm_start(world_model, self.cfg.init_from)
        self._register_trained("world_model", world_model)  # + ema_world_model (see EMASystem)
        self.optimizer = optimizer
        self.calibration_report: HeadCalibrationReport | None = None
        self.save_hyperparameters({"training": self.cfg.model_dump(mode="json"), "world_model": dict(world_model.config)})

    # Lightning plumbing (optimiser + schedule, EMA update, train/val routing): EMASystem.

    # ------------------------------------------------------------------ the step
    def _common_step(self, batch: dict, stage: str, batch_idx: int) -> torch.Tensor:
        keys = (batch_idx, self.global_rank) if stage == "val" else (self.global_step, batch_idx, self.global_rank)
        gen = step_generator(self.cfg.seed, stage, *keys)
        model = self.model_for(stage)
        k = model.config.context_frames

        video = batch["video"].transpose(1, 2).float()  # (B, 3, L, H, W), L = K + 1 or K + 2
        actions, rewards, terminated = batch["actions"].float(), batch["rewards"], batch["terminated"]
        unroll = self.cfg.unroll_prob > 0 and stage == "train"
        if video.shape[2] not in (k + 1, k + 2) or (unroll and video.shape[2] != k + 2):
            need = 2 if unroll else 1
            raise ValueError(
                f"windows hold {video.shape[2]} frames but the model takes {k} context frames + 1 target"
                + (" and unroll_prob > 0 needs one more frame to unroll into" if unroll else "")
                + f"; build the RolloutDataset with context_frames={k}, horizon={need} (data.horizon={need})."
            )
        b = video.shape[0]
        real_before = sampled = None  # the real last context frame, when the window's is a prediction
        if video.shape[2] == k + 2:
            video, actions, rewards, terminated, real_before, sampled = self._unrolled_windows(
                model, video, actions, rewards, terminated, gen, unroll)
        ctx, x0 = video[:, :, :k], video[:, :, k]  # (B, 3, K, H, W), (B, 3, H, W)
        # actions (B, K, A): actions[:, j] led from frame j to j+1
        conditions = frame_conditions(actions[:, : k - 1], actions[:, k - 1])  # (B, K+1, A)

        # Noise levels: the target's, and one shared level for this sample's context frames.
        sigma = sample_training_sigmas(b, model.config.shift, self.cfg.logit_mean, self.cfg.logit_std, generator=gen)
        sigma = torch.where(torch.rand(b, generator=gen) < self.cfg.pure_noise_prob, 1.0, sigma)
        noisy_ctx = torch.rand(b, generator=gen) < self.cfg.context_noise_prob
        sigma_c = torch.where(noisy_ctx, torch.rand(b, generator=gen) * self.cfg.context_noise_max, 0.0)
        sigmas = torch.cat([sigma_c[:, None].expand(b, k), sigma[:, None]], dim=1).to(self.device)  # (B, K+1)
        noise = torch.randn(video.shape, generator=gen).to(self.device)

        window = (1 - sigmas[:, None, :, None, None]) * video + sigmas[:, None, :, None, None] * noise
        x0_hat = model.denoise(window, sigmas, conditions, ctx[:, :, -1])
        real_before = ctx[:, :, -1] if real_before is None else real_before
        # The loss in fp32 on the target frame only (context frames are given, not predicted).
        sq = (x0_hat.float() - x0.float()).pow(2)  # (B, 3, H, W)
        if self.cfg.change_weight > 0:
            w = 1.0 + self.cfg.change_weight * change_mask(real_before, x0)  # (B, 1, H, W)
            err = (sq * w).mean(dim=(1, 2, 3)) / w.mean(dim=(1, 2, 3))  # (B,)
        else:
            err = sq.mean(dim=(1, 2, 3))  # (B,)
        if model.config.prediction_type == "velocity":  # the native velocity target: err / sigma^2
            err = err / sigmas[:, -1].clamp_min(1e-3).pow(2)
        flow = err.mean()

        # The head reads (real frame before, action, frame after): the real frame after, and with
        # head_on_samples also the model's own sample of it (real labels for both).
        head_in = [real_before, actions[:, k - 1], x0, rewards[:, k - 1], terminated[:, k - 1]]
        if sampled is not None and self.cfg.head_on_samples:
            head_in = [torch.cat([a, b.to(a.dtype)]) for a, b in zip(head_in, sampled)]
        reward_hat, logit = model.head(*head_in[:3], terminated=head_in[4])  # real flags: the bonus's label
        reward_mse = F.mse_loss(reward_hat.float(), head_in[3].float())
        term_bce = bce_termination(logit, head_in[4], self.cfg.termination_pos_weight)
        loss = flow + self.cfg.reward_weight * reward_mse + self.cfg.termination_weight * term_bce

        sync = stage != "train"
        self.log(f"{stage}/loss", loss, prog_bar=True, batch_size=b, sync_dist=sync)
        self.log_dict(
            {f"{stage}/flow_loss": flow, f"{stage}/reward_mse": reward_mse, f"{stage}/termination_bce": term_bce},
            batch_size=b,
            sync_dist=sync,
        )
        return loss

    def _unrolled_windows(self, model: WorldModel, video: torch.Tensor, actions: torch.Tensor, rewards: torch.Tensor,
                          terminated: torch.Tensor, gen: torch.Generator, unroll: bool):
        """K + 1 frame windows from K + 2 frame ones: frames 0..K, or (unrolled samples) frames
        1..K+1 with frame K replaced by the model's own sample of it from frames 0..K-1.

        Returns (video, actions, rewards, terminated, real_before, sampled): the windows' arrays;
        the real last context frame (B, 3, H, W) the reward head reads, or None when it is the
        window's; and for the unrolled samples (before, action, sampled frame, reward, terminated)
        of the transition into the sampled frame, or None.
        """
        k = model.config.context_frames
        first = (video[:, :, : k + 1], actions[:, :k], rewards[:, :k], terminated[:, :k])
        if not unroll:
            return (*first, None, None)
        pick = torch.rand(video.shape[0], generator=gen) < self.cfg.unroll_prob
        idx = pick.nonzero()[:, 0].to(video.device)
        second = [video[:, :, 1:].clone(), actions[:, 1:], rewards[:, 1:], terminated[:, 1:]]
        sampled = None
        if len(idx):
            ctx = video[idx, :, :k].transpose(1, 2)  # (n, K, 3, H, W)
            pred = model.predict_next(ctx, actions[idx, : k - 1], actions[idx, k - 1], generator=gen).frame
            second[0][idx, :, k - 1] = pred.to(second[0].dtype)
            sampled = (video[idx, :, k - 1], actions[idx, k - 1], pred.to(video.dtype), rewards[idx, k - 1], terminated[idx, k - 1])
        sel = pick.to(video.device)
        out = [torch.where(sel.view(-1, *[1] * (f.dim() - 1)), s, f) for f, s in zip(first, second)]
        real_before = torch.where(sel.view(-1, 1, 1, 1), video[:, :, k], video[:, :, k - 1])
        return (*out, real_before, sampled)

    # ------------------------------------------------------------------ calibration
    def on_fit_end(self) -> None:
        """Calibrate the EMA model's head (``training.calibration``) on rank 0, which exports.

        Checkpoints hold the uncalibrated head, so a resumed or repeated fit calibrates again from
        the same weights and seed and gets the same head.
        """
        cal = self.cfg.calibration
        if cal.episodes == 0 or not self.trainer.is_global_zero:
            return
        datamodule = self.trainer.datamodule
        datasets = getattr(getattr(datamodule, "train_dataset", None), "datasets", None)
        if not datasets:
            raise ValueError("training.calibration needs the datamodule's training RolloutDatasets "
                             "(WorldModelDataModule.train_dataset); set training.calibration.episodes=0 to skip it.")
        self.calibration_report = calibrate_head(self.ema_world_model, datasets, cal,
                                                 progress=self.trainer.progress_bar_callback is not None)
        print(self.calibration_report, flush=True)

    # ------------------------------------------------------------------ export
    def export(self, path: str | Path) -> Path:
        """Write the EMA `WorldModel` folder (config.json + safetensors) that `from_pretrained` loads,
        with ``calibration.json`` when its head was calibrated."""
        path = Path(path)
        model = copy.deepcopy(self.ema_world_model).to("cpu")
        model.save_pretrained(path, safe_serialization=True)
        if self.calibration_report is not None:
            record = {"config": self.cfg.calibration.model_dump(), "report": self.calibration_report.to_dict()}
            (path / "calibration.json").write_text(json.dumps(record, indent=2) + "\n")
        return path
