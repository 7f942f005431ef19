"""An optional LLM rubric judge for the quality of a free-text final answer, with a disk cache.

The world-diff judge decides success; this one scores how well the answer reads against the tool
evidence (completeness, grounding, clarity, trade-off explanation). A bad reply is data, not a crash:
it yields ``score=None`` with ``error`` set, and is never cached.

Example:
    >>> judge = RubricJudge("gpt-4o-mini")  # doctest: +SKIP
    >>> evidence = "transfer -> {'id': 'tx_12', 'amount': 40}"
    >>> judge.score("Pay Ana $40.", "Sent $40 to Ana (tx_12).", evidence).score  # doctest: +SKIP
    0.9
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from toolgym_env.llm.client import LLMReplyError, LLMSettings, chat_json, llm_settings, make_client


@dataclass(frozen=True)
class RubricScore:
    """A rubric grade: ``score`` in [0, 1] (None when the call failed, see ``error``)."""

    score: float | None
    reasons: str
    model: str
    cached: bool
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict."""
        return asdict(self)


@lru_cache(maxsize=1)
def rubric_prompt() -> str:
    """The system prompt (``prompts/rubric.md``)."""
    return (resources.files("toolgym_env.judge") / "prompts" / "rubric.md").read_text(encoding="utf-8")


def default_cache_dir() -> Path:
    """``$TOOLGYM_CACHE_DIR/rubric``, else ``~/.cache/toolgym_env/rubric``."""
    root = os.environ.get("TOOLGYM_CACHE_DIR", "").strip()
    return (Path(root) if root else Path.home() / ".cache" / "toolgym_env") / "rubric"


def _user_message(instruction: str, answer: str, evidence: str, tradeoff: str | None) -> str:
    parts = [
        f"## User request\n{instruction}",
        f"## Tool evidence\n{evidence or '(none)'}",
        f"## Final answer\n{answer or '(empty)'}",
    ]
    parts.append(f"## Trade-off to explain\n{tradeoff or '(none given)'}")
    return "\n\n".join(parts)


def _parse_score(reply: dict[str, Any]) -> float:
    raw = reply.get("score")
    if isinstance(raw, bool):
        raise TypeError(f"score is not a number: {raw!r}")
    value = float(raw)  # raises TypeError/ValueError on junk
    if math.isnan(value):
        raise ValueError("score is NaN")
    return min(1.0, max(0.0, value / 10.0))


class RubricJudge:
    """Grades final answers with an LLM at temperature 0, caching each grade on disk.

    Args:
        model: Model name (part of the cache key).
        client: An ``openai.OpenAI`` client; built lazily from ``settings`` when omitted.
        settings: Endpoint settings; default :func:`toolgym_env.llm.llm_settings` with ``model``.
        cache_dir: Cache folder; default :func:`default_cache_dir`.
    """

    def __init__(
        self,
        model: str,
        *,
        client: Any = None,
        settings: LLMSettings | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        self.model = model
        self._client = client
        self._settings = settings
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()

    @property
    def client(self) -> Any:
        """The chat client, created on first use (a cache hit never needs one)."""
        if self._client is None:
            self._client = make_client(self._settings or llm_settings(model=self.model))
        return self._client

    def cache_key(self, instruction: str, answer: str, evidence: str, tradeoff: str | None = None) -> str:
        """The sha256 cache key of one grading request (model, prompt hash and the inputs)."""
        prompt_hash = hashlib.sha256(rubric_prompt().encode("utf-8")).hexdigest()
        blob = json.dumps(
            [self.model, prompt_hash, instruction, answer, evidence, tradeoff], ensure_ascii=False
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def score(self, instruction: str, answer: str, evidence: str, tradeoff: str | None = None) -> RubricScore:
        """Grade ``answer`` to ``instruction`` against the tool ``evidence`` (and ``tradeoff``, if any)."""
        key = self.cache_key(instruction, answer, evidence, tradeoff)
        path = self.cache_dir / f"{key}.json"
        hit = self._read(path)
        if hit is not None:
            return RubricScore(score=hit["score"], reasons=hit["reasons"], model=self.model, cached=True)
        messages = [
            {"role": "system", "content": rubric_prompt()},
            {"role": "user", "content": _user_message(instruction, answer, evidence, tradeoff)},
        ]
        try:
            reply = chat_json(self.client, self.model, messages, temperature=0.0)
            value = _parse_score(reply)
        except LLMReplyError as exc:
            return RubricScore(score=None, reasons="", model=self.model, cached=False, error=str(exc))
        except (TypeError, ValueError) as exc:
            return RubricScore(
                score=None, reasons="", model=self.model, cached=False, error=f"bad score in reply: {exc}"
            )
        reasons = str(reply.get("reasons", "")).strip()
        self._write(path, {"score": value, "reasons": reasons, "model": self.model})
        return RubricScore(score=value, reasons=reasons, model=self.model, cached=False)

    @staticmethod
    def _read(path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("score"), (int, float)):
            return None
        return {"score": float(data["score"]), "reasons": str(data.get("reasons", ""))}

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
