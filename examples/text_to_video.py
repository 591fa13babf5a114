"""Text to video (and text to image: num_frames=1) with the same model."""

from _common import setup

gen, out, args = setup(__doc__)
video = gen.generate("a large red circle moving right", seed=args.seed, num_inference_steps=args.steps)
print("wrote", video.save(out / "text_to_video.mp4"))
image = gen.generate("a small blue square", num_frames=1, seed=args.seed, num_inference_steps=args.steps)
print("wrote", image.save(out / "text_to_image.gif"))
