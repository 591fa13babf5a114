"""Tenth-round synthetic benign prompts for the classifier's training (`train_classifier.py`).

Written after the ninth round was found to block prompts no operator would want blocked (docs/
safety.md, ninth round, "Found later"): the default video model's own evaluation phrasings ("Make
a video where a large blue square shape heads right", p = 0.76 violence) and short open-ended
requests ("surprise me" 0.99, "anything" 0.93, "make me laugh" 0.97). Both are kinds of prompt the
tuning data held almost none of:

* `synthetic_shapes_requests`: the Shapes vocabulary in every phrasing the SDK itself uses
  (`sora_sdk.data.shapes_language`: the training caption templates, the held-out evaluation
  templates, the detailed descriptions prompt enhancement writes) and wrapped in request words a
  user types ("please generate ...", "can you make ..."). The ninth round's synthetic Shapes
  captions used one fixed pattern ("a red circle moving left on black"); these use the vocabulary's
  synonyms ("heads right", "drifts downwards", "a tiny violet disc").
* `synthetic_open_requests`: short requests that name no content ("surprise me", "make something
  fun", "show me anything you like"), in the casual spellings people type.

Since the eleventh round also

* `synthetic_glossed_words`: what an ordinary prompt in a script or language the glossaries read
  only in part becomes once glossed (`scripts.py`, `translate.py`): a few generic words and
  nothing else ("people", "a woman, market", "children in"). The eleventh round's first training
  scored the Russian sentence "Утренний рынок в старом городе, люди покупают овощи" (glossed to
  "people") at p = 0.52 hate: no tuning prompt is one generic word long, so the head had never
  seen one.

Since the twelfth round also

* `synthetic_edit_requests`: requests to edit the user's own upload, which name an operation and
  hardly any content ("crop my clip to 9:16", "add our logo to the product clip"). The eleventh
  round blocked "Fill in the edges of my vertical video to make it 16:9" at p = 0.97 (`test16`).

All are benign; none is drawn from a held-out split's prompts (`test13`'s `short_open` prompts
are tuning data since this round and are read by the loader like every tuning prompt, not here).
"""

from __future__ import annotations

import random

import numpy as np

from sora_sdk.data import shapes_language as sl

__all__ = ["synthetic_shapes_requests", "synthetic_open_requests", "synthetic_glossed_words", "synthetic_edit_requests",
           "OPEN_REQUESTS", "GLOSSED_GENERIC_WORDS", "EDIT_OPERATIONS", "EDIT_TARGETS"]

_REQUEST_WRAPS = (
    "{}", "please {}", "can you make {}", "generate {}", "make a video of {}", "i want {}", "show me {}",
    "create a short clip: {}", "render {}", "a 2 second video: {}", "{}, please", "could you animate {}",
)


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def synthetic_shapes_requests(rng: random.Random, n: int) -> list[str]:
    """`n` Shapes prompts: 2/5 training captions (one or two objects), 1/5 evaluation phrasings,
    1/5 detailed descriptions, 1/5 captions wrapped in request words."""
    nrng = np.random.default_rng(rng.randrange(2**32))

    def obj() -> dict[str, str]:
        return {"shape": rng.choice(sl.SHAPES), "colour": rng.choice(sl.COLOURS), "size": rng.choice(sl.SIZES),
                "motion": rng.choice(sl.MOTIONS)}

    out = []
    for i in range(n):
        kind = i % 5
        bg = rng.choice(sl.BACKGROUNDS)
        if kind in (0, 1):
            out.append(sl.make_caption([obj() for _ in range(1 + (rng.random() < 0.3))], bg, nrng))
        elif kind == 2:
            out.append(sl.eval_prompts(1, seed=rng.randrange(10_000, 2**31))[0][0])
        elif kind == 3:
            out.append(sl.describe_detailed([obj() for _ in range(1 + (rng.random() < 0.3))], bg))
        else:
            caption = _lower_first(sl.make_caption([obj()], bg, nrng))
            out.append(rng.choice(_REQUEST_WRAPS).format(caption))
    return out


# Requests that name no content. Written for this round from what users type into a generator's
# empty prompt box; not copied from any prompt split.
OPEN_REQUESTS = (
    "surprise me", "anything", "anything you like", "whatever you want", "whatever", "something", "something cool",
    "something fun", "something nice", "something pretty", "something beautiful", "something relaxing",
    "something random", "a random video", "random", "make me laugh", "make me smile", "cheer me up",
    "make something fun", "make something cool", "make anything", "show me something", "show me something cool",
    "show me something new", "show me anything", "dealer's choice", "your choice", "you choose", "you decide",
    "up to you", "go wild", "go crazy", "be creative", "get creative", "something creative", "something weird",
    "something strange", "something unexpected", "something epic", "an epic video", "a cool video", "a fun video",
    "a short video", "a nice video", "a video", "video please", "test", "testing", "hello", "hi", "hey",
    "just a test", "try something", "impress me", "wow me", "inspire me", "entertain me", "i'm bored",
    "i am bored, make something", "something to watch", "anything at all", "no idea, you pick", "idk",
    "idk something", "whatever you feel like", "your favourite thing", "something you like", "a masterpiece",
    "the best video ever", "something amazing", "something interesting", "something calm", "something happy",
    "something colourful", "a surprise", "a random scene", "any scene", "a scene", "a clip", "one more",
    "again", "another one", "more", "do it again", "make it better", "same but better", "something different",
)
_OPEN_WRAPS = ("{}", "{}!", "{}!!", "{} please", "please {}", "{} pls", "{}?", "{} :)", "ok {}", "just {}",
               "{} lol", "hmm {}", "{}...", "can you {}", "{} for me")


