"""The Push world model recipe through the Hydra entry: collect, train, export, resume exactly."""

import csv
import json

import pytest
import torch

from sora_sdk.integrations.robotics import WorldModel, WorldModelSystem
from sora_sdk.integrations.robotics.world_model_system import warm_start
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
    assert cfg.data.context_frames == cfg.model.world_model.context_frames == 1
    assert cfg.data.horizon == 2 and cfg.model.training.unroll_prob == 0.5  # unrolled training
    assert cfg.data.root == "runs/push_world_model/rollouts" and cfg.output_dir == "runs/push_world_model/model"
    assert cfg.model.world_model.sampling_steps <= 4 and cfg.model.world_model.prediction_type == "sample"
    # Two stages: the base trains from scratch on the same rollouts; the shipped stage starts from its export.
    base = compose_config(["experiment=push_world_model_base"])
    assert base.data.root == cfg.data.root and base.model.training.init_from is None
    assert cfg.model.training.init_from == base.output_dir and cfg.model.world_model.refine_width > 0
    # The optional policy round starts from the shipped stage and keeps its architecture and data.
    round1 = compose_config(["experiment=push_world_model_round1"])
    assert round1.model.training.init_from == cfg.output_dir and round1.data.root == cfg.data.root
    assert dict(round1.model.world_model) == dict(cfg.model.world_model)


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


def _window_batch(b=4, k=2, frames=None, seed=0):
    """A synthetic batch of K + 2 frame windows (distinct frames, actions, rewards, flags)."""
    gen = torch.Generator().manual_seed(seed)
    length = k + 2 if frames is None else frames
    return {
        "video": torch.rand(b, length, 3, 64, 64, generator=gen) * 2 - 1,
        "actions": torch.rand(b, length - 1, 2, generator=gen) * 2 - 1,
        "rewards": torch.arange(b * (length - 1), dtype=torch.float32).view(b, length - 1),
        "terminated": torch.rand(b, length - 1, generator=gen) < 0.5,
    }


@pytest.mark.parametrize("k", [1, 2])
def test_unrolled_windows_put_the_models_own_sample_in_the_context(k):
    from world_model_helpers import tiny_world_model

    from sora_sdk.training import step_generator

    system = WorldModelSystem(tiny_world_model(randomised=True, context_frames=k), training={"unroll_prob": 0.5})
    batch = _window_batch(b=16, k=k)
    video = batch["video"].transpose(1, 2)
    model = system.world_model
    out, actions, rewards, terminated, before, sampled = system._unrolled_windows(
        model, video, batch["actions"], batch["rewards"], batch["terminated"], step_generator(0, "train", 1), unroll=True)
    assert out.shape == (16, 3, k + 1, 64, 64) and actions.shape == (16, k, 2)

    # Which samples were unrolled, and the sample of each, replayed from the same generator.
    gen = step_generator(0, "train", 1)
    pick = torch.rand(16, generator=gen) < 0.5
    idx = pick.nonzero()[:, 0]
    assert 0 < len(idx) < 16
    pred = model.predict_next(video[idx, :, :k].transpose(1, 2), batch["actions"][idx, : k - 1],
                              batch["actions"][idx, k - 1], generator=gen).frame
    # The head's extra inputs: the transition into each sampled frame, with its real labels.
    s_before, s_action, s_frame, s_reward, s_term = sampled
    assert torch.equal(s_frame, pred) and torch.equal(s_before, video[idx, :, k - 1])
    assert torch.equal(s_action, batch["actions"][idx, k - 1]) and torch.equal(s_reward, batch["rewards"][idx, k - 1])
    assert torch.equal(s_term, batch["terminated"][idx, k - 1])
    for i in range(16):
        if pick[i]:  # frames 1..K+1, the last context frame being the model's sample of frame K
            j = int((idx == i).nonzero())
            assert torch.equal(out[i, :, k - 1], pred[j])
            assert not torch.equal(out[i, :, k - 1], video[i, :, k])
            assert torch.equal(out[i, :, :k - 1], video[i, :, 1:k]) and torch.equal(out[i, :, k], video[i, :, k + 1])
            assert torch.equal(actions[i], batch["actions"][i, 1:]) and torch.equal(rewards[i], batch["rewards"][i, 1:])
            assert torch.equal(before[i], video[i, :, k])  # the head reads the real frame
        else:  # frames 0..K as they are
            assert torch.equal(out[i], video[i, :, : k + 1]) and torch.equal(actions[i], batch["actions"][i, :k])
            assert torch.equal(terminated[i], batch["terminated"][i, :k]) and torch.equal(before[i], video[i, :, k - 1])

    # Without unrolling (validation), K + 2 frame windows give their first K + 1 frames.
    out, actions, *_, before, sampled = system._unrolled_windows(
        model, video, batch["actions"], batch["rewards"], batch["terminated"], step_generator(0, "train", 1), unroll=False)
    assert torch.equal(out, video[:, :, : k + 1]) and before is None and sampled is None


