"""Figures for a model card: training curves (PNG) and a few sample GIFs, from real runs.

    python benchmarks/model_card_assets.py --compressor-run runs/shapes_default_compressor \
        --dit-run runs/shapes_default --model sora_sdk/weights/default --out docs/assets/default-model

Writes ``training_curves.png`` (compressor train/val PSNR; DiT train loss (smoothed) and val
loss; held-out prompt accuracy from the run's ``prompt_accuracy.jsonl`` when present), one small
GIF per sample prompt, and ``samples.png``, a frame grid of every sample (rows: prompts; columns:
every other frame). Everything comes from the logs and the model given; nothing is typed in.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np

SAMPLE_PROMPTS = (
    "a red circle moving right",
    "a large blue square falling",
    "a small yellow triangle moving left on a navy background",
    "a green ball rising",
    "an orange box sliding to the right against a light grey backdrop",
    "a purple triangle staying still",
)


def _metrics(run: Path) -> dict[str, list[tuple[int, float]]]:
    files = sorted((run / "logs").glob("version_*/metrics.csv"), key=lambda p: int(p.parent.name.split("_")[-1]))
    if not files:
        raise FileNotFoundError(f"no logs/version_*/metrics.csv under {run}; is it a training run folder?")
    series: dict[str, list[tuple[int, float]]] = {}
    for path in files:  # several versions = resumed runs; later ones override earlier steps
        for row in csv.DictReader(path.open()):
            for key, value in row.items():
                if key not in ("epoch", "step") and value not in ("", None):
                    series.setdefault(key, []).append((int(row["step"]), float(value)))
    return {k: sorted(dict(v).items()) for k, v in series.items()}


def _smooth(values: list[float], window: int = 25) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    if len(v) < window:
        return v
    kernel = np.ones(window) / window
    return np.convolve(np.pad(v, (window // 2, window - 1 - window // 2), mode="edge"), kernel, mode="valid")


def plot_curves(compressor_run: Path | None, dit_run: Path | None, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = []
    if compressor_run is not None:
        panels.append(("compressor", _metrics(compressor_run)))
    if dit_run is not None:
        panels.append(("dit", _metrics(dit_run)))
        acc = dit_run / "prompt_accuracy.jsonl"
        if acc.exists():
            panels.append(("accuracy", [json.loads(line) for line in acc.read_text().splitlines() if line.strip()]))
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.2), squeeze=False)
    for ax, (kind, data) in zip(axes[0], panels, strict=True):
        if kind == "compressor":
            for key, label in (("train/psnr", "train PSNR (smoothed)"), ("val/psnr", "val PSNR")):
                if key in data:
                    steps, vals = zip(*data[key], strict=True)
                    ax.plot(steps, _smooth(list(vals)) if key.startswith("train") else vals, label=label,
                            marker=None if key.startswith("train") else "o")
            ax.set_title("compressor"), ax.set_xlabel("step"), ax.set_ylabel("dB")
        elif kind == "dit":
            for key, label in (("train/loss", "train loss (smoothed)"), ("val/loss", "val loss")):
                if key in data:
                    steps, vals = zip(*data[key], strict=True)
                    ax.plot(steps, _smooth(list(vals), 50) if key.startswith("train") else vals, label=label,
                            marker=None if key.startswith("train") else "o")
            ax.set_title("DiT (flow matching)"), ax.set_xlabel("step"), ax.set_yscale("log")
        else:
            steps = [r["step"] for r in data]
            for key in ("eval/colour", "eval/shape", "eval/motion", "eval/count"):
                if key in data[0]:
                    ax.plot(steps, [100 * r[key] for r in data], marker="o", label=key.split("/")[1])
            ax.set_title("held-out prompts (EMA, 12 steps)"), ax.set_xlabel("step"), ax.set_ylabel("% correct")
            ax.set_ylim(0, 100)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="lower right" if kind != "dit" else "upper right")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def sample_gallery(model: str, out_dir: Path, prompts=SAMPLE_PROMPTS, seed: int = 0) -> list[Path]:
    from PIL import Image

    from sora_sdk import VideoGenerator

    gen = VideoGenerator.from_pretrained(model)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, rows = [], []
    for i, prompt in enumerate(prompts):
        video = gen.generate(prompt, seed=seed + i, progress=False)
        name = "_".join(prompt.split()[:6]).replace(",", "")
        paths.append(video.save(out_dir / f"{i:02d}_{name}.gif"))
        rows.append(np.concatenate(list(video.frames[::2]), axis=1))  # every other frame, side by side
    grid = np.concatenate([np.pad(r, ((2, 2), (0, 0), (0, 0)), constant_values=255) for r in rows], axis=0)
    Image.fromarray(grid).resize((grid.shape[1] * 2, grid.shape[0] * 2), Image.NEAREST).save(out_dir / "samples.png")
    return [*paths, out_dir / "samples.png"]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--compressor-run", type=Path, default=None)
    p.add_argument("--dit-run", type=Path, default=None)
    p.add_argument("--model", default=None, help="model folder or shipped name for the sample GIFs")
    p.add_argument("--out", type=Path, default=Path("docs/assets/default-model"))
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    if args.compressor_run or args.dit_run:
        print("wrote", plot_curves(args.compressor_run, args.dit_run, args.out / "training_curves.png"))
    if args.model:
        for path in sample_gallery(args.model, args.out, seed=args.seed):
            print("wrote", path)


if __name__ == "__main__":
    main()
