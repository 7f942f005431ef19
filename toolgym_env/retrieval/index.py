"""Tool indexes behind ``search_tools``: exact embedding search (FAISS), a BM25 + embedding hybrid, and
:func:`make_index`, which picks one.

Every index has the interface of :class:`~toolgym_env.hub.lexical.BM25Index`: ``search(query, top_k)`` returns
``[(qualified name, score), ...]`` best first, scores rounded to 4 decimals and ties broken by name, so an
observation built from it is the same in every run.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from typing import Any, Literal, Protocol

from toolgym_env.apps.spec import ToolSpec
from toolgym_env.errors import InvalidArgumentError
from toolgym_env.hub.lexical import BM25Index, as_record
from toolgym_env.retrieval import embedding as _embedding
from toolgym_env.retrieval.cache import cached_embeddings

Kind = Literal["auto", "lexical", "embedding", "hybrid"]
KINDS = ("lexical", "embedding", "hybrid")
# Chosen with `scripts/retrieval_eval.py --tune 300` on train tasks (best MRR and recall@5), then measured on
# the test suite: hybrid > lexical > embedding there.
AUTO_KIND = "hybrid"  # the best measured kind (BM25 when the embed extra is missing)
HYBRID_METHOD = "sum"
HYBRID_WEIGHT = 0.6  # share of BM25 in the fusion
RRF_K = 10  # for method="rrf"
HYBRID_DEPTH = 50  # how deep each ranking is read before fusing
APP_BOOST = (
    1.0  # added to the cosine of tools of apps the query names: 1.0 puts them first in the embedding ranking
)


class ToolIndex(Protocol):
    """What ``search_tools`` needs from an index."""

    names: list[str]

    def search(self, query: str, top_k: int = 5) -> list[tuple[str, float]]:
        """The ``top_k`` best tools as ``(qualified name, score)``, best first; ties broken by name."""
        ...


def app_titles(records: Iterable[dict[str, Any]], titles: dict[str, str] | None = None) -> dict[str, str]:
    """``{app: title}`` as :class:`BM25Index` sees it: ``titles``, else the record's ``_meta``, else the app
    name."""
    out: dict[str, str] = {}
    for record in records:
        app = record["name"].split("__", 1)[0]
        if app not in out:
            out[app] = (titles or {}).get(app) or record.get("_meta", {}).get("toolgym/app_title", app)
    return out


def _words(identifier: str) -> str:
    return re.sub(r"([a-z])([A-Z])", r"\1 \2", identifier).replace("_", " ").replace("-", " ").lower()


def embedding_texts(records: list[dict[str, Any]], titles: dict[str, str] | None = None) -> list[str]:
    """What the embedding model reads for each tool: ``"<App title>: <name as words>. <description>"``.
    Shorter than the lexical text (no parameter descriptions): on the test suite's (clause, tool) pairs it
    lifts MiniLM's recall@5 from 0.40 (the lexical text) to 0.53 with :func:`clean_query`."""
    by_app = app_titles(records, titles)
    return [
        f"{by_app[r['name'].split('__', 1)[0]]}: {_words(r['name'].split('__', 1)[1])}. "
        f"{r.get('description', '')}".strip()
        for r in records
    ]


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_NUMBER = re.compile(r"\d[\d.,:\-]*")


def clean_query(query: str) -> str:
    """The query as the embedding model should see it: quoted values (record names) and numbers removed — they
    say which record, not which tool. Falls back to the raw query when nothing else is left."""
    cleaned = re.sub(r"\s+", " ", _NUMBER.sub(" ", _QUOTED.sub(" ", query))).strip()
    return cleaned or query


class AppMentions:
    """Finds the apps a query names by title (whole words, any case): ``"in ClosrHQ, list ..."`` →
    ``{"closrhq"}``.

    Example:
        >>> AppMentions({"closrhq": "ClosrHQ", "mail": "Mail"})("In ClosrHQ, email the leads")
        {'closrhq'}
    """

    def __init__(self, titles: dict[str, str]) -> None:
        self.by_title: dict[str, list[str]] = {}
        for app, title in titles.items():
            if title.strip():
                self.by_title.setdefault(title.strip().lower(), []).append(app)
        alternatives = "|".join(re.escape(t) for t in sorted(self.by_title, key=lambda t: (-len(t), t)))
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if alternatives else None
        )

    def __call__(self, query: str) -> set[str]:
        """The apps named in ``query``."""
        if self.pattern is None:
            return set()
        return {app for m in self.pattern.finditer(query) for app in self.by_title[m.group(0).lower()]}


def _ranked(scores: dict[str, float], top_k: int) -> list[tuple[str, float]]:
    """``scores`` rounded to 4 decimals, best first, ties broken by name."""
    rounded = sorted(((n, round(s, 4)) for n, s in scores.items()), key=lambda kv: (-kv[1], kv[0]))
    return rounded[:top_k]


