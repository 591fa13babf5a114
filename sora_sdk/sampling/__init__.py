"""Flow-matching objective and timestep schedules shared by training and sampling."""

from sora_sdk.sampling.flow import add_noise, flow_loss, resolution_shift, sample_training_sigmas, shift_sigmas, to_velocity

__all__ = ["add_noise", "flow_loss", "resolution_shift", "sample_training_sigmas", "shift_sigmas", "to_velocity"]
