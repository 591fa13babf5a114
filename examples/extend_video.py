"""Extend a video forward and backward with sliding windows (any length, bounded memory)."""

from _common import setup

gen, out, args = setup(__doc__)
clip = gen.generate("a large green circle moving down", seed=args.seed, num_inference_steps=args.steps)
longer = gen.extend(clip, "a large green circle moving down", num_frames=24, seed=args.seed, num_inference_steps=args.steps)
print("wrote", longer.save(out / "extend_forward.mp4"), longer.num_frames, "frames")
earlier = gen.extend(clip, "a large green circle moving down", num_frames=8, direction="backward", seed=args.seed, num_inference_steps=args.steps)
print("wrote", earlier.save(out / "extend_backward.mp4"), earlier.num_frames, "frames")
