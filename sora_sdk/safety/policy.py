"""`SafetyPolicy`: what the safety gate blocks, typed once and loaded from YAML presets.

A policy is data, not code: an operator changes what is blocked by editing or choosing a preset in
`configs/safety/` (`default`, `strict`, `medical`, `marketing`), never by a flag on a public call.
Every field is validated by pydantic with `extra="forbid"`, so a typo in a YAML file is an error
rather than a silently ignored setting.
"""

from __future__ import annotations

import importlib.resources
from enum import Enum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "Category",
    "CategoryRule",
    "FramePolicy",
    "AuditPolicy",
    "WatermarkPolicy",
    "SafetyPolicy",
    "PRESETS",
    "preset_path",
    "load_policy",
]


class Category(str, Enum):
    """The harm categories the gate knows. Values are the keys used in YAML and audit records."""

    SEXUAL = "sexual"
    MINORS = "minors"  # any sexualisation of, or harm aimed at, children; never allowed by presets
    VIOLENCE = "violence"  # graphic violence and gore
    HATE = "hate"
    SELF_HARM = "self_harm"
    WEAPONS = "weapons"  # weapon construction, attacks and violent extremism
    LIKENESS = "likeness"  # real-person likeness, impersonation, deepfakes
    DECEPTION = "deception"  # deceptive media: fabricated news, evidence, official statements
    DEGENERATE = "degenerate"  # frame check: output that is blank or one colour (a broken model)


# Contexts that unlock narrow exemptions in the prompt rules (e.g. "surgical incision" under
# `medical`). A context never unlocks `minors`.
Context = Literal["medical", "news", "fiction"]

# Shipped presets, in the order the docs list them.
PRESETS = ("default", "strict", "medical", "marketing")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CategoryRule(_Strict):
    """What to do when a category is found.

    Attributes:
        action: `block` raises `ContentBlocked`; `allow` lets it through (still audited).
    """

    action: Literal["block", "allow"] = "block"


class FramePolicy(_Strict):
    """Frame checks on decoded output and on image/video conditions.

    Attributes:
        sample_frames: Frames checked per video, evenly spaced; 8 keeps a check well under a second
            on a CPU while still seeing the start, middle and end of a clip.
        faces: `allow` ignores detected faces; `block` blocks any video with a detected face (the
            shipped detector cannot tell who a face belongs to, so this is the only likeness rule
            frames can enforce on their own); `label` allows but records faces in the decision.
        min_face_fraction: Faces smaller than this fraction of the frame's short side are ignored;
            tiny detections in 32x32 clips are almost always texture, not a face.
        degenerate_std: A frame whose pixel standard deviation is below this (0-255 scale) counts as
            one colour; 1.0 tolerates encoder noise on a truly flat frame.
    """

    sample_frames: int = Field(8, ge=1)
    faces: Literal["allow", "label", "block"] = "label"
    min_face_fraction: float = Field(0.2, gt=0.0, le=1.0)
    degenerate_std: float = Field(1.0, ge=0.0)


class WatermarkPolicy(_Strict):
    """Invisible and visible marking of released media.

    Attributes:
        enabled: Embed the invisible watermark in every released video.
        key: Watermark key. Detection needs the same key; operators should set their own.
        strength: Pattern RMS in luma levels; 3.0 keeps PSNR near 38.6 dB (see docs/safety.md).
        visible_label: Burn a small "AI" corner label into frames (off by default: it changes the
            picture, and the invisible mark plus C2PA already disclose generation).
    """

    enabled: bool = True
    key: str = "sora-sdk-default-key"
    strength: float = Field(3.0, gt=0.0, le=16.0)
    visible_label: bool = False


class AuditPolicy(_Strict):
    """Where and what to audit.

    Attributes:
        path: JSONL file that receives one record per decision; `None` disables the file log.
        log_prompt: Store the raw prompt. Off by default: prompts are user data, and the request
            hash is enough to match a record to a request the operator kept.
    """

    path: str | None = None
    log_prompt: bool = False


