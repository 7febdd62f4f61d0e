"""Transcripts in the layouts of other sources: hearings and the congressional record,
press briefings, transcription services (Rev, Otter), captions. Every turn goes to its
speaker, labels and transcriber's notes are no one's words, and an article stays an
article. All people and places are fictional."""

from __future__ import annotations

from quotecheck.analysis.attribution import analyze
from quotecheck.errors import InputError
from quotecheck.labels import speaker_name
from quotecheck.model import Document
from quotecheck.readers import read_file
from quotecheck.readers.articles import detect_transcript


def doc(path: str, text: str) -> Document:
    (d,) = list(read_file(path, text.encode("utf-8"), None, {}))
    assert not isinstance(d, InputError)
    return d


def turns(d: Document) -> list[tuple[str | None, str | None, str]]:
    """(speaker, label, words) of each transcript line; the words are its spans joined."""
    return [
        (
            s.speaker,
            s.mention.text if s.mention else None,
            " | ".join(d.text[a:b] for a, b in s.spans),
        )
        for s in d.statements
        if s.kind == "transcript"
    ]


HEARING = """HEARING BEFORE THE COMMITTEE ON HARBOURS, CORVALE ASSEMBLY

The committee met, pursuant to notice, at 10:02 a.m., in Room 210.

The CHAIRMAN. The committee will come to order. Today we examine the Ostrava Bay contract.

I want to thank our witnesses for being here.

Mr. VALSEK. Thank you, Madam Chair.

The CHAIRMAN. Thank you. Senator Brandt.

Senator BRANDT. Mr. Valsek, how much has the contract cost so far?

Mr. VALSEK. About forty million. [Laughter.]

Ms. ORREL. If I may add, the estimate did not include the new channel.

Mr. McGOVERN of Velmark. And the channel?

The CHAIRMAN. The gentlelady is recognized.
"""


def test_congressional_record_labels_with_a_period_are_turns() -> None:
    """Regression: "The CHAIRMAN. ...", "Mr. VALSEK. ...", "Senator BRANDT. ..." (a hearing
    or the congressional record) read as an article with no turn at all."""
    assert detect_transcript(HEARING) == "record"
    d = doc("hearing.txt", HEARING)
    assert d.format == "transcript" and d.title.startswith("HEARING BEFORE")
    assert turns(d) == [
        (
            "The Chairman",
            "The CHAIRMAN",
            "The committee will come to order. Today we examine the Ostrava Bay contract.",
        ),
        ("The Chairman", "The CHAIRMAN", "I want to thank our witnesses for being here."),
        ("Valsek", "Mr. VALSEK", "Thank you, Madam Chair."),
        ("The Chairman", "The CHAIRMAN", "Thank you. Senator Brandt."),
        ("Brandt", "Senator BRANDT", "Mr. Valsek, how much has the contract cost so far?"),
        ("Valsek", "Mr. VALSEK", "About forty million."),
        ("Orrel", "Ms. ORREL", "If I may add, the estimate did not include the new channel."),
        ("McGovern", "Mr. McGOVERN of Velmark", "And the channel?"),
        ("The Chairman", "The CHAIRMAN", "The gentlelady is recognized."),
    ]


def test_record_label_surname_takes_the_full_name_the_hearing_gives() -> None:
    from quotecheck.analysis.attribution import analyze

    text = HEARING.replace(
        "I want to thank our witnesses", "Our witness is Ondra Valsek. I want to thank him"
    )
    d = doc("hearing.txt", text)
    analyze(d)
    assert {s.speaker for s in d.statements if s.mention and s.mention.text == "Mr. VALSEK"} == {
        "Ondra Valsek"
    }


BRIEFING = """Press Briefing by Press Secretary Tamsin Orrel

1:12 P.M. EDT

MS. ORREL: Good afternoon, everyone. I have two announcements.

First, the President will travel to Kessel on Thursday.

Q    Thank you, Tamsin. Will the President sign the harbour bill?

MS. ORREL: He will sign it on Friday.

Q    And the cost of the bridge?

MS. ORREL: The cost is in the budget.

END                1:35 P.M. EDT
"""


def test_press_briefing_q_without_a_colon_is_the_reporters_turn() -> None:
    """Regression: "Q    Thank you." (a White House briefing's question: Q, spaces, no
    colon) was read as part of the press secretary's turn before it."""
    assert detect_transcript(BRIEFING) == "label"
    d = doc("briefing.txt", BRIEFING)
    assert turns(d)[2:6] == [
        (None, "Q", "Thank you, Tamsin. Will the President sign the harbour bill?"),
        ("Orrel", "MS. ORREL", "He will sign it on Friday."),
        (None, "Q", "And the cost of the bridge?"),
        ("Orrel", "MS. ORREL", "The cost is in the budget."),
    ]


def test_end_time_line_of_a_briefing_is_no_label_and_no_statement() -> None:
    """Regression: "END   1:35 P.M. EDT" was a turn of a speaker "End 1" saying
    "35 P.M. EDT"; a line that only gives the time is no one's words either."""
    d = doc("briefing.txt", BRIEFING)
    assert {s.speaker for s in d.statements} == {"Orrel", None}
    assert not any("P.M." in d.text[s.start : s.end] for s in d.statements)
    remarks = (
        "THE PRESIDENT: Thank you. Please, have a seat.\n\n11:20 A.M.\n\n"
        "It is good to be back in Kessel.\n\nAUDIENCE MEMBER: We love you!\n\n"
        "THE PRESIDENT: I love you back.\n\n* * *\n"
    )
    d2 = doc("remarks.txt", remarks)
    assert [w for _, _, w in turns(d2)] == [
        "Thank you. Please, have a seat.",
        "It is good to be back in Kessel.",
        "We love you!",
        "I love you back.",
    ]


