"""Attribution on news genres and house styles the PolNeAR dev data lacks (magazine
profiles, op-eds, business and markets copy, British press, wire copy), each case written
with invented people and places (Norvania, Corvale, Kessel, Ilsa Brandt, Petra Dorn, ...)."""

from __future__ import annotations

from tests.test_attribution import analyzed, find


def test_quote_after_an_action_beat_is_the_beat_subjects() -> None:
    """Regression: in a profile, "Dorn laughs. “Well. ...”" and "He shrugs. “...”" gave the
    quote no speaker: a quote opening its sentence right after a sentence about a person
    (no cue verb in it) is that person's."""
    doc = analyzed(
        "Petra Dorn runs the last ferry in Kessel.\n\n"
        "“I never meant to do this,” she says.\n\n"
        "Dorn laughs. “Well. We were young. We had reason to be.”\n\n"
        "Her son, Tomas Ferreol, runs the boat now. He shrugs. “Mum was always on the phone.”"
    )
    assert find(doc, "Well. We were young. We had reason to be.").speaker == "Petra Dorn"
    assert find(doc, "Mum was always on the phone.").speaker == "Tomas Ferreol"


def test_quote_opening_a_paragraph_before_a_short_beat_is_the_beat_subjects() -> None:
    """Regression: "“We were poor, but we never knew it.” She pauses. “The bay fed us.”" had
    no speaker: a quote opening its paragraph and followed by a short sentence about a person
    is that person's, and the quote after the beat goes on with it."""
    doc = analyzed(
        "Petra Dorn grew up in Kessel, the youngest of six.\n\n"
        "“We were poor, but we never knew it.” She pauses. “The bay fed us.”"
    )
    st = find(doc, "We were poor, but we never knew it.")
    assert st.speaker == "Petra Dorn"
    assert len(st.spans) == 2


def test_quote_after_a_sentence_about_a_place_stays_unattributed() -> None:
    """The beat must be about a person: "The bay was empty. “...”" names no one."""
    doc = analyzed(
        "Petra Dorn grew up in Kessel.\n\n"
        "The harbour at Corvale was empty. “Nobody fishes here any more, not one boat.”"
    )
    assert find(doc, "Nobody fishes here any more, not one boat.").speaker is None


def test_profit_forecast_after_a_possessive_is_a_noun() -> None:
    """Regression: "cut its profit forecast for the year, blaming weak demand" was a
    statement of "its profit" (content "for the year, blaming ..."): 'forecast' after a
    possessive and a word is a noun. "The company forecast a loss" stays a verb."""
    doc = analyzed(
        "Shares in Kessel Freight fell after the company cut its profit forecast for the"
        " year, blaming weak demand in Velmark.\n\n"
        "The Corvale bank's growth forecast was cut to 2 percent.\n\n"
        "The company forecast a loss of 40 million crowns for the year."
    )
    for st in doc.statements:
        assert st.mention is None or st.mention.text not in (
            "its profit",
            "The Corvale bank's growth",
        )
    assert find(doc, "a loss of 40 million crowns for the year").mention is not None


def test_campaign_vow_is_made_by_the_subject() -> None:
    """Regression: "Dorn made a campaign vow to cut taxes" had the mention "a campaign":
    'vow' after a determiner and a noun is a noun, and who made it speaks."""
    doc = analyzed(
        "Petra Dorn visited Kessel on Monday.\n\n"
        "Dorn made a campaign vow to cut harbour taxes in Corvale next year."
    )
    st = find(doc, "to cut harbour taxes in Corvale next year")
    assert st.speaker == "Petra Dorn"


def test_her_vow_to_is_her_statement() -> None:
    """Regression: "Did they talk about his constant vow to get Velmark to pay ...?" had the
    mention "talk about his constant": a possessive before 'vow to' speaks, as before
    'promise to' or 'pledge to'."""
    doc = analyzed(
        "Ondra Valsek met Ilsa Brandt in Corvale on Monday.\n\n"
        "A reporter asked: Did they talk about Valsek's constant vow to make Velmark pay"
        " for the new harbour wall?"
    )
    st = find(doc, "to make Velmark pay for the new harbour wall")
    assert st.speaker == "Ondra Valsek"


