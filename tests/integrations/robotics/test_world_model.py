"""WorldModel: shapes, the untrained model's exact copy, seeded sampling, save/load, inputs; padded windows."""

import json

import gymnasium as gym
import numpy as np
import pytest
import torch
from world_model_helpers import TINY_WORLD_MODEL, randomise_zero_layers, tiny_world_model

from sora_sdk.integrations.robotics import ExplorationPolicy, RolloutDataset, WorldModel, collect_rollouts
from sora_sdk.integrations.robotics.world_model import frame_conditions


def _inputs(b=3, k=2, seed=0):
    gen = torch.Generator().manual_seed(seed)
    frames = torch.rand(b, k, 3, 64, 64, generator=gen) * 2 - 1
    return frames, torch.rand(b, k - 1, 2, generator=gen) * 2 - 1, torch.rand(b, 2, generator=gen) * 2 - 1


def test_predict_next_shapes_and_ranges():
    model = tiny_world_model(randomised=True)
    frames, past, action = _inputs()
    for steps in (1, 2, 4):
        frame, reward, prob = model.predict_next(frames, past, action, torch.Generator().manual_seed(0), steps=steps)
        assert frame.shape == (3, 3, 64, 64) and frame.dtype == torch.float32
        assert frame.min() >= -1 and frame.max() <= 1
        assert reward.shape == prob.shape == (3,) and ((prob >= 0) & (prob <= 1)).all()


def test_untrained_model_predicts_its_last_context_frame_exactly():
    # AdaLN-Zero makes the fresh DiT output exactly 0, and the prediction is a residual over the
    # last context frame: "nothing moves", whatever the noise, the steps or the context noise.
    model = tiny_world_model()
    frames, past, action = _inputs()
    for steps, sigma in ((1, 0.0), (3, 0.2)):
        frame = model.predict_next(frames, past, action, torch.Generator().manual_seed(steps), steps=steps,
                                   context_sigma=sigma).frame
        assert torch.equal(frame, frames[:, -1])


def test_sampling_is_seeded_and_depends_on_noise_actions_and_frames():
    model = tiny_world_model(randomised=True)
    frames, past, action = _inputs()

    def frame(seed=0, a=action, f=frames):
        return model.predict_next(f, past, a, torch.Generator().manual_seed(seed)).frame

    assert torch.equal(frame(), frame())
    assert not torch.equal(frame(), frame(seed=1))
    assert not torch.equal(frame(), frame(a=-action))
    assert not torch.equal(frame(), frame(f=frames.flip(1)))


def test_given_context_noise_replaces_the_draw_and_is_checked():
    model = tiny_world_model(randomised=True)
    frames, past, action = _inputs()
    gen = torch.Generator().manual_seed(0)
    target_noise_then_context = model.predict_next(frames, past, action, gen, context_sigma=0.1).frame
    gen = torch.Generator().manual_seed(0)
    torch.randn((3, 3, 64, 64), generator=gen)  # the target's noise comes first
    ctx_noise = torch.randn((3, 3, 2, 64, 64), generator=gen).transpose(1, 2)  # (B, K, 3, H, W)
    given = model.predict_next(frames, past, action, torch.Generator().manual_seed(0), context_sigma=0.1,
                               context_noise=ctx_noise).frame
    torch.testing.assert_close(given, target_noise_then_context, rtol=0, atol=1e-6)
    other = model.predict_next(frames, past, action, torch.Generator().manual_seed(0), context_sigma=0.1,
                               context_noise=torch.randn_like(ctx_noise)).frame
    assert not torch.equal(other, given)
    with pytest.raises(ValueError, match="context_noise must be shaped like context_frames"):
        model.predict_next(frames, past, action, context_noise=ctx_noise[:, :1])


