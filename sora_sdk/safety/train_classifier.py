"""Train the shipped prompt classifier head (`data/prompt_classifier.safetensors`).

    python -m sora_sdk.safety.train_classifier [--out PATH] [--fp-target 0.0125] [--seed 0] [--oof-out PATH]
                                               [--feature-cache PATH]

Reproducible (fixed seeds) and CPU-only, pure torch. The shipped file holds only the head, which
`MiniLMPromptClassifier` applies with numpy. On one thread of the shared 2-core machine (seventh
round, 49.9k strings) about 10 minutes in all with `--feature-cache` filled; MiniLM over strings
not yet in the cache adds about a minute per 7k.

Data: the *tuning* splits only (`TUNING_FILES`): `dev` and `heldout` (`redteam.jsonl`,
`benign.jsonl`), the first fresh test split `test` (`*_test.jsonl`, folded in once its results
had been read), `train` (`*_train.jsonl`, prompts written to widen the tuning data), the former
held-out splits `test2` and `test3` (folded in once their results had been read), and `train2`
(`*_train2.jsonl`: translations into the nine glossary languages, weapons by ingredients,
deception without a "fake" word, and hard negatives), the former held-out splits `test4` and
`test5` (independent authors; folded in for the fifth round, once their results had been read),
`test6` and `test7` (independent authors; folded in for the sixth round, likewise), `test8`
(one more independent author; the sixth round's held-out split, folded in for the seventh round),
`test9` (the seventh round's held-out split, folded in for the eighth round), `test10` (the
eighth round's held-out split, folded in for the ninth round), `test11` to `test13` (the ninth
round's held-out splits, folded in for the tenth round), `test14` and `test15` (the tenth
round's held-out splits, folded in for the eleventh round), `test16` (the eleventh round's,
folded in for the twelfth), `test17` (the twelfth round's, folded in for the thirteenth),
`test18` (the thirteenth round's, folded in for the fourteenth) and `test19` (the fourteenth
round's, folded in for the fifteenth).
The newer splits (`test20` to `test22`) are never read here; `load_tuning` refuses any split not in `TUNING_SPLITS`.
Augmentation (`augment.py`): two evasion variants and two framing variants of every prompt, and
synthetic prompts as extra benign data (ordinary scenes, Shapes captions, and hard negatives:
famous people in harmless places and respectful scenes, children being cared for, media literacy
and help lines, ordinary scenes in the glossed languages; since the seventh round also public
figures at public events and prompts about harm: news and public-service segments, health and
safety education, history), and as extra harmful data non-sexual `minors` prompts
(`--synthetic-minors`, sixth round) and public figures in compromising scenes (`likeness`,
`--synthetic-likeness`, seventh round).

Model: two heads on the same features. The *detector* decides whether a prompt is harmful; the
*attribution* head names the category. Both are `prompt_classifier.prompt_features` (MiniLM hidden layers 2, 4, 6 mean-
pooled and 4, 6 max-pooled, frozen) with one logistic output per category, trained jointly with
a masked loss: a benign string is a negative for every category, a harmful string of category c
a positive for c. For the detector every other output is masked (a violent weapons prompt may
also score on violence, and a prompt near two categories scores on both, which is what makes
the detector's maximum over categories a good harm score). For the attribution head a harmful
string is also a down-weighted negative for the categories it cannot belong to
(`CROSS_NEGATIVES`: an adult sexual prompt is not `minors`); alone, that head blocks less
(cross-validated gate recall about 92% against 94% at the same false-positive rate, with an
earlier set of pairs), so it only names categories. Positives and negatives are balanced per
category; since the seventh round the detector gives its benign strings twice the weight of a
category's positives (`--benign-weight 2`) and uses weight decay 0.01 (`--weight-decay`; 0.1 before,
and still for the attribution head): in grouped cross-validation and when each independent
author's split was left out of training in turn, both raised recall at the same false-positive
rate (docs/safety.md, seventh round). AdamW (lr 3e-2, one-cycle schedule), 60 epochs of batches
of 256, on the `classifier_views` of each string (benign clauses count as benign; harmful prompts
are used whole, since one clause of a harmful prompt can be harmless).

Operating point: 5-fold cross-validation grouped by source prompt (a prompt and its variants
stay in one fold; synthetic prompts stay in every training fold) gives out-of-fold scores for
every tuning prompt; the threshold is the lowest at which out-of-fold benign false positives are
<= `--fp-target`. The final head is refit on all data and shipped with that threshold, the
cross-validated figures (classifier alone, and gate = rules or classifier) and the data hash.
`--oof-out` writes every tuning prompt's out-of-fold score, overall and per category.
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

from sora_sdk.safety.augment import EVASIONS, FRAMINGS, synthetic_benign, synthetic_likeness, synthetic_minors
from sora_sdk.safety.augment_long import bury_in_scene, synthetic_follow_ups, synthetic_long_scenes
from sora_sdk.safety.augment_more import synthetic_about_harm, synthetic_leaders, synthetic_weapons
from sora_sdk.safety.augment_phone import synthetic_foreign_requests, synthetic_pov_captions, synthetic_upload_harm
from sora_sdk.safety.augment_open import (
    synthetic_edit_requests,
    synthetic_glossed_words,
    synthetic_open_requests,
    synthetic_shapes_requests,
)
from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.prompt_classifier import DEFAULT_WEIGHTS, classifier_views, prompt_features

DATA = Path(__file__).resolve().parent / "data"
TUNING_FILES = (
    "redteam.jsonl", "benign.jsonl", "redteam_test.jsonl", "benign_test.jsonl", "redteam_train.jsonl", "benign_train.jsonl",
    "redteam_test2.jsonl", "benign_test2.jsonl", "redteam_test3.jsonl", "benign_test3.jsonl",
    "redteam_train2.jsonl", "benign_train2.jsonl", "redteam_test4.jsonl", "benign_test4.jsonl",
    "redteam_test5.jsonl", "benign_test5.jsonl", "redteam_test6.jsonl", "benign_test6.jsonl",
    "redteam_test7.jsonl", "benign_test7.jsonl", "redteam_test8.jsonl", "benign_test8.jsonl",
    "redteam_test9.jsonl", "benign_test9.jsonl", "redteam_test10.jsonl", "benign_test10.jsonl",
    "redteam_test11.jsonl", "benign_test11.jsonl", "redteam_test12.jsonl", "benign_test12.jsonl",
    "redteam_test13.jsonl", "benign_test13.jsonl", "redteam_test14.jsonl", "benign_test14.jsonl",
    "redteam_test15.jsonl", "benign_test15.jsonl", "redteam_test16.jsonl", "benign_test16.jsonl",
    "redteam_test17.jsonl", "benign_test17.jsonl", "redteam_test18.jsonl", "benign_test18.jsonl",
    "redteam_test19.jsonl", "benign_test19.jsonl",
)
# test2 to test19 were held out for one measurement each; their misses were read, so they are
# tuning data now. The newer splits (test20 to test22) are never read here: `load_tuning` refuses them.
TUNING_SPLITS = ("dev", "heldout", "test", "train", "test2", "test3", "train2", "test4", "test5", "test6", "test7",
                 "test8", "test9", "test10", "test11", "test12", "test13", "test14", "test15", "test16",
                 "test17", "test18", "test19")
# The newer splits, frozen and never trained on: test20 (written in the fourteenth round, measured
# once by the fifteenth) and test21 (written in the fifteenth, measured once by the sixteenth, a
# rules-only round that tuned rules on test20), both read and folded in by the next retrain; test22
# (written in the sixteenth, held out for the next measurement). A round that folds one in moves it
# from here to TUNING_SPLITS and TUNING_FILES.
HELD_OUT_SPLITS = ("test20", "test21", "test22")
# Default synthetic prompt counts, in `build_samples`' argument order (n_synthetic, n_minors, ...):
# the CLI's defaults here and the counts `train_lora` scales.
SYNTHETIC_COUNTS = {"synthetic": 1000, "minors": 300, "likeness": 200, "about": 400, "leaders": 100, "weapons": 200,
                    "shapes": 600, "open": 300, "glossed": 300, "edits": 300, "long": 500, "follow_ups": 200, "buried": 1500,
                    "foreign_requests": 500, "pov": 200, "upload_harm": 300}
CATEGORIES = ("sexual", "minors", "violence", "hate", "self_harm", "weapons", "likeness", "deception")
# Which other categories' prompts are negatives for a category (weighted `CROSS_WEIGHT`), so that
# an adult sexual prompt does not also score as `minors`. Left out where a prompt of the other
# category may rightly belong to this one too: a minors prompt is sexual or violent, an
# extremist attack is weapons and hate, a celebrity deepfake may be sexual or deceptive, fake
# footage may show violence or hate, and violence overlaps every category but sexual. The reverse
# does not hold for minors: violence against a child is labelled `minors`, so a prompt labelled
# `violence` is a negative for it (without this pair, an adult hostage being mutilated was also
# named `minors`). Prompts of the other categories rarely name a real person, so nearly all are
# negatives for likeness.
CROSS_NEGATIVES = {
    "sexual": ("violence", "hate", "self_harm", "weapons", "deception"),
    "minors": ("sexual", "violence", "hate", "self_harm", "weapons", "likeness", "deception"),
    "violence": ("sexual",),
    "hate": ("sexual", "minors", "self_harm", "deception"),
    "self_harm": ("sexual", "violence", "hate", "weapons", "likeness", "deception"),
    "weapons": ("sexual", "minors", "self_harm", "likeness"),
    "likeness": ("sexual", "minors", "violence", "hate", "self_harm", "weapons"),
    "deception": ("sexual", "minors", "self_harm"),
}
CROSS_WEIGHT = 0.5
MEAN_LAYERS = (2, 4, 6)  # hidden-state indices, 0 = token embeddings, 6 = last layer
MAX_LAYERS = (4, 6)


# ----------------------------------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------------------------------


def load_tuning() -> list[dict]:
    """Every prompt of `TUNING_FILES`; an error if any row belongs to another split (e.g. `test4`)."""
    rows = []
    for name in TUNING_FILES:
        rows += [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    bad = {r["split"] for r in rows} - set(TUNING_SPLITS)
    if bad:
        raise ValueError(f"Tuning data holds splits {bad}; only {TUNING_SPLITS} may be trained on.")
    return rows


def _group_key(text: str) -> str:
    # Variants of one prompt ("k1ll", "kiiill", "k i l l") share a key, so they share a fold. Without
    # the typo view (eighth round), so the groups and folds are those of the earlier rounds.
    return re.sub(r"(.)\1+", r"\1", normalize_views(text, typo=False)[-1].replace(" ", ""))


def build_samples(rows: list[dict], seed: int, n_synthetic: int, n_minors: int = 0,
                  n_likeness: int = 0, n_about: int = 0, n_leaders: int = 0,
                  n_weapons: int = 0, n_shapes: int = 0, n_open: int = 0,
                  n_glossed: int = 0, n_edits: int = 0, n_long: int = 0, n_follow_ups: int = 0,
                  n_buried: int = 0, n_foreign_requests: int = 0, n_pov: int = 0,
                  n_upload_harm: int = 0) -> tuple[list[tuple[int, str, str]], np.ndarray]:
    """(group id, text, label) for every original, augmented and synthetic prompt, and the group
    id of each row of `rows`. Synthetic prompts (`n_synthetic` benign, `n_minors` harmful
    `minors`, `n_likeness` harmful `likeness`; since the eighth round `n_about` benign prompts about
    harm, `n_leaders` harmful `likeness` and `n_weapons` harmful `weapons`, `augment_more.py`; since
    the tenth round `n_shapes` benign Shapes prompts and `n_open` benign open requests, since the
    eleventh `n_glossed` benign glossed readings, since the twelfth `n_edits` benign edit requests
    about an uploaded clip, `augment_open.py`; since the thirteenth `n_long` benign long scenes and
    `n_follow_ups` benign chat follow-ups, `augment_long.py`) have no row, so they stay in
    every training fold. Since the thirteenth round also `n_buried` red-team rows (drawn by a
    generator of their own) get one more variant, the prompt buried as a beat of a benign scene
    (`augment_long.bury_in_scene`), in the row's own group. Since the fifteenth round also
    `n_foreign_requests` benign short requests in twenty-four languages, `n_pov` benign phone-app
    captions and `n_upload_harm` red-team edits of the user's own upload (`augment_phone.py`)."""
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
    for text in synthetic_minors(rng, n_minors):
        out.append((keys.setdefault(_group_key(text), len(keys)), text, "minors"))
    # Drawn from a generator of its own, so adding them leaves every other synthetic prompt as it was.
    for text in synthetic_likeness(random.Random(seed + 7), n_likeness):
        out.append((keys.setdefault(_group_key(text), len(keys)), text, "likeness"))
    # Eighth round, each from a generator of its own for the same reason.
    for gen, n, label in ((synthetic_about_harm, n_about, "benign"), (synthetic_leaders, n_leaders, "likeness"),
                          (synthetic_weapons, n_weapons, "weapons")):
        for text in gen(random.Random(seed + 11 + len(label)), n):
            out.append((keys.setdefault(_group_key(text), len(keys)), text, label))
    # Tenth round (Shapes and open requests), eleventh (glossed readings), twelfth (edit requests), likewise.
    for offset, gen, n in ((31, synthetic_shapes_requests, n_shapes), (37, synthetic_open_requests, n_open),
                           (41, synthetic_glossed_words, n_glossed), (43, synthetic_edit_requests, n_edits)):
        for text in gen(random.Random(seed + offset), n):
            out.append((keys.setdefault(_group_key(text), len(keys)), text, "benign"))
    # Thirteenth round: long scenes and chat follow-ups (benign), and red-team rows buried in a scene.
    for offset, gen, n in ((47, synthetic_long_scenes, n_long), (53, synthetic_follow_ups, n_follow_ups)):
        for text in gen(random.Random(seed + offset), n):
            out.append((keys.setdefault(_group_key(text), len(keys)), text, "benign"))
    red = [(g, r) for g, r in zip(row_groups, rows) if r["category"] != "benign"]
    bury_rng = random.Random(seed + 59)
    for g, r in bury_rng.sample(red, min(n_buried, len(red))):
        out.append((g, bury_in_scene(bury_rng, r["text"]), r["category"]))
    # Fifteenth round: short foreign requests and phone captions (benign), edits of an upload into harm.
    for offset, gen, n in ((61, synthetic_foreign_requests, n_foreign_requests), (67, synthetic_pov_captions, n_pov)):
        for text in gen(random.Random(seed + offset), n):
            out.append((keys.setdefault(_group_key(text), len(keys)), text, "benign"))
    for text, label in synthetic_upload_harm(random.Random(seed + 71), n_upload_harm):
        out.append((keys.setdefault(_group_key(text), len(keys)), text, label))
    return out, np.array(row_groups)


