import pytest
import torch
from pydantic import ValidationError

from sora_sdk.training.config import ConditionMaskProbabilities
from sora_sdk.training.masks import MASK_MODES, ConditionMaskSampler


def only(mode: str) -> dict:
    return {m: float(m == mode) for m in MASK_MODES}


def test_mode_probabilities_are_respected():
    probs = {"none": 0.4, "image_head": 0.2, "image_tail": 0.1, "extension": 0.15, "extension_backward": 0.1, "random_frames": 0.05}
    sampler = ConditionMaskSampler(probs)
    modes = sampler.sample_modes(20000, torch.Generator().manual_seed(0))
    freq = torch.bincount(modes, minlength=len(MASK_MODES)).double() / 20000
    for i, m in enumerate(MASK_MODES):
        # Binomial std at n=20000 is <= 0.0035; 0.015 is > 4 sigma.
        assert abs(freq[i].item() - probs[m]) < 0.015, (m, freq[i].item())


def test_mask_geometry_per_mode():
    g = torch.Generator().manual_seed(1)
    b, t = 64, 5
    assert not ConditionMaskSampler(only("none"))(b, t, g).any()
    head = ConditionMaskSampler(only("image_head"))(b, t, g)
    assert head[:, 0].all() and not head[:, 1:].any()
    tail = ConditionMaskSampler(only("image_tail"))(b, t, g)
    assert tail[:, -1].all() and not tail[:, :-1].any()

    ext = ConditionMaskSampler(only("extension"))(b, t, g)
    n = ext.sum(1)
    assert (n >= 1).all() and (n <= t - 1).all()
    prefix = torch.arange(t)[None] < n[:, None]
    assert torch.equal(ext, prefix)  # a contiguous prefix
    assert len(set(n.tolist())) == t - 1  # every prefix length 1..T-1 occurs

    back = ConditionMaskSampler(only("extension_backward"))(b, t, g)
    n = back.sum(1)
    assert torch.equal(back, torch.arange(t)[None] >= (t - n)[:, None])  # a contiguous suffix

    rnd = ConditionMaskSampler(only("random_frames"))(2000, t, g)
    assert (~rnd).any(1).all()  # always at least one noisy frame to learn from
    assert 0.4 < rnd.float().mean().item() < 0.5  # ~1/2, a little less after unpinning


def test_shape_dtype_and_seed_determinism():
    sampler = ConditionMaskSampler()
    a = sampler(16, 7, torch.Generator().manual_seed(3))
    b = sampler(16, 7, torch.Generator().manual_seed(3))
    c = sampler(16, 7, torch.Generator().manual_seed(4))
    assert a.shape == (16, 7) and a.dtype == torch.bool
    assert torch.equal(a, b) and not torch.equal(a, c)


def test_single_latent_frame_is_never_pinned():
    assert not ConditionMaskSampler(only("image_head"))(8, 1, torch.Generator().manual_seed(0)).any()


def test_probabilities_are_validated():
    with pytest.raises(ValidationError, match="sum to 1"):
        ConditionMaskProbabilities(none=0.9)
    with pytest.raises(ValidationError, match="extra"):
        ConditionMaskSampler({**only("none"), "image_middle": 0.0})
    with pytest.raises(ValidationError):
        ConditionMaskSampler({**only("none"), "none": 1.5, "image_head": -0.5})
