"""Attribution, round 5: regressions found reading PolNeAR train misses, each written again
with invented people and places (Norvania, Corvale, Ilsa Brandt, Tomas Ferreol, ...)."""

from __future__ import annotations

from tests.test_attribution import analyzed, find


def test_party_tag_after_a_name_is_passed_over() -> None:
    """Regression: a party/state tag after a name hid the name from the rules that look
    past a time phrase, an appositive or a relative clause: "Rep. Petra Dorn (D-Calif.) last
    month joked ..." had the mention "last month", "Sen. Ilsa Brandt (D-Mo.), who ..., said
    X has ..." took X for the speaker."""
    doc = analyzed(
        "Rep. Petra Dorn (D-Calif.) last month joked to the chair that the rates would rise."
        "\n\nSpeaking later, Sen. Ilsa Brandt (D-Mo.), who has endorsed Dorn, said Ferreol has"
        " pushed the mayor to be stronger.\n\n"
        "On Friday, Sen. Tomas Ferreol (R-Nor.), a supporter of the plan, told host Ondra"
        " Valsek he believed that it would pass."
    )
    st = find(doc, "the rates would rise")
    assert st.speaker == "Petra Dorn"
    assert st.mention is not None and st.mention.text == "Rep. Petra Dorn"
    st = find(doc, "Ferreol has pushed the mayor to be stronger")
    assert st.speaker == "Ilsa Brandt"
    assert find(doc, "it would pass").speaker == "Tomas Ferreol"


def test_name_of_the_organisation_resolves_to_the_person() -> None:
    """Regression: "said Petra Dorn of the Corvale Institute" kept its mention but had no
    speaker (an organisation word after "of the" made the whole run no name), so a later
    "she" went to someone named before."""
    doc = analyzed(
        "Ilsa Brandt opened the meeting in Corvale.\n\n"
        "“We will win,” said Petra Dorn of the Corvale Institute.\n\n"
        "“The harbour must stay open,” she said."
    )
    assert find(doc, "We will win").speaker == "Petra Dorn"
    assert find(doc, "The harbour must stay open").speaker == "Petra Dorn"


def test_description_before_a_full_name_opens_the_sentence() -> None:
    """Regression: in "Tennis great Ilsa Brandt remembered ..." the lower-case description
    after a capitalised word hid the subject, so "she" went to the person named before; a
    preposition opening the sentence ("To Corvale consultant Dorn, ...") is no subject."""
    doc = analyzed(
        "Tomas Ferreol spoke first. “We will win,” he said.\n\n"
        "Tennis great Ilsa Brandt remembered the day as fun. She saw the match in 1971."
        " “He always smiled,” she said.\n\n"
        "Corvale developer Petra Dorn expressed dismay at the plan. “I fear it may happen,”"
        " she said."
    )
    assert find(doc, "He always smiled").speaker == "Ilsa Brandt"
    assert find(doc, "I fear it may happen").speaker == "Petra Dorn"


def test_sentence_adverb_after_the_cue_is_passed_over() -> None:
    """Regression: "He said, however, that ..." gave no statement (the comma after the cue
    was read as the start of an adjunct); a quote in it was left to the sentence before."""
    doc = analyzed(
        "Tomas Ferreol told the Corvale Gazette he is not planning an appeal. He said,"
        " however, that he hopes “somebody else takes up the cause” against the council.\n\n"
        "Ilsa Brandt spoke next. She added, though, that the harbour would stay open."
    )
    st = find(doc, "he hopes “somebody else takes up the cause” against the council")
    assert st.speaker == "Tomas Ferreol" and st.kind == "indirect"
    assert find(doc, "the harbour would stay open").speaker == "Ilsa Brandt"


def test_aside_between_dashes_after_a_name_is_passed_over() -> None:
    """Regression: "Ferreol — who is listed as a lawyer ... — told the Gazette he ..." gave
    no statement, so a later "He" went to someone named before; an aside holding a verb of
    saying keeps its own statement."""
    doc = analyzed(
        "Ilsa Brandt chairs the board.\n\n"
        "Reached by phone, Tomas Ferreol — who is listed as a lawyer but does not practise —"
        " told the Corvale Gazette he is not planning an appeal.\n\n"
        "On Friday, Petra Dorn -- named by the Gazette as the leading choice for mayor --"
        " told the council that “you have to look at it seriously.”"
    )
    assert find(doc, "he is not planning an appeal").speaker == "Tomas Ferreol"
    assert find(doc, "you have to look at it seriously.").speaker == "Petra Dorn"


