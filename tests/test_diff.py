"""Changes and meaning-level alerts, on fictional sentences (invented people and places)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck.analysis.tokens import tokenize
from quotecheck.search.diff import alerts, changes, out_of_context, segments

SOURCE = (
    "Mayor Ilsa Brandt of Corvale said the harbour bridge will reopen in March with 40 new ferries"
)


def _alerts(query: str, source: str = SOURCE, before: str = "", after: str = "") -> list[str]:
    return alerts(
        tokenize(query), tokenize(source), before, after, query_text=query, source_text=source
    )


def test_no_alert_for_unaltered_quote() -> None:
    assert _alerts(SOURCE) == []


def test_no_alert_for_case_punctuation_and_typos() -> None:
    assert (
        _alerts(
            "mayor ilsa brandt of corvale said the harbor bridge will reopen in march with 40 new ferries"
        )
        == []
    )
    assert (
        _alerts(
            "Mayor Ilsa Brnadt of Corvale said the harbour bridge will reopne in March with 40 new ferries"
        )
        == []
    )


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("the bridge will not reopen", "the bridge will reopen"),
        ("the bridge won't reopen", "the bridge will reopen"),
        ("the ferry can't sail", "the ferry can sail"),
        ("the ferry cannot sail", "the ferry can sail"),
        ("the ferry can not sail", "the ferry can sail"),
        ("the council never approved it", "the council approved it"),
        ("the bridge will reopen", "the bridge will not reopen"),
        ("the ferry can sail", "the ferry can't sail"),
        ("we do want the tunnel", "we don’t want the tunnel"),
    ],
)
def test_negation_added_or_removed(query: str, source: str) -> None:
    assert "negation" in _alerts(query, source)


def test_cannot_and_can_not_are_the_same_negation() -> None:
    assert _alerts("the ferry cannot sail", "the ferry can not sail") == []


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("with 41 new ferries", "with 40 new ferries"),
        ("with forty new ferries", "with fifty new ferries"),
        ("turnout fell 12.5 percent", "turnout fell 21.5 percent"),
        ("the pier opened on 4 May 2021", "the pier opened on 4 May 2020"),
        ("a budget of $2 million", "a budget of $2 billion"),
    ],
)
def test_number_changed(query: str, source: str) -> None:
    assert "number" in _alerts(query, source)


def test_number_written_with_separator_or_percent_sign_is_the_same() -> None:
    assert _alerts("a fund of 1000 crowns", "a fund of 1,000 crowns") == []
    assert _alerts("turnout fell 12%", "turnout fell 12 percent") == []


def test_name_swapped() -> None:
    assert "name" in _alerts(
        "Mayor Tomas Vek of Corvale said the harbour bridge will reopen in March with 40 new ferries"
    )
    assert "name" in _alerts(
        "Mayor Ilsa Brandt of Lindmoor said the harbour bridge will reopen in March with 40 new ferries"
    )


def test_misspelt_name_is_a_typo_not_a_swap() -> None:
    assert "name" not in _alerts(
        "Mayor Ilsa Brant of Corvale said the harbour bridge will reopen in March with 40 new ferries"
    )


def test_name_swap_in_a_lower_case_query() -> None:
    assert "name" in _alerts(
        "mayor ilsa brandt of lindmoor said the harbour bridge will reopen in march with 40 new ferries"
    )


def test_name_moved_by_reordered_clauses_is_not_a_swap() -> None:
    """Regression: reordering "X, Mayor Brandt said" put names in a replace op."""
    src = "Corvale will rebuild the pier, Mayor Ilsa Brandt told the Lindmoor Gazette"
    assert "name" not in _alerts(
        "Mayor Ilsa Brandt told the Lindmoor Gazette, Corvale will rebuild the pier", src
    )


def test_name_repeated_elsewhere_is_still_swapped() -> None:
    """Regression: "the Brandt campaign or the Brandt Foundation" -> "... the Golf Foundation"."""
    src = "emails relating to the Brandt campaign or the Brandt Foundation"
    assert "name" in _alerts("emails relating to the Brandt campaign or the Golf Foundation", src)


def test_name_not_kept_by_a_lower_case_word_spelt_alike() -> None:
    """Regression: "forces" kept "Air Force", "status" kept "United States", "make" kept
    the new "Tomas": a name is only misspelt by a word with a capital."""
    src = "the Corvale Air Force is the best and Corvale ground forces are ready"
    assert "name" in _alerts(
        "the Corvale Air Armada is the best and Corvale ground forces are ready", src
    )
    src = "disaffection in the United Provinces with the status quo"
    assert "name" in _alerts("disaffection in the United Lindmoor with the status quo", src)
    src = "what will happen is Ilsa Brandt is going to make this look like a stolen vote"
    assert "name" in _alerts(
        "what will happen is Tomas Brandt is going to make this look like a stolen vote", src
    )


def test_name_also_at_a_sentence_start_is_still_swapped() -> None:
    """Regression: the "Brandt" opening a sentence kept the one swapped at the end."""
    src = "Brandt may be lucky. What happens when millions go after Brandt?"
    assert "name" in _alerts(
        "Brandt may be lucky. What happens when millions go after Ferreol?", src
    )


def test_name_put_where_another_word_stood() -> None:
    src = "The Gang of Eight, all eight of them, agreed to vote against every amendment"
    assert "name" in _alerts(
        "The Gang of Ferreol, all eight of them, agreed to vote against every amendment", src
    )
    # a query in title case: every word looks like a name, so a synonym is no new name
    src = "the mayor and the harbour board were caught planning to sell the lighthouse"
    assert (
        _alerts("The Mayor And The Harbour Board Were Caught Plotting To Sell The Lighthouse", src)
        == []
    )


def test_year_changed_by_one_digit_is_a_number_not_a_typo() -> None:
    """Regression: OSA distance 1 between 2026 and 2027 must not excuse a changed year."""
    assert "number" in _alerts("the tunnel opens in 2027", "the tunnel opens in 2026")


def test_misspelt_number_word_is_a_typo() -> None:
    assert "number" not in _alerts("we will hire sevne teachers", "we will hire seven teachers")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("If the council approves the budget, ", ""),
        ("Unless the storm returns, ", ""),
        ("Although the pier is damaged, ", ""),
        ("The mayor does not believe ", ""),
        ("", ", but only if the council pays for it"),
        ("", " unless the ferry company objects"),
        ("", ", if the weather holds"),
        ("If the ferries arrive on time and the pier is ", ""),
    ],
)
def test_out_of_context(before: str, after: str) -> None:
    assert out_of_context(before, after)
    assert "out_of_context" in _alerts(
        "we will hire forty teachers", "we will hire forty teachers", before, after
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", ""),
        ("Mayor Ilsa Brandt said ", ""),
        ("", ", she told reporters."),
        ("If it rains, the fair moves indoors. Councillor Vek said ", ""),
        ("", ". But the tunnel is another matter"),
        ("She said fathers would not be eligible, and when pressed on ", ""),
    ],
)
def test_no_out_of_context_when_the_omitted_part_does_not_qualify_it(
    before: str, after: str
) -> None:
    assert not out_of_context(before, after)


def test_changes_read_from_the_source_side() -> None:
    ops = changes(
        tokenize("the bridge will not reopen in May"), tokenize("the bridge will reopen in March")
    )
    assert {"op": "insert", "query": "not", "source": ""} in ops
    assert {"op": "replace", "query": "May", "source": "March"} in ops
    assert changes(tokenize("The Bridge will reopen"), tokenize("the bridge will reopen")) == []


def test_segments_join_back_to_the_span() -> None:
    text = "The bridge, closed since May, will reopen."
    src = tokenize(text)
    segs = segments(tokenize("the bridge closed since June will reopen"), src, text)
    assert "".join(s for _, s, _ in segs) == text[src[0].start : src[-1].end]


@pytest.mark.parametrize(
    "after",
    [
        ", though she noted that the ferry company is beginning to object",
        ", although he again refused to publish the harbour accounts",
        ", but Councillor Tomas Vek said the budget was reckless",
    ],
)
def test_trailing_report_of_another_act_is_not_out_of_context(after: str) -> None:
    """Regression: "[the bridge will reopen in March], though she noted ..." is a second
    statement beside the quoted one, not a condition or contrast on it."""
    assert not out_of_context("", after)
    assert "out_of_context" not in _alerts(SOURCE, SOURCE, "", after)


def test_second_verb_of_the_frame_is_not_out_of_context() -> None:
    """Regression: "Vek thinks [she would have backed the ferry anyway], but believes ..." """
    assert not out_of_context(
        "Vek thinks ", ", but believes the harbour vote ensures her support.", narration=True
    )


@pytest.mark.parametrize(
    "after",
    [
        ", but only if the council pays for it",
        ", but she will not sign it",
        ", but I said we cannot afford it",
        ", but not before 2030",
        " - not just on paper, but in reality",
        " but by no means the only one",
        " but to make Corvale whole again",
        " but with edge — that she lost one debate",
    ],
)
def test_trailing_contrast_on_the_quoted_words_still_counts(after: str) -> None:
    assert out_of_context("", after)


def test_query_cut_mid_word_is_not_a_negation_change() -> None:
    """Regression: a pasted span starting mid-word, "ot to recommend ...", for "not to recommend ..."."""
    src = "not to recommend charges against the Corvale harbour master"
    assert "negation" not in _alerts(
        "ot to recommend charges against the Corvale harbour master", src
    )
    assert "negation" in _alerts("to recommend charges against the Corvale harbour master", src)


def test_condition_with_an_abbreviation_inside_still_leads_into_the_quote() -> None:
    """Regression: "If the council did not pay [in Sept. 11 instalments], [they have nothing
    to fear]": the period of "Sept." cut the condition off as another sentence."""
    assert out_of_context("If the council did not pay [in Sept. 11 instalments], ", "")
    assert out_of_context("If Sen. Vek objects, ", "")
    assert not out_of_context("If it rains, the fair moves indoors. Councillor Vek said ", "")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Many residents of Corvale assumed ", ", but that wasn't the case."),
        ("Readers in Norvania may not let ", ", but they care enough to write in."),
        ("Ilsa Brandt was reportedly ", ", but the ferry had left two days before the storm."),
        ("Tomas Vek pressed ", ", but the councillor insisted she had not discussed it."),
        ("Voters in Corvale say ", " — though none reached the harbour in time."),
        ("The board was unhappy with ", ", though, at the end, they voted for the budget."),
    ],
)
def test_contrast_between_the_reporters_clauses_is_not_out_of_context(
    before: str, after: str
) -> None:
    """Regression: "Many assumed [that Vek had the backing of the board], but that wasn't
    the case": the quoted words are the complement of the reporter's clause, and the
    contrast (a clause with its own subject) is set against that clause, not inside the
    quoted words."""
    assert not out_of_context(before, after, narration=True)
    source = "that the harbour board of Corvale would back the new ferries"
    assert "out_of_context" not in alerts(
        tokenize(source), tokenize(source), before, after, narration=True
    )


