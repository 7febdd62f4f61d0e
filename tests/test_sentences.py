"""Sentence and paragraph segmentation of news text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.analysis.sentences import split_paragraphs, split_sentences


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
