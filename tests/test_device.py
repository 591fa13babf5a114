"""sora_sdk.device: the compute dtype by device, and the CPU allocator setting (applied once, only
when asked, opt-out by environment variable, a no-op off glibc)."""

import os
import platform
import subprocess
import sys

import torch

from sora_sdk.device import RETAIN_MEMORY_ENV, default_compute_dtype

GLIBC = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


def test_default_compute_dtype_is_bf16_only_where_the_cpu_has_bf16_units():
    has_bf16 = torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()
    assert default_compute_dtype("cpu") == (torch.bfloat16 if has_bf16 else torch.float32)
    assert default_compute_dtype(torch.device("meta")) == torch.float32


def _run(code: str, flag: str | None) -> str:
    """Run ``code`` in a fresh process (the setting is process-wide) with the variable set or unset."""
    env = {k: v for k, v in os.environ.items() if k != RETAIN_MEMORY_ENV}
    if flag is not None:
        env[RETAIN_MEMORY_ENV] = flag
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, timeout=120)
    return out.stdout.strip()


def test_retain_freed_cpu_memory_applies_once_and_honours_the_opt_out():
    code = ("from sora_sdk.device import retain_freed_cpu_memory as r, retain_memory_requested as q; "
            "print(q(), r(), r(mmap_threshold=1), r())")
    # An explicit call applies it unless the variable says 0; later calls repeat the first result.
    assert _run(code, None) == ("False True True True" if GLIBC else "False False False False")
    assert _run(code, "1") == ("True True True True" if GLIBC else "True False False False")
    assert _run(code, "0") == "False False False False"


def test_importing_the_sdk_leaves_the_allocator_alone():
    # mallopt has no getter; glibc's M_MMAP_THRESHOLD shows in where a 16 MB block is placed: by
    # default (128 KB, raised only to the size of a freed mmapped block) it is its own mmap,
    # page-aligned plus a 16-byte header; with the setting (32 MB) it comes from the heap.
    code = ("import ctypes, sora_sdk, sora_sdk.integrations.robotics; libc = ctypes.CDLL('libc.so.6'); "
            "libc.malloc.restype = ctypes.c_void_p; print(libc.malloc(16 << 20) % 4096)")
    if GLIBC:
        assert _run(code, None) == "16"
