"""Paraphrases keep every fact or are dropped; driven through the real openai client and FakeOpenAI."""

from __future__ import annotations

import json
import socket

import pytest

from tests.support.fake_openai import FakeOpenAI
from toolgym_env.llm import LLMReplyError, llm_settings, make_client
from toolgym_env.tasks.paraphrase import paraphrase_instruction, paraphrase_prompt

INSTRUCTION = (
    "Send $1,250.00 from checking to Ana Ruiz (ana@example.com) on 2024-05-03, then email her the receipt."
)
FACTS = ["1250", "Ana Ruiz", "ana@example.com", "2024-05-03"]


def _client(base_url: str):
    return make_client(llm_settings(base_url=base_url, api_key="k", model="m"), timeout=5.0)


def _reply(text: str) -> str:
    return json.dumps({"instruction": text})


def test_prompt_is_shipped():
    assert "must_keep" in paraphrase_prompt() and '{"instruction"' in paraphrase_prompt()


def test_paraphrase_keeping_facts_is_returned():
    good = "On 2024-05-03, move 1250 dollars from checking to Ana Ruiz (ana@example.com); mail her a receipt."
    with FakeOpenAI([_reply(good)]) as fake:
        client = _client(fake.base_url)
        out = paraphrase_instruction(INSTRUCTION, FACTS, client=client, model="para-model", seed=3)
    assert out == good
    (request,) = fake.requests
    assert request["model"] == "para-model" and request["seed"] == 3
    assert request["messages"][0]["content"] == paraphrase_prompt()
    sent = json.loads(request["messages"][1]["content"])
    assert sent == {"instruction": INSTRUCTION, "must_keep": FACTS}


def test_fenced_reply_is_accepted():
    good = "Pay Ana Ruiz 1250 on 2024-05-03 via ana@example.com and send the receipt."
    with FakeOpenAI([f"```json\n{_reply(good)}\n```"]) as fake:
        assert paraphrase_instruction(INSTRUCTION, FACTS, client=_client(fake.base_url), model="m") == good


def test_dropped_fact_gives_none():
    bad = "Send Ana the money from checking on 2024-05-03 and email her the receipt at ana@example.com."
    with FakeOpenAI([_reply(bad)]) as fake:
        assert paraphrase_instruction(INSTRUCTION, FACTS, client=_client(fake.base_url), model="m") is None


@pytest.mark.parametrize(
    "reply", ["no json here", '{"text": "wrong key"}', '{"instruction": "  "}', '{"instruction": 5}']
)
def test_malformed_reply_gives_none(reply):
    with FakeOpenAI([reply]) as fake:
        assert paraphrase_instruction(INSTRUCTION, FACTS, client=_client(fake.base_url), model="m") is None


def test_refused_connection_raises():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(LLMReplyError):
        paraphrase_instruction(INSTRUCTION, FACTS, client=_client(f"http://127.0.0.1:{port}/v1"), model="m")


def test_http_error_raises():
    with FakeOpenAI([503]) as fake, pytest.raises(LLMReplyError, match="503"):
        paraphrase_instruction(INSTRUCTION, FACTS, client=_client(fake.base_url), model="m")
