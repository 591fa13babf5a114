"""Prompt accuracy: does a generator draw what the prompt asks for?

`evaluate_prompt_accuracy` generates one video per prompt, reads colour, shape, size, motion and
object count back out of it with `analyze_video` (no learned judge), and scores the reading
against what the prompt asked for with `score_reading`. By default the prompts come from
`eval_prompts`, i.e. held-out phrasings that never appear in a training caption, so the number
measures whether the model learned the words' meaning, not the training sentences.

Every attribute is reported next to its chance level (a model that ignores the prompt and draws a
uniformly random object): a trained model should sit far above it, an untrained one near it.

`dominant_colour_accuracy` is a cruder check that gives a signal earlier in training: is the
colour covering the most pixels (background aside) the prompted one? It needs no clean object,
only the right paint.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from tqdm.auto import tqdm

from sora_sdk.data.shapes_language import COLOURS, MOTIONS, SHAPES, SIZES, eval_prompts
# `_background` and `_colour_coverage` are the analyzer's per-pixel colour model, shared so that
# "dominant colour" uses the same colour assignment as the full analysis, not a second one.
from sora_sdk.eval.attributes import (
    MIN_CONTRAST,
    VideoReading,
    _background,
    _colour_coverage,
    analyze_video,
    parse_prompt_attributes,
    score_reading,
)
from sora_sdk.pipeline.request import GenerationRequest, describe_guidance, guidance_interval_settings, sampling_settings
from sora_sdk.safety.decision import ContentBlocked
from sora_sdk.video import Video

__all__ = [
    "ATTRIBUTES",
    "CHANCE",
    "AttributeScore",
    "PromptResult",
    "PromptAccuracyReport",
    "evaluate_prompt_accuracy",
    "dominant_colour",
    "dominant_colour_accuracy",
]

# Report order. "count" is the number of objects; the others are per-object attributes.
ATTRIBUTES = ("colour", "shape", "size", "motion", "count")
# Accuracy of a generator that ignores the prompt and draws a uniform random single object.
# Count has no such number (it depends on how often the model draws one, two or zero objects).
CHANCE: dict[str, float | None] = {
    "colour": 1 / len(COLOURS),
    "shape": 1 / len(SHAPES),
    "size": 1 / len(SIZES),
    "motion": 1 / len(MOTIONS),
    "count": None,
    "dominant colour": 1 / len(COLOURS),
}
# Per-prompt seeds come from this stream of `seed`, so changing batch_size never changes a video
# (the generator draws each request's noise from its own seed).
_SEED_STREAM = 0x5EED


class BatchGenerator(Protocol):
    """Anything with `VideoGenerator.generate_batch` (the harness needs nothing else)."""

    def generate_batch(
        self, requests: list[GenerationRequest], *, progress: bool = ...
    ) -> list[Video]: ...


# ----------------------------------------------------------------------------------------------
# Dominant colour
# ----------------------------------------------------------------------------------------------


def dominant_colour(video: Video | np.ndarray) -> str | None:
    """The palette colour covering the most foreground pixels over the whole clip.

    Pixels are classified exactly as in `analyze_video` (nearest background -> colour segment,
    coverage >= 0.5, at least `MIN_CONTRAST` from the border-median background), but no object
    has to survive component, speck or persistence tests: a smeared blob of the right colour
    counts.

    Args:
        video: A `Video` or uint8 frames (T, H, W, 3).

    Returns:
        A name from `COLOURS`, or None when no pixel differs from the background.
    """
    frames = video.frames if isinstance(video, Video) else video
    if not isinstance(frames, np.ndarray) or frames.dtype != np.uint8 or frames.ndim != 4:
        raise ValueError(
            "dominant_colour expects a Video or uint8 frames (T, H, W, 3); for a float tensor in "
            "[-1, 1] pass Video.from_tensor(x, fps)."
        )
    bg = _background(frames)  # (T, 3)
    k, cov, contrast = _colour_coverage(frames, bg)  # (T, H, W) each
    fg = (cov >= 0.5) & (contrast >= MIN_CONTRAST)
    counts = np.bincount(k[fg], minlength=len(COLOURS))  # (K,) foreground pixels per colour
    return COLOURS[int(counts.argmax())] if counts.any() else None


def dominant_colour_accuracy(
    videos: Sequence[Video | np.ndarray],
    expected: Sequence[str | Sequence[Mapping[str, Any]]],
) -> float:
    """Fraction of videos whose dominant colour is a prompted one.

    Args:
        videos: Generated videos.
        expected: Per video, the prompted colour name, or the per-object attribute dicts (as from
            `eval_prompts` or `parse_prompt_attributes`); with two objects either colour counts.

    Returns:
        Accuracy in [0, 1]; chance is 1/6 for one-object prompts.
    """
    if len(videos) != len(expected):
        raise ValueError(
            f"got {len(videos)} videos but {len(expected)} expectations; pass one per video."
        )
    if not videos:
        raise ValueError("videos is empty; pass at least one video.")
    hits = [dominant_colour(v) in _colours(e) for v, e in zip(videos, expected)]
    return sum(hits) / len(hits)


def _colours(expected: str | Sequence[Mapping[str, Any]]) -> set[str]:
    if isinstance(expected, str):
        return {expected}
    return {o["colour"] for o in expected if o.get("colour") is not None}


# ----------------------------------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------------------------------


@dataclass
class AttributeScore:
    """Accuracy on one attribute.

    Attributes:
        hits: Prompts where the attribute was read back as asked.
        total: Prompts that ask for the attribute (a user prompt may not mention, e.g., size).
        chance: Accuracy of a prompt-ignoring random generator, or None if undefined.
    """

    hits: int
    total: int
    chance: float | None

    @property
    def accuracy(self) -> float:
        """hits / total; NaN when no prompt asks for the attribute."""
        return self.hits / self.total if self.total else float("nan")


@dataclass
class PromptResult:
    """One prompt's row.

    Attributes:
        prompt: The text sent to the generator.
        seed: Its noise seed (regenerate the video with `generate(prompt, seed=seed, ...)`).
        expected: Per-object attribute dicts the prompt asks for.
        read: What `analyze_video` saw: one dict per object (colour, shape, size, motion).
        count: Number of objects seen.
        dominant_colour: The colour covering most pixels, or None for a blank video.
        hits: Attribute -> correct, for every attribute the prompt asks for (plus "count").
        video: The generated video, kept only with `keep_videos=True`.
        blocked: The safety gate's reasons when it refused this prompt or its frames (no video;
            every attribute counts as a miss), else None.
    """

    prompt: str
    seed: int
    expected: list[dict[str, Any]]
    read: list[dict[str, str]]
    count: int
    dominant_colour: str | None
    hits: dict[str, bool]
    video: Video | None = field(default=None, repr=False)
    blocked: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready row (without the video)."""
        return {
            "prompt": self.prompt,
            "seed": self.seed,
            "expected": self.expected,
            "read": self.read,
            "count": self.count,
            "dominant_colour": self.dominant_colour,
            "hits": self.hits,
            "blocked": self.blocked,
        }


