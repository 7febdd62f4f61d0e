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


def test_description_subject_without_a_named_holder_keeps_the_focus() -> None:
    """Regression: a narrative sentence whose subject is a description nobody holds by name
    ("The Corvale candidate flew to Kessel ...") noted no subject (only known role holders
    were looked up), so a later "he" went to the person named last (Valsek), not to the
    candidate in focus (Ferreol); a description as a speaker already resolved so."""
    doc = analyzed(
        "Tomas Ferreol has warned Kessel about the ferry for years.\n\n"
        "The Corvale candidate flew to Kessel on Wednesday for a short visit with Ondra"
        " Valsek, the harbour pilot. He spent an hour at the docks with Valsek.\n\n"
        "“The ferry will run again,” this Ferreol look-alike declared in Kessel.\n\n"
        "The visitor waxed poetic about the harbour and its workers. He pledged"
        " “cooperation” on the new ferry line."
    )
    assert find(doc, "“cooperation” on the new ferry line").speaker == "Tomas Ferreol"


def test_named_possessor_opening_the_sentence_is_its_topic() -> None:
    """Regression: "Mr. Ferreol's success ... reflects how he has ... said" gave "he" to
    the last speaker (Brandt's statement came just before, Valsek is named after): a
    sentence opening with a possessor took no antecedent from its own sentence."""
    doc = analyzed(
        "Tomas Ferreol runs the ferry line in Corvale.\n\n"
        "“We need the ferry,” said Ondra Valsek, a harbour pilot.\n\n"
        "Mr. Ferreol's success in the harbour, which has pleased Valsek, reflects how he"
        " has patiently said that the port matters."
    )
    assert find(doc, "We need the ferry").speaker == "Ondra Valsek"
    assert find(doc, "the port matters").speaker == "Tomas Ferreol"


def test_possessor_of_unknown_gender_is_not_taken() -> None:
    """Guard: a possessor whose gender is not known is not forced on the pronoun."""
    doc = analyzed(
        "“We need the ferry,” said Ondra Valsek, a harbour pilot.\n\n"
        "Corvale's success in the harbour reflects how he has patiently said that the port"
        " matters."
    )
    assert find(doc, "the port matters").speaker == "Ondra Valsek"


def test_clause_subject_with_an_adverbial_aside_takes_the_focus() -> None:
    """Regression: "... surprised when Tomas Ferreol, after railing against the ferry tax,
    produced a modest plan. He proposed ..." noted no subject (a clause subject set off by
    commas was taken only before an appositive with an article), so "He" went to the last
    speaker, Valsek."""
    doc = analyzed(
        "Ondra Valsek said the plan was fair.\n\n"
        "“It will pass,” he said.\n\n"
        "Many observers were surprised when Tomas Ferreol, after railing against the ferry"
        " tax, produced a modest plan. He proposed “a smaller levy” for Corvale."
    )
    assert find(doc, "It will pass").speaker == "Ondra Valsek"
    assert find(doc, "“a smaller levy” for Corvale").speaker == "Tomas Ferreol"


def test_person_named_after_a_pronoun_of_the_other_gender_is_the_antecedent() -> None:
    """Regression: "For that she drew Ferreol's ire - he called her “weak”" gave "he" to
    the man named last before the sentence (Valsek): the one man named in the sentence,
    between "she" and "he", was not looked at."""
    doc = analyzed(
        "Petra Dorn once clashed with Tomas Ferreol in Kessel, saying she was “appalled”"
        " that he would mock the parents of Capt. Ondra Valsek, the pilot who died at sea."
        " For that she drew Ferreol's ire - he called her “weak” and said she had “zero"
        " support” in Corvale."
    )
    assert find(doc, "her “weak”").speaker == "Tomas Ferreol"


def test_name_then_is_opening_the_sentence_is_its_own_subject() -> None:
    """Regression: "Tomas Ferreol is trailing Petra Dorn but has invested ..., where he
    says ..." gave "he" to the last speaker (Valsek): a name followed by "is"/"was" was no
    sentence subject for the pronoun later in the sentence."""
    doc = analyzed(
        "Ondra Valsek says the vote is “such an unknown” in Kessel.\n\n"
        "Tomas Ferreol is trailing Petra Dorn but has invested a lot of time in Corvale,"
        " where he says he can win if turnout is strong."
    )
    assert find(doc, "he can win if turnout is strong").speaker == "Tomas Ferreol"


