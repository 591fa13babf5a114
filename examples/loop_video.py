"""A seamless loop: the last frame flows into the first."""

from _common import setup

gen, out, args = setup(__doc__)
video = gen.loop("a small purple square moving left", seed=args.seed, num_inference_steps=args.steps)
print("wrote", video.save(out / "loop.mp4"), video.num_frames, "frames")