def test_save_and_load_round_trip(tmp_path):
    model = tiny_world_model(randomised=True)
    model.save_pretrained(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json", "diffusion_pytorch_model.safetensors"]
    assert json.loads((tmp_path / "config.json").read_text())["hidden_size"] == TINY_WORLD_MODEL["hidden_size"]
    loaded = WorldModel.from_pretrained(tmp_path, low_cpu_mem_usage=False)
    frames, past, action = _inputs()
    a = model.predict_next(frames, past, action, torch.Generator().manual_seed(0))
    b = loaded.predict_next(frames, past, action, torch.Generator().manual_seed(0))
    for x, y in zip(a, b):
        assert torch.equal(x, y)


def test_a_loaded_refiner_runs_with_channels_last_weights(tmp_path):
    # A checkpoint loads the refiner's weights contiguous; oneDNN would reorder them every call.
    tiny_world_model(refine_width=8).save_pretrained(tmp_path)
    loaded = WorldModel.from_pretrained(tmp_path)
    params = list(loaded.refiner.parameters())
    convs = loaded.refiner.net[::2]
    assert not all(c.weight.is_contiguous(memory_format=torch.channels_last) for c in convs)  # as loaded
    frames, past, action = _inputs()
    loaded.predict_next(frames, past, action)
    assert all(c.weight.is_contiguous(memory_format=torch.channels_last) for c in convs)
    assert all(a is b for a, b in zip(params, loaded.refiner.parameters()))  # same Parameter objects


def test_denoiser_fits_a_fixed_batch():
    # Gradients reach the DiT through the residual parametrisation: 30 AdamW steps on one batch
    # (fixed noise levels and noise) cut the clean-frame error well below "copy the last frame".
    torch.manual_seed(0)
    model = WorldModel(**{**TINY_WORLD_MODEL, "hidden_size": 64}).train()
    gen = torch.Generator().manual_seed(0)
    video = torch.rand(4, 3, 3, 64, 64, generator=gen) * 2 - 1  # (B, 3, K+1, H, W)
    sigmas = torch.tensor([[0.0, 0.0, s] for s in (0.2, 0.5, 0.8, 1.0)])
    window = (1 - sigmas[:, None, :, None, None]) * video + sigmas[:, None, :, None, None] * torch.randn(video.shape, generator=gen)
    conditions = frame_conditions(torch.zeros(4, 1, 2), torch.ones(4, 2))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    losses = []
    for _ in range(30):
        loss = (model.denoise(window, sigmas, conditions, video[:, :, 1]) - video[:, :, 2]).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]


def test_frame_conditions_put_each_action_on_the_frame_it_led_into():
    past, action = torch.tensor([[[1.0, 2.0]]]), torch.tensor([[3.0, 4.0]])
    assert frame_conditions(past, action).tolist() == [[[0.0, 0.0], [1.0, 2.0], [3.0, 4.0]]]


def test_bad_inputs_and_config_are_refused_with_the_fix():
    model = tiny_world_model()
    frames, past, action = _inputs()
    with pytest.raises(ValueError, match="context_frames must be"):
        model.predict_next(frames[:, :1], past, action)
    with pytest.raises(ValueError, match="context_actions must be"):
        model.predict_next(frames, past[:, :0], action)
    with pytest.raises(ValueError, match="1..4"):
        model.predict_next(frames, past, action, steps=5)
    with pytest.raises(ValueError, match="prediction_type='sample'"):
        WorldModel(prediction_type="velocity")
    with pytest.raises(ValueError, match="divisible"):
        WorldModel(image_size=40)
    with pytest.raises(ValueError, match="reward_head='learned'; use one of"):
        WorldModel(reward_head="learned")
    with pytest.raises(ValueError, match="refine_width must be >= 0"):
        WorldModel(refine_width=-1)


def test_pixel_refiner_starts_as_the_identity_then_corrects_pixels_locally():
    # Zero-initialised last layer: a model with a fresh refiner samples exactly what it did without.
    frames, past, action = _inputs()
    plain = tiny_world_model(randomised=True)
    refined = tiny_world_model(refine_width=8)
    refined.load_state_dict(plain.state_dict(), strict=False)
    gen = lambda: torch.Generator().manual_seed(0)  # noqa: E731
    assert torch.equal(plain.predict_next(frames, past, action, gen()).frame,
                       refined.predict_next(frames, past, action, gen()).frame)
    # Trained (here: random weights), it changes the frame, and only within its 7x7 receptive
    # field: a pixel changed in the coarse input moves the output at most 3 pixels away.
    randomise_zero_layers(refined.refiner, seed=1)
    coarse, last = frames[:1, -1].clone(), frames[:1, 0]
    out = refined.refiner(coarse, last, action[:1])
    assert not torch.allclose(out, coarse)
    coarse[:, :, 30, 30] += 0.5
    moved = (refined.refiner(coarse, last, action[:1]) - out).abs().amax(dim=1)[0] > 0
    rows, cols = moved.nonzero().T
    assert moved[30, 30] and rows.min() >= 27 and rows.max() <= 33 and cols.min() >= 27 and cols.max() <= 33