def test_appositive_subject_after_a_fronted_phrase_takes_the_focus() -> None:
    """Regression: "After the results were in ..., Dorn's campaign manager, Tomas Ferreol,
    appeared ..." noted no subject (the possessor holding a role was skipped and the name
    set off by commas was tried only at the sentence's opening), so "He" went to the last
    speaker, Valsek."""
    doc = analyzed(
        "“We will win,” said Ondra Valsek, a Kessel pollster.\n\n"
        "After the results were in on Tuesday night, Dorn's campaign manager, Tomas Ferreol,"
        " appeared on a Corvale channel in front of a map. He also said that the gap could"
        " still close."
    )
    assert find(doc, "We will win").speaker == "Ondra Valsek"
    assert find(doc, "the gap could still close").speaker == "Tomas Ferreol"


def test_clause_after_a_semicolon_has_its_own_subject() -> None:
    """Regression: "The Corvale legislature passed a ban on ferries; Gov. Petra Dorn, who
    opposes the ban, vetoed the bill because she said ..." gave "she" to someone named
    before: the sentence's opening has no person, and the clause after the semicolon was
    not looked at."""
    doc = analyzed(
        "“The ban is cruel,” said Ilsa Brandt, a Kessel doctor, whom Mrs. Brandt's"
        " colleagues praised.\n\n"
        "The Corvale legislature passed a ban on ferries; Republican Gov. Petra Dorn, who"
        " opposes the ban, vetoed the bill because she said it was unfair."
    )
    assert find(doc, "it was unfair").speaker == "Petra Dorn"


def test_name_its_relative_clause_then_was_is_the_subject() -> None:
    """Regression: "Speaker Tomas Ferreol, who was reluctant to back Valsek, was more direct
    in his remarks - what he called ..." gave "he" to the last speaker: a name, a clause
    set off by commas, then "was" made no subject for the pronoun."""
    doc = analyzed(
        "“We will sign the laws,” said Ondra Valsek, the Corvale leader.\n\n"
        "Speaker Tomas Ferreol, who was reluctant to back Valsek, was more direct in his"
        " remarks - what he called “our arguments this year.”"
    )
    assert find(doc, "We will sign the laws").speaker == "Ondra Valsek"
    st = [s for s in doc.statements if "our arguments this year" in doc.text[s.start : s.end]]
    assert st and st[0].speaker == "Tomas Ferreol"


def test_subject_with_a_dash_appositive_takes_the_focus() -> None:
    """Regression: "Governor Tomas Ferreol – a Kessel Rovers fan – gave a one-word answer"
    noted no subject (a name was taken only before a lower-case word, a comma or a
    parenthesis), so the next "he" went to the last speaker, Valsek."""
    doc = analyzed(
        "“Corvale will win,” said Ondra Valsek, a Kessel fan.\n\n"
        "Governor Tomas Ferreol – a Kessel Rovers fan – gave a one-word answer on the"
        " question. “Kessel,” he answered."
    )
    assert find(doc, "Corvale will win").speaker == "Ondra Valsek"
    assert find(doc, "Kessel").speaker == "Tomas Ferreol"


def test_name_of_place_then_is_is_the_subject() -> None:
    """Regression: "Senator Tomas Ferreol of Corvale is airing a new ad ..., in which he
    declares ..." gave "he" to the last speaker: the place after the name hid "is"."""
    doc = analyzed(
        "“We will win,” said Ondra Valsek, a Kessel pollster.\n\n"
        "Senator Tomas Ferreol of Corvale is airing a new ad in the state, in which he"
        " declares “the harbour is ours.”"
    )
    st = [s for s in doc.statements if "the harbour is ours" in doc.text[s.start : s.end]]
    assert st and st[0].speaker == "Tomas Ferreol"


def test_described_name_in_an_appositive_does_not_take_the_focus() -> None:
    """Regression (of the first fix here): "..., his wife, Corvale mayoral candidate Petra
    Dorn, over a ferry contract" took Dorn for a clause subject, so "She" went to her and
    not to Brandt, the sentence's subject; a described name inside a sentence counts only
    with a verb after it."""
    doc = analyzed(
        "“We will look at the facts,” said Ilsa Brandt, the Corvale prosecutor.\n\n"
        "Mrs. Brandt met Tomas Ferreol on a boat in Kessel while her office was investigating"
        " his wife, Corvale mayoral candidate Petra Dorn, over a ferry contract. She has"
        " called the contract “a matter for the courts.”"
    )
    st = [s for s in doc.statements if "a matter for the courts" in doc.text[s.start : s.end]]
    assert st and st[0].speaker == "Ilsa Brandt"
