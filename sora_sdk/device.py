"""Device facts every layer needs: which dtype to compute in."""

from __future__ import annotations

import torch

__all__ = ["default_compute_dtype"]


def default_compute_dtype(device: torch.device | str) -> torch.dtype:
    """bf16 where the hardware has bf16 matrix units (CUDA, AVX512-BF16/AMX CPUs), else fp32.

    On CUDA without bf16 (pre-Ampere) fp16 is returned: still tensor-core speed, with the usual
    care for overflow that autocast takes.
    """
    device = torch.device(device)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "cpu" and (torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()):
        return torch.bfloat16
    return torch.float32