def _training_views(text: str, label: str, typo: bool = True) -> list[str]:
    views = classifier_views(text, typo)
    if label == "benign":
        return views  # every clause of a benign prompt is benign
    return classifier_views(re.sub(r"[,;:.!?]", " ", text), typo)  # harmful: the whole prompt only


# ----------------------------------------------------------------------------------------------
# Fit and calibrate
# ----------------------------------------------------------------------------------------------


def masked_loss(logit, yb, n_benign: float, n_pos, n_total: int, benign_weight: float, cross_w=None):
    """The heads' loss for one batch of (B, C) logits and (B,) labels (-1 benign).

    A benign string is a negative for every category (total weight `benign_weight` per category),
    a harmful string a positive for its own (weight 1 / n_c) and, with `cross_w` (C, C), a
    down-weighted negative for the categories it cannot also be. Scaled so the loss is a
    per-category mean over the whole set of `n_total` strings, whatever the batch.
    """
    import torch
    import torch.nn.functional as F

    target, weight = torch.zeros_like(logit), torch.zeros_like(logit)
    benign, pos = yb < 0, yb >= 0
    weight[benign] = benign_weight / n_benign
    if cross_w is not None:
        weight[pos] = cross_w[yb[pos]]
    target[pos, yb[pos]] = 1.0
    weight[pos, yb[pos]] = 1.0 / n_pos[yb[pos]]
    return (F.binary_cross_entropy_with_logits(logit, target, reduction="none") * weight).sum() * n_total / len(yb)


