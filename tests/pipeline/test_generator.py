import json

import numpy as np
import pytest
import torch
from pydantic import ValidationError

from sora_sdk import Condition, GenerationRequest, VideoGenerator
from sora_sdk.eval.metrics import psnr

FAST = dict(num_inference_steps=2, progress=False)


def test_generate_shapes_and_metadata(tiny_generator):
    video = tiny_generator.generate("a red circle moving right", seed=3, num_frames=9, height=32, width=48, fps=12.0, **FAST)
    assert video.frames.shape == (9, 32, 48, 3) and video.frames.dtype == np.uint8
    assert video.fps == 12.0
    assert video.metadata["prompt"] == "a red circle moving right" and video.metadata["seed"] == 3


def test_same_seed_is_bit_identical_and_other_seed_differs(tiny_generator):
    # A fresh tiny model outputs zero velocity (AdaLN-Zero); nudge it so the seed matters.
    with torch.no_grad():
        for p in tiny_generator.transformer.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    a = tiny_generator.generate("a blue square", seed=7, **FAST)
    b = tiny_generator.generate("a blue square", seed=7, **FAST)
    c = tiny_generator.generate("a blue square", seed=8, **FAST)
    assert np.array_equal(a.frames, b.frames)
    assert not np.array_equal(a.frames, c.frames)


def test_unset_seed_is_drawn_and_recorded(tiny_generator):
    video = tiny_generator.generate("a green triangle", num_frames=1, **FAST)
    seed = video.metadata["seed"]
    again = tiny_generator.generate("a green triangle", num_frames=1, seed=seed, **FAST)
    assert np.array_equal(video.frames, again.frames)


def test_text_to_image_is_one_frame(tiny_generator):
    assert tiny_generator.generate("a purple disc", num_frames=1, seed=0, **FAST).frames.shape == (1, 64, 64, 3)


def test_save_load_round_trip_is_equal(tiny_generator, tmp_path):
    with torch.no_grad():
        for p in tiny_generator.transformer.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    before = tiny_generator.generate("a yellow circle", seed=1, **FAST)
    tiny_generator.save_pretrained(tmp_path / "model")
    index = json.loads((tmp_path / "model" / "model_index.json").read_text())
    assert index["_class_name"] == "VideoGenerator"
    assert list((tmp_path / "model" / "transformer").glob("*.safetensors"))
    loaded = VideoGenerator.from_pretrained(tmp_path / "model")
    after = loaded.generate("a yellow circle", seed=1, **FAST)
    assert np.array_equal(before.frames, after.frames)


def test_bf16_weights_halve_the_files_and_load_as_fp32(tiny_generator, tmp_path):
    tiny_generator.save_pretrained(tmp_path / "fp32")
    tiny_generator.save_pretrained(tmp_path / "bf16", weights_dtype=torch.bfloat16)
    size = {k: (tmp_path / k / "transformer" / "diffusion_pytorch_model.safetensors").stat().st_size for k in ("fp32", "bf16")}
    assert size["bf16"] < 0.55 * size["fp32"]
    loaded = VideoGenerator.from_pretrained(tmp_path / "bf16")
    for ours, theirs in zip(tiny_generator.transformer.parameters(), loaded.transformer.parameters()):
        assert theirs.dtype == torch.float32
        torch.testing.assert_close(theirs, ours.to(torch.bfloat16).float())
    assert loaded.generate("a red circle", seed=0, **FAST).frames.shape == (17, 64, 64, 3)


def test_large_weights_are_sharded_and_load_back(tiny_generator, tmp_path):
    tiny_generator.save_pretrained(tmp_path / "m", max_shard_size="20KB")
    shards = list((tmp_path / "m" / "transformer").glob("*.safetensors"))
    assert len(shards) > 1 and (tmp_path / "m" / "transformer" / "diffusion_pytorch_model.safetensors.index.json").is_file()
    loaded = VideoGenerator.from_pretrained(tmp_path / "m")
    for ours, theirs in zip(tiny_generator.transformer.state_dict().values(), loaded.transformer.state_dict().values()):
        assert torch.equal(ours, theirs)


