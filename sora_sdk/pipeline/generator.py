"""VideoGenerator: the pipeline users call (text and frame prompts -> Video)."""

from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from diffusers import FlowMatchEulerDiscreteScheduler
from diffusers.utils import logging as diffusers_logging
from tqdm.auto import tqdm

from sora_sdk.conditioning.condition import Condition, check_conditions, encode_conditions
from sora_sdk.conditioning.resize import resize_frames
from sora_sdk.device import default_compute_dtype
from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.models.dit import SpacetimeDiT
from sora_sdk.models.text_encoder import MiniLMTextEncoder, TextEmbedding, TextEncoder, load_text_encoder
from sora_sdk.pipeline.frame_prompts import FramePromptsMixin
from sora_sdk.pipeline.presets import GENERATOR_PRESETS, shipped_models
from sora_sdk.pipeline.request import (
    GENERATION_DEFAULTS,
    GenerationRequest,
    check_generation_defaults,
    check_guidance_interval,
    sampling_settings,
)
from sora_sdk.prompting.enhancer import PromptEnhancer
from sora_sdk.safety import SafetyFilter
from sora_sdk.sampling.flow import resolution_shift, to_velocity
from sora_sdk.video import Video

MODEL_INDEX = "model_index.json"
COMPONENTS = ("compressor", "transformer", "text_encoder", "scheduler")


@dataclass(repr=False)
class ReleasedVideo(Video):
    """A ``Video`` that passed the safety gate; ``save`` goes through the gate (C2PA on mp4)."""

    gate: SafetyFilter | None = field(default=None, compare=False)

    def save(self, path) -> Path:
        return self.gate.save(Video(self.frames, self.fps, self.metadata), path)


