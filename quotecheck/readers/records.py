"""Record files: JSON lines, JSON, CSV and TSV, one document per record.

Fields are ``id``, ``text``, ``title``, ``date``, ``url``, ``source`` and
``speaker``, each also found under common aliases (``body``, ``content``,
``statement``, ``claim``, ``headline`` ...). ``--field NAME=COLUMN`` maps others.
A record that names its speaker is a pre-attributed statement of that speaker.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotecheck.errors import InputError
from quotecheck.model import Document, Statement
from quotecheck.readers.articles import detect_transcript, transcript_document
from quotecheck.readers.decode import decode_or_error

FIELDS = ("id", "text", "title", "date", "url", "source", "speaker")
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "key", "_id", "uid", "doc_id", "document_id", "record_id"),
    "text": ("text", "body", "content", "statement", "claim", "quote", "sentence", "article"),
    "title": ("title", "headline", "heading", "name"),
    "date": ("date", "published", "publication_date", "published_at", "datetime", "time"),
    "url": ("url", "link", "href", "uri"),
    "source": ("source", "publisher", "outlet", "site"),
    "speaker": ("speaker", "speaker_name", "said_by", "person"),
}
MAX_FIELD = 50 * 1024 * 1024
STDIN = "<stdin>"  # the path of documents read from standard input
MAX_REREADS = 1000  # unbalanced quotes recovered from per file before giving up on it

csv.field_size_limit(MAX_FIELD)


def _resolve_fields(columns: Iterable[str], overrides: dict[str, str]) -> dict[str, str]:
    """Map our field names to the record's column names."""
    cols = list(columns)
    lower = {c.lower().strip(): c for c in cols}
    out: dict[str, str] = {}
    for name in FIELDS:
        if name in overrides:
            out[name] = overrides[name]
            continue
        for alias in ALIASES[name]:
            if alias in lower:
                out[name] = lower[alias]
                break
    if "id" not in out and cols and cols[0].strip() == "":
        out["id"] = cols[0]  # an unnamed first column is a row id (pandas-style TSV)
    return out


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return None


def content_key(text: str, title: str | None, speaker: str | None = None) -> str:
    """A key for a document that has no id of its own, from its words: ``#`` and 12 hex
    digits (the same document piped in again is the same document)."""
    data = f"{title or ''}\x1f{text}\x1f{speaker or ''}".encode("utf-8", "surrogatepass")
    return "#" + hashlib.blake2b(data, digest_size=6).hexdigest()


def record_document(
    path: str, rec: dict[str, Any], mapping: dict[str, str], line: int, ordinal: int
) -> Document | InputError:
    """One record -> one document, or an error naming the file and line."""
    raw_text = rec.get(mapping["text"]) if "text" in mapping else None
    if raw_text is None or (isinstance(raw_text, str) and not raw_text.strip()):
        return InputError(path, "record has no text field, skipped", line)
    text = _scalar(raw_text)
    if text is None:
        return InputError(path, f"record field '{mapping['text']}' is not text, skipped", line)
    if "\x00" in text:
        text = text.replace("\x00", "")

    def get(name: str) -> str | None:
        col = mapping.get(name)
        val = _scalar(rec.get(col)) if col is not None else None
        return val.strip() or None if isinstance(val, str) else None

    key = get("id")
    if key is None:
        # A file's records without an id are known by their place in it (the file read
        # again replaces them); records piped in, all stored under one path, by their
        # content, or each batch piped in replaced the one before.
        key = content_key(text, get("title"), get("speaker")) if path == STDIN else f"#{ordinal}"
    doc = Document(
        path=path,
        text=text,
        format="record",
        key=key,
        title=get("title"),
        date=get("date"),
        url=get("url"),
        source=get("source"),
        line_base=line,
    )
    speaker = get("speaker")
    if speaker:
        s, e = 0, len(text)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        doc.statements.append(Statement("record", s, e, [(s, e)], speaker=speaker[:200]))
    elif "\n" in text and (layout := detect_transcript(text)) is not None:
        # a record whose text is a transcript or an interview ("DORN: ...", "BRANDT: ..."):
        # its turns, as the same text in a file gives them (the record stays a record)
        doc.statements = transcript_document(path, text, layout).statements
    return doc


