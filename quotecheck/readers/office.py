"""Word-processor files: Word ``.docx`` and OpenDocument ``.odt``, with the standard library.

An editor's draft, or an archived article or transcript, is often a Word file. Both
formats are a zip archive holding the text as XML: each paragraph becomes a paragraph of
the stored text (a blank line between two), a line break inside one a line break; text
deleted under tracked changes, field codes, comments and footnotes are left out. The
text is then read as a ``.txt`` file is: an article (the first paragraph the headline;
the document's own title property when it has one), or a transcript when its lines are
speaker-labelled.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from xml.etree import ElementTree

from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers.articles import (
    article_document,
    detect_transcript,
    title_property,
    transcript_document,
)

# A document.xml larger than this (decompressed) is refused: a zip bomb, not a draft.
MAX_XML_BYTES = 16 * 1024 * 1024  # (a 300,000-word book is ~10 MB; ElementTree takes ~15x)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OFFICE_ANNOTATION = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"


def read_docx(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    yield from _read(path, data, "word/document.xml", _docx_paragraphs, "docProps/core.xml")


def read_odt(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    yield from _read(path, data, "content.xml", _odt_paragraphs, "meta.xml")


def _read(
    path: str,
    data: bytes,
    member: str,
    paragraphs: Callable[[ElementTree.Element], Iterator[str]],
    props: str,
) -> Iterator[Document | InputError]:
    ext = ".docx" if member.startswith("word/") else ".odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = _xml(z, member)
            if root is None:
                yield InputError(path, f"not a {ext} file (no {member} in it), skipped")
                return
            try:
                meta = _xml(z, props)
            except (ElementTree.ParseError, _TooLarge):
                meta = None  # (a broken title property costs the title only)
    except (
        zipfile.BadZipFile,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a compression zipfile does not read
    ) as err:
        yield InputError(path, f"not a readable {ext} file ({err}), skipped")
        return
    except ElementTree.ParseError as err:
        yield InputError(path, f"{ext} file with broken XML ({err}), skipped")
        return
    except _TooLarge:
        yield InputError(path, f"{member} is over {MAX_XML_BYTES // 2**20} MB unpacked, skipped")
        return
    paras = []
    try:
        texts = list(paragraphs(root))
    except RecursionError:
        yield InputError(path, f"{member} nested too deeply, skipped")
        return
    for para in texts:
        lines = (" ".join(ln.split()) for ln in para.split("\n"))
        joined = "\n".join(ln for ln in lines if ln)
        if joined:
            paras.append(joined)
    if not paras:
        yield InputError(path, "no text in the document, skipped")
        return
    text = "\n\n".join(paras) + "\n"
    layout = detect_transcript(text)
    doc = transcript_document(path, text, layout) if layout else article_document(path, text)
    title = title_property(meta.findtext(f".//{_DC_TITLE}") if meta is not None else None)
    if title:
        doc.title = title
    yield doc


class _TooLarge(Exception):
    pass


def _xml(z: zipfile.ZipFile, member: str) -> ElementTree.Element | None:
    try:
        info = z.getinfo(member)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise _TooLarge
    with z.open(info) as fh:
        raw = fh.read(MAX_XML_BYTES + 1)
    if len(raw) > MAX_XML_BYTES:  # (the size the archive declares can lie)
        raise _TooLarge
    return ElementTree.fromstring(raw)


def _docx_paragraphs(root: ElementTree.Element) -> Iterator[str]:
    """The text of each ``w:p`` in document order (table cells included; a paragraph
    inside another's text box comes after it, not inside it; a text box's fallback copy
    for old readers, and paragraphs deleted or moved away under tracked changes, not at
    all)."""
    for p in _docx_walk(root):
        parts: list[str] = []
        _docx_text(p, parts)
        yield "".join(parts)


def _docx_walk(el: ElementTree.Element) -> Iterator[ElementTree.Element]:
    for child in el:
        if child.tag == f"{_W}p":
            yield child
        if child.tag not in _DOCX_SKIPPED:
            yield from _docx_walk(child)


_DOCX_SKIPPED = frozenset((_MC_FALLBACK, f"{_W}del", f"{_W}moveFrom"))
_DOCX_NOT_TEXT = _DOCX_SKIPPED | {f"{_W}p", f"{_W}instrText", f"{_W}delText"}


def _docx_text(el: ElementTree.Element, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag in _DOCX_NOT_TEXT:
            pass  # a nested paragraph is its own; deleted or moved-away text, field codes
            # and the copy of a text box for old readers are none
        else:
            _docx_text(child, parts)


def _odt_paragraphs(root: ElementTree.Element) -> Iterator[str]:
    """The text of each ``text:p``/``text:h`` in document order; a paragraph in a frame
    inside another comes after it, footnotes and deleted text not at all."""
    for child in root:
        if child.tag in _ODT_NOT_TEXT:
            continue
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            yield "".join(_odt_text(child))
        yield from _odt_paragraphs(child)


_ODT_NOT_TEXT = frozenset(
    (
        f"{_TEXT}note",
        f"{_TEXT}tracked-changes",
        _OFFICE_ANNOTATION,  # a comment
        f"{_SVG}title",  # an image's name and description
        f"{_SVG}desc",
    )
)


def _odt_text(el: ElementTree.Element) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        tag = child.tag
        if tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c", "1")
            yield " " * (int(count) if count.isdigit() and len(count) < 4 else 1)
        elif tag == f"{_TEXT}tab":
            yield " "
        elif tag == f"{_TEXT}line-break":
            yield "\n"
        elif tag in _ODT_NOT_TEXT or tag in (f"{_TEXT}p", f"{_TEXT}h"):
            pass  # footnotes, deleted text, and paragraphs nested in a frame (their own)
        else:
            yield from _odt_text(child)
        if child.tail:
            yield child.tail
