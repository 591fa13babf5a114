"""A transition that starts as clip A ends and ends as clip B starts."""

from _common import setup

gen, out, args = setup(__doc__)
a = gen.generate("a large red circle moving right", seed=args.seed, num_inference_steps=args.steps)
b = gen.generate("a large blue square moving up", seed=args.seed + 1, num_inference_steps=args.steps)
bridge = gen.transition(a, b, "a shape changing from a red circle to a blue square", seed=args.seed, num_inference_steps=args.steps)
print("wrote", bridge.save(out / "transition.mp4"))
