"""Metrics computed from trajectories: tool-call success, recovery, flexibility, success per perturbation."""

from toolgym_env.metrics.calls import CallStats, call_stats, kinds_fired, robustness_summary

__all__ = ["CallStats", "call_stats", "kinds_fired", "robustness_summary"]
