"""Reconstruction quality: the compressor's round trip and how faithfully conditions come back.

Two evaluations that both compare pixels with the pixels they should reproduce:

* `evaluate_compressor`: encode and decode held-out Shapes clips; PSNR and SSIM (mean and
  worst clip), temporal flicker of the reconstructions against the originals, and encode/decode
  time per clip. Nothing a generator draws can look better than this round trip.
* `evaluate_condition_fidelity`: image-to-video, extension and first+last frame through the
  generator; PSNR at the conditioned frames against the condition, next to the compressor's round
  trip of the same frames (the ceiling: the pipeline pins the condition's latents, so conditioned
  frames can at best come back as well as the compressor reproduces them), plus PSNR of the
  frames right after the condition against the real clip's continuation (a trained model
  continues the motion).

All metrics are computed on uint8 frames, i.e. on what a person would see.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch.utils.data import Dataset
from tqdm.auto import tqdm

from sora_sdk.conditioning.condition import Condition
from sora_sdk.data.shapes import Shapes
from sora_sdk.eval.metrics import psnr, ssim, temporal_flicker, temporal_jitter
from sora_sdk.pipeline.request import GenerationRequest, guidance_interval_settings, sampling_settings
from sora_sdk.video import Video

__all__ = [
    "HELDOUT_SHAPES_SEED",
    "PSNR_CAP_DB",
    "CompressorReport",
    "evaluate_compressor",
    "evaluate_condition_fidelity",
]

# Shapes sample i is a pure function of default_rng([seed, i]), so two seeds give independent
# streams. Training uses small seeds (Shapes' default is 0); this one is reserved for evaluation
# and must never be used to train, so "held-out" stays true.
HELDOUT_SHAPES_SEED = 1_000_003
# Identical clips have PSNR = inf, which would turn any mean into inf. For uint8 frames 100 dB is
# an MSE of 6.5e-6 levels^2 (one value off by one level in ~150k): indistinguishable from exact,
# so clips are capped there and means, worst cases and JSON stay finite.
PSNR_CAP_DB = 100.0
_SEED_STREAM = 0xC0D1  # per-request noise seeds for condition fidelity, derived from `seed`


def _capped_psnr(a: np.ndarray, b: np.ndarray) -> float:
    return min(psnr(a, b), PSNR_CAP_DB)


def _to_frames(x: torch.Tensor) -> np.ndarray:
    """uint8 (T, H, W, 3) from a float (T, 3, H, W) tensor in [-1, 1] (clamped and rounded)."""
    return Video.from_tensor(x.float().cpu(), fps=1.0).frames


def _ssim_window(height: int, width: int) -> int:
    # The paper's 11 px window, shrunk to the largest odd size that fits small frames.
    side = min(11, height, width)
    return side if side % 2 else side - 1


# ----------------------------------------------------------------------------------------------
# Compressor round trip
# ----------------------------------------------------------------------------------------------


@dataclass
class CompressorReport:
    """Result of `evaluate_compressor`. Per-clip lists are in dataset order.

    Attributes:
        psnr: Per-clip PSNR in dB over all frames (capped at `PSNR_CAP_DB`).
        ssim: Per-clip mean SSIM.
        flicker_original: Per-clip `temporal_flicker` of the original (8-bit levels).
        flicker_reconstruction: The same for the reconstruction.
        jitter_original: Per-clip `temporal_jitter` of the original (needs >= 3 frames; flicker
            needs 2, so single-frame clips leave both lists empty).
        jitter_reconstruction: The same for the reconstruction.
        encode_seconds: Total wall time in `encode` (after one untimed warm-up clip).
        decode_seconds: Total wall time in `decode`.
        settings: Clip size, count, batch size, compute dtype, dataset.
    """

    psnr: list[float]
    ssim: list[float]
    flicker_original: list[float]
    flicker_reconstruction: list[float]
    jitter_original: list[float]
    jitter_reconstruction: list[float]
    encode_seconds: float
    decode_seconds: float
    settings: dict[str, Any]

    @property
    def num_clips(self) -> int:
        return len(self.psnr)

    @property
    def summary(self) -> dict[str, float | None]:
        """Headline numbers: means, worst clips, flicker, milliseconds per clip."""

        def mean(values: list[float]) -> float | None:
            return float(np.mean(values)) if values else None  # None: clips too short

        return {
            "psnr_mean": float(np.mean(self.psnr)),
            "psnr_worst": float(np.min(self.psnr)),
            "ssim_mean": float(np.mean(self.ssim)),
            "ssim_worst": float(np.min(self.ssim)),
            "flicker_original": mean(self.flicker_original),
            "flicker_reconstruction": mean(self.flicker_reconstruction),
            # Second differences ignore steady motion, so this isolates flicker the compressor
            # adds: ~0 for a still-or-smooth original, larger when decoded frames shimmer.
            "jitter_original": mean(self.jitter_original),
            "jitter_reconstruction": mean(self.jitter_reconstruction),
            "encode_ms_per_clip": 1000 * self.encode_seconds / self.num_clips,
            "decode_ms_per_clip": 1000 * self.decode_seconds / self.num_clips,
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary, settings and per-clip numbers (all finite)."""
        return {
            "num_clips": self.num_clips,
            "settings": dict(self.settings),
            **self.summary,
            "per_clip": {
                "psnr": list(self.psnr),
                "ssim": list(self.ssim),
                "flicker_original": list(self.flicker_original),
                "flicker_reconstruction": list(self.flicker_reconstruction),
            },
        }

    def _rows(self) -> list[tuple[str, str]]:
        s = self.summary
        rows = [
            ("PSNR mean / worst (dB)", f"{s['psnr_mean']:.2f} / {s['psnr_worst']:.2f}"),
            ("SSIM mean / worst", f"{s['ssim_mean']:.4f} / {s['ssim_worst']:.4f}"),
        ]
        for name in ("flicker", "jitter"):
            if s[f"{name}_original"] is not None:
                rows.append(
                    (
                        f"{name} original -> reconstruction (levels)",
                        f"{s[f'{name}_original']:.2f} -> {s[f'{name}_reconstruction']:.2f}",
                    )
                )
        rows.append(
            (
                "encode / decode per clip (ms)",
                f"{s['encode_ms_per_clip']:.1f} / {s['decode_ms_per_clip']:.1f}",
            )
        )
        return rows

    def _headline(self) -> str:
        st = self.settings
        return (
            f"{self.num_clips} clips of {st['num_frames']}x{st['height']}x{st['width']}, "
            f"{st['dtype']}, dataset {st['dataset']}"
        )

    def to_markdown(self) -> str:
        """A two-column Markdown table of the summary."""
        lines = [
            f"**Compressor round trip**: {self._headline()}",
            "",
            "| metric | value |",
            "| --- | ---: |",
        ]
        lines += [f"| {k} | {v} |" for k, v in self._rows()]
        return "\n".join(lines)

    def __str__(self) -> str:
        rows = self._rows()
        width = max(len(k) for k, _ in rows)
        lines = [f"Compressor round trip: {self._headline()}"]
        return "\n".join(lines + [f"  {k.ljust(width)}  {v}" for k, v in rows])


