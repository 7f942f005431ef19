"""Reading a request the way the heuristic agent understands it: workflow steps ("in Acme CRM, find the deal
“X” and change its stage to “won”") and the preferences a user states in passing (apps or tools to avoid, a
call quota, an answer format, items the answer must mention).

Only the text is used (the instruction and any later user message), never the task behind it.

Example:
    >>> req = parse_request(
    ...     'In ClosrHQ, delete the deal “Old lead”. Reply with a JSON object with the keys "n".'
    ... )
    >>> req.steps[0].kind, req.steps[0].app, req.steps[0].label, req.steps[0].name
    ('delete', 'ClosrHQ', 'deal', 'Old lead')
    >>> req.prefs.json_keys
    ['n']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Q = r"“([^”]*)”"  # a quoted value (the request quotes every value an agent must type)
_FILTER = rf"(?:whose (?P<ff>.+?) is {Q.replace('(', '(?P<fv>', 1)}|with (?P<bf>.+?) set to (?P<bv>yes|no))"
_CHANGE = re.compile(rf"^(?:change|set) its (?P<field>.+?) to {Q}")
_TELL = re.compile(r",? and tell me its (?P<tell>[\w ]+?)$")

_CLAUSES: list[tuple[str, re.Pattern[str]]] = [
    (
        "find_update",
        re.compile(rf"^find the (?P<label>.+?) {Q.replace('(', '(?P<name>', 1)} and (?P<rest>.+)$"),
    ),
    (
        "pick",
        re.compile(
            rf"^go through the (?P<plural>.+?) {_FILTER} and pick the one with (?P<dir>highest|lowest) "
            r"(?P<metric>.+?)(?: with an? (?P<cap>.+?) of at most (?P<capv>-?[\d.,]+))?"
            r"(?: and (?P<then>(?:change|set|delete) .+))?$"
        ),
    ),
    (
        "fanout",
        re.compile(
            rf"^take all (?P<plural>.+?) {_FILTER}, (?:(?P<delete>delete every one of them)|set the "
            rf"(?P<g>.+?) of each to {Q.replace('(', '(?P<w>', 1)}), and tell me how many there were$"
        ),
    ),
    ("create", re.compile(r"^create an? (?P<label>.+?) with (?P<desc>.+)$")),
    ("delete", re.compile(rf"^delete the (?P<label>.+?) {Q.replace('(', '(?P<name>', 1)}$")),
    (
        "branch",
        re.compile(
            rf"^open the (?P<label>.+?) {Q.replace('(', '(?P<name>', 1)}: if its (?P<cond>.+?) is "
            rf"{Q.replace('(', '(?P<cv>', 1)}, set its (?P<g>.+?) to {Q.replace('(', '(?P<wt>', 1)}, "
            rf"otherwise set it to {Q.replace('(', '(?P<wf>', 1)}$"
        ),
    ),
]
_IN_APP = re.compile(r"(?:^|(?<=[\s,:!?.]))[Ii]n (?P<app>[A-Z0-9][^,“”]{0,40}?), (?P<rest>.+)$")
_NOTIFY = re.compile(
    r"(?:^|(?<=[\s,:!?.]))[Ee]mail (?P<person>[A-Z][^()“”]{1,60}?) \(you'll find them in my "
    r"contacts\) what you found(?:, including the (?P<key>.+))?$"
)


@dataclass
class Step:
    """One workflow step of a request: its kind (``find_update``, ``pick``, ``fanout``, ``create``,
    ``delete``, ``branch``, ``notify``), the app it happens in, the record type, and everything else it says
    (``slots``)."""

    kind: str
    app: str = ""
    label: str = ""
    plural: str = ""
    name: str = ""
    slots: dict[str, Any] = field(default_factory=dict)


@dataclass
class Prefs:
    """What the user asked for besides the steps."""

    forbidden_apps: list[str] = field(default_factory=list)
    forbidden_tools: list[str] = field(default_factory=list)
    max_calls: int | None = None
    json_keys: list[str] | None = None
    list_format: str = ""  # "bullets" | "numbered" | ""
    min_items: int = 0
    mentions: list[str] = field(default_factory=list)
    asks: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (field label, which record)

    def merge(self, other: Prefs) -> None:
        """Add what ``other`` says (a later message refines the request)."""
        self.forbidden_apps += [a for a in other.forbidden_apps if a not in self.forbidden_apps]
        self.forbidden_tools += [t for t in other.forbidden_tools if t not in self.forbidden_tools]
        self.mentions += [m for m in other.mentions if m not in self.mentions]
        self.asks += [a for a in other.asks if a not in self.asks]
        if other.max_calls is not None:
            self.max_calls = other.max_calls
        if other.json_keys is not None:
            self.json_keys, self.list_format = other.json_keys, ""
        if other.list_format:
            self.list_format, self.min_items, self.json_keys = other.list_format, other.min_items, None


@dataclass
class Request:
    """A parsed request: the steps in order and the stated preferences."""

    steps: list[Step]
    prefs: Prefs


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, never splitting inside “quotes” or parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif ch in ".!?" and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [s for s in out if s]


def split_items(text: str) -> list[str]:
    """``"a “x, y”, b (c, d)"`` → ``["a “x, y”", "b (c, d)"]``: commas outside quotes and parentheses."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return [s for s in [*out, cur.strip()] if s]


