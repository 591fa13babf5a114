"""The shipped learned prompt check: MiniLM sentence embeddings + a per-category logistic head.

The lexicon (`lexicon.py`) blocks what it has words for; a paraphrase it has no words for ("a
man tying a rope to the ceiling fan and kicking the chair away") gets through. This classifier
scores *meaning* instead: the default text encoder's pooled sentence embedding (all-MiniLM-L6-v2,
D=384, unit length) goes through one logistic regression per category,

    p_c = sigmoid(w_c . e + b_c)        e: (384,), w: (C, 384), b: (C,)

trained on the tuning prompt sets by `python -m sora_sdk.safety.train_classifier` (weights: a
~13 kB safetensors file in `data/`). It plugs into `SafetyFilter` through the `PromptClassifier`
protocol; the filter blocks a category when either the rules or this model find it.

What the model sees (`classifier_views`):

* every normalised view of the prompt (evasions undone as for the rules), and of each clause
  when the prompt has several (split at , ; : . ! ? and dashes), so "cinematic 4k, <harm>,
  shot on 35mm" is also scored as "<harm>" alone;
* with the lexicon's hard-negative phrases cut out first ("suicide prevention", "breast cancer",
  "how to spot fake news", "shot of espresso"...): a sentence embedding tracks topic, and without
  this a prevention hotline ad scores like self-harm. A category's score is its maximum over views.

Scores are shifted so that 0.5 is the operating point chosen on the tuning data (benign false
positives <= 1% under cross-validation); `SafetyFilter`'s default `classifier_threshold` of 0.5
therefore means "the shipped operating point". Raise it to trade recall for fewer false positives.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from sora_sdk.safety.lexicon import RULES
from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.rules import compile_terms

__all__ = ["MiniLMPromptClassifier", "classifier_views", "DEFAULT_WEIGHTS"]

DEFAULT_WEIGHTS = Path(__file__).resolve().parent / "data" / "prompt_classifier.safetensors"

# Clause boundaries in the raw prompt (before normalisation removes punctuation).
_CLAUSE_SPLIT = re.compile(r"[,;:.!?()\[\]\"\u201c\u201d]+|\s--?\s|\s[-\u2013\u2014]\s|\n")


@functools.lru_cache(maxsize=1)
def _hard_negatives() -> re.Pattern | None:
    # Every rule's `unless` phrases, longest first so a long phrase is cut before a shorter one
    # inside it could take part of it.
    phrases = sorted({u for r in RULES for u in r.unless}, key=len, reverse=True)
    return compile_terms(phrases)


def _mask(view: str) -> str:
    pattern = _hard_negatives()
    if pattern is not None:
        view = pattern.sub(" ", view)
    return re.sub(r"\s+", " ", view).strip()


def _clauses(text: str) -> list[str]:
    parts = [p.strip() for p in _CLAUSE_SPLIT.split(text)]
    parts = [p for p in parts if len(p.split()) >= 2]
    return parts if len(parts) > 1 else []


def classifier_views(text: str) -> list[str]:
    """The strings the classifier embeds for one prompt: normalised, hard negatives cut, per clause.

    Args:
        text: The raw prompt.

    Returns:
        Distinct non-empty strings, whole-prompt views first. An empty prompt gives `[""]`.
    """
    out: list[str] = []
    for piece in [text, *_clauses(text)]:
        for view in normalize_views(piece):
            v = _mask(view)
            if v and v not in out:
                out.append(v)
    return out or [""]


@functools.lru_cache(maxsize=2)
def _shared_encoder(max_length: int):
    # One MiniLM per process, however many SafetyFilters are built (tests build dozens).
    import torch

    from sora_sdk.models.text_encoder import MiniLMTextEncoder

    with torch.device("cpu"):
        return MiniLMTextEncoder(max_length=max_length, cache_size=0)


class MiniLMPromptClassifier:
    """Learned prompt classifier shipped with the SDK (implements `PromptClassifier`).

    Args:
        weights: Path of the safetensors head; defaults to the shipped `DEFAULT_WEIGHTS`.
        encoder: A `MiniLMTextEncoder` to reuse; by default one shared instance per process.

    Attributes:
        categories: Category values the head scores, in weight-row order.
        metadata: The training record stored with the weights (data hashes, cross-validated
            figures, operating point).

    Example:
        >>> clf = MiniLMPromptClassifier()
        >>> clf.classify("a man tying a rope to the ceiling fan and kicking the chair away")["self_harm"] > 0.5
        True
    """

    def __init__(self, weights: str | Path | None = None, encoder=None):
        from safetensors import safe_open

        path = Path(weights) if weights is not None else DEFAULT_WEIGHTS
        if not path.is_file():
            raise FileNotFoundError(
                f"Prompt classifier weights {path} not found; reinstall sora-sdk, or train them with "
                "`python -m sora_sdk.safety.train_classifier`."
            )
        with safe_open(str(path), framework="numpy") as f:
            meta = f.metadata() or {}
            weight = f.get_tensor("weight").astype(np.float32)  # (C, D)
            bias = f.get_tensor("bias").astype(np.float32)  # (C,)
        self.metadata = {k: json.loads(v) for k, v in meta.items()}
        self.categories = tuple(self.metadata["categories"])
        threshold = float(self.metadata["threshold"])
        if weight.shape != (len(self.categories), weight.shape[1]) or bias.shape != (len(self.categories),):
            raise ValueError(f"{path}: weight {weight.shape} / bias {bias.shape} do not match {len(self.categories)} categories.")
        # Shift the logits so p = 0.5 exactly at the tuned threshold (see the module docstring).
        self._weight = weight
        self._bias = bias - np.float32(np.log(threshold / (1.0 - threshold)))
        self._max_length = int(self.metadata.get("max_length", 64))
        self._encoder = encoder

    @property
    def encoder(self):
        """The MiniLM encoder (loaded on first use)."""
        if self._encoder is None:
            self._encoder = _shared_encoder(self._max_length)
        if self._encoder.hidden_size != self._weight.shape[1]:
            raise ValueError(
                f"The head expects {self._weight.shape[1]}-d embeddings, the encoder gives {self._encoder.hidden_size}; "
                "use MiniLMTextEncoder (all-MiniLM-L6-v2)."
            )
        return self._encoder

    def embed(self, texts: list[str]) -> np.ndarray:
        """(N, D) MiniLM sentence embeddings: `MiniLMTextEncoder`'s pooled vector (masked mean of the
        last hidden states, L2-normalised), computed with padding to the longest string rather than
        the encoder's fixed `max_length`. Masked positions do not enter the mean, so the vectors are
        the same up to float rounding, at a fraction of the cost (prompts here are ~10 tokens)."""
        import torch
        import torch.nn.functional as F

        enc = self.encoder
        batch = enc.tokenizer(
            list(texts), padding="longest", truncation=True, max_length=self._max_length, return_tensors="pt"
        ).to(enc.device)
        with torch.no_grad():
            hidden = enc.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)  # (N, L, 1)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)  # (N, D)
        return F.normalize(pooled.float(), p=2, dim=-1).cpu().numpy()

    def scores(self, texts: list[str]) -> np.ndarray:
        """(N, C) probabilities for already-prepared strings (no views, no masking)."""
        z = self.embed(texts) @ self._weight.T + self._bias  # (N, C)
        return 1.0 / (1.0 + np.exp(-z))

    def classify(self, text: str) -> Mapping[str, float]:
        """Probability per category value; the maximum over `classifier_views(text)`."""
        p = self.scores(classifier_views(text)).max(axis=0)  # (C,)
        return {c: float(v) for c, v in zip(self.categories, p)}
