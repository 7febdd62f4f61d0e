"""An editor's bracket that states the year a source told relative to the story ("[in
2019]" for a 2020 article's "last year"), through a real index of fictional records with
and without a date. (Invented people and places only.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import first_match, searcher_over

RECORDS = [
    {
        "id": "walls-2020",
        "title": "Kessel harbour walls",
        "date": "2020-03-05",
        "text": "Councillor Tomas Ferreol said the council spent 12 million crowns last year"
        " on the harbour walls of Kessel.",
    },
    {
        "id": "pier-undated",
        "title": "Corvale pier",
        "text": "Mayor Ilsa Brandt said the town repaired the old Corvale pier last year with"
        " money from the ferry fund.",
    },
    {
        "id": "quarry-2021",
        "title": "Velmark quarry",
        "date": "March 9, 2021",
        "text": "Transport chief Tamsin Orrel said the Velmark quarry closed in 2020 after the"
        " spring floods.",
    },
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    records = "".join(json.dumps(r) + "\n" for r in RECORDS)
    with searcher_over(tmp_path_factory.mktemp("dates"), {"stories.jsonl": records}) as s:
        yield s


@pytest.mark.parametrize("bracket", ["[in 2019]", "[2019]"])
def test_bracketed_year_for_last_year_of_a_dated_story_raises_no_number_alert(
    searcher: Any, bracket: str
) -> None:
    # the 2020 story's "last year" is 2019: the editor's bracket says when, it changes nothing
    verdict, m = first_match(
        searcher, f"the council spent 12 million crowns {bracket} on the harbour walls"
    )
    assert (verdict, m["alerts"], m["changes"]) == ("verbatim", [], [])
    assert "last year" in m["matched_text"]


def test_bracketed_year_that_is_not_the_dated_storys_last_year_raises_number(
    searcher: Any,
) -> None:
    _, m = first_match(
        searcher, "the council spent 12 million crowns [in 2018] on the harbour walls"
    )
    assert "number" in m["alerts"]


def test_bracketed_year_for_last_year_of_an_undated_story_is_the_editors_reading(
    searcher: Any,
) -> None:
    # no date to tell which year "last year" was: the bracket stands for it, as
    # "[last year]" stands for an undated story's "in 2019"
    verdict, m = first_match(
        searcher, "the town repaired the old Corvale pier [in 2019] with money from the ferry fund"
    )
    assert (verdict, m["alerts"]) == ("verbatim", [])


@pytest.mark.parametrize(("bracket", "alerts"), [("[last year]", []), ("[this year]", ["number"])])
def test_bracketed_last_year_for_a_year_of_a_dated_story_is_checked_by_its_date(
    searcher: Any, bracket: str, alerts: list[str]
) -> None:
    # a March 2021 story's "in 2020" is "last year", not "this year"
    _, m = first_match(searcher, f"the Velmark quarry closed {bracket} after the spring floods")
    assert m["alerts"] == alerts
