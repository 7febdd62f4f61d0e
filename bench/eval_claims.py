"""CLEF-2020 CheckThat! task 2 (verified claim retrieval), English: MAP@5 and P@1.

Indexes the 10,375 verified claims as records through quotecheck's own reader and
indexer (the TSV, ``vclaim`` as the text field), runs every tweet through
:class:`quotecheck.search.check.Searcher` exactly as ``quotecheck check --min-score 0``
does, and scores the ranked claim ids against the qrels. In the same run it scores a
plain FTS5 BM25 baseline (one row per claim, porter stemming, OR of the tweet's
non-stopword terms) -- the reference method of the dataset note.

The data is not part of the project: it is looked up in ``$QUOTECHECK_SHARED/data``
or ``<repo>/../shared/data``; when absent the script says so and exits 0.

    .venv/bin/python bench/eval_claims.py            # dev and train
    .venv/bin/python bench/eval_claims.py --split dev --show-misses 10
    .venv/bin/python bench/eval_claims.py --recall --no-baseline   # candidate recall too
    /tmp/venv-sem/bin/python bench/eval_claims.py --semantic   # with the [semantic] extra
    /tmp/venv-sem/bin/python bench/eval_claims.py --semantic --vectors   # and the vector index
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

K = 5


def shared_dir() -> Path:
    env = os.environ.get("QUOTECHECK_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return rows[1:]


def read_qrels(path: Path) -> dict[str, set[str]]:
    rel: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            rel.setdefault(parts[0], set()).add(parts[2])
    return rel


def ap_at_k(ranked: Sequence[str], relevant: set[str], k: int = K) -> float:
    """Average precision over the first ``k`` results (TREC ``map_cut_k``)."""
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def duplicate_groups(claims: list[list[str]]) -> dict[str, str]:
    """Claim id -> a key shared by the claims that say the same: the same headline and
    the same words (the set holds some claims twice, differing in quote marks only)."""

    def norm(t: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in t.casefold()).split())

    return {r[0]: norm(r[1]) + "|" + norm(r[2] if len(r) > 2 else "") for r in claims}


def against_qrels(ranked: list[str], relevant: set[str], dup: dict[str, str]) -> list[str]:
    """``ranked`` with ties among duplicated claims broken against the qrels: a relevant
    claim's duplicate ranked anywhere in the list is moved just before it."""
    out = list(ranked)
    for doc in [d for d in ranked if d in relevant]:
        twins = [d for d in out if d != doc and d not in relevant and dup.get(d) == dup.get(doc)]
        for t in twins:
            out.remove(t)
            out.insert(out.index(doc), t)
    return out


def evaluate(
    rank: Callable[[str], list[str]],
    tweets: list[tuple[str, str]],
    qrels: dict[str, set[str]],
    dup: dict[str, str] | None = None,
) -> tuple[float, float, float, list[tuple[str, str, list[str]]], float, float]:
    """(MAP@5, P@1, ms per query, misses, MAP@5 and P@1 with ties among duplicated claims
    broken against the qrels) of ``rank`` over the tweets that have qrels."""
    aps, p1, misses, aps_a, p1_a = [], [], [], [], []
    t0 = time.perf_counter()
    n = 0
    for tid, text in tweets:
        if tid not in qrels:
            continue
        n += 1
        full = rank(text)
        ranked = full[:K]
        ap = ap_at_k(ranked, qrels[tid])
        aps.append(ap)
        p1.append(1.0 if ranked[:1] and ranked[0] in qrels[tid] else 0.0)
        against = against_qrels(full, qrels[tid], dup or {})[:K]
        aps_a.append(ap_at_k(against, qrels[tid]))
        p1_a.append(1.0 if against[:1] and against[0] in qrels[tid] else 0.0)
        if ap < 1.0:
            misses.append((tid, text, ranked[:K]))
    ms = 1000 * (time.perf_counter() - t0) / max(1, n)
    m = max(1, len(aps))
    return sum(aps) / m, sum(p1) / m, ms, misses, sum(aps_a) / m, sum(p1_a) / m


