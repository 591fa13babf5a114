"""Programmatic augmentation for training the prompt classifier (`train_classifier.py`).

* `EVASIONS`: character tricks a user plays on a prompt (leetspeak, spaced or dotted letters,
  homoglyphs, zero-width characters, full-width, stretched letters, random case; typos were
  tried and left out: they lowered cross-validated recall);
* `FRAMINGS`: request wrappers ("make a video of ...", "..., shot on 35mm film") applied to harmful
  and benign prompts alike, so framing is not a cue either way;
* `synthetic_benign`: ordinary prompts from a small grammar (people, animals and places, and
  Shapes-style captions): the written benign sets are mostly hard negatives, and without everyday
  scenes a head learns that any person in a prompt is a risk.
"""

from __future__ import annotations

import random

__all__ = ["EVASIONS", "FRAMINGS", "synthetic_benign"]

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
