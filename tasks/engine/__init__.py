"""The task creation engine: synthesizes long-horizon, multi-app tasks with executed oracles and validated
constraints."""
