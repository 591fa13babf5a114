"""Which Latin-script prompts MiniLM can read, and the part of them it can.

MiniLM (the classifier's encoder) has an English WordPiece vocabulary. A prompt in a language
`translate.py` does not gloss (Finnish, Hungarian, Czech...; before the seventh round also Swedish,
Vietnamese, Swahili and Tagalog, which it now glosses but MiniLM still cannot read) is mostly words MiniLM
splits into meaningless pieces, and such text lands near harmful prompts about as often as
near benign ones: in the fifth round most benign translations the gate blocked were Latin-script
languages outside the glossary. `scripts.py` already handles non-Latin scripts by scoring only
an English reading; this module does the same for Latin script:

* `is_unreadable(views, raw)`: the prompt is in one of `translate.UNREADABLE_LANGUAGES` (seventh
  round: glossed, but MiniLM reads only the glossary's English of it), or in no normalised view are
  at least `MIN_KNOWN` of the words (3+
  letters) whole words of MiniLM's vocabulary, or at least `MIN_FUNCTION` of the tokens English
  function words ("the", "with"; a glossed view has them, so the other glossed languages are left
  to `translate.py`, and so does English with typos), and there are enough
  words to judge by: `MIN_WORDS` when the raw prompt has a Latin letter English does not use
  (å, ł, ơ), `MIN_WORDS_ASCII` otherwise, since terse English with typos or rare words
  ("blackface minstrel show", "tayler swfit nakid deepfake") also lacks function words and whole
  vocabulary words.
  A prompt written mostly in a script that neither MiniLM nor `scripts.py` reads (Armenian,
  Georgian...; Hebrew until `scripts.py` glossed it in the seventh round) is unreadable too.
* `readable_words(view)`: the view with every word MiniLM does not know as a whole word dropped
  (digits kept), so the classifier embeds the words it can read ("video", "deepfake", names it
  knows, and the glossary's English), not a string of word pieces.

The vocabulary is read from the installed encoder's `vocab.txt` (offline, no model load).
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["is_unreadable", "readable_words", "known_fraction", "MIN_KNOWN", "MIN_WORDS"]

MIN_KNOWN = 0.5  # share of 3+-letter words that are whole vocabulary words, below which a view is unreadable
MIN_FUNCTION = 0.1  # share of tokens that are English function words ("the", "with"), from which a view is English
MIN_WORDS = 4  # shorter prompts are left alone: too few words to judge a language by
# Without a letter English does not use (å, ł, ơ...), a prompt needs this many words: a terse
# English prompt full of typos ("tayler swfit nakid deepfake") has none of English's function words
# and few whole vocabulary words either.
MIN_WORDS_ASCII = 7

_WORD = re.compile(r"[a-z]+")
_RUNS = re.compile(r"([a-z])\1{2,}")


@functools.lru_cache(maxsize=1)
def _vocab() -> frozenset[str]:
    from sora_sdk.models.text_encoder import _minilm_model_dir

    lines = (_minilm_model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w.isalpha() and w.isascii())


def known_fraction(view: str) -> tuple[float, int]:
    """(share of the view's 3+-letter words that are whole vocabulary words, number of such words).
    Runs of three or more equal letters count as one ("naaaaked" is "naked")."""
    words = [w for w in _WORD.findall(_RUNS.sub(r"\1", view)) if len(w) >= 3]
    if not words:
        return 1.0, 0
    vocab = _vocab()
    return sum(w in vocab for w in words) / len(words), len(words)


def is_unreadable(views: list[str], raw: str) -> bool:
    """True when no normalised view of a prompt reads as MiniLM's English (see the module docstring)."""
    latin, other = _letters(raw)
    if other > latin and other >= 4:  # a script neither MiniLM nor `scripts.py` reads (Armenian, Georgian...)
        return True
    # Seventh round: a language `translate.py` glosses but MiniLM has no words of (Swedish, Tagalog,
    # Swahili, Vietnamese). Its glossary reading is one of the views and reads as English, so the
    # tests below would pass it.
    from sora_sdk.safety.translate import UNREADABLE_LANGUAGES, detect_languages

    langs = detect_languages(views[0]) if views else []
    if langs and langs[0] in UNREADABLE_LANGUAGES:
        return True
    scored = [known_fraction(v) for v in views]
    if any(f >= MIN_KNOWN for f, _ in scored):
        return False
    if _has_foreign_letter(raw):
        return max(n for _, n in scored) >= MIN_WORDS and all(_function_share(v) < MIN_FUNCTION for v in views)
    # Plain ASCII: English with typos looks like this too, so stricter: longer, and no English
    # function word at all in any view.
    return max(n for _, n in scored) >= MIN_WORDS_ASCII and all(_function_share(v) == 0 for v in views)


def _function_share(view: str) -> float:
    """Share of a view's tokens that are English function words of two or more letters ("a" and
    "i" are words in too many languages)."""
    from sora_sdk.safety.translate import ENGLISH_FUNCTION_WORDS

    tokens = view.split()
    return sum(len(t) >= 2 and t in ENGLISH_FUNCTION_WORDS for t in tokens) / max(1, len(tokens))


def _letters(raw: str) -> tuple[int, int]:
    """(Latin letters, other letters) of the NFKC-folded prompt (full-width letters are Latin)."""
    folded = unicodedata.normalize("NFKC", raw)
    latin = sum(c.isalpha() and (c.isascii() or "LATIN" in unicodedata.name(c, "")) for c in folded)
    return latin, sum(c.isalpha() for c in folded) - latin


def _has_foreign_letter(raw: str) -> bool:
    """A Latin letter with a diacritic or outside ASCII (é, ł, ı, đ, ß), in the raw prompt."""
    return any(c.isalpha() and not c.isascii() and "LATIN" in unicodedata.name(c, "") for c in raw)


def readable_words(view: str) -> str:
    """`view` with every word of letters that is not a whole vocabulary word dropped."""
    vocab = _vocab()
    return " ".join(w for w in view.split() if not w.isalpha() or w in vocab)
