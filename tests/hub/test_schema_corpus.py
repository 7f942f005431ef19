"""Real-shaped tool schemas (tests/fixtures/mcp_schema_corpus.json: 145 tools over 5 servers shaped like
public MCP servers): ``action_space.sample()`` draws valid arguments (Draft 2020-12, or the schema's own
``$schema`` draft, formats checked), catalog statistics accept every record, the OpenAI check finds what the
API refuses."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, validators

from tests.support import FIXTURES
from toolgym_env.envs.spaces import ToolCallSpace
from toolgym_env.hub.catalog_stats import catalog_stats
from toolgym_env.hub.openai_check import openai_tool_problems
from toolgym_env.hub.schema_check import FORMATS, ArgumentCheck

CORPUS = json.loads((FIXTURES / "mcp_schema_corpus.json").read_text())
RECORDS = [
    {**tool, "name": f"{server}__{tool['name']}"}
    for server, tools in CORPUS["servers"].items()
    for tool in tools
]
DRAWS = 200  # per tool
MIN_VALIDITY = 0.995


def validity(seed: int = 0) -> tuple[float, dict[str, float]]:
    """The share of sampled calls valid under their tool's schema, overall and per tool."""
    space = ToolCallSpace({r["name"]: r["inputSchema"] for r in RECORDS}, seed=seed)
    per_tool = {}
    for record in RECORDS:
        schema = record["inputSchema"]
        validator = validators.validator_for(schema, default=Draft202012Validator)(
            schema, format_checker=FORMATS
        )
        ok = sum(validator.is_valid(space.sample(mask=[record["name"]])["arguments"]) for _ in range(DRAWS))
        per_tool[record["name"]] = ok / DRAWS
    return sum(per_tool.values()) / len(per_tool), per_tool


def test_the_corpus_covers_what_real_servers_publish():
    text = json.dumps(CORPUS)
    for feature in (
        '"$ref"',
        '"$defs"',
        '"definitions"',
        '"anyOf"',
        '"oneOf"',
        '"allOf"',
        '"uniqueItems"',
        '"format": "date-time"',
        '"format": "uri"',
        '"format": "email"',
        '"format": "uuid"',
        '"exclusiveMinimum"',
        '"multipleOf"',
        '"pattern"',
        "draft-07",
    ):
        assert feature in text, feature
    assert any(isinstance(n.get("items"), list) for r in RECORDS for n in _nodes(r["inputSchema"]))  # tuples
    assert any(not r.get("description") for r in RECORDS) and any("." in r["name"] for r in RECORDS)
    assert max(len(t) for t in CORPUS["servers"].values()) >= 100 and len(RECORDS) >= 140


def test_every_schema_is_valid_json_schema():
    for r in RECORDS:
        validators.validator_for(r["inputSchema"], default=Draft202012Validator).check_schema(
            r["inputSchema"]
        )


@pytest.mark.slow
def test_sampled_arguments_are_valid():
    overall, per_tool = validity()
    worst = min(per_tool, key=per_tool.get)
    assert overall >= MIN_VALIDITY, f"validity {overall:.4f}; worst {worst} {per_tool[worst]:.2f}"
    assert per_tool[worst] >= 0.9, (worst, per_tool[worst])


def test_sampled_arguments_pass_the_env_check():
    """What the sampler draws is what an external tool's argument check accepts (no call refused)."""
    space = ToolCallSpace({r["name"]: r["inputSchema"] for r in RECORDS}, seed=1)
    refused = [
        (r["name"], problems)
        for r in RECORDS
        for _ in range(10)
        if (problems := ArgumentCheck(r["inputSchema"]).problems(space.sample(mask=[r["name"]])["arguments"]))
    ]
    assert len(refused) <= len(RECORDS) * 10 * 0.005, refused[:3]


def test_sampling_is_deterministic():
    a = ToolCallSpace({r["name"]: r["inputSchema"] for r in RECORDS}, seed=3)
    b = ToolCallSpace({r["name"]: r["inputSchema"] for r in RECORDS}, seed=3)
    assert [a.sample() for _ in range(50)] == [b.sample() for _ in range(50)]


def test_catalog_stats_accept_every_real_record():
    stats = catalog_stats(
        RECORDS
        + [
            {"name": "odd__tool", "description": None, "inputSchema": None},
            {"name": "noprefix", "inputSchema": {"properties": []}},
        ]
    )
    assert stats["tools"] == len(RECORDS) + 2 and stats["apps"] == 7
    assert 0 < stats["pct_no_params"] < 100 and stats["pct_with_enum"] > 0


def test_the_openai_check_finds_what_the_api_refuses():
    raw = [
        {
            "type": "function",
            "function": {
                "name": r["name"].split("__", 1)[1],
                "description": r.get("description"),
                "parameters": r["inputSchema"],
            },
        }
        for r in RECORDS
    ]
    problems = [p for tool in raw for p in openai_tool_problems(tool)]
    assert any("files.read" in p for p in problems)  # a dotted name
    assert any("array schema missing items" in p for p in problems)  # tags: {"type": "array"}
    assert any("tuple-form items" in p for p in problems)
    assert any("description" in p for p in problems)  # over 1,024 characters
    assert not openai_tool_problems(
        {
            "type": "function",
            "function": {
                "name": "ok",
                "parameters": {
                    "type": "object",
                    "properties": {"a": {"type": "array", "items": {"type": "string"}}},
                },
            },
        }
    )


def _nodes(schema):
    if isinstance(schema, dict):
        yield schema
        for v in schema.values():
            yield from _nodes(v)
    elif isinstance(schema, list):
        for v in schema:
            yield from _nodes(v)


def test_the_chat_adapters_tools_pass_the_openai_check():
    from toolgym_env.wrappers.chat_messages import function_tool

    refused = {
        r["name"]: problems
        for r in RECORDS
        if (
            problems := openai_tool_problems(
                function_tool(r["name"], r.get("description") or "", r["inputSchema"])
            )
        )
    }
    assert not refused, refused  # tuple-form items, a 2,000-character description and a 90-character name too


if __name__ == "__main__":  # the figures quoted in the README (run: python -m tests.hub.test_schema_corpus)
    overall, per_tool = validity()
    low = sorted(per_tool.items(), key=lambda kv: kv[1])[:5]
    print(f"{len(RECORDS)} tools, {DRAWS} draws each: validity {overall:.4%}; lowest {low}")
