"""Attention for the spacetime DiT: 3D rotary positions and a device-aware attention kernel.

Backends:
  * ``"sdpa"``: ``torch.nn.functional.scaled_dot_product_attention`` (flash/memory-efficient
    kernels on CUDA; the only choice that scales to long sequences).
  * ``"math"``: plain ``softmax(q k^T) v`` in the input dtype. On a 2-core bf16 CPU this measured
    ~1.4x faster than SDPA at ~320 tokens and ~0.8x at ~1280 when training (forward + backward).
  * ``"auto"``: SDPA on CUDA. On CPU, math up to ``MATH_MAX_TOKENS`` tokens while training and
    up to ``MATH_MAX_TOKENS_INFERENCE`` at inference (no autograd), SDPA above. At inference SDPA
    was faster per clip for the default video model at 560 tokens (64x112: 2.1-2.2 s against
    2.6-3.4 s), and at 320 tokens the runs overlapped. It was ~11% slower for the world model's
    48 tokens at batch 64 (457-463 against 515-527 env-steps/s, one thread).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

MATH_MAX_TOKENS = 768
MATH_MAX_TOKENS_INFERENCE = 256
BACKENDS = ("auto", "sdpa", "math")


def attention(q, k, v, key_mask: torch.Tensor | None = None, backend: str = "auto") -> torch.Tensor:
    """Multi-head attention on (B, heads, N, d) tensors; ``key_mask`` (B, M) is True for real keys."""
    if backend == "auto":
        # CPU, measured: training (forward + backward) is faster on the plain path up to
        # MATH_MAX_TOKENS; at inference SDPA is faster from a few hundred tokens (the default
        # video model, docs/default-model.md) but ~11% slower on the world model's 48 tokens.
        limit = MATH_MAX_TOKENS if torch.is_grad_enabled() else MATH_MAX_TOKENS_INFERENCE
        backend = "sdpa" if q.device.type != "cpu" or q.shape[-2] > limit else "math"
    bias = None
    if key_mask is not None:
        # Additive mask (B, 1, 1, M): 0 for real keys, -inf-like for padding.
        bias = torch.zeros(key_mask.shape, dtype=q.dtype, device=q.device)
        bias = bias.masked_fill(~key_mask, torch.finfo(q.dtype).min)[:, None, None, :]
    if backend == "sdpa":
        return F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
    if backend != "math":
        raise ValueError(f"attention backend {backend!r} is unknown; use one of {BACKENDS}.")
    scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(q.shape[-1]))  # (B, h, N, M)
    if bias is not None:
        scores = scores + bias
    # Softmax in fp32: bf16 exponentials over hundreds of keys lose the small weights.
    return scores.float().softmax(-1).to(v.dtype) @ v


class RotaryEmbedding3D(nn.Module):
    """Rotary position embedding over (t, h, w) token coordinates.

    The head dimension is split in three even parts, each rotated by one coordinate, so relative
    offsets in time, height and width are all visible to attention and any grid size works without
    retraining (no learned position table to interpolate).
    """

    def __init__(self, head_dim: int, theta: float = 10000.0):
        super().__init__()
        if head_dim % 2:
            raise ValueError(f"head_dim={head_dim} must be even for rotary embeddings.")
        # Spatial axes get equal shares; time takes what is left (all even).
        d_hw = (head_dim // 3) // 2 * 2
        self.dims = (head_dim - 2 * d_hw, d_hw, d_hw)
        self.theta = theta
        self._cache: dict = {}

    def cos_sin(self, grid: tuple[int, int, int], device) -> tuple[torch.Tensor, torch.Tensor]:
        """cos/sin tables (N, head_dim/2) for a (T, H, W) token grid, tokens ordered t-major."""
        key = (grid, str(device))
        if key not in self._cache:
            angles = []
            coords = torch.meshgrid(*[torch.arange(n, dtype=torch.float32) for n in grid], indexing="ij")
            for pos, d in zip(coords, self.dims):
                if d == 0:
                    continue
                freqs = self.theta ** (-torch.arange(0, d, 2, dtype=torch.float32) / d)  # (d/2,)
                angles.append(pos.reshape(-1, 1) * freqs)  # (N, d/2)
            ang = torch.cat(angles, dim=1)
            self._cache[key] = (ang.cos().to(device), ang.sin().to(device))
        return self._cache[key]

    @staticmethod
    def rotate(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        """Rotate (B, heads, N, d) by position; computed in fp32 for exact angles, returned in x's dtype.

        Each pair (x0, x1) times (cos + i sin) as one complex multiply: the same products and
        sums as (x0 cos - x1 sin, x0 sin + x1 cos), in one kernel instead of seven (6x faster at
        batch 64 on this CPU; the world-model simulator rotates 8 times per step).
        """
        xf = x.float()
        if xf.stride(-1) != 1 or xf.storage_offset() % 2 or any(st % 2 for st in xf.stride()[:-1]):
            xf = xf.contiguous()
        pairs = torch.view_as_complex(xf.unflatten(-1, (-1, 2)))  # (B, h, N, d/2) complex
        return torch.view_as_real(pairs * torch.complex(cos, sin)).flatten(-2).to(x.dtype)


class HeadRMSNorm(nn.RMSNorm):
    """RMSNorm whose weight follows the input dtype (avoids the mixed-dtype slow path under autocast)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.rms_norm(x, self.normalized_shape, self.weight.to(x.dtype), self.eps)


