"""The shipped prompt rules, one module per group of categories.

`vocabulary` (shared word lists), `sexual` (sexual, minors), `violence` (violence, self-harm), `hate`,
`weapons`, `media` (likeness, deception), `intent` (harm described by ingredients, intent or slang:
weapons precursors, deception without a "fake" word, animal cruelty, caricature, dog whistles),
`indirect` (eighth round: euphemisms, preparations and outcomes: "goes boom" near a crowd, making a
pathogen spread between people, an animal "taken care of" with a shovel, a goodbye on a ledge);
`RULES` is all of them.

Written as combinations rather than bare word lists wherever a word has innocent uses: "shoot"
only counts next to a person ("shoot the man"), never in "photo shoot"; "breast" only with a
sexual word, never in "breast cancer screening". Words that are harmful on their own ("gore",
"pipe bomb") stand alone. Rules that would block too much for general use are `strict_only`.

This list is a baseline, not a guarantee: evasions that change meaning rather than spelling
("a person taking a very long nap, forever") need a learned `PromptClassifier` beside it.
"""

from __future__ import annotations

from sora_sdk.safety.lexicon.hate import HATE
from sora_sdk.safety.lexicon.indirect import RULES_INDIRECT
from sora_sdk.safety.lexicon.intent import RULES_INTENT
from sora_sdk.safety.lexicon.media import DECEPTION, LIKENESS
from sora_sdk.safety.lexicon.sexual import MINORS, SEXUAL
from sora_sdk.safety.lexicon.violence import SELF_HARM, VIOLENCE
from sora_sdk.safety.lexicon.weapons import WEAPONS
from sora_sdk.safety.rules import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (SEXUAL + MINORS + VIOLENCE + HATE + SELF_HARM + WEAPONS + LIKENESS + DECEPTION + RULES_INTENT
                          + RULES_INDIRECT)
