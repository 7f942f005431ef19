"""How a scenario story names, asks for and acts on its records: the steps the patterns of
:mod:`~toolgym_env.tasks.scenarios.families` are told with (which record, how the request refers to it, the
sentence that asks for the action, the lookups and the call, an email about what was found)."""

from __future__ import annotations

import re
from typing import Any

from toolgym_env.tasks.engine.compose import attempt
from toolgym_env.tasks.engine.toolbox import Res
from toolgym_env.tasks.engine.work import Skip
from toolgym_env.tasks.scenarios import prose
from toolgym_env.tasks.scenarios.acts import (
    Act,
    Instance,
    instantiate,
    mention,
    name_of,
    outcome,
    unique_name,
)
from toolgym_env.tasks.scenarios.scene import (
    Scene,
    attribute_ref,
    cast_person,
    email_person,
    identify,
    locate,
    perform,
    report,
    verify,
)

#: Categories told through a measurable attribute of a record (a date, an amount, a count, a score, a place).
MEASURABLE = ("temporal", "financial", "resource", "quality", "geographic")


def res_of(act: Act) -> Res:
    """The kind of record the action is about; ``Skip`` when it takes no single record."""
    target = act.target()
    if target is None:
        raise Skip(f"{act.name} takes no single record")
    return target[1]


def candidates(scene: Scene, act: Act, want: bool | None, limit: int = 10) -> list[tuple[Instance, bool]]:
    """Instances of ``act`` on different target records with whether each would go through (``want``: keep
    only those that would, or would not)."""
    res = res_of(act)
    # a record with no usable name (an order without a tracking number yet) is picked out by a field only it
    # has
    rows = [r for r in scene.plan.read(res.table) if (res.table, r["id"]) not in scene.work.used]
    scene.rng.shuffle(rows)
    out = []
    for row in rows[: limit * 2]:
        inst = instantiate(act, scene.plan, scene.rng, scene.split, target=row, avoid=scene.work.used)
        if inst is None:
            continue
        ok, _ = outcome(scene.plan, inst)
        if want is None or ok == want:
            out.append((inst, ok))
        if len(out) >= limit:
            break
    return out


def refer(scene: Scene, res: Res, row: dict[str, Any], strict: bool) -> tuple[str, tuple[str, Any] | None]:
    """How the request names the target: by the category's attribute (``strict``: required for the measurable
    categories) or by name; a record with no name, or one it shares, by a field only it has."""
    if unique_name(scene.plan, res, row) is None:
        found = attribute_ref(scene, res, row) if scene.category in MEASURABLE else None
        if found is None:
            found = identify(scene, res, row)
            if found is None:
                raise Skip(f"no way to pick out the {res.label}")
            if scene.category in MEASURABLE:
                scene.category = scene.rng.choice(("scope", "preference"))
        return found[0], (found[1], found[2])
    found = attribute_ref(scene, res, row) if scene.category in MEASURABLE else None
    if found is None:  # another measurable category may name it; the story is told in that one
        for kind in MEASURABLE:
            found = attribute_ref(scene, res, row, kind)
            if found is not None:
                scene.category = kind
                break
    if found is None or (not strict and scene.rng.random() < 0.3):
        if scene.category in MEASURABLE:
            scene.category = scene.rng.choice(("scope", "preference"))
        return mention(res, [row]), None
    return found[0], (found[1], found[2])


def locate_all(scene: Scene, inst: Instance, by: tuple[str, Any] | None) -> dict[str, Any]:
    """Lookups for every record the action takes (the target by ``by`` when given)."""
    refs: dict[str, Any] = {}
    target = inst.act.target()
    for param, res in inst.act.id_params().items():
        rows = inst.records[param]
        found = [locate(scene, res, r, by if target and param == target[0] else None) for r in rows]
        refs[param] = found if param.endswith("_ids") else found[0]
    if (
        inst.cited
    ):  # records named inside a composed value (the categories of a split): looked up, then referred to
        swap = {rid: locate(scene, res, row) for rid, (res, row) in inst.cited.items()}
        for param in inst.act.intent.compose:
            refs[param] = swapped(inst.args[param], swap)
    return refs


def swapped(value: Any, swap: dict[str, Any]) -> Any:
    """``value`` with every id found in ``swap`` replaced by its reference.

    Example:
        >>> swapped([{"category_id": "c1", "amount": 5}], {"c1": "REF"})
        [{'category_id': 'REF', 'amount': 5}]
    """
    if isinstance(value, dict):
        return {k: swapped(v, swap) for k, v in value.items()}
    if isinstance(value, list):
        return [swapped(v, swap) for v in value]
    return swap.get(value, value) if isinstance(value, str) else value


def ask(scene: Scene, inst: Instance, named: str) -> str:
    """The instance's phrasing with the target named as the request names it."""
    target = inst.act.target()
    text = inst.text
    if target is not None:
        said = mention(target[1], inst.records[target[0]])
        pronoun = {"it": "its", "them": "their", "that one": "that one's"}.get(named)
        if pronoun and said + "'s" in text:
            text = text.replace(said + "'s", pronoun, 1)
        elif said + "'s" in text and named.startswith("the ") and " " in named[4:]:
            named = said  # "the employee hired on 3 May's salary" reads wrong: keep the name
        text = text.replace(said, named, 1)
        if named in ("it", "them"):
            label = target[1].label.replace("_", " ")
            text = re.sub(
                rf"\bthe {re.escape(label)} ({named})\b", r"\1", text
            )  # "run the saved query it" -> "run it"
            text = re.sub(
                rf"\b([a-z]+) (off|up|out|back|down|away) ({named})\b",  # "call off it" -> "call it off"
                r"\1 \3 \2",
                text,
                count=1,
            )
            if named == "it":  # "the status of it" -> "its status"
                text = re.sub(r"\bthe ([a-z]+(?: [a-z]+)?) of it\b", r"its \1", text)
            text = re.sub(
                rf"\bthe {named} (?=[a-z])", {"it": "its ", "them": "their "}[named], text
            )  # "the it zone"
        if named == "that one":  # "in that one, buy 5 shares" -> "in that account, buy 5 shares"
            text = re.sub(
                r"\b(in|on|from|to) that one,", rf"\1 that {target[1].label.replace('_', ' ')},", text
            )
    return text


