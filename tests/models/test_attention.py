"""The CPU `auto` attention rule: which kernel runs for training and inference at which length."""

import torch
import torch.nn.functional as F

from sora_sdk.models import attention as attention_module
from sora_sdk.models.attention import MATH_MAX_TOKENS, MATH_MAX_TOKENS_INFERENCE, attention


def _sdpa_calls(monkeypatch):
    calls = []
    real = F.scaled_dot_product_attention

    def counting(*args, **kwargs):
        calls.append(args[0].shape[-2])
        return real(*args, **kwargs)

    monkeypatch.setattr(attention_module.F, "scaled_dot_product_attention", counting)
    return calls


def test_auto_picks_sdpa_at_inference_above_the_inference_limit_only(monkeypatch):
    calls = _sdpa_calls(monkeypatch)
    short, mid = (torch.randn(1, 2, n, 8) for n in (48, MATH_MAX_TOKENS_INFERENCE + 64))
    with torch.no_grad():
        attention(short, short, short)
        out = attention(mid, mid, mid)
    assert calls == [mid.shape[-2]]
    # Same answer as the plain path (both fp32 here).
    assert torch.allclose(out, attention(mid, mid, mid, backend="math"), atol=1e-5)


def test_auto_keeps_the_plain_path_while_training_up_to_its_limit(monkeypatch):
    calls = _sdpa_calls(monkeypatch)
    mid = torch.randn(1, 2, MATH_MAX_TOKENS_INFERENCE + 64, 8, requires_grad=True)
    attention(mid, mid, mid).sum().backward()
    assert calls == []
    long = torch.randn(1, 2, MATH_MAX_TOKENS + 1, 8, requires_grad=True)
    attention(long, long, long)
    assert calls == [MATH_MAX_TOKENS + 1]
