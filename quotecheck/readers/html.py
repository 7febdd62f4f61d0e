"""HTML articles, through trafilatura (optional extra: ``pip install 'quotecheck[html]'``)."""

from __future__ import annotations

from collections.abc import Iterator

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.model import Document
from quotecheck.readers.articles import article_document, detect_transcript, transcript_document
from quotecheck.readers.decode import decode


def read_html(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    try:
        import trafilatura
    except ImportError:
        raise QuotecheckError(
            f"{path}: reading HTML needs the html extra; run: pip install 'quotecheck[html]'"
        ) from None
    try:
        html = decode(data, path)
    except InputError as err:
        yield err
        return
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if not extracted:
        yield InputError(path, "no article text found in HTML, skipped")
        return
    meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = (meta.get("text") or "").strip()
    if not body:
        yield InputError(path, "no article text found in HTML, skipped")
        return
    title = (meta.get("title") or "").strip()
    text = article_text(title, body)
    # an interview or a transcript published as a web page ("Dorn: ...", "Brandt: ..."):
    # read as one, as a .txt file is (as an article, its turns were no one's words)
    layout = detect_transcript(text)
    doc = transcript_document(path, text, layout) if layout else article_document(path, text)
    if layout and title:
        doc.title = title
    doc.date = meta.get("date") or None
    doc.url = meta.get("url") or None
    doc.source = meta.get("sitename") or None
    yield doc


def article_text(title: str, body: str) -> str:
    """The stored text of an extracted article: the title, then each block on its own
    paragraph.

    The extractor puts one block (paragraph, heading, list item, line break) on each
    line: left so, the article reader saw the whole body as one paragraph, so quote marks
    paired across paragraphs and a heading ran into the sentence below it. The page's
    own heading repeating the title is dropped.
    """
    blocks = [" ".join(line.split()) for line in body.splitlines()]
    blocks = [b for b in blocks if b]
    title = " ".join(title.split())
    if title and blocks and blocks[0].casefold() == title.casefold():
        blocks.pop(0)
    paragraphs = ([title] if title else []) + blocks
    return "\n\n".join(paragraphs) + "\n"
