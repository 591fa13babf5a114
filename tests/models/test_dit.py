import pytest
import torch

from sora_sdk.models.attention import RotaryEmbedding3D, attention
from sora_sdk.models.dit import SpacetimeDiT


def make(**kw):
    torch.manual_seed(0)
    cfg = dict(in_channels=4, hidden_size=32, depth=2, num_heads=2, text_dim=16)
    cfg.update(kw)
    return SpacetimeDiT(**cfg)


def inputs(b=2, t=3, h=4, w=6, text_len=5):
    g = torch.Generator().manual_seed(1)
    return dict(
        hidden_states=torch.randn(b, 4, t, h, w, generator=g),
        timestep=torch.rand(b, generator=g) * 1000,
        encoder_hidden_states=torch.randn(b, text_len, 16, generator=g),
        pooled_text=torch.randn(b, 16, generator=g),
        encoder_attention_mask=torch.tensor([[True] * text_len, [True] * 2 + [False] * (text_len - 2)]),
    )


def perturb(model):
    # AdaLN-Zero makes a fresh model output exactly 0; give every weight a nudge to test the wiring.
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model


def test_adaln_zero_init_outputs_zero():
    out = make()(**inputs())
    assert out.shape == (2, 4, 3, 4, 6)
    assert out.abs().max() == 0


def test_any_grid_and_per_frame_timesteps():
    model = perturb(make())
    for t, h, w in [(1, 2, 2), (5, 4, 8), (3, 8, 4)]:
        x = inputs(t=t, h=h, w=w)
        x["timestep"] = torch.rand(2, t) * 1000
        assert model(**x).shape == (2, 4, t, h, w)


def test_text_padding_is_ignored():
    model = perturb(make()).eval()
    x = inputs()
    out = model(**x)
    x["encoder_hidden_states"][1, 2:] = 99.0  # masked-out tokens of sample 1
    torch.testing.assert_close(model(**x), out)


def test_pinned_frame_timestep_changes_only_through_conditioning():
    model = perturb(make()).eval()
    x = inputs()
    base = model(**x)
    x["timestep"] = x["timestep"][:, None].repeat(1, 3)
    x["timestep"][:, 0] = 0
    assert not torch.allclose(model(**x), base)


def test_frame_conditions_are_used_and_validated():
    model = perturb(make(frame_cond_dim=3)).eval()
    x = inputs()
    a = torch.randn(2, 3, 3)
    out = model(**x, frame_conditions=a)
    assert not torch.allclose(out, model(**x, frame_conditions=a + 1))
    with pytest.raises(ValueError, match="frame_conditions"):
        model(**x)
    with pytest.raises(ValueError, match="frame_cond_dim=0"):
        make()(**x, frame_conditions=a)


def test_output_frames_gives_the_last_frames_of_the_full_prediction():
    model = perturb(make(patch_size=(1, 2, 2))).eval()
    x = inputs(t=4)
    x["timestep"] = torch.rand(2, 4) * 1000
    full = model(**x)
    for n in (1, 3, 4):
        torch.testing.assert_close(model(**x, output_frames=n), full[:, :, -n:])
    for bad in (0, 5):
        with pytest.raises(ValueError, match="output_frames"):
            model(**x, output_frames=bad)
    temporal = perturb(make(patch_size=(2, 2, 2))).eval()
    with pytest.raises(ValueError, match="multiple of the temporal patch size 2"):
        temporal(**x, output_frames=1)
    torch.testing.assert_close(temporal(**x, output_frames=2), temporal(**x)[:, :, -2:])


@pytest.mark.parametrize("masked", [False, True])
def test_one_text_token_shortcut_matches_full_cross_attention(masked):
    # One key: softmax is 1 whatever the query (or mask), so the block adds the key's projected
    # value. The shortcut must agree with the general path on every token.
    model = perturb(make()).eval()
    x = inputs()
    x["encoder_hidden_states"] = x["encoder_hidden_states"][:, :1]
    x["encoder_attention_mask"] = torch.tensor([[True], [not masked]])
    block = model.blocks[0]
    tokens = torch.randn(2, 12, 32)
    text = x["encoder_hidden_states"]
    general = block.cross_attn(block.norm2(tokens), text, x["encoder_attention_mask"], "math")
    torch.testing.assert_close(block.cross_attn.single_token(text).expand_as(general), general)
    assert model(**x).shape == (2, 4, 3, 4, 6)


def test_attention_backends_agree():
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(2, 2, 10, 8, generator=g) for _ in range(3))
    mask = torch.ones(2, 10, dtype=torch.bool)
    mask[1, 6:] = False
    torch.testing.assert_close(attention(q, k, v, mask, "math"), attention(q, k, v, mask, "sdpa"), atol=1e-5, rtol=1e-5)
    with pytest.raises(ValueError, match="unknown"):
        attention(q, k, v, backend="flash9")


