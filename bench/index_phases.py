"""Where indexing time goes, phase by phase, and what the 2 MB/s-per-core bar leaves for attribution.

    .venv/bin/python bench/index_phases.py [--dir DIR] [--articles N] [--repeat 3]

Runs what ``quotecheck index --jobs 1`` runs, in one process, on the ``.txt`` files of
``--dir`` (default: the PolNeAR article texts, train and dev, when ``../shared`` or
``$QUOTECHECK_SHARED`` has them, else ``corpus/``), and times each phase in CPU seconds:

* ``attribution``: ``analyze()``, the statement finder and speaker resolver;
* ``read + units``: reading and decoding the file, the transcript test, the sentence
  units the search layer uses, and turning the analysis into rows (``prepare_file``
  without ``analyze``);
* ``write``: the SQLite writes (documents, units, FTS5, statements, aliases), in the
  batch transactions ``index`` uses, and the final FTS5 optimize.

It then prints the MB/s of each phase and of the whole, and the attribution speed the
bar (indexing with attribution >= 2 MB of text per second per core) would need given
the measured cost of the other phases. The best of ``--repeat`` runs is kept per phase
(CPU time still varies by ~10% on a shared machine). Nothing is written outside a
temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck import indexing  # noqa: E402
from quotecheck.analysis import attribution  # noqa: E402
from quotecheck.store.db import Store  # noqa: E402

BAR_MB_PER_S = 2.0


def default_files() -> list[Path]:
    env = os.environ.get("QUOTECHECK_SHARED")
    root = (Path(env) if env else ROOT.parent / "shared") / "data" / "polnear"
    files = sorted(root.glob("*/text/*.txt"))
    return files or sorted((ROOT / "corpus").glob("*.txt"))


def one_run(files: list[str]) -> dict[str, float]:
    spent = {"attribution": 0.0, "prepare": 0.0, "write": 0.0}
    real_analyze = attribution.analyze

    def timed_analyze(doc: object) -> None:
        t = time.process_time()
        try:
            real_analyze(doc)  # type: ignore[arg-type]
        finally:
            spent["attribution"] += time.process_time() - t

    # indexing.prepare imports analyze from the module at each call
    attribution.analyze = timed_analyze  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(os.path.join(tmp, "phases.db"))
            report = indexing.IndexReport()
            with store.batch(), indexing._fewer_collections():
                for path in files:
                    t = time.process_time()
                    res = indexing.prepare_file(path, None, {}, None)
                    t2 = time.process_time()
                    indexing._write(store, res, report)
                    store.commit_due()
                    t3 = time.process_time()
                    spent["prepare"] += t2 - t
                    spent["write"] += t3 - t2
            t = time.process_time()
            store.optimize()
            spent["write"] += time.process_time() - t
            store.close()
            if report.errors:
                raise SystemExit(f"indexing errors: {report.errors[:3]}")
    finally:
        attribution.analyze = real_analyze  # type: ignore[assignment]
    spent["read + units"] = spent.pop("prepare") - spent["attribution"]
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, help="folder of .txt files (default: PolNeAR texts)")
    ap.add_argument("--articles", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best of each phase is kept")
    args = ap.parse_args()
    paths = sorted(args.dir.glob("*.txt")) if args.dir else default_files()
    if args.articles:
        paths = paths[: args.articles]
    if not paths:
        print("no .txt files found", file=sys.stderr)
        return 1
    files = [str(p) for p in paths]
    mb = sum(p.stat().st_size for p in paths) / 1e6
    runs = [one_run(files) for _ in range(max(1, args.repeat))]
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    total = sum(best.values())
    print(f"{len(files)} files, {mb:.2f} MB; best of {len(runs)} runs, CPU seconds")
    print(f"{'phase':<14} {'CPU s':>7} {'share':>6} {'MB/s':>7}")
    for name in ("read + units", "attribution", "write"):
        s = best[name]
        print(f"{name:<14} {s:7.2f} {s / total:6.0%} {mb / s if s else float('inf'):7.2f}")
    print(f"{'whole':<14} {total:7.2f} {1:6.0%} {mb / total:7.2f}")
    rest = best["read + units"] + best["write"]
    budget = mb / BAR_MB_PER_S - rest
    print(
        f"bar {BAR_MB_PER_S:g} MB/s per core: {mb / BAR_MB_PER_S:.2f} s for this text;"
        f" the other phases take {rest:.2f} s"
    )
    if budget <= 0:
        print("  -> the bar is out of reach even with attribution free")
    else:
        need = mb / budget
        have = mb / best["attribution"]
        print(
            f"  -> attribution would need >= {need:.1f} MB/s; it runs at {have:.2f} MB/s"
            f" ({need / have:.1f}x short)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
