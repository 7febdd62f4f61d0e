"""Plain-text articles (.txt, .md) and speaker-labelled transcripts.

An article's first non-empty line is its headline (Markdown ``#`` stripped).
Transcripts come in two layouts, detected automatically:

* ``SPEAKER: text`` lines (``HOLT: Good evening.``)
* ``line<TAB>SPEAKER<TAB>text[<TAB>...]`` rows, as in the CLEF CheckThat! debates.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from quotecheck.errors import InputError
from quotecheck.model import Document, Marked, Statement
from quotecheck.readers.decode import decode_or_error

_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z0-9 .'\-]{0,38}[A-Z0-9.]|[A-Z])[ \t]*:[ \t]*(?=\S)", re.M)
_TAB_ROW = re.compile(r"^[ \t]*\d+\t([^\t\n]{1,60})\t([^\t\n]*)", re.M)
_STAGE = {"SYSTEM", "STAGE", "NARRATOR", "AUDIENCE", "UNKNOWN", "UNIDENTIFIED"}
_LINE_END = re.compile(r"\n")


def _nonblank_lines(text: str) -> list[str]:
    return [ln for ln in text[:200_000].splitlines() if ln.strip()]


def detect_transcript(text: str) -> str | None:
    """``"tab"`` or ``"label"`` when most lines are speaker-labelled, else None."""
    lines = _nonblank_lines(text)
    if len(lines) < 2:
        return None
    sample = lines[:400]
    tab = sum(1 for ln in sample if _TAB_ROW.match(ln))
    if tab >= 0.8 * len(sample):
        return "tab"
    lab = sum(1 for ln in sample if _LABEL.match(ln))
    if lab >= 0.6 * len(sample) and lab >= 2:
        return "label"
    return None


def read_text(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    """An article or a transcript, whichever the text looks like."""
    text = decode_or_error(data, path)
    if isinstance(text, InputError):
        yield text
        return
    layout = detect_transcript(text)
    yield transcript_document(path, text, layout) if layout else article_document(path, text)


def read_article(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    text = decode_or_error(data, path)
    yield text if isinstance(text, InputError) else article_document(path, text)


def read_transcript(
    path: str, data: bytes, fields: dict[str, str]
) -> Iterator[Document | InputError]:
    text = decode_or_error(data, path)
    if isinstance(text, InputError):
        yield text
        return
    yield transcript_document(path, text, detect_transcript(text) or "label")


def article_document(path: str, text: str) -> Document:
    """An article: headline from the first non-empty line, the rest is the body."""
    title = None
    body_start = 0
    m = re.search(r"\S[^\n]*", text[:100_000])
    if m:
        title = m.group().strip()
        if path.lower().endswith((".md", ".markdown")):
            title = title.lstrip("#").strip()
        title = title[:500] or None
        body_start = m.end()
    return Document(path=path, text=text, format="article", title=title, body_start=body_start)


def _speaker_name(label: str) -> str:
    """``"CLINTON"`` -> ``"Clinton"``; ``"MR. O'BRIEN"`` -> ``"Mr. O'Brien"``."""
    words = []
    for w in label.split():
        parts = re.split(r"(['\-])", w.lower())
        words.append("".join(p[:1].upper() + p[1:] for p in parts))
    return " ".join(words)


def transcript_document(path: str, text: str, layout: str | None) -> Document:
    """A transcript: each labelled line is a statement of its speaker."""
    statements: list[Statement] = []
    pattern = _TAB_ROW if layout == "tab" else _LABEL
    for m in pattern.finditer(text):
        label_start, label_end = m.span(1)
        label = m.group(1).strip()
        if label.upper() in _STAGE:
            continue
        if layout == "tab":
            start, end = m.span(2)
        else:
            start = m.end()
            nl = text.find("\n", start)
            end = len(text) if nl < 0 else nl
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        statements.append(
            Statement(
                kind="transcript",
                start=start,
                end=end,
                spans=[(start, end)],
                speaker=_speaker_name(label),
                mention=Marked(text[label_start:label_end], label_start, label_end),
            )
        )
    title = os.path.splitext(os.path.basename(path))[0]
    return Document(path=path, text=text, format="transcript", title=title, statements=statements)
