"""The scenario families: nine story patterns, each told in the seven goal categories (``pattern-category``).

Patterns (ToolGym's if-then families among them):

- ``errand`` — do a domain action on a record, for a reason; re-check it.
- ``fallback`` — ask for an action; if its precondition refuses it, do another one instead.
- ``pivot`` — look at the record first: one action if it shows something, another otherwise.
- ``threshold`` — outcome branching: a figure from a read action decides whether to act.
- ``requester`` — a person of the cast brings up their record: find it through their email, act, tell them.
- ``sweep`` — the same action on every record that matches.
- ``choose`` — pick the record that is best by the category's measure, then act on it.
- ``brief`` — a figure from a read action, passed on to someone by email.
- ``double`` — two actions on the same record, the second building on the first.

The category decides how records are referred to (by a date, an amount, a count, a score or a place rather
than by name), what ``choose`` ranks by, and which implied constraints the request carries (a deadline, a
budget, a call budget, no redundant calls, a restriction of scope, a stated preference).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from toolgym_env.tasks.engine.compose import attempt
from toolgym_env.tasks.engine.segments import _pages, show, value_type
from toolgym_env.tasks.engine.toolbox import Res, resources
from toolgym_env.tasks.engine.work import Skip
from toolgym_env.tasks.scenarios import prose, telling
from toolgym_env.tasks.scenarios.acts import (
    Act,
    Instance,
    acts_of,
    instantiate,
    name_of,
    outcome,
)
from toolgym_env.tasks.scenarios.scene import (
    Scene,
    cast_person,
    date_label,
    email_person,
    field_kind,
    field_words,
    people_rows,
    perform,
    report,
    spoken,
    value_at,
    verify,
)
from toolgym_env.tasks.scenarios.telling import MEASURABLE

CATEGORIES = ("temporal", "financial", "resource", "quality", "scope", "geographic", "preference")
#: Constraint kinds each category's requests imply (preferred when the task allows them).
CATEGORY_CONSTRAINTS = {
    "temporal": ("deadline", "sequence_order"),
    "financial": ("budget", "tradeoff"),
    "resource": ("tool_count", "no_redundancy"),
    "quality": ("no_redundancy", "data_coverage"),
    "scope": ("app_restriction", "forbidden"),
    "geographic": ("app_restriction", "data_coverage"),
    "preference": ("tool_type_priority", "output_format"),
}
#: If-then family of each pattern (ToolGym's names), for the task tags.
IF_THEN = {"fallback": "fallback", "pivot": "conditional_pivot", "threshold": "outcome_branching"}

Pattern = Callable[[Scene, Act], None]
PATTERNS: dict[str, Pattern] = {}


def pattern(name: str) -> Callable[[Pattern], Pattern]:
    """Register a story pattern."""

    def add(fn: Pattern) -> Pattern:
        PATTERNS[name] = fn
        return fn

    return add


FAMILIES = tuple(
    f"{p}-{c}"
    for p in ("errand", "fallback", "pivot", "threshold", "requester", "sweep", "choose", "brief", "double")
    for c in CATEGORIES
)


@pattern("errand")
def errand(scene: Scene, act: Act) -> None:
    """Do the action on a record, for a reason; re-check the record."""
    if act.read_only:
        raise Skip("errands write")
    if act.target() is None:  # an action over the whole app (close solved tickets, run payroll)
        inst = instantiate(act, scene.plan, scene.rng, scene.split, avoid=scene.work.used)
        if inst is None or not outcome(scene.plan, inst)[0]:
            raise Skip("the action does not go through")
        if scene.category in MEASURABLE:
            scene.category = scene.rng.choice(("scope", "preference"))
        scene.say(telling.sentence(scene, inst.text, telling.why(scene, act)))
        asked = report(scene, inst, perform(scene, inst, telling.locate_all(scene, inst, None)))
        scene.asks += asked
        telling.maybe_notify(scene, f"{act.app.title}", 0.5)
        return
    inst, _ = next(iter(telling.candidates(scene, act, True, 1)), (None, None))
    if inst is None:
        raise Skip("no record the action goes through on")
    res = telling.res_of(act)
    row = inst.target_row()
    named, by = telling.refer(scene, res, row, strict=True)
    scene.say(telling.sentence(scene, telling.ask(scene, inst, named), telling.why(scene, act)))
    telling.act_on(scene, inst, by, "it", check=True)
    telling.maybe_notify(scene, telling.about(res, row, named))


def _other_act(scene: Scene, act: Act, res: Res, row: dict[str, Any], want: bool = True) -> Instance | None:
    """Another write action of the same app on the same record that would go through (or not)."""
    others = [
        a
        for a in acts_of(act.app)
        if a.name != act.name and not a.read_only and a.target() and a.target()[1].table == res.table
    ]
    scene.rng.shuffle(others)
    for other in others:
        inst = instantiate(other, scene.plan, scene.rng, scene.split, target=row, avoid=scene.work.used)
        if inst is not None and outcome(scene.plan, inst)[0] == want:
            return inst
    return None


@pattern("fallback")
def fallback(scene: Scene, act: Act) -> None:
    """Ask for the action; when its precondition refuses it, another action instead."""
    if act.read_only:
        raise Skip("fallbacks write")
    refused = scene.rng.random() < 0.6
    for inst, ok in telling.candidates(scene, act, not refused, 6):
        res = telling.res_of(act)
        row = inst.target_row()
        plan_b = _other_act(scene, act, res, row)
        if plan_b is None:
            continue
        named, by = telling.refer(scene, res, row, strict=False)
        first = telling.sentence(scene, telling.ask(scene, inst, named), telling.why(scene, act))
        other = telling.ask(scene, plan_b, "it")
        scene.say(
            first + " " + prose.fill(scene.text.choice(prose.FALLBACK), fallback=other, app=act.app.title)
        )
        telling.act_on(
            scene,
            inst if ok else plan_b,
            by,
            "it",
            check=scene.category == "quality" or scene.rng.random() < 0.5,
        )
        telling.maybe_notify(scene, telling.about(res, row, named))
        return
    raise Skip("no record with a second action")


@pattern("pivot")
def pivot(scene: Scene, act: Act) -> None:
    """One action if the record shows something, another otherwise."""
    if act.read_only:
        raise Skip("pivots write")
    res = telling.res_of(act)
    conds = [f for f in res.enum_fields(editable=False)] + [
        f for f, p in res.props.items() if p.type == "boolean"
    ]
    for inst, _ in telling.candidates(scene, act, True, 5):
        row = inst.target_row()
        fields = [f for f in conds if f in row and row[f] is not None]
        plan_b = _other_act(scene, act, res, row)
        if not fields or plan_b is None:
            continue
        cond = scene.rng.choice(sorted(fields))
        holds = scene.rng.random() < 0.5
        prop = res.props[cond]
        options = [v for v in (prop.enum or (True, False)) if v != row[cond]]
        value = row[cond] if holds else scene.rng.choice(options)
        label = field_words(cond)
        said = (
            f"its {label} is {spoken(value)}" if prop.type != "boolean" else telling.flag(label, bool(value))
        )
        named, by = telling.refer(scene, res, row, strict=False)
        then, other = (inst, plan_b) if scene.rng.random() < 0.5 else (plan_b, inst)
        chosen = then if holds else other
        if chosen is plan_b and not outcome(scene.plan, plan_b)[0]:
            continue
        scene.say(
            prose.fill(
                scene.text.choice(
                    ("Have a look at {named}.", "Open {named} first.", "Pull up {named}.", "Check {named}.")
                ),
                named=named,
            )
        )
        scene.say(
            prose.fill(
                scene.text.choice(prose.PIVOT),
                cond=said,
                then=telling.ask(scene, then, "it"),
                other=telling.ask(scene, other, "it"),
            )
        )
        scene.work.fact(
            label,
            show(row[cond]),
            value_type(res, cond, row[cond]),
            [show(v) for v in (prop.enum or (True, False)) if v != row[cond]],
        )
        scene.asks.append(label)
        telling.act_on(scene, chosen, by, "it", check=scene.rng.random() < 0.5)
        telling.maybe_notify(scene, telling.about(res, row, named), 0.4)
        return
    raise Skip("no pivot")


def _figure(scene: Scene, app_acts: list[Act]) -> tuple[Instance, str, Any, dict[str, Any]] | None:
    """A read action whose report yields a number: (instance, key, value, result) on a dry run."""
    done = {c.name for c in scene.plan.calls}  # a figure the story already read is not asked for again
    reads = [a for a in app_acts if a.read_only and a.intent.report and a.qualified not in done]
    scene.rng.shuffle(reads)
    for act in reads:
        inst = instantiate(act, scene.plan, scene.rng, scene.split, avoid=scene.work.used)
        if inst is None:
            continue
        ok, text = outcome(scene.plan, inst)
        if not ok:
            continue
        result = json.loads(text)
        for path, key in act.intent.report.items():
            value = value_at(result, path)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return inst, key, value, result
    return None


@pattern("threshold")
def threshold(scene: Scene, act: Act) -> None:
    """A figure from a read action decides whether to do the (write) action."""
    if act.read_only:
        raise Skip("the branch writes")
    found = _figure(scene, list(acts_of(act.app)))
    if found is None:
        raise Skip("no figure to branch on")
    read, key, value, _ = found
    scene.category = _kind_of_words(key, scene)
    above = scene.rng.random() < 0.5
    limit = (
        round(value * (0.8 if above else 1.25), 2)
        if isinstance(value, float)
        else (max(value - max(1, value // 5), 0) if above else value + max(1, value // 4))
    )
    if limit == value or (above and not value > limit) or (not above and value > limit):
        raise Skip("no clear threshold")
    inst, _ = next(iter(telling.candidates(scene, act, True, 1)), (None, None))
    if inst is None:
        raise Skip("no record for the action")
    res = telling.res_of(act)
    row = inst.target_row()
    named, by = telling.refer(scene, res, row, strict=False)
    scene.say(telling.sentence(scene, read.text, telling.why(scene, read.act)))
    figure = key if key.split()[0] in ("their", "its", "his", "her", "my", "our") else f"the {key}"
    scene.say(
        prose.fill(
            scene.text.choice(prose.THRESHOLD),
            figure=figure,
            limit=show(limit),
            then=telling.ask(scene, inst, named),
            other=scene.text.choice(
                ("leave everything as it is", "don't change anything", "just leave it", "hold off")
            ),
        )
    )
    scene.asks += report(scene, read, perform(scene, read, telling.locate_all(scene, read, None)))
    if above:
        telling.act_on(scene, inst, by, "it", check=scene.rng.random() < 0.4)


@pattern("requester")
def requester(scene: Scene, act: Act) -> None:
    """A person of the cast brings up their record: find it through their email, act, email them back."""
    if act.read_only:
        raise Skip("requests write")
    res = telling.res_of(act)
    known = scene.person.email if scene.person else None  # the person the story is already about comes first
    for fname, row, person in sorted(
        people_rows(scene, res), key=lambda x: (x[2].email != known, x[1]["id"])
    ):
        if fname not in res.decl.filterable or (res.table, row["id"]) in scene.work.used:
            continue
        inst = instantiate(act, scene.plan, scene.rng, scene.split, target=row, avoid=scene.work.used)
        if inst is None or not outcome(scene.plan, inst)[0]:
            continue
        scene.person = person
        thing = scene.text.choice(
            (
                f"their {res.label.replace('_', ' ')}",
                f"{prose.a(res.label.replace('_', ' '))} of theirs",
                f"the {res.label.replace('_', ' ')} they have with us",
                f"their {res.label.replace('_', ' ')} in {act.app.title}",
            )
        )
        scene.say(prose.fill(scene.text.choice(prose.CONTACT), person=person.name, thing=thing))
        # the join: the person's address comes from Contacts, their record is found by it
        scene.plan.call("contacts__search_contacts", query=person.last_name)
        items = scene.plan.results[-1]["items"]
        idx = next((i for i, c in enumerate(items) if c["email"] == person.email), None)
        if idx is None:
            continue
        email_ref = scene.plan.ref(f"items.{idx}.email")
        items = _pages(scene.work, res, {fname: email_ref}, 20)
        hit = next(((s, i) for s, i, it in items if it["id"] == row["id"]), None)
        if hit is None or len(items) != 1:
            raise Skip("the person's record is not alone")
        refs = telling.locate_all(scene, inst, None)
        refs[act.target()[0]] = scene.plan.ref(f"items.{hit[1]}.id", hit[0])
        scene.say(telling.sentence(scene, telling.ask(scene, inst, "it"), telling.why(scene, act)))
        result = perform(scene, inst, refs)
        scene.asks += report(scene, inst, result)
        key = verify(scene, res, row, refs[act.target()[0]], "it")
        if key:
            scene.asks.append(f"its {key} now")
        name = email_person(scene, person, f"your {res.label.replace('_', ' ')}")
        scene.say(
            prose.fill(
                scene.text.choice(prose.NOTIFY),
                person=name.split()[0] if scene.rng.random() < 0.5 else name,
                what=scene.text.choice(
                    ("what you did", "the outcome", "that it's handled", "where it stands")
                ),
            )
        )
        if "contacts" not in scene.apps:
            scene.apps.append("contacts")
        return
    raise Skip("no person with exactly one record")


@pattern("sweep")
def sweep(scene: Scene, act: Act) -> None:
    """The same action on every record that matches a filter."""
    if act.read_only:
        raise Skip("sweeps write")
    res = telling.res_of(act)
    if "list" not in res.tools:
        raise Skip("cannot list")
    rows = scene.plan.read(res.table)
    options = []
    for f in res.filter_enums():
        for v in res.props[f].enum or (True, False):
            match = [r for r in rows if r.get(f) == v]
            if 2 <= len(match) <= 4 and all(name_of(res, r) for r in match):
                options.append((f, v, match))
    scene.rng.shuffle(options)
    for f, v, match in options[:4]:
        insts = []
        for row in match:
            inst = instantiate(act, scene.plan, scene.rng, scene.split, target=row, avoid=scene.work.used)
            if inst is None:
                break
            insts.append(inst)
        if len(insts) != len(match):
            continue
        # all must go through one after another
        try:
            with attempt(scene.work):  # undoes the calls and what they declared
                items = _pages(scene.work, res, {f: v}, 20)
                for inst in insts:
                    step, idx = next((s, i) for s, i, it in items if it["id"] == inst.target_row()["id"])
                    refs = telling.locate_all(scene, inst, None)
                    refs[act.target()[0]] = scene.plan.ref(f"items.{idx}.id", step)
                    perform(scene, inst, refs)
        except (Skip, StopIteration, Exception) as exc:
            if not isinstance(exc, (Skip, StopIteration)) and type(exc).__name__ != "PlanError":
                raise
            continue
        label = field_words(f)
        plural = res.plural.replace("_", " ")
        which = (
            f"{plural} whose {label} is {spoken(v)}"
            if res.props[f].type != "boolean"
            else (f"{plural} that are {label}" if v else f"{plural} that are not {label}")
        )
        ask = re.sub(r"\bit\b", "them", telling.ask(scene, insts[0], "them"))
        scene.say(prose.fill(scene.text.choice(prose.SWEEP), which=which, ask=ask))
        scene.work.fact(f"{plural} handled", len(insts), "integer")
        scene.asks.append(f"how many {plural} you handled")
        return
    raise Skip("no filter selects a few records the action fits")


@pattern("choose")
def choose(scene: Scene, act: Act) -> None:
    """Pick the record that is best by the category's measure among those matching, then act on it."""
    if act.read_only:
        raise Skip("choices lead to a write")
    res = telling.res_of(act)
    if "list" not in res.tools:
        raise Skip("cannot list")
    ranked = {f: field_kind(res, f) for f in res.numeric() if f in res.props}
    ranked.update(
        {
            f: "temporal"
            for f, p in res.props.items()
            if field_kind(res, f) == "temporal" and p.type == "string"
        }
    )
    if not ranked:
        raise Skip("nothing to rank by")
    same = sorted(f for f, k in ranked.items() if k == scene.category)
    metric = scene.rng.choice(same or sorted(ranked))
    kind = ranked[metric]
    rows = scene.plan.read(res.table)
    pool = [r for r in rows if r.get(metric) not in (None, "") and name_of(res, r)]
    within = _within(scene, res, pool, metric) if scene.category in ("scope", "geographic") else None
    if within is None:
        scene.category = kind if kind in MEASURABLE else "preference"
    else:
        pool = [r for r in pool if r.get(within[0]) == within[1]]
        rows = [r for r in rows if r.get(within[0]) == within[1]]
    if not 3 <= len(pool) <= 60:
        raise Skip("too few or too many candidates")
    best = max if scene.rng.random() < 0.5 else min
    top = best(pool, key=lambda r: r[metric])
    if sum(1 for r in pool if r[metric] == top[metric]) > 1:
        raise Skip("tie")
    inst = instantiate(act, scene.plan, scene.rng, scene.split, target=top, avoid=scene.work.used)
    if inst is None or not outcome(scene.plan, inst)[0]:
        raise Skip("the action does not go through on the best record")
    word = {True: ("highest", "most recent"), False: ("lowest", "earliest")}[best is max][kind == "temporal"]
    label = field_words(metric)
    if kind == "temporal" and metric.endswith("_at"):
        label = label[:-3] + " time"
    elif kind == "temporal" and metric.endswith("_on"):
        label = date_label(metric)
    which = f"{res.plural.replace('_', ' ')} in {act.app.title}"
    if within is not None:
        which += f" whose {field_words(within[0])} is {spoken(within[1])}"
    scene.say(prose.fill(scene.text.choice(prose.CHOOSE), which=which, best=f"the {word} {label}"))
    scene.say(telling.sentence(scene, telling.ask(scene, inst, "that one"), telling.why(scene, act)))
    filters = {within[0]: within[1]} if within is not None and within[0] in res.decl.filterable else {}
    items = _pages(scene.work, res, filters, 20)
    if within is not None:
        items = [(s, i, it) for s, i, it in items if it.get(within[0]) == within[1]]
    step, idx = next(((s, i) for s, i, it in items if it["id"] == top["id"]), (None, None))
    if step is None or len(items) != len(rows):
        raise Skip("not every record listed")
    others = [r for r in pool if r["id"] != top["id"]]
    scene.work.fact(
        f"chosen {res.label.replace('_', ' ')}",
        name_of(res, top),
        "name",
        [name_of(res, r) for r in others],
        [top["id"]],
    )
    scene.asks.append(f"which {res.label.replace('_', ' ')} you chose")
    refs = telling.locate_all(scene, inst, None)
    refs[act.target()[0]] = scene.plan.ref(f"items.{idx}.id", step)
    result = perform(scene, inst, refs)
    scene.asks += report(scene, inst, result)
    telling.maybe_notify(scene, f"the {res.label.replace('_', ' ')} {name_of(res, top)}", 0.5)


