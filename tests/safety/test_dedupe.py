"""sora_sdk.safety.dedupe: a new split loses the prompts that repeat or closely paraphrase an earlier
one (real MiniLM embeddings, the shipped encoder), and the CLI writes the kept rows unchanged."""

import json

import pytest

from sora_sdk.safety.dedupe import dedupe_prompts, main, minilm_embed, prompt_key

EARLIER = ["kill the lights", "a cat sleeping on a sofa in the sun", "Кошка спит на диване у окна"]


@pytest.fixture(scope="module")
def embed():
    return minilm_embed(progress=False)


def _rows(*texts):
    return [{"text": t, "category": "benign", "n": i} for i, t in enumerate(texts)]


def test_exact_paraphrase_script_and_in_split_duplicates_are_dropped_and_the_rest_kept(embed):
    rows = _rows(
        "K.I.L.L  the LIGHTS",  # the same prompt once normalised (punctuation, case, spacing)
        "a cat asleep on the couch in the sunshine",  # a paraphrase: MiniLM cosine 0.87
        "Кошка спит на диване у окна!",  # Cyrillic: trigram Jaccard, not MiniLM
        "a lighthouse keeper painting a watercolour of the harbour",
        "A lighthouse keeper painting a watercolour of the harbour.",  # a duplicate inside the split
        "Собака бежит по пляжу",  # another Cyrillic prompt: kept
    )
    res = dedupe_prompts(rows, EARLIER, embed)
    assert [r["n"] for r in res.kept] == [3, 5]
    assert res.kept[0] is rows[3]  # rows are kept as they are
    assert res.dropped == {"exact": 2, "cosine": 1, "trigram": 1}
    # The thresholds are the rule: at cosine_max above the paraphrase's 0.87 it stays.
    assert [r["n"] for r in dedupe_prompts(rows, EARLIER, embed, cosine_max=0.95).kept] == [1, 3, 5]


def test_the_key_is_the_one_the_frozen_splits_were_checked_with():
    assert prompt_key("N.U.D.E beach") == prompt_key("nude beach") != prompt_key("nude bench")
    assert prompt_key("Кошка  СПИТ") == "кошка спит"


def test_bad_rows_are_refused_with_the_expected_format(embed):
    with pytest.raises(ValueError, match="'text'"):
        dedupe_prompts([{"prompt": "x"}], EARLIER, embed)


def test_cli_writes_the_kept_rows_of_both_files(tmp_path, capsys):
    src, data, out = tmp_path / "src", tmp_path / "data", tmp_path / "out"
    src.mkdir(), data.mkdir()
    (data / "benign_old.jsonl").write_text(json.dumps({"text": "kill the lights"}) + "\n", encoding="utf-8")
    for kind, texts in (("redteam", ["kill the lights", "a tank column rolling over protesters"]),
                        ("benign", ["a bullet train at dusk"])):
        (src / f"{kind}_new.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    results = main(["new", str(src), str(out), "--data", str(data)])
    kept = {f.name: [json.loads(x)["text"] for x in f.read_text(encoding="utf-8").splitlines()] for f in out.iterdir()}
    assert kept == {"redteam_new.jsonl": ["a tank column rolling over protesters"], "benign_new.jsonl": ["a bullet train at dusk"]}
    assert results["redteam_new.jsonl"].dropped["exact"] == 1
    with pytest.raises(SystemExit):
        main(["absent", str(src), str(out), "--data", str(data)])
    assert "redteam_absent.jsonl" in capsys.readouterr().err


def test_embeddings_do_not_depend_on_batching_order_or_the_cache(embed):
    # The embedder sorts by length and remembers what it encoded; a prompt's vector must not
    # depend on the other prompts of the call (padding) nor on an earlier call.
    import torch

    texts = ["kill the lights", "a cat sleeping on a sofa in the sun while rain runs down the window behind it",
             "a bullet train at dusk"]
    first = embed(texts)
    one_by_one = minilm_embed(batch_size=1, progress=False)(texts[::-1]).flip(0)
    torch.testing.assert_close(first, one_by_one, atol=1e-4, rtol=0)
    torch.testing.assert_close(embed(texts[1:]), first[1:], atol=0, rtol=0)
    torch.testing.assert_close(first.norm(dim=1), torch.ones(3), atol=1e-4, rtol=0)
    assert embed([]).shape == (0, 384)
