"""Bad input, interruptions and concurrent use: quotecheck holds up and says what happened.

Each test pins one case from issue 7. Everything in the fixtures is fictional.
Tests that need a real process (kill, ``| head``, two writers) run the entry point
as a subprocess with a timeout, so a hang fails instead of stalling the suite.
"""

from __future__ import annotations

import csv
import gc
import json
import os
import random
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quotecheck.store import db as store_db
from quotecheck.store.schema import SCHEMA_VERSION
from tests.conftest import run

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
TIMEOUT = 60

ARTICLE = (
    "Corvale council approves the harbour plan\n\n"
    "Mayor Ilsa Brandt of Corvale presented the harbour plan on Monday.\n\n"
    "“We will not sell the old lighthouse to anyone,” Brandt said. “It belongs to the town.”\n\n"
    "Councillor Tomas Ferreol said the budget of 12 million crowns was too high.\n"
)


def qc(
    *args: str, stdin: bytes | None = None, timeout: float = TIMEOUT
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


def assert_clean_error(err: str) -> None:
    """People-talk only: no traceback, no raw SQLite or Python exception text."""
    assert "Traceback" not in err
    assert "sqlite3." not in err
    assert "internal error" not in err


def documents(db: Path) -> dict[tuple[str, str | None], dict[str, Any]]:
    """(file name, key) -> text, unit and statement counts of every document in ``db``."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT d.path, d.key, d.text,"
            " (SELECT count(*) FROM units u WHERE u.doc_id = d.id),"
            " (SELECT count(*) FROM statements s WHERE s.doc_id = d.id)"
            " FROM documents d"
        ).fetchall()
    finally:
        con.close()
    return {
        (os.path.basename(p), k): {"text": t, "units": u, "statements": s} for p, k, t, u, s in rows
    }


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def shown_text(db: Path, doc: str) -> str:
    code, out, err = run("--db", str(db), "show", "--format", "json", doc)
    assert code == 0, err
    return str(json.loads(out)[0]["text"])


# ---------------------------------------------------------------- input files
def test_binary_file_is_skipped_with_warning_and_rest_indexed(
    tmp_path: Path, db_path: Path
) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "photo.txt").write_bytes(random.Random(7).randbytes(4000))
    code, _, err = run("--db", str(db_path), "index", str(d))
    assert code == 2
    assert "photo.txt" in err and "binary" in err
    assert "indexed 1 documents" in err and "1 skipped with errors" in err
    assert set(documents(db_path)) == {("good.txt", None)}


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("cp1252", "windows-1252.txt"), ("latin-1", "latin-1.txt")],
)
def test_legacy_encodings_are_detected(
    tmp_path: Path, db_path: Path, encoding: str, name: str
) -> None:
    text = (
        "Café de la Place reopens in Corvale\n\n"
        "The café owner, Renée Duval, said the élève programme would resume in the naïve spirit "
        "of the old façade, and Ferreol said the crème brûlée was à la carte again.\n"
    )
    if encoding == "cp1252":
        text = text.replace("said the élève", "said the “élève”")
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    code, _, err = run("--db", str(db_path), "index", str(path))
    assert code == 0, err
    assert shown_text(db_path, name) == text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
        ("utf16-bom.txt", ARTICLE.encode("utf-16")),
        ("utf16le-no-bom.txt", ARTICLE.encode("utf-16-le")),
        ("utf16be-no-bom.txt", ARTICLE.encode("utf-16-be")),
    ],
)
def test_unicode_files_with_and_without_bom(
    tmp_path: Path, db_path: Path, name: str, data: bytes
) -> None:
    (tmp_path / name).write_bytes(data)
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / name))
    assert code == 0, err
    assert shown_text(db_path, name) == ARTICLE  # no BOM left at offset 0
    code, out, _ = run(
        "--db",
        str(db_path),
        "check",
        "--format",
        "jsonl",
        "We will not sell the old lighthouse to anyone",
    )
    assert code == 0
    assert json.loads(out)["matches"][0]["start"] == ARTICLE.index("We will not sell")


def test_empty_and_blank_files_are_reported(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n\t\n")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    code, _, err = run(
        "--db",
        str(db_path),
        "index",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "blank.md"),
        str(tmp_path / "empty.jsonl"),
    )
    assert code == 2
    assert err.count("empty file, skipped") == 3
    assert_clean_error(err)


def test_nul_bytes_in_text_are_dropped(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(
        ARTICLE.encode().replace(b"harbour plan on", b"harbour\x00 plan\x00 on")
    )
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "nul.txt"))
    assert code == 0, err
    assert shown_text(db_path, "nul.txt") == ARTICLE


@pytest.mark.skipif(IS_ROOT, reason="running as root: file permissions are not enforced")
def test_unreadable_file_is_skipped(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = d / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        code, _, err = run("--db", str(db_path), "index", str(d))
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert code == 2
    assert "locked.txt: permission denied" in err
    assert set(documents(db_path)) == {("good.txt", None)}


def test_broken_symlinks_are_skipped(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "gone-too.md").symlink_to(tmp_path / "nowhere.md")
    code, _, err = run("--db", str(db_path), "index", str(d), str(tmp_path / "gone-too.md"))
    assert code == 2
    assert err.count("broken symbolic link, skipped") == 2
    assert set(documents(db_path)) == {("good.txt", None)}


def test_pipes_and_devices_in_a_folder_do_not_hang(tmp_path: Path) -> None:
    """Regression: a FIFO named *.txt blocked indexing forever; a link to /dev/zero never ended."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(d / "fifo.txt")
    if os.path.exists("/dev/zero"):
        (d / "zero.txt").symlink_to("/dev/zero")
    p = qc("--db", str(tmp_path / "i.db"), "index", str(d), timeout=30)
    err = p.stderr.decode()
    assert p.returncode == 2, err
    assert "fifo.txt: not a regular file" in err
    assert "indexed 1 documents" in err


def test_paths_with_spaces_and_non_ascii_names(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "Dossier spécial Ålesund"
    d.mkdir()
    name = "Brandt – entretien été 2024 ñ 東京.txt"
    (d / name).write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(d))
    assert code == 0, err
    assert shown_text(db_path, name) == ARTICLE
    code, out, _ = run(
        "--db", str(db_path), "check", "--format", "json", "We will not sell the old lighthouse"
    )
    assert json.loads(out)[0]["matches"][0]["document"]["path"] == str(d / name)
    code, _, err = run("--db", str(db_path), "remove", str(d / name))
    assert code == 0 and "removed 1 documents" in err


def test_one_megabyte_single_line_file(tmp_path: Path, db_path: Path) -> None:
    """A file that is one long line (no sentence ends) indexes in linear time.

    The 50 MB case of the issue runs in ``bench/fuzz.py --big`` (too slow for the suite).
    """
    rng = random.Random(3)
    words = "harbour plan Corvale council Brandt said the of budget crowns lighthouse".split()
    line = " ".join(rng.choice(words) for _ in range(170_000))[:1_000_000]
    (tmp_path / "one-line.txt").write_text("Headline " + line, encoding="utf-8")
    t0 = time.monotonic()
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "one-line.txt"))
    elapsed = time.monotonic() - t0
    assert code == 0, err
    assert elapsed < 30, f"1 MB one-line file took {elapsed:.1f}s"
    docs = documents(db_path)
    assert docs[("one-line.txt", None)]["units"] > 1000  # chunked, not one giant unit


