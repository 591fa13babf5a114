"""Domain integrations (robotics, games, medical, marketing); installed as sora_sdk.integrations."""
