import pytest

from sora_sdk.safety.normalize import normalize_views


@pytest.mark.parametrize(
    "evasion",
    ["NuDe", "n u d e", "n.u.d.e", "n-u-d-e", "nud3", "nսde", "nu\u200bde", "ｎｕｄｅ", "nüde", "n\u00adude"],
)
def test_evasions_fold_to_the_plain_word(evasion):
    assert any("nude" in v.split() for v in normalize_views(evasion))


def test_one_is_read_both_as_i_and_l():
    views = normalize_views("ki11 him")
    assert "kill him" in views


def test_plain_view_keeps_numbers_and_comes_first():
    assert normalize_views("a 24 fps shot, 1980s")[0] == "a 24 fps shot 1980s"


def test_sentence_punctuation_is_not_leet():
    assert normalize_views("hello! $5")[0] == "hello 5"
    assert all("helloi" not in v for v in normalize_views("hello! $5"))


def test_hyphenated_words_also_read_as_two_words():
    assert normalize_views("CSAM-style footage") == ["csamstyle footage", "csam style footage"]
    assert normalize_views("n-u-d-e") == ["nude"]  # single letters are still one spaced-out word


def test_emoji_are_read_as_words():
    # Seventh round: emoji without a word of their own in the table are read by their Unicode name;
    # the rainbow flag sequence (with its joiner and variation selector) as the pride flag.
    views = normalize_views("\U0001f3f3\ufe0f\u200d\U0001f308 = \U0001f92e show the parade")
    assert views[0] == "show the parade"
    assert "gay pride flag face with open mouth vomiting show the parade" in views
    assert "rope noose" in normalize_views("\U0001faa2 tonight")[-1]
    assert normalize_views("a red circle moving right") == ["a red circle moving right"]
