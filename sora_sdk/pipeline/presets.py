"""Size presets for a whole generator (compressor + denoiser) and the registry of shipped models."""

from __future__ import annotations

from pathlib import Path

from sora_sdk.models.dit import DIT_PRESETS

# Compressor presets: "tiny" is for tests (a few thousand parameters, still causal 4x4x4);
# "small" is the CPU demo size (~5M parameters, ~90 ms per 17x64x64 round trip in bf16 here).
COMPRESSOR_PRESETS: dict[str, dict] = {
    "tiny": dict(latent_channels=4, block_out_channels=(8, 16, 16), spatial_factor=4, temporal_factor=4, patch_size=2),
    "small": dict(latent_channels=8, block_out_channels=(32, 64, 128), spatial_factor=4, temporal_factor=4, patch_size=2),
    "base": dict(latent_channels=16, block_out_channels=(64, 128, 256, 256), spatial_factor=8, temporal_factor=4, patch_size=2),
    "large": dict(latent_channels=16, block_out_channels=(128, 256, 512, 512), spatial_factor=8, temporal_factor=4, patch_size=2),
}

GENERATOR_PRESETS: dict[str, dict] = {
    name: dict(compressor=COMPRESSOR_PRESETS["small" if name == "compact" else name], transformer=DIT_PRESETS[name])
    for name in DIT_PRESETS
}

# Models shipped inside the package, loadable by name with VideoGenerator.from_pretrained(name).
_WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "weights"


def shipped_models() -> dict[str, Path]:
    """Names of the models shipped in the package and their folders."""
    if not _WEIGHTS_DIR.is_dir():
        return {}
    return {p.name: p for p in sorted(_WEIGHTS_DIR.iterdir()) if (p / "model_index.json").is_file()}
