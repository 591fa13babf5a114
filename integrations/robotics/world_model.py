"""``WorldModel``: an action-conditioned next-frame model on the core ``SpacetimeDiT``.

A world model is video extension with actions (DESIGN.md): the last K frames are pinned clean
(per-frame timestep 0, the project's one condition mechanism), the frame after them is denoised by
rectified flow in a few Euler steps, and every frame carries the action that led into it as a
per-frame condition vector. Frames are modelled directly in pixel space, as a 3-channel "latent"
grid in [-1, 1] cut into large (1, p, p) patches: the project's video compressor costs more per
frame than the whole step budget of a simulator (docs/robotics.md, "World model").

    window (B, 3, K+1, H, W) = [context frames (pinned, sigma_c ~ 0) | target (sigma 1 -> 0)]
    frame conditions (B, K+1, A) = [0, a_0, ..., a_{K-1}]   (the action that led into each frame)
    text: one zero token (the DiT's cross-attention needs one; no text encoder runs per step)

The DiT predicts the clean target (``prediction_type="sample"``) as a *residual* over the last
context frame, so an untrained model already predicts "nothing moves" and training spends its
capacity on what changes. Reward and termination come from a separate small convolutional head on
(last context frame, action, next frame), as in DIAMOND: the reward of Push is a function of the
change between two frames, and a head that reads frames (not the DiT's features at some noise
level) is trained and measured on real frames independently of the sampler.
"""

from __future__ import annotations

from typing import NamedTuple

import torch
import torch.nn.functional as F
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.modeling_utils import ModelMixin
from torch import nn

from sora_sdk.device import default_compute_dtype
from sora_sdk.models.dit import PREDICTION_TYPES, SpacetimeDiT
from sora_sdk.sampling.flow import shift_sigmas

__all__ = [
    "WorldModel", "WorldModelPrediction", "PixelRefiner", "RewardTerminationHead", "PotentialRewardHead", "REWARD_HEADS",
    "frame_conditions",
]


class WorldModelPrediction(NamedTuple):
    """One predicted step for a batch: ``frame`` (B, 3, H, W) in [-1, 1], ``reward`` (B,),
    ``terminated_prob`` (B,) in [0, 1]."""

    frame: torch.Tensor
    reward: torch.Tensor
    terminated_prob: torch.Tensor


def frame_conditions(context_actions: torch.Tensor, action: torch.Tensor) -> torch.Tensor:
    """Per-frame action vectors (B, K+1, A) for a window: ``[0, context_actions..., action]``.

    Frame k is conditioned on the action that led into it. The oldest context frame's incoming
    action is unknown (a window cut from an episode, or the frames right after reset), so it is
    always zero, in training and at sampling alike.
    """
    zero = torch.zeros_like(action)[:, None]  # (B, 1, A)
    return torch.cat([zero, context_actions, action[:, None]], dim=1)


# ----------------------------------------------------------------------------------------------
# Pixel refinement after the patch output
# ----------------------------------------------------------------------------------------------


