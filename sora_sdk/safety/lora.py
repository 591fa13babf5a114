"""Low-rank adapters (LoRA) on the prompt classifier's MiniLM, and merging them for inference.

The shipped classifier reads frozen MiniLM layers; a ninth-round variant also tunes MiniLM itself
through rank-r adapters on every linear layer of its six transformer blocks (query, key, value,
attention output, and both feed-forward layers), 36 adapters in all:

    W' = W + (alpha / r) B A        A: (r, in), B: (out, r), B = 0 at the start

so an untrained adapter leaves the encoder exactly as shipped, and only A and B (~0.33M numbers at
r = 8, ~1.3 MB) are stored beside the head, not a second copy of the 22M-parameter encoder. At
inference the adapters are merged into a private copy of the encoder (`merged_encoder`): the same
cost per prompt as the frozen encoder, and the text encoder the generator conditions on is never
touched.
"""

from __future__ import annotations

import copy
import math

import torch
from torch import nn

__all__ = ["LoRALinear", "add_lora", "lora_tensors", "merged_encoder", "ADAPTED"]

# (module path inside a BERT layer, attribute) of every adapted linear layer, in storage order.
ADAPTED = (("attention.self", "query"), ("attention.self", "key"), ("attention.self", "value"),
           ("attention.output", "dense"), ("intermediate", "dense"), ("output", "dense"))


class LoRALinear(nn.Module):
    """``base(x) + (alpha / r) x A^T B^T`` with the base layer frozen.

    Args:
        base: The frozen linear layer.
        rank: r.
        alpha: Scale numerator; ``alpha = 2 r`` (scale 2) by default.
    """

    def __init__(self, base: nn.Linear, rank: int, alpha: float | None = None):
        super().__init__()
        if rank < 1:
            raise ValueError(f"LoRA rank must be >= 1, got {rank}.")
        self.base = base.requires_grad_(False)
        self.a = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = (2.0 * rank if alpha is None else alpha) / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.a.t().to(x.dtype)) @ self.b.t().to(x.dtype) * self.scale


def _targets(model: nn.Module):
    for i, layer in enumerate(model.encoder.layer):
        for path, name in ADAPTED:
            parent = layer.get_submodule(path)
            yield f"{i}.{path}.{name}", parent, name


def add_lora(model: nn.Module, rank: int) -> list[nn.Parameter]:
    """Freeze a BERT-style ``model`` in place and wrap its adapted layers; returns the adapter parameters."""
    model.requires_grad_(False)
    params: list[nn.Parameter] = []
    for _, parent, name in _targets(model):
        layer = LoRALinear(getattr(parent, name), rank)
        setattr(parent, name, layer)
        params += [layer.a, layer.b]
    return params


def lora_tensors(model: nn.Module) -> dict[str, torch.Tensor]:
    """The adapters of a model wrapped by `add_lora`, as ``{"lora.<layer>.<path>.<name>.a": A, ...b: B}``."""
    out = {}
    for key, parent, name in _targets(model):
        layer = getattr(parent, name)
        if not isinstance(layer, LoRALinear):
            raise ValueError(f"{key} has no adapter; wrap the model with add_lora first.")
        out[f"lora.{key}.a"] = layer.a.detach().float().contiguous()
        out[f"lora.{key}.b"] = (layer.b.detach().float() * layer.scale).contiguous()  # scale folded into B
    return out


@torch.no_grad()
def merged_encoder(encoder, tensors: dict[str, torch.Tensor]):
    """A copy of a `MiniLMTextEncoder` whose weights include the adapters (``W + B A``).

    Raises:
        ValueError: if an adapter is missing or its shape does not fit the encoder.
    """
    twin = copy.copy(encoder)  # tokenizer and settings shared; model and cache its own
    twin.model = copy.deepcopy(encoder.model)
    twin._cache, twin.cache_size = type(encoder._cache)(), 0
    for key, parent, name in _targets(twin.model):
        layer = getattr(parent, name)
        try:
            a, b = tensors[f"lora.{key}.a"], tensors[f"lora.{key}.b"]
        except KeyError:
            raise ValueError(f"The classifier weights hold no adapter for {key}; retrain them.") from None
        if b.shape[0] != layer.out_features or a.shape[1] != layer.in_features or a.shape[0] != b.shape[1]:
            raise ValueError(f"Adapter {key} is {tuple(b.shape)} x {tuple(a.shape)}; the layer is {tuple(layer.weight.shape)}.")
        layer.weight += (b @ a).to(layer.weight.dtype)
    return twin
