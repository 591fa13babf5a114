"""The training entry point: Hydra config -> datamodule + system + Trainer -> fit -> export.

    python -m sora_sdk.training.train experiment=tiny_shapes_compressor
    python -m sora_sdk.training.train experiment=tiny_shapes trainer.max_steps=50
    python -m sora_sdk.training.train experiment=tiny_shapes resume=true        # continue last.ckpt
    python -m sora_sdk.training.train experiment=tiny_shapes trainer=ddp_cpu    # 2 CPU processes

(``sora-sdk train ...`` passes its arguments to `main`.) Configs live in the top-level
``configs/`` folder, installed as the ``sora_sdk.configs`` package. Hydra composes; every object
is built by ``_target_``; the systems validate their hyper-parameters with pydantic.

Under the ``ddp`` strategy Lightning starts the other ranks by re-running this command line, so
every rank composes the same config (the run directory is derived from the config, never from the
clock, for that reason).
"""

from __future__ import annotations

import copy
import importlib.resources
import sys
from pathlib import Path

import hydra
import lightning.pytorch as pl
from lightning.pytorch.utilities import rank_zero_only
from omegaconf import DictConfig, OmegaConf

__all__ = ["train", "main", "compose_config", "config_dir", "resolve_precision"]

CONFIG_NAME = "train"


def _shipped_model_path(name: str) -> str:
    """``${shipped:NAME}`` in a config: the folder of the model shipped in the package as NAME
    (e.g. ``compressor_path: ${shipped:default}/compressor`` to fine-tune on the released compressor)."""
    from sora_sdk.pipeline.presets import shipped_models

    shipped = shipped_models()
    if name not in shipped:
        raise ValueError(f"${{shipped:{name}}}: no model of that name ships in the package; shipped: {sorted(shipped) or 'none'}.")
    return str(shipped[name])


if not OmegaConf.has_resolver("shipped"):
    OmegaConf.register_new_resolver("shipped", _shipped_model_path)


def resolve_precision(precision: str | int | None, accelerator: str | None = "cpu") -> str | int | None:
    """The trainer's ``precision``, with ``"auto"`` chosen by the hardware (any other value is
    returned as it is).

    ``"auto"`` is ``"bf16-mixed"`` where bf16 has matrix units: a CUDA GPU with bf16 (else
    ``"16-mixed"``), a CPU with AVX512-BF16 or AMX. On a CPU without them it is ``"32-true"``:
    there bf16 is emulated, and a bf16 matmul measured ~1 GFLOP/s against ~145 for fp32 (a
    2-core AVX2 machine), so bf16 training would be about 100x slower, not faster.
    """
    if precision != "auto":
        return precision
    import torch

    from sora_sdk.device import default_compute_dtype

    gpu = str(accelerator) in ("gpu", "cuda") or (str(accelerator) == "auto" and torch.cuda.is_available())
    dtype = default_compute_dtype("cuda" if gpu else "cpu")  # the one hardware rule the samplers use too
    return {torch.bfloat16: "bf16-mixed", torch.float16: "16-mixed"}.get(dtype, "32-true")


def config_dir() -> Path:
    """The folder holding ``train.yaml``: the installed ``sora_sdk.configs`` package, or, in a
    source checkout that is not installed, the repository's ``configs/`` folder."""
    try:
        path = Path(str(importlib.resources.files("sora_sdk.configs")))
    except ModuleNotFoundError:
        # Not installed (e.g. PYTHONPATH pointing at a clone): configs/ sits beside sora_sdk/.
        import sora_sdk

        path = Path(sora_sdk.__file__).resolve().parent.parent / "configs"
    if not (path / f"{CONFIG_NAME}.yaml").is_file():
        raise FileNotFoundError(
            f"no {CONFIG_NAME}.yaml in {path}; reinstall sora-sdk (`pip install -e .`) so its configs ship."
        )
    return path


def compose_config(overrides: list[str] | None = None) -> DictConfig:
    """Compose the training config with Hydra's compose API (no working-directory change)."""
    with hydra.initialize_config_dir(config_dir=str(config_dir()), version_base="1.3"):
        return hydra.compose(config_name=CONFIG_NAME, overrides=list(overrides or []))