class PixelRefiner(nn.Module):
    """(coarse frame, last frame, action) -> refined frame: a few 3x3 convolutions add a correction.

    The DiT's final layer is linear, so each predicted 16x16 patch lies in a fixed D-dimensional
    subspace (docs/robotics.md, "What a 16x16 patch can hold"): a disc or a cube that moves by a
    pixel or two inside a patch comes out as a blur or a ring. Convolutions that see the coarse
    prediction beside the last real frame at full resolution can move edges by up to
    ``layers`` pixels each way (the receptive field is 2 * layers + 1) and copy the static table
    exactly. The last layer starts at zero, so an added refiner leaves a trained model's output
    unchanged until it is trained.

    Cost at batch 64 with width 16 and 3 layers: ~12 ms of a ~60 ms ``predict_next`` (measured;
    channels-last bf16 convolutions, memory-bound at 8 MB per activation). Its weights are kept
    channels-last: a checkpoint loads them contiguous, and oneDNN then reorders every call (+5 ms).
    """

    def __init__(self, action_dim: int, width: int = 16, layers: int = 3):
        super().__init__()
        if width < 1 or layers < 2:
            raise ValueError(f"PixelRefiner needs width >= 1 and layers >= 2, got width={width}, layers={layers}.")
        chans = [6 + action_dim] + [width] * (layers - 1)
        body: list[nn.Module] = []
        for cin, cout in zip(chans[:-1], chans[1:]):
            body += [nn.Conv2d(cin, cout, 3, padding=1), nn.SiLU()]
        out = nn.Conv2d(width, 3, 3, padding=1)
        nn.init.zeros_(out.weight)
        nn.init.zeros_(out.bias)
        self.net = nn.Sequential(*body, out).to(memory_format=torch.channels_last)

    def forward(self, coarse: torch.Tensor, last_frame: torch.Tensor, action: torch.Tensor) -> torch.Tensor:
        """(B, 3, H, W) coarse prediction and last frame, (B, A) action -> (B, 3, H, W) refined, fp32."""
        if not all(m.weight.is_contiguous(memory_format=torch.channels_last) for m in self.net[::2]):
            self.net.to(memory_format=torch.channels_last)  # in place: parameters stay the same objects
        b, _, h, w = coarse.shape
        device = coarse.device.type  # build the input in the dtype the convolutions run in
        dtype = torch.get_autocast_dtype(device) if torch.is_autocast_enabled(device) else self.net[0].weight.dtype
        a = action.to(dtype)[:, :, None, None].expand(b, action.shape[1], h, w)
        x = torch.cat([coarse.to(dtype), last_frame.to(dtype), a], dim=1).contiguous(memory_format=torch.channels_last)
        return coarse.float() + self.net(x).float()


# ----------------------------------------------------------------------------------------------
# Reward and termination head
# ----------------------------------------------------------------------------------------------


def _conv_grid(in_channels: int, width: int) -> nn.Sequential:
    """Four stride-2 3x3 convolutions: (B, in_channels, H, W) -> (B, 2 width, H/16, W/16)."""
    chans = [in_channels, width, 2 * width, 2 * width, 2 * width]
    layers: list[nn.Module] = []
    for cin, cout in zip(chans[:-1], chans[1:]):
        layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1), nn.SiLU()]
    return nn.Sequential(*layers)