def test_quote_before_a_description_and_its_name_is_the_content() -> None:
    """Regression: in "“A,” a third, Tomas Ferreol, said." and "“A,” the presumptive
    nominee, Ilsa Brandt, tweeted." the content before the subject ran up to the name, so it
    held the description too and was no direct quote."""
    doc = analyzed(
        "“The ferries will run,” a third, Tomas Ferreol, said.\n\n"
        "“Is the council going to act at last?” the presumptive nominee, Ilsa Brandt, tweeted"
        " on Sunday."
    )
    st = find(doc, "The ferries will run")
    assert st.speaker == "Tomas Ferreol" and st.kind == "direct"
    st = find(doc, "Is the council going to act at last?")
    assert st.speaker == "Ilsa Brandt" and st.kind == "direct"


def test_state_before_a_title_or_after_an_article_is_no_verb() -> None:
    """Regression: "“A,” a state official told reporters." and "“A,” state Sen. Petra Dorn
    said." gave no statement: 'state' was taken for the verb and ended the subject."""
    doc = analyzed(
        "“The harbour will stay open,” a state official told reporters.\n\n"
        "“We will win,” state Sen. Petra Dorn (D) said.\n\n"
        "Officials state the plan is fair."
    )
    st = find(doc, "The harbour will stay open")
    assert st.mention is not None and st.mention.text == "a state official"
    assert find(doc, "We will win").speaker == "Petra Dorn"
    assert find(doc, "the plan is fair").mention is not None


def test_coordinator_opening_a_sentence_is_no_part_of_its_subject() -> None:
    """Regression: "But Ferreol painted a different picture." did not make Ferreol the
    subject in focus ("But Ferreol" was no name), so the "he" of the next quote went to the
    speaker before."""
    doc = analyzed(
        "Tomas Ferreol and Ondra Valsek met the council.\n\n"
        "“The harbour is safe,” Valsek said.\n\n"
        "But Ferreol painted a different picture. “The harbour is failing,” he said."
    )
    assert find(doc, "The harbour is failing").speaker == "Tomas Ferreol"


def test_subject_before_a_quote_and_its_pronoun_cue_is_the_speaker() -> None:
    """Regression: in "Tomas Ferreol saw the words differently: “...,” he said." the "he"
    went to the person in focus before the sentence, not to its own subject; a sentence that
    opens with the content ("Also, Ilsa Brandt is no friend ..., he said") is unchanged."""
    doc = analyzed(
        "Ilsa Brandt spoke first.\n\n"
        "Tomas Ferreol saw the words differently: “When she says it, I do not take it as a"
        " joke,” he said.\n\n"
        "Ondra Valsek spoke.\n\nAlso, Ilsa Brandt is no friend of the harbour, he said."
    )
    st = find(doc, "When she says it, I do not take it as a joke")
    assert st.speaker == "Tomas Ferreol"
    assert find(doc, "Also, Ilsa Brandt is no friend of the harbour").speaker == "Ondra Valsek"


def test_subject_after_a_quote_closing_an_introduction() -> None:
    """Regression: in "As for Ferreol’s reading of “Corvale,” Valsek found comic relief in
    it." the clause subject after the closing quote mark was not seen (a comma then a
    capital was looked for), so the next "he" went to Ferreol."""
    doc = analyzed(
        "Tomas Ferreol and Ondra Valsek spoke. “We will win,” Ferreol said.\n\n"
        "As for Ferreol’s reading of “Corvale,” Valsek found comic relief in it. “I needed"
        " some carrots,” he said."
    )
    assert find(doc, "I needed some carrots").speaker == "Ondra Valsek"