def test_numbered_speakers_with_time_stamps_make_a_transcript() -> None:
    """Regression: a transcription service's "Speaker 1 (00:04:10):" labels (no one named)
    were read as an article, the labels as part of the words."""
    text = (
        "Speaker 1 (00:04:10):\nCan you tell me about the Kessel ferry?\n\n"
        "Speaker 2 (00:04:18):\nThe ferry has run since 1998.\n\n"
        "Speaker 1 (00:04:40):\nAnd the new schedule?\n\n"
        "Speaker 2 (00:04:45):\nIt starts in March.\n"
    )
    assert detect_transcript(text) == "name"
    d = doc("interview.txt", text)
    assert turns(d) == [
        (None, "Speaker 1", "Can you tell me about the Kessel ferry?"),
        (None, "Speaker 2", "The ferry has run since 1998."),
        (None, "Speaker 1", "And the new schedule?"),
        (None, "Speaker 2", "It starts in March."),
    ]
    # one generic label alone still names no one: no transcript
    one = "Speaker 1: Hello.\nSpeaker 1: Hello again.\nSpeaker 1: Goodbye.\n"
    assert detect_transcript(one) is None


def test_otter_name_and_time_line_opens_a_turn() -> None:
    """Regression: Otter's "Ilsa Brandt  0:04" line, the words below it, was no label."""
    text = (
        "Ilsa Brandt  0:04\nWelcome to Corvale Radio.\n\n"
        "Tomas Ferreol  0:09\nThank you, Ilsa.\nThe harbour plan costs too much.\n\n"
        "Ilsa Brandt  1:02:15\nWe are out of time.\n"
    )
    assert detect_transcript(text) == "name"
    assert turns(doc("radio.txt", text)) == [
        ("Ilsa Brandt", "Ilsa Brandt", "Welcome to Corvale Radio."),
        ("Tomas Ferreol", "Tomas Ferreol", "Thank you, Ilsa."),
        ("Tomas Ferreol", "Tomas Ferreol", "The harbour plan costs too much."),
        ("Ilsa Brandt", "Ilsa Brandt", "We are out of time."),
    ]


def test_list_of_names_and_times_is_not_a_transcript() -> None:
    """Race results ("Ilsa Brandt  2:31:04") name each person once: an article."""
    text = (
        "Corvale marathon results\n\nIlsa Brandt  2:31:04\nTomas Ferreol  2:33:10\n"
        "Ondra Valsek  2:35:45\nPetra Dorn  2:40:02\n\nThe race started at the harbour.\n"
    )
    assert detect_transcript(text) is None


def test_stage_directions_inside_a_line_are_no_part_of_the_words() -> None:
    """Regression: "(LAUGHTER)", "(Applause.)" and "[inaudible 00:03:12]" inside a line
    were part of the speaker's statement."""
    text = (
        "PETRA DORN: Welcome to the Norvania debate.\n\n"
        "ONDRA VALSEK: (LAUGHTER) The rail line is a fantasy. [inaudible 00:03:12]\n\n"
        "TOMAS FERREOL: Thank you. (Applause.) The line opens in 2029 (in May).\n\n"
        "PETRA DORN: Thank you both.\n"
    )
    assert turns(doc("debate.txt", text))[1:3] == [
        ("Ondra Valsek", "ONDRA VALSEK", "The rail line is a fantasy."),
        ("Tomas Ferreol", "TOMAS FERREOL", "Thank you. | The line opens in 2029 (in May)."),
    ]


def test_interruption_dashes_are_no_part_of_the_words() -> None:
    text = (
        "TOMAS FERREOL: Norvania needs a new rail line --\n\nONDRA VALSEK: It doesn't.\n\n"
        "TOMAS FERREOL: -- to the coast.\n\n(CROSSTALK)\n\nONDRA VALSEK: No.\n"
    )
    assert [w for _, _, w in turns(doc("debate.txt", text))] == [
        "Norvania needs a new rail line",
        "It doesn't.",
        "to the coast.",
        "No.",
    ]


def test_unbracketed_time_stamp_before_a_label_is_still_a_transcript() -> None:
    """Regression: "00:01:23 Ilsa Brandt: ..." (a meeting tool's export) was an article."""
    text = (
        "00:01:23 Ilsa Brandt: The pier stays open.\n"
        "00:01:40 Tomas Ferreol: The pier loses money.\n"
        "00:02:05 Ilsa Brandt: It lost money once.\n"
        "00:02:11 Tomas Ferreol: Twice.\n"
    )
    assert detect_transcript(text) == "name"
    assert [(sp, w) for sp, _, w in turns(doc("meeting.txt", text))] == [
        ("Ilsa Brandt", "The pier stays open."),
        ("Tomas Ferreol", "The pier loses money."),
        ("Ilsa Brandt", "It lost money once."),
        ("Tomas Ferreol", "Twice."),
    ]


def test_mixed_case_and_upper_case_labels_of_one_person_are_one_speaker() -> None:
    text = (
        "Petra Dorn: Welcome to the Velmark debate.\nILSA BRANDT: Thank you, Petra.\n"
        "Tomas Ferreol: Thank you.\nPETRA DORN: Ms. Brandt, the first question.\n"
        "Ilsa Brandt: The school opens in September.\nTOMAS FERREOL: It opens in January.\n"
    )
    assert [sp for sp, _, _ in turns(doc("debate.txt", text))] == [
        "Petra Dorn",
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Petra Dorn",
        "Ilsa Brandt",
        "Tomas Ferreol",
    ]


def test_mixed_case_label_with_the_surname_in_capitals_is_recased() -> None:
    assert speaker_name("Mr. VALSEK") == "Mr. Valsek"
    assert speaker_name("Mr. McGOVERN") == "Mr. McGovern"
    assert speaker_name("Mr. VALŠEK") == "Mr. Valšek"
    assert speaker_name("Ms. O'ROURKE-DORN") == "Ms. O'Rourke-Dorn"
    assert speaker_name("Ilsa McBrandt") == "Ilsa McBrandt"
    assert speaker_name("JD Orrel") == "JD Orrel"