def test_rejected_the_offer_saying_gives_the_participle_its_own_statement() -> None:
    """Regression (wire copy): "Velmark's prime minister on Saturday rejected calls for a
    ceasefire, saying her government would not negotiate" was one statement whose content
    ran from the object over ", saying": after an object opening with a determiner, the
    participle is a statement of its own, as after a clause."""
    doc = analyzed(
        "Prime Minister Helga Morrow spoke in Kessel on Saturday.\n\n"
        "Morrow rejected the offer from Norvania, saying her government would not negotiate"
        " under threat."
    )
    st = find(doc, "her government would not negotiate under threat")
    assert st.speaker == "Helga Morrow"
    assert st.cue is not None and st.cue.text == "saying"
    for other in doc.statements:
        assert "saying" not in doc.text[other.start : other.end]


def test_name_with_postnominal_mp_is_the_person() -> None:
    """Regression (British press): "Tove Lind MP said ..." and "Labour’s transport
    spokesperson, Tove Lind MP, said: ‘...’" had no speaker (the run "Tove Lind MP" was
    taken for no name: 'MP' is an acronym), nor did "said Karel Hodan MSP" or "Agnes Wiik
    KC": postnominal letters are dropped from the name."""
    doc = analyzed(
        "Tove Lind MP said the ferries were a disgrace to the whole country.\n\n"
        "‘The minister has had five years to fix this,’ said Karel Hodan MSP.\n\n"
        "Labour’s transport spokesperson, Tove Lind MP, said: ‘The minister has had five"
        " years to fix this and has failed.’\n\n"
        "Agnes Wiik KC, for the defence, said her client had been misled by the bank."
    )
    assert find(doc, "the ferries were a disgrace to the whole country").speaker == "Tove Lind"
    assert find(doc, "The minister has had five years to fix this").speaker == "Karel Hodan"
    st = find(doc, "The minister has had five years to fix this and has failed.")
    assert st.speaker == "Tove Lind"
    assert find(doc, "her client had been misled by the bank").speaker == "Agnes Wiik"


def test_with_union_leaders_warning_is_a_statement_of_the_union_leaders() -> None:
    """Regression (British and wire copy): "Nurses have begun a strike, with union leaders
    warning the dispute could last for weeks." had no statement: a phrase after 'with' was
    no subject, unless a name. After ', with' and before a participle cue it is, when a
    clause follows; "with the economy adding 151,000 jobs" stays no statement."""
    doc = analyzed(
        "Nurses at Corvale General Hospital have begun a strike over pay, with union leaders"
        " warning the dispute could last for weeks.\n\n"
        "Unemployment in Norvania dipped in May, with the economy adding 151,000 jobs during"
        " the month."
    )
    st = find(doc, "the dispute could last for weeks")
    assert st.mention is not None and st.mention.text == "union leaders"
    assert not [s for s in doc.statements if "151,000" in doc.text[s.start : s.end]]


def test_councillor_accused_of_bribery_told_the_jury_is_the_councillors_statement() -> None:
    """Regression (court reporting): "A Corvale councillor accused of taking bribes from a
    property developer told a jury that the payments were loans." gave a statement with the
    cue 'accused' and the content "of taking bribes ... told a jury that the payments were
    loans": 'accused of' before a verb of saying is a passive clause on the subject, and the
    subject is the phrase before it (not "a property developer")."""
    doc = analyzed(
        "A Corvale councillor accused of taking bribes from a property developer told a jury"
        " on Tuesday that the payments were loans.\n\n"
        "The Kessel woman accused of driving onto a packed pavement along Harbour Row told"
        " police she had been chased by guards."
    )
    st = find(doc, "the payments were loans")
    assert st.mention is not None and st.mention.text == "A Corvale councillor"
    st = find(doc, "she had been chased by guards")
    assert st.mention is not None and st.mention.text == "The Kessel woman"
    assert not [s for s in doc.statements if s.cue is not None and s.cue.text == "accused"]


