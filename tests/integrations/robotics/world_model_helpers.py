"""Tiny WorldModels for the world-model tests (a helper module: conftest is not importable by name)."""

import torch

from sora_sdk.integrations.robotics import WorldModel

# One 32-wide block on 16x16 patches: a few hundred microseconds per step.
TINY_WORLD_MODEL = dict(patch_size=16, hidden_size=32, depth=1, num_heads=1, head_width=4)


def randomise_zero_layers(model: WorldModel, seed: int = 0, std: float = 0.05) -> WorldModel:
    """Give AdaLN-Zero's zero-initialised layers random weights, so that outputs depend on the
    noise, the actions and the frames (a fresh model copies its last frame exactly)."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            if p.ndim and not p.abs().sum():
                p.copy_(torch.randn(p.shape, generator=gen) * std)
    return model


def tiny_world_model(randomised: bool = False, termination_bias: float | None = None, **overrides) -> WorldModel:
    torch.manual_seed(0)
    model = WorldModel(**{**TINY_WORLD_MODEL, **overrides})
    if randomised:
        randomise_zero_layers(model)
    if termination_bias is not None:
        with torch.no_grad():
            model.head.mlp[-1].bias[1] = termination_bias
    return model.eval()
