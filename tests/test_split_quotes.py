"""Lookups of a quote split by its attribution, through a real index of a fictional
feature: the speaker's words joined as a journalist quotes them are the quote word for
word; the writer's words between the pieces can still be looked up. (Invented people and
places only.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import first_match, searcher_over

FEATURE = (
    "The last ferry captain of Ostrava Bay\n\n"
    "Marit Solberg has crossed Ostrava Bay more than twenty thousand times.\n\n"
    "“The pay is terrible,” her deckhand Lars Eide adds, grinning at the harbour wall."
    " “Don't print that.”\n\n"
    "“We came here in good faith,” Solberg told the council, which had voted to close the"
    " ferry line for good. “But good faith does not run a ferry.”\n\n"
    "The harbour office, Solberg notes, has never once cancelled her licence.\n"
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with searcher_over(tmp_path_factory.mktemp("split"), {"ferry.txt": FEATURE}) as s:
        yield s


def test_split_quote_joined_without_its_attribution_is_verbatim(searcher: Any) -> None:
    """Regression: "The pay is terrible. Don't print that." was PARAPHRASE 84.7, the
    attribution between the pieces ("her deckhand Lars Eide adds, grinning at the harbour
    wall") counted as words the quote left out."""
    verdict, m = first_match(searcher, "The pay is terrible. Don't print that.")
    assert (verdict, m["alerts"], m["speaker"]) == ("verbatim", [], "Lars Eide")
    assert m["matched_text"].startswith("The pay is terrible")


def test_split_quote_joined_with_a_word_changed_still_alerts(searcher: Any) -> None:
    verdict, m = first_match(searcher, "The pay is not terrible. Don't print that.")
    assert verdict == "close" and "negation" in m["alerts"]


def test_words_between_the_pieces_of_a_split_quote_are_still_found(searcher: Any) -> None:
    """The writer's words between two pieces are no part of the quote, but a query of
    them is found there (the joined reading is taken only when it scores higher)."""
    verdict, m = first_match(searcher, "the council had voted to close the ferry line for good")
    assert verdict in ("close", "verbatim") and "voted to close the" in m["matched_text"]


def test_reported_speech_split_by_its_attribution_is_verbatim_without_it(searcher: Any) -> None:
    """Regression: "The harbour office has never once cancelled her licence" was CLOSE 93.0
    against "The harbour office, Solberg notes, has never once cancelled her licence"."""
    verdict, m = first_match(searcher, "The harbour office has never once cancelled her licence")
    assert (verdict, m["alerts"], m["speaker"]) == ("verbatim", [], "Marit Solberg")