def test_name_age_who_denies_is_the_named_person() -> None:
    """Regression (court reporting): "the developer, Karel Hodan, 61, who denies that he
    offered bribes" had the mention 'who' and no speaker: the age between the name and
    'who' hid the name."""
    doc = analyzed(
        "Tomas Ferreol is on trial alongside the developer, Karel Hodan, 61, who denies that"
        " he offered bribes."
    )
    assert find(doc, "he offered bribes").speaker == "Karel Hodan"


def test_only_one_name_replied_then_he_is_that_person() -> None:
    """Regression (op-ed): "I wrote to every councillor. Only one, Tomas Ferreol, replied. He
    told me ..." gave 'He' to the mayor named before: a name set off after "One",
    "Only one" or "Another" opening a sentence is its subject."""
    doc = analyzed(
        "Mayor Karel Hodan says the city has no money for the bridge.\n\n"
        "I wrote to every councillor in September. Only one, Tomas Ferreol, replied. He told"
        " me the budget committee had never discussed the bridge.\n\n"
        "One local woman, Tove Lind, stopped the mayor after the meeting. “You forgot us,”"
        " she told him."
    )
    st = find(doc, "the budget committee had never discussed the bridge")
    assert st.speaker == "Tomas Ferreol"
    assert find(doc, "You forgot us").speaker == "Tove Lind"


def test_comma_inside_closing_quote_before_adding_splits_the_statement() -> None:
    """Regression (wire copy, American punctuation): 'Hodan said the report was “urgent,”
    adding: “Passengers deserve answers.”' was one statement running over ', adding': the
    comma inside the closing mark ends the first content as a bare comma does."""
    doc = analyzed(
        "Transport minister Karel Hodan said the report was “urgent,” adding: “Passengers"
        " deserve answers.”"
    )
    first = find(doc, "the report was “urgent,”")
    second = find(doc, "Passengers deserve answers.")
    assert first is not second
    assert first.speaker == second.speaker == "Karel Hodan"
    assert second.cue is not None and second.cue.text == "adding"


def test_title_case_headline_verb_is_no_part_of_a_role() -> None:
    """Regression (press release): under the headline "Corvale Harbour Trust Appoints Tove
    Lind as Chief Executive", 'The Corvale Harbour Trust today announced ...' was Tove
    Lind's statement: the run before her name, verb and all, was taken as her role."""
    doc = analyzed(
        "CORVALE, Norvania -- The Corvale Harbour Trust today announced the appointment of"
        " Tove Lind as chief executive, effective March 1.\n\n"
        "“I am honoured to be joining the Trust,” said Lind.",
        headline="Corvale Harbour Trust Appoints Tove Lind as Chief Executive",
    )
    st = find(doc, "the appointment of Tove Lind as chief executive, effective March 1")
    assert st.speaker is None
    assert find(doc, "I am honoured to be joining the Trust").speaker == "Tove Lind"


def test_clause_between_commas_is_no_appositive_before_said_one_of_the_people() -> None:
    """Regression (wire copy): "The plan, which has not been made public, will be presented
    to parliament in October, said one of the people" had the mention 'made public' and the
    content 'one of the people': ', will be presented to parliament in October,' was
    skipped as an appositive. A stretch with a finite auxiliary and no relative word is a
    clause of the sentence, not an aside."""
    doc = analyzed(
        "Velmark plans to cut fuel subsidies, three people familiar with the matter said.\n\n"
        "The plan, which has not been made public, will be presented to parliament in"
        " October, said one of the people."
    )
    st = find(
        doc,
        "The plan, which has not been made public, will be presented to parliament in October",
    )
    assert st.mention is not None and st.mention.text == "one of the people"


def test_according_to_a_draft_seen_by_the_agency_is_one_source() -> None:
    """Regression (wire copy): "According to a draft seen by Velmark Press, the cuts would
    save ..." had the mention 'a draft seen' and the content 'by Velmark Press, the cuts
    would save ...': a participle and 'by' after the document are part of its
    description."""
    doc = analyzed(
        "According to a draft seen by Velmark Press, the cuts would save about 2 billion"
        " crowns a year."
    )
    st = find(doc, "the cuts would save about 2 billion crowns a year")
    assert st.mention is not None and st.mention.text == "a draft seen by Velmark Press"


