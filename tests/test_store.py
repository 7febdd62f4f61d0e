"""The SQLite store: migrations, refusals, atomic writes, incremental indexing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotecheck.errors import QuotecheckError
from quotecheck.indexing import index_paths, prepare_file
from quotecheck.store import Store
from quotecheck.store.schema import SCHEMA_VERSION


def test_new_index_is_migrated_and_wal(db_path: Path) -> None:
    with Store(db_path) as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(QuotecheckError, match="newer quotecheck"):
        Store(db_path)


def test_foreign_sqlite_file_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE other(x)")
    con.close()
    with pytest.raises(QuotecheckError, match="not a quotecheck index"):
        Store(db_path)


def test_garbage_file_refused(db_path: Path) -> None:
    db_path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(QuotecheckError, match="not a quotecheck index or is corrupted"):
        Store(db_path)


def test_failed_write_leaves_nothing_half_written(corpus_dir: Path, db_path: Path) -> None:
    """A document whose write fails midway (here: a statement row with a bad speaker key) rolls back whole."""
    store = Store(db_path)
    res = prepare_file(str(corpus_dir / "harbour.txt"), None, {}, None)
    (doc,) = res.docs
    doc.speaker_keys.clear()  # makes write_document fail after the document and units rows went in
    with pytest.raises(KeyError):
        store.write_document(doc)
    counts = [
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "units", "statements")
    ]
    assert counts == [0, 0, 0]
    assert (
        store.db.execute(
            "SELECT count(*) FROM units_fts WHERE units_fts MATCH 'lighthouse'"
        ).fetchone()[0]
        == 0
    )
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_files_finished_in_a_batch_that_a_failure_rolls_back_are_counted_lost(
    corpus_dir: Path, db_path: Path
) -> None:
    """Regression (a flaky test found it): Ctrl-C in the middle of a document rolls back the
    whole batch transaction, and the files finished earlier in it with it, but 'stopped
    after N files; what they held is in the index' counted them. The store now counts the
    files a rollback took back out."""
    from quotecheck.indexing import IndexReport, _write

    store = Store(db_path)
    files = sorted(corpus_dir.glob("*.txt"))
    good, bad = (
        prepare_file(str(files[0]), None, {}, None),
        prepare_file(str(files[1]), None, {}, None),
    )
    bad.docs[0].speaker_keys.clear()  # its write fails part-way, as a Ctrl-C there would
    with pytest.raises(KeyError), store.batch():
        _write(store, good, IndexReport())
        _write(store, bad, IndexReport())
    assert store.lost_files == 1
    assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    # between documents, the batch is committed on the way out and nothing is lost
    store2 = Store(db_path)
    with pytest.raises(KeyboardInterrupt), store2.batch():
        _write(store2, good, IndexReport())
        raise KeyboardInterrupt
    assert store2.lost_files == 0
    assert store2.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_records_file_update_replaces_changed_and_drops_missing(
    tmp_path: Path, db_path: Path
) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text(
        '{"id": "a", "text": "Ferries run hourly in Corvale."}\n{"id": "b", "text": "The bridge opens in Velden."}\n'
    )
    store = Store(db_path)
    rep = index_paths(store, [str(f)])
    assert rep.documents == 2
    f.write_text(
        '{"id": "a", "text": "Ferries run hourly in Corvale."}\n{"id": "c", "text": "A new record."}\n'
    )
    rep = index_paths(store, [str(f)])
    assert rep.documents == 1  # only "c" written; "a" unchanged
    assert rep.removed == 1  # "b" dropped
    keys = sorted(k for (k,) in store.db.execute("SELECT key FROM documents"))
    assert keys == ["a", "c"]


def test_fts_entries_removed_with_document(corpus_dir: Path, db_path: Path) -> None:
    store = Store(db_path)
    index_paths(store, [str(corpus_dir)])
    assert store.remove(str(corpus_dir / "harbour.txt")) == 1
    n = store.db.execute(
        "SELECT count(*) FROM units_fts WHERE units_fts MATCH 'lighthouse'"
    ).fetchone()[0]
    assert n == 0
    assert (
        store.db.execute("INSERT INTO units_fts(units_fts) VALUES('integrity-check')") is not None
    )


def _title_hits(store: Store, word: str) -> int:
    return int(
        store.db.execute(
            "SELECT count(*) FROM titles_fts WHERE titles_fts MATCH ?", (word,)
        ).fetchone()[0]
    )


def test_record_titles_searchable_and_removed_with_their_records(
    tmp_path: Path, db_path: Path
) -> None:
    """A record's title (not in its text) is in titles_fts; an article's first line is not."""
    f = tmp_path / "r.jsonl"
    f.write_text(
        '{"id": "a", "text": "Ferries run hourly.", "title": "Corvale ferry timetable"}\n'
        '{"id": "b", "text": "The bridge opens.", "title": "Velden bridge"}\n'
    )
    art = tmp_path / "a.txt"
    art.write_text("Harbour lights of Corvale\n\nThe lights stay on all night.\n")
    store = Store(db_path)
    index_paths(store, [str(f), str(art)])
    assert _title_hits(store, "timetable") == 1
    assert _title_hits(store, "harbour") == 0  # the article's headline is its first line
    f.write_text(
        '{"id": "a", "text": "Ferries run hourly.", "title": "Corvale ferry times"}\n'
        '{"id": "c", "text": "A new record.", "title": "Velden news"}\n'
    )
    index_paths(store, [str(f)])  # "a" retitled, "b" dropped
    assert _title_hits(store, "timetable") == 0
    assert _title_hits(store, "times") == 1
    assert _title_hits(store, "bridge") == 0
    assert _title_hits(store, "velden") == 1
    store.remove(str(f))
    assert _title_hits(store, "corvale OR velden") == 0
    store.db.execute("INSERT INTO titles_fts(titles_fts) VALUES('integrity-check')")
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_schema_1_index_gets_record_titles(tmp_path: Path, db_path: Path) -> None:
    """An index made before titles_fts (schema 1) is upgraded in place when opened."""
    f = tmp_path / "r.jsonl"
    f.write_text('{"id": "a", "text": "Ferries run hourly.", "title": "Corvale ferry timetable"}\n')
    store = Store(db_path)
    index_paths(store, [str(f)])
    store.db.execute("DROP TABLE titles_fts")
    store.db.execute("DROP TABLE vectors")  # schema 3
    store.db.execute("ALTER TABLE files DROP COLUMN fields")  # schema 4
    store.db.execute("PRAGMA user_version = 1")
    store.close()
    with pytest.raises(QuotecheckError, match="needs an upgrade"):
        Store(db_path, readonly=True)
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _title_hits(store, "timetable") == 1
    index_paths(store, [str(f)])  # unchanged file: skipped, title still found
    assert _title_hits(store, "timetable") == 1
    store.close()


def test_schema_2_index_gets_vector_table(tmp_path: Path, db_path: Path) -> None:
    """An index made before the vector table (schema 2) is upgraded in place, nothing lost."""
    f = tmp_path / "r.jsonl"
    f.write_text(
        '{"id": "a", "text": "Ferries run hourly from Corvale.", "title": "Corvale ferry timetable"}\n'
        '{"id": "b", "text": "Tomas Ferreol opened the Velden market.", "title": "Velden market"}\n'
    )
    store = Store(db_path)
    index_paths(store, [str(f)])
    store.db.execute("DROP TABLE vectors")
    store.db.execute("ALTER TABLE files DROP COLUMN fields")  # schema 4
    store.db.execute("PRAGMA user_version = 2")
    before = store.stats()
    store.close()
    with pytest.raises(QuotecheckError, match="needs an upgrade"):
        Store(db_path, readonly=True)
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    after = store.stats()
    for k in ("documents", "sentences", "statements", "characters", "speakers"):
        assert after[k] == before[k]
    assert _title_hits(store, "timetable") == 1
    assert store.vector_count("m") == 0
    assert [r[0] for r in store.docs_without_vectors("m", 0, 10)] == [1, 2]
    index_paths(store, [str(f)])  # unchanged file: skipped
    assert store.stats()["documents"] == 2
    store.close()


def test_vectors_follow_their_document(tmp_path: Path, db_path: Path) -> None:
    """Vectors are written per document and go when the document is replaced or removed."""
    f = tmp_path / "r.jsonl"
    f.write_text('{"id": "a", "text": "Ferries run hourly."}\n{"id": "b", "text": "Tolls rise."}\n')
    store = Store(db_path)
    index_paths(store, [str(f)])
    ids = [r[0] for r in store.docs_without_vectors("m", 0, 10)]
    assert [r[2] for r in store.docs_without_vectors("m", 0, 10)] == [None, None]
    store.write_vectors("m", 2, [(ids[0], b"\0" * 8, None), (ids[1], b"\1" * 8, b"\2" * 8)])
    store.write_vectors("m", 2, [(999, b"\0" * 8, None)])  # no such document: ignored
    assert store.vector_count("m") == 2 and store.vector_count("other") == 0
    assert store.docs_without_vectors("m", 0, 10) == []
    assert len(store.docs_without_vectors("other", 0, 10)) == 2  # another model's vectors
    assert store.vectors_of("m", [ids[1]]) == {ids[1]: (b"\1" * 8, b"\2" * 8)}
    assert [r[0] for r in store.vector_rows("m", ids[0], 10)] == [ids[1]]
    f.write_text(
        '{"id": "a", "text": "Ferries run twice an hour."}\n{"id": "b", "text": "Tolls rise."}\n'
    )
    index_paths(store, [str(f)])  # "a" changed: re-inserted without vectors
    assert store.vector_count("m") == 1
    assert [r[1] for r in store.docs_without_vectors("m", 0, 10)] == ["Ferries run twice an hour."]
    store.remove(str(f))
    assert store.vector_count("m") == 0
    store.close()


def test_store_reads_lengths_sentences_and_aliases(corpus_dir: Path, db_path: Path) -> None:
    store = Store(db_path)
    index_paths(store, [str(corpus_dir)])
    doc_id, text = store.db.execute(
        "SELECT id, text FROM documents WHERE path LIKE '%harbour.txt'"
    ).fetchone()
    assert store.text_length(doc_id) == len(text)
    assert store.text_length(10_000) == 0
    at = text.index("lighthouse")
    s, e = store.sentence_bounds(doc_id, at, at + len("lighthouse")) or (0, 0)
    # the sentence holding the word: it starts after a line or sentence break, ends at one
    assert s < at < e
    assert text[e - 1] in '.!?”"' and (s == 0 or text[s - 1] in " \n")
    assert store.sentence_bounds(doc_id, len(text) + 5, len(text) + 9) is None
    assert "Ilsa Brandt" in store.speaker_aliases("Ilsa Brandt")
    assert store.speaker_aliases("Nobody Atall") == []


CLAIMS_CSV = (
    "ref,vclaim,summary\n"
    "v1,Corvale has a new ferry to Kessel,Ferry news from Corvale\n"
    "v2,Norvania will close the Velmark mine,Mine news from Velmark\n"
)


def _texts(store: Store) -> dict[str | None, str]:
    return {
        k: t for k, t in store.db.execute("SELECT key, text FROM documents WHERE format = 'record'")
    }


def test_unchanged_records_file_with_another_field_mapping_is_read_again(
    tmp_path: Path, db_path: Path
) -> None:
    # index --field text=vclaim, then --field text=summary of the same bytes: the file was
    # skipped as unchanged (only --force read it), the index kept the old texts, in silence
    f = tmp_path / "claims.csv"
    f.write_text(CLAIMS_CSV, encoding="utf-8")
    article = tmp_path / "ferry.txt"
    article.write_text("Kessel ferry\n\nThe ferry to Kessel runs twice a day.\n", encoding="utf-8")
    store = Store(db_path)
    index_paths(store, [str(f), str(article)], fields={"text": "vclaim"})
    assert _texts(store) == {
        "#1": "Corvale has a new ferry to Kessel",
        "#2": "Norvania will close the Velmark mine",
    }
    report = index_paths(store, [str(f), str(article)], fields={"text": "summary", "id": "ref"})
    assert _texts(store) == {"v1": "Ferry news from Corvale", "v2": "Mine news from Velmark"}
    assert report.remapped == [(str(f), "text=vclaim", "id=ref,text=summary")]
    assert (report.documents, report.removed, report.unchanged) == (2, 2, 1)  # the article
    # the same mapping again (given in another order): unchanged, skipped
    report = index_paths(store, [str(f)], fields={"id": "ref", "text": "summary"})
    assert (report.unchanged, report.documents, report.remapped) == (1, 0, [])
    store.close()


def test_field_mapping_does_not_make_articles_read_again(tmp_path: Path, db_path: Path) -> None:
    # a mapping applies to records only: an article indexed along with a records file
    # is no other document for it
    article = tmp_path / "ferry.txt"
    article.write_text("Kessel ferry\n\nThe ferry to Kessel runs twice a day.\n", encoding="utf-8")
    store = Store(db_path)
    index_paths(store, [str(article)])
    report = index_paths(store, [str(article)], fields={"text": "summary"})
    assert (report.unchanged, report.documents, report.remapped) == (1, 0, [])
    store.close()


def test_schema_3_index_keeps_skipping_unchanged_files(tmp_path: Path, db_path: Path) -> None:
    """An index made before the files' mapping was recorded (schema 3) is upgraded in
    place; its files count as read without a mapping."""
    f = tmp_path / "claims.csv"
    f.write_text(CLAIMS_CSV.replace("vclaim", "text"), encoding="utf-8")
    store = Store(db_path)
    index_paths(store, [str(f)])
    store.db.execute("ALTER TABLE files DROP COLUMN fields")
    store.db.execute("PRAGMA user_version = 3")
    store.close()
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.file_state(str(f))[1] == ""  # type: ignore[index]
    report = index_paths(store, [str(f)])
    assert (report.unchanged, report.documents, report.remapped) == (1, 0, [])
    report = index_paths(store, [str(f)], fields={"text": "summary"})
    assert report.remapped == [(str(f), "", "text=summary")]
    assert set(_texts(store).values()) == {"Ferry news from Corvale", "Mine news from Velmark"}
    store.close()
