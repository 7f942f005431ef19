"""A declared phrase: a frozen dataclass whose ``template`` both writes its text from its fields and reads the
fields back from text, so what the engine writes and what a reader understands cannot drift apart.

A template is text with slots, ``{field}`` or ``{field:kind}``, and optional stretches in ``[...]``, written
only when every slot inside has a value (read back as ``None`` when absent). A slot's pattern comes from its
field's type: ``str`` is free text (the shortest that fits), ``bool`` reads ``yes``/``no``, a ``Literal``
one of its words, a :class:`Phrase` subclass (or a union of them, tried in order) a nested phrase,
``tuple[X, ...]`` a list of X joined by ", ". A ``str`` slot may name a narrower kind (:data:`KINDS`):
``q`` (a value in “curly quotes”), ``app`` (an app title), ``person`` (a person's name) or ``num`` (a number
as stated).

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Greet(Phrase):
    ...     template: ClassVar[str] = "say hello to {who:q}[ at {when}]"
    ...     who: str
    ...     when: str | None = None
    >>> Greet(who="Ana").text()
    'say hello to “Ana”'
    >>> Greet.read("say hello to “Ana” at noon")
    Greet(who='Ana', when='noon')
    >>> Greet.read("say goodbye") is None
    True
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import fields
from functools import cache
from string import Formatter
from typing import Any, ClassVar, Literal, Union, get_args, get_origin, get_type_hints

#: Patterns of the narrower kinds a ``str`` slot may name (``q`` is the text between the quotes it adds).
KINDS = {
    "": r".+?",
    "q": r"[^”]*",
    "app": r"[A-Z0-9][^,“”]{0,40}?",
    "person": r"[A-Z][^()“”]{1,60}?",
    "num": r"-?[\d,]*\.?\d+",
}
_OPTIONAL = re.compile(r"(\[[^\[\]]*\])")
_FORMATTER = Formatter()

__all__ = ["KINDS", "Phrase", "alternatives", "decode", "read_any", "show", "split_items", "split_sentences"]


def show(value: Any) -> str:
    """A value as requests and answers state it: booleans as yes/no, floats with two decimals.

    Example:
        >>> show(True), show(12.5), show(3)
        ('yes', '12.50', '3')
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class _NoMatch(Exception):
    """A list item no alternative reads (the whole phrase then does not read)."""


class Phrase:
    """A piece of request text declared once (see the module docstring): subclasses are frozen dataclasses
    with a ``template``; :meth:`text` writes it, :meth:`read` reads it."""

    template: ClassVar[str]

    def text(self) -> str:
        """The phrase as a request writes it."""
        out = []
        for optional, piece in _pieces(self.template):
            parsed = list(_FORMATTER.parse(piece))
            if optional and any(getattr(self, f) is None for _, f, _, _ in parsed if f is not None):
                continue
            for literal, name, spec, _ in parsed:
                out.append(literal)
                if name is not None:
                    out.append(_write(getattr(self, name), spec or ""))
        return "".join(out)

    @classmethod
    def read(cls, text: str) -> Any:
        """The phrase ``text`` states as a whole, or ``None`` when it does not read as this phrase."""
        regex, decode = _compiled(cls)
        m = regex.fullmatch(text)
        return None if m is None else _decoded(decode, m)

    @classmethod
    def pattern(cls, capital: bool = False) -> tuple[str, Callable[[re.Match[str]], Any]]:
        """A regex source for the phrase (its first letter in either case when ``capital``) and the function
        that turns a match of it into the phrase (it raises when a list item does not read; see
        :func:`decode`)."""
        return _Builder().phrase(cls, capital)


def decode(build: Callable[[re.Match[str]], Any], m: re.Match[str]) -> Any:
    """``build(m)`` (from :meth:`Phrase.pattern`), or ``None`` when part of the match does not read."""
    return _decoded(build, m)


def _decoded(build: Callable[[re.Match[str]], Any], m: re.Match[str]) -> Any:
    try:
        return build(m)
    except _NoMatch:
        return None


@cache
def _compiled(cls: type) -> tuple[re.Pattern[str], Callable[[re.Match[str]], Any]]:
    source, build = _Builder().phrase(cls)
    return re.compile(source), build


def _pieces(template: str) -> list[tuple[bool, str]]:
    """``"a [b {x}]c"`` → ``[(False, "a "), (True, "b {x}"), (False, "c")]``."""
    out = []
    for part in _OPTIONAL.split(template):
        if part.startswith("["):
            out.append((True, part[1:-1]))
        elif part:
            out.append((False, part))
    return out


def _write(value: Any, kind: str) -> str:
    if isinstance(value, Phrase):
        return value.text()
    if isinstance(value, tuple):
        return ", ".join(_write(v, kind) for v in value)
    if isinstance(value, bool):
        return show(value)
    return f"“{value}”" if kind == "q" else str(value)