def test_according_to_two_complaints_filed_by_sources_keeps_the_statement() -> None:
    """Regression (found on dev after the fix above): "According to a 12-count civil
    complaint filed by the Harbour Commission and a 3-count complaint by Kessel, Valsek
    moved ..." lost its statement: the source stopped at 'Commission', before the comma
    that closes it."""
    doc = analyzed(
        "According to a 12-count civil complaint filed by the Harbour Commission and a 3-count"
        " complaint by Kessel, Valsek moved the funds through two shell companies in 2019."
    )
    st = find(doc, "Valsek moved the funds through two shell companies in 2019")
    assert st.mention is not None and st.mention.text == (
        "a 12-count civil complaint filed by the Harbour Commission and a 3-count complaint"
        " by Kessel"
    )


def test_said_in_a_statement_on_sunday_it_would_leaves_the_adjuncts_out() -> None:
    """Regression (wire copy): "The union said in a statement on Sunday it would fight the
    plan." had the content 'in a statement on Sunday it would fight the plan', and "Hodan
    told reporters on Monday the plan was dead." made no statement: a clause with no 'that'
    after adjuncts of time, place or medium starts at its subject. "spoke of the years his
    family had lived in Kessel" keeps its content whole."""
    doc = analyzed(
        "The truck drivers' union said in a statement on Sunday it would fight the plan.\n\n"
        "Karel Hodan told reporters on Monday the plan was dead.\n\n"
        "Hodan spoke of the years his family had lived in Kessel."
    )
    assert find(doc, "it would fight the plan").mention is not None
    assert find(doc, "the plan was dead").speaker == "Karel Hodan"
    assert not [
        s for s in doc.statements if doc.text[s.start : s.end] == "his family had lived in Kessel"
    ]


def test_quote_paragraph_after_narration_about_a_person_is_that_persons() -> None:
    """Regression (magazine profile): a quote alone in its paragraph, after a paragraph of
    narration ending on a sentence about a person ("Wiik, 52, opened the café in 2011 ...",
    "Asked whether she will ever retire, she laughs."), had no speaker. Also: "Wiik, 52,"
    is the sentence's subject past the age."""
    doc = analyzed(
        "At 2 a.m., when most of Kessel is asleep, Agnes Wiik is just getting started.\n\n"
        "Wiik, 52, opened the café in 2011 after losing her job at a hotel.\n\n"
        "“I had no plan. I had a pot and a lot of onions.”\n\n"
        "Asked whether she will ever retire, she laughs.\n\n"
        "“When the soup runs out, maybe.”"
    )
    assert find(doc, "I had no plan. I had a pot and a lot of onions.").speaker == "Agnes Wiik"
    assert find(doc, "When the soup runs out, maybe.").speaker == "Agnes Wiik"


def test_quote_paragraph_after_narration_about_a_place_stays_unattributed() -> None:
    """The paragraph before must end on a person: "The first winter was hard." names no
    one, so the quote after it keeps no speaker."""
    doc = analyzed(
        "Agnes Wiik opened a café by the docks in Kessel.\n\n"
        "The first winter in Kessel was hard.\n\n"
        "“I sat there with twenty litres of soup and thought, what have I done?”"
    )
    st = find(doc, "I sat there with twenty litres of soup and thought, what have I done?")
    assert st.speaker is None


def test_british_police_ranks_without_full_stops_are_titles() -> None:
    """Regression (British police reporting): "Det Insp Tomas Ferreol said", "DCI Agnes
    Wiik said", "PC Tove Lind, who was first at the scene, said" and "Supt Karel Hodan told"
    had no speaker or a speaker named 'Det Insp Tomas Ferreol': the ranks as British papers
    write them (no full stops, initials) are titles."""
    doc = analyzed(
        "Det Insp Tomas Ferreol, of Corvale Police, said: ‘This was a shocking attack in a"
        " busy area.’\n\n"
        "DCI Agnes Wiik said officers would remain in the area over the weekend.\n\n"
        "Supt Karel Hodan told the Corvale Herald: ‘There is no wider threat to the"
        " public.’\n\n"
        "PC Tove Lind, who was first at the scene, said the victim had been very brave."
    )
    assert find(doc, "This was a shocking attack in a busy area.").speaker == "Tomas Ferreol"
    st = find(doc, "officers would remain in the area over the weekend")
    assert st.speaker == "Agnes Wiik"
    assert find(doc, "There is no wider threat to the public.").speaker == "Karel Hodan"
    assert find(doc, "the victim had been very brave").speaker == "Tove Lind"


