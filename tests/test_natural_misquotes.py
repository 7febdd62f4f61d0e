"""Misquotes people really make, looked up in a real index of fictional articles and a
fictional debate transcript: contractions typed without the apostrophe, antonyms, figures
written another way, names a pasted quote keeps from just past the span, stitched
sentences. (Invented people and places only.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import first_match, searcher_over

HARBOUR = (
    "Velmark harbour upgrade wins council backing\n\n"
    "VELMARK — The Velmark town council on Tuesday approved a plan to rebuild the old"
    " harbour, after months of argument over its cost.\n\n"
    "“We don't have the luxury of waiting another decade,” Mayor Ilsa Brandt told"
    " reporters. “The harbour is the heart of this town, and we'll organise the work so"
    " that the fishing fleet never has to leave.”\n\n"
    "Brandt said the project would cost 5 million crowns, half of which would come from"
    " the regional fund in Norvania.\n\n"
    "“It's not a gift, it's an investment,” she said. “Unemployment has fallen by 12 per"
    " cent since we opened the new quay, and I expect it to fall again.”\n\n"
    "Councillor Ondra Valsek, who voted against the plan, was less enthusiastic. “I support"
    " the idea of a new harbour, but I cannot support a budget that nobody in this chamber"
    " has read,” he said. “We will regret this vote.”\n\n"
    "Councillor Petra Dorn said the fleet had shrunk to a dozen boats. “If the council does"
    " nothing, there will be no fleet left in ten years,” she said.\n\n"
    "“The old quay will reopen in the spring, not until the divers have checked the"
    " piles,” Dorn added.\n\n"
    "Lockkeeper Tomas Ferreol said the gates would be replaced in the autumn.\n\n"
    "“Everyone on the council read the harbour plan, and Valsek did not,” Brandt said.\n\n"
    "“I have never, never seen the old quay in such a poor state,” Dorn said.\n"
)

DEBATE = (
    "Kessel debate, transcript\n\n"
    "TOMAS FERREOL: Good evening and welcome to the Kessel debate.\n\n"
    "ILSA BRANDT: In the last four years we have cut the harbour debt in half. We've"
    " created 1,200 jobs, and we will create more.\n\n"
    "ONDRA VALSEK: Rents in Kessel have risen by 40 percent. Families can no longer afford"
    " to live where they work.\n\n"
    "ONDRA VALSEK: I would freeze rents for two years. And I would never sell the public"
    " housing, not one flat.\n\n"
    "ILSA BRANDT: Two-thirds of the new homes in Kessel will be for rent.\n\n"
    "TOMAS FERREOL: And the ferry?\n\n"
    "ONDRA VALSEK: So, um, look, we're gonna need a new ferry, and we, uh, we need it"
    " before the winter storms.\n"
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    files = {"harbour.txt": HARBOUR, "debate.txt": DEBATE}
    with searcher_over(tmp_path_factory.mktemp("natural"), files) as s:
        yield s


def test_dont_without_apostrophe_is_dont_not_a_dropped_negation(searcher: Any) -> None:
    verdict, m = first_match(searcher, "We dont have the luxury of waiting another decade")
    assert (verdict, m["alerts"], m["changes"]) == ("verbatim", [], [])
    assert m["speaker"] == "Ilsa Brandt"


def test_isnt_without_apostrophe_against_is_raises_negation(searcher: Any) -> None:
    _, m = first_match(searcher, "The harbour isnt the heart of this town")
    assert m["speaker"] == "Ilsa Brandt"
    assert "negation" in m["alerts"]


def test_risen_for_fallen_is_a_reversal_alerted_as_negation(searcher: Any) -> None:
    _, m = first_match(
        searcher, "Unemployment has risen by 12 per cent since we opened the new quay"
    )
    assert m["speaker"] == "Ilsa Brandt"
    assert m["alerts"] == ["negation"]


def test_oppose_for_support_is_a_reversal_alerted_as_negation(searcher: Any) -> None:
    _, m = first_match(
        searcher,
        "I oppose the idea of a new harbour, but I cannot support a budget that nobody in"
        " this chamber has read",
    )
    assert m["speaker"] == "Ondra Valsek"
    assert "negation" in m["alerts"]


def test_increased_for_risen_is_a_synonym_not_a_reversal(searcher: Any) -> None:
    _, m = first_match(searcher, "Rents in Kessel have increased by 40 percent")
    assert m["speaker"] == "Ondra Valsek"
    assert m["alerts"] == []


def test_clauses_swapped_around_rise_and_fall_are_no_reversal(searcher: Any) -> None:
    _, m = first_match(
        searcher,
        "since we opened the new quay unemployment has fallen by 12 per cent, and I expect it"
        " to fall again",
    )
    assert m["speaker"] == "Ilsa Brandt"
    assert "negation" not in m["alerts"]


def test_twelve_boats_for_a_dozen_boats_is_the_same_number(searcher: Any) -> None:
    _, m = first_match(searcher, "the fleet had shrunk to 12 boats")
    assert m["speaker"] == "Petra Dorn"
    assert "number" not in m["alerts"]


def test_twenty_boats_for_a_dozen_boats_is_a_number_alert(searcher: Any) -> None:
    _, m = first_match(searcher, "the fleet had shrunk to 20 boats")
    assert m["speaker"] == "Petra Dorn"
    assert "number" in m["alerts"]


def test_fifty_per_cent_for_half_is_the_same_number(searcher: Any) -> None:
    _, m = first_match(
        searcher, "In the last four years we have cut the harbour debt by 50 per cent"
    )
    assert m["speaker"] == "Ilsa Brandt"
    assert "number" not in m["alerts"]


def test_a_third_for_half_is_a_number_alert(searcher: Any) -> None:
    _, m = first_match(searcher, "In the last four years we have cut the harbour debt by a third")
    assert m["speaker"] == "Ilsa Brandt"
    assert "number" in m["alerts"]


def test_half_a_million_for_five_million_is_a_number_alert(searcher: Any) -> None:
    _, m = first_match(searcher, "the project would cost half a million crowns")
    assert m["speaker"] == "Ilsa Brandt"
    assert "number" in m["alerts"]


def test_never_sell_it_not_one_flat_cut_before_not_is_in_context(searcher: Any) -> None:
    verdict, m = first_match(searcher, "I would never sell the public housing")
    assert verdict == "verbatim"
    assert m["speaker"] == "Ondra Valsek"
    assert m["alerts"] == []


def test_reopen_in_spring_cut_before_not_until_is_out_of_context(searcher: Any) -> None:
    _, m = first_match(searcher, "The old quay will reopen in the spring")
    assert m["speaker"] == "Petra Dorn"
    assert m["alerts"] == ["out_of_context"]


def test_claimed_full_name_confirms_a_speaker_kept_with_an_unknown_title(searcher: Any) -> None:
    # the index may keep a description it does not know as an office with the name
    # ("Lockkeeper Tomas Ferreol"); the user's "Tomas Ferreol" is that person
    r = searcher.check(
        "the gates would be replaced in the autumn", top=1, claimed_speaker="Tomas Ferreol"
    )
    assert r["matches"][0]["speaker"].endswith("Tomas Ferreol")
    assert r["attribution"] == "confirmed"
    r = searcher.check(
        "the gates would be replaced in the autumn", top=1, claimed_speaker="Ilsa Ferreol"
    )
    assert r["attribution"] == "misattributed"


def test_name_the_statement_has_just_past_a_short_span_is_no_swapped_name(searcher: Any) -> None:
    _, m = first_match(
        searcher, "the project would cost 5 million crowns, half of it from Norvania"
    )
    assert m["speaker"] == "Ilsa Brandt"
    assert "name" not in m["alerts"]


def test_name_the_statement_lacks_at_the_end_of_a_short_span_is_a_swapped_name(
    searcher: Any,
) -> None:
    _, m = first_match(
        searcher, "the project would cost 5 million crowns, half of which would come from Kessel"
    )
    assert m["speaker"] == "Ilsa Brandt"
    assert m["alerts"] == ["name"]


def test_two_sentences_said_apart_by_one_speaker_are_a_stitched_partial(searcher: Any) -> None:
    # "It's not a gift" is no negation added to the first sentence: it is her own, said
    # in another paragraph
    r = searcher.check(
        "We don't have the luxury of waiting another decade. It's not a gift, it's an investment",
        claimed_speaker="Ilsa Brandt",
    )
    assert (r["verdict"], r["attribution"], r.get("stitched")) == ("partial", "confirmed", True)
    assert [m["verdict"] for m in r["matches"]] == ["verbatim", "verbatim"]
    assert [m["alerts"] for m in r["matches"]] == [[], []]
    assert r["matches"][0]["line"] != r["matches"][1]["line"]
    assert any("said apart" in n for n in r["notes"])


def test_sentences_of_two_speakers_stitched_are_misattributed(searcher: Any) -> None:
    r = searcher.check(
        "We will regret this vote. If the council does nothing, there will be no fleet left in"
        " ten years.",
        claimed_speaker="Ondra Valsek",
    )
    assert (r["verdict"], r["attribution"], r.get("stitched")) == (
        "partial",
        "misattributed",
        True,
    )
    assert [m["speaker"] for m in r["matches"]] == ["Ondra Valsek", "Petra Dorn"]


def test_two_sentences_of_one_passage_are_not_stitched(searcher: Any) -> None:
    r = searcher.check(
        "It's not a gift, it's an investment. Unemployment has fallen by 12 per cent since we"
        " opened the new quay"
    )
    assert r["verdict"] == "verbatim"
    assert not r.get("stitched")


def test_a_sentence_found_nowhere_is_not_hidden_as_stitched(searcher: Any) -> None:
    r = searcher.check(
        "We will regret this vote. The lighthouse of Ostrava Bay will be sold to a hotel chain"
        " next spring."
    )
    assert not r.get("stitched")
    assert r["verdict"] != "verbatim"


def test_verify_fails_a_quote_stitched_from_two_paragraphs(searcher: Any) -> None:
    from quotecheck.search.verify import verify_draft

    draft = (
        "Velmark mayor defends harbour plan\n\n"
        "“We don't have the luxury of waiting another decade. It's not a gift, it's an"
        " investment,” Mayor Ilsa Brandt said.\n"
    )
    (r,) = list(verify_draft(searcher, "draft.txt", draft.encode()))
    assert (r["verdict"], r["attribution"], r["quote_altered"]) == ("partial", "confirmed", True)
    assert r["failed"]


def test_verify_passes_sentences_said_apart_when_the_draft_marks_the_gap(searcher: Any) -> None:
    """Review: the same two sentences with an ellipsis between them failed as 'stitched':
    the ellipsis says words were left out, which is the editor's convention, when both
    sentences are one person's in one document."""
    from quotecheck.search.verify import verify_draft

    draft = (
        "Velmark mayor defends harbour plan\n\n"
        "“We don't have the luxury of waiting another decade. … It's not a gift, it's an"
        " investment,” Mayor Ilsa Brandt said.\n"
    )
    (r,) = list(verify_draft(searcher, "draft.txt", draft.encode()))
    assert (r["attribution"], r["quote_altered"], r["failed"]) == ("confirmed", False, False)


