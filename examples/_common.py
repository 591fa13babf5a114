"""Shared argument parsing for the example scripts (model folder, output folder, seed)."""

import argparse
from pathlib import Path

from sora_sdk import VideoGenerator


def setup(description: str) -> tuple[VideoGenerator, Path, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--model", default="default", help="a trained model folder (e.g. runs/shapes_default/model) or a shipped model name")
    parser.add_argument("--out", default="outputs", help="folder for the mp4s")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=None, help="denoising steps (default: the model's own)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    return VideoGenerator.from_pretrained(args.model), out, args