def test_article_with_title_and_time_lines_stays_an_article() -> None:
    text = (
        "Corvale council approves harbour budget\n\n"
        "The vote: 7 in favour, 2 against.\n\n"
        "Mr. Valsek. The clerk, said the Assembly would vote in April.\n\n"
        "Q  and A sessions follow at 6:30 pm.\n\n"
        "10:32 Brandt: the vote is tonight.\n\n"
        "Next steps: the budget goes to the Assembly in March.\n"
    )
    assert detect_transcript(text) is None


def test_mixed_case_label_with_a_role_after_a_comma_names_the_person() -> None:
    """Regression: "Ilsa Brandt, Mayor of Corvale: ..." was no label, so a transcript whose
    speakers are introduced that way had too few labels and was read as an article."""
    text = (
        "Ilsa Brandt, Mayor of Corvale: Good evening.\n\n"
        "Tomas Ferreol, harbour master: It is closed.\n\n"
        "Ilsa Brandt: It is open.\n\nTomas Ferreol: Closed.\n"
    )
    assert detect_transcript(text) == "name"
    assert [(sp, lab) for sp, lab, _ in turns(doc("debate.txt", text))] == [
        ("Ilsa Brandt", "Ilsa Brandt"),
        ("Tomas Ferreol", "Tomas Ferreol"),
        ("Ilsa Brandt", "Ilsa Brandt"),
        ("Tomas Ferreol", "Tomas Ferreol"),
    ]
    # after a one-word "name" a comma is a sentence's, not a label's
    article = (
        "Corvale news\n\nHowever, the report adds: the pier is safe.\n\n"
        "However, the council says: no.\n\nHowever, it was: fine.\n\nThe end.\n"
    )
    assert detect_transcript(article) is None


def test_part_label_takes_the_name_the_introduction_gives() -> None:
    """Regression: "MODERATOR:" turns were a speaker "Moderator" although the text before
    the first turn says who moderates ("moderated by Petra Dorn")."""
    text = (
        "Transcript of the Corvale mayoral debate, moderated by Petra Dorn of Corvale Radio.\n\n"
        "MODERATOR: Good evening. Our candidates are Ilsa Brandt and Tomas Ferreol.\n\n"
        "BRANDT: Thank you.\n\nFERREOL: Thank you for having us.\n\n"
        "MODERATOR: Ms. Brandt, the first question is yours.\n"
    )
    got = turns(doc("debate.txt", text))
    assert [sp for sp, lab, _ in got if lab == "MODERATOR"] == ["Petra Dorn", "Petra Dorn"]
    for intro in (
        "Corvale mayoral debate. Moderator: Petra Dorn, Corvale Radio.",
        "Petra Dorn, the moderator, opened the debate.",
        "Petra Dorn (moderator) and two candidates.",
    ):
        d = doc("debate.txt", text.replace(text.split("\n")[0], intro))
        assert {sp for sp, lab, _ in turns(d) if lab == "MODERATOR"} == {"Petra Dorn"}
    # two moderators named: whose turn each is is not said
    two = text.replace("by Petra Dorn of", "by Petra Dorn and Ilsa Kell of")
    assert {sp for sp, lab, _ in turns(doc("debate.txt", two)) if lab == "MODERATOR"} == {
        "Moderator"
    }
    # a name near the word in another sense is not the moderator
    for intro in ("Ilsa Brandt, who once fired a host, spoke.", "Kessel Arena, the host city."):
        other = text.replace(text.split("\n")[0], intro).replace("MODERATOR", "HOST")
        assert {sp for sp, lab, _ in turns(doc("debate.txt", other)) if lab == "HOST"} == {"Host"}
    host = text.replace(text.split("\n")[0], "Petra Dorn, the host of Kessel Today.")
    host = host.replace("MODERATOR", "HOST")
    assert {sp for sp, lab, _ in turns(doc("debate.txt", host)) if lab == "HOST"} == {"Petra Dorn"}


def test_part_label_named_once_is_that_person_in_every_turn() -> None:
    """Regression: after "MODERATOR (PETRA DORN):", later "MODERATOR:" turns were a
    speaker "Moderator"; so were the chair's turns of a hearing whose chair the
    introduction names ("Petra Dorn [chairwoman of the committee] presiding"), and "I'm
    Petra Dorn" in the host's first turn."""
    text = (
        "MODERATOR (PETRA DORN): Good evening.\n\nBRANDT: Thank you.\n\n"
        "MODERATOR: Mr. Ferreol?\n\nFERREOL: Thank you.\n\nMODERATOR: Time.\n"
    )
    assert [sp for sp, _, _ in turns(doc("debate.txt", text))] == [
        "Petra Dorn",
        "Brandt",
        "Petra Dorn",
        "Ferreol",
        "Petra Dorn",
    ]
    hearing = HEARING.replace(
        "in Room 210.", "in Room 210, Hon. Petra Dorn [chairwoman of the committee] presiding."
    )
    assert {sp for sp, lab, _ in turns(doc("hearing.txt", hearing)) if lab == "The CHAIRMAN"} == {
        "Petra Dorn"
    }
    radio = (
        "HOST: Good morning, I'm Tamsin Orrel and this is Kessel Today.\n\n"
        "VALSEK: Good morning.\n\nHOST: Will the bridge open?\n\nVALSEK: In May.\n"
    )
    assert [sp for sp, _, _ in turns(doc("radio.txt", radio))] == [
        "Tamsin Orrel",
        "Valsek",
        "Tamsin Orrel",
        "Valsek",
    ]


def test_markdown_bold_labels_are_labels() -> None:
    """Regression: "**Petra Dorn:** ..." and "**PETRA DORN**: ..." (a transcript in a .md
    file) were read as an article with no turn."""
    for label in ("**{}:**", "**{}**:", "__{}:__"):
        text = "# Corvale harbour debate\n\n" + "".join(
            label.format(name) + " " + words + "\n\n"
            for name, words in (
                ("Petra Dorn", "Good evening."),
                ("Ilsa Brandt", "The harbour stays public."),
                ("Tomas Ferreol", "It does not."),
                ("Petra Dorn", "Ms. Brandt?"),
                ("Ilsa Brandt", "He is wrong."),
            )
        )
        for upper in (False, True):
            t = text.upper().replace("# CORVALE", "# Corvale") if upper else text
            d = doc("debate.md", t)
            assert d.format == "transcript", t
            assert [(sp, lab) for sp, lab, _ in turns(d)][:2] == [
                ("Petra Dorn", "PETRA DORN" if upper else "Petra Dorn"),
                ("Ilsa Brandt", "ILSA BRANDT" if upper else "Ilsa Brandt"),
            ]


