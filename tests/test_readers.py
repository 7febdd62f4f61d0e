"""Readers: each format, detection, field mapping, bad input reported with file and line."""

from __future__ import annotations

import pytest

from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers import read_file
from quotecheck.readers.articles import detect_transcript
from quotecheck.readers.decode import decode


def docs(
    path: str, data: bytes | str, fmt: str | None = None, fields: dict[str, str] | None = None
) -> list[Document | InputError]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return list(read_file(path, raw, fmt, fields or {}))


def test_article_headline_is_first_nonempty_line() -> None:
    (d,) = docs("a.txt", "\n\n  Corvale votes  \n\nThe council met.\n")
    assert isinstance(d, Document)
    assert d.format == "article"
    assert d.title == "Corvale votes"
    assert d.text[d.body_start :].strip() == "The council met."


def test_markdown_heading_hash_stripped() -> None:
    (d,) = docs("a.md", "# Norvania opens a bridge\n\nText.\n")
    assert isinstance(d, Document) and d.title == "Norvania opens a bridge"


def test_label_transcript_detected_and_attributed() -> None:
    text = (
        "BRANDT: Good evening, Corvale.\nFERREOL: The budget is too high.\nBRANDT: We disagree.\n"
    )
    (d,) = docs("debate.txt", text)
    assert isinstance(d, Document) and d.format == "transcript"
    assert [
        (s.speaker, d.text[s.start : s.end]) for s in d.statements if s.kind == "transcript"
    ] == [
        ("Brandt", "Good evening, Corvale."),
        ("Ferreol", "The budget is too high."),
        ("Brandt", "We disagree."),
    ]


def test_tab_transcript_layout_skips_system_lines() -> None:
    text = "1\tHOLT\tGood evening from Corvale.\t0\n2\tSYSTEM\t(APPLAUSE)\t0\n3\tVALSEK\tThank you.\t1\n"
    assert detect_transcript(text) == "tab"
    (d,) = docs("debate.tsv", text, fmt="transcript")
    assert isinstance(d, Document)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements if s.kind == "transcript"]
    assert got == [("Holt", "Good evening from Corvale."), ("Valsek", "Thank you.")]


def test_article_with_a_colon_line_is_not_a_transcript() -> None:
    text = "Corvale votes\n\nNOTE: the vote was close.\n\nThe council met on Monday and voted.\n"
    assert detect_transcript(text) is None


def test_jsonl_records_with_aliases_and_speaker() -> None:
    data = '{"id": 7, "body": "Ferries will run hourly.", "headline": "Ferries", "speaker": "Ilsa Brandt"}\n'
    (d,) = docs("r.jsonl", data)
    assert isinstance(d, Document)
    assert (d.key, d.title, d.text) == ("7", "Ferries", "Ferries will run hourly.")
    (st,) = d.statements
    assert st.kind == "record" and st.speaker == "Ilsa Brandt"


def test_jsonl_malformed_line_reported_with_line_rest_indexed() -> None:
    data = '{"text": "one"}\n{broken\n\n{"text": "three"}\n[1, 2]\n{"text": ""}\n'
    out = docs("r.jsonl", data)
    good = [d.text for d in out if isinstance(d, Document)]
    errors = [str(e) for e in out if isinstance(e, InputError)]
    assert good == ["one", "three"]
    assert errors[0].startswith("r.jsonl:2: malformed JSON")
    assert errors[1] == "r.jsonl:5: JSON line is not an object, skipped"
    assert errors[2] == "r.jsonl:6: record has no text field, skipped"


def test_json_array_and_wrapped_records() -> None:
    assert [
        d.text
        for d in docs("a.json", '[{"text": "a"}, {"content": "b"}]')
        if isinstance(d, Document)
    ] == ["a", "b"]
    assert [
        d.text for d in docs("b.json", '{"records": [{"claim": "c"}]}') if isinstance(d, Document)
    ] == ["c"]


def test_json_wrong_types_reported() -> None:
    out = docs("a.json", '[{"text": {"nested": 1}}, "x"]')
    assert all(isinstance(e, InputError) for e in out)
    assert "not text" in str(out[0]) and "record 2 is not an object" in str(out[1])


def test_csv_with_field_mapping_and_bad_row() -> None:
    data = 'ref,words,who\nq1,"Hello, Corvale",Ilsa Brandt\nq2,only two\nq3,Bye,\n'
    out = docs("c.csv", data, fields={"id": "ref", "text": "words", "speaker": "who"})
    good = [d for d in out if isinstance(d, Document)]
    bad = [str(e) for e in out if isinstance(e, InputError)]
    assert [(d.key, d.text) for d in good] == [("q1", "Hello, Corvale"), ("q3", "Bye")]
    assert good[0].statements[0].speaker == "Ilsa Brandt" and not good[1].statements
    assert bad == ["c.csv:3: row has 2 fields, header has 3; skipped"]


def test_csv_without_text_column_says_how_to_map() -> None:
    (e,) = docs("c.csv", "a,b\n1,2\n")
    assert isinstance(e, InputError) and "--field text=COLUMN" in str(e)


def test_tsv_unnamed_first_column_is_id_and_quotes_are_literal() -> None:
    data = '\tvclaim\ttitle\n0\t"Quoted" claim about Corvale\tT\n'
    (d,) = docs("v.tsv", data, fields={"text": "vclaim"})
    assert isinstance(d, Document) and d.key == "0" and d.text == '"Quoted" claim about Corvale'


