"""PDF files, through pypdf (optional extra: ``pip install 'quotecheck[pdf]'``).

A PDF holds positioned lines, not paragraphs: pypdf gives each page's lines, and the
paragraphs are rebuilt from them. A line ends its paragraph when the next is blank, when
it ends a sentence and is clearly shorter than the page's full lines (the last line of a
paragraph in set text), when it is a short line that cannot run on (a heading), or when the
next line opens a speaker label (``DORN:``); the lines of a paragraph are joined with a
space. A word broken at a line end by a hyphen keeps it ("long-" / "term"), unless the
text writes the word whole elsewhere ("recon-" / "struction"). Page numbers alone on a
line, and a header or footer line repeated on most pages, are left out. The text is then
read as a ``.txt`` file is: an article (the first paragraph the headline, or the file's
Title property) or a transcript.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator
from functools import cache

from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers.articles import (
    article_document,
    detect_transcript,
    title_property,
    transcript_document,
)

MAX_PAGES = 2000  # a longer PDF is read up to here, and the rest reported
MAX_SECONDS = 60  # ... and for this much CPU time (a small file can hold pages costly to read)

_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.I
)
_SENTENCE_END = re.compile(r"[.!?:…][\"”’')\]]*$")
_RUNS_ON = re.compile(r"[,;\-–—(]$|\b(?:the|a|an|of|and|or|to|in|for|with|by)$", re.I)
_WORD = re.compile(r"\w+")
_LAST_WORD = re.compile(r"\w+$")
_LABEL_START = re.compile(r"(?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}|Q|A):\s")


def read_pdf(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    try:
        import pypdf
    except ImportError:
        yield InputError(path, "reading PDF needs the pdf extra: pip install 'quotecheck[pdf]'")
        return
    # pypdf logs what it repairs in a damaged file ("EOF marker not found") on stderr, in
    # lines that name no file: what matters reaches the user as this reader's errors
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            yield InputError(path, "encrypted PDF (it needs a password), skipped")
            return
        total = len(reader.pages)
        started = time.process_time()
        for page in reader.pages:
            if len(pages) >= MAX_PAGES or time.process_time() - started > MAX_SECONDS:
                break
            pages.append(page.extract_text() or "")
        meta = reader.metadata
        title = title_property(meta.get("/Title") if meta is not None else None)
    except pypdf.errors.DependencyError as err:  # AES encryption needs 'cryptography'
        yield InputError(path, f"cannot decrypt this PDF ({err}); run: pip install 'pypdf[crypto]'")
        return
    except Exception as err:  # pypdf raises many kinds on a broken file
        yield InputError(path, f"not a readable PDF ({type(err).__name__}: {err}), skipped")
        return
    paragraphs = pdf_paragraphs(pages)
    if not paragraphs:
        yield InputError(path, "no text in the PDF (a scan needs OCR first), skipped")
        return
    if len(pages) < total:
        why = f"{MAX_PAGES} pages" if len(pages) >= MAX_PAGES else f"{MAX_SECONDS} s of work"
        yield InputError(
            path, f"only the first {len(pages)} of {total} pages read (a limit of {why})"
        )
    text = "\n\n".join(paragraphs) + "\n"
    layout = detect_transcript(text)
    doc = transcript_document(path, text, layout) if layout else article_document(path, text)
    if title and not layout:
        doc.title = title
    yield doc


def pdf_paragraphs(pages: list[str]) -> list[str]:
    """Paragraphs rebuilt from the lines of each page (see the module's docstring).

    >>> pdf_paragraphs(["Pier reopens\\nThe north pier reopened on Saturday after a long\\n"
    ...                 "and costly repair.\\n“We owe it to the town,” said Ilsa Brandt.\\n1"])
    ['Pier reopens', 'The north pier reopened on Saturday after a long and costly repair.', '“We owe it to the town,” said Ilsa Brandt.']
    """
    page_lines = [[" ".join(ln.split()) for ln in page.splitlines()] for page in pages]
    furniture = _repeated_lines(page_lines)
    lines: list[str | None] = []  # None: a page break
    for page in page_lines:
        lines.extend(ln for ln in page if not (_PAGE_NUMBER.fullmatch(ln) or ln in furniture))
        lines.append(None)
    full = _full_width([ln for ln in lines if ln])

    @cache
    def vocabulary() -> frozenset[str]:  # (only built when a line ends in a hyphen)
        return frozenset(w.casefold() for ln in lines if ln for w in _WORD.findall(ln))

    paragraphs: list[str] = []
    cur = ""
    for i, ln in enumerate(lines):
        if not ln:
            # a blank line ends a paragraph; a page break only after a sentence's end (a
            # sentence carried over to the next page runs on)
            if cur and (ln is not None or _SENTENCE_END.search(cur)):
                paragraphs.append(cur)
                cur = ""
            continue
        if cur and _LABEL_START.match(ln):
            paragraphs.append(cur)
            cur = ""
        if cur.endswith("-") and len(cur) >= 2 and cur[-2].isalpha() and ln[:1].islower():
            # "long-" / "term" keeps its hyphen; "recon-" / "struction" loses it when the
            # text writes "reconstruction" elsewhere (a word processor seldom hyphenates)
            head = _LAST_WORD.search(cur[:-1])
            tail = _WORD.match(ln)
            whole = (head.group() if head else "") + (tail.group() if tail else "")
            cur = (cur[:-1] if whole.casefold() in vocabulary() else cur) + ln
        else:
            cur = f"{cur} {ln}" if cur else ln
        nxt = next((x for x in lines[i + 1 : i + 3] if x), "")
        if (
            _SENTENCE_END.search(ln)
            and len(ln) < 0.8 * full
            or len(ln) < 0.6 * full
            and not _RUNS_ON.search(ln)
            and nxt[:1].isupper()
        ):
            # the short last line of a paragraph, or a heading
            paragraphs.append(cur)
            cur = ""
    if cur:
        paragraphs.append(cur)
    return paragraphs


def _full_width(lines: list[str]) -> float:
    """The length of a full line of the text: the 80th percentile of line lengths."""
    if not lines:
        return 0.0
    lengths = sorted(len(ln) for ln in lines)
    return float(lengths[int(0.8 * (len(lengths) - 1))])


def _repeated_lines(pages: list[list[str]]) -> set[str]:
    """Lines among the first or last two of most pages (3 pages or more): running headers
    and footers; never a speaker's line ("VALSEK: No." said on every page is his)."""
    if len(pages) < 3:
        return set()
    seen = Counter(ln for page in pages for ln in set(page[:2] + page[-2:]) if ln)
    return {
        ln for ln, k in seen.items() if k >= max(3, 0.6 * len(pages)) and not _LABEL_START.match(ln)
    }
