"""Fuzz the readers, attribution and ``Searcher.check`` for a fixed time; report crashes.

Not part of the test run. Feeds random and mutated inputs (seeded from fictional
articles, transcripts and records) to every reader, to ``analyze`` and to the
writer, then looks random and mutated queries up in the index it built. Any
exception other than an ``InputError`` from a reader, any offset that does not
slice back, or any single step slower than ``--slow`` seconds is a finding: its
input is saved under ``--out`` as a reproducer and listed at the end.

    python bench/fuzz.py --seconds 60
    python bench/fuzz.py --seconds 30 --seed 7 --out /tmp/qc-fuzz
    python bench/fuzz.py --big 50      # time indexing one 50 MB single-line file

Exit code 0 when nothing was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck.analysis.attribution import analyze  # noqa: E402
from quotecheck.errors import InputError  # noqa: E402
from quotecheck.indexing import index_paths, prepare_file  # noqa: E402
from quotecheck.model import Document  # noqa: E402
from quotecheck.readers import READERS  # noqa: E402
from quotecheck.search.check import Searcher  # noqa: E402
from quotecheck.store import Store  # noqa: E402

SEEDS: dict[str, str] = {
    "article.txt": (
        "Corvale council approves the harbour plan\n\n"
        "Mayor Ilsa Brandt of Corvale presented the harbour plan on Monday.\n\n"
        "“We will not sell the old lighthouse to anyone,” Brandt said. “It belongs to the town.”\n\n"
        "Councillor Tomas Ferreol said the budget of 12 million crowns was too high. "
        "According to the ministry, the works start in May. She stressed the need for calm.\n\n"
        "“We will build it,” she said, “and we will pay for it — every crown.\n\n"
        "“Nobody in Corvale will be left out.”\n"
    ),
    "transcript.txt": (
        "BRANDT: Good evening, and welcome to Corvale.\n"
        "FERREOL: Thank you. The budget is too high.\n"
        "BRANDT: He said, “we will not sell the lighthouse.”\n"
        "AUDIENCE: (applause)\n"
    ),
    "debate.tsv": "1\tBrandt\tThe harbour will open.\n2\tFerreol\tNot this year.\n",
    "records.jsonl": (
        '{"id": "r1", "text": "Brandt said the harbour would reopen.", "speaker": "Ilsa Brandt"}\n'
        '{"id": "r2", "text": "Valsek opened the Velden bridge.", "date": "2024-05-01"}\n'
    ),
    "records.json": '[{"id": 1, "text": "Ferreol said no."}, {"id": 2, "body": "Koltan said yes."}]',
    "records.csv": 'id,text,speaker\n1,"Brandt said, ""yes"".",Ilsa Brandt\n2,Ferreol said no.,\n',
    "records.tsv": "id\ttext\n1\tValsek said the bridge opens Friday.\n",
}
FORMAT_OF = {
    "article.txt": "text",
    "transcript.txt": "text",
    "debate.tsv": "transcript",
    "records.jsonl": "jsonl",
    "records.json": "json",
    "records.csv": "csv",
    "records.tsv": "tsv",
}
SPICE = [
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    '"',
    "'",
    "—",
    " said ",
    " told ",
    " he ",
    " she ",
    "Brandt",
    "Ferreol",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\x00",
    "\x1b",
    "\u202e",
    "\u0301",
    "\ufeff",
    "\ufffd",
    "{",
    "}",
    ",",
    ":",
    "BRANDT: ",
    "1\tX\t",
    "\\",
    "\U0001f600",
]


class Fuzzer:
    def __init__(self, rng: random.Random, out: Path, slow: float) -> None:
        self.rng = rng
        self.out = out
        self.slow = slow
        self.findings: list[str] = []
        self.cases = 0

    # ------------------------------------------------------------ inputs
    def mutate(self, data: bytes) -> bytes:
        rng = self.rng
        b = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            op = rng.randrange(7)
            pos = rng.randint(0, len(b))
            if op == 0 and b:  # flip a byte
                b[min(pos, len(b) - 1)] = rng.randrange(256)
            elif op == 1:  # insert a spicy piece
                b[pos:pos] = rng.choice(SPICE).encode("utf-8", "surrogatepass")
            elif op == 2 and b:  # delete a run
                del b[pos : pos + rng.randint(1, 20)]
            elif op == 3 and b:  # duplicate a run
                s = rng.randint(0, len(b) - 1)
                b[pos:pos] = b[s : s + rng.randint(1, 200)]
            elif op == 4:  # random bytes
                b[pos:pos] = rng.randbytes(rng.randint(1, 16))
            elif op == 5 and b:  # truncate
                del b[pos:]
            else:  # repeat the whole thing (long inputs)
                b = b * rng.randint(2, 20)
        return bytes(b[: 1 << 20])

    def random_input(self) -> tuple[str, bytes]:
        name = self.rng.choice(sorted(SEEDS))
        seed = SEEDS[name].encode("utf-8")
        r = self.rng.random()
        if r < 0.1:
            data = self.rng.randbytes(self.rng.randint(0, 2000))
        elif r < 0.2:
            data = "".join(self.rng.choice(SPICE) for _ in range(self.rng.randint(0, 300))).encode(
                "utf-8", "surrogatepass"
            )
        else:
            data = self.mutate(seed)
            if self.rng.random() < 0.1:
                data = data.decode("utf-8", "replace").encode(
                    self.rng.choice(["utf-16", "utf-16-le", "cp1252", "latin-1"]), "replace"
                )
        return name, data

    # ------------------------------------------------------------ findings
    def report(self, what: str, name: str, data: bytes | str, exc: BaseException | None) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        n = len(self.findings) + 1
        ext = os.path.splitext(name)[1] or ".txt"
        path = self.out / f"crash-{n:03}{ext}"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
        tb = "".join(traceback.format_exception(exc)) if exc else ""
        (self.out / f"crash-{n:03}.log").write_text(f"{what}\n{tb}", encoding="utf-8")
        line = f"{what}: reproducer {path}"
        self.findings.append(line)
        print(line, file=sys.stderr)
        if tb:
            print(tb, file=sys.stderr)

    def timed(self, what: str, name: str, data: bytes | str, fn: Any) -> Any:
        t0 = time.monotonic()
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            self.report(f"{what} raised {type(exc).__name__}", name, data, exc)
            return None
        finally:
            dt = time.monotonic() - t0
            if dt > self.slow:
                self.report(f"{what} took {dt:.1f}s", name, data, None)

    # ------------------------------------------------------------ targets
    def read_one(self, name: str, data: bytes) -> list[Document]:
        fmt = self.rng.choice([FORMAT_OF[name]] * 3 + [r for r in READERS if r != "html"])

        def go() -> list[Document]:
            docs = []
            for item in READERS[fmt](name, data, {}):
                if isinstance(item, InputError):
                    continue
                analyze(item)
                text = item.text
                for s in item.statements:
                    bad = not (0 <= s.start <= s.end <= len(text)) or any(
                        not (s.start <= a <= b <= s.end) for a, b in s.spans
                    )
                    for m in (s.mention, s.cue):
                        bad = bad or (m is not None and text[m.start : m.end] != m.text)
                    if bad:
                        raise AssertionError(f"statement offsets do not slice back: {s}")
                docs.append(item)
            return docs

        return self.timed(f"reader {fmt} + analyze", name, data, go) or []

    def prepare_one(self, name: str, data: bytes) -> None:
        self.timed(
            "prepare_file",
            name,
            data,
            lambda: prepare_file("/fuzz/" + name, FORMAT_OF[name], {}, None, data),
        )

    def query(self, searcher: Searcher, corpus: list[str]) -> None:
        rng = self.rng
        r = rng.random()
        if r < 0.3 and corpus:
            text = rng.choice(corpus)
            s = rng.randint(0, max(0, len(text) - 1))
            q = text[s : s + rng.randint(1, 400)]
            q = self.mutate(q.encode("utf-8", "surrogatepass")).decode("utf-8", "replace")
        elif r < 0.5:
            q = "".join(rng.choice(SPICE) for _ in range(rng.randint(0, 50)))
        elif r < 0.6:
            q = rng.randbytes(rng.randint(0, 200)).decode("latin-1")
        elif r < 0.7:
            q = " ".join(
                rng.choice(["the", "harbour", "Brandt", "not", "12", "“", "said"])
                for _ in range(rng.randint(1, 3000))
            )
        else:
            q = rng.choice(["", " ", "AND", "NEAR(", '"', "*", "a OR b", "body:x", "^", "—"])
        speaker = rng.choice([None, None, "Brandt", "Ilsa Brandt", "nobody", ""])

        def go() -> None:
            res = searcher.check(
                q,
                top=rng.randint(0, 5),
                min_score=rng.choice([None, 0, 50, 100]),
                claimed_speaker=speaker,
            )
            for m in res["matches"]:
                if not 0 <= m["start"] <= m["end"]:
                    raise AssertionError(f"bad match offsets {m['start']}..{m['end']}")
                text = searcher.store.text_slice(m["document"]["id"], m["start"], m["end"])
                if text != m["matched_text"]:
                    raise AssertionError("matched_text does not slice back")

        self.timed("Searcher.check", "query.txt", q, go)

    # ------------------------------------------------------------ run
    def run(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            corpus: list[str] = []
            # Phase 1 (half the time): readers and attribution; keep some inputs as a corpus.
            half = time.monotonic() + seconds / 2
            while time.monotonic() < half:
                name, data = self.random_input()
                self.cases += 1
                for doc in self.read_one(name, data):
                    corpus.append(doc.text)
                if self.rng.random() < 0.2:
                    self.prepare_one(name, data)
                if self.rng.random() < 0.05 and len(os.listdir(folder)) < 300:
                    (folder / f"{self.cases:06}-{name}").write_bytes(data)
            for name, text in SEEDS.items():
                (folder / name).write_text(text, encoding="utf-8")
            store = Store(Path(tmp) / "fuzz.db")
            self.timed(
                "index_paths", "corpus", str(folder), lambda: index_paths(store, [str(folder)])
            )
            searcher = Searcher(store)
            # Phase 2: queries against what was indexed.
            while time.monotonic() < deadline:
                self.cases += 1
                self.query(searcher, corpus or list(SEEDS.values()))
            store.close()


def big_file(megabytes: int) -> None:
    """Time indexing one single-line file of ``megabytes`` MB (the issue's 50 MB case)."""
    rng = random.Random(1)
    words = "the harbour plan of Corvale will go ahead said Brandt and the council voted".split()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-line.txt"
        size = megabytes * 1_000_000
        with open(path, "w", encoding="utf-8") as fh:
            written = 0
            while written < size:
                chunk = " ".join(rng.choice(words) for _ in range(20_000)) + " "
                fh.write(chunk)
                written += len(chunk)
        store = Store(Path(tmp) / "big.db")
        t0 = time.monotonic()
        report = index_paths(store, [str(path)])
        dt = time.monotonic() - t0
        store.close()
        print(
            json.dumps(
                {
                    "megabytes": round(os.path.getsize(path) / 1e6, 1),
                    "seconds": round(dt, 1),
                    "mb_per_second": round(os.path.getsize(path) / 1e6 / dt, 2),
                    "documents": report.documents,
                    "errors": report.errors,
                }
            )
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="where reproducers go")
    ap.add_argument(
        "--slow", type=float, default=5.0, help="seconds after which a step is a finding"
    )
    ap.add_argument(
        "--big", type=int, metavar="MB", help="instead: time one MB-sized single-line file"
    )
    args = ap.parse_args()
    if args.big:
        big_file(args.big)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    fz = Fuzzer(random.Random(seed), args.out, args.slow)
    fz.run(args.seconds)
    print(f"seed {seed}: {fz.cases} cases in {args.seconds:.0f}s, {len(fz.findings)} findings")
    for f in fz.findings:
        print("  " + f)
    return 1 if fz.findings else 0


if __name__ == "__main__":
    sys.exit(main())