class SafetyPolicy(_Strict):
    """The full safety policy.

    Attributes:
        version: Policy version, written into every audit record so a decision can be traced to the
            rules that made it.
        sensitivity: `strict` also applies the rules marked strict-only: single suggestive words
            ("lingerie", "blood", "rifle") that are usually fine but that a cautious deployment
            (children's products, public kiosks) blocks on their own.
        categories: Action per category; categories left out use `block`.
        contexts: Contexts whose narrow exemptions apply (e.g. `medical`).
        prompt_classifier: Run the shipped learned `MiniLMPromptClassifier` beside the rules (a
            category blocks when either finds it). Costs ~20-60 ms per prompt on a CPU and catches
            paraphrases the lexicon has no words for; see docs/safety.md for measured figures.
        protected_people: Real people whose names block a prompt under `likeness`; one entry per
            person, aliases separated by "|" ("Barack Obama|Obama"). Matched whole-word after the
            same normalisation as the rules; avoid aliases that are common words ("Swift").
        frames: Frame-check settings.
        watermark: Marking settings.
        audit: Audit-log settings.
    """

    version: str = "1"
    sensitivity: Literal["standard", "strict"] = "standard"
    categories: dict[Category, CategoryRule] = Field(default_factory=dict)
    contexts: list[Context] = Field(default_factory=list)
    prompt_classifier: bool = True
    protected_people: list[str] = Field(default_factory=list)
    frames: FramePolicy = Field(default_factory=FramePolicy)
    watermark: WatermarkPolicy = Field(default_factory=WatermarkPolicy)
    audit: AuditPolicy = Field(default_factory=AuditPolicy)

    @field_validator("categories")
    @classmethod
    def _minors_always_blocked(cls, v: dict[Category, CategoryRule]) -> dict[Category, CategoryRule]:
        # No legitimate product needs this category allowed; refusing it here means no preset or
        # operator YAML can switch it off by accident.
        if v.get(Category.MINORS, CategoryRule()).action != "block":
            raise ValueError("categories.minors.action must be 'block'; this category cannot be allowed.")
        return v

    def action(self, category: Category | str) -> str:
        """`block` or `allow` for a category (unlisted categories are blocked)."""
        return self.categories.get(Category(category), CategoryRule()).action

    def blocks(self, category: Category | str) -> bool:
        """Whether finding `category` blocks the request."""
        return self.action(category) == "block"


def preset_path(name: str) -> Path:
    """Path of a shipped preset YAML.

    Looks in the installed `sora_sdk.configs` package first (wheel installs), then in the
    repository's `configs/` folder (clones and editable installs).

    Raises:
        ValueError: for an unknown preset name; the message lists the shipped ones.
    """
    if name not in PRESETS:
        raise ValueError(
            f"Unknown safety preset {name!r}; choose one of {', '.join(PRESETS)}, or build a "
            "SafetyPolicy yourself and use SafetyFilter.from_policy(policy)."
        )
    try:
        root = importlib.resources.files("sora_sdk.configs") / "safety"
        candidate = Path(str(root)) / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "configs" / "safety" / f"{name}.yaml"


def load_policy(path_or_preset: str | Path) -> SafetyPolicy:
    """Load a policy from a preset name or a YAML file.

    Raises:
        ValueError: if the file is missing or a field is unknown or invalid.
    """
    s = str(path_or_preset)
    path = preset_path(s) if s in PRESETS else Path(s)
    if not path.is_file():
        raise ValueError(f"Safety policy file {path} does not exist; pass a preset name ({', '.join(PRESETS)}) or a YAML path.")
    data = yaml.safe_load(path.read_text()) or {}
    try:
        return SafetyPolicy.model_validate(data)
    except ValidationError as e:
        raise ValueError(f"Invalid safety policy {path}:\n{e}") from e