def test_unrolling_needs_windows_with_one_more_frame():
    from world_model_helpers import tiny_world_model

    system = WorldModelSystem(tiny_world_model(), training={"unroll_prob": 0.5})
    with pytest.raises(ValueError, match=r"unroll_prob > 0 needs one more frame.*data.horizon=2"):
        system._common_step(_window_batch(k=2, frames=3), "train", 0)
    with pytest.raises(ValueError, match="horizon must be 1"):
        from sora_sdk.integrations.robotics.world_model_data import WorldModelDataModule

        WorldModelDataModule("unused", context_frames=2, horizon=3)


def test_tiny_unrolled_run_trains(tmp_path, rollouts):
    out = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path}", f"data.root={rollouts}", *QUIET,
                "model.world_model.context_frames=2", "data.horizon=2", "model.training.unroll_prob=0.5"])
    assert out["trainer"].global_step == 30
    data = out["datamodule"]
    assert data.train_dataset.datasets[0].window == 4 and data.val_dataset.window == 3  # val: next-frame windows
    val = dict(_metrics(tmp_path)["val/loss"])
    assert val[29] < val[9]


def test_calibration_runs_at_fit_end_and_is_exported(tmp_path, rollouts):
    common = ["experiment=tiny_push_world_model", f"data.root={rollouts}", *QUIET, "trainer.max_steps=4"]
    plain = main([*common, f"run_dir={tmp_path / 'plain'}"])
    out = main([*common, f"run_dir={tmp_path / 'calibrated'}", "model.training.calibration.episodes=4",
                "model.training.calibration.epochs=2", "model.training.calibration.batch_size=16"])
    record = json.loads((out["export_path"] / "calibration.json").read_text())
    assert record["config"]["episodes"] == 4 and record["report"]["holdout_transitions"] > 0
    assert not (plain["export_path"] / "calibration.json").exists()
    # Same training (seeded), then only the calibrated run's head moved: the DiT is untouched.
    a, b = (WorldModel.from_pretrained(r["export_path"], low_cpu_mem_usage=False) for r in (plain, out))
    for name, weight in a.dit.state_dict().items():
        assert torch.equal(weight, b.dit.state_dict()[name]), name
    assert not torch.equal(a.head.mlp[2].weight, b.head.mlp[2].weight)


def test_change_mask_marks_moved_pixels_and_their_neighbours():
    from sora_sdk.integrations.robotics.world_model_system import change_mask

    before = torch.full((1, 3, 8, 8), -1.0)
    after = before.clone()
    after[0, 2, 3, 4] = -0.9  # one pixel's blue channel changes by 0.1
    after[0, 0, 0, 0] = -0.99  # below the threshold: not a change
    m = change_mask(before, after)
    assert m.shape == (1, 1, 8, 8) and m.sum() == 9  # the pixel and its 3x3 neighbourhood
    assert m[0, 0, 2:5, 3:6].eq(1).all() and m[0, 0, 0, 0] == 0


