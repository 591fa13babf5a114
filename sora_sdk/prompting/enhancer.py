"""Prompt enhancement: expand a terse prompt into the detailed caption style a model was trained on.

DALL-E 3 and Sora recaption their training data with long, regular captions and then, at
inference, rewrite the user's short prompt into that style, so the model always sees the kind of
text it learned from. ``PromptEnhancer`` is that rewrite step:

* by default it is rule based for the shipped model's world (coloured shapes): it reads the
  objects a prompt asks for (colour, shape, size, motion, background, with synonyms) and writes
  them in the fixed format of ``sora_sdk.data.describe_detailed``;
* ``PromptEnhancer(llm=fn)`` plugs in any callable ``fn(prompt) -> str`` the user supplies (an
  LLM client, a template engine) instead of the rules.

Enhancement is applied only on request (``GenerationRequest.enhance_prompt``); the original and
the enhanced prompt are both recorded in the video's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sora_sdk.data.shapes_language import _DETAILED_MOTION
from sora_sdk.eval.attributes import parse_prompt_attributes

# Words users write for the Shapes backgrounds (canonical name -> phrasings).
_BACKGROUND_WORDS = {
    "black": ("black", "dark", "pitch black"),
    "dark grey": ("dark grey", "dark gray", "charcoal"),
    "navy": ("navy", "dark blue", "midnight blue"),
    "light grey": ("light grey", "light gray", "pale grey", "pale gray", "silver"),
}
_BACKGROUND_RE = re.compile(
    r"\b(" + "|".join(sorted((w for ws in _BACKGROUND_WORDS.values() for w in ws), key=len, reverse=True)) + r")\s+"
    r"(?:background|backdrop|canvas|field|screen)\b"
)
_BACKGROUND_OF = {w: name for name, ws in _BACKGROUND_WORDS.items() for w in ws}


class PromptEnhancer:
    """Rewrite prompts into the detailed caption style.

    Args:
        llm: optional ``fn(prompt) -> str`` used instead of the built-in rules (e.g. a call to an
            LLM the user runs); its output must be non-empty text.

    Example:
        >>> PromptEnhancer().enhance("tiny violet disc drifting rightwards")
        'A small purple circle moves from left to right.'
    """

    def __init__(self, llm: Callable[[str], str] | None = None):
        if llm is not None and not callable(llm):
            raise TypeError(f"llm must be a callable prompt -> str, got {type(llm).__name__}.")
        self.llm = llm

    def enhance(self, prompt: str) -> str:
        """The detailed version of ``prompt``; a prompt the rules cannot read is returned unchanged."""
        if not isinstance(prompt, str) or not prompt.strip():
            raise ValueError("prompt must be non-empty text.")
        if self.llm is not None:
            out = self.llm(prompt)
            if not isinstance(out, str) or not out.strip():
                raise ValueError(f"the llm hook returned {out!r} for {prompt!r}; it must return non-empty text.")
            return out.strip()
        return self._rules(prompt)

    def _rules(self, prompt: str) -> str:
        objects = parse_prompt_attributes(prompt)
        if not objects:
            return prompt  # nothing in the shapes vocabulary: leave the user's words alone
        parts = []
        for obj in objects:
            noun = " ".join(w for w in (obj.get("size"), obj.get("colour"), obj.get("shape") or "shape") if w)
            verb = _DETAILED_MOTION.get(obj.get("motion") or "", "")
            parts.append(f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}" + (f" {verb}" if verb else ""))
        body = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        m = _BACKGROUND_RE.search(prompt.lower())
        if m:
            background = _BACKGROUND_OF[m.group(1)]
            return f"On {'an' if background[0] in 'aeiou' else 'a'} {background} background, {body}."
        return body[0].upper() + body[1:] + "."
