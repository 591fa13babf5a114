"""The CPU `auto` attention rule and the plain (math) path: which kernel runs when, and that the
fast forms (scale folded into q, softmax in bf16, chunked slices) give the reference answer."""

import pytest
import torch
import torch.nn.functional as F

from sora_sdk.models import attention as attention_module
from sora_sdk.models.attention import MATH_MAX_SCORES_INFERENCE, MATH_MAX_TOKENS, attention


def _sdpa_calls(monkeypatch):
    calls = []
    real = F.scaled_dot_product_attention

    def counting(*args, **kwargs):
        calls.append((args[0].shape[-2], args[1].shape[-2]))
        return real(*args, **kwargs)

    monkeypatch.setattr(attention_module.F, "scaled_dot_product_attention", counting)
    return calls


def test_auto_picks_sdpa_at_inference_only_when_a_slice_of_scores_is_over_the_limit(monkeypatch):
    calls = _sdpa_calls(monkeypatch)
    side = int(MATH_MAX_SCORES_INFERENCE**0.5)
    short, at_limit, over = (torch.randn(1, 2, n, 8) for n in (48, side, side + 1))
    cross_q, cross_kv = torch.randn(1, 2, 4 * side, 8), torch.randn(1, 2, 12, 8)
    with torch.no_grad():
        attention(short, short, short)
        attention(at_limit, at_limit, at_limit)
        attention(cross_q, cross_kv, cross_kv)  # many queries, a few text keys: small scores, math
        out = attention(over, over, over)
    assert calls == [(side + 1, side + 1)]
    # Same answer as the plain path (both fp32 here).
    assert torch.allclose(out, attention(over, over, over, backend="math"), atol=1e-5)


def test_auto_keeps_the_plain_path_while_training_up_to_its_limit(monkeypatch):
    calls = _sdpa_calls(monkeypatch)
    mid = torch.randn(1, 2, MATH_MAX_TOKENS, 8, requires_grad=True)
    attention(mid, mid, mid).sum().backward()
    assert calls == []
    long = torch.randn(1, 2, MATH_MAX_TOKENS + 1, 8, requires_grad=True)
    attention(long, long, long)
    assert calls == [(MATH_MAX_TOKENS + 1, MATH_MAX_TOKENS + 1)]


def _reference(q, k, v, key_mask=None):
    scores = (q.double() @ k.double().transpose(-2, -1)) / q.shape[-1] ** 0.5
    if key_mask is not None:
        scores = scores.masked_fill(~key_mask[:, None, None, :], float("-inf"))
    return scores.softmax(-1) @ v.double()


@pytest.mark.parametrize("chunk_scores", [None, 7 * 9])  # one piece; a few (batch, head) slices at a time
def test_math_path_matches_the_fp64_reference_with_and_without_chunks(monkeypatch, chunk_scores):
    if chunk_scores is not None:
        monkeypatch.setattr(attention_module, "MATH_CHUNK_SCORES", chunk_scores)
    torch.manual_seed(0)
    q, k, v = torch.randn(3, 4, 7, 16), torch.randn(3, 4, 9, 16), torch.randn(3, 4, 9, 16)
    key_mask = torch.ones(3, 9, dtype=torch.bool)
    key_mask[1, 5:] = False  # padded keys in one sample
    with torch.no_grad():
        out = attention(q, k, v, key_mask=key_mask, backend="math")
    assert out.shape == (3, 4, 7, 16)
    assert torch.allclose(out.double(), _reference(q, k, v, key_mask), atol=1e-5)
    # The padded keys get no weight: moving their values changes nothing.
    v2 = v.clone()
    v2[1, :, 5:] += 100.0
    with torch.no_grad():
        assert torch.allclose(attention(q, k, v2, key_mask=key_mask, backend="math"), out, atol=1e-5)


def test_chunked_and_whole_math_paths_agree_bit_for_bit_in_bf16(monkeypatch):
    torch.manual_seed(1)
    q, k, v = (torch.randn(2, 5, 40, 64).bfloat16() for _ in range(3))
    with torch.no_grad():
        whole = attention(q, k, v, backend="math")
        monkeypatch.setattr(attention_module, "MATH_CHUNK_SCORES", 3 * 40 * 40)
        chunked = attention(q, k, v, backend="math")
    assert torch.equal(whole, chunked)


@pytest.mark.parametrize("keys", [300, 560])
def test_bf16_softmax_rounds_once_like_an_fp32_softmax_cast_back(keys):
    # The math path's softmax runs in the input dtype; it computes in fp32 inside and rounds on
    # output, so it is an fp32 softmax cast back up to at most one bf16 rounding step.
    torch.manual_seed(3)
    scores = (torch.randn(2, 5, 64, keys) * 4).bfloat16()
    fast, exact = scores.softmax(-1).float(), scores.float().softmax(-1).bfloat16().float()
    assert ((fast - exact).abs() <= exact * 2**-7).all()
    if keys == 560:  # the default model's 64x112 sequence: identical
        assert torch.equal(fast, exact)


def test_math_path_in_bf16_stays_within_bf16_error_of_the_reference():
    torch.manual_seed(2)
    q, k, v = (torch.randn(2, 5, 96, 64) * s for s in (2, 2, 1))
    with torch.no_grad():
        out = attention(q.bfloat16(), k.bfloat16(), v.bfloat16(), backend="math").double()
    err = (out - _reference(q, k, v)).abs()
    assert err.mean() < 0.01 and err.max() < 0.15
