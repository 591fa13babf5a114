"""A small offline glossary that reads non-English prompts as rough English (data: `glossaries.py`).

The lexicon and the MiniLM head are English: "una chica cortándose las muñecas" has none of
their words. `gloss_views` detects the languages people most often write prompts in besides
English (es, fr, de, pt, it, nl, pl, tr, id; since the seventh round also sv, tl, sw, vi) by
their function words and replaces the words of
a detected language's glossary with English ones, so the prompt check sees
"a girl cutting herself the wrists". Words it does not know are kept (names, cognates such as
"video", "realistisch"), and MiniLM reads those as it can.

It is a word-for-word glossary, written by hand for this check, not a translator: it knows the
words that carry harm in a video prompt (people and children, bodies, sexual and violent acts,
weapons, groups, fake media) plus the function words needed to keep a sentence readable, and
for each language a few idioms whose literal reading would be harmful ("tuer le temps": to pass
the time). A language is only glossed when at least two of its marker words occur and they
outnumber English ones, so an English prompt is never rewritten ("die", "gift", "kind" and
"arm" mean something else in English).

Input: a normalised view (lowercase, accents stripped, see `normalize.py`). Output: zero or more
extra views, one per detected language.
"""

from __future__ import annotations

import functools
import re

from sora_sdk.safety.glossaries import ENGLISH_FUNCTION_WORDS, LANGUAGES, UNREADABLE_LANGUAGES
from sora_sdk.safety.glossaries import GLOSSARIES as _LANG

__all__ = ["gloss_views", "LANGUAGES", "detect_languages", "ENGLISH_FUNCTION_WORDS", "UNREADABLE_LANGUAGES"]

_ENGLISH = ENGLISH_FUNCTION_WORDS  # an English view is never glossed (see `detect_languages`)


def _compile(gloss: str) -> tuple[re.Pattern, dict[str, str], list[tuple[re.Pattern, str]]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for item in gloss.replace("\n", " ").split(";"):
        if "=" not in item:
            continue
        src, dst = (s.strip() for s in item.split("=", 1))
        src = re.sub(r"\s+", " ", src)
        if src.endswith("*"):
            prefixes.append((src[:-1], dst))
        else:
            exact[src] = dst
    # One alternation, longest source first: "bomba casera" before "bomba", "a morte" before "morte".
    alts = [(re.escape(s), s, False) for s in exact] + [(re.escape(p) + "[a-z]*", p, True) for p, _ in prefixes]
    alts.sort(key=lambda a: len(a[1]), reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(f"(?P<g{i}>{a[0]})" for i, a in enumerate(alts)) + r")(?![a-z0-9])")
    targets = {f"g{i}": (exact[a[1]] if not a[2] else dict(prefixes)[a[1]]) for i, a in enumerate(alts)}
    return pattern, targets, []


@functools.lru_cache(maxsize=None)
def _tables():
    out = {}
    for lang, (markers, gloss) in _LANG.items():
        pattern, targets, _ = _compile(gloss)
        words = frozenset(w for w in markers.split() if w not in _ENGLISH and len(w) >= 2)
        out[lang] = (pattern, targets, words)
    return out


def _evidence(view: str, lang: str) -> int:
    """Marker words plus glossary words of 4+ letters that the glossary actually changes."""
    pattern, targets, markers = _tables()[lang]
    tokens = view.split()
    n = sum(t in markers for t in tokens)
    for m in pattern.finditer(view):
        src, dst = m.group(0), targets[m.lastgroup]
        if len(src) >= 4 and src != dst and src not in _ENGLISH and src not in markers and not dst.startswith(src):
            n += len(src.split())
    return n


def detect_languages(view: str) -> list[str]:
    """Languages (of `LANGUAGES`) whose words dominate a normalised view, best first."""
    tokens = view.split()
    if not tokens:
        return []
    n_english = sum(t in _ENGLISH for t in tokens)
    if len(tokens) - n_english < max(2, n_english + 1):
        return []  # mostly English: no language can outscore it
    scored = []
    for lang in _LANG:
        score = _evidence(view, lang)
        if score >= 2 and score > n_english:
            scored.append((score, lang))
    scored.sort(reverse=True)
    return [lang for _, lang in scored[:2]]


def _apply(view: str, lang: str) -> str:
    pattern, targets, _ = _tables()[lang]

    def sub(m: re.Match) -> str:
        return targets[m.lastgroup]

    return re.sub(r"\s+", " ", pattern.sub(sub, view)).strip()


def gloss_views(view: str) -> list[str]:
    """Rough English readings of one normalised view, one per detected language (often none)."""
    return list(_gloss_views(view))


@functools.lru_cache(maxsize=8192)
def _gloss_views(view: str) -> tuple[str, ...]:
    """Rough English readings of one normalised view, one per detected language (often none)."""
    out = []
    for lang in detect_languages(view):
        g = _apply(view, lang)
        if g != view and g not in out:
            out.append(g)
    return tuple(out)