def test_cllr_and_baroness_are_titles_and_peers_are_addressed() -> None:
    """Regression (British press): "Cllr Tove Lind said ..." and "Baroness Agnes Wiik told
    peers the bill was flawed" had the speakers 'Cllr Tove Lind' and 'Baroness Agnes Wiik',
    and the content 'peers the bill was flawed'. "Rep. Earl Lund" keeps his given name."""
    doc = analyzed(
        "Cllr Tove Lind said the vote was a disgrace.\n\n"
        "Baroness Agnes Wiik told peers the bill was flawed.\n\n"
        "Rep. Earl Lund said the plan would fail."
    )
    assert find(doc, "the vote was a disgrace").speaker == "Tove Lind"
    assert find(doc, "the bill was flawed").speaker == "Agnes Wiik"
    assert find(doc, "the plan would fail").speaker == "Earl Lund"


def test_company_named_lines_or_freight_is_no_person() -> None:
    """Regression (business and wire copy): "The ferry's operator, Kessel Lines, said ..."
    and "Kessel Freight today announced ..." made the companies speakers, as people:
    'Lines', 'Freight' and 'Trust' end company names."""
    doc = analyzed(
        "The ferry's operator, Kessel Lines, said in a statement that the ship had passed an"
        " inspection in March.\n\n"
        "Kessel Freight today announced the opening of a terminal in Corvale.\n\n"
        "The Corvale Harbour Trust said the pier would reopen."
    )
    for content in (
        "the ship had passed an inspection in March",
        "the opening of a terminal in Corvale",
        "the pier would reopen",
    ):
        assert find(doc, content).speaker is None


def test_standfirst_role_is_the_holder_named_right_after() -> None:
    """Regression (British standfirst, wire lede): "Transport secretary says lessons will
    be learned" / "The transport secretary, Helga Morrow, has apologised ..." left the
    standfirst's statement with no speaker: a role no one named before holds is the one
    person named with it in the next few hundred characters. "The White House" or "the
    campaign" is no office to look ahead for."""
    doc = analyzed(
        "Transport secretary says lessons will be learned\n\n"
        "The transport secretary, Helga Morrow, has apologised to islanders left stranded"
        " by a month of ferry cancellations.\n\n"
        "The Corvale Harbour Trust said the pier would reopen. Trust spokesman Karel Hodan"
        " declined to comment."
    )
    assert find(doc, "lessons will be learned").speaker == "Helga Morrow"
    assert find(doc, "the pier would reopen").speaker is None


def test_told_the_papers_podcast_and_wrote_back() -> None:
    """Regression: "Tove Lind told the Corvale Herald's Inside Politics podcast she would
    stand again." had the programme in its content (the addressee was looked for over four
    words only); "Lars Okafor wrote back a month later." was a statement 'back a month
    later' (a reply whose words are not given)."""
    doc = analyzed(
        "Tove Lind told the Corvale Herald's Inside Politics podcast she would stand"
        " again.\n\n"
        "I wrote to every councillor. Another, Lars Okafor, wrote back a month later.\n\n"
        "Okafor wrote back that the matter was closed."
    )
    assert find(doc, "she would stand again").speaker == "Tove Lind"
    assert not [s for s in doc.statements if "a month later" in doc.text[s.start : s.end]]
    assert find(doc, "the matter was closed").speaker == "Lars Okafor"