COURT = """SUPERIOR COURT OF CORVALE

THE COURT: Be seated. Mr. Valsek, call your first witness.

MR. VALSEK: The State calls Tamsin Orrel.

THE CLERK: Raise your right hand.

DIRECT EXAMINATION

BY MR. VALSEK:

Q. Ms. Orrel, where were you on the night of May 3rd?

A. At the harbour office.

Q. Who else was there?

A. Mr. Ferreol.

MS. DORN: Objection, Your Honor.

THE COURT: Overruled.
"""


def test_court_transcript_q_and_a_with_a_period_are_turns() -> None:
    """Regression: a court transcript's "Q. ..." / "A. ..." lines were the clerk's words,
    and so were the "DIRECT EXAMINATION" heading and the "BY MR. VALSEK:" line."""
    assert detect_transcript(COURT) == "label"
    assert turns(doc("court.txt", COURT)) == [
        ("The Court", "THE COURT", "Be seated. Mr. Valsek, call your first witness."),
        ("Valsek", "MR. VALSEK", "The State calls Tamsin Orrel."),
        ("The Clerk", "THE CLERK", "Raise your right hand."),
        ("Valsek", "Q", "Ms. Orrel, where were you on the night of May 3rd?"),  # BY MR. VALSEK
        ("Tamsin Orrel", "A", "At the harbour office."),  # "The State calls Tamsin Orrel."
        ("Valsek", "Q", "Who else was there?"),
        ("Tamsin Orrel", "A", "Mr. Ferreol."),
        ("Dorn", "MS. DORN", "Objection, Your Honor."),
        ("The Court", "THE COURT", "Overruled."),
    ]


def test_heading_in_capitals_ends_the_turn_before_it() -> None:
    """A written statement under its own heading is not the words of whoever spoke last;
    in a transcript all in capitals (captions) such a line is speech."""
    text = (
        "The CHAIRMAN. The committee will come to order.\n\n"
        "Mr. VALSEK. Thank you, Madam Chair.\n\n"
        "The CHAIRMAN. Your statement is in the record.\n\n"
        "PREPARED STATEMENT OF TAMSIN ORREL\n\nThe harbour fund was audited in 2025.\n\n"
        "Mr. VALSEK. I have read it.\n"
    )
    got = turns(doc("hearing.txt", text))
    assert got[2:] == [
        ("The Chairman", "The CHAIRMAN", "Your statement is in the record."),
        (None, None, "The harbour fund was audited in 2025."),
        ("Valsek", "Mr. VALSEK", "I have read it."),
    ]
    captions = (
        ">> PETRA DORN: GOOD EVENING\nAND WELCOME TO CORVALE\n"
        ">> ILSA BRANDT: THANK YOU\n>> PETRA DORN: FIRST QUESTION\n>> ILSA BRANDT: YES\n"
    )
    assert turns(doc("captions.txt", captions))[:2] == [
        ("Petra Dorn", "PETRA DORN", "GOOD EVENING"),
        ("Petra Dorn", "PETRA DORN", "AND WELCOME TO CORVALE"),
    ]


def test_upper_case_label_alone_on_its_line_opens_a_turn() -> None:
    """Regression: "ILSA BRANDT:" on a line of its own, the words below, was no label in a
    transcript whose other labels are followed by their words: "I was there." below it was
    the previous speaker's."""
    text = (
        "PETRA DORN: Good evening.\n\nILSA BRANDT:\nThank you.\n\nI was there.\n\n"
        "TOMAS FERREOL: So was I.\n\nPETRA DORN: Thank you both.\n\nILSA BRANDT: Goodbye.\n"
    )
    assert [(sp, w) for sp, _, w in turns(doc("debate.txt", text))][1:3] == [
        ("Ilsa Brandt", "Thank you."),
        ("Ilsa Brandt", "I was there."),
    ]


def test_header_naming_participants_and_moderator_is_no_ones_words() -> None:
    """Regression: a debate transcript's header ("PARTICIPANTS: ...", "MODERATOR: Petra
    Dorn, Corvale Radio") was read as turns of speakers "Participants" and "Moderator";
    the header says who the moderator is."""
    text = (
        "Corvale Mayoral Debate\n\n"
        "PARTICIPANTS: Mayor Ilsa Brandt and Tomas Ferreol\n\n"
        "MODERATOR: Petra Dorn, Corvale Radio\n\n"
        "MODERATOR: Good evening from Corvale.\n\n"
        "BRANDT: Thank you. The harbour stays public.\n\nFERREOL: It does not.\n\n"
        "MODERATOR: Mr. Ferreol, your time is up.\n"
    )
    d = doc("debate.txt", text)
    assert d.title == "Corvale Mayoral Debate"
    assert [(sp, w) for sp, _, w in turns(d)] == [
        ("Petra Dorn", "Good evening from Corvale."),
        ("Brandt", "Thank you. The harbour stays public."),
        ("Ferreol", "It does not."),
        ("Petra Dorn", "Mr. Ferreol, your time is up."),
    ]
    # a moderator's turn that only names someone, after the debate began, is a turn
    later = text + "\nMODERATOR: Ilsa Brandt.\n\nBRANDT: Thank you.\n"
    assert turns(doc("debate.txt", later))[-2] == ("Petra Dorn", "MODERATOR", "Ilsa Brandt.")