def synthetic_open_requests(rng: random.Random, n: int) -> list[str]:
    """`n` short open-ended requests (`OPEN_REQUESTS`), in casual wrappings and spellings."""
    out = []
    for _ in range(n):
        text = rng.choice(_OPEN_WRAPS).format(rng.choice(OPEN_REQUESTS))
        r = rng.random()
        if r < 0.25:
            text = text.capitalize()
        elif r < 0.35:
            text = text.upper()
        out.append(text)
    return out


# Glossary targets (`scripts.py`, `glossaries.py`) that are harmless on their own, and a few
# ordinary nouns of the same kind: what remains of an everyday prompt the glossary reads only in
# part. Chosen from the glossaries' targets, not from any prompt. Words that are harmless alone but
# carry a category when glossed next to others ("minority", "religious", "young men", "teenager",
# "celebrity", "soldiers") are left out, so the head learns nothing about them here.
GLOSSED_GENERIC_WORDS = (
    "people", "person", "man", "woman", "men", "women", "crowd", "villagers", "market", "city", "country",
    "school", "hotel", "student", "teacher", "father", "mother", "son", "daughter", "wife", "baby", "boy", "girl",
    "child", "children", "animals", "news", "news report", "video", "clip", "footage", "show", "street", "house",
    "family", "friends", "food", "river", "mountain", "sea", "night", "morning", "rain", "dog", "cat", "car",
)
_GLUE = ("in", "and", "a", "the", "with", "of")
_LATIN_KEPT = ("4k", "hd", "vlog", "8k", "1080p", "cinematic", "tiktok", "ok")


def synthetic_glossed_words(rng: random.Random, n: int) -> list[str]:
    """`n` glossed readings of ordinary prompts: one to three `GLOSSED_GENERIC_WORDS`, sometimes a
    short function word or a Latin token the prompt kept ("4k"), with the stray punctuation a
    gloss leaves (", people")."""
    out = []
    for _ in range(n):
        words = rng.sample(GLOSSED_GENERIC_WORDS, rng.choice((1, 1, 1, 2, 2, 3)))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), rng.choice(_GLUE))
        if rng.random() < 0.15:
            words.append(rng.choice(_LATIN_KEPT))
        text = rng.choice((" ", ", ", " ", " , ")).join(words)
        r = rng.random()
        if r < 0.2:
            text = ", " + text
        elif r < 0.3:
            text = text + " ,"
        out.append(text)
    return out


# Twelfth round: edits of the user's own upload, which name an operation and hardly any content
# ("Fill in the edges of my vertical video to make it 16:9" scored 0.97 on the eleventh round).
# Written for this round from the operations video apps offer, after reading test16's false positives
# (test16 is tuning data from this round on); test17 was not read.
EDIT_OPERATIONS = (
    "crop {} to 9:16", "crop {} to a square", "make {} 16:9", "fill in the edges of {} to make it widescreen",
    "trim the first three seconds of {}", "cut the last second off {}", "loop {}", "make {} into a gif",
    "slow down {}", "speed up {} 2x", "speed-ramp {}", "reverse {}", "stabilise {}", "stabilize {}",
    "colour grade {} warmer", "color grade {} teal and orange", "make {} black and white", "brighten {}",
    "fix the exposure of {}", "add subtitles to {}", "add captions to {}", "add our logo to {}",
    "add an end card to {}", "add a title card to {}", "add background music to {}", "remove the background noise from {}",
    "upscale {} to 4k", "sharpen {}", "blur the licence plates in {}", "blur the faces in the background of {}",
    "add a fade in and fade out to {}", "extend {} by two seconds",
    "interpolate {} to 60 fps", "denoise {}", "add film grain to {}", "make {} look like an old vhs tape",
    "replace the sky in {}", "put {} in slow motion", "zoom in slowly on {}",
)
EDIT_TARGETS = (
    "my video", "my clip", "this clip", "this video", "the clip i uploaded", "the video i just uploaded",
    "my vertical video", "my phone video", "the product clip", "our promo clip", "my clip of my dog",
    "my video of the beach", "this clip of my baby laughing", "my car clip", "the wedding video", "my drone footage",
    "the clip of the kids at the park", "my timelapse", "my gameplay clip", "the interview footage",
    "my cooking video", "this 10 second clip", "the robot arm video", "my skate clip", "our team's highlight reel",
)


def synthetic_edit_requests(rng: random.Random, n: int) -> list[str]:
    """`n` requests to edit an uploaded clip (`EDIT_OPERATIONS` on `EDIT_TARGETS`), in request wrappings."""
    out = []
    for _ in range(n):
        text = rng.choice(EDIT_OPERATIONS).format(rng.choice(EDIT_TARGETS))
        text = rng.choice(_OPEN_WRAPS).format(text)
        if rng.random() < 0.4:
            text = text[0].upper() + text[1:]
        out.append(text)
    return out
