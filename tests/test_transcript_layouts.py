"""Transcript and interview layouts the dev data lacks: court examinations, captions,
parliamentary records, podcasts, Markdown interviews. All people and places are
fictional."""

from __future__ import annotations

from quotecheck.analysis.attribution import analyze
from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers import read_file


def doc(path: str, text: str) -> Document:
    (d,) = list(read_file(path, text.encode("utf-8"), None, {}))
    assert not isinstance(d, InputError)
    analyze(d)
    return d


def lines(d: Document) -> list[tuple[str | None, str]]:
    """(speaker, words) of each statement, in order."""
    return [(s.speaker, " | ".join(d.text[a:b] for a, b in s.spans)) for s in d.statements]


COURT_CALLED = """STATE OF NORVANIA v. TOMAS FERREOL

THE COURT: Please be seated. Mr. Valsek, call your first witness.

MR. VALSEK: Thank you, Your Honor. The defence calls Petra Dorn.

THE CLERK: Please raise your right hand.

DIRECT EXAMINATION BY MR. VALSEK:

Q. Where were you on the night of March 3?

A. I was at the harbour office.

THE WITNESS: May I add something? I never saw him that night.

MR. VALSEK: Nothing further.

CROSS-EXAMINATION BY MS. BRANDT:

Q. You told the police you left at nine, correct?

A. I said around nine.
"""


def test_court_examination_by_heading_and_called_witness_give_q_and_a_their_speakers() -> None:
    """Regression: "DIRECT EXAMINATION BY MR. VALSEK:" on one line did not say who asks
    the "Q." lines, and a witness called ("The defence calls Petra Dorn.") rather than
    sworn in the transcript did not say who answers: both stayed no one's."""
    d = doc("court.txt", COURT_CALLED)
    assert lines(d) == [
        ("The Court", "Please be seated. Mr. Valsek, call your first witness."),
        ("Valsek", "Thank you, Your Honor. The defence calls Petra Dorn."),
        ("The Clerk", "Please raise your right hand."),
        ("Valsek", "Where were you on the night of March 3?"),
        ("Petra Dorn", "I was at the harbour office."),
        ("Petra Dorn", "May I add something? I never saw him that night."),
        ("Valsek", "Nothing further."),
        ("Brandt", "You told the police you left at nine, correct?"),
        ("Petra Dorn", "I said around nine."),
    ]
    # "Q" and "A" are no names of the examiner and the witness
    assert "A" not in d.people["Petra Dorn"].aliases
    assert "Q" not in d.people["Valsek"].aliases


MARKS = """Harbour vote splits Corvale council

CORVALE — The harbour plan passed on Tuesday after a long night.

‹We will not let the harbour close,› said Ilsa Brandt, the mayor of Corvale.

At a press conference in Kessel, Petra Dorn said: 「The port will stay open for all ships.」

『This is a good day for Velmark』, Ondra Valsek told reporters.
"""


