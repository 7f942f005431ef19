"""The words of a scenario request: openers, reasons, conditions, report requests and closings, in banks whose
even-numbered entries only ``train`` uses and odd-numbered entries only ``test`` uses.

:class:`SplitRandom` makes that split for every bank it draws from (also the constraint phrasings of
:mod:`toolgym_env.tasks.engine.phrasing`), so a policy or parser fitted to train phrasing meets unseen
phrasing on test.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


class SplitRandom(random.Random):
    """A ``random.Random`` whose ``choice`` draws only from the split's half of a bank (even-numbered entries
    for ``train``, odd-numbered ones otherwise; a one-entry bank is shared).

    Example:
        >>> SplitRandom(0, "train").choice(["a", "b", "c", "d"]) in ("a", "c")
        True
        >>> SplitRandom(0, "test").choice(["a", "b", "c", "d"]) in ("b", "d")
        True
    """

    def __init__(self, seed: Any, split: str) -> None:
        super().__init__(seed)
        self.parity = 0 if split == "train" else 1

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        """An entry of the split's half of ``seq``."""
        half = seq[self.parity :: 2] if len(seq) >= 2 else seq
        return super().choice(half)


OPENERS = [
    "",
    "Hi, ",
    "",
    "Hey — ",
    "Morning! ",
    "Hello, ",
    "Quick one: ",
    "Okay, ",
    "Hi there. ",
    "So, ",
    "Need a hand here. ",
    "Right, ",
]

#: How a reason joins the ask: ``{ask}`` and ``{why}``.
WITH_REASON = [
    "{ask} — {why}.",
    "Can you {ask}? {Why}.",
    "{Why}, so please {ask}.",
    "I need you to {ask}, because {why}.",
    "Please {ask}; {why}.",
    "{Why}. Could you {ask}?",
    "{ask}, since {why}.",
    "Would you {ask}? The thing is, {why}.",
]

PLAIN = [
    "Please {ask}.",
    "Can you {ask}?",
    "{ask}.",
    "Could you {ask}?",
    "I'd like you to {ask}.",
    "Would you mind if you {ask}?",
    "Go ahead and {ask}.",
    "I need you to {ask}.",
]

#: An ask worded as a question ("how many … are overdue"): ``{ask}``, ``{why}``.
QUESTION_WITH_REASON = [
    "Can you find out {ask}? {Why}.",
    "I need to know {ask}, because {why}.",
    "{Why}, so could you check {ask}?",
    "Please look up {ask} — {why}.",
    "Could you tell me {ask}? The thing is, {why}.",
    "{Why}. Would you work out {ask}?",
]

QUESTION = [
    "Can you find out {ask}?",
    "Please check {ask}.",
    "I'd like to know {ask}.",
    "Could you look into {ask}?",
    "Work out {ask} for me.",
    "Would you tell me {ask}?",
]

#: An ask that is a direct question in question word order ("how much did I spend …"): ``{ask}``, ``{why}``.
DIRECT_QUESTION_WITH_REASON = [
    "{Why}. {Ask}?",
    "{Ask}? I ask because {why}.",
    "Quick question, since {why}: {ask}?",
    "{Ask}? {Why}.",
]

DIRECT_QUESTION = [
    "{Ask}?",
    "Can you tell me this: {ask}?",
    "Question for you: {ask}?",
    "{Ask}? Please check.",
]

#: Auxiliaries that, right after a question word, mark question word order ("how has …", "what did …").
INVERTING = ("did", "do", "does", "has", "have", "had", "is", "are", "was", "were", "can", "will", "should")

#: First words of an ask that make it a question rather than an imperative.
QUESTION_WORDS = (
    "how",
    "what",
    "which",
    "whether",
    "who",
    "where",
    "when",
    "why",
    "is",
    "are",
    "do",
    "does",
    "would",
    "can",
    "could",
    "will",
    "should",
    "has",
    "did",
)

#: Fallback when an action's precondition refuses it: ``{fallback}``.
FALLBACK = [
    "If that isn't possible, {fallback} instead.",
    "Should {app} refuse, {fallback}.",
    "If it can't be done, then {fallback}.",
    "In case that's blocked, {fallback} instead.",
    "If {app} won't allow it, {fallback}.",
    "Failing that, {fallback}.",
]

#: If-then on what a record shows: ``{cond}``, ``{then}``, ``{other}``.
PIVOT = [
    "If {cond}, {then}; otherwise {other}.",
    "Depending on it: when {cond}, {then} — if not, {other}.",
    "Provided {cond}, {then}. If not, {other}.",
    "See what it shows: if {cond}, {then}, and if not, {other}.",
    "In case {cond}, {then}; in any other case {other}.",
    "Look at it before acting: when {cond}, {then}. Otherwise, {other}.",
]

