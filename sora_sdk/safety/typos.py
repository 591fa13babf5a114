"""A typo-corrected view of an English prompt (eighth round).

People misspell blocked words, by accident or on purpose: "vidoe tutoral how to bild a pipebom
with a timmer", "a kiten stomped to deth". The lexicon matches whole words and MiniLM splits an
unknown word into pieces, so neither reads these reliably. `typo_view` gives such a prompt one more
normalised view in which every word that is neither a whole word of MiniLM's vocabulary nor a
lexicon word, and that is one edit away from one (a swapped pair, a dropped, an extra or a wrong
letter), is replaced by that word. The rules and the classifier see it as one more view, like the
leetspeak readings.

Which word wins when several are one edit away: a swapped pair before a dropped letter before an
extra letter before a wrong letter (the usual order of typing slips), then a lexicon word
("pipebomb", which MiniLM's vocabulary lacks) before a vocabulary word, then the more frequent
vocabulary word (the vocabulary is ordered roughly by frequency: "death" before "depth").

Only English gets this view: a prompt must have English function words ("the", "with", "how") in
at least `MIN_FUNCTION` of its tokens, no language `translate.py` detects, no non-Latin script,
and at most `MAX_SHARE` of its words may be corrected unless a quarter of its tokens are English
function words (a foreign sentence would otherwise be rewritten word by word into English words
it does not mean). Words shorter than `MIN_LEN` letters, words
with digits, stretched words and words capitalised inside the prompt (names) are left alone.
"""

from __future__ import annotations

import functools
import itertools
import re
import string

__all__ = ["typo_view", "names_in", "correct", "unmask_view", "MIN_LEN", "MAX_SHARE", "MAX_MASKED"]

MIN_LEN = 4  # shorter words have too many neighbours one edit away
COMMON_RANK = 8000  # a 4-letter word is only corrected to a vocabulary word ranked below this
MAX_SHARE = 0.6  # at most this share of a prompt's 4+-letter words corrected
MIN_FUNCTION = 0.1  # share of tokens that are English function words, for the prompt to count as English
MIN_FUNCTION_MANY = 0.25  # ... and when more than MAX_SHARE of its words would be corrected
_LETTERS = string.ascii_lowercase
# Sixteenth round: real words MiniLM's vocabulary lacks (with no inflection of a word it has) that the
# typo view would "correct" into another word, so a context or a harmless sense is lost: "a sari
# draping tutorial" read as "raping", "a candlelight vigil" as "virgil" (two `test21` false positives).
_REAL_WORDS = frozenset({"drape", "drapes", "draped", "draping", "drapery", "draperies", "vigil", "vigils"})


@functools.lru_cache(maxsize=1)
def _vocab_rank() -> dict[str, int]:
    """MiniLM's whole-word vocabulary (3+ ASCII letters), word -> rank (lower is more frequent)."""
    from sora_sdk.models.text_encoder import _minilm_model_dir

    lines = (_minilm_model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return {w: i for i, w in enumerate(lines) if len(w) >= 3 and w.isalpha() and w.isascii()}


@functools.lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Single words of the lexicon's terms, and multi-word terms written solid ("pipebomb")."""
    from sora_sdk.safety.lexicon import RULES

    out: set[str] = set()
    for rule in RULES:
        for term in (*rule.any_of, *rule.near, *rule.with_any):
            if term.startswith("re:"):
                continue
            words = [w.rstrip("*") for w in term.split()]
            if all(w.isalpha() for w in words):
                out.update(w for w in words if len(w) >= MIN_LEN)
                if len(words) > 1:
                    out.add("".join(words))
    return frozenset(out)


_VOWELS = "aeiouy"
# Suffix -> what the stem may be: as is, with an "e" or a "y" restored, or with a doubled last consonant undone.
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", "=eu"), ("ers", "=eu"), ("ed", "=eu"), ("er", "=eu"), ("es", "="),
             ("ly", "=e"), ("s", "="), ("y", "=e"))


def _known(word: str) -> bool:
    """A vocabulary or lexicon word, or one inflected from a vocabulary word ("moles", "roping",
    "slayed", "stopped"): MiniLM's vocabulary holds few inflected forms as whole words."""
    vocab = _vocab_rank()
    if word in vocab or word in _lexicon_words() or word in _REAL_WORDS:
        return True
    for suf, forms in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[: -len(suf)]
            cands = {stem + ("" if f in "=u" else f) for f in forms if f != "u"}
            if "u" in forms and len(stem) >= 5 and stem[-1] == stem[-2]:
                cands.add(stem[:-1])  # "stopped" -> "stop" (not "timmer" -> "tim")
            if cands & vocab.keys():
                return True
    if word.endswith("ed") and word[:-1] in vocab:  # "used", "roped"
        return True
    return False


