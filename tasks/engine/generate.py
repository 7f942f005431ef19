"""Generating validated tasks: compose a workflow, choose constraints, write the request, then keep the task
only if its oracle scores 1.0, doing nothing and claiming success score 0, and every constraint's violating
variant is caught by the judge. Each task slot is seeded on its own, so any slot regenerates identically."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from toolgym_env.judge.footprint import footprint_of
from toolgym_env.judge.matchers import contains_fact
from toolgym_env.tasks.engine import phrasing
from toolgym_env.tasks.engine.checking import Validator
from toolgym_env.tasks.engine.compose import compose, write_answer, write_instruction
from toolgym_env.tasks.engine.constraint_gen import choose_constraints
from toolgym_env.tasks.engine.work import Skip
from toolgym_env.tasks.plan import PlanError
from toolgym_env.tasks.schema import Goal, Task, WorldRecipe
from toolgym_env.tasks.stats import oracle_stats
from toolgym_env.universe import Universe
from toolgym_env.world.clock import parse_time
from toolgym_env.world.diff import diff_world
from toolgym_env.world.seeding import stable_seed

MAX_ATTEMPTS = 12


class Rejected(Exception):
    """A draft failed validation; the message is the rejection reason (counted by the generator)."""


class CatalogNames:
    """How apps, tools and virtual times are named in instructions."""

    def __init__(self, universe: Universe) -> None:
        self.universe = universe

    def app_title(self, app: str) -> str:
        """The app's display title."""
        return self.universe.apps[app].title

    def tool_title(self, tool: str) -> str:
        """The tool's display title."""
        return self.universe.catalog.tools[tool].title

    def clock(self, iso: str) -> str:
        """A virtual time as the user would say it (``09:05``)."""
        return parse_time(iso).strftime("%H:%M")


@dataclass
class GenStats:
    """What a generation run kept and rejected."""

    kept: int = 0
    rejected: Counter = field(default_factory=Counter)


class Generator:
    """Writes and validates tasks for one split and seed.

    Example:
        >>> gen = Generator("test", seed=7)
        >>> task = gen.task(0)
        >>> task.id, task.stats.calls >= 3
        ('test-7-00000', True)
    """

    def __init__(self, split: str, seed: int, paraphrase: Any = None) -> None:
        self.split, self.seed = split, seed
        self.universe = Universe.full()
        self.catalog = self.universe.catalog
        self.names = CatalogNames(self.universe)
        self.validator = Validator()
        self.paraphrase = paraphrase
        self.stats = GenStats()

    def task(self, slot: int) -> Task | None:
        """The task of ``slot`` (the first attempt that validates), or ``None`` after ``MAX_ATTEMPTS``."""
        for attempt in range(MAX_ATTEMPTS):
            rng = random.Random(stable_seed("toolgym-tasks", self.split, self.seed, slot, attempt))
            task = self.kept(partial(self._draft, slot, rng), (Skip, PlanError))
            if task is not None:
                return task
        return None

    def kept(self, draft: Any, skips: tuple[type[Exception], ...]) -> Task | None:
        """The task ``draft()`` writes if the validator accepts it; ``None`` when the draft raises one of
        ``skips`` or is rejected (the reason counted in ``stats``)."""
        try:
            task = draft()
            self.validate(task)
        except skips as exc:
            self.stats.rejected[f"draft: {_reason(exc)}"] += 1
            return None
        except Rejected as exc:
            self.stats.rejected[str(exc).split(" (", 1)[0]] += 1
            return None
        self.stats.kept += 1
        return task

    def _draft(self, slot: int, rng: random.Random) -> Task:
        comp = compose(self.universe, rng)
        constraints = choose_constraints(comp, rng, self.catalog)
        work = comp.work
        phrased = [c.model_copy(update={"phrasing": self._phrase(c, work, rng)}) for c in constraints]
        answer, fmt = answer_to(work, phrased)
        instruction = write_instruction(work, [c.phrasing for c in phrased if c.phrasing], rng, fmt != "json")
        goal = Goal(changes=work.changes, answer_facts=_distinct_facts(work, instruction))
        phrased = [_distinct_tradeoff(c, instruction) for c in phrased]
        world = comp.plan.world
        goal = goal.model_copy(update={"allow": footprint_of(diff_world(world), world.touched(), goal)})
        task = Task(
            id=f"{self.split}-{self.seed}-{slot:05d}",
            split=self.split,
            instruction=instruction,
            apps=list(comp.apps),
            world=WorldRecipe(seed=comp.seed),
            family="+".join(work.segments),
            goal=goal,
            constraints=phrased,
            oracle=comp.plan.calls,
            oracle_answer=answer,
        )
        stats = oracle_stats(task).model_copy(update={"segments": list(work.segments)})
        task = task.model_copy(update={"stats": stats})
        if self.paraphrase is not None:
            task = self._paraphrased(task)
        return task

    def _phrase(self, c: Any, work: Any, rng: random.Random) -> str:
        """The sentence implying ``c``; the answer's extra content is asked for by what it is, not its
        value."""
        if c.type == "response_content":
            keys = [k for k, v in work.extras if v in c.must_include]
            return rng.choice(
                (
                    "In your reply, also tell me the {}.",
                    "Please also include the {} in your answer.",
                    "When you report back, mention the {} too.",
                )
            ).format(" and the ".join(keys))
        return phrasing.constraint_phrase(c, rng, self.names)

    def _paraphrased(self, task: Task) -> Task:
        keep = re.findall(r"“([^”]+)”", task.instruction) + [f.value for f in task.goal.answer_facts]
        keep += [n for c in task.constraints for n in re.findall(r"\d[\d,.:]*\d|\d", c.phrasing)]
        keep = list(dict.fromkeys(k for k in keep if contains_fact(task.instruction, k)))
        text = self.paraphrase(task.instruction, keep)
        if text is None:
            self.stats.rejected["paraphrase kept original (a fact was dropped)"] += 1
            return task
        return task.model_copy(update={"instruction": text})

    def validate(self, task: Task) -> None:
        """Raise :class:`Rejected` with the first problem :class:`Validator` finds."""
        problem = self.validator.check(task)["problem"]
        if problem:
            raise Rejected(problem)