def test_record_line_base_points_at_source_line() -> None:
    out = docs("r.jsonl", '\n{"text": "x"}\n\n{"text": "y"}\n')
    assert [d.line_base for d in out if isinstance(d, Document)] == [2, 4]


def test_decode_legacy_encodings_and_boms() -> None:
    text = "Le maire de Corvale a déclaré « non » à l’été."
    assert decode(text.encode("utf-8-sig"), "a") == text
    assert decode(text.encode("utf-16"), "a") == text
    assert (
        decode("Café déjà vu à Corvale, où l’été dure.".encode("cp1252"), "a")
        == "Café déjà vu à Corvale, où l’été dure."
    )


def test_decode_rejects_binary() -> None:
    import pytest

    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20, "blob.txt")


def test_tsv_pandas_multiline_quoted_cell_is_one_record() -> None:
    data = (
        "\tvclaim\ttitle\n"
        '0\t"The Corvale ferry will\nrun every hour."\tFerry\n'
        '1\t"Quoted" words stay literal\tT\n'
        '2\t"never closed\tX\n'
        "3\tlast\tY\n"
    )
    out = docs("v.tsv", data, fields={"text": "vclaim"})
    good = {d.key: d.text for d in out if isinstance(d, Document)}
    assert good == {
        "0": "The Corvale ferry will\nrun every hour.",
        "1": '"Quoted" words stay literal',
        "2": '"never closed',
        "3": "last",
    }
    assert [d.line_base for d in out if isinstance(d, Document)] == [2, 4, 5, 6]


WEB_TRANSCRIPT = """Corvale harbour debate

Ilsa Brandt (Moderator): (00:00:05)
Good evening and welcome to the Corvale harbour debate.

Tomas Ferreol: (00:00:41)
Thank you. The harbour plan costs too much.

We can rebuild the north pier for half the price.

Audience Member: (00:01:10)
What about the ferries?

[crosstalk 00:01:15]

Ondra Valsek: (00:01:20)
He said, last spring, "The ferries can wait until next year." I disagree.

Tomas Ferreol: (00:01:40)
The ferries will run hourly from May.

Ondra Valsek: (00:01:58)
That is not what the council voted.
"""


def test_web_transcript_name_labels_turns_run_over_paragraphs() -> None:
    assert detect_transcript(WEB_TRANSCRIPT) == "name"
    (d,) = docs("debate.txt", WEB_TRANSCRIPT)
    assert isinstance(d, Document) and d.format == "transcript"
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements if s.kind == "transcript"]
    assert got == [
        ("Ilsa Brandt", "Good evening and welcome to the Corvale harbour debate."),
        ("Tomas Ferreol", "Thank you. The harbour plan costs too much."),
        ("Tomas Ferreol", "We can rebuild the north pier for half the price."),
        (None, "What about the ferries?"),  # a generic label: kept, no speaker
        (
            "Ondra Valsek",
            'He said, last spring, "The ferries can wait until next year." I disagree.',
        ),
        ("Tomas Ferreol", "The ferries will run hourly from May."),
        ("Ondra Valsek", "That is not what the council voted."),
    ]
    audience = next(s for s in d.statements if s.speaker is None)
    assert audience.mention is not None and audience.mention.text == "Audience Member"


def test_inner_quote_after_a_generic_label_line_is_the_other_debater() -> None:
    """A line with no speaker ("Audience Member:") must not end transcript mode for the
    lines after it: "He said" in Valsek's turn is still his opponent Ferreol."""
    from quotecheck.analysis.attribution import analyze

    (d,) = docs("debate.txt", WEB_TRANSCRIPT)
    assert isinstance(d, Document)
    analyze(d)
    (direct,) = [s for s in d.statements if s.kind == "direct"]
    assert d.text[direct.start : direct.end] == "The ferries can wait until next year."
    assert direct.speaker == "Tomas Ferreol"


def test_upper_case_labels_with_continued_paragraphs() -> None:
    text = (
        "Corvale council, Monday\n\nVALSEK: We open the bridge in May.\n\n"
        "It will carry trams as well.\n\n(APPLAUSE)\n\nBRANDT: The budget says June.\n\n"
        "VALSEK: May.\n\nBRANDT: June, and not a day before.\n"
    )
    assert detect_transcript(text) == "label"
    (d,) = docs("council.txt", text)
    assert isinstance(d, Document)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got == [
        ("Valsek", "We open the bridge in May."),
        ("Valsek", "It will carry trams as well."),
        ("Brandt", "The budget says June."),
        ("Valsek", "May."),
        ("Brandt", "June, and not a day before."),
    ]


