"""Frame checks on decoded output and on image/video conditions.

Three kinds of check run over a few evenly spaced frames:

* degenerate output: a frame that is one flat colour (all-black included) means the model broke;
  it is blocked so nobody ships a blank clip believing it is content;
* faces, with OpenCV's Haar cascade (shipped inside `opencv-python-headless<5`, no download),
  feeding the likeness policy (`frames.faces`);
* any `FrameClassifier` the operator adds, e.g. `NudeNetClassifier` (optional extra, AGPL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from sora_sdk.safety.policy import Category, FramePolicy
from sora_sdk.safety.prompt_check import Finding

__all__ = [
    "FrameClassifier",
    "sample_frame_indices",
    "degenerate_findings",
    "HaarFaceDetector",
    "NudeNetClassifier",
]


@runtime_checkable
class FrameClassifier(Protocol):
    """A learned frame classifier the operator plugs in.

    `classify` gets sampled frames, uint8 RGB (N, H, W, 3), and returns the highest probability
    per category value over those frames (`{"sexual": 0.93}`); categories left out count as 0.
    """

    def classify(self, frames: np.ndarray) -> Mapping[str, float]:
        """Probability in [0, 1] per category value, maximised over the frames given."""
        ...


def sample_frame_indices(num_frames: int, n: int) -> np.ndarray:
    """`n` evenly spaced frame indices including the first and last (all frames if fewer)."""
    if num_frames <= n:
        return np.arange(num_frames)
    return np.unique(np.linspace(0, num_frames - 1, n).round().astype(int))


def degenerate_findings(frames: np.ndarray, policy: FramePolicy) -> list[Finding]:
    """Findings for frames that are a single colour.

    Args:
        frames: uint8 (N, H, W, 3) sampled frames.
        policy: Supplies `degenerate_std`.
    """
    # Per-frame, per-channel spread: a flat colour has ~0 in every channel.
    std = frames.reshape(frames.shape[0], -1, 3).astype(np.float32).std(axis=1).max(axis=1)  # (N,)
    flat = np.flatnonzero(std < policy.degenerate_std)
    if flat.size == 0:
        return []
    mean = frames[flat[0]].reshape(-1, 3).mean(axis=0)
    what = "all black" if mean.max() < 8 else f"one colour RGB{tuple(int(round(v)) for v in mean)}"
    return [Finding(Category.DEGENERATE, f"degenerate: {flat.size}/{frames.shape[0]} sampled frames are {what}")]


class HaarFaceDetector:
    """Frontal-face detector from OpenCV's bundled Haar cascade.

    Args:
        min_face_fraction: Ignore faces smaller than this fraction of the frame's short side.

    Raises:
        ImportError: if OpenCV is missing or ships no cascades (opencv 5.x); the message says
            which package to install.
    """

    def __init__(self, min_face_fraction: float = 0.2):
        try:
            import cv2
        except ImportError as e:
            raise ImportError(
                "Face checks need OpenCV: pip install 'opencv-python-headless<5' "
                "(5.x no longer ships the Haar cascades)."
            ) from e
        path = getattr(getattr(cv2, "data", None), "haarcascades", None)
        cascade = cv2.CascadeClassifier((path or "") + "haarcascade_frontalface_default.xml")
        if cascade.empty():
            raise ImportError(
                "OpenCV has no bundled Haar cascades (opencv 5.x dropped them); "
                "pip install 'opencv-python-headless<5'."
            )
        self._cv2 = cv2
        self._cascade = cascade
        self.min_face_fraction = min_face_fraction

    def count_faces(self, frames: np.ndarray) -> int:
        """Largest number of faces found in any one of the frames (uint8 (N, H, W, 3))."""
        cv2 = self._cv2
        best = 0
        for frame in frames:
            gray = cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY)
            side = max(1, int(self.min_face_fraction * min(gray.shape)))
            # The cascade's smallest window is 24 px; tiny frames are upscaled so a face filling
            # a 32x32 clip is still seen.
            if min(gray.shape) < 96:
                scale = 96 / min(gray.shape)
                gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
                side = int(side * scale)
            faces = self._cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(side, side))
            best = max(best, len(faces))
        return best

    def findings(self, frames: np.ndarray, policy: FramePolicy) -> tuple[list[Finding], list[str]]:
        """(findings, labels) for faces under the policy's `faces` setting."""
        if policy.faces == "allow":
            return [], []
        n = self.count_faces(frames)
        if n == 0:
            return [], []
        if policy.faces == "block":
            return [Finding(Category.LIKENESS, f"likeness: {n} face(s) detected and the policy blocks faces")], []
        return [], [f"faces: {n} detected"]


class NudeNetClassifier:
    """`FrameClassifier` over NudeNet's bundled ONNX detector (optional extra).

    NudeNet's wheel ships its `320n.onnx` model, so it works offline, but its licence is AGPL-3.0:
    it is never a dependency of sora-sdk. Install it yourself (`pip install nudenet`) if AGPL
    suits your deployment, then pass `frame_classifiers=[NudeNetClassifier()]` to `SafetyFilter`.

    Args:
        labels: NudeNet detection classes that count as sexual content.
    """

    EXPOSED = (
        "FEMALE_BREAST_EXPOSED", "FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED",
        "ANUS_EXPOSED", "BUTTOCKS_EXPOSED",
    )

    def __init__(self, labels: Sequence[str] = EXPOSED):
        try:
            from nudenet import NudeDetector
        except ImportError as e:
            raise ImportError(
                "NudeNetClassifier needs the optional nudenet package (AGPL-3.0): pip install nudenet. "
                "sora-sdk does not depend on it because of its licence."
            ) from e
        self._detector = NudeDetector()
        self.labels = set(labels)

    def classify(self, frames: np.ndarray) -> Mapping[str, float]:
        best = 0.0
        for frame in frames:
            bgr = np.ascontiguousarray(frame[..., ::-1])  # NudeNet reads OpenCV-style BGR arrays
            for det in self._detector.detect(bgr):
                if det.get("class") in self.labels:
                    best = max(best, float(det.get("score", 0.0)))
        return {Category.SEXUAL.value: best}