def _bare(hint: Any) -> Any:
    """``X | None`` → ``X``."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else Union[tuple(args)]  # noqa: UP007 (built at run time)
    return hint


def alternatives(hint: Any) -> tuple[type, ...]:
    """The phrase classes a field's type allows, in the order they are tried (``()``: not a phrase type)."""
    hint = _bare(hint)
    options = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    return tuple(o for o in options if isinstance(o, type) and issubclass(o, Phrase))


def read_any(options: tuple[type, ...], text: str) -> Any:
    """The first of ``options`` that reads ``text``, or ``None``."""
    for option in options:
        found = option.read(text)
        if found is not None:
            return found
    return None


class _Builder:
    """Compiles a phrase class into one regex (each slot a uniquely named group) and a decoder."""

    def __init__(self) -> None:
        self.count = 0

    def group(self) -> str:
        self.count += 1
        return f"g{self.count}"

    def phrase(self, cls: type, capital: bool = False) -> tuple[str, Callable[[re.Match[str]], Any]]:
        hints = get_type_hints(cls)
        known = {f.name for f in fields(cls)}
        source, decoders = [], []
        for optional, piece in _pieces(cls.template):
            rx = []
            for literal, name, kind, _ in _FORMATTER.parse(piece):
                if capital and literal and not source and not rx:
                    rx.append(f"[{literal[0].upper()}{literal[0].lower()}]")
                    literal = literal[1:]
                rx.append(re.escape(literal))
                if name is not None:
                    if name not in known:
                        raise TypeError(f"{cls.__name__}.template names {name!r}, which is not a field")
                    slot, read = self.slot(hints[name], kind or "")
                    rx.append(slot)
                    decoders.append((name, read))
            source.append(f"(?:{''.join(rx)})?" if optional else "".join(rx))

        def build(m: re.Match[str]) -> Any:
            return cls(**{name: read(m) for name, read in decoders})

        return "".join(source), build

    def slot(self, hint: Any, kind: str) -> tuple[str, Callable[[re.Match[str]], Any]]:
        hint, g = _bare(hint), self.group()
        options = alternatives(hint)
        if options:
            return self.choice(options)
        if get_origin(hint) is tuple:
            items = alternatives(get_args(hint)[0])

            def read_list(m: re.Match[str]) -> Any:
                if m.group(g) is None:
                    return None
                found = tuple(read_any(items, item) for item in split_items(m.group(g)))
                if any(f is None for f in found):
                    raise _NoMatch(m.group(g))
                return found

            return f"(?P<{g}>.+)", read_list
        if hint is bool:
            return f"(?P<{g}>yes|no)", lambda m: None if m.group(g) is None else m.group(g) == "yes"
        if get_origin(hint) is Literal:
            return f"(?P<{g}>{'|'.join(re.escape(str(w)) for w in get_args(hint))})", lambda m: m.group(g)
        if kind == "q":
            return f"“(?P<{g}>{KINDS['q']})”", lambda m: m.group(g)
        return f"(?P<{g}>{KINDS[kind]})", lambda m: m.group(g)

    def choice(self, options: tuple[type, ...]) -> tuple[str, Callable[[re.Match[str]], Any]]:
        """A nested phrase: its alternatives in order, each in a group that tells which one was read."""
        sources, reads = [], []
        for option in options:
            g = self.group()
            source, build = self.phrase(option)
            sources.append(f"(?P<{g}>{source})")
            reads.append((g, build))

        def read(m: re.Match[str]) -> Any:
            return next((build(m) for g, build in reads if m.group(g) is not None), None)

        return f"(?:{'|'.join(sources)})", read


def _split(text: str, stop: Callable[[str, int], bool]) -> list[str]:
    """``text`` cut where ``stop(text, i)`` holds outside “quotes” and parentheses (the stop character
    dropped), each piece stripped, empty pieces left out."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif depth == 0 and stop(text, i):
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [s for s in out if s]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (ending at ``.``, ``!`` or ``?`` before a space or the end), never split inside
    “quotes” or parentheses; the end marks are dropped.

    Example:
        >>> split_sentences("Delete “A. B.” now. Thanks!")
        ['Delete “A. B.” now', 'Thanks']
    """
    return _split(text, lambda t, i: t[i] in ".!?" and (i + 1 == len(t) or t[i + 1] == " "))


def split_items(text: str) -> list[str]:
    """The items of a list joined by ", ": commas inside “quotes” or parentheses do not split.

    Example:
        >>> split_items("a “x, y”, b (c, d)")
        ['a “x, y”', 'b (c, d)']
    """
    return _split(text, lambda t, i: t[i] == ",")
