"""Does indexing still give exactly the same index?  A reference for speed work.

    .venv/bin/python bench/check_identical.py OUT.txt [--jobs N] [--generated DIR]
    cmp OUT_before.txt OUT_after.txt

Indexes ``corpus/``, every PolNeAR article text ($QUOTECHECK_SHARED/data/polnear or
../shared/data/polnear, ``*/text/*.txt``) and 1,000 generated articles
(``bench/gen_corpus.py --articles 1000 --seed 7``, written to a temp folder unless
``--generated`` names one) into a fresh index, through ``index_paths`` as the CLI does,
and writes a canonical listing: for each document (by path) its fields and a digest of
its text, its units (sentence offsets), its statements with every field (kind, offsets,
spans, speaker and its key, mention, cue) and its speaker aliases; then the FTS
vocabulary (``terms``) and a digest of every FTS instance (term, unit, position). Ids
are replaced by what they point at, so ``--jobs 2`` (documents written in any order)
must give the same listing as ``--jobs 1``. Prints the listing's SHA-256 and
the time taken. Without the PolNeAR data it says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck.indexing import index_paths  # noqa: E402
from quotecheck.store.db import Store  # noqa: E402


def polnear_dir() -> Path | None:
    env = os.environ.get("QUOTECHECK_SHARED")
    root = (Path(env) if env else ROOT.parent / "shared") / "data" / "polnear"
    return root if any(root.glob("*/text/*.txt")) else None


def dump(db_path: str, out: Path, roots: dict[str, str]) -> str:
    """Write the listing to ``out``; return its SHA-256. ``roots``: path prefixes to
    replace by a name (a temp folder's name must not change the listing)."""

    def short(path: str) -> str:
        for prefix, name in roots.items():
            if path.startswith(prefix):
                return name + path[len(prefix) :]
        return path

    store = Store(db_path, readonly=True)
    db = store.db
    h = hashlib.sha256()
    with out.open("w", encoding="utf-8") as f:

        def w(line: str) -> None:
            f.write(line + "\n")
            h.update(line.encode("utf-8", "surrogatepass") + b"\n")

        docs = db.execute(
            "SELECT id, path, key, format, title, date, url, source, hash, line_base,"
            " body_start, text FROM documents ORDER BY path, coalesce(key, '')"
        ).fetchall()
        unit_at: dict[int, str] = {}
        for row in docs:
            doc_id, text = row[0], row[-1]
            digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            fields = [short(row[1]), *row[2:-1], len(text), digest]
            w("D " + json.dumps(fields, ensure_ascii=False))
            units = db.execute(
                "SELECT id, start, end FROM units WHERE doc_id = ? ORDER BY start, end", (doc_id,)
            ).fetchall()
            for i, (uid, _, _) in enumerate(units):
                unit_at[uid] = f"{short(row[1])}#{row[2]}#{i}"
            w("U " + json.dumps([(s, e) for _, s, e in units]))
            for st in db.execute(
                "SELECT s.kind, s.start, s.end, s.spans, sp.name, sp.key, s.mention_text,"
                " s.mention_start, s.mention_end, s.cue_text, s.cue_start, s.cue_end"
                " FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id"
                " WHERE s.doc_id = ? ORDER BY s.start, s.end, s.kind, s.id",
                (doc_id,),
            ):
                w("S " + json.dumps(st, ensure_ascii=False))
            aliases = db.execute(
                "SELECT sp.name, sp.key, a.alias, a.kind FROM speaker_aliases a"
                " JOIN speakers sp ON sp.id = a.speaker_id WHERE a.doc_id = ?",
                (doc_id,),
            ).fetchall()
            for a in sorted(aliases):
                w("A " + json.dumps(a, ensure_ascii=False))
        for row in db.execute("SELECT name, key FROM speakers ORDER BY key"):
            w("P " + json.dumps(row, ensure_ascii=False))
        for row in db.execute("SELECT term, docs FROM terms ORDER BY term"):
            w("T " + json.dumps(row, ensure_ascii=False))
        db.execute("CREATE VIRTUAL TABLE temp.inst USING fts5vocab(main, 'units_fts', 'instance')")
        fts = hashlib.sha256()
        n = 0
        rows = sorted(
            (unit_at[doc], term, off)
            for term, doc, off in db.execute("SELECT term, doc, offset FROM temp.inst")
        )
        for r in rows:
            fts.update(repr(r).encode("utf-8", "surrogatepass"))
            n += 1
        w(f"F {n} {fts.hexdigest()}")
    store.close()
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="where to write the listing")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--generated", type=Path, help="folder of generated articles to use")
    args = ap.parse_args()
    polnear = polnear_dir()
    if polnear is None:
        print("check_identical: no PolNeAR data (../shared/data/polnear); skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="qc-identical-") as tmp:
        gen = args.generated
        if gen is None:
            gen = Path(tmp) / "gen"
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(gen)]
                + ["--articles", "1000", "--seed", "7"],
                check=True,
                capture_output=True,
            )
        paths = [str(ROOT / "corpus"), str(gen)]
        paths += [str(p) for p in sorted(polnear.glob("*/text"))]
        db = os.path.join(tmp, "i.db")
        store = Store(db)
        t0, c0 = time.perf_counter(), time.process_time()
        report = index_paths(store, paths, jobs=args.jobs)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        store.close()
        roots = {str(gen.resolve()): "GEN", str(polnear.resolve()): "POLNEAR", str(ROOT): "ROOT"}
        digest = dump(db, args.out, roots)
    print(
        f"{report.documents} documents, {report.statements} statements,"
        f" {report.characters / 1e6:.2f} M characters, {len(report.errors)} errors;"
        f" indexing {wall:.1f} s wall, {cpu:.1f} s CPU of this process"
    )
    print(f"listing {args.out}: sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