@pytest.mark.parametrize(
    ("before", "after", "narration"),
    [
        # the quoted speaker's own contrast (the words are inside a statement)
        ("Vek said ", ", but the ferry company will not pay for it.", False),
        # the quoted words are the whole main clause: the contrast is set against them
        ("", ", but the Norvanian navy overruled that request.", True),
        ("In the Corvale poll, ", ", but the lead narrowed to 3 points.", True),
        # no comma: a contrast bound to the quoted clause ("even [though ...]")
        ("Brandt said ", " but it was a great luxury to have.", True),
        # the contrast is inside the quotation the quoted words open
        ("Vek reminds me of ", ", but you can't fool all of Corvale all of the time.\"", True),
        # a second complement, a second verb, an elliptical contrast, a noun phrase
        ("Vek said ", ", but that it would cost the harbour dearly.", True),
        ("Vek said ", ", but would first review the accounts.", True),
        ("Vek said ", ", but only when the ferries run.", True),
        ("One Corvale study found ", ", but no evidence of a boost in ferry use.", True),
    ],
)
def test_contrast_on_the_quoted_words_still_counts_in_narration(
    before: str, after: str, narration: bool
) -> None:
    assert out_of_context(before, after, narration=narration)


@pytest.mark.parametrize(
    "before", ["For the harbour board of Corvale, though, ", "Ilsa Brandt added, though, "]
)
def test_though_set_off_by_commas_is_no_concession(before: str) -> None:
    """Regression: "For other critics, though, [it is a step too far]": "though," is a
    sentence adverb ("however"), not a concession clause leading into the quote."""
    assert not out_of_context(before, "")
    assert not out_of_context(before, "", narration=True)
    assert out_of_context("Though the pier is damaged, ", "")


