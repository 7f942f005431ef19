"""The env's meta tools: ``search_tools`` (select, then execute) and ``final_answer`` (end the episode)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from toolgym_env.apps.schema import input_schema, model_from_fields

SEARCH_TOOLS = "search_tools"
FINAL_ANSWER = "final_answer"

SearchArgs = model_from_fields("search_tools_args", {
    "query": (Annotated[str, Field(min_length=1, max_length=500)],
              Field(description="What you want to do, in plain words (e.g. 'find unpaid invoices').")),
    "top_k": (Annotated[int, Field(ge=1, le=20)], Field(5, description="How many tools to return (1-20).")),
})

AnswerArgs = model_from_fields("final_answer_args", {
    "answer": (Annotated[str, Field(max_length=20_000)],
               Field(description="Your final answer to the user: what you did and what you found.")),
})

META_DESCRIPTIONS = {
    SEARCH_TOOLS: "Search the tool catalog by what you want to do. Returns the best matching tools with their "
                  "names, descriptions and input schemas; call any of them by name afterwards.",
    FINAL_ANSWER: "Finish the task: give your final answer to the user. Ends the episode.",
}

META_SCHEMAS: dict[str, dict[str, Any]] = {
    SEARCH_TOOLS: input_schema(SearchArgs),
    FINAL_ANSWER: input_schema(AnswerArgs),
}


def meta_records() -> list[dict[str, Any]]:
    """The meta tools as MCP ``Tool`` records."""
    return [{"name": n, "description": META_DESCRIPTIONS[n], "inputSchema": META_SCHEMAS[n],
             "annotations": {"readOnlyHint": True}} for n in META_SCHEMAS]
