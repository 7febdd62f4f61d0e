"""Rendering: one renderer per output format, shared by every command.

Machine formats (json, jsonl, csv, tsv) carry data only; ``table`` is for people.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
MACHINE = frozenset({"json", "jsonl", "csv", "tsv"})


# Characters that JSON leaves raw in strings but that line splitters take for line breaks
# (Python's str.splitlines, JavaScript before ES2019): a document holding one broke its
# JSON line in two. Written escaped, the line is the same JSON value.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(obj: Any) -> str:
    """One JSON value on one line, whatever line splitter reads it."""
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS)


def _started(items: Iterable[Any]) -> Iterator[Any]:
    """``items`` with its first item already taken: an error in making it (a filter that
    names nothing) is raised before anything is written, so stdout holds no half output."""
    it = iter(items)
    try:
        first = next(it)
    except StopIteration:
        return iter(())
    return itertools.chain((first,), it)


def stream_json(items: Iterable[Any], out: TextIO) -> int:
    """Write a JSON array item by item (prints ``[]`` when there are none)."""
    n = 0
    items = _started(items)
    out.write("[")
    for item in items:
        out.write(",\n  " if n else "\n  ")
        out.write(json_line(item))
        out.flush() if n == 0 else None
        n += 1
    out.write("\n]\n" if n else "]\n")
    out.flush()
    return n


def stream_jsonl(items: Iterable[Any], out: TextIO) -> int:
    n = 0
    for item in items:
        out.write(json_line(item) + "\n")
        out.flush()
        n += 1
    return n


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return ";".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def stream_delimited(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO, fmt: str
) -> int:
    """CSV or TSV with a header row. TSV escapes tabs and newlines inside cells."""
    n = 0
    rows = _started(rows)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        out.write(buf.getvalue())
        for row in rows:
            buf.seek(0)
            buf.truncate()
            w.writerow([_cell(row.get(c)) for c in columns])
            out.write(buf.getvalue())
            n += 1
    else:
        out.write("\t".join(columns) + "\n")
        for row in rows:
            cells = [
                _cell(row.get(c))
                .replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                for c in columns
            ]
            out.write("\t".join(cells) + "\n")
            n += 1
    out.flush()
    return n


def flatten(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``{"document": {"path": p}}`` -> ``{"document.path": p}`` for flat formats."""
    for row in rows:
        flat: dict[str, Any] = {}
        for k, v in row.items():
            if isinstance(v, dict):
                for k2, v2 in v.items():
                    flat[f"{k}.{k2}"] = v2
            else:
                flat[k] = v
        yield flat
