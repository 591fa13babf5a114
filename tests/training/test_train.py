"""The Hydra entry end to end: the shipped configs, shrunk by overrides, on a real Trainer."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from sora_sdk.device import default_compute_dtype
from sora_sdk.models.compressor import VideoCompressor
from sora_sdk.pipeline.generator import VideoGenerator
from sora_sdk.training.train import compose_config, main, resolve_precision

REPO = Path(__file__).resolve().parents[2]


def test_shipped_configs_compose():
    for overrides in (
        ["experiment=tiny_shapes"],
        ["experiment=tiny_shapes_compressor"],
        ["model=small", "trainer=ddp_cpu"],
        ["model=compressor_small", "trainer=gpu"],
    ):
        cfg = compose_config(overrides)
        assert cfg.trainer.precision == "auto"
        assert cfg.trainer.use_distributed_sampler is False
    cfg = compose_config(["experiment=tiny_shapes"])
    assert cfg.model.compressor == "runs/tiny_shapes_compressor/model" == compose_config(["experiment=tiny_shapes_compressor"]).output_dir
    assert (cfg.data.train_dataset.num_frames, cfg.data.train_dataset.height, cfg.data.train_dataset.fps) == (17, 64, 8.0)


def test_auto_precision_is_bf16_only_where_the_cpu_has_bf16_units():
    bf16 = default_compute_dtype("cpu") == torch.bfloat16
    assert resolve_precision("auto", "cpu") == ("bf16-mixed" if bf16 else "32-true")
    assert resolve_precision("bf16-mixed", "cpu") == "bf16-mixed" and resolve_precision(32, "cpu") == 32
    if not torch.cuda.is_available():
        assert resolve_precision("auto", "auto") == resolve_precision("auto", "cpu")


def test_finetune_experiment_starts_from_the_shipped_model():
    from sora_sdk.pipeline.presets import shipped_models

    cfg = compose_config(["experiment=shapes_default_finetune"])
    assert cfg.compressor_path == str(shipped_models()["default"] / "compressor")
    assert cfg.data.train_dataset.datasets[0].compressor_path == cfg.compressor_path
    assert cfg.model.training.init_from == "default" and cfg.model.training.foreground_weight > 0
    assert cfg.model.transformer.hidden_size == 320  # the shipped default's architecture (model=compact)
    with pytest.raises(Exception, match="shipped: \\['default'\\]"):
        compose_config(["experiment=shapes_default_finetune", "compressor_path=${shipped:nope}/compressor"]).compressor_path


def test_t2v_finetune_experiment_moves_the_gradient_to_text_to_video_and_objects():
    from omegaconf import OmegaConf

    from sora_sdk.training.config import DiffusionTrainingConfig

    base = compose_config(["experiment=shapes_default_finetune"])
    cfg = compose_config(["experiment=shapes_default_finetune_t2v"])
    assert cfg.name == "shapes_default_finetune_t2v" and cfg.run_dir == "runs/shapes_default_finetune_t2v"
    training = DiffusionTrainingConfig(**OmegaConf.to_container(cfg.model.training, resolve=True))
    assert training.condition_masks.none == 0.85 and training.foreground_weight == 6.0
    # Every frame-conditioned mode keeps a share, so one checkpoint still serves image-to-video etc.
    assert min(training.condition_masks.model_dump().values()) > 0
    # Everything else is the fine-tune it extends: same start, data, schedule and length.
    assert training.init_from == "default" and cfg.trainer.max_steps == base.trainer.max_steps
    assert cfg.model.training.lr == base.model.training.lr and cfg.data.batch_size == base.data.batch_size
    sources = [d.source for d in cfg.data.train_dataset.datasets]
    assert sources == [d.source for d in base.data.train_dataset.datasets]  # the same clips, cached in its own run_dir


def test_two_stage_pipeline_end_to_end(tmp_path, small_run):
    # Stage 1: the tiny compressor experiment writes a compressor folder with latent statistics.
    out = main(["experiment=tiny_shapes_compressor", f"run_dir={tmp_path / 'vae'}", "trainer.max_steps=2",
                "model.training.stats_samples=4", *small_run])
    vae_dir = out["export_path"]
    assert VideoCompressor.from_pretrained(vae_dir).config.latents_std is not None
    assert (tmp_path / "vae" / "checkpoints" / "last.ckpt").is_file()

    # Stage 2: the tiny DiT experiment on that compressor exports a loadable VideoGenerator.
    out = main(["experiment=tiny_shapes", f"compressor_path={vae_dir}", f"run_dir={tmp_path / 'dit'}",
                "trainer.max_steps=2", *small_run])
    assert out["trainer"].global_step == 2
    gen = VideoGenerator.from_pretrained(out["export_path"])
    video = gen.generate("a blue square moving left", num_frames=1, height=32, width=32,
                         num_inference_steps=2, guidance_scale=2.0, seed=0, progress=False)
    assert video.frames.shape == (1, 32, 32, 3) and video.frames.dtype.name == "uint8"
    # The periodic export left a usable model too, and the logs carry both losses.
    assert (tmp_path / "dit" / "latest_model" / "model_index.json").is_file()
    metrics = next((tmp_path / "dit" / "logs").glob("*/metrics.csv")).read_text().splitlines()[0]
    assert "train/loss" in metrics and "val/loss" in metrics


def test_resume_is_exact(tmp_path, small_run, tiny_compressor_dir):
    # 8 clips at batch 2 = 4 batches per epoch: stopping at step 3 is mid-epoch and the resumed
    # run crosses into the next epoch, with validation in between.
    common = ["experiment=tiny_shapes", f"compressor_path={tiny_compressor_dir}", *small_run]
    main([*common, f"run_dir={tmp_path / 'straight'}", "trainer.max_steps=6"])
    main([*common, f"run_dir={tmp_path / 'resumed'}", "trainer.max_steps=3"])
    out = main([*common, f"run_dir={tmp_path / 'resumed'}", "trainer.max_steps=6", "resume=true"])
    assert out["trainer"].global_step == 6

    def weights(run: str) -> dict:
        ckpt = torch.load(tmp_path / run / "checkpoints" / "last.ckpt", map_location="cpu", weights_only=True)
        return ckpt["state_dict"], ckpt["optimizer_states"][0]["state"]

    (a, opt_a), (b, opt_b) = weights("straight"), weights("resumed")
    assert a.keys() == b.keys() and any(k.startswith("ema_transformer.") for k in a)
    for k in a:
        assert torch.equal(a[k], b[k]), k
    for i in opt_a:
        for k in opt_a[i]:
            assert torch.equal(opt_a[i][k], opt_b[i][k])
    exported = [load_file(tmp_path / r / "model" / "transformer" / "diffusion_pytorch_model.safetensors") for r in ("straight", "resumed")]
    assert all(torch.equal(exported[0][k], exported[1][k]) for k in exported[0])
    # And the run did learn something: the exported (EMA) weights left the initialisation.
    assert not torch.equal(exported[0]["final_layer.linear.weight"], torch.zeros_like(exported[0]["final_layer.linear.weight"]))


def test_ddp_two_cpu_ranks_stay_in_sync(tmp_path, small_run, tiny_compressor_dir):
    run_dir = tmp_path / "ddp"
    cmd = [sys.executable, "-m", "sora_sdk.training.train", "experiment=tiny_shapes", "trainer=ddp_cpu",
           f"compressor_path={tiny_compressor_dir}", f"run_dir={run_dir}", "trainer.max_steps=3", *small_run]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    record = json.loads((run_dir / "rank_sync.json").read_text())
    assert record["world_size"] == 2 and len(record["checksums"]) == 2
    assert record["global_step"] == 3
    assert record["checksums"][0] == record["checksums"][1] and record["in_sync"]
    assert (run_dir / "model" / "model_index.json").is_file()


def test_dit_stage_trains_from_a_latent_cache_built_in_prepare_data(tmp_path, tiny_compressor_dir):
    # data=shapes_latents: the cache is built before the first step, then steps read it.
    src = "data.train_dataset.source"
    out = main([
        "experiment=tiny_shapes", "data=shapes_latents", f"compressor_path={tiny_compressor_dir}",
        f"run_dir={tmp_path / 'dit'}", "trainer.max_steps=3", f"{src}.num_samples=6", f"{src}.num_frames=9",
        f"{src}.height=32", f"{src}.width=32", "data.train_dataset.shard_size=4",
        "data.val_dataset.num_samples=2", "data.batch_size=2", "trainer.val_check_interval=3",
        "trainer.limit_val_batches=1", "trainer.enable_progress_bar=false", "callbacks.periodic_export.every_n_steps=3",
    ])
    assert out["trainer"].global_step == 3
    cache = tmp_path / "dit" / "latent_cache"
    assert sorted(p.name for p in cache.glob("part-*")) == ["part-00000.safetensors", "part-00001.safetensors"]
    loss = float(out["trainer"].callback_metrics["train/loss"])
    assert 0.0 < loss < 10.0
    VideoGenerator.from_pretrained(out["export_path"])


def test_prompt_accuracy_check_logs_a_learning_curve(tmp_path, small_run, tiny_compressor_dir):
    out = main([
        "experiment=tiny_shapes", f"compressor_path={tiny_compressor_dir}", f"run_dir={tmp_path / 'dit'}",
        "trainer.max_steps=2", *small_run,
        "+callbacks.prompt_accuracy._target_=sora_sdk.training.callbacks.PromptAccuracyCheck",
        "+callbacks.prompt_accuracy.every_n_steps=1", "+callbacks.prompt_accuracy.n=2",
        "+callbacks.prompt_accuracy.num_inference_steps=1", f"+callbacks.prompt_accuracy.path={tmp_path / 'acc.jsonl'}",
    ])
    assert out["trainer"].global_step == 2
    lines = [json.loads(x) for x in (tmp_path / "acc.jsonl").read_text().splitlines()]
    assert [r["step"] for r in lines] == [1, 2]
    assert all(0.0 <= r["eval/colour"] <= 1.0 and 0.0 <= r["eval/motion"] <= 1.0 for r in lines)
    header = next((tmp_path / "dit" / "logs").glob("*/metrics.csv")).read_text().splitlines()[0]
    assert "eval/shape" in header
