"""Instructions executed to index articles: a speed figure that does not depend on load.

    .venv/bin/python bench/instructions.py [--articles 100] [--dir DIR] [--attribution-only]

On a shared machine, wall and even CPU time swing by 10% from run to run; the number of
instructions executed does not (within ~0.5%). This runs ``index_paths`` (read, attribution,
units, SQLite writes, optimize; one process, as ``--jobs 1``) on the first ``--articles``
``.txt`` files of ``--dir`` (default: the PolNeAR article texts, else ``corpus/``) under
``valgrind --tool=cachegrind --cache-sim=no`` with ``PYTHONHASHSEED=0``, once with no file
(start-up: imports, a new index) and once with the files, and prints the instructions per
MB of text. ``--attribution-only`` runs ``analyze`` alone instead. Needs valgrind (about
50 times slower than a plain run: 100 articles take ~20 s). Compare two trees by running
the script of each (its own ``quotecheck`` is imported).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts_dir() -> Path:
    env = os.environ.get("QUOTECHECK_SHARED")
    root = (Path(env) if env else ROOT.parent / "shared") / "data" / "polnear" / "dev" / "text"
    return root if any(root.glob("*.txt")) else ROOT / "corpus"


def inner(files: list[str], attribution_only: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from quotecheck.analysis.attribution import analyze
    from quotecheck.indexing import index_paths
    from quotecheck.readers import read_bytes, read_file
    from quotecheck.store import db
    from quotecheck.store.db import Store

    # A batch transaction is also committed once it is BATCH_SECONDS old: under valgrind
    # (50x slower) that made ~40 commits of 100 articles where a plain run makes one, and
    # their number varied from run to run. Only the document and size limits here.
    db.BATCH_SECONDS = float("inf")

    with tempfile.TemporaryDirectory() as tmp:
        if attribution_only:
            for f in files:
                for doc in read_file(f, read_bytes(f), None, {}):
                    if not isinstance(doc, Exception):
                        analyze(doc)
            return
        store = Store(os.path.join(tmp, "i.db"))
        if files:
            folder = os.path.join(tmp, "in")
            os.mkdir(folder)
            for f in files:
                shutil.copy(f, folder)
            index_paths(store, [folder])
        store.close()


def count(files: list[str], attribution_only: bool) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
        cmd += [sys.executable, __file__, "--inner", *files]
        if attribution_only:
            cmd.append("--attribution-only")
        env = dict(os.environ, PYTHONHASHSEED="0")
        res = subprocess.run(cmd, capture_output=True, text=True, env=env)
        m = re.search(r"I\s+refs:\s+([\d,]+)", res.stderr)
        if res.returncode or m is None:
            sys.exit(f"valgrind run failed:\n{res.stderr[-2000:]}")
        return int(m.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--dir", type=Path, help="folder of .txt articles")
    ap.add_argument("--attribution-only", action="store_true")
    ap.add_argument("--inner", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner is not None:
        inner(args.inner, args.attribution_only)
        return 0
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed; skipped")
        return 0
    folder = args.dir or texts_dir()
    files = sorted(str(p) for p in folder.glob("*.txt"))[: args.articles]
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    t0 = time.perf_counter()
    base = count([], args.attribution_only)
    total = count(files, args.attribution_only)
    what = "analyze()" if args.attribution_only else "index_paths (--jobs 1)"
    print(f"{what} of {ROOT}: {len(files)} articles of {folder}, {mb:.2f} MB")
    print(f"  start-up {base / 1e6:.1f} M instructions, with the articles {total / 1e6:.1f} M")
    print(f"  {(total - base) / 1e6 / mb:.1f} M instructions per MB of text")
    print(f"  ({time.perf_counter() - t0:.0f} s under valgrind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
