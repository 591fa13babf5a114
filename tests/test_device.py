"""sora_sdk.device: the compute dtype by device, and the CPU allocator setting (applied once,
opt-out by environment variable, a no-op off glibc)."""

import os
import subprocess
import sys

import torch

from sora_sdk.device import RETAIN_MEMORY_ENV, default_compute_dtype, retain_freed_cpu_memory


def test_default_compute_dtype_is_bf16_only_where_the_cpu_has_bf16_units():
    has_bf16 = torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()
    assert default_compute_dtype("cpu") == (torch.bfloat16 if has_bf16 else torch.float32)
    assert default_compute_dtype(torch.device("meta")) == torch.float32


def _run(code: str, **env: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True,
                         text=True, check=True, timeout=120)
    return out.stdout.strip()


def test_retain_freed_cpu_memory_applies_once_and_honours_the_opt_out():
    code = ("from sora_sdk.device import retain_freed_cpu_memory as r; "
            "print(r(), r(mmap_threshold=1), r())")
    on, off = _run(code, **{RETAIN_MEMORY_ENV: "1"}), _run(code, **{RETAIN_MEMORY_ENV: "0"})
    import platform
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert on == ("True True True" if glibc else "False False False")  # later calls repeat the first result
    assert off == "False False False"
    assert isinstance(retain_freed_cpu_memory(), bool)
