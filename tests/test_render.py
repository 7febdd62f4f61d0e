"""The human views, pinned exactly (colour off), and colour rules."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotecheck.cli import cli
from quotecheck.render.text import Painter, diff_words, use_color
from tests.conftest import FICTION, run


@pytest.fixture
def harbour_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "harbour.txt").write_text(FICTION["harbour.txt"], encoding="utf-8")
    db = tmp_path / "h.db"
    r = CliRunner().invoke(cli, ["--db", str(db), "index", "-q", "harbour.txt"])
    assert r.exit_code == 0, r.output
    return db


def invoke(db: Path, *args: str) -> tuple[int, str]:
    code, out, _ = run("--db", str(db), *args)
    return code, out


def test_check_table_verbatim_pinned(harbour_db: Path) -> None:
    code, out = invoke(harbour_db, "check", "We will not sell the old lighthouse to anyone")
    assert code == 0
    assert out == (
        "VERBATIM  We will not sell the old lighthouse to anyone\n"
        "  #1 100.0 verbatim  Ilsa Brandt (as “Brandt”) · direct\n"
        "    source:  harbour.txt:5 “Corvale council approves the harbour plan”\n"
        "    words:   We will not sell the old lighthouse to anyone\n"
        "    context: “We will not sell the old lighthouse to anyone,” Brandt said.\n"
    )


def test_check_table_marks_changes_without_colour(harbour_db: Path) -> None:
    code, out = invoke(
        harbour_db, "check", "--top", "1", "the budget of 12 million crowns was not too high"
    )
    lines = out.splitlines()
    assert lines[3] == "    words:   the budget of 12 million crowns was {+not+} too high"
    assert lines[4] == "    alerts:  negation"


def test_check_table_not_found_pinned(harbour_db: Path) -> None:
    code, out = invoke(harbour_db, "check", "zebras cross the frozen desert at dawn")
    assert code == 1
    assert out == "NOT FOUND  zebras cross the frozen desert at dawn\n    no match in the index\n"


def test_verify_table_pinned(harbour_db: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\n“It belongs to the town,” Ferreol said.\n\n"
        "Councillor Tomas Ferreol said the budget of 12 million crowns was too high.\n",
        encoding="utf-8",
    )
    code, out = invoke(harbour_db, "verify", str(draft))
    assert code == 1  # the first quote is Brandt's, not Ferreol's
    assert out == (
        "FAIL line 3: verbatim, misattributed  claimed: Tomas Ferreol\n"
        "    draft:   “It belongs to the town”\n"
        "    source:  Ilsa Brandt — harbour.txt:5 “Corvale council approves the harbour plan”\n"
        "ok   line 5: verbatim, confirmed  claimed: Tomas Ferreol\n"
        "    draft:   “the budget of 12 million crowns was too high”\n"
        "    source:  Tomas Ferreol — harbour.txt:9 “Corvale council approves the harbour plan”\n"
        "\n1 of 2 statements check out\n"
    )


def test_verify_mixed_quote_checks_the_quoted_words_and_shows_context(
    harbour_db: Path, tmp_path: Path
) -> None:
    """A reported statement with quoted words is checked on those words (the paraphrase
    around them is the writer's); an alert brings the source sentence, so the editor sees
    what the draft left out."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        'Notes\n\nBrandt vowed that she would "sell the old lighthouse to anyone" who asked.\n',
        encoding="utf-8",
    )
    code, out = invoke(harbour_db, "verify", str(draft))
    assert code == 1
    assert out == (
        "FAIL line 3: verbatim, confirmed  claimed: Brandt\n"
        '    draft:   “she would "sell the old lighthouse to anyone" who asked”\n'
        "    source:  Ilsa Brandt — harbour.txt:5 “Corvale council approves the harbour plan”\n"
        "    alerts:  out_of_context\n"
        "    context: “We will not sell the old lighthouse to anyone,” Brandt said.\n"
        "\n0 of 1 statements check out\n"
    )
    code, out = invoke(harbour_db, "verify", "--format", "json", str(draft))
    assert '"query": "sell the old lighthouse to anyone"' in out


