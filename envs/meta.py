"""The env's meta tools: ``search_tools`` (select, then execute), ``wait`` (let virtual time pass) and
``final_answer`` (end the episode)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from toolgym_env.apps.schema import input_schema, model_from_fields

SEARCH_TOOLS = "search_tools"
FINAL_ANSWER = "final_answer"
WAIT = "wait"
#: Longest single wait on the virtual clock (seconds).
MAX_WAIT_S = 3600

SearchArgs = model_from_fields("search_tools_args", {
    "query": (Annotated[str, Field(min_length=1, max_length=500)],
              Field(description="What you want to do, in plain words (e.g. 'find unpaid invoices').")),
    "top_k": (Annotated[int, Field(ge=1, le=20)], Field(5, description="How many tools to return (1-20).")),
})

AnswerArgs = model_from_fields("final_answer_args", {
    "answer": (Annotated[str, Field(max_length=20_000)],
               Field(description="Your final answer to the user: what you did and what you found.")),
})

WaitArgs = model_from_fields("wait_args", {
    "seconds": (Annotated[float, Field(gt=0, le=MAX_WAIT_S)],
                Field(description="How long to wait, in seconds (at most 3600).")),
})

META_DESCRIPTIONS = {
    SEARCH_TOOLS: "Search the tool catalog by what you want to do. Returns the best matching tools with their "
                  "names, descriptions and input schemas; call any of them by name afterwards.",
    FINAL_ANSWER: "Finish the task: give your final answer to the user. Ends the episode.",
    WAIT: "Wait before the next call (e.g. after a rate limit says to retry after some seconds). Time passes "
          "on the world's clock; nothing else happens.",
}

META_SCHEMAS: dict[str, dict[str, Any]] = {
    SEARCH_TOOLS: input_schema(SearchArgs),
    FINAL_ANSWER: input_schema(AnswerArgs),
    WAIT: input_schema(WaitArgs),
}


def meta_records() -> list[dict[str, Any]]:
    """The meta tools as MCP ``Tool`` records."""
    return [{"name": n, "description": META_DESCRIPTIONS[n], "inputSchema": META_SCHEMAS[n],
             "annotations": {"readOnlyHint": True}} for n in META_SCHEMAS]
