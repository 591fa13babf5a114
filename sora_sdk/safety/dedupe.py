"""Deduplicate a new prompt split against every earlier one, as each held-out split since `test6` was.

A held-out split measures the prompt check on prompts it was not tuned on, so a new split must not
repeat a tuning prompt, nor paraphrase one closely. A prompt of the new split is dropped when:

1. its key equals an earlier prompt's key, or that of a prompt kept before it in the same file.
   The key is the fullest normalisation (`normalize_views(text, typo=False)[-1]`: case, spacing,
   punctuation, leetspeak, homoglyphs, zero-width characters undone); for a prompt in a non-Latin
   script, whose views are lossy, the lowercased text with its whitespace collapsed;
2. it is in a Latin script and its MiniLM sentence embedding has cosine >= ``cosine_max`` (0.80)
   to any earlier Latin-script prompt;
3. it is in a non-Latin script (which MiniLM cannot read) and its character trigrams have
   Jaccard >= ``trigram_max`` (0.5) with those of any earlier non-Latin-script prompt.

    python -m sora_sdk.safety.dedupe test14 new_prompts/ out/     # reads {redteam,benign}_test14.jsonl

reads every committed ``sora_sdk/safety/data/*.jsonl`` as the earlier prompts, writes the kept rows
(unchanged, in order) to ``out/`` and prints what it dropped. Freeze the result before anything is
measured on it (docs/safety.md, "Prompt data and how it is used").
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import torch
from tqdm import tqdm

from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.scripts import script_of

__all__ = ["COSINE_MAX", "TRIGRAM_MAX", "DATA_DIR", "DedupeResult", "prompt_key", "trigrams", "minilm_embed",
           "dedupe_prompts", "main"]

COSINE_MAX = 0.80
TRIGRAM_MAX = 0.5
DATA_DIR = Path(__file__).resolve().parent / "data"

Embed = Callable[[Sequence[str]], torch.Tensor]


def prompt_key(text: str) -> str:
    """The exact-duplicate key: the fullest normalisation (without the typo view added in the eighth
    round, so the key is the one every split was deduplicated by); for a non-Latin script the text."""
    return " ".join(text.lower().split()) if script_of(text) else normalize_views(text, typo=False)[-1]


def trigrams(text: str) -> set[str]:
    """Character trigrams of the lowercased text with its whitespace collapsed."""
    t = " ".join(text.lower().split())
    return {t[i : i + 3] for i in range(max(1, len(t) - 2))}


@dataclass
class DedupeResult:
    """The rows kept (unchanged, in their order) and how many were dropped by each test."""

    kept: list[dict]
    dropped: dict[str, int] = field(default_factory=lambda: {"exact": 0, "cosine": 0, "trigram": 0})


def minilm_embed(batch_size: int = 256, progress: bool = True) -> Embed:
    """Unit-length all-MiniLM-L6-v2 sentence embeddings (masked mean, L2-normalised: what
    sentence-transformers computes for prompts within 128 tokens), from the shipped encoder.

    The returned function remembers every text it embedded, so the earlier prompts are encoded
    once for both files of a split, and encodes texts in order of length, so a batch is padded
    to about its own length rather than to its longest prompt."""
    from sora_sdk.models.text_encoder import MiniLMTextEncoder

    encoder = MiniLMTextEncoder(max_length=128, cache_size=0)
    cache: dict[str, torch.Tensor] = {}

    def embed(texts: Sequence[str]) -> torch.Tensor:
        missing = sorted({t for t in texts if t not in cache}, key=len)
        chunks = range(0, len(missing), batch_size)
        for a in tqdm(chunks, desc="embedding", unit="batch", disable=not progress or len(chunks) < 2):
            batch = missing[a : a + batch_size]
            cache.update(zip(batch, encoder.encode(batch).pooled))
        return torch.stack([cache[t] for t in texts]) if len(texts) else torch.zeros(0, 384)

    return embed


def dedupe_prompts(
    rows: Iterable[dict],
    earlier: Iterable[str],
    embed: Embed | None = None,
    cosine_max: float = COSINE_MAX,
    trigram_max: float = TRIGRAM_MAX,
) -> DedupeResult:
    """Drop the rows (dicts with a ``"text"``) that repeat or closely paraphrase an ``earlier`` prompt.

    Args:
        rows: the new split's rows, in order.
        earlier: the texts of every earlier prompt.
        embed: texts -> (N, D) unit vectors; default `minilm_embed()`.
        cosine_max: a Latin-script row at or above this cosine to an earlier prompt is dropped.
        trigram_max: a non-Latin-script row at or above this trigram Jaccard is dropped.
    """
    rows, earlier = list(rows), list(earlier)
    if any(not isinstance(r, dict) or not isinstance(r.get("text"), str) for r in rows):
        raise ValueError("every row must be a dict with a 'text' string (one JSON object per line of a split file).")
    embed = embed or minilm_embed()
    earlier_keys = {prompt_key(t) for t in earlier}
    latin_earlier = [t for t in earlier if not script_of(t)]
    other_earlier = [trigrams(t) for t in earlier if script_of(t)]
    latin_new = [r["text"] for r in rows if not script_of(r["text"])]
    with torch.no_grad():
        reference = embed(latin_earlier) if latin_earlier else None
        mine = dict(zip(latin_new, embed(latin_new))) if latin_new else {}
    result, seen = DedupeResult(kept=[]), set()
    for row in rows:
        text = row["text"]
        key = prompt_key(text)
        if key in earlier_keys or key in seen:
            result.dropped["exact"] += 1
            continue
        if script_of(text):
            grams = trigrams(text)
            if any(len(grams & g) / max(1, len(grams | g)) >= trigram_max for g in other_earlier):
                result.dropped["trigram"] += 1
                continue
        elif reference is not None and float((reference @ mine[text]).max()) >= cosine_max:
            result.dropped["cosine"] += 1
            continue
        seen.add(key)
        result.kept.append(row)
    return result


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> dict[str, DedupeResult]:
    p = argparse.ArgumentParser(prog="python -m sora_sdk.safety.dedupe", description=__doc__.split("\n\n")[0])
    p.add_argument("split", help="the new split's name: reads redteam_SPLIT.jsonl and benign_SPLIT.jsonl")
    p.add_argument("src", type=Path, help="folder holding the new split's two files")
    p.add_argument("out", type=Path, help="folder to write the kept rows to")
    p.add_argument("--data", type=Path, default=DATA_DIR, help="folder of the earlier splits (default: the package's)")
    args = p.parse_args(argv)
    files = [args.src / f"{kind}_{args.split}.jsonl" for kind in ("redteam", "benign")]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        p.error(f"missing {', '.join(missing)}: the new split's files must be named redteam_{args.split}.jsonl and benign_{args.split}.jsonl")
    earlier_files = sorted(args.data.glob("*.jsonl"))
    if any(f.name in {x.name for x in files} for f in earlier_files):
        p.error(f"{args.data} already holds a file named like the new split; it would be deduplicated against itself")
    earlier = [r["text"] for f in earlier_files for r in _read(f)]
    print(f"earlier prompts: {len(earlier)} in {len(earlier_files)} files")
    embed = minilm_embed()
    args.out.mkdir(parents=True, exist_ok=True)
    results = {}
    for f in files:
        rows = _read(f)
        res = dedupe_prompts(rows, earlier, embed)
        (args.out / f.name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in res.kept), encoding="utf-8")
        print(f"{f.name}: written {len(rows)}, kept {len(res.kept)}, dropped {res.dropped}")
        results[f.name] = res
    return results


if __name__ == "__main__":
    main()
