"""Misspelt words in a short quote: the typo-corrected terms a lookup asks the index
for, and the alignment of a word whose typo stems it apart. (Invented people and
places only.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from quotecheck.analysis.tokens import tokenize
from quotecheck.search.align import align
from tests.conftest import first_match, searcher_over

HARBOUR = (
    "Kessel harbour notes\n\n"
    "Capt. Ondra Valsek moored the ferry at the old pier on Monday.\n\n"
    "The harbour master wore a wool cap in the rain.\n\n"
    "“We hope to capture a large share of the summer trade,” Mayor Ilsa Brandt said.\n\n"
    "Brandt said the case for the new pier was clear to everyone in Corvale.\n\n"
    "The cameras capture every boat that enters the harbour.\n\n"
    "“Whoa, what a storm,” the harbour master said of the night the pier flooded.\n\n"
    "Nobody knew what the repairs would cost.\n\n"
    "“The ferries will be sailing again to Velmark by May,” Councillor Petra Dorn said.\n\n"
    "Dorn asked for the fishing boats of Kessel to be removed from the lists.\n"
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with searcher_over(tmp_path_factory.mktemp("typos"), {"harbour.txt": HARBOUR}) as s:
        yield s


def test_typo_term_is_the_close_stem_not_a_short_prefix_of_the_word(searcher: Any) -> None:
    # "captre" cut to four and three letters is exactly "capt" and "cap" (both indexed):
    # those took both places, and "capture" was never asked for (its stem "captur" is one
    # edit from the word's, "captr", as "capt" is: the more common word wins)
    assert searcher._typo_terms(["captre"])[0] == "captur"


def test_typo_term_for_the_second_and_third_letters_swapped(searcher: Any) -> None:
    # terms were fetched by the word's first two letters only ("cs"), and a swap counted
    # two edits (Levenshtein), over the one a four-letter word may have
    assert "case" in searcher._typo_terms(["csae"])


def test_typo_in_a_words_suffix_still_matches_the_word() -> None:
    # "sailinng" does not stem to "sail" as "sailing" does: the stems were compared only
    text = "The ferries will be sailing again to Velmark by May"
    a = align(tokenize("the ferries will be sailinng again"), tokenize(text), text)
    assert (a.coverage, a.typos) == (1.0, 1)


def test_typo_in_a_short_plural_word_matches_the_word() -> None:
    # the stem of "lits" ("lit") is under the four letters a typo needs; "lits" is not
    text = "to be removed from the lists"
    a = align(tokenize("to be removed from the lits"), tokenize(text), text)
    assert (a.coverage, a.typos) == (1.0, 1)


def test_short_quote_with_a_typo_in_a_suffix_and_a_dropped_word_is_found(searcher: Any) -> None:
    # was not_found: "sailinng" matched nothing, and four words were left to find
    verdict, m = first_match(searcher, "the ferries sailinng again")
    assert verdict != "not_found"
    assert m["matched_text"] == "The ferries will be sailing again"
    assert m["alerts"] == []


def test_short_plural_word_with_a_typo_is_a_close_quote(searcher: Any) -> None:
    # was partial: "lits" counted as a word missing from the source
    verdict, m = first_match(searcher, "to be removed from the lits")
    assert (verdict, m["matched_text"], m["alerts"]) == (
        "close",
        "to be removed from the lists",
        [],
    )


PIER = (
    "The pier is old. The pier is tired. We will build a new pier by June. Kessel deserves better."
)


def test_lower_cased_quote_of_several_sentences_spans_them_all(searcher: Any) -> None:
    # the sentence splitter wants a capital after a full stop: the query was one sentence,
    # and its windows one unit on each side of a candidate, too few for four sentences
    from quotecheck.search.check import prepare_query

    assert searcher._span(prepare_query(PIER.lower()))[0] == 4
    assert searcher._span(prepare_query(PIER))[0] == 4


def test_wider_window_from_the_same_word_replaces_one_cut_short(searcher: Any) -> None:
    # two windows can align the quote from the same first word, one cut short (at the
    # characters a window may reach): the first one aligned was kept, the wider dropped
    from quotecheck.search.check import Candidate, prepare_query

    doc = searcher.store.text_slice(1, 0, 10_000)
    quote = "The ferries will be sailing again to Velmark by May"
    start = doc.index(quote)
    q = prepare_query(quote)
    short = Candidate(1, start - 20, start + 30, 0.0)
    wide = Candidate(1, start - 20, start + len(quote) + 10, 0.0)
    scored: list[dict[str, Any]] = []
    searcher._align_windows(q, [short, wide], scored, set())
    assert len(scored) == 1
    assert (scored[0]["start"], scored[0]["end"]) == (start, start + len(quote))


def test_typo_terms_are_only_the_closest_spellings(searcher: Any) -> None:
    # "whhat" is one edit from "what" and two from "whoa": the rare "whoa" was asked for
    # too, and its BM25 weight put the units holding it first
    assert searcher._typo_terms(["whhat"]) == ["what"]


def test_typo_term_for_a_mistyped_second_letter(searcher: Any) -> None:
    # terms were fetched by two-letter prefixes of the word ("hx", "hr"): none is one of
    # "harbour", so the word had no candidate at all
    assert "harbour" in searcher._typo_terms(["hxrbour"])


def test_typo_term_for_a_dropped_second_letter(searcher: Any) -> None:
    assert "harbour" in searcher._typo_terms(["hrbour"])


def test_single_guillemets_and_corner_brackets_round_a_query_are_stripped(searcher: Any) -> None:
    """Regression: the index reads ‹…› and 「…」 as quote marks (attr10), but a query
    pasted in them kept its marks as words to look for."""
    from quotecheck.search.check import prepare_query

    for q in ("‹The ferries will be sailing again›", "「The ferries will be sailing again」"):
        assert prepare_query(q).text == "The ferries will be sailing again"
        verdict, m = first_match(searcher, q)
        assert verdict == "verbatim" and m["matched_text"] == "The ferries will be sailing again"