def _filter_of(m: re.Match[str]) -> tuple[str, Any]:
    if m.group("ff"):
        return m.group("ff"), m.group("fv")
    return m.group("bf"), m.group("bv") == "yes"


def parse_clause(app: str, text: str) -> Step | None:
    """The step a clause ``text`` (what follows "in APP, ") describes, or ``None``."""
    for kind, pattern in _CLAUSES:
        m = pattern.match(text)
        if m is None:
            continue
        g = m.groupdict()
        step = Step(
            kind, app, label=g.get("label") or "", plural=g.get("plural") or "", name=g.get("name") or ""
        )
        if kind == "find_update":
            rest = g["rest"]
            tell = _TELL.search(rest)
            if tell:
                step.slots["tell"] = tell.group("tell")
                rest = rest[: tell.start()]
            change = _CHANGE.match(rest)
            if change:
                step.slots["change"] = (change.group("field"), change.group(2))
        elif kind in ("pick", "fanout"):
            step.slots["filter"] = _filter_of(m)
            if kind == "fanout":
                step.slots["action"] = ("delete", None) if g["delete"] else ("set", (g["g"], g["w"]))
            else:
                step.slots.update(
                    best=g["dir"],
                    metric=g["metric"],
                    cap=g["cap"],
                    capt=g["capv"],
                    capv=float(g["capv"].replace(",", "")) if g["capv"] else None,
                )
                then = g["then"] or ""
                change = _CHANGE.match(then)
                step.slots["then"] = (
                    ("delete", None)
                    if then.startswith("delete")
                    else ("set", (change.group("field"), change.group(2)))
                    if change
                    else None
                )
        elif kind == "create":
            step.slots["items"] = split_items(g["desc"])
        elif kind == "branch":
            step.slots.update(cond=(g["cond"], g["cv"]), field=g["g"], yes=g["wt"], no=g["wf"])
        return step
    return None


def parse_step(sentence: str) -> Step | None:
    """The workflow step a sentence asks for (openers and connectors around it are ignored), or ``None``."""
    m = _NOTIFY.search(sentence)
    if m:
        return Step(
            "notify", "Mail", name=m.group("person").strip(), slots={"key": (m.group("key") or "").strip()}
        )
    for m in _IN_APP.finditer(sentence):
        step = parse_clause(m.group("app").strip(), m.group("rest").strip())
        if step is not None:
            return step
    return None


_MAX_CALLS = re.compile(
    r"(?:at most|no more than|don't go over|cap it at|limited to) (\d+) (?:tool |API )?"
    r"(?:calls|requests)"
)
_FORBID = re.compile(
    r"(?:[Dd]on't use|stay away from|[Kk]eep off|[Aa]void|don't touch) (?P<things>.+?)"
    r"(?:: |, because |, since | for now;| entirely \(|$)"
)
_TOOL_REF = re.compile(r"“([^”]+)” in ([A-Z][\w&' .-]*?)(?=,| or | and |$)")
_AT_LEAST = re.compile(r"at least (\d+)")
_ASK = re.compile(r"(?:also tell me|also include|mention) the (?P<what>.+?)(?: in your answer| too)?$")
_ASK_ITEM = re.compile(
    rf"^(?P<field>.+?) of the (?:new (?P<new>.+)|(?P<picked>.+?) you picked|(?P<label>.+?) "
    rf"{Q.replace('(', '(?P<name>', 1)})$"
)


def parse_prefs(sentence: str, prefs: Prefs) -> None:
    """Add to ``prefs`` what a non-step sentence asks for."""
    low = sentence.lower()
    m = _MAX_CALLS.search(sentence)
    if m:
        prefs.max_calls = int(m.group(1))
    if "json" in low:
        prefs.json_keys = re.findall(r'"([^"]+)"', sentence)
        prefs.list_format = ""
        return
    if "bullet" in low or "numbered" in low:
        prefs.list_format = "numbered" if "numbered" in low else "bullets"
        n = _AT_LEAST.search(sentence)
        prefs.min_items = int(n.group(1)) if n else 1
        prefs.json_keys = None
        return
    m = _FORBID.search(sentence)
    if m:
        things = m.group("things")
        for title, _app in _TOOL_REF.findall(things):
            prefs.forbidden_tools.append(title)
        rest = _TOOL_REF.sub("", things)
        for part in re.split(r",| or | and ", rest):
            part = part.strip(" .")
            if part and part[0].isupper():
                prefs.forbidden_apps.append(part)
        return
    m = _ASK.search(sentence)
    if m:
        for part in m.group("what").split(" and the "):
            a = _ASK_ITEM.match(part)
            if a:
                which = (
                    ("new", a["new"])
                    if a["new"]
                    else ("picked", a["picked"])
                    if a["picked"]
                    else ("name", a["label"], a["name"])
                )
                prefs.asks.append((a["field"], which))
        return
    if "“" in sentence and re.search(r"\b(reply|answer|final message)\b", low):
        prefs.mentions += [v for v in re.findall(Q, sentence) if v not in prefs.mentions]


def parse_request(text: str) -> Request:
    """Steps and preferences of a request (or of a later user message)."""
    steps, prefs = [], Prefs()
    for sentence in split_sentences(text or ""):
        step = parse_step(sentence)
        if step is not None:
            steps.append(step)
        else:
            parse_prefs(sentence, prefs)
    return Request(steps, prefs)
