"""Batch lookup from stdin: 10,000 quotes piped into ``quotecheck check --format jsonl``.

    .venv/bin/python bench/bench_batch.py --db INDEX [--queries 10000] [--jobs 1,2]
    .venv/bin/python bench/bench_batch.py --corpus DIR --articles 1000 [--work DIR]

Issue 6 asks that a batch of 10,000 quotes on stdin streams its results as it goes
and uses all cores with ``--jobs``.  For each ``--jobs`` value the real installed
command runs as a subprocess (``python -m quotecheck``) with the queries on stdin; the
script reads its stdout line by line and prints:

- when the first result line arrived, and when 10%, 50% and all of them had: a batch
  that streams shows its first result long before the last;
- queries per second (wall) and per CPU second (the process and its workers);
- top-1: the first match lies in the right document at the right place (the same
  verbatim-or-misquoted sentences as ``bench_scale.py``);
- peak RSS of the largest process (parent or worker).

The index is either ``--db`` (an existing one, e.g. the 100k index ``bench_scale.py
--keep`` leaves) or built from the first ``--articles`` files of ``--corpus``
(``bench/gen_corpus.py`` writes one) into ``--work``.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import QC, make_queries, run_timed  # noqa: E402


def indexed_paths(db: str, limit: int) -> list[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT path FROM documents WHERE path LIKE '%.txt' ORDER BY id LIMIT ?", (limit,)
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows if os.path.exists(r[0])]


def run_batch(db: str, queries: list[dict[str, object]], jobs: int) -> dict[str, float]:
    text = "".join(str(q["text"]).replace("\n", " ") + "\n" for q in queries)
    n = len(queries)
    marks = {1: 0.0, max(1, n // 10): 0.0, max(1, n // 2): 0.0, n: 0.0}
    ok = 0
    with tempfile.TemporaryFile() as inp:
        inp.write(text.encode("utf-8"))
        inp.seek(0)
        t0 = time.perf_counter()
        p = subprocess.Popen(
            QC + ["--db", db, "check", "--format", "jsonl", "--jobs", str(jobs), "--top", "1"],
            stdin=inp,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        assert p.stdout is not None
        seen = 0
        for line in p.stdout:
            r = json.loads(line)
            q = queries[seen]
            seen += 1
            if seen in marks:
                marks[seen] = time.perf_counter() - t0
            m = r["matches"][0] if r.get("matches") else None
            ok += bool(
                m
                and m["document"]["path"] == q["path"]
                and m["start"] < int(str(q["end"]))
                and m["end"] > int(str(q["start"]))
            )
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    if seen != n:
        raise SystemExit(f"--jobs {jobs}: {seen} results for {n} queries (exit {status})")
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "jobs": jobs,
        "first_s": marks[1],
        "p10_s": marks[max(1, n // 10)],
        "p50_s": marks[max(1, n // 2)],
        "all_s": wall,
        "qps": n / wall,
        "q_per_cpu_s": n / cpu,
        "top1": ok / n,
        "rss_mb": usage.ru_maxrss / 1024,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="an existing index (else one is built from --corpus)")
    ap.add_argument("--corpus", help="folder of articles to index when --db is not given")
    ap.add_argument("--articles", type=int, default=1000, help="articles to index from --corpus")
    ap.add_argument("--work", default=None, help="where to build the index (default: a temp dir)")
    ap.add_argument("--queries", type=int, default=10000)
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    work = Path(args.work or tempfile.mkdtemp(prefix="qc-batch-"))
    if args.db:
        db = args.db
    elif args.corpus:
        files = sorted(str(p) for p in Path(args.corpus).rglob("*.txt"))[: args.articles]
        if not files:
            raise SystemExit(f"{args.corpus}: no .txt articles")
        work.mkdir(parents=True, exist_ok=True)
        db = str(work / "batch.db")
        wall, _, _, _ = run_timed(QC + ["--db", db, "index", *files, "--jobs", "2", "--quiet"])
        print(f"indexed {len(files)} articles in {wall:.1f}s")
    else:
        ap.error("give --db or --corpus")
    n_docs = (
        sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        .execute("SELECT count(*) FROM documents")
        .fetchone()[0]
    )
    files = indexed_paths(db, 5000)
    if not files:
        raise SystemExit(f"{db}: no indexed .txt articles found on disk to draw queries from")
    queries = make_queries(files, args.queries, args.seed)
    print(f"index {db}: {n_docs} documents; {len(queries)} queries (half misquoted)")
    rows = [run_batch(db, queries, int(j)) for j in args.jobs.split(",")]
    head = "jobs | first result s | 10% s | 50% s | all s | queries/s | queries/CPU s | top-1 | peak RSS MB"
    print(head)
    for r in rows:
        print(
            f"{r['jobs']:.0f} | {r['first_s']:.2f} | {r['p10_s']:.1f} | {r['p50_s']:.1f} | "
            f"{r['all_s']:.1f} | {r['qps']:.0f} | {r['q_per_cpu_s']:.0f} | {r['top1']:.3f} | "
            f"{r['rss_mb']:.0f}"
        )
    by_jobs = {int(r["jobs"]): r for r in rows}
    if 1 in by_jobs:
        for j, r in sorted(by_jobs.items()):
            if j > 1:
                print(f"speed-up --jobs {j} over --jobs 1: {r['qps'] / by_jobs[1]['qps']:.2f}x")
    load = os.getloadavg()
    print(f"load average {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f} ({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
