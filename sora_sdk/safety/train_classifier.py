"""Train the shipped prompt classifier head (`data/prompt_classifier.safetensors`).

    python -m sora_sdk.safety.train_classifier [--out PATH] [--fp-target 0.01] [--seed 0]

Reproducible (fixed seeds, deterministic fits) and CPU-only: ~3 minutes on 2 cores, almost all
of it spent embedding ~6k strings with MiniLM. Needs scikit-learn for fitting; the shipped file
holds only the weights, which `MiniLMPromptClassifier` applies with numpy.

Data: the *tuning* sets only, `data/redteam.jsonl` and `data/benign.jsonl` (splits `dev` and
`heldout`). The `*_test.jsonl` sets are never read here; they exist to measure the result.
Augmentation, all programmatic:

* evasion variants of every tuning prompt (leetspeak, spaced or dotted letters, homoglyphs,
  zero-width characters, full-width, stretched letters, random case), two per prompt;
* framing variants ("make a video of ...", "..., shot on 35mm film", "for a movie scene, ..."),
  two per prompt, harmful and benign alike, so framing is not a cue either way;
* synthetic ordinary prompts (people, animals and places from a small grammar, and Shapes-style
  captions) as extra benign data: the tuning benign set is mostly hard negatives, and without
  everyday scenes the head learns that any person in a prompt is a risk.

Model: per category c, logistic regression (L2, C=2, class-balanced) of c against benign, on the
`classifier_views` embeddings (benign clauses count as benign; harmful prompts are used whole,
since one clause of a harmful prompt can be harmless). Other harmful categories are left out of
c's negatives: a violent weapons prompt may score on both, which only ever adds a block.

Operating point: 5-fold cross-validation grouped by source prompt (a prompt and its variants stay
in one fold) gives out-of-fold scores for every tuning prompt; the threshold is the lowest one at
which out-of-fold benign false positives are <= `--fp-target`. The final head is refit on all
data and shipped with that threshold and the cross-validated figures in its metadata.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import time
from pathlib import Path

import numpy as np

from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.prompt_classifier import DEFAULT_WEIGHTS, classifier_views

DATA = Path(__file__).resolve().parent / "data"
TUNING_FILES = ("redteam.jsonl", "benign.jsonl")
CATEGORIES = ("sexual", "minors", "violence", "hate", "self_harm", "weapons", "likeness", "deception")

# ----------------------------------------------------------------------------------------------
# Augmentation
# ----------------------------------------------------------------------------------------------

_HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def _long_word(rng: random.Random, words: list[str]) -> int | None:
    idx = [i for i, w in enumerate(words) if len(w) >= 4]
    return rng.choice(idx) if idx else None


def _in_word(fn):
    """Apply `fn(rng, word)` to one random word of 4+ letters."""

    def apply(rng: random.Random, text: str) -> str:
        words = text.split(" ")
        i = _long_word(rng, words)
        if i is not None:
            words[i] = fn(rng, words[i])
        return " ".join(words)

    return apply


def _stretch(rng: random.Random, w: str) -> str:
    j = rng.randrange(len(w))
    return w[:j] + w[j] * rng.randint(2, 4) + w[j + 1 :]


EVASIONS = {
    "leet": lambda rng, t: "".join(_LEET.get(c, c) if rng.random() < 0.6 else c for c in t),
    "spaced": _in_word(lambda rng, w: " ".join(w)),
    "dotted": _in_word(lambda rng, w: rng.choice(".-*_").join(w)),
    "homoglyph": lambda rng, t: "".join(_HOMOGLYPHS.get(c, c) if rng.random() < 0.5 else c for c in t),
    "zero_width": _in_word(lambda rng, w: w[: len(w) // 2] + "\u200b" + w[len(w) // 2 :]),
    "fullwidth": lambda rng, t: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in t),
    "stretch": _in_word(_stretch),
    "case": lambda rng, t: "".join(c.upper() if rng.random() < 0.5 else c for c in t),
}

FRAMINGS = (
    "make a video of {}", "cinematic 4k footage: {}", "{}, shot on 35mm film", "generate a short clip where {}",
    "for a movie scene, {}", "realistic video of {}", "{}, slow motion, dramatic lighting", "animation: {}",
    "i want a clip showing {}", "{}. photorealistic, 8k", "a scene in which {}", "create footage: {}",
)

_SUBJECTS = (
    "a man", "a woman", "an old man", "an elderly woman", "two friends", "a family", "a young couple",
    "a child", "a little girl", "a boy", "a group of kids", "a teenager", "a crowd", "a chef", "a nurse",
    "a teacher", "a farmer", "a police officer", "a soldier", "a businessman", "a student", "a baby",
    "a dog", "a cat", "a horse", "a fox", "a robot", "an astronaut", "a dancer", "a fisherman",
)
_ACTIONS = (
    "walking", "reading a book", "laughing", "cooking pasta", "riding a bike", "dancing", "painting a mural",
    "playing guitar", "shaking hands", "hugging", "waving", "eating ice cream", "sleeping", "running",
    "swimming", "building a sandcastle", "flying a kite", "drinking coffee", "talking on the phone",
    "planting a tree", "jumping over a puddle", "looking at the stars", "washing a car", "taking a photo",
    "giving a speech", "carrying groceries", "playing chess", "writing a letter", "feeding ducks",
)
_PLACES = (
    "in a park", "on a beach", "in a kitchen", "on a city street at night", "in a classroom",
    "at a train station", "in the snow", "in a forest", "on a rooftop", "in a library", "at a market",
    "in the rain", "on a boat", "in a garden", "in an office", "at a wedding", "in a hospital corridor",
    "on a farm", "in a desert", "by a lake at sunset",
)


# Shapes-style captions (the shipped model's domain), written out here rather than imported so
# the training set does not change when the dataset's phrasings do.
_COLOURS = ("red", "green", "blue", "yellow", "white", "orange", "purple")
_SHAPES = ("circle", "square", "triangle", "star", "ball", "box")
_MOTIONS = ("moving right", "moving left", "bouncing", "falling down", "rising", "spinning", "sitting still")
_BACKGROUNDS = ("on a navy background", "on black", "over a grey backdrop", "on a white background")


def synthetic_benign(rng: random.Random, n: int) -> list[str]:
    """`n` ordinary prompts: 3/4 from a subject-action-place grammar, 1/4 Shapes-style captions."""
    n_shapes = n // 4
    out = [f"{rng.choice(_SUBJECTS)} {rng.choice(_ACTIONS)} {rng.choice(_PLACES)}" for _ in range(n - n_shapes)]
    out += [
        f"a {rng.choice(_COLOURS)} {rng.choice(_SHAPES)} {rng.choice(_MOTIONS)} {rng.choice(_BACKGROUNDS)}"
        for _ in range(n_shapes)
    ]
    return out


# ----------------------------------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------------------------------


def load_tuning() -> list[dict]:
    rows = []
    for name in TUNING_FILES:
        rows += [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = {r["split"] for r in rows} - {"dev", "heldout"}
    if bad:
        raise ValueError(f"Tuning data holds splits {bad}; only dev/heldout may be trained on.")
    return rows


def _group_key(text: str) -> str:
    # Variants of one prompt ("k1ll", "kiiill", "k i l l") share a key, so they share a fold.
    return re.sub(r"(.)\1+", r"\1", normalize_views(text)[-1].replace(" ", ""))


def build_samples(rows: list[dict], seed: int, n_synthetic: int) -> tuple[list[tuple[int, str, str]], np.ndarray]:
    """(group id, text, label) for every original, augmented and synthetic prompt, and the group
    id of each row of `rows`."""
    rng = random.Random(seed)
    keys: dict[str, int] = {}
    out = []
    row_groups = []
    for r in rows:
        g = keys.setdefault(_group_key(r["text"]), len(keys))
        row_groups.append(g)
        out.append((g, r["text"], r["category"]))
        for name in rng.sample(sorted(EVASIONS), 2):
            out.append((g, EVASIONS[name](rng, r["text"]), r["category"]))
        for framing in rng.sample(FRAMINGS, 2):
            out.append((g, framing.format(r["text"]), r["category"]))
    for text in synthetic_benign(rng, n_synthetic):
        out.append((keys.setdefault(_group_key(text), len(keys)), text, "benign"))
    return out, np.array(row_groups)


def _training_views(text: str, label: str) -> list[str]:
    views = classifier_views(text)
    if label == "benign":
        return views  # every clause of a benign prompt is benign
    return classifier_views(re.sub(r"[,;:.!?]", " ", text))  # harmful: the whole prompt only


# ----------------------------------------------------------------------------------------------
# Fit and calibrate
# ----------------------------------------------------------------------------------------------


def fit_head(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Per-category logistic regression of c vs benign -> weight (C, D), bias (C,)."""
    from sklearn.linear_model import LogisticRegression

    W, b = [], []
    for c in CATEGORIES:
        keep = (y == c) | (y == "benign")
        m = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X[keep], y[keep] == c)
        W.append(m.coef_[0])
        b.append(m.intercept_[0])
    return np.asarray(W, np.float32), np.asarray(b, np.float32)


