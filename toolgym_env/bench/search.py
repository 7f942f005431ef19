"""``search_tools`` figures: BM25 and MiniLM query latency, FAISS search alone, cold and warm index builds."""

from __future__ import annotations

import time
from typing import Any

from toolgym_env.bench.timing import summary, time_calls, time_steps


def _queries(n: int) -> list[str]:
    """``n`` distinct requests (each new to the query cache): the instruction clauses the retrieval evaluation
    scores, from the checklist-test suite (whose clauses give the queries)."""
    from toolgym_env.evaluation.retrieval import suite_pairs
    from toolgym_env.tasks import load_suite

    pairs, _ = suite_pairs(load_suite("checklist-test"))
    return list(dict.fromkeys(p.query for p in pairs))[:n]


def lexical_figures(n: int) -> dict[str, Any]:
    """BM25 (the default index): a gym-level ``search_tools`` step and the index query alone, in ms."""
    import gymnasium as gym

    import toolgym_env  # noqa: F401

    env = gym.make("ToolGym-v0", max_steps=10**7)
    env.reset(seed=0)
    action = {
        "name": "search_tools",
        "arguments": {"query": "update a customer's billing address", "top_k": 5},
    }
    time_steps(env, action, 20)
    out = summary(
        "step_search_tools_lexical_ms", [t / 1e3 for t in time_steps(env, action, max(200, n // 10))], 3
    )
    index = env.unwrapped.index
    queries = _queries(300)
    samples = [time_calls(lambda q=q: index.search(q, 5), 1, 1e-6)[0] for q in queries]
    out.update(summary("search_lexical_ms", samples, 3))
    env.close()
    return out


def _one_thread(index: Any, queries: list[str]) -> dict[str, Any]:
    """The same queries with torch on one thread (``search_1thread_ms``): on a small machine the default
    intra-op threads of a one-query forward pass contend with each other and with everything else."""
    import torch

    from toolgym_env.retrieval import embedding as emb

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        emb.clear_query_cache()
        samples = [time_calls(lambda q=q: index.search(q, 5), 1, 1e-6)[0] for q in queries]
    finally:
        torch.set_num_threads(threads)
        emb.clear_query_cache()
    return {**summary("search_1thread_ms", samples, 3), "torch_threads": threads}


def query_quality(index: Any, queries: list[str], k: int = 5) -> dict[str, Any]:
    """How far the fast query path (:mod:`~toolgym_env.retrieval.query_model`: a traced graph, bfloat16 where
    the CPU has it) is from ``SentenceTransformer.encode`` in float32: the lowest cosine between the two
    vectors of a query, the share of the float32 ``k`` nearest tools the fast vector also finds (near-ties may
    swap places across the cut), and the share of queries whose ``k`` nearest tools are the same, in order."""
    import numpy as np

    from toolgym_env.retrieval import embedding as emb
    from toolgym_env.retrieval import query_model
    from toolgym_env.retrieval.index import clean_query

    texts = [clean_query(q) for q in queries]
    fast = np.stack([query_model.encode_one(t) for t in texts])
    exact = emb.encode(texts)
    got, want = index.index.search(fast, k)[1], index.index.search(exact, k)[1]
    found = [len(set(a) & set(b)) / k for a, b in zip(got, want, strict=True)]
    return {
        "search_query_dtype": query_model.query_dtype(),
        "search_cosine_vs_fp32_min": round(float((fast * exact).sum(axis=1).min()), 6),
        f"search_top{k}_overlap_fp32": round(sum(found) / len(found), 4),
        f"search_top{k}_same_as_fp32": round(float((got == want).all(axis=1).mean()), 3),
    }


def embedding_figures() -> dict[str, Any]:
    """MiniLM + FAISS over the full catalog: a query end to end (encoding included, nothing cached), the FAISS
    search alone, the cold build (encode every tool) and the warm load (vectors from the disk cache)."""
    from toolgym_env.retrieval import embedding as emb
    from toolgym_env.retrieval.index import EmbeddingIndex, clean_query
    from toolgym_env.universe import Universe

    records = Universe.full().catalog.records()
    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    emb.load_model()
    out["embed_model_load_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    EmbeddingIndex(records, use_cache=False)
    out["index_cold_build_s"] = round(time.perf_counter() - t0, 2)
    EmbeddingIndex(records)  # make sure the cache holds these vectors
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        index = EmbeddingIndex(records)
        warm.append(time.perf_counter() - t0)
    out["index_warm_load_s"] = round(sorted(warm)[len(warm) // 2], 3)
    queries = _queries(300)
    index.search("warm up the model", 5)
    emb.clear_query_cache()
    out.update(
        summary("search_ms", [time_calls(lambda q=q: index.search(q, 5), 1, 1e-6)[0] for q in queries], 3)
    )
    out.update(_one_thread(index, queries))
    out.update(query_quality(index, queries))
    vectors = [emb.encode([clean_query(q)])[0][None, :] for q in queries]
    out.update(
        summary(
            "index_search_ms",
            [time_calls(lambda v=v: index.index.search(v, 10), 1, 1e-6)[0] for v in vectors],
            4,
        )
    )
    out["index_tools"] = len(index)
    return out