def test_editors_brackets_inside_a_turn_stay_part_of_the_words() -> None:
    """An editor's insertion ("[the]", "[financial reform]") is kept, unlike a
    transcriber's note ("[inaudible]", "[00:03:12]"); "(end of 2026)" is speech."""
    text = (
        "Q: Will you change the harbour law?\n\n"
        "A: I think [the] harbour law [of 2019] went a long way, by the (end of 2026) anyway.\n\n"
        "Q: And the pier?\n\nA: The pier [inaudible] stays. [00:03:12] Next.\n"
    )
    got = [w for _, lab, w in turns(doc("interview.txt", text)) if lab == "A"]
    assert got == [
        "I think [the] harbour law [of 2019] went a long way, by the (end of 2026) anyway.",
        "The pier | stays. | Next.",
    ]


def test_line_ends_and_odd_spaces_are_no_part_of_a_turns_words() -> None:
    """A turn's words hold no Windows line end ("\\r"), no-break space or interruption
    dashes (an intermediate version of the dash trimming kept the first two)."""
    from quotecheck.readers.articles import transcript_document

    text = "BRANDT: Hi there.\r\nFERREOL: Yes \u00a0\r\nBRANDT: -- and no\u2028 \r\n"
    d = transcript_document("debate.txt", text, None)
    assert [text[a:b] for s in d.statements for a, b in s.spans] == ["Hi there.", "Yes", "and no"]


def test_lead_in_with_a_colon_inside_a_turn_is_the_speakers_words() -> None:
    """Regression: "First: we rebuild the north pier." inside Brandt's turn was a turn of
    a speaker "First" (and the lines after it too)."""
    text = (
        "Petra Dorn: Good evening. Ms. Brandt, your plan?\n\n"
        "Ilsa Brandt: My plan has three parts.\n\nFirst: we rebuild the north pier.\n\n"
        "Second: We lower the ferry fares.\n\nHonestly: it is cheap.\n\n"
        "Tomas Ferreol: It costs too much.\n\nIlsa Brandt: It does not.\n\n"
        "Petra Dorn: Thank you.\n"
    )
    got = [(sp, w) for sp, _, w in turns(doc("debate.txt", text))]
    assert got[1:6] == [
        ("Ilsa Brandt", "My plan has three parts."),
        ("Ilsa Brandt", "First: we rebuild the north pier."),
        ("Ilsa Brandt", "Second: We lower the ferry fares."),
        ("Ilsa Brandt", "Honestly: it is cheap."),
        ("Tomas Ferreol", "It costs too much."),
    ]
    upper = "BRANDT: My plan.\nFIRST: WE REBUILD THE PIER.\nFERREOL: NO.\nBRANDT: YES.\n"
    assert [sp for sp, _, _ in turns(doc("debate.txt", upper))] == [
        "Brandt",
        "Brandt",
        "Ferreol",
        "Brandt",
    ]


def test_time_stamp_between_name_and_colon_is_a_label() -> None:
    """Regression: "Ilsa Brandt [00:01:23]:" (a podcast transcript) and "[Ilsa Brandt]
    10:01:23" (Zoom) label lines were no labels: the file was an article."""
    for form in ("{} [00:01:{}]:", "[{}] 10:01:{}", "{} [00:01:{}.250]:", "{} 00:01:{}"):
        text = "".join(
            form.format(name, 10 + i) + "\n" + words + "\n\n"
            for i, (name, words) in enumerate(
                (
                    ("Ilsa Brandt", "Good evening."),
                    ("Tomas Ferreol", "The pier is closed."),
                    ("Ilsa Brandt", "It is open."),
                    ("Tomas Ferreol", "Closed."),
                )
            )
        )
        assert [(sp, w) for sp, _, w in turns(doc("podcast.txt", text))] == [
            ("Ilsa Brandt", "Good evening."),
            ("Tomas Ferreol", "The pier is closed."),
            ("Ilsa Brandt", "It is open."),
            ("Tomas Ferreol", "Closed."),
        ], form


def test_webvtt_voices_and_cue_lines() -> None:
    """Regression: a .vtt file was not read at all; its "<v Ilsa Brandt>" voices are
    labels, its cue numbers and timings no one's words; "40" after a label is an answer."""
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Ilsa Brandt>Good evening.</v>\n\n"
        "2\n00:00:04.500 --> 00:00:06.000 align:start\n<v.loud Tomas Ferreol>The pier is "
        "<i>closed</i>.</v>\n\n3\n00:00:06.500 --> 00:00:08.000\n<v Ilsa Brandt>It is open."
        "\n\n4\n00:00:08.500 --> 00:00:09.000\nSince 2019.\n\n"
    )
    d = doc("hearing.vtt", vtt)
    assert d.format == "transcript" and d.title == "hearing"
    assert [(sp, w) for sp, _, w in turns(d)] == [
        ("Ilsa Brandt", "Good evening."),
        ("Tomas Ferreol", "The pier is | closed"),  # (a piece with no word is left out)
        ("Ilsa Brandt", "It is open."),
        ("Ilsa Brandt", "Since 2019."),
    ]
    zoom = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nIlsa Brandt: How many ferries?\n\n"
        "2\n00:00:04.500 --> 00:00:06.000\nTomas Ferreol: 40\n\n"
        "3\n00:00:06.500 --> 00:00:08.000\nIlsa Brandt: Thank you.\n\n"
        "4\n00:00:08.500 --> 00:00:09.000\nTomas Ferreol: And two more.\n"
    )
    assert [w for _, _, w in turns(doc("meeting.vtt", zoom))] == [
        "How many ferries?",
        "40",
        "Thank you.",
        "And two more.",
    ]


def test_accented_and_non_latin_capitals_in_labels() -> None:
    """Regression: "ÉLODIE BRANDT:", "Ömer Valšek:" (names with accented capitals) were no
    labels: such a transcript was an article."""
    for a, b in (
        ("ÉLODIE BRANDT", "JOSÉ FERREOL"),
        ("Élodie Brandt", "Ömer Valšek"),
        ("ИЛСА БРАНДТ", "ТОМАС ФЕРРЕОЛ"),
    ):
        text = f"{a}: Bonsoir.\n\n{b}: The pier is closed.\n\n{a}: It is open.\n\n{b}: No.\n"
        assert detect_transcript(text) is not None
        got = [sp for sp, _, _ in turns(doc("debate.txt", text))]
        assert got == [speaker_name(a), speaker_name(b)] * 2
    assert speaker_name("ÉLODIE BRANDT") == "Élodie Brandt"


