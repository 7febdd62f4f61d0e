"""Shared fixtures: every test gets its own index file and home directory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotecheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "pompeo-lavrov-press-conference-2019.txt"

# Fictional people and places only: a fact-checking tool must never ship invented quotes.
FICTION = {
    "harbour.txt": (
        "Corvale council approves the harbour plan\n\n"
        "Mayor Ilsa Brandt of Corvale presented the harbour plan on Monday.\n\n"
        "“We will not sell the old lighthouse to anyone,” Brandt said. “It belongs to the town.”\n\n"
        "The council voted 7 to 2 in favour of the plan.\n\n"
        "Councillor Tomas Ferreol said the budget of 12 million crowns was too high.\n"
    ),
    "bridge.md": (
        "# Norvania opens the Velden bridge\n\n"
        "Minister Ondra Valsek of Norvania opened the Velden bridge on Friday.\n\n"
        "Valsek said the bridge would cut travel times in half for the northern valleys.\n"
    ),
}


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process (CliRunner): exit code, stdout, stderr, as the entry point gives them."""
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default index and home at a temp dir so tests never touch the real ones."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("QUOTECHECK_DB", str(tmp_path / "index.db"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "index.db"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A folder with the shipped sample article and two fictional articles."""
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(SAMPLE, d / SAMPLE.name)
    for name, text in FICTION.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def first_match(searcher: Any, query: str) -> tuple[str, dict[str, Any]]:
    """The verdict and first match of ``searcher.check(query)``, checking that the match's
    offsets slice the document's own text back to ``matched_text``."""
    r = searcher.check(query, top=1, min_score=0)
    assert r["matches"], query
    m = r["matches"][0]
    assert searcher.store.text_slice(m["document"]["id"], m["start"], m["end"]) == m["matched_text"]
    return r["verdict"], m


@contextmanager
def searcher_over(d: Path, files: dict[str, str]) -> Iterator[Any]:
    """A Searcher over a real index of ``files`` (name -> text), written to the folder
    ``d`` and indexed with the project's own indexer; the index is closed after."""
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    store = Store(d / "i.db")
    index_paths(store, [str(d)])
    try:
        yield Searcher(store)
    finally:
        store.close()