def test_reporters_concession_around_the_quoted_words_is_not_out_of_context() -> None:
    """Regression: "Though he did not mention [Tomas Vek by name], he made it clear ...":
    a concession clause is asserted, so the words quoted from inside it keep their sense;
    a condition is not (its clause is only supposed)."""
    after = ", she made it clear that the harbour board should resign."
    assert not out_of_context("Though Ilsa Brandt did not mention ", after, narration=True)
    assert not out_of_context("Although Norvanian rules permit ", after, narration=True)
    assert out_of_context("If Norvanian rules permit ", after, narration=True)
    assert out_of_context("Unless Norvanian rules permit ", "", narration=True)


@pytest.mark.parametrize(
    "after",
    [
        ", but officials said those talks came only after the vote",
        ", but the campaign refused to answer on several occasions",
    ],
)
def test_trailing_report_by_a_common_noun_subject_is_not_out_of_context(after: str) -> None:
    """Regression: "[he had talks with the Corvale port office], but officials said ...":
    another reported act, as with a named subject."""
    assert not out_of_context("", after)
    assert out_of_context("", ", but officials in Corvale will not pay for it")


def test_not_only_but_also_around_the_quoted_words_is_not_out_of_context() -> None:
    """Regression: "The problem is not only that Vek appears [to have learned the wrong
    lessons], but also that ...": both halves are asserted; "but also" adds, not contrasts."""
    before = "The problem for Corvale is not only that Vek appears "
    assert not out_of_context(before, ", but also that he seems not to grasp it.", narration=True)
    assert out_of_context("The problem for Corvale is that Vek appears ", ", but only if he wins.")