class Bm25Baseline:
    """One FTS5 row per claim, porter unicode61, OR of the query's non-stopword terms."""

    def __init__(self, claims: list[list[str]], with_title: bool = False) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE c USING fts5(id UNINDEXED, body, tokenize='porter unicode61 remove_diacritics 2')"
        )
        self.db.executemany(
            "INSERT INTO c(id, body) VALUES (?, ?)",
            [(r[0], r[1] + (" " + r[2] if with_title and len(r) > 2 else "")) for r in claims],
        )

    def rank(self, text: str) -> list[str]:
        from quotecheck.analysis.tokens import STOPWORDS, tokenize

        words: dict[str, None] = {}
        for t in tokenize(text):
            for w in (
                t.norm.replace("'", " ")
                .replace("-", " ")
                .replace(".", " ")
                .replace(",", " ")
                .split()
            ):
                if w not in STOPWORDS:
                    words.setdefault(w, None)
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM c WHERE c MATCH ? ORDER BY rank LIMIT ?", (match, K)
            )
        ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--split",
        action="append",
        help="a folder of the data: dev, train, or any held-out split there (default: dev and train)",
    )
    ap.add_argument("--db", help="keep the claims index here (reused when it exists)")
    ap.add_argument(
        "--show-misses", type=int, default=0, metavar="N", help="print N missed queries per split"
    )
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument(
        "--with-title",
        action="store_true",
        help="index each claim's text followed by its headline (both systems)",
    )
    ap.add_argument(
        "--recall",
        action="store_true",
        help="also print the share of tweets whose claim is among all of quotecheck's"
        " candidates (what re-ranking could reach at best)",
    )
    ap.add_argument(
        "--semantic",
        action="store_true",
        help="also score quotecheck with the optional semantic re-ranker (check --semantic)",
    )
    ap.add_argument(
        "--vectors",
        action="store_true",
        help="build the vector index (index --semantic) before scoring; report its time and size",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help="override a constant for a measurement, e.g. semantic.DENSE_K=0 (repeatable)",
    )
    args = ap.parse_args(argv)
    data = shared_dir() / "data" / "claims-clef2020"
    if not (data / "verified_claims.docs.tsv").exists():
        print(
            f"skipped: CLEF-2020 claims data not found at {data} (set QUOTECHECK_SHARED)",
            file=sys.stderr,
        )
        return 0
    splits = args.split or ["dev", "train"]
    for split in splits:
        if not (data / split / "tweets.queries.tsv").exists():
            print(
                f"no split {split!r}: {data / split / 'tweets.queries.tsv'} not found",
                file=sys.stderr,
            )
            return 2
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    claims_tsv = data / "verified_claims.docs.tsv"
    claims = read_tsv(claims_tsv)
    tmp = None
    if args.db:
        db_path = args.db
    else:
        tmp = tempfile.TemporaryDirectory(prefix="qc-clef-")
        db_path = os.path.join(tmp.name, "claims.db")
    store = Store(db_path)
    t0 = time.perf_counter()
    # The claims go in as JSON-lines records (id, text = the claim, title = the article
    # headline): quotecheck's TSV reader does not take quoted fields spanning lines,
    # which 14 of these claims have.
    records = os.path.join(os.path.dirname(os.path.abspath(db_path)), "verified_claims.jsonl")
    with open(records, "w", encoding="utf-8") as f:
        for r in claims:
            text = r[1] + (" " + r[2] if args.with_title and len(r) > 2 else "")
            f.write(
                json.dumps({"id": r[0], "text": text, "title": r[2] if len(r) > 2 else None}) + "\n"
            )
    report = index_paths(store, [records], fmt="jsonl", jobs=1)
    print(
        f"indexed {report.documents} claims ({report.unchanged} files unchanged) in "
        f"{time.perf_counter() - t0:.1f}s; {len(claims)} in the file",
        file=sys.stderr,
    )
    if args.vectors:
        from quotecheck.search import semantic as sem

        def db_size() -> int:
            return sum(os.path.getsize(p) for p in (db_path, db_path + "-wal") if os.path.exists(p))

        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size0 = db_size()
        sem.model()
        t0 = time.perf_counter()
        added, total = sem.build_vectors(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(
            f"vector index: {added} documents embedded in {time.perf_counter() - t0:.1f}s"
            f" ({total} in all); index {size0 / 1e6:.2f} -> {db_size() / 1e6:.2f} MB",
            file=sys.stderr,
        )
    for setting in args.set:
        import importlib

        name, _, value = setting.partition("=")
        mod, _, const = name.rpartition(".")
        target = importlib.import_module(f"quotecheck.search.{mod}")
        setattr(target, const, json.loads(value))
    searcher = Searcher(store)

    def qc_rank(text: str, semantic: bool = False) -> list[str]:
        # K + 5: a duplicate just past the fifth may tie (see against_qrels)
        res = searcher.check(text, top=K + 5, min_score=0, semantic=semantic)
        out: list[str] = []
        for m in res["matches"]:
            key = m["document"]["key"]
            if key is not None and key not in out:
                out.append(key)
        return out

    dup = duplicate_groups(claims)
    baseline = None if args.no_baseline else Bm25Baseline(claims, with_title=args.with_title)
    rows = []
    for split in splits:
        tweets = [
            (r[0], r[1]) for r in read_tsv(data / split / "tweets.queries.tsv") if len(r) >= 2
        ]
        qrels = read_qrels(data / split / "tweet-vclaim-pairs.qrels")
        systems: list[tuple[str, Callable[[str], list[str]]]] = [("quotecheck", qc_rank)]
        if args.semantic:
            systems.append(("quotecheck --semantic", lambda t: qc_rank(t, semantic=True)))
        if baseline is not None:
            systems.append(("FTS5 BM25 (baseline)", baseline.rank))
        if args.recall:
            from quotecheck.search.check import prepare_query

            hit = hit_sem = n = 0
            dense = None
            if args.semantic:
                from quotecheck.search import semantic as sem

                dense = sem.VectorIndex(store)
            for tid, text in tweets:
                if tid in qrels:
                    n += 1
                    cands = searcher.candidates(prepare_query(text))
                    keys = {searcher.document(r["doc_id"]).get("key") for r in cands}
                    hit += bool(keys & qrels[tid])
                    if dense is not None:
                        # what check --semantic re-ranks: the best TOP_N and the nearest DENSE_K
                        ids = [r["doc_id"] for r in cands[: sem.TOP_N]]
                        if dense.count:
                            qvec = sem.encode([text.strip()])[0]
                            ids += dense.search(qvec, sem.DENSE_K)
                        keys = {searcher.document(i).get("key") for i in ids}
                        hit_sem += bool(keys & qrels[tid])
            print(f"{split}: claim among the candidates for {hit}/{n} = {hit / max(1, n):.3f}")
            if dense is not None:
                print(
                    f"{split}: among --semantic's (the best {sem.TOP_N}, the nearest"
                    f" {sem.DENSE_K if dense.count else 0}) for {hit_sem}/{n} = {hit_sem / max(1, n):.3f}"
                )
        for name, fn in systems:
            m, p, ms, misses, ma, pa = evaluate(fn, tweets, qrels, dup)
            rows.append((split, name, sum(1 for t, _ in tweets if t in qrels), m, p, ms, ma, pa))
            if args.show_misses and name == "quotecheck":
                for tid, text, ranked in misses[: args.show_misses]:
                    print(
                        f"--- {split} {tid} want {sorted(qrels[tid])} got {ranked}\n    {text[:200]}",
                        file=sys.stderr,
                    )
    print(
        f"{'split':<6} {'system':<22} {'queries':>7} {'MAP@5':>7} {'P@1':>7} {'ms/query':>9}"
        f"   ties against the qrels: {'MAP@5':>7} {'P@1':>7}"
    )
    for split, name, n, m, p, ms, ma, pa in rows:
        print(
            f"{split:<6} {name:<22} {n:>7} {m:>7.4f} {p:>7.4f} {ms:>9.1f}"
            f"   {'':>24} {ma:>7.4f} {pa:>7.4f}"
        )
    store.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
