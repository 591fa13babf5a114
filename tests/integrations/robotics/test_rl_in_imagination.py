"""examples/rl_in_imagination.py runs end to end on a tiny untrained world model (real SB3 PPO,
real pybullet evaluation) and writes its JSON; missing pieces get errors that say what to do."""

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import sora_sdk.integrations.robotics.world_model_env as wm_env

SCRIPT = Path(__file__).resolve().parents[3] / "examples" / "rl_in_imagination.py"
TINY_PPO = ["--num-envs", "2", "--n-steps", "16", "--batch-size", "32", "--n-epochs", "1", "--threads", "1"]


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("rl_in_imagination", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_policy_success(r: dict, episodes: int, seed: int) -> None:
    assert r["episodes"] == episodes and r["seed"] == seed and len(r["returns"]) == len(r["lengths"]) == episodes
    lo, hi = r["success_interval"]
    assert 0.0 <= lo <= r["success_rate"] <= hi <= 1.0
    assert 1.0 <= r["mean_length"] <= 50.0 and math.isfinite(r["mean_return"])
    assert r["success_rate"] == sum(r["successes"]) / episodes


def test_main_trains_in_the_world_model_and_evaluates_in_pybullet(example, tiny_world_model_dir, tmp_path, capsys):
    out = tmp_path / "results" / "rl.json"
    report = example.main(["--world-model", tiny_world_model_dir, "--steps", "64", "--eval-episodes", "2",
                           "--seed", "3", "--out-json", str(out), *TINY_PPO])
    assert json.loads(out.read_text()) == json.loads(json.dumps(report))
    assert report["steps"] == 64 and report["eval_seed"] == 10_003 and report["world_model"] == tiny_world_model_dir
    policies = report["policies"]
    assert list(policies) == ["random", "ppo_world_model", "ppo_real"]
    assert policies["random"]["train_env_steps"] == 0
    for name in ("ppo_world_model", "ppo_real"):
        assert policies[name]["train_env_steps"] == 64 and policies[name]["train_seconds"] > 0
    assert policies["ppo_world_model"]["trained_in"] == "SoraSDK/PushWorldModel-v0"
    assert policies["ppo_real"]["trained_in"] == "SoraSDK/Push-v0"
    for r in policies.values():
        check_policy_success(r["real"], 2, 10_003)
        assert r["real"]["env_id"] == "SoraSDK/Push-v0"
    imagined = policies["ppo_world_model"]["imagined"]
    check_policy_success(imagined, 2, 10_003)
    assert imagined["env_id"] == "SoraSDK/PushWorldModel-v0"
    printed = capsys.readouterr().out
    assert "[world model]" in printed and "[real env]" in printed  # progress lines
    assert "ppo_world_model" in printed.split("policy")[-1] and f"results in {out}" in printed


def test_skip_real_baseline_and_save_the_policy(example, tiny_world_model_dir, tmp_path):
    report = example.main(["--world-model", tiny_world_model_dir, "--steps", "32", "--eval-episodes", "1",
                           "--skip-real-baseline", "--save-dir", str(tmp_path), "--policy-blur", "1.5", *TINY_PPO])
    assert list(report["policies"]) == ["random", "ppo_world_model"] and report["ppo"]["policy_blur"] == 1.5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ppo_world_model.zip"]
    agent = example.PPO.load(tmp_path / "ppo_world_model.zip")  # the saved policy acts, with its blur
    assert agent.predict(np.zeros((64, 64, 3), np.uint8), deterministic=True)[0].shape == (2,)
    assert isinstance(agent.policy.features_extractor, example.BlurredNatureCNN)
    assert agent.policy.features_extractor.sigma == 1.5


def test_without_a_world_model_it_names_the_training_command(example, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(wm_env, "WEIGHTS_DIR", tmp_path)  # an install without the shipped weights
    with pytest.raises(SystemExit):
        example.main(["--steps", "32"])
    err = capsys.readouterr().err
    assert "sora-sdk train experiment=push_world_model" in err and "--world-model" in err


def test_without_stable_baselines3_it_names_the_install_command():
    code = ("import runpy, sys; sys.modules['stable_baselines3'] = None; sys.argv = ['rl_in_imagination.py']\n"
            f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "pip install 'sora-sdk[robotics,rl]'" in result.stderr
