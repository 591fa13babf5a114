"""`python -m sora_sdk.safety.train_lora` end to end on a few prompts: adapters trained, saved, loaded."""

import numpy as np
import pytest

from sora_sdk.safety import train_lora
from sora_sdk.safety.prompt_classifier import MiniLMPromptClassifier, _shared_encoder, prompt_features
from sora_sdk.safety.train_classifier import CATEGORIES, load_tuning


@pytest.fixture()
def few_rows(monkeypatch):
    rows = load_tuning()
    rng = np.random.default_rng(0)
    pick = []
    for c in (*CATEGORIES, "benign"):
        of_c = [r for r in rows if r["category"] == c]
        pick += [of_c[i] for i in rng.choice(len(of_c), 12 if c == "benign" else 4, replace=False)]
    monkeypatch.setattr(train_lora, "load_tuning", lambda: pick)
    return pick


def test_trains_saves_and_loads_an_adapted_classifier(few_rows, tmp_path, capsys):
    out = tmp_path / "clf.safetensors"
    train_lora.main(["--out", str(out), "--rank", "2", "--epochs", "2", "--batch", "16", "--val-frac", "0.5",
                     "--synthetic-scale", "0.01", "--lr", "3e-3"])
    log = capsys.readouterr().out
    assert "frozen head on the validation fold" in log and "tuned on the validation fold" in log
    clf = MiniLMPromptClassifier(out)
    meta = clf.metadata
    assert meta["lora_rank"] == 2 and meta["synthetic"] == [10, 3, 2, 4, 1, 2, 6, 3, 3, 3, 5, 2, 15, 5, 2, 3]
    assert 0.0 < meta["threshold"] < 1.0 and set(meta["validation"]) == {"fraction", "prompts", "frozen", "tuned"}
    # The loaded classifier runs the adapted encoder, a copy: the shared one is unchanged.
    texts = ["a man tying a rope to the ceiling fan", "a red circle moving right"]
    adapted, shared = clf.features(texts), prompt_features(_shared_encoder(64), texts, (2, 4, 6), (4, 6))
    assert clf.encoder is not _shared_encoder(64) and np.abs(adapted - shared).max() > 1e-4
    scores = clf.classify("a red circle moving right")
    assert set(scores) == set(CATEGORIES) and all(0.0 <= p <= 1.0 for p in scores.values())