def test_conditioned_frames_are_reproduced(tiny_generator):
    # With the condition pinned, the first latent frame is exactly the condition's latent, so the
    # decoded first frame equals the compressor round trip of the image.
    rng = np.random.default_rng(0)
    image = (rng.random((64, 64, 3)) * 255).astype(np.uint8)
    video = tiny_generator.generate("a red circle moving right", seed=0, num_frames=9, conditions=[Condition(image, 0)], **FAST)
    comp = tiny_generator.compressor
    with torch.no_grad(), torch.autocast("cpu", dtype=tiny_generator.dtype):
        x = torch.from_numpy(image).permute(2, 0, 1)[None, :, None].float() / 127.5 - 1
        rt = comp.decode(comp.encode(x).mode())[0, :, 0].float()
    expected = ((rt.clamp(-1, 1) + 1) * 127.5).round().permute(1, 2, 0).numpy().astype(np.uint8)
    # Only the invisible watermark (a few levels, >= 38 dB) separates them.
    assert psnr(video.frames[:1], expected[None]) > 36


def test_callback_can_replace_latents(tiny_generator):
    seen = []

    def cb(gen, step, t, kw):
        seen.append(step)
        return {"latents": torch.zeros_like(kw["latents"])}

    video = tiny_generator.generate("x", seed=0, num_frames=1, callback_on_step_end=cb, **FAST)
    assert seen == [0, 1]
    # The last callback zeroed the latents, so the video is the decode of an all-zero latent.
    comp = tiny_generator.compressor
    with torch.no_grad(), torch.autocast("cpu", dtype=tiny_generator.dtype):
        px = comp.decode(comp.denormalize(torch.zeros(1, 4, 1, 16, 16)))[0, :, 0].float()
    expected = ((px.clamp(-1, 1) + 1) * 127.5).round().permute(1, 2, 0).numpy()
    assert psnr(video.frames[:1], expected[None].astype(np.uint8)) > 36  # watermark aside


def test_generate_batch_matches_single(tiny_generator):
    with torch.no_grad():
        for p in tiny_generator.transformer.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    reqs = [GenerationRequest(prompt=p, seed=s, num_frames=5, num_inference_steps=2) for p, s in [("a red circle", 1), ("a blue square", 2)]]
    batch = tiny_generator.generate_batch(reqs, progress=False)
    single = tiny_generator.generate(reqs[1], progress=False)
    assert psnr(batch[1].frames, single.frames) > 40


@pytest.mark.parametrize(
    "fields, match",
    [
        (dict(num_frames=16), "num_frames=16"),
        (dict(num_frames=0), "num_frames"),
        (dict(height=30), "height=30"),
        (dict(width=68), "width=68"),  # on the compressor grid (4) but not the patch grid (8)
        (dict(height=-8), "height"),
        (dict(height=100000), "height"),
        (dict(guidance_scale=float("nan")), "guidance_scale"),
        (dict(guidance_scale=-1.0), "guidance_scale"),
        (dict(num_inference_steps=0), "num_inference_steps"),
        (dict(fps=0.0), "fps"),
        (dict(num_frames="17"), "num_frames"),
        (dict(seed=-1), "seed"),
        (dict(nonsense=1), "nonsense"),
    ],
)
def test_bad_request_fields_raise_and_name_the_field(tiny_generator, fields, match):
    with pytest.raises((ValueError, ValidationError), match=match):
        tiny_generator.generate("a red circle", **{**FAST, **fields})


@pytest.mark.parametrize("prompt", ["", "   \n"])
def test_empty_prompt_raises(tiny_generator, prompt):
    with pytest.raises(ValidationError, match="prompt is empty"):
        tiny_generator.generate(prompt, **FAST)


def test_request_plus_fields_is_an_error(tiny_generator):
    with pytest.raises(ValueError, match="put every field in the request"):
        tiny_generator.generate(GenerationRequest(prompt="a"), seed=1)


@pytest.mark.parametrize(
    "cond, match",
    [
        (lambda: Condition(np.zeros((2, 64, 64, 3), np.uint8), 16), "covers frames 16..17"),
        (lambda: Condition(np.zeros((64, 64, 3), np.uint8), -18), "covers frames"),
        (lambda: Condition(np.zeros((32, 32, 3), np.uint8), 0), "resize"),
    ],
)
def test_bad_conditions_raise(tiny_generator, cond, match):
    with pytest.raises(ValueError, match=match):
        tiny_generator.generate("a", conditions=[cond()], **FAST)


def test_overlapping_conditions_raise(tiny_generator):
    img = np.zeros((64, 64, 3), np.uint8)
    with pytest.raises(ValueError, match="overlaps"):
        tiny_generator.generate("a", conditions=[Condition(np.stack([img] * 3), 0), Condition(img, 2)], **FAST)


