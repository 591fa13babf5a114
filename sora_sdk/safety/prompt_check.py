"""The prompt check: normalise, run the lexicon rules and protected names, ask a learned model.

`PromptChecker` is what `SafetyFilter.check_prompt` uses; it returns raw findings and leaves the
block/allow decision to the filter, which owns the policy's per-category actions and the audit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sora_sdk.safety.lexicon import RULES
from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.policy import Category, SafetyPolicy
from sora_sdk.safety.rules import Rule, compile_terms

__all__ = ["PromptClassifier", "Finding", "PromptChecker", "drop_unasked"]

# Fourteenth round: what a prompt asks *not* to show is not asked for. A negative-prompt field
# (`negative_prompt: "gore"`, `"negatives": ["blood", "nudity"]`, `avoid: gore | ...`,
# Midjourney's `--no gore, blood`) and a negated harm word ("no visible gore", "without blood or
# nudity", "no depiction of abuse") are cut before the rules read the prompt. An unquoted field
# ends at the next `|`, `;`, line break or sentence end, so harm written after it is still read;
# the classifier always reads the whole raw prompt.
_NEGATIVE_FIELD = re.compile(
    r"""["']?\b(?:negative[\s_-]*prompts?|negatives|avoid|exclude|do[\s_-]*not[\s_-]*show)["']?\s*[:=]\s*"""
    r"""(?:"[^"\n]*"|'[^'\n]*'|\[[^\]\n]*\]|[^|;\n"{}]*?(?=[|;\n"{}]|\.(?:\s|$)|$))"""
    r"""|(?<![\w-])--no\s+[^|;\n-]*""",
    re.IGNORECASE,
)
_HARM_NOUN = (r"(?:gore|goriness|blood|bloodshed|violence|nudity|nude\s+scenes?|sexual\s+content|weapons?|guns?|"
              r"injur(?:y|ies)|wounds?|deaths?|dead\s+bodies|corpses?|abuse|self[\s-]*harm|suicide|cruelty|"
              r"graphic\s+content|harm)")
_NEGATED = re.compile(
    rf"\b(?:no|without|zero|free\s+of|not\s+any|never\s+show(?:ing)?|nothing)\s+"
    rf"(?:(?:visible|graphic|explicit|real|actual|on[\s-]*screen|any|depictions?\s+of|showing|shown|images?\s+of)\s+)*"
    rf"{_HARM_NOUN}(?:\s*(?:,|/|\bor\b|\band\b|\bnor\b)\s*(?:(?:visible|graphic|explicit|any)\s+)*{_HARM_NOUN})*\b",
    re.IGNORECASE,
)


def drop_unasked(text: str) -> str:
    """`text` without its negative-prompt fields and negated harm words (fourteenth round).

    >>> drop_unasked('beach landing, smoke, no visible gore | duration: 12s')
    'beach landing, smoke,   | duration: 12s'
    """
    return _NEGATED.sub(" ", _NEGATIVE_FIELD.sub(" ", text))



@runtime_checkable
class PromptClassifier(Protocol):
    """A learned prompt classifier the operator plugs in beside the rules.

    Implement `classify` to return a probability per category value (`"sexual"`, `"hate"`, ...);
    categories left out count as 0. The filter blocks a category whose probability reaches the
    threshold given to `SafetyFilter` (default 0.5) and whose policy action is `block`. It runs on
    the raw prompt: a learned model usually copes with spelling tricks better than with our
    normalised ASCII.
    """

    def classify(self, text: str) -> Mapping[str, float]:
        """Probability in [0, 1] per category value."""
        ...


@dataclass(frozen=True)
class Finding:
    """One reason a check found a category."""

    category: Category
    reason: str


class PromptChecker:
    """Rule-based prompt check for one policy.

    Args:
        policy: Decides which rules apply (`sensitivity`, `contexts`) and the protected names.
        rules: Rule table; defaults to the shipped `lexicon.RULES`.
    """

    def __init__(self, policy: SafetyPolicy, rules: Sequence[Rule] = RULES):
        contexts = set(policy.contexts)
        self.rules = tuple(
            r
            for r in rules
            if not (r.strict_only and policy.sensitivity != "strict") and not (contexts & set(r.exempt_in))
        )
        # Names go through the same normaliser as prompts, so "T4ylor  Sw1ft" still matches.
        # An entry may list aliases separated by "|" ("Barack Obama|Obama").
        aliases = [a for entry in policy.protected_people for a in entry.split("|") if a.strip()]
        names = sorted({normalize_views(a)[0] for a in aliases})
        self._names = compile_terms(names)

    def findings(self, text: str) -> list[Finding]:
        """Every category the rules find in `text`, one finding per (rule, category)."""
        views = normalize_views(drop_unasked(text))
        out: dict[tuple[str, Category], Finding] = {}
        for view in views:
            for rule in self.rules:
                m = rule.match(view)
                if m is None:
                    continue
                for cat in (rule.category, *rule.also):
                    out.setdefault((rule.name, cat), Finding(cat, f"{cat.value}: rule {rule.name} matched {m.text!r}"))
            if self._names is not None:
                m = self._names.search(view)
                if m is not None:
                    out.setdefault(
                        ("protected", Category.LIKENESS),
                        Finding(Category.LIKENESS, f"likeness: protected person {m.group(0)!r}"),
                    )
        return list(out.values())
