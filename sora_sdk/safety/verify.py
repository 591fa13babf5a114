"""`verify_file`: is a file watermarked by our key, and does its C2PA manifest validate?

Backs `sora-sdk verify FILE [--json]` (the lead wires the CLI subcommand to `main`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

__all__ = ["verify_file", "main"]


def verify_file(path: str | os.PathLike, key: str | None = None) -> dict[str, Any]:
    """Report watermark and C2PA status of a saved video.

    Args:
        path: A video file (`.mp4`, `.webm`, `.gif`) or PNG folder readable by `Video.load`.
        key: Watermark key; defaults to the default policy's key.

    Returns:
        `{"path", "watermark_detected", "watermark_z", "watermark_threshold", "c2pa_present",
        "c2pa_valid", "c2pa_state", "digital_source_type", "errors"}`.
    """
    from sora_sdk.safety.policy import WatermarkPolicy
    from sora_sdk.safety.watermark import detect_watermark
    from sora_sdk.video import Video

    key = key or WatermarkPolicy().key
    wm = detect_watermark(Video.load(path), key)
    out: dict[str, Any] = {
        "path": str(path),
        "watermark_detected": wm.detected,
        "watermark_z": round(wm.z, 3),
        "watermark_threshold": wm.threshold,
    }
    try:
        from sora_sdk.safety.provenance import read_provenance

        out.update(read_provenance(path))
    except ImportError as e:
        out.update({"c2pa_present": None, "c2pa_valid": False, "c2pa_state": None,
                    "digital_source_type": None, "errors": [str(e)]})
    return out


def main(argv: list[str] | None = None) -> int:
    """`sora-sdk verify FILE [--json] [--key KEY]`; exit code 0 if both checks pass, else 1."""
    ap = argparse.ArgumentParser(prog="sora-sdk verify", description="Check a video's watermark and C2PA provenance.")
    ap.add_argument("file")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--key", default=None, help="watermark key (default: the default policy's key)")
    args = ap.parse_args(argv)
    r = verify_file(args.file, key=args.key)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"{r['path']}")
        print(f"  watermark: {'detected' if r['watermark_detected'] else 'not detected'} (z={r['watermark_z']}, threshold {r['watermark_threshold']})")
        print(f"  C2PA: {r['c2pa_state'] or 'no manifest'}" + (f" ({', '.join(r['errors'])})" if r["errors"] else ""))
        if r.get("digital_source_type"):
            print(f"  digital source type: {r['digital_source_type']}")
    return 0 if r["watermark_detected"] and r["c2pa_valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
