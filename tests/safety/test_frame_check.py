import numpy as np
import pytest

from sora_sdk.safety import SafetyFilter, SafetyPolicy
from sora_sdk.safety.frame_check import HaarFaceDetector, degenerate_findings, sample_frame_indices
from sora_sdk.safety.policy import FramePolicy
from sora_sdk.video import Video


def test_sampling_includes_ends_and_never_repeats():
    idx = sample_frame_indices(33, 8)
    assert idx[0] == 0 and idx[-1] == 32 and len(set(idx)) == len(idx) == 8
    assert list(sample_frame_indices(3, 8)) == [0, 1, 2]


@pytest.mark.parametrize("colour", [(0, 0, 0), (200, 10, 30)])
def test_one_colour_frames_are_degenerate(colour):
    frames = np.broadcast_to(np.array(colour, np.uint8), (4, 32, 32, 3)).copy()
    (f,) = degenerate_findings(frames, FramePolicy())
    assert f.category.value == "degenerate"
    assert ("all black" in f.reason) == (colour == (0, 0, 0))


def test_real_content_is_not_degenerate(shapes_video):
    assert degenerate_findings(shapes_video.frames, FramePolicy()) == []


def test_haar_cascade_ships_and_sees_no_face_in_shapes(shapes_video):
    assert HaarFaceDetector().count_faces(shapes_video.frames[:4]) == 0


class _OneFace:
    """Stand-in detector: the real cascade needs a photo of a face, which tests do not ship."""

    def findings(self, frames, policy):
        return HaarFaceDetector.findings(self, frames, policy)

    def count_faces(self, frames):
        return 1


@pytest.mark.parametrize(("faces", "allowed", "labelled"), [("block", False, False), ("label", True, True), ("allow", True, False)])
def test_faces_follow_the_likeness_policy(shapes_video, faces, allowed, labelled):
    gate = SafetyFilter.from_policy(SafetyPolicy(frames={"faces": faces}), face_detector=_OneFace())
    d = gate.check_frames(shapes_video)
    assert d.allowed is allowed
    assert bool(d.labels) is labelled
    assert ("likeness" in d.categories) is (not allowed)


class _NudityScore:
    def __init__(self, p):
        self.p = p
        self.seen = None

    def classify(self, frames):
        self.seen = frames.shape
        return {"sexual": self.p}


def test_frame_classifier_sees_sampled_frames_and_blocks(shapes_video):
    clf = _NudityScore(0.8)
    gate = SafetyFilter.from_policy(SafetyPolicy(frames={"faces": "allow", "sample_frames": 4}), frame_classifiers=[clf])
    d = gate.check_frames(shapes_video)
    assert not d.allowed and d.categories == ("sexual",)
    assert clf.seen == (4, 64, 64, 3)
    assert SafetyFilter.from_policy(SafetyPolicy(frames={"faces": "allow"}), frame_classifiers=[_NudityScore(0.2)]).check_frames(shapes_video).allowed


def test_check_frames_rejects_float_frames_with_the_fix():
    gate = SafetyFilter.from_policy(SafetyPolicy(frames={"faces": "allow"}))
    with pytest.raises(ValueError, match="Video.from_tensor"):
        gate.check_frames(np.zeros((2, 8, 8, 3), np.float32))


def test_nudenet_is_optional_and_says_how_to_install():
    pytest.importorskip("cv2")
    try:
        import nudenet  # noqa: F401
    except ImportError:
        from sora_sdk.safety.frame_check import NudeNetClassifier

        with pytest.raises(ImportError, match="pip install nudenet"):
            NudeNetClassifier()
