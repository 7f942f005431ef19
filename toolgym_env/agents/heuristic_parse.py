"""Reading a request the way the heuristic agent understands it: workflow steps ("in Acme CRM, find the deal
“X” and change its stage to “won”"), read with the request grammar the task engine writes them with
(:mod:`toolgym_env.tasks.grammar`), and the preferences a user states in passing (apps or tools to avoid, a
call quota, an answer format, items the answer must mention).

Only the text is used (the instruction and any later user message), never the task behind it.

Example:
    >>> req = parse_request(
    ...     'In ClosrHQ, delete the deal “Old lead”. Reply with a JSON object with the keys "n".'
    ... )
    >>> req.steps
    [Delete(app='ClosrHQ', label='deal', name='Old lead')]
    >>> req.prefs.json_keys
    ['n']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolgym_env.tasks.grammar import Clause, Detail, alternatives, read_any, read_clause, split_sentences

#: The kinds of extra detail an answer may be asked for (``"id of the new invoice"``), as the engine names
#: them.
DETAILS = alternatives(Detail)


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
    asks: list[Detail] = field(default_factory=list)  # extra details the answer must include

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

    steps: list[Clause]
    prefs: Prefs


# The preference phrases read (constraint sentences, response-content asks, interruptions), in one place.
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
_QUOTED = re.compile(r"“([^”]*)”")


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
            detail = read_any(DETAILS, part)
            if detail is not None:
                prefs.asks.append(detail)
        return
    if "“" in sentence and re.search(r"\b(reply|answer|final message)\b", low):
        prefs.mentions += [v for v in _QUOTED.findall(sentence) if v not in prefs.mentions]


def parse_request(text: str) -> Request:
    """Steps and preferences of a request (or of a later user message)."""
    steps, prefs = [], Prefs()
    for sentence in split_sentences(text or ""):
        step = read_clause(sentence)
        if step is not None:
            steps.append(step)
        else:
            parse_prefs(sentence, prefs)
    return Request(steps, prefs)
