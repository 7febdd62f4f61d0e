"""Readers: files on disk (or stdin) -> :class:`~quotecheck.model.Document` objects.

A registry picks the reader by file extension; ``--format`` overrides it. Readers
yield documents and, for bad input they can skip, :class:`InputError` objects, so
one bad record never stops the rest of the file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from importlib import import_module
from pathlib import Path

from quotecheck.errors import InputError, QuotecheckError, printable_path
from quotecheck.model import Document
from quotecheck.readers import articles, records

Item = Document | InputError
Reader = Callable[[str, bytes, dict[str, str]], Iterator[Item]]


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: the HTML, office and PDF readers load parsers (html,
    zipfile, ElementTree) that every other run would pay for at start-up (~30 ms)."""

    def read(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Item]:
        reader: Reader = getattr(import_module(f"quotecheck.readers.{module}"), name)
        yield from reader(path, data, fields)

    read.__name__ = name
    return read


READERS: dict[str, Reader] = {
    "article": articles.read_article,
    "transcript": articles.read_transcript,
    "text": articles.read_text,  # article or transcript, detected
    "jsonl": records.read_jsonl,
    "json": records.read_json,
    "csv": records.read_csv,
    "tsv": records.read_tsv,
    "html": _lazy("html", "read_html"),
    "docx": _lazy("office", "read_docx"),
    "odt": _lazy("office", "read_odt"),
    "pdf": _lazy("pdf", "read_pdf"),
}

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".text": "text",
    ".vtt": "text",  # WebVTT captions: "<v Ilsa Brandt>" voices are speaker labels
    ".srt": "text",  # SubRip subtitles: cue numbers and timings, maybe speaker labels
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".odt": "odt",
    ".pdf": "pdf",
}

FORMATS = tuple(READERS)
RECORD_FORMATS = frozenset({"jsonl", "json", "csv", "tsv"})  # the readers --field maps
STDIN = records.STDIN
MAX_FILE_BYTES = 256 * 1024 * 1024


def reader_for(path: str, fmt: str | None) -> Reader | None:
    """The reader for ``path``: forced by ``fmt``, else by extension, else None (skip)."""
    if fmt:
        return READERS[fmt]
    name = READERS.get(EXTENSIONS.get(os.path.splitext(path)[1].lower(), ""))
    return name


def mapping_key(path: str, fmt: str | None, fields: dict[str, str]) -> str:
    """The ``--field`` mapping as it applies to ``path`` read as ``fmt``: "id=ref,text=claim"
    (sorted) for a records file, "" for none and for files no mapping changes (articles)."""
    if not fields:
        return ""
    name = fmt or EXTENSIONS.get(os.path.splitext(path)[1].lower(), "")
    if name not in RECORD_FORMATS:
        return ""
    return ",".join(f"{k}={v}" for k, v in sorted(fields.items()))


def reader_by_content(data: bytes) -> Reader | None:
    """The reader of a Word (.docx), OpenDocument (.odt) or PDF file, by its bytes,
    whatever its name (a draft piped in on stdin), else None."""
    kind = word_processor_file(data)
    return READERS[_BY_KIND[kind]] if kind in _BY_KIND else None


DOCX = "a Word document (.docx)"
ODT = "an OpenDocument file (.odt)"
PDF = "a PDF"
_BY_KIND = {DOCX: "docx", ODT: "odt", PDF: "pdf"}


def word_processor_file(data: bytes) -> str | None:
    """What kind of word-processor or PDF file ``data`` is ("a Word document (.docx)",
    "a PDF", ...), by its first bytes; None for anything else. .docx, .odt and PDF have a
    reader (:func:`reader_by_content`); the others read as binary, or as RTF's markup, and a
    user hands them over converted."""
    if data.startswith(b"PK\x03\x04"):
        head = data[:4096]
        if b"word/" in head:
            return DOCX
        if b"opendocument" in head:
            return ODT
        import io
        import zipfile

        try:  # (a large first member, a thumbnail, pushed the names past the head)
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return None
        if "word/document.xml" in names:
            return DOCX
        if "content.xml" in names and "mimetype" in names:
            return ODT
        return None  # another zip archive: binary, as the readers say
    if data.startswith(b"%PDF"):
        return PDF
    if data.startswith(b"{\\rtf"):
        return "an RTF document"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old Word document (.doc)"
    return None


def iter_files(paths: Iterable[str], fmt: str | None) -> Iterator[str | InputError]:
    """Expand folders recursively (sorted, hidden entries skipped) into indexable files.

    A file whose name is not UTF-8 (undecodable bytes, as Python holds them) is skipped
    with an error that shows its name escaped: the index keeps paths as text, and the
    name stopped the whole run with an internal error before anything was indexed.
    """
    for item in _walk(paths, fmt):
        where = item.path if isinstance(item, InputError) else item
        shown = printable_path(where)
        if shown == where:
            yield item
        elif isinstance(item, InputError):
            yield InputError(shown, item.reason, item.line)
        else:
            yield InputError(shown, "file name is not UTF-8 text; rename the file to index it")