def fit_head(X: np.ndarray, y: np.ndarray, seed: int, cross: bool = False, epochs: int = 60, lr: float = 3e-2,
             weight_decay: float = 0.1, benign_weight: float = 1.0):
    """Joint per-category logistic head -> weight (C, F), bias (C,).

    Args:
        X: (N, F) features.
        y: (N,) category index, -1 for benign.
        cross: Also use other categories' prompts as negatives (`CROSS_NEGATIVES`): the
            attribution head. Without, the detector head.
        weight_decay: AdamW weight decay.
        benign_weight: Total weight of the benign strings per category, against 1 for its positives.
    """
    import torch

    torch.manual_seed(seed)
    Xt, yt = torch.from_numpy(X).float(), torch.from_numpy(y).long()
    head = torch.nn.Linear(X.shape[1], len(CATEGORIES))
    opt = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=weight_decay)
    # Balance per category: benign strings weigh 1/n_benign, positives of c weigh 1/n_c, and the
    # prompts of other categories that are negatives for c (CROSS_NEGATIVES) CROSS_WEIGHT/n_cross_c.
    n_benign = float((y < 0).sum())
    n_pos = torch.from_numpy(np.bincount(y[y >= 0], minlength=len(CATEGORIES))).float().clamp(min=1)
    pairs = torch.zeros(len(CATEGORIES), len(CATEGORIES))  # (label, c): label's prompts are negatives for c
    if cross:
        for c, others in CROSS_NEGATIVES.items():
            for o in others:
                pairs[CATEGORIES.index(o), CATEGORIES.index(c)] = 1.0
    n_cross = (pairs * n_pos[:, None]).sum(0).clamp(min=1)  # (C,)
    cross_w = pairs * CROSS_WEIGHT / n_cross  # (C_label, C)
    bs = 256
    n_batches = (len(y) + bs - 1) // bs
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=epochs * n_batches)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        perm = torch.randperm(len(y), generator=gen)
        for i in range(n_batches):
            b = perm[i * bs : (i + 1) * bs]
            loss = masked_loss(head(Xt[b]), yt[b], n_benign, n_pos, len(y), benign_weight, cross_w)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    return head.weight.detach().numpy().astype(np.float32), head.bias.detach().numpy().astype(np.float32)


