"""Frame prompts on a saved model: condition fidelity, extension/loop seams, and edits.

    python benchmarks/frame_prompts_eval.py --model DIR [--n 8] [--steps 20] [--seed 1000003]

Runs, on held-out Shapes clips (seed `HELDOUT_SHAPES_SEED` unless --seed says otherwise):

1. `evaluate_condition_fidelity`: PSNR at the conditioned frames (image-to-video, extension,
   first + last frame) against the condition and against the compressor's round trip (the ceiling);
2. `evaluate_seams`: mean absolute frame difference across an extension boundary and a loop's
   wrap, against the same video's typical consecutive difference (ratio ~1 = no jump);
3. `evaluate_edit`: recolouring with `edit` at several strengths: trajectory error (px), motion
   direction kept, new colour read, shape and size kept.

and prints Markdown tables ready to paste into docs/frame-prompts.md, with the command and
settings that produced them. Issue 3 asks conditioned frames to come back at >= 30 dB. Expect
about (n x (3 + 4) generations + n x 4 edits) x steps network evaluations; on a 2-core CPU with
the small model, minutes for n = 8.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

import torch

from sora_sdk import VideoGenerator, __version__
from sora_sdk.eval import (
    DEFAULT_EDIT_STRENGTHS,
    HELDOUT_SHAPES_SEED,
    condition_fidelity_markdown,
    evaluate_condition_fidelity,
    evaluate_edit,
    evaluate_seams,
)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="a saved model folder or a shipped model name")
    p.add_argument("--n", type=int, default=8, help="held-out clips per evaluation (default: %(default)s)")
    p.add_argument("--steps", type=int, default=20, help="denoising steps (default: %(default)s)")
    p.add_argument("--guidance", type=float, default=4.0, help="classifier-free guidance (default: %(default)s)")
    p.add_argument("--seed", type=int, default=HELDOUT_SHAPES_SEED,
                   help="Shapes seed of the clips; keep the default, which no training run uses (default: %(default)s)")
    p.add_argument("--frames", type=int, default=17)
    p.add_argument("--height", type=int, default=64)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--strengths", type=float, nargs="+", default=list(DEFAULT_EDIT_STRENGTHS),
                   help="edit strengths (default: %(default)s; 0 is the round-trip control)")
    p.add_argument("--device", default=None, help="cpu, cuda ... (default: cpu)")
    args = p.parse_args(argv)
    if args.n < 1 or args.steps < 1:
        p.error(f"--n and --steps must be >= 1, got {args.n} and {args.steps}")

    generator = VideoGenerator.from_pretrained(args.model, device=args.device)
    size = dict(num_frames=args.frames, height=args.height, width=args.width)
    common = dict(n=args.n, num_inference_steps=args.steps, guidance_scale=args.guidance, seed=args.seed, **size)
    start = time.perf_counter()
    cond = evaluate_condition_fidelity(generator, **common)
    seams = evaluate_seams(generator, **common)
    edit = evaluate_edit(generator, strengths=args.strengths, **common)
    elapsed = time.perf_counter() - start

    command = " ".join(["python benchmarks/frame_prompts_eval.py", *(argv if argv is not None else sys.argv[1:])])
    print(
        f"Model `{getattr(generator, 'name', args.model)}`, sora-sdk {__version__}, torch {torch.__version__}, "
        f"{generator.device} ({platform.machine()}), compute dtype {str(generator.dtype).replace('torch.', '')}; "
        f"{elapsed / 60:.1f} min in all.\n`{command}`\n"
    )
    print("\n\n".join([condition_fidelity_markdown(cond), seams.to_markdown(), edit.to_markdown()]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
