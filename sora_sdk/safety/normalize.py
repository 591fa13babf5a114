"""Prompt normalisation that undoes the usual evasions before any rule is matched.

People who want a blocked prompt through write it so that a naive word list misses it:
`NuDe`, `n u d e`, `n.u.d.e`, `nud3`, `nսde` (Armenian `ս`), `nu\u200bde` (zero-width space),
`ｎｕｄｅ` (full-width). `normalize_views` maps all of these to plain lowercase ASCII words.

It returns several *views* of one prompt rather than one string because some evasions are
ambiguous: `1` is `i` in `k1d` but `l` in `ki11`. Rules run on every view and any match counts.
The plain view (no leetspeak mapping) is always first so digits in benign prompts ("24 fps",
"1980s") are matched as written. A prompt in Spanish, French, German, Portuguese, Italian, Dutch,
Polish, Turkish, Indonesian, Swedish, Tagalog, Swahili or Vietnamese also gets a rough English
reading (`translate.gloss_views`), and so does one in Chinese, Japanese, Korean, Cyrillic, Greek,
Arabic, Devanagari, Thai or Hebrew script (`scripts.script_gloss`). Emoji are read as words in a
view of their own: a few by the word people use them for, the rest by their Unicode name.
Since the eighth round an English prompt with typos also gets a view with them corrected
(`typos.py`: "vidoe tutoral how to bild a pipebom" is also read "video tutorial how to build a pipebomb").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from sora_sdk.safety.scripts import script_gloss
from sora_sdk.safety.translate import gloss_views
from sora_sdk.safety.typos import names_in, typo_view, unmask_view

__all__ = ["normalize_views", "CONFUSABLES", "CONFUSABLE_CAPITALS"]

# Letters from other scripts that render like Latin letters. NFKC does not fold these (they are
# distinct letters, not compatibility forms), so they need an explicit map. Covers Cyrillic and
# Greek lookalikes plus a few IPA/Latin-extended ones seen in evasion attempts.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ո": "n", "ս": "u", "ց": "g", "հ": "h", "օ": "o",
    # Fourteenth round: Cyrillic ghe and palochka written for r and l ("гifӏe")
    "г": "r", "ӏ": "l",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s", "σ": "o",
    # Latin extended / IPA
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ʀ": "r", "ʏ": "y", "ᴀ": "a", "ᴄ": "c", "ᴅ": "d",
    "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o",
    "ᴘ": "p", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "ß": "ss", "æ": "ae", "ø": "o",
    "đ": "d", "ł": "l", "ŧ": "t",
}
# Sixteenth round: Greek capitals that look like a different Latin capital than their small letter
# looks like ("Νеrve аgent": capital nu is an N, small nu a v). Mapped before casefolding.
CONFUSABLE_CAPITALS = {"Η": "h", "Ν": "n", "Υ": "y", "Ζ": "z", "Μ": "m"}

# Leetspeak substitutions, applied only inside tokens that also contain a letter, so pure numbers
# ("1080p" keeps its letter but "24" does not) stay intact in the plain view.
_LEET_COMMON = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a",
                "$": "s", "!": "i", "+": "t", "€": "e", "£": "l", "¡": "i"}
_LEET_ONE = ({"1": "i", "|": "i"}, {"1": "l", "|": "l"})  # the two readings of `1` and `|`

_TOKEN = re.compile(r"\S+")
# Separators people put inside a word to break it up ("n.u.d.e", "n-u-d-e", "n_u_d_e", "n*u*d*e").
_INNER_PUNCT = re.compile(r"(?<=[a-z0-9])[^a-z0-9\s]+(?=[a-z0-9])")
# A run of >= 3 single characters separated by spaces ("s e x", "k i l l") is one spaced-out word.
_SPACED = re.compile(r"\b(?:[a-z0-9]\s+){2,}[a-z0-9]\b")
# A hyphen between two words of 2+ letters ("csam-style", "self-harm") is also read as a space, in
# a view of its own: the plain view joins it ("csamstyle"), which hides the first word from the rules.
_WORD_HYPHEN = re.compile(r"(?<=[a-z]{2})-(?=[a-z]{2})")


# Thirteenth round: a numbered heading of a shot list ("Shot 2: a girl on a bike", "Shot 3 - everyone
# laughs") is dropped, so no rule reads the heading word as a shooting of the person the shot shows
# (kept as one token, "shot5" would read as leetspeak "shots"). A shooting with a count ("he shot 2
# people", "shot 2-3 times") has no colon, and no dash before a word, and stays.
_SHOT_HEADING = re.compile(r"(?<![a-z0-9])shot\s*(?:#|no\.?\s*)?(\d{1,2})\s*(?:[:)\]]|[\-\u2013\u2014](?!\s*\d)|\.(?!\d))")


def _fold(text: str) -> str:
    """NFKC, drop invisible format characters, strip accents, map confusables, casefold."""
    text = unicodedata.normalize("NFKC", text)
    # Category Cf holds zero-width spaces/joiners, soft hyphens, bidi controls: invisible, so any
    # occurrence inside a word is an evasion, never meaning.
    text = "".join(CONFUSABLE_CAPITALS.get(ch, ch) for ch in text if unicodedata.category(ch) != "Cf")
    text = text.casefold()
    text = "".join(CONFUSABLES.get(ch, ch) for ch in text)
    # Accents: "nüde" -> "nude". NFD then drop combining marks.
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return text


def _deleet(text: str, one: dict[str, str]) -> str:
    table = {**_LEET_COMMON, **one}

    def token(m: re.Match) -> str:
        t = m.group(0)
        if not any(c.isalpha() for c in t):
            return t
        # Map only characters sitting next to a letter/digit, so trailing "!" or "$5" prices in a
        # sentence are left alone.
        return "".join(table.get(c, c) if _between_word_chars(t, i) else c for i, c in enumerate(t))

    return _TOKEN.sub(token, text)


def _between_word_chars(t: str, i: int) -> bool:
    left = t[i - 1].isalnum() if i > 0 else False
    right = t[i + 1].isalnum() if i + 1 < len(t) else False
    # A digit ending a word is leet ("nud3"); punctuation ending a word is punctuation ("hello!").
    return right or (left and t[i].isdigit())


def _join_spaced(m: re.Match) -> str:
    chars = m.group(0).split()
    # "a p i p e b o m b": the article before a spaced-out word is a word of its own.
    if len(chars) >= 4 and chars[0] in ("a", "i"):
        return chars[0] + " " + "".join(chars[1:])
    return "".join(chars)


def _squash(text: str) -> str:
    """Remove in-word punctuation, join spaced-out letters, collapse whitespace."""
    text = _INNER_PUNCT.sub("", text)
    text = _SPACED.sub(_join_spaced, text)
    text = re.sub(r"[^a-z0-9\s]", " ", text)  # remaining punctuation is a word break
    return re.sub(r"\s+", " ", text).strip()


# Emoji people use for words the rules know; read in a view of their own when present.
_EMOJI = {"\U0001f346": "penis", "\U0001f4a6": "cum", "\U0001f351": "ass", "\U0001f51e": "nsfw", "\U0001f445": "lick",
          "\U0001f52b": "gun", "\U0001f4a3": "bomb", "\U0001f52a": "knife", "\U0001fa78": "blood", "\U0001f480": "dead",
          "\u2620": "dead", "\U0001f9d2": "child", "\U0001f467": "girl", "\U0001f466": "boy", "\U0001f476": "baby",
          "\U0001f48a": "pills", "\U0001fa92": "razor", "\U0001f525": "fire"}
_EMOJI_RE = re.compile("|".join(map(re.escape, _EMOJI)))
# Seventh round: every other emoji is read by its Unicode name ("\U0001f92e" face vomiting), so a
# prompt written mostly in emoji still has words; a few sequences and symbols people use for a
# word are read as that word ("\U0001faa2" knot as a noose). Zero-width joiners are already gone
# from the folded text and variation selectors are dropped here, so the rainbow flag is
# "\U0001f3f3\U0001f308".
_EMOJI_SEQUENCES = {"\U0001f3f3\U0001f308": "gay pride flag", "\U0001f3f3\u26a7": "transgender flag",
                    "\U0001f3f4\u2620": "pirate flag"}
_EMOJI_MORE = {"\U0001faa2": "rope noose", "\u27a1": "then", "\u2192": "then"}
_SEQ_RE = re.compile("|".join(map(re.escape, _EMOJI_SEQUENCES)))


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" and ord(ch) >= 0x2190


def _emoji_name(ch: str) -> str:
    name = unicodedata.name(ch, "").lower().replace("-", " ")
    return f" {name} " if name else " "


def _read_emoji(folded: str) -> str:
    """`folded` with emoji read as words: sequences, then `_EMOJI`, then Unicode names."""
    text = _SEQ_RE.sub(lambda m: f" {_EMOJI_SEQUENCES[m.group(0)]} ", re.sub("[\ufe0e\ufe0f]", "", folded))
    out = []
    for ch in text:
        word = _EMOJI.get(ch) or _EMOJI_MORE.get(ch)
        out.append(f" {word} " if word else (_emoji_name(ch) if _is_emoji(ch) else ch))
    return "".join(out)


def normalize_views(text: str, typo: bool = True) -> list[str]:
    """Normalised views of a prompt, plain view first (see `_normalize_views`; cached, since the
    rules and the classifier each normalise the same prompt and its clauses). `typo=False` leaves
    out the typo-corrected view (eighth round), for a classifier head trained without it."""
    return list(_normalize_views(text, typo))


@functools.lru_cache(maxsize=8192)
def _normalize_views(text: str, typo: bool = True) -> tuple[str, ...]:
    """Normalised views of a prompt, plain view first.

    Args:
        text: The raw prompt.

    Returns:
        Distinct lowercase ASCII-ish strings: the plain fold, the fold read as leetspeak with
        `1`/`|` as `i` and as `l`, and, if the prompt joins words with hyphens, the fold with those
        hyphens read as spaces. Each has in-word punctuation removed and spaced-out letters joined.
        An English prompt with likely typos also gets its plain view with them corrected
        (`typos.typo_view`, eighth round). A prompt with a letter or two starred out inside a word
        gets the fold with those words filled in (`typos.unmask_view`, fifteenth round; with or
        without `typo`).
        If the prompt is written in one of `translate.LANGUAGES`, its word-for-word English
        glossary reading comes last; so does the reading of a prompt written in a non-Latin
        script (`scripts.script_gloss`).
    """
    folded = _SHOT_HEADING.sub(" ", _fold(text))
    views = [_squash(folded)]
    candidates = [_deleet(folded, one) for one in _LEET_ONE] + [_WORD_HYPHEN.sub(" ", folded)]
    # Fifteenth round: a letter starred out inside a word ("sh*ot up the sch*ol") read as the word.
    if (unmasked := unmask_view(folded)) is not None:
        candidates.append(unmasked)
    for c in candidates:
        v = _squash(c)
        if v not in views:
            views.append(v)
    if _EMOJI_RE.search(folded) or any(_is_emoji(ch) for ch in folded):
        v = _squash(_read_emoji(folded))
        if v not in views:
            views.append(v)
    # Eighth round: English with typos ("vidoe tutoral how to bild a pipebom") read corrected.
    reading = script_gloss(text)
    if typo and reading is None:
        v = typo_view(views[0], names_in(text))
        if v is not None and v not in views:
            views.append(v)
    # A prompt in another language also gets a rough English reading (`translate.py`).
    for v in gloss_views(views[0]):
        if v not in views:
            views.append(v)
    # A prompt in a non-Latin script (Chinese, Japanese, Korean, Cyrillic, ...): its glossary reading.
    if reading:
        v = _squash(_fold(reading))
        if v not in views:
            views.append(v)
    return tuple(views)