def fuse(
    lexical: Sequence[tuple[str, float]],
    embedding: Sequence[tuple[str, float]],
    method: str = "rrf",
    weight: float = HYBRID_WEIGHT,
    rrf_k: int = RRF_K,
) -> dict[str, float]:
    """Fused (unrounded) scores of two rankings, each ``[(name, score), ...]`` best first.

    ``"rrf"``: ``weight·(k+1)/(k+rank_lex) + (1−weight)·(k+1)/(k+rank_emb)``; ``"sum"``: ``weight·bm25/max
    bm25
    + (1−weight)·cosine``. A tool missing from one ranking gets nothing from it; a tool first in both scores
    1.

    Example:
        >>> fuse([("a", 9.0), ("b", 3.0)], [("a", 0.8)], "rrf", 0.5, 60)
        {'a': 1.0, 'b': 0.49193548387096775}
    """
    scores: dict[str, float] = {}
    if method == "rrf":
        for share, ranking in ((weight, lexical), (1.0 - weight, embedding)):
            for rank, (name, _) in enumerate(ranking, start=1):
                scores[name] = scores.get(name, 0.0) + share * (rrf_k + 1) / (rrf_k + rank)
        return scores
    top = lexical[0][1] if lexical and lexical[0][1] > 0 else 1.0
    for name, s in lexical:
        scores[name] = scores.get(name, 0.0) + weight * s / top
    for name, s in embedding:
        scores[name] = scores.get(name, 0.0) + (1.0 - weight) * max(s, 0.0)
    return scores


class EmbeddingIndex:
    """Exact cosine search over MiniLM embeddings of the tools' texts (a FAISS ``IndexFlatIP``).

    Tool vectors come from the on-disk cache (:mod:`toolgym_env.retrieval.cache`) or are encoded once and
    stored, per text: a catalog with a few new tools (an external server's) encodes only those; the model
    itself is loaded only when the first query is encoded.

    Example:
        >>> from toolgym_env.universe import Universe            # doctest: +SKIP
        >>> index = EmbeddingIndex(Universe.core().catalog.records())  # doctest: +SKIP
        >>> index.search("send an email", 1)[0][0]                # doctest: +SKIP
        'mail__send_email'
    """

    def __init__(
        self,
        tools: Sequence[ToolSpec] | Sequence[dict[str, Any]],
        titles: dict[str, str] | None = None,
        *,
        use_cache: bool = True,
    ) -> None:
        _embedding.require_embed()
        import faiss

        records = [as_record(t) for t in tools]
        self.names = [r["name"] for r in records]
        self.texts = embedding_texts(records, titles)
        stats: dict[str, int] = {}
        self.vectors, self.cache_hit = cached_embeddings(
            self.names, self.texts, _embedding.MODEL_NAME, _embedding.encode, use_cache=use_cache, stats=stats
        )
        #: How many tool texts this index had to encode (the others came from the cache).
        self.encoded = stats.get("encoded", len(self.texts))
        dim = self.vectors.shape[1] if self.vectors.size else 384
        self.index = faiss.IndexFlatIP(dim)
        self._rows_by_app: dict[str, list[int]] | None = None
        if len(self.names):
            self.index.add(self.vectors)

    def __len__(self) -> int:
        return len(self.names)

    def similarities(
        self,
        query: str,
        depth: int,
        prefer: Iterable[str] = (),
        boost: float = 0.0,
    ) -> list[tuple[str, float]]:
        """The ``depth`` nearest tools with their raw cosine similarity, nearest first; every tool of an app
        in ``prefer`` is scored (whatever its rank) with ``boost`` added."""
        if depth <= 0 or not query.strip() or not self.names:
            return []
        depth = min(depth, len(self.names))
        qvec = _embedding.encode_query(clean_query(query))
        sims, ids = self.index.search(qvec[None, :], depth)
        found = [(self.names[i], float(s)) for s, i in zip(sims[0], ids[0]) if i >= 0]
        rows = [r for app in prefer for r in self._app_rows().get(app, ())] if boost else []
        if not rows:
            return found
        scores = dict(found)
        for r, s in zip(rows, self.vectors[rows] @ qvec):
            scores[self.names[r]] = float(s) + boost
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:depth]

    def _app_rows(self) -> dict[str, list[int]]:
        if self._rows_by_app is None:
            self._rows_by_app = {}
            for i, name in enumerate(self.names):
                self._rows_by_app.setdefault(name.split("__", 1)[0], []).append(i)
        return self._rows_by_app

    def search(self, query: str, top_k: int = 5) -> list[tuple[str, float]]:
        """The ``top_k`` most similar tools as ``(qualified name, cosine)``, best first; ties broken by
        name."""
        if top_k <= 0:
            return []
        n, fetch = len(self.names), top_k + 8
        while True:
            ranked = _ranked(dict(self.similarities(query, fetch)), fetch)
            # Exact under rounding: stop once nothing left unread can tie with the last score kept.
            if fetch >= n or len(ranked) <= top_k or ranked[-1][1] < ranked[top_k - 1][1]:
                return ranked[:top_k]
            fetch *= 2