def test_verify_fails_a_word_changed_inside_quote_marks(harbour_db: Path, tmp_path: Path) -> None:
    """Regression: a direct quote with one word swapped ("never" for "not") passed as "ok"
    (found, confirmed, no alert): quote marks promise the speaker's own words. Words left
    out where the draft shows an ellipsis are no alteration; a paraphrase without quote
    marks is the writer's own wording."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\n“We will never sell the old lighthouse to anyone,” Brandt said.\n\n"
        "“We will not sell … to anyone,” Brandt said.\n\n"
        "Brandt said the town would not sell the old lighthouse to anyone at all.\n",
        encoding="utf-8",
    )
    code, out = invoke(harbour_db, "verify", str(draft))
    assert code == 1
    blocks = out.split("\n\n")[0].split("\n")
    heads = [ln for ln in blocks if ln.startswith(("ok", "FAIL"))]
    assert [h.split(":")[0] for h in heads] == ["FAIL line 3", "ok   line 5", "ok   line 7"]
    assert "    altered: the words in quote marks are not the source's" in blocks
    code, out = invoke(harbour_db, "verify", "--format", "jsonl", str(draft))
    assert [json.loads(ln)["quote_altered"] for ln in out.splitlines()] == [True, False, False]


def test_diff_words_plain_and_coloured() -> None:
    segs = [
        ("equal", "we ", ""),
        ("insert", "", "do not"),
        ("equal", " owe it", ""),
        ("replace", "2021", "2022"),
    ]
    assert diff_words(segs, Painter(False, 80)) == "we {+do not+} owe it[-2021-]{+2022+}"
    coloured = diff_words(segs, Painter(True, 80))
    assert "\x1b[32mdo not\x1b[0m" in coloured and "\x1b[31m2021\x1b[0m" in coloured


def test_no_color_env_wins_in_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", True) is False
    assert use_color("always", False) is True
    monkeypatch.delenv("NO_COLOR")
    assert use_color("auto", True) is True
    assert use_color("auto", False) is False


def test_terminal_escapes_in_documents_are_made_harmless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.txt").write_text(
        "Corvale bulletin\n\nThe ferry to Velden\x1b[2J will run every hour\x07 from May.\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "index", "-q", "evil.txt"]).exit_code == 0
    _, out = invoke(db, "check", "the ferry to Velden will run every hour from May")
    assert "\x1b" not in out and "\x07" not in out
    assert "Velden␛[2J will run every hour␇ from May" in out
    _, shown = invoke(db, "show", "evil.txt")
    assert "\x1b" not in shown and "␛[2J" in shown


def test_verify_according_to_around_a_quote_checks_the_quote_only(
    harbour_db: Path, tmp_path: Path
) -> None:
    """Regression: "Ferreol said the budget was “too high”, according to the council."
    made two statements, and the council's (the whole sentence, Ferreol's attribution
    words inside it) was looked up, not found, and failed the draft."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\nFerreol said the budget of 12 million crowns was too high, according to"
        " the council.\n",
        encoding="utf-8",
    )
    code, out = invoke(harbour_db, "verify", "--format", "jsonl", str(draft))
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert [r["draft"]["text"] for r in rows] == ["the budget of 12 million crowns was too high"]
    assert rows[0]["attribution"] == "confirmed" and not rows[0]["quote_altered"]
    assert code == 0


def test_verify_a_few_quoted_words_in_an_unfound_paraphrase_check_against_the_claimed(
    harbour_db: Path, tmp_path: Path
) -> None:
    """Regression: "Brandt said the lighthouse would always belong “to the town” in future."
    failed as not found: its three quoted words were too few to be looked up alone, so the
    whole paraphrase was, and it is not in the corpus. The quoted words are now checked on
    their own when the paraphrase is not found, and pass only word for word in a statement
    of the person claimed (Ferreol never said them)."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\nBrandt said the lighthouse would always belong “to the town” in future.\n\n"
        "Ferreol said the lighthouse would always belong “to the town” in future.\n",
        encoding="utf-8",
    )
    code, out = invoke(harbour_db, "verify", "--format", "jsonl", str(draft))
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert [r["query"] for r in rows] == [
        "to the town",
        "the lighthouse would always belong “to the town” in future",
    ]
    assert (rows[0]["verdict"], rows[0]["attribution"]) == ("verbatim", "confirmed")
    assert rows[1]["verdict"] == "not_found"
    assert code == 1


def test_streams_write_nothing_when_the_first_item_fails() -> None:
    import io

    from quotecheck.errors import QuotecheckError
    from quotecheck.render import stream_delimited, stream_json

    def failing() -> Iterator[dict[str, Any]]:
        raise QuotecheckError("no document matches 'x'")
        yield {}

    for write in (
        lambda out: stream_json(failing(), out),
        lambda out: stream_delimited(failing(), ["id"], out, "csv"),
        lambda out: stream_delimited(failing(), ["id"], out, "tsv"),
    ):
        out = io.StringIO()
        with pytest.raises(QuotecheckError):
            write(out)
        assert out.getvalue() == ""
    out = io.StringIO()
    assert stream_json(iter([]), out) == 0
    assert out.getvalue() == "[]\n"
    out = io.StringIO()
    assert stream_delimited(iter([]), ["id", "text"], out, "csv") == 0
    assert out.getvalue() == "id,text\n"


def test_verify_csv_says_which_quotes_were_altered(harbour_db: Path, tmp_path: Path) -> None:
    # JSON had quote_altered, the CSV did not: a word swapped inside quote marks (a
    # statement that fails with verdict "close", confirmed, no alert) looked like a pass
    import csv
    import io

    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\n“We will never sell the old lighthouse to anyone,” Brandt said.\n\n"
        "“We will not sell the old lighthouse to anyone,” Brandt said.\n",
        encoding="utf-8",
    )
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        code, out = invoke(harbour_db, "verify", "--format", fmt, str(draft))
        assert code == 1
        rows = list(csv.DictReader(io.StringIO(out), delimiter=sep))
        assert [(r["draft.line"], r["quote_altered"]) for r in rows] == [
            ("3", "True"),
            ("5", "False"),
        ]


def test_json_lines_stay_one_line_with_unicode_line_separators_in_the_text(
    tmp_path: Path,
) -> None:
    # U+2028, U+2029 and NEL (U+0085) were written raw: Python's splitlines() (and older
    # JavaScript) broke the JSON line in two
    db = tmp_path / "ls.db"
    art = tmp_path / "pier.txt"
    art.write_text(
        "Corvale pier\n\n\u2028“We will rebuild the pier by June,\u2029” said Petra Dorn.\x85"
        " Dorn said more.\n",
        encoding="utf-8",
    )
    assert run("--db", str(db), "index", str(art))[0] == 0
    for fmt in ("jsonl", "json"):
        code, out, _ = run("--db", str(db), "show", "pier.txt", "--format", fmt)
        assert code == 0
        assert len(out.splitlines()) == out.count("\n")
        doc = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        assert doc[0]["text"] == art.read_text(encoding="utf-8")