def _clip(sample: Any, index: int) -> torch.Tensor:
    """The (T, 3, H, W) float video of a dataset item (a Shapes-style dict or a tensor)."""
    x = sample["video"] if isinstance(sample, dict) else sample
    ok = isinstance(x, torch.Tensor) and x.ndim == 4 and x.shape[1] == 3
    if not ok or not x.is_floating_point():
        raise ValueError(
            f"dataset[{index}] must be a float tensor (T, 3, H, W) in [-1, 1] or a dict with one "
            f"under 'video' (as Shapes returns); got {type(x).__name__} "
            f"{tuple(x.shape) if isinstance(x, torch.Tensor) else ''}."
        )
    return x


@torch.no_grad()
def evaluate_compressor(
    compressor: torch.nn.Module,
    dataset: Dataset | None = None,
    n: int = 32,
    batch_size: int = 4,
    seed: int = HELDOUT_SHAPES_SEED,
    num_frames: int = 17,
    height: int = 64,
    width: int = 64,
    dtype: torch.dtype | None = None,
    progress: bool = True,
) -> CompressorReport:
    """Encode and decode held-out clips and measure how much survives.

    The latent is the posterior's mode (what the generator's conditions use), not a sample.

    Args:
        compressor: A `VideoCompressor` (anything with `encode(x).mode()` and `decode(z)` on
            (B, 3, T, H, W) in [-1, 1]).
        dataset: Items are (T, 3, H, W) float tensors in [-1, 1], or dicts with one under
            "video"; the first `n` are used. None builds `Shapes(n, num_frames, height, width,
            seed=seed)`, which is held out from training with the default `seed`.
        n: Number of clips.
        batch_size: Clips per encode/decode call.
        seed: Seed of the default Shapes dataset (ignored when `dataset` is given); keep the
            default, `HELDOUT_SHAPES_SEED`, so the clips are never ones the compressor trained on.
        num_frames, height, width: Size of the default dataset's clips.
        dtype: Autocast dtype; None picks bf16 where the device has bf16 matrix units
            (`default_compute_dtype`), else fp32. `torch.float32` disables autocast.
        progress: Show a progress bar over clips.

    Returns:
        A `CompressorReport`; `print(report)` shows means, worst clips and timings.
    """
    if n < 1 or batch_size < 1:
        raise ValueError(f"n and batch_size must be >= 1, got n={n}, batch_size={batch_size}.")
    if dataset is None:
        dataset = Shapes(n, num_frames=num_frames, height=height, width=width, seed=seed)
        dataset_name = f"Shapes(seed={seed})"
    else:
        dataset_name = type(dataset).__name__
    if n > len(dataset):
        raise ValueError(
            f"n={n} exceeds the dataset's {len(dataset)} clips; pass n <= {len(dataset)}."
        )
    # Imported here: the pipeline module pulls in diffusers, and `import sora_sdk.eval` for the
    # metrics alone should stay light.
    from sora_sdk.device import default_compute_dtype

    device = getattr(compressor, "device", torch.device("cpu"))
    dtype = default_compute_dtype(device) if dtype is None else dtype

    def round_trip(x: torch.Tensor) -> tuple[torch.Tensor, float, float]:
        """(B, 3, T, H, W) -> reconstruction, encode seconds, decode seconds."""
        with torch.autocast(device.type, dtype=dtype, enabled=dtype != torch.float32):
            t0 = time.perf_counter()
            z = compressor.encode(x.to(device)).mode()
            t1 = time.perf_counter()
            rec = compressor.decode(z)
            t2 = time.perf_counter()
        return rec, t1 - t0, t2 - t1

    # Warm-up: the first call on a CPU builds kernels and caches; keep it out of the timings.
    round_trip(_clip(dataset[0], 0)[None].permute(0, 2, 1, 3, 4))

    psnrs, ssims, fl_o, fl_r, ji_o, ji_r = [], [], [], [], [], []
    enc_s = dec_s = 0.0
    with tqdm(total=n, disable=not progress, desc="compressor", unit="clip") as bar:
        for start in range(0, n, batch_size):
            clips = [_clip(dataset[i], i) for i in range(start, min(n, start + batch_size))]
            if len({tuple(c.shape) for c in clips}) > 1:
                raise ValueError(
                    f"clips {start}..{start + len(clips) - 1} differ in size; use batch_size=1 "
                    "for a dataset of mixed sizes."
                )
            x = torch.stack(clips).permute(0, 2, 1, 3, 4)  # (B, 3, T, H, W)
            rec, e, d = round_trip(x)
            enc_s, dec_s = enc_s + e, dec_s + d
            rec = rec.permute(0, 2, 1, 3, 4)  # (B, T, 3, H, W)
            for orig_t, rec_t in zip(clips, rec):
                orig, out = _to_frames(orig_t), _to_frames(rec_t)  # uint8 (T, H, W, 3)
                psnrs.append(_capped_psnr(orig, out))
                ssims.append(ssim(orig, out, win_size=_ssim_window(*orig.shape[1:3])))
                if len(orig) >= 2:
                    fl_o.append(temporal_flicker(orig))
                    fl_r.append(temporal_flicker(out))
                if len(orig) >= 3:
                    ji_o.append(temporal_jitter(orig))
                    ji_r.append(temporal_jitter(out))
            bar.update(len(clips))

    t, _, h, w = _clip(dataset[0], 0).shape
    settings = {
        "num_frames": t,
        "height": h,
        "width": w,
        "batch_size": batch_size,
        "dtype": str(dtype).replace("torch.", ""),
        "dataset": dataset_name,
    }
    return CompressorReport(psnrs, ssims, fl_o, fl_r, ji_o, ji_r, enc_s, dec_s, settings)


