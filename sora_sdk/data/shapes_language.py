"""The words of the Shapes world: vocabulary, synonyms, caption templates, held-out phrasings.

`shapes.py` draws the pixels; this file turns a clip's attributes into text. Three uses:

* training captions (`make_caption`): many phrasings (`TRAIN_TEMPLATES`, `TWO_OBJECT_TEMPLATES`)
  and synonyms, so a text-conditioned model has to learn meaning rather than one sentence shape;
* a fixed-format description (`describe_detailed`), the target style of prompt enhancement;
* evaluation prompts (`eval_prompts`) built only from `EVAL_TEMPLATES`, phrasings that never appear
  in a training caption, to measure generalisation to unseen wording.

The synonym tables are public because `sora_sdk.eval.attributes.parse_prompt_attributes` reads
prompts with the same vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

__all__ = [
    "SHAPES",
    "COLOURS",
    "SIZES",
    "MOTIONS",
    "BACKGROUNDS",
    "SHAPE_WORDS",
    "COLOUR_WORDS",
    "SIZE_WORDS",
    "MOTION_PHRASES",
    "TRAIN_TEMPLATES",
    "TWO_OBJECT_TEMPLATES",
    "EVAL_TEMPLATES",
    "make_caption",
    "describe_detailed",
    "eval_prompts",
    "training_vocabulary",
    "prompt_words",
]

# ----------------------------------------------------------------------------------------------
# Vocabulary (canonical names; the RGB values live with the renderer in shapes.py)
# ----------------------------------------------------------------------------------------------

SHAPES = ("circle", "square", "triangle")
COLOURS = ("red", "green", "blue", "yellow", "purple", "orange")
SIZES = ("small", "large")
MOTIONS = ("left", "right", "up", "down", "static")
BACKGROUNDS = ("black", "dark grey", "navy", "light grey")

# Synonyms. Every word maps back to exactly one canonical name (parse relies on it).
SHAPE_WORDS: dict[str, tuple[str, ...]] = {
    "circle": ("circle", "disc", "round shape", "ball"),
    "square": ("square", "box", "block", "square shape"),
    "triangle": ("triangle", "triangular shape", "three-sided shape"),
}
COLOUR_WORDS: dict[str, tuple[str, ...]] = {
    "red": ("red",),
    "green": ("green",),
    "blue": ("blue",),
    "yellow": ("yellow",),
    "purple": ("purple", "violet"),
    "orange": ("orange",),
}
SIZE_WORDS: dict[str, tuple[str, ...]] = {
    "small": ("small", "tiny", "little"),
    "large": ("large", "big", "huge"),
}
# (participle, finite verb) pairs so templates can say "a disc sliding left" or "a disc slides left".
MOTION_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "right": (
        ("moving right", "moves right"),
        ("sliding to the right", "slides to the right"),
        ("heading right", "heads right"),
        ("drifting rightwards", "drifts rightwards"),
        ("travelling to the right", "travels to the right"),
        ("going right", "goes right"),
    ),
    "left": (
        ("moving left", "moves left"),
        ("sliding to the left", "slides to the left"),
        ("heading left", "heads left"),
        ("drifting leftwards", "drifts leftwards"),
        ("travelling to the left", "travels to the left"),
        ("going left", "goes left"),
    ),
    "up": (
        ("moving up", "moves up"),
        ("rising", "rises"),
        ("floating upwards", "floats upwards"),
        ("heading up", "heads up"),
        ("climbing", "climbs"),
        ("drifting upwards", "drifts upwards"),
    ),
    "down": (
        ("moving down", "moves down"),
        ("falling", "falls"),
        ("sinking", "sinks"),
        ("dropping down", "drops down"),
        ("heading down", "heads down"),
        ("drifting downwards", "drifts downwards"),
    ),
    "static": (
        ("staying still", "stays still"),
        ("sitting still", "sits still"),
        ("not moving", "does not move"),
        ("standing motionless", "stands motionless"),
        ("resting in place", "rests in place"),
        ("remaining stationary", "remains stationary"),
    ),
}
_BACKGROUND_PHRASES = (
    "on a {bg} background",
    "against a {bg} backdrop",
    "over a plain {bg} background",
    "in front of a {bg} background",
)

# ----------------------------------------------------------------------------------------------
# Templates. Slots: {a_obj} noun phrase with article, {obj} without, {ing} participle motion,
# {verb} finite motion, {bg} background phrase. Two-object templates number the slots 1 and 2.
# ----------------------------------------------------------------------------------------------

TRAIN_TEMPLATES = (
    "{a_obj} {ing}",
    "{a_obj} {ing} {bg}",
    "{a_obj} {verb}",
    "{a_obj} {verb} {bg}",
    "{a_obj} {verb}.",
    "a video of {a_obj} {ing}",
    "a clip of {a_obj} {ing} {bg}",
    "a clip showing {a_obj} {ing}",
    "footage of {a_obj} {ing}",
    "{a_obj} is {ing}",
    "{a_obj} is {ing} {bg}",
    "there is {a_obj} {ing}",
    "there is {a_obj} {ing} {bg}",
    "{bg}, {a_obj} {verb}",
    "{ing}: {a_obj}",
    "the {obj} {verb}",
    "the {obj} is {ing}",
    "we see {a_obj} {ing}",
    "an animation of {a_obj} {ing}",
    "an animation of {a_obj} {ing} {bg}",
    "simple animation: {a_obj} {verb}",
    "{a_obj}, {ing}",
    "{a_obj}, {ing}, {bg}",
    "a scene with {a_obj} {ing}",
    "a scene in which {a_obj} {verb}",
    "a shot of {a_obj} {ing}",
    "video: {a_obj} {ing}",
    "{a_obj} that {verb}",
    "{a_obj} that {verb} {bg}",
    "one {obj} {ing}",
    "a single {obj} {ing} {bg}",
    "it shows {a_obj} {ing}",
    "a rendering of {a_obj} {ing}",
    "in this video {a_obj} {verb}",
)
TWO_OBJECT_TEMPLATES = (
    "{a_obj1} {verb1} and {a_obj2} {verb2}",
    "{a_obj1} {verb1} while {a_obj2} {verb2}",
    "{a_obj1} {ing1} and {a_obj2} {ing2}",
    "{a_obj1} {ing1} and {a_obj2} {ing2} {bg}",
    "{a_obj1} {verb1}, and {a_obj2} {verb2}",
    "a video of {a_obj1} {ing1} and {a_obj2} {ing2}",
    "{a_obj1} {verb1} while {a_obj2} {verb2} {bg}",
    "two shapes: {a_obj1} {ing1} and {a_obj2} {ing2}",
    "{a_obj1} is {ing1} while {a_obj2} is {ing2}",
    "{bg}, {a_obj1} {verb1} and {a_obj2} {verb2}",
)
# Held out: never used by make_caption, only by eval_prompts.
EVAL_TEMPLATES = (
    "watch as {a_obj} {verb}",
    "here we see {a_obj} {ing}",
    "the camera captures {a_obj} {ing}",
    "imagine {a_obj} {ing} {bg}",
    "picture this: {a_obj} {verb}",
    "generate {a_obj} {ing}",
    "make a video where {a_obj} {verb}",
    "please show {a_obj} {ing}",
)

_DETAILED_MOTION = {
    "right": "moves from left to right",
    "left": "moves from right to left",
    "up": "moves from bottom to top",
    "down": "moves from top to bottom",
    "static": "stays still",
}

# ----------------------------------------------------------------------------------------------
# Caption builders
# ----------------------------------------------------------------------------------------------


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _pick(rng: np.random.Generator, options: Sequence[str]) -> str:
    return options[int(rng.integers(len(options)))]


def _check_object(obj: Mapping[str, object]) -> None:
    for key, allowed in (("shape", SHAPES), ("colour", COLOURS), ("size", SIZES), ("motion", MOTIONS)):
        if obj.get(key) not in allowed:
            raise ValueError(
                f"Object attribute {key!r} must be one of {allowed}, got {obj.get(key)!r}."
            )


def _slots(obj: Mapping[str, str], rng: np.random.Generator) -> dict[str, str]:
    """Random synonyms for one object: noun phrase with/without article and the two motion forms."""
    size = _pick(rng, SIZE_WORDS[obj["size"]])
    colour = _pick(rng, COLOUR_WORDS[obj["colour"]])
    shape = _pick(rng, SHAPE_WORDS[obj["shape"]])
    ing, verb = MOTION_PHRASES[obj["motion"]][int(rng.integers(len(MOTION_PHRASES[obj["motion"]])))]
    noun = f"{size} {colour} {shape}"
    return {"obj": noun, "a_obj": f"{_article(noun)} {noun}", "ing": ing, "verb": verb}


def _finish(text: str) -> str:
    return text[0].upper() + text[1:]


def make_caption(
    objects: Sequence[Mapping[str, str]], background: str, rng: np.random.Generator
) -> str:
    """A training caption in a randomly chosen phrasing.

    Args:
        objects: One or two dicts with canonical `shape`, `colour`, `size`, `motion`.
        background: A name from `BACKGROUNDS`.
        rng: Source of the phrasing choice (the dataset passes its per-sample generator).

    Returns:
        e.g. "A tiny violet disc drifting rightwards against a navy backdrop".
    """
    if len(objects) not in (1, 2):
        raise ValueError(f"make_caption takes 1 or 2 objects, got {len(objects)}.")
    for obj in objects:
        _check_object(obj)
    bg = _pick(rng, _BACKGROUND_PHRASES).format(bg=background)
    if len(objects) == 1:
        return _finish(_pick(rng, TRAIN_TEMPLATES).format(bg=bg, **_slots(objects[0], rng)))
    s1, s2 = _slots(objects[0], rng), _slots(objects[1], rng)
    slots = {f"{k}1": v for k, v in s1.items()} | {f"{k}2": v for k, v in s2.items()}
    return _finish(_pick(rng, TWO_OBJECT_TEMPLATES).format(bg=bg, **slots))


def describe_detailed(objects: Sequence[Mapping[str, str]], background: str) -> str:
    """A fixed-format, fully specified description (the target of prompt enhancement).

    Args:
        objects: One or more dicts with canonical `shape`, `colour`, `size`, `motion`.
        background: A name from `BACKGROUNDS`.

    Returns:
        e.g. "On a dark grey background, a small red circle moves from left to right." Objects are
        joined with ", " and a final " and ".
    """
    if not objects:
        raise ValueError("describe_detailed needs at least one object.")
    if background not in BACKGROUNDS:
        raise ValueError(f"background must be one of {BACKGROUNDS}, got {background!r}.")
    parts = []
    for obj in objects:
        _check_object(obj)
        noun = f"{obj['size']} {obj['colour']} {obj['shape']}"
        parts.append(f"{_article(noun)} {noun} {_DETAILED_MOTION[obj['motion']]}")
    body = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"On {_article(background)} {background} background, {body}."


def eval_prompts(n: int, seed: int = 0) -> list[tuple[str, list[dict[str, str]]]]:
    """Prompts in held-out phrasings (`EVAL_TEMPLATES`) with the attributes they ask for.

    Args:
        n: Number of prompts.
        seed: Makes the list reproducible.

    Returns:
        `n` pairs `(prompt, [attributes])`; one object per prompt, attributes with canonical
        `shape`, `colour`, `size`, `motion` (the format `score_reading` expects).
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}.")
    rng = np.random.default_rng([seed, 0xE7A1])  # a stream distinct from Shapes(seed=seed)
    out = []
    for _ in range(n):
        obj = {
            "shape": _pick(rng, SHAPES),
            "colour": _pick(rng, COLOURS),
            "size": _pick(rng, SIZES),
            "motion": _pick(rng, MOTIONS),
        }
        bg = _pick(rng, _BACKGROUND_PHRASES).format(bg=_pick(rng, BACKGROUNDS))
        prompt = _finish(_pick(rng, EVAL_TEMPLATES).format(bg=bg, **_slots(obj, rng)))
        out.append((prompt, [obj]))
    return out