def test_applause_in_parentheses_in_a_quote_is_a_transcriber_note(searcher: Any) -> None:
    r = searcher.check("I would freeze rents for two years (APPLAUSE), and I would never sell")
    m = r["matches"][0]
    assert (r["verdict"], m["speaker"], m["changes"]) == ("verbatim", "Ondra Valsek", [])
    assert any("transcriber" in n for n in r["notes"])


def test_a_year_in_parentheses_in_a_quote_is_still_looked_up(searcher: Any) -> None:
    r = searcher.check("I would freeze rents for two years (until 2029)")
    assert r["matches"][0]["changes"] != []


def test_two_thirds_for_three_quarters_is_a_number_alert(searcher: Any) -> None:
    _, m = first_match(searcher, "Three-quarters of the new homes in Kessel will be for rent")
    assert m["speaker"] == "Ilsa Brandt"
    assert m["alerts"] == ["number"]


def test_two_thirds_without_the_hyphen_is_the_same_number(searcher: Any) -> None:
    _, m = first_match(searcher, "two thirds of the new homes in Kessel will be for rent")
    assert m["speaker"] == "Ilsa Brandt"
    assert m["alerts"] == []


def test_we_will_this_told_as_they_would_that_is_the_statement_reported(searcher: Any) -> None:
    # reported speech: person, tense and place shifted; found, not word for word
    r = searcher.check("they would regret that vote")
    m = r["matches"][0]
    assert m["speaker"] == "Ondra Valsek"
    assert r["verdict"] in ("close", "paraphrase")
    assert [c["query"] for c in m["changes"]] == ["they would", "that"]