def test_missing_and_corrupt_model_folders(tmp_path, tiny_generator):
    with pytest.raises(ValueError, match="no model folder"):
        VideoGenerator.from_pretrained(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no model_index.json"):
        VideoGenerator.from_pretrained(tmp_path / "empty")
    tiny_generator.save_pretrained(tmp_path / "m")
    (tmp_path / "m" / "model_index.json").write_text("{not json")
    with pytest.raises(ValueError, match="corrupt"):
        VideoGenerator.from_pretrained(tmp_path / "m")
    tiny_generator.save_pretrained(tmp_path / "m2")
    weights = next((tmp_path / "m2" / "transformer").glob("*.safetensors"))
    weights.write_bytes(b"garbage")
    with pytest.raises(ValueError, match="could not load"):
        VideoGenerator.from_pretrained(tmp_path / "m2")


def test_unknown_preset_lists_known():
    with pytest.raises(ValueError, match="known presets"):
        VideoGenerator.from_preset("gigantic")


def test_generation_defaults_fill_unset_fields_and_round_trip(tiny_generator, tmp_path):
    assert tiny_generator.generation_defaults == {"num_inference_steps": 20, "guidance_scale": 4.0, "guidance_start": 0.0, "guidance_stop": 1.0}
    tiny_generator.generation_defaults.update(num_inference_steps=3, guidance_scale=1.0)
    seen = []
    video = tiny_generator.generate("a red circle", num_frames=1, seed=0, progress=False,
                                    callback_on_step_end=lambda g, i, t, d: seen.append(i))
    assert seen == [0, 1, 2] and video.metadata["num_inference_steps"] == 3 and video.metadata["guidance_scale"] == 1.0
    explicit = tiny_generator.generate("a red circle", num_frames=1, seed=0, num_inference_steps=2, guidance_scale=5.0, progress=False)
    assert explicit.metadata["num_inference_steps"] == 2 and explicit.metadata["guidance_scale"] == 5.0
    # A request built by hand leaves them None too, and is resolved the same way.
    request = GenerationRequest(prompt="a red circle", num_frames=1, seed=0)
    assert request.num_inference_steps is None
    assert tiny_generator.resolve_defaults(request).num_inference_steps == 3
    assert tiny_generator.sampling_settings(None, 7.0) == (3, 7.0)
    loaded = VideoGenerator.from_pretrained(tiny_generator.save_pretrained(tmp_path / "m"))
    assert loaded.generation_defaults == {"num_inference_steps": 3, "guidance_scale": 1.0, "guidance_start": 0.0, "guidance_stop": 1.0}
    again = loaded.generate("a red circle", num_frames=1, seed=0, progress=False)
    assert np.array_equal(again.frames, video.frames)


def test_unknown_stored_generation_defaults_are_an_error(tiny_generator, tmp_path):
    path = tiny_generator.save_pretrained(tmp_path / "m")
    index = json.loads((path / "model_index.json").read_text())
    index["generation_defaults"]["num_steps"] = 4
    (path / "model_index.json").write_text(json.dumps(index))
    with pytest.raises(ValueError, match=r"unknown generation_defaults \['num_steps'\]"):
        VideoGenerator.from_pretrained(path)
    index["generation_defaults"] = {"num_inference_steps": 0}
    (path / "model_index.json").write_text(json.dumps(index))
    with pytest.raises(ValueError, match="invalid generation_defaults"):
        VideoGenerator.from_pretrained(path)


def test_stochastic_sampling_draws_each_requests_noise_from_its_seed(tiny_generator):
    # With the scheduler's `stochastic_sampling`, every step re-noises from the request's own seeded
    # stream: the same seed gives the same video, alone or in a batch, and the video differs from
    # the deterministic sampler's.
    with torch.no_grad():
        for p in tiny_generator.transformer.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    steps = dict(num_inference_steps=3, progress=False)
    plain = tiny_generator.generate("a blue square", seed=7, **steps)
    tiny_generator.scheduler.register_to_config(stochastic_sampling=True)
    a = tiny_generator.generate("a blue square", seed=7, **steps)
    torch.manual_seed(123)  # the global stream plays no part
    b = tiny_generator.generate("a blue square", seed=7, **steps)
    assert np.array_equal(a.frames, b.frames) and not np.array_equal(a.frames, plain.frames)
    reqs = [GenerationRequest(prompt=p, seed=s, num_frames=17, num_inference_steps=3)
            for p, s in [("a red circle", 1), ("a blue square", 7)]]
    batch = tiny_generator.generate_batch(reqs, progress=False)
    assert psnr(batch[1].frames, a.frames) > 40


def _batch_sizes_per_step(generator, **fields):
    sizes = []
    hook = generator.transformer.register_forward_pre_hook(lambda m, args: sizes.append(args[0].shape[0]))
    try:
        video = generator.generate("a blue square moving left", seed=5, num_frames=9, progress=False, **fields)
    finally:
        hook.remove()
    return sizes, video


def test_guidance_interval_runs_the_other_steps_on_the_conditional_half_alone(tiny_generator):
    with torch.no_grad():  # an untrained tiny model predicts ~0; make guidance matter
        for p in tiny_generator.transformer.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    steps = dict(num_inference_steps=4, guidance_scale=4.0)
    sizes, full = _batch_sizes_per_step(tiny_generator, **steps)
    assert sizes == [2, 2, 2, 2] and full.metadata["guidance_stop"] == 1.0
    sizes, half = _batch_sizes_per_step(tiny_generator, guidance_stop=0.5, **steps)
    assert sizes == [2, 2, 1, 1]  # int(0.5 * 4) = 2 guided steps, then the conditional branch alone
    assert half.metadata["guidance_stop"] == 0.5
    assert not np.array_equal(half.frames, full.frames)
    # The same seed and settings give the same video again.
    assert np.array_equal(_batch_sizes_per_step(tiny_generator, guidance_stop=0.5, **steps)[1].frames, half.frames)
    # No guided step at all is the conditional prediction alone: guidance 1's video.
    sizes, none = _batch_sizes_per_step(tiny_generator, guidance_stop=0.0, **steps)
    assert sizes == [1, 1, 1, 1]
    unguided = tiny_generator.generate("a blue square moving left", seed=5, num_frames=9, progress=False,
                                       num_inference_steps=4, guidance_scale=1.0)
    assert psnr(none.frames, unguided.frames) > 40
    # An interval that starts late: the noisiest steps go unguided.
    sizes, late = _batch_sizes_per_step(tiny_generator, guidance_start=0.25, **steps)
    assert sizes == [1, 2, 2, 2] and late.metadata["guidance_start"] == 0.25
    assert not np.array_equal(late.frames, full.frames)
    # The model's stored defaults apply to requests that leave them unset; a batch must share them.
    tiny_generator.generation_defaults.update(guidance_start=0.5, guidance_stop=0.75)
    assert _batch_sizes_per_step(tiny_generator, **steps)[0] == [1, 1, 2, 1]
    with pytest.raises(ValueError, match="guidance_start=0.5 is after guidance_stop=0.25"):
        tiny_generator.generate("a red circle", num_frames=9, guidance_stop=0.25, progress=False)
    reqs = [GenerationRequest(prompt="a red circle", num_frames=9, guidance_stop=s) for s in (0.5, 1.0)]
    with pytest.raises(ValueError, match="must share guidance_stop"):
        tiny_generator.generate_batch(reqs, progress=False)


@pytest.mark.parametrize("field", ["guidance_start", "guidance_stop"])
@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_bad_guidance_interval_is_refused_with_its_range(field, bad):
    with pytest.raises(ValidationError, match=field):
        GenerationRequest(prompt="a red circle", **{field: bad})


def test_guidance_interval_out_of_order_is_refused():
    with pytest.raises(ValidationError, match="guidance_start=0.6 is after guidance_stop=0.4"):
        GenerationRequest(prompt="a red circle", guidance_start=0.6, guidance_stop=0.4)


def test_reports_name_the_guidance_interval_only_when_it_is_not_every_step(tiny_generator):
    from sora_sdk.pipeline.request import describe_guidance, guidance_interval_settings

    settings = {"guidance_scale": 4.0, **guidance_interval_settings(tiny_generator)}
    assert settings["guidance_start"] == 0.0 and describe_guidance(settings) == "guidance 4"
    tiny_generator.generation_defaults.update(guidance_start=0.3, guidance_stop=0.9)
    settings = {"guidance_scale": 4.0, **guidance_interval_settings(tiny_generator)}
    assert describe_guidance(settings) == "guidance 4 on steps 0.3-0.9 of the way"
