"""Video-to-video editing (SDEdit): change the colour, keep the motion."""

from _common import setup

from sora_sdk.data.shapes import render_clip

gen, out, args = setup(__doc__)
source = render_clip([{"shape": "circle", "colour": "red", "size": "large", "motion": "right"}], "dark grey", 17, 64, 64)
for strength in (0.4, 0.6, 0.8):
    edited = gen.edit(source, "a large blue circle moving right", strength=strength, seed=args.seed, num_inference_steps=args.steps)
    print("wrote", edited.save(out / f"edit_{strength}.mp4"))