def test_i_would_told_as_he_would_is_close_not_verbatim(searcher: Any) -> None:
    r = searcher.check("he would freeze rents for two years")
    assert (r["verdict"], r["matches"][0]["speaker"]) == ("close", "Ondra Valsek")


def test_verify_fails_a_quote_in_marks_shifted_into_reported_speech(searcher: Any) -> None:
    from quotecheck.search.verify import verify_draft

    draft = "Kessel debate\n\nValsek said “he would freeze rents for two years”.\n"
    (r,) = list(verify_draft(searcher, "draft.txt", draft.encode()))
    assert r["quote_altered"] and r["failed"]


def test_gonna_and_a_dropped_uh_and_stutter_are_a_cleaned_up_verbatim_quote(
    searcher: Any,
) -> None:
    verdict, m = first_match(
        searcher, "We're going to need a new ferry, and we need it before the winter storms"
    )
    assert (verdict, m["speaker"], m["changes"], m["alerts"]) == (
        "verbatim",
        "Ondra Valsek",
        [],
        [],
    )


def test_a_word_dropped_beside_an_uh_is_still_a_change(searcher: Any) -> None:
    verdict, m = first_match(searcher, "We're going to need a ferry, and we need it")
    assert m["speaker"] == "Ondra Valsek"
    assert verdict != "verbatim"
    assert {"op": "delete", "query": "", "source": "new"} in m["changes"]