#: Branch on a figure: ``{figure}``, ``{limit}``, ``{then}``, ``{other}``.
THRESHOLD = [
    "If {figure} is above {limit}, {then}; otherwise {other}.",
    "When {figure} comes out higher than {limit}, {then}. If it's {limit} or lower, {other}.",
    "Should {figure} exceed {limit}, {then}; if not, {other}.",
    "Anything over {limit} for {figure} means {then}; at or under it, {other}.",
]

#: Asking for facts back: ``{facts}``.
REPORT = [
    "Tell me {facts}.",
    "Let me know {facts}.",
    "Afterwards, tell me {facts}.",
    "I'd also like to know {facts}.",
    "In your reply, mention {facts}.",
    "Once done, let me know {facts}.",
    "Report back with {facts}.",
    "And tell me {facts} when you're finished.",
]

#: Re-reading a write: ``{it}``, ``{field}``.
VERIFY = [
    "Double-check {it} afterwards and tell me its {field} now.",
    "Then open {it} again to confirm, and tell me what its {field} says.",
    "Make sure it went through: look at {it} again and give me its current {field}.",
    "Once done, re-check {it} and report its {field}.",
]

#: Emailing someone the outcome: ``{person}``, ``{what}``.
NOTIFY = [
    "Then email {person} to let them know {what}.",
    "Afterwards, send {person} an email saying {what}.",
    "Drop {person} an email about {what}.",
    "Once it's sorted, write to {person} by email with {what}.",
    "Finally, email {person} {what}.",
    "Let {person} know {what} by email.",
]

#: A person bringing up a record: ``{person}``, ``{thing}``.
CONTACT = [
    "{person} got in touch about {thing}.",
    "{person} emailed me about {thing}.",
    "I just heard from {person} regarding {thing}.",
    "{person} called about {thing}.",
    "{person} is asking about {thing}.",
    "{person} reached out about {thing}.",
]

#: Doing the same to every matching record: ``{ask}`` (uses "each of them"), ``{which}``.
SWEEP = [
    "For each of the {which}, {ask}.",
    "Go through all the {which} and {ask}.",
    "Take each of the {which} and {ask}.",
    "All the {which}: {ask}.",
    "Handle every one of the {which} — {ask}.",
    "Work through the {which} and {ask}.",
]

#: Choosing a record: ``{which}`` (the candidates), ``{best}`` (the criterion).
CHOOSE = [
    "Among the {which}, find the one with {best}.",
    "Look at the {which} and pick the one with {best}.",
    "Of the {which}, I want the one with {best}.",
    "Go over the {which} and single out the one with {best}.",
    "From the {which}, choose the one with {best}.",
    "Check the {which}; the right one is the one with {best}.",
]

#: Sign-offs (a request has one with probability ``SIGN_OFF``); even entries for ``train``, odd for ``test``.
CLOSINGS = [
    "Thanks!",
    "Thanks.",
    "Cheers.",
    "Appreciate it.",
    "Thank you!",
    "Thanks so much.",
    "Much appreciated.",
    "Thanks a lot.",
    "Cheers, and thanks.",
    "Thank you, really.",
    "Many thanks.",
    "Thanks in advance.",
    "You're a star.",
    "Thanks heaps.",
    "Grateful for the help.",
    "That would be great, thanks.",
    "Ta.",
    "Thanks, that helps a lot.",
    "Owe you one.",
    "Thank you kindly.",
    "Shout if anything is unclear.",
    "Ping me if something looks off.",
    "Let me know if you hit a snag.",
    "Tell me if anything blocks you.",
]
#: Share of requests that end with a sign-off.
SIGN_OFF = 0.5


def cap(text: str) -> str:
    """``text`` with its first letter upper-case."""
    return text[:1].upper() + text[1:]


def fill(template: str, **parts: str) -> str:
    """A template with its parts; ``{Name}`` takes the part capitalised.

    Example:
        >>> fill("{Why}, so {ask}.", why="it broke", ask="fix it")
        'It broke, so fix it.'
    """
    for key, value in parts.items():
        template = template.replace("{" + key + "}", value).replace("{" + cap(key) + "}", cap(value))
    return cap(template)


def a(noun: str) -> str:
    """``noun`` with its indefinite article.

    Example:
        >>> a("issue"), a("ticket"), a("hour")
        ('an issue', 'a ticket', 'an hour')
    """
    return (
        f"{'an' if noun[:1].lower() in 'aeiou' or noun.lower().startswith(('hour', 'honest')) else 'a'} "
        f"{noun}"
    )


def join(items: list[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
