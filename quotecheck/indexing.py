"""The indexing pipeline: files -> readers -> attribution -> prepared rows -> store.

Reading, decoding, attribution and sentence units run in worker processes
(``jobs > 1``); one writer (this process) owns the SQLite connection and only
writes: several documents to a transaction, each in its own savepoint, so each
document is still all-or-nothing (:meth:`Store.batch`).
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

from quotecheck.analysis.sentences import split_sentences
from quotecheck.errors import InputError, QuotecheckError
from quotecheck.model import Document, first_turn_start
from quotecheck.readers import iter_files, mapping_key, read_bytes, read_file
from quotecheck.store.db import DocRow, StatementRow, Store, UnitRow

MAX_UNIT_WORDS = 60
CHUNK_WORDS = 40
CHUNK_STEP = 30


@dataclass(slots=True)
class FileResult:
    """What a worker hands the writer for one input file."""

    path: str
    hash: str
    format: str
    docs: list[DocRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unchanged: bool = False
    records: bool = False
    fatal: str | None = None
    fields: str = ""  # the --field mapping it was read with (readers.mapping_key)


@dataclass(slots=True)
class IndexReport:
    """Totals of one ``index`` run."""

    files: int = 0
    documents: int = 0
    unchanged: int = 0
    removed: int = 0
    statements: int = 0
    characters: int = 0
    errors: list[str] = field(default_factory=list)
    # files indexed before with another --field mapping: (path, that mapping, this one)
    remapped: list[tuple[str, str, str]] = field(default_factory=list)
    on_error: Callable[[str], None] | None = None

    def error(self, message: str) -> None:
        self.errors.append(message)
        if self.on_error is not None:
            self.on_error(message)


_UNIT_WORD = re.compile(
    r"\w+(?:[’'\-.,]\w+)*"
)  # the word pattern of analysis.tokens, without folding


# Two words of _UNIT_WORD are at least one character apart: a span this short holds at
# most MAX_UNIT_WORDS of them.
_SHORT_UNIT = 2 * MAX_UNIT_WORDS - 1
# Matches where more than MAX_UNIT_WORDS words follow (each word taken whole, as findall
# takes it: the possessive repeats never give a character back), without listing them.
# (Possessive repeats rather than one atomic group around each word: the same matches,
# 22% faster, as the engine keeps no backtracking points inside a word.)
_TOO_MANY_WORDS = re.compile(rf"(?:\W*+\w++(?:[’'\-.,]\w++)*+){{{MAX_UNIT_WORDS + 1}}}")


def units_for(doc: Document) -> list[UnitRow]:
    """Sentences of the document (within each transcript line), long ones chunked.

    Words are only counted here (and their spans taken for chunking): folding every
    word with ``tokenize`` cost a third of the indexing time for nothing.
    """
    text = doc.text
    if doc.format == "transcript":
        lines = [s for s in doc.statements if s.kind == "transcript"]
        regions = [(s.start, s.end) for s in lines]
        # what comes before the first turn (a headline, an article's introduction to the
        # transcript) is searchable too
        first = first_turn_start(lines)
        if first is None:
            first = len(text)
        if any(ch.isalpha() for ch in text[:first]):
            regions.insert(0, (0, first))
    else:
        regions = [(0, len(text))]
    units: list[UnitRow] = []
    has_word = _UNIT_WORD.search
    too_many = _TOO_MANY_WORDS.match
    for rs, re_ in regions:
        for s, e in split_sentences(text, rs, re_):
            # at most MAX_UNIT_WORDS words (a span this short cannot hold more: no need to
            # look): one unit, if it has a word at all
            if e - s <= _SHORT_UNIT or too_many(text, s, e) is None:
                if has_word(text, s, e) is not None:
                    units.append((s, e))
                continue
            words = [m.span() for m in _UNIT_WORD.finditer(text, s, e)]
            for i in range(0, len(words), CHUNK_STEP):
                chunk = words[i : i + CHUNK_WORDS]
                cs, ce = chunk[0][0], chunk[-1][1]
                units.append((cs, ce))
                if i + CHUNK_WORDS >= len(words):
                    break
    return units


def _spans_json(spans: list[tuple[int, int]]) -> str:
    """``json.dumps([list(sp) for sp in spans])``, written out directly for pairs of ints
    (what attribution makes): json.dumps cost 2% of the indexing time."""
    parts = []
    for sp in spans:
        if len(sp) != 2 or type(sp[0]) is not int or type(sp[1]) is not int:
            return json.dumps([list(x) for x in spans])
        parts.append(f"[{sp[0]}, {sp[1]}]")
    return "[" + ", ".join(parts) + "]"


def prepare(doc: Document, digest: str) -> DocRow:
    """Run attribution on ``doc`` and turn it into rows for the store."""
    from quotecheck.analysis.attribution import analyze
    from quotecheck.analysis.names import person_key

    if doc.format == "article" and doc.path.lower().endswith((".md", ".markdown")):
        # the engine reads words: "said **Petra Dorn**", "[Ondra Valsek](https://...) said"
        # hid the speaker; the markup is blanked in place (same offsets), the text kept
        from quotecheck.readers.markdown import markdown_blanked

        text = doc.text
        doc.text = markdown_blanked(text)
        try:
            analyze(doc)
        finally:
            doc.text = text
    else:
        analyze(doc)
    statements: list[StatementRow] = []
    keys: dict[str, str] = {}
    for st in doc.statements:
        if st.speaker and st.speaker not in keys:
            keys[st.speaker] = person_key(st.speaker) or st.speaker.casefold()
        m, c = st.mention, st.cue
        statements.append(
            (
                st.kind,
                st.start,
                st.end,
                _spans_json(st.spans),
                None if m is None else m.text,
                None if m is None else m.start,
                None if m is None else m.end,
                None if c is None else c.text,
                None if c is None else c.start,
                None if c is None else c.end,
                st.speaker,
            )
        )
    aliases: list[tuple[str, str, str]] = []
    for name, person in doc.people.items():
        if name not in keys:
            keys[name] = person_key(name) or name.casefold()
        aliases.append((name, name, "name"))
        aliases.extend((name, a, "name") for a in sorted(person.aliases))
        aliases.extend((name, r, "role") for r in sorted(person.roles))
    for st in doc.statements:
        if st.speaker:
            aliases.append((st.speaker, st.speaker, "name"))
    return DocRow(
        path=doc.path,
        key=doc.key,
        format=doc.format,
        title=doc.title,
        date=doc.date,
        url=doc.url,
        source=doc.source,
        hash=digest,
        line_base=doc.line_base,
        body_start=doc.body_start,
        text=doc.text,
        units=units_for(doc),
        statements=statements,
        # each alias once, in order: the writer inserts with OR IGNORE, a repeat changes
        # nothing (most statements' speakers are among the people already)
        aliases=list(dict.fromkeys(aliases)),
        speaker_keys=keys,
    )


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def prepare_file(
    path: str,
    fmt: str | None,
    fields: dict[str, str],
    known_hash: str | None,
    data: bytes | None = None,
) -> FileResult:
    """Read, parse and attribute one file (runs in a worker). Never raises for bad input."""
    try:
        if data is None:
            data = read_bytes(path)
    except InputError as err:
        return FileResult(path, "", fmt or "", errors=[str(err)])
    file_hash = digest(data)
    result = FileResult(path, file_hash, fmt or os.path.splitext(path)[1].lstrip(".").lower())
    result.fields = mapping_key(path, fmt, fields)
    if known_hash == file_hash:
        result.unchanged = True
        return result
    if not data.strip():
        result.errors.append(f"{path}: empty file, skipped")
        return result
    try:
        for item in read_file(path, data, fmt, fields):
            if isinstance(item, InputError):
                result.errors.append(str(item))
                continue
            if item.format == "record":
                result.records = True
                doc_hash = digest(
                    "\x1f".join(
                        str(x)
                        for x in (
                            item.key,
                            item.title,
                            item.date,
                            item.url,
                            item.source,
                            item.statements[0].speaker if item.statements else "",
                            item.text,
                        )
                    ).encode("utf-8", "surrogatepass")
                )
            else:
                doc_hash = file_hash
            result.docs.append(prepare(item, doc_hash))
    except QuotecheckError as err:
        result.fatal = str(err)
    except RecursionError:
        result.errors.append(f"{path}: input nested too deeply, skipped")
    except Exception as err:  # a bug of ours must cost one file, not the whole run
        result.docs = []
        result.errors.append(
            f"{path}: skipped: quotecheck failed to read it ({type(err).__name__}: {err});"
            " please report this file"
        )
    return result


def _task(args: tuple[str, str | None, dict[str, str], str | None]) -> FileResult:
    return prepare_file(*args)


def index_paths(
    store: Store,
    paths: Iterable[str],
    *,
    fmt: str | None = None,
    fields: dict[str, str] | None = None,
    jobs: int = 1,
    force: bool = False,
    stdin_data: bytes | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IndexReport:
    """Index files, folders, or ``-`` (JSON lines from ``stdin_data``) into ``store``.

    ``force``: read unchanged files again and rewrite every document (a newer reader or
    attribution engine than the one that indexed them).

    ``on_start(n)`` is told how many files will be read, ``on_file`` hears of each one
    as it is written, ``on_error`` of each problem (the run goes on).
    """
    fields = fields or {}
    report = IndexReport(on_error=on_error)
    tasks: list[tuple[str, str | None, dict[str, str], str | None]] = []
    for item in iter_files(paths, fmt):
        if isinstance(item, InputError):
            report.error(str(item))
            continue
        if item == "-":
            res = prepare_file("<stdin>", fmt or "jsonl", fields, None, stdin_data or b"")
            _write(store, res, report, force)
            if on_file:
                on_file(res)
            continue
        path = os.path.abspath(item)
        known = None
        state = None if force else store.file_state(path)
        if state is not None:
            mapped = mapping_key(path, fmt, fields)
            if state[1] == mapped:
                known = state[0]
            elif state[0]:
                # the bytes may be unchanged, but read with another mapping they are
                # other documents: it was skipped as unchanged and the mapping unused
                report.remapped.append((path, state[1], mapped))
        tasks.append((path, fmt, fields, known))
    if on_start:
        on_start(len(tasks))
    with store.batch(), _fewer_collections():
        for res in _run(tasks, jobs):
            _write(store, res, report, force)
            store.commit_due()
            if on_file:
                on_file(res)
    if report.documents:
        store.optimize()
    return report


# Attribution allocates many short-lived objects (tokens, frames): the cycle collector's
# default (a collection every 700 allocations) cost ~4% of the indexing time.
GC_THRESHOLD = 20_000


def _collect_less() -> tuple[int, ...]:
    """Run the cycle collector less often (what it frees is the same, only later); the
    thresholds before."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_THRESHOLD), *old[1:])
    return old


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """:func:`_collect_less` while the block runs."""
    old = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _run(
    tasks: list[tuple[str, str | None, dict[str, str], str | None]], jobs: int
) -> Iterator[FileResult]:
    if jobs <= 1 or len(tasks) < 2:
        for t in tasks:
            yield _task(t)
        return
    jobs = min(jobs, len(tasks))
    # Imported once here, before the fork, rather than once in each worker.
    import quotecheck.analysis.attribution  # noqa: F401
    import quotecheck.analysis.names  # noqa: F401

    # Small chunks: a chunk's results reach the writer together, and big files vary a lot.
    chunk = max(1, min(8, len(tasks) // (jobs * 8)))
    # What exists now is shared by the forked workers: kept out of their cycle collections
    # (which would also copy the pages they touch).
    gc.freeze()
    try:
        with multiprocessing.Pool(jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            # Unordered: the writer takes each file as soon as any worker has it ready.
            yield from pool.imap_unordered(_task, tasks, chunksize=chunk)
    finally:
        gc.unfreeze()


class _OrphanQuiet(io.TextIOBase):
    """A worker's stderr that goes silent once the parent process is gone."""

    def __init__(self, stream: TextIO, parent: int) -> None:
        self.stream, self.parent = stream, parent

    def write(self, s: str) -> int:
        if os.getppid() == self.parent:
            return self.stream.write(s)
        return len(s)

    def flush(self) -> None:
        if os.getppid() == self.parent:
            self.stream.flush()


def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle; exit if the parent dies.

    A parent killed with SIGKILL cannot stop its pool, and workers waiting for tasks
    would wait forever: a daemon thread watches for the parent's exit.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _collect_less()
    # A worker that finds the parent gone while sending a result dies of a broken pipe:
    # no traceback on the user's terminal for that.
    sys.stderr = _OrphanQuiet(sys.stderr, parent)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _write(store: Store, res: FileResult, report: IndexReport, force: bool = False) -> None:
    report.files += 1
    for e in res.errors:
        report.error(e)
    if res.fatal:
        report.error(res.fatal)
        return
    if res.unchanged:
        report.unchanged += 1
        return
    if not res.docs and res.errors:
        return
    old = store.doc_hashes(res.path)
    keep: set[str | None] = set()
    for doc in res.docs:
        keep.add(doc.key)
        if old.get(doc.key) == doc.hash and not force:
            continue
        store.write_document(doc)
        report.documents += 1
        report.statements += len(doc.statements)
        report.characters += len(doc.text)
    # A file with bad lines drops none of its documents (a record whose line is now
    # malformed keeps its last good version), and is not marked as indexed, so the next
    # run reads it again and says what is still wrong.
    damaged = bool(res.errors)
    report.removed += store.finish_file(
        res.path,
        "" if damaged else res.hash,
        res.format,
        None if res.path == "<stdin>" or damaged else keep,
        res.fields,
    )
