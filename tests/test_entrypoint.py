"""The installed ``quotecheck`` command and ``python -m quotecheck``, as real subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "quotecheck"


def qc(
    *args: str, env_db: Path, stdin: bytes | None = None, module: bool = False
) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "quotecheck", *args] if module else [str(BIN), *args]
    env = dict(os.environ, QUOTECHECK_DB=str(env_db))
    return subprocess.run(cmd, input=stdin, capture_output=True, env=env, timeout=120)


@pytest.fixture
def index_db(corpus_dir: Path, tmp_path: Path) -> Path:
    db = tmp_path / "sub.db"
    p = qc("index", str(corpus_dir), env_db=db)
    assert p.returncode == 0, p.stderr
    return db


@pytest.mark.skipif(not BIN.exists(), reason="entry point not installed in this environment")
def test_installed_command_checks_sample_quote(index_db: Path) -> None:
    p = qc("check", "--format", "jsonl", "we owe it to the American people", env_db=index_db)
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    m = r["matches"][0]
    assert m["document"]["path"].endswith("pompeo-lavrov-press-conference-2019.txt")
    assert m["line"] == 9
    assert m["matched_text"] == "we owe it to the American people"


def test_python_module_runs(index_db: Path) -> None:
    p = qc(
        "check",
        "--format",
        "jsonl",
        "no words like these were ever printed",
        env_db=index_db,
        module=True,
    )
    assert p.returncode == 1
    assert json.loads(p.stdout)["verdict"] == "not_found"
    assert p.stderr == b""


def test_stdin_queries_stream_jsonl(index_db: Path) -> None:
    p = qc(
        "check",
        "--format",
        "jsonl",
        env_db=index_db,
        module=True,
        stdin=b"The council voted 7 to 2 in favour of the plan\nValsek opened the Velden bridge on Friday\n",
    )
    assert p.returncode == 0, p.stderr
    assert len(p.stdout.splitlines()) == 2


def test_pipe_into_head_ends_quietly(index_db: Path) -> None:
    if shutil.which("head") is None:
        pytest.skip("no head")
    queries = b"the council voted\n" * 300
    cmd = f"{sys.executable} -m quotecheck check --format jsonl --min-score 0 | head -n 1"
    p = subprocess.run(
        cmd,
        shell=True,
        input=queries,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, QUOTECHECK_DB=str(index_db)),
    )
    assert p.stdout.count(b"\n") == 1
    assert b"Traceback" not in p.stderr
    assert b"BrokenPipe" not in p.stderr


def test_runtime_error_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "not-an-index.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    p = qc("check", "anything", env_db=bad, module=True)
    assert p.returncode == 2
    lines = p.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "not a quotecheck index" in lines[0]


def test_check_jobs_streams_in_input_order(index_db: Path) -> None:
    queries = [f"the council voted {n} to 2 in favour of the plan" for n in range(1, 41)]
    p = qc(
        "check",
        "--format",
        "jsonl",
        "--jobs",
        "2",
        env_db=index_db,
        module=True,
        stdin="\n".join(queries).encode() + b"\n",
    )
    assert p.returncode == 0, p.stderr
    got = [json.loads(x)["query"] for x in p.stdout.splitlines()]
    assert got == queries


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["index", "-"], "reading JSON lines from the terminal (Ctrl-D to end)"),
        (["verify", "-"], "reading the draft from the terminal (Ctrl-D to end)"),
        (["check"], "reading quotes from the terminal, one per line (Ctrl-D to end)"),
    ],
)
def test_reading_stdin_at_a_terminal_says_so(index_db: Path, args: list[str], said: str) -> None:
    # index - and verify - at a terminal waited in silence (check said what it waited for)
    import pty
    import select

    master, slave = pty.openpty()
    try:
        env = dict(os.environ, QUOTECHECK_DB=str(index_db))
        p = subprocess.Popen(
            [sys.executable, "-m", "quotecheck", *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert p.stderr is not None
        ready, _, _ = select.select([p.stderr], [], [], 60)
        assert ready, "nothing on stderr"
        line = p.stderr.readline().decode()
        os.write(master, b"\x04")  # Ctrl-D: end of input
        p.communicate(timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    assert line.strip() == said


def test_argument_that_is_not_utf8_is_one_error_naming_it(index_db: Path) -> None:
    # show / quotes --doc with a Latin-1 byte in the argument (a terminal set to another
    # encoding) ended in "internal error (UnicodeEncodeError ...)"
    for args in (["show", b"caf\xe9"], ["quotes", "--doc", b"caf\xe9"]):
        env = dict(os.environ, QUOTECHECK_DB=str(index_db))
        p = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"quotecheck", *map(os.fsencode, args)],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert p.returncode == 2
        assert p.stdout == b""
        assert p.stderr.decode() == (
            "Error: the argument 'caf\\xe9' is not UTF-8 text; pass it in UTF-8 (is the"
            " terminal set to another encoding?)\n"
        )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check"], "Error: no quotes to check: stdin was empty (or blank lines only)"),
        (["check", "--format", "json"], "Error: no quotes to check"),
        (["check", "--jobs", "2"], "Error: no quotes to check"),
        (["verify", "-"], "Error: <stdin>: the draft is empty; nothing to verify"),
        (["verify", "--format", "jsonl", "-"], "Error: <stdin>: the draft is empty"),
        (["index", "-"], "warning: <stdin>: empty file, skipped"),
    ],
)
@pytest.mark.parametrize("stdin", [b"", b"\n  \n\n"])
def test_empty_stdin_is_an_error_exit_2_not_silent_success(
    index_db: Path, args: list[str], said: str, stdin: bytes
) -> None:
    # printf '' | quotecheck check (a claims file that came out empty, a command before
    # the pipe that failed) exited 0 with nothing on stdout: "every query found"
    p = qc(*args, env_db=index_db, stdin=stdin, module=True)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert p.stderr.decode().startswith(said)
    assert b"Traceback" not in p.stderr
    if args[0] != "index":
        assert p.stdout == b""


def test_verify_of_an_empty_draft_file_is_an_error_naming_it(
    index_db: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbf\n\n")
    p = qc("verify", str(draft), env_db=index_db, module=True)
    assert p.returncode == 2
    assert p.stderr.decode() == f"Error: {draft}: the draft is empty; nothing to verify\n"


def test_verify_of_a_draft_without_quotes_still_passes(index_db: Path, tmp_path: Path) -> None:
    # the counterpart: text with no statement in it has nothing that fails
    draft = tmp_path / "draft.txt"
    draft.write_text("Corvale harbour notes\n\nThe ferry runs twice a day.\n", encoding="utf-8")
    p = qc("verify", str(draft), env_db=index_db, module=True)
    assert p.returncode == 0, p.stderr


def test_verify_of_a_word_document_reads_it_and_rtf_says_how_to_convert_it(
    index_db: Path, tmp_path: Path
) -> None:
    # "Error: draft.docx: unknown file type" said neither what verify reads nor what to
    # do; piped in, it was "binary file or unknown text encoding, skipped". Word and
    # OpenDocument drafts are now read (named so, or on stdin); RTF says how to convert.
    from tests.office_files import write_docx

    docx = write_docx(
        tmp_path / "draft.docx",
        ["Corvale notes", "“We will not sell the old lighthouse to anyone,” Brandt said."],
    )
    p = qc("verify", str(tmp_path / "draft.docx"), env_db=index_db, module=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().startswith("ok   line 3: verbatim, confirmed  claimed: Brandt")
    p = qc("verify", "-", env_db=index_db, module=True, stdin=docx)
    assert p.returncode == 0, p.stderr
    rtf = tmp_path / "draft.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Brandt said the pier would reopen.}")
    p = qc("verify", str(rtf), env_db=index_db, module=True)
    assert (p.returncode, p.stdout) == (2, b"")
    assert p.stderr.decode() == (
        f"Error: {rtf} is an RTF document, not text: verify reads drafts in plain text,"
        " Markdown, Word (.docx), OpenDocument (.odt), PDF or HTML; convert it first, e.g."
        f" pandoc -f rtf -t plain {rtf} | quotecheck verify -\n"
    )


def test_verify_of_a_draft_type_it_does_not_read_says_how_to_pass_it(
    index_db: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.rst"
    draft.write_text(
        "Corvale\n=======\n\n“We will not sell the old lighthouse to anyone,” Brandt said.\n",
        encoding="utf-8",
    )
    p = qc("verify", str(draft), env_db=index_db, module=True)
    assert p.returncode == 2
    assert p.stderr.decode() == (
        f"Error: {draft}: verify does not read .rst files (it reads .txt, .md, .docx, .odt, .pdf"
        f" and .html drafts); if it is plain text, pass it on stdin: quotecheck verify - <"
        f" {draft}\n"
    )
    p = qc("verify", "-", env_db=index_db, module=True, stdin=draft.read_bytes())
    assert p.returncode == 0, p.stderr


def test_check_dash_reads_the_quotes_from_stdin_like_index_and_verify(index_db: Path) -> None:
    # "check -" looked up "-" itself: NOT FOUND, "query has no words to look up", exit 1
    stdin = b"The council voted 7 to 2 in favour of the plan\n"
    p = qc("check", "--format", "jsonl", "-", env_db=index_db, module=True, stdin=stdin)
    assert p.returncode == 0, p.stderr
    assert [json.loads(x)["query"] for x in p.stdout.splitlines()] == [
        "The council voted 7 to 2 in favour of the plan"
    ]
    p = qc(
        "check",
        "--format",
        "jsonl",
        "Valsek opened the Velden bridge on Friday",
        "-",
        env_db=index_db,
        module=True,
        stdin=stdin,
    )
    assert p.returncode == 0, p.stderr
    assert [json.loads(x)["query"] for x in p.stdout.splitlines()] == [
        "Valsek opened the Velden bridge on Friday",
        "The council voted 7 to 2 in favour of the plan",
    ]
    p = qc("check", "-", env_db=index_db, module=True, stdin=b"")
    assert p.returncode == 2
    assert p.stderr.decode().startswith("Error: no quotes to check: stdin was empty")
