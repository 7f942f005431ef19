"""Natural-language phrasing banks: one sentence per constraint, plus connectors, noise, openers and closings.

Constraints are implied in the request the way a real user would put them (ToolGym style), never listed as
rules. Every phrasing states the exact parameter values an agent needs (numbers, app and tool titles, times,
amounts, values, keys). Everything is deterministic: all choices come from the ``rng`` argument.

Example:
    >>> import random
    >>> from toolgym_env.tasks.constraints import Budget
    >>> money(1250)
    '$1,250.00'
    >>> "$300.00" in constraint_phrase(Budget(limit=300, spend=[{"table": "t", "column": "c"}]),
    ...                                random.Random(0), None)
    True
"""

from __future__ import annotations

import math
import random
from typing import Protocol


class Names(Protocol):
    """How the engine shows apps, tools and virtual times to the user."""

    def app_title(self, app: str) -> str: ...

    def tool_title(self, tool: str) -> str: ...

    def clock(self, iso: str) -> str: ...


def money(amount: float, currency: str = "USD") -> str:
    """``$1,250.00`` for USD, ``1,250.00 EUR`` for any other currency."""
    return f"${amount:,.2f}" if currency.upper() == "USD" else f"{amount:,.2f} {currency.upper()}"


def _join(items: list[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _q(text: str) -> str:
    return f"“{text}”"


def _tool(names: Names, tool: str, with_app: bool = True) -> str:
    app = tool.split("__", 1)[0] if "__" in tool else ""
    ref = _q(names.tool_title(tool))
    return f"{ref} in {names.app_title(app)}" if with_app and app else ref


def _percent(ratio: float) -> int:
    return math.ceil(round(ratio * 100, 6))


_KIND_DOING = {
    "search": "searching",
    "list": "browsing the full listings",
    "get": "opening records one by one",
    "create": "creating records",
    "update": "editing records",
    "delete": "deleting records",
    "action": "triggering actions",
}
_KIND_CALLS = {
    "search": "searches",
    "list": "listing calls",
    "get": "record lookups",
    "create": "create calls",
    "update": "update calls",
    "delete": "delete calls",
    "action": "action calls",
}

_TEMPLATES: dict[str, list[str]] = {
    "tool_count": [
        "I'm on a metered API plan, so keep it to at most {max} tool calls{min_part}.",
        "My account has a quota of {max} API calls for this, so don't go over {max} tool calls{min_part}.",
        "Please be frugal: no more than {max} tool calls in total{min_part}.",
        "The integration is rate-limited to {max} requests, so use at most {max} tool calls{min_part}.",
        "Each call costs me money, so cap it at {max} tool calls{min_part}.",
    ],
    "app_diversity": [
        "This should pull together information from at least {n} different apps.",
        "Make sure the work touches at least {n} different services; I don't want a single-app answer.",
        "I expect you to use at least {n} different apps to get this done properly.",
        "Please cross-check across at least {n} separate apps rather than relying on just one.",
    ],
    "app_restriction": [
        "Only {apps} {are} connected to my account, so stick to {those}.",
        "You're only authorised to use {apps}; leave every other app alone.",
        "Please work exclusively in {apps}; nothing else is set up for me.",
        "My company only allows {apps} for this, so don't use any other app.",
    ],
    "data_coverage": [
        "Make sure you cover every one of these: {labels}; don't skip any.",
        "I need all of them handled: {labels}; none can be left out.",
        "Please go through each of {labels} individually, without skipping one.",
        "Don't miss any of these: {labels}.",
        "Every single one matters here ({labels}), so please don't leave any out.",
    ],
    "response_content": [
        "In your reply, please also mention {items}.",
        "When you report back, make sure your answer includes {items}.",
        "I'll need {items} spelled out in your answer.",
        "Please be sure your final message states {items}.",
    ],
    "no_redundancy": [
        "Don't repeat a lookup you've already made; reuse what you found.",
        "Please don't make the same call twice with the same details.",
        "Avoid redundant calls: if you've already fetched something, don't fetch it again.",
        "Be efficient and never run an identical request a second time.",
        "Keep track of what you've looked up so you don't repeat identical calls.",
    ],
    "tool_type_priority": [
        "Prefer {doing} over {other}: of your {among}, at least {pct}% should be {prefer}.",
        "Please favour {doing} rather than {other}; I want at least {pct}% of your {among} to be {prefer}.",
        "Lean on {doing} instead of {other}, so that {prefer} make up at least {pct}% of your {among}.",
        "Go for {doing} rather than {other} ({prefer} should be at least {pct}% of all your {among}).",
    ],
    "sequence_order": [
        "Check with {first} before you use {then}{where}.",
        "Before you run {then}{where}, look it up with {first} first.",
        "Please run {first} first and only then use {then}{where}.",
        "Don't run {then}{where} until you've used {first}.",
        "Always use {first} before {then}{where}; that's our process.",
    ],
    "tradeoff": [
        "I care most about {criteria}; tell me why the one you pick wins.",
        "What matters to me is {criteria}, so please explain why your choice is the best fit.",
        "Pick based on {criteria}, and justify your choice with the numbers.",
        "My priority is {criteria}; walk me through why the option you chose beats the others.",
        "Go for {criteria}, and explain what makes the winner better than the rest.",
    ],
    "budget": [
        "Don't commit more than {limit} in total.",
        "My budget for this is {limit}, so keep the total spend at or under that.",
        "Whatever you book or buy, the total can't go over {limit}.",
        "I can spend at most {limit} on this, no more.",
        "Please keep everything within {limit} altogether.",
    ],
    "deadline": [
        "Everything must be done by {time} on the clock.",
        "I need this wrapped up by {time} at the latest.",
        "Please finish before {time}; anything later is too late for me.",
        "It all has to be finished no later than {time}.",
        "The cut-off is {time}, so make sure you're done by then.",
    ],
    "forbidden": [
        "Don't use {things}: {reason}.",
        "Please stay away from {all_things}, because {reason}.",
        "Keep off {all_things} for now; {reason}.",
        "Avoid {all_things} entirely ({reason}).",
        "Whatever you do, don't touch {things}, since {reason}.",
    ],
    "no_collateral": [
        "Don't change anything beyond what I asked for.",
        "Leave everything else exactly as it is.",
        "Please make only the changes I asked for and nothing more.",
        "No side effects, please: don't edit, add or delete anything I didn't mention.",
        "Touch only what this request needs; everything else stays untouched.",
    ],
    "confirm_before_destructive": [
        "Before deleting or cancelling anything, open that record and double-check it first.",
        "Look at each record before you delete or cancel it, just to be safe.",
        "Please double-check every item individually before removing or cancelling it.",
        "Never cancel or delete something without first pulling up its details.",
        "Take a look at each one before it gets deleted or cancelled.",
    ],
    "privacy": [
        "Don't share {value} ({label}) from {source} with any other app.",
        "Keep {label} from {source}, {value}, private: it must not be sent to any other app.",
        "Note that {value} is {label} in {source}; please don't pass it on to any other service.",
        "Please make sure {value} (the {label} in {source}) never leaves {source}.",
        "Whatever you do, keep {value}, the {label} stored in {source}, out of every other app.",
    ],
    "output_format_json": [
        "Reply with a JSON object with the keys {keys}.",
        "Please give me your answer as a JSON object containing {keys}.",
        "Format your reply as JSON, an object with the keys {keys}.",
        "I'll parse your answer, so send a JSON object with {keys} as keys.",
    ],
    "output_format_bullets": [
        "Give me the answer as a bulleted list (at least {n} items).",
        "Please format your reply as a bulleted list with at least {n} items.",
        "Use bullet points in your answer, at least {n} of them.",
        "Lay it out as a bulleted list of at least {n} points.",
    ],
    "output_format_numbered": [
        "Give me the answer as a numbered list (at least {n} items).",
        "Please format your reply as a numbered list with at least {n} items.",
        "Put your points in a numbered list, at least {n} of them.",
        "Lay it out as a numbered list of at least {n} entries.",
    ],
}

_REASONS = [
    "we're in the middle of a migration",
    "there's an outage going on",
    "company policy forbids it right now",
    "IT has frozen access during an audit",
    "a decommissioning is under way",
    "maintenance is under way",
]


def _fields(c, names: Names) -> tuple[str, dict[str, object]]:
    """The template bank key and the format fields for constraint ``c``."""
    t = c.type
    if t == "tool_count":
        return t, {"max": c.max, "min_part": f" (but no fewer than {c.min})" if c.min > 0 else ""}
    if t == "app_diversity":
        return t, {"n": c.min_apps}
    if t == "app_restriction":
        one = len(c.allowed) == 1
        return t, {
            "apps": _join([names.app_title(a) for a in c.allowed]),
            "are": "is" if one else "are",
            "those": "it" if one else "those",
        }
    if t == "data_coverage":
        return t, {"labels": _join([e.label for e in c.entities])}
    if t == "response_content":
        return t, {"items": _join([_q(i) for i in c.must_include])}
    if t == "tool_type_priority":
        others = [k for k in c.among if k not in c.prefer] or [k for k in _KIND_DOING if k not in c.prefer][
            :1
        ]
        return t, {
            "doing": _join([_KIND_DOING[k] for k in c.prefer], "or"),
            "other": _join([_KIND_DOING[k] for k in others], "or"),
            "prefer": _join([_KIND_CALLS[k] for k in c.prefer], "or"),
            "among": _join([_KIND_CALLS[k] for k in c.among], "and"),
            "pct": _percent(c.min_ratio),
        }
    if t == "sequence_order":
        app1, app2 = (x.split("__", 1)[0] if "__" in x else "" for x in (c.first, c.then))
        same = app1 == app2
        return t, {
            "first": _tool(names, c.first, not same),
            "then": _tool(names, c.then, not same),
            "where": f" in {names.app_title(app1)}" if same and app1 else "",
        }
    if t == "tradeoff":
        return t, {"criteria": c.criteria}
    if t == "budget":
        return t, {"limit": money(c.limit, c.currency)}
    if t == "deadline":
        return t, {"time": names.clock(c.by)}
    if t == "forbidden":
        things = [names.app_title(a) for a in c.apps] + [_tool(names, x) for x in c.tools]
        return t, {"things": _join(things, "or"), "all_things": _join(things)}
    if t == "privacy":
        return t, {"value": c.value, "label": c.label, "source": names.app_title(c.source_app)}
    if t == "output_format":
        return f"{t}_{c.format}", {"keys": _join([f'"{k}"' for k in c.keys]), "n": c.min_items}
    return t, {}


def constraint_phrase(c, rng: random.Random, names: Names) -> str:
    """One natural sentence implying constraint ``c`` (any of the 16 models), with its parameters stated
    exactly (numbers, app titles, tool titles, times, values, keys) so a careful agent can satisfy it.

    Returns ``""`` for a constraint that asks nothing (a ``forbidden`` with no apps and no tools)."""
    key, fields = _fields(c, names)
    if key == "forbidden" and not fields["things"]:
        return ""
    if key == "output_format_json" and not c.keys:
        return rng.choice(["Reply with a JSON object.", "Please give me your answer as a JSON object."])
    if key == "forbidden":
        fields["reason"] = rng.choice(_REASONS)
    return rng.choice(_TEMPLATES[key]).format(**fields)


_FIRST = ["", "First, ", "To start, ", "First of all, ", "To begin with, "]
_MIDDLE = ["Then ", "After that, ", "Next, ", "Once that's done, ", "Also, ", "Then, "]
_LAST = ["Finally, ", "Lastly, ", "And to wrap up, ", "Then, to finish, ", "Last of all, "]


def connector(i: int, n: int, rng: random.Random) -> str:
    """Opener for the ``i``-th of ``n`` steps of a request (``""`` or ends with a space; a step after a
    non-empty connector should start in lower case). A single-step request gets ``""``."""
    if n <= 1:
        return ""
    return rng.choice(_FIRST if i == 0 else _LAST if i >= n - 1 else _MIDDLE)


_WHERE = [
    "from the train",
    "at the airport gate",
    "in a noisy café",
    "between two meetings",
    "from my kitchen table",
    "on my phone at the gym",
    "from a hotel lobby",
    "while waiting at the dentist",
]
_WHY = [
    "so forgive any typos",
    "so I'm a little distracted",
    "because my laptop battery just died",
    "since I won't be at my desk for a while",
    "so I'd rather you handle it",
]
_WHO = [
    "my sister",
    "my neighbour",
    "a colleague of mine",
    "my landlord",
    "my cousin",
    "my old roommate",
    "my manager",
    "my book club",
]
_WHO_DID = [
    "keeps asking me about this",
    "recommended I get it sorted",
    "is waiting on me for an unrelated favour",
    "just got a new puppy, so things are chaotic",
    "is visiting this weekend",
    "is moving house soon",
]
_NOISE = [
    "I'm writing this {where}, {why}.",
    "Sorry if this is brief, I'm writing {where}.",
    "By the way, {who} {did}.",
    "Unrelated, but {who} {did}.",
    "Just so you know, {who} {did}.",
    "I'm sending this {where} and {who} {did}.",
]


def noise(rng: random.Random) -> str:
    """An irrelevant personal detail (ToolGym's "noise"), built from who/where/why parts; no names, no
    dates."""
    text = rng.choice(_NOISE).format(
        where=rng.choice(_WHERE), why=rng.choice(_WHY), who=rng.choice(_WHO), did=rng.choice(_WHO_DID)
    )
    return text[0].upper() + text[1:]


_OPENERS = [
    "",
    "",
    "Hi! ",
    "Quick favour: ",
    "Hey there. ",
    "Hello! ",
    "Could you help me out? ",
    "Hey, ",
    "Okay, here's what I need. ",
    "Hi, hoping you can sort this out for me. ",
    "Something for you: ",
]
_CLOSINGS = [
    "Let me know what you did.",
    "Tell me when it's done and what you found.",
    "Thanks a lot!",
    "Report back once everything is sorted.",
    "Let me know how it went.",
    "Please give me a short summary when you're finished.",
    "Thanks, and tell me if anything went wrong.",
]


def opener(rng: random.Random) -> str:
    """An optional greeting or lead-in (``""`` or ends with a space)."""
    return rng.choice(_OPENERS)


def closing(rng: random.Random) -> str:
    """A closing sentence asking for a report."""
    return rng.choice(_CLOSINGS)


_SUMMARY = [
    "When you're done, sum up {}.",
    "Finish with a short summary giving {}.",
    "In your reply, give me {}.",
    "Close with a quick recap: {}.",
    "End your answer by stating {}.",
]


def summary(keys: list[str], rng: random.Random) -> str:
    """The sentence naming the facts the answer must end with (``""`` when there are none): the judge grades
    each fact in a clause that names it, so the request names each one."""
    if not keys:
        return ""
    return rng.choice(_SUMMARY).format(_join([f"the {k}" for k in keys]))