def _resolve_ckpt_path(cfg: DictConfig) -> str | None:
    if cfg.get("ckpt_path"):
        path = Path(cfg.ckpt_path)
        if not path.is_file():
            raise FileNotFoundError(f"ckpt_path={path} does not exist; pass an existing .ckpt or resume=true.")
        return str(path)
    if cfg.get("resume"):
        last = Path(cfg.run_dir) / "checkpoints" / "last.ckpt"
        if last.is_file():
            return str(last)
        _print(f"resume=true but {last} does not exist yet: starting a fresh run.")
    return None


@rank_zero_only
def _print(msg: str) -> None:
    print(f"[sora-sdk train] {msg}", flush=True)


def _describe(cfg: DictConfig, ckpt_path: str | None) -> str:
    model, data, trainer = cfg.model, cfg.data, cfg.trainer
    ds = data.get("train_dataset", {})
    lines = [
        f"run {cfg.name}: run_dir={cfg.run_dir} output_dir={cfg.output_dir} seed={cfg.seed}",
        f"  system   {model._target_.rsplit('.', 1)[-1]}",
    ]
    if "transformer" in model:
        t = model.transformer
        lines.append(
            f"  DiT      hidden={t.get('hidden_size')} depth={t.get('depth')} heads={t.get('num_heads')} "
            f"patch={list(t.get('patch_size', []))} prediction={t.get('prediction_type')} "
            f"compressor={model.get('compressor')}"
        )
    if "compressor" in model and isinstance(model.compressor, DictConfig):
        c = model.compressor
        lines.append(
            f"  VAE      latent_channels={c.get('latent_channels')} blocks={list(c.get('block_out_channels', []))} "
            f"factors=({c.get('temporal_factor')}, {c.get('spatial_factor')})"
        )
    if "train_dataset" in data:
        data_line = (f"{ds.get('_target_', '?').rsplit('.', 1)[-1]} {ds.get('num_frames')}x{ds.get('height')}x"
                     f"{ds.get('width')} n={ds.get('num_samples')} batch={data.get('batch_size')}")
    else:  # a datamodule that builds its own datasets (e.g. the robotics world model's)
        data_line = f"{data.get('_target_', '?').rsplit('.', 1)[-1]} batch={data.get('batch_size')}"
    lines += [
        f"  training {OmegaConf.to_container(model.get('training', {}), resolve=True)}",
        f"  data     {data_line}",
        f"  trainer  {trainer.get('accelerator')} devices={trainer.get('devices')} strategy={trainer.get('strategy', 'auto')} "
        f"precision={trainer.get('precision')} max_steps={trainer.get('max_steps')}",
        f"  resume   {ckpt_path or 'no (fresh run)'}",
    ]
    return "\n".join(lines)


def train(cfg: DictConfig) -> dict:
    """Build everything from ``cfg``, fit, export.

    Returns:
        {"trainer", "system", "datamodule", "export_path"} (export_path is None on ranks > 0,
        which do not write the export).
    """
    ckpt_path = _resolve_ckpt_path(cfg)
    if cfg.trainer.get("precision") == "auto":
        cfg = copy.deepcopy(cfg)
        cfg.trainer.precision = resolve_precision("auto", cfg.trainer.get("accelerator", "cpu"))
    _print(_describe(cfg, ckpt_path))
    pl.seed_everything(cfg.seed, workers=True, verbose=False)

    # _convert_="all": plain lists/dicts, because models store their config as JSON.
    datamodule = hydra.utils.instantiate(cfg.data, _convert_="all")
    system = hydra.utils.instantiate(cfg.model, _convert_="all")
    callbacks = [hydra.utils.instantiate(c, _convert_="all") for c in (cfg.get("callbacks") or {}).values() if c]
    logger = hydra.utils.instantiate(cfg.logger, _convert_="all") if cfg.get("logger") else False
    trainer: pl.Trainer = hydra.utils.instantiate(cfg.trainer, callbacks=callbacks, logger=logger, _convert_="all")

    trainer.fit(system, datamodule=datamodule, ckpt_path=ckpt_path)

    export_path = None
    if cfg.get("output_dir") and trainer.is_global_zero:
        export_path = system.export(Path(cfg.output_dir))
        _print(f"exported {type(system).__name__} result to {export_path}")
    return {"trainer": trainer, "system": system, "datamodule": datamodule, "export_path": export_path}


def main(overrides: list[str] | None = None) -> dict:
    """Compose the config from command-line style overrides and train, e.g.
    ``main(["experiment=tiny_shapes", "trainer.max_steps=50"])``."""
    overrides = sys.argv[1:] if overrides is None else overrides
    return train(compose_config(overrides))


if __name__ == "__main__":
    main(sys.argv[1:])
