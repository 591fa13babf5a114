"""Image to video: an image pinned as the first frame (and, second, as first + last frame)."""

from _common import setup

from sora_sdk.data.shapes import render_clip

gen, out, args = setup(__doc__)
start = render_clip([{"shape": "triangle", "colour": "yellow", "size": "large", "motion": "right"}], "navy", 17, 64, 64)
video = gen.image_to_video(start[0], "a large yellow triangle moving right", seed=args.seed, num_inference_steps=args.steps)
print("wrote", video.save(out / "image_to_video.mp4"))
both = gen.image_to_video(start[0], "a large yellow triangle moving right", last_image=start[-1], seed=args.seed, num_inference_steps=args.steps)
print("wrote", both.save(out / "first_last_frame.mp4"))
