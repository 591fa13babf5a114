"""RolloutDataset: windows inside episodes with aligned actions, and loud errors on bad folders."""

import json

import numpy as np
import pytest
import torch

from sora_sdk.integrations.robotics import RolloutDataset, collect_rollouts


@pytest.fixture(scope="module")
def cartpole_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("cartpole")
    collect_rollouts("CartPole-v1", "random", 60, root, seed=0, progress=False)
    return root


def episodes(root):
    index = json.loads((root / "index.json").read_text())
    return index, [dict(np.load(root / e["file"])) for e in index["episodes"]]


def test_windows_are_aligned_and_never_cross_episodes(cartpole_dir):
    index, eps = episodes(cartpole_dir)
    data = RolloutDataset(cartpole_dir, context_frames=3, horizon=2)
    lengths = [e["length"] for e in index["episodes"]]
    assert data.episode_lengths == lengths
    assert len(data) == sum(max(0, t + 1 - 5 + 1) for t in lengths)
    seen = set()
    for i in range(len(data)):
        item = data[i]
        e, s = item["episode"], item["start"]
        ep = eps[e]
        assert s + 5 <= len(ep["frames"])  # inside one episode
        seen.add((e, s))
        assert item["video"].shape == (5, 3, 64, 64) and item["video"].dtype == torch.float32
        expected = ep["frames"][s : s + 5].transpose(0, 3, 1, 2).astype(np.float32) / 127.5 - 1
        np.testing.assert_allclose(item["video"].numpy(), expected, atol=1e-6)
        assert torch.equal(item["actions"], torch.from_numpy(ep["actions"][s : s + 4]))  # (L-1, A)
        assert torch.equal(item["rewards"], torch.from_numpy(ep["rewards"][s : s + 4]))
        assert torch.equal(item["terminated"], torch.from_numpy(ep["terminated"][s : s + 4]))
        assert item["truncated"].dtype == torch.bool and item["truncated"].shape == (4,)
    assert len(seen) == len(data)  # every (episode, start) once
    # The final window of a terminated episode ends on its terminal transition.
    last = max(i for i in range(len(data)) if data[i]["episode"] == 0)
    assert data[last]["terminated"][-1] and data[-1]["start"] == data[len(data) - 1]["start"]


def test_stride_and_a_dataloader_batch(cartpole_dir):
    data = RolloutDataset(cartpole_dir, context_frames=4, horizon=1, stride=3)
    assert all(data[i]["start"] % 3 == 0 for i in range(len(data)))
    batch = next(iter(torch.utils.data.DataLoader(data, batch_size=4)))
    assert batch["video"].shape == (4, 5, 3, 64, 64) and batch["actions"].shape == (4, 4, 2)
    assert "windows=" in repr(data) and "CartPole-v1" in repr(data)


def test_a_window_longer_than_every_episode_is_refused(cartpole_dir):
    longest = max(RolloutDataset(cartpole_dir, 1, 1).episode_lengths) + 1  # frames
    RolloutDataset(cartpole_dir, context_frames=longest - 1, horizon=1)  # exactly fits: fine
    with pytest.raises(ValueError, match=f"longer than every episode.*longest has {longest} frames"):
        RolloutDataset(cartpole_dir, context_frames=longest, horizon=1)
    with pytest.raises(ValueError, match="horizon must be an int >= 1"):
        RolloutDataset(cartpole_dir, context_frames=4, horizon=0)


def test_missing_and_empty_folders_say_how_to_make_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist; write one with collect_rollouts"):
        RolloutDataset(tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match="no index.json"):
        RolloutDataset(tmp_path)
    (tmp_path / "episode_000000.npz").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="interrupted"):
        RolloutDataset(tmp_path)
    (tmp_path / "index.json").write_text(json.dumps({"format": "sora-sdk-rollouts", "episodes": []}))
    with pytest.raises(ValueError, match="holds no episodes"):
        RolloutDataset(tmp_path)


def test_mismatched_or_missing_arrays_are_named(tmp_path):
    root = tmp_path / "data"
    collect_rollouts("CartPole-v1", "random", 30, root, seed=1, progress=False)
    index, eps = episodes(root)
    name = index["episodes"][0]["file"]
    broken = dict(eps[0], actions=eps[0]["actions"][:-1])  # one action short
    np.savez_compressed(root / name, **broken)
    with pytest.raises(ValueError, match=rf"{name}: actions is float32\(\d+, 2\), expected float32"):
        RolloutDataset(root)
    np.savez_compressed(root / name, **{k: v for k, v in eps[0].items() if k != "rewards"})
    with pytest.raises(ValueError, match=r"lacks arrays \['rewards'\]"):
        RolloutDataset(root)
    (root / name).unlink()
    with pytest.raises(FileNotFoundError, match="listed in index.json but missing"):
        RolloutDataset(root)