def test_numbered_unidentified_speaker_is_a_generic_label() -> None:
    """Regression: "UNIDENTIFIED PERSON #1: Sell it!" was no label (its words were the
    host's), and "(Speaking Norvanian)" was part of the guest's words."""
    text = (
        "PETRA DORN, HOST:\nGood morning.\n\nUNIDENTIFIED PERSON #1: Sell it!\n\n"
        "DORN: That was the crowd.\n\nILSA BRANDT: (Speaking Norvanian) Thank you.\n\n"
        "DORN: Thanks.\n"
    )
    assert turns(doc("radio.txt", text))[1:4] == [
        (None, "UNIDENTIFIED PERSON #1", "Sell it!"),
        ("Dorn", "DORN", "That was the crowd."),  # (the engine gives it her full name)
        ("Ilsa Brandt", "ILSA BRANDT", "Thank you."),
    ]


GPO = """                         HEARING ON THE KESSEL BRIDGE

    The committee met, pursuant to notice, at 10:02 a.m., in room
SR-253, Hon. Petra Dorn, chairwoman of the committee, presiding.

         OPENING STATEMENT OF HON. PETRA DORN, U.S. SENATOR FROM CORVALE

    The Chairwoman. Good morning. The committee will come to order.
    Senator Brandt.
    Senator Brandt. Thank you, Madam Chair. Mr. Valsek, when will
the bridge open?
    Mr. Valsek. In May, Senator.
    Senator Brandt. And the cost?
    Mr. Valsek. Forty million. [Laughter.]
    The Chairwoman. Thank you. Senator Ferreol.
    Senator Ferreol. Mr. Valsek, you said in 2024, ``The bridge will cost
twenty million.'' What changed?
    Mr. Valsek. The steel.
    [Whereupon, at 11:42 a.m., the hearing was adjourned.]
"""


def test_printed_hearing_labels_in_upper_and_lower_case_are_turns() -> None:
    """Regression: a printed hearing's "The Chairwoman. ...", "Senator Brandt. ...",
    "Mr. Valsek. ..." (indented, upper and lower case) was read as an article; the chair is
    the person the opening names ("Hon. Petra Dorn, chairwoman of the committee,
    presiding")."""
    assert detect_transcript(GPO) == "record"
    got = [(sp, lab) for sp, lab, _ in turns(doc("hearing.txt", GPO))]
    assert got == [
        ("Petra Dorn", "The Chairwoman"),
        ("Petra Dorn", "The Chairwoman"),
        ("Brandt", "Senator Brandt"),
        ("Valsek", "Mr. Valsek"),
        ("Brandt", "Senator Brandt"),
        ("Valsek", "Mr. Valsek"),
        ("Petra Dorn", "The Chairwoman"),
        ("Ferreol", "Senator Ferreol"),
        ("Valsek", "Mr. Valsek"),
    ]


def test_line_wrapped_inside_a_sentence_is_one_statement() -> None:
    """Regression: in a text wrapped at a fixed width, "Mr. Valsek, when will" and "the
    bridge open?" were two statements, and a quote across the break was cut short."""
    from quotecheck.analysis.attribution import analyze

    d = doc("hearing.txt", GPO)
    assert [w for _, lab, w in turns(d) if lab in ("Senator Brandt", "Senator Ferreol")] == [
        "Thank you, Madam Chair. Mr. Valsek, when will\nthe bridge open?",
        "And the cost?",
        "Mr. Valsek, you said in 2024, ``The bridge will cost\ntwenty million.'' What changed?",
    ]
    analyze(d)
    (direct,) = [s for s in d.statements if s.kind == "direct"]
    assert d.text[direct.start : direct.end] == "The bridge will cost\ntwenty million."
    # a line opening in upper case is a sentence of its own
    text = "DORN: Good evening.\nWelcome to Corvale.\nBRANDT: Thank you.\nDORN: Well.\n"
    assert [w for _, _, w in turns(doc("debate.txt", text))][:2] == [
        "Good evening.",
        "Welcome to Corvale.",
    ]


def test_courtesy_title_label_takes_the_full_name_the_text_gives() -> None:
    """Regression: "MS. ORREL:" was a speaker "Ms. Orrel" (a label with a space is never
    given a full name), though the briefing's title names Tamsin Orrel."""
    from quotecheck.analysis.attribution import analyze

    d = doc("briefing.txt", BRIEFING)
    analyze(d)
    assert {s.speaker for s in d.statements if s.kind == "transcript"} == {"Tamsin Orrel", None}
    assert speaker_name("Mr. Valsek") == "Mr. Valsek"  # (the title goes in the reader only)


HANSARD = """Harbour Safety
Volume 712: debated on Tuesday 3 March 2026

Ilsa Brandt (Corvale North) (Lab)
What steps the Government are taking to make the Kessel harbour safe.

The Minister for Harbours (Tomas Ferreol)
The Government have put forty million into the harbour this year.

Ilsa Brandt
The harbour master says that is not enough.

Tomas Ferreol
It is more than the last Government spent.

North Pier

Ondra Valsek (Kessel East) (Con)
Will the Minister meet me to discuss the north pier?

Tomas Ferreol
I will.
"""


def test_hansard_labels_alone_on_their_line_without_a_colon() -> None:
    """Regression: a parliamentary record in Hansard's layout ("Ilsa Brandt (Corvale North)
    (Lab)", "The Minister for Harbours (Tomas Ferreol)", then "Tomas Ferreol" alone on
    its line) was read as an article; a heading ("North Pier") is no one's words."""
    assert detect_transcript(HANSARD) == "name"
    d = doc("debate.txt", HANSARD)
    assert d.title == "Harbour Safety"
    assert [(sp, w) for sp, _, w in turns(d)] == [
        ("Ilsa Brandt", "What steps the Government are taking to make the Kessel harbour safe."),
        ("Tomas Ferreol", "The Government have put forty million into the harbour this year."),
        ("Ilsa Brandt", "The harbour master says that is not enough."),
        ("Tomas Ferreol", "It is more than the last Government spent."),
        ("Ondra Valsek", "Will the Minister meet me to discuss the north pier?"),
        ("Tomas Ferreol", "I will."),
    ]