# ----------------------------------------------------------------------------------------------
# Condition fidelity
# ----------------------------------------------------------------------------------------------


def _stats(values: Sequence[float]) -> tuple[float, float]:
    return float(np.mean(values)), float(np.min(values))


@torch.no_grad()
def evaluate_condition_fidelity(
    generator: Any,
    n: int = 8,
    num_frames: int = 17,
    height: int = 64,
    width: int = 64,
    extension_frames: int | None = None,
    num_inference_steps: int | None = None,
    guidance_scale: float | None = None,
    batch_size: int = 4,
    seed: int = HELDOUT_SHAPES_SEED,
    progress: bool = True,
) -> dict[str, Any]:
    """How faithfully generated videos reproduce their frame conditions.

    For `n` held-out Shapes clips (captions as prompts), three tasks:

    * image-to-video: the clip's first frame as `Condition(image, 0)`;
    * extension: the clip's first `extension_frames` frames as `Condition(frames, 0)`;
    * first+last frame: its first and last frames as `Condition(first, 0)`, `Condition(last, -1)`.

    Per task: PSNR of the generated frames at the conditioned positions against the condition
    ("psnr"), the compressor's round trip of the same frames against them ("ceiling_psnr"; the
    pipeline pins the condition's latents, so this is the best possible), and PSNR of the
    `temporal_factor` frames right after the (first) condition against the real clip
    ("continuation_psnr"; a model that continues the scene scores well above one that cuts away).

    With a temporally causal compressor (the default `VideoCompressor`) frames at the start of
    the video decode from the pinned latents alone, so for image-to-video and extension `gap_db`
    is ~0 for any denoiser, trained or not: a clearly positive gap means the pipeline does not
    hold the condition (a bug), and the quality of conditioned frames is the compressor's (see
    `evaluate_compressor`). What the denoiser adds shows in `continuation_psnr_mean`. The last
    frame of first+last is different: its latent is pinned, but the causal decoder also reads the
    generated latents before it, so its ceiling (the round trip of the canvas the pipeline
    encodes: each end held halfway) is reached only when the middle is what that canvas encodes
    to, and a gap there measures how well the denoiser's middle suits the pinned end.

    Args:
        generator: A `VideoGenerator` (uses `generate_batch`, `compressor` and `dtype`).
        n: Number of clips.
        num_frames, height, width: Video size; must suit the model.
        extension_frames: Conditioned frames for extension, 1 + temporal_factor * k and fewer
            than `num_frames`; None takes about half the latent frames (9 of 17 at factor 4).
        num_inference_steps: Denoising steps (default: the generator's `generation_defaults`).
        guidance_scale: Classifier-free guidance weight (default: the generator's `generation_defaults`).
        batch_size: Requests per `generate_batch` call.
        seed: Seed of the held-out Shapes clips; per-request noise seeds derive from it.
        progress: Show a progress bar over requests.

    Returns:
        `{"image_to_video": {...}, "extension": {...}, "first_last": {...}, "off_grid": {...}, "settings": {...},
        "generation_seconds": float}`; each task dict has `condition_frames`, `psnr_mean`,
        `psnr_worst`, `ceiling_psnr_mean`, `gap_db` (ceiling minus achieved, mean),
        `continuation_psnr_mean`. PSNRs are in dB, capped at `PSNR_CAP_DB`. `off_grid` (one
        frame in the middle of latent window 2, with at least 1 + 3*ft frames) also has
        `frame_index`, and `window_change_generated` / `window_change_real`: the mean absolute
        change between consecutive frames of that pinned window (8-bit levels). The window's
        latent holds the frame still, but a causal decoder also reads the generated latents
        before it, so the decoded window is not necessarily still.
    """
    num_inference_steps, guidance_scale = sampling_settings(generator, num_inference_steps, guidance_scale)
    if n < 1 or batch_size < 1:
        raise ValueError(f"n and batch_size must be >= 1, got n={n}, batch_size={batch_size}.")
    compressor = generator.compressor
    ft = compressor.temporal_factor
    latent_frames = compressor.latent_shape(num_frames, height, width)[1]
    if latent_frames < 2:
        raise ValueError(
            f"num_frames={num_frames} leaves no frame after an image condition; pass at least "
            f"1 + {ft} frames."
        )
    if extension_frames is None:
        extension_frames = 1 + ft * max(1, (latent_frames - 1) // 2)
    if (extension_frames - 1) % ft or not 1 <= extension_frames < num_frames:
        raise ValueError(
            f"extension_frames={extension_frames} must be 1 + {ft}*k and less than "
            f"num_frames={num_frames} (e.g. {1 + ft}); conditions on the compression grid are "
            "reproduced exactly up to the round trip."
        )

    data = Shapes(n, num_frames=num_frames, height=height, width=width, seed=seed)
    clips = []
    for i in range(n):
        sample = data[i]
        # Exact: Shapes' video is its uint8 frames / 127.5 - 1.
        clips.append((sample["caption"], _to_frames(sample["video"])))
    # Task -> (conditioned frames, their positions, the conditions built from a clip's frames).
    first_last = [0, num_frames - 1]
    tasks = {
        "image_to_video": (1, [0], lambda f: [Condition(f[:1], 0)]),
        "extension": (extension_frames, list(range(extension_frames)), lambda f: [Condition(f[:extension_frames], 0)]),
        "first_last": (2, first_last, lambda f: [Condition(f[:1], 0), Condition(f[-1:], -1)]),
    }
    # A single frame off the temporal compression grid: the middle of latent window 2 (pixel
    # frames 1+ft .. 2ft). `encode_conditions` pins that whole window as a held copy of it.
    # Needs a window after it for the continuation column, so at least 1 + 3*ft frames.
    off = 1 + ft + ft // 2
    if ft > 1 and latent_frames >= 4:
        tasks["off_grid"] = (1, [off], lambda f: [Condition(f[off : off + 1], off)])
    # Seeds of the first two tasks are the first 2n draws, as before first+last was added.
    seeds = np.random.default_rng([seed, _SEED_STREAM]).integers(0, 2**31, len(tasks) * n).tolist()
    jobs = []  # (task, clip index, request)
    for t_i, (task, (_, _, conditions)) in enumerate(tasks.items()):
        for i, (caption, frames) in enumerate(clips):
            request = GenerationRequest(
                prompt=caption,
                seed=int(seeds[t_i * n + i]),
                num_frames=num_frames,
                height=height,
                width=width,
                num_inference_steps=num_inference_steps,
                guidance_scale=float(guidance_scale),
                conditions=conditions(frames),
            )
            jobs.append((task, i, request))

    generated: dict[tuple[str, int], np.ndarray] = {}
    gen_seconds = 0.0
    bar = tqdm(total=len(jobs), disable=not progress, desc="condition fidelity", unit="video")
    with bar:
        for start in range(0, len(jobs), batch_size):
            batch = jobs[start : start + batch_size]
            t0 = time.perf_counter()
            videos = generator.generate_batch([r for _, _, r in batch], progress=False)
            gen_seconds += time.perf_counter() - t0
            for (task, i, _), video in zip(batch, videos):
                generated[task, i] = video.frames
            bar.update(len(batch))

    dtype = getattr(generator, "dtype", torch.float32)
    device = getattr(generator, "device", torch.device("cpu"))
    result: dict[str, Any] = {}
    for task, (m, at, _) in tasks.items():
        # The ceiling: what the compressor makes of the conditioned frames. For conditions at the
        # start the frames alone are encoded (the compressor is causal in time, so that is what
        # the full-length canvas the pipeline encodes gives for them); for first+last, the canvas
        # itself, each end held halfway as `encode_conditions` fills it.
        if task == "first_last":
            hold = np.where(np.arange(num_frames) <= (num_frames - 1) // 2, 0, num_frames - 1)
            canvas = [f[hold] for _, f in clips]
        elif task == "off_grid":  # the canvas the pipeline encodes: the one frame held throughout
            canvas = [f[np.full(num_frames, off)] for _, f in clips]
        else:
            canvas = [f[:m] for _, f in clips]
        cond = torch.stack([torch.from_numpy(c) for c in canvas])  # (N, T_c, H, W, 3) uint8
        x = cond.permute(0, 4, 1, 2, 3).float().to(device) / 127.5 - 1.0  # (N, 3, T_c, H, W)
        with torch.autocast(device.type, dtype=dtype, enabled=dtype != torch.float32):
            rec = compressor.decode(compressor.encode(x).mode())  # (N, 3, T_c, H, W)
        rec = rec.permute(0, 2, 1, 3, 4)  # (N, T_c, 3, H, W)
        achieved, ceiling, continuation = [], [], []
        # Continuation: the frames right after the first condition (first+last: after frame 0).
        first_len = {"first_last": 1, "off_grid": 1 + 2 * ft}.get(task, m)  # off_grid: after its window
        nxt = slice(first_len, min(num_frames, first_len + ft))
        for i, (_, frames) in enumerate(clips):
            out = generated[task, i]
            achieved.append(_capped_psnr(out[at], frames[at]))
            ceiling.append(_capped_psnr(_to_frames(rec[i])[at], frames[at]))
            continuation.append(_capped_psnr(out[nxt], frames[nxt]))
        psnr_mean, psnr_worst = _stats(achieved)
        ceiling_mean = float(np.mean(ceiling))
        result[task] = {
            "condition_frames": m,
            "psnr_mean": psnr_mean,
            "psnr_worst": psnr_worst,
            "ceiling_psnr_mean": ceiling_mean,
            "gap_db": ceiling_mean - psnr_mean,
            "continuation_psnr_mean": float(np.mean(continuation)),
        }
        if task == "off_grid":
            # The price of honouring it: the pinned window is still. Mean absolute change between
            # consecutive frames inside the window (8-bit levels), generated vs the real clip.
            win = slice(1 + ft, 1 + 2 * ft)
            change = lambda v: float(np.abs(np.diff(v[win].astype(np.float32), axis=0)).mean())  # noqa: E731
            result[task]["frame_index"] = off
            result[task]["window_change_generated"] = float(np.mean([change(generated[task, i]) for i in range(n)]))
            result[task]["window_change_real"] = float(np.mean([change(f) for _, f in clips]))
    result["settings"] = {
        "n": n,
        "num_frames": num_frames,
        "height": height,
        "width": width,
        "num_inference_steps": num_inference_steps,
        "guidance_scale": float(guidance_scale),
        **guidance_interval_settings(generator),
        "seed": seed,
        "batch_size": batch_size,
    }
    result["generation_seconds"] = gen_seconds
    return result
