"""The rule engine of the prompt check: how a `Rule` is written, compiled and matched.

A rule is a few lists of *terms* in a small, readable syntax, compiled once into regular
expressions that run on every normalised view of a prompt (see `normalize.py`):

* words are matched whole (`gun` does not match `begun`); a last word may take a plural `s`;
* `word*` matches any ending (`behead*`: beheads, beheading, beheaded);
* a doubled letter matches two or more (`kill` matches `kiiill`, never `kil`, so `ass` never
  matches `as`); spaces between words are optional (`pipe bomb` matches `pipebomb`);
* `re:<regex>` is a raw regular expression for the rare term the syntax cannot say.

A rule fires when one of `any_of` matches and, if given, one of `near` lies within `window` words
(either side) and one of `with_any` occurs anywhere. Phrases in `unless` are masked out first,
which is how hard negatives pass: "kill the lights" is masked before "kill ... <person>" is tried.
The rule table itself lives in the `lexicon` package.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from sora_sdk.safety.policy import Category

__all__ = ["Rule", "compile_terms", "RuleMatch"]

_WORD_EDGE_L = r"(?<![a-z0-9])"
_WORD_EDGE_R = r"(?![a-z0-9])"


def _word_regex(word: str, last: bool) -> str:
    if word.endswith("*"):
        stem, tail = word[:-1], "[a-z]*"
    else:
        stem, tail = word, ("s?" if last else "")
    # Each run of n equal letters matches n or more: stretched words ("kiiill") still match while
    # short words never lose letters ("ass" stays two s's).
    runs = [f"{re.escape(ch)}{{{len(list(g))},}}" for ch, g in itertools.groupby(stem)]
    return "".join(r.replace("{1,}", "+") for r in runs) + tail


def _term_regex(term: str) -> str:
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    words = term.split()
    body = r"\s*".join(_word_regex(w, i == len(words) - 1) for i, w in enumerate(words))
    return f"{_WORD_EDGE_L}(?:{body}){_WORD_EDGE_R}"


def compile_terms(terms: tuple[str, ...] | list[str]) -> re.Pattern | None:
    """One alternation regex for a list of terms (see the module docstring for the syntax)."""
    if not terms:
        return None
    return re.compile("|".join(_term_regex(t) for t in terms))


@dataclass(frozen=True)
class RuleMatch:
    """One rule firing on one prompt view."""

    rule: str
    category: Category
    text: str  # the matched span, for the decision's reasons


@dataclass(frozen=True)
class Rule:
    """One lexicon rule.

    Attributes:
        name: Short id shown in reasons ("sexual/explicit").
        category: Category reported when it fires.
        any_of: Terms, one of which must match.
        near: If given, one of these must occur within `window` words of the `any_of` match.
        window: Maximum words between an `any_of` and a `near` match.
        reverse: How a `near` term may come first: `any` order, `never` (near terms
            always come first), or `passive` only, where the
            `any_of` phrase must read as passive: a past participle ("the man was stabbed", "a
            woman shot", "someone set on fire") or a "being ..." phrase ("a toddler being hit"),
            so that a subject doing something harmless ("people hanging lanterns") passes.
        with_any: If given, one of these must occur anywhere in the prompt.
        unless: Phrases masked out before matching (hard negatives); the classifier's views have
            them cut too (`prompt_classifier._mask`).
        unless_any: Words or phrases whose presence anywhere in the view turns the rule off, without
            masking them (eighth round: context such as "documentary", "safety lesson", "vet"; these
            are not cut from the classifier's views, where they are evidence of a harmless prompt).
        exempt_in: Policy contexts in which the rule is off (e.g. `medical`).
        strict_only: Only applied when the policy's sensitivity is `strict`.
        also: Extra categories reported with `category` (a sexual prompt about a child is both).
    """

    name: str
    category: Category
    any_of: tuple[str, ...]
    near: tuple[str, ...] = ()
    window: int = 3
    reverse: str = "any"
    with_any: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    unless_any: tuple[str, ...] = ()
    exempt_in: tuple[str, ...] = ()
    strict_only: bool = False
    also: tuple[Category, ...] = field(default=())

    @cached_property
    def _compiled(self) -> tuple[re.Pattern, re.Pattern | None, tuple[re.Pattern, ...], re.Pattern | None]:
        head = "|".join(_term_regex(t) for t in self.any_of)
        if self.near:
            tail = "|".join(_term_regex(t) for t in self.near)
            gap = rf"(?:\s+\S+){{0,{self.window}}}\s+"
            # Either order: "stab the man" and "the man was stabbed".
            back = head
            if self.reverse == "passive":
                back = rf"(?=[a-z]*(?:ed|en|wn|shot|slain|hung|slit|set|burnt|being)(?![a-z0-9]))(?:{head})"
            pattern = rf"(?:{head}){gap}(?:{tail})|(?:{tail}){gap}(?:{back})"
            if self.reverse == "never":  # the order carries meaning: "<group> are vermin"
                pattern = rf"(?:{tail}){gap}(?:{head})"
            main = re.compile(pattern)
        else:
            main = re.compile(head)
        # Hard negatives are masked one at a time, longest first, so "spot fake news" is masked
        # whole before a shorter phrase like "how to spot" could take its first word.
        unless = tuple(re.compile(_term_regex(t)) for t in sorted(self.unless, key=len, reverse=True))
        return main, compile_terms(self.with_any), unless, compile_terms(self.unless_any)

    def match(self, view: str) -> RuleMatch | None:
        """The first match of this rule in one normalised view, or None."""
        main, with_any, unless, unless_any = self._compiled
        if unless_any is not None and unless_any.search(view):
            return None
        for u in unless:
            view = u.sub(" _ ", view)
        m = main.search(view)
        if m is None:
            return None
        if with_any is not None and with_any.search(view) is None:
            return None
        return RuleMatch(self.name, self.category, m.group(0))
