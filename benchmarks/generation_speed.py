"""Generation speed and peak memory of a model, as a user runs it: one clip at a time.

    python benchmarks/generation_speed.py [--model default] [--frames 17] [--steps N] [--sizes 64x64 ...]
                                          [--attention auto math sdpa] [--guidance-interval 0,1 0.25,0.84]

For each size, a fresh process loads the model, generates one warm-up clip, then times `--repeats`
single-clip generations (prompt check, text encoding, denoising with guidance, decode, frame check,
watermark: everything `generate` does). Prints seconds of video per second of wall time
(>= 1 means faster than the video plays) and the process's peak resident memory, measured with
`resource.getrusage` in that same process (loading included). Numbers on a shared machine are
noisy; the ratio printed is from one run. Several ``--attention`` or ``--guidance-interval`` values
are run in turn for each size, so the rows to compare come from the same minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_CHILD = r"""
import json, resource, sys, time, torch
from sora_sdk import VideoGenerator
args = json.loads(sys.argv[1])
torch.set_num_threads(args["threads"])
gen = VideoGenerator.from_pretrained(args["model"])
gen.transformer.attention_backend = args["attention"]
kw = dict(num_frames=args["frames"], height=args["height"], width=args["width"], progress=False)
if args["interval"] is not None:
    kw["guidance_start"], kw["guidance_stop"] = args["interval"]
if args["steps"]:
    kw["num_inference_steps"] = args["steps"]
gen.generate("a red circle moving right", seed=0, **kw)  # warm-up: oneDNN primitives, text cache
times = []
for i in range(args["repeats"]):
    start = time.perf_counter()
    video = gen.generate(f"a {['blue', 'green', 'yellow'][i % 3]} square moving left", seed=i + 1, **kw)
    times.append(time.perf_counter() - start)
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": times, "duration": video.duration, "peak_mb": peak_mb,
                  "steps": video.metadata.get("num_inference_steps"), "interval": [video.metadata.get("guidance_start"), video.metadata.get("guidance_stop")]}))
"""


def _interval(text: str) -> tuple[float, float]:
    try:
        start, stop = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not START,STOP (fractions of the steps), e.g. 0.25,0.84") from None
    return start, stop


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="default")
    p.add_argument("--frames", type=int, default=17)
    p.add_argument("--sizes", nargs="+", default=["64x64", "64x112", "112x64"], help="HxW, e.g. 64x112")
    p.add_argument("--steps", type=int, default=None, help="denoising steps (default: the request default)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--attention", nargs="+", default=["auto"], choices=["auto", "math", "sdpa"],
                   help="attention backends to compare, each in its own processes (default: auto)")
    p.add_argument("--guidance-interval", nargs="+", type=_interval, default=[None], metavar="START,STOP",
                   help="guidance intervals to compare, e.g. 0,1 (every step) 0.25,0.84 (default: the model's own)")
    args = p.parse_args()

    print(f"model {args.model}, {args.frames} frames, {args.threads} threads, one clip per call")
    print("| size | attention | steps | guidance interval | seconds per clip (median) | video seconds | video s / wall s | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for size, attention, stop in [(s, a, g) for s in args.sizes for a in args.attention for g in args.guidance_interval]:
        h, w = (int(v) for v in size.lower().split("x"))
        child = {"model": args.model, "frames": args.frames, "height": h, "width": w, "steps": args.steps,
                 "repeats": args.repeats, "threads": args.threads, "attention": attention, "interval": stop}
        out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(child)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"| {size} | {attention} | failed: {out.stderr.strip().splitlines()[-1]} |")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        median = sorted(r["seconds"])[len(r["seconds"]) // 2]
        print(f"| {h}x{w} | {attention} | {r['steps']} | {r['interval'][0]:g}-{r['interval'][1]:g} | {median:.2f} | {r['duration']:.2f} | {r['duration'] / median:.2f} | {r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
