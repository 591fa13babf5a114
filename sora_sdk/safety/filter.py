"""`SafetyFilter`: the gate every prompt, condition and output passes through.

The pipeline calls it in this order (see docs/safety.md for the gated paths):

    gate = SafetyFilter.from_preset("default")
    gate.check_prompt(prompt).raise_if_blocked()                  # before any compute
    gate.check_negative_prompt(negative, prompt).raise_if_blocked()  # what it steers towards
    gate.check_frames(condition_frames, check="condition").raise_if_blocked()
    video = gate.release(video)                                    # frame check, then watermark
    gate.save(video, "out.mp4")                                    # C2PA-signed, atomic

Every check writes one audit record. There is no switch that skips a check; an operator changes
behaviour only through the `SafetyPolicy`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from sora_sdk.safety.audit import AuditLog
from sora_sdk.safety.decision import SafetyDecision
from sora_sdk.safety.frame_check import (
    FrameClassifier,
    HaarFaceDetector,
    degenerate_findings,
    sample_frame_indices,
)
from sora_sdk.safety.negative_prompt import steered_towards
from sora_sdk.safety.policy import Category, SafetyPolicy, load_policy
from sora_sdk.safety.prompt_check import Finding, PromptChecker, PromptClassifier
from sora_sdk.video import Video

__all__ = ["SafetyFilter"]


@functools.lru_cache(maxsize=1)
def _shipped_prompt_classifier() -> PromptClassifier:
    # One instance per process: its weights are read once and its MiniLM encoder is shared.
    from sora_sdk.safety.prompt_classifier import MiniLMPromptClassifier

    return MiniLMPromptClassifier()


class SafetyFilter:
    """Checks prompts and frames against a `SafetyPolicy`, marks and signs released media.

    Args:
        policy: The policy to enforce.
        prompt_classifier: Learned prompt model run beside the rules. `None` uses the shipped
            `MiniLMPromptClassifier` when `policy.prompt_classifier` is true (the default); a
            classifier passed here replaces the shipped one.
        frame_classifiers: Optional learned frame models (e.g. `NudeNetClassifier`).
        classifier_threshold: Probability at which a classifier's category counts as found.
        face_detector: Override the Haar face detector (tests, or a better detector). `None`
            builds the Haar detector when the policy looks at faces.
    """

    def __init__(
        self,
        policy: SafetyPolicy,
        *,
        prompt_classifier: PromptClassifier | None = None,
        frame_classifiers: Sequence[FrameClassifier] = (),
        classifier_threshold: float = 0.5,
        face_detector: HaarFaceDetector | None = None,
    ):
        if not isinstance(policy, SafetyPolicy):
            raise TypeError(
                f"SafetyFilter needs a SafetyPolicy, got {type(policy).__name__}; use "
                "SafetyFilter.from_preset('default') or SafetyPolicy.model_validate(dict)."
            )
        if not 0.0 < classifier_threshold <= 1.0:
            raise ValueError(f"classifier_threshold must be in (0, 1], got {classifier_threshold}.")
        self.policy = policy
        if prompt_classifier is None and policy.prompt_classifier:
            prompt_classifier = _shipped_prompt_classifier()
        if prompt_classifier is not None and not isinstance(prompt_classifier, PromptClassifier):
            raise TypeError(
                f"prompt_classifier must implement PromptClassifier (a classify(text) method), got "
                f"{type(prompt_classifier).__name__}."
            )
        self.prompt_classifier = prompt_classifier
        self.frame_classifiers = tuple(frame_classifiers)
        self.classifier_threshold = classifier_threshold
        self._prompts = PromptChecker(policy)
        if face_detector is None and policy.frames.faces != "allow":
            face_detector = HaarFaceDetector(policy.frames.min_face_fraction)
        self._faces = face_detector
        self.audit = AuditLog(policy.audit.path, log_prompt=policy.audit.log_prompt, policy_version=policy.version)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_preset(cls, name: str = "default", **kwargs) -> SafetyFilter:
        """Build from a shipped preset (`default`, `strict`, `medical`, `marketing`) or a YAML path."""
        return cls(load_policy(name), **kwargs)

    @classmethod
    def from_policy(cls, policy: SafetyPolicy, **kwargs) -> SafetyFilter:
        """Build from a `SafetyPolicy` object."""
        return cls(policy, **kwargs)

    # -- checks -------------------------------------------------------------------------------

    def check_prompt(self, text: str) -> SafetyDecision:
        """Check a text prompt before any compute (a negative prompt: `check_negative_prompt`).

        Args:
            text: The prompt as the user wrote it.

        Returns:
            The decision; call `.raise_if_blocked()` to stop on a block.
        """
        if not isinstance(text, str):
            raise TypeError(f"check_prompt expects a str, got {type(text).__name__}.")
        findings = self._prompts.findings(text)
        if self.prompt_classifier is not None:
            source = f"prompt classifier {type(self.prompt_classifier).__name__}"
            findings += self._classifier_findings(self.prompt_classifier.classify(text), source)
        decision = self._decide(findings)
        self.audit.record("prompt", decision, text, prompt=text)
        return decision

    def check_negative_prompt(self, negative_prompt: str, prompt: str = "") -> SafetyDecision:
        """Check a negative prompt for what it steers the generation towards, before any compute.

        Guidance above 1 moves away from the negative prompt, so "gore, blood, nudity" keeps a video
        clean and is allowed; naming the safe side of a line as an item ("clothes", "adult",
        "unharmed") steers towards its harm, which is read together with `prompt` and checked like
        a prompt (`negative_prompt.steered_towards`). Check `prompt` itself with `check_prompt`
        first; with guidance below 1 check the negative prompt with `check_prompt` too.

        Args:
            negative_prompt: The negative prompt as the user wrote it.
            prompt: The prompt it is used with.

        Returns:
            The decision; call `.raise_if_blocked()` to stop on a block.
        """
        if not isinstance(negative_prompt, str) or not isinstance(prompt, str):
            raise TypeError("check_negative_prompt expects str arguments, got "
                            f"{type(negative_prompt).__name__} and {type(prompt).__name__}.")
        findings: list[Finding] = []
        towards = steered_towards(negative_prompt)
        if towards:
            # On a line of its own, so a negative-prompt field at the end of the prompt ("--no text")
            # cannot swallow it (`prompt_check.drop_unasked` ends a field at a line break).
            reading = "\n".join([p for p in (prompt.strip(),) if p] + [", ".join(towards)])
            findings = self._prompts.findings(reading)
            if self.prompt_classifier is not None:
                source = f"prompt classifier {type(self.prompt_classifier).__name__}"
                findings += self._classifier_findings(self.prompt_classifier.classify(reading), source)
            note = f" (the negative prompt steers towards: {', '.join(towards)})"
            findings = [Finding(f.category, f.reason + note) for f in findings]
        decision = self._decide(findings)
        self.audit.record("negative_prompt", decision, negative_prompt, prompt=negative_prompt)
        return decision

    def check_frames(self, video: Video | np.ndarray, check: str = "frames") -> SafetyDecision:
        """Check sampled frames of generated output or of an image/video condition.

        Args:
            video: A `Video`, or uint8 frames (T, H, W, 3) / (H, W, 3).
            check: Audit label: `frames` for output, `condition` for conditioning media.

        Returns:
            The decision; faces under `faces: label` appear in `labels`, not as a block.
        """
        frames = video.frames if isinstance(video, Video) else np.asarray(video)
        if frames.ndim == 3:
            frames = frames[None]
        if frames.dtype != np.uint8 or frames.ndim != 4 or frames.shape[-1] != 3:
            raise ValueError(
                f"check_frames expects uint8 frames (T, H, W, 3), got {frames.dtype} {frames.shape}; "
                "convert float tensors with Video.from_tensor(x, fps).frames."
            )
        sample = frames[sample_frame_indices(frames.shape[0], self.policy.frames.sample_frames)]
        findings = degenerate_findings(sample, self.policy.frames)
        labels: list[str] = []
        if self._faces is not None:
            f, labels = self._faces.findings(sample, self.policy.frames)
            findings += f
        for clf in self.frame_classifiers:
            findings += self._classifier_findings(clf.classify(sample), type(clf).__name__)
        decision = self._decide(findings, labels)
        self.audit.record(check, decision, np.ascontiguousarray(sample).tobytes())
        return decision

    # -- release ------------------------------------------------------------------------------

    def release(self, video: Video) -> Video:
        """Check a decoded video and, if allowed, return it marked for release.

        Raises:
            ContentBlocked: if the frame check blocks; nothing is returned or written.
        """
        self.check_frames(video).raise_if_blocked()
        return self.mark(video)

    def mark(self, video: Video) -> Video:
        """Add the invisible watermark (and the visible label if the policy asks) to a video."""
        from sora_sdk.safety.watermark import embed_watermark
        from sora_sdk.safety.visible_label import add_visible_label

        wm = self.policy.watermark
        out = video
        if wm.visible_label:
            out = add_visible_label(out)
        if wm.enabled:
            out = embed_watermark(out, key=wm.key, strength=wm.strength)
        meta = {**out.metadata, "ai_generated": True, "safety_policy": self.policy.version}
        return Video(frames=out.frames, fps=out.fps, metadata=meta)

    def save(self, video: Video, path: str | os.PathLike) -> Path:
        """Save a released video; mp4 files get a signed C2PA manifest.

        The file appears only when encoding and signing both succeeded (written to a temporary
        sibling, then moved into place). Other formats are saved without C2PA (c2pa-python cannot
        sign them here) but keep the invisible watermark.
        """
        from sora_sdk.safety.provenance import save_with_provenance

        return save_with_provenance(video, path)

    # -- internals ----------------------------------------------------------------------------

    def _classifier_findings(self, scores, source: str) -> list[Finding]:
        out = []
        for name, p in scores.items():
            try:
                cat = Category(name)
            except ValueError:
                raise ValueError(
                    f"{source} returned unknown category {name!r}; use one of "
                    f"{', '.join(c.value for c in Category)}."
                ) from None
            if float(p) >= self.classifier_threshold:
                out.append(Finding(cat, f"{cat.value}: {source} p={float(p):.2f}"))
        return out

    def _decide(self, findings: list[Finding], labels: Sequence[str] = ()) -> SafetyDecision:
        cats = sorted({f.category.value for f in findings})
        blocked = [c for c in cats if self.policy.blocks(c)]
        return SafetyDecision(
            allowed=not blocked,
            categories=tuple(cats),
            reasons=tuple(f.reason for f in findings),
            labels=tuple(labels),
        )