def test_single_guillemets_and_corner_brackets_are_quote_marks() -> None:
    """Regression: ‹…› (French and Swiss copy) and 「…」, 『…』 (Chinese and Japanese) were
    no quote marks: the quotes were read as narration, indirect statements with the
    marks in them."""
    d = doc("marks.txt", MARKS)
    got = [(s.kind, s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got == [
        ("direct", "Ilsa Brandt", "We will not let the harbour close"),
        ("direct", "Petra Dorn", "The port will stay open for all ships."),
        ("direct", "Ondra Valsek", "This is a good day for Velmark"),
    ]


def test_quotes_inside_guillemets_and_corner_brackets_are_content() -> None:
    """A ‹…› inside «…», a 『…』 inside 「…」 is part of the outer quote; German ›…‹ opens
    with the mark pointing right."""
    from quotecheck.analysis.quotes import find_quotes

    for text, want in [
        ("«Il a dit ‹non›, puis il est parti», dit Brandt.", ["Il a dit ‹non›, puis il est parti"]),
        ("›Wir bleiben‹, sagte Brandt.", ["Wir bleiben"]),
        ("「港は『開いたまま』だ」と述べた。", ["港は『開いたまま』だ"]),
    ]:
        assert [text[a:b] for q in find_quotes(text, [(0, len(text))]) for a, b in q.spans] == want


def test_webvtt_with_two_cues_two_voices_is_a_transcript() -> None:
    """Regression: a WebVTT clip of two cues, two voices, gave no statement (a transcript
    needed three labelled lines); four cues did."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ilsa Brandt>We will keep the harbour"
        " open.</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Tomas Ferreol>The harbour is losing"
        " money every year.</v>\n"
    )
    assert lines(doc("clip.vtt", vtt)) == [
        ("Ilsa Brandt", "We will keep the harbour open."),
        ("Tomas Ferreol", "The harbour is losing money every year."),
    ]


def test_srt_subtitles_with_two_labelled_cues_are_a_transcript() -> None:
    """Regression: a .srt file was not read at all ("unknown file type"); two cues with
    speaker labels are two turns, the cue numbers and timings no one's words."""
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nILSA BRANDT: We will keep the harbour open.\n\n"
        "2\n00:00:05,000 --> 00:00:09,000\nTOMAS FERREOL: The harbour is losing money\n"
        "every single year.\n"
    )
    assert lines(doc("clip.srt", srt)) == [
        ("Ilsa Brandt", "We will keep the harbour open."),
        ("Tomas Ferreol", "The harbour is losing money\nevery single year."),
    ]


def test_captions_without_speakers_are_unknown_speakers_lines_split_at_dashes() -> None:
    """Regression: subtitles naming no speaker were read as an article: the cue numbers
    and timings were words of its paragraphs ("2 00:00:05,000 --> 00:00:09,000 “A bridge
    to nowhere” was an indirect statement). Each caption is now someone's words, a dash
    opens another speaker's, a sentence carried over two cues is one statement, and a
    quote inside a caption is still a quote."""
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\n- We will keep the harbour open.\n"
        "- The harbour is losing money.\n\n"
        "2\n00:00:05,000 --> 00:00:07,000\nWe will keep it\n\n"
        "3\n00:00:07,000 --> 00:00:09,000\nopen for all ships.\n\n"
        '4\n00:00:10,000 --> 00:00:12,000\n"A bridge to nowhere," she said.\n'
    )
    d = doc("clip.srt", srt)
    assert d.format == "transcript" and d.title == "clip"
    assert [(s.kind, s.speaker, w) for s, (_, w) in zip(d.statements, lines(d), strict=True)] == [
        ("transcript", None, "We will keep the harbour open."),
        ("transcript", None, "The harbour is losing money."),
        ("transcript", None, "We will keep it | open for all ships."),
        ("transcript", None, '"A bridge to nowhere," she said.'),
        ("direct", None, "A bridge to nowhere"),
    ]
    # a WebVTT header, note and cue identifier are no words
    vtt = (
        "WEBVTT - Corvale council\n\nNOTE recorded at the town hall\n\nintro\n"
        "00:00:01.000 --> 00:00:04.000 align:start\nWe will keep the harbour open.\n"
    )
    assert lines(doc("clip.vtt", vtt)) == [(None, "We will keep the harbour open.")]


def test_surname_label_takes_the_full_name_another_speaker_addresses_later() -> None:
    """Regression: "BRANDT:" and "Ilsa Brandt", named only after Brandt's first turn (the
    moderator's "Mayor Ilsa Brandt, your answer?"), stayed two names of one speaker; a
    namesake named in passing ("my cousin Anton Brandt built it") is still no one's label."""
    text = (
        "Harbour debate\n\n"
        "DORN: Good evening and welcome to the harbour debate.\n\n"
        "BRANDT: Thank you, Petra. We will keep the harbour open.\n\n"
        "FERREOL: The harbour loses money every year.\n\n"
        "DORN: Mayor Ilsa Brandt, your answer to him?\n\n"
        "BRANDT: He is wrong about the money.\n\n"
        "FERREOL: My cousin Anton Ferreol built the old pier.\n"
    )
    d = doc("debate.txt", text)
    assert [sp for sp, _ in lines(d)] == [
        "Dorn",
        "Ilsa Brandt",
        "Ferreol",
        "Dorn",
        "Ilsa Brandt",
        "Ferreol",
    ]


