"""Helpers the tests share: a local OpenAI-compatible server (``fake_openai``), a model that follows a task's
oracle (``scripted_model``) and the paths of the checkout and of ``tests/fixtures/``."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