def test_rope_is_relative():
    # Scores depend only on the offset between positions: shifting both by one gives the same score.
    rope = RotaryEmbedding3D(12)
    cos, sin = rope.cos_sin((4, 4, 4), "cpu")
    q = torch.randn(1, 1, 1, 12).expand(1, 1, 64, 12)
    k = torch.randn(1, 1, 1, 12).expand(1, 1, 64, 12)
    qr, kr = RotaryEmbedding3D.rotate(q, cos, sin), RotaryEmbedding3D.rotate(k, cos, sin)
    s = (qr[0, 0] @ kr[0, 0].T)
    idx = lambda t, h, w: t * 16 + h * 4 + w
    torch.testing.assert_close(s[idx(0, 0, 0), idx(1, 2, 1)], s[idx(1, 1, 2), idx(2, 3, 3)], atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_rope_rotates_each_pair_by_its_angle_exactly(dtype):
    # rotate() is one complex multiply; it must equal the pairwise formula bit for bit, also on a
    # strided view (k sliced out of a fused qkv projection) and in bf16.
    rope = RotaryEmbedding3D(16)
    cos, sin = rope.cos_sin((3, 5, 4), "cpu")
    qkv = torch.randn(2, 60, 3, 2, 16, generator=torch.Generator().manual_seed(0)).to(dtype)
    k = qkv.permute(2, 0, 3, 1, 4)[1]  # (B, h, N, d), not contiguous
    x0, x1 = k.float()[..., 0::2], k.float()[..., 1::2]
    expected = torch.stack([x0 * cos - x1 * sin, x0 * sin + x1 * cos], dim=-1).flatten(-2).to(dtype)
    assert torch.equal(RotaryEmbedding3D.rotate(k, cos, sin), expected)


def test_grid_not_divisible_by_patch_raises():
    with pytest.raises(ValueError, match="patch size"):
        make()(**inputs(h=5))


def test_loss_goes_down_on_fixed_batch():
    from sora_sdk.sampling.flow import add_noise, flow_loss

    model = make()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3)
    x = inputs()
    x0 = x.pop("hidden_states")
    g = torch.Generator().manual_seed(0)
    noise, sigma = torch.randn(x0.shape, generator=g), torch.rand(2, generator=g)
    losses = []
    for _ in range(60):
        out = model(add_noise(x0, noise, sigma), timestep=sigma * 1000, **{k: v for k, v in x.items() if k != "timestep"})
        loss = flow_loss(out, x0, noise, "velocity")
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]


def test_save_load_round_trip(tmp_path):
    model = perturb(make()).eval()
    model.save_pretrained(tmp_path)
    loaded = SpacetimeDiT.from_pretrained(tmp_path, low_cpu_mem_usage=False).eval()
    torch.testing.assert_close(loaded(**inputs()), model(**inputs()))


def test_adaln_single_starts_at_zero_learns_and_saves_a_quarter_of_the_parameters(tmp_path):
    from sora_sdk.sampling.flow import add_noise, flow_loss

    block, single = make(hidden_size=64), make(hidden_size=64, adaln="single")
    n_block = sum(p.numel() for p in block.parameters())
    n_single = sum(p.numel() for p in single.parameters())
    # 6 D^2 + 6 D per block replaced by one shared 6 D^2 + 6 D projection and a 6 D table per block.
    assert n_block - n_single == (2 - 1) * (6 * 64 * 64 + 6 * 64) - 2 * 6 * 64
    assert single(**inputs()).abs().max() == 0  # the AdaLN-Zero property holds

    opt = torch.optim.AdamW(single.parameters(), lr=2e-3)
    x = inputs()
    x0 = x.pop("hidden_states")
    g = torch.Generator().manual_seed(0)
    noise, sigma = torch.randn(x0.shape, generator=g), torch.rand(2, generator=g)
    losses = []
    for _ in range(60):
        out = single(add_noise(x0, noise, sigma), timestep=sigma * 1000, **{k: v for k, v in x.items() if k != "timestep"})
        loss = flow_loss(out, x0, noise, "velocity")
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]
    # The tables learned per-block differences, and the model round-trips with its config.
    assert not torch.equal(single.blocks[0].scale_shift_table, single.blocks[1].scale_shift_table)
    single.eval().save_pretrained(tmp_path)
    loaded = SpacetimeDiT.from_pretrained(tmp_path).eval()
    probe = inputs()
    torch.testing.assert_close(loaded(**probe), single(**probe))
    with pytest.raises(ValueError, match="adaln"):
        make(adaln="shared")
