"""Write a benchmark archive of realistic news articles, of any size.

Paragraphs come from the project's own sample articles (``corpus/``) and, when
present, the PolNeAR article texts (``$QUOTECHECK_SHARED/data/polnear`` or
``<repo>/../shared/data/polnear``). Each generated article is a headline and
paragraphs drawn at random; the sentences of a paragraph are sometimes reordered,
and a couple of words in each sentence are swapped for other words of the source
text (drawn by frequency), so no two articles, and few sentences, are alike while
quote marks, speech verbs and sentence lengths stay those of real news.

    .venv/bin/python bench/gen_corpus.py OUT_DIR --articles 10000 [--seed 1] [--own-text-only]

Files go in sub-folders of 1,000 (``OUT_DIR/0000/a0000001.txt``). Deterministic for
a seed. Prints the number of articles and bytes written.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘'A-Z])")
_SWAPPABLE = re.compile(r"\b[a-z]{4,}\b")
PER_DIR = 1000


def shared_dir() -> Path:
    env = os.environ.get("QUOTECHECK_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def source_files(own_only: bool = False) -> list[Path]:
    files = sorted((ROOT / "corpus").glob("*.txt"))
    if not own_only:
        for split in ("train", "dev"):
            files.extend(sorted((shared_dir() / "data" / "polnear" / split / "text").glob("*.txt")))
    return files


class Generator:
    """Draws articles from a pool of paragraphs; see the module docstring."""

    def __init__(self, files: list[Path], seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.headlines: list[str] = []
        self.paragraphs: list[list[str]] = []  # each a list of sentences
        words: list[str] = []
        for f in files:
            text = f.read_text(encoding="utf-8", errors="replace")
            paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
            if not paras:
                continue
            self.headlines.append(paras[0])
            for p in paras[1:]:
                self.paragraphs.append(_SENT.split(p))
                words.extend(_SWAPPABLE.findall(p))
        if not self.paragraphs:
            raise SystemExit("no source text found (corpus/ is empty?)")
        self.words = words or ["statement"]

    def _sentence(self, s: str) -> str:
        rng = self.rng
        spots = list(_SWAPPABLE.finditer(s))
        if not spots:
            return s
        out, last = [], 0
        for m in sorted(rng.sample(spots, min(2, len(spots))), key=lambda m: m.start()):
            out.append(s[last : m.start()])
            out.append(rng.choice(self.words))
            last = m.end()
        out.append(s[last:])
        return "".join(out)

    def article(self, target_chars: int) -> str:
        rng = self.rng
        head = self._sentence(rng.choice(self.headlines))
        parts, size = [head], len(head)
        while size < target_chars:
            sents = list(rng.choice(self.paragraphs))
            if len(sents) > 2 and rng.random() < 0.3:
                rng.shuffle(sents)
            para = " ".join(self._sentence(s) for s in sents)
            parts.append(para)
            size += len(para) + 2
        return "\n\n".join(parts) + "\n"


def generate(
    out: Path, articles: int, *, seed: int = 1, own_only: bool = False, mean_chars: int = 4000
) -> int:
    """Write ``articles`` files under ``out``; return the bytes written."""
    gen = Generator(source_files(own_only), seed)
    total = 0
    for i in range(articles):
        d = out / f"{i // PER_DIR:04d}"
        if i % PER_DIR == 0:
            d.mkdir(parents=True, exist_ok=True)
        target = max(600, int(gen.rng.lognormvariate(0, 0.5) * mean_chars * 0.88))
        data = gen.article(target).encode("utf-8")
        (d / f"a{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--mean-chars", type=int, default=4000, help="mean article length (default 4000)"
    )
    ap.add_argument("--own-text-only", action="store_true", help="use corpus/ only, not ../shared")
    args = ap.parse_args(argv)
    n = generate(
        args.out,
        args.articles,
        seed=args.seed,
        own_only=args.own_text_only,
        mean_chars=args.mean_chars,
    )
    print(f"{args.articles} articles, {n / 1e6:.1f} MB in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
