"""Composing a task: pick apps from different domains, chain segments over them (values found in one app feed
the next), optionally report to a contact by email, then write the instruction and the oracle's answer."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from toolgym_env.tasks.engine import phrasing
from toolgym_env.tasks.engine.segments import SEGMENTS, notify
from toolgym_env.tasks.engine.toolbox import resources
from toolgym_env.tasks.engine.work import Skip, Work
from toolgym_env.tasks.plan import Plan, PlanError
from toolgym_env.universe import Universe

WORLD_SEEDS = (0, 1, 2, 3)
KIND_WEIGHTS = {"find_update": 3.0, "pick": 3.0, "fanout": 2.0, "create": 3.0, "delete": 1.3, "branch": 2.0}
_LISTS = (
    "clauses",
    "changes",
    "report",
    "facts",
    "extras",
    "exports",
    "entities",
    "spend",
    "tradeoffs",
    "sensitive",
    "segments",
)


@lru_cache(maxsize=1)
def domain_apps() -> dict[str, tuple[str, ...]]:
    """The generated apps grouped by domain."""
    from toolgym_env.apps.domains import product_index

    out: dict[str, list[str]] = {}
    for app, (domain, _) in sorted(product_index().items()):
        out.setdefault(domain, []).append(app)
    return {d: tuple(a) for d, a in out.items()}


@contextmanager
def attempt(work: Work) -> Iterator[None]:
    """Run a segment; if it skips or a call fails, undo its calls and everything it declared."""
    marks = {name: len(getattr(work, name)) for name in _LISTS}
    used = set(work.used)
    try:
        with work.plan.attempt():
            yield
    except BaseException:
        for name, n in marks.items():
            del getattr(work, name)[n:]
        work.used = used
        raise


@dataclass
class Composed:
    """A composed workflow before constraints: the plan, the work record and the apps chosen."""

    plan: Plan
    work: Work
    apps: tuple[str, ...]
    seed: int


def compose(universe: Universe, rng: random.Random) -> Composed:
    """Chain 2-7 segments over 1-3 generated apps (plus Contacts and Mail when the results are emailed)."""
    by_domain = domain_apps()
    seed = rng.choice(WORLD_SEEDS)
    n_apps = rng.choice((1, 2, 2, 2, 3, 3))
    apps = tuple(rng.choice(by_domain[d]) for d in rng.sample(sorted(by_domain), n_apps))
    plan = Plan(universe, seed=seed, apps=apps)
    work = Work(plan, rng)
    target = rng.choice((6, 7, 8, 9, 10, 11, 12, 14, 17))
    report = rng.random() < 0.55 or n_apps == 1
    kinds, weights = zip(*KIND_WEIGHTS.items())
    tries = 0
    for app in _cycle(apps, rounds=3):
        if len(plan.calls) >= target - (2 if report else 0) or tries > 24:
            break
        pool = resources(universe.app(app))
        for _ in range(4):
            tries += 1
            kind = rng.choices(kinds, weights)[0]
            if kind == "create" and not work.exports:
                kind = "find_update"
            res = rng.choice(pool)
            if kind == "create":
                spenders = [
                    r for r in pool if "create" in r.tools and any(f in r.editable for f in r.money())
                ]
                if spenders and rng.random() < 0.7:
                    res = rng.choice(spenders)
            try:
                with attempt(work):
                    SEGMENTS[kind](work, res)
                    work.segments.append(kind)
                break
            except (Skip, PlanError, LookupError, ValueError):
                continue
    if report and work.report:
        try:
            with attempt(work):
                notify(work)
        except (Skip, PlanError, LookupError, ValueError):
            pass
    if not work.changes or not work.report:
        raise Skip("no segment applied")
    used_apps = tuple(sorted({c.name.split("__", 1)[0] for c in plan.calls}))
    return Composed(plan, work, used_apps, seed)


def _cycle(apps: tuple[str, ...], rounds: int) -> Iterator[str]:
    for _ in range(rounds):
        yield from apps


def slug(key: str) -> str:
    """A JSON key for a report line (``"chosen deal"`` → ``"chosen_deal"``)."""
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_") or "value"


def answer_keys(lines: list[tuple[str, str]]) -> list[str]:
    """Unique JSON keys for report lines (a repeated label gets ``_2``, ``_3``...)."""
    keys: list[str] = []
    for k, _ in lines:
        key, n = slug(k), 2
        while key in keys:
            key, n = f"{slug(k)}_{n}", n + 1
        keys.append(key)
    return keys


def write_answer(lines: list[tuple[str, str]], fmt: str | None) -> str:
    """The oracle's final answer: the report lines as prose, a bulleted/numbered list, or a JSON object."""
    if fmt == "json":
        return json.dumps(dict(zip(answer_keys(lines), (v for _, v in lines))), ensure_ascii=False)
    if fmt == "bullets":
        return "\n".join(f"- {k}: {v}" for k, v in lines)
    if fmt == "numbered":
        return "\n".join(f"{i}. {k}: {v}" for i, (k, v) in enumerate(lines, start=1))
    return "Done. " + "; ".join(f"The {k} is {v}" for k, v in lines) + "."


def write_instruction(work: Work, phrases: list[str], rng: random.Random, recap: bool = True) -> str:
    """The request: an opener, the steps with connectors, the implied constraints, optional noise, the facts
    to report (``recap``; a JSON output format names them itself) and a closing."""
    steps = []
    n = len(work.clauses)
    for i, clause in enumerate(work.clauses):
        opener = phrasing.connector(i, n, rng)
        text = clause[0].upper() + clause[1:] if not opener else clause
        steps.append(f"{opener}{text}.")
    body = steps + list(phrases)
    if rng.random() < 0.35:
        body.insert(rng.randint(0, len(body)), phrasing.noise(rng))
    if recap and work.facts:
        body.append(phrasing.summary([f.key for f in work.facts], rng))
    return (phrasing.opener(rng) + " ".join(body) + " " + phrasing.closing(rng)).strip()
