"""The LLM rubric judge: scaling, caching, failures; driven through the real openai client and FakeOpenAI."""

from __future__ import annotations

import json
import socket

import pytest

from tests.support.fake_openai import FakeOpenAI
from toolgym_env.judge.rubric import RubricJudge, RubricScore, default_cache_dir, rubric_prompt
from toolgym_env.llm import LLMSettings, llm_settings, make_client

INSTRUCTION = "Book the cheapest flight to Lisbon on 2024-06-01, but not before 9am."
ANSWER = "Booked TAP 1234 at 10:15 for $189: the 7:05 flight was $20 cheaper but breaks the 9am limit."
EVIDENCE = (
    "search_flights -> [{'id': 'TP1234', 'dep': '10:15', 'price': 189}, "
    "{'id': 'TP1200', 'dep': '07:05', 'price': 169}]"
)


def _judge(fake: FakeOpenAI, tmp_path, model: str = "judge-model") -> RubricJudge:
    client = make_client(llm_settings(base_url=fake.base_url, model=model), timeout=5.0)
    return RubricJudge(model, client=client, cache_dir=tmp_path)


def test_prompt_is_shipped():
    assert '"score"' in rubric_prompt() and "Grounding" in rubric_prompt()


@pytest.mark.parametrize(
    ("raw", "expected"), [(8, 0.8), (10, 1.0), (0, 0.0), (15, 1.0), (-3, 0.0), ("7", 0.7), (7.5, 0.75)]
)
def test_score_scaling_and_clipping(tmp_path, raw, expected):
    with FakeOpenAI([json.dumps({"score": raw, "reasons": "fine"})]) as fake:
        result = _judge(fake, tmp_path).score(INSTRUCTION, ANSWER, EVIDENCE)
    assert result.score == pytest.approx(expected)
    assert result.reasons == "fine" and result.model == "judge-model"
    assert not result.cached and not result.error


def test_request_content(tmp_path):
    with FakeOpenAI(['{"score": 9, "reasons": "explains the trade-off"}']) as fake:
        _judge(fake, tmp_path).score(INSTRUCTION, ANSWER, EVIDENCE, tradeoff="price vs departure time")
    (request,) = fake.requests
    assert request["model"] == "judge-model" and request["temperature"] == 0.0
    system, user = request["messages"]
    assert system == {"role": "system", "content": rubric_prompt()}
    for part in (INSTRUCTION, ANSWER, EVIDENCE, "price vs departure time"):
        assert part in user["content"]


def test_cache_hit_makes_no_request(tmp_path):
    with FakeOpenAI(['```json\n{"score": 6, "reasons": "ok"}\n```']) as fake:
        judge = _judge(fake, tmp_path)
        first = judge.score(INSTRUCTION, ANSWER, EVIDENCE)
        second = judge.score(INSTRUCTION, ANSWER, EVIDENCE)
        again = RubricJudge(
            "judge-model",
            settings=LLMSettings("http://127.0.0.1:9/v1", "k", "judge-model"),
            cache_dir=tmp_path,
        ).score(INSTRUCTION, ANSWER, EVIDENCE)
        assert len(fake.requests) == 1
        judge.score(INSTRUCTION, ANSWER, EVIDENCE, tradeoff="speed vs cost")  # a different key
        _judge(fake, tmp_path, model="other-model").score(INSTRUCTION, ANSWER, EVIDENCE)
        assert len(fake.requests) == 3
    assert first == RubricScore(0.6, "ok", "judge-model", cached=False)
    assert second == RubricScore(0.6, "ok", "judge-model", cached=True) == again
    assert second.to_dict() == {
        "score": 0.6,
        "reasons": "ok",
        "model": "judge-model",
        "cached": True,
        "error": "",
    }
    assert len(list(tmp_path.glob("*.json"))) == 3 and not list(tmp_path.glob(".tmp-*"))


@pytest.mark.parametrize("bad", ["no json", '{"reasons": "no score"}', '{"score": "high"}', 500])
def test_failed_reply_is_not_cached(tmp_path, bad):
    with FakeOpenAI([bad, '{"score": 5, "reasons": "ok"}']) as fake:
        judge = _judge(fake, tmp_path)
        failed = judge.score(INSTRUCTION, ANSWER, EVIDENCE)
        assert failed.score is None and failed.error and not failed.cached
        assert not list(tmp_path.glob("*.json"))
        retried = judge.score(INSTRUCTION, ANSWER, EVIDENCE)
    assert retried.score == 0.5 and not retried.cached and len(fake.requests) == 2


def test_refused_connection_gives_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = LLMSettings(f"http://127.0.0.1:{port}/v1", "k", "m")
    judge = RubricJudge("m", settings=settings, cache_dir=tmp_path)
    result = judge.score(INSTRUCTION, ANSWER, EVIDENCE)
    assert result.score is None and "failed" in result.error


def test_corrupt_cache_file_is_a_miss(tmp_path):
    with FakeOpenAI(['{"score": 4, "reasons": "meh"}']) as fake:
        judge = _judge(fake, tmp_path)
        (tmp_path / f"{judge.cache_key(INSTRUCTION, ANSWER, EVIDENCE)}.json").write_text("{broken")
        assert judge.score(INSTRUCTION, ANSWER, EVIDENCE).score == 0.4
        assert len(fake.requests) == 1


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path / "rubric"
    assert RubricJudge("m").cache_dir == tmp_path / "rubric"
    monkeypatch.delenv("TOOLGYM_CACHE_DIR")
    assert default_cache_dir().parts[-2:] == ("toolgym_env", "rubric")