# ---------------------------------------------------------------- records
def test_malformed_json_lines_are_reported_with_line_and_rest_indexed(
    tmp_path: Path, db_path: Path
) -> None:
    lines = [
        {"id": "r1", "text": "Brandt said the harbour would reopen in May."},
        "{not json at all",
        {"id": "r3"},  # no text
        {"id": "r4", "text": ["a", "list"]},  # wrong type
        [1, 2, 3],  # not an object
        {"id": "r6", "text": "   "},  # blank text
        '{"id": "r7", "text": "cut off',
        {"id": 8.5, "text": 12345, "title": {"nested": True}, "speaker": ["x"], "date": None},
        "[" * 100_000 + "]" * 100_000,  # nested too deep for the JSON parser
        {"id": "r10", "text": "Ferreol said the budget of 12 million crowns was too high."},
    ]
    raw = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    (tmp_path / "recs.jsonl").write_text(raw, encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "recs.jsonl"))
    assert code == 2
    assert_clean_error(err)
    path = str(tmp_path / "recs.jsonl")
    for n in (2, 3, 4, 5, 6, 7, 9):
        assert f"{path}:{n}:" in err, n
    docs = documents(db_path)
    assert set(docs) == {("recs.jsonl", "r1"), ("recs.jsonl", "8.5"), ("recs.jsonl", "r10")}
    assert docs[("recs.jsonl", "8.5")]["text"] == "12345"  # a number is read as its text


def test_record_whose_line_turns_malformed_keeps_its_last_good_version(
    tmp_path: Path, db_path: Path
) -> None:
    """Regression: a records file edited so that one line is malformed lost that record
    ("1 removed": its key was not seen), and the next run said nothing (the file was
    marked indexed). Nothing already indexed is lost to bad input: the record stays, and
    the file is read again until it is fixed; a record taken out of a clean file still
    goes."""
    path = tmp_path / "recs.jsonl"
    good = [
        {"id": "r1", "text": "Brandt said the harbour would reopen in May."},
        {"id": "r2", "text": "Ferreol said the budget of 12 million crowns was too high."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in good), encoding="utf-8")
    assert run("--db", str(db_path), "index", str(path))[0] == 0
    broken = json.dumps(good[0]) + '\n{"id": "r2", "text": "Ferreol said the budget\n'
    path.write_text(broken, encoding="utf-8")
    for _ in range(2):  # and again: the error is said again
        code, _, err = run("--db", str(db_path), "index", str(path))
        assert code == 2 and f"{path}:2:" in err and " 0 removed" in err
        assert set(documents(db_path)) == {("recs.jsonl", "r1"), ("recs.jsonl", "r2")}
    path.write_text(json.dumps(good[0]) + "\n", encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(path))
    assert code == 0, err
    assert set(documents(db_path)) == {("recs.jsonl", "r1")}


