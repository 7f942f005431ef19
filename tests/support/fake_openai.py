"""A scripted, local OpenAI-compatible chat server for tests (loopback only, stdlib only).

Example:
    >>> with FakeOpenAI(['{"score": 7}']) as fake:  # doctest: +SKIP
    ...     client = openai.OpenAI(base_url=fake.base_url, api_key="x", max_retries=0)
    ...     client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass(frozen=True)
class Fault:
    """A reply that goes wrong the way endpoints do: an HTTP ``status`` with ``headers`` (e.g.
    ``Retry-After``), a raw ``body`` that is not what the client expects (malformed JSON, no choices), or a
    ``delay_s`` before answering (past the client's timeout). With ``body`` unset, a status >= 400 sends an
    error object and 200 sends an empty-choices completion."""

    status: int = 200
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


Reply = str | int | dict[str, Any] | Fault | Callable[[dict[str, Any]], Any]

CREATED = 1_700_000_000  # a constant, so replies are reproducible


def _tokens(text: str) -> int:
    return max(1, len(text) // 4) if text else 0


class FakeOpenAI:
    """Serves ``POST /v1/chat/completions`` from a script of replies, recording every request body.

    Args:
        replies: Items used in order (the last one repeats): a ``str`` is the assistant content; a dict
            ``{"tool_calls": [{"name": ..., "arguments": dict | str}], "content": ...}`` is a tool-call
            message; an ``int`` is an HTTP error status; a :class:`Fault` misbehaves as it says; a callable
            ``fn(request_json)`` returns one of those.

    Attributes:
        requests: The JSON bodies received, in order.
        base_url: ``"http://127.0.0.1:PORT/v1"``.
    """

    def __init__(self, replies: list[Reply] | None = None) -> None:
        self.replies: list[Reply] = list(replies) if replies else ["{}"]
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> Self:
        """Bind to a free loopback port and serve in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/v1/models":
                    self._send(
                        200,
                        {
                            "object": "list",
                            "data": [
                                {
                                    "id": "fake-model",
                                    "object": "model",
                                    "created": CREATED,
                                    "owned_by": "tests",
                                }
                            ],
                        },
                    )
                else:
                    self._send(404, _error(404, f"no route {self.path}"))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send(404, _error(404, f"no route {self.path}"))
                    return
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    self._send(400, _error(400, "request body is not JSON"))
                    return
                headers: dict[str, str] = {}
                try:
                    status, payload = fake._respond(body)
                except Exception as exc:  # noqa: BLE001 - a broken script answers 500, not a hang
                    status, payload = 500, _error(500, f"FakeOpenAI script error: {exc!r}")
                if isinstance(payload, Fault):
                    fault = payload
                    if fault.delay_s:
                        time.sleep(fault.delay_s)
                    headers, payload = fault.headers, fault.body
                    if payload is None:
                        payload = _error(status, f"scripted HTTP {status}") if status >= 400 else _empty()
                try:
                    self._send(status, payload, headers)
                except OSError:  # the client gave up (timeout) and closed the connection
                    pass

            def _send(
                self, status: int, payload: dict[str, Any] | bytes, headers: dict[str, str] | None = None
            ) -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="FakeOpenAI", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def port(self) -> int:
        """The bound TCP port."""
        if self._server is None:
            raise RuntimeError("FakeOpenAI is not running")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """The ``base_url`` to give an OpenAI client."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- replies -------------------------------------------------------------------------------------
    def _respond(self, body: dict[str, Any]) -> tuple[int, Any]:
        with self._lock:
            index = len(self.requests)
            self.requests.append(body)
            item = self.replies[min(index, len(self.replies) - 1)]
        if callable(item):
            item = item(body)
        if isinstance(item, Fault):
            return item.status, item
        if isinstance(item, bool) or not isinstance(item, (str, int, dict)):
            raise TypeError(f"FakeOpenAI reply must be str, int, dict or callable, got {type(item).__name__}")
        if isinstance(item, int):
            return item, _error(item, f"scripted HTTP {item}")
        return 200, _completion(body, item, index)


def _empty() -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake-empty",
        "object": "chat.completion",
        "created": CREATED,
        "model": "fake-model",
        "choices": [],
    }


def _error(status: int, message: str) -> dict[str, Any]:
    kind = "server_error" if status >= 500 else "invalid_request_error"
    return {"error": {"message": message, "type": kind, "param": None, "code": str(status)}}


def _completion(body: dict[str, Any], item: str | dict[str, Any], index: int) -> dict[str, Any]:
    if isinstance(item, str):
        message: dict[str, Any] = {"role": "assistant", "content": item}
        finish = "stop"
    else:
        calls = []
        for n, call in enumerate(item.get("tool_calls", [])):
            args = call.get("arguments", {})
            calls.append(
                {
                    "id": f"call_{n}",
                    "type": "function",
                    "function": {
                        "name": call["name"],
                        "arguments": args if isinstance(args, str) else json.dumps(args),
                    },
                }
            )
        message = {"role": "assistant", "content": item.get("content")}
        if item.get("reasoning_content"):
            message["reasoning_content"] = item["reasoning_content"]
        if calls:
            message["tool_calls"] = calls
        finish = "tool_calls" if calls else "stop"
    prompt_text = json.dumps(body.get("messages", [])) + json.dumps(body.get("tools", []))
    completion_text = json.dumps(message)
    prompt_tokens, completion_tokens = _tokens(prompt_text), _tokens(completion_text)
    return {
        "id": f"chatcmpl-fake-{index}",
        "object": "chat.completion",
        "created": CREATED,
        "model": body.get("model", "fake-model"),
        "system_fingerprint": "fp_fake",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
