"""Provenance of a run: what made its records, stamped on every record and kept in a manifest beside the
results.

A run has a **name** (``--run-name``; by default the agent, the model and the config id) and a **config id**:
a hash of everything that changes results — the agent, its settings (model, sampling, step limit, call limits,
tool budget, prompt hashes; for other agents their constructor arguments), the step limit and the package
version. The endpoint's URL and the git revision are recorded but not hashed: the same model served from
another port, or a checkout one commit on, resumes the same run (a new run name starts a new one). The suite
is hashed on its own (``suite_hash``): resuming against a changed task file is refused.

Both the name and the config id are part of each record's key, so another model or step limit never reuses
an earlier episode; appending to a file a run whose name is taken by another config is refused
(:func:`check_compatible`).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolgym_env.errors import InvalidArgumentError

#: Constructor arguments never recorded (they are secrets).
SECRET_KEYS = frozenset({"api_key", "password", "token", "secret"})


def _digest(obj: Any, n: int = 12) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:n]


@lru_cache(maxsize=1)
def package_version() -> str:
    """The installed version of ``toolgym-env`` (``"unknown"`` when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("toolgym-env")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def git_revision() -> str | None:
    """The git commit of the checkout the package runs from (with ``+dirty`` when it has changes); ``None``
    outside a checkout (an installed wheel)."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True, timeout=5, check=False
        )
        if head.returncode != 0:
            return None
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def suite_hash(tasks: list[Any]) -> str:
    """A hash of a suite's tasks (their canonical JSON): the same tasks give the same hash, from a shipped
    suite or a file."""
    return _digest([t.model_dump(mode="json") if hasattr(t, "model_dump") else t for t in tasks], 16)


def agent_settings(agent: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """What an agent's results depend on: its ``describe()`` (LLM agents: model, endpoint without credentials,
    sampling, limits, prompt hashes), else its constructor arguments without secrets."""
    describe = getattr(agent, "describe", None)
    if callable(describe):
        return dict(describe())
    return {k: v for k, v in sorted(kwargs.items()) if k not in SECRET_KEYS}


def run_provenance(
    agent_name: str, settings: dict[str, Any], max_steps: int, tasks: list[Any], run_name: str | None = None
) -> dict[str, Any]:
    """The provenance stamped on every record of a run (see the module docstring).

    >>> p = run_provenance("oracle", {}, 40, [])
    >>> p["run_name"] == "oracle-" + p["config_id"][:6], sorted(p)[:4]
    (True, ['agent', 'base_url', 'config_id', 'git_revision'])
    """
    version = package_version()
    hashed = {key: value for key, value in settings.items() if key != "base_url"}
    config_id = _digest({"agent": agent_name, "settings": hashed, "max_steps": max_steps, "version": version})
    model = settings.get("model")
    name = run_name or f"{agent_name}{'@' + str(model) if model else ''}-{config_id[:6]}"
    return {
        "run_name": name,
        "config_id": config_id,
        "agent": agent_name,
        "model": model,
        "base_url": settings.get("base_url"),
        "settings": settings,
        "max_steps": max_steps,
        "package_version": version,
        "git_revision": git_revision(),
        "suite_hash": suite_hash(tasks),
    }


def check_compatible(
    records: list[dict[str, Any]], provenance: dict[str, Any], suite: str, path: Any
) -> None:
    """Refuse to append the run ``provenance`` to a file whose records hold the same run name under another
    config, or the same run and suite with other tasks.

    Raises:
        InvalidArgumentError: The run would mix with an incompatible one; the message says how they differ.
    """
    name = provenance["run_name"]
    for record in records:
        theirs = record.get("provenance") or {}
        if theirs.get("run_name") != name:
            continue
        if theirs.get("config_id") != provenance["config_id"]:
            diff = _differences(theirs, provenance)
            raise InvalidArgumentError(
                f"{path} already holds run {name!r} made with another configuration ({diff}); resume it "
                "with the same settings, or give this run another --run-name (or another results file)"
            )
        if record.get("suite") == suite and theirs.get("suite_hash") != provenance["suite_hash"]:
            raise InvalidArgumentError(
                f"{path} holds run {name!r} on suite {suite!r} with other tasks (suite hash "
                f"{theirs.get('suite_hash')} vs {provenance['suite_hash']}): the task file changed; "
                "give this run another --run-name"
            )


def _differences(old: dict[str, Any], new: dict[str, Any]) -> str:
    flat_old = {
        **(old.get("settings") or {}),
        **{k: old.get(k) for k in ("agent", "max_steps", "package_version")},
    }
    flat_new = {
        **(new.get("settings") or {}),
        **{k: new.get(k) for k in ("agent", "max_steps", "package_version")},
    }
    keys = [
        k
        for k in sorted(set(flat_old) | set(flat_new))
        if k != "base_url" and flat_old.get(k) != flat_new.get(k)
    ]
    return (
        ", ".join(f"{k}: {flat_old.get(k)!r} there, {flat_new.get(k)!r} now" for k in keys[:6]) or "config id"
    )


def manifest_path(results: str | os.PathLike[str]) -> Path:
    """The manifest beside a results file: ``results.jsonl`` → ``results.manifest.json``."""
    path = Path(results)
    return path.with_name(path.stem + ".manifest.json")


def write_manifest(
    results: str | os.PathLike[str], provenance: dict[str, Any], summary: dict[str, Any]
) -> Path:
    """Add (or update) this run's entry in the manifest beside ``results``: its provenance, when it last ran,
    and ``summary`` (episode counts); returns the manifest's path."""
    path = manifest_path(results)
    data: dict[str, Any] = {"results": Path(results).name, "runs": {}}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            pass
    runs = data.setdefault("runs", {})
    entry = runs.setdefault(provenance["run_name"], {"first_run": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
    entry.update({"provenance": provenance, "last_run": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **summary})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, path)
    return path