def test_malformed_csv_rows_are_reported_with_line_and_rest_indexed(
    tmp_path: Path, db_path: Path
) -> None:
    """Regression: an unbalanced quote swallowed every following row into one record."""
    raw = (
        "id,text,speaker\n"
        'c1,"Brandt said the harbour, as planned, would reopen.",\n'
        'c2,"an opening quote that is never closed,\n'
        "c3,Ferreol said the budget was too high.,\n"
        "c4,too,many,fields,here\n"
        'c5,"A field over\ntwo lines, properly quoted.",Ondra Valsek\n'
        "c6,,\n"
        "c7,The council voted 7 to 2.,\n"
    )
    (tmp_path / "recs.csv").write_text(raw, encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "recs.csv"))
    assert code == 2
    assert_clean_error(err)
    path = str(tmp_path / "recs.csv")
    assert f"{path}:3: unbalanced quote" in err
    assert f"{path}:5: row has 5 fields" in err
    assert f"{path}:8: record has no text" in err
    docs = documents(db_path)
    assert set(docs) == {("recs.csv", k) for k in ("c1", "c3", "c5", "c7")}
    assert docs[("recs.csv", "c5")]["text"] == "A field over\ntwo lines, properly quoted."
    code, out, _ = run("--db", str(db_path), "quotes", "--format", "jsonl", "--doc", "c5")
    assert json.loads(out)["line"] == 6  # the record's own line in the file


def test_enormous_fields(tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = ("Brandt said the harbour would reopen. " * 8_000).strip()  # about 300 KB
    (tmp_path / "big.jsonl").write_text(
        json.dumps({"id": "huge", "text": big, "title": "T" * 100_000}) + "\n", encoding="utf-8"
    )
    limit = csv.field_size_limit()
    csv.field_size_limit(10_000)  # the real limit is 50 MB; same code path
    try:
        (tmp_path / "big.csv").write_text(
            f'id,text\nsmall,Ferreol said yes.\nhuge,"{"x" * 20_000}"\nafter,Valsek said no.\n',
            encoding="utf-8",
        )
        code, _, err = run(
            "--db", str(db_path), "index", str(tmp_path / "big.jsonl"), str(tmp_path / "big.csv")
        )
    finally:
        csv.field_size_limit(limit)
    assert code == 2
    assert f"{tmp_path / 'big.csv'}:3: malformed row (field larger than field limit" in err
    docs = documents(db_path)
    assert docs[("big.jsonl", "huge")]["text"] == big
    assert ("big.csv", "small") in docs and ("big.csv", "after") in docs


def test_deeply_nested_json_file(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "deep.json"))
    assert code == 2
    assert "deep.json" in err and "nested too deep" in err
    assert_clean_error(err)