def test_possessor_opening_a_later_clause_is_its_topic() -> None:
    """Regression: in "Indeed, Valsek’s message is to call on all people to be kind." the
    possessor after the introductory comma was not taken as the subject in focus (a
    possessor opening the sentence already was), so the next "He" went to Ferreol."""
    doc = analyzed(
        "Tomas Ferreol and Ondra Valsek spoke. “We will win,” Ferreol said.\n\n"
        "Indeed, Valsek’s message is to call on all people to be kind. He has challenged"
        " his own party, as he said in May."
    )
    assert find(doc, "his own party, as he said in May").speaker == "Ondra Valsek"


def test_relative_clause_speaker_does_not_take_the_sentences_focus() -> None:
    """Regression: in "Tomas Ferreol ... refused to repudiate politicians, like Ondra
    Valsek, who had condemned the plan." the relative clause's statement made Valsek the
    person in focus, so the next quote's "he" went to Valsek, not to the sentence's subject."""
    doc = analyzed(
        "Tomas Ferreol spoke. “We will win,” Ondra Valsek said.\n\n"
        "Tomas Ferreol defended his mother and refused to repudiate politicians, like Ondra"
        " Valsek, who had condemned the plan. “Family values people are not out to bash"
        " anyone,” he said."
    )
    st = find(doc, "Family values people are not out to bash anyone")
    assert st.speaker == "Tomas Ferreol"


def test_state_before_a_capitalised_word_is_no_cue() -> None:
    """Regression: "Lindmoor state Rep. Ondra Valsek; Norvania state Senate candidate Ilsa
    Marek" made statements of "Lindmoor" and "Norvania" ('state' read as the verb)."""
    doc = analyzed(
        "The candidates Brandt named in her email are Lindmoor state Rep. Ondra Valsek; and"
        " Norvania state Senate candidate Ilsa Marek."
    )
    assert doc.statements == []


def test_plural_title_does_not_end_the_sentence() -> None:
    """Regression: "... his rivals, particularly Govs. Ilsa Brandt and Petra Dorn, who say
    ..." was split after "Govs.", so the relative clause's subject opened a sentence of its
    own and took the focus: the next "He" went to Brandt, not to the sentence's subject."""
    doc = analyzed(
        "Speaking on Monday, Tomas Ferreol refrained from attacking his rivals, particularly"
        " Govs. Ilsa Brandt and Petra Dorn, who say the young senator lacks experience.\n\n"
        "He dismissed the critique, saying it was his best night."
    )
    assert find(doc, "the critique").speaker == "Tomas Ferreol"
    assert find(doc, "it was his best night").speaker == "Tomas Ferreol"


def test_middle_initial_a_is_no_article() -> None:
    """Regression: "Petra A. Dorn said ..." had the mention "A. Dorn" (the initial "A" read
    as the article ending the noun phrase) and no speaker (the registry took "A." for a
    function word and never knew the name), so a later "She" had no one to go to."""
    doc = analyzed(
        "Petra A. Dorn, vice president of the Corvale Harbour Company, said in a statement"
        " in March that the claims had no substance. She added that the company was well"
        " run."
    )
    st = find(doc, "the claims had no substance")
    assert st.mention is not None and st.mention.text == "Petra A. Dorn"
    assert st.speaker == "Petra A. Dorn"
    assert find(doc, "the company was well run").speaker == "Petra A. Dorn"


def test_subject_with_a_party_tag_takes_the_focus() -> None:
    """Regression: "Rep. Ondra Valsek (R-Nor.) also addressed the controversy ..." was not
    taken as the subject in focus (a name had to be followed by a lower-case word or a
    comma), so the next quote's "he" went to the speaker before."""
    doc = analyzed(
        "Tomas Ferreol spoke first. “We will win,” he said.\n\n"
        "Rep. Ondra Valsek (R-Nor.) also addressed the controversy when introducing"
        " Ferreol. “Maybe not literally,” he said."
    )
    assert find(doc, "Maybe not literally").speaker == "Ondra Valsek"


