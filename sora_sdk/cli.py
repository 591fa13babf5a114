"""The ``sora-sdk`` command line: generate, train, eval, info.

    sora-sdk generate "a red circle moving right" --out demo.mp4 [--model DIR|NAME] [--seed 0]
    sora-sdk train experiment=tiny_shapes trainer.max_steps=200     (Hydra overrides)
    sora-sdk eval --model DIR [--n 60] [--frame-prompts]             (+ seams of extend/loop, edits)
    sora-sdk export --model DIR --out DIR [--name NAME] [--dtype bf16]  (weights for shipping)
    sora-sdk verify FILE [--json]                                    (watermark + C2PA)
    sora-sdk info [--model DIR|NAME]

Exit codes: 0 success, 2 bad input, 3 blocked by the safety policy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_MODEL = "default"


def _positive_int(text: str) -> int:
    v = int(text)
    if v < 1:
        raise argparse.ArgumentTypeError(f"{v} must be >= 1")
    return v


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sora-sdk", description="Sora-style video generation: generate, train, evaluate.")
    sub = parser.add_subparsers(dest="command", required=True)

    g = sub.add_parser("generate", help="generate a video from a text prompt")
    g.add_argument("prompt", help="what the video should show")
    g.add_argument("--out", required=True, help="output file (.mp4, .webm, .gif) or a folder for PNG frames")
    g.add_argument("--model", default=DEFAULT_MODEL, help="a saved model folder or a shipped model name (default: %(default)s)")
    g.add_argument("--seed", type=int, default=0, help="noise seed; same seed, same video (default: %(default)s)")
    g.add_argument("--frames", type=_positive_int, default=None, help="number of frames (1 + 4k for the default compressor)")
    g.add_argument("--height", type=_positive_int, default=None)
    g.add_argument("--width", type=_positive_int, default=None)
    g.add_argument("--fps", type=float, default=None)
    g.add_argument("--steps", type=_positive_int, default=None, help="denoising steps (default: the model's own)")
    g.add_argument("--guidance", type=float, default=None, help="classifier-free guidance scale (default: the model's own)")
    g.add_argument(
        "--guidance-start", type=float, default=None,
        help="guidance runs on steps from this fraction of the steps (default: the model's own)",
    )
    g.add_argument(
        "--guidance-stop", type=float, default=None,
        help="... up to this fraction; unguided steps cost half (default: the model's own)",
    )
    g.add_argument("--negative", default=None, help="negative prompt")
    g.add_argument("--device", default=None, help="cpu, cuda, cuda:1 ... (default: cpu)")
    g.add_argument("--quiet", action="store_true", help="no progress bar")

    t = sub.add_parser("train", help="train with Hydra configs, e.g. `sora-sdk train experiment=tiny_shapes`")
    t.add_argument("overrides", nargs=argparse.REMAINDER, help="Hydra overrides (key=value ...)")

    e = sub.add_parser("eval", help="attribute accuracy, compressor PSNR/SSIM and condition fidelity of a model")
    e.add_argument("--model", default=DEFAULT_MODEL)
    e.add_argument("--n", type=_positive_int, default=60, help="number of evaluation prompts")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--steps", type=_positive_int, default=None, help="denoising steps (default: the model's own)")
    e.add_argument("--guidance", type=float, default=None, help="guidance scale (default: the model's own)")
    e.add_argument("--guidance-start", type=float, default=None, help="guidance interval start, a fraction of the steps (default: the model's own)")
    e.add_argument("--guidance-stop", type=float, default=None, help="guidance interval stop, a fraction of the steps (default: the model's own)")
    e.add_argument("--batch-size", type=_positive_int, default=8)
    e.add_argument(
        "--frame-prompts", action="store_true",
        help="also measure the seams of extend/loop and what edit keeps and changes (4 generations and 4 edits per clip)",
    )
    e.add_argument("--frame-prompts-n", type=_positive_int, default=8, help="clips for --frame-prompts (default: %(default)s)")
    e.add_argument(
        "--enhance-prompt", action="store_true",
        help="also measure prompt accuracy with the PromptEnhancer rewriting each prompt (reported beside the plain figure)",
    )
    e.add_argument("--json", action="store_true", help="print one JSON object instead of tables")

    x = sub.add_parser("export", help="re-save a model folder for shipping: a name, bf16 weights, small shards")
    x.add_argument("--model", required=True, help="a saved model folder (e.g. runs/shapes_default/model)")
    x.add_argument("--out", required=True, help="folder to write (created; existing weight files are replaced)")
    x.add_argument("--name", default=None, help="model name stored in model_index.json (default: the folder name)")
    x.add_argument("--dtype", choices=("bf16", "fp16", "fp32"), default="bf16", help="stored weight dtype (default: %(default)s)")
    x.add_argument("--max-shard-size", default="20MB", help="largest weight file (default: %(default)s)")
    x.add_argument("--steps", type=_positive_int, default=None, help="store as the model's default denoising steps")
    x.add_argument("--guidance", type=float, default=None, help="store as the model's default guidance scale")
    x.add_argument("--guidance-start", type=float, default=None, help="store as the model's default guidance interval start")
    x.add_argument("--guidance-stop", type=float, default=None, help="store as the model's default guidance interval stop")

    v = sub.add_parser("verify", help="check a video's invisible watermark and C2PA provenance")
    v.add_argument("args", nargs=argparse.REMAINDER, help="FILE [--json] [--key KEY]")

    i = sub.add_parser("info", help="versions, device, shipped models, and a model's components")
    i.add_argument("--model", default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    try:
        commands = {
            "generate": _generate, "train": _train, "eval": _eval, "export": _export, "verify": _verify, "info": _info
        }
        return commands[args.command](args)
    except (ValueError, TypeError) as e:  # bad input: one clear line, no traceback
        print(f"sora-sdk {args.command}: error: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        from sora_sdk.safety import ContentBlocked

        if not isinstance(e, ContentBlocked):
            raise
        print(f"sora-sdk {args.command}: blocked: {e}", file=sys.stderr)
        return 3


def _load(model: str, device: str | None = None):
    from sora_sdk import VideoGenerator

    return VideoGenerator.from_pretrained(model, device=device)


def _generate(args) -> int:
    from sora_sdk.pipeline.request import GenerationRequest

    fields = {
        "num_frames": args.frames,
        "height": args.height,
        "width": args.width,
        "fps": args.fps,
        "num_inference_steps": args.steps,
        "guidance_scale": args.guidance,
        "guidance_start": args.guidance_start,
        "guidance_stop": args.guidance_stop,
        "negative_prompt": args.negative,
    }
    request = GenerationRequest(prompt=args.prompt, seed=args.seed, **{k: v for k, v in fields.items() if v is not None})
    generator = _load(args.model, args.device)
    unknown = generator.unknown_words(args.prompt)
    if unknown:
        print(
            f"note: {args.model!r} was trained only on coloured shapes (circles, squares, triangles in six "
            f"colours, moving or still on plain backgrounds); these words are outside its training "
            f"vocabulary and will likely be ignored: {', '.join(unknown)}. Generating anyway.",
            file=sys.stderr,
        )
    start = time.perf_counter()
    video = generator.generate(request, progress=not args.quiet)
    elapsed = time.perf_counter() - start
    path = video.save(args.out)
    print(
        f"wrote {path} ({video.num_frames} frames, {video.width}x{video.height}, {video.fps:g} fps) "
        f"in {elapsed:.1f}s, {video.duration / elapsed:.2f}x real time"
    )
    return 0


def _train(args) -> int:
    from sora_sdk.training.train import main as train_main

    train_main(args.overrides)
    return 0


def _eval(args) -> int:
    from sora_sdk.eval import (
        condition_fidelity_markdown,
        evaluate_compressor,
        evaluate_condition_fidelity,
        evaluate_edit,
        evaluate_prompt_accuracy,
        evaluate_seams,
    )
    from sora_sdk.pipeline.request import check_generation_defaults

    generator = _load(args.model)
    interval = {k: v for k, v in {"guidance_start": args.guidance_start, "guidance_stop": args.guidance_stop}.items() if v is not None}
    if interval:  # every evaluation below leaves the interval to the model's defaults
        merged = {**generator.generation_defaults, **interval}
        generator.generation_defaults.update(check_generation_defaults(merged, "--guidance-start/--guidance-stop"))
    kw = {k: v for k, v in {"num_inference_steps": args.steps, "guidance_scale": args.guidance}.items() if v is not None}
    progress = not args.json
    acc = evaluate_prompt_accuracy(generator, n=args.n, seed=args.seed, batch_size=args.batch_size, progress=progress, **kw)
    enhanced = None
    if args.enhance_prompt:
        enhanced = evaluate_prompt_accuracy(
            generator, n=args.n, seed=args.seed, batch_size=args.batch_size, progress=progress, enhance_prompt=True, **kw
        )
    comp = evaluate_compressor(generator.compressor, progress=progress)
    cond = evaluate_condition_fidelity(generator, progress=progress, **kw)
    # Seams and edits use the held-out Shapes seed, never --seed (which seeds the eval prompts).
    seams = edit = None
    if args.frame_prompts:
        seams = evaluate_seams(generator, n=args.frame_prompts_n, progress=progress, **kw)
        edit = evaluate_edit(generator, n=args.frame_prompts_n, progress=progress, **kw)
    if args.json:
        out = {"prompt_accuracy": acc.to_dict(), "compressor": comp.to_dict(), "conditions": cond}
        if enhanced is not None:
            out["prompt_accuracy_enhanced"] = enhanced.to_dict()
        if args.frame_prompts:
            out |= {"seams": seams.to_dict(), "edit": edit.to_dict()}
        print(json.dumps(out, default=str))
    else:
        tables = [acc.to_markdown()]
        if enhanced is not None:
            tables.append("With --enhance-prompt (PromptEnhancer rewrites each prompt into the training caption style):\n\n"
                          + enhanced.to_markdown())
        tables += [comp.to_markdown(), condition_fidelity_markdown(cond)]
        if args.frame_prompts:
            tables += [seams.to_markdown(), edit.to_markdown()]
        print("\n\n".join(tables))
    return 0


def _export(args) -> int:
    import shutil

    import torch

    from sora_sdk.pipeline.request import check_generation_defaults

    out = Path(args.out)
    if out.resolve() == Path(args.model).resolve():
        raise ValueError(f"--out {out} is the model folder itself; write the export to a new folder.")
    generator = _load(args.model)
    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": None}[args.dtype]
    given = {
        "num_inference_steps": args.steps,
        "guidance_scale": None if args.guidance is None else float(args.guidance),
        "guidance_start": None if args.guidance_start is None else float(args.guidance_start),
        "guidance_stop": None if args.guidance_stop is None else float(args.guidance_stop),
    }
    merged = {**generator.generation_defaults, **{k: v for k, v in given.items() if v is not None}}
    generator.generation_defaults.update(check_generation_defaults(merged, "--steps/--guidance/--guidance-start/--guidance-stop"))
    for component in ("compressor", "transformer"):  # no stale shards from an earlier export
        shutil.rmtree(out / component, ignore_errors=True)
    generator.save_pretrained(out, name=args.name or out.name, weights_dtype=dtype, max_shard_size=args.max_shard_size)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    total = sum(p.stat().st_size for p in files)
    largest = max(files, key=lambda p: p.stat().st_size)
    print(
        f"wrote {out} ({len(files)} files, {total / 1e6:.1f} MB; largest {largest.relative_to(out)} "
        f"{largest.stat().st_size / 1e6:.1f} MB), weights {args.dtype}, defaults "
        + ", ".join(f"{k}={v}" for k, v in generator.generation_defaults.items())
    )
    return 0


def _verify(args) -> int:
    from sora_sdk.safety.verify import main as verify_main

    return verify_main(args.args)


def _info(args) -> int:
    import torch

    import sora_sdk
    from sora_sdk.device import default_compute_dtype
    from sora_sdk.pipeline.presets import GENERATOR_PRESETS, shipped_models

    print(f"sora-sdk {sora_sdk.__version__}  torch {torch.__version__}")
    print(f"cuda available: {torch.cuda.is_available()}  cpu compute dtype: {default_compute_dtype(torch.device('cpu'))}")
    print(f"presets: {', '.join(GENERATOR_PRESETS)}")
    shipped = shipped_models()
    print(f"shipped models: {', '.join(shipped) or 'none'}")
    if args.model:
        gen = _load(args.model)
        for name, module in (("compressor", gen.compressor), ("transformer", gen.transformer)):
            n = sum(p.numel() for p in module.parameters())
            print(f"{name}: {type(module).__name__} {n / 1e6:.2f}M parameters {dict(module.config)}")
        print(f"text encoder: {gen.text_encoder.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
