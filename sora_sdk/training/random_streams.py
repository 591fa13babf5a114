"""Per-step random streams: every random draw of a training step is a pure function of its keys.

Noise, sigmas, condition masks, text dropout and posterior samples come from a fresh CPU
generator seeded from (seed, stage, step, batch, rank). Nothing reads the global RNG, so:
  * resuming from a checkpoint draws exactly what the uninterrupted run would have (the
    checkpoint does not need to carry RNG state);
  * ranks draw different noise (rank is a key) while staying reproducible;
  * validation draws the same noise at every evaluation (no step key), so `val/loss` moves only
    when the weights do.
Drawing on the CPU and moving the result keeps a seed meaning the same thing on every device.
"""

from __future__ import annotations

import numpy as np
import torch

__all__ = ["step_generator"]

_STAGES = {"train": 0, "val": 1, "test": 2, "stats": 3}


def step_generator(seed: int, stage: str, *keys: int) -> torch.Generator:
    """A CPU generator seeded from ``seed``, ``stage`` and any integer keys (step, batch, rank).

    SeedSequence mixes the keys, so nearby keys (step 7 and 8) give unrelated streams.
    """
    if stage not in _STAGES:
        raise ValueError(f"stage {stage!r} is unknown; use one of {sorted(_STAGES)}.")
    entropy = [int(seed) & 0xFFFFFFFF, _STAGES[stage], *(int(k) for k in keys)]
    state = np.random.SeedSequence(entropy).generate_state(2, np.uint32)
    return torch.Generator("cpu").manual_seed(int(state[0]) << 32 | int(state[1]))