def test_label_with_an_office_before_the_surname_is_that_persons() -> None:
    """Regression: "MAYOR BRANDT:" and "COUNCILLOR FERREOL:" were speakers "Mayor Brandt"
    and "Councillor Ferreol", apart from the Ilsa Brandt and Tomas Ferreol the
    introduction names; an office is dropped as "MR." is."""
    text = (
        "Corvale mayoral debate\n\n"
        "The candidates are Mayor Ilsa Brandt and councillor Tomas Ferreol.\n\n"
        "MODERATOR: Good evening. Mayor, the harbour first.\n\n"
        "MAYOR BRANDT: We will keep the harbour open.\n\n"
        "COUNCILLOR FERREOL: The harbour loses money every year.\n\n"
        "SEN. DORN: A question from the gallery.\n\n"
        "MAYOR BRANDT: It does not.\n"
    )
    d = doc("debate.txt", text)
    assert [sp for sp, _ in lines(d) if sp != "Moderator"] == [
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Dorn",
        "Ilsa Brandt",
    ]
    assert "MAYOR BRANDT" in d.people["Ilsa Brandt"].aliases


def test_hansard_labels_with_constituency_and_party_and_a_minister_in_parentheses() -> None:
    """Regression: in a Hansard record written with colons, "Ilsa Brandt (Corvale North)
    (Lab):" opened no turn (two parentheses), and "The Minister for Harbours (Petra Dorn):"
    none either: her words were Tomas Ferreol's, whose turn ran on."""
    text = (
        "Harbour (Corvale) Bill\n\n"
        "Ilsa Brandt (Corvale North) (Lab): I beg to move that the Bill be now read a second"
        " time.\n\n"
        "Tomas Ferreol (Kessel West) (Con): Will the honourable Lady give way?\n\n"
        "Ilsa Brandt: I will give way once.\n\n"
        "Tomas Ferreol: The harbour lost four million last year.\n\n"
        "The Minister for Harbours (Petra Dorn): The Government supports the Bill.\n\n"
        "Ilsa Brandt: The harbour pays for itself.\n"
    )
    assert [sp for sp, _ in lines(doc("hansard.txt", text))] == [
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Petra Dorn",
        "Ilsa Brandt",
    ]


def test_hansard_mr_speaker_alone_on_a_line_is_a_label() -> None:
    """Regression: in Hansard's layout (the label alone on its line, the words below),
    "Mr Speaker", given once, was read as a heading: his "Order." was no one's words and
    left out; the chair of a parliament needs no second turn to be a label."""
    text = (
        "Harbour (Corvale) Bill\n\n"
        "Ilsa Brandt (Corvale North) (Lab)\nI beg to move that the Bill be now read.\n\n"
        "Tomas Ferreol (Kessel West) (Con)\nWill the honourable Lady give way?\n\n"
        "Ilsa Brandt\nI will give way once.\n\n"
        "Tomas Ferreol\nThe harbour lost four million last year.\n\n"
        "Mr Speaker\nOrder. The honourable Member will resume his seat.\n\n"
        "Ilsa Brandt\nThe harbour pays for itself.\n"
    )
    assert lines(doc("hansard.txt", text))[4:] == [
        ("Speaker", "Order. The honourable Member will resume his seat."),
        ("Ilsa Brandt", "The harbour pays for itself."),
    ]


PODCAST = """The Harbour Hour, episode 12: the north pier

[00:00:05] Petra Dorn: Welcome to The Harbour Hour. My guest today is Tomas Ferreol.
[00:00:12] Tomas Ferreol: Thanks for having me, Petra.
[00:00:15] Petra Dorn: Let's start with the pier. Is it safe?
[00:00:19] Tomas Ferreol: It is not safe. The engineers told us in January.
[00:01:02] Petra Dorn: The mayor, Ilsa Brandt, says it is.
[00:01:06] Tomas Ferreol: She said, "The pier will stand another fifty years." I doubt it.
"""


def test_podcast_headline_with_a_colon_is_the_title_not_a_turn() -> None:
    """Regression: a podcast's headline "The Harbour Hour, episode 12: the north pier"
    was a turn of a speaker "The Harbour Hour" whose words were "the north pier"."""
    d = doc("podcast.txt", PODCAST)
    assert d.title == "The Harbour Hour, episode 12: the north pier"
    assert "The Harbour Hour" not in d.people
    assert [sp for sp, _ in lines(d) if sp][:2] == ["Petra Dorn", "Tomas Ferreol"]


def test_she_after_the_hosts_line_is_the_person_the_host_named() -> None:
    """Regression: the guest's "She said, “The pier will stand ...”" right after the host's
    "The mayor, Ilsa Brandt, says it is." went to the host, as "she" in a debater's turn
    is the other debater; the person the host just brought up is meant."""
    d = doc("podcast.txt", PODCAST)
    (q,) = [s for s in d.statements if s.kind == "direct"]
    assert q.speaker == "Ilsa Brandt"