def test_words_added_before_the_span_are_set_apart_in_the_diff() -> None:
    from quotecheck.analysis.tokens import tokenize
    from quotecheck.render.text import Painter, diff_words
    from quotecheck.search.diff import segments

    source = "need a new quay"
    segs = segments(tokenize("we need a new quay"), tokenize(source), source)
    assert diff_words(segs, Painter(False, 80)) == "{+we+} need a new quay"


def test_a_passage_of_many_sentences_is_not_looked_up_sentence_by_sentence(
    searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each sentence of a stitched quote costs a lookup: a long passage gets none
    calls: list[str] = []
    lookup = searcher.lookup

    def counted(query: str) -> Any:
        calls.append(query)
        return lookup(query)

    monkeypatch.setattr(searcher, "lookup", counted)
    passage = " ".join(
        f"The quay of Corvale number {n} will stay shut all winter." for n in range(7)
    )
    searcher.check(passage)
    assert len(calls) == 1


def test_quote_pasted_after_the_wrong_name_and_a_colon_raises_name(searcher: Any) -> None:
    r = searcher.check('Brandt: "We will regret this vote"')
    m = r["matches"][0]
    assert (r["verdict"], m["speaker"], m["changes"]) == ("verbatim", "Ondra Valsek", [])
    assert m["alerts"] == ["name"]


def test_quote_pasted_with_its_speaker_after_a_dash_is_the_quoted_words(searcher: Any) -> None:
    r = searcher.check("“We will regret this vote” — Ondra Valsek")
    m = r["matches"][0]
    assert (r["verdict"], m["speaker"], m["changes"], m["alerts"]) == (
        "verbatim",
        "Ondra Valsek",
        [],
        [],
    )


def test_gained_for_lost_and_denied_for_confirmed_are_reversals() -> None:
    from quotecheck.analysis.tokens import tokenize
    from quotecheck.search.diff import alerts

    for query, source in (
        ("the harbour fund gained two million crowns", "the harbour fund lost two million crowns"),
        ("the council denied the report", "the council confirmed the report"),
    ):
        got = alerts(
            tokenize(query), tokenize(source), "", "", query_text=query, source_text=source
        )
        assert got == ["negation"], (query, got)


def test_quote_cut_just_before_its_not_is_out_of_context(searcher: Any) -> None:
    _, m = first_match(searcher, "Everyone on the council read the harbour plan, and Valsek did")
    assert m["speaker"] == "Ilsa Brandt"
    assert "out_of_context" in m["alerts"]


def test_one_never_of_never_never_dropped_still_counts_as_a_negation_change(
    searcher: Any,
) -> None:
    # a repeated word is a transcript's stutter, but a negation said twice is not
    # absorbed: the alerts weigh it
    _, m = first_match(searcher, "I have never seen the old quay in such a poor state")
    assert m["speaker"] == "Petra Dorn"
    assert "negation" in m["alerts"]


def test_quote_pasted_after_a_post_label_and_a_colon_raises_no_name(searcher: Any) -> None:
    r = searcher.check('Correction: "We will regret this vote"')
    assert r["matches"][0]["speaker"] == "Ondra Valsek"
    assert "name" not in r["matches"][0]["alerts"]