def test_paths_and_urls_in_records_are_never_opened(tmp_path: Path, db_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETWORD Corvale vault codes", encoding="utf-8")
    rec = {
        "id": str(secret),
        "text": str(secret),
        "url": secret.as_uri(),
        "source": str(secret),
        "path": str(secret),
        "title": "file:" + str(secret),
    }
    (tmp_path / "r.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "r.jsonl"))
    assert code == 0, err
    assert b"TOPSECRETWORD" not in db_path.read_bytes()
    code, out, _ = run(
        "--db", str(db_path), "check", "--format", "jsonl", "TOPSECRETWORD vault codes"
    )
    assert code == 1 and json.loads(out)["verdict"] == "not_found"


# ---------------------------------------------------------------- text
EXOTIC = (
    "Tarnhal mayor speaks\n\n"
    "“Outer ‘middle «inner» middle’ outer,” said Mayor Ilsa Brandt of Tarnhal.\n\n"
    "“An opening mark that never closes, Brandt said.\n\n"
    "Only a closing mark” said Ferreol. »Reverse guillemets« said Valsek. „Low-high“ said Koltan.\n\n"
    "‹Single guillemets› said Anslem. ''Doubled apostrophes'' said Brandt. \"Straight\" she said.\n\n"
    "“שלום לנמל של טרנהאל,” said Brandt. “\u202eReversed\u202c text,” she said.\n\n"
    "“Cafe\u0301 na\u0308ive e\u0301le\u0300ve Z\u0335\u0321a\u0336lgo,” said Ferreol.\n\n"
    "“Tab\there\x07bell\x1b[31mred\x0bvt\x0cff\x7fdel,” he said.\n\n"
    "Koltan said the plan was “not finished” and “far from done”.\n"
    "\r\nWindows line\r\n\r\n“CRLF quote,” said Valsek.\r\n"
    "“‘“Three deep”’” said Brandt. ” “ ” “ said nobody.\n"
)


def test_exotic_quotes_rtl_combining_and_control_characters_slice_back(
    tmp_path: Path, db_path: Path
) -> None:
    (tmp_path / "exotic.txt").write_bytes(EXOTIC.encode("utf-8"))
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "exotic.txt"))
    assert code == 0, err
    text = shown_text(db_path, "exotic.txt")
    assert text == EXOTIC
    code, out, _ = run("--db", str(db_path), "quotes", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) >= 8
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        for a, b in r["spans"]:
            assert r["start"] <= a < b <= r["end"]
        for part in (r["mention"], r["cue"]):
            if part is not None:
                assert text[part["start"] : part["end"]] == part["text"]
        assert r["line"] == text.count("\n", 0, r["start"]) + 1
    for q in ("Outer middle inner middle outer", "Tab here bell red", "Café naïve élève"):
        code, out, _ = run(
            "--db", str(db_path), "check", "--format", "jsonl", "--min-score", "0", q
        )
        m = json.loads(out)["matches"][0]
        assert text[m["start"] : m["end"]] == m["matched_text"]


# ---------------------------------------------------------------- queries
@pytest.fixture
def small_index(tmp_path: Path, db_path: Path) -> Path:
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("--db", str(db_path), "index", str(tmp_path / "harbour.txt"))
    assert code == 0, err
    return db_path


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   \t ",
        "the and of to a",
        "?!…,;:—()",
        "“”‘’«»",
        '"',
        "*",
        "AND",
        "NEAR(",
        "a OR b NOT c",
        "body:harbour",
        "^ - + {}",
        "\\",
        "#a " * 3300 + "x",  # a run of tags: their stripping once took n² steps
        "#only #tags",
        "https://t.co/AbC123",
    ],
)
def test_degenerate_queries_get_a_not_found_answer(small_index: Path, query: str) -> None:
    code, out, err = run("--db", str(small_index), "check", "--format", "jsonl", "--", query)
    assert_clean_error(err)
    r = json.loads(out)
    assert r["query"] == query
    if r["verdict"] == "not_found":
        assert code == 1
    else:  # "body:harbour" may well find the harbour
        assert code == 0 and r["matches"]


def test_ten_thousand_character_query_is_fast_and_noted(small_index: Path) -> None:
    query = ("We will not sell the old lighthouse to anyone and the council agrees. " * 150)[
        :10_000
    ]
    t0 = time.monotonic()
    code, out, err = run("--db", str(small_index), "check", "--format", "jsonl", query)
    elapsed = time.monotonic() - t0
    assert elapsed < 1.0, f"10,000-character query took {elapsed:.2f}s"
    assert "note: query is 10000 characters" in err
    r = json.loads(out)
    assert r["query"] == query  # echoed as given
    assert code in (0, 1)


@pytest.mark.parametrize(
    "data",
    [
        b"the harbour\n\x00\x01\x02binary\x00\n",
        random.Random(11).randbytes(3000).replace(b"\x00", b"\x01"),
    ],
    ids=["nul-bytes", "random-bytes"],
)
def test_binary_on_stdin_is_a_clear_error(small_index: Path, data: bytes) -> None:
    code, out, err = run("--db", str(small_index), "check", "--format", "jsonl", input=data)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("Error: stdin looks binary")
    assert out.count("\n") <= 1  # at most the text line before the binary one


def test_legacy_encoded_query_on_stdin_is_not_called_binary(small_index: Path) -> None:
    code, out, err = run(
        "--db",
        str(small_index),
        "check",
        "--format",
        "jsonl",
        input="Café Corvale harbour\n".encode("cp1252"),
    )
    assert "binary" not in err
    assert json.loads(out)["verdict"] in ("not_found", "paraphrase", "partial", "close", "verbatim")


QUERIES = ["We will not sell the old lighthouse to anyone", "Café Corvale harbour plan"]


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32", "utf-8-sig", "cp1252"]
)
def test_queries_on_stdin_in_utf16_utf8_bom_or_a_legacy_encoding_are_read_as_text(
    small_index: Path, encoding: str
) -> None:
    # UTF-16 with a BOM was "stdin looks binary"; a UTF-8 BOM stayed in the first
    # "query"; "Café" in Windows-1252 became "Caf\ufffd"
    text = "".join(q + "\r\n" for q in QUERIES)
    if encoding.endswith("-bom"):
        enc = encoding[: -len("-bom")]
        data = ("\ufeff" + text).encode(enc)
    else:
        data = text.encode(encoding)
    for args in ([], ["--jobs", "2"]):
        code, out, err = run(
            "--db", str(small_index), "check", "--format", "jsonl", *args, input=data
        )
        assert "binary" not in err, encoding
        rs = [json.loads(x) for x in out.splitlines()]
        assert [r["query"] for r in rs] == QUERIES, encoding
        assert rs[0]["verdict"] == "verbatim"


