"""What a negative prompt steers a generation towards (fifteenth round).

With classifier-free guidance the sampler moves away from the negative prompt: "gore, blood,
nudity" as a negative prompt is the usual way to keep a video clean, so reading it as a prompt
of its own (as the gate did until the fourteenth round) blocked the safest requests. A negative
prompt can still steer *towards* harm, by naming the safe side of a line: "clothes, clothing" for
nudity, "adult, grown-up" for a younger-looking body, "alive, unharmed" for a dead or hurt one.
`steered_towards` reads those terms as the harm they point at, and
`SafetyFilter.check_negative_prompt` checks that reading together with the prompt, so "a woman on
a bed" with the negative prompt "clothes, adult" is read "a woman on a bed, nude, child" and
blocked, while "a man reading" with the negative prompt "adult" is allowed.

A negated term inside a negative prompt ("no blood") is not read as asked for: text encoders
hardly read negation, so steering away from "no blood" is steering away from blood.
"""

from __future__ import annotations

import re

__all__ = ["steered_towards", "STEERS"]

# (pattern of the safe side, what steering away from it moves towards). The patterns run on the
# negative prompt lowercased; "adult content" and "mature themes" are the usual NSFW words, not ages.
STEERS: tuple[tuple[str, str], ...] = (
    (r"\b(?:clothes|clothing|clothed|dressed|garments?|outfits?|shirts?|t[\s-]?shirts?|pants|trousers|jeans|skirts?|"
     r"dress|underwear|bras?|panties|swimsuits?|swimwear|bikinis?|lingerie|covered|modest(?:y)?|censor(?:ed|ship)?|"
     r"censor\s+bars?|mosaic|pixelat(?:ed|ion)|towels?|robes?)\b", "nude"),
    (r"\b(?:adults?(?!\s+(?:content|themes?|material|rated|only|scenes?|language|humou?r))|grown[\s-]*ups?|"
     r"18\s*\+|over\s+18|of\s+(?:legal\s+)?age|mature\s+(?:body|face|woman|man|features)|adult\s+(?:body|face|features))\b",
     "child"),
    (r"\b(?:alive|unharmed|uninjured|unhurt|intact\s+(?:body|bodies|skin|limbs)|bloodless|breathing|conscious)\b", "gore"),
)
_COMPILED = tuple((re.compile(p), towards) for p, towards in STEERS)


def steered_towards(negative_prompt: str) -> list[str]:
    """What steering away from `negative_prompt` moves towards, one word per `STEERS` entry it
    names (in `STEERS` order, each once); empty for the usual negative prompts ("blurry, gore")."""
    text = negative_prompt.casefold()
    return [towards for pattern, towards in _COMPILED if pattern.search(text)]
