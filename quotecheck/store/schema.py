"""Schema migrations: an ordered list, the version kept in ``PRAGMA user_version``.

Never edit a migration that has shipped; append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the open transaction)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            db.execute(buf)
            buf = ""
    if buf.strip():
        db.execute(buf)


FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"


def _v1(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            key TEXT,
            format TEXT NOT NULL,
            title TEXT,
            date TEXT,
            url TEXT,
            source TEXT,
            hash TEXT NOT NULL,
            line_base INTEGER NOT NULL DEFAULT 1,
            body_start INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            indexed_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX documents_path_key ON documents(path, coalesce(key, ''));

        -- One row per indexed file: lets an unchanged file be skipped by hash.
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            hash TEXT NOT NULL,
            format TEXT NOT NULL,
            indexed_at TEXT NOT NULL
        );

        -- Text units (sentences, long ones chunked) that the FTS index points at.
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX units_doc ON units(doc_id, start);

        CREATE VIRTUAL TABLE units_fts USING fts5(
            body, content='', tokenize='porter unicode61 remove_diacritics 2'
        );

        -- How many units hold each FTS term (a copy of fts5vocab's counts, refreshed at
        -- the end of each index run): fts5vocab counts a term by reading its whole
        -- posting list, tens of milliseconds for a common word of a large index.
        CREATE TABLE terms (
            term TEXT PRIMARY KEY,
            docs INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE
        );

        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            kind TEXT NOT NULL,  -- 'name' or 'role'
            PRIMARY KEY (speaker_id, doc_id, alias, kind)
        ) WITHOUT ROWID;
        CREATE INDEX speaker_aliases_doc ON speaker_aliases(doc_id);

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            spans TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id),
            mention_text TEXT,
            mention_start INTEGER,
            mention_end INTEGER,
            cue_text TEXT,
            cue_start INTEGER,
            cue_end INTEGER
        );
        CREATE INDEX statements_doc ON statements(doc_id, start);
        CREATE INDEX statements_speaker ON statements(speaker_id);
        """,
    )


# A record's title (a headline, a claim's short form) is not part of its text, so
# neither in ``units_fts``: it gets its own contentless FTS table, one row per
# document (rowid = documents.id). A title that is in the text (an article's first
# line) is left out: it is searchable already. The same rule is in
# ``db.searchable_title``; the delete of a contentless row needs the values inserted.
def _v2(db: sqlite3.Connection) -> None:
    run_script(
        db,
        f"""
        CREATE VIRTUAL TABLE titles_fts USING fts5(
            title, content='', tokenize='{FTS_TOKENIZE}'
        );
        INSERT INTO titles_fts(rowid, title)
            SELECT id, title FROM documents
            WHERE title IS NOT NULL AND title != '' AND instr(text, title) = 0;
        """,
    )


# The optional vector index (``quotecheck index --semantic``, the ``semantic`` extra):
# one row per document, embeddings stored as BLOBs (little-endian, ``dim`` values each:
# float32 as first written, float16 since; semantic.STORE_DTYPE, both read) of its text's
# first characters and of its title (NULL when it has none),
# by the sentence encoder named in ``model``. Empty until asked for; rows go with their
# document (a changed document is re-inserted, and gets its vectors at the next
# ``index --semantic``).
def _v3(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE vectors (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            dim INTEGER NOT NULL,
            text BLOB NOT NULL,
            title BLOB
        );
        """,
    )


# The ``--field`` mapping a record file was read with ("id=ref,text=vclaim", sorted; ""
# for none, and for files that are no records): a file whose bytes are unchanged but
# whose mapping differs is read again (it was skipped as unchanged, the mapping unused).
# NULL for files indexed before it was recorded: taken as no mapping.
def _v4(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE files ADD COLUMN fields TEXT")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)
