"""Lookups through a real index of fictional transcripts and articles: what a turn holds
but nobody said, editorial brackets for dates and pronouns. (Invented people and places
only.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import first_match, searcher_over

DEPOSITION = """                                                              14
 1                 THE COURT:  Be seated.  Mr. Valsek, call your
 2   first witness.
 3                 MR. VALSEK:  The State calls Tamsin Orrel to the stand
 4   Before the recess, as agreed.
 5                       DIRECT EXAMINATION
 6   BY MR. VALSEK:
 7         Q.   Ms. Orrel, where were you on the night of May
 8   third?
 9         A.   At the harbour office.
10                 MS. DORN:  Objection, Your Honor.
11                 THE COURT:  Overruled.
12         Q.   Who else was there?
                                                              15
 1         A.   Mr. Ferreol.
"""
DEBATE = (
    "Corvale harbour debate, transcript\n\n"
    "PETRA DORN: Good evening and welcome to the harbour debate in Corvale.\n\n"
    "ILSA BRANDT: The harbour will reopen in March (CROSSTALK) and the ferries will sail"
    " again to Velmark.\n\n"
    "ONDRA VALSEK: That is not true. [inaudible 00:03:12] The ferries have no money"
    " (APPLAUSE) for the next three years.\n\n"
    "ILSA BRANDT: We found twelve million crowns for the pier and the old lighthouse.\n"
)

TREATY = (
    "Norvania and Corvale sign the harbour treaty\n\n"
    "Minister Ondra Valsek of Norvania said he will sign it before the end of the month.\n\n"
    "“He will sign it, and I will sign it too,” Mayor Ilsa Brandt said.\n\n"
    "“I do not believe the numbers add up,” Councillor Tomas Ferreol said.\n\n"
    "“The treaty is fair to the fishermen of Kessel,” Councillor Petra Dorn said.\n\n"
    "Ferreol thanked the mayor. He said the harbour walls would hold for a century.\n"
)

QUOTAS = (
    "Kessel votes on fishing quotas\n\n"
    "“The new quotas will take us nowhere near a fair share for the small boats of Kessel,”"
    " said assembly speaker Petra Dorn.\n"
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    files = {
        "hearing.txt": DEPOSITION,
        "debate.txt": DEBATE,
        "treaty.txt": TREATY,
        "quotas.txt": QUOTAS,
    }
    with searcher_over(tmp_path_factory.mktemp("lookup"), files) as s:
        formats = {s.store.document(i)["format"] for i in (1, 2)}
        assert formats == {"transcript"}
        yield s


def test_court_line_number_inside_a_wrapped_sentence_is_verbatim(searcher: Any) -> None:
    verdict, m = first_match(searcher, "Mr. Valsek, call your first witness")
    assert (verdict, m["alerts"], m["changes"]) == ("verbatim", [], [])
    assert m["speaker"] == "The Court"
    assert "\n 2   first" in m["matched_text"]


def test_court_line_number_between_two_lines_of_a_turn_is_verbatim(searcher: Any) -> None:
    # "Before" opens a line of its own (capital): two lines of one turn, the number between
    verdict, m = first_match(
        searcher, "The State calls Tamsin Orrel to the stand before the recess"
    )
    assert (verdict, m["alerts"], m["changes"]) == ("verbatim", [], [])


@pytest.mark.parametrize(
    "query",
    [
        "The harbour will reopen in March and the ferries will sail again to Velmark",
        "That is not true. The ferries have no money for the next three years",
    ],
)
def test_transcribers_notes_inside_a_turn_are_no_change(searcher: Any, query: str) -> None:
    verdict, m = first_match(searcher, query)
    assert (verdict, m["alerts"], m["changes"]) == ("verbatim", [], [])


def test_transcribers_note_pasted_with_the_line_is_verbatim(searcher: Any) -> None:
    verdict, m = first_match(
        searcher, "The harbour will reopen in March (CROSSTALK) and the ferries will sail again"
    )
    assert (verdict, m["changes"]) == ("verbatim", [])


@pytest.mark.parametrize(
    ("query", "alert"),
    [
        ("The ferries have money for the next three years", "negation"),
        ("The ferries have no money for the next four years", "number"),
        ("That is true. The ferries have no money for the next three years", "negation"),
    ],
)
def test_change_beside_a_transcribers_note_still_raises_its_alert(
    searcher: Any, query: str, alert: str
) -> None:
    verdict, m = first_match(searcher, query)
    assert verdict != "verbatim"
    assert m["alerts"] == [alert]


@pytest.mark.parametrize(
    "query",
    [
        "[Valsek] will sign it before the end of the month",  # he: the reported speaker
        "[The minister] will sign it before the end of the month",
        "[Valsek] will sign it, and I will sign it too",  # he: not the quoted mayor
        "He will sign it, and [Brandt] will sign it too",  # I: the speaker
        "He will sign it, and [the mayor] will sign it too",
        "[Ferreol] do not believe the numbers add up",
        "[Ferreol] said the harbour walls would hold for a century",  # He said: the speaker
        "[Ferreol] will sign it, and I will sign it too",  # he: someone, the index does not say
        "[Tomas Ferreol] will sign it, and I will sign it too",  # a man, so maybe
        "[Kessel] will sign it before the end of the month",  # no one the document quotes
    ],
)
def test_bracket_for_a_pronoun_naming_whom_it_means_raises_no_name_alert(
    searcher: Any, query: str
) -> None:
    verdict, m = first_match(searcher, query)
    assert (verdict, m["alerts"]) == ("verbatim", []), m


@pytest.mark.parametrize(
    "query",
    [
        "[Brandt] will sign it before the end of the month",  # he: Valsek, who reports it
        "[Brandt] will sign it, and I will sign it too",  # the mayor's "he" is not herself
        "He will sign it, and [Valsek] will sign it too",  # I: the mayor
        "He will sign it, and [the minister] will sign it too",
        "[Brandt] do not believe the numbers add up",  # I: Ferreol
        "[Brandt] said the harbour walls would hold for a century",  # He said: Ferreol
        "[Petra Dorn] will sign it, and I will sign it too",  # he: not a woman
    ],
)
def test_bracket_for_a_pronoun_naming_someone_else_raises_name(searcher: Any, query: str) -> None:
    _, m = first_match(searcher, query)
    assert m["alerts"] == ["name"], m


def test_ellipsis_over_nowhere_raises_negation(searcher: Any) -> None:
    """Regression: editorial's list of negations lacked "nowhere" (diff's had it), so an
    ellipsis for it was filled in and the word left out of the alerts: VERBATIM, none."""
    verdict, m = first_match(
        searcher, "The new quotas will take us … near a fair share for the small boats of Kessel"
    )
    assert verdict != "verbatim"
    assert m["alerts"] == ["negation"]


def test_one_list_of_negations_serves_the_editorial_checks_and_the_alerts() -> None:
    from quotecheck.analysis.tokens import tokenize
    from quotecheck.search.diff import alerts
    from quotecheck.search.editorial import kept_for_alerts, negation

    for w in ("not", "neither", "nowhere", "cannot", "won't", "nobody", "without"):
        assert negation(w), w
        src = tokenize(f"we will {w} go")
        # an ellipsis over the word keeps it for the alerts, which count it
        assert [t.norm for t in kept_for_alerts(src, f"we will {w} go", [(8, 8 + len(w))])][2] == w
        assert alerts(tokenize("we will go"), src, "", "") == ["negation"], w
