"""GenerationRequest: one generation job, validated before any compute.

The schema checks what can be checked without a model (types, ranges, an empty prompt, NaN
guidance); ``VideoGenerator.check_inputs`` then checks what depends on the model (sizes on the
latent/patch grid, frame counts the compressor can represent, conditions that fit). Strict mode:
``num_frames="17"`` or ``height=64.5`` is an error, not a silent conversion.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sora_sdk.conditioning.condition import Condition

# Upper bounds that catch typos (an extra zero) long before they become an out-of-memory crash.
MAX_FRAMES = 1025
MAX_SIDE = 4096
MAX_STEPS = 1000
MAX_GUIDANCE = 100.0
# Sampling settings for requests that leave them unset, unless the model stores its own
# (``VideoGenerator.generation_defaults``, saved in model_index.json).
GENERATION_DEFAULTS: dict[str, Any] = {
    "num_inference_steps": 20,
    "guidance_scale": 4.0,
    "guidance_start": 0.0,
    "guidance_stop": 1.0,
}


def sampling_settings(generator: Any, num_inference_steps: int | None = None, guidance_scale: float | None = None) -> tuple[int, float]:
    """``(steps, guidance)`` with ``None`` replaced by ``generator.generation_defaults``.

    Works for any generator-like object; one without ``generation_defaults`` gets
    ``GENERATION_DEFAULTS``.
    """
    steps = generation_default(generator, "num_inference_steps") if num_inference_steps is None else num_inference_steps
    return int(steps), float(generation_default(generator, "guidance_scale") if guidance_scale is None else guidance_scale)


def generation_default(generator: Any, name: str) -> Any:
    """The generator's stored default for one sampling setting, else ``GENERATION_DEFAULTS``'s."""
    return {**GENERATION_DEFAULTS, **(getattr(generator, "generation_defaults", None) or {})}[name]


def guidance_interval_settings(generator: Any) -> dict[str, float]:
    """``guidance_start`` / ``guidance_stop`` that requests leaving them unset get, for a report's settings."""
    return {k: float(generation_default(generator, k)) for k in ("guidance_start", "guidance_stop")}


def describe_guidance(settings: dict[str, Any]) -> str:
    """``"guidance 4"``, plus the interval when it is not every step: a report headline's words."""
    interval = (settings.get("guidance_start", 0.0), settings.get("guidance_stop", 1.0))
    text = f"guidance {settings['guidance_scale']:g}"
    return text if interval == (0.0, 1.0) else text + f" on steps {interval[0]:g}-{interval[1]:g} of the way"


class GenerationRequest(BaseModel):
    """A text(+frames)-to-video request.

    Args:
        prompt: what to show; must contain non-space text.
        negative_prompt: what to steer away from (the unconditional branch of guidance).
        num_frames: frames to generate; 1 is text-to-image with the same model.
        height: output height in pixels.
        width: output width in pixels.
        fps: playback rate stored with the video.
        seed: seed of the initial noise; the same seed gives bit-identical frames on one machine.
            ``None`` draws a fresh seed (recorded in the video's metadata).
        num_inference_steps: Euler steps from noise to data. ``None`` (default): the model's own
            default (``VideoGenerator.generation_defaults``, stored with a saved model; 20 when
            the model stores none).
        guidance_scale: classifier-free guidance weight; 1 disables guidance (one batch half).
            ``None`` (default): the model's own default (4.0 when the model stores none).
        guidance_start, guidance_stop: the interval of denoising steps that use guidance, as
            fractions of ``num_inference_steps`` (diffusers' guiders' ``start``/``stop``): step
            ``i`` runs both branches when ``int(start * steps) <= i < int(stop * steps)`` and the
            conditional branch alone, at half the compute, otherwise. Guidance at the noisiest
            steps can hurt more than it helps (Kynkäänniemi et al. 2024, "Applying guidance in a
            limited interval"); the last steps refine detail it barely changes. ``None``
            (default): the model's own defaults (0.0 and 1.0, every step, when it stores none).
        conditions: frame conditions (image/video prompts).
        resize_conditions: what to do with a condition whose frames differ in size from the
            output: ``"error"`` (default: nothing is resized silently), ``"crop"`` (cover, then
            centre-crop) or ``"letterbox"`` (fit, then pad black). See ``sora_sdk.conditioning.resize``.
        enhance_prompt: expand the prompt with the generator's ``PromptEnhancer`` before encoding
            (both texts are recorded in the video's metadata).
    """

    model_config = ConfigDict(extra="forbid", strict=True, arbitrary_types_allowed=True, frozen=True)

    prompt: str
    negative_prompt: str = ""
    num_frames: int = Field(17, ge=1, le=MAX_FRAMES)
    height: int = Field(64, ge=1, le=MAX_SIDE)
    width: int = Field(64, ge=1, le=MAX_SIDE)
    fps: float = Field(8.0, gt=0, le=240)
    seed: int | None = Field(None, ge=0, lt=2**63)
    num_inference_steps: int | None = Field(None, ge=1, le=MAX_STEPS)
    guidance_scale: float | None = Field(None, ge=0, le=MAX_GUIDANCE)
    guidance_start: float | None = Field(None, ge=0, le=1)
    guidance_stop: float | None = Field(None, ge=0, le=1)
    conditions: list[Condition] = Field(default_factory=list)
    resize_conditions: Literal["error", "crop", "letterbox"] = "error"
    enhance_prompt: bool = False

    @field_validator("prompt")
    @classmethod
    def _prompt_not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("prompt is empty; describe the video to generate, e.g. 'a red circle moving right'.")
        return v

    @field_validator("fps", "guidance_scale", "guidance_start", "guidance_stop")
    @classmethod
    def _finite(cls, v: float | None, info) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError(f"{info.field_name} must be a finite number, got {v}.")
        return v

    @model_validator(mode="after")
    def _guidance_interval_in_order(self) -> "GenerationRequest":
        check_guidance_interval(self.guidance_start, self.guidance_stop)
        return self

    @field_validator("conditions", mode="before")
    @classmethod
    def _conditions_are_conditions(cls, v: Any) -> Any:
        if isinstance(v, Condition):
            raise ValueError("conditions must be a list of Condition; wrap the single condition in [ ].")
        return v


def check_guidance_interval(start: float | None, stop: float | None) -> None:
    """Raise if ``guidance_start`` comes after ``guidance_stop`` (both set)."""
    if start is not None and stop is not None and start > stop:
        raise ValueError(
            f"guidance_start={start} is after guidance_stop={stop}; guidance runs on the steps from "
            "start to stop (fractions of the steps), so start must be <= stop."
        )


def check_generation_defaults(defaults: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate stored sampling defaults with ``GenerationRequest``'s own rules; ``where`` names the source."""
    unknown = sorted(set(defaults) - set(GENERATION_DEFAULTS))
    if unknown:
        raise ValueError(f"{where} has unknown generation_defaults {unknown}; known: {sorted(GENERATION_DEFAULTS)}.")
    try:
        GenerationRequest(prompt="check", **defaults)
    except ValueError as e:  # pydantic's ValidationError is a ValueError
        raise ValueError(f"{where} has invalid generation_defaults {defaults}: {e}") from e
    return dict(defaults)
