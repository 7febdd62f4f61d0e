"""Misattribution check on a real debate transcript (issue 5's dev figure).

Indexes ../shared/data/debates/*.tsv as a speaker-labelled transcript (each file's two
candidates are the labels with the most lines besides the moderator, who speaks first),
samples lines spoken by the candidates (at least 6 words, a fixed seed), and checks each
line's words twice: with the right speaker claimed (expect ``confirmed``) and
with the other candidate claimed (expect ``misattributed``). Claimed speakers are
given as a user would type them (full names: "Hillary Clinton"), so the check
also exercises surname/full-name matching.

    python bench/eval_debate.py [--n 300] [--seed 7]

Skips (exit 0) when ../shared/data/debates is absent.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("QUOTECHECK_SHARED", ROOT.parent / "shared"))
# the 2016 debate's candidates as a user would name them; other debates' by their labels
FULL = {"CLINTON": "Hillary Clinton", "TRUMP": "Donald Trump"}


def candidates(table: list[list[str]]) -> tuple[str, str] | None:
    """The two debaters of a transcript: the labels with the most lines, leaving out the
    first speaker (the moderator) and stage directions (SYSTEM)."""
    counts = collections.Counter(p[1] for p in table[1:] if p[1] != table[0][1])
    counts.pop("SYSTEM", None)
    top = [label for label, _ in counts.most_common(2)]
    return (top[0], top[1]) if len(top) == 2 else None


def claimed(label: str) -> str:
    """The name a user would type: the full name when we know it, else the surname."""
    return FULL.get(label, label.title())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300, help="lines to sample")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    data = SHARED / "data" / "debates"
    files = sorted(data.glob("*.tsv")) if data.is_dir() else []
    if not files:
        print(f"skipped: no debate transcripts under {data}")
        return 0

    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store import Store

    rows = []
    other: dict[str, str] = {}
    for f in files:
        table = [line.split("\t") for line in f.read_text(encoding="utf-8").splitlines()]
        table = [p for p in table if len(p) >= 3 and p[0].strip().isdigit()]
        pair = candidates(table)
        if pair is None:
            print(f"skipped {f.name}: no two candidates besides the moderator", file=sys.stderr)
            continue
        other[pair[0]], other[pair[1]] = pair[1], pair[0]
        rows.extend((p[1], p[2]) for p in table if p[1] in pair and len(p[2].split()) >= 6)
    # A sentence said by both candidates cannot be checked for misattribution.
    said_by = collections.defaultdict(set)
    for who, text in rows:
        said_by[text.lower()].add(who)
    rows = [(w, t) for w, t in rows if len(said_by[t.lower()]) == 1]
    random.Random(args.seed).shuffle(rows)
    sample = rows[: args.n]

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "debate.db")
        rep = index_paths(store, [str(f) for f in files])  # as `quotecheck index` reads them
        searcher = Searcher(store)
        right = wrong = 0
        fails: list[str] = []
        t0 = time.perf_counter()
        for who, text in sample:
            r = searcher.check(text, claimed_speaker=claimed(who), top=1)
            right += r["attribution"] == "confirmed"
            if r["attribution"] != "confirmed" and len(fails) < 8:
                fails.append(f"  right-claim {claimed(who)}: {r['attribution']} {text[:70]!r}")
            r = searcher.check(text, claimed_speaker=claimed(other[who]), top=1)
            wrong += r["attribution"] == "misattributed"
            if r["attribution"] != "misattributed" and len(fails) < 16:
                fails.append(
                    f"  wrong-claim {claimed(other[who])}: {r['attribution']} {text[:70]!r}"
                )
        dt = time.perf_counter() - t0
        n = len(sample)
        print(
            f"debate transcript: {rep.documents} document(s), {rep.statements} statements indexed"
        )
        print(f"sampled lines (>= 6 words, candidates only): {n}, seed {args.seed}")
        print(f"right speaker claimed -> confirmed:     {right}/{n} = {right / n:.3f}   (bar 0.95)")
        print(
            f"other candidate claimed -> misattributed: {wrong}/{n} = {wrong / n:.3f}   (bar 0.95)"
        )
        print(f"{2 * n} checks in {dt:.1f}s ({1000 * dt / (2 * n):.1f} ms each)")
        if fails:
            print("first failures:")
            print("\n".join(fails))
    return 0


if __name__ == "__main__":
    sys.exit(main())