def test_condition_inside_an_earlier_quotation_does_not_govern_the_quoted_words() -> None:
    """Regression: '"If you believe you represent the people, you find an explanation,"
    said Vek, [whose seat on the Corvale board] ...': the condition and its clause are
    another quotation, closed before the quoted words."""
    assert not out_of_context(
        '"If you believe you represent the people, you find an explanation," said Vek, ', ""
    )
    assert not out_of_context("“If the ferries run, we will be fine,” said Vek, ", "")
    assert out_of_context('"If the ferries run," Vek said, "', "")
    assert out_of_context("“If there had been no storm” in Corvale, ", "")


def test_condition_with_an_ellipsis_inside_still_leads_into_the_quote() -> None:
    """Regression: '"If the court were to deprive the candidate of his rights...on the
    ground that ..., [that ground does not exist ...]': the ellipsis before a word in lower
    case cut the condition off as another sentence."""
    assert out_of_context(
        '"If the Corvale court were to deprive Vek of his rights...on the ground that '
        "there may be something in the file, ",
        "",
    )
    assert not out_of_context("If it rains, the fair moves indoors... Councillor Vek said ", "")


def test_editors_bracket_at_the_cut_still_out_of_context() -> None:
    """Regression: the span ends at a word, so an editor's bracket stood between the
    quoted words and the condition or contrast left out ("If it fails, [they] ...",
    "... better [in the north], but ..."), and hid it."""
    assert out_of_context("“If the ferry plan ends up being a disaster, [", "")
    assert out_of_context("", "], but traditional fishermen aren’t doing well anyway,”")
    assert not out_of_context("Mayor Ilsa Brandt said [", "], and left.")


