"""Sentence and paragraph segmentation of news text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.analysis.sentences import (
    paragraph_memo,
    split_paragraph,
    split_paragraphs,
    split_sentences,
)


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_dotted_acronym_before_a_noun_does_not_end_the_sentence() -> None:
    assert sents("The U.S. Senate voted. Then it adjourned.") == [
        "The U.S. Senate voted.",
        "Then it adjourned.",
    ]


def test_dotted_acronym_before_a_sentence_starter_ends_it() -> None:
    assert sents("He lives in the U.S. The talks went on.") == [
        "He lives in the U.S.",
        "The talks went on.",
    ]


def test_titles_months_and_initials() -> None:
    assert sents("Mr. Valsek met Gov. Orrel on Sept. 4. John F. Hosk left.") == [
        "Mr. Valsek met Gov. Orrel on Sept. 4.",
        "John F. Hosk left.",
    ]


def test_paragraphs() -> None:
    text = "One.\n\n  Two.\n \nThree."
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["One.", "Two.", "Three."]


@given(st.text(max_size=200), st.integers(0, 50))
def test_spans_are_valid(text: str, start: int) -> None:
    start = min(start, len(text))
    for a, b in split_sentences(text, start):
        assert start <= a < b <= len(text)


def test_paragraph_memo_splits_each_paragraph_of_its_text_once() -> None:
    text = "Ilsa Brandt spoke in Corvale. She left.\n\nTomas Ferreol stayed. He said so."
    memo = paragraph_memo(text)
    assert paragraph_memo(text) is memo
    for ps, pe in split_paragraphs(text):
        assert memo.sentences(ps, pe) == split_paragraph(text, ps, pe)
        assert memo.sentences(ps, pe) is memo.sentences(ps, pe)
    other = text.replace("Corvale", "Norvania")
    assert paragraph_memo(other) is not memo
    assert split_sentences(other) == [
        s for ps, pe in split_paragraphs(other) for s in split_paragraph(other, ps, pe)
    ]


@given(
    st.lists(st.sampled_from(["Mr. Dorn", " said", '"We go."', "U.S.", "\n\n", " x.", " Valsek"]))
)
def test_attribution_sentences_are_the_masked_split(pieces: list[str]) -> None:
    """The engine takes a paragraph's sentences from the raw text when no quote is masked
    in it: always the same as splitting the masked text."""
    from quotecheck.analysis.attribution import _Engine
    from quotecheck.model import Document

    text = "".join(pieces)
    eng = _Engine(Document("t", text, "article"))
    blocks = split_paragraphs(text)
    eng.prepare(blocks)
    for ps, pe in blocks:
        assert eng.sentences(ps, pe) == split_paragraph(eng.masked, ps, pe)


def test_said_no_then_a_name_ends_the_sentence() -> None:
    """Regression: "Lindqvist said no. Brian Holm said yes." was one sentence ("No." was
    taken for the abbreviation of "No. 10"); "no", "vol", "fig" abbreviate only before a
    number."""
    text = "Anna Lindqvist said no. Brian Holm said yes. The No. 2 official left."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Anna Lindqvist said no.", "Brian Holm said yes.", "The No. 2 official left."]
