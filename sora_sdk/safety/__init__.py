"""The safety gate: prompt policy, frame checks, watermark, C2PA provenance and audit.

Public API:

    SafetyFilter, SafetyPolicy, SafetyDecision, ContentBlocked, Category,
    PromptClassifier, FrameClassifier, verify_file
"""

from __future__ import annotations

from sora_sdk.safety.decision import ContentBlocked, SafetyDecision
from sora_sdk.safety.filter import SafetyFilter
from sora_sdk.safety.frame_check import FrameClassifier
from sora_sdk.safety.policy import Category, SafetyPolicy, load_policy
from sora_sdk.safety.prompt_check import PromptClassifier

__all__ = [
    "SafetyFilter",
    "SafetyPolicy",
    "SafetyDecision",
    "ContentBlocked",
    "Category",
    "PromptClassifier",
    "FrameClassifier",
    "load_policy",
    "verify_file",
]


def __getattr__(name: str):
    # verify_file pulls in video decoding and c2pa; import it only when asked for.
    if name == "verify_file":
        from sora_sdk.safety.verify import verify_file

        return verify_file
    raise AttributeError(f"module 'sora_sdk.safety' has no attribute {name!r}")
