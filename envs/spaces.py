"""Spaces of ToolGym: free text, and tool calls whose ``sample()`` returns schema-valid random calls."""

from __future__ import annotations

import json
import string
from typing import Any

import numpy as np
from gymnasium import spaces

from toolgym_env.envs.actions import parse_action
from toolgym_env.envs.schema_sample import HARD_KEYWORDS, sample_from_schema
from toolgym_env.hub.dispatch import encode_arguments

_PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "
REDRAWS = 10  # draws of a call whose schema uses a keyword the sampler cannot guarantee, until one is valid

__all__ = ["AnyText", "ToolCallSpace", "sample_from_schema"]


class AnyText(spaces.Text):
    """A ``Text`` space that holds any Unicode string up to ``max_length`` (Gymnasium's ``Text`` only holds
    its charset, which by default excludes spaces). ``sample()`` draws printable ASCII.

    Example:
        >>> AnyText(100).contains("Send the invoice to Zoë, please.")
        True
    """

    def __init__(
        self, max_length: int, *, min_length: int = 0, seed: int | np.random.Generator | None = None
    ):
        super().__init__(max_length, min_length=min_length, charset=_PRINTABLE, seed=seed)

    def contains(self, x: Any) -> bool:
        """Any ``str`` whose length lies in ``[min_length, max_length]``."""
        return isinstance(x, str) and self.min_length <= len(x) <= self.max_length

    def __repr__(self) -> str:
        return f"AnyText({self.min_length}, {self.max_length})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnyText) and (self.min_length, self.max_length) == (
            other.min_length,
            other.max_length,
        )


class ToolCallSpace(spaces.Space[dict]):
    """Actions are tool calls: ``{"name": str, "arguments": dict}``, the arguments also as a JSON string, or
    the whole call as a JSON string (the forms ``step`` accepts, see
    :func:`~toolgym_env.envs.actions.parse_action`).

    ``contains`` is true for exactly the calls ``step`` treats as well-formed: a known tool name and arguments
    that are an object (absent, a dict, or a JSON-object string), within the size and depth limits and
    JSON-serializable. Whether the argument *values* satisfy the tool's schema is the tool's business:
    ``step`` answers invalid values with an error observation, like any tool error. ``sample()`` picks a tool
    uniformly and draws arguments valid under its input schema. The env itself accepts anything and answers
    malformed calls with an error observation.

    Example:
        >>> space = ToolCallSpace({"ping": {"type": "object", "properties": {}}}, seed=0)
        >>> space.sample()
        {'name': 'ping', 'arguments': {}}
        >>> space.contains('{"name": "ping", "arguments": "{}"}'), space.contains({"name": "pong"})
        (True, False)
    """

    def __init__(self, schemas: dict[str, dict[str, Any]], seed: int | np.random.Generator | None = None):
        self.schemas = dict(schemas)
        self.names = tuple(self.schemas)
        self._checks: dict[str, Any] = {}
        super().__init__(shape=None, dtype=None, seed=seed)

    @property
    def is_np_flattenable(self) -> bool:
        """Tool calls cannot be flattened into arrays."""
        return False

    def sample(self, mask: Any = None, probability: Any = None) -> dict[str, Any]:
        """A random schema-valid call; ``mask`` may be a sequence of tool names to choose among."""
        names = tuple(mask) if mask is not None else self.names
        name = names[int(self.np_random.integers(len(names)))]
        schema = self.schemas[name]
        arguments = sample_from_schema(schema, self.np_random)
        check = self._check(name)
        for _ in range(REDRAWS if check is not None else 0):  # oneOf, uniqueItems, not, ...: drawn again
            if not check.problems(arguments):
                break
            arguments = sample_from_schema(schema, self.np_random)
        return {"name": name, "arguments": arguments}

    def _check(self, name: str) -> Any:
        """The argument check of a tool whose schema needs one after drawing (``None`` for the usual
        schemas)."""
        if name not in self._checks:
            text = json.dumps(self.schemas[name])
            hard = any(f'"{k}"' in text for k in HARD_KEYWORDS)
            if hard:
                from toolgym_env.hub.schema_check import ArgumentCheck

                self._checks[name] = ArgumentCheck(self.schemas[name])
            else:
                self._checks[name] = None
        return self._checks[name]

    def contains(self, x: Any) -> bool:
        """A call ``step`` treats as well-formed: parsed as ``step`` parses it, a known name, object
        arguments."""
        name, arguments, problem = parse_action(x)
        return problem is None and name in self.schemas and encode_arguments(arguments)[1] is None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the compiled argument checks (rebuilt on demand)."""
        return {**self.__dict__, "_checks": {}}

    def __repr__(self) -> str:
        return f"ToolCallSpace({len(self.names)} tools)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ToolCallSpace) and other.names == self.names