def test_commented_before_the_speaker_in_a_press_release() -> None:
    """Regression (press release): "“This is a great day for Corvale,” commented Tomas
    Ferreol, Managing Director at Kessel Freight." had no speaker, nor did "..., predicted
    Karel Hodan, the former governor": the verb before its speaker may be any common verb
    of saying, not only 'said'/'added'/'remarked'..."""
    doc = analyzed(
        "“This is a great day for Corvale,” commented Tomas Ferreol, Managing Director at"
        " Kessel Freight.\n\n"
        "The harbour will reopen before the summer, predicted Karel Hodan, the former"
        " governor."
    )
    assert find(doc, "This is a great day for Corvale").speaker == "Tomas Ferreol"
    assert find(doc, "The harbour will reopen before the summer").speaker == "Karel Hodan"


def test_relatives_of_those_who_died_say_is_a_statement() -> None:
    """Regression (disaster copy, British standfirst): "Relatives of those who died say
    warnings were ignored for years" and "Families of those who were killed said ..." had no
    statement: a subject whose relative clause ends on a verb was no noun phrase. "a figure
    who can argue that ..." stays none (the relative clause's own verb)."""
    doc = analyzed(
        "Relatives of those who died say warnings were ignored for years.\n\n"
        "Families of those who were killed said the ferry company lied.\n\n"
        "He sees a niche for himself: a figure who can argue, plainly, that the port is"
        " failing."
    )
    st = find(doc, "warnings were ignored for years")
    assert st.mention is not None and st.mention.text == "Relatives of those who died"
    st = find(doc, "the ferry company lied")
    assert st.mention is not None and st.mention.text == "Families of those who were killed"
    assert not [s for s in doc.statements if s.mention and s.mention.text.endswith("can")]


def test_trade_or_party_word_before_a_name_is_no_part_of_it() -> None:
    """Regression: "Harbourmaster Ondra Valsek said ..." made the speaker "Harbourmaster
    Ondra Valsek" (and "Headteacher Tamsin Orrel", "Democrat Petra Dorn"): a compound trade
    noun before a name of two words, or a first word that is no given name right before
    one, is a description. (PolNeAR train: 16 statements change, all to the person's name:
    "Democrat Hillary Clinton", "Comedian Sarah Silverman", "Filmmaker Jack Marino".)"""
    doc = analyzed(
        "Harbourmaster Ondra Valsek said the first ferry would dock on Monday.\n\n"
        "Headteacher Tamsin Orrel said the school would open late.\n\n"
        "Democrat Petra Dorn said the council had failed the town.\n\n"
        "The harbourmaster added that the fares would not rise."
    )
    assert find(doc, "the first ferry would dock on Monday").speaker == "Ondra Valsek"
    assert find(doc, "the school would open late").speaker == "Tamsin Orrel"
    assert find(doc, "the council had failed the town").speaker == "Petra Dorn"
    assert find(doc, "the fares would not rise").speaker == "Ondra Valsek"


def test_outlet_or_place_before_a_name_is_not_cut_as_a_description() -> None:
    """Guard: only a run's first word is taken for a description before a given name; "Fox
    News Sean Hannity asked ..." and "the White House James S. Brady briefing room" are not
    people with a role, so "The candidate said" stays with the candidate in focus."""
    from quotecheck.analysis.people import split_role_name

    assert split_role_name("Velmark News Petra Dorn".split()) == (
        [],
        "Velmark News Petra Dorn".split(),
    )
    # "master" alone is no compound trade noun (the mention then resolved to no one)
    assert split_role_name("master of ceremonies Asab Lind".split())[0] == []


def test_surname_that_is_a_role_word_is_the_persons_name() -> None:
    """Regression: "Tomas King said ...", "Rep. Petra Judge said ..." made no person: a
    surname that is also a role word (King, Judge, Pope, Prince, Singer, Bishop) after a
    given name took the whole name for a role. (PolNeAR train: 8 statements gain their
    speaker: "Representative Peter T. King", "Amy Pope", "Matthew Prince", "Paul Singer".)
    "The King said" keeps the role."""
    doc = analyzed(
        "Tomas King said the ferry would run every hour.\n\n"
        "Rep. Petra Judge said the harbour budget was too small.\n\n"
        "King added that the fares would not rise."
    )
    assert find(doc, "the ferry would run every hour").speaker == "Tomas King"
    assert find(doc, "the harbour budget was too small").speaker == "Petra Judge"
    assert find(doc, "the fares would not rise").speaker == "Tomas King"