def test_utf16_queries_piped_into_the_command_stream(tmp_path: Path, small_index: Path) -> None:
    # a real pipe (peeked, not seeked) into the installed entry point
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotecheck",
            "--db",
            str(small_index),
            "check",
            "--format",
            "jsonl",
        ],
        input="".join(q + "\n" for q in QUERIES).encode("utf-16"),
        capture_output=True,
        timeout=TIMEOUT,
    )
    assert p.returncode == 1, p.stderr  # the second query is in no document
    rs = [json.loads(x) for x in p.stdout.splitlines()]
    assert [r["query"] for r in rs] == QUERIES
    assert rs[0]["verdict"] == "verbatim"


# ---------------------------------------------------------------- the index itself
def test_newer_schema_version_is_refused(tmp_path: Path, small_index: Path) -> None:
    con = sqlite3.connect(small_index)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    for args in (["stats"], ["check", "harbour"], ["index", str(tmp_path / "harbour.txt")]):
        code, out, err = run("--db", str(small_index), *args)
        assert code == 2, args
        assert "made by a newer quotecheck" in err and out == ""


def test_non_sqlite_and_foreign_sqlite_files_are_refused_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(random.Random(5).randbytes(50_000))
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE accounts(id INTEGER, owner TEXT)")
    con.commit()
    con.close()
    before = {p: p.read_bytes() for p in (junk, foreign)}
    for db in (junk, foreign):
        for args in (["stats"], ["check", "harbour"], ["index", str(tmp_path)]):
            code, out, err = run("--db", str(db), *args)
            assert code == 2, (db, args)
            assert_clean_error(err)
            assert "not a quotecheck index" in err
    assert {p: p.read_bytes() for p in before} == before
    assert not os.path.exists(str(foreign) + "-wal")


def test_corrupted_index_is_a_clear_error(small_index: Path) -> None:
    data = bytearray(small_index.read_bytes())
    assert len(data) > 4 * 4096
    data[4096:-1] = random.Random(9).randbytes(len(data) - 4097)
    small_index.write_bytes(bytes(data))
    code, out, err = run("--db", str(small_index), "stats")
    assert code == 2
    assert_clean_error(err)
    assert "corrupted" in err


@pytest.mark.parametrize("where", ["/proc/quotecheck-test.db", "/sys/quotecheck-test.db"])
def test_read_only_location_even_for_root(where: str, corpus_dir: Path) -> None:
    if not os.path.isdir(os.path.dirname(where)):
        pytest.skip("no such pseudo file system here")
    code, _, err = run("--db", where, "index", str(corpus_dir))
    assert code == 2
    assert (
        err.strip() == f"Error: cannot open index {where}; check the folder exists and is writable"
    )


