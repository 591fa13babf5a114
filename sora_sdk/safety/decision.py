"""`SafetyDecision` (the answer of every check) and `ContentBlocked` (raised when it says no)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SafetyDecision", "ContentBlocked"]


@dataclass(frozen=True)
class SafetyDecision:
    """The result of one safety check.

    Attributes:
        allowed: False when any found category is blocked by the policy.
        categories: Every category found, blocked or allowed, sorted (category values).
        reasons: One human-readable line per finding, e.g. "weapons: 'pipe bomb'".
        labels: Findings that do not block but are worth recording (e.g. "faces: 1 detected").
    """

    allowed: bool
    categories: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    labels: tuple[str, ...] = field(default=())

    @property
    def action(self) -> str:
        """`allow` or `block`, as written into audit records."""
        return "allow" if self.allowed else "block"

    def raise_if_blocked(self) -> None:
        """Raise `ContentBlocked` carrying this decision if it is not allowed."""
        if not self.allowed:
            raise ContentBlocked(self.categories, self.reasons)


class ContentBlocked(Exception):
    """The safety gate blocked a prompt, a condition or generated frames.

    Attributes:
        categories: The categories that caused the block.
        reasons: Human-readable reasons, one per finding.
    """

    def __init__(self, categories: tuple[str, ...] | list[str], reasons: tuple[str, ...] | list[str]):
        self.categories = tuple(categories)
        self.reasons = tuple(reasons)
        super().__init__(
            f"Content blocked by the safety policy ({', '.join(self.categories) or 'unspecified'}): "
            + "; ".join(self.reasons)
            + ". Change the request; operators change what is blocked through the SafetyPolicy."
        )
