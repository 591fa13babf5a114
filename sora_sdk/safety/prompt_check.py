"""The prompt check: normalise, run the lexicon rules and protected names, ask a learned model.

`PromptChecker` is what `SafetyFilter.check_prompt` uses; it returns raw findings and leaves the
block/allow decision to the filter, which owns the policy's per-category actions and the audit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sora_sdk.safety.lexicon import RULES
from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.policy import Category, SafetyPolicy
from sora_sdk.safety.rules import Rule, compile_terms

__all__ = ["PromptClassifier", "Finding", "PromptChecker"]


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
        views = normalize_views(text)
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
