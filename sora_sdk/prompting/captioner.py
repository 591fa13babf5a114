"""Training-side recaptioning: a ``Captioner`` writes detailed captions for training videos.

* ``ShapesCaptioner`` writes exact detailed captions from the procedural generator's ground truth
  (no model needed: the dataset knows what it drew).
* ``recaption_folder`` runs any user-supplied captioner (e.g. a video-language model the user has
  locally) over a ``VideoFolder`` once and caches the result as a new ``captions.jsonl`` next to
  the original, keyed by file, so training can switch to it with ``captions_file=``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from tqdm.auto import tqdm

from sora_sdk.data.shapes_language import describe_detailed


@runtime_checkable
class Captioner(Protocol):
    """Anything that writes a caption for a dataset item (a dict with at least ``video``)."""

    def caption(self, item: dict[str, Any]) -> str: ...


class ShapesCaptioner:
    """Detailed captions from a ``Shapes`` item's ground-truth ``attributes`` and ``background``."""

    def caption(self, item: dict[str, Any]) -> str:
        if "attributes" not in item or "background" not in item:
            raise ValueError("ShapesCaptioner needs a Shapes item (with 'attributes' and 'background').")
        return describe_detailed(item["attributes"], item["background"])


def recaption_folder(dataset, captioner: Captioner, out_name: str = "captions.recaptioned.jsonl", progress: bool = True) -> Path:
    """Caption every video of a ``VideoFolder`` once and cache the captions next to the original.

    Already-captioned files in an existing cache are kept (the run resumes), so a long captioning
    job can be interrupted.

    Returns:
        The path of the cached captions file (same format as ``captions.jsonl``).
    """
    if not isinstance(captioner, Captioner):
        raise TypeError("captioner must have a caption(item) -> str method.")
    out = Path(dataset.root) / out_name
    cached: dict[str, str] = {}
    if out.is_file():
        for line in out.read_text().splitlines():
            if line.strip():
                rec = json.loads(line)
                cached[rec["file"]] = rec["caption"]
    with out.open("a") as f:
        for i in tqdm(range(len(dataset)), disable=not progress, desc="recaptioning"):
            item = dataset[i]
            key = item["path"]
            if key in cached:
                continue
            text = captioner.caption(item)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the captioner returned {text!r} for {key}; it must return non-empty text.")
            cached[key] = text
            f.write(json.dumps({"file": key, "caption": text}) + "\n")
    return out
