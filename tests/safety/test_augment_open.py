"""Tenth-round synthetic benign prompts (`augment_open.py`) and what they are for: the default gate
lets the SDK's own Shapes phrasings and short open-ended requests through."""

import random

import pytest

from sora_sdk.data import shapes_language as sl
from sora_sdk.safety import SafetyFilter
from sora_sdk.safety.augment_open import (
    GLOSSED_GENERIC_WORDS,
    OPEN_REQUESTS,
    synthetic_glossed_words,
    synthetic_open_requests,
    synthetic_shapes_requests,
)
from sora_sdk.safety.train_classifier import build_samples


def test_shapes_requests_use_the_sdks_phrasings_and_are_seeded():
    texts = synthetic_shapes_requests(random.Random(3), 200)
    assert len(texts) == 200 and texts == synthetic_shapes_requests(random.Random(3), 200)
    assert texts != synthetic_shapes_requests(random.Random(4), 200)
    known = sl.training_vocabulary() | {w for t in sl.EVAL_TEMPLATES for w in sl.prompt_words(t)}
    wraps = {"please", "can", "you", "make", "video", "of", "i", "want", "show", "me", "create", "short", "clip",
             "render", "second", "could", "animate", "generate"}
    unknown = {w for t in texts for w in sl.prompt_words(t)} - known - wraps - {"obj", "verb", "ing", "bg"}
    assert not unknown, unknown
    # Every source is present: detailed descriptions, held-out evaluation phrasings, request wrappings.
    assert sum(t.startswith("On a") or t.startswith("On an") for t in texts) == 40
    eval_starts = tuple(t.split("{")[0].strip().lower() for t in sl.EVAL_TEMPLATES)
    assert sum(t.lower().startswith(eval_starts) for t in texts) >= 40


def test_open_requests_are_short_and_from_the_list():
    texts = synthetic_open_requests(random.Random(0), 300)
    assert len(texts) == 300 and max(len(t.split()) for t in texts) <= 9
    stripped = {t.lower().strip("!?.: )") for t in texts}
    assert sum(any(r in s for r in OPEN_REQUESTS) for s in stripped) == len(stripped)


def test_glossed_words_are_a_few_generic_words_and_seeded():
    texts = synthetic_glossed_words(random.Random(0), 300)
    assert len(texts) == 300 and texts == synthetic_glossed_words(random.Random(0), 300)
    words = [t.replace(",", " ").split() for t in texts]
    assert all(1 <= len(w) <= 6 for w in words)
    # Mostly a single word, as a glossed sentence of ordinary words is ("люди" -> "people").
    assert sum(len(w) == 1 for w in words) > 60
    vocabulary = {w for phrase in GLOSSED_GENERIC_WORDS for w in phrase.split()}
    extra = {w for ws in words for w in ws} - vocabulary
    assert extra <= {"in", "and", "a", "the", "with", "of", "4k", "hd", "vlog", "8k", "1080p", "cinematic", "tiktok",
                     "ok"}


def test_build_samples_adds_them_as_benign_without_moving_other_synthetic_prompts():
    rows = [{"text": "a kitten asleep in a basket", "category": "benign"}]
    base, _ = build_samples(rows, 0, 20, 5, 5, 5, 5, 5)
    more, _ = build_samples(rows, 0, 20, 5, 5, 5, 5, 5, n_shapes=30, n_open=10)
    assert more[: len(base)] == base  # each new generator has a stream of its own
    assert len(more) - len(base) == 40 and {label for _, _, label in more[len(base):]} == {"benign"}
    glossed, _ = build_samples(rows, 0, 20, 5, 5, 5, 5, 5, n_shapes=30, n_open=10, n_glossed=7)
    assert glossed[: len(more)] == more and len(glossed) - len(more) == 7


@pytest.fixture(scope="module")
def gate():
    return SafetyFilter.from_preset("default")


def test_default_gate_allows_the_default_models_evaluation_prompts(gate):
    # `sora-sdk eval` runs these through the gate; the ninth round blocked one of seed 0's 60 as violence.
    prompts = [p for seed in range(4) for p, _ in sl.eval_prompts(60, seed=seed)]
    blocked = [p for p in prompts if not gate.check_prompt(p).allowed]
    assert not blocked, blocked


@pytest.mark.parametrize("prompt", ["surprise me", "anything", "whatever you want", "make me laugh",
                                    "make something fun", "Show me something cool!"])
def test_default_gate_allows_short_open_requests(gate, prompt):
    assert gate.check_prompt(prompt).allowed, gate.check_prompt(prompt).reasons


@pytest.mark.parametrize("prompt", ["people", "children", "a woman", "men, market", ", villagers 4k"])
def test_default_gate_allows_one_or_two_generic_words(gate, prompt):
    # What an everyday prompt in a script the glossary reads in part is left with (eleventh round).
    assert gate.check_prompt(prompt).allowed, gate.check_prompt(prompt).reasons