class RewardTerminationHead(nn.Module):
    """(frame before, action, frame after) -> (reward, termination logit).

    Four stride-2 3x3 convolutions over the two frames stacked as 6 channels take 64x64 to 4x4
    (~6 MFLOP per sample at width 16, a few % of the DiT); the flattened grid keeps *where*
    things are, which distance-based rewards need, and the action joins in the MLP.
    """

    def __init__(self, action_dim: int, image_size: int, width: int = 16):
        super().__init__()
        self.convs = _conv_grid(6, width)
        grid = image_size // 16
        self.mlp = nn.Sequential(
            nn.Linear(2 * width * grid * grid + action_dim, 4 * width), nn.SiLU(), nn.Linear(4 * width, 2)
        )

    def forward(self, before: torch.Tensor, action: torch.Tensor, after: torch.Tensor,
                terminated: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """(reward (B,), termination logit (B,)); ``terminated`` is unused (see `PotentialRewardHead`)."""
        h = self.convs(torch.cat([before, after], dim=1)).flatten(1)  # (B, C * grid^2)
        out = self.mlp(torch.cat([h, action.to(h.dtype)], dim=1)).float()  # (B, 2)
        return out[:, 0], out[:, 1]  # reward, termination logit


class PotentialRewardHead(nn.Module):
    """Reward as a difference of per-frame potentials, plus a bonus on termination.

        reward = phi(after) - phi(before) + bonus * terminated

    ``phi`` reads one frame (the convolutions of `RewardTerminationHead` on 3 channels, then an
    MLP); ``bonus`` is one learnt number; the termination logit comes from a
    `RewardTerminationHead` on (before, action, after). In training ``terminated`` is the real
    flag; in a simulator it is the head's own decision (logit > 0, i.e. p > 0.5).

    Why: a head that predicts each step's reward directly can be gamed. An RL agent in the
    simulator finds transitions whose predicted reward is too high and repeats them every step;
    with Push's release-3 model, PPO collected 6.45 of imagined return per episode while scoring
    -0.15 in pybullet. Here the shaping part of a whole episode telescopes to
    ``phi(last frame) - phi(first frame)``, so over-rating a state pays once, not every step.
    That is exact for rewards of potential-based shaping plus a terminal bonus, which is how
    Push-v0 and Reach-v0 are defined.
    """

    def __init__(self, action_dim: int, image_size: int, width: int = 16):
        super().__init__()
        self.convs = _conv_grid(3, width)
        grid = image_size // 16
        self.mlp = nn.Sequential(nn.Linear(2 * width * grid * grid, 4 * width), nn.SiLU(), nn.Linear(4 * width, 1))
        self.termination = RewardTerminationHead(action_dim, image_size, width)
        self.bonus = nn.Parameter(torch.zeros(()))

    def potential(self, frame: torch.Tensor) -> torch.Tensor:
        """phi of (B, 3, H, W) frames: (B,) fp32."""
        return self.mlp(self.convs(frame).flatten(1)).float()[:, 0]

    def forward(self, before: torch.Tensor, action: torch.Tensor, after: torch.Tensor,
                terminated: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """(reward (B,), termination logit (B,)); ``terminated`` (B,) the real flags in training,
        None in a simulator (the head's own p > 0.5 then decides the bonus)."""
        logit = self.termination(before, action, after)[1]
        phi = self.potential(torch.cat([before, after]))  # one pass over both frames
        done = (logit > 0) if terminated is None else terminated
        b = before.shape[0]
        return phi[b:] - phi[:b] + self.bonus * done.float(), logit


REWARD_HEADS = {"direct": RewardTerminationHead, "potential": PotentialRewardHead}


# ----------------------------------------------------------------------------------------------
# The model
# ----------------------------------------------------------------------------------------------


class WorldModel(ModelMixin, ConfigMixin):
    """Action-conditioned next-frame prediction with reward and termination, for a simulator.

    Saved with ``save_pretrained`` as one folder (``config.json`` + safetensors); load it with
    ``WorldModel.from_pretrained(path)``.

    Args:
        action_dim: width A of the flat action vectors (``RolloutDataset.action_dim``).
        context_frames: K, frames the model conditions on (pinned clean in the DiT's window).
        image_size: side of the square RGB frames.
        patch_size: side p of the DiT's (1, p, p) pixel patches: (image_size / p)^2 tokens per frame.
        hidden_size, depth, num_heads, mlp_ratio: the DiT's width, blocks, heads and MLP ratio.
        adaln: the DiT's AdaLN mode; ``"single"`` (PixArt-alpha) saves 6 D^2 parameters per block.
        prediction_type: ``"sample"`` (the clean frame; few-step sampling) or ``"velocity"``.
        residual: with ``"sample"``, predict the change over the last context frame.
        text_dim: width of the constant text token the DiT's cross-attention reads (zeros).
        head_width: channel width of the reward/termination head.
        reward_head: ``"direct"`` (`RewardTerminationHead`: each step's reward from the two
            frames and the action) or ``"potential"`` (`PotentialRewardHead`: a difference of
            per-frame potentials plus a terminal bonus, which an RL agent cannot farm step after
            step).
        refine_width: channels of a `PixelRefiner` after the DiT's patch output (0: none). It
            sees the coarse clean-frame prediction, the last context frame and the action at full
            resolution and corrects pixels a linear patch output cannot place.
        sampling_steps: default Euler steps per predicted frame (1-4).
        shift: timestep shift of the sampling schedule and of the training noise levels (> 1
            spends more steps and more training at high noise, where a next frame is decided).
        context_sigma: noise level put on the context frames at sampling. Training puts random
            small levels on them (GameNGen) so the model learns not to trust every pixel of its
            own, imperfect, past predictions; sampling uses one fixed small level.
    """

    @register_to_config
    def __init__(
        self,
        action_dim: int = 2,
        context_frames: int = 2,
        image_size: int = 64,
        patch_size: int = 16,
        hidden_size: int = 128,
        depth: int = 4,
        num_heads: int = 2,
        mlp_ratio: float = 4.0,
        adaln: str = "single",
        prediction_type: str = "sample",
        residual: bool = True,
        text_dim: int = 8,
        head_width: int = 16,
        sampling_steps: int = 1,
        shift: float = 3.0,
        context_sigma: float = 0.05,
        reward_head: str = "direct",
        refine_width: int = 0,
    ):
        super().__init__()
        if action_dim < 1 or context_frames < 1:
            raise ValueError(f"action_dim and context_frames must be >= 1, got {action_dim} and {context_frames}.")
        if image_size % patch_size or image_size % 16:
            raise ValueError(
                f"image_size={image_size} must be divisible by patch_size={patch_size} and by 16 (the "
                "reward head's four stride-2 layers); use 64 for the robotics tasks."
            )
        if prediction_type not in PREDICTION_TYPES:
            raise ValueError(f"prediction_type={prediction_type!r}; use one of {PREDICTION_TYPES}.")
        if residual and prediction_type != "sample":
            raise ValueError("residual=True predicts a change of the clean frame: it needs prediction_type='sample'.")
        _check_steps(sampling_steps)
        if not 0.0 <= context_sigma < 1.0:
            raise ValueError(f"context_sigma must be in [0, 1), got {context_sigma}.")
        if refine_width < 0:
            raise ValueError(f"refine_width must be >= 0 (0: no pixel refiner), got {refine_width}.")
        if reward_head not in REWARD_HEADS:
            raise ValueError(f"reward_head={reward_head!r}; use one of {sorted(REWARD_HEADS)}.")
        self.dit = SpacetimeDiT(
            in_channels=3,
            patch_size=(1, patch_size, patch_size),
            hidden_size=hidden_size,
            depth=depth,
            num_heads=num_heads,
            mlp_ratio=mlp_ratio,
            text_dim=text_dim,
            frame_cond_dim=action_dim,
            prediction_type=prediction_type,
            adaln=adaln,
        )
        self.refiner = PixelRefiner(action_dim, refine_width) if refine_width else None
        self.head = REWARD_HEADS[reward_head](action_dim, image_size, head_width)

    # ------------------------------------------------------------------ denoiser
    def denoise(
        self, window: torch.Tensor, sigmas: torch.Tensor, conditions: torch.Tensor, last_frame: torch.Tensor
    ) -> torch.Tensor:
        """The clean target frame predicted from one noisy window.

        Args:
            window: (B, 3, K+1, H, W): noised context frames, then the noisy target.
            sigmas: (B, K+1) noise level of each frame (context: small or 0; target: the step's).
            conditions: (B, K+1, A) per-frame actions (``frame_conditions``).
            last_frame: (B, 3, H, W) the clean last context frame, the residual's base.

        Returns:
            (B, 3, H, W) predicted clean target, fp32.
        """
        b = window.shape[0]
        text = window.new_zeros(b, 1, self.config.text_dim)  # a constant "no text" token
        # Only the target frame is a prediction: the DiT projects and unpatchifies just that one.
        out = self.dit(window, sigmas * 1000.0, text, text[:, 0], frame_conditions=conditions, output_frames=1)
        out = out[:, :, 0].float()  # (B, 3, H, W)
        if self.config.prediction_type == "velocity":
            x0 = window[:, :, -1].float() - sigmas[:, -1, None, None, None] * out  # x0 = x_t - sigma v
        else:
            x0 = out + last_frame.float() if self.config.residual else out
        return x0 if self.refiner is None else self.refiner(x0, last_frame, conditions[:, -1])

    # ------------------------------------------------------------------ sampling
    @torch.no_grad()
    def predict_next(
        self,
        context_frames: torch.Tensor,
        context_actions: torch.Tensor,
        action: torch.Tensor,
        generator: torch.Generator | None = None,
        steps: int | None = None,
        context_sigma: float | None = None,
        context_noise: torch.Tensor | None = None,
    ) -> WorldModelPrediction:
        """Sample the next frame, its reward and the probability that the episode terminates.

        Fully batched: one DiT call per Euler step for the whole batch.

        Args:
            context_frames: (B, K, 3, H, W) in [-1, 1], oldest first.
            context_actions: (B, K-1, A): ``context_actions[:, k]`` led from context frame k to k+1.
            action: (B, A) the action taken at the last context frame.
            generator: CPU generator for the noise (seed it for reproducible rollouts).
            steps: Euler steps (1-4); defaults to ``config.sampling_steps``.
            context_sigma: noise level on the context frames; defaults to ``config.context_sigma``.
            context_noise: (B, K, 3, H, W) standard normal noise for the context frames, instead
                of drawing it from ``generator``. A simulator draws each frame's noise once, when
                the frame enters the context, and keeps it while the frame stays there: every
                window still has independent noise per frame, as in training, and a step draws
                one frame of context noise instead of K.

        Returns:
            ``WorldModelPrediction(frame (B, 3, H, W), reward (B,), terminated_prob (B,))``.
        """
        # 1. Check inputs.
        cfg = self.config
        steps = cfg.sampling_steps if steps is None else steps
        _check_steps(steps)
        context_sigma = cfg.context_sigma if context_sigma is None else float(context_sigma)
        b, k = context_frames.shape[:2]
        expected = (b, cfg.context_frames, 3, cfg.image_size, cfg.image_size)
        if tuple(context_frames.shape) != expected:
            raise ValueError(f"context_frames must be (B, K, 3, H, W) = {expected}, got {tuple(context_frames.shape)}.")
        if tuple(context_actions.shape) != (b, k - 1, cfg.action_dim) or tuple(action.shape) != (b, cfg.action_dim):
            raise ValueError(
                f"context_actions must be (B, K-1, A) = {(b, k - 1, cfg.action_dim)} and action (B, A) = "
                f"{(b, cfg.action_dim)}; got {tuple(context_actions.shape)} and {tuple(action.shape)}."
            )
        device, dtype = self.device, default_compute_dtype(self.device)
        ctx = context_frames.to(device, torch.float32).transpose(1, 2)  # (B, 3, K, H, W)
        conditions = frame_conditions(context_actions.float(), action.float()).to(device)  # (B, K+1, A)

        # 2. Noise from `generator`: the target's starting point, then the context augmentation
        #    (not drawn when context_sigma is 0: at batch 64 the draw costs as much as the head).
        #    The window is built once; each Euler step rewrites only its target frame.
        size = (b, 3, cfg.image_size, cfg.image_size)
        window = torch.empty(b, 3, k + 1, cfg.image_size, cfg.image_size, device=device)
        window[:, :, k] = torch.randn(size, generator=generator).to(device)  # sigma 1
        window[:, :, :k] = ctx
        if context_noise is not None and tuple(context_noise.shape) != expected:
            raise ValueError(f"context_noise must be shaped like context_frames {expected}, got {tuple(context_noise.shape)}.")
        if context_sigma > 0:
            if context_noise is None:
                ctx_noise = torch.randn((b, 3, k, cfg.image_size, cfg.image_size), generator=generator).to(device)
            else:
                ctx_noise = context_noise.to(device, torch.float32).transpose(1, 2)
            window[:, :, :k].mul_(1 - context_sigma).add_(ctx_noise, alpha=context_sigma)
        sched = shift_sigmas(torch.linspace(1.0, 0.0, steps + 1), cfg.shift).tolist()
        sigmas = torch.full((b, k + 1), context_sigma, device=device)

        # 3. Euler on the flow, written with the clean-sample prediction:
        #    x_next = x0 + (sigma_next / sigma) (x - x0)  (the velocity step, exactly).
        with torch.autocast(device.type, dtype=dtype, enabled=dtype != torch.float32):
            for sigma, sigma_next in zip(sched[:-1], sched[1:]):
                sigmas[:, -1] = sigma
                x = window[:, :, k]
                x0 = self.denoise(window, sigmas, conditions, ctx[:, :, -1])
                window[:, :, k] = x0 + (sigma_next / sigma) * (x - x0)
            frame = window[:, :, k].clamp(-1.0, 1.0)

            # 4. Reward and termination of the transition last context frame -> predicted frame.
            reward, logit = self.head(ctx[:, :, -1], action.to(device), frame)
        return WorldModelPrediction(frame, reward.float(), torch.sigmoid(logit.float()))

    def inference_copy(self) -> "WorldModel":
        """A frozen copy for a simulator: eval mode, no gradients; where the compute dtype is bf16
        (CPUs with bf16 units, CUDA), the weights of every linear and convolution layer stored in
        it and convolutions channels-last.

        It samples exactly what this model samples: under autocast those layers run in bf16
        anyway, so the copy only stops autocast from converting every weight on every call
        (~2-4% of a batch-64 step, measured). In fp32 (CPUs without bf16 units) the layers are
        left as they are: a channels-last fp32 convolution takes another kernel, whose sums
        round differently. Norms and other fp32 parameters are untouched.
        """
        import copy

        twin = copy.deepcopy(self).eval().requires_grad_(False)
        dtype = default_compute_dtype(twin.device)
        for module in twin.modules() if dtype != torch.float32 else ():
            if isinstance(module, nn.Linear):
                module.to(dtype)
            elif isinstance(module, nn.Conv2d):
                module.to(dtype).to(memory_format=torch.channels_last)
        # No autograd here, so an activation right after a convolution or linear layer may overwrite
        # that layer's fresh output: the refiner's SiLUs on (64, 16, 64, 64) skip an 8 MB allocation
        # each (same values). Not in the DiT, whose SiLUs read conditioning that is used again.
        for part in (twin.refiner, twin.head):
            for module in part.modules() if part is not None else ():
                if isinstance(module, nn.SiLU):
                    module.inplace = True
        return twin

    # ------------------------------------------------------------------ facts
    def step_flops(self, batch_size: int = 1, steps: int | None = None) -> int:
        """FLOPs of one ``predict_next`` call for ``batch_size`` (counted by FlopCounterMode)."""
        from torch.utils.flop_counter import FlopCounterMode

        cfg, k = self.config, self.config.context_frames
        frames = torch.zeros(batch_size, k, 3, cfg.image_size, cfg.image_size)
        actions = torch.zeros(batch_size, k - 1, cfg.action_dim)
        with FlopCounterMode(display=False) as counter:
            self.predict_next(frames, actions, torch.zeros(batch_size, cfg.action_dim), steps=steps)
        return counter.get_total_flops()


def _check_steps(steps: int) -> None:
    if not isinstance(steps, int) or not 1 <= steps <= 4:
        raise ValueError(f"sampling steps must be an int in 1..4 (a simulator samples in few steps), got {steps!r}.")


def bce_termination(logit: torch.Tensor, target: torch.Tensor, pos_weight: float = 1.0) -> torch.Tensor:
    """Binary cross-entropy of termination logits (fp32), optionally up-weighting the rare positives."""
    weight = torch.tensor(pos_weight, device=logit.device)
    return F.binary_cross_entropy_with_logits(logit.float(), target.float(), pos_weight=weight)
