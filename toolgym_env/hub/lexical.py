"""BM25 ranking of tools by a free-text query (the retrieval behind ``search_tools`` without embeddings)."""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from typing import Any

from toolgym_env.apps.spec import ToolSpec

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of to for and or in on by with from my me i is are be it this that at as all".split()
)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, identifiers split on ``_``/camelCase, a light plural strip, stop words out."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text).lower().replace("_", " ")
    out = []
    for tok in _TOKEN.findall(text):
        if tok in _STOP:
            continue
        if len(tok) > 4 and tok.endswith("ies"):
            tok = tok[:-3] + "y"
        elif len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        out.append(tok)
    return out


def as_record(tool: ToolSpec | dict[str, Any]) -> dict[str, Any]:
    """A catalog record for a tool given as a spec or already as a record."""
    return tool if isinstance(tool, dict) else tool.mcp_record()


def tool_text(record: dict[str, Any], app_title: str = "") -> str:
    """The text a tool is indexed by: app | name | description | parameter names and descriptions."""
    app, local = record["name"].split("__", 1)
    props = record.get("inputSchema", {}).get("properties", {})
    params = " ".join(f"{n} {p.get('description', '')}" for n, p in props.items())
    return f"{app_title or app} | {local} | {record.get('description', '')} | {params}"


class BM25Index:
    """An inverted index with Okapi BM25 scoring (k1=1.2, b=0.75); the tool name and app count twice.

    Example:
        >>> from toolgym_env.universe import Universe
        >>> index = BM25Index(list(Universe.core().catalog))
        >>> index.search("send an email", 1)[0][0]
        'mail__send_email'
    """

    def __init__(
        self,
        tools: list[ToolSpec] | list[dict[str, Any]],
        titles: dict[str, str] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        records = [as_record(t) for t in tools]
        self.names = [r["name"] for r in records]
        self.k1, self.b = k1, b
        postings: dict[str, tuple[array, array]] = {}
        self.lengths: list[int] = []
        for i, record in enumerate(records):
            app, local = record["name"].split("__", 1)
            title = (titles or {}).get(app) or record.get("_meta", {}).get("toolgym/app_title", app)
            toks = tokenize(tool_text(record, title)) + tokenize(f"{app} {local}")
            self.lengths.append(len(toks))
            for tok, tf in Counter(toks).items():
                docs, tfs = postings.get(tok) or postings.setdefault(tok, (array("i"), array("i")))
                docs.append(i)
                tfs.append(tf)
        #: token → (documents, term frequencies): two packed int arrays (a list of tuples held ~8 MB more).
        self.postings = postings
        n = max(len(tools), 1)
        self.avg_len = sum(self.lengths) / n if self.lengths else 1.0
        self.idf = {t: math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5)) for t, (d, _) in postings.items()}
        self._norms = [self.k1 * (1 - self.b + self.b * length / self.avg_len) for length in self.lengths]

    def search(self, query: str, top_k: int = 5) -> list[tuple[str, float]]:
        """The ``top_k`` best tools as ``(qualified name, score)``, best first; ties broken by name."""
        scores: dict[int, float] = defaultdict(float)
        norms = self._norms
        for tok in sorted(set(tokenize(query))):  # one order of the float sum in every process
            idf = self.idf.get(tok)
            if idf is None:
                continue
            docs, tfs = self.postings[tok]
            for doc, tf in zip(docs, tfs, strict=True):
                scores[doc] += idf * tf * (self.k1 + 1) / (tf + norms[doc])
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.names[kv[0]]))
        return [(self.names[i], round(s, 4)) for i, s in ranked[:top_k]]