def test_change_weighted_loss_trains(tmp_path, rollouts):
    out = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path}", f"data.root={rollouts}", *QUIET,
                "model.training.change_weight=10"])
    assert out["system"].cfg.change_weight == 10
    val = dict(_metrics(tmp_path)["val/loss"])
    assert val[29] < val[9]


def test_potential_reward_head_trains_with_the_real_termination_flags(tmp_path, rollouts):
    out = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path}", f"data.root={rollouts}", *QUIET,
                "model.world_model.reward_head=potential"])
    model = WorldModel.from_pretrained(out["export_path"], low_cpu_mem_usage=False)
    assert model.config.reward_head == "potential"
    assert model.head.bonus.item() > 0.0  # learnt from the real successes' +5 (it starts at 0)
    assert all(v == v for _, v in _metrics(tmp_path)["val/reward_mse"])  # logged, finite


def test_warm_start_loads_an_export_and_leaves_added_layers_fresh(tmp_path):
    from world_model_helpers import tiny_world_model

    tiny_world_model(randomised=True).save_pretrained(tmp_path / "base")
    grown = tiny_world_model(refine_width=8)
    fresh_refiner = {k: v.clone() for k, v in grown.refiner.state_dict().items()}
    missing = warm_start(grown, tmp_path / "base")
    assert missing and all(name.startswith("refiner.") for name in missing)
    base = WorldModel.from_pretrained(tmp_path / "base", low_cpu_mem_usage=False)
    assert torch.equal(grown.dit.final_layer.linear.weight, base.dit.final_layer.linear.weight)
    assert all(torch.equal(v, grown.refiner.state_dict()[k]) for k, v in fresh_refiner.items())
    with pytest.raises(ValueError, match="not a warm start for this model"):
        warm_start(tiny_world_model(hidden_size=64), tmp_path / "base")
    with pytest.raises(FileNotFoundError, match="no WorldModel folder there"):
        warm_start(grown, tmp_path / "missing")


def test_fit_with_init_from_starts_from_the_given_weights(tmp_path, rollouts):
    first = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path / 'a'}", f"data.root={rollouts}", *QUIET])
    system = main(["experiment=tiny_push_world_model", f"run_dir={tmp_path / 'b'}", f"data.root={rollouts}", *QUIET,
                   "trainer.max_steps=0", "model.world_model.refine_width=4",
                   f"model.training.init_from={first['export_path']}"])["system"]
    base = WorldModel.from_pretrained(first["export_path"], low_cpu_mem_usage=False)
    for model in (system.world_model, system.ema_world_model):
        assert torch.equal(model.dit.final_layer.linear.weight, base.dit.final_layer.linear.weight)
        assert model.refiner is not None and not model.refiner.net[-1].weight.any()


def test_datamodule_also_trains_on_rollouts_added_under_train(tmp_path):
    from sora_sdk.integrations.robotics import collect_rollouts
    from sora_sdk.integrations.robotics.world_model_data import WorldModelDataModule

    dm = WorldModelDataModule(tmp_path, context_frames=1, horizon=2, progress=False,
                              collection={"scripted_steps": 40, "random_steps": 20, "val_steps": 20})
    dm.prepare_data()
    # A policy's own episodes, collected separately (here: random actions from other seeds).
    collect_rollouts("SoraSDK/Push-v0", "random", 30, tmp_path / "train" / "policy_round1", seed=777, progress=False)
    dm.setup("fit")
    sizes = [len(d) for d in dm.train_dataset.datasets]
    assert len(sizes) == 3 and all(sizes)
    roots = [str(d.root) for d in dm.train_dataset.datasets]
    assert roots[0].endswith("scripted") and roots[1].endswith("random") and roots[2].endswith("policy_round1")