def test_names_alone_on_their_lines_once_each_are_no_transcript() -> None:
    """Subheadings naming each person once (a roundup) keep the text an article."""
    text = (
        "What the candidates said\n\nIlsa Brandt\nThe mayor said the harbour would reopen.\n\n"
        "Tomas Ferreol\nHe said the plan cost too much.\n\n"
        "Ondra Valsek\nHe did not answer.\n\nPetra Dorn\nShe was not asked.\n"
    )
    assert detect_transcript(text) is None


DEPOSITION = """                                                              14
 1                 THE COURT:  Be seated.  Mr. Valsek, call your
 2   first witness.
 3                 MR. VALSEK:  The State calls Tamsin Orrel.
 4                       DIRECT EXAMINATION
 5   BY MR. VALSEK:
 6         Q.   Ms. Orrel, where were you on the night of May
 7   third?
 8         A.   At the harbour office.
 9                 MS. DORN:  Objection, Your Honor.
10                 THE COURT:  Overruled.
11         Q.   Who else was there?
                                                              15
 1         A.   Mr. Ferreol.
"""


def test_court_reporters_numbered_lines_are_a_transcript() -> None:
    """Regression: a court reporter's transcript, every line numbered and pages numbered,
    was read as an article with no turn."""
    assert detect_transcript(DEPOSITION) == "label"
    assert doc("hearing.txt", DEPOSITION).title == "hearing"  # a page number is no title
    assert turns(doc("hearing.txt", DEPOSITION)) == [
        ("The Court", "THE COURT", "Be seated.  Mr. Valsek, call your | first witness."),
        ("Valsek", "MR. VALSEK", "The State calls Tamsin Orrel."),
        ("Valsek", "Q", "Ms. Orrel, where were you on the night of May | third?"),
        ("Tamsin Orrel", "A", "At the harbour office."),
        ("Dorn", "MS. DORN", "Objection, Your Honor."),
        ("The Court", "THE COURT", "Overruled."),
        ("Valsek", "Q", "Who else was there?"),
        ("Tamsin Orrel", "A", "Mr. Ferreol."),
    ]


def test_briefing_question_q_with_one_space_is_the_reporters_turn() -> None:
    """Regression: copies of briefings write "Q Thank you." with one space: the question
    was the press secretary's words. "A New Study" after a label stays words."""
    text = BRIEFING.replace("Q    ", "Q ")
    assert [(sp, lab) for sp, lab, _ in turns(doc("briefing.txt", text))][2:4] == [
        (None, "Q"),
        ("Orrel", "MS. ORREL"),
    ]
    text = "BRANDT: Hello.\nA New Study came out.\nFERREOL: Yes.\nBRANDT: No.\n"
    assert [sp for sp, _, _ in turns(doc("debate.txt", text))] == ["Brandt"] * 2 + [
        "Ferreol",
        "Brandt",
    ]


def test_moderator_named_once_with_the_part_in_parentheses() -> None:
    """Regression: after "Petra Dorn (Moderator):", later "Moderator:" turns were a
    speaker "Moderator"."""
    text = (
        "Petra Dorn (Moderator): (00:00:05)\nGood evening.\n\n"
        "Ilsa Brandt: (00:00:41)\nThank you.\n\n"
        "Moderator: (00:01:10)\nMs. Brandt, the first question.\n\n"
        "Ilsa Brandt: (00:01:20)\nThe pier stays open.\n\nModerator: (00:01:40)\nThank you.\n"
    )
    assert [sp for sp, _, _ in turns(doc("debate.txt", text))] == [
        "Petra Dorn",
        "Ilsa Brandt",
        "Petra Dorn",
        "Ilsa Brandt",
        "Petra Dorn",
    ]


def test_court_examination_questions_and_answers_are_the_examiners_and_the_witnesss() -> None:
    """Regression: the "Q." and "A." of a court examination were no one's although the
    transcript says who asks ("BY MR. VALSEK:") and who answers ("TAMSIN ORREL, called as a
    witness, having been duly sworn, ..."); that line was the prosecutor's words."""
    text = (
        COURT.replace(
            "THE CLERK: Raise your right hand.\n",
            "TAMSIN ORREL, called as a witness, having been duly sworn, testified as follows:\n",
        )
        + "\nCROSS-EXAMINATION\n\nBY MS. DORN:\n\nQ. You were not alone?\n\nA. No.\n"
    )
    got = [(sp, lab) for sp, lab, _ in turns(doc("court.txt", text))]
    assert got == [
        ("The Court", "THE COURT"),
        ("Valsek", "MR. VALSEK"),
        ("Valsek", "Q"),
        ("Tamsin Orrel", "A"),
        ("Valsek", "Q"),
        ("Tamsin Orrel", "A"),
        ("Dorn", "MS. DORN"),
        ("The Court", "THE COURT"),
        ("Dorn", "Q"),
        ("Tamsin Orrel", "A"),
    ]
    # "called" or "sworn" in a speaker's words is no court formula
    text2 = "DORN: Hello.\n\nBRANDT: Thank you.\nMy rival, sworn in last May, lied.\n\nDORN: Ok.\n"
    assert [sp for sp, _, _ in turns(doc("debate.txt", text2))] == [
        "Dorn",
        "Brandt",
        "Brandt",
        "Dorn",
    ]


