"""sora_sdk.training"""
