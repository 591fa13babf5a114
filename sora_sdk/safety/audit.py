"""Audit log: one JSONL record per safety decision.

A record holds what an operator needs to answer "why was this blocked / let through?" without
holding user data by default: time, policy version, which check ran, the categories found, the
action, and a SHA-256 of the request. The raw prompt is written only if the policy says so
(`audit.log_prompt`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from sora_sdk.safety.decision import SafetyDecision

__all__ = ["AuditLog", "request_hash"]


def request_hash(payload: str | bytes) -> str:
    """SHA-256 hex digest of a request (a prompt, or the bytes of checked frames)."""
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    return hashlib.sha256(data).hexdigest()


class AuditLog:
    """Appends decision records to a JSONL file.

    Args:
        path: The JSONL file; parent folders are created. `None` keeps records in memory only
            (`records`), which tests and notebooks use.
        keep: How many recent records `records` keeps in memory (bounded so a long-running
            server does not grow without limit; the file keeps everything).
        log_prompt: Include the raw prompt in prompt-check records.
        policy_version: Written into every record.
    """

    def __init__(self, path: str | os.PathLike | None, *, log_prompt: bool, policy_version: str, keep: int = 1000):
        self.path = Path(path) if path is not None else None
        self.log_prompt = log_prompt
        self.policy_version = policy_version
        self.records: deque[dict[str, Any]] = deque(maxlen=keep)
        # One generator may be called from several threads (a web server); interleaved partial
        # lines would corrupt the JSONL.
        self._lock = threading.Lock()

    def record(self, check: str, decision: SafetyDecision, request: str | bytes, prompt: str | None = None) -> dict:
        """Write one record and return it.

        Args:
            check: Which check decided: `prompt`, `negative_prompt`, `condition`, `frames`.
            decision: The decision made.
            request: What was checked, hashed into `request_sha256`.
            prompt: The raw prompt, stored only when the policy allows it.
        """
        rec: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + f".{int(time.time() * 1000) % 1000:03d}Z",
            "policy_version": self.policy_version,
            "check": check,
            "action": decision.action,
            "categories": list(decision.categories),
            "reasons": list(decision.reasons),
            "labels": list(decision.labels),
            "request_sha256": request_hash(request),
        }
        if self.log_prompt and prompt is not None:
            rec["prompt"] = prompt
        with self._lock:
            self.records.append(rec)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return rec
