"""Options shared by several commands, so each is spelled, defaulted and described one way everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

import click

from toolgym_env.cli.inputs import SUITE_HELP


class RunOptions(TypedDict):
    """The options of ``toolgym eval`` and ``toolgym collect`` that go to ``run_eval`` unchanged: the agent,
    the tasks (``suite``, ``sample``, ``k`` attempts each, ``seed``), ``workers``, the step limit and whether
    a progress bar shows."""

    agent: str
    suite: str
    sample: int
    k: int
    seed: int
    workers: int
    max_steps: int
    progress: bool


class AliasedOption(click.Option):
    """An option with old spellings that still work but are left out of ``--help``.

    Example:
        >>> @click.command()
        ... @click.option("-o", "--output", "--out", cls=AliasedOption, hidden_names=("--out",))
        ... def cmd(output): ...
    """

    def __init__(self, *args: Any, hidden_names: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hidden_names = frozenset(hidden_names)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        shown, self.opts = self.opts, [o for o in self.opts if o not in self.hidden_names]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = shown


def output_option(default: str | None = None, help: str = "File to write.", **kwargs: Any) -> Callable:
    """``-o/--output FILE`` (``--out`` still accepted)."""
    return click.option(
        "-o",
        "--output",
        "--out",
        "output",
        cls=AliasedOption,
        hidden_names=("--out",),
        default=default,
        show_default=default is not None,
        metavar="FILE",
        help=help,
        **kwargs,
    )


def suite_option(command: Callable) -> Callable:
    """``--suite NAME|FILE``, default ``test``."""
    return click.option("--suite", default="test", show_default=True, metavar="NAME|FILE", help=SUITE_HELP)(
        command
    )


def list_option(name: str, old: str, default: str | None, help: str) -> Callable:
    """A repeatable, comma-separated ``--NAME`` (``--OLD`` still accepted), passed as one tuple of names."""
    return click.option(
        f"--{name}",
        f"--{old}",
        f"{name}s",
        cls=AliasedOption,
        hidden_names=(f"--{old}",),
        multiple=True,
        default=(default,) if default else (),
        show_default=default is not None,
        help=help,
    )


def split_names(values: tuple[str, ...]) -> list[str]:
    """``("a,b", "c")`` → ``["a", "b", "c"]`` (repeats dropped, order kept)."""
    return list(dict.fromkeys(p.strip() for value in values for p in value.split(",") if p.strip()))


def llm_options(command: Callable) -> Callable:
    """``--model``, ``--base-url`` and ``--api-key`` of an LLM agent."""
    command = click.option(
        "--api-key", default=None, help="API key for an LLM agent (default: $OPENAI_API_KEY)."
    )(command)
    command = click.option(
        "--base-url",
        default=None,
        help="OpenAI-compatible endpoint for an LLM agent (default: $OPENAI_BASE_URL, else OpenAI).",
    )(command)
    return click.option(
        "--model",
        default=None,
        help="Model name, needed by an LLM agent (default: $TOOLGYM_MODEL or $OPENAI_MODEL).",
    )(command)


def json_option(command: Callable) -> Callable:
    """``--json``: print one JSON object instead of the text for people."""
    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        help="Print one JSON object (and nothing else) instead of the text.",
    )(command)


def cap_option(name: str, help: str) -> Callable:
    """``--NAME N``: a cap that is off at its default, 0."""
    return click.option(f"--{name}", default=0, show_default=True, type=click.IntRange(0), help=help)


def episode_options(command: Callable) -> Callable:
    """``--max-steps`` and the repeatable ``--agent-arg KEY=VALUE`` of commands that run agents."""
    command = click.option(
        "--agent-arg",
        "agent_args",
        multiple=True,
        metavar="KEY=VALUE",
        help="Keyword argument for the agent's constructor (repeatable; JSON values are decoded).",
    )(command)
    return click.option(
        "--max-steps", default=40, show_default=True, type=click.IntRange(1), help="Step limit per episode."
    )(command)


def workers_option(command: Callable) -> Callable:
    """``--workers N``: episodes run in N processes (Ray actors with ``--backend ray``)."""
    return click.option(
        "--workers",
        default=1,
        show_default=True,
        type=click.IntRange(1),
        help="Worker processes (Ray actors with --backend ray).",
    )(command)