def test_numbered_speaker_who_names_themself_in_their_first_turn() -> None:
    """Regression: "Speaker 1:" who opens with "I'm Petra Dorn" stayed no one; a name
    given only in a later turn is not taken (it may be someone quoted)."""
    text = (
        "Speaker 1 (00:00:02):\nGood morning, I'm Petra Dorn and this is Kessel Today.\n\n"
        "Speaker 2 (00:00:09):\nThank you for having me.\n\n"
        "Speaker 1 (00:00:12):\nYou are the harbour master?\n\n"
        "Speaker 2 (00:00:15):\nI am. My name is Ondra Valsek.\n"
    )
    assert [sp for sp, _, _ in turns(doc("radio.txt", text))] == [
        "Petra Dorn",
        None,
        "Petra Dorn",
        None,
    ]


TOWN_HALL_TSV = (
    "1\tQUELL\tGood evening from Corvale University.\t0\n"
    "2\tQUELL\tI am Marta Quell, and with me is Tobin Ash.\t0\n"
    "3\tQUELL\tTonight we welcome Governor Ilsa Brandt and Senator Ondra Valsek.\t0\n"
    "4\tSYSTEM\t(APPLAUSE)\t0\n"
    "5\tASH\tGovernor Brandt, the first question is yours.\t0\n"
    "6\tBRANDT\tWe cut harbour fees by twelve percent in my first year.\t1\n"
    "7\tVALSEK\tI voted for the bridge twice, and she knows it.\t1\n"
    "8\tVALSEK\tThe ferry will run every hour by next summer.\t1\n"
    "9\tQUESTION\tMy question is about the ferry service to Kessel.\t0\n"
    '10\tBRANDT\tHe said, back in 2019, "The ferry is a waste of money."\t1\n'
    "11\tQUELL\tSenator, your response?\t0\n"
)


def test_headerless_tab_separated_debate_rows_are_a_transcript_not_records() -> None:
    """A ``.tsv`` of ``line<TAB>SPEAKER<TAB>sentence`` rows (the CLEF debates' layout) was
    read as records: its first row was taken for a header and the file refused for having
    no text column, unless the user knew to add ``--format transcript``."""
    d = doc("town-hall.tsv", TOWN_HALL_TSV)
    assert d.format == "transcript"
    analyze(d)
    got = [(who, words) for who, _, words in turns(d)]
    assert got[0] == ("Marta Quell", "Good evening from Corvale University.")
    assert ("Ilsa Brandt", "We cut harbour fees by twelve percent in my first year.") in got
    assert ("Ondra Valsek", "I voted for the bridge twice, and she knows it.") in got
    assert (None, "My question is about the ferry service to Kessel.") in got
    assert all("APPLAUSE" not in words for _, words in got)


def test_tab_separated_records_with_a_header_stay_records() -> None:
    d = doc("claims.tsv", "id\ttext\tspeaker\n1\tThe pier reopens in May.\tIlsa Brandt\n")
    analyze(d)
    assert d.format == "record"
    assert [s.speaker for s in d.statements] == ["Ilsa Brandt"]


def test_town_hall_moderator_with_the_most_lines_is_not_the_debater_he_means() -> None:
    """In a short transcript the moderator (the first speaker, who asks) said more lines than
    either candidate and was taken for a debater: "He said, ... “...”" in Brandt's line went
    to the moderator, not to her opponent."""
    d = doc("town-hall.tsv", TOWN_HALL_TSV)
    analyze(d)
    (inner,) = [s for s in d.statements if s.kind == "direct"]
    assert d.text[inner.start : inner.end] == "The ferry is a waste of money."
    assert inner.speaker == "Ondra Valsek"


def test_excerpt_opening_with_a_debater_keeps_him_a_debater() -> None:
    """The first speaker is the chair only when they ask something: an excerpt that opens
    with a candidate keeps the two candidates as the debaters."""
    text = (
        "1\tVALSEK\tThe bridge is finished and paid for.\t1\n"
        "2\tVALSEK\tWe kept every promise to Corvale.\t1\n"
        "3\tVALSEK\tEvery single one.\t0\n"
        "4\tQUELL\tGovernor Brandt, your response?\t0\n"
        '5\tBRANDT\tHe said last spring, "The bridge will cost nothing."\t1\n'
        "6\tBRANDT\tIt cost forty million.\t1\n"
    )
    d = doc("excerpt.tsv", text)
    analyze(d)
    (inner,) = [s for s in d.statements if s.kind == "direct"]
    assert inner.speaker == "Valsek"


def test_tab_separated_debate_with_a_header_row_is_titled_by_its_file_not_its_columns() -> None:
    """The header row ``line_number<TAB>speaker<TAB>text<TAB>label`` became the transcript's
    title, shown as the source of every match."""
    d = doc("town-hall.tsv", "line_number\tspeaker\ttext\tlabel\n" + TOWN_HALL_TSV)
    assert d.format == "transcript"
    assert d.title == "town-hall"
    analyze(d)
    assert ("Ilsa Brandt", "We cut harbour fees by twelve percent in my first year.") in [
        (who, words) for who, _, words in turns(d)
    ]


def test_tab_separated_records_with_numeric_ids_and_short_texts_stay_records() -> None:
    """``id<TAB>text<TAB>speaker`` records with number ids and short texts look like debate
    rows, but their second column (the text) does not repeat as speakers do."""
    rows = "".join(f"{i}\tThe pier reopens in week {i}.\tIlsa Brandt\n" for i in range(1, 9))
    items = list(read_file("claims.tsv", ("id\ttext\tspeaker\n" + rows).encode(), None, {}))
    assert len(items) == 8
    assert all(isinstance(d, Document) and d.format == "record" for d in items)


def test_records_tsv_whose_second_column_repeats_stays_records() -> None:
    """Review: any records header whose second column repeated (a date, an outlet) made the
    file one transcript with the dates for speakers."""
    text = "id\tdate\ttext\tsource\n" + "".join(
        f"{i}\t2026-11-2{i % 2}\tThe pier reopens in week {i}.\tCorvale Herald\n"
        for i in range(1, 7)
    )
    items = list(read_file("news.tsv", text.encode(), None, {}))
    assert len(items) == 6
    assert all(isinstance(d, Document) and d.format == "record" for d in items)
    assert [d.date for d in items if isinstance(d, Document)][:2] == ["2026-11-21", "2026-11-20"]
