"""Hydra configs shipped as package data (sora_sdk.configs); read them with importlib.resources."""