def read_jsonl(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    text = decode_or_error(data, path)
    if isinstance(text, InputError):
        yield text
        return
    ordinal = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        ordinal += 1
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deep"
            yield InputError(path, f"malformed JSON ({msg}), line skipped", lineno)
            continue
        if not isinstance(rec, dict):
            yield InputError(path, "JSON line is not an object, skipped", lineno)
            continue
        yield record_document(path, rec, _resolve_fields(rec.keys(), fields), lineno, ordinal)


def _json_records(doc: Any) -> list[Any] | None:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("records", "data", "items", "documents", "articles", "statements", "quotes"):
            if isinstance(doc.get(key), list):
                return list(doc[key])
        return [doc]
    return None


def read_json(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    text = decode_or_error(data, path)
    if isinstance(text, InputError):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        # Maybe it is JSON lines with a .json name.
        if text.lstrip().startswith("{") and "\n{" in text:
            yield from read_jsonl(path, data, fields)
            return
        yield InputError(path, f"malformed JSON ({exc.msg}), file skipped", exc.lineno)
        return
    except RecursionError:
        yield InputError(path, "JSON nested too deep, file skipped")
        return
    recs = _json_records(doc)
    if recs is None:
        yield InputError(path, "JSON is neither an object nor a list of objects, skipped", 1)
        return
    for i, rec in enumerate(recs, 1):
        if not isinstance(rec, dict):
            yield InputError(path, f"record {i} is not an object, skipped", 1)
            continue
        yield record_document(path, rec, _resolve_fields(rec.keys(), fields), 1, i)


def _read_delimited(
    path: str, data: bytes, fields: dict[str, str], delimiter: str
) -> Iterator[Document | InputError]:
    text = decode_or_error(data, path)
    if isinstance(text, InputError):
        yield text
        return
    lines = io.StringIO(text, newline="").readlines()
    if delimiter == ",":
        delimiter = _csv_delimiter(lines[0] if lines else "")
    if delimiter == "\t":
        if not fields and _debate_rows(path, lines, text):
            yield transcript_document(path, text, "tab")
            return
        yield from _read_tsv(path, lines, fields)
        return

    def rows_from(first: int) -> Any:
        rest = (lines[i] for i in range(first, len(lines)))
        return csv.reader(rest, delimiter=delimiter)

    reader, base, restarts = rows_from(0), 0, 0
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield InputError(path, f"malformed header ({exc})", 1)
        return
    mapping = _check_header(path, header, fields)
    if isinstance(mapping, InputError):
        yield mapping
        return
    ordinal = 0
    while True:
        lineno = base + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(path, f"malformed row ({exc}), skipped", lineno)
            continue
        last = base + reader.line_num
        if last > lineno and _unterminated(lines[lineno - 1 : last], delimiter):
            # A quote left open swallowed the lines after it (up to the next quote mark):
            # skip that row only and read on from the next line.
            restarts += 1
            if restarts > MAX_REREADS:
                yield InputError(path, "too many unbalanced quotes, rest of file skipped", lineno)
                break
            yield InputError(path, "unbalanced quote in row, skipped", lineno)
            reader, base = rows_from(lineno), lineno
            continue
        if not any(cell.strip() for cell in row):
            continue
        ordinal += 1
        yield _row_document(path, header, row, mapping, lineno, ordinal)


def _debate_rows(path: str, lines: list[str], text: str) -> bool:
    """True when a ``.tsv`` is ``line<TAB>SPEAKER<TAB>sentence`` rows (the CLEF debates), a
    transcript rather than records: with no header (the first row was taken for one and
    the file refused for having no text column), or under a header that names exactly
    those columns (``line_number<TAB>speaker<TAB>text[<TAB>label]``). Any other header
    that maps a text column is records, whatever its second column holds (a date, an
    outlet, a speaker: each row its own record, with its own id, date and url)."""
    if detect_transcript(text) != "tab":
        return False
    header = [h.strip().casefold() for h in lines[0].rstrip("\r\n").split("\t")] if lines else []
    if isinstance(_check_header(path, header, {}), InputError):
        return True
    return (
        len(header) >= 3
        and header[0] in _LINE_COLUMNS
        and header[1] in _SPEAKER_COLUMNS
        and header[2] in ALIASES["text"]
        and all(h in _LABEL_COLUMNS for h in header[3:])
    )


_LINE_COLUMNS = frozenset("line line_number line_no lineno n no num number sentence_id".split())
_SPEAKER_COLUMNS = frozenset("speaker name who person".split())
_LABEL_COLUMNS = frozenset("label labels checkworthy check_worthy worthy".split())


def _csv_delimiter(header: str) -> str:
    """The delimiter of a ``.csv`` file, from its header line: a comma, unless the header
    is one column by commas and more by a semicolon (what spreadsheets write where the
    comma is the decimal mark), a tab or a bar."""
    try:
        if len(next(csv.reader([header]), [])) > 1:
            return ","
        best, most = ",", 1
        for d in (";", "\t", "|"):
            n = len(next(csv.reader([header], delimiter=d), []))
            if n > most:
                best, most = d, n
        return best
    except csv.Error:
        return ","


def _row_document(
    path: str, header: list[str], row: list[str], mapping: dict[str, str], lineno: int, ordinal: int
) -> Document | InputError:
    if len(row) != len(header):
        return InputError(
            path, f"row has {len(row)} fields, header has {len(header)}; skipped", lineno
        )
    return record_document(path, dict(zip(header, row, strict=True)), mapping, lineno, ordinal)


def _check_header(
    path: str, header: list[str], fields: dict[str, str]
) -> dict[str, str] | InputError:
    mapping = _resolve_fields(header, fields)
    if "text" not in mapping:
        return InputError(
            path,
            "no text column (looked for "
            + ", ".join(ALIASES["text"])
            + "); map one with --field text=COLUMN",
            1,
        )
    missing = [c for c in mapping.values() if c not in header]
    if missing:
        return InputError(path, f"no column named {missing[0]!r} (columns: {', '.join(header)})", 1)
    return mapping


MAX_TSV_CONTINUATION = 20


def _tsv_rows(lines: list[str], ncols: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a TSV body; quotes are literal text.

    The one exception: a cell that opens with ``"`` and whose row is short of cells
    continues on the next lines until a cell closes with ``"`` (pandas writes
    multi-line cells that way); the wrapping quotes are then removed and ``""``
    unescaped. If no close comes within a few lines, the line stands alone.
    """
    i = 1
    while i < len(lines):
        cells = lines[i].rstrip("\r\n").split("\t")
        j = i
        if len(cells) < ncols and cells[-1].startswith('"') and not cells[-1][1:].endswith('"'):
            joined = lines[i].rstrip("\r\n")
            while j + 1 < len(lines) and j - i < MAX_TSV_CONTINUATION:
                j += 1
                joined += "\n" + lines[j].rstrip("\r\n")
                more = joined.split("\t")
                if len(more) >= ncols or any(c.endswith('"') for c in more[len(cells) - 1 :]):
                    break
            more = joined.split("\t")
            open_cell = len(cells) - 1
            if len(more) == ncols and more[open_cell].endswith('"'):
                more[open_cell] = more[open_cell][1:-1].replace('""', '"')
                cells = more
            else:
                j = i
        yield i + 1, cells
        i = j + 1


def _read_tsv(
    path: str, lines: list[str], fields: dict[str, str]
) -> Iterator[Document | InputError]:
    if not lines:
        return
    header = lines[0].rstrip("\r\n").split("\t")
    mapping = _check_header(path, header, fields)
    if isinstance(mapping, InputError):
        yield mapping
        return
    ordinal = 0
    for lineno, row in _tsv_rows(lines, len(header)):
        if not any(cell.strip() for cell in row):
            continue
        ordinal += 1
        yield _row_document(path, header, row, mapping, lineno, ordinal)


def _unterminated(lines: list[str], delimiter: str = ",") -> bool:
    """True when a row spread over ``lines`` does not parse strictly (a quote left open)."""
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return True
    return False


def read_csv(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    yield from _read_delimited(path, data, fields, ",")


def read_tsv(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    yield from _read_delimited(path, data, fields, "\t")
