"""The virtual clock: the only notion of time inside a world (wall time never leaks in)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from toolgym_env.errors import InvalidArgumentError

#: The instant every world starts at unless a task says otherwise (a Monday morning, UTC).
EPOCH = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)


def parse_time(value: str) -> datetime:
    """Parse an ISO-8601 timestamp or date (``Z`` allowed); naive values are taken as UTC."""
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_time(moment: datetime) -> str:
    """Format a datetime as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC, second precision)."""
    m = moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    return m.isoformat("T", "seconds")[:19] + "Z"


class VirtualClock:
    """A deterministic clock that moves only when told to.

    Example:
        >>> clock = VirtualClock()
        >>> clock.iso()
        '2026-03-02T09:00:00Z'
        >>> clock.advance(90); clock.iso()
        '2026-03-02T09:01:30Z'
    """

    __slots__ = ("_start", "_offset", "_iso", "_utc")

    def __init__(self, start: datetime | str = EPOCH) -> None:
        self._set_start(start)
        self._offset = 0.0
        self._iso: tuple[datetime, float, str] | None = None  # (start, offset, text) of the last iso()

    def _set_start(self, start: datetime | str) -> None:
        self._start = parse_time(start) if isinstance(start, str) else start
        #: The start as a naive UTC datetime when it is in UTC (as parsed ones are): iso() then formats
        #: without time-zone arithmetic.
        self._utc = self._start.replace(tzinfo=None) if self._start.tzinfo is UTC else None

    def reset(self, start: datetime | str | None = None) -> None:
        """Go back to the start instant (or a new one)."""
        if start is not None:
            self._set_start(start)
        self._offset = 0.0

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds`` (never backwards)."""
        if seconds < 0:
            raise InvalidArgumentError("the virtual clock cannot go backwards")
        self._offset += seconds

    @property
    def start(self) -> datetime:
        """The instant the clock started from."""
        return self._start

    @property
    def elapsed(self) -> float:
        """Seconds elapsed since the start instant."""
        return self._offset

    def now(self) -> datetime:
        """The current virtual instant."""
        return self._start + timedelta(seconds=self._offset)

    def iso(self) -> str:
        """The current virtual instant as an ISO-8601 string (memoized: every step asks for it several
        times)."""
        cached = self._iso
        if cached is not None and cached[0] is self._start and cached[1] == self._offset:
            return cached[2]
        if self._utc is not None:  # format_time's text, built by the C formatter
            text = (self._utc + timedelta(seconds=self._offset)).isoformat("T", "seconds") + "Z"
        else:
            text = format_time(self.now())
        self._iso = (self._start, self._offset, text)
        return text

    def today(self) -> str:
        """The current virtual date as ``YYYY-MM-DD``."""
        return self.now().strftime("%Y-%m-%d")
