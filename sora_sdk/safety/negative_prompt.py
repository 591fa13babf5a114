"""What a negative prompt steers a generation towards (fifteenth round).

With classifier-free guidance above 1 the sampler moves away from the negative prompt: "gore,
blood, nudity" as a negative prompt is the usual way to keep a video clean, so reading it as a
prompt of its own (as the gate did until the fourteenth round) blocked the safest requests. A
negative prompt can still steer *towards* harm, by naming the safe side of a line as an item of
its own: "clothes" or "underwear" for nudity, "adult" or "grown-up" for a younger-looking body,
"unharmed" for a hurt one. `steered_towards` reads those items as the harm they point at, and
`SafetyFilter.check_negative_prompt` checks that reading together with the prompt, so "a woman
lying on a bed" with the negative prompt "clothes, adult" is read "a woman lying on a bed / nude,
child" and blocked, while "a man reading" with the negative prompt "adult" is allowed.

Only whole items count (split at commas, `|`, `;` and line breaks, weights such as `(clothes:1.3)`
stripped, each item normalised like a prompt, so "cl0thes" and "c l o t h e s" count): "modern
clothing" for a period piece and "adult content" are not steers. Known limits: synonyms outside
`STEERS` ("sweater, socks", "old, aged"), other languages, and steers towards the other categories
(weapons, hate, likeness) are not read; the prompt check and the frame check still apply.

With guidance below 1 the negative prompt is partly a positive one; the generator then checks it
as a prompt too (`VideoGenerator.generate_batch`).
"""

from __future__ import annotations

import re

from sora_sdk.safety.normalize import normalize_views

__all__ = ["steered_towards", "STEERS"]

_ITEM_SPLIT = re.compile(r"[,|;\n]+")
_WEIGHT = re.compile(r"^[\s(\[{]*(.*?)(?::\s*[\d.]+)?[\s)\]}]*$")

# (whole-item pattern, on a normalised item, of the safe side of a line; what steering away from it
# moves towards).
STEERS: tuple[tuple[str, str], ...] = (
    (r"(?:fully\s+|any\s+|all\s+|wearing\s+)?(?:clothes|clothing|clothed|dressed|underwear|bras?|panties|"
     r"swimsuits?|swimwear|bikinis?|lingerie|covered(?:\s+body)?|modest(?:y)?|censored|censorship|censor\s+bars?)", "nude"),
    (r"(?:adults?|grown\s*ups?|18|over\s+18|of\s+(?:legal\s+)?age|mature|"
     r"(?:mature|adult)\s+(?:body|face|features|woman|man|proportions))", "child"),
    (r"(?:unharmed|uninjured|unhurt|bloodless|intact\s+(?:body|bodies|skin|limbs))", "gore"),
)
_COMPILED = tuple((re.compile(rf"^{p}$"), towards) for p, towards in STEERS)


def _items(negative_prompt: str) -> list[str]:
    out = []
    for raw in _ITEM_SPLIT.split(negative_prompt):
        item = _WEIGHT.match(raw.strip()).group(1).strip()
        if item:
            out.append(item)
    return out


def steered_towards(negative_prompt: str) -> list[str]:
    """What steering away from `negative_prompt` moves towards: one word per `STEERS` entry one of
    its items names (in `STEERS` order, each once); empty for the usual negative prompts
    ("blurry, gore, nudity, adult content")."""
    views = [v for item in _items(negative_prompt) for v in normalize_views(item, typo=False)]
    return [towards for pattern, towards in _COMPILED if any(pattern.match(v) for v in views)]