def test_question_and_answer_interview_answers_are_the_introduced_persons() -> None:
    """A "Q:"/"A:" interview read as an article had no statement at all: its answers are
    the words of the one person the text names before the first question."""
    from quotecheck.analysis.attribution import analyze

    text = (
        "Ilsa Brandt on the Corvale bridge\n\nThe mayor spoke to us on Monday.\n\n"
        "Q: When does the bridge open?\n\nA: In May, if the steel arrives.\n\n"
        "Q: And the trams?\n\nA: They follow in June.\n"
    )
    assert detect_transcript(text) == "label"
    (d,) = docs("interview.txt", text)
    assert isinstance(d, Document) and d.title == "Ilsa Brandt on the Corvale bridge"
    analyze(d)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements if s.kind == "transcript"]
    assert got == [
        (None, "When does the bridge open?"),
        ("Ilsa Brandt", "In May, if the steel arrives."),
        (None, "And the trams?"),
        ("Ilsa Brandt", "They follow in June."),
    ]
    # the headline's name first, even when the introduction names someone else too
    (d1,) = docs(
        "interview.txt", text.replace("The mayor spoke", "Tomas Ferreol met her. She spoke")
    )
    assert isinstance(d1, Document)
    analyze(d1)
    assert {s.speaker for s in d1.statements if s.kind == "transcript"} == {None, "Ilsa Brandt"}
    # no name in the headline, two before the questions: whose answers they are is not said
    two = text.replace("Ilsa Brandt on the Corvale bridge", "On the Corvale bridge").replace(
        "The mayor spoke", "Ilsa Brandt and Tomas Ferreol spoke"
    )
    (d2,) = docs("interview.txt", two)
    assert isinstance(d2, Document)
    analyze(d2)
    assert {s.speaker for s in d2.statements if s.kind == "transcript"} == {None}


def test_list_of_name_role_lines_is_not_a_transcript() -> None:
    text = (
        "Who is on the Corvale board\n\nIlsa Brandt: chair since 2019.\n\n"
        "Tomas Ferreol: treasurer.\n\nOndra Valsek: secretary.\n\nThe board meets monthly.\n"
    )
    assert detect_transcript(text) is None


def test_live_blog_update_lines_are_not_a_transcript() -> None:
    """Repeated "UPDATE:" lines are an article's furniture, not a speaker's turns."""
    text = (
        "Corvale harbour vote, live\n\nUPDATE: 3:45 pm\nThe council is still debating.\n\n"
        "UPDATE: 4:10 pm\nIlsa Brandt said the vote would come tonight.\n\n"
        "UPDATE: 5:02 pm\nThe plan passed 7 to 2.\n"
    )
    assert detect_transcript(text) is None
    (d,) = docs("live.txt", text)
    assert isinstance(d, Document) and d.format == "article"


def test_update_line_inside_a_transcript_is_no_speaker() -> None:
    text = (
        "VALSEK: We open the bridge in May.\nBRANDT: The budget says June.\n"
        "UPDATE: the session was adjourned.\nVALSEK: May.\nBRANDT: June.\n"
    )
    (d,) = docs("council.txt", text)
    assert isinstance(d, Document) and d.format == "transcript"
    assert {s.speaker for s in d.statements} == {"Valsek", "Brandt"}


def test_surname_label_after_a_full_name_label_is_the_same_speaker() -> None:
    text = (
        "ONDRA VALSEK: Will the ferries run at night?\nBRANDT: Only in summer.\n"
        "VALSEK: And the fares?\nBRANDT: They stay as they are.\n"
    )
    from quotecheck.analysis.attribution import analyze

    (d,) = docs("interview.txt", text)
    assert isinstance(d, Document)
    analyze(d)  # the attribution engine gives labels their full names
    assert [s.speaker for s in d.statements] == ["Ondra Valsek", "Brandt", "Ondra Valsek", "Brandt"]
    assert [s.mention.text for s in d.statements if s.mention][:3] == [
        "ONDRA VALSEK",
        "BRANDT",
        "VALSEK",
    ]


def test_surname_shared_by_two_full_names_is_left_alone() -> None:
    text = (
        "ILSA BRANDT: Good evening.\nOTTO BRANDT: Thank you.\nBRANDT: The bridge opens in May.\n"
        "ILSA BRANDT: Thank you.\n"
    )
    from quotecheck.analysis.attribution import analyze

    (d,) = docs("panel.txt", text)
    assert isinstance(d, Document)
    analyze(d)  # the attribution engine gives labels their full names
    assert [s.speaker for s in d.statements] == [
        "Ilsa Brandt",
        "Otto Brandt",
        "Brandt",
        "Ilsa Brandt",
    ]


def test_transcript_introduction_has_statements_of_its_own() -> None:
    """A partial transcript introduced by an article: the introduction is read as an
    article (its reported speech has a speaker), the turns keep their labels."""
    from quotecheck.analysis.attribution import analyze

    text = (
        "Brandt on the harbour\n\n"
        "Mayor Ilsa Brandt said on Sunday that the ferries would run at night from May.\n\n"
        "Partial transcript as follows:\n\n"
        "VALSEK: Will the ferries run at night?\n\n"
        "BRANDT: Only in summer, and only on weekends.\n\n"
        "VALSEK: And the fares?\n\n"
        "BRANDT: They stay as they are.\n"
    )
    (d,) = docs("interview.txt", text)
    assert isinstance(d, Document) and d.format == "transcript"
    analyze(d)
    intro = [s for s in d.statements if s.kind == "indirect"]
    assert [(s.speaker, text[s.start : s.end]) for s in intro] == [
        ("Ilsa Brandt", "the ferries would run at night from May")
    ]
    turns = [(s.speaker, text[s.start : s.end]) for s in d.statements if s.kind == "transcript"]
    # the BRANDT label takes the full name the introduction gives
    assert turns[1] == ("Ilsa Brandt", "Only in summer, and only on weekends.")


