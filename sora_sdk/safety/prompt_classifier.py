"""The shipped learned prompt check: MiniLM layer features + per-category logistic heads.

The lexicon (`lexicon/`) blocks what it has words for; a paraphrase it has no words for ("a
man tying a rope to the ceiling fan and kicking the chair away") gets through. This classifier
scores *meaning* with the default text encoder (all-MiniLM-L6-v2, D=384), frozen. Its features
are read from several layers, not only the sentence embedding:

    f = [mean_2, mean_4, mean_6, max_4, max_6]       each (D,), L2-normalised -> f: (5 D,)
    d_c = sigmoid(w_c . f + b_c)                     detector        w, u: (C, 5 D)
    a_c = sigmoid(u_c . f + v_c)                     attribution     b, v: (C,)

`mean_l` / `max_l` are the masked mean / max over tokens of hidden layer `l` (layer 6 is the
last; its mean is the text encoder's pooled vector). Since the ninth round the weights may also
hold low-rank adapters tuned into MiniLM (`lora.py`, trained by `train_lora.py`; `lora_rank` in
the metadata): they are merged into a private copy of the encoder, so the hidden layers above are
the tuned model's and the generator's text encoder is left as it is. The final sentence embedding tracks topic;
the middle layers and the max over tokens keep the single words that carry intent ("unaliving",
"jailbait") from being averaged away.

Two heads, because blocking and naming want different training: the *detector* decides, the
*attribution* head names. The detector's categories are trained each against benign prompts
only, so a prompt between two categories scores on both and its maximum `h = max_c d_c` is a
good harm score; but an adult sexual prompt then often scores as `minors` too. The attribution
head is also trained against the other categories' prompts, which names categories well but
blocks less. `classify` therefore reports, when `h` reaches the operating point, `h` for the
categories the attribution head names (`a_c >= 0.5`, and always its top category) and
`h * a_c` (< 0.5) for the rest: under the default policy (every category blocked) the decision
is the detector's, and a policy that allows a category is not overruled by a neighbouring
category the prompt does not belong to. Both heads are trained on the tuning prompt sets by
`python -m sora_sdk.safety.train_classifier` (frozen encoder; ~120 kB of heads) or, since the
ninth round and for the shipped file, `python -m sora_sdk.safety.train_lora` (heads plus MiniLM
adapters, ~1.4 MB), with the layers used recorded in the file's metadata. It plugs into `SafetyFilter` through the
`PromptClassifier` protocol; the filter blocks a category when either the rules or this model
find it.

What the model sees (`classifier_views`):

* every normalised view of the prompt (evasions undone as for the rules), and of each clause
  when the prompt has several (split at , ; : . ! ? and dashes), so "cinematic 4k, <harm>,
  shot on 35mm" is also scored as "<harm>" alone;
* for a prompt written in a non-Latin script (`scripts.script_of`), only its English glossary
  reading (`scripts.script_gloss`): MiniLM's vocabulary is English, so its score on the raw
  characters is no evidence either way (measured: Chinese, Japanese, Korean, Thai and Arabic
  prompts, harmful or not, score ~0.01; a benign Russian market scene 0.63);
* for a Latin-script prompt MiniLM cannot read (a language outside `translate.py`'s glossary,
  or a script `scripts.py` does not cover), only the words of each view that are whole words of
  MiniLM's vocabulary (`readability.py`, sixth round): on the rest its score was no evidence, and
  benign Swedish, Vietnamese, Swahili or Tagalog scenes scored as harm. Since the seventh round
  those four languages are glossed too (`translate.UNREADABLE_LANGUAGES`), and still routed this
  way, so their glossary reading is scored on its English words;
* with the lexicon's hard-negative phrases cut out first ("suicide prevention", "breast cancer",
  "how to spot fake news", "shot of espresso"...): a sentence embedding tracks topic, and without
  this a prevention hotline ad scores like self-harm. A category's score is its maximum over views.

Scores are shifted so that 0.5 is the operating point chosen on the tuning data (out-of-fold
benign false positives <= 1.25% under grouped cross-validation); `SafetyFilter`'s default
`classifier_threshold` of 0.5 therefore means "the shipped operating point". Raise it to trade
recall for fewer false positives.
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
from sora_sdk.safety.readability import is_unreadable, readable_words
from sora_sdk.safety.rules import compile_terms
from sora_sdk.safety.scripts import script_gloss

__all__ = ["MiniLMPromptClassifier", "classifier_views", "prompt_features", "pooled_features", "DEFAULT_WEIGHTS"]

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


# A full stop after a title or an initial ("Martin Luther King Jr.", "John F. Kennedy") ends no clause:
# split there, a name would be scored on its own.
_ABBREV_DOT = re.compile(r"\b(Jr|Sr|Dr|Mr|Mrs|Ms|St|Mt|Ft|Prof|Gen|Sgt|Lt|Col|Capt|Gov|Sen|Rep|Rev|vs|etc|[A-Z])\.")


def _clauses(text: str) -> list[str]:
    parts = [p.strip() for p in _CLAUSE_SPLIT.split(_ABBREV_DOT.sub(r"\1", text))]
    parts = [p for p in parts if len(p.split()) >= 2]
    return parts if len(parts) > 1 else []


def classifier_views(text: str, typo: bool = True) -> list[str]:
    """The strings the classifier embeds for one prompt: normalised, hard negatives cut, per clause.

    Args:
        text: The raw prompt.
        typo: Include the typo-corrected view (`typos.py`, eighth round); a head records in its
            metadata whether it was trained with it (`typo_view`).

    Returns:
        Distinct non-empty strings, whole-prompt views first. An empty prompt gives `[""]`.
    """
    reading = script_gloss(text)
    if reading is not None:  # a script MiniLM cannot read: score its English reading only
        text = reading
    # A Latin-script language outside the glossary (or an unlisted script): only the words MiniLM
    # reads whole, as for the scripts above (sixth round; `readability.py`). Since the seventh round
    # also a prompt in a glossed language MiniLM has no words of (Swedish, Tagalog, Swahili,
    # Vietnamese): its glossary reading keeps its English.
    unreadable = reading is None and is_unreadable(normalize_views(text, typo), text)
    out: list[str] = []
    for piece in [text, *_clauses(text)]:
        for view in normalize_views(piece, typo):
            v = _mask(readable_words(view) if unreadable else view)
            if v and v not in out:
                out.append(v)
    return out or [""]


def prompt_features(encoder, texts: list[str], mean_layers, max_layers, max_length: int = 64) -> np.ndarray:
    """(N, F) classifier features: per layer, the masked mean and max over tokens, L2-normalised.

    Args:
        encoder: A `MiniLMTextEncoder` (its `tokenizer` and `model` are used).
        texts: Already-prepared strings (see `classifier_views`).
        mean_layers: Hidden-state indices (0 = token embeddings, 6 = last layer) to mean-pool.
        max_layers: Hidden-state indices to max-pool.
        max_length: Token positions per string.

    Returns:
        float32 array of shape (N, D * (len(mean_layers) + len(max_layers))). Padding is to the
        longest string of the batch; masked positions enter neither the mean nor the max, so a
        string's features do not depend on what it is batched with (up to float rounding).
    """
    import torch

    with torch.no_grad():
        return pooled_features(encoder, texts, mean_layers, max_layers, max_length).cpu().numpy()


def pooled_features(encoder, texts: list[str], mean_layers, max_layers, max_length: int = 64):
    """`prompt_features` as a float32 torch tensor, differentiable (for tuning the encoder, `train_lora.py`)."""
    import torch
    import torch.nn.functional as F

    batch = encoder.tokenizer(
        list(texts), padding="longest", truncation=True, max_length=max_length, return_tensors="pt"
    ).to(encoder.device)
    hidden = encoder.model(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], output_hidden_states=True
    ).hidden_states  # 7 x (N, L, D)
    mask = batch["attention_mask"].unsqueeze(-1).to(torch.float32)  # (N, L, 1)
    feats = [(hidden[i].float() * mask).sum(1) / mask.sum(1).clamp(min=1e-9) for i in mean_layers]  # (N, D) each
    feats += [hidden[i].float().masked_fill(mask == 0, -1e4).amax(1) for i in max_layers]
    return torch.cat([F.normalize(f, p=2, dim=-1) for f in feats], -1)


@functools.lru_cache(maxsize=2)
def _adapted_encoder(weights: str, max_length: int):
    # One adapted MiniLM copy per process and weights file (tests build dozens of filters).
    return _load_adapted(_shared_encoder(max_length), weights)


def _load_adapted(encoder, weights: str):
    import torch
    from safetensors import safe_open

    from sora_sdk.safety.lora import merged_encoder

    with safe_open(weights, framework="numpy") as f:
        tensors = {k: torch.from_numpy(f.get_tensor(k)) for k in f.keys() if k.startswith("lora.")}
    return merged_encoder(encoder, tensors)


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
        metadata: The training record stored with the weights (data hashes, layers, cross-validated
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
            weight = f.get_tensor("weight").astype(np.float32)  # (C, F) detector
            bias = f.get_tensor("bias").astype(np.float32)  # (C,)
            self._attr_weight = f.get_tensor("attribution_weight").astype(np.float32)  # (C, F)
            self._attr_bias = f.get_tensor("attribution_bias").astype(np.float32)  # (C,)
        self.metadata = {k: json.loads(v) for k, v in meta.items()}
        self.categories = tuple(self.metadata["categories"])
        threshold = float(self.metadata["threshold"])
        if (weight.shape != (len(self.categories), weight.shape[1]) or bias.shape != (len(self.categories),)
                or self._attr_weight.shape != weight.shape or self._attr_bias.shape != bias.shape):
            raise ValueError(f"{path}: weight {weight.shape} / bias {bias.shape} do not match {len(self.categories)} categories.")
        # Shift the logits so p = 0.5 exactly at the tuned threshold (see the module docstring).
        self._weight = weight
        self._bias = bias - np.float32(np.log(threshold / (1.0 - threshold)))
        self._max_length = int(self.metadata.get("max_length", 64))
        self._mean_layers = tuple(self.metadata["mean_layers"])
        self._max_layers = tuple(self.metadata["max_layers"])
        width = 384 * (len(self._mean_layers) + len(self._max_layers))
        if weight.shape[1] != width:
            raise ValueError(f"{path}: weight has {weight.shape[1]} features, its layers give {width}.")
        self._given_encoder, self._encoder = encoder, None
        self._path = path
        # Ninth round: low-rank adapters tuned into MiniLM (`lora.py`), stored beside the heads.
        self._lora_rank = int(self.metadata.get("lora_rank", 0))
        # Eighth round: whether the head was trained on the typo-corrected view too (older heads were not).
        self._typo = bool(self.metadata.get("typo_view", False))

    @property
    def encoder(self):
        """The MiniLM encoder (loaded on first use), with the weights' adapters merged in if they have any."""
        if self._encoder is None:
            given = self._given_encoder
            if given is not None:  # an encoder passed in: adapt a copy of it, never the encoder itself
                self._encoder = _load_adapted(given, str(self._path)) if self._lora_rank else given
            else:
                self._encoder = (_adapted_encoder(str(self._path), self._max_length) if self._lora_rank
                                 else _shared_encoder(self._max_length))
        if self._encoder.hidden_size != 384:
            raise ValueError(
                f"The head expects all-MiniLM-L6-v2 (384-d hidden states), the encoder gives {self._encoder.hidden_size}; "
                "use MiniLMTextEncoder."
            )
        return self._encoder

    def features(self, texts: list[str]) -> np.ndarray:
        """(N, F) features of already-prepared strings (see `prompt_features`)."""
        return prompt_features(self.encoder, texts, self._mean_layers, self._max_layers, self._max_length)

    def scores(self, texts: list[str]) -> np.ndarray:
        """(N, C) detector probabilities for already-prepared strings (no views, no masking)."""
        return self._heads(self.features(texts))[0]

    def _heads(self, feats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(N, C) detector and (N, C) attribution probabilities of (N, F) features."""
        d = 1.0 / (1.0 + np.exp(-(feats @ self._weight.T + self._bias)))
        a = 1.0 / (1.0 + np.exp(-(feats @ self._attr_weight.T + self._attr_bias)))
        return d, a

    def classify(self, text: str) -> Mapping[str, float]:
        """Probability per category value (see the module docstring for how the heads combine).

        The harm score `h` is the detector's maximum over categories and over
        `classifier_views(text)`; the categories named are those whose attribution (maximum over
        views) reaches 0.5, and the top one. Named categories get `h`, the others `h * a_c`.
        """
        d, a = self._heads(self.features(classifier_views(text, self._typo)))  # (V, C) each
        h = float(d.max())
        attr = a.max(axis=0)  # (C,)
        named = (attr >= 0.5) | (np.arange(len(attr)) == attr.argmax())
        p = np.where(named, h, h * attr)
        return {c: float(v) for c, v in zip(self.categories, p)}
