"""Tool retrieval for ``search_tools``: BM25, MiniLM embeddings (exact FAISS search, cached on disk) and a
hybrid.

The embedding kinds need the ``embed`` extra (``pip install 'toolgym-env[embed]'``); without it
:func:`make_index` with ``kind="auto"`` falls back to BM25. Nothing heavy is imported until an embedding index
is built or queried.

Example:
    >>> from toolgym_env.retrieval import make_index
    >>> from toolgym_env.universe import Universe
    >>> make_index(Universe.core().catalog.records(), kind="lexical").search("send an email", 1)[0][0]
    'mail__send_email'
"""

from toolgym_env.hub.lexical import BM25Index
from toolgym_env.retrieval.embedding import MODEL_NAME, embed_available, missing_packages
from toolgym_env.retrieval.index import AUTO_KIND, KINDS, EmbeddingIndex, HybridIndex, ToolIndex, make_index

__all__ = [
    "AUTO_KIND",
    "KINDS",
    "MODEL_NAME",
    "BM25Index",
    "EmbeddingIndex",
    "HybridIndex",
    "ToolIndex",
    "embed_available",
    "make_index",
    "missing_packages",
]
