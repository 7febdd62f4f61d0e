"""Scale benchmark: index size, indexing speed, warm and cold lookups at growing archive sizes.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,20000,100000] [--work DIR] [--keep]
    .venv/bin/python bench/bench_scale.py --work DIR --queries 500 --lookup-dump INDEX N OUT

Steps (one table printed at the end, one row per size):

1. ``bench/gen_corpus.py`` writes the largest archive once (folders of 1,000 articles);
   a size-N index holds the first N articles.
2. Indexing speed with ``--jobs 1`` and ``--jobs 2`` (attribution included, the real
   ``quotecheck index`` process) on a sample of ``--sample`` articles, in MB of text/s.
3. One index grows through the sizes (``quotecheck index`` adds the new folders; the
   time of each step is reported as MB/s with ``--jobs 2``); at each size:
   index size / text size; a lookup worker process (one core) runs ``--queries``
   realistic queries (sentences of the indexed articles, verbatim and misquoted: a
   typo and a dropped word) through ``Searcher.check`` and reports warm p50/p95 and
   top-1 accuracy, then the same queries as a plain FTS5 BM25 lookup (OR of the
   content words, best sentence, no re-ranking); a rapidfuzz brute-force scan
   (``process.extractOne``, ``partial_ratio``) over the sentences of the first
   ``--brute-articles`` articles (time per query, accuracy, and the time projected
   linearly to the full size); cold ``quotecheck check`` process runs (median of
   ``--cold-runs``); peak RSS of the index and lookup processes.

Needs about 5 bytes of disk per byte of text at the largest size (check ``df -h``);
the work folder is removed at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
QC = [sys.executable, "-m", "quotecheck"]


def run_timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str, float]:
    """(wall seconds, peak RSS in MB of the process and its waited-for children, stdout,
    CPU seconds of the process and its waited-for children: on a loaded machine, MB per
    CPU second is the figure that does not depend on what else runs)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if p.returncode not in (0, 1):
            raise SystemExit(
                f"{' '.join(cmd[:6])} ... failed ({p.returncode}): {err.read().decode()[-2000:]}"
            )
        return wall, usage.ru_maxrss // 1024, out.read().decode(), usage.ru_utime + usage.ru_stime


