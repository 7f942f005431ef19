"""Surface variety of a suite's requests: sentence skeletons with the values masked, n-gram diversity, and how
often the same closing sentence recurs.

A *skeleton* is a sentence with its quoted values, numbers, dates, e-mail addresses and capitalised names
replaced by placeholders, so two requests that differ only in their values share a skeleton.

Example:
    >>> skeleton("Refund the order “A-12” for Ana Diaz by 3 March.")
    'refund the order <q> for <name> by <n> <month>.'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_DATE = re.compile(r"\b\d{4}-\d\d-\d\d(T[\d:.]+Z?)?\b")
_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_NUMBER = re.compile(r"[$€£]?\b\d[\d,]*(\.\d+)?%?")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]*( [A-Z][\w'’-]*)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_WORD = re.compile(r"[\w<>'’-]+")


def skeleton(sentence: str) -> str:
    """The sentence with its values masked (quoted text, e-mails, dates, months, numbers, names)."""
    s = _QUOTED.sub("<q>", sentence)
    s = _EMAIL.sub("<email>", s)
    s = _DATE.sub("<date>", s)
    s = _MONTH.sub("<month>", s)
    s = _NUMBER.sub("<n>", s)
    s = _NAME.sub("<name>", s)
    return s.lower().strip()


def sentences(text: str) -> list[str]:
    """The sentences of a request; a quoted value is never split, whatever full stops it holds.

    >>> sentences('Post “1. Talk early” and “2. Ship”. Thanks! “Done.” is the reply.')
    ['Post “1. Talk early” and “2. Ship”.', 'Thanks!', '“Done.” is the reply.']
    """
    quoted: list[str] = []

    def hide(m: re.Match[str]) -> str:
        quoted.append(m.group(0))
        return f"“\x00{len(quoted) - 1}\x00”"  # still opens with a quote mark, as a sentence may

    def show(part: str) -> str:
        return re.sub(r"“\x00(\d+)\x00”", lambda m: quoted[int(m.group(1))], part)

    return [show(s).strip() for s in _SENTENCE.split(_QUOTED.sub(hide, text)) if s.strip()]


def ngram_ratio(texts: Sequence[str], n: int = 4) -> float:
    """Distinct word n-grams over all n-grams of the texts (1.0: no n-gram repeats)."""
    grams: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        words = _WORD.findall(text.lower())
        grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    total = sum(grams.values())
    return round(len(grams) / total, 4) if total else 0.0


def language_stats(texts: Sequence[str]) -> dict[str, Any]:
    """Distinct skeletons (per sentence and per whole request), 4-gram diversity of the raw and the masked
    text, and the share of requests ended by the eight most common closing sentences."""
    split = [sentences(t) for t in texts]
    skeletons = [[skeleton(s) for s in ss] for ss in split]
    per_sentence = Counter(s for ss in skeletons for s in ss)
    closings = Counter(ss[-1] for ss in skeletons if ss)
    top8 = sum(c for _, c in closings.most_common(8))
    return {
        "sentences": sum(per_sentence.values()),
        "distinct_sentence_skeletons": len(per_sentence),
        "distinct_request_skeletons": len({" ".join(ss) for ss in skeletons}),
        "distinct_4gram_ratio": ngram_ratio(texts),
        "distinct_4gram_ratio_masked": ngram_ratio([" ".join(ss) for ss in skeletons]),
        "top8_closing_share": round(top8 / len(texts), 4) if texts else 0.0,
    }


def shared_skeletons(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of ``b``'s sentence skeletons that also occur in ``a`` (train vs test phrasing overlap)."""
    sa = {skeleton(s) for t in a for s in sentences(t)}
    sb = [skeleton(s) for t in b for s in sentences(t)]
    return round(sum(s in sa for s in sb) / len(sb), 4) if sb else 0.0
