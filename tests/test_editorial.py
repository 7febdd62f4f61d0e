"""Editorial conventions in pasted quotes, through a real index of fictional articles.

Brackets, ellipses, "(sic)", figures written another way, British and American
spellings, hyphens, contractions, quote marks and an attribution pasted with the quote
change nothing that was said: none may lower the verdict, show as a change or raise an
alert. Real changes hidden among them still must. (Invented people and places only.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from quotecheck.search.editorial import clean, equivalent, figures, items, spelling
from tests.conftest import searcher_over

HARBOUR = (
    "Corvale council backs harbour plan after long debate\n\n"
    "Mayor Ilsa Brandt of Corvale said on Monday that the harbour will reopen in the spring.\n\n"
    "“The harbour will reopen in March, and we will organise the ferries ourselves,” Brandt"
    " told the council. “We don't need help from Velmark.”\n\n"
    "Minister Ondra Valsek of Norvania said he will sign it before the end of the month."
    " “The treaty was a mistake from the start,” Valsek said, “but we will co-operate with"
    " Corvale on defence.”\n\n"
    "Brandt said the plan would create three hundred jobs and cost 5 percent more than last"
    " year's budget of $2 million.\n\n"
    "“We will not sell the old lighthouse, and we won't re-open the old quarry,” Brandt said."
    " “It is 1,000 years old — older than the town itself.”\n\n"
    "Councillor Tomas Ferreol said the council had spent 12 million crowns in 2019 on the"
    " harbour walls. “I do not believe the numbers add up,” Ferreol said.\n\n"
    "“Our fishermen have waited three years for this,” Brandt said. “We'll finish the pier by"
    " July.”\n"
)
RAIL = (
    "Velmark rail link delayed again\n\n"
    "Transport chief Tamsin Orrel said on Tuesday that the Velmark rail link would not open"
    " before 2028.\n\n"
    "“We have asked the contractors to organize a second shift, but the tunnel is still"
    " flooded,” Orrel said.\n\n"
    "The line was meant to carry 40,000 passengers a day between Velmark and Ostrava Bay.\n\n"
    "Orrel said the budget had grown by 20 per cent since 2021. “The cost is now €45 million,"
    " and it will rise,” she said.\n\n"
    "“We will open the ferry terminal, if the council agrees, before the summer season,”"
    " Orrel said.\n"
)
FISH = (
    "Kessel votes on fishing quotas\n\n"
    "The Kessel assembly voted 31 to 9 on Thursday to cut fishing quotas by a third.\n\n"
    "“This is not the end of fishing in Kessel,” said assembly speaker Petra Dorn. “We cannot"
    " wait another winter.”\n\n"
    'Tomas Ferreol, a self-styled "sea-born" skipper and harbour guide, voted against.\n\n'
    "Dorn said the assembly's “bold” and “hasty” quotas do not “fit what the small boats of"
    " Kessel need.”\n\n"
    "“It is hard to say more ferries [on the Kessel line] would have mattered,” Dorn said.\n"
)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    files = {"harbour.txt": HARBOUR, "rail.txt": RAIL, "fish.txt": FISH}
    with searcher_over(tmp_path_factory.mktemp("editorial"), files) as s:
        yield s


def _check(searcher: Any, query: str) -> tuple[str, dict[str, Any], list[str]]:
    r = searcher.check(query, top=1, min_score=0)
    assert r["matches"], query
    return r["verdict"], r["matches"][0], r["notes"]


def _unpunished(searcher: Any, query: str, source_words: str) -> None:
    verdict, m, _ = _check(searcher, query)
    assert source_words in m["matched_text"], (query, m["matched_text"])
    assert verdict == "verbatim", (query, m["score"], m["changes"])
    assert m["changes"] == [], (query, m["changes"])
    assert m["alerts"] == [], (query, m["alerts"])


# ------------------------------------------------------------ square brackets, (sic)
@pytest.mark.parametrize(
    ("query", "source_words"),
    [
        ("[Valsek] will sign it before the end of the month", "he will sign it"),
        ("he will sign [the treaty] before the end of the month", "he will sign it before"),
        ("We don't need help from [the town of] Velmark", "from Velmark"),
        ("He will sign it before the end of [the] month", "end of the month"),
        ("[It] was a mistake from the start", "The treaty was a mistake"),
        ("[T]he harbour will reopen in March, and we will organise the ferries", "The harbour"),
        ("the [harbour] will reopen in March, and we will organise the ferries", "The harbour"),
    ],
)
def test_square_bracket_insertion_or_replacement_is_verbatim(
    searcher: Any, query: str, source_words: str
) -> None:
    _unpunished(searcher, query, source_words)


def test_bracket_does_not_swallow_a_word_dropped_next_to_the_sources_own_bracket(
    searcher: Any,
) -> None:
    verdict, m, _ = _check(
        searcher, "It is hard to say more ferries [the Kessel line] have mattered"
    )
    assert verdict != "verbatim"
    assert any("would" in c["source"] for c in m["changes"]), m["changes"]
    verdict, m, _ = _check(
        searcher, "It is hard to say more ferries [on the Kessel line] would have mattered"
    )
    assert verdict == "verbatim" and m["changes"] == []


def test_bracket_that_drops_a_negation_still_raises_negation(searcher: Any) -> None:
    _, m, _ = _check(searcher, "We [will] sell the old lighthouse, and we won't re-open the quarry")
    assert "negation" in m["alerts"]


def test_bracket_that_adds_a_figure_still_raises_number(searcher: Any) -> None:
    _, m, _ = _check(searcher, "he will sign it before the end of [2027]")
    assert "number" in m["alerts"]


@pytest.mark.parametrize(
    "bracket", ["[last year]", "[that year]", "[the following year]", "[at the time]"]
)
def test_bracketed_relative_date_for_a_year_raises_no_number_alert(
    searcher: Any, bracket: str
) -> None:
    _unpunished(
        searcher,
        f"the council had spent 12 million crowns {bracket} on the harbour walls",
        "12 million crowns in 2019 on the harbour walls",
    )


@pytest.mark.parametrize("bracket", ["[in 2018]", "[2018]", "[in 2018, last year]"])
def test_bracket_putting_in_another_year_still_raises_number(searcher: Any, bracket: str) -> None:
    _, m, _ = _check(
        searcher, f"the council had spent 12 million crowns {bracket} on the harbour walls"
    )
    assert "number" in m["alerts"]


def test_bracketed_relative_date_for_a_figure_that_is_no_date_still_raises_number(
    searcher: Any,
) -> None:
    _, m, _ = _check(
        searcher, "the council had spent [last year] crowns in 2019 on the harbour walls"
    )
    assert "number" in m["alerts"]


def test_relative_date_needs_a_date_in_the_source() -> None:
    from quotecheck.analysis.tokens import tokenize
    from quotecheck.search.editorial import relative_date

    assert relative_date(items("the following day"), tokenize("on May 3, 2021"))
    assert relative_date(items("that day"), tokenize("on Friday"))
    assert not relative_date(items("then"), tokenize("may"))  # the verb
    assert not relative_date(items("that year"), tokenize("40,000"))
    assert not relative_date(items("the harbour"), tokenize("in 2019"))  # no word of time


@pytest.mark.parametrize("mark", ["(sic)", "[sic]", "[sic!]"])
def test_sic_is_the_editors_mark_not_a_word(searcher: Any, mark: str) -> None:
    query = f"The harbour will reopen in March {mark}, and we will organise the ferries ourselves"
    _unpunished(searcher, query, "The harbour will reopen in March")
    assert any("sic" in n for n in _check(searcher, query)[2])


# ------------------------------------------------------------ ellipses
@pytest.mark.parametrize("ellipsis", ["...", "…", " ... ", " … ", " . . . ", "[…]"])
def test_ellipsis_for_omitted_words_keeps_the_verdict_and_shows_what_it_left_out(
    searcher: Any, ellipsis: str
) -> None:
    query = f"The harbour will reopen in March{ellipsis}we will organise the ferries ourselves"
    verdict, m, _ = _check(searcher, query)
    assert verdict == "verbatim", (m["score"], m["changes"])
    assert m["changes"] == [{"op": "delete", "query": "", "source": "and"}]
    assert m["alerts"] == []


def test_ellipsis_over_a_sentence_and_its_attribution_keeps_the_verdict(searcher: Any) -> None:
    verdict, m, _ = _check(
        searcher, "The harbour will reopen in March … We don't need help from Velmark"
    )
    assert verdict == "verbatim", (m["score"], m["changes"])
    assert m["matched_text"].startswith("The harbour will reopen in March, and we will organise")
    assert m["alerts"] == []


def test_ellipsis_over_a_clause_with_its_own_negation_raises_no_alert(searcher: Any) -> None:
    verdict, m, _ = _check(searcher, "We will not sell the old lighthouse … It is 1,000 years old")
    assert verdict == "verbatim"
    assert m["alerts"] == []


def test_ellipsis_over_a_negation_raises_negation(searcher: Any) -> None:
    verdict, m, _ = _check(
        searcher, "We will … sell the old lighthouse, and we won't re-open the old quarry"
    )
    assert verdict != "verbatim"
    assert "negation" in m["alerts"]


def test_ellipsis_over_a_condition_is_out_of_context(searcher: Any) -> None:
    _, m, _ = _check(searcher, "We will open the ferry terminal … before the summer season")
    assert "out_of_context" in m["alerts"]


# ------------------------------------------------------------ figures
@pytest.mark.parametrize(
    ("query", "source_words"),
    [
        ("the plan would create 300 jobs and cost 5 percent more", "three hundred jobs"),
        ("the plan would create three hundred jobs and cost 5% more", "5 percent more"),
        (
            "create three hundred jobs and cost five per cent more than last year's budget of $2m",
            "$2 million",
        ),
        ("cost 5 percent more than last year's budget of 2 million dollars", "$2 million"),
        ("the council had spent 12m crowns in 2019 on the harbour walls", "12 million"),
        ("the council had spent 12 million crowns in '19 on the harbour walls", "2019"),
        ("It is 1000 years old -- older than the town itself", "1,000"),
        ("It is one thousand years old – older than the town itself", "1,000"),
        ("Our fishermen have waited 3 years for this", "three years"),
        (
            "the line was meant to carry 40 000 passengers a day between Velmark and Ostrava Bay",
            "40,000",
        ),
        ("the line was meant to carry forty thousand passengers a day between Velmark", "40,000"),
        ("the budget had grown by 20% since 2021", "20 per cent"),
        ("the budget had grown by twenty percent since 2021", "20 per cent"),
        ("The cost is now 45 million euros, and it will rise", "€45 million"),
        ("The cost is now €45m, and it will rise", "€45 million"),
        ("The cost is now EUR 45 million, and it will rise", "€45 million"),
    ],
)
def test_equal_figure_written_another_way_is_verbatim_without_number_alert(
    searcher: Any, query: str, source_words: str
) -> None:
    _unpunished(searcher, query, source_words)


@pytest.mark.parametrize(
    "query",
    [
        "the plan would create 400 jobs and cost 5 percent more",
        "the plan would create three hundred jobs and cost 6% more",
        "cost 5 percent more than last year's budget of $3m",
        "the council had spent 12 million crowns in '18 on the harbour walls",
        "the council had spent 12bn crowns in 2019 on the harbour walls",
        "Our fishermen have waited 4 years for this",
        "the budget had grown by 25% since 2021",
        "The cost is now €54 million, and it will rise",
    ],
)
def test_changed_figure_raises_number_alert(searcher: Any, query: str) -> None:
    verdict, m, _ = _check(searcher, query)
    assert verdict not in ("verbatim", "not_found")
    assert "number" in m["alerts"], (query, m["changes"])


@pytest.mark.parametrize(
    ("query", "change"),
    [
        ("the budget had grown by 25% since 2021", ("25", "20")),
        ("the plan would create three hundred jobs and cost 6% more", ("6", "5")),
    ],
)
def test_changed_percentage_written_another_way_shows_only_the_figure(
    searcher: Any, query: str, change: tuple[str, str]
) -> None:
    _, m, _ = _check(searcher, query)
    assert m["changes"] == [{"op": "replace", "query": change[0], "source": change[1]}]
    assert "number" in m["alerts"]


# ------------------------------------------------------------ spelling, hyphens, marks
@pytest.mark.parametrize(
    ("query", "source_words"),
    [
        ("The harbor will reopen in March, and we will organize the ferries ourselves", "harbour"),
        ("The harbour will re-open in March, and we will organise the ferries ourselves", "reopen"),
        (
            "the treaty was a mistake from the start, but we will cooperate with Corvale on defense",
            "co-operate",
        ),
        (
            "We have asked the contractors to organise a second shift, but the tunnel is still flooded",
            "organize",
        ),
        ("We don’t need help from Velmark.", "don't"),
        (
            "the harbour will reopen in March, and we will organise the ferries ourselves.",
            "The harbour",
        ),
    ],
)
def test_spelling_variant_hyphen_case_and_marks_are_verbatim(
    searcher: Any, query: str, source_words: str
) -> None:
    _unpunished(searcher, query, source_words)


def test_four_is_not_a_spelling_of_for() -> None:
    assert spelling("four") != spelling("for")
    assert not equivalent("four", "for")


# ------------------------------------------------------------ contractions
@pytest.mark.parametrize(
    ("query", "source_words"),
    [
        ("We do not need help from Velmark", "don't"),
        ("I don't believe the numbers add up", "do not"),
        ("We will not sell the old lighthouse, and we will not re-open the old quarry", "won't"),
        ("We won't sell the old lighthouse, and we will not re-open the old quarry", "won't"),
        ("We can't wait another winter", "cannot"),
        ("This isn't the end of fishing in Kessel", "is not"),
        ("It's 1,000 years old, older than the town itself", "It is"),
    ],
)
def test_contraction_expanded_or_contracted_is_verbatim_without_negation_alert(
    searcher: Any, query: str, source_words: str
) -> None:
    _unpunished(searcher, query, source_words)


@pytest.mark.parametrize(
    "query",
    [
        "We do need help from Velmark",
        "I believe the numbers add up",
        "We will not sell the old lighthouse, and we will re-open the old quarry",
        "We can wait another winter",
    ],
)
def test_contraction_whose_negation_is_dropped_raises_negation(searcher: Any, query: str) -> None:
    _, m, _ = _check(searcher, query)
    assert "negation" in m["alerts"]


# ------------------------------------------------------------ quote marks, attribution
@pytest.mark.parametrize(
    "query",
    [
        "“The harbour will reopen in March, and we will organise the ferries ourselves,” Brandt said",
        '"The harbour will reopen in March, and we will organise the ferries ourselves," Brandt told the council.',
        'The harbour will reopen in March, and we will organise the ferries ourselves," Brandt said.',
        "Brandt said: “The harbour will reopen in March, and we will organise the ferries ourselves.”",
    ],
)
def test_quote_pasted_with_its_attribution_is_looked_up_by_its_quoted_words(
    searcher: Any, query: str
) -> None:
    _unpunished(searcher, query, "The harbour will reopen in March")
    assert any("attribution" in n for n in _check(searcher, query)[2])


def test_split_quote_without_its_attribution_is_verbatim(searcher: Any) -> None:
    _unpunished(
        searcher,
        "The treaty was a mistake from the start, but we will co-operate with Corvale on defence",
        "Valsek said",
    )


def test_split_quote_pasted_with_its_attribution_is_verbatim(searcher: Any) -> None:
    _unpunished(
        searcher,
        "“The treaty was a mistake from the start,” Valsek said, “but we will co-operate with"
        " Corvale on defence.”",
        "Valsek said",
    )


def test_attribution_between_quoted_sentences_is_no_change(searcher: Any) -> None:
    _, m, _ = _check(
        searcher, "Our fishermen have waited three years for this. We won't finish the pier by July"
    )
    assert "negation" in m["alerts"]
    assert not any("Brandt" in c["source"] for c in m["changes"]), m["changes"]


def test_quote_attributed_to_someone_else_raises_name(searcher: Any) -> None:
    _, m, _ = _check(searcher, "“We don't need help from Velmark,” Ferreol said.")
    assert "name" in m["alerts"]
    for right in ("Brandt said on Monday.", "Brandt told the Corvale Times.", "said the mayor."):
        _, m, _ = _check(searcher, f"“We don't need help from Velmark,” {right}")
        assert m["alerts"] == [], right


@pytest.mark.parametrize(
    "query",
    [
        "will not continue ''for the next few years.",  # a negated verb: not who said it
        "the resolution which stated the town “condemns the harbour plan and its backers.”",
        "Brandt promised that “we will not sell the lighthouse” to developers",
        "that Brandt's “bold” and “hasty” comments do “fit with the town.”",
        # words in two places: a figure of the sentence is no attribution
        "The two “ferries” she cited are “the pride of the Corvale harbour and its people.”",
    ],
)
def test_words_outside_quote_marks_that_are_not_an_attribution_stay_in_the_query(
    query: str,
) -> None:
    from quotecheck.search.check import quoted_with_attribution

    assert quoted_with_attribution(query) is None


def test_empty_straight_quotes_left_by_a_dropped_word_are_no_attribution(searcher: Any) -> None:
    verdict, m, _ = _check(searcher, 'Tomas Ferreol, a self-styled "" skipper and harbour guide')
    assert verdict != "verbatim"
    assert {"op": "delete", "query": "", "source": "sea-born"} in m["changes"]


def test_words_between_quote_marks_with_a_negation_are_no_attribution(searcher: Any) -> None:
    _, m, _ = _check(
        searcher, "bold” and “hasty” quotas do “fit what the small boats of Kessel need"
    )
    assert "negation" in m["alerts"]


def test_passage_matching_as_written_ranks_before_one_matching_once_rewritten(
    tmp_path: Any,
) -> None:
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    (tmp_path / "a.txt").write_text(
        "Ferry poster\n\nThe poster on the pier read: We Are Going To Win The Harbour Vote In"
        " Corvale.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Ferry rally\n\n“We’re going to win the harbour vote in Corvale,” Brandt said.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "i.db") as store:
        index_paths(store, [str(tmp_path)])
        r = Searcher(store).check("We Are Going To Win The Harbour Vote In Corvale", top=2)
    assert r["verdict"] == "verbatim"
    assert [m["matched_text"][:6] for m in r["matches"]] == ["We Are", "We’re "]


def test_bracket_inside_a_word_matches_a_source_that_kept_it(tmp_path: Any) -> None:
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    (tmp_path / "a.txt").write_text(
        "Council letter\n\nThe letter said “[w]e will keep the Corvale ferry running all"
        " winter” and was signed by Ilsa Brandt.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "i.db") as store:
        index_paths(store, [str(tmp_path)])
        searcher = Searcher(store)
        for query in (
            "[w]e will keep the Corvale ferry running all winter",
            "We will keep the Corvale ferry running all winter",
        ):
            r = searcher.check(query, top=1)
            assert r["verdict"] == "verbatim", (query, r["matches"][0]["changes"])
            assert r["matches"][0]["changes"] == []


# ------------------------------------------------------------ verify
def test_verify_draft_with_editorial_conventions_checks_out(searcher: Any) -> None:
    from quotecheck.search.verify import verify_draft

    draft = (
        "Harbour vote\n\n"
        "“[Valsek] will sign it before the end of the month,” Minister Ondra Valsek said.\n\n"
        "“We do not need help from Velmark,” Mayor Ilsa Brandt said.\n\n"
        "“The harbour will reopen in March … we will organise the ferries ourselves,” Brandt"
        " said.\n\n"
        "“The plan would create 300 jobs and cost 5% more,” Brandt said.\n\n"
        "“The treaty was a mistake from the start,” Valsek said, “but we will cooperate with"
        " Corvale on defense.”\n"
    )
    results = list(verify_draft(searcher, "draft.txt", draft.encode()))
    assert len(results) == 5
    for r in results:
        assert not r["failed"], (r["draft"]["text"], r["verdict"], r["matches"][0]["changes"])


@pytest.mark.parametrize("ellipsis", [" . . . ", "...", " [...] ", " … "])
def test_verify_accepts_words_left_out_at_any_form_of_ellipsis(
    searcher: Any, ellipsis: str
) -> None:
    from quotecheck.search.verify import verify_draft

    draft = (
        f"Harbour vote\n\n“The harbour will reopen in March{ellipsis}we will organise the"
        " ferries ourselves,” Brandt said.\n"
    )
    (r,) = verify_draft(searcher, "draft.txt", draft.encode())
    assert not r["failed"], (r["verdict"], r["matches"][0]["changes"])


# ------------------------------------------------------------ units
def test_clean_writes_every_ellipsis_alike_and_drops_edge_ones() -> None:
    assert clean("... we will . . . reopen it[...] soon …").text == "we will … reopen it … soon"


def test_items_value_figures_with_their_units() -> None:
    assert items("three hundred and fifty") == ["#350"]
    assert items("forty-two") == ["#42"]
    assert items("$2.5bn") == items("2.5 billion dollars") == ["#2500000000usd"]
    assert items("5 per cent") == items("5%") == items("five percent") == ["#5%"]
    assert items("the 3rd") == items("the third")
    assert items("'98") == ["#1998"]
    assert items("a million") == ["#1000000"]


def test_figures_read_the_sign_before_and_percent_after() -> None:
    text = "it cost $2m, or 5% of '19"
    assert figures(text, 9, 25) == ["#2000000", "#5%", "#2019"]