def test_surname_labels_take_the_full_name_the_transcript_gives() -> None:
    from quotecheck.analysis.attribution import analyze

    text = (
        "1\tDORN\tGood evening, this is Petra Dorn of Corvale Radio.\t0\n"
        "2\tDORN\tOur guests are Ilsa Brandt and Tomas Ferreol.\t0\n"
        "3\tBRANDT\tThank you, Petra.\t0\n"
        "4\tFERREOL\tThe harbour plan costs too much.\t0\n"
        "5\tKELL\tI have a question.\t0\n"
    )
    (d,) = docs("debate.tsv", text, fmt="transcript")
    assert isinstance(d, Document)
    analyze(d)
    # one named person per surname: the full name; a surname named nowhere stays as it is
    assert [s.speaker for s in d.statements] == [
        "Petra Dorn",
        "Petra Dorn",
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Kell",
    ]


def test_surname_label_ignores_a_namesake_named_after_the_first_turn() -> None:
    from quotecheck.analysis.attribution import analyze

    text = (
        "1\tDORN\tOur guests are Ilsa Brandt and Tomas Ferreol.\t0\n"
        "2\tFERREOL\tThank you.\t0\n"
        "3\tBRANDT\tThank you.\t0\n"
        "4\tFERREOL\tMy cousin Anton Brandt built the old pier.\t0\n"
        "5\tBRANDT\tThe pier is safe.\t0\n"
    )
    (d,) = docs("debate.tsv", text, fmt="transcript")
    assert isinstance(d, Document)
    analyze(d)
    assert [s.speaker for s in d.statements][1:] == [
        "Tomas Ferreol",
        "Ilsa Brandt",
        "Tomas Ferreol",
        "Ilsa Brandt",
    ]
    # a speaker whose namesake is the only full name, and named only later: left as it is
    text2 = (
        "1\tDORN\tWelcome.\t0\n2\tBRANDT\tThank you.\t0\n"
        "3\tDORN\tYour cousin Anton Brandt built the pier.\t0\n4\tBRANDT\tHe did.\t0\n"
    )
    (d2,) = docs("debate2.tsv", text2, fmt="transcript")
    assert isinstance(d2, Document)
    analyze(d2)
    assert [s.speaker for s in d2.statements if s.kind == "transcript"] == [
        "Dorn",
        "Brandt",
        "Dorn",
        "Brandt",
    ]


def test_self_introduction_gives_the_label_its_full_name() -> None:
    """ "I'm Petra Dorn" in the moderator's first turn names the DORN label; the label
    words around the turn ("DORN\\t") are no part of a name."""
    from quotecheck.analysis.attribution import analyze

    for text in (
        "1\tDORN\tGood evening.\t0\n2\tDORN\tI'm Petra Dorn.\t0\n3\tKELL\tHello.\t0\n"
        "4\tDORN\tWelcome.\t0\n",
        "DORN: Good evening. I’m Petra Dorn.\nKELL: Hello.\nDORN: Welcome.\n",
    ):
        (d,) = docs("debate.txt", text)
        assert isinstance(d, Document)
        analyze(d)
        assert {s.speaker for s in d.statements} == {"Petra Dorn", "Kell"}


def test_time_stamp_before_each_label_is_still_a_transcript() -> None:
    """Regression: "[00:00:12] Ilsa Brandt: ..." lines read as an article with no statement."""
    text = (
        "Corvale council hearing\n\n"
        "[00:00:12] Ilsa Brandt: We owe it to the people of Corvale to keep the pier open.\n"
        "[00:00:31] Tomas Ferreol: The pier loses money every winter.\n"
        "(00:01:02) Ilsa Brandt: It lost money once, in 2019.\n"
    )
    assert detect_transcript(text) == "name"
    (d,) = docs("hearing.txt", text)
    assert isinstance(d, Document)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got == [
        ("Ilsa Brandt", "We owe it to the people of Corvale to keep the pier open."),
        ("Tomas Ferreol", "The pier loses money every winter."),
        ("Ilsa Brandt", "It lost money once, in 2019."),
    ]


def test_part_label_with_the_name_in_parentheses_is_that_person() -> None:
    """Regression: "MODERATOR (PETRA DORN):" was no label at all (its turn was lost), and a
    later "DORN:" could not take her full name."""
    from quotecheck.analysis.attribution import analyze

    text = (
        "Corvale harbour debate\n\n"
        "MODERATOR (PETRA DORN): Good evening. The first question is for the mayor.\n\n"
        "SEN. ILSA BRANDT (D-CORVALE): We will not sell the old lighthouse.\n\n"
        "FERREOL: That is simply not true.\n\n"
        "DORN: Mr. Ferreol, your time is up.\n"
    )
    (d,) = docs("debate.txt", text)
    assert isinstance(d, Document) and d.format == "transcript"
    analyze(d)
    got = [(s.speaker, s.mention.text if s.mention else None) for s in d.statements]
    assert got == [
        ("Petra Dorn", "PETRA DORN"),
        ("Sen. Ilsa Brandt", "SEN. ILSA BRANDT"),  # a party tag is no name: the label is
        ("Ferreol", "FERREOL"),
        ("Petra Dorn", "DORN"),
    ]


