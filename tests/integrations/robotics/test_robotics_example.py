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