class HybridIndex:
    """BM25 and embedding rankings fused by a weighted sum of normalized scores (``method="sum"``, the
    default: ``weight·bm25/max bm25 + (1−weight)·cosine``, plus ``(1−weight)·app_boost`` for a named app) or
    by reciprocal rank (``method="rrf"``: a tool ranked first by both scores 1.0).

    The apps a query names by title (:class:`AppMentions`) get ``app_boost`` added to their tools' cosine in
    the embedding ranking: BM25 already finds the named app (the app title is in its text), the embedding
    then orders that app's tools by meaning instead of listing look-alike tools of sibling products.

    Example (the query names the Travel app, whose tools come first):
        >>> from toolgym_env.universe import Universe                      # doctest: +SKIP
        >>> hybrid = HybridIndex(Universe.core().catalog.records())        # doctest: +SKIP
        >>> [name for name, _ in hybrid.search("book a flight in Travel", 2)]  # doctest: +SKIP
        ['travel__book_flight', 'travel__get_flight']
    """

    def __init__(
        self,
        tools: Sequence[ToolSpec] | Sequence[dict[str, Any]],
        titles: dict[str, str] | None = None,
        *,
        lexical: BM25Index | None = None,
        embedding: EmbeddingIndex | None = None,
        method: Literal["rrf", "sum"] = HYBRID_METHOD,
        weight: float = HYBRID_WEIGHT,
        rrf_k: int = RRF_K,
        depth: int = HYBRID_DEPTH,
        app_boost: float = APP_BOOST,
        use_cache: bool = True,
    ) -> None:
        if method not in ("rrf", "sum"):
            raise InvalidArgumentError(f"unknown fusion method {method!r}; use 'rrf' or 'sum'")
        if not 0.0 <= weight <= 1.0:
            raise InvalidArgumentError("weight must be within [0, 1]")
        records = [as_record(t) for t in tools]
        self.lexical = lexical or BM25Index(records, titles)
        self.embedding = embedding or EmbeddingIndex(records, titles, use_cache=use_cache)
        self.names = self.embedding.names
        self.mentions = AppMentions(app_titles(records, titles))
        self.method, self.weight, self.rrf_k, self.depth, self.app_boost = (
            method,
            weight,
            rrf_k,
            depth,
            app_boost,
        )

    def __len__(self) -> int:
        return len(self.names)

    def search(self, query: str, top_k: int = 5) -> list[tuple[str, float]]:
        """The ``top_k`` best tools by the fused score, best first; ties broken by name."""
        if top_k <= 0:
            return []
        depth = max(self.depth, top_k)
        lex = self.lexical.search(query, depth)
        prefer = self.mentions(query) if self.app_boost else set()
        emb = self.embedding.similarities(query, depth, sorted(prefer), self.app_boost)
        return _ranked(fuse(lex, emb, self.method, self.weight, self.rrf_k), top_k)


def make_index(
    tools: Sequence[ToolSpec] | Sequence[dict[str, Any]],
    kind: Kind = "auto",
    titles: dict[str, str] | None = None,
    **kwargs: Any,
) -> ToolIndex:
    """A tool index of ``kind``: ``"lexical"`` (BM25), ``"embedding"``, ``"hybrid"``, or ``"auto"``.

    ``"auto"`` is :data:`AUTO_KIND` when the ``embed`` extra is installed and BM25 otherwise (with a warning
    naming what is missing, never an error). Asking for ``"embedding"``/``"hybrid"`` explicitly without the
    extra raises ``ImportError``. ``kwargs`` go to the index class (``use_cache``, fusion settings).

    Example:
        >>> from toolgym_env.universe import Universe
        >>> index = make_index(Universe.core().catalog.records(), kind="lexical")
        >>> index.search("send an email", 1)[0][0]
        'mail__send_email'
    """
    if kind not in ("auto", *KINDS):
        raise InvalidArgumentError(f"unknown index kind {kind!r}; use one of auto, {', '.join(KINDS)}")
    if kind == "auto":
        if not _embedding.embed_available():
            warnings.warn(
                f"embedding retrieval unavailable (missing {', '.join(_embedding.missing_packages())}); "
                f"search_tools falls back to BM25. Install it with: {_embedding.INSTALL_HINT}",
                RuntimeWarning,
                stacklevel=2,
            )
            return BM25Index(list(tools), titles)
        try:
            return make_index(tools, AUTO_KIND, titles, **kwargs)
        except ImportError as exc:  # installed but broken (e.g. a torch that does not load)
            warnings.warn(
                f"embedding retrieval failed to load ({exc}); search_tools falls back to BM25",
                RuntimeWarning,
                stacklevel=2,
            )
            return BM25Index(list(tools), titles)
    if kind == "lexical":
        return BM25Index(list(tools), titles)
    if kind == "embedding":
        return EmbeddingIndex(tools, titles, **kwargs)
    return HybridIndex(tools, titles, **kwargs)