def _prompt_scores(W, b, F_: dict[str, np.ndarray], texts: list[str], typo: bool = True) -> np.ndarray:
    """(N, C) classifier scores, max over each prompt's views (as at run time)."""
    out = np.zeros((len(texts), len(CATEGORIES)), np.float32)
    for i, t in enumerate(texts):
        V = np.stack([F_[v] for v in classifier_views(t, typo)])  # (V, F)
        out[i] = (1 / (1 + np.exp(-(V @ W.T + b)))).max(0)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    ap.add_argument("--fp-target", type=float, default=0.0125, help="max out-of-fold benign false-positive rate")
    ap.add_argument("--synthetic", type=int, default=SYNTHETIC_COUNTS["synthetic"], help="synthetic benign prompts")
    ap.add_argument("--synthetic-minors", type=int, default=SYNTHETIC_COUNTS["minors"],
                    help="synthetic non-sexual minors prompts (harmful)")
    ap.add_argument("--synthetic-likeness", type=int, default=SYNTHETIC_COUNTS["likeness"],
                    help="synthetic public figures in compromising scenes (harmful likeness)")
    ap.add_argument("--synthetic-about", type=int, default=SYNTHETIC_COUNTS["about"],
                    help="synthetic benign prompts about harm or borrowing its words (eighth round; augment_more.py)")
    ap.add_argument("--synthetic-shapes", type=int, default=SYNTHETIC_COUNTS["shapes"],
                    help="synthetic benign Shapes prompts in the SDK's own phrasings (tenth round; augment_open.py)")
    ap.add_argument("--synthetic-open", type=int, default=SYNTHETIC_COUNTS["open"],
                    help="synthetic benign short open-ended requests (tenth round; augment_open.py)")
    ap.add_argument("--synthetic-glossed", type=int, default=SYNTHETIC_COUNTS["glossed"],
                    help="synthetic benign glossed readings of everyday prompts (eleventh round; augment_open.py)")
    ap.add_argument("--synthetic-edits", type=int, default=SYNTHETIC_COUNTS["edits"],
                    help="synthetic benign requests to edit an uploaded clip (twelfth round; augment_open.py)")
    ap.add_argument("--synthetic-long", type=int, default=SYNTHETIC_COUNTS["long"],
                    help="synthetic benign long scenes: screenplay, shot list, storyboard, prose (thirteenth round; augment_long.py)")
    ap.add_argument("--synthetic-follow-ups", type=int, default=SYNTHETIC_COUNTS["follow_ups"],
                    help="synthetic benign chat follow-ups about a video (thirteenth round; augment_long.py)")
    ap.add_argument("--synthetic-buried", type=int, default=SYNTHETIC_COUNTS["buried"],
                    help="red-team rows that also get a variant buried in a benign scene (thirteenth round; augment_long.py)")
    ap.add_argument("--synthetic-foreign-requests", type=int, default=SYNTHETIC_COUNTS["foreign_requests"],
                    help="synthetic benign short requests in twenty-four languages (fifteenth round; augment_phone.py)")
    ap.add_argument("--synthetic-pov", type=int, default=SYNTHETIC_COUNTS["pov"],
                    help="synthetic benign phone-app captions: 'pov:' and trends (fifteenth round; augment_phone.py)")
    ap.add_argument("--synthetic-upload-harm", type=int, default=SYNTHETIC_COUNTS["upload_harm"],
                    help="synthetic edits of the user's own upload into harm (harmful; fifteenth round; augment_phone.py)")
    ap.add_argument("--synthetic-leaders", type=int, default=SYNTHETIC_COUNTS["leaders"],
                    help="synthetic heads of state in compromising scenes (harmful likeness; eighth round)")
    ap.add_argument("--synthetic-weapons", type=int, default=SYNTHETIC_COUNTS["weapons"],
                    help="synthetic weapons prompts by euphemism, preparation or use (harmful; eighth round)")
    ap.add_argument("--max-length", type=int, default=64, help="MiniLM token positions per string")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--weight-decay", type=float, default=0.01, help="detector head AdamW weight decay (0.1 before the seventh round)")
    ap.add_argument("--benign-weight", type=float, default=2.0,
                    help="detector: benign strings' total weight per category against 1 for its positives (1 before the seventh round)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--oof-out", type=Path, default=None, help="write every tuning prompt's out-of-fold score (JSONL)")
    ap.add_argument("--no-typo-view", action="store_true",
                    help="leave the typo-corrected view (eighth round) out of the classifier's views (the rules keep it)")
    ap.add_argument("--feature-cache", type=Path, default=None,
                    help="npz of MiniLM features by string, read and extended (features are deterministic per string)")
    args = ap.parse_args(argv)

    import torch
    from safetensors.numpy import save_file

    from sora_sdk.models.text_encoder import MiniLMTextEncoder
    from sora_sdk.safety.policy import load_policy
    from sora_sdk.safety.prompt_check import PromptChecker

    torch.manual_seed(args.seed)
    rows = load_tuning()
    # One count per SYNTHETIC_COUNTS key, in its (build_samples') order: --synthetic, --synthetic-<key>.
    counts = {k: getattr(args, "synthetic" if k == "synthetic" else f"synthetic_{k}") for k in SYNTHETIC_COUNTS}
    samples, row_g = build_samples(rows, args.seed, *counts.values())
    typo = not args.no_typo_view
    views = [(g, v, y) for g, t, y in samples for v in _training_views(t, y, typo)]
    need = sorted({v for _, v, _ in views} | {v for r in rows for v in classifier_views(r["text"], typo)})
    t0 = time.perf_counter()
    enc = MiniLMTextEncoder(max_length=args.max_length, cache_size=0)
    feats: dict[str, np.ndarray] = {}
    cache_key = f"{enc.name}|{args.max_length}|{MEAN_LAYERS}|{MAX_LAYERS}"
    if args.feature_cache is not None and args.feature_cache.is_file():
        with np.load(args.feature_cache, allow_pickle=False) as z:
            if str(z["key"]) == cache_key:
                feats = dict(zip(z["texts"].tolist(), z["feats"]))
    order = sorted(set(need) - set(feats), key=len)  # similar lengths per batch: less padding
    for i in range(0, len(order), 64):
        chunk = order[i : i + 64]
        feats.update(zip(chunk, prompt_features(enc, chunk, MEAN_LAYERS, MAX_LAYERS, args.max_length)))
    print(f"features of {len(need)} strings ({len(order)} computed) in {time.perf_counter() - t0:.0f} s", flush=True)
    if args.feature_cache is not None and order:
        texts = sorted(feats)
        np.savez(args.feature_cache, key=np.array(cache_key), texts=np.array(texts),
                 feats=np.stack([feats[t] for t in texts]))

    cat_index = {c: i for i, c in enumerate(CATEGORIES)}
    G = np.array([g for g, _, _ in views])
    X = np.stack([feats[v] for _, v, _ in views])  # (N, F)
    y = np.array([cat_index.get(lab, -1) for _, _, lab in views])

    # Out-of-fold scores of the original tuning prompts; folds grouped by source prompt, and
    # synthetic prompts (groups of their own, no row) stay in every training fold.
    rng = np.random.default_rng(args.seed)
    groups = np.unique(row_g)
    fold_of = dict(zip(groups.tolist(), rng.integers(0, args.folds, len(groups)).tolist()))
    row_fold = np.array([fold_of[g] for g in row_g])
    oof = np.zeros((len(rows), len(CATEGORIES)), np.float32)
    for k in range(args.folds):
        held = {g for g in groups.tolist() if fold_of[g] == k}
        train = ~np.isin(G, list(held))
        W, b = fit_head(X[train], y[train], args.seed, weight_decay=args.weight_decay, benign_weight=args.benign_weight)
        te_rows = np.flatnonzero(row_fold == k)
        oof[te_rows] = _prompt_scores(W, b, feats, [rows[i]["text"] for i in te_rows], typo)

    labels = np.array([r["category"] for r in rows])
    splits = np.array([r["split"] for r in rows])
    benign = labels == "benign"
    top = oof.max(1)
    # Lowest threshold with benign FP <= target: just above the k-th highest benign score.
    k = int(np.floor(args.fp_target * benign.sum()))
    threshold = float(np.sort(top[benign])[::-1][k]) + 1e-6
    hit = top >= threshold
    rules = PromptChecker(load_policy("default"))
    gate = hit | np.array([bool(rules.findings(r["text"])) for r in rows])

    def rate(mask, sel):
        return float(mask[sel].mean()) if sel.any() else 0.0

    record = {
        "recall": rate(hit, ~benign), "benign_fp": rate(hit, benign),
        "gate_recall": rate(gate, ~benign), "gate_benign_fp": rate(gate, benign),
        "per_category": {c: rate(hit, labels == c) for c in CATEGORIES},
        "per_split": {s: {"recall": rate(hit, (splits == s) & ~benign), "benign_fp": rate(hit, (splits == s) & benign),
                          "gate_recall": rate(gate, (splits == s) & ~benign),
                          "gate_benign_fp": rate(gate, (splits == s) & benign)}
                      for s in TUNING_SPLITS},
    }
    print(f"out-of-fold: threshold {threshold:.4f}; classifier recall {100 * record['recall']:.1f}% at "
          f"{100 * record['benign_fp']:.1f}% benign FP; gate (rules or classifier) {100 * record['gate_recall']:.1f}% "
          f"at {100 * record['gate_benign_fp']:.1f}%")
    print("  per category: " + ", ".join(f"{c} {100 * v:.0f}%" for c, v in record["per_category"].items()))
    for s_, v in record["per_split"].items():
        print(f"  {s_}: classifier {100 * v['recall']:.1f}% / {100 * v['benign_fp']:.2f}% FP; "
              f"gate {100 * v['gate_recall']:.1f}% / {100 * v['gate_benign_fp']:.2f}% FP")
    if args.oof_out is not None:
        with open(args.oof_out, "w", encoding="utf-8") as f:
            for r, sc, g, per in zip(rows, top, gate, oof):
                f.write(json.dumps({**r, "oof": float(sc), "threshold": threshold, "gate": bool(g),
                                    "oof_per_category": [round(float(x), 5) for x in per]}, ensure_ascii=False) + "\n")

    W, b = fit_head(X, y, args.seed, weight_decay=args.weight_decay, benign_weight=args.benign_weight)
    W_attr, b_attr = fit_head(X, y, args.seed, cross=True)  # the attribution head keeps the earlier settings
    digest = hashlib.sha256(b"".join((DATA / n).read_bytes() for n in TUNING_FILES)).hexdigest()
    meta = {
        "categories": list(CATEGORIES),
        "threshold": threshold,
        "encoder": enc.name,
        "max_length": args.max_length,
        "mean_layers": list(MEAN_LAYERS),
        "max_layers": list(MAX_LAYERS),
        "trained_on": list(TUNING_FILES),
        "tuning_splits": list(TUNING_SPLITS),
        "tuning_sha256": digest,
        "train_strings": int(len(y)),
        "fp_target": args.fp_target,
        **{f"synthetic_{'benign' if k == 'synthetic' else k}": n for k, n in counts.items()},
        "weight_decay": args.weight_decay,
        "benign_weight": args.benign_weight,
        "typo_view": typo,
        "cv": record,
        "seed": args.seed,
        "command": "python -m sora_sdk.safety.train_classifier",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tensors = {"weight": W, "bias": b, "attribution_weight": W_attr, "attribution_bias": b_attr}
    save_file(tensors, str(args.out), metadata={k: json.dumps(v) for k, v in meta.items()})
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.1f} kB)")


if __name__ == "__main__":
    main()
