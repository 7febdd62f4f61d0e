"""Throughput of the attribution engine: MB of text per second on one core.

Usage::

    python bench/bench_attribution_speed.py [--mb 4] [--one-line]

Text: the PolNeAR articles when present ($QUOTECHECK_SHARED/data/polnear or
../shared/data/polnear), else the shipped sample article plus generated fictional
articles.  Each article is analysed as its own Document, as indexing does.
The bar: indexing >= 2 MB/s per core as a whole, so the engine should do >= 4 MB/s.
Both wall time and CPU time are printed: on a shared, loaded machine the wall figure
swings by 2x from run to run, the CPU figure much less; compare versions by alternating
runs of this script.

``--one-line``: the same text as ONE document with no line break (the articles joined by
spaces), the shape of a user's 7 MB single-line file: its MB/s should be close to the
per-article figure (a long document or paragraph used to cost more per MB the longer it
was: 27 s of CPU to index 7.3 MB).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotecheck.analysis.attribution import analyze  # noqa: E402
from quotecheck.model import Document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def polnear_texts() -> list[str]:
    env = os.environ.get("QUOTECHECK_SHARED")
    roots = [Path(env) / "data" / "polnear"] if env else []
    roots.append(ROOT.parent / "shared" / "data" / "polnear")
    for r in roots:
        files = sorted(r.glob("*/text/*.txt"))
        if files:
            return [f.read_text(encoding="utf-8") for f in files]
    return []


def fictional_article(rng: random.Random) -> str:
    names = ["Ondra Valsek", "Liska Brandt", "Tamsin Orrel", "Pell Hosk"]
    places = ["Norvania", "Velmark", "Ostrava Bay", "Kessel"]
    paras = [f"{rng.choice(names)} visits {rng.choice(places)}", ""]
    for _ in range(12):
        n = rng.choice(names)
        p = rng.choice(places)
        kind = rng.randrange(4)
        if kind == 0:
            paras.append(
                f"“The harbour in {p} will reopen next spring,” {n.split()[1]} said. “We owe it to the people.”"
            )
        elif kind == 1:
            paras.append(
                f"{n} said the talks in {p} were frank and businesslike. He added that trade had doubled."
            )
        elif kind == 2:
            paras.append(
                f"According to officials in {p}, the bridge carries ten thousand cars a day."
            )
        else:
            paras.append(
                f"The delegation from {p} arrived on Tuesday and toured the new port facilities."
            )
        paras.append("")
    return "\n".join(paras)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="MB of text to analyse (default 4)")
    ap.add_argument(
        "--one-line",
        action="store_true",
        help="analyse the text as one document with no line break (see above)",
    )
    args = ap.parse_args()
    texts = polnear_texts()
    source = "PolNeAR"
    if not texts:
        rng = random.Random(7)
        sample = (ROOT / "corpus" / "pompeo-lavrov-press-conference-2019.txt").read_text(
            encoding="utf-8"
        )
        texts = [sample] + [fictional_article(rng) for _ in range(200)]
        source = "sample + fictional articles"
    target = int(args.mb * 1_000_000)
    docs: list[str] = []
    size = 0
    while size < target:
        for t in texts:
            docs.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    if args.one_line:
        docs = [" ".join(" ".join(t.split()) for t in docs)]
        source += ", as one line"
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_statements = 0
    for t in docs:
        body = t.find("\n\n")  # (-1 in the one-line text)
        doc = Document(
            path="bench", text=t, format="article", body_start=body + 2 if body >= 0 else 0
        )
        analyze(doc)
        n_statements += len(doc.statements)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(f"{source}: {len(docs)} documents, {size / 1e6:.2f} MB, {n_statements} statements")
    print(f"analyze(): {dt:.2f} s, {size / 1e6 / dt:.2f} MB/s on one core")
    # On a shared, loaded machine wall time includes waiting for a core; CPU time does not.
    print(f"  CPU time {cpu:.2f} s: {size / 1e6 / cpu:.2f} MB/s of CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
