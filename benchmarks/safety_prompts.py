"""Prompt-check benchmark: block rate on the red-team set, false positives on the benign set.

    python benchmarks/safety_prompts.py [--preset default] [--show-misses] [--split dev|heldout|all]

Both sets live in `sora_sdk/safety/data/` and carry a `split` field. `heldout` prompts were
written after the rules were frozen and are not used to tune them; report both splits.
Targets (issue 5): block rate >= 99%, false-positive rate <= 2%.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from sora_sdk.safety import SafetyFilter

DATA = Path(__file__).resolve().parents[1] / "sora_sdk" / "safety" / "data"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="default")
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "all"])
    ap.add_argument("--show-misses", action="store_true", help="print missed and falsely blocked prompts")
    args = ap.parse_args()
    gate = SafetyFilter.from_preset(args.preset)
    red, benign = load("redteam.jsonl"), load("benign.jsonl")
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    print(f"preset={args.preset}")
    print("| split | red-team n | blocked | block rate | benign n | false positives | FP rate | ms/prompt |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for split in splits:
        r = [x for x in red if x["split"] == split]
        b = [x for x in benign if x["split"] == split]
        if not r and not b:
            continue
        t0 = time.perf_counter()
        missed = [x for x in r if gate.check_prompt(x["text"]).allowed]
        false_pos = [(x, gate.check_prompt(x["text"])) for x in b]
        false_pos = [(x, d) for x, d in false_pos if not d.allowed]
        ms = 1000 * (time.perf_counter() - t0) / max(1, len(r) + len(b))
        br = 1 - len(missed) / max(1, len(r))
        fpr = len(false_pos) / max(1, len(b))
        print(f"| {split} | {len(r)} | {len(r) - len(missed)} | {100 * br:.1f}% | {len(b)} | {len(false_pos)} | {100 * fpr:.1f}% | {ms:.2f} |")
        by_cat = Counter(x["category"] for x in r)
        miss_cat = Counter(x["category"] for x in missed)
        print("   per category blocked: " + ", ".join(f"{c} {by_cat[c] - miss_cat[c]}/{by_cat[c]}" for c in sorted(by_cat)))
        if args.show_misses:
            for x in missed:
                print(f"   MISS [{x['category']}/{x['evasion']}] {x['text']!r}")
            for x, d in false_pos:
                print(f"   FP   [{x['evasion']}] {x['text']!r} -> {d.reasons}")


if __name__ == "__main__":
    main()
