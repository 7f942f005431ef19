"""Scenarios: tasks a person would ask for — a goal and a reason, told in prose, solved with the apps' domain
actions (with their real preconditions) over entities shared across apps.

- :mod:`.intent` — how a person asks for each domain action (the per-domain tables live in :mod:`.intents`).
"""