def folders(corpus: Path, n: int) -> list[str]:
    return [str(corpus / f"{i:04d}") for i in range((n + 999) // 1000)]


def text_bytes(dirs: list[str]) -> int:
    return sum(e.stat().st_size for d in dirs for e in os.scandir(d))


def db_bytes(db: str) -> int:
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


# ---------------------------------------------------------------- lookup worker
_SENT = re.compile(r"[^.!?\n]+[.!?]")


def make_queries(files: list[str], n: int, seed: int) -> list[dict[str, Any]]:
    """Verbatim and misquoted sentences of random articles, with where they are."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    while len(out) < n:
        path = rng.choice(files)
        text = Path(path).read_text(encoding="utf-8")
        body = text.find("\n\n")
        cands = [
            m for m in _SENT.finditer(text, max(0, body)) if 10 <= len(m.group().split()) <= 40
        ]
        if not cands:
            continue
        m = rng.choice(cands)
        sent = m.group().strip()
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        q = {
            "path": path,
            "start": start,
            "end": start + len(sent),
            "kind": "verbatim",
            "text": sent,
        }
        if len(out) % 2:
            words = sent.split()
            del words[rng.randrange(1, len(words) - 1)]
            i = max(range(len(words)), key=lambda k: len(words[k]))
            w = words[i]
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            q.update(kind="misquoted", text=" ".join(words))
        out.append(q)
    return out


def lookup_worker(
    db: str, dirs: list[str], n: int, brute_articles: int, seed: int, bm25_n: int = 60
) -> dict[str, Any]:
    import resource

    from rapidfuzz import fuzz, process

    from quotecheck.analysis.tokens import STOPWORDS, tokenize
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    store = Store(db, readonly=True)
    searcher = Searcher(store)
    queries = make_queries(sorted(e.path for d in dirs for e in os.scandir(d)), n, seed)
    paths = {r[0]: r[1] for r in store._q("SELECT id, path FROM documents")}
    for q in queries[:5]:  # warm the page cache and the vocabulary tables
        searcher.check(q["text"], top=3)

    def right(path: str, s: int, e: int, q: dict[str, Any]) -> bool:
        return path == q["path"] and s < q["end"] and e > q["start"]

    times, ok = [], 0
    for q in queries:
        t0 = time.perf_counter()
        res = searcher.check(q["text"], top=3)
        times.append(1000 * (time.perf_counter() - t0))
        m = res["matches"][0] if res["matches"] else None
        ok += bool(m and right(m["document"]["path"], m["start"], m["end"], q))
    # plain FTS5 BM25: OR of the content words, best sentence, no re-ranking (on the first
    # bm25_queries queries only: it takes seconds a query on a large index)
    bt, bok = [], 0
    bm25_queries = queries[:bm25_n]
    for q in bm25_queries:
        t0 = time.perf_counter()
        words = dict.fromkeys(
            w for t in tokenize(q["text"]) for w in re.findall(r"\w+", t.norm) if w not in STOPWORDS
        )
        match = " OR ".join(f'"{w}"' for w in words)
        rows = store.fts_units(match, 1) if match else []
        bt.append(1000 * (time.perf_counter() - t0))
        if rows:
            _, doc, s, e, _ = rows[0]
            bok += right(paths[doc], s, e, q)
    # brute force rapidfuzz over the sentences of a small sample
    sample = sorted(
        e.path for d in folders(Path(dirs[0]).parent, brute_articles) for e in os.scandir(d)
    )
    sample = sample[:brute_articles]
    sents: list[tuple[str, int, int, str]] = []
    for path in sample:
        text = Path(path).read_text(encoding="utf-8")
        # Not the fragments the naive splitter leaves ("Fla.", "S."): partial_ratio scores a
        # short choice 100 against any query that contains it.
        sents.extend(
            (path, m.start(), m.end(), m.group())
            for m in _SENT.finditer(text)
            if len(m.group().split()) >= 6
        )
    choices = [s[3] for s in sents]
    bq = make_queries(sample, min(40, n), seed + 1)
    rt, rok = [], 0
    for q in bq:
        t0 = time.perf_counter()
        best = process.extractOne(
            q["text"], choices, scorer=fuzz.partial_ratio, processor=str.lower
        )
        rt.append(1000 * (time.perf_counter() - t0))
        if best:
            p, s, e, _ = sents[best[2]]
            rok += right(p, s, e, q)
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
        "max": times[-1],
        "acc": ok / len(queries),
        "bm25_p50": statistics.median(bt),
        "bm25_acc": bok / len(bm25_queries),
        "brute_ms": statistics.median(rt),
        "brute_acc": rok / len(bq),
        "brute_sents": len(sents),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "example": queries[0]["text"],
    }


def lookup_dump(db: str, dirs: list[str], n: int, seed: int, out: str) -> int:
    """The full results of the worker's ``n`` queries, one JSON line each (``check`` with
    ``top=3``, then with ``top=8, min_score=0``): two trees' files must be the same
    (``cmp``) for a change meant to leave lookups as they were."""
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    searcher = Searcher(Store(db, readonly=True))
    queries = make_queries(sorted(e.path for d in dirs for e in os.scandir(d)), n, seed)
    with open(out, "w", encoding="utf-8") as f:
        for q in queries:
            first = searcher.check(q["text"], top=3)
            wide = searcher.check(q["text"], top=8, min_score=0)
            f.write(json.dumps([q["text"], first, wide], sort_keys=True, default=repr) + "\n")
    return len(queries)


# ---------------------------------------------------------------- driver
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", default="1000,10000,20000,100000")
    ap.add_argument("--work", help="work folder (default: a temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument(
        "--sample", type=int, default=2000, help="articles for the --jobs 1/2 speed test"
    )
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument(
        "--bm25-queries", type=int, default=60, help="queries for the plain BM25 baseline"
    )
    ap.add_argument("--brute-articles", type=int, default=1000)
    ap.add_argument("--cold-runs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lookup-worker", nargs=2, metavar=("DB", "N"), help=argparse.SUPPRESS)
    ap.add_argument(
        "--lookup-dump",
        nargs=3,
        metavar=("DB", "N", "OUT"),
        help="write the full results of --queries lookups on DB (articles of the first N"
        " under --work/corpus) to OUT, one JSON line each, and exit",
    )
    args = ap.parse_args(argv)
    if args.lookup_dump:
        db, n, out = args.lookup_dump
        dirs = folders(Path(args.work) / "corpus", int(n))
        print(f"{lookup_dump(db, dirs, args.queries, args.seed, out)} lookups written to {out}")
        return 0
    if args.lookup_worker:
        db, n = args.lookup_worker
        dirs = folders(Path(args.work) / "corpus", int(n))
        print(
            json.dumps(
                lookup_worker(
                    db, dirs, args.queries, args.brute_articles, args.seed, args.bm25_queries
                )
            )
        )
        return 0

    import gen_corpus

    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = Path(args.work or tempfile.mkdtemp(prefix="qc-scale-"))
    corpus = work / "corpus"
    env = dict(os.environ, QUOTECHECK_DB=str(work / "unused.db"))
    rows: list[dict[str, Any]] = []
    try:
        have = len(list(corpus.glob("*/*.txt"))) if corpus.exists() else 0
        if have < sizes[-1]:
            t0 = time.perf_counter()
            gen_corpus.generate(corpus, sizes[-1], seed=args.seed)
            print(
                f"generated {sizes[-1]} articles in {time.perf_counter() - t0:.0f}s",
                file=sys.stderr,
            )
        # --jobs 1 and 2 on the same sample
        speed, per_cpu = {}, {}
        sample = folders(corpus, args.sample)
        mb = text_bytes(sample) / 1e6
        for jobs in (1, 2):
            db = str(work / f"sample{jobs}.db")
            for s in ("", "-wal", "-shm"):
                Path(db + s).unlink(missing_ok=True)
            wall, _, _, cpu = run_timed(
                QC + ["--db", db, "index", *sample, "--jobs", str(jobs), "--quiet"], env
            )
            speed[jobs] = mb / wall
            per_cpu[jobs] = mb / cpu
            print(
                f"index sample {mb:.1f} MB --jobs {jobs}: {wall:.1f}s, {speed[jobs]:.2f} MB/s, "
                f"{per_cpu[jobs]:.2f} MB per CPU second; load {os.getloadavg()}",
                file=sys.stderr,
            )
        db = str(work / "index.db")
        for s in ("", "-wal", "-shm"):
            Path(db + s).unlink(missing_ok=True)
        prev = 0
        for size in sizes:
            dirs = folders(corpus, size)
            new_mb = (
                (text_bytes(dirs) - text_bytes(folders(corpus, prev))) / 1e6
                if prev
                else text_bytes(dirs) / 1e6
            )
            wall, rss_index, _, cpu = run_timed(
                QC + ["--db", db, "index", *dirs, "--jobs", "2", "--quiet"], env
            )
            prev = size
            total_mb = text_bytes(dirs) / 1e6
            print(f"{size}: indexed +{new_mb:.0f} MB in {wall:.0f}s", file=sys.stderr)
            wall_l, _, out, _ = run_timed(
                [
                    sys.executable,
                    __file__,
                    "--work",
                    str(work),
                    "--queries",
                    str(args.queries),
                    "--bm25-queries",
                    str(args.bm25_queries),
                    "--brute-articles",
                    str(args.brute_articles),
                    "--seed",
                    str(args.seed),
                    "--lookup-worker",
                    db,
                    str(size),
                ],
                env,
            )
            lk = json.loads(out.strip().splitlines()[-1])
            cold = []
            for _ in range(args.cold_runs):
                t0 = time.perf_counter()
                subprocess.run(
                    [
                        str(ROOT / ".venv" / "bin" / "quotecheck"),
                        "--db",
                        db,
                        "check",
                        lk["example"],
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    check=False,
                )
                cold.append(1000 * (time.perf_counter() - t0))
            row = {
                "articles": size,
                "text_mb": total_mb,
                "index_ratio": db_bytes(db) / (total_mb * 1e6),
                "index_mbs_j2": new_mb / wall,
                "index_mb_per_cpu_s": new_mb / cpu,
                "rss_index": rss_index,
                "cold_ms": statistics.median(cold),
                "load": os.getloadavg(),
                **lk,
                "brute_proj_ms": lk["brute_ms"] * size / args.brute_articles,
            }
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"indexing speed on {args.sample} articles ({mb:.1f} MB): --jobs 1 {speed[1]:.2f} MB/s, "
        f"--jobs 2 {speed[2]:.2f} MB/s ({speed[2] / speed[1]:.2f}x); MB per CPU second "
        f"{per_cpu[1]:.2f} / {per_cpu[2]:.2f}"
    )
    head = (
        "articles",
        "text MB",
        "index/text",
        "index MB/s j2",
        "warm p50 ms",
        "warm p95 ms",
        "top-1",
        "BM25 p50 ms",
        "BM25 top-1",
        "brute ms (proj.)",
        "brute top-1",
        "cold check ms",
        "RSS index/lookup MB",
        "load 1/5/15",
    )
    print(" | ".join(head))
    for r in rows:
        print(
            " | ".join(
                [
                    f"{r['articles']}",
                    f"{r['text_mb']:.0f}",
                    f"{r['index_ratio']:.2f}",
                    f"{r['index_mbs_j2']:.2f}",
                    f"{r['p50']:.1f}",
                    f"{r['p95']:.1f}",
                    f"{r['acc']:.3f}",
                    f"{r['bm25_p50']:.1f}",
                    f"{r['bm25_acc']:.3f}",
                    f"{r['brute_ms']:.0f} ({r['brute_proj_ms']:.0f})",
                    f"{r['brute_acc']:.3f}",
                    f"{r['cold_ms']:.0f}",
                    f"{r['rss_index']}/{r['rss_mb']}",
                    "/".join(f"{x:.1f}" for x in r["load"]),
                ]
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