# Request and filler words a user may wrap around a description ("please generate a video of
# ..."): not in the training captions, but carrying no content the model could miss.
_FILLER_WORDS = frozenset(
    "a an the and or of in on at to with from into onto for by as is are be being it its this that "
    "these those there here where which who while then please generate create make render show "
    "produce give me us we i you can could would want video clip animation scene shot movie film "
    "footage frame frames gif watch see look imagine picture some one two very just".split()
)


def prompt_words(text: str) -> list[str]:
    """Lower-case alphabetic words of ``text`` in order ("Three-sided, red!" -> three, sided, red)."""
    import re

    return re.findall(r"[a-z]+", text.lower())


def training_vocabulary() -> frozenset[str]:
    """Every word a Shapes training caption can contain (both caption styles), plus filler words.

    A model trained on Shapes has seen nothing else; `VideoGenerator.unknown_words` uses this set
    to tell a user which words of a prompt it cannot know.
    """
    texts = [*TRAIN_TEMPLATES, *TWO_OBJECT_TEMPLATES, *_BACKGROUND_PHRASES, *_DETAILED_MOTION.values()]
    texts += [w for table in (SHAPE_WORDS, COLOUR_WORDS, SIZE_WORDS) for words in table.values() for w in words]
    texts += [form for phrases in MOTION_PHRASES.values() for pair in phrases for form in pair]
    texts += [*SHAPES, *COLOURS, *SIZES, *MOTIONS, *BACKGROUNDS, "background"]
    slot_names = {"a", "obj", "ing", "verb", "bg", "obj1", "obj2", "ing1", "ing2", "verb1", "verb2"}
    words = {w for t in texts for w in prompt_words(t.replace("{", " {").replace("}", "} "))}
    # Slot names are template syntax, not caption words ("a" stays: it is also the article).
    words -= slot_names - {"a"}
    return frozenset(words | _FILLER_WORDS)
