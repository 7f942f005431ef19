"""``toolgym catalog stats|export|search``: the tool universe as data."""

from __future__ import annotations

import json
import sys

import click

from toolgym_env.cli.inputs import check_writable
from toolgym_env.cli.options import json_option, output_option


def _universe(core: bool):
    from toolgym_env.universe import Universe

    return Universe.core() if core else Universe.full()


@click.group()
def catalog() -> None:
    """Inspect the tool catalog (every app's tools as MCP Tool records)."""


def _cell(value: object) -> str:
    """A figure as a table cell: numbers as they are, shares as ``name 60.0``, a missing figure as ``–``."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


@catalog.command()
@json_option
@click.option("--core", is_flag=True, help="Only the core apps.")
def stats(as_json: bool, core: bool) -> None:
    """Counts and realism statistics, next to the figures of real MCP tools."""
    from toolgym_env.hub.catalog_stats import REAL_MCP, catalog_stats

    figures = catalog_stats(_universe(core).catalog.records())
    if as_json:
        click.echo(json.dumps({**figures, "real_mcp": REAL_MCP}))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Tool catalog vs. real MCP tools")
    for col in ("figure", "ours", "real MCP"):
        table.add_column(col)
    for key, value in figures.items():
        if key != "top_verbs":  # twelve verbs with counts: in --json
            table.add_row(key, _cell(value), _cell(REAL_MCP.get(key)))
    Console().print(table)


@catalog.command()
@output_option("-", "JSONL file to write ('-' for stdout).")
@click.option("--core", is_flag=True, help="Only the core apps.")
def export(output: str, core: bool) -> None:
    """Write every tool as an MCP Tool record, one JSON object per line."""
    check_writable(output)
    records = _universe(core).catalog.records()
    lines = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    if output == "-":
        sys.stdout.write(lines)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(lines)
        click.echo(json.dumps({"tools": len(records), "path": output}))


@catalog.command()
@click.argument("query")
@click.option("-k", "--top-k", default=10, show_default=True, help="How many tools to show.")
@click.option("--core", is_flag=True, help="Only the core apps.")
@click.option("--json", "as_json", is_flag=True, help="Print the ranking as one JSON object.")
def search(query: str, top_k: int, core: bool, as_json: bool) -> None:
    """Rank tools for QUERY (the same BM25 ranking as the env's search_tools)."""
    from toolgym_env.hub.lexical import BM25Index

    cat = _universe(core).catalog
    ranked = BM25Index(cat.records()).search(query, top_k)
    hits = [
        {"name": name, "score": score, "description": cat.record(name)["description"]}
        for name, score in ranked
    ]
    if as_json:
        click.echo(json.dumps({"query": query, "tools": hits}))
        return
    for i, hit in enumerate(hits, 1):
        click.echo(f"{i:>2}. {hit['name']}  ({hit['score']:.2f})\n    {hit['description'][:160]}")