@dataclass
class PromptAccuracyReport:
    """Result of `evaluate_prompt_accuracy`.

    Attributes:
        scores: Attribute name (`ATTRIBUTES` plus "dominant colour") -> `AttributeScore`.
        rows: One `PromptResult` per prompt, in prompt order.
        settings: Generation settings (size, steps, guidance, seed, batch size).
        generation_seconds: Wall time spent inside `generate_batch`.
        analysis_seconds: Wall time spent reading the videos back.
        video_seconds: Total duration of the generated videos (frames / fps, summed).
    """

    scores: dict[str, AttributeScore]
    rows: list[PromptResult]
    settings: dict[str, Any]
    generation_seconds: float
    analysis_seconds: float
    video_seconds: float

    @property
    def accuracy(self) -> dict[str, float]:
        """Attribute -> accuracy in [0, 1]."""
        return {name: s.accuracy for name, s in self.scores.items()}

    @property
    def all_correct(self) -> float:
        """Fraction of prompts with every asked-for attribute and the count right."""
        return sum(all(r.hits.values()) for r in self.rows) / len(self.rows)

    @property
    def blocked(self) -> int:
        """Prompts the safety gate refused (each counted as a miss on every attribute)."""
        return sum(r.blocked is not None for r in self.rows)

    @property
    def video_seconds_per_second(self) -> float:
        """Seconds of video generated per second of wall time (1.0 = real time)."""
        if not self.generation_seconds:
            return float("inf")
        return self.video_seconds / self.generation_seconds

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary and rows."""
        return {
            "num_prompts": len(self.rows),
            "settings": dict(self.settings),
            "attributes": {
                name: {
                    "accuracy": s.accuracy if s.total else None,  # no prompt asked for it: not NaN, which JSON lacks
                    "hits": s.hits,
                    "total": s.total,
                    "chance": s.chance,
                }
                for name, s in self.scores.items()
            },
            "all_correct": self.all_correct,
            "blocked": self.blocked,
            "generation_seconds": self.generation_seconds,
            "analysis_seconds": self.analysis_seconds,
            "video_seconds": self.video_seconds,
            "video_seconds_per_second": self.video_seconds_per_second,
            "rows": [r.to_dict() for r in self.rows],
        }

    def _table(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for name, s in self.scores.items():
            acc = f"{100 * s.accuracy:.1f}%" if s.total else "n/a"
            chance = f"{100 * s.chance:.1f}%" if s.chance is not None else "-"
            rows.append((name, acc, f"{s.hits}/{s.total}", chance))
        n = len(self.rows)
        k = sum(all(r.hits.values()) for r in self.rows)
        rows.append(("all correct", f"{100 * self.all_correct:.1f}%", f"{k}/{n}", "-"))
        return rows

    def _headline(self) -> str:
        s = self.settings
        return (
            f"{len(self.rows)} prompts, {s['num_frames']}x{s['height']}x{s['width']}, "
            f"{s['num_inference_steps']} steps, {describe_guidance(s)}; generated in "
            f"{self.generation_seconds:.1f} s "
            f"({self.video_seconds_per_second:.2f} s of video per s)"
            + (f"; **{self.blocked} blocked by the safety gate**, counted as misses" if self.blocked else "")
        )

    def to_markdown(self, per_prompt: bool = False) -> str:
        """A Markdown table of accuracy per attribute against chance.

        Args:
            per_prompt: Also append a table with one row per prompt.
        """
        lines = [
            f"**Prompt accuracy**: {self._headline()}",
            "",
            "| attribute | accuracy | correct | chance |",
            "| --- | ---: | ---: | ---: |",
        ]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self._table()]
        if per_prompt:
            lines += [
                "",
                "| prompt | seed | expected | read | misses |",
                "| --- | ---: | --- | --- | --- |",
            ]
            for r in self.rows:
                misses = ", ".join(k for k, ok in r.hits.items() if not ok) or "-"
                prompt = r.prompt.replace("|", "\\|")
                read = "blocked: " + "; ".join(r.blocked).replace("|", "\\|") if r.blocked is not None else _describe(r.read)
                lines.append(f"| {prompt} | {r.seed} | {_describe(r.expected)} | {read} | {misses} |")
        return "\n".join(lines)

    def __str__(self) -> str:
        table = [("attribute", "accuracy", "correct", "chance"), *self._table()]
        widths = [max(len(row[i]) for row in table) for i in range(4)]
        lines = [f"Prompt accuracy: {self._headline()}"]
        for i, row in enumerate(table):
            # Name left-aligned, numbers right-aligned so the decimal points line up.
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
            lines.append("  " + "  ".join(cells))
            if i == 0:
                lines.append("  " + "  ".join("-" * w for w in widths))
        return "\n".join(lines)


def _describe(objects: Sequence[Mapping[str, Any]]) -> str:
    """'small red circle moving right' per object, '; '-joined; '(nothing)' for none."""
    parts = []
    for o in objects:
        words = [o.get("size"), o.get("colour"), o.get("shape")]
        text = " ".join(w for w in words if w) or "object"
        if o.get("motion"):
            text += " static" if o["motion"] == "static" else f" moving {o['motion']}"
        parts.append(text)
    return "; ".join(parts) or "(nothing)"


# ----------------------------------------------------------------------------------------------
# Evaluation
# ----------------------------------------------------------------------------------------------


def _resolve_prompts(
    prompts: Sequence[str | tuple[str, Sequence[Mapping[str, Any]]]] | None, n: int, seed: int
) -> list[tuple[str, list[dict[str, Any]]]]:
    """(prompt, expected objects) pairs from the user's list, or held-out eval prompts."""
    if prompts is None:
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}.")
        return [(p, [dict(o) for o in objs]) for p, objs in eval_prompts(n, seed)]
    if isinstance(prompts, str):
        raise ValueError("prompts must be a list of strings; wrap the single prompt in [ ].")
    if not prompts:
        raise ValueError("prompts is empty; pass at least one prompt, or None for eval_prompts.")
    out = []
    for i, item in enumerate(prompts):
        if isinstance(item, str):
            text, objects = item, parse_prompt_attributes(item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            text, objects = item
        else:
            raise ValueError(
                f"prompts[{i}] must be a str or a (prompt, [attribute dicts]) pair, got {item!r}."
            )
        if not objects or all(o.get("colour") is None for o in objects):
            # Objects are matched by colour; without one nothing can be scored.
            raise ValueError(
                f"prompts[{i}] = {text!r} names no colour from the Shapes vocabulary "
                f"({', '.join(COLOURS)}), so its video cannot be scored; add one, e.g. "
                "'a red circle moving left'."
            )
        out.append((text, [dict(o) for o in objects]))
    return out


def evaluate_prompt_accuracy(
    generator: BatchGenerator,
    prompts: Sequence[str | tuple[str, Sequence[Mapping[str, Any]]]] | None = None,
    n: int = 60,
    seed: int = 0,
    batch_size: int = 8,
    num_frames: int = 17,
    height: int = 64,
    width: int = 64,
    num_inference_steps: int | None = None,
    guidance_scale: float | None = None,
    fps: float = 8.0,
    progress: bool = True,
    keep_videos: bool = False,
    enhance_prompt: bool = False,
) -> PromptAccuracyReport:
    """Generate one video per prompt and measure how often each attribute comes out as asked.

    Args:
        generator: A `VideoGenerator` (or anything with its `generate_batch`).
        prompts: Strings (their attributes are read with `parse_prompt_attributes`) or
            `(prompt, [attribute dicts])` pairs; None uses `eval_prompts(n, seed)`, held-out
            phrasings of random single objects.
        n: Number of eval prompts when `prompts` is None.
        seed: Seeds both the eval prompts and the per-prompt noise seeds; the same seed gives
            the same report for the same model, whatever `batch_size`.
        batch_size: Prompts per `generate_batch` call (memory vs throughput).
        num_frames, height, width: Video size; must suit the model (see `check_inputs`).
        num_inference_steps: Denoising steps (default: the generator's `generation_defaults`).
        guidance_scale: Classifier-free guidance weight (default: the generator's `generation_defaults`).
        fps: Frame rate stored with each video; sets the seconds-of-video throughput figure.
        progress: Show a progress bar over prompts.
        keep_videos: Keep each video on its `PromptResult` (e.g. to save samples).

        enhance_prompt: Rewrite each prompt with the generator's `PromptEnhancer` first (the
            requests' `enhance_prompt`). The default rule-based enhancer reads prompts with the
            same vocabulary as the analyzer, so this measures the model on training-style
            captions rather than on held-out phrasings: report it beside the plain figure,
            never instead of it.
    Returns:
        A `PromptAccuracyReport`; `print(report)` shows accuracy per attribute against chance.
    """
    num_inference_steps, guidance_scale = sampling_settings(generator, num_inference_steps, guidance_scale)
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}.")
    if not hasattr(generator, "generate_batch"):
        raise TypeError(
            f"generator must have generate_batch (a VideoGenerator), got "
            f"{type(generator).__name__}; load one with VideoGenerator.from_pretrained(...)."
        )
    items = _resolve_prompts(prompts, n, seed)
    seeds = np.random.default_rng([seed, _SEED_STREAM]).integers(0, 2**31, len(items)).tolist()
    # Built up front so a bad size fails before any compute.
    requests = [
        GenerationRequest(
            prompt=text,
            seed=int(s),
            num_frames=num_frames,
            height=height,
            width=width,
            fps=float(fps),
            num_inference_steps=num_inference_steps,
            guidance_scale=float(guidance_scale),
            enhance_prompt=enhance_prompt,
        )
        for (text, _), s in zip(items, seeds)
    ]

    rows: list[PromptResult] = []
    gen_seconds = analysis_seconds = video_seconds = 0.0
    bar = tqdm(total=len(requests), disable=not progress, desc="prompt accuracy", unit="prompt")
    with bar:
        for start in range(0, len(requests), batch_size):
            batch = requests[start : start + batch_size]
            t0 = time.perf_counter()
            # The generator's own per-step bar is off: one bar over prompts reads better.
            videos = _generate_or_blocked(generator, batch)
            gen_seconds += time.perf_counter() - t0
            if len(videos) != len(batch):
                raise RuntimeError(
                    f"generate_batch returned {len(videos)} videos for {len(batch)} requests."
                )
            t0 = time.perf_counter()
            expected = [objs for _, objs in items[start : start + batch_size]]
            for request, video, objs in zip(batch, videos, expected):
                if isinstance(video, ContentBlocked):
                    rows.append(_blocked_row(request, objs, video))
                    continue
                rows.append(_row(request, video, objs, analyze_video(video), keep_videos))
                video_seconds += video.num_frames / video.fps
            analysis_seconds += time.perf_counter() - t0
            bar.update(len(batch))

    scores = {}
    for name in ATTRIBUTES:
        asked = [r.hits[name] for r in rows if name in r.hits]
        scores[name] = AttributeScore(sum(asked), len(asked), CHANCE[name])
    dominant = [r.dominant_colour in _colours(r.expected) for r in rows]
    scores["dominant colour"] = AttributeScore(
        sum(dominant), len(dominant), CHANCE["dominant colour"]
    )
    settings = {
        "num_frames": num_frames,
        "height": height,
        "width": width,
        "fps": float(fps),
        "num_inference_steps": num_inference_steps,
        "guidance_scale": float(guidance_scale),
        **guidance_interval_settings(generator),
        "seed": seed,
        "batch_size": batch_size,
        "prompts": "eval_prompts" if prompts is None else "user",
        "enhance_prompt": enhance_prompt,
    }
    return PromptAccuracyReport(
        scores=scores,
        rows=rows,
        settings=settings,
        generation_seconds=gen_seconds,
        analysis_seconds=analysis_seconds,
        video_seconds=video_seconds,
    )


