"""The catalog: every tool of a set of apps under its namespaced name, as MCP ``Tool`` records.

Apps are built lazily: looking a tool up builds only its app. Whole-catalog views (records, names, search
indexes) of the full universe come from an on-disk cache keyed by the apps' source code, so a process
does not rebuild 5,000+ schemas to answer a search. An env reads tools' *summaries* (a record without its
output schema and annotations, :meth:`Catalog.summaries`); the full records of a cached catalog are only
decoded when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from toolgym_env.apps.spec import AppSpec, ToolSpec
from toolgym_env.errors import AppSpecError, UnknownToolError


class _LazyApps(Mapping[str, AppSpec]):
    """``{app name: AppSpec}``; an app is built the first time it is looked up."""

    def __init__(self, names: Sequence[str], loader: Callable[[str], AppSpec]) -> None:
        self._names = tuple(names)
        self._known = frozenset(names)
        self._loader = loader
        self._built: dict[str, AppSpec] = {}

    def __getitem__(self, name: str) -> AppSpec:
        app = self._built.get(name)
        if app is None:
            if name not in self._known:
                raise KeyError(name)
            app = self._built[name] = self._loader(name)
        return app

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class _LazyTools(Mapping[str, ToolSpec]):
    """``{qualified name: ToolSpec}``; a lookup builds only the tool's app."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._found: dict[str, ToolSpec] = {}  # names already resolved (every step looks its tool up)

    def __getitem__(self, name: str) -> ToolSpec:
        tool = self._found.get(name) if isinstance(name, str) else None
        if tool is not None:
            return tool
        if not isinstance(name, str) or "__" not in name:
            raise KeyError(name)
        app_name, local = name.split("__", 1)
        if app_name not in self._catalog.apps:
            raise KeyError(name)
        tool = self._catalog.apps[app_name].tools.get(local)
        if tool is None:
            raise KeyError(name)
        self._found[name] = tool
        return tool

    def __contains__(self, name: object) -> bool:
        try:
            self[name]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._catalog.names)

    def __len__(self) -> int:
        return len(self._catalog.names)


class Catalog:
    """Tools of several apps, looked up by qualified name (``mail__send_email``).

    Example:
        >>> from toolgym_env.apps import load_apps
        >>> cat = Catalog(load_apps(["mail"]))
        >>> cat.get("mail__send_email").read_only
        False
    """

    def __init__(
        self,
        apps: Iterable[AppSpec] = (),
        *,
        names: Sequence[str] | None = None,
        loader: Callable[[str], AppSpec] | None = None,
        cache_key: str | None = None,
    ) -> None:
        given: dict[str, AppSpec] = {}
        for app in apps:
            if app.name in given:
                raise AppSpecError(f"app {app.name!r} listed twice")
            given[app.name] = app
        if names is None:
            names = tuple(given)
        if len(set(names)) != len(names):
            raise AppSpecError("an app is listed twice")
        self.apps: Mapping[str, AppSpec] = _LazyApps(names, loader or given.__getitem__)
        self.tools: Mapping[str, ToolSpec] = _LazyTools(self)
        self.cache_key = cache_key
        self._records: list[dict[str, Any]] | None = None
        self._packed: Any = None  # the cached catalog's PackedRecords, once read
        self._summaries: list[dict[str, Any]] | None = None
        self._names: tuple[str, ...] | None = None
        self._positions: dict[str, int] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every qualified tool name, in catalog order."""
        if self._names is None:
            self._names = tuple(r["name"] for r in self.summaries())
        return self._names

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.tools

    def __iter__(self) -> Iterator[ToolSpec]:
        """Every tool (builds every app)."""
        for app_name in self.apps:
            yield from self.apps[app_name].tools.values()

    def get(self, name: str) -> ToolSpec:
        """The tool called ``name``; ``UnknownToolError`` (with close names) otherwise."""
        try:
            return self.tools[name]
        except KeyError:
            raise UnknownToolError(self.unknown_message(name)) from None

    def unknown_message(self, name: str) -> str:
        """A helpful message for a name that is not a tool."""
        import difflib

        text = str(name)[:200]
        app_name = text.split("__", 1)[0] if "__" in text else ""
        pool = (
            [n for n in self.names if n.startswith(app_name + "__")] if app_name in self.apps else self.names
        )
        close = difflib.get_close_matches(text, pool, n=3, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Use search_tools to find tools."
        return f"Unknown tool '{text}'.{hint}"

    def records(self) -> list[dict[str, Any]]:
        """All tools as MCP ``Tool`` records, in catalog order (cached on disk when ``cache_key`` is set).
        Read-only: equal schemas are one shared object."""
        if self._records is None:
            packed = self._packed_records()
            self._records = packed.records() if packed is not None else self._build_records()
        return self._records

    def summaries(self) -> list[dict[str, Any]]:
        """Every tool's record without its output schema and annotations (name, title, description,
        inputSchema, ``_meta``), in catalog order: what search indexes and the env read. A cached catalog
        gives them without decoding the rest of its records. Read-only, like :meth:`records`' (the schemas
        are the same objects)."""
        if self._summaries is None:
            packed = self._packed_records()
            if packed is not None:
                self._summaries = packed.summaries
            else:
                from toolgym_env.hub.catalog_cache import is_summary_field

                self._summaries = [
                    {k: v for k, v in r.items() if is_summary_field(k, v)} for r in self.records()
                ]
        return self._summaries

    def _packed_records(self) -> Any:
        """The cached catalog's :class:`~toolgym_env.hub.catalog_cache.PackedRecords` (``None`` without a
        ``cache_key``)."""
        if self._packed is None and self.cache_key:
            from toolgym_env.hub.catalog_cache import packed_records

            self._packed = packed_records(self.cache_key, self._build_records)
        return self._packed

    def _position(self, name: str) -> int | None:
        if self._positions is None:
            self._positions = {n: i for i, n in enumerate(self.names)}
        return self._positions.get(name) if isinstance(name, str) else None

    def _build_records(self) -> list[dict[str, Any]]:
        out = []
        for app_name in self.apps:
            app = self.apps[app_name]
            for tool in app.tools.values():
                record = tool.mcp_record()
                record["_meta"] = {
                    "toolgym/app": app.name,
                    "toolgym/app_title": app.title,
                    "toolgym/domain": app.domain,
                }
                out.append(record)
        return out

    def record(self, name: str) -> dict[str, Any] | None:
        """The MCP record of one tool, or ``None`` (read-only; a cached catalog decodes the record's output
        schema and annotations for the call, unless :meth:`records` did already)."""
        i = self._position(name)
        if i is None:
            return None
        if self._records is None and self._packed_records() is not None:
            return self._packed.record(i)
        return self.records()[i]

    def summary(self, name: str) -> dict[str, Any] | None:
        """The summary of one tool (see :meth:`summaries`), or ``None``."""
        i = self._position(name)
        return None if i is None else self.summaries()[i]
