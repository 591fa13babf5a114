"""Thirteenth-round synthetic prompts for the classifier's training (`train_classifier.py`): long
prompts.

Written after the twelfth round was measured on `test17` (docs/safety.md, twelfth round), whose
author wrote in a long-form voice: screenplay scenes, shot lists, story passages, chat follow-ups.
Its benign prompts were blocked at 11.18%, most by the classifier on quiet multi-sentence scenes
(a father burning toast, a diner crossword, children reading in a treehouse) and on short chat
follow-ups ("now give them all little superhero capes"). The tuning data held few prompts longer
than two sentences, and the classifier scores every clause of a prompt, so each sentence of a long
scene is one more chance to be misread.

* `synthetic_long_scenes`: benign scenes of three to six beats in the formats people paste: a
  screenplay slug line and action lines, a numbered shot list, a storyboard, a prose passage. The
  beats are everyday people (children and the old among them, since `minors` and `self_harm` were
  the heads that fired) doing everyday things, some with words the rules and the classifier know
  from harm ("burns the toast", "pulls the choke", "shoots the couple" for a photographer).
* `synthetic_follow_ups`: short benign follow-up messages of a chat about a video ("now give them
  all little hats", "make the sky more orange"), including close-ups of how a harmless thing is
  put together, the benign twin of "now show how the trigger is wired up".
* `bury_in_scene`: a harmful prompt as one beat of an otherwise benign scene, so that length and
  scene format do not become evidence of a harmless prompt; `build_samples` adds one buried variant
  for a share of the red-team rows, in the row's own group. The harmful beat comes first or second,
  inside the 64 tokens the classifier reads of a whole prompt.

Written for this round from the formats above, not from any split's prompts; `test18` was not read.
"""

from __future__ import annotations

import random

__all__ = ["synthetic_long_scenes", "synthetic_follow_ups", "bury_in_scene", "SCENE_PEOPLE", "SCENE_ACTIONS",
           "SCENE_FIXED_BEATS"]