class VideoGenerator(FramePromptsMixin):
    """Text/frame-prompted video generation: compressor + spacetime DiT + flow-matching sampler.

    Image and video prompts (``image_to_video``, ``extend``, ``transition``, ``loop``, ``edit``)
    come from ``FramePromptsMixin``; all of them are ``generate`` calls with ``Condition`` lists.

    Build one with ``from_pretrained`` (a saved folder or a shipped model name), or
    ``from_preset`` (an untrained model of a preset size, for tests and training from scratch).

    Args:
        compressor: the causal video VAE.
        transformer: the denoiser.
        text_encoder: any ``TextEncoder``.
        scheduler: a diffusers ``FlowMatchEulerDiscreteScheduler``; its ``shift`` is the base shift,
            scaled per request by the token count (``resolution_shift``).
        safety_filter: the gate every prompt, condition and output passes (default: the
            ``default`` policy). It can be replaced by another ``SafetyFilter``, never removed.

    Attributes:
        generation_defaults: ``num_inference_steps``, ``guidance_scale``, ``guidance_start`` and
            ``guidance_stop`` for requests that leave them ``None``. A saved model stores them in
            ``model_index.json``; a shipped model's are the ones its evaluation chose
            (docs/default-model.md).
    """

    def __init__(
        self,
        compressor: VideoCompressor,
        transformer: SpacetimeDiT,
        text_encoder: TextEncoder,
        scheduler: FlowMatchEulerDiscreteScheduler | None = None,
        safety_filter: SafetyFilter | None = None,
    ):
        if transformer.config.in_channels != compressor.config.latent_channels:
            raise ValueError(
                f"transformer.in_channels={transformer.config.in_channels} does not match the "
                f"compressor's latent_channels={compressor.config.latent_channels}."
            )
        if transformer.config.text_dim != text_encoder.hidden_size:
            raise ValueError(
                f"transformer.text_dim={transformer.config.text_dim} does not match the text "
                f"encoder's hidden_size={text_encoder.hidden_size}."
            )
        self.compressor = compressor.eval().requires_grad_(False)
        self.transformer = transformer.eval().requires_grad_(False)
        self.text_encoder = text_encoder
        self.scheduler = scheduler or FlowMatchEulerDiscreteScheduler(shift=1.0)
        self.safety_filter = safety_filter or SafetyFilter.from_preset("default")
        self.prompt_enhancer = PromptEnhancer()  # replace with PromptEnhancer(llm=...) to plug in an LLM
        self.device = next(transformer.parameters()).device
        self.dtype = default_compute_dtype(self.device)
        # Words of the training captions, when the model was trained on a closed vocabulary
        # (the shipped Shapes models); None = open vocabulary, nothing to warn about.
        self.vocabulary: frozenset[str] | None = None
        # What a request that leaves num_inference_steps / guidance_scale as None gets: chosen
        # per model by its evaluation and stored in model_index.json ("generation_defaults").
        self.generation_defaults: dict[str, Any] = dict(GENERATION_DEFAULTS)

    @property
    def safety_filter(self) -> SafetyFilter:
        """The safety gate. Operators change the policy by assigning another ``SafetyFilter``."""
        return self._safety_filter

    @safety_filter.setter
    def safety_filter(self, value: SafetyFilter) -> None:
        if not isinstance(value, SafetyFilter):
            raise TypeError(
                "safety_filter must be a SafetyFilter; the gate cannot be removed. To change what it "
                "blocks, pass SafetyFilter.from_preset(...) or SafetyFilter.from_policy(policy)."
            )
        self._safety_filter = value

    # ------------------------------------------------------------------ construction and I/O
    @classmethod
    def from_preset(cls, name: str = "tiny", seed: int = 0, text_encoder: TextEncoder | None = None) -> "VideoGenerator":
        """An untrained generator of a preset size ("tiny", "small", "base", "large")."""
        if name not in GENERATOR_PRESETS:
            raise ValueError(f"unknown preset {name!r}; known presets: {sorted(GENERATOR_PRESETS)}.")
        preset = GENERATOR_PRESETS[name]
        text_encoder = text_encoder or MiniLMTextEncoder()
        torch.manual_seed(seed)
        compressor = VideoCompressor(**preset["compressor"])
        transformer = SpacetimeDiT(
            in_channels=compressor.config.latent_channels, text_dim=text_encoder.hidden_size, **preset["transformer"]
        )
        return cls(compressor, transformer, text_encoder)

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path, device: str | torch.device | None = None) -> "VideoGenerator":
        """Load a saved generator folder, or a model shipped in the package by name (e.g. "default")."""
        path = Path(name_or_path)
        shipped = shipped_models()
        if not (path / MODEL_INDEX).is_file():
            if str(name_or_path) in shipped:
                path = shipped[str(name_or_path)]
            elif path.exists():
                raise ValueError(
                    f"{path} is not a sora-sdk model folder: it has no {MODEL_INDEX}. Save one with "
                    "VideoGenerator.save_pretrained(path)."
                )
            else:
                raise ValueError(
                    f"no model folder at {str(name_or_path)!r} and no shipped model of that name; "
                    f"shipped models: {sorted(shipped) or 'none'}."
                )
        try:
            index = json.loads((path / MODEL_INDEX).read_text())
        except json.JSONDecodeError as e:
            raise ValueError(f"{path / MODEL_INDEX} is corrupt ({e}); re-save the model.") from e
        missing = [c for c in COMPONENTS if not (path / c).is_dir()]
        if missing:
            raise ValueError(f"{path} is missing component folder(s) {missing}; re-save the model.")
        try:
            compressor = VideoCompressor.from_pretrained(path / "compressor", low_cpu_mem_usage=False)
            transformer = SpacetimeDiT.from_pretrained(path / "transformer", low_cpu_mem_usage=False)
            scheduler = FlowMatchEulerDiscreteScheduler.from_pretrained(path / "scheduler")
            text_encoder = load_text_encoder(json.loads((path / "text_encoder" / "config.json").read_text()))
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            raise ValueError(f"could not load the model at {path}: {e}") from e
        gen = cls(compressor, transformer, text_encoder, scheduler)
        gen.name = index.get("name", path.name)
        if index.get("vocabulary") is not None:
            gen.vocabulary = frozenset(index["vocabulary"])
        gen.generation_defaults.update(check_generation_defaults(index.get("generation_defaults") or {}, str(path / MODEL_INDEX)))
        return gen.to(device) if device is not None else gen

    def save_pretrained(
        self,
        path: str | Path,
        name: str | None = None,
        weights_dtype: torch.dtype | None = None,
        max_shard_size: str = "20MB",
    ) -> Path:
        """Write a diffusers-style folder: model_index.json + one subfolder per component (safetensors).

        ``weights_dtype=torch.bfloat16`` stores the weights at half the size (how the shipped models
        are saved); loading upcasts them to fp32 and computation runs under autocast as usual.
        Weight files larger than ``max_shard_size`` are split into shards plus an index (diffusers'
        format), which keeps every file small enough for git.
        """
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for component in ("compressor", "transformer"):
            module = getattr(self, component)
            # Below ERROR, diffusers warns that `.to(dtype)` casts "directly"; saving is all we do here.
            level = diffusers_logging.get_verbosity()
            diffusers_logging.set_verbosity_error()
            try:
                if weights_dtype is not None:
                    module = copy.deepcopy(module).to(weights_dtype)
                module.save_pretrained(path / component, safe_serialization=True, max_shard_size=max_shard_size)
            finally:
                diffusers_logging.set_verbosity(level)
        self.scheduler.save_pretrained(path / "scheduler")
        (path / "text_encoder").mkdir(exist_ok=True)
        (path / "text_encoder" / "config.json").write_text(json.dumps(self.text_encoder.config(), indent=2))
        index = {
            "_class_name": "VideoGenerator",
            "_sora_sdk_version": _version(),
            "name": name or getattr(self, "name", path.name),
            "compressor": ["sora_sdk", "VideoCompressor"],
            "transformer": ["sora_sdk", "SpacetimeDiT"],
            "text_encoder": ["sora_sdk", type(self.text_encoder).__name__],
            "scheduler": ["diffusers", type(self.scheduler).__name__],
        }
        if self.vocabulary is not None:
            index["vocabulary"] = sorted(self.vocabulary)
        index["generation_defaults"] = dict(self.generation_defaults)
        (path / MODEL_INDEX).write_text(json.dumps(index, indent=2))
        return path

    def to(self, device: str | torch.device | None = None, dtype: torch.dtype | None = None) -> "VideoGenerator":
        """Move the models to ``device`` and set the compute dtype (bf16 autocast by default where fast).

        Weights stay fp32; ``dtype`` is the autocast dtype (``torch.float32`` disables autocast).
        """
        if device is not None:
            self.device = torch.device(device)
            self.compressor.to(self.device)
            self.transformer.to(self.device)
            if hasattr(self.text_encoder, "to"):
                self.text_encoder.to(self.device)
        self.dtype = dtype if dtype is not None else default_compute_dtype(self.device)
        return self

    def unknown_words(self, prompt: str) -> list[str]:
        """Words of ``prompt`` the model never saw in a training caption (empty if its vocabulary is open).

        The model still generates for such prompts; the words are just unlikely to be followed.
        """
        if self.vocabulary is None:
            return []
        from sora_sdk.data.shapes_language import prompt_words

        return list(dict.fromkeys(w for w in prompt_words(prompt) if w not in self.vocabulary))

    # ------------------------------------------------------------------ validation
    def check_inputs(self, request: GenerationRequest) -> None:
        """Model-dependent checks: the size must be on the latent and patch grid."""
        self.compressor.check_video_size(request.num_frames, request.height, request.width)
        _, t, h, w = self.compressor.latent_shape(request.num_frames, request.height, request.width)
        pt, ph, pw = self.transformer.config.patch_size
        fs, ft = self.compressor.spatial_factor, self.compressor.temporal_factor
        for name, v, p, f in (("height", request.height, ph, fs), ("width", request.width, pw, fs)):
            if (v // f) % p:
                step = f * p
                raise ValueError(f"{name}={v} must be a multiple of {step} for this model (compressor {f}x x patch {p}).")
        if t % pt:
            raise ValueError(
                f"num_frames={request.num_frames} gives {t} latent frames, not a multiple of the DiT's "
                f"temporal patch {pt}; use 1 + {ft}*k frames with (1+k) % {pt} == 0."
            )
        check_conditions(request.conditions, request.num_frames, request.height, request.width, request.resize_conditions)
        # A stored default may pair with a request's own value (model_copy does not re-validate).
        check_guidance_interval(request.guidance_start, request.guidance_stop)

    # ------------------------------------------------------------------ generation
    def generate(
        self,
        prompt: str | GenerationRequest,
        *,
        progress: bool = True,
        callback_on_step_end: Callable[["VideoGenerator", int, torch.Tensor, dict], dict | None] | None = None,
        frame_conditions: torch.Tensor | None = None,
        **fields: Any,
    ) -> Video:
        """Generate one video.

        Args:
            prompt: the text prompt, or a complete ``GenerationRequest`` (then no other fields).
            progress: show a progress bar over denoising steps.
            callback_on_step_end: ``fn(generator, step, timestep, {"latents": ...})`` after each
                step; may return ``{"latents": new}`` to replace them.
            frame_conditions: (T_latent, frame_cond_dim) per-frame vectors (e.g. actions) for models
                trained with them.
            **fields: any ``GenerationRequest`` field (num_frames, height, width, fps, seed,
                num_inference_steps, guidance_scale, guidance_start, guidance_stop, negative_prompt,
                conditions).

        Returns:
            The ``Video`` (uint8 frames, fps, metadata with prompt, seed and settings).
        """
        request = self._as_request(prompt, fields)
        fc = None if frame_conditions is None else frame_conditions[None]
        return self.generate_batch([request], progress=progress, callback_on_step_end=callback_on_step_end, frame_conditions=fc)[0]

    @torch.no_grad()
    def generate_batch(
        self,
        requests: list[GenerationRequest],
        *,
        progress: bool = True,
        callback_on_step_end: Callable | None = None,
        frame_conditions: torch.Tensor | None = None,
    ) -> list[Video]:
        """Generate several videos of the same size/steps/guidance in one batch (higher throughput)."""
        # 1. Check inputs (all before any compute).
        if not requests:
            raise ValueError("requests is empty; pass at least one GenerationRequest.")
        requests = [self._with_resized_conditions(self.resolve_defaults(self._as_request(r, {}))) for r in requests]
        first = requests[0]
        for r in requests:
            self.check_inputs(r)
            for f in ("num_frames", "height", "width", "num_inference_steps", "guidance_scale", "guidance_start", "guidance_stop"):
                if getattr(r, f) != getattr(first, f):
                    raise ValueError(f"all requests in a batch must share {f}; got {getattr(r, f)} and {getattr(first, f)}.")
        # Safety gate, before any compute: prompts, what negative prompts steer towards, condition frames.
        gate = self.safety_filter
        for r in requests:
            gate.check_prompt(r.prompt).raise_if_blocked()
            if r.negative_prompt.strip():
                gate.check_negative_prompt(r.negative_prompt, r.prompt).raise_if_blocked()
                if r.guidance_scale < 1:  # (1 - scale) of the negative prompt is asked for
                    gate.check_prompt(r.negative_prompt).raise_if_blocked()
            for cond in r.conditions:
                gate.check_frames(cond.frames, check="condition").raise_if_blocked()
        requests = [r if r.seed is not None else r.model_copy(update={"seed": random.randrange(2**31)}) for r in requests]
        b, device = len(requests), self.device
        c, t, h, w = self.compressor.latent_shape(first.num_frames, first.height, first.width)
        use_cfg = first.guidance_scale != 1.0

        # 2. Encode the prompts (cond, then uncond/negative for guidance). Outside autocast: the
        # encoder caches per prompt, and a cached embedding must not depend on the calling context.
        prompts = [self.prompt_enhancer.enhance(r.prompt) if r.enhance_prompt else r.prompt for r in requests]
        texts = prompts + ([r.negative_prompt for r in requests] if use_cfg else [])
        text = self.text_encoder.encode(texts, device=device)
        # Steps i with int(start * n) <= i < int(stop * n) are guided (diffusers' guiders' rule); the
        # others run the conditional half alone.
        n_steps = first.num_inference_steps
        guided = range(int(first.guidance_start * n_steps), int(first.guidance_stop * n_steps)) if use_cfg else range(0)
        cond_text = TextEmbedding(text.tokens[:b], text.mask[:b], text.pooled[:b]) if use_cfg else text

        with torch.autocast(device.type, dtype=self.dtype, enabled=self.dtype != torch.float32):
            # 3. Prepare timesteps: the schedule is shifted by the token count of this size.
            gt, gh, gw = self.transformer.token_grid(t, h, w)
            self.scheduler.set_shift(self.scheduler.config.shift * _shift_factor(gt * gh * gw))
            self.scheduler.set_timesteps(first.num_inference_steps, device=device)

            # 4. Prepare latents: noise from each request's own seed on the CPU, so a seed gives
            # the same video whatever the device or batch. A stochastic scheduler
            # (``stochastic_sampling``) draws its per-step noise from the same per-request streams.
            streams = [torch.Generator("cpu").manual_seed(r.seed) for r in requests]
            noise = torch.cat([torch.randn((1, c, t, h, w), generator=g) for g in streams]).to(device)
            latents = noise

            # 5. Frame conditions -> clean latents + pin mask (B, T); partial-strength conditions
            # (video-to-video editing, SDEdit) instead set where denoising starts.
            cond_latents = torch.zeros_like(latents)
            cond_mask = torch.zeros(b, t, dtype=torch.bool, device=device)
            init_latents, init_mask = torch.zeros_like(latents), torch.zeros(b, t, dtype=torch.bool, device=device)
            strengths = set()
            for i, r in enumerate(requests):
                pinned = [cd for cd in r.conditions if cd.strength == 1.0]
                partial = [cd for cd in r.conditions if cd.strength < 1.0]
                if pinned:
                    z, m = encode_conditions(pinned, self.compressor, r.num_frames, r.height, r.width, device)
                    cond_latents[i], cond_mask[i] = z[0].to(latents.dtype), m[0]
                if partial:
                    z, m = encode_conditions(partial, self.compressor, r.num_frames, r.height, r.width, device)
                    init_latents[i], init_mask[i] = z[0].to(latents.dtype), m[0]
                    strengths |= {cd.strength for cd in partial}
                    if not (init_mask[i] | cond_mask[i]).all():
                        raise ValueError(
                            "conditions with strength < 1 (editing) must cover every frame that no strength-1 "
                            "condition pins: an edit starts from a partly noised video, so every latent frame "
                            "needs a starting point. Pass the whole video (VideoGenerator.edit does)."
                        )
            edited = [any(cd.strength < 1.0 for cd in r.conditions) for r in requests]
            if strengths and (len(strengths) > 1 or not all(edited)):
                raise ValueError(
                    "conditions with strength < 1 must share one strength, on every request of a batch; "
                    f"got strengths {sorted(strengths)} on {sum(edited)} of {len(requests)} requests."
                )
            pin = cond_mask[:, None, :, None, None]  # (B, 1, T, 1, 1)

            # 6. Denoise. A condition of strength s < 1 skips the steps above sigma = 1 - s and
            # starts from the condition noised to that level (SDEdit): s near 1 keeps it, 0 ignores it.
            timesteps = self.scheduler.timesteps
            start = 0
            if strengths:
                start_sigma = 1.0 - strengths.pop()
                sigmas = self.scheduler.sigmas[: len(timesteps)]
                start = int((sigmas > start_sigma + 1e-6).sum())
                sigma0 = float(sigmas[start]) if start < len(timesteps) else 0.0
                latents = (1 - sigma0) * init_latents + sigma0 * noise
                timesteps = timesteps[start:]
            self.scheduler.set_begin_index(start)
            for step, ts in enumerate(tqdm(timesteps, disable=not progress, desc="denoising", leave=False)):
                latents = torch.where(pin, cond_latents, latents)
                frame_t = torch.where(cond_mask, torch.zeros_like(ts), ts.expand(b, t))  # (B, T)
                sigma = frame_t / self.scheduler.config.num_train_timesteps
                if start + step in guided:
                    v = self._velocity(latents, frame_t, sigma, text, True, first.guidance_scale, frame_conditions)
                else:
                    v = self._velocity(latents, frame_t, sigma, cond_text, False, first.guidance_scale, frame_conditions)
                latents = self.scheduler.step(v.float(), ts, latents.float(), generator=streams).prev_sample
                if callback_on_step_end is not None:
                    out = callback_on_step_end(self, step, ts, {"latents": latents})
                    if out and "latents" in out:
                        latents = out["latents"]
            latents = torch.where(pin, cond_latents, latents)
            if not torch.isfinite(latents).all():
                raise RuntimeError("the denoiser produced non-finite latents; try dtype=torch.float32 or fewer steps.")

            # 7. Decode. fp32 decode is not needed: the decoder's norms compute statistics in fp32.
            pixels = self.compressor.decode(self.compressor.denormalize(latents))

        # 8. Safety gate on the decoded frames, then watermark; return videos whose save() signs
        # provenance (uint8 frames, metadata that reproduces the call).
        videos = []
        for i, r in enumerate(requests):
            meta = {
                "prompt": r.prompt,
                "enhanced_prompt": prompts[i] if r.enhance_prompt else None,
                "resize_conditions": r.resize_conditions if r.conditions else None,
                "negative_prompt": r.negative_prompt,
                "seed": r.seed,
                "num_inference_steps": r.num_inference_steps,
                "guidance_scale": r.guidance_scale,
                "guidance_start": r.guidance_start,
                "guidance_stop": r.guidance_stop,
                "model": getattr(self, "name", None),
                "generator": f"sora-sdk {_version()}",
                "num_conditions": len(r.conditions),
            }
            video = Video.from_tensor(pixels[i].float().permute(1, 0, 2, 3).cpu(), fps=r.fps, metadata=meta)
            released = gate.release(video)  # raises ContentBlocked: nothing is returned or written
            videos.append(ReleasedVideo(released.frames, released.fps, released.metadata, gate=gate))
        return videos

    def _velocity(self, latents, frame_t, sigma, text, use_cfg, guidance_scale, frame_conditions):
        """One network evaluation, with the conditional and unconditional halves in one batch."""
        n = 2 if use_cfg else 1
        x = latents.repeat(n, 1, 1, 1, 1)
        fc = None if frame_conditions is None else frame_conditions.to(self.device).repeat(n, 1, 1)
        out = self.transformer(
            x,
            frame_t.repeat(n, 1),
            text.tokens,
            text.pooled,
            encoder_attention_mask=text.mask,
            frame_conditions=fc,
        )
        v = to_velocity(out.float(), x.float(), sigma.repeat(n, 1), self.transformer.config.prediction_type)
        if not use_cfg:
            return v
        v_cond, v_uncond = v.chunk(2)
        return v_uncond + guidance_scale * (v_cond - v_uncond)

    def sampling_settings(self, num_inference_steps: int | None = None, guidance_scale: float | None = None) -> tuple[int, float]:
        """``(steps, guidance)`` with ``None`` replaced by this model's ``generation_defaults``."""
        return sampling_settings(self, num_inference_steps, guidance_scale)

    def resolve_defaults(self, request: GenerationRequest) -> GenerationRequest:
        """The request with every field it leaves as ``None`` set from ``generation_defaults``."""
        unset = {k: v for k, v in self.generation_defaults.items() if getattr(request, k) is None}
        return request.model_copy(update=unset) if unset else request

    @staticmethod
    def _with_resized_conditions(request: GenerationRequest) -> GenerationRequest:
        """Apply the request's explicit resize rule to conditions whose size differs."""
        if request.resize_conditions == "error" or not request.conditions:
            return request
        h, w = request.height, request.width
        conditions = [
            c if c.frames.shape[1:3] == (h, w)
            else Condition(resize_frames(c.frames, h, w, request.resize_conditions), c.frame_index, c.strength)
            for c in request.conditions
        ]
        return request.model_copy(update={"conditions": conditions})

    @staticmethod
    def _as_request(prompt, fields: dict) -> GenerationRequest:
        if isinstance(prompt, GenerationRequest):
            if fields:
                raise ValueError(
                    f"got a GenerationRequest and also {sorted(fields)}; put every field in the request."
                )
            return prompt
        if not isinstance(prompt, str):
            raise TypeError(f"prompt must be a str or GenerationRequest, got {type(prompt).__name__}.")
        return GenerationRequest(prompt=prompt, **fields)


def _shift_factor(num_tokens: int) -> float:
    return resolution_shift(num_tokens, base_shift=1.0)


def _version() -> str:
    from sora_sdk import __version__

    return __version__


__all__ = ["VideoGenerator", "Condition", "GenerationRequest", "default_compute_dtype"]
