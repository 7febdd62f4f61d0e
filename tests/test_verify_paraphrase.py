"""verify: the paraphrase around quoted words is checked too, through the installed
command's code path (a real index of a fictional article)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run

STORM = (
    "Storm cuts power in Norvania\n\n"
    "“Crews are working around the clock,” grid spokeswoman Irena Blaha said. “But some"
    " villages may be without power until Thursday.”\n"
)


def _index(tmp_path: Path) -> Path:
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    db = tmp_path / "s.db"
    code, _, err = run("--db", str(db), "index", "-q", str(tmp_path / "storm.txt"))
    assert code == 0, err
    return db


def test_verify_fails_a_changed_figure_in_the_paraphrase_around_quoted_words(
    tmp_path: Path,
) -> None:
    """Regression: "Blaha said “crews are working around the clock” and that some villages
    may be without power until Friday" checked out: only the quoted words were looked up,
    and the source says Thursday. The paraphrase is now looked up too, and fails with its
    alert; unchanged, it adds nothing."""
    db = _index(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Notes\n\nIrena Blaha said “crews are working around the clock” and that some villages"
        " may be without power until Friday.\n",
        encoding="utf-8",
    )
    code, out, _ = run("--db", str(db), "verify", "--format", "json", str(draft))
    assert code == 1
    results = json.loads(out)
    assert [r["matches"][0]["alerts"] for r in results] == [[], ["number"]]
    assert [r["failed"] for r in results] == [False, True]  # per statement, for CI scripts
    assert results[1]["draft"]["text"] == "some villages may be without power until Friday"
    assert results[1]["draft"]["line"] == 3
    d = results[1]["draft"]
    assert draft.read_text(encoding="utf-8")[d["start"] : d["end"]] == d["text"]
    draft.write_text(draft.read_text(encoding="utf-8").replace("Friday", "Thursday"))
    code, out, _ = run("--db", str(db), "verify", "--format", "json", str(draft))
    assert code == 0 and len(json.loads(out)) == 1


def test_verify_reads_a_draft_with_classic_mac_line_breaks(tmp_path: Path) -> None:
    """Regression: a draft whose lines end in a lone CR (classic Mac OS, some exports) was
    one line: its first line, the headline, held everything, and no statement was found
    (indexing already read such files)."""
    db = _index(tmp_path)
    draft = tmp_path / "draft.txt"
    draft.write_bytes("Notes\r\r“Crews are working around the clock,” Irena Blaha said.\r".encode())
    code, out, _ = run("--db", str(db), "verify", "--format", "json", str(draft))
    results = json.loads(out)
    assert code == 0 and len(results) == 1 and results[0]["draft"]["line"] == 3