def _walk(paths: Iterable[str], fmt: str | None) -> Iterator[str | InputError]:
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_symlink() and not p.exists():
            yield InputError(raw, _dangling(raw))
        elif p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(root, f)
                    if f.startswith("."):
                        continue
                    if os.path.islink(full) and not os.path.exists(full):
                        yield InputError(full, _dangling(full))
                    elif reader_for(full, fmt) is None:
                        continue
                    elif not os.path.isfile(full):  # a FIFO would block, a device never ends
                        yield InputError(full, "not a regular file (pipe or device), skipped")
                    else:
                        yield full
        elif not p.exists():
            yield InputError(raw, "no such file or directory")
        elif reader_for(raw, fmt) is None:
            yield InputError(
                raw,
                "unknown file type; pass --format " + "|".join(FORMATS) + " to read it anyway",
            )
        else:
            yield raw


def unread_types(paths: Iterable[str]) -> dict[str, int]:
    """Files in the folders of ``paths`` that no reader takes by extension (what a folder
    walk passes over in silence), counted by extension, most first; hidden ones aside."""
    counts: dict[str, int] = {}
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            continue
        for root, dirs, files in os.walk(raw, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if f.startswith(".") or reader_for(f, None) is not None:
                    continue
                full = os.path.join(root, f)
                if os.path.islink(full) and not os.path.exists(full):
                    continue  # reported as a broken link or a loop
                ext = printable_path(os.path.splitext(f)[1].lower()) or "(no extension)"
                counts[ext] = counts.get(ext, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _dangling(path: str) -> str:
    """What is wrong with a symbolic link that leads to no file."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (it leads back to itself), skipped"
    return "broken symbolic link, skipped"


def read_bytes(path: str) -> bytes:
    """Read a file, turning OS errors into an :class:`InputError`."""
    try:
        st = os.stat(path)
        if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            raise InputError(path, "a device or socket, not a file, skipped")
        too_large = InputError(path, f"file too large (over {MAX_FILE_BYTES >> 20} MB), skipped")
        if st.st_size > MAX_FILE_BYTES:
            raise too_large
        with open(path, "rb") as fh:
            if stat.S_ISREG(st.st_mode):
                # (a read of the file's size: a read of MAX_FILE_BYTES + 1 allocates that
                # much for every file, ~0.1 ms each, 2% of indexing)
                data = fh.read(st.st_size + 1)
                if len(data) > st.st_size:  # a file growing as we read it
                    data += fh.read(MAX_FILE_BYTES + 1 - len(data))
            else:
                data = fh.read(MAX_FILE_BYTES + 1)  # a named pipe has no size
        if len(data) > MAX_FILE_BYTES:
            raise too_large
        return data
    except PermissionError:
        raise InputError(path, "permission denied, skipped") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None


def read_file(path: str, data: bytes, fmt: str | None, fields: dict[str, str]) -> Iterator[Item]:
    """Documents in one file's bytes (``path`` "-" or "<stdin>": standard input, JSON lines
    unless ``fmt`` says otherwise); at most :data:`MAX_ERRORS_SHOWN` errors, then one
    line that counts the rest."""
    if path in ("-", STDIN):
        yield from _capped(STDIN, _one_per_key(STDIN, _from_stdin(data, fmt, fields)))
        return
    reader = reader_for(path, fmt)
    if reader is None:
        raise QuotecheckError(f"{path}: unknown file type")
    yield from _capped(path, _one_per_key(path, reader(path, data, fields)))


def _from_stdin(data: bytes, fmt: str | None, fields: dict[str, str]) -> Iterator[Item]:
    for item in READERS[fmt or "jsonl"](STDIN, data, fields):
        if isinstance(item, Document) and item.key is None:
            # Every stdin document is stored under the one path "<stdin>", by its key:
            # an article piped in had none, so the next one piped in replaced it.
            item.key = records.content_key(item.text, item.title)
        yield item


def _one_per_key(path: str, items: Iterable[Item]) -> Iterator[Item]:
    """The first record of each id in a file; a later one with other words is an error.

    The index holds one document per file and id: the second record of an id replaced
    the first, and the run said it had indexed both. The same record twice is dropped
    without a word.
    """
    seen: dict[str, tuple[int, int]] = {}  # key -> (line, hash of the record's words)
    for item in items:
        if isinstance(item, Document) and item.key is not None:
            words = hash(
                (item.text, item.title, item.statements[0].speaker if item.statements else None)
            )
            first = seen.get(item.key)
            if first is None:
                seen[item.key] = (item.line_base, words)
            else:
                if first[1] != words:
                    yield InputError(
                        path,
                        f"id {item.key!r} again (first on line {first[0]}), record skipped:"
                        " ids must be unique in a file (--field id=COLUMN takes another column)",
                        item.line_base,
                    )
                continue
        yield item


MAX_ERRORS_SHOWN = 20


def _capped(path: str, items: Iterable[Item]) -> Iterator[Item]:
    """``items`` with the errors after the first :data:`MAX_ERRORS_SHOWN` counted, not
    listed: a 5,000-line CSV named .jsonl gave 5,000 warnings, one a line."""
    more = 0
    first_more: int | None = None
    shown = 0
    read = 0
    for item in items:
        read += isinstance(item, Document)
        if isinstance(item, InputError):
            if shown >= MAX_ERRORS_SHOWN:
                more += 1
                if first_more is None:
                    first_more = item.line
                continue
            shown += 1
        yield item
    if more:
        where = f" from line {first_more} on" if first_more is not None else ""
        yield InputError(
            path,
            f"{more} more bad {'records' if more > 1 else 'record'}{where} skipped"
            f" (the first {MAX_ERRORS_SHOWN} are listed)"
            + ("" if read else "; none could be read: is --format right for this file?"),
        )
