"""How a person asks for a domain action: phrasings with slots, the arguments the request implies, where
looked-up values come from, and what the answer reports.

One table per domain (:mod:`toolgym_env.tasks.scenarios.intents`), keyed by the action's canonical name (its
Python function name in the domain module). Slots in a phrasing are written ``{name}``:

- an id parameter ``ticket_id`` (or ``ticket_ids``) is the slot ``{ticket}`` (``{tickets}``): the generator
  picks real records and renders them the way a person names them (``the ticket “Printer on fire”``);
- a parameter listed in ``pick`` (``{"market": "market.symbol"}``) takes a field of a real record of that
  resource and renders as the quoted value;
- a parameter listed in ``args`` renders its fixed value (quoted text, plain numbers, lists joined with
  "and");
- a parameter listed in ``choices`` takes one of the listed values (chosen by the generator), rendered the
  same way; any other value slot is filled with a valid value of the parameter's schema (an enum option, a
  number in range);
- a parameter listed in ``compose`` is built from the world by a function of the domain's table (the parts of
  a split expense, the answers to a form's questions, a day the chosen clinician has appointments): it returns
  the value and the words the request says it with.

Every required parameter of the action must be a slot of every phrasing, or have a fixed value in ``args``
(:func:`check_intent` enforces it). A phrasing starts lower-case and has no final full stop; it reads after
"please", "I need you to", "could you" or as a sentence of its own.

Example:
    >>> asks = ("cancel {booking}", "call off {booking}")
    >>> cancel = Intent(asks, why=("my plans changed",), past="cancelled")
    >>> cancel.slots()
    ['booking']
    >>> cancel.phrasings(split="train"), cancel.phrasings(split="test")
    (('cancel {booking}',), ('call off {booking}',))
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from toolgym_env.errors import AppSpecError

_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Composing:
    """What a ``compose`` function of an :class:`Intent` sees: the world's records of the action's app and the
    arguments chosen so far.

    Args:
        rows: the records of one resource of the app, by resource name (``rows("category")``).
        name: how a person names a record of a resource (``None`` when it has no usable name).
        cite: records the request names inside the value (``cite("category", row)``): the reference solution
            looks each one up, as an agent must, before the call.
        records: the records chosen for each id parameter (``records["form_id"][0]`` is the form).
        args: the arguments chosen so far.
        rng: the draft's random source.
    """

    rows: Callable[[str], list[dict[str, Any]]]
    name: Callable[[str, dict[str, Any]], str | None]
    cite: Callable[[str, dict[str, Any]], None]
    records: dict[str, list[dict[str, Any]]]
    args: dict[str, Any]
    rng: random.Random


#: Builds an argument from the world (often a list of records): its value and how the request says it, or
#: ``None`` when the world has nothing that fits.
Compose = Callable[[Composing], tuple[Any, str] | None]


@dataclass(frozen=True)
class Intent:
    """How a person asks for one domain action.

    Args:
        ask: two or more phrasings of the request (imperative, lower-case start, slots ``{name}``). The
            generator writes ``train`` tasks with the even-numbered ones and ``test`` tasks with the
            odd-numbered ones, so the two splits never share a phrasing.
        args: fixed argument values the phrasing implies (``{"in_maintenance": True}`` for "send {vehicle} to
            maintenance"); a value that varies needs a slot.
        choices: values a slot may take (``{"reason": ("duplicate charge", "item never arrived")}``).
        pick: parameters whose value is a field of an existing record: ``{"market": "market.symbol"}``.
        compose: parameters whose value is built from the world (a list of records, a day that fits the
            records chosen), each by a function (:data:`Compose`); its slot renders the words it returns.
        report: what the answer states after the call: ``{result path: what the request calls it}``
            (``{"last_price": "last price"}``; a path into a nested result uses dots, ``"summary.total"``).
        why: reasons a person gives for asking (lower-case, no full stop), woven into the request.
        past: the past participle of the action for reports and branches ("cancelled", "handed over").
    """

    ask: tuple[str, ...]
    args: dict[str, Any] = field(default_factory=dict)
    choices: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    pick: dict[str, str] = field(default_factory=dict)
    compose: dict[str, Compose] = field(default_factory=dict)
    report: dict[str, str] = field(default_factory=dict)
    why: tuple[str, ...] = ()
    past: str = ""

    def slots(self) -> list[str]:
        """The slot names of the first phrasing, in order of appearance."""
        return list(dict.fromkeys(_SLOT.findall(self.ask[0])))

    def phrasings(self, split: str) -> tuple[str, ...]:
        """The phrasings a split may use: even-numbered ones for ``train``, odd-numbered ones otherwise."""
        return self.ask[0::2] if split == "train" else self.ask[1::2]


def slot_of(param: str) -> str:
    """The slot name of a parameter: ``ticket_id`` → ``ticket``, ``ticket_ids`` → ``tickets``, else itself.

    Example:
        >>> slot_of("ticket_id"), slot_of("alert_ids"), slot_of("reason")
        ('ticket', 'alerts', 'reason')
    """
    if param.endswith("_ids"):
        return param[:-4] + "s"
    if param.endswith("_id"):
        return param[:-3]
    return param


def check_intent(domain: str, action: str, intent: Intent, params: dict[str, bool]) -> None:
    """Raise :class:`AppSpecError` when ``intent`` cannot be instantiated for an action with ``params``
    (``{name: required}``): fewer than two phrasings, a phrasing that starts upper-case or ends with a full
    stop, a slot or fixed argument naming no parameter, phrasings with different slots, or a required
    parameter with neither a slot nor a fixed value."""
    where = f"{domain}.{action}"
    if len(intent.ask) < 2:
        raise AppSpecError(f"{where}: needs at least two phrasings (one per split)")
    by_slot = {slot_of(p): p for p in params}
    slots = set(intent.slots())
    for text in intent.ask:
        if not text or text[0].isupper() or text.endswith("."):
            raise AppSpecError(
                f"{where}: phrasing {text!r} must start lower-case and have no final full stop"
            )
        if set(_SLOT.findall(text)) != slots:
            raise AppSpecError(f"{where}: phrasing {text!r} has other slots than {sorted(slots)}")
    for slot in slots:
        if slot not in by_slot:
            raise AppSpecError(f"{where}: slot {{{slot}}} names no parameter (parameters: {sorted(params)})")
    for name in [*intent.args, *intent.choices, *intent.pick, *intent.compose]:
        if name not in params:
            raise AppSpecError(f"{where}: {name!r} is not a parameter (parameters: {sorted(params)})")
    for name, required in params.items():
        if required and slot_of(name) not in slots and name not in intent.args:
            raise AppSpecError(f"{where}: required parameter {name!r} has no slot and no fixed value")
    for name in intent.compose:
        if slot_of(name) not in slots:
            raise AppSpecError(f"{where}: compose {name!r} needs a slot {{{slot_of(name)}}}")
    for name, values in intent.choices.items():
        if slot_of(name) not in slots or not values:
            raise AppSpecError(f"{where}: choices for {name!r} need a slot and at least one value")
    for name, source in intent.pick.items():
        if source.count(".") != 1:
            raise AppSpecError(f"{where}: pick {name!r} must be 'resource.field', got {source!r}")
