"""Calling a model endpoint through failures: which failures are worth another try, how long to wait
(exponential backoff, or the server's ``Retry-After``), and the one boundary where any exception from the
client becomes an :class:`~toolgym_env.errors.EndpointError` (an infrastructure error, never the agent's).

    >>> policy = RetryPolicy(max_retries=3, base_delay_s=1.0, max_delay_s=5.0)
    >>> [policy.delay(n) for n in range(4)], policy.delay(0, retry_after=2.5)
    ([1.0, 2.0, 4.0, 5.0], 2.5)
    >>> parse_retry_after({"retry-after": "7"}), parse_retry_after({"retry-after-ms": "250"})
    (7.0, 0.25)
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from toolgym_env.errors import EndpointError, InvalidArgumentError

#: HTTP statuses worth another try (timeout, conflict, rate limit, server errors).
TRANSIENT_STATUSES = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How a failed model call is retried: at most ``max_retries`` more tries after the first, waiting
    ``base_delay_s * 2**n`` (capped at ``max_delay_s``) before try ``n + 1``, or the server's ``Retry-After``
    (capped the same way) when ``honour_retry_after`` and the server sent one."""

    max_retries: int = 4
    base_delay_s: float = 1.0
    max_delay_s: float = 60.0
    honour_retry_after: bool = True

    def __post_init__(self) -> None:
        if self.max_retries < 0 or self.base_delay_s < 0 or self.max_delay_s < 0:
            raise InvalidArgumentError(f"retry settings must be >= 0, got {self}")

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (0-based)."""
        if retry_after is not None and self.honour_retry_after:
            return min(max(retry_after, 0.0), self.max_delay_s)
        return min(self.base_delay_s * 2**retry, self.max_delay_s)

    def as_dict(self) -> dict[str, Any]:
        """The settings as JSON-able data (for records and manifests)."""
        return {
            "max_retries": self.max_retries,
            "base_delay_s": self.base_delay_s,
            "max_delay_s": self.max_delay_s,
            "honour_retry_after": self.honour_retry_after,
        }


@dataclass(frozen=True)
class Failure:
    """One failed call, classified: its ``kind``, whether another try may help, the server's wait if any."""

    kind: str
    transient: bool
    text: str
    retry_after: float | None = None


def parse_retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date); ``None`` when absent."""
    if not headers:
        return None
    lowered = {str(k).lower(): str(v) for k, v in headers.items()}
    try:
        if "retry-after-ms" in lowered:
            return float(lowered["retry-after-ms"]) / 1000
        if "retry-after" in lowered:
            value = lowered["retry-after"].strip()
            try:
                return float(value)
            except ValueError:
                when = email.utils.parsedate_to_datetime(value)
                return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None
    return None


def classify(exc: BaseException) -> Failure:
    """What kind of failure an exception from the client is (any exception: the caller is the boundary)."""
    import openai

    text = f"{type(exc).__name__}: {str(exc)[:300]}"
    if isinstance(exc, openai.APITimeoutError):
        return Failure("timeout", True, text)
    if isinstance(exc, openai.APIConnectionError):
        return Failure("connection", True, text)
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        headers = getattr(getattr(exc, "response", None), "headers", None)
        wait = parse_retry_after(headers)
        if status == 429:
            return Failure("rate_limit", True, f"HTTP 429: {str(exc)[:300]}", wait)
        if status >= 500:
            return Failure("server_error", True, f"HTTP {status}: {str(exc)[:300]}", wait)
        return Failure("http_error", status in TRANSIENT_STATUSES, f"HTTP {status}: {str(exc)[:300]}", wait)
    if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
        return Failure("malformed_body", True, f"malformed response body ({text})")
    if isinstance(exc, EmptyReply):
        return Failure("empty_reply", True, str(exc))
    return Failure(
        "malformed_body"
        if isinstance(exc, (ValueError, TypeError, KeyError, AttributeError))
        else "connection",
        True,
        text,
    )


class EmptyReply(ValueError):
    """A completion that arrived without a choice or without a message."""


def first_message(response: Any) -> Any:
    """The message of a completion's first choice.

    Raises:
        EmptyReply: The completion has no choice, or its first choice no message.
    """
    choices = getattr(response, "choices", None)
    if not choices:
        raise EmptyReply("the endpoint replied with an empty 'choices' list")
    message = getattr(choices[0], "message", None)
    if message is None:
        raise EmptyReply("the endpoint replied with a choice that has no message")
    return message


def call_with_retries(
    call: Callable[[], Any],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    on_failure: Callable[[Failure, int], None] | None = None,
) -> Any:
    """``call()`` (one chat completion) until it returns a completion with a message, retrying transient
    failures as ``policy`` says; returns the completion.

    ``on_failure(failure, attempt)`` is told of every failed try (attempt 1 is the first).

    Raises:
        EndpointError: The last try failed, or a failure was not transient (e.g. HTTP 401); the cause is
            chained.
    """
    attempt = 0
    while True:
        attempt += 1
        try:
            response = call()
            first_message(response)
            return response
        except Exception as exc:
            failure = classify(exc)
            if on_failure is not None:
                on_failure(failure, attempt)
            if not failure.transient or attempt > policy.max_retries:
                tries = f"after {attempt} tries" if attempt > 1 else "(not retried)"
                raise EndpointError(
                    f"model endpoint failed {tries} ({failure.kind}): {failure.text}",
                    kind=failure.kind,
                    attempts=attempt,
                ) from exc
            sleep(policy.delay(attempt - 1, failure.retry_after))
