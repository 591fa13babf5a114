import json

import pytest

from sora_sdk.data.shapes import Shapes
from sora_sdk.data.shapes_language import eval_prompts
from sora_sdk.eval.attributes import parse_prompt_attributes
from sora_sdk.prompting import PromptEnhancer, ShapesCaptioner


def test_enhancer_writes_the_detailed_format():
    e = PromptEnhancer()
    assert e.enhance("tiny violet disc drifting rightwards") == "A small purple circle moves from left to right."
    assert e.enhance("a big green box falls on a charcoal backdrop") == (
        "On a dark grey background, a large green square moves from top to bottom."
    )


def test_enhancer_preserves_attributes_of_held_out_phrasings():
    e = PromptEnhancer()
    for prompt, attrs in eval_prompts(50, seed=3):
        parsed = parse_prompt_attributes(e.enhance(prompt))
        assert parsed and {k: parsed[0][k] for k in ("colour", "shape", "motion")} == {k: attrs[0][k] for k in ("colour", "shape", "motion")}


def test_enhancer_leaves_unknown_prompts_and_uses_llm_hook():
    assert PromptEnhancer().enhance("a cat on a sofa") == "a cat on a sofa"
    assert PromptEnhancer(llm=lambda p: f"  detailed: {p} ").enhance("x") == "detailed: x"
    with pytest.raises(ValueError, match="non-empty"):
        PromptEnhancer(llm=lambda p: "").enhance("x")
    with pytest.raises(TypeError):
        PromptEnhancer(llm="gpt")


def test_generator_records_enhanced_prompt(tiny_generator):
    v = tiny_generator.generate("tiny violet disc drifting rightwards", enhance_prompt=True, num_frames=1, num_inference_steps=1, progress=False)
    assert v.metadata["prompt"] == "tiny violet disc drifting rightwards"
    assert v.metadata["enhanced_prompt"] == "A small purple circle moves from left to right."


def test_shapes_captioner_matches_ground_truth():
    item = Shapes(4, seed=0)[1]
    caption = ShapesCaptioner().caption(item)
    parsed = parse_prompt_attributes(caption)
    assert [p["colour"] for p in parsed] == [a["colour"] for a in item["attributes"]]


def test_recaption_folder_caches_and_resumes(tmp_path):
    from sora_sdk.prompting import recaption_folder

    class Folder:
        root = tmp_path

        def __len__(self):
            return 3

        def __getitem__(self, i):
            return {"path": f"v{i}.mp4", "video": None}

    class Counting:
        calls = 0

        def caption(self, item):
            Counting.calls += 1
            return f"caption for {item['path']}"

    out = recaption_folder(Folder(), Counting(), progress=False)
    assert [json.loads(line)["file"] for line in out.read_text().splitlines()] == ["v0.mp4", "v1.mp4", "v2.mp4"]
    recaption_folder(Folder(), Counting(), progress=False)
    assert Counting.calls == 3  # the second run found everything cached
