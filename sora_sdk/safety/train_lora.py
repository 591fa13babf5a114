"""Train the prompt classifier with MiniLM itself tuned through low-rank adapters (ninth round).

    python -m sora_sdk.safety.train_lora [--out PATH] [--rank 8] [--epochs 1] [--val-frac 0.2]
                                         [--feature-cache PATH] [--threads 1]

The frozen-encoder trainer (`train_classifier.py`) fits two logistic heads on fixed MiniLM
features. Here the encoder moves too: rank-r adapters on all 36 linear layers of its six blocks
(`lora.py`), trained jointly with the detector head under the same masked, category-balanced loss
on the same strings (`train_classifier.build_samples`: the tuning prompts, their evasion and
framing variants and the synthetic prompts, as `classifier_views`).

Protocol (one run; fine-tuning five folds would cost hours on a CPU):

1. Prompts are split by source group (a prompt and its variants stay together, as in
   `train_classifier`'s folds): a `--val-frac` fold is held out, the rest trains.
2. The detector head is first fitted on the frozen features of the training fold
   (`train_classifier.fit_head`, the shipped recipe): the warm start, and the *frozen* baseline.
3. Adapters and head are tuned together for `--epochs` passes (AdamW, one-cycle, bf16 autocast).
4. The operating point is the lowest threshold at which the validation fold's benign prompts
   are blocked at most `--fp-target` of the time (scores are a prompt's maximum over its views,
   as at run time). The figures of both models on the validation fold are printed and stored.
5. The attribution head (which names categories) is fitted on the tuned features of the
   training fold. Weights: heads + adapters (~1.5 MB) in one safetensors file, which
   `MiniLMPromptClassifier` loads like the frozen one (`lora_rank` in its metadata).

The validation fold is never trained on, so it also costs the shipped model that much data; a
held-out split written by another author (`benchmarks/safety_prompts.py --split test<N>`) is the
measurement that counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

import numpy as np

from sora_sdk.device import default_compute_dtype
from sora_sdk.safety.prompt_classifier import DEFAULT_WEIGHTS, classifier_views, pooled_features
from sora_sdk.safety.train_classifier import (
    CATEGORIES, DATA, MAX_LAYERS, MEAN_LAYERS, SYNTHETIC_COUNTS, TUNING_FILES, TUNING_SPLITS, _training_views,
    build_samples, fit_head, load_tuning, masked_loss,
)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--lr", type=float, default=5e-4, help="adapter learning rate")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--val-frac", type=float, default=0.2)
    ap.add_argument("--fp-target", type=float, default=0.0125)
    ap.add_argument("--benign-weight", type=float, default=2.0)
    ap.add_argument("--max-length", type=int, default=64)
    ap.add_argument("--synthetic-scale", type=float, default=1.0,
                    help="scales train_classifier's synthetic prompt counts ("
                         + ", ".join(f"{k} {n}" for k, n in SYNTHETIC_COUNTS.items()) + ")")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--feature-cache", type=Path, default=None,
                    help="npz of frozen MiniLM features by string (train_classifier's cache), for the warm-start head")
    args = ap.parse_args(argv)

    import torch
    from safetensors.numpy import save_file

    from sora_sdk.models.text_encoder import MiniLMTextEncoder
    from sora_sdk.safety.lora import add_lora, lora_tensors

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:6.0f} s] {msg}", flush=True)

    # 1. Data and the grouped validation fold.
    rows = load_tuning()
    counts = [round(n * args.synthetic_scale) for n in SYNTHETIC_COUNTS.values()]  # train_classifier's defaults
    samples, row_g = build_samples(rows, args.seed, *counts)
    rng = np.random.default_rng(args.seed + 1)
    groups = np.unique(row_g)
    val_groups = set(groups[rng.random(len(groups)) < args.val_frac].tolist())
    cat_index = {c: i for i, c in enumerate(CATEGORIES)}
    train = [(v, cat_index.get(y, -1)) for g, t, y in samples if g not in val_groups for v in _training_views(t, y)]
    val_rows = [r for r, g in zip(rows, row_g) if g in val_groups]
    y_train = np.array([y for _, y in train])
    log(f"{len(train)} training strings; {len(val_rows)} validation prompts")

    enc = MiniLMTextEncoder(max_length=args.max_length, cache_size=0)
    layers = (MEAN_LAYERS, MAX_LAYERS, args.max_length)

    @torch.no_grad()
    def features(texts: list[str]) -> np.ndarray:
        enc.model.eval()
        order = sorted(set(texts), key=len)
        out = {}
        for i in range(0, len(order), 128):
            chunk = order[i : i + 128]
            out.update(zip(chunk, pooled_features(enc, chunk, *layers).numpy()))
        return np.stack([out[t] for t in texts])

    # 2. The frozen-feature head on the training fold: warm start and baseline.
    cache: dict[str, np.ndarray] = {}
    if args.feature_cache is not None and args.feature_cache.is_file():
        with np.load(args.feature_cache, allow_pickle=False) as z:
            cache = dict(zip(z["texts"].tolist(), z["feats"]))
    strings = [v for v, _ in train]
    missing = sorted(set(strings) - set(cache))
    if missing:
        cache.update(zip(missing, features(missing)))
    X = np.stack([cache[v] for v in strings])
    del cache
    W0, b0 = fit_head(X, y_train, args.seed, weight_decay=0.01, benign_weight=args.benign_weight)
    del X
    log("frozen head fitted")
    head = torch.nn.Linear(W0.shape[1], len(CATEGORIES))
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(W0))
        head.bias.copy_(torch.from_numpy(b0))

    def val_scores() -> np.ndarray:
        views = [classifier_views(r["text"]) for r in val_rows]
        flat = sorted({v for vs in views for v in vs})
        with torch.no_grad():
            s = dict(zip(flat, torch.sigmoid(head(torch.from_numpy(features(flat)))).amax(1).tolist()))
        return np.array([max(s[v] for v in vs) for vs in views])

    benign = np.array([r["category"] == "benign" for r in val_rows])

    def operating_point(scores: np.ndarray) -> dict:
        k = int(np.floor(args.fp_target * benign.sum()))
        thr = float(np.sort(scores[benign])[::-1][k]) + 1e-6
        return {"threshold": thr, "recall": float((scores[~benign] >= thr).mean()),
                "benign_fp": float((scores[benign] >= thr).mean())}

    frozen = operating_point(val_scores())
    log(f"frozen head on the validation fold: recall {100 * frozen['recall']:.2f}% at {100 * frozen['benign_fp']:.2f}% FP")

    # 3. Adapters and head together.
    adapters = add_lora(enc.model, args.rank)
    n_benign = float((y_train < 0).sum())
    n_pos = torch.from_numpy(np.bincount(y_train[y_train >= 0], minlength=len(CATEGORIES))).float().clamp(min=1)
    opt = torch.optim.AdamW([{"params": adapters, "lr": args.lr}, {"params": head.parameters(), "lr": args.head_lr}],
                            weight_decay=0.01)
    steps = max(1, int(args.epochs * len(train) / args.batch))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, [args.lr, args.head_lr], total_steps=steps, pct_start=0.1)
    order: list[int] = []
    shuffle = random.Random(args.seed)
    bf16 = default_compute_dtype("cpu") == torch.bfloat16
    enc.model.train()
    for step in range(steps):
        if len(order) < args.batch:
            order = list(range(len(train)))
            shuffle.shuffle(order)
        idx, order = order[: args.batch], order[args.batch :]
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):  # bf16 only with bf16 units
            logit = head(pooled_features(enc, [train[i][0] for i in idx], *layers))
        yb = torch.tensor([train[i][1] for i in idx])
        loss = masked_loss(logit.float(), yb, n_benign, n_pos, len(train), args.benign_weight)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 100 == 0 or step == steps - 1:
            log(f"step {step + 1}/{steps} loss {loss.item():.4f}")

    # 4. Operating point on the validation fold.
    tuned = operating_point(val_scores())
    log(f"tuned on the validation fold: recall {100 * tuned['recall']:.2f}% at {100 * tuned['benign_fp']:.2f}% FP")

    # 5. Attribution head on the tuned features; save.
    Xt = features(strings)
    W_attr, b_attr = fit_head(Xt, y_train, args.seed, cross=True)
    del Xt
    tensors = {"weight": head.weight.detach().numpy().astype(np.float32),
               "bias": head.bias.detach().numpy().astype(np.float32),
               "attribution_weight": W_attr, "attribution_bias": b_attr}
    tensors.update({k: v.numpy() for k, v in lora_tensors(enc.model).items()})
    digest = hashlib.sha256(b"".join((DATA / n).read_bytes() for n in TUNING_FILES)).hexdigest()
    meta = {
        "categories": list(CATEGORIES), "threshold": tuned["threshold"], "encoder": enc.name,
        "max_length": args.max_length, "mean_layers": list(MEAN_LAYERS), "max_layers": list(MAX_LAYERS),
        "trained_on": list(TUNING_FILES), "tuning_splits": list(TUNING_SPLITS), "tuning_sha256": digest,
        "train_strings": len(train), "synthetic": counts, "fp_target": args.fp_target, "benign_weight": args.benign_weight,
        "typo_view": True, "lora_rank": args.rank, "epochs": args.epochs, "lr": args.lr, "head_lr": args.head_lr,
        "validation": {"fraction": args.val_frac, "prompts": len(val_rows), "frozen": frozen, "tuned": tuned},
        "cv": {"recall": tuned["recall"], "benign_fp": tuned["benign_fp"]},
        "seed": args.seed, "command": "python -m sora_sdk.safety.train_lora",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(args.out), metadata={k: json.dumps(v) for k, v in meta.items()})
    log(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} kB)")


if __name__ == "__main__":
    main()
