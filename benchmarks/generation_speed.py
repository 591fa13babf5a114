"""Generation speed and peak memory of a model, as a user runs it: one clip at a time.

    python benchmarks/generation_speed.py [--model default] [--frames 17] [--steps N] [--sizes 64x64 ...]
                                          [--attention auto math sdpa] [--guidance-interval 0,1 0.25,0.84]
    python benchmarks/generation_speed.py --alternate 6 --attention auto sdpa --guidance-interval 0.3,0.9,10 0,1,12

For each size, a fresh process loads the model, generates one warm-up clip, then times `--repeats`
single-clip generations (prompt check, text encoding, denoising with guidance, decode, frame check,
watermark: everything `generate` does). Prints seconds of video per second of wall time
(>= 1 means faster than the video plays) and the process's peak resident memory, measured with
`resource.getrusage` in that same process (loading included). Numbers on a shared machine are
noisy; the ratio printed is from one run. Several ``--attention`` or ``--guidance-interval`` values
are run in turn for each size, so the rows to compare come from the same minutes.

``--guidance-interval START,STOP[,STEPS]``: the interval of guided steps, optionally with its own
step count (release 8's defaults are 0.3,0.9,10; release 7 sampled 0,1,12).

``--alternate N``: instead, one process per size runs every (attention, interval) setting in turn,
N rounds, and prints each setting's median and the median over rounds of (the last setting's time /
this setting's time) in the same round: a speed-up measured clip against clip, which the
machine's slow and fast spells (up to ~30% apart here) affect far less than separate processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

# One process: load the model, warm up each setting, then time `rounds` clips per setting, the
# settings taken in turn within each round. With one setting this is the plain fresh-process run.
_CHILD = r"""
import json, resource, sys, time, torch
from sora_sdk import VideoGenerator
args = json.loads(sys.argv[1])
torch.set_num_threads(args["threads"])
gen = VideoGenerator.from_pretrained(args["model"])
base = dict(num_frames=args["frames"], height=args["height"], width=args["width"], progress=False)
if args["steps"]:
    base["num_inference_steps"] = args["steps"]
settings = []
for attention, interval in args["settings"]:
    kw = dict(base)
    if interval is not None:
        kw["guidance_start"], kw["guidance_stop"] = interval[:2]
        if len(interval) == 3:
            kw["num_inference_steps"] = interval[2]
    settings.append((attention, kw))
for attention, kw in settings:  # warm-up each: oneDNN primitives, text cache
    gen.transformer.attention_backend = attention
    gen.generate("a red circle moving right", seed=0, **kw)
times, used = [[] for _ in settings], [None] * len(settings)
for r in range(args["rounds"]):
    for i, (attention, kw) in enumerate(settings):
        gen.transformer.attention_backend = attention
        start = time.perf_counter()
        video = gen.generate(f"a {['blue', 'green', 'yellow'][r % 3]} square moving left", seed=r + 1, **kw)
        times[i].append(time.perf_counter() - start)
        used[i] = [video.metadata[k] for k in ("guidance_start", "guidance_stop", "num_inference_steps")]
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"times": times, "duration": video.duration, "used": used, "peak_mb": peak_mb}))
"""


def _run_child(child: dict) -> dict:
    """Run `_CHILD` with ``child`` as its arguments; its result, or ``{"error": last stderr line}``."""
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(child)], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _interval(text: str) -> tuple:
    parts = text.split(",")
    try:
        if len(parts) not in (2, 3):
            raise ValueError
        return (float(parts[0]), float(parts[1])) + ((int(parts[2]),) if len(parts) == 3 else ())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not START,STOP[,STEPS] (fractions of the steps, then a step count), e.g. 0.3,0.9,10"
        ) from None


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
                   help="guidance intervals to compare, START,STOP[,STEPS], e.g. 0,1,12 (every step of 12) 0.3,0.9,10 "
                        "(default: the model's own)")
    p.add_argument("--alternate", type=int, default=0, metavar="N",
                   help="run the settings alternately in one process per size, N rounds (see above)")
    args = p.parse_args()
    if args.alternate:
        _alternate(args)
        return

    print(f"model {args.model}, {args.frames} frames, {args.threads} threads, one clip per call")
    print("| size | attention | steps | guidance interval | seconds per clip (median) | video seconds | video s / wall s | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for size, attention, interval in [(s, a, g) for s in args.sizes for a in args.attention for g in args.guidance_interval]:
        h, w = (int(v) for v in size.lower().split("x"))
        r = _run_child({"model": args.model, "frames": args.frames, "height": h, "width": w, "steps": args.steps,
                        "threads": args.threads, "rounds": args.repeats, "settings": [(attention, interval)]})
        if "error" in r:
            print(f"| {size} | {attention} | failed: {r['error']} |")
            continue
        median, (start, stop, steps) = statistics.median(r["times"][0]), r["used"][0]
        print(f"| {h}x{w} | {attention} | {steps} | {start:g}-{stop:g} | {median:.2f} | {r['duration']:.2f} | "
              f"{r['duration'] / median:.2f} | {r['peak_mb']:.0f} |")


def _alternate(args) -> None:
    settings = [(a, g) for a in args.attention for g in args.guidance_interval]
    print(f"model {args.model}, {args.frames} frames, {args.threads} threads, {args.alternate} rounds, "
          "settings alternated clip by clip in one process per size; speed-up against the last setting")
    print("| size | attention | guidance interval | steps | seconds per clip (median) | video s / wall s | speed-up (median per round) |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes:
        h, w = (int(v) for v in size.lower().split("x"))
        r = _run_child({"model": args.model, "frames": args.frames, "height": h, "width": w, "steps": args.steps,
                        "threads": args.threads, "rounds": args.alternate, "settings": settings})
        if "error" in r:
            print(f"| {size} | failed: {r['error']} |")
            continue
        last = r["times"][-1]
        for (attention, _), interval, t in zip(settings, r["used"], r["times"]):
            median = statistics.median(t)
            ratio = statistics.median(b / x for b, x in zip(last, t))
            print(f"| {h}x{w} | {attention} | {interval[0]:g}-{interval[1]:g} | {interval[2]} | {median:.2f} | "
                  f"{r['duration'] / median:.2f} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