def _within(scene: Scene, res: Res, pool: list[dict[str, Any]], metric: str) -> tuple[str, Any] | None:
    """A restriction of the candidates for the scope and geographic categories: a state (an enum field) or a
    place (a city, a region) that 3–60 of them share and the rest do not; ``None`` when none fits."""
    if scene.category == "geographic":
        fields = [
            f for f in res.props if field_kind(res, f) == "geographic" and res.props[f].type == "string"
        ]
    else:
        fields = res.enum_fields(editable=False)
    options = []
    for f in sorted(fields):
        if f == metric:
            continue
        counts: dict[Any, int] = {}
        for r in pool:
            if isinstance(r.get(f), str) and r[f]:
                counts[r[f]] = counts.get(r[f], 0) + 1
        options += [(f, v) for v, n in sorted(counts.items()) if 3 <= n < len(pool)]
    return scene.rng.choice(options) if options else None


def _has_figures(scene: Scene, inst: Instance) -> bool:
    """Whether the read goes through with a value at one of the paths its intent reports."""
    ok, text = outcome(scene.plan, inst)
    if not ok:
        return False
    result = json.loads(text)
    return any(value_at(result, path) not in (None, "", [], {}) for path in inst.act.intent.report)


@pattern("brief")
def brief(scene: Scene, act: Act) -> None:
    """A figure from a read action, passed on by email."""
    if not act.read_only or not act.intent.report:
        raise Skip("briefs read")
    if act.target() is not None:  # a read about one record: one it goes through on and has figures for
        inst = next((i for i, _ in telling.candidates(scene, act, True, 4) if _has_figures(scene, i)), None)
        if inst is None:
            raise Skip("the read does not go through")
        named, by = telling.refer(scene, telling.res_of(act), inst.target_row(), strict=False)
        ask = telling.ask(scene, inst, named)
    else:
        inst, by = instantiate(act, scene.plan, scene.rng, scene.split, avoid=scene.work.used), None
        if inst is None or not outcome(scene.plan, inst)[0]:
            raise Skip("the read does not go through")
        ask = inst.text
    scene.say(telling.sentence(scene, ask, telling.why(scene, act)))
    asked = report(scene, inst, perform(scene, inst, telling.locate_all(scene, inst, by)))
    if not asked:
        raise Skip("nothing to report")
    scene.asks += asked
    scene.category = _kind_of_words(" ".join(asked), scene)
    person = cast_person(scene)
    name = email_person(scene, person, act.app.title + " figures")
    scene.say(
        prose.fill(
            scene.text.choice(prose.NOTIFY),
            person=name,
            what=scene.text.choice(("the numbers", "what you found", "the figures", "the result")),
        )
    )