def test_podcast_time_then_name_alone_on_a_line_opens_a_turn() -> None:
    """Regression: "00:00:05 Petra Dorn" on its own line, the words below (the time before
    the name, as some podcast exports write it), gave no statement at all."""
    text = (
        "The Harbour Hour, episode 12\n\n"
        "00:00:05 Petra Dorn\nWelcome to The Harbour Hour.\n\n"
        "00:00:12 Tomas Ferreol\nThanks for having me, Petra.\n\n"
        "[00:00:15] Petra Dorn\nLet's start with the pier. Is it safe?\n\n"
        "00:00:19 Tomas Ferreol\nIt is not safe.\n"
    )
    assert lines(doc("podcast.txt", text)) == [
        ("Petra Dorn", "Welcome to The Harbour Hour."),
        ("Tomas Ferreol", "Thanks for having me, Petra."),
        ("Petra Dorn", "Let's start with the pier. Is it safe?"),
        ("Tomas Ferreol", "It is not safe."),
    ]


MD_INTERVIEW = """# Ilsa Brandt: "The harbour stays"

The mayor of Corvale, Ilsa Brandt, spoke about the harbour.

**The harbour lost money again this year. Why keep it?**

It did, and it will again next year. That is not the point. I will not sell it.

**Tomas Ferreol wants to sell it.**

Tomas Ferreol says we should "sell it to the highest bidder". I say no.

**When is the vote?**

On Monday. We will win it.
"""


