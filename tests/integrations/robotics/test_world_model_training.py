"""The Push world model recipe through the Hydra entry: collect, train, export, resume exactly."""

import csv

import pytest
import torch

from sora_sdk.integrations.robotics import WorldModel, WorldModelSystem
from sora_sdk.integrations.robotics.rollouts import INDEX_FILE
from sora_sdk.training.train import compose_config, main

QUIET = ["trainer.enable_progress_bar=false", "trainer.enable_model_summary=false"]


@pytest.fixture(scope="module")
def rollouts(tmp_path_factory):
    """The tiny experiment's dataset, collected once by the first run's prepare_data."""
    return tmp_path_factory.mktemp("push_rollouts")


def _metrics(run_dir):
    rows = list(csv.DictReader(next((run_dir / "logs").glob("*/metrics.csv")).open()))
    return {key: [(int(r["step"]), float(r[key])) for r in rows if r.get(key)] for key in rows[0]}


def test_shipped_experiment_composes():
    cfg = compose_config(["experiment=push_world_model"])
    assert cfg.data.context_frames == cfg.model.world_model.context_frames == 2
    assert cfg.data.root == "runs/push_world_model/rollouts" and cfg.output_dir == "runs/push_world_model/model"
    assert cfg.model.world_model.sampling_steps <= 4 and cfg.model.world_model.prediction_type == "sample"


def test_tiny_run_collects_trains_and_exports(tmp_path, rollouts, capsys):
    out = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path}", f"data.root={rollouts}", *QUIET])
    assert "data     WorldModelDataModule batch=8" in capsys.readouterr().out
    # prepare_data collected the three splits.
    for split in ("train/scripted", "train/random", "val"):
        assert (rollouts / split / INDEX_FILE).is_file(), split
    assert out["trainer"].global_step == 30

    # The loss fell on this fixed tiny set: the validation loss (same windows, same noise, EMA
    # weights) went down at every evaluation. (Training losses jump whenever a batch holds a
    # success's +5 reward, so they are not compared.)
    m = _metrics(tmp_path)
    val = dict(m["val/loss"])
    assert sorted(val) == [9, 19, 29] and val[29] < val[19] < val[9]
    assert {"train/flow_loss", "train/reward_mse", "train/termination_bce", "val/flow_loss"} <= set(m)

    # The export is a WorldModel folder the env loads; its EMA weights left the initialisation.
    model = WorldModel.from_pretrained(out["export_path"], low_cpu_mem_usage=False)
    assert model.config.hidden_size == 32 and (tmp_path / "latest_model" / "config.json").is_file()
    assert model.dit.final_layer.linear.weight.abs().sum() > 0


def test_resume_is_exact(tmp_path, rollouts):
    common = ["experiment=tiny_push_world_model", f"data.root={rollouts}", "trainer.val_check_interval=2",
              "callbacks.checkpoint.every_n_train_steps=1", *QUIET]
    main([*common, f"run_dir={tmp_path / 'straight'}", "trainer.max_steps=6"])
    main([*common, f"run_dir={tmp_path / 'resumed'}", "trainer.max_steps=3"])
    out = main([*common, f"run_dir={tmp_path / 'resumed'}", "trainer.max_steps=6", "resume=true"])
    assert out["trainer"].global_step == 6 and isinstance(out["system"], WorldModelSystem)

    def checkpoint(run):
        ckpt = torch.load(tmp_path / run / "checkpoints" / "last.ckpt", map_location="cpu", weights_only=True)
        return ckpt["state_dict"], ckpt["optimizer_states"][0]["state"]

    (a, opt_a), (b, opt_b) = checkpoint("straight"), checkpoint("resumed")
    assert a.keys() == b.keys() and any(k.startswith("ema_world_model.") for k in a)
    for k in a:
        assert torch.equal(a[k], b[k]), k
    for i in opt_a:
        for k in opt_a[i]:
            assert torch.equal(opt_a[i][k], opt_b[i][k])
