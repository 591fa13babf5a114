"""Frame conditions (image and video prompts) and how they become latents + a pin mask."""

from sora_sdk.conditioning.condition import Condition, check_conditions, encode_conditions, latent_windows

__all__ = ["Condition", "check_conditions", "encode_conditions", "latent_windows"]
