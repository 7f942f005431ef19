"""Retrieval quality of the tool indexes (BM25, MiniLM embeddings, hybrid) on a task suite.

Derives ``(sub-instruction, gold tool)`` pairs from the suite (see ``toolgym_env.evaluation.retrieval``),
builds each index over the full catalog (7,183 tools), and prints build times, a Markdown table of recall@1,
recall@5, MRR and query latency per kind, and a final JSON line.

    python scripts/retrieval_eval.py                  # checklist-test suite, all kinds
    python scripts/retrieval_eval.py --cold           # also the cold embedding build (fresh cache folder)
    python scripts/retrieval_eval.py --tune 300       # tune the hybrid fusion on the first 300 train tasks
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time

from toolgym_env.evaluation.retrieval import (
    DEPTH,
    by_query,
    evaluate,
    format_table,
    score_rankings,
    suite_pairs,
)
from toolgym_env.hub.lexical import BM25Index
from toolgym_env.retrieval import embedding
from toolgym_env.retrieval.index import (
    APP_BOOST,
    AUTO_KIND,
    HYBRID_METHOD,
    HYBRID_WEIGHT,
    RRF_K,
    AppMentions,
    EmbeddingIndex,
    HybridIndex,
    _ranked,
    app_titles,
    fuse,
)
from toolgym_env.tasks import load_suite
from toolgym_env.universe import Universe


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tune(lexical: BM25Index, emb: EmbeddingIndex, records: list[dict], n_tasks: int) -> list[dict]:
    """Score fusion settings on the first ``n_tasks`` train tasks (rankings computed once per query)."""
    pairs, _ = suite_pairs(load_suite("checklist-train")[:n_tasks])
    mentions = AppMentions(app_titles(records))
    runs = {}
    for q in by_query(pairs):
        prefer = sorted(mentions(q))
        runs[q] = (
            lexical.search(q, DEPTH),
            emb.similarities(q, DEPTH),
            emb.similarities(q, DEPTH, prefer, 1.0),
            emb.similarities(q, DEPTH, prefer, 0.2),
        )
    rows = []
    configs = [("lexical", None, None, 0.0), ("embedding", None, None, 0.0)]
    configs += [("rrf", w, k, b) for b in (0.0, 0.2, 1.0) for w in (0.4, 0.5, 0.6, 0.7) for k in (10, 60)]
    configs += [("sum", w, None, b) for b in (0.0, 1.0) for w in (0.4, 0.5, 0.6, 0.7)]
    for method, w, k, boost in configs:
        rankings = {}
        for q, (lex, plain, boosted, mild) in runs.items():
            emb_run = {0.0: plain, 1.0: boosted, 0.2: mild}[boost]
            if method == "lexical":
                rankings[q] = [n for n, _ in lex]
            elif method == "embedding":
                rankings[q] = [n for n, _ in _ranked(dict(emb_run), DEPTH)]
            else:
                scores = fuse(lex[:50], emb_run[:50], method, w, k or RRF_K)
                rankings[q] = [n for n, _ in _ranked(scores, DEPTH)]
        r1, r5, mrr = score_rankings(pairs, rankings)
        rows.append(
            {
                "method": method,
                "weight": w,
                "rrf_k": k,
                "app_boost": boost,
                "recall_at_1": round(r1, 4),
                "recall_at_5": round(r5, 4),
                "mrr": round(mrr, 4),
                "pairs": len(pairs),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; the last line printed is the JSON summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", default="checklist-test")
    ap.add_argument("--tasks", type=int, default=0, help="only the first N tasks (0: all)")
    ap.add_argument("--cold", action="store_true", help="build the embeddings in a fresh cache folder first")
    ap.add_argument("--tune", type=int, default=0, metavar="N", help="tune the fusion on N train tasks")
    ap.add_argument(
        "--kinds",
        default="lexical,embedding,hybrid-plain,hybrid",
        help="comma-separated kinds to evaluate (hybrid-plain: the hybrid without the app boost)",
    )
    ap.add_argument("--method", default=HYBRID_METHOD, choices=("rrf", "sum"), help="hybrid fusion")
    ap.add_argument("--weight", type=float, default=HYBRID_WEIGHT, help="hybrid: share of BM25")
    ap.add_argument("--rrf-k", type=int, default=RRF_K, help="hybrid: the RRF constant")
    ap.add_argument(
        "--app-boost", type=float, default=APP_BOOST, help="hybrid: boost of apps the query names"
    )
    args = ap.parse_args(argv)

    build: dict[str, float | bool] = {}
    t0 = time.perf_counter()
    records = Universe.full().catalog.records()
    build["catalog_records_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    lexical = BM25Index(records)
    build["bm25_build_s"] = round(time.perf_counter() - t0, 3)
    build["rss_before_embeddings_mb"] = round(rss_mb(), 1)

    if not embedding.embed_available():
        print(
            f"embed extra missing ({', '.join(embedding.missing_packages())}): lexical only", file=sys.stderr
        )
    emb = hybrid = plain = None
    if embedding.embed_available():
        t0 = time.perf_counter()
        embedding.load_model()
        build["model_import_load_s"] = round(time.perf_counter() - t0, 2)
        if args.cold:  # encode into a fresh cache folder, removed afterwards
            saved = os.environ.get("TOOLGYM_CACHE_DIR")
            with tempfile.TemporaryDirectory(prefix="toolgym-emb-") as tmp:
                os.environ["TOOLGYM_CACHE_DIR"] = tmp
                t0 = time.perf_counter()
                EmbeddingIndex(records)
                build["embedding_cold_build_s"] = round(time.perf_counter() - t0, 2)
                t0 = time.perf_counter()
                reloaded = EmbeddingIndex(records)
                build["embedding_warm_load_after_cold_s"] = round(time.perf_counter() - t0, 3)
                build["warm_load_after_cold_was_hit"] = reloaded.cache_hit
            if saved is None:
                os.environ.pop("TOOLGYM_CACHE_DIR", None)
            else:
                os.environ["TOOLGYM_CACHE_DIR"] = saved
        t0 = time.perf_counter()
        emb = EmbeddingIndex(records)
        build["embedding_build_s"] = round(time.perf_counter() - t0, 3)
        build["embedding_cache_hit"] = emb.cache_hit
        t0 = time.perf_counter()
        warm = EmbeddingIndex(records)
        build["embedding_warm_load_s"] = round(time.perf_counter() - t0, 3)
        build["warm_load_was_hit"] = warm.cache_hit
        build["vectors_mb"] = round(emb.vectors.nbytes / 2**20, 1)
        build["rss_with_model_mb"] = round(rss_mb(), 1)
        fusion = {"method": args.method, "weight": args.weight, "rrf_k": args.rrf_k}
        hybrid = HybridIndex(records, lexical=lexical, embedding=emb, app_boost=args.app_boost, **fusion)
        plain = HybridIndex(records, lexical=lexical, embedding=emb, app_boost=0.0, **fusion)

    tasks = load_suite(args.suite)
    if args.tasks:
        tasks = tasks[: args.tasks]
    t0 = time.perf_counter()
    pairs, skipped = suite_pairs(tasks)
    derive_s = time.perf_counter() - t0

    kinds = [k for k in args.kinds.split(",") if k]
    fused = f"{args.method}, w_lex={args.weight}" + (f", k={args.rrf_k}" if args.method == "rrf" else "")
    indexes = {
        "lexical": (lexical, "lexical"),
        "embedding": (emb, "embedding"),
        "hybrid-plain": (plain, f"hybrid without app boost ({fused})"),
        "hybrid": (hybrid, f"hybrid ({fused}, app boost {args.app_boost})"),
    }
    reports = [evaluate(indexes[k][0], pairs, indexes[k][1]) for k in kinds if indexes[k][0] is not None]
    build["peak_rss_mb"] = round(rss_mb(), 1)

    tuning = tune(lexical, emb, records, args.tune) if args.tune and emb is not None else []

    print(
        f"suite {args.suite}: {len(tasks)} tasks, {len(pairs)} (clause, gold tool) pairs, "
        f"{len(by_query(pairs))} distinct queries, {len(skipped)} tasks skipped (derivation {derive_s:.1f} s)"
    )
    print("build:", ", ".join(f"{k}={v}" for k, v in build.items()))
    print()
    print(format_table(reports))
    if tuning:
        print(f"\nfusion tuning on the first {args.tune} train tasks ({tuning[0]['pairs']} pairs):")
        print("| method | w_lex | k | app boost | recall@1 | recall@5 | MRR |\n|---|---|---|---|---|---|---|")
        for r in tuning:
            print(
                f"| {r['method']} | {r['weight']} | {r['rrf_k']} | {r['app_boost']} | "
                f"{r['recall_at_1']:.3f} | {r['recall_at_5']:.3f} | {r['mrr']:.3f} |"
            )
    print(
        json.dumps(
            {
                "suite": args.suite,
                "tasks": len(tasks),
                "pairs": len(pairs),
                "skipped": skipped,
                "auto": AUTO_KIND if emb is not None else "lexical",
                "build": build,
                "reports": [r.as_dict() for r in reports],
                "tuning": tuning,
            },
            sort_keys=True,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
