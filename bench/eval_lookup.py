"""Lookup accuracy, not-found honesty and alteration alerts on misquoted PolNeAR statements.

Usage::

    .venv/bin/python bench/eval_lookup.py [--split dev] [--limit 300] [--seed 13] [--db PATH] [--dump FILE]

What it does:

* indexes the ``--split`` articles (dev by default; the figures we report) plus 70% of
  the *train* articles as distractors (more text, more near-misses, as in a real index),
  with the real ``Store`` and ``index_paths``;
* draws gold statements (PolNeAR ``Content`` spans, first annotator file, 6-80 words)
  from the ``--split`` articles and makes misquoted versions of each kind
  (``bench/misquote.py``), at most ``--limit`` per kind, with a fixed ``--seed``;
* absent statements are gold statements of train articles *not* indexed (the last 15%
  of a seeded shuffle, distinct from the 15% ``calibrate.py`` uses), minus any that share
  six words in a row with an indexed article;
* looks each query up with ``Searcher.check(top=3, min_score=0)``.

A lookup is *right* when the verdict is not ``not_found`` and the first match is in the
gold document with a span that overlaps the gold span by at least 50% of the shorter of
the two (the same passage found word for word at another place, in the same or another
indexed article, also counts; such credits are counted in ``dup``). ``MRR@3`` ranks the three best candidates whatever
their score. Alert recall counts a query when its first match is right *and* carries the
expected alert; the false-alert rate is the share of unaltered statements whose right
first match carries any alert.

Bars (PRODUCT.md): >= 98% right first, overall and per misquote kind; <= 2% absent
reported as found; each alert >= 95% recall; <= 2% false alerts on unaltered quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import misquote as mq  # noqa: E402

from quotecheck.analysis.tokens import normalize  # noqa: E402


def build_index(db: str, paths: list[Path], jobs: int) -> None:
    from quotecheck.indexing import index_paths
    from quotecheck.store.db import Store

    with Store(db) as store:
        want = {str(Path(p).resolve()) for p in paths}
        held = {str(Path(r[0]).resolve()) for r in store._q("SELECT path FROM documents")}
        if held - want:
            # an index of another split or seed (the indexed train articles and the
            # held-out ones depend on --seed): its absent statements may be indexed
            print(
                f"{db} holds {len(held - want)} articles this run does not index (another"
                " --split or --seed?): use another --db",
                file=sys.stderr,
            )
            raise SystemExit(2)
        if held == want:
            print(f"using the existing index {db}", file=sys.stderr)
            return
        t = time.perf_counter()
        rep = index_paths(store, [str(p) for p in paths], jobs=jobs)
        print(
            f"indexed {rep.documents} documents ({rep.characters / 1e6:.1f} MB) in {time.perf_counter() - t:.0f}s",
            file=sys.stderr,
        )


def judge(res: dict[str, Any], q: mq.Query, texts: dict[str, str]) -> dict[str, Any]:
    """Right/rank/score/verdict/alerts for one query's result."""
    matches = res["matches"]
    rank = 0
    dup = False
    for m in matches:
        name = Path(m["document"]["path"]).stem
        ok = False
        if q.doc is not None and q.gold is not None:
            if name == q.doc and mq.right_span((m["start"], m["end"]), q.gold):
                ok = True
            else:  # the same words at another place (a repeated line, a wire copy)
                gold_text = normalize(texts[q.doc][q.gold[0] : q.gold[1]])
                if gold_text and normalize(m["matched_text"]) == gold_text:
                    ok = dup = True
        if ok:
            rank = m["rank"]
            break
    top = matches[0] if matches else None
    found = res["verdict"] != "not_found"
    return {
        "kind": q.kind,
        "query": q.text,
        "source": q.source,
        "doc": q.doc,
        "gold": q.gold,
        "right": found and rank == 1,
        "rank": rank,
        "dup": dup and rank == 1,
        "score": top["score"] if top else 0.0,
        "verdict": res["verdict"],
        "alerts": top["alerts"] if top else [],
        "top": None
        if top is None
        else {
            "doc": Path(top["document"]["path"]).stem,
            "start": top["start"],
            "end": top["end"],
            "text": top["matched_text"],
            # the sentence around the match and whether the match is inside a statement:
            # what the out_of_context alert reads
            "context": top.get("context"),
            "statement_kind": top.get("kind"),
            "explain": top.get("_explain"),
        },
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def report(rows: list[dict[str, Any]]) -> None:
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["kind"], []).append(r)
    print(f"{'kind':18} {'n':>5} {'right@1':>8} {'MRR@3':>6} {'med':>5} {'dup':>4}  verdicts")
    mis_right = mis_n = 0
    for kind in (*mq.MISQUOTE_KINDS, *mq.ALERT_KINDS):
        rs = by.get(kind, [])
        if not rs:
            continue
        right = sum(r["right"] for r in rs)
        if kind in mq.MISQUOTE_KINDS:
            mis_right += right
            mis_n += len(rs)
        mrr = sum(1 / r["rank"] for r in rs if r["rank"]) / len(rs)
        med = statistics.median(r["score"] for r in rs)
        verdicts = Counter(r["verdict"] for r in rs)
        vs = " ".join(
            f"{v}={verdicts[v]}"
            for v in ("verbatim", "close", "paraphrase", "partial", "not_found")
            if verdicts[v]
        )
        dup = sum(r["dup"] for r in rs)
        print(f"{kind:18} {len(rs):5} {pct(right, len(rs)):>8} {mrr:6.3f} {med:5.1f} {dup:4}  {vs}")
    print(f"{'misquotes overall':18} {mis_n:5} {pct(mis_right, mis_n):>8}")
    absent = by.get("absent", [])
    if absent:
        found = sum(r["verdict"] != "not_found" for r in absent)
        med = statistics.median(r["score"] for r in absent)
        print(
            f"\nabsent statements: n={len(absent)}  reported as found {pct(found, len(absent))}  median top score {med:.1f}"
        )
    print(f"\n{'alert kind':18} {'n':>5} {'recall':>8} {'right@1':>8}  other alerts raised")
    for kind in mq.ALERT_KINDS:
        rs = by.get(kind, [])
        if not rs:
            continue
        want = mq.ALERT_OF[kind]
        hit = sum(r["right"] and want in r["alerts"] for r in rs)
        other = Counter(a for r in rs if r["right"] for a in r["alerts"] if a != want)
        print(
            f"{kind:18} {len(rs):5} {pct(hit, len(rs)):>8} {pct(sum(r['right'] for r in rs), len(rs)):>8}  {dict(other)}"
        )
    print(f"\n{'false alerts on':18} {'n':>5} {'any':>8}  by alert")
    for kind in mq.MISQUOTE_KINDS:
        rs = [r for r in by.get(kind, []) if r["right"]]
        if not rs:
            continue
        c = Counter(a for r in rs for a in r["alerts"])
        anyn = sum(bool(r["alerts"]) for r in rs)
        label = kind + (" (bar)" if kind == "unaltered" else "")
        print(f"{label:18} {len(rs):5} {pct(anyn, len(rs)):>8}  {dict(c)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--split",
        default="dev",
        help="a folder of the PolNeAR data: dev (default), train, or any held-out split there",
    )
    ap.add_argument("--limit", type=int, default=300, help="queries per kind (default 300)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--db", help="keep (or reuse) the index at this path instead of a temp file")
    ap.add_argument("--no-distractors", action="store_true", help="index the split's articles only")
    ap.add_argument("--kinds", help="comma-separated kinds to run (default: all)")
    ap.add_argument("--dump", help="write one JSON line per query here")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    root = mq.polnear_dir()
    if root is None:
        print(
            "PolNeAR not found (../shared/data/polnear or $QUOTECHECK_SHARED/data/polnear); skipping",
            file=sys.stderr,
        )
        return 0
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    train = mq.load_split(root, "train")
    indexed_train, _calib_absent, eval_absent = mq.split_train(train, args.seed)
    if not (root / args.split / "text").is_dir():
        print(f"no split {args.split!r} under {root}", file=sys.stderr)
        return 2
    if args.split != "train":
        target = mq.load_split(root, args.split)
        distractors = [] if args.no_distractors else indexed_train
    else:  # train: the indexed train articles themselves (used to explore, never to report)
        target, distractors = indexed_train, []
    indexed = target + distractors
    print(
        f"split={args.split}: {len(target)} articles queried, {len(distractors)} train distractors, "
        f"{len(eval_absent)} held-out train articles for absent statements; seed={args.seed}",
        file=sys.stderr,
    )
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = os.path.join(tmp.name, "eval.db")
    build_index(db, [a.path for a in indexed], args.jobs)

    kinds = args.kinds.split(",") if args.kinds else [*mq.MISQUOTE_KINDS, *mq.ALERT_KINDS, "absent"]
    names = mq.name_pool(train)
    queries = mq.build_queries(
        target, [k for k in kinds if k != "absent"], args.limit, args.seed, names
    )
    if "absent" in kinds:
        queries["absent"] = mq.absent_queries(eval_absent, indexed, args.limit, args.seed)
    texts = {a.name: a.text for a in indexed}

    rows = []
    times = []
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    with Store(db, readonly=True) as store:
        searcher = Searcher(store)
        for kind in kinds:
            for q in queries.get(kind, []):
                t = time.perf_counter()
                res = searcher.check(q.text, top=3, min_score=0)
                times.append(time.perf_counter() - t)
                r = judge(res, q, texts)
                r["ms"] = round(1000 * times[-1], 1)
                rows.append(r)
                if dump:
                    dump.write(json.dumps(r, ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    print(f"\nPolNeAR {args.split}, seed {args.seed}, limit {args.limit}/kind")
    report(rows)
    times.sort()
    if times:
        print(
            f"\nlookup time: median {1000 * times[len(times) // 2]:.0f} ms, p95 {1000 * times[int(len(times) * 0.95)]:.0f} ms, max {1000 * times[-1]:.0f} ms"
        )
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