def test_editors_bracket_out_of_context_through_the_index(tmp_path: Path) -> None:
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store import Store

    (tmp_path / "a.txt").write_text(
        "Harbour vote in Corvale\n\n“I expect him to do better [in northern Corvale], but"
        " traditional fishermen aren’t doing well in the north anyway,” said Ilsa Brandt.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "i.db") as store:
        index_paths(store, [str(tmp_path / "a.txt")])
        r = Searcher(store).check("I expect him to do better [in northern Corvale]", top=1)
    assert r["verdict"] == "verbatim"
    assert "out_of_context" in r["matches"][0]["alerts"]


@pytest.mark.parametrize(
    ("source", "query"),
    [
        (
            "the harbour was busier in the '90s than today",
            "the harbour was busier in the '92s than today",
        ),
        (
            "the pier was last rebuilt in the 1980s by the town",
            "the pier was last rebuilt in the 1987s by the town",
        ),
        (
            "we fund K-12 schools in Corvale from the harbour dues",
            "we fund K-42 schools in Corvale from the harbour dues",
        ),
        (
            "the ferry carried twice as many people as the bus",
            "the ferry carried thrice as many people as the bus",
        ),
        (
            "a bigger cash balance at year's end, nearly $38million",
            "a bigger cash balance at year's end, nearly $18million",
        ),
    ],
)
def test_number_alert_for_figures_that_are_not_plain_values(source: str, query: str) -> None:
    assert "number" in _alerts(query, source)


@pytest.mark.parametrize(
    ("source", "query"),
    [
        ("Corvale will hire three hundred workers", "Corvale will hire 300 workers"),
        ("the budget grew by 5 percent in Corvale", "the budget grew by five per cent in Corvale"),
        ("the harbour cost $2 million to rebuild", "the harbour cost $2m to rebuild"),
        ("the pier is 1,000 metres long", "the pier is 1 000 metres long"),
        ("the harbour was rebuilt in 2019 by Corvale", "the harbour was rebuilt in '19 by Corvale"),
    ],
)
def test_no_number_alert_for_the_same_figure_written_another_way(source: str, query: str) -> None:
    assert "number" not in _alerts(query, source)


def test_month_or_weekday_changed_is_a_number_alert_not_a_name() -> None:
    """Regression: "will reopen in April" for "in March" and "until Friday" for "until
    Thursday" raised `name` (a capitalised word swapped); a date changed is a figure. The
    word "may" dropped or kept is no date."""
    assert _alerts(SOURCE.replace("March", "April")) == ["number"]
    assert _alerts("power until Friday", "power until Thursday") == ["number"]
    assert _alerts("we may reopen in March", "we may reopen in March") == []
    assert "number" not in _alerts("we reopen in March", "we may reopen in March")
    # a date word put in a name's place, or a name in a date's, is a name swapped; a
    # misspelt weekday is a typo
    assert _alerts("the Department of Monday", "the Department of Education") == ["name"]
    assert _alerts("his running mate on Buffalo", "his running mate on Tuesday") == ["name"]
    assert _alerts("he left on Satrday", "he left on Saturday") == []