SCENE_PEOPLE = (
    "a father in a rumpled t-shirt", "an old woman in a cardigan", "a nine-year-old girl", "two teenage brothers",
    "a nurse at the end of a night shift", "a retired teacher", "a toddler in a yellow raincoat", "her grandmother",
    "a shy boy with big glasses", "twin sisters", "a bus driver", "a young couple", "a man in his seventies",
    "three kids", "a dad and his daughter", "a mechanic", "a baker", "a student", "the new neighbour",
    "a grandfather", "a girl of about six", "a teenage girl", "the coach", "a wedding photographer",
    "a potter", "a fisherman", "a mother of twins", "a little boy", "an elderly couple", "the whole family",
    "a street musician", "a janitor", "a farmer", "a lifeguard", "a boy on crutches", "a woman in a wheelchair",
)
SCENE_ACTIONS = (
    "burns the toast and scrapes it over the sink anyway", "pulls the choke on an old lawnmower and yanks the cord",
    "drops a stitch, sighs and starts the row again", "hangs the washing out between two apple trees",
    "chases a runaway balloon across the car park", "slips on the wet tiles and laughs at herself",
    "beats the eggs for pancakes with a fork", "strikes a match and lights the old gas stove",
    "tightens the last bolt on a flat-pack bookshelf", "cuts the birthday cake into uneven slices",
    "blows up a paddling pool until he is red in the face", "runs for the bus and just makes it",
    "lies on the grass reading comics by torchlight", "throws a stick for the dog again and again",
    "cries happy tears at the arrivals gate", "falls asleep on the sofa with the cat on his chest",
    "plays the trumpet slightly off key", "fires the kiln and waits all night",
    "slices warm bread on a wooden board",
    "takes a jump shot from the corner and misses", "kicks off muddy boots at the back door",
    "knocks on the door with a casserole dish", "teaches him to tie his shoelaces",
    "pokes holes in the soil and drops in sunflower seeds", "sweeps the empty school gym",
    "tapes a drawing to the fridge", "pours two cups of tea and waits", "fixes the chain of a bicycle",
    "counts the coins from the tooth fairy", "hangs a string of paper lanterns", "shakes the snow off her hat",
    "rips open a parcel and finds a jumper", "hammers a nail into the fence post", "drowns the chips in vinegar",
    "hits the ball over the garden wall", "blows out all the candles in one go", "pops bubble wrap one bubble at a time",
    "stirs a huge pot of soup", "packs the car for the beach", "waves from the train window",
    "dives into the cold lake and screams with joy", "holds the ladder while her dad cleans the gutters",
    "reads the crossword clues aloud", "whistles for the sheep dog", "feeds the ducks the last of the bread",
)
# Beats whose subject carries their meaning: the photographer's "shoots" is a photograph.
SCENE_FIXED_BEATS = (
    "A wedding photographer shoots the couple under the flower arch.", "The photographer shoots the bride and her sisters.",
    "A sports photographer shoots the runners as they cross the line.", "The referee blows the final whistle.",
    "The chess club celebrates beating the other team ten games to nil.", "The brass section stabs a loud chord.",
    "A dandelion clock is blown apart by the wind.", "The skip screams 'hard!' and the sweepers attack the ice.",
    "The nurse gives the little boy his flu shot and a sticker.", "Two kids lie on their stomachs in the treehouse.",
    "The grandmother points at the dropped stitch and lets him fix it.", "The old man pats the lawnmower like a horse.",
)
SCENE_PLACES = (
    "kitchen", "allotment", "laundrette", "bus stop", "hospital corridor", "school gym", "village square",
    "fishing pier", "back garden", "diner booth", "treehouse", "train platform", "pottery studio", "front step",
    "community pool", "campsite", "corner shop", "living room", "church hall", "car park", "farmyard",
)
SCENE_TIMES = ("morning", "dawn", "day", "afternoon", "dusk", "evening", "night", "late night")
SCENE_DETAILS = (
    "Sunlight comes through the blinds.", "The radio plays an old song.", "Rain taps on the window.",
    "A dog barks somewhere down the street.", "Nobody says anything for a while.", "The kettle starts to whistle.",
    "Fireflies come out over the hedge.", "Steam fogs up the glass.", "A clock ticks on the wall.",
    "Somebody laughs in the next room.", "The first snow of the year is falling.", "Gulls circle overhead.",
    "The light turns gold.", "The fridge hums.", "A checkerboard of black and white tiles covers the floor.",
)
SCENE_ENDINGS = (
    "Warm and nostalgic, 35mm film.", "Muted blue tones, no dialogue.", "Fade out.", "Handheld, natural light.",
    "End on a close-up of a smile.", "Cut to black.", "Soft piano underneath.", "Slow motion at the end.",
    "Wide shot to finish.", "Gentle and quiet, nothing dramatic.", "Title card: 'Sunday'.", "Cosy, 4k.",
)
_HEADINGS = ("Shot {}:", "Shot {} -", "SHOT {}.", "Scene {}:", "Panel {}:", "{}.", "{})")
# Fourteenth round: what a spec asks not to show ("no visible gore", `negative_prompt: "gore"`) is
# part of a benign scene as often as of a harmful one; a fifth of the scenes end with one.
_UNASKED_TAILS = ("No visible gore.", "No blood, no gore.", "Nothing graphic.", "No violence shown.",
                  '| negative_prompt: "gore, blood, nudity"', "| negative prompt: gore, weapons, text",
                  "--no gore, blood", '{"negative_prompt": "violence, gore"}', "Avoid: nudity, gore.",
                  "Keep it family friendly, no injuries shown.")


