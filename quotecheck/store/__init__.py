"""The store: one SQLite file holding documents, sentences (FTS5), statements, speakers."""

from quotecheck.store.db import Store, default_db_path

__all__ = ["Store", "default_db_path"]
