import json

import numpy as np
import pytest

from sora_sdk.safety import ContentBlocked, SafetyFilter, SafetyPolicy
from sora_sdk.video import Video


def _gate(tmp_path, log_prompt=False):
    policy = SafetyPolicy(version="t-7", frames={"faces": "allow"}, audit={"path": str(tmp_path / "audit.jsonl"), "log_prompt": log_prompt})
    return SafetyFilter.from_policy(policy)


def test_one_audit_record_per_decision_without_the_prompt(tmp_path):
    gate = _gate(tmp_path)
    gate.check_prompt("a red circle moving right")
    gate.check_prompt("a pipe bomb exploding")
    lines = [json.loads(l) for l in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert [r["action"] for r in lines] == ["allow", "block"]
    assert lines[1]["categories"] == ["weapons"] and lines[1]["policy_version"] == "t-7"
    assert len(lines[1]["request_sha256"]) == 64 and lines[0]["request_sha256"] != lines[1]["request_sha256"]
    assert all("prompt" not in r for r in lines)
    assert set(lines[0]) >= {"time", "policy_version", "check", "action", "categories", "request_sha256"}


def test_prompt_logged_only_when_policy_says_so(tmp_path):
    _gate(tmp_path, log_prompt=True).check_prompt("a blue square")
    assert json.loads((tmp_path / "audit.jsonl").read_text())["prompt"] == "a blue square"


def test_release_blocks_degenerate_output_and_marks_good_output(tmp_path, shapes_video):
    gate = _gate(tmp_path)
    with pytest.raises(ContentBlocked) as e:
        gate.release(Video(frames=np.zeros((4, 32, 32, 3), np.uint8), fps=8.0))
    assert e.value.categories == ("degenerate",)
    out = gate.release(shapes_video)
    assert out.metadata["ai_generated"] and out.metadata["safety_policy"] == "t-7"
    assert out.metadata["prompt"] == shapes_video.metadata["prompt"]
    assert not np.array_equal(out.frames, shapes_video.frames)
    checks = [json.loads(l)["check"] for l in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert checks == ["frames", "frames"]


def test_blocked_save_leaves_no_file(tmp_path):
    gate = _gate(tmp_path)
    target = tmp_path / "out.mp4"
    with pytest.raises(ContentBlocked):
        gate.save(gate.release(Video(frames=np.full((4, 32, 32, 3), 90, np.uint8), fps=8.0)), target)
    assert not target.exists()


def test_condition_frames_are_checked_and_audited_as_conditions(tmp_path):
    gate = _gate(tmp_path)
    d = gate.check_frames(np.zeros((32, 32, 3), np.uint8), check="condition")
    assert not d.allowed
    assert json.loads((tmp_path / "audit.jsonl").read_text())["check"] == "condition"