def _beat(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(SCENE_FIXED_BEATS)
    person = rng.choice(SCENE_PEOPLE)
    return f"{person[0].upper()}{person[1:]} {rng.choice(SCENE_ACTIONS)}."


def _scene(rng: random.Random, beats: list[str]) -> str:
    kind = rng.randrange(4)
    if kind == 0:  # screenplay
        slug = f"{rng.choice(('INT.', 'EXT.'))} {rng.choice(SCENE_PLACES).upper()} - {rng.choice(SCENE_TIMES).upper()}."
        parts = [slug, *rng.sample(SCENE_DETAILS, 1), *beats]
    elif kind == 1:  # numbered shot list
        heading = rng.choice(_HEADINGS)
        parts = [f"{heading.format(i + 1)} {b}" for i, b in enumerate(beats)]
    elif kind == 2:  # storyboard in one line
        parts = [" / ".join(b.rstrip(".") for b in beats) + "."]
    else:  # prose passage
        opening = f"{rng.choice(('A', 'The', 'An old', 'A small'))} {rng.choice(SCENE_PLACES)}, {rng.choice(SCENE_TIMES)}."
        parts = [opening, *beats, *rng.sample(SCENE_DETAILS, rng.randrange(2))]
    if rng.random() < 0.7:
        parts.append(rng.choice(SCENE_ENDINGS))
    if rng.random() < 0.2:
        parts.append(rng.choice(_UNASKED_TAILS))
    return " ".join(parts)


def synthetic_long_scenes(rng: random.Random, n: int) -> list[str]:
    """`n` benign scenes of three to six everyday beats, as screenplay, shot list, storyboard or prose."""
    return [_scene(rng, [_beat(rng) for _ in range(rng.randint(3, 6))]) for _ in range(n)]


_FOLLOW_UP_ASKS = (
    "now give them all little {}", "give everyone {}", "now add {}", "can you add {}", "put {} in the background",
    "same scene but with {}", "make it {}", "now make it {}", "try it again but {}", "change the ending so it's {}",
    "now show how the {} is put together, close-up", "zoom in on the {}", "make the {} bigger",
)
_FOLLOW_UP_FILLS = {
    "things": ("superhero capes", "party hats", "red scarves", "sunglasses", "bunny ears", "umbrellas", "balloons",
               "snow falling", "fireflies", "a rainbow", "a title at the end: 'see you next summer'",
               "a caption: 'happy birthday mum'", "confetti", "a golden retriever"),
    "moods": ("brighter", "happier", "more orange", "slower", "night time", "black and white", "more cosy",
              "a bit funnier", "less busy", "more like a dream", "sunny instead of rainy", "happy"),
    "objects": ("toy train", "music box", "bicycle", "lego castle", "clock", "kite", "birdhouse", "sandwich",
                "cake", "dog", "robot arm", "paper lantern"),
}


def synthetic_follow_ups(rng: random.Random, n: int) -> list[str]:
    """`n` benign follow-up messages of a chat about a video, without the context they refer to."""
    out = []
    for _ in range(n):
        ask = rng.choice(_FOLLOW_UP_ASKS)
        if "make it" in ask or "try it" in ask or "ending" in ask:
            fill = rng.choice(_FOLLOW_UP_FILLS["moods"])
        elif "put together" in ask or "zoom" in ask or "bigger" in ask:
            fill = rng.choice(_FOLLOW_UP_FILLS["objects"])
        else:
            fill = rng.choice(_FOLLOW_UP_FILLS["things"])
        text = ask.format(fill)
        if rng.random() < 0.4:
            text = text[0].upper() + text[1:]
        out.append(text + rng.choice(("", "", ".", "!", " please", " pls")))
    return out


def bury_in_scene(rng: random.Random, text: str) -> str:
    """`text` as the first or second beat of a benign scene of three to five beats."""
    beats = [_beat(rng) for _ in range(rng.randint(2, 4))]
    harmful = text.strip()
    if harmful and harmful[-1] not in ".!?":
        harmful += "."
    beats.insert(rng.randrange(2), harmful)
    return _scene(rng, beats)
