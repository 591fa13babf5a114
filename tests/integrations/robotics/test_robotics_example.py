"""examples/robotics_collect.py runs end to end and writes a dataset plus its frame grid."""

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

SCRIPT = Path(__file__).resolve().parents[3] / "examples" / "robotics_collect.py"


def test_robotics_collect_example_writes_dataset_and_grid(tmp_path):
    out = tmp_path / "push"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--env", "SoraSDK/Push-v0", "--policy", "scripted", "--steps", "60",
         "--out", str(out), "--seed", "0", "--grid-episodes", "2", "--grid-frames", "4", "--scale", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "success rate 100%" in result.stdout
    index = json.loads((out / "index.json").read_text())
    assert sum(e["length"] for e in index["episodes"]) == 60 and index["metadata"] == {"noise": 0.3}
    grid = Image.open(out / "frames.png")
    assert grid.size == (4 * 64 + 3 * 2, 2 * 64 + 2)  # 2 rows x 4 frames with 2-px gaps


def test_robotics_collect_example_runs_a_saved_ppo_policy(tmp_path):
    from stable_baselines3 import PPO

    from sora_sdk.integrations.robotics.rl import make_sb3_vec_env

    zip_path = tmp_path / "ppo.zip"
    PPO("CnnPolicy", make_sb3_vec_env("SoraSDK/Push-v0", 1), n_steps=8, batch_size=8, seed=0).save(zip_path)
    out = tmp_path / "policy_rollouts"
    run = [sys.executable, str(SCRIPT), "--steps", "30", "--out", str(out), "--grid-episodes", "1", "--scale", "1"]
    result = subprocess.run([*run, "--policy", str(zip_path)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    index = json.loads((out / "index.json").read_text())
    assert index["policy"] == "PPO" and index["metadata"] == {"policy": str(zip_path)}
    assert sum(e["length"] for e in index["episodes"]) == 30
    bad = subprocess.run([*run, "--policy", "greedy"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "use 'scripted', 'random' or the path" in bad.stderr