def answer_to(work: Any, constraints: list[Any]) -> tuple[str, str | None]:
    """The reference answer to a drafted task (its report lines, plus the extras a response-content constraint
    asks for, in the format an output-format constraint sets) and that format (``None``: free text)."""
    lines = list(work.report)
    for c in constraints:
        if c.type == "response_content":
            lines += [(k, v) for k, v in work.extras if v in c.must_include]
    fmt = next((c.format for c in constraints if c.type == "output_format"), None)
    return write_answer(lines, fmt), fmt


def _distinct_facts(work: Any, instruction: str) -> list[Any]:
    """The task's facts with the distractors an honest answer may name for another reason left out: values the
    request itself mentions, the other facts and extras, and the records the task acts on. A fact left with
    nothing to confuse it with cannot be graded for precision, so the draft is rejected."""
    involved = " \n ".join(
        [
            instruction,
            *(v for _, v in work.report),
            *(v for _, v in work.extras),
            *(e.label for e in work.entities),
            *(e.id for e in work.entities),
            *(c.id for c in work.changes if c.id),
            *(pk for _, pk in work.used),
        ]
    )
    facts = []
    for fact in work.facts:
        kept = (
            [d for d in fact.distractors if not contains_fact(involved, d)]
            if fact.type not in ("integer", "decimal", "money")
            else list(fact.distractors)
        )
        if not kept:
            raise Rejected("a fact has no distractor left")
        facts.append(fact.model_copy(update={"distractors": kept}))
    return facts


def _distinct_tradeoff(c: Any, instruction: str) -> Any:
    """A trade-off constraint without the rejected options the request names for another reason (a contact who
    shares a rejected record's name); a trade-off left with none is rejected."""
    if c.type != "tradeoff":
        return c
    rejected = [r for r in c.rejected if not contains_fact(instruction, r)]
    if not rejected:
        raise Rejected("a trade-off has no rejected option left")
    return c.model_copy(update={"rejected": rejected})


def _reason(exc: Exception) -> str:
    text = str(exc)
    return re.sub(r"[\w.]+__\w+|\b\w+_\d\w*|'[^']*'|\d+", "…", text)[:60] or type(exc).__name__
