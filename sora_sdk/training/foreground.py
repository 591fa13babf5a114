"""Foreground weighting of the flow loss: more weight on the latent positions that hold objects.

On clips of a few small objects over a plain background (Shapes, tabletop robotics), almost every
latent position is background. The background is learned early and then contributes most of the
loss's *positions* but little of its information, while the attributes a prompt asks for (shape,
direction) live in the few positions an object covers. Weighting those positions more spends the
gradient where the model is still wrong. The robotics world model's ``change_weight`` is the same
idea in pixel space (docs/robotics.md: the cube tracked 38% better with it).

The mask is computed from the clean latents alone, with no labels: a position is foreground when
its latent vector is far from the clip's typical (per-channel median) latent, i.e. far from the
background. That is only meaningful for footage whose background dominates each clip; on natural
video leave ``foreground_weight`` at 0.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

__all__ = ["foreground_mask", "foreground_weights"]


def foreground_mask(latents: torch.Tensor, threshold: float = 0.25) -> torch.Tensor:
    """(B, 1, T, H, W) float mask in {0, 1} of the latent positions that stand out of the background.

    Args:
        latents: clean latents (B, C, T, H, W); the posterior mean is best (no sampling noise).
        threshold: a position is foreground when its distance to the clip's median latent is more
            than ``threshold`` x the clip's largest such distance. Scale-free, so it does not
            depend on the latent normalisation. The mask is then grown by one position in H and W
            so object edges (where a shape is decided) count too.

    A clip whose latents are all equal (no object) gets an all-zero mask.
    """
    if latents.ndim != 5:
        raise ValueError(f"latents must be (B, C, T, H, W), got {tuple(latents.shape)}.")
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be in (0, 1), got {threshold}.")
    x = latents.float()
    b, c = x.shape[:2]
    background = x.flatten(2).median(dim=2).values  # (B, C): the clip's typical latent
    dist = (x - background[:, :, None, None, None]).norm(dim=1, keepdim=True)  # (B, 1, T, H, W)
    peak = dist.flatten(1).amax(dim=1).clamp_min(1e-6)  # (B,)
    mask = (dist > threshold * peak[:, None, None, None, None]).float()
    # Grow by one latent position in space (not time: the object is somewhere else next frame).
    return F.max_pool3d(mask, kernel_size=(1, 3, 3), stride=1, padding=(0, 1, 1))


def foreground_weights(latents: torch.Tensor, weight: float, threshold: float = 0.25) -> torch.Tensor:
    """(B, 1, T, H, W) loss weights ``1 + weight * foreground_mask``, normalised to mean 1 per clip.

    The normalisation keeps the loss's scale (and so the learning rate's meaning) whatever share of
    a clip the objects cover: the background is down-weighted, not the objects up-weighted without
    bound.
    """
    if weight < 0:
        raise ValueError(f"weight must be >= 0, got {weight}.")
    w = 1.0 + weight * foreground_mask(latents, threshold)  # (B, 1, T, H, W)
    return w / w.mean(dim=(1, 2, 3, 4), keepdim=True)