def _generate_or_blocked(generator: BatchGenerator, batch: list[GenerationRequest]) -> list[Video | ContentBlocked]:
    """The batch's videos; if the safety gate refuses one request, each request again on its own
    (a seed gives the same video whatever the batch), with `ContentBlocked` for the refused ones."""
    try:
        return generator.generate_batch(batch, progress=False)
    except ContentBlocked:
        if len(batch) == 1:
            raise
    out: list[Video | ContentBlocked] = []
    for request in batch:
        try:
            out += generator.generate_batch([request], progress=False)
        except ContentBlocked as blocked:
            out.append(blocked)
    return out


def _blocked_row(request: GenerationRequest, expected: list[dict[str, Any]], blocked: ContentBlocked) -> PromptResult:
    hits = score_reading(VideoReading(objects=[], count=0, background=(0, 0, 0)), expected)  # nothing drawn
    return PromptResult(prompt=request.prompt, seed=int(request.seed), expected=expected, read=[], count=0,
                        dominant_colour=None, hits=hits, blocked=list(blocked.reasons) or list(blocked.categories))


def _row(
    request: GenerationRequest,
    video: Video,
    expected: list[dict[str, Any]],
    reading: VideoReading,
    keep_video: bool,
) -> PromptResult:
    return PromptResult(
        prompt=request.prompt,
        seed=int(request.seed),
        expected=expected,
        read=[
            {"colour": o.colour, "shape": o.shape, "size": o.size, "motion": o.motion}
            for o in reading.objects
        ],
        count=reading.count,
        dominant_colour=dominant_colour(video),
        hits=score_reading(reading, expected),
        video=video if keep_video else None,
    )
