"""The fast query path (a traced MiniLM graph, bfloat16 where the CPU has it) against the batch encoder."""

from __future__ import annotations

import numpy as np
import pytest

from toolgym_env.retrieval import embedding, query_model

needs_embed = pytest.mark.skipif(not embedding.embed_available(), reason="needs the embed extra")

QUERIES = [
    "send an email to the team about the launch",
    "update a customer's billing address",
    "list the open incidents and acknowledge the oldest",
    "how many units of the blue chair are in stock",
    "x",
]


def test_native_bf16_reads_the_cpu_flags(tmp_path):
    with_bf16 = tmp_path / "a"
    with_bf16.write_text("processor : 0\nflags : fpu sse avx2 avx512f avx512_bf16 avx512_vnni\n")
    without = tmp_path / "b"
    without.write_text("processor : 0\nflags : fpu sse avx2 avx512f\n")
    assert query_model.native_bf16(str(with_bf16))
    assert not query_model.native_bf16(str(without))
    assert not query_model.native_bf16(str(tmp_path / "missing"))


def test_query_dtype_can_be_pinned_and_a_bad_value_is_named(monkeypatch):
    monkeypatch.setenv("TOOLGYM_QUERY_DTYPE", "Float32")
    assert query_model.query_dtype() == "float32"
    monkeypatch.setenv("TOOLGYM_QUERY_DTYPE", "int4")
    with pytest.raises(ValueError, match="TOOLGYM_QUERY_DTYPE='int4'"):
        query_model.query_dtype()
    monkeypatch.delenv("TOOLGYM_QUERY_DTYPE")
    assert query_model.query_dtype() == ("bfloat16" if query_model.native_bf16() else "float32")


@needs_embed
@pytest.mark.parametrize("dtype", query_model.DTYPES)
def test_one_query_matches_the_batch_encoder(dtype, monkeypatch):
    monkeypatch.setenv("TOOLGYM_QUERY_DTYPE", dtype)
    exact = embedding.encode(QUERIES)
    fast = np.stack([query_model.encode_one(q) for q in QUERIES])
    assert fast.dtype == np.float32 and fast.shape == exact.shape
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    cosine = (fast * exact).sum(axis=1)
    assert cosine.min() > (0.99999 if dtype == "float32" else 0.999)
    again = np.stack([query_model.encode_one(q) for q in QUERIES])
    assert np.array_equal(fast, again)  # the same vector every time


@needs_embed
def test_the_query_cache_goes_through_the_fast_path(monkeypatch):
    seen: list[str] = []
    real = query_model.encode_one
    monkeypatch.setattr(embedding, "encode_one", lambda text: seen.append(text) or real(text))
    encoder = embedding.QueryEncoder(size=2)
    first = encoder("send an email")
    assert encoder("send an email") is first and seen == ["send an email"]
    assert not first.flags.writeable
