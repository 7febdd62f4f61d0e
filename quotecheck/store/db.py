"""SQLite access: connection set-up, migrations, writes and the reads search needs.

All SQL lives here and takes parameters only. Each document is written in its own
transaction, or, inside :meth:`Store.batch`, in its own savepoint of a transaction
that holds several documents, so an interrupted run leaves every document either
fully in or out.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotecheck.errors import QuotecheckError
from quotecheck.store.schema import FTS_TOKENIZE, MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
# Inside Store.batch() a transaction is committed once it holds this many documents,
# this much text, or is this old. One transaction per document made FTS5 write (and
# later merge) a segment per document: ~90 page writes each.
BATCH_DOCS = 200
BATCH_CHARS = 4_000_000
BATCH_SECONDS = 0.5


def default_db_path() -> Path:
    """``$QUOTECHECK_DB``, else the per-user data directory (XDG on Linux)."""
    env = os.environ.get("QUOTECHECK_DB")
    if env:
        return Path(env).expanduser()
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "quotecheck" / "index.db"


# A prepared text unit: (start, end), offsets into the document (its FTS text is
# ``text[start:end]``, sliced by the writer so worker processes do not send the text twice).
# Plain tuples, these and the statements': worker processes send thousands of them, and a
# NamedTuple is pickled as a call of its class (its Python ``__new__`` run again for each
# one in the writer): a document's rows pickled and unpickled in 3x the time.
UnitRow = tuple[int, int]
# A prepared statement: the ``statements`` columns in order (kind, start, end, spans,
# mention_text, mention_start, mention_end, cue_text, cue_start, cue_end), the speaker's
# name last (the writer turns it into a speaker id); ``spans`` is JSON already (made in
# the worker, not in the writer).
StatementRow = tuple[
    str,
    int,
    int,
    str,
    str | None,
    int | None,
    int | None,
    str | None,
    int | None,
    int | None,
    str | None,
]


@dataclass(slots=True)
class DocRow:
    """Everything needed to write one document, prepared outside the writer."""

    path: str
    key: str | None
    format: str
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    hash: str
    line_base: int
    body_start: int
    text: str
    units: list[UnitRow]
    statements: list[StatementRow]
    aliases: list[tuple[str, str, str]]  # (canonical name, alias, kind)
    speaker_keys: dict[str, str]  # canonical name -> person key


def _friendly(exc: sqlite3.Error, path: str) -> QuotecheckError:
    msg = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in msg:
        return QuotecheckError(
            f"index {path} is busy (another quotecheck is writing); try again when it finishes"
        )
    if "readonly" in msg or "read-only" in msg:
        return QuotecheckError(f"index {path} is read-only; pass --db with a writable location")
    if "not a database" in msg or "malformed" in msg or "disk image" in msg:
        return QuotecheckError(
            f"{path} is not a quotecheck index or is corrupted; pass another --db or remove the file"
        )
    if "unable to open" in msg:
        return QuotecheckError(f"cannot open index {path}; check the folder exists and is writable")
    return QuotecheckError(f"index {path}: {msg}")


# The best ``limit`` units matching an FTS5 query (parameters: match, limit), as ``f``
# (id, bm25 ``r``) joined to their ``units`` row ``u``: what fts_units and
# fts_units_texts rank, in one place so that the two rank alike. ``bm25()`` sorted by
# SQLite with an explicit rowid tie-break, not ``ORDER BY rank`` (see fts_units).
_RANKED_UNITS = (
    "(SELECT rowid AS id, bm25(units_fts) AS r FROM units_fts WHERE units_fts MATCH ?"
    " ORDER BY r, rowid LIMIT ?) f JOIN units u ON u.id = f.id"
)


def document_ref(d: dict[str, Any]) -> dict[str, Any]:
    """A stored document as results name it (the JSON contract's ``document``): ``key`` is
    a record's own id, null for an article or transcript (a piped one is stored under a
    key of its content, which names no record)."""
    ref = {k: d.get(k) for k in ("id", "path", "key", "title", "date", "url")}
    if d.get("format") != "record":
        ref["key"] = None
    return ref


class Store:
    """A quotecheck index in one SQLite file.

    >>> import tempfile, os
    >>> s = Store(os.path.join(tempfile.mkdtemp(), "i.db"))
    >>> s.stats()["documents"]
    0
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not os.path.exists(self.path):
                    raise QuotecheckError(
                        f"no index at {self.path}; build one with: quotecheck index PATH"
                    )
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(
                    uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
                )
            else:
                parent = os.path.dirname(os.path.abspath(self.path))
                try:
                    os.makedirs(parent, exist_ok=True)
                except OSError as exc:
                    raise QuotecheckError(
                        f"cannot create folder {parent} for the index ({exc.strerror})"
                    ) from None
                self.db = sqlite3.connect(
                    self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
                )
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        self._batching = False
        self._batch_docs = 0
        self._batch_chars = 0
        self._batch_files = 0  # files finished in the open batch transaction
        self.lost_files = 0  # files finished, then rolled back with their batch (Ctrl-C)
        self._batch_t0 = 0.0
        self._speakers: dict[str, tuple[int, str]] = {}  # key -> (id, name), this transaction
        self._terms: bool | None = None  # see _has_terms
        if not readonly:
            try:
                # Fewer, larger checkpoints while indexing (each one syncs the file).
                self.db.execute("PRAGMA wal_autocheckpoint = 4000")
                self.db.execute("PRAGMA cache_size = -16000")
            except sqlite3.Error:
                pass

    # ---------------------------------------------------------------- set-up
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise QuotecheckError(
                f"index {self.path} was made by a newer quotecheck (schema {version} > {SCHEMA_VERSION}); "
                "upgrade quotecheck or use another --db"
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            raise QuotecheckError(
                f"index {self.path} needs an upgrade; run quotecheck index once to migrate it"
            )
        if version == 0:
            # One snapshot for both: another quotecheck may be creating this index right now,
            # and its tables and version commit together.
            self.db.execute("BEGIN")
            try:
                version, tables = self.db.execute(
                    "SELECT (SELECT user_version FROM pragma_user_version),"
                    " (SELECT count(*) FROM sqlite_master)"
                ).fetchone()
            finally:
                self.db.execute("COMMIT")
            if version:
                return self._migrate()
            if tables:
                raise QuotecheckError(
                    f"{self.path} is an SQLite file but not a quotecheck index; pass another --db"
                )
        if version == 0:
            # Free pages (FTS segments merged away by optimize, deleted documents) can be
            # given back to the file system: see optimize(). Only settable before any table.
            self.db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for i in range(version, SCHEMA_VERSION):
                MIGRATIONS[i](self.db)
                self.db.execute(f"PRAGMA user_version = {i + 1}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None

    # ---------------------------------------------------------------- transactions
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Write documents several to a transaction; each is still all-or-nothing.

        A killed process loses the open transaction's documents entirely; a failure
        (or Ctrl-C) in the middle of a document rolls the open transaction back (see
        :meth:`_tx`). The transaction starts at the first write and is committed by
        :meth:`commit_due` once big or old enough, and on leaving the block, also when
        an exception (Ctrl-C) between two documents leaves it: whole documents written
        so far are kept.
        """
        self._batching = True
        try:
            yield
        except BaseException:
            self._batching = False
            with suppress(QuotecheckError):
                self.commit()
            raise
        finally:
            self._batching = False
        self.commit()

    def commit_due(self) -> None:
        """Commit the open batch transaction if it holds enough documents or is old."""
        if self.db.in_transaction and (
            self._batch_docs >= BATCH_DOCS
            or self._batch_chars >= BATCH_CHARS
            or time.monotonic() - self._batch_t0 >= BATCH_SECONDS
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the open batch transaction, if any (rolled back if the commit fails)."""
        self._speakers.clear()
        self._batch_docs = self._batch_chars = 0
        files, self._batch_files = self._batch_files, 0
        if not self.db.in_transaction:
            return
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.lost_files += files
            raise _friendly(exc, self.path) from None

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One document's (or file's) writes: its own transaction, or part of a batch's.

        No savepoint inside a batch: FTS5 flushes its pending terms to a new segment at
        every savepoint, which is the very cost batching saves. A failure part-way
        through a document rolls back the whole batch transaction instead (its
        documents are all out), so each document stays all-or-nothing.
        """
        db = self.db
        try:
            if self._batching:
                if not db.in_transaction:
                    db.execute("BEGIN IMMEDIATE")
                    self._speakers.clear()
                    self._batch_docs = self._batch_chars = self._batch_files = 0
                    self._batch_t0 = time.monotonic()
                try:
                    yield
                except BaseException:
                    self._speakers.clear()
                    self._batch_docs = self._batch_chars = 0
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    # the whole batch is out: the files finished in it are not indexed
                    self.lost_files += self._batch_files
                    self._batch_files = 0
                    raise
                return
            self._speakers.clear()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            finally:
                self._speakers.clear()
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None

    # ---------------------------------------------------------------- writes
    def file_state(self, path: str) -> tuple[str, str] | None:
        """The content hash ``path`` was indexed at and the ``--field`` mapping it was read
        with ("" for none; see schema ``_v4``), or None if it was never indexed."""
        row = self._q("SELECT hash, coalesce(fields, '') FROM files WHERE path = ?", (path,))
        return (row[0][0], row[0][1]) if row else None

    def doc_hashes(self, path: str) -> dict[str | None, str]:
        return {k: h for k, h in self._q("SELECT key, hash FROM documents WHERE path = ?", (path,))}

    def _delete_doc(self, doc_id: int) -> None:
        db = self.db
        units = db.execute(
            "SELECT id, start, end FROM units WHERE doc_id = ?", (doc_id,)
        ).fetchall()
        title, text = db.execute(
            "SELECT title, text FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if units:
            db.executemany(
                "INSERT INTO units_fts(units_fts, rowid, body) VALUES('delete', ?, ?)",
                [(uid, text[s:e]) for uid, s, e in units],
            )
        if searchable_title(title, text):
            db.execute(
                "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES('delete', ?, ?)",
                (doc_id, title),
            )
        db.execute("DELETE FROM units WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM statements WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM speaker_aliases WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _speaker_id(self, name: str, key: str) -> int:
        """The speaker row for ``key`` (created if new); cached for the open transaction."""
        hit = self._speakers.get(key)
        if hit is not None and len(name) <= len(hit[1]):
            return hit[0]
        row = (
            hit or self.db.execute("SELECT id, name FROM speakers WHERE key = ?", (key,)).fetchone()
        )
        if row:
            sid, old = row
            if len(name) > len(old):  # keep the fullest spelling seen
                self.db.execute("UPDATE speakers SET name = ? WHERE id = ?", (name, sid))
                old = name
        else:
            sid = self.db.execute(
                "INSERT INTO speakers(name, key) VALUES (?, ?)", (name, key)
            ).lastrowid
            old = name
        self._speakers[key] = (sid, old)
        return int(sid)

    def write_document(self, doc: DocRow) -> int:
        """Replace (path, key)'s document with ``doc``, all or nothing; return its id."""
        db = self.db
        with self._tx():
            old = db.execute(
                "SELECT id FROM documents WHERE path = ? AND coalesce(key, '') = coalesce(?, '')",
                (doc.path, doc.key),
            ).fetchone()
            if old:
                self._delete_doc(old[0])
            doc_id = db.execute(
                "INSERT INTO documents(path, key, format, title, date, url, source, hash, line_base,"
                " body_start, text, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.path,
                    doc.key,
                    doc.format,
                    doc.title,
                    doc.date,
                    doc.url,
                    doc.source,
                    doc.hash,
                    doc.line_base,
                    doc.body_start,
                    doc.text,
                    _now(),
                ),
            ).lastrowid
            assert doc_id is not None
            text = doc.text
            first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM units").fetchone()[0]
            db.executemany(
                "INSERT INTO units(id, doc_id, start, end) VALUES (?,?,?,?)",
                [(first + i, doc_id, s, e) for i, (s, e) in enumerate(doc.units)],
            )
            db.executemany(
                "INSERT INTO units_fts(rowid, body) VALUES (?, ?)",
                [(first + i, text[s:e]) for i, (s, e) in enumerate(doc.units)],
            )
            if searchable_title(doc.title, text):
                db.execute(
                    "INSERT INTO titles_fts(rowid, title) VALUES (?, ?)", (doc_id, doc.title)
                )
            keys = doc.speaker_keys
            rows = [
                (doc_id, *st[:-1], self._speaker_id(sp, keys[sp]) if sp else None)
                for st in doc.statements
                for sp in (st[-1],)
            ]
            db.executemany(
                "INSERT INTO statements(doc_id, kind, start, end, spans, mention_text,"
                " mention_start, mention_end, cue_text, cue_start, cue_end, speaker_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            db.executemany(
                "INSERT OR IGNORE INTO speaker_aliases(speaker_id, doc_id, alias, kind) VALUES (?,?,?,?)",
                [
                    (self._speaker_id(n, doc.speaker_keys[n]), doc_id, a, k)
                    for n, a, k in doc.aliases
                ],
            )
        self._batch_docs += 1
        self._batch_chars += len(doc.text)
        return doc_id

    def finish_file(
        self,
        path: str,
        file_hash: str,
        fmt: str,
        keep_keys: set[str | None] | None,
        fields: str = "",
    ) -> int:
        """Record ``path`` as indexed (with the ``--field`` mapping ``fields`` it was read
        with); drop its documents whose keys were not seen (records)."""
        removed = 0
        with self._tx():
            if keep_keys is not None:
                for doc_id, key in self.db.execute(
                    "SELECT id, key FROM documents WHERE path = ?", (path,)
                ).fetchall():
                    if key not in keep_keys:
                        self._delete_doc(doc_id)
                        removed += 1
            self.db.execute(
                "INSERT OR REPLACE INTO files(path, hash, format, indexed_at, fields)"
                " VALUES (?,?,?,?,?)",
                (path, file_hash, fmt, _now(), fields),
            )
        if self._batching:
            self._batch_files += 1
        return removed

    def remove(self, path: str) -> int:
        """Drop every document read from ``path`` (a file, or everything under a folder)."""
        prefix = path.rstrip(os.sep) + os.sep
        ids = self._q(
            "SELECT id FROM documents WHERE path = ? OR substr(path, 1, ?) = ?",
            (path, len(prefix), prefix),
        )
        with self._tx():
            for (doc_id,) in ids:
                self._delete_doc(doc_id)
            self.db.execute(
                "DELETE FROM files WHERE path = ? OR substr(path, 1, ?) = ?",
                (path, len(prefix), prefix),
            )
            self.db.execute(
                "DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM statements WHERE speaker_id"
                " IS NOT NULL) AND id NOT IN (SELECT speaker_id FROM speaker_aliases)"
            )
        return len(ids)

    def optimize(self) -> None:
        """Merge the FTS index into one segment, give free pages back, refresh ``terms``."""
        try:
            self.db.execute("INSERT INTO units_fts(units_fts) VALUES('optimize')")
            self.db.execute("INSERT INTO titles_fts(titles_fts) VALUES('optimize')")
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        self.refresh_terms()
        # optimize rewrites the FTS index as one segment; without this the old
        # segments stay in the file as free pages (a fifth of it on a fresh index).
        # Python's sqlite3 steps the pragma once (one page); loop in one transaction.
        with self._tx():
            free = self.db.execute("PRAGMA freelist_count").fetchone()[0]
            while free:
                self.db.execute("PRAGMA incremental_vacuum(1000)").fetchall()
                left = self.db.execute("PRAGMA freelist_count").fetchone()[0]
                if left >= free:
                    break
                free = left

    def refresh_terms(self) -> None:
        """Copy the FTS vocabulary's unit counts into ``terms`` (one pass over the index)."""
        self._ensure_vocab()
        with self._tx():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL)"
                " WITHOUT ROWID"
            )
            self.db.execute("DELETE FROM terms")
            self.db.execute("INSERT INTO terms(term, docs) SELECT term, doc FROM temp.units_vocab")
        self._terms = True

    # ---------------------------------------------------------------- reads
    def fts_units(self, match: str, limit: int) -> list[tuple[int, int, int, int, float]]:
        """(unit id, doc id, start, end, bm25) for the best ``limit`` units matching ``match``
        (ties, frequent among the near-copies of an archive, in unit id order).

        ``bm25()`` sorted by SQLite, not ``ORDER BY rank``: that makes FTS5 sort every
        matching row in a nested statement (and its join to ``units`` sort once more),
        ~40% slower on a 100,000-article index for the same rows in the same order (the
        nested sort keeps ties in rowid order; here the tie-break is explicit).
        """
        return self._q(
            f"SELECT u.id, u.doc_id, u.start, u.end, f.r FROM {_RANKED_UNITS} ORDER BY f.r, f.id",
            (match, limit),
        )

    def fts_units_texts(
        self, match: str, limit: int
    ) -> list[tuple[int, int, int, int, float, str]]:
        """:meth:`fts_units` with each unit's text last (what :meth:`unit_texts` gives):
        one statement, the units' rows read once (a second statement for the texts cost
        ~1 ms more a lookup on a 100,000-article index)."""
        return [
            (*r[:5], "" if r[5] is None else r[5])
            for r in self._q(
                "SELECT u.id, u.doc_id, u.start, u.end, f.r,"
                f" substr(d.text, u.start + 1, u.end - u.start) FROM {_RANKED_UNITS}"
                " LEFT JOIN documents d ON d.id = u.doc_id ORDER BY f.r, f.id",
                (match, limit),
            )
        ]

    def fts_titles(self, match: str, limit: int) -> list[tuple[int, int, int, int, float]]:
        """Like :meth:`fts_units`, for the best ``limit`` documents whose searchable title
        (see :func:`searchable_title`) matches ``match``: each document's first unit."""
        return self._q(
            "SELECT u.id, u.doc_id, u.start, u.end, f.rank FROM"
            " (SELECT rowid, rank FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rank LIMIT ?) f"
            " JOIN units u ON u.id = (SELECT id FROM units WHERE doc_id = f.rowid"
            " ORDER BY start LIMIT 1) ORDER BY f.rank",
            (match, limit),
        )

    def unit_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The text of each unit in ``ids`` (one statement for all)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return dict(
            self._q(
                "SELECT u.id, substr(d.text, u.start + 1, u.end - u.start) FROM units u"
                f" JOIN documents d ON d.id = u.doc_id WHERE u.id IN ({marks})",
                list(ids),
            )
        )

    def stems(self, words: Sequence[str]) -> dict[str, str]:
        """Each word as the index's tokenizer (Porter, diacritics removed) stores it.

        Stemmed by FTS5 itself, in a temporary in-memory FTS table with the same
        tokenizer; a word that is no token at all is left out.
        """
        self._ensure_vocab()
        if not words:
            return {}
        db = self.db
        try:
            db.execute("INSERT INTO temp.query_words(query_words) VALUES('delete-all')")
            db.executemany(
                "INSERT INTO temp.query_words(rowid, w) VALUES (?, ?)", list(enumerate(words))
            )
            stems: dict[int, str] = {}
            for term, rowid in db.execute("SELECT term, doc FROM temp.query_words_v"):
                stems.setdefault(rowid, term)
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        return {words[i]: t for i, t in stems.items()}

    def fts_count(self, match: str, cap: int) -> int:
        """How many units match ``match``, counted up to ``cap + 1`` (no ranking)."""
        return int(
            self._q(
                "SELECT count(*) FROM (SELECT rowid FROM units_fts WHERE units_fts MATCH ? LIMIT ?)",
                (match, cap + 1),
            )[0][0]
        )

    def term_doc_counts(self, words: Sequence[str]) -> dict[str, int]:
        """How many units contain each word (after the index's own stemming); 0 when none.

        Counts come from the ``terms`` table (a B-tree lookup); a term missing there (an
        index changed since its last refresh, or never seen) is counted in ``fts5vocab``.
        """
        stems = self.stems(words)
        uniq = sorted(set(stems.values()))
        counts: dict[str, int] = {}
        if uniq:
            counts = self._counts(uniq)
        return {w: counts.get(stems.get(w, ""), 0) for w in words}

    def _counts(self, terms: list[str]) -> dict[str, int]:
        db = self.db
        counts: dict[str, int] = {}
        try:
            if self._has_terms():
                marks = ",".join("?" * len(terms))
                counts = dict(
                    db.execute(
                        f"SELECT term, docs FROM terms WHERE term IN ({marks})", terms
                    ).fetchall()
                )
            missing = [t for t in terms if t not in counts]
            if missing:
                marks = ",".join("?" * len(missing))
                counts.update(
                    db.execute(
                        f"SELECT term, doc FROM temp.units_vocab WHERE term IN ({marks})", missing
                    ).fetchall()
                )
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        return counts

    def _has_terms(self) -> bool:
        """Whether the ``terms`` table exists and has been filled (older indexes: no)."""
        if getattr(self, "_terms", None) is None:
            try:
                self._terms = bool(self.db.execute("SELECT 1 FROM terms LIMIT 1").fetchall())
            except sqlite3.Error:
                self._terms = False
        return bool(self._terms)

    def similar_terms(
        self, prefix: str, min_len: int, max_len: int, limit: int = 5000
    ) -> list[tuple[str, int]]:
        """Vocabulary terms starting with ``prefix`` and of length in [min_len, max_len]."""
        table, col = self._vocab_table()
        return self._q(
            f"SELECT term, {col} FROM {table} WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT ?",
            (prefix, prefix + "\U0010ffff", min_len, max_len, limit),
        )

    def terms_past_second_letter(
        self, first: str, later: Sequence[str], min_len: int, max_len: int, limit: int = 2000
    ) -> list[tuple[str, int]]:
        """Vocabulary terms starting with ``first`` whose third and fourth letters are one of
        ``later``, of length in [min_len, max_len]: the terms a word with its second letter
        mistyped ("hxrbour": later "rb") or dropped ("hrbour": later "rb") may stand for,
        which no two-letter prefix of the word reaches."""
        table, col = self._vocab_table()
        pairs = list(dict.fromkeys(later))
        marks = ",".join("?" * len(pairs))
        return self._q(
            f"SELECT term, {col} FROM {table} WHERE term >= ? AND term < ?"
            f" AND substr(term, 3, 2) IN ({marks}) AND length(term) BETWEEN ? AND ? LIMIT ?",
            (first, first + "\U0010ffff", *pairs, min_len, max_len, limit),
        )

    def _vocab_table(self) -> tuple[str, str]:
        """(the vocabulary table to read, its column of document counts): the stored
        ``terms`` table, else the live fts5vocab view of an index that has none."""
        self._ensure_vocab()
        return ("terms", "docs") if self._has_terms() else ("temp.units_vocab", "doc")

    def _ensure_vocab(self) -> None:
        if getattr(self, "_vocab", False):
            return
        try:
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.units_vocab USING fts5vocab(main, 'units_fts', 'row')"
            )
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(w, content='', detail=none,"
                f" tokenize='{FTS_TOKENIZE}')"
            )
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words_v USING fts5vocab(temp, 'query_words', 'instance')"
            )
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None
        self._vocab = True

    def unit_count(self) -> int:
        """About how many units the index holds (the largest unit id: no table scan)."""
        return int(self._q("SELECT coalesce(max(id), 0) FROM units")[0][0])

    def neighbours_of(
        self, spans: Sequence[tuple[int, int, int]], before: int, after: int
    ) -> list[tuple[int, int]]:
        """Each (doc id, start, end) of ``spans`` extended by up to ``before``/``after``
        neighbouring units of its document, in order, in one statement (a lookup widens up
        to 40 candidate units: two statements each were a millisecond)."""
        if not spans:
            return []
        values = ",".join(["(?,?,?,?)"] * len(spans))
        rows = self._q(
            f"WITH c(k, d, s, e) AS (VALUES {values}) SELECT c.s, c.e,"
            " (SELECT min(start) FROM (SELECT start FROM units WHERE doc_id = c.d AND start < c.s"
            " ORDER BY start DESC LIMIT ?)),"
            " (SELECT max(end) FROM (SELECT end FROM units WHERE doc_id = c.d AND start >= c.e"
            " ORDER BY start LIMIT ?)) FROM c ORDER BY c.k",
            [x for k, (d, st, en) in enumerate(spans) for x in (k, d, st, en)] + [before, after],
        )
        return [
            (start if s is None else s, end if e is None else max(end, e))
            for start, end, s, e in rows
        ]

    def text_slices(self, spans: Sequence[tuple[int, int, int]]) -> list[str]:
        """:meth:`text_slice` of each (doc id, start, end) of ``spans``, in order, in one
        statement."""
        if not spans:
            return []
        values = ",".join(["(?,?,?,?)"] * len(spans))
        rows = self._q(
            f"WITH c(k, d, s, n) AS (VALUES {values}) SELECT"
            " (SELECT substr(text, c.s, c.n) FROM documents WHERE id = c.d) FROM c ORDER BY c.k",
            [x for k, (d, st, en) in enumerate(spans) for x in (k, d, st + 1, en - st)],
        )
        return ["" if r[0] is None else r[0] for r in rows]

    def text_slice(self, doc_id: int, start: int, end: int) -> str:
        """``document.text[start:end]`` without loading the whole text."""
        row = self._q(
            "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
            (start + 1, end - start, doc_id),
        )
        return row[0][0] if row else ""

    def text_length(self, doc_id: int) -> int:
        """``len(document.text)`` (0 for an unknown id) without loading the text."""
        row = self._q("SELECT length(text) FROM documents WHERE id = ?", (doc_id,))
        return int(row[0][0]) if row else 0

    def sentence_bounds(self, doc_id: int, start: int, end: int) -> tuple[int, int] | None:
        """The start of the first and the end of the last unit overlapping ``[start, end)``
        of a document (None when no unit does)."""
        row = self._q(
            "SELECT min(start), max(end) FROM units WHERE doc_id = ? AND start < ? AND end > ?",
            (doc_id, end, start),
        )
        return None if not row or row[0][0] is None else (int(row[0][0]), int(row[0][1]))

    def speaker_aliases(self, name: str) -> list[str]:
        """Every alias recorded for the speakers named ``name``."""
        return [
            r[0]
            for r in self._q(
                "SELECT DISTINCT a.alias FROM speaker_aliases a JOIN speakers s"
                " ON s.id = a.speaker_id WHERE s.name = ?",
                (name,),
            )
        ]

    def document_ref(self, doc_id: int) -> dict[str, Any]:
        """:func:`document_ref` of the document ``doc_id``."""
        return document_ref(self.document(doc_id) or {})

    def document(self, doc_id: int) -> dict[str, Any] | None:
        rows = self._q(
            "SELECT id, path, key, title, date, url, source, format, line_base, body_start,"
            " length(text), hash FROM documents WHERE id = ?",
            (doc_id,),
        )
        if not rows:
            return None
        r = rows[0]
        return {
            "id": r[0],
            "path": r[1],
            "key": r[2],
            "title": r[3],
            "date": r[4],
            "url": r[5],
            "source": r[6],
            "format": r[7],
            "line_base": r[8],
            "body_start": r[9],
            "length": r[10],
            "hash": r[11],
        }

    def find_documents(self, ref: str) -> list[dict[str, Any]]:
        """Documents named by id, path, key, or a path suffix/file name."""
        ids: list[tuple[Any, ...]] = []
        if ref.isdigit():
            ids = self._q("SELECT id FROM documents WHERE id = ?", (int(ref),))
        if not ids:
            absref = os.path.abspath(ref)
            ids = self._q(
                "SELECT id FROM documents WHERE path = ? OR path = ? OR key = ? ORDER BY id",
                (ref, absref, ref),
            )
        if not ids:
            ids = self._q(
                "SELECT id FROM documents WHERE path LIKE ? ESCAPE '\\' ORDER BY id LIMIT 50",
                ("%" + ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
            )
        return [d for (i,) in ids if (d := self.document(i)) is not None]

    def line_of(self, doc_id: int, offset: int) -> int:
        """1-based line of ``offset`` in the source file."""
        r = self._q(
            "SELECT line_base + length(substr(text, 1, ?)) - length(replace(substr(text, 1, ?), char(10), ''))"
            " FROM documents WHERE id = ?",
            (offset, offset, doc_id),
        )
        return int(r[0][0]) if r else 1

    STATEMENT_COLS = (
        "s.id, s.doc_id, s.kind, s.start, s.end, s.spans, sp.name, s.mention_text, s.mention_start,"
        " s.mention_end, s.cue_text, s.cue_start, s.cue_end"
    )

    def statements_overlapping(self, doc_id: int, start: int, end: int) -> list[dict[str, Any]]:
        return [
            _statement(r)
            for r in self._q(
                f"SELECT {self.STATEMENT_COLS} FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id"
                " WHERE s.doc_id = ? AND s.start < ? AND s.end > ? ORDER BY s.start",
                (doc_id, end, start),
            )
        ]

    def statements(
        self,
        *,
        speaker_ids: Sequence[int] | None = None,
        doc_ids: Sequence[int] | None = None,
        kinds: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        where, params = [], []  # type: ignore[var-annotated]
        for col, vals in (("s.speaker_id", speaker_ids), ("s.doc_id", doc_ids), ("s.kind", kinds)):
            if vals is not None:
                where.append(f"{col} IN ({','.join('?' * len(vals))})")
                params.extend(vals)
        sql = f"SELECT {self.STATEMENT_COLS} FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s.doc_id, s.start"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        try:
            for r in self.db.execute(sql, params):
                yield _statement(r)
        except sqlite3.Error as exc:
            raise _friendly(exc, self.path) from None

    def speakers(self) -> list[dict[str, Any]]:
        """Every speaker with names and roles seen, statement and document counts."""
        out = []
        counts = {
            sid: (n, d)
            for sid, n, d in self._q(
                "SELECT speaker_id, count(*), count(DISTINCT doc_id) FROM statements"
                " WHERE speaker_id IS NOT NULL GROUP BY speaker_id"
            )
        }
        aliases: dict[int, dict[str, set[str]]] = {}
        for sid, alias, kind in self._q(
            "SELECT DISTINCT speaker_id, alias, kind FROM speaker_aliases"
        ):
            aliases.setdefault(sid, {"name": set(), "role": set()}).setdefault(kind, set()).add(
                alias
            )
        for sid, name, key in self._q("SELECT id, name, key FROM speakers ORDER BY name"):
            n, d = counts.get(sid, (0, 0))
            al = aliases.get(sid, {})
            out.append(
                {
                    "id": sid,
                    "name": name,
                    "key": key,
                    "aliases": sorted(al.get("name", set()) - {name}),
                    "roles": _distinct_roles(al.get("role", set())),
                    "statements": n,
                    "documents": d,
                }
            )
        return out

    # ---------------------------------------------------------------- vectors
    def docs_without_vectors(
        self, model: str, after: int, limit: int
    ) -> list[tuple[int, str, str | None]]:
        """(doc id, text, title) of up to ``limit`` documents past id ``after`` that have
        no vectors by ``model`` (none, or another model's), in id order."""
        return self._q(
            "SELECT d.id, d.text, d.title FROM documents d LEFT JOIN vectors v ON v.doc_id = d.id"
            " WHERE d.id > ? AND (v.doc_id IS NULL OR v.model != ?) ORDER BY d.id LIMIT ?",
            (after, model, limit),
        )

    def write_vectors(
        self, model: str, dim: int, rows: Sequence[tuple[int, bytes, bytes | None]]
    ) -> None:
        """Store (doc id, text vector, title vector or None) rows, one transaction."""
        with self._tx():
            self.db.executemany(
                "INSERT OR REPLACE INTO vectors(doc_id, model, dim, text, title)"
                " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)",
                [(d, model, dim, t, ti, d) for d, t, ti in rows],
            )

    def vector_count(self, model: str) -> int:
        return int(self._q("SELECT count(*) FROM vectors WHERE model = ?", (model,))[0][0])

    def vector_rows(
        self, model: str, after: int, limit: int
    ) -> list[tuple[int, int, bytes, bytes | None]]:
        """(doc id, dim, text vector, title vector) by ``model``, ids past ``after``, in order."""
        return self._q(
            "SELECT doc_id, dim, text, title FROM vectors WHERE model = ? AND doc_id > ?"
            " ORDER BY doc_id LIMIT ?",
            (model, after, limit),
        )

    def vectors_of(self, model: str, ids: Sequence[int]) -> dict[int, tuple[bytes, bytes | None]]:
        """The stored (text, title) vectors by ``model`` of the documents in ``ids``."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {
            d: (t, ti)
            for d, t, ti in self._q(
                f"SELECT doc_id, text, title FROM vectors WHERE model = ? AND doc_id IN ({marks})",
                [model, *ids],
            )
        }

    def stats(self) -> dict[str, Any]:
        q = self._q
        kinds = dict(q("SELECT kind, count(*) FROM statements GROUP BY kind"))
        formats = dict(q("SELECT format, count(*) FROM documents GROUP BY format"))
        try:
            size = os.path.getsize(self.path) + (
                os.path.getsize(self.path + "-wal") if os.path.exists(self.path + "-wal") else 0
            )
        except OSError:
            size = 0
        return {
            "path": self.path,
            "schema_version": SCHEMA_VERSION,
            "documents": q("SELECT count(*) FROM documents")[0][0],
            "files": q("SELECT count(*) FROM files")[0][0],
            "formats": formats,
            "characters": q("SELECT coalesce(sum(length(text)), 0) FROM documents")[0][0],
            "sentences": q("SELECT count(*) FROM units")[0][0],
            "statements": sum(kinds.values()),
            "statements_by_kind": kinds,
            "speakers": q("SELECT count(*) FROM speakers")[0][0],
            "size_bytes": size,
        }


def searchable_title(title: str | None, text: str) -> bool:
    """Whether a document's title goes into ``titles_fts``: when it is not part of its
    text (a record's headline; an article's first line is in ``units_fts`` already).
    The same rule as the schema's v2 migration.

    >>> searchable_title("Harbour lights", "Harbour lights. The body.")
    False
    >>> searchable_title("Harbour lights", "The body.")
    True
    """
    return title is not None and title != "" and title not in text


def _distinct_roles(roles: set[str]) -> list[str]:
    """Roles as seen, one per meaning: "The mayor" and "Mayor" are one role.

    >>> _distinct_roles({"Mayor", "The mayor", "the Secretary of state"})
    ['Mayor', 'Secretary of state']
    """
    seen: dict[str, str] = {}
    for role in sorted(roles, key=lambda r: (r.casefold().startswith("the "), r)):
        bare = role[4:] if role.casefold().startswith("the ") else role
        seen.setdefault(bare.casefold(), bare)
    return sorted(seen.values())


def _statement(r: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": r[0],
        "doc_id": r[1],
        "kind": r[2],
        "start": r[3],
        "end": r[4],
        "spans": json.loads(r[5]),
        "speaker": r[6],
        "mention": None if r[7] is None else {"text": r[7], "start": r[8], "end": r[9]},
        "cue": None if r[10] is None else {"text": r[10], "start": r[11], "end": r[12]},
    }


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
