"""The state controller's perturbations: configuration and profiles, tool- and state-level faults, schema
changes and user interruptions. :class:`~toolgym_env.wrappers.StateController` is the wrapper that uses
them."""

from toolgym_env.wrappers.perturb.config import (
    CALL_KINDS,
    KINDS,
    PROFILES,
    PerturbationConfig,
    profile_config,
)
from toolgym_env.wrappers.perturb.engine import Perturber

__all__ = ["CALL_KINDS", "KINDS", "PROFILES", "PerturbationConfig", "Perturber", "profile_config"]
