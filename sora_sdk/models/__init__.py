"""Models: the causal video compressor, the spacetime DiT and text encoders."""

from sora_sdk.models.compressor import VideoCompressor, load_compressor
from sora_sdk.models.dit import DIT_PRESETS, SpacetimeDiT
from sora_sdk.models.text_encoder import HFTextEncoder, MiniLMTextEncoder, TextEmbedding, TextEncoder, load_text_encoder

__all__ = ["VideoCompressor", "load_compressor", "SpacetimeDiT", "DIT_PRESETS", "TextEncoder", "TextEmbedding", "MiniLMTextEncoder", "HFTextEncoder", "load_text_encoder"]