@pattern("double")
def double(scene: Scene, act: Act) -> None:
    """Two actions on the same record, one after the other."""
    if act.read_only:
        raise Skip("doubles write")
    res = telling.res_of(act)
    for inst, _ in telling.candidates(scene, act, True, 4):
        row = inst.target_row()
        try:
            with attempt(scene.work):  # undoes the calls and what they declared
                named, by = telling.refer(scene, res, row, strict=False)
                refs = telling.locate_all(scene, inst, by)
                perform(scene, inst, refs)
                after = scene.plan.read(res.table, "id = ?", (row["id"],))
                if not after:  # the first action removed the record (merged, deleted): the draft is dropped
                    raise LookupError(f"the {res.label} is gone after {act.name}")
                second = _other_act(scene, act, res, after[0])
                if second is None:
                    raise Skip("no second action")
                second_refs = telling.locate_all(scene, second, None)
                second_refs[act.target()[0]] = refs[act.target()[0]]
                perform(scene, second, second_refs)
        except Skip:
            continue
        then = scene.text.choice(("and then", "then", "and after that", "and once that is done"))
        scene.say(
            telling.sentence(
                scene,
                f"{telling.ask(scene, inst, named)}, {then} {telling.ask(scene, second, 'it')}",
                telling.why(scene, act),
            )
        )
        key = verify(scene, res, row, refs[act.target()[0]], "it")
        if key:
            scene.say(prose.fill(scene.text.choice(prose.VERIFY), it="it", field=key))
        telling.maybe_notify(scene, telling.about(res, row, named), 0.5)
        return
    raise Skip("no record takes two actions")


def _kind_of_words(words: str, scene: Scene) -> str:
    """The measurable category a reported figure's name belongs to, else scope or preference."""
    from toolgym_env.tasks.scenarios.scene import KINDS

    words = words.replace(" ", "_")
    kind = next((k for k, p in KINDS.items() if p.search(words)), None)
    return kind or (
        scene.category if scene.category not in MEASURABLE else scene.rng.choice(("scope", "preference"))
    )


def applicable(act: Act) -> list[str]:
    """The patterns that can use ``act`` as their main action."""
    if act.read_only:
        return ["brief"] if act.intent.report else []
    target = act.target()
    if target is None:
        return ["errand"]
    out = ["errand", "fallback", "pivot", "threshold", "sweep", "choose", "double"]
    if act.intent.compose:  # a composed value fits one record (a form's own questions), not every one swept
        out.remove("sweep")
    if target is not None and any("email" in f for f in target[1].decl.filterable):
        out.append("requester")
    return out


__all__ = ["CATEGORIES", "CATEGORY_CONSTRAINTS", "FAMILIES", "IF_THEN", "PATTERNS", "applicable", "resources"]
