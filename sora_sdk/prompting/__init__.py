"""Prompting: prompt enhancement at inference, recaptioning at training time."""

from sora_sdk.prompting.captioner import Captioner, ShapesCaptioner, recaption_folder
from sora_sdk.prompting.enhancer import PromptEnhancer

__all__ = ["PromptEnhancer", "Captioner", "ShapesCaptioner", "recaption_folder"]