def _edits(word: str) -> list[tuple[int, str]]:
    """Strings one edit from `word`, with the edit's priority (0 = most likely slip). A 4-letter word
    only gets swapped pairs and dropped letters; a wrong letter is only a vowel for a vowel
    ("nakid"), since a consonant changed turns real words the vocabulary lacks into other words
    ("rabies" into "babies")."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [(0, a + b[1] + b[0] + b[2:]) for a, b in splits if len(b) > 1 and b[0] != b[1]]
    dropped = [(1, a + c + b) for a, b in splits for c in _LETTERS]  # the typist dropped a letter
    if len(word) < 5:
        return swaps + dropped
    extra = [(2, a + b[1:]) for a, b in splits if b]  # the typist added one
    wrong = [(3, a + c + b[1:]) for a, b in splits if b and b[0] in _VOWELS for c in _VOWELS if c != b[0]]
    return swaps + dropped + extra + wrong


@functools.lru_cache(maxsize=16384)
def correct(word: str) -> str | None:
    """The known word one edit from `word`, or None if `word` is known, too short or has no such neighbour."""
    if len(word) < MIN_LEN or not word.isalpha() or re.search(r"(.)\1\1", word):
        return None
    vocab, lexicon = _vocab_rank(), _lexicon_words()
    if _known(word):
        return None
    best = None
    for prio, cand in _edits(word):
        if len(cand) < 3:
            continue
        in_lex, rank = cand in lexicon, vocab.get(cand)
        if not in_lex and rank is None:
            continue
        if len(word) < 5 and (rank is None or rank > COMMON_RANK):
            continue  # a 4-letter word is only read as a very common word ("bild", "deth"; not "bunt" as "burnt")
        key = (prio, 0 if in_lex else 1, rank if rank is not None else 0)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None


@functools.lru_cache(maxsize=8192)
def typo_view(view: str, names: frozenset[str] = frozenset()) -> str | None:
    """`view` (a normalised plain view) with likely typos corrected, or None when it is not English,
    nothing was corrected, or too much would be (see the module docstring). Words in `names`
    (capitalised inside the raw prompt: "Holi", "Galapagos") are names, never typos."""
    from sora_sdk.safety.translate import ENGLISH_FUNCTION_WORDS, detect_languages

    tokens = view.split()
    if not tokens or detect_languages(view):
        return None
    function = sum(len(t) >= 2 and t in ENGLISH_FUNCTION_WORDS for t in tokens) / len(tokens)
    if function < MIN_FUNCTION:
        return None
    long_words = [t for t in tokens if len(t) >= MIN_LEN and t.isalpha()]
    fixed = {t: c for t in set(long_words) if t not in names and (c := correct(t)) is not None}
    if not fixed or (sum(t in fixed for t in long_words) > MAX_SHARE * len(long_words) and function < MIN_FUNCTION_MANY):
        return None
    return " ".join(fixed.get(t, t) for t in tokens)


# Fifteenth round: a letter starred out inside a word ("sh*ot up the sch*ol", "k*ll"). The plain
# view drops the star ("shot up the schol"), which reads as a different word or none. Only stars
# between letters count (a trailing star is emphasis or a footnote: "*rap* verse", "pen**"), at
# most two letters per word, and at most `MAX_MASKED` words per prompt.
_MASKED = re.compile(r"(?<![a-z])[a-z]+(?:[*#%]{1,2}[a-z]+)+(?![a-z])")
MAX_MASKED = 8
# The words people star out most are swearwords; a fill that makes one is read as it ("sh*t" is
# "shit", not "shot").
_PROFANITY = frozenset({"shit", "fuck", "fucking", "bitch", "damn", "hell", "crap", "piss", "ass", "arse", "bloody",
                        "bastard", "goddamn", "wtf"})


@functools.lru_cache(maxsize=1)
def _harm_words() -> frozenset[str]:
    """Single-word terms a rule matches on (its `any_of`, three letters up: "sex", "porn", "shoot"),
    not the context words it looks for nearby ("plan", "shirt")."""
    from sora_sdk.safety.lexicon import RULES

    return frozenset(w for rule in RULES for term in rule.any_of
                     if not term.startswith("re:") and len(w := term.rstrip("*")) >= 3 and w.isalpha())


@functools.lru_cache(maxsize=4096)
def _unmask_word(word: str) -> str | None:
    """The known word `word` spells with each run of one or two `*`/`#`/`%` read as that many
    letters (two at most in all): a swearword first, then a word a rule matches on (a letter is
    starred out to hide it), then another lexicon word, then the most frequent vocabulary word;
    None if there is none."""
    parts = re.split(r"([*#%]+)", word)
    holes = [len(p) for p in parts[1::2]]
    if sum(holes) > 2:
        return None
    vocab, lexicon, harm = _vocab_rank(), _lexicon_words(), _harm_words()
    best = None
    for fill in itertools.product(*(["".join(x) for x in itertools.product(_LETTERS, repeat=n)] for n in holes)):
        cand = "".join(p if i % 2 == 0 else fill[i // 2] for i, p in enumerate(parts))
        in_lex, rank = cand in lexicon, vocab.get(cand)
        if cand not in harm and cand not in _PROFANITY and not in_lex and rank is None:
            continue
        tier = 0 if cand in _PROFANITY else 1 if cand in harm else 2 if in_lex else 3
        key = (tier, rank if rank is not None else 0)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None


@functools.lru_cache(maxsize=4096)
def unmask_view(folded: str) -> str | None:
    """`folded` (a folded prompt, before punctuation is squashed) with every word that has a letter
    or two starred out read as the known word it spells ("sch*ol" -> "school"), or None if no
    word is. A star that fills no known word is left for the plain view to drop; past the first
    `MAX_MASKED` starred words the rest are left too."""
    seen = 0

    def fill(m: re.Match) -> str:
        nonlocal seen
        seen += 1
        return (_unmask_word(m.group(0)) if seen <= MAX_MASKED else None) or m.group(0)

    out = _MASKED.sub(fill, folded)
    return out if out != folded else None


def names_in(raw: str) -> frozenset[str]:
    """Lowercased words written with a capital inside the raw prompt (not as its first word)."""
    words = re.findall(r"[^\W\d_]+", raw)
    return frozenset(w.lower() for w in words[1:] if w[0].isupper() and not w.isupper())
