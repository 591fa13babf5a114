"""Low-rank adapters on the classifier's MiniLM (`lora.py`): exact merge, the encoder left untouched."""

import copy

import pytest
import torch

from sora_sdk.safety.lora import ADAPTED, add_lora, lora_tensors, merged_encoder
from sora_sdk.safety.prompt_classifier import _shared_encoder, prompt_features

TEXTS = ["a man tying a rope to the ceiling fan", "a red circle moving right", "kill the lights"]


@pytest.fixture(scope="module")
def encoder():
    return _shared_encoder(64)


def _features(enc):
    return torch.from_numpy(prompt_features(enc, TEXTS, (2, 4, 6), (4, 6)))


def test_untrained_adapters_change_nothing_and_trained_ones_merge_exactly(encoder):
    before = _features(encoder)
    wrapped = copy.copy(encoder)
    wrapped.model = copy.deepcopy(encoder.model)
    params = add_lora(wrapped.model, rank=4)
    assert len(params) == 2 * len(ADAPTED) * 6  # A and B for 6 layers per block, 6 blocks
    assert not any(p.requires_grad for n, p in wrapped.model.named_parameters() if not n.endswith((".a", ".b")))
    torch.testing.assert_close(_features(wrapped), before)  # B = 0: exactly the shipped encoder

    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for p in params[1::2]:  # every B
            p.copy_(torch.randn(p.shape, generator=gen) * 0.02)
    adapted = _features(wrapped)
    assert (adapted - before).abs().max() > 1e-2  # the adapters do change the features
    merged = merged_encoder(encoder, lora_tensors(wrapped.model))
    torch.testing.assert_close(_features(merged), adapted, atol=2e-4, rtol=1e-3)
    torch.testing.assert_close(_features(encoder), before)  # the shared encoder is untouched
    assert merged.tokenizer is encoder.tokenizer and merged.model is not encoder.model


def test_merge_refuses_missing_or_misshapen_adapters(encoder):
    wrapped = copy.deepcopy(encoder.model)
    add_lora(wrapped, rank=2)
    tensors = lora_tensors(wrapped)
    missing = dict(tensors)
    missing.pop("lora.0.attention.self.query.a")
    with pytest.raises(ValueError, match="no adapter for 0.attention.self.query"):
        merged_encoder(encoder, missing)
    bad = dict(tensors)
    bad["lora.1.intermediate.dense.b"] = torch.zeros(7, 2)
    with pytest.raises(ValueError, match="1.intermediate.dense"):
        merged_encoder(encoder, bad)
    with pytest.raises(ValueError, match="rank must be >= 1"):
        add_lora(copy.deepcopy(encoder.model), rank=0)
