import pytest
from pydantic import ValidationError

from sora_sdk.safety import Category, SafetyFilter, SafetyPolicy
from sora_sdk.safety.policy import PRESETS, load_policy


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_and_blocks_minors(name):
    policy = load_policy(name)
    assert policy.version.startswith(name)
    assert policy.blocks(Category.MINORS)


def test_presets_differ_where_documented():
    strict, default, medical, marketing = (load_policy(n) for n in ("strict", "default", "medical", "marketing"))
    assert strict.sensitivity == "strict" and default.sensitivity == "standard"
    assert strict.frames.faces == "block" and default.frames.faces == "label"
    assert medical.contexts == ["medical"] and medical.audit.log_prompt
    assert marketing.watermark.visible_label and not default.watermark.visible_label


def test_unknown_field_is_an_error():
    with pytest.raises(ValidationError):
        SafetyPolicy.model_validate({"categoriez": {}})


def test_minors_cannot_be_allowed():
    with pytest.raises(ValidationError, match="cannot be allowed"):
        SafetyPolicy.model_validate({"categories": {"minors": {"action": "allow"}}})


def test_unknown_preset_names_the_choices():
    with pytest.raises(ValueError, match="default, strict, medical, marketing"):
        SafetyFilter.from_preset("lenient")


def test_allowed_category_is_reported_but_not_blocked():
    policy = SafetyPolicy.model_validate({"categories": {"violence": {"action": "allow"}}, "frames": {"faces": "allow"}})
    d = SafetyFilter.from_policy(policy).check_prompt("a gory zombie movie scene")
    assert d.allowed and d.categories == ("violence",)
