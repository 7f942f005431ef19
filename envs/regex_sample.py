"""Random strings matching a regular expression (for ``pattern`` in JSON Schemas), driven by a numpy RNG."""

from __future__ import annotations

import re._constants as C
import re._parser as sre_parse
import string

import numpy as np

_CATEGORIES = {
    C.CATEGORY_DIGIT: string.digits,
    C.CATEGORY_WORD: string.ascii_letters + string.digits + "_",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_DIGIT: string.ascii_letters,
    C.CATEGORY_NOT_WORD: "-.,;: ",
    C.CATEGORY_NOT_SPACE: string.ascii_letters + string.digits,
}
_ANY = string.ascii_letters + string.digits


def _choices(items) -> str:
    out = []
    negate = False
    for op, arg in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.RANGE:
            out.extend(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 200) + 1))
        elif op is C.CATEGORY:
            out.extend(_CATEGORIES.get(arg, _ANY))
    if negate:
        banned = set(out)
        return "".join(c for c in _ANY if c not in banned) or "x"
    return "".join(out) or "x"


def _emit(tokens, rng: np.random.Generator, out: list[str]) -> None:
    for op, arg in tokens:
        if op is C.LITERAL:
            out.append(chr(arg))
        elif op is C.NOT_LITERAL:
            out.append(next(c for c in _ANY if ord(c) != arg))
        elif op is C.ANY:
            out.append(_ANY[int(rng.integers(len(_ANY)))])
        elif op is C.IN:
            chars = _choices(arg)
            out.append(chars[int(rng.integers(len(chars)))])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = arg
            hi = min(hi, lo + 5) if hi != C.MAXREPEAT else lo + 5
            for _ in range(int(rng.integers(lo, hi + 1))):
                _emit(sub, rng, out)
        elif op is C.SUBPATTERN:
            _emit(arg[-1], rng, out)
        elif op is C.BRANCH:
            branches = arg[1]
            _emit(branches[int(rng.integers(len(branches)))], rng, out)
        # anchors (AT) and lookarounds emit nothing


def sample_regex(pattern: str, rng: np.random.Generator, tries: int = 20) -> str:
    """A string matching ``pattern`` (checked with ``re.search``); falls back to ``""`` if none is found."""
    parsed = sre_parse.parse(pattern)
    compiled = re.compile(pattern)
    for _ in range(tries):
        out: list[str] = []
        _emit(parsed, rng, out)
        text = "".join(out)
        if compiled.search(text):
            return text
    return ""


import re  # noqa: E402  (after the private-module imports, which it does not need)
