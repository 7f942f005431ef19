"""What the commands read and write, checked before any work starts: a suite name or task file, the path of an
output file, the model of an LLM agent. Each check raises a click error, so a user sees one line naming what
was wrong and what to do, and a non-zero exit (2), instead of a traceback after the episodes ran."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

SUITE_HELP = (
    "A shipped suite (test, train, showcase, core, checklist-test, checklist-train) or the path of a JSONL "
    "task file (from `toolgym tasks generate`)."
)


def _shipped() -> list[str]:
    from toolgym_env.tasks import list_suites

    return list_suites()


def _read_tasks(value: str, param_hint: str) -> Path:
    """``value`` as the path of a readable task file, or a click error naming the shipped suites."""
    path = Path(value)
    if not path.exists():
        raise click.BadParameter(
            f"no suite or task file {value!r}; shipped suites: {', '.join(_shipped())} "
            f"(or give the path of a JSONL task file)",
            param_hint=param_hint,
        )
    if not path.is_file():
        raise click.BadParameter(
            f"{value!r} is not a file; give a suite name ({', '.join(_shipped())}) "
            f"or the path of a JSONL task file",
            param_hint=param_hint,
        )
    return path


def suite_tasks(value: str, param_hint: str = "--suite") -> list[Any]:
    """The tasks of ``value``: a shipped suite name, else the path of a JSONL task file (write ``./test`` for
    a file named like a suite). An unknown name, a missing path or a malformed file is a one-line click
    error."""
    from toolgym_env.errors import TaskFileError
    from toolgym_env.tasks import load_suite, load_tasks

    try:
        if value in _shipped():
            return load_suite(value)
        found = load_tasks(_read_tasks(value, param_hint))
    except TaskFileError as exc:
        raise click.BadParameter(
            f"{exc}; fix that line (`toolgym tasks validate {value}` lists every bad one)",
            param_hint=param_hint,
        ) from None
    if not found:
        raise click.BadParameter(f"task file {value!r} holds no tasks", param_hint=param_hint)
    return found


def scan_task_file(value: str, param_hint: str = "FILE") -> tuple[list[Any], list[str]]:
    """Every task of a suite or task file that parses, and one ``file:line: field: problem`` line per problem
    of every line that does not (each pydantic error; a repeated task id), so one run lists them all."""
    from toolgym_env.tasks import scan_tasks

    if value in _shipped():
        return suite_tasks(value, param_hint), []
    path = _read_tasks(value, param_hint)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"cannot read {value!r}: {exc}", param_hint=param_hint) from None
    return scan_tasks(lines, value)


def check_writable(path: str | None, param_hint: str = "--output") -> None:
    """Fail now, not after the run, when ``path`` cannot be written: create its folder and open it for
    appending (a file this makes is removed again). ``None`` and ``-`` (stdout) pass."""
    if path is None or path == "-":
        return
    target = Path(path)
    existed = target.exists()
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        for folder in target.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise NotADirectoryError(20, f"{str(folder)!r} is a file, not a folder")
                break
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise click.BadParameter(
            f"cannot write {path!r}: {exc.strerror or exc}; choose another path", param_hint=param_hint
        ) from None
    if not existed:
        target.unlink()


def check_writable_dir(path: str | None, param_hint: str) -> None:
    """Fail now when the folder ``path`` cannot be made or written to. ``None`` passes."""
    if path is None:
        return
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
        if not os.access(path, os.W_OK):
            raise PermissionError(13, "permission denied")
    except OSError as exc:
        raise click.BadParameter(
            f"cannot write to folder {path!r}: {exc.strerror or exc}; choose another one",
            param_hint=param_hint,
        ) from None


def check_agent(agent: str, agent_kwargs: dict[str, Any]) -> None:
    """Fail now when ``agent`` is unknown, or is an LLM agent without a model or an endpoint (from the
    ``--model``/``--base-url``/``--api-key`` flags, ``--agent-arg`` or the environment)."""
    from toolgym_env.agents import AGENTS
    from toolgym_env.agents.llm_base import LLMAgent
    from toolgym_env.errors import LLMConfigError
    from toolgym_env.llm.client import llm_settings

    if agent not in AGENTS:
        raise click.BadParameter(
            f"unknown agent {agent!r}; choose from {', '.join(sorted(AGENTS))}", param_hint="--agent"
        )
    if not (isinstance(AGENTS[agent], type) and issubclass(AGENTS[agent], LLMAgent)):
        return
    try:
        settings = llm_settings(**{k: agent_kwargs.get(k) for k in ("model", "base_url", "api_key")})
    except LLMConfigError:
        raise click.UsageError(
            f"--agent {agent} needs a model: pass --model NAME (or set TOOLGYM_MODEL or OPENAI_MODEL)"
        ) from None
    if not settings.api_key and not settings.base_url:
        raise click.UsageError(
            f"--agent {agent} needs an endpoint: pass --base-url URL (a local "
            f"OpenAI-compatible server) or --api-key KEY (or set OPENAI_BASE_URL or "
            f"OPENAI_API_KEY)"
        )
