"""Reading typed values out of free text the way a careful human grader would: numbers (digits, words,
magnitudes, thousands separators, currency signs), dates in common formats, clock times, enum values and
whole-token text.

Example:
    >>> numbers_in("I updated five tasks, about 63 million USD and $1,234.50 in total")
    [5.0, 63000000.0, 1234.5]
    >>> dates_in("due 4 March 2026 (was 2026-03-01)")
    ['2026-03-04', '2026-03-01']
    >>> times_in("at 9 am, or 09:30, or 5:15 PM")
    ['09:00', '09:30', '17:15']
    >>> has_tokens("Status: In Progress.", "in_progress"), has_tokens("nonetheless", "none")
    (True, False)
"""

from __future__ import annotations

import re
import unicodedata

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i >= 2
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_SUFFIX = {
    "k": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "mn": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2})?z?)?\b"), "ymd"),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "mdy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(\d{4})\b"), "dMy"),
    (re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), "Mdy"),
)
_TIME_RE = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?(?::\d{2})?z?\s*(a\.?m\.?|p\.?m\.?)?(?!\w)(?!:\d)")
_ID_LIKE = re.compile(
    r"\b(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[_-][a-z0-9]+)+\b|\b[a-z]+\d[a-z0-9]*\b|"
    r"\b\d+[a-z]{3,}\w*\b"
)
_NUMBER_RE = re.compile(
    r"(?<![\w.])-?\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:%|k|mm|mn|m|bn|b)\b)?"
    r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b)?"
)
_WORD_RUN = re.compile(r"\b(?:(?:" + "|".join([*_UNITS, *_TENS, *_SCALES, "a", "and"]) + r")(?:[\s-]+|\b))+")


def fold(text: str) -> str:
    """Lower-cased, accents removed, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.lower()


def tokens(text: str) -> list[str]:
    """Words of ``text`` (letters and digits; ``_``, ``-`` and punctuation separate words)."""
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)?", fold(text).replace("_", " "))


def has_tokens(text: str, value: str) -> bool:
    """Whether ``value``'s words occur in ``text`` as a whole-word run (case, accents, ``_``/``-``
    ignored)."""
    want = tokens(value)
    if not want:
        return False
    have = tokens(text)
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))


def _words_value(run: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", run.strip()) if w and w != "and"]
    if not words or words == ["a"]:
        return None
    total, current, seen = 0, 0, False
    for i, w in enumerate(words):
        if w == "a":
            if i + 1 < len(words) and words[i + 1] in _SCALES:
                current, seen = current or 1, True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
    return float(total + current) if seen else None


def mask_non_numbers(text: str) -> str:
    """``text`` with dates, clock times and id-like tokens (``ct_b289``, ``INV-1026``, ``B6190``) blanked, so
    their digits are not read as quantities."""
    text = fold(text)
    for pattern, _ in _DATE_PATTERNS:
        text = pattern.sub(" ", text)
    text = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?", " ", text)
    text = re.sub(r"\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)", " ", text)
    return _ID_LIKE.sub(" ", text)


def numbers_in(text: str) -> list[float]:
    """Every quantity stated in ``text``: digits (``1,234.50``, ``-3``), magnitudes (``63 million``, ``63M``,
    ``2.5k``) and number words (``five``, ``twenty-one``, ``a hundred``), in order of appearance."""
    text = mask_non_numbers(text).replace("$", " ").replace("€", " ").replace("£", " ")
    found: list[tuple[int, float]] = []
    for m in _NUMBER_RE.finditer(text):
        raw = m.group(0)
        num = re.match(r"-?\d+(?:,\d{3})*(?:\.\d+)?", raw)
        value = float(num.group(0).replace(",", ""))
        rest = raw[num.end() :].strip().split()
        for part in rest:
            value *= _SUFFIX.get(part, _SCALES.get(part, 1))
        found.append((m.start(), value))
    for m in _WORD_RUN.finditer(text):
        value = _words_value(m.group(0))
        if value is not None:
            found.append((m.start(), value))
    return [v for _, v in sorted(found)]


def number_of(value: str) -> float | None:
    """The one quantity ``value`` states, or ``None``."""
    found = numbers_in(value)
    return found[0] if len(found) == 1 else None


def same_number(a: float, b: float, money: bool = False) -> bool:
    """Equal as quantities (to the cent for decimals and money)."""
    return abs(a - b) < (0.005 if money or a != int(a) or b != int(b) else 1e-9)


def dates_in(text: str) -> list[str]:
    """Every calendar date stated in ``text`` as ISO ``YYYY-MM-DD`` (ISO, ``2026/03/04``, US ``03/04/2026``,
    ``4 March 2026``, ``March 4th, 2026``), in order of appearance."""
    text = fold(text)
    found: list[tuple[int, str]] = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "ymd":
                y, mo, d = int(a), int(b), int(c)
            elif order == "mdy":
                mo, d, y = int(a), int(b), int(c)
            elif order == "dMy":
                d, mo, y = int(a), _MONTHS[b.rstrip(".")[:4] if b.startswith("sept") else b[:3]], int(c)
            else:
                mo, d, y = _MONTHS[a.rstrip(".")[:4] if a.startswith("sept") else a[:3]], int(b), int(c)
            if 1 <= mo <= 12 and 1 <= d <= 31:
                found.append((m.start(), f"{y:04d}-{mo:02d}-{d:02d}"))
    return [v for _, v in sorted(found)]


def times_in(text: str) -> list[str]:
    """Every clock time stated in ``text`` as ``HH:MM`` (``09:00``, ``9:00``, ``9 am``, ``5:15 PM``,
    ``17h30``); a bare number counts only with am/pm."""
    text = fold(text)
    text = re.sub(r"\b\d{4}-\d{1,2}-\d{1,2}(?:t|\b)", " ", text)
    for pattern, _ in _DATE_PATTERNS[1:]:
        text = pattern.sub(" ", text)
    out: list[str] = []
    for m in _TIME_RE.finditer(text):
        hour, minute, half = m.group(1), m.group(2), m.group(3)
        if minute is None and half is None:
            continue
        h, mi = int(hour), int(minute or 0)
        if half:
            if not 1 <= h <= 12:
                continue
            h = h % 12 + (12 if half.startswith("p") else 0)
        if 0 <= h <= 23 and 0 <= mi <= 59:
            out.append(f"{h:02d}:{mi:02d}")
    return out
