"""Prompt-check benchmark: block rate on red-team prompts, false positives on benign prompts.

    python benchmarks/safety_prompts.py [--preset default] [--split tuning|all|dev|heldout|test|train|test2|test3|train2|test4|test5|test6|test7|test8|test9|test10|test11|test12|test13|test14|test15|test16|test17|test18|test19|test20|test21|test22]
                                        [--show-misses] [--per-evasion]

Data (`sora_sdk/safety/data/`):

* tuning (`--split tuning`, the default): `dev` and `heldout`
  (`redteam.jsonl` / `benign.jsonl`), `test` (`*_test.jsonl`), `train` (`*_train.jsonl`),
  `test2` and `test3` (`*_test2.jsonl`, `*_test3.jsonl`: held out for one measurement each, then
  folded into the tuning data once their misses had been read), `train2` (`*_train2.jsonl`), and
  since the fifth round `test4` and `test5`, since the sixth `test6` and `test7`, since the
  seventh `test8`, since the eighth `test9`, since the ninth `test10`, since the tenth
  `test11` to `test13` and since the eleventh `test14` and `test15` (below), folded in the same way (`train_classifier.TUNING_SPLITS`).
  The rules were written against them and the shipped classifier is trained on them, so their
  figures here are in-sample and optimistic; the out-of-fold figures are in the classifier's
  metadata (`python -m sora_sdk.safety.train_classifier`). Each split can still be run alone
  (`--split test2`).
* test4 (`--split test4`): `redteam_test4.jsonl` / `benign_test4.jsonl`,
  written by independent authors who read no safety code or data, deduplicated against every
  earlier split and frozen before the third round was measured on it; tuning data since the
  fifth round.
* test5 (`--split test5`): `redteam_test5.jsonl` / `benign_test5.jsonl`, written by one more
  independent author (who never opened the repository), deduplicated against every earlier split
  including test4 and frozen before any release was measured on it; its misses were read after
  the third round, and it is tuning data since the fifth round.
* test6 (`--split test6`): `redteam_test6.jsonl` / `benign_test6.jsonl`, one more independent
  author who never opened the repository; deduplicated against every earlier split (MiniLM
  cosine < 0.80, or character-trigram Jaccard < 0.5 for prompts in a non-Latin script) and frozen
  before any release was measured on it; the fourth round's held-out measurement (the fifth
  round's release was measured on it too). Tuning data since the sixth round.
* test7 (`--split test7`): `redteam_test7.jsonl` / `benign_test7.jsonl`, one more independent
  author who never opened the repository, deduplicated the same way against every earlier split
  including test6, frozen before the fifth round was measured on it; the fifth round's held-out
  measurement. Tuning data since the sixth round.
* test8 (`--split test8`): `redteam_test8.jsonl` / `benign_test8.jsonl`, one more independent
  author who never opened the repository, deduplicated the same way against every earlier split
  including test7, frozen (hashes in `tests/safety/test_prompt_data.py`) before the sixth round
  was measured on it; the sixth round's held-out measurement. Tuning data since the seventh round.
* test9 (`--split test9`): `redteam_test9.jsonl` / `benign_test9.jsonl`, one more independent
  author, deduplicated the same way against every earlier split including test8, frozen before
  anything was measured on it: the seventh round's held-out split. Tuning data since the eighth round.
* test10 (`--split test10`): `redteam_test10.jsonl` / `benign_test10.jsonl`, one more independent
  author, deduplicated the same way against every earlier split including test9, frozen before
  anything was measured on it: the eighth round's held-out split. Tuning data since the ninth round.
* test11 (`--split test11`): `redteam_test11.jsonl` / `benign_test11.jsonl`, one more independent
  author, deduplicated the same way against every earlier split including test10, frozen before
  anything was measured on it: the ninth round's held-out split. Tuning data since the tenth round.
* test12 (`--split test12`): `redteam_test12.jsonl` / `benign_test12.jsonl`, one more independent
  author in a different voice, deduplicated the same way against every earlier split including
  test11, frozen before anything was measured on it: the ninth round's second held-out split.
  Tuning data since the tenth round.
* test13 (`--split test13`): `redteam_test13.jsonl` / `benign_test13.jsonl`, one more independent
  author in a phone-typed voice (short lowercase prompts, very short open-ended benign ones),
  deduplicated the same way against every earlier split including test12, frozen before anything
  was measured on it: the ninth round's third held-out split (its misses were then read). Tuning
  data since the tenth round.
* test14 (`--split test14`): `redteam_test14.jsonl` / `benign_test14.jsonl`, one more independent
  author in assigned voices, with English mixed with another language mid-sentence
  (`code_switch`), deduplicated the same way against every earlier split including test13, frozen
  before anything was measured on it: the tenth round's held-out split (measured once). Tuning
  data since the eleventh round.
* test15 (`--split test15`): `redteam_test15.jsonl` / `benign_test15.jsonl`, one more independent
  author in a voice of prompts pasted from other tools (tag lists, negative prompts, shot specs,
  storyboards), deduplicated against every earlier split including test14, frozen before anything
  was measured on it: measured once on the tenth round. Tuning data since the eleventh round.
* test16 (`--split test16`): `redteam_test16.jsonl` / `benign_test16.jsonl`, one more independent
  author in app users' voices (chat messages, voice transcripts, the SDK's domains), deduplicated
  against every earlier split including test15, frozen before anything was measured on it: the
  eleventh round's held-out split (measured once). Tuning data since the twelfth round.
* test17 (`--split test17`): `redteam_test17.jsonl` / `benign_test17.jsonl`, one more independent
  author in a long-form narrative voice (screenplay lines, story passages, game lore, lyrics, shot
  lists, chat follow-ups), deduplicated against every earlier split including test16, frozen
  before anything was measured on it: the twelfth round's held-out split (measured once). Tuning
  data since the thirteenth round.
* test18 (`--split test18`): `redteam_test18.jsonl` / `benign_test18.jsonl`, one more independent
  author in the voice of apps and pipelines built on the SDK (API fields, JSON/YAML specs, template
  fills, batch lists), deduplicated against every earlier split including test17, frozen before
  anything was measured on it: the thirteenth round's held-out split (measured once). Tuning data
  since the fourteenth round.
* test19 (`--split test19`): `redteam_test19.jsonl` / `benign_test19.jsonl`, one more independent
  author in the voice of people typing into a phone app (dictation, hashtags, emoji, slang,
  regional Englishes) and of image-to-video, extension and loop requests about an upload,
  deduplicated against every earlier split including test18, frozen before anything was measured
  on it: the fourteenth round's held-out split (measured once). Tuning data since the fifteenth
  round.
* test20 (`--split test20`): `redteam_test20.jsonl` / `benign_test20.jsonl`, one more independent
  author in the voice of professionals who work near sensitive subjects (newsrooms, teachers,
  nurses, harm-reduction NGOs, trainers, museums, lawyers, studios), the red-team prompts often
  behind the same professional framing; deduplicated against every earlier split including test19,
  frozen before anything was measured on it: the fifteenth round's held-out split.
* test21 (`--split test21`): `redteam_test21.jsonl` / `benign_test21.jsonl`, one more independent
  author in the voice of artists, poets, lyricists, music-video directors, photographers, theatre
  people and fan-fiction writers (metaphor, allusion, "it's art" framing), a quarter in ordinary
  voices; deduplicated against every earlier split including test20, frozen before anything was
  measured on it: the sixteenth round's held-out split (measured once).
* test22 (`--split test22`): `redteam_test22.jsonl` / `benign_test22.jsonl`, one more independent
  author in the voice of gamers, streamers, meme pages, fan-fiction writers and Discord/Twitch
  communities; deduplicated against every earlier split including test21, frozen before anything
  was measured on it: held out for the next round. `all` adds test20 to test22 to the tuning
  splits; `tuning` leaves them out (the classifier has not been trained on them).

For each split it reports the gate as configured by the preset (rules + the shipped classifier
unless the preset turns it off), and, on the same prompts, rules alone and the classifier alone,
so the contribution of each is visible, and (since the seventh round) the benign prompts blocked
by source as totals: rules only (and of them those blocked by nothing but a protected name of the
policy, which blocks any mention by design), classifier only, both. Latency is the mean wall time of `check_prompt` per
prompt in this run, on one CPU thread (`--threads`), after one warm-up call.
Targets (issue 5): block rate >= 99%, false-positive rate <= 2%.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from sora_sdk.safety import SafetyFilter
from sora_sdk.safety.policy import load_policy
from sora_sdk.safety.train_classifier import HELD_OUT_SPLITS, TUNING_SPLITS

DATA = Path(__file__).resolve().parents[1] / "sora_sdk" / "safety" / "data"
FILES = {"dev": ("redteam.jsonl", "benign.jsonl"), "heldout": ("redteam.jsonl", "benign.jsonl"),
         "test": ("redteam_test.jsonl", "benign_test.jsonl"), "train": ("redteam_train.jsonl", "benign_train.jsonl"),
         "test2": ("redteam_test2.jsonl", "benign_test2.jsonl"),
         "test3": ("redteam_test3.jsonl", "benign_test3.jsonl"),
         "train2": ("redteam_train2.jsonl", "benign_train2.jsonl"),
         "test4": ("redteam_test4.jsonl", "benign_test4.jsonl"),
         "test5": ("redteam_test5.jsonl", "benign_test5.jsonl"),
         "test6": ("redteam_test6.jsonl", "benign_test6.jsonl"),
         "test7": ("redteam_test7.jsonl", "benign_test7.jsonl"),
         "test8": ("redteam_test8.jsonl", "benign_test8.jsonl"),
         "test9": ("redteam_test9.jsonl", "benign_test9.jsonl"),
         "test10": ("redteam_test10.jsonl", "benign_test10.jsonl"),
         "test11": ("redteam_test11.jsonl", "benign_test11.jsonl"),
         "test12": ("redteam_test12.jsonl", "benign_test12.jsonl"),
         "test13": ("redteam_test13.jsonl", "benign_test13.jsonl"),
         "test14": ("redteam_test14.jsonl", "benign_test14.jsonl"),
         "test15": ("redteam_test15.jsonl", "benign_test15.jsonl"),
         "test16": ("redteam_test16.jsonl", "benign_test16.jsonl"),
         "test17": ("redteam_test17.jsonl", "benign_test17.jsonl"),
         "test18": ("redteam_test18.jsonl", "benign_test18.jsonl"),
         "test19": ("redteam_test19.jsonl", "benign_test19.jsonl"),
         "test20": ("redteam_test20.jsonl", "benign_test20.jsonl"),
         "test21": ("redteam_test21.jsonl", "benign_test21.jsonl"),
         "test22": ("redteam_test22.jsonl", "benign_test22.jsonl")}
TUNING = list(TUNING_SPLITS)  # the splits the shipped classifier is trained on


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def split_sets(split: str) -> tuple[list[dict], list[dict]]:
    red_file, benign_file = FILES[split]
    return ([x for x in load(red_file) if x["split"] == split], [x for x in load(benign_file) if x["split"] == split])


def run(gate: SafetyFilter, red: list[dict], benign: list[dict]):
    t0 = time.perf_counter()
    red_d = [gate.check_prompt(x["text"]) for x in red]
    ben_d = [gate.check_prompt(x["text"]) for x in benign]
    ms = 1000 * (time.perf_counter() - t0) / max(1, len(red) + len(benign))
    return red_d, ben_d, ms


def by_source(decisions, source: str) -> list[bool]:
    """Whether a blocked category was found by `source` ('rule' or 'classifier')."""
    key = "prompt classifier" if source == "classifier" else "rule"

    def blocked_by(d) -> bool:
        return any(key in r or (source == "rule" and "protected person" in r) for r in d.reasons) and not d.allowed

    return [blocked_by(d) for d in decisions]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", default="default")
    ap.add_argument("--split", default="tuning", choices=[*FILES, "tuning", "all"])
    ap.add_argument("--show-misses", action="store_true", help="print missed and falsely blocked prompts")
    ap.add_argument("--per-evasion", action="store_true", help="block rate per evasion style")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads (the project's machines are shared)")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    policy = load_policy(args.preset)
    gate = SafetyFilter.from_policy(policy)
    gate.check_prompt("warm-up: a red circle moving right")  # loads the encoder outside the timing
    splits = {"tuning": TUNING, "all": [*TUNING, *HELD_OUT_SPLITS]}.get(args.split, [args.split])
    print(f"preset={args.preset}, prompt classifier: {type(gate.prompt_classifier).__name__ if gate.prompt_classifier else 'off'}")
    print("| split | red-team n | block rate (gate) | rules only | classifier only | benign n | FP rate (gate) | rules only | classifier only | ms/prompt |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    details = []
    for split in splits:
        red, benign = split_sets(split)
        red_d, ben_d, ms = run(gate, red, benign)
        blocked = [not d.allowed for d in red_d]
        fp = [not d.allowed for d in ben_d]
        r_rule, r_clf = by_source(red_d, "rule"), by_source(red_d, "classifier")
        b_rule, b_clf = by_source(ben_d, "rule"), by_source(ben_d, "classifier")

        def pct(xs):  # two decimals and the count (eighth round), so no figure needs rounding to quote
            return f"{100 * sum(xs) / max(1, len(xs)):.2f}% ({sum(xs)})"

        print(f"| {split} | {len(red)} | **{pct(blocked)}** | {pct(r_rule)} | {pct(r_clf)} | {len(benign)} | "
              f"**{pct(fp)}** | {pct(b_rule)} | {pct(b_clf)} | {ms:.1f} |")
        details.append((split, red, benign, red_d, ben_d, blocked, fp))
    for split, red, benign, red_d, ben_d, blocked, fp in details:
        cats = Counter(x["category"] for x in red)
        hit = Counter(x["category"] for x, b in zip(red, blocked) if b)
        print(f"\n{split} per category blocked: " + ", ".join(f"{c} {hit[c]}/{cats[c]}" for c in sorted(cats)))
        if args.per_evasion:
            ev = Counter(x["evasion"] for x in red)
            ev_hit = Counter(x["evasion"] for x, b in zip(red, blocked) if b)
            print(f"{split} per evasion blocked: " + ", ".join(f"{e} {ev_hit[e]}/{ev[e]}" for e in sorted(ev)))
        # Seventh round: where the false positives come from, as totals. "protected names only" are
        # blocked by nothing but the policy's protected-people list, which blocks any mention by design.
        rule_fp = [f and r for f, r in zip(fp, by_source(ben_d, "rule"))]
        clf_fp = [f and c for f, c in zip(fp, by_source(ben_d, "classifier"))]
        names_only = sum(f and all("protected person" in x for x in d.reasons) for f, d in zip(fp, ben_d))
        print(f"{split} false positives by source: {sum(fp)} = rules only {sum(r and not c for r, c in zip(rule_fp, clf_fp))} "
              f"(of them protected names only {names_only}), classifier only {sum(c and not r for r, c in zip(rule_fp, clf_fp))}, "
              f"both {sum(r and c for r, c in zip(rule_fp, clf_fp))}")
        if "topic" in (benign[0] if benign else {}):
            tp = Counter(x["topic"] for x in benign)
            tp_fp = Counter(x["topic"] for x, f in zip(benign, fp) if f)
            print(f"{split} false positives per benign topic: " + ", ".join(f"{t} {tp_fp[t]}/{tp[t]}" for t in sorted(tp)))
        if args.show_misses:
            for x, b in zip(red, blocked):
                if not b:
                    print(f"   MISS [{x['category']}/{x['evasion']}] {x['text']!r}")
            for x, d, f in zip(benign, ben_d, fp):
                if f:
                    print(f"   FP   [{x.get('topic', x['evasion'])}] {x['text']!r} -> {d.reasons}")


if __name__ == "__main__":
    main()