def why(scene: Scene, act: Act) -> str:
    """A reason for the action, from its intent (empty when the intent gives none)."""
    return scene.text.choice(act.intent.why) if act.intent.why else ""


def flag(label: str, value: bool) -> str:
    """A yes/no field as a condition: "it is pinned", "it does not have issues", "its allow late setting is
    on".

    >>> flag("pinned", False), flag("is public", True)
    ('it is not pinned', 'it is public')
    >>> flag("allow late", True), flag("has issues", False)
    ('its allow late setting is on', 'it does not have issues')
    """
    words = label.split()
    if words[0] == "is":
        label, words = " ".join(words[1:]), words[1:]
    if len(words) == 1 and words[0].endswith(("ed", "ive", "ble", "ic", "al", "en", "ate")):
        return f"it is {label}" if value else f"it is not {label}"
    if len(words) > 1 and words[0] in ("has", "accepts", "allows", "requires", "includes", "shows", "sends"):
        base = "have" if words[0] == "has" else words[0][:-1]
        return f"it {label}" if value else f"it does not {base} {' '.join(words[1:])}"
    return f"its {label} setting is {'on' if value else 'off'}"


def direct(ask: str) -> bool:
    """Whether a question-form ask has an auxiliary in its first words ("how has X moved", "how many tickets
    did I sell", "is it paid"): it reads wrong after "find out" (word order), so it is asked directly (always
    grammatical).

    >>> direct("how has “ADA-USD” moved today"), direct("how many tickets did I sell")
    (True, True)
    >>> direct("which are late"), direct("how many people skipped it")
    (True, False)
    >>> direct("whether it is paid"), direct("would a $45 meal need one")
    (False, True)
    """
    words = ask.lower().split()
    if words[0] in ("is", "are", "do", "does", "would", "can", "could", "will", "should", "has", "did"):
        return True
    if words[0] == "whether":
        return False
    return any(w in prose.INVERTING for w in words[1:5])


def sentence(scene: Scene, ask: str, why: str) -> str:
    """The request's sentence for an ask and its reason, with a polite opener (a leading "in …, " stays
    first)."""
    lead = re.match(r"^((?:in|for|on) [^,]{1,80}), (.+)$", ask)
    if lead:  # "in that account, buy …" leads the sentence: "In that account, please buy …"
        said = sentence(scene, lead.group(2), why)
        said = said if said.startswith(("I ", "I'")) else said[0].lower() + said[1:]
        return f"{lead.group(1)[0].upper()}{lead.group(1)[1:]}, {said}"
    first = ask.split(" ", 1)[0].lower().replace("’", "'").split("'")[0]
    if first in prose.QUESTION_WORDS and direct(ask):
        bank = prose.DIRECT_QUESTION_WITH_REASON if why else prose.DIRECT_QUESTION
        return prose.fill(scene.text.choice(bank), ask=ask.rstrip("?"), why=why)
    if first in prose.QUESTION_WORDS:
        bank = prose.QUESTION_WITH_REASON if why else prose.QUESTION
        return prose.fill(scene.text.choice(bank), ask=ask.rstrip("?"), why=why)
    if why:
        return prose.fill(scene.text.choice(prose.WITH_REASON), ask=ask, why=why)
    return prose.fill(scene.text.choice(prose.PLAIN), ask=ask)


def act_on(scene: Scene, inst: Instance, by: tuple[str, Any] | None, it: str, check: bool) -> dict[str, Any]:
    """Look up the records, make the call and let the request ask for what it reports; with ``check``, have
    the request re-check a field of the changed record (called ``it``)."""
    refs = locate_all(scene, inst, by)
    result = perform(scene, inst, refs)
    asked = report(scene, inst, result)
    target = inst.act.target()
    if check and target is not None and not inst.act.read_only:
        res = target[1]
        key = verify(scene, res, inst.records[target[0]][0], refs[target[0]], it)
        if key:
            scene.say(prose.fill(scene.text.choice(prose.VERIFY), it=it, field=key))
    if asked:
        scene.asks += asked
    return result


def about(res: Res, row: dict[str, Any], named: str) -> str:
    """What an email about the record calls it: its kind and name, or how the request picked it out."""
    name = name_of(res, row)
    return f"the {res.label.replace('_', ' ')} {name}" if name else named


def app_title(scene: Scene, act: Act) -> str:
    """The title of the app the action belongs to."""
    return act.app.title


def maybe_notify(scene: Scene, about: str, p: float = 0.6) -> None:
    """With probability ``p``, email someone what the story found (left out, calls undone, when there is
    nothing to tell yet or the person is not in Contacts)."""
    if scene.rng.random() < p and scene.work.report:
        person = scene.person or cast_person(scene)
        try:
            with attempt(scene.work):
                name = email_person(scene, person, about)
        except Skip:
            return
        what = scene.text.choice(
            (
                "how it went",
                "what you did",
                "the outcome",
                "where things stand",
                "what happened",
                "the result",
            )
        )
        scene.say(prose.fill(scene.text.choice(prose.NOTIFY), person=name, what=what))