class SelfAttention(nn.Module):
    def __init__(self, dim: int, num_heads: int, qk_norm: bool = True):
        super().__init__()
        if dim % num_heads:
            raise ValueError(f"hidden_size={dim} must be divisible by num_heads={num_heads}.")
        self.num_heads = num_heads
        self.qkv = nn.Linear(dim, 3 * dim)
        head_dim = dim // num_heads
        # QK-norm keeps attention logits bounded under bf16 and high learning rates.
        self.q_norm = HeadRMSNorm(head_dim, eps=1e-6) if qk_norm else nn.Identity()
        self.k_norm = HeadRMSNorm(head_dim, eps=1e-6) if qk_norm else nn.Identity()
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, rope: tuple[torch.Tensor, torch.Tensor], backend: str = "auto"):
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.num_heads, -1).permute(2, 0, 3, 1, 4)  # 3 x (B, h, N, dh)
        q, k = self.q_norm(q), self.k_norm(k)
        q, k = RotaryEmbedding3D.rotate(q, *rope), RotaryEmbedding3D.rotate(k, *rope)
        out = attention(q, k, v, backend=backend)  # (B, h, N, dh)
        return self.proj(out.transpose(1, 2).reshape(b, n, d))


class CrossAttention(nn.Module):
    def __init__(self, dim: int, context_dim: int, num_heads: int, qk_norm: bool = True):
        super().__init__()
        self.num_heads = num_heads
        self.q = nn.Linear(dim, dim)
        self.kv = nn.Linear(context_dim, 2 * dim)
        head_dim = dim // num_heads
        self.q_norm = HeadRMSNorm(head_dim, eps=1e-6) if qk_norm else nn.Identity()
        self.k_norm = HeadRMSNorm(head_dim, eps=1e-6) if qk_norm else nn.Identity()
        self.proj = nn.Linear(dim, dim)

    def single_token(self, context: torch.Tensor) -> torch.Tensor:
        """The output for a one-token context (B, 1, context_dim): (B, 1, D), the same for every query.

        Softmax over a single key is exactly 1 whatever the query and mask, so attention returns
        that key's value: the query projection, the scores and the softmax can all be skipped.
        """
        v = self.kv(context)[..., self.proj.in_features :]  # (B, 1, D): the value half of kv
        return self.proj(v)

    def forward(self, x, context, context_mask=None, backend: str = "auto"):
        b, n, d = x.shape
        m = context.shape[1]
        q = self.q_norm(self.q(x).view(b, n, self.num_heads, -1).transpose(1, 2))  # (B, h, N, dh)
        k, v = self.kv(context).view(b, m, 2, self.num_heads, -1).permute(2, 0, 3, 1, 4)  # (B, h, M, dh)
        out = attention(q, self.k_norm(k), v, key_mask=context_mask, backend=backend)
        return self.proj(out.transpose(1, 2).reshape(b, n, d))
