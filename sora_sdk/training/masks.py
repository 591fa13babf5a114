"""Random frame-condition masks for training, at latent-frame granularity (Open-Sora style).

At sampling time an image or video prompt pins some latent frames clean (timestep 0) and the
rest are denoised (DESIGN.md: the one conditioning mechanism). Training draws the same kind of
masks at random, so a single checkpoint learns every conditioned task:

    none                nothing pinned                   text-to-video
    image_head          latent frame 0                   image-to-video
    image_tail          the last latent frame            "end on this image"
    extension           a random prefix of frames        extend forward, world-model context
    extension_backward  a random suffix of frames        extend backward
    random_frames       each frame with probability 1/2  interpolation, keyframes

Every mask leaves at least one frame noisy, because the loss is taken on noisy frames only.
"""

from __future__ import annotations

from collections.abc import Mapping

import torch

from sora_sdk.training.config import ConditionMaskProbabilities

__all__ = ["MASK_MODES", "ConditionMaskSampler"]

# Order matters: the sampler's mode ids index this tuple.
MASK_MODES: tuple[str, ...] = tuple(ConditionMaskProbabilities.model_fields)


class ConditionMaskSampler:
    """Draws (B, T) bool masks, True = latent frame pinned clean.

    Args:
        probabilities: per-mode probabilities (a `ConditionMaskProbabilities` or a mapping with
            its fields; validated, must sum to 1).

    Example:
        >>> sampler = ConditionMaskSampler({"none": 0.5, "image_head": 0.5, "image_tail": 0,
        ...     "extension": 0, "extension_backward": 0, "random_frames": 0})
        >>> mask = sampler(8, 5, generator=torch.Generator().manual_seed(0))  # (8, 5) bool
    """

    def __init__(self, probabilities: ConditionMaskProbabilities | Mapping[str, float] | None = None):
        if probabilities is None:
            probabilities = ConditionMaskProbabilities()
        elif not isinstance(probabilities, ConditionMaskProbabilities):
            probabilities = ConditionMaskProbabilities.model_validate(dict(probabilities))
        self.probabilities = probabilities
        self._probs = torch.tensor([getattr(probabilities, m) for m in MASK_MODES], dtype=torch.float64)

    def sample_modes(self, batch_size: int, generator: torch.Generator | None = None) -> torch.Tensor:
        """(B,) int64 indices into `MASK_MODES`, drawn with the configured probabilities."""
        return torch.multinomial(self._probs, batch_size, replacement=True, generator=generator)

    def __call__(
        self,
        batch_size: int,
        num_frames: int,
        generator: torch.Generator | None = None,
        device: torch.device | str | None = None,
    ) -> torch.Tensor:
        """Draw one mask per sample.

        Args:
            batch_size: B.
            num_frames: T, latent frames per sample. With T = 1 nothing can be pinned (the one
                frame is the target), so every mask is all False.
            generator: CPU generator; the masks are a pure function of its state.
            device: where to put the result (drawn on the CPU, so a seed means the same masks
                on every device).

        Returns:
            (B, T) bool, True for pinned (clean, timestep 0) latent frames.
        """
        if batch_size < 1 or num_frames < 1:
            raise ValueError(f"batch_size and num_frames must be >= 1, got {batch_size} and {num_frames}.")
        b, t = batch_size, num_frames
        modes = self.sample_modes(b, generator)  # (B,)
        # Random draws for every mode are made for every sample (cheap at (B, T)), so the stream
        # a sample consumes does not depend on which mode it got.
        prefix = torch.randint(1, max(t, 2), (b, 1), generator=generator)  # (B, 1) in [1, T-1]
        coin = torch.rand(b, t, generator=generator) < 0.5  # (B, T)
        keep_noisy = torch.randint(0, t, (b,), generator=generator)  # (B,) frame forced noisy

        idx = torch.arange(t)[None]  # (1, T)
        candidates = torch.stack(
            [
                torch.zeros(b, t, dtype=torch.bool),  # none
                (idx == 0).expand(b, t),  # image_head
                (idx == t - 1).expand(b, t),  # image_tail
                idx < prefix,  # extension
                idx >= t - prefix,  # extension_backward
                coin,  # random_frames
            ]
        )  # (modes, B, T)
        mask = candidates[modes, torch.arange(b)]  # (B, T)
        # Only random_frames can pin everything; unpin one frame there so the loss has a target.
        all_pinned = mask.all(dim=1)
        mask[all_pinned, keep_noisy[all_pinned]] = False
        if t == 1:
            mask.zero_()
        return mask.to(device) if device is not None else mask
