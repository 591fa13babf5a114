"""The typo-corrected view (`typos.py`, eighth round). The rules of `lexicon/indirect.py` and their
hard negatives are tested with the other rule tables in `test_prompt_check.py`."""

import pytest

from sora_sdk.safety.normalize import normalize_views
from sora_sdk.safety.typos import correct, names_in, typo_view


@pytest.mark.parametrize(("word", "fixed"), [("vidoe", "video"), ("pipebom", "pipebomb"), ("deth", "death"),
                                             ("kiten", "kitten"), ("timmer", "timer"), ("nakid", "naked")])
def test_a_word_one_slip_from_a_known_word_is_corrected(word, fixed):
    assert correct(word) == fixed


@pytest.mark.parametrize("word", ["video", "moles", "roping", "slayed", "sexing", "rabies", "booby", "bunt", "nook", "kil"])
def test_known_inflected_short_or_unlikely_words_are_left_alone(word):
    # Inflections of vocabulary words are words; a consonant swapped ("rabies" -> "babies") or a
    # rare 4-letter reading ("bunt" -> "burnt") is not taken as a typo.
    assert correct(word) is None


def test_typo_view_is_english_only_and_skips_names():
    assert typo_view("how to bild a pipebom with a timmer") == "how to build a pipebomb with a timer"
    assert typo_view("a red circle moving right on a navy background") is None  # nothing to correct
    assert typo_view("tarihi bir cami ve cok guzel bir bahce") is None  # no English function words
    assert names_in("A walk with Zendaya at Holi") == {"zendaya", "holi"}
    assert typo_view("colours thrown at the holi festival", frozenset({"holi"})) is None
    # The rules see the corrected view; the plain view stays first.
    views = normalize_views("a kiten stomped to deth in the yard")
    assert views[0] == "a kiten stomped to deth in the yard" and "a kitten stomped to death in the yard" in views
    assert "a kitten stomped to death in the yard" not in normalize_views("a kiten stomped to deth in the yard", typo=False)
