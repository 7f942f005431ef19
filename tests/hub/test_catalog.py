"""The catalog: every schema is valid JSON Schema, names are unique and namespaced, records are MCP-shaped."""

import jsonschema
from mcp import types

from toolgym_env.apps import CORE_APPS
from toolgym_env.envs.meta import META_SCHEMAS
from toolgym_env.hub.lexical import BM25Index
from toolgym_env.universe import Universe


def test_every_schema_is_valid_and_records_are_mcp_tools():
    catalog = Universe.core().catalog
    assert set(catalog.apps) == set(CORE_APPS) and len(catalog) >= 12 * 8
    for record in catalog.records():
        jsonschema.Draft202012Validator.check_schema(record["inputSchema"])
        jsonschema.Draft202012Validator.check_schema(record["outputSchema"])
        assert record["inputSchema"]["type"] == "object" and record["outputSchema"]["type"] == "object"
        assert record["description"] and record["name"].split("__")[0] in CORE_APPS
        types.Tool.model_validate(record)
    for schema in META_SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_descriptions_are_unique_and_annotations_truthful():
    catalog = Universe.core().catalog
    descriptions = [t.description for t in catalog]
    assert len(set(descriptions)) == len(descriptions)
    for tool in catalog:
        if tool.destructive:
            assert not tool.read_only


def test_lexical_search_ranks_the_obvious_tool_first():
    index = BM25Index(list(Universe.core().catalog))
    for query, expected in [
        ("book a flight", "travel__book_flight"),
        ("transfer money between accounts", "bank__transfer_between_accounts"),
        ("weather forecast", "weather__get_forecast"),
        ("share a file", "files__share_file"),
    ]:
        assert index.search(query, 3)[0][0] == expected, (query, index.search(query, 3))
