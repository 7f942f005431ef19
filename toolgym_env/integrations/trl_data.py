"""A suite as TRL's prompt dataset: one row per task, its request supplied by the env's ``reset``."""

from __future__ import annotations

from importlib import resources
from typing import Any

from toolgym_env.tasks import load_suite


def trl_system_prompt() -> str:
    """The system prompt for the TRL tools (``prompts/trl_system.md``): the three tools and how to call
    them."""
    return (resources.files("toolgym_env.integrations") / "prompts" / "trl_system.md").read_text(
        encoding="utf-8"
    )


def trl_rows(
    suite: str = "train", n: int | None = None, system_prompt: str | None = None
) -> list[dict[str, Any]]:
    """The dataset rows of a suite's first ``n`` tasks (all by default): ``prompt`` (a system message and an
    empty user message, which TRL completes with the request that
    :meth:`~toolgym_env.integrations.ToolGymTRLEnv.reset` returns) and ``task_id`` (passed to ``reset``).

    Example:
        >>> rows = trl_rows("core", n=2)
        >>> [m["role"] for m in rows[0]["prompt"]], rows[0]["prompt"][1]["content"], rows[1]["task_id"]
        (['system', 'user'], '', 'core-best-product-order-01')
    """
    system = trl_system_prompt() if system_prompt is None else system_prompt
    head = [{"role": "system", "content": system}] if system else []
    return [
        {"prompt": [*head, {"role": "user", "content": ""}], "task_id": task.id}
        for task in load_suite(suite)[:n]
    ]


def trl_dataset(suite: str = "train", n: int | None = None, system_prompt: str | None = None) -> Any:
    """:func:`trl_rows` as a ``datasets.Dataset`` (``GRPOTrainer(train_dataset=...)``); needs the ``trl``
    extra."""
    from datasets import Dataset

    return Dataset.from_list(trl_rows(suite, n, system_prompt))