def test_broadcast_label_with_a_role_after_a_comma_names_the_person() -> None:
    """Regression: "PETRA DORN, CORVALE NEWS ANCHOR:" was no label, so her turn was lost and
    "ONDRA VALSEK (R), MAYORAL CANDIDATE: ..." became part of Ferreol's turn before it."""
    from quotecheck.analysis.attribution import analyze

    text = (
        "PETRA DORN, CORVALE NEWS ANCHOR: Good evening. Tonight, the harbour debate.\n\n"
        "TOMAS FERREOL (D), CORVALE MAYORAL CANDIDATE: The harbour will reopen next spring.\n\n"
        "DORN: And the cost?\n\n"
        "FERREOL: The cost has not doubled.\n\n"
        "ONDRA VALSEK (R), CORVALE MAYORAL CANDIDATE: That is simply not true.\n"
    )
    (d,) = docs("harbour.txt", text)
    assert isinstance(d, Document) and d.format == "transcript"
    analyze(d)
    got = [
        (s.speaker, s.mention.text if s.mention else None, d.text[s.start : s.end])
        for s in d.statements
    ]
    assert got == [
        ("Petra Dorn", "PETRA DORN", "Good evening. Tonight, the harbour debate."),
        ("Tomas Ferreol", "TOMAS FERREOL", "The harbour will reopen next spring."),
        ("Petra Dorn", "DORN", "And the cost?"),
        ("Tomas Ferreol", "FERREOL", "The cost has not doubled."),
        ("Ondra Valsek", "ONDRA VALSEK", "That is simply not true."),
    ]


def test_caption_turn_markers_before_labels_make_a_transcript() -> None:
    """Regression: closed-caption text (">> PETRA DORN: ...") read as an article with no
    statement at all."""
    text = (
        ">> PETRA DORN: Good evening. Tonight, the harbour debate.\n"
        ">> TOMAS FERREOL: The harbour will reopen next spring.\n"
        ">> DORN: And the cost?\n"
        ">> FERREOL: The cost has not doubled.\n"
    )
    assert detect_transcript(text) == "label"
    (d,) = docs("captions.txt", text)
    assert isinstance(d, Document)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got == [
        ("Petra Dorn", "Good evening. Tonight, the harbour debate."),
        ("Tomas Ferreol", "The harbour will reopen next spring."),
        ("Dorn", "And the cost?"),
        ("Ferreol", "The cost has not doubled."),
    ]


