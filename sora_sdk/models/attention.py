"""Attention for the spacetime DiT: 3D rotary positions and a device-aware attention kernel.

Backends:
  * ``"sdpa"``: ``torch.nn.functional.scaled_dot_product_attention`` (flash/memory-efficient
    kernels on CUDA; the only choice that scales to long sequences).
  * ``"math"``: plain ``softmax(q k^T) v`` in the input dtype, the scale folded into ``q`` (a
    pass over N x d values, not N x M scores) and the softmax in the input dtype (the kernels
    compute in fp32 and round once on output: an fp32 softmax cast back, to within one bf16
    rounding step, at a third of the time in bf16). Without autograd the (batch x heads) slices
    are taken a few at a time so each piece's scores stay cache-sized (``MATH_CHUNK_SCORES``).
  * ``"auto"``: SDPA on CUDA. On CPU, math up to ``MATH_MAX_TOKENS`` tokens while training
    (forward + backward ~1.4x faster than SDPA at ~320 tokens, ~0.8x at ~1280) and, at inference,
    while a slice's scores are at most ``MATH_MAX_SCORES_INFERENCE`` (1280 x 1280); SDPA above.
    Measured at inference in bf16, 5 heads of 64, 2 threads (benchmarks/attention_speed.py):
    560 tokens batch 2 (the default model at 64x112 with guidance) 4.0-5.0 ms against SDPA's
    5.9-10.5, 1280 tokens 19-24 ms against 27-29, batch 8 x 560 16-24 ms against 23-27.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

MATH_MAX_TOKENS = 768
MATH_MAX_SCORES_INFERENCE = 1280 * 1280
MATH_CHUNK_SCORES = 4_000_000
BACKENDS = ("auto", "sdpa", "math")


def attention(q, k, v, key_mask: torch.Tensor | None = None, backend: str = "auto") -> torch.Tensor:
    """Multi-head attention on (B, heads, N, d) tensors; ``key_mask`` (B, M) is True for real keys."""
    if backend == "auto":
        backend = _auto_backend(q, k)
    bias = None
    if key_mask is not None:
        # Additive mask (B, 1, 1, M): 0 for real keys, -inf-like for padding.
        bias = torch.zeros(key_mask.shape, dtype=q.dtype, device=q.device)
        bias = bias.masked_fill(~key_mask, torch.finfo(q.dtype).min)[:, None, None, :]
    if backend == "sdpa":
        return F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
    if backend != "math":
        raise ValueError(f"attention backend {backend!r} is unknown; use one of {BACKENDS}.")
    return _math_attention(q, k, v, bias)


def _auto_backend(q: torch.Tensor, k: torch.Tensor) -> str:
    # Measured on CPU (module docstring): the plain path wins while training up to
    # MATH_MAX_TOKENS, and at inference while one (batch, head) slice of scores stays moderate.
    if q.device.type != "cpu":
        return "sdpa"
    if torch.is_grad_enabled():
        return "math" if q.shape[-2] <= MATH_MAX_TOKENS else "sdpa"
    return "math" if q.shape[-2] * k.shape[-2] <= MATH_MAX_SCORES_INFERENCE else "sdpa"


def _math_attention(q, k, v, bias: torch.Tensor | None) -> torch.Tensor:
    # Scale q, not the scores (exact for power-of-two head dims such as 64).
    q = q * (1.0 / math.sqrt(q.shape[-1]))
    b, h, n, d = q.shape
    m = k.shape[-2]
    per_slice = n * m
    if torch.is_grad_enabled() or b * h * per_slice <= MATH_CHUNK_SCORES:
        return _softmax_attention(q, k, v, bias)
    # Inference over many slices: a few (batch, head) slices at a time keeps the scores in cache
    # (batch 8 x 560 tokens: 16 ms against 28 ms in one piece, on this CPU).
    if bias is not None:
        bias = bias.expand(b, h, 1, m).reshape(b * h, 1, m)
    qf, kf, vf = q.reshape(b * h, n, d), k.reshape(b * h, m, d), v.reshape(b * h, m, v.shape[-1])
    step = max(1, MATH_CHUNK_SCORES // per_slice)
    out = torch.cat(
        [
            _softmax_attention(qf[i : i + step], kf[i : i + step], vf[i : i + step], None if bias is None else bias[i : i + step])
            for i in range(0, b * h, step)
        ]
    )
    return out.view(b, h, n, v.shape[-1])


def _softmax_attention(q, k, v, bias: torch.Tensor | None) -> torch.Tensor:
    scores = q @ k.transpose(-2, -1)  # (..., N, M); q is already scaled
    if bias is not None:
        scores = scores + bias
    # Softmax in the input dtype: the kernel computes in fp32 and rounds once on output.
    return scores.softmax(-1) @ v


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
