"""What the state controller injects, and how often: one rate (and optional fixed trigger) per perturbation
kind, the settings each kind needs, and the named profiles.

Rates are per tool call (per step for ``interrupt``). ``*_at`` fields fire a kind on fixed tool calls,
counted from 1 over the episode's tool calls (``search_tools`` included only when ``perturb_search``).
At most one perturbation hits one call; when several draw, the first in :data:`CALL_KINDS` order wins.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from toolgym_env.errors import InvalidArgumentError

#: Tool-level kinds (the call fails or returns part of its result), then state-level ones.
TOOL_KINDS = ("timeout", "rate_limit", "unavailable", "schema_change", "partial_failure")
STATE_KINDS = ("session_timeout", "stale_data", "data_corruption", "truncation", "response_delay")
#: Kinds decided per call, in priority order.
CALL_KINDS = TOOL_KINDS + STATE_KINDS
#: Every kind, the constraint-level ``interrupt`` last.
KINDS = CALL_KINDS + ("interrupt",)

Rate = float
Span = tuple[float, float]


class PerturbationConfig(BaseModel):
    """Rates, fixed triggers and settings of every perturbation kind (see the module docstring).

    Example:
        >>> PerturbationConfig(timeout=0.1, rate_limit_at=[2]).rate("timeout")
        0.1
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    timeout: Rate = Field(0.0, ge=0, le=1, description="The call does not complete; no change is made.")
    rate_limit: Rate = Field(0.0, ge=0, le=1, description="429 with a retry-after on the virtual clock.")
    unavailable: Rate = Field(0.0, ge=0, le=1, description="503 for the next N calls to the app.")
    schema_change: Rate = Field(0.0, ge=0, le=1, description="A parameter renamed or a required one added.")
    partial_failure: Rate = Field(0.0, ge=0, le=1, description="A list result loses part of its items.")
    session_timeout: Rate = Field(0.0, ge=0, le=1, description="The app's session expires until refreshed.")
    stale_data: Rate = Field(0.0, ge=0, le=1, description="A read answers from before the agent's changes.")
    data_corruption: Rate = Field(0.0, ge=0, le=1, description="A text field of the response is garbled.")
    truncation: Rate = Field(0.0, ge=0, le=1, description="The response text is cut.")
    response_delay: Rate = Field(0.0, ge=0, le=1, description="The response arrives late (virtual time).")
    interrupt: Rate = Field(0.0, ge=0, le=1, description="Per step: the user changes the constraints.")

    timeout_at: tuple[int, ...] = ()
    rate_limit_at: tuple[int, ...] = ()
    unavailable_at: tuple[int, ...] = ()
    schema_change_at: tuple[int, ...] = ()
    partial_failure_at: tuple[int, ...] = ()
    session_timeout_at: tuple[int, ...] = ()
    stale_data_at: tuple[int, ...] = ()
    data_corruption_at: tuple[int, ...] = ()
    truncation_at: tuple[int, ...] = ()
    response_delay_at: tuple[int, ...] = ()
    interrupt_at: tuple[int, ...] = Field((), description="Steps (from 1) after which the user interrupts.")

    timeout_s: float = Field(30.0, gt=0, description="Virtual time a timed-out call takes.")
    retry_after_s: Span = Field((5.0, 60.0), description="Range of a rate limit's retry-after (seconds).")
    unavailable_calls: tuple[int, int] = Field((1, 3), description="Range of N for a 503 outage.")
    delay_s: Span = Field((20.0, 180.0), description="Range of a response delay (seconds).")
    truncate_keep: Span = Field((0.2, 0.7), description="Share of the response text kept by a truncation.")
    partial_keep: Span = Field((0.3, 0.7), description="Share of the items kept by a partial failure.")
    max_interrupts: int = Field(1, ge=0, description="Most interruptions in one episode.")
    perturb_search: bool = Field(False, description="Whether search_tools can be perturbed too.")

    @model_validator(mode="after")
    def _spans(self) -> PerturbationConfig:
        for name in ("retry_after_s", "unavailable_calls", "delay_s", "truncate_keep", "partial_keep"):
            low, high = getattr(self, name)
            if not 0 <= low <= high:
                raise InvalidArgumentError(
                    f"{name} must be (low, high) with 0 <= low <= high, got {(low, high)}"
                )
        return self

    def rate(self, kind: str) -> float:
        """The per-call (or per-step) probability of ``kind``."""
        return getattr(self, kind)

    def fires_at(self, kind: str, n: int) -> bool:
        """Whether ``kind`` has a fixed trigger at call (or step) ``n``."""
        return n in getattr(self, f"{kind}_at")


def _scaled(scale: float) -> dict[str, float]:
    base = {
        "timeout": 0.02,
        "rate_limit": 0.02,
        "unavailable": 0.02,
        "schema_change": 0.01,
        "partial_failure": 0.02,
        "session_timeout": 0.01,
        "stale_data": 0.02,
        "data_corruption": 0.02,
        "truncation": 0.02,
        "response_delay": 0.03,
        "interrupt": 0.02,
    }
    return {k: round(min(1.0, v * scale), 4) for k, v in base.items()}


#: Named profiles. ``light``/``moderate``/``heavy`` mix every kind (about 8%, 20% and 40% of calls hit);
#: ``first_non_search`` and ``random_20`` are ToolGym's published settings (a 503 on the first non-search
#: call, or on 20% of calls); each kind's own name gives that kind alone at 25% of calls (one interruption per
#: episode, after step 2, for ``interrupt``).
PROFILES: dict[str, dict[str, Any]] = {
    "none": {},
    "light": _scaled(0.4),
    "moderate": {**_scaled(1.0), "max_interrupts": 1},
    "heavy": {**_scaled(2.2), "max_interrupts": 2},
    "first_non_search": {"unavailable_at": (1,), "unavailable_calls": (1, 1)},
    "random_20": {"unavailable": 0.2, "unavailable_calls": (1, 1)},
    **{kind: {kind: 0.25} for kind in CALL_KINDS},
    "interrupt": {"interrupt_at": (2,)},
}


def profile_config(profile: str = "none", **overrides: Any) -> PerturbationConfig:
    """The configuration of a named profile, with per-kind rates or settings overridden by keyword."""
    if profile not in PROFILES:
        raise InvalidArgumentError(
            f"unknown perturbation profile {profile!r}; choose from {sorted(PROFILES)}"
        )
    return PerturbationConfig(**{**PROFILES[profile], **overrides})
