"""The compiled route to the indexing-speed bar, measured: the analysis layer built with mypyc.

    .venv/bin/python bench/mypyc_speed.py [--dir DIR] [--pairs 2]

Copies this checkout's ``quotecheck/`` and ``bench/`` to a temporary folder, compiles the
attribution engine (``quotecheck/analysis/*.py`` and ``quotecheck/model.py``, unchanged)
to C extensions with mypyc (it comes with mypy, a dev dependency; needs a C compiler and
takes ~2-3 minutes), then runs ``bench/index_phases.py --repeat 1`` alternately in the
plain and the compiled copy, ``--pairs`` times, and prints both. Nothing is installed
and the project is not changed. The project ships plain Python; this script only
answers "how far would compiling the rules as they are go?".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPILED = [
    "quotecheck/analysis/attribution.py",
    "quotecheck/analysis/cues.py",
    "quotecheck/analysis/names.py",
    "quotecheck/analysis/people.py",
    "quotecheck/analysis/quotes.py",
    "quotecheck/analysis/sentences.py",
    "quotecheck/analysis/tokens.py",
    "quotecheck/model.py",
]


def phases(tree: Path, args: argparse.Namespace) -> str:
    cmd = [sys.executable, str(tree / "bench" / "index_phases.py"), "--repeat", "1"]
    if args.dir:
        cmd += ["--dir", str(args.dir)]
    out = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, check=True).stdout
    return "\n".join(out.splitlines()[1:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, help="folder of .txt files (default: index_phases.py's)")
    ap.add_argument("--pairs", type=int, default=2, help="alternated plain/compiled runs")
    args = ap.parse_args()
    mypyc = Path(sys.executable).with_name("mypyc")
    if not mypyc.exists() or shutil.which("cc") is None:
        print("skipped: needs mypyc (pip install mypy) and a C compiler", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="qc-mypyc-") as tmp:
        trees = {"plain": Path(tmp) / "plain", "mypyc": Path(tmp) / "mypyc"}
        for tree in trees.values():
            for part in ("quotecheck", "bench", "corpus"):
                shutil.copytree(
                    ROOT / part, tree / part, ignore=shutil.ignore_patterns("__pycache__", "*.so")
                )
        print("compiling with mypyc ...", file=sys.stderr, flush=True)
        build = subprocess.run(
            [str(mypyc), *COMPILED], cwd=trees["mypyc"], capture_output=True, text=True
        )
        if build.returncode != 0:
            print(build.stdout[-2000:], build.stderr[-2000:], sep="\n", file=sys.stderr)
            return 1
        for i in range(max(1, args.pairs)):
            for name, tree in trees.items():
                print(f"--- {name}, run {i + 1}")
                print(phases(tree, args), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
