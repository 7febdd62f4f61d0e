"""Pronoun resolution and salience: "he"/"she" after a sentence about someone other than
the last speaker (invented people and places: Ilsa Brandt, Ondra Valsek, Tomas Ferreol,
Petra Dorn, Corvale, Kessel)."""

from __future__ import annotations

from tests.test_attribution import analyzed, find


def test_described_subject_after_a_fronted_phrase_takes_the_focus() -> None:
    """Regression: "Last spring, Corvale shipowner Ondra Valsek expressed dismay ..." noted
    no subject (after the fronted phrase only "Corvale" was tried, a place), so the "he" of
    the next quote went to the last speaker, not Valsek."""
    doc = analyzed(
        "“The port will close,” said Tomas Ferreol, the harbour master.\n\n"
        "Last spring, Corvale shipowner Ondra Valsek expressed dismay at the plan. "
        "“It will ruin us,” he told a Kessel paper."
    )
    assert find(doc, "The port will close").speaker == "Tomas Ferreol"
    assert find(doc, "It will ruin us").speaker == "Ondra Valsek"


def test_described_subject_opening_the_sentence_takes_the_focus() -> None:
    """The same without the fronted phrase (already right: kept as a guard)."""
    doc = analyzed(
        "“The port will close,” said Tomas Ferreol, the harbour master.\n\n"
        "Corvale shipowner Ondra Valsek expressed dismay at the plan. "
        "“It will ruin us,” he told a Kessel paper."
    )
    assert find(doc, "It will ruin us").speaker == "Ondra Valsek"