def test_a_colon_inside_a_turn_is_no_role_label() -> None:
    """The role after a comma ends at the first colon: "FERREOL: YES, OF COURSE: ..." keeps
    its words."""
    text = "DORN: Will it reopen?\n\nFERREOL: YES, OF COURSE: NEXT SPRING.\n\nDORN: Thank you.\n"
    (d,) = docs("short.txt", text)
    assert isinstance(d, Document)
    got = [(s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got[1] == ("Ferreol", "YES, OF COURSE: NEXT SPRING.")


def test_html_blocks_are_paragraphs_and_the_repeated_heading_is_dropped() -> None:
    # The extractor gives one block a line; read as one paragraph, the page's <h1> (the
    # title again) ran into the quote below it, which became an indirect statement
    # "Kessel mayor speaks\n"We will open ..." instead of Ferreol's direct quote.
    from quotecheck.analysis.attribution import analyze
    from quotecheck.readers.articles import article_document
    from quotecheck.readers.html import article_text

    body = (
        "Kessel mayor speaks\n"
        '"We will open the library on Sunday," said Mayor Tomas Ferreol of Kessel.\n'
        "Ferreol said the  budget was balanced.\n"
    )
    text = article_text("Kessel mayor speaks", body)
    assert text == (
        "Kessel mayor speaks\n\n"
        '"We will open the library on Sunday," said Mayor Tomas Ferreol of Kessel.\n\n'
        "Ferreol said the budget was balanced.\n"
    )
    assert article_text("", "One.\n\nTwo.") == "One.\n\nTwo.\n"
    doc = article_document("page.html", text)
    analyze(doc)
    quote = next(s for s in doc.statements if s.kind == "direct")
    assert doc.text[quote.start : quote.end] == "We will open the library on Sunday"
    assert quote.speaker == "Tomas Ferreol"


def test_html_page_with_scripts_and_styles_reads_only_the_article() -> None:
    import pytest

    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>Kessel mayor speaks</title><style>body{color:red}</style>"
        '<script>var x = "Brandt said evil things";</script></head><body><article>'
        '<h1>Kessel mayor speaks</h1><p>"We will open the library on Sunday," said Mayor'
        " Tomas Ferreol of Kessel, a fictional town.</p><p>Ferreol said the budget was"
        " balanced for the first time in ten years.</p></article></body></html>"
    )
    (d,) = docs("page.html", page)
    assert isinstance(d, Document)
    assert d.title == "Kessel mayor speaks"
    assert "color:red" not in d.text and "evil" not in d.text
    assert d.text.count("Kessel mayor speaks") == 1
    assert '\n\n"We will open the library on Sunday,"' in d.text


def test_spreadsheet_csv_with_semicolons_is_read_by_its_delimiter() -> None:
    # Spreadsheets where the comma is the decimal mark write ';'-separated .csv files
    # (with a BOM and CRLF): the header was one column, "no text column" was reported and
    # the whole file skipped
    data = (
        "\ufeffid;text;speaker\r\n"
        'c1;"Corvale will host the fair in June; all are welcome.";Petra Dorn\r\n'
        'c2;"Kessel will build\r\na school";Tamsin Orrel\r\n'
        'c3;"Unclosed quote\r\n'
        "c4;Velmark, 3,5 km of road;\r\n"
    )
    out = docs("export.csv", data.encode("utf-8"))
    good = [d for d in out if isinstance(d, Document)]
    bad = [str(e) for e in out if isinstance(e, InputError)]
    assert [(d.key, d.text) for d in good] == [
        ("c1", "Corvale will host the fair in June; all are welcome."),
        ("c2", "Kessel will build\r\na school"),
        ("c4", "Velmark, 3,5 km of road"),
    ]
    assert [d.statements[0].speaker for d in good[:2]] == ["Petra Dorn", "Tamsin Orrel"]
    assert bad == ["export.csv:5: unbalanced quote in row, skipped"]
    # a tab-separated .csv is read as TSV; a comma-separated one with ';' in a cell as CSV
    (t,) = docs("tabs.csv", "id\ttext\n1\tKessel votes; Corvale waits\n")
    assert isinstance(t, Document) and t.text == "Kessel votes; Corvale waits"
    (c,) = docs("plain.csv", 'id,text\n1,"a;b;c"\n')
    assert isinstance(c, Document) and c.text == "a;b;c"
    (h,) = docs("head.csv", "id;note,text\n1;x,Velmark\n")  # commas split the header: CSV
    assert isinstance(h, Document) and h.text == "Velmark"


def test_file_with_classic_mac_line_endings_has_lines_headline_and_statements() -> None:
    # Lines ended by a lone CR: the file was one line, its headline the whole text, and
    # no statement was found
    from quotecheck.analysis.attribution import analyze

    raw = 'Old harbour file\r\r"We will sail at dawn," said Tomas Ferreol.\r\rFerreol said Kessel was ready.\r'
    (d,) = docs("mac.txt", raw)
    assert isinstance(d, Document)
    assert d.title == "Old harbour file"
    assert len(d.text) == len(raw)  # one character for one: offsets still index the file
    assert d.text.count("\n") == raw.count("\r") == 5
    analyze(d)
    assert [(s.kind, s.speaker, d.text.count("\n", 0, s.start) + 1) for s in d.statements] == [
        ("direct", "Tomas Ferreol", 3),
        ("indirect", "Tomas Ferreol", 5),
    ]
    (t,) = docs("t.txt", "Debate\r\rILSA BRANDT: We will build it.\rONDRA VALSEK: Not this year.\r")
    assert isinstance(t, Document) and t.format == "transcript"
    # CRLF files and a stray CR among newlines are left as they are
    (c,) = docs("c.txt", "Corvale\r\n\r\nThe council met.\r\n")
    (s,) = docs("s.txt", "Corvale\n\nThe council\r met.\n")
    assert isinstance(c, Document) and c.text == "Corvale\r\n\r\nThe council met.\r\n"
    assert isinstance(s, Document) and s.text == "Corvale\n\nThe council\r met.\n"


def test_second_record_with_the_same_id_is_reported_not_swapped_in() -> None:
    # the index holds one document per file and id: the second "c1" replaced the first
    # while the run said it had indexed both
    data = (
        "id,text\n"
        "c1,Corvale opens a pier\n"
        "c1,Kessel opens a school\n"
        "c2,Velmark votes\n"
        "c2,Velmark votes\n"  # the same record twice: dropped without a word
    )
    out = docs("dup.csv", data)
    good = [d for d in out if isinstance(d, Document)]
    bad = [str(e) for e in out if isinstance(e, InputError)]
    assert [(d.key, d.text) for d in good] == [
        ("c1", "Corvale opens a pier"),
        ("c2", "Velmark votes"),
    ]
    assert bad == [
        "dup.csv:3: id 'c1' again (first on line 2), record skipped: ids must be unique in a"
        " file (--field id=COLUMN takes another column)"
    ]
    lines = '{"id": "k", "text": "Kessel one"}\n{"id": "k", "text": "Kessel two"}\n'
    out = docs("-", lines)
    assert [d.text for d in out if isinstance(d, Document)] == ["Kessel one"]
    assert [e.line for e in out if isinstance(e, InputError)] == [2]


def test_records_piped_without_ids_differing_only_in_speaker_are_two_documents() -> None:
    # keyed by their words, the same text said by two people was one key: the second was
    # reported as a repeated id the user never gave
    lines = (
        '{"text": "The pier opens in May.", "speaker": "Petra Dorn"}\n'
        '{"text": "The pier opens in May.", "speaker": "Ilsa Brandt"}\n'
        '{"text": "The pier opens in May.", "speaker": "Ilsa Brandt"}\n'
    )
    out = docs("-", lines)
    assert not [e for e in out if isinstance(e, InputError)]
    got = [d for d in out if isinstance(d, Document)]
    assert [d.statements[0].speaker for d in got] == ["Petra Dorn", "Ilsa Brandt"]
    assert len({d.key for d in got}) == 2


TAB_WITH_NOTES = (
    "1\tDORN\tWelcome to the Corvale harbour debate.\t0\n"
    "2\tBRANDT\tWe will not sell the lighthouse (CROSSTALK) to anyone in Kessel.\t0\n"
    "3\tFERREOL\tThe budget [inaudible 00:03:12] is too high -- far too high.\t0\n"
    "4\tBRANDT\t(Speaker gestures)\t0\n"
    "5\tDORN\tThank you both. --\t0\n"
)
LABELS_WITH_NOTES = (
    "DORN: Welcome to the Corvale harbour debate.\n"
    "BRANDT: We will not sell the lighthouse (CROSSTALK) to anyone in Kessel.\n"
    "FERREOL: The budget [inaudible 00:03:12] is too high -- far too high.\n"
    "BRANDT: (Speaker gestures)\n"
    "DORN: Thank you both. --\n"
)


def _spoken(d: Document) -> list[tuple[str | None, str]]:
    return [(st.speaker, " | ".join(d.text[a:b] for a, b in st.spans)) for st in d.statements]


def test_tab_transcript_leaves_inline_stage_notes_out_of_the_statement_like_labelled_ones() -> None:
    # line<TAB>SPEAKER<TAB>text kept "(CROSSTALK)" and "[inaudible]" inside the statement's
    # span (a quote pasted without them was "close" with a deletion, not verbatim), and a
    # line that is only a stage direction was a statement; "SPEAKER: text" left them out
    (tab,) = docs("debate.tsv", TAB_WITH_NOTES, "transcript")
    (lab,) = docs("debate.txt", LABELS_WITH_NOTES, "transcript")
    assert isinstance(tab, Document) and isinstance(lab, Document)
    expected = [
        ("Dorn", "Welcome to the Corvale harbour debate."),
        ("Brandt", "We will not sell the lighthouse | to anyone in Kessel."),
        ("Ferreol", "The budget | is too high -- far too high."),
        ("Dorn", "Thank you both."),
    ]
    assert _spoken(tab) == expected
    assert _spoken(lab) == expected
    for st in tab.statements:  # offsets still slice the document text
        assert st.start == st.spans[0][0] and st.end == st.spans[-1][1]
        assert all(tab.text[a:b].strip() == tab.text[a:b] for a, b in st.spans)
        assert st.mention is not None
        assert tab.text[st.mention.start : st.mention.end] == st.mention.text


def test_markdown_blanked_keeps_offsets_and_lines_and_the_editors_brackets() -> None:
    from quotecheck.readers.markdown import markdown_blanked

    text = (
        "## Harbour vote ##\n"
        '- **Ilsa Brandt** said [it](https://example.org/a?b=1 "t") _twice_.\n'
        "> 1. “[T]he pier is [Valsek's],” she said. ![photo](p.jpg)\n"
        "| Who | Said |\n|---|---|\n"
        "5 * 3 * 2 = 30 in my_var_name, `code` and a <em>tag</em>\n"
    )
    out = markdown_blanked(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    assert [ln.rstrip() for ln in out.split("\n")] == [
        "   Harbour vote",
        "    Ilsa Brandt   said  it" + " " * 34 + "twice .",
        "     “[T]he pier is [Valsek's],” she said.",
        "  Who   Said",
        "",
        "5 * 3 * 2 = 30 in my_var_name,  code  and a     tag",
        "",
    ]


def test_markdown_emphasis_is_looked_for_within_300_characters_so_long_lines_stay_linear() -> None:
    # each "**" that never closed was looked for to the end of its line: 40 KB of "**a "
    # took 78 s (quadratic); the search now stops 300 characters on
    from quotecheck.readers.markdown import markdown_blanked

    near = "**" + "a" * 298 + "**"
    far = "**" + "a" * 302 + "**"
    assert markdown_blanked(near).strip() == "a" * 298
    assert markdown_blanked(far) == far
    line = "**a " * 10_000
    assert markdown_blanked(line) == line  # no marker closes (a space before each)


# ---------------------------------------------------------------- HTML without trafilatura

NEWS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Kessel ferry returns | Velmark Post</title>
<meta property="og:site_name" content="Velmark Post">
<meta name="date" content="2026-04-02">
<link rel="canonical" href="https://post.example/ferry">
<script>var headline = "Brandt said evil things";</script></head>
<body class="page with-sidebar"><div id="wrapper" class="with-sidebar">
<header class="site-header"><nav><ul><li>News</li><li>Sport</li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article><h1>Kessel ferry returns</h1>
<p>The ferry to Kessel sailed again on Sunday.</p>
<p>“It is a good day for the island,” said Tomas Ferreol,<br>the ferry company's director.</p>
<div class="share"><a>Share</a></div>
<aside><h2>Related</h2><p>Storm in Velmark</p></aside>
</article>
<section id="comments"><p>Finally! – a reader</p></section>
<footer><p>© Velmark Post</p></footer></div></body></html>"""


def test_built_in_html_extractor_keeps_the_article_and_drops_page_furniture() -> None:
    from quotecheck.readers.html import extract

    got = extract(NEWS_PAGE)
    assert got is not None
    assert got["text"].splitlines() == [
        "Kessel ferry returns",
        "The ferry to Kessel sailed again on Sunday.",
        "“It is a good day for the island,” said Tomas Ferreol,",
        "the ferry company's director.",
    ]
    assert (got["title"], got["date"], got["url"], got["sitename"]) == (
        "Kessel ferry returns",
        "2026-04-02",
        "https://post.example/ferry",
        "Velmark Post",
    )


def test_built_in_html_extractor_reads_a_page_without_article_element() -> None:
    from quotecheck.readers.html import extract

    page = (
        "<html><head><title>Notice - Corvale Council</title></head><body>"
        "<nav>Home | Contact</nav><div><p>The council meets on Monday.</p>"
        "<p>Petra Dorn said the agenda was long.<p>Unclosed paragraphs too.</div>"
        "</span></b></body></html>"  # stray end tags
    )
    got = extract(page)
    assert got is not None
    assert got["title"] == "Notice"
    assert got["text"].splitlines() == [
        "The council meets on Monday.",
        "Petra Dorn said the agenda was long.",
        "Unclosed paragraphs too.",
    ]


def test_html_page_with_no_text_is_a_one_line_error_without_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (err,) = docs("empty.html", "<html><head><script>x = 1</script></head><body> </body></html>")
    assert isinstance(err, InputError)
    assert str(err) == "empty.html: no article text found in HTML, skipped"


# Review findings (stop 17) on the built-in extractor


def _extract(page: str) -> dict[str, object]:
    from quotecheck.readers.html import extract

    got = extract(page)
    assert got is not None
    return got


def test_story_outside_any_article_is_not_lost_to_a_teaser_card() -> None:
    got = _extract(
        "<html><body><div class='story-body'><h1>Kessel ferry to stop in winter</h1>"
        "<p>The ferry between Corvale and Kessel will stop in winter, its operator said.</p>"
        "<p>“The boats are old,” said Ondra Valsek.</p></div><div class='more-stories'>"
        "<article class='card'><h3>Brandt wins vote</h3><p>Ilsa Brandt won.</p></article>"
        "</div></body></html>"
    )
    assert "“The boats are old,” said Ondra Valsek." in str(got["text"]).splitlines()
    assert got["title"] == "Kessel ferry to stop in winter"


def test_form_wrapping_the_whole_page_is_no_page_furniture() -> None:
    got = _extract(
        "<html><body><form id='aspnetForm'><div><h1>Ferry</h1>"
        "<p>“The boats are old,” said Ondra Valsek.</p></div></form></body></html>"
    )
    assert str(got["text"]).splitlines() == ["Ferry", "“The boats are old,” said Ondra Valsek."]


def test_icon_inside_a_paragraph_does_not_cut_it() -> None:
    got = _extract(
        "<html><body><article><p>“The boats are old,” said <a>Ondra Valsek<svg class='icon'>"
        "<title>profile</title><path d='M0'/></svg></a>, who runs the ferry, “and nobody"
        " will pay.”</p></article></body></html>"
    )
    assert got["text"] == (
        "“The boats are old,” said Ondra Valsek, who runs the ferry, “and nobody will pay.”"
    )
    assert got["title"] == ""


def test_title_is_the_headline_not_the_logo_nor_a_whole_unclosed_h1() -> None:
    logo = _extract(
        "<html><body><div class='masthead'><h1>Corvale Herald</h1></div><div>"
        "<h1>Kessel ferry to stop in winter</h1><p>The ferry stops.</p></div></body></html>"
    )
    assert logo["title"] == "Kessel ferry to stop in winter"
    unclosed = _extract(
        "<html><body><h1>Kessel ferry<p>“The boats are old,” said Ondra Valsek.</p>"
        "<p>The council will vote.</p></body></html>"
    )
    assert unclosed["title"] == "Kessel ferry"
    in_header = _extract(
        "<html><head><title>Corvale Herald</title></head><body><article><header>"
        "<h1>Kessel ferry to stop</h1></header><p>The ferry stops.</p></article></body></html>"
    )
    assert in_header["title"] == "Kessel ferry to stop"
    assert str(in_header["text"]).splitlines()[0] == "Kessel ferry to stop"


def test_date_is_the_articles_not_the_site_headers() -> None:
    got = _extract(
        "<html><body><header class='site-header'>Today: <time datetime='2026-11-29'>29 Nov"
        "</time></header><article><p>By Ilsa Brandt, <time datetime='2024-03-02'>2 March"
        "</time></p><p>The ferry stops.</p></article></body></html>"
    )
    assert got["date"] == "2024-03-02"


def test_preformatted_transcript_and_plain_text_saved_as_html_keep_their_turns() -> None:
    turns = "BRANDT: Good evening.\nVALSEK: Thank you.\nBRANDT: Will it stop?\nVALSEK: Yes.\n"
    for name, page in (
        ("pre.html", f"<html><body><pre>{turns}</pre></body></html>"),
        ("plain.html", turns),
    ):
        (d,) = docs(name, page)
        assert isinstance(d, Document) and d.format == "transcript", name
        assert [s.speaker for s in d.statements] == ["Brandt", "Valsek", "Brandt", "Valsek"]


def test_stray_end_tags_by_the_thousand_are_read() -> None:
    got = _extract(
        "<div>" * 3000 + "<p>“The boats are old,” said Ondra Valsek.</p>" + "</span>" * 3000
    )
    assert got["text"] == "“The boats are old,” said Ondra Valsek."
