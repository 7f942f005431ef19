"""Tool naming conventions: the same canonical tool (``list_open_issues``) spelled the way a product spells
it.

Real MCP servers mix conventions (snake_case 72%, camelCase 12%, kebab-case 10%; 15% prefix the app
name, as in ``slack_post_message``) and verbs (``get``/``fetch``/``retrieve``). A :class:`Naming` turns a
canonical snake_case name into one product's spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["snake", "camel", "kebab", "pascal"]
_TOKEN = re.compile(r"[A-Za-z][a-z0-9]*|[0-9]+")


def name_style(name: str) -> str:
    """Classify a tool name: ``snake``, ``camel``, ``kebab``, ``pascal`` or ``single`` (one lower word)."""
    if "-" in name:
        return "kebab"
    if "_" in name:
        return "snake"
    if name[:1].isupper():
        return "pascal"
    if any(c.isupper() for c in name):
        return "camel"
    return "single"


@dataclass(frozen=True)
class Naming:
    """How one product spells its tool names.

    Example:
        >>> Naming("camel", verbs={"get": "fetch"}).apply("get_issue_comments")
        'fetchIssueComments'
        >>> Naming("snake", prefix="linear").apply("create_issue")
        'linear_create_issue'
    """

    style: Style = "snake"
    prefix: str = ""
    verbs: dict[str, str] = field(default_factory=dict)

    def apply(self, canonical: str) -> str:
        """The product's spelling of a canonical snake_case name."""
        tokens = canonical.split("_")
        tokens[0] = self.verbs.get(tokens[0], tokens[0])
        if self.prefix:
            tokens = [*self.prefix.split("_"), *tokens]
        tokens = [t for t in tokens if t]
        if self.style == "camel":
            return tokens[0] + "".join(t.capitalize() for t in tokens[1:])
        if self.style == "pascal":
            return "".join(t.capitalize() for t in tokens)
        if self.style == "kebab":
            return "-".join(tokens)
        return "_".join(tokens)
