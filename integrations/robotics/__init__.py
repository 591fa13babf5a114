"""Robotics: pybullet tabletop tasks, rollout collection and rollout datasets for world models.

Importing this package registers the gymnasium ids (pybullet itself is imported only when an env
is built, so ``collect_rollouts`` and ``RolloutDataset`` work for any gymnasium env without it):

    SoraSDK/Push-v0    push a cube onto a target disc       (PushEnv, 50 steps)
    SoraSDK/Reach-v0   move the pusher onto a target disc   (ReachEnv, 50 steps)
    SoraSDK/PushWorldModel-v0   Push simulated by a learned WorldModel (WorldModelEnv, and the
                       batched WorldModelVectorEnv through gymnasium.make_vec; 50 steps)

    import gymnasium as gym
    import sora_sdk.integrations.robotics as robotics

    env = gym.make("SoraSDK/Push-v0", render_mode="rgb_array")
    robotics.collect_rollouts(env, robotics.PushScriptedPolicy(env, seed=0), 5_000, "data/push")
    data = robotics.RolloutDataset("data/push", context_frames=4, horizon=1)

Needs the ``robotics`` extra: ``pip install 'sora-sdk[robotics]'``.
"""

from __future__ import annotations

try:
    import gymnasium
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("sora_sdk.integrations.robotics needs gymnasium: pip install 'sora-sdk[robotics]'") from e

import importlib

# Public names, imported on first use so that registering the ids stays cheap (no torch, no
# pybullet) for processes that only call gymnasium.make, e.g. vector-env workers.
_EXPORTS = {
    "PushEnv": "sora_sdk.integrations.robotics.push",
    "ReachEnv": "sora_sdk.integrations.robotics.reach",
    "PushScriptedPolicy": "sora_sdk.integrations.robotics.scripted",
    "ReachScriptedPolicy": "sora_sdk.integrations.robotics.scripted",
    "collect_rollouts": "sora_sdk.integrations.robotics.rollouts",
    "describe_action_space": "sora_sdk.integrations.robotics.rollouts",
    "encode_action": "sora_sdk.integrations.robotics.rollouts",
    "RolloutDataset": "sora_sdk.integrations.robotics.dataset",
    "WorldModel": "sora_sdk.integrations.robotics.world_model",
    "WorldModelPrediction": "sora_sdk.integrations.robotics.world_model",
    "WorldModelSystem": "sora_sdk.integrations.robotics.world_model_system",
    "WorldModelTrainingConfig": "sora_sdk.integrations.robotics.world_model_system",
    "WorldModelDataModule": "sora_sdk.integrations.robotics.world_model_data",
    "ExplorationPolicy": "sora_sdk.integrations.robotics.world_model_data",
    "WorldModelEnv": "sora_sdk.integrations.robotics.world_model_env",
    "WorldModelVectorEnv": "sora_sdk.integrations.robotics.world_model_env",
    "load_world_model": "sora_sdk.integrations.robotics.world_model_env",
    "calibrate_head": "sora_sdk.integrations.robotics.world_model_calibration",
    "HeadCalibrationConfig": "sora_sdk.integrations.robotics.world_model_calibration",
    "imagine_episodes": "sora_sdk.integrations.robotics.world_model_calibration",
    "evaluate_world_model": "sora_sdk.integrations.robotics.world_model_eval",
    "WorldModelReport": "sora_sdk.integrations.robotics.world_model_eval",
    # RL plumbing (needs stable-baselines3: the `rl` extra); imported only when used.
    "SB3VecEnvAdapter": "sora_sdk.integrations.robotics.rl",
    "make_sb3_vec_env": "sora_sdk.integrations.robotics.rl",
    "evaluate_policy_success": "sora_sdk.integrations.robotics.rl",
    "PolicySuccess": "sora_sdk.integrations.robotics.rl",
}

#: id -> (entry point, max_episode_steps); every id here passes gymnasium's and SB3's env checkers.
ENV_IDS: dict[str, tuple[str, int]] = {
    "SoraSDK/Push-v0": ("sora_sdk.integrations.robotics.push:PushEnv", 50),
    "SoraSDK/Reach-v0": ("sora_sdk.integrations.robotics.reach:ReachEnv", 50),
}

for _id, (_entry_point, _max_steps) in ENV_IDS.items():
    if _id not in gymnasium.registry:  # importlib.reload must not re-register (gymnasium warns)
        gymnasium.register(id=_id, entry_point=_entry_point, max_episode_steps=_max_steps)

#: learned simulators: they take a ``model=`` (a WorldModel, its folder, or a shipped name)
WORLD_MODEL_ENV_IDS: dict[str, tuple[str, str, int]] = {
    "SoraSDK/PushWorldModel-v0": (
        "sora_sdk.integrations.robotics.world_model_env:WorldModelEnv",
        "sora_sdk.integrations.robotics.world_model_env:WorldModelVectorEnv",
        50,
    ),
}
for _id, (_entry_point, _vector_entry_point, _max_steps) in WORLD_MODEL_ENV_IDS.items():
    if _id not in gymnasium.registry:
        gymnasium.register(id=_id, entry_point=_entry_point, vector_entry_point=_vector_entry_point,
                           max_episode_steps=_max_steps)

__all__ = ["ENV_IDS", "WORLD_MODEL_ENV_IDS", *sorted(_EXPORTS)]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sora_sdk.integrations.robotics' has no attribute {name!r}")
