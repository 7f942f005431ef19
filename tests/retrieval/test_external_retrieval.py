"""Joining an external server re-encodes only its tools for embedding retrieval (a fake encoder: no model)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from toolgym_env.retrieval import embedding
from toolgym_env.universe import Universe

pytestmark = pytest.mark.skipif(
    not embedding.embed_available(), reason="embed extra not installed (pip install 'toolgym-env[embed]')"
)


def fake_encode(texts: list[str]) -> np.ndarray:
    """Deterministic unit vectors from a hash of each text."""
    rows = []
    for text in texts:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
        v = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
        rows.append(v / np.linalg.norm(v))
    return np.stack(rows) if rows else np.zeros((0, 384), dtype=np.float32)


def test_joining_a_server_encodes_only_its_tools(tmp_path, monkeypatch):
    from toolgym_env.retrieval.index import EmbeddingIndex

    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path))
    encoded: list[str] = []

    def counting(texts):
        encoded.extend(texts)
        return fake_encode(texts)

    monkeypatch.setattr(embedding, "encode", counting)
    records = Universe.core().catalog.records()
    base = EmbeddingIndex(records)
    assert base.encoded == len(records) == len(encoded)
    external = [
        {
            "name": f"srv__tool_{i}",
            "description": f"External tool number {i}.",
            "inputSchema": {"type": "object"},
        }
        for i in range(7)
    ]
    joined = EmbeddingIndex(records + external)
    assert joined.encoded == 7 and len(encoded) == len(records) + 7  # the built-in texts came from the bank
    assert np.array_equal(joined.vectors[: len(records)], base.vectors)
    again = EmbeddingIndex(records + external)
    assert again.cache_hit and again.encoded == 0