@pytest.mark.skipif(IS_ROOT, reason="running as root: a read-only folder is writable anyway")
def test_read_only_folder(tmp_path: Path, corpus_dir: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, _, err = run("--db", str(ro / "i.db"), "index", str(corpus_dir))
    finally:
        ro.chmod(stat.S_IRWXU)
    assert code == 2
    assert_clean_error(err)
    assert "writable" in err or "read-only" in err


def test_busy_index_waits_then_says_so(
    small_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer holding the lock past the busy timeout: one clear line, exit 2, nothing lost."""
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    (tmp_path / "bridge.txt").write_text(
        "Velden bridge opens\n\nValsek said the bridge opens Friday.\n", encoding="utf-8"
    )
    holder = sqlite3.connect(small_index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run("--db", str(small_index), "index", str(tmp_path / "bridge.txt"))
        assert code == 2
        assert_clean_error(err)
        assert "is busy (another quotecheck is writing); try again" in err
        code, out, err = run(
            "--db",
            str(small_index),
            "check",
            "--format",
            "jsonl",
            "We will not sell the old lighthouse",
        )
        assert code == 0, err  # reading while someone writes works
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    code, _, err = run("--db", str(small_index), "index", str(tmp_path / "bridge.txt"))
    assert code == 0, err
    assert integrity(small_index) == "ok"


# ---------------------------------------------------------------- interruption and concurrency
def _fiction_folder(root: Path, n: int, paragraphs: int = 40, seed: int = 1) -> Path:
    rng = random.Random(seed)
    names = ["Ilsa Brandt", "Tomas Ferreol", "Ondra Valsek", "Mira Koltan", "Bero Anslem"]
    places = ["Corvale", "Norvania", "Velden", "Tarnhal", "Oskerby"]
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = []
        for j in range(paragraphs):
            who, where = rng.choice(names), rng.choice(places)
            paras.append(
                f"“The {where} harbour plan number {i * 1000 + j} will go ahead,” {who} said. "
                f"{who.split()[1]} said the budget for {where} was {rng.randint(1, 999)} crowns."
            )
        (root / f"article-{i:03}.txt").write_text(
            f"Headline {i} from {rng.choice(places)}\n\n" + "\n\n".join(paras) + "\n",
            encoding="utf-8",
        )
    return root


@pytest.fixture(scope="module")
def many_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[tuple[str, str | None], dict[str, Any]]]:
    """240 fictional articles (enough that a kill lands mid-run) and what a clean, uninterrupted run puts in the index."""
    root = tmp_path_factory.mktemp("many")
    folder = _fiction_folder(root / "articles", 240)
    ref = root / "reference.db"
    p = qc("--db", str(ref), "index", "-q", str(folder), timeout=300)
    assert p.returncode == 0, p.stderr
    return folder, documents(ref)


def _wait_for_documents(db: Path, n: int, proc: subprocess.Popen[bytes], limit: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit and proc.poll() is None:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                if con.execute("SELECT count(*) FROM documents").fetchone()[0] >= n:
                    return
            finally:
                con.close()
        except sqlite3.Error:
            pass
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_indexing_leaves_whole_documents_and_next_run_completes(
    tmp_path: Path,
    many_files: tuple[Path, dict[tuple[str, str | None], dict[str, Any]]],
    sig: signal.Signals,
) -> None:
    folder, reference = many_files
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "--db", str(db), "index", "-q", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_documents(db, 3, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=TIMEOUT)
    if proc.returncode == 0:
        pytest.skip("indexing finished before the signal arrived (machine too fast)")
    assert proc.returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 130), err
    if sig == signal.SIGINT:
        assert err.decode().strip() == "interrupted"
    assert integrity(db) == "ok"
    partial = documents(db)
    assert 0 < len(partial) < len(reference)
    for key, doc in partial.items():  # every document either fully in or not at all
        assert doc == reference[key], key
    p = qc("--db", str(db), "index", "-q", str(folder), timeout=300)
    assert p.returncode == 0, p.stderr
    assert integrity(db) == "ok"
    assert documents(db) == reference


def test_two_indexers_and_lookups_at_once(tmp_path: Path) -> None:
    """Two writers on one new index and lookups meanwhile: all succeed, nothing corrupt."""
    a = _fiction_folder(tmp_path / "a", 15, seed=2)
    b = _fiction_folder(tmp_path / "b", 15, seed=3)
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "quotecheck", "--db", str(db), "index", "-q", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for folder in (a, a, b)  # the same folder twice, and another
    ]
    lookups = []
    while any(p.poll() is None for p in procs) and len(lookups) < 20:
        lookups.append(
            qc("--db", str(db), "check", "--format", "jsonl", "harbour plan number 7 will go ahead")
        )
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert err == b""
    for r in lookups:
        err = r.stderr.decode()
        assert r.returncode in (0, 1) or "no index at" in err, err
        assert_clean_error(err)
    assert integrity(db) == "ok"
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 30
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == 30
    dup = con.execute(
        "SELECT count(*) FROM (SELECT path FROM documents GROUP BY path, key HAVING count(*) > 1)"
    )
    assert dup.fetchone()[0] == 0
    con.close()


_OPEN_STORE = """
import sys
from quotecheck.store import Store
try:
    Store(sys.argv[1]).close()
except Exception as e:
    print(f"{type(e).__name__}: {e}")
"""


def test_processes_creating_the_same_new_index_all_succeed(tmp_path: Path) -> None:
    """Regression: the loser of the race to create an index was told it was 'not a quotecheck index'."""
    failures = []
    for n in range(4):
        db = tmp_path / f"race{n}.db"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_STORE, str(db)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(4)
        ]
        for p in procs:
            out, err = p.communicate(timeout=TIMEOUT)
            if out or err or p.returncode:
                failures.append(out + err)
    assert failures == []


# ---------------------------------------------------------------- output
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv"])
def test_pipe_into_head_ends_quietly_with_zero(tmp_path: Path, fmt: str) -> None:
    folder = _fiction_folder(tmp_path / "a", 4, paragraphs=60)
    db = tmp_path / "i.db"
    assert qc("--db", str(db), "index", "-q", str(folder)).returncode == 0
    cmd = f'"{sys.executable}" -m quotecheck --db "{db}" quotes --format {fmt} | head -n 1; exit ${{PIPESTATUS[0]}}'
    p = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=TIMEOUT)
    assert p.stdout.count(b"\n") == 1
    assert p.stderr == b""
    assert p.returncode == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_full_disk_on_stdout_is_one_error_line(small_index: Path) -> None:
    with open("/dev/full", "wb") as full:
        p = subprocess.run(
            [
                sys.executable,
                "-m",
                "quotecheck",
                "--db",
                str(small_index),
                "quotes",
                "--format",
                "jsonl",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    assert p.returncode == 2
    lines = p.stderr.decode().strip().splitlines()
    assert lines == ["Error: No space left on device; check free space and permissions"]


def test_one_bad_file_the_rest_indexed_exit_2_with_summary(tmp_path: Path, db_path: Path) -> None:
    folder = _fiction_folder(tmp_path / "a", 3, paragraphs=3)
    (folder / "article-001.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    p = qc("--db", str(db_path), "index", str(folder))
    err = p.stderr.decode()
    assert p.returncode == 2
    assert err.splitlines()[0].startswith(f"warning: {folder / 'article-001.txt'}: binary file")
    assert err.splitlines()[-1].startswith("indexed 2 documents")
    assert err.splitlines()[-1].endswith("1 skipped with errors")
    assert p.stdout == b""


# ---------------------------------------------------------------- found by bench/fuzz.py
def _best_analyze_time(body: str) -> float:
    """CPU seconds the attribution engine takes on an article of ``body``, best of three,
    with the garbage collector off (a full-suite run measured 0.29-0.44 s where the same
    article takes 0.14 s alone)."""
    from quotecheck.analysis.attribution import analyze
    from quotecheck.model import Document

    times = []
    for _ in range(3):
        doc = Document(path="x.txt", text="Headline\n\n" + body, format="article", body_start=8)
        # the collector off while timing: in a full run it scans every object the session
        # holds, so the larger article paid for the suite's heap, not for its own steps
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            analyze(doc)
            times.append(time.process_time() - t0)
        finally:
            gc.enable()
    return min(times)


def test_one_long_paragraph_of_quotes_analyzes_in_linear_time() -> None:
    """Found by bench/fuzz.py: cue-less sentences once scanned every quote of the document.

    Compared by growth, not by a wall-clock bound: four times the text must take well
    under the sixteen times a quadratic scan would (best of three runs each).
    """
    block = "He said, “we will not sell the lighthouse.” The crowd in Corvale cheered. "
    small, large = _best_analyze_time(block * 300), _best_analyze_time(block * 1200)
    assert large < 9 * max(small, 1e-3), f"{small:.3f}s for 300 blocks, {large:.3f}s for 1200"


def test_one_statement_holding_thousands_of_quotes_analyzes_in_linear_time() -> None:
    """Found by bench/fuzz.py: a statement whose content held n quotes checked each one
    against a list of those already taken (n² steps: 7 s for a 0.5 MB line of JSON).
    Compared by growth, as above: four times the quotes must take well under sixteen
    times as long (best of three runs each)."""

    def body(n: int) -> str:
        return "Ferreol said " + ", ".join(f"“bridge {i}”" for i in range(n))

    small, large = _best_analyze_time(body(2000)), _best_analyze_time(body(8000))
    assert large < 9 * max(small, 1e-3), f"{small:.3f}s for 2000 quotes, {large:.3f}s for 8000"


def test_symlink_loops_are_named_as_loops_and_skipped(tmp_path: Path, db_path: Path) -> None:
    # a loop was reported as a "broken symbolic link": the user looked for a missing file
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "a.txt").symlink_to(d / "b.txt")
    (d / "b.txt").symlink_to(d / "a.txt")
    (d / "self.md").symlink_to(d / "self.md")
    (d / "up").symlink_to(d)  # a folder that contains itself is not walked into
    code, _, err = run("--db", str(db_path), "index", str(d), str(d / "self.md"))
    assert code == 2
    assert err.count("symbolic link loop (it leads back to itself), skipped") == 4
    assert "broken symbolic link" not in err
    assert set(documents(db_path)) == {("good.txt", None)}


def test_file_of_thousands_of_bad_records_gives_twenty_warnings_and_a_count(
    tmp_path: Path, db_path: Path
) -> None:
    # a 5,000-line CSV named .jsonl gave 5,000 warning lines, one per line
    wrong = tmp_path / "claims.jsonl"
    wrong.write_text(
        "id,text\n" + "".join(f"{i},Corvale claim {i}\n" for i in range(5000)), encoding="utf-8"
    )
    half = tmp_path / "half.jsonl"
    half.write_text(
        "".join(f'{{"id": "k{i}", "text": "Kessel claim {i}"}}\n{{broken\n' for i in range(30)),
        encoding="utf-8",
    )
    code, out, err = run("--db", str(db_path), "index", str(wrong), str(half))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert sum(ln.startswith(f"warning: {wrong}:") for ln in lines) == 21
    assert f"warning: {wrong}:20: malformed JSON" in err
    assert (
        f"warning: {wrong}: 4981 more bad records from line 21 on skipped (the first 20 are"
        " listed); none could be read: is --format right for this file?"
    ) in lines
    assert (
        f"warning: {half}: 10 more bad records from line 42 on skipped (the first 20 are listed)"
    ) in lines
    assert {d for d, _ in documents(db_path)} == {"half.jsonl"}
    assert len(documents(db_path)) == 30  # every good record of the half-bad file


def test_file_names_that_are_not_utf8_are_skipped_by_name_and_the_rest_indexed(
    tmp_path: Path, db_path: Path
) -> None:
    # one such name in a folder stopped the whole run with "internal error
    # (UnicodeEncodeError ...)" before anything was indexed: the index keeps paths as text
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    raw = os.fsencode(d)
    try:
        with open(raw + b"/caf\xe9.txt", "wb") as fh:
            fh.write(ARTICLE.encode("utf-8"))
        os.mkdir(raw + b"/d\xff")
        with open(raw + b"/d\xff/x.txt", "wb") as fh:
            fh.write(ARTICLE.encode("utf-8"))
    except OSError:
        pytest.skip("this file system takes no file names that are not UTF-8")
    bad = os.fsdecode(raw + b"/caf\xe9.txt")
    code, out, err = run("--db", str(db_path), "index", str(d), bad)
    assert code == 2 and out == ""
    assert "internal error" not in err
    assert err.count(f"{d}/caf\\xe9.txt: file name is not UTF-8 text; rename the file") == 2
    assert f"{d}/d\\xff/x.txt: file name is not UTF-8 text" in err
    assert set(documents(db_path)) == {("good.txt", None)}
    code, _, err = run("--db", str(db_path), "remove", os.fsdecode(raw + b"/d\xff"))
    assert code == 1 and "internal error" not in err


def test_interrupted_indexing_says_how_far_it_got_and_what_to_do(
    tmp_path: Path,
    many_files: tuple[Path, dict[tuple[str, str | None], dict[str, Any]]],
) -> None:
    # Ctrl-C said "interrupted" and nothing of what was kept or how to finish
    folder, _ = many_files
    db = tmp_path / "stopped.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "--db", str(db), "index", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_documents(db, 3, proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=TIMEOUT)
    if proc.returncode == 0:
        pytest.skip("indexing finished before the signal arrived (machine too fast)")
    assert proc.returncode == 130 and out == b""
    lines = err.decode().splitlines()
    assert lines[-1] == "interrupted"
    m = re.fullmatch(
        r"stopped after (\d+) of 240 files; what they held is in the index: run the same"
        r" command again to index the rest",
        lines[-2],
    )
    assert m is not None, lines
    assert int(m.group(1)) == len(documents(db)) > 0


def test_ctrl_c_during_a_batch_lookup_with_jobs_prints_no_worker_traceback(
    tmp_path: Path,
) -> None:
    """Ctrl-C on `check --jobs 2` (SIGINT to the whole process group, as a terminal sends
    it): exit 130, no worker traceback. A helper saw "Process ForkPoolWorker-2: Traceback
    ..." here; this run does not reproduce it without the workers' SIGINT guard, so it is
    a guard, not a regression test."""
    (tmp_path / "a.txt").write_text(
        "Corvale harbour\n\n“The harbour will reopen in May,” Mayor Ilsa Brandt said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "b.db"
    code, _, err = run("--db", str(db), "index", "-q", str(tmp_path / "a.txt"))
    assert code == 0, err
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "--db", str(db), "check", "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"the harbour will reopen in May\n" * 200)
    proc.stdin.flush()
    proc.stdout.readline()  # the workers are looking up
    os.killpg(proc.pid, signal.SIGINT)
    _, err_b = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 130
    assert b"Traceback" not in err_b, err_b.decode()[-2000:]


def test_a_file_that_makes_quotecheck_fail_is_skipped_and_the_rest_indexed(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: an unexpected exception in the engine (a bug, as the SubRip crash
    the review found) cost the whole run; now it costs that one file, with its name."""
    from quotecheck.analysis import attribution
    from quotecheck.indexing import index_paths
    from quotecheck.store import Store

    real = attribution.analyze

    def failing(doc: Any) -> None:
        if doc.path.endswith("bad.txt"):
            raise ValueError("injected")
        real(doc)

    monkeypatch.setattr(attribution, "analyze", failing)
    (tmp_path / "bad.txt").write_text(ARTICLE.replace("Corvale", "Velmark"), encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    errors: list[str] = []
    store = Store(db_path)
    try:
        report = index_paths(store, [str(tmp_path)], on_error=errors.append)
        assert report.documents == 1
        assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        store.close()
    assert len(errors) == 1 and "bad.txt" in errors[0] and "ValueError: injected" in errors[0]