def test_potential_head_rewards_telescope_over_an_episode():
    model = tiny_world_model(randomised=True, reward_head="potential")
    head = model.head
    with torch.no_grad():
        head.bonus.fill_(5.0)
        head.termination.mlp[-1].bias[1] = -30.0  # never terminates on its own
    frames = torch.rand(6, 3, 64, 64, generator=torch.Generator().manual_seed(1)) * 2 - 1  # an episode of 5 steps
    actions = torch.rand(5, 2) * 2 - 1
    with torch.no_grad():
        reward, logit = head(frames[:-1], actions, frames[1:])
        phi = head.potential(frames)
    assert (logit < 0).all()
    # Each reward is a difference of potentials, so the episode's return is phi(last) - phi(first)
    # whatever happens in between: a state the head over-rates pays once, not every step.
    torch.testing.assert_close(reward, phi[1:] - phi[:-1])
    torch.testing.assert_close(reward.sum(), phi[-1] - phi[0], rtol=1e-5, atol=1e-5)
    assert phi.std() > 0
    # The bonus is paid on termination: the real flag in training, the head's p > 0.5 in a simulator.
    with torch.no_grad():
        flagged, _ = head(frames[:2], actions[:2], frames[1:3], terminated=torch.tensor([True, False]))
        head.termination.mlp[-1].bias[1] = 30.0
        decided, _ = head(frames[:2], actions[:2], frames[1:3])
    torch.testing.assert_close(flagged - reward[:2], torch.tensor([5.0, 0.0]))
    torch.testing.assert_close(decided - reward[:2], torch.tensor([5.0, 5.0]))
    # Through predict_next: the simulator's reward is the head's on (last frame, action, sample).
    fr, past, act = _inputs(b=2)
    pred = model.predict_next(fr, past, act, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        again, _ = head(fr[:, -1], act, pred.frame)
    torch.testing.assert_close(pred.reward, again, rtol=0.05, atol=0.05)  # bf16 autocast inside predict_next


def test_flops_count_the_dit_once_per_sampling_step():
    model = tiny_world_model()
    one, two = model.step_flops(1, steps=1), model.step_flops(1, steps=2)
    head = one - (two - one)  # the reward head runs once whatever the steps
    assert 0 < head < one and model.step_flops(4, steps=1) == 4 * one


def test_padded_windows_start_with_the_reset_frame_and_zero_actions(tmp_path):
    env = gym.make("SoraSDK/Push-v0", render_mode="rgb_array")
    collect_rollouts(env, "random", 12, tmp_path, seed=0, progress=False)
    env.close()
    plain = RolloutDataset(tmp_path, context_frames=3, horizon=1)
    padded = RolloutDataset(tmp_path, context_frames=3, horizon=1, pad_start=True)
    assert len(padded) == len(plain) + 2  # one episode: two windows start before it
    first, second = padded[0], padded[1]
    assert (first["start"], second["start"]) == (-2, -1)
    frames = plain.episodes[0]["frames"]
    expected = torch.from_numpy(frames[[0, 0, 0, 1]].transpose(0, 3, 1, 2).astype(np.float32) / 127.5 - 1)
    assert torch.equal(first["video"], expected)
    assert first["actions"][:2].abs().sum() == 0 and torch.equal(first["actions"][2], torch.from_numpy(plain.episodes[0]["actions"][0]))
    assert first["rewards"][2] == plain.episodes[0]["rewards"][0] and not first["terminated"][:2].any()
    assert torch.equal(padded[2]["video"], plain[0]["video"])  # then the unpadded windows, unchanged


def test_exploration_policy_is_seeded_and_mixes_in_random_actions(make_env):
    env = make_env("SoraSDK/Push-v0")
    obs, _ = env.reset(seed=0)
    a = [ExplorationPolicy(env, noise=0.0, random_action_prob=0.5, seed=1)(obs) for _ in range(2)]
    assert np.array_equal(a[0], a[1])
    scripted = ExplorationPolicy(env, noise=0.0, random_action_prob=0.0, seed=1)
    randoms = ExplorationPolicy(env, noise=0.0, random_action_prob=1.0, seed=1)
    acts = np.stack([randoms(obs) for _ in range(200)])
    assert len({tuple(scripted(obs)) for _ in range(5)}) == 1  # noise-free scripted: one action
    assert acts.min() < -0.9 and acts.max() > 0.9 and acts.dtype == np.float32
    with pytest.raises(TypeError, match="Push and Reach"):
        ExplorationPolicy(make_env("CartPole-v1"))


def test_inference_copy_samples_exactly_what_the_model_samples_and_leaves_it_alone():
    model = tiny_world_model(randomised=True, refine_width=8)
    randomise_zero_layers(model.refiner, seed=2)
    twin = model.inference_copy()
    frames, past, action = _inputs()
    a = model.predict_next(frames, past, action, torch.Generator().manual_seed(0))
    b = twin.predict_next(frames, past, action, torch.Generator().manual_seed(0))
    for x, y in zip(a, b):
        assert torch.equal(x, y)
    assert not twin.training and not any(p.requires_grad for p in twin.parameters())
    assert all(p.dtype == torch.float32 and p.requires_grad for p in model.parameters())  # the original is untouched