def _prompt_scores(W, b, E: dict[str, np.ndarray], texts: list[str]) -> np.ndarray:
    """(N, C) classifier scores, max over each prompt's views (as at run time)."""
    out = np.zeros((len(texts), len(CATEGORIES)), np.float32)
    for i, t in enumerate(texts):
        V = np.stack([E[v] for v in classifier_views(t)])  # (V, D)
        out[i] = (1 / (1 + np.exp(-(V @ W.T + b)))).max(0)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    ap.add_argument("--fp-target", type=float, default=0.01, help="max out-of-fold benign false-positive rate")
    ap.add_argument("--C", type=float, default=2.0, help="inverse L2 strength of the logistic heads")
    ap.add_argument("--synthetic", type=int, default=400, help="synthetic ordinary benign prompts")
    ap.add_argument("--max-length", type=int, default=64, help="MiniLM token positions per string")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import torch
    from safetensors.numpy import save_file

    from sora_sdk.models.text_encoder import MiniLMTextEncoder

    torch.manual_seed(args.seed)
    rows = load_tuning()
    samples, row_g = build_samples(rows, args.seed, args.synthetic)
    views = [(g, v, y) for g, t, y in samples for v in _training_views(t, y)]
    need = sorted({v for _, v, _ in views} | {v for r in rows for v in classifier_views(r["text"])})
    t0 = time.perf_counter()
    enc = MiniLMTextEncoder(max_length=args.max_length, cache_size=0)
    E = {}
    for i in range(0, len(need), 64):
        E.update(zip(need[i : i + 64], enc.encode(need[i : i + 64]).pooled.numpy()))
    print(f"embedded {len(need)} strings in {time.perf_counter() - t0:.0f} s", flush=True)

    G = np.array([g for g, _, _ in views])
    X = np.stack([E[v] for _, v, _ in views])  # (N, D)
    y = np.array([lab for _, _, lab in views])

    # Out-of-fold scores of the original tuning prompts, folds grouped by source prompt.
    from sklearn.model_selection import GroupKFold

    # Synthetic prompts have groups of their own and stay in every training fold.
    row_ids = np.unique(row_g)
    oof = np.zeros((len(rows), len(CATEGORIES)), np.float32)
    for _, te in GroupKFold(5).split(row_ids, groups=row_ids):
        te_g = row_ids[te]
        train = ~np.isin(G, te_g)
        W, b = fit_head(X[train], y[train], args.C)
        te_rows = np.flatnonzero(np.isin(row_g, te_g))
        oof[te_rows] = _prompt_scores(W, b, E, [rows[i]["text"] for i in te_rows])

    labels = np.array([r["category"] for r in rows])
    benign = labels == "benign"
    top = oof.max(1)
    # Lowest threshold with benign FP <= target: just above the k-th highest benign score.
    k = int(np.floor(args.fp_target * benign.sum()))
    threshold = float(np.sort(top[benign])[::-1][k]) + 1e-6
    recall = float((top[~benign] >= threshold).mean())
    fp = float((top[benign] >= threshold).mean())
    per_cat = {c: float((top[labels == c] >= threshold).mean()) for c in CATEGORIES}
    print(f"out-of-fold: threshold {threshold:.4f}, benign FP {100 * fp:.1f}%, red-team recall {100 * recall:.1f}%")
    print("  per category: " + ", ".join(f"{c} {100 * v:.0f}%" for c, v in per_cat.items()))

    W, b = fit_head(X, y, args.C)
    digest = hashlib.sha256(b"".join((DATA / n).read_bytes() for n in TUNING_FILES)).hexdigest()
    meta = {
        "categories": list(CATEGORIES),
        "threshold": threshold,
        "encoder": enc.name,
        "max_length": args.max_length,
        "trained_on": list(TUNING_FILES),
        "tuning_sha256": digest,
        "train_strings": int(len(y)),
        "cv_benign_fp": fp,
        "cv_redteam_recall": recall,
        "cv_recall_per_category": per_cat,
        "C": args.C,
        "seed": args.seed,
        "command": "python -m sora_sdk.safety.train_classifier",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_file({"weight": W, "bias": b}, str(args.out), metadata={k: json.dumps(v) for k, v in meta.items()})
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.1f} kB)")


if __name__ == "__main__":
    main()
