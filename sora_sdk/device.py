"""Device facts every layer needs: which dtype to compute in, and how the CPU allocator behaves."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform

import torch

__all__ = ["default_compute_dtype", "retain_freed_cpu_memory", "retain_memory_requested", "RETAIN_MEMORY_ENV"]

#: set to ``0`` to stop `retain_freed_cpu_memory` from changing the process's allocator
RETAIN_MEMORY_ENV = "SORA_SDK_RETAIN_CPU_MEMORY"
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters (malloc.h)
_retained: bool | None = None


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


def retain_freed_cpu_memory(mmap_threshold: int = 32 << 20, trim_threshold: int = 512 << 20) -> bool:
    """Let glibc keep freed CPU tensor memory for reuse instead of handing it back to the kernel.

    By default glibc serves a large allocation (a few MB: a batch of activations) with a fresh
    ``mmap`` and unmaps it on free, or trims the heap's free top, so the next call's tensors
    page-fault their memory in again and the kernel zeroes every page. A batch-64 step of the Push
    world model did ~6,000 minor page faults (~25 MB) and spent ~15% of its time on them
    (docs/robotics.md, "Throughput"); with allocations up to ``mmap_threshold`` served from the
    heap and up to ``trim_threshold`` of free heap kept, it does ~100. The cost: the process keeps
    up to ``trim_threshold`` of freed memory mapped (CPU inference loops reuse it every call).

    Process-wide and applied once (later calls return the first call's result), so it is the
    application's choice: nothing in the SDK calls it on import or on its own. The world-model
    simulators apply it when the environment variable ``SORA_SDK_RETAIN_CPU_MEMORY=1`` is set
    (``retain_memory_requested()``); the robotics benchmark and RL example call it. A no-op
    returning False where the C library is not glibc (macOS, Windows, musl) or when
    ``SORA_SDK_RETAIN_CPU_MEMORY=0`` is set.

    Why opt-in: with it applied inside the test process, two bit-exactness checks of other models
    (same seed after save/load, resumed training) failed on a CPU with bf16 units, where they pass
    without it; the cause (most likely kernels whose rounding depends on a buffer's placement) was
    not pinned down. Reuse within one application is unaffected; compare runs in fresh processes.

    Returns:
        True if the allocator settings were changed.
    """
    global _retained
    if _retained is not None:
        return _retained
    _retained = False
    if _memory_flag() is False:
        return False
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        # The mmap threshold is capped by glibc (32 MB on 64-bit); mallopt returns 1 on success.
        _retained = bool(libc.mallopt(_M_MMAP_THRESHOLD, int(mmap_threshold))) and bool(
            libc.mallopt(_M_TRIM_THRESHOLD, int(trim_threshold)))
    except (OSError, AttributeError):
        _retained = False
    return _retained


def retain_memory_requested() -> bool:
    """True when ``SORA_SDK_RETAIN_CPU_MEMORY`` asks components (the world-model simulators) to
    apply ``retain_freed_cpu_memory()`` themselves: ``1``, ``true``, ``yes`` or ``on``."""
    return _memory_flag() is True


def _memory_flag() -> bool | None:
    value = os.environ.get(RETAIN_MEMORY_ENV, "").strip().lower()
    if value in ("0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    return None