def test_clause_subject_with_an_appositive_takes_the_focus() -> None:
    """Regression: in "Reached by the Gazette, Valsek, the Corvale harbour master, hesitated
    ..." the subject after the introduction was not seen (its appositive stood between it
    and the verb), so the next "He" went to the speaker before."""
    doc = analyzed(
        "Tomas Ferreol and Ondra Valsek spoke. “We will win,” Ferreol said.\n\n"
        "Reached by the Gazette, Valsek, the Corvale harbour master, hesitated to repeat his"
        " criticism. He agreed that Ferreol may struggle."
    )
    assert find(doc, "Ferreol may struggle").speaker == "Ondra Valsek"


def test_participle_after_a_dash_takes_the_sentences_subject() -> None:
    """Regression: "Tomas Ferreol flipped his choice on the spot – saying he was rooting for
    ..." gave no statement; after a comma the same participle did."""
    doc = analyzed(
        "Tomas Ferreol flipped his choice on the spot – saying he was rooting for the harbour team."
    )
    assert find(doc, "he was rooting for the harbour team").speaker == "Tomas Ferreol"


def test_pronoun_goes_to_the_namesake_of_its_gender() -> None:
    """Regression: after "Brandt defended her record" (the surname read as Mrs. Ilsa Brandt,
    named last), "he said" skipped her and went to the man named most recently, Valsek,
    not to Tomas Brandt, the namesake of that gender named just before."""
    doc = analyzed(
        "Tomas Brandt, a harbour pilot, stood beside his mother, Mrs. Ilsa Brandt, and her"
        " deputy, Mr. Ondra Valsek.\n\n"
        "Brandt defended her record on the harbour. “Family values people are not out to"
        " bash anyone,” he said."
    )
    st = find(doc, "Family values people are not out to bash anyone")
    assert st.speaker == "Tomas Brandt"


def test_subordinate_clause_subject_does_not_take_the_focus() -> None:
    """Regression: in "Ferreol took offense when Valsek confronted him ..." the subject of
    the when-clause took the focus from the sentence's own subject, so the next "He" went
    to Valsek; a clause after "but" or "while" still takes it."""
    doc = analyzed(
        "Tomas Ferreol and Ondra Valsek met. “It went well,” Valsek said.\n\n"
        "Ferreol took offense when Valsek confronted him about his remarks. He later said the"
        " debate had been unfair."
    )
    assert find(doc, "the debate had been unfair").speaker == "Tomas Ferreol"


def test_bare_surname_goes_to_the_namesake_named_most() -> None:
    """Regression: "Brandt said ..." after a passing mention of her brother Tomas Brandt went
    to him (the namesake named last), not to Mayor Ilsa Brandt, the article's subject, named
    three times before."""
    doc = analyzed(
        "Mayor Ilsa Brandt opened the harbour on Monday. Brandt said the ferries would run."
        " Brandt later toured the docks.\n\n"
        "Her brother, Tomas Brandt, a pilot, watched.\n\n"
        "Brandt said the council would meet again."
    )
    assert find(doc, "the council would meet again").speaker == "Ilsa Brandt"


def test_preposition_opening_a_capitalised_run_is_no_given_name() -> None:
    """Regression: "Without Brandt, ..." and "Like Brandt, ..." opening sentences made people
    named "Without Brandt" and "Like Brandt", who then took the surname and the pronouns."""
    from quotecheck.analysis.people import Registry

    text = (
        "Tomas Brandt, a harbour pilot, spoke first.\n\nWithout Brandt, the council would"
        " have failed, Valsek said. Like Brandt, Ondra Valsek wanted the harbour open."
    )
    reg = Registry()
    reg.scan(text)
    assert sorted(e.name for e in reg.entities) == ["Ondra Valsek", "Tomas Brandt"]


def test_spokesman_appositive_after_possessor() -> None:
    """Regression: "Brandt’s spokesman, Ondra Valsek, said ..." had the mention "Brandt’s
    spokesman" and no speaker."""
    doc = analyzed(
        "Ilsa Brandt leads the council.\n\n"
        "Brandt’s spokesman, Ondra Valsek, said the mayor would not resign.\n\n"
        "“The mayor will stay,” Brandt’s spokesman, Ondra Valsek, said."
    )
    assert find(doc, "the mayor would not resign").speaker == "Ondra Valsek"
    assert find(doc, "The mayor will stay").speaker == "Ondra Valsek"