def test_markdown_interview_bold_statement_is_the_interviewers_not_an_answer() -> None:
    """Regression: in a Markdown interview whose questions are set in bold, a bold line
    that asks nothing ("**Tomas Ferreol wants to sell it.**") was read as the mayor's
    answer; and "I say no." inside her answer had no speaker."""
    from quotecheck.indexing import prepare

    d = doc("interview.md", MD_INTERVIEW)
    d.statements, d.people = [], {}
    prepare(d, "x")  # (as the index reads a .md article: its markup blanked)
    got = [(s.kind, s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert ("transcript", "Ilsa Brandt", "Tomas Ferreol wants to sell it.") not in got
    assert [w for k, sp, w in got if k == "transcript"] == [
        "It did, and it will again next year. That is not the point. I will not sell it.",
        'Tomas Ferreol says we should "sell it to the highest bidder". I say no.',
        "On Monday. We will win it.",
    ]
    assert ("indirect", "Ilsa Brandt", "no") in got


def test_he_in_an_answer_is_the_person_the_question_named() -> None:
    """Regression: in a Q/A interview "A: He says we should “sell it ...”" right after
    "Q: Tomas Ferreol wants to sell it." had no speaker; and the bold around a whole
    question line ("**Q: ...**") left its closing "**" in the question's words."""
    text = (
        "# Interview with Ilsa Brandt\n\n"
        "**Q: The harbour lost money again this year. Why keep it?**\n\n"
        "A: It did, and it will again next year.\n\n"
        "**Q: Tomas Ferreol wants to sell it.**\n\n"
        'A: He says we should "sell it to the highest bidder". I say no.\n\n'
        "**Q: When is the vote?**\n\nA: On Monday.\n"
    )
    d = doc("interview.md", text)
    assert [(s.speaker, w) for s, (_, w) in zip(d.statements, lines(d), strict=True)][2:5] == [
        (None, "Tomas Ferreol wants to sell it."),
        ("Ilsa Brandt", 'He says we should "sell it to the highest bidder". I say no.'),
        ("Tomas Ferreol", "sell it to the highest bidder"),
    ]


def test_live_blog_entry_time_is_no_part_of_the_entrys_first_sentence() -> None:
    """Regression: in a live blog the entry's time ("10:47 Brandt: “...”", "10:47 a.m." on
    its own line) was read as the start of its first sentence: "Brandt:" was no name
    lead, the quote after a time line was an indirect statement whose words began
    "10:47 a.m.", and the speaker's mention was "05 Harbour master Ondra Valsek"."""
    text = (
        "Corvale harbour vote: live updates\n\n"
        "10:02 Council session opens. Mayor Ilsa Brandt is in the chair.\n\n"
        '10:47 Brandt: "Nobody is selling anything today."\n\n'
        "11:05 Harbour master Ondra Valsek tells reporters that the pier is safe.\n\n"
        "11:20 a.m.\n"
        '"The vote is a disgrace," Tomas Ferreol said.\n'
    )
    d = doc("live.txt", text)
    got = [
        (s.kind, s.speaker, s.mention.text if s.mention else None, d.text[s.start : s.end])
        for s in d.statements
    ]
    assert got == [
        ("direct", "Ilsa Brandt", "Brandt", "Nobody is selling anything today."),
        ("indirect", "Ondra Valsek", "Harbour master Ondra Valsek", "the pier is safe"),
        ("direct", "Tomas Ferreol", "Tomas Ferreol", "The vote is a disgrace"),
    ]


def test_court_witness_sworn_in_other_words_answers_the_questions() -> None:
    """Regression: "PETRA DORN, a witness called on behalf of the defence, being first
    duly sworn, testified as follows:", "PETRA DORN, sworn." and "PETRA DORN (sworn)" were
    the clerk's words, and the answers no one's; "sworn in" in a speaker's words is
    still no court formula."""
    for formula in (
        "PETRA DORN, a witness called on behalf of the defence, being first duly sworn,"
        " testified as follows:",
        "PETRA DORN, sworn.",
        "Petra Dorn, affirmed, testified:",
        "PETRA DORN (sworn)",
    ):
        text = (
            "THE COURT: Call your witness.\n\nTHE CLERK: Please raise your right hand.\n\n"
            + formula
            + "\n\nBY MR. VALSEK:\n\nQ. Where were you?\n\nA. At the harbour office.\n"
        )
        assert lines(doc("court.txt", text)) == [
            ("The Court", "Call your witness."),
            ("The Clerk", "Please raise your right hand."),
            ("Valsek", "Where were you?"),
            ("Petra Dorn", "At the harbour office."),
        ], formula
    text = (
        "DORN: Hello.\n\nBRANDT: Thank you.\nFerreol, having been sworn in last May, lied.\n\n"
        "DORN: Ok.\n"
    )
    assert [sp for sp, _ in lines(doc("debate.txt", text))] == ["Dorn", "Brandt", "Brandt", "Dorn"]


def test_broadcast_label_with_role_and_voice_over_note_opens_a_turn() -> None:
    """Regression: "ONDRA VALSEK, CORVALE TONIGHT CORRESPONDENT (voice-over):" opened no
    turn: the correspondent's words were the anchor's, whose turn ran on."""
    text = (
        "CORVALE TONIGHT\n\n"
        "PETRA DORN, CORVALE TONIGHT HOST: Good evening. Ondra Valsek was there.\n\n"
        "(BEGIN VIDEOTAPE)\n\n"
        "ONDRA VALSEK, CORVALE TONIGHT CORRESPONDENT (voice-over): It was a long night.\n\n"
        "TOMAS FERREOL, OPPOSITION LEADER: The harbour has lost money for six years.\n\n"
        "VALSEK: The mayor did not agree.\n\n"
        "(END VIDEOTAPE)\n\n"
        "DORN: Ondra, thank you.\n\nVALSEK: Thank you, Petra.\n\n"
        "DORN: We'll leave it there.\n"
    )
    assert lines(doc("cnn.txt", text)) == [
        ("Petra Dorn", "Good evening. Ondra Valsek was there."),
        ("Ondra Valsek", "It was a long night."),
        ("Tomas Ferreol", "The harbour has lost money for six years."),
        ("Ondra Valsek", "The mayor did not agree."),
        ("Petra Dorn", "Ondra, thank you."),
        ("Ondra Valsek", "Thank you, Petra."),
        ("Petra Dorn", "We'll leave it there."),
    ]


def test_your_opponent_in_the_hosts_line_is_the_addressees_opponent() -> None:
    """Regression: the host's "Mayor Brandt, your opponent says “...”" went to Brandt
    herself (the other party of the host's line). In a debate it is the other debater;
    when the transcript has no two debaters to choose from, no one."""
    debate = (
        "DORN: Good evening. Our candidates are Ilsa Brandt and Tomas Ferreol.\n\n"
        "BRANDT: Thank you.\n\nFERREOL: Thank you.\n\n"
        'DORN: Mayor Brandt, your opponent says "the harbour is a money pit". Is he right?\n\n'
        "BRANDT: He is wrong.\n\nFERREOL: I am right.\n"
    )
    d = doc("debate.txt", debate)
    (q,) = [s for s in d.statements if s.kind == "direct"]
    assert q.speaker == "Tomas Ferreol"
    interview = (
        "DORN: Good evening, Mayor Ilsa Brandt.\n\nBRANDT: Thank you, Petra.\n\n"
        'DORN: Your opponent says "the harbour is a money pit". Is he right?\n\n'
        "BRANDT: He is wrong.\n"
    )
    d = doc("interview.txt", interview)
    (q,) = [s for s in d.statements if s.kind == "direct"]
    assert q.speaker is None


def test_initials_labels_take_the_full_names_the_introduction_gives() -> None:
    """Regression: an interview printed with initials ("PD:", "IB:") had speakers "Pd"
    and "Ib" beside the Petra Dorn and Ilsa Brandt its introduction names; a three-letter
    surname label ("LEE:") is still a surname."""
    text = (
        "Ilsa Brandt on fifty years of the harbour\n\n"
        "Petra Dorn met Ilsa Brandt, mayor of Corvale, in her office.\n\n"
        "PD: When did you first come to the harbour?\n\n"
        "IB: In 1976. My father was a crane driver.\n\n"
        "PD: And now you run the city.\n\n"
        "IB: I run the council.\n"
    )
    assert [sp for sp, _ in lines(doc("interview.txt", text))] == [
        "Petra Dorn",
        "Ilsa Brandt",
        "Petra Dorn",
        "Ilsa Brandt",
    ]
    text2 = (
        "Our guests are Anja Lee and Tomas Ferreol.\n\n"
        "LEE: Thank you.\n\nFERREOL: Thank you.\n\nLEE: The pier is safe.\n"
    )
    assert [sp for sp, _ in lines(doc("debate.txt", text2))] == [
        "Anja Lee",
        "Tomas Ferreol",
        "Anja Lee",
    ]


SPEECH = """Remarks by Mayor Ilsa Brandt at the Reopening of the North Pier

Corvale, March 3, 2026

As prepared for delivery.

Thank you all for coming. It is a cold morning, and I am
grateful you are here.

Two years ago this pier was closed. Tomas Ferreol called it "a monument to waste".

Today we prove them wrong.

###
"""


def test_speech_under_a_remarks_by_headline_is_the_speakers() -> None:
    """Regression: a speech printed whole under "Remarks by Mayor Ilsa Brandt at ..." was
    an article with no statement of hers (only the quote of Tomas Ferreol she cites);
    each paragraph is now hers, the date line, "As prepared for delivery." and "###" no
    one's."""
    d = doc("speech.txt", SPEECH)
    assert d.format == "transcript"
    assert d.title == "Remarks by Mayor Ilsa Brandt at the Reopening of the North Pier"
    assert lines(d) == [
        ("Ilsa Brandt", "Thank you all for coming. It is a cold morning, and I am | grateful you are here."),
        ("Ilsa Brandt", 'Two years ago this pier was closed. Tomas Ferreol called it "a monument to waste".'),
        ("Tomas Ferreol", "a monument to waste"),
        ("Ilsa Brandt", "Today we prove them wrong."),
    ]  # fmt: skip


def test_story_about_remarks_is_no_speech() -> None:
    """A headline that only mentions someone's remarks ("Remarks by Ilsa Brandt spark
    outrage"), or a story about a speech told in the third person, stays an article."""
    from quotecheck.readers.articles import detect_transcript

    story = (
        "\n\nThe mayor spoke for an hour. She said the pier would open.\n\n"
        "Critics were not convinced. Tomas Ferreol said the plan was rushed.\n\n"
        "The vote is on Monday.\n"
    )
    assert detect_transcript("Remarks by Ilsa Brandt spark outrage in Corvale" + story) is None
    assert detect_transcript("Remarks by Mayor Ilsa Brandt at the harbour" + story) is None


def test_html_interview_is_read_as_a_transcript(monkeypatch: object) -> None:
    """Regression: a web page printing an interview ("Dorn: ...", "Brandt: ...") was always
    read as an article, whose engine gave its turns to no one: not one statement."""
    import sys
    import types

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    body = (
        "The mayor of Corvale, Ilsa Brandt, spoke to Petra Dorn.\n"
        "Dorn: Mayor, will the harbour stay open?\n"
        "Brandt: It will. We have the money.\n"
        "Dorn: And the north pier?\n"
        'Brandt: It stays with the city. Tomas Ferreol wants to "sell it off".\n'
    )
    fake = types.SimpleNamespace(
        bare_extraction=lambda html, **kw: {
            "text": body,
            "title": "Interview: Ilsa Brandt on the harbour",
            "date": "2026-03-03",
        }
    )
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    d = doc("interview.html", "<html><body><p>(the page)</p></body></html>")
    assert d.format == "transcript" and d.title == "Interview: Ilsa Brandt on the harbour"
    assert d.date == "2026-03-03"
    # (Petra Dorn, named after "spoke to", is registered since a name after "to" that
    # starts with a given name is a person's: before, the label stayed "Dorn")
    assert [sp for sp, _ in lines(d)] == [
        "Petra Dorn",
        "Ilsa Brandt",
        "Petra Dorn",
        "Ilsa Brandt",
    ]


def test_jsonl_record_whose_text_is_a_transcript_has_its_turns() -> None:
    """Regression: a JSON lines record whose text is a transcript ("DORN: ...", "BRANDT:
    ...") and that names no speaker was read as an article: its turns were no one's, not
    one statement. It stays a record (its id and title kept)."""
    import json

    text = (
        "Harbour debate\n\nDORN: Good evening.\n\nBRANDT: We will keep the harbour open.\n\n"
        "FERREOL: The harbour loses money.\n\nDORN: Thank you both.\n\nBRANDT: Thank you.\n"
    )
    data = json.dumps({"id": "d1", "title": "Harbour debate", "text": text}).encode()
    (d,) = list(read_file("debates.jsonl", data, None, {}))
    assert isinstance(d, Document)
    analyze(d)
    assert (d.format, d.key, d.title) == ("record", "d1", "Harbour debate")
    assert [sp for sp, _ in lines(d)] == ["Dorn", "Brandt", "Ferreol", "Dorn", "Brandt"]


def test_qa_answers_are_the_person_the_introduction_says_was_interviewed() -> None:
    """Regression: "Petra Dorn interviewed Ilsa Brandt, the mayor of Corvale" names two
    people, and the "A:" answers went to no one; the one interviewed answers."""
    text = (
        "The harbour question\n\n"
        "Petra Dorn interviewed Ilsa Brandt, the mayor of Corvale, on Tuesday.\n\n"
        "Q: Will the harbour stay open?\n\nA: Yes. I promised it.\n\n"
        "Q: When is the vote?\n\nA: On Monday.\n"
    )
    assert [sp for sp, _ in lines(doc("interview.txt", text))] == [
        None,
        "Ilsa Brandt",
        None,
        "Ilsa Brandt",
    ]


def test_office_label_is_the_holder_the_remarks_headline_names() -> None:
    """Regression: under "Remarks by President Ondra Valsek on ...", the "THE PRESIDENT:"
    turns were a speaker "The President", not Ondra Valsek."""
    text = (
        "Remarks by President Ondra Valsek on the Harbour Agreement\n\n"
        "East Room\n\n"
        "THE PRESIDENT: Good morning, everybody. Please be seated.\n\n"
        "Today we sign the harbour agreement with Velmark.\n\n"
        "Q: Mr. President, will the pier reopen?\n\n"
        "THE PRESIDENT: It will. Next spring.\n\n"
        "Q: And the south pier?\n\n"
        "THE PRESIDENT: Later.\n"
    )
    d = doc("remarks.txt", text)
    assert [sp for sp, _ in lines(d)] == [
        "Ondra Valsek",
        "Ondra Valsek",
        None,
        "Ondra Valsek",
        None,
        "Ondra Valsek",
    ]
    assert "THE PRESIDENT" in d.people["Ondra Valsek"].aliases


def test_guest_label_is_the_guest_the_host_introduces() -> None:
    """Regression: a podcast labelled "Host:" / "Guest:" gave the guest's words to a
    speaker "Guest", though the host's first turn says "my guest today is Tomas Ferreol"."""
    text = (
        "The Harbour Hour, episode 13\n\n"
        "Host: Welcome back. I'm Petra Dorn, and my guest today is Tomas Ferreol.\n\n"
        "Guest: Thanks for having me.\n\nHost: Is the pier safe?\n\n"
        "Guest: No. The engineers told us in January.\n\nHost: Thank you.\n"
    )
    assert [sp for sp, _ in lines(doc("podcast.txt", text))] == [
        "Petra Dorn",
        "Tomas Ferreol",
        "Petra Dorn",
        "Tomas Ferreol",
        "Petra Dorn",
    ]


def test_markdown_bold_name_alone_on_its_line_opens_a_turn() -> None:
    """Regression: a Markdown interview that sets each speaker's name in bold on a line of
    its own ("**Petra Dorn**", the words below) gave no statement at all."""
    text = (
        "# Interview: Ilsa Brandt\n\n"
        "Petra Dorn interviewed Ilsa Brandt, the mayor of Corvale.\n\n"
        "**Petra Dorn**\nWill the harbour stay open?\n\n"
        "**Ilsa Brandt**\nYes. I promised it.\n\n"
        "**Petra Dorn**\nWhen is the vote?\n\n"
        "**Ilsa Brandt**\nOn Monday.\n"
    )
    assert lines(doc("interview.md", text)) == [
        ("Petra Dorn", "Will the harbour stay open?"),
        ("Ilsa Brandt", "Yes. I promised it."),
        ("Petra Dorn", "When is the vote?"),
        ("Ilsa Brandt", "On Monday."),
    ]


def test_subrip_cues_with_no_blank_lines_between_them_do_not_crash() -> None:
    """Regression (review): a SubRip file with no blank line between cues raised
    ValueError (a caption line taken for a cue identifier was removed twice), and without
    the dash its first caption was dropped as if it were one."""
    from quotecheck.readers import read_file

    for text, want in (
        (
            "1\n00:00:01,000 --> 00:00:02,000\nThe pier is open.\n- It loses money.\n2\n"
            "00:00:03,000 --> 00:00:04,000\nWe will keep it open.\n",
            ["The pier is open.", "It loses money.", "We will keep it open."],
        ),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nThe pier is open.\n2\n"
            "00:00:03,000 --> 00:00:04,000\nWe will keep it open.\n",
            ["The pier is open.", "We will keep it open."],
        ),
    ):
        docs = list(read_file("pier.srt", text.encode(), None, {}))
        assert [d.text[a:b] for d in docs for s in d.statements for a, b in s.spans] == want


def test_news_story_under_a_remarks_by_headline_stays_an_article() -> None:
    """Regression (review): "Remarks by Mayor Ilsa Brandt on the pier draw criticism" over a
    news story with first-person quotes was read as her speech: every paragraph, a
    fisherman's words too, became hers."""
    from quotecheck.readers import read_file

    text = (
        "Remarks by Mayor Ilsa Brandt on the pier draw criticism\n\n"
        "Mayor Ilsa Brandt said on Monday that we must keep the pier open.\n\n"
        "“We cannot afford it,” said Tomas Ferreol, a fisherman. “Our boats need the money.”\n\n"
        "Tomas Ferreol said: “I have never seen the town so divided.”\n\n"
        "Brandt told reporters that our town deserves better.\n"
    )
    doc = next(iter(read_file("pier.txt", text.encode(), None, {})))
    assert doc.format == "article"


def test_two_letter_label_is_a_surname_before_it_is_initials() -> None:
    """Regression (review): "LI:" took Lars Ingram by his initials, though "INGRAM:" is
    him; initials never take a name a surname label has."""
    from quotecheck.analysis.attribution import analyze
    from quotecheck.readers import read_file

    text = (
        "Harbour talk\n\nLars Ingram talked to Mei Li about the pier.\n\n"
        "INGRAM: Is the pier safe?\n\nLI: It is safe, we checked it.\n\n"
        "INGRAM: Thank you.\n\nLI: You are welcome.\n"
    )
    doc = next(iter(read_file("talk.txt", text.encode(), None, {})))
    analyze(doc)
    assert [s.speaker for s in doc.statements] == ["Lars Ingram", "Li", "Lars Ingram", "Li"]


def test_namesake_set_off_by_commas_in_a_turn_does_not_name_the_label() -> None:
    """Regression (review): "built by my cousin, Anton Brandt, in 1990" counted as
    addressing Brandt, and every "BRANDT:" turn became Anton Brandt's."""
    from quotecheck.analysis.attribution import analyze
    from quotecheck.readers import read_file

    text = (
        "Harbour debate\n\nDORN: Welcome. Is the pier safe?\n\nBRANDT: It is safe.\n\n"
        "FERREOL: The pier was built by my cousin, Anton Brandt, in 1990.\n\n"
        "BRANDT: And it still stands.\n\nDORN: Thank you.\n"
    )
    doc = next(iter(read_file("debate.txt", text.encode(), None, {})))
    analyze(doc)
    assert "Anton Brandt" not in {s.speaker for s in doc.statements}
