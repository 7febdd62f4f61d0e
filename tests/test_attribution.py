"""The attribution engine: the sample article, each trap named, and robustness properties.

Every person and place in the trap tests is invented (Norvania, Ostrava Bay, ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.analysis.attribution import analyze
from quotecheck.model import Document, Statement

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "pompeo-lavrov-press-conference-2019.txt"

# Hand-made gold for the sample article: (speaker, kind, start, end, content).
# A quote split by its attribution is one statement with two spans; each gold piece
# must be one of a statement's spans, exactly.
SAMPLE_GOLD = [
    (
        "Mike Pompeo",
        "direct",
        542,
        669,
        "Both the President and I have said that if there is a job that we can do together with Russia, we owe it to the American people",
    ),
    (
        "Mike Pompeo",
        "direct",
        695,
        862,
        "I hope that Foreign Minister Lavrov and I can make progress. In particular, the President asked us to work in the field of business relations. We’ll try to work on it.",
    ),
    ("Mike Pompeo", "indirect", 969, 1017, "work on improving US-Russian relations continues"),
    (
        "Mike Pompeo",
        "indirect",
        1019,
        1167,
        "We are talking, in particular, about the areas in which cooperation between the two countries is possible, first, about the fight against terrorism.",
    ),
    ("Sergey Lavrov", "indirect", 1194, 1231, "the talks were businesslike and frank"),
    (
        "Sergey Lavrov",
        "indirect",
        1256,
        1382,
        "the situation when the relations between the two leading nuclear powers accumulate contradictions can not be called acceptable",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        1399,
        1455,
        "imaginary Russian interference in the American elections",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        1457,
        1532,
        "Allegations of this interference and what Lavrov called suspicion of Russia",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        1600,
        1710,
        "one of the topics of the talks was the issue of strategic stability and the extension of arms control treaties",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        1725,
        1809,
        "he had informed Pompeo about the talks on Ukraine that had just taken place in Paris",
    ),
    ("Sergey Lavrov", "indirect", 1841, 1889, "the situation around the Iranian nuclear program"),
    ("Sergey Lavrov", "indirect", 1951, 1998, "the need for a peaceful solution to the problem"),
    (
        "Sergey Lavrov",
        "indirect",
        2032,
        2095,
        "Russia is ready to help resolve the problems around North Korea",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        2117,
        2212,
        "during the Trump presidency, the volume of trade between the United States and Russia increased",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        2255,
        2327,
        "the potential for the development of US-Russian relations is still great",
    ),
    (
        "Mike Pompeo",
        "indirect",
        2450,
        2557,
        "the unequivocal position of President Trump, according to which Pyongyang should carry out denuclearization",
    ),
    (
        "Sergey Lavrov",
        "indirect",
        2684,
        2813,
        "criticizing the tactics of Whelan’s lawyers, suggesting that there may be an attempt on their part to create an image of a Martyr",
    ),
    ("Sergey Lavrov", "indirect", 2924, 2964, "this issue has nothing to do with Russia"),
    (
        "Mike Pompeo",
        "indirect",
        3063,
        3194,
        "the need to expand the range of participants in the re-negotiations and, in particular, to involve China in the negotiation process",
    ),
    (
        "Mike Pompeo",
        "indirect",
        3208,
        3314,
        "the need for a constructive approach to solving all existing problems in the sphere of strategic stability",
    ),
    (
        "Mike Pompeo",
        "indirect",
        3353,
        3433,
        "the question of the need to maintain strategic stability in US-Russian relations",
    ),
    ("Mike Pompeo", "indirect", 3556, 3587, "the fairness of these sanctions"),
    (
        "Mike Pompeo",
        "indirect",
        3621,
        3680,
        "the US readiness to increase economic relations with Russia",
    ),
]
SAMPLE_NOT_QUOTES = [
    "US Secretary of state Mike Pompeo held talks with Russian Foreign Minister Sergei Lavrov on Tuesday.",
    "Following the talks, Pompeo and Lavrov held a joint press conference.",
    "During the press conference, questions were asked about the North Korean problem.",
    "Google News button",
]


def article(body: str, headline: str = "A headline") -> Document:
    """An article Document: headline line, blank line, then the body."""
    text = f"{headline}\n\n{body}"
    return Document(path="test.txt", text=text, format="article", body_start=len(headline) + 2)


def analyzed(body: str, headline: str = "A headline") -> Document:
    doc = article(body, headline)
    analyze(doc)
    return doc


def find(doc: Document, content: str) -> Statement:
    """The statement that has ``content`` as one of its spans (exactly)."""
    for s in doc.statements:
        for a, b in s.spans:
            if doc.text[a:b] == content:
                return s
    got = [[doc.text[a:b] for a, b in s.spans] for s in doc.statements]
    raise AssertionError(f"no statement with span {content!r}; got {got}")


def covering(doc: Document, fragment: str) -> list[Statement]:
    i = doc.text.index(fragment)
    j = i + len(fragment)
    return [s for s in doc.statements if any(a < j and b > i for a, b in s.spans)]


# -- the sample article ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Document:
    text = SAMPLE.read_text(encoding="utf-8")
    body_start = text.index("\n\n") + 2
    doc = Document(path=str(SAMPLE), text=text, format="article", body_start=body_start)
    analyze(doc)
    return doc


@pytest.mark.parametrize(("speaker", "kind", "start", "end", "content"), SAMPLE_GOLD)
def test_sample_article_statement(
    sample: Document, speaker: str, kind: str, start: int, end: int, content: str
) -> None:
    assert sample.text[start:end] == content
    hits = [s for s in sample.statements if (start, end) in s.spans]
    assert hits, f"not found: {content!r}"
    assert any(s.speaker == speaker and s.kind == kind for s in hits), hits


def test_sample_article_all_found(sample: Document) -> None:
    found = sum(
        any((g[2], g[3]) in s.spans and s.speaker == g[0] for s in sample.statements)
        for g in SAMPLE_GOLD
    )
    assert found == len(SAMPLE_GOLD) == 23


@pytest.mark.parametrize("narration", SAMPLE_NOT_QUOTES)
def test_sample_article_narration_is_no_statement(sample: Document, narration: str) -> None:
    i = sample.text.index(narration)
    j = i + len(narration)
    assert not [s for s in sample.statements if s.start < j and s.end > i]


def test_sample_article_people(sample: Document) -> None:
    assert set(sample.people) == {"Mike Pompeo", "Sergey Lavrov"}
    lavrov = sample.people["Sergey Lavrov"]
    assert {"Sergei Lavrov", "Lavrov"} <= lavrov.aliases
    assert "Russian Foreign Minister" in lavrov.roles
    assert "US Secretary of state" in sample.people["Mike Pompeo"].roles


def test_sample_article_headline_not_extracted(sample: Document) -> None:
    assert all(s.start >= sample.body_start for s in sample.statements)


# -- traps, one test each ---------------------------------------------------------------


def test_abbreviations_do_not_break_attribution() -> None:
    doc = analyzed(
        "Sen. Ondra Valsek of Norvania arrived in the U.S. on Sept. 4. "
        "Mr. Valsek said the U.S. Senate had been very generous."
    )
    s = find(doc, "the U.S. Senate had been very generous")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "Mr. Valsek"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("»", "«")],
)
def test_quote_mark_styles(opening: str, closing: str) -> None:
    doc = analyzed(
        f"Minister Ondra Valsek of Norvania spoke on Monday.\n\n"
        f"{opening}The harbour will reopen next spring,{closing} Valsek said."
    )
    s = find(doc, "The harbour will reopen next spring")
    assert s.kind == "direct" and s.speaker == "Ondra Valsek"


def test_split_quote_is_one_statement_with_two_spans() -> None:
    doc = analyzed(
        "Mayor Liska Brandt of Ostrava Bay opened the bridge.\n\n"
        "“We waited eleven years,” she said. “Now the ferry can retire.”"
    )
    s = find(doc, "We waited eleven years")
    assert s.kind == "direct" and s.speaker == "Liska Brandt"
    assert [doc.text[a:b] for a, b in s.spans] == [
        "We waited eleven years",
        "Now the ferry can retire.",
    ]
    assert s.mention is not None and s.mention.text == "she"
    assert s.cue is not None and s.cue.text == "said"


def test_dash_continued_quote() -> None:
    doc = analyzed(
        "Governor Tamsin Orrel of Velmark met the unions.\n\n"
        "“The strike must end this week,” Orrel said on Friday. – We have offered a fair deal. "
        "Nobody can ask for more.”"
    )
    s = find(doc, "The strike must end this week")
    assert s.speaker == "Tamsin Orrel"
    assert [doc.text[a:b] for a, b in s.spans] == [
        "The strike must end this week",
        "We have offered a fair deal. Nobody can ask for more.",
    ]


def test_multi_paragraph_quote() -> None:
    doc = analyzed(
        "Admiral Pell Hosk of the Norvanian navy retired on Sunday.\n\n"
        "“I served for forty years,” Hosk said. “The sea was my home.\n\n"
        "“I will miss the crews more than the ships.\n\n"
        "“Now I will grow roses.”\n\n"
        "The ceremony ended at noon."
    )
    s = find(doc, "I served for forty years")
    assert s.speaker == "Pell Hosk"
    texts = [doc.text[a:b] for a, b in s.spans]
    assert texts[1:] == [
        "The sea was my home.",
        "I will miss the crews more than the ships.",
        "Now I will grow roses.",
    ]
    assert not covering(doc, "The ceremony ended at noon.")


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania answered critics.\n\n"
        "“They call it ‘a bridge to nowhere,’ but it carries ten thousand cars a day,” "
        "Valsek said."
    )
    s = find(
        doc,
        "They call it ‘a bridge to nowhere,’ but it carries ten thousand cars a day",
    )
    assert s.kind == "direct" and s.speaker == "Ondra Valsek"
    assert len(doc.statements) == 1


def test_unbalanced_quote_degrades_for_its_paragraph_only() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania spoke twice.\n\n"
        "“This paragraph never closes its quote, Valsek began.\n\n"
        "Later, Valsek said the budget was balanced.\n\n"
        "“The tunnel is safe,” Valsek said."
    )
    assert find(doc, "the budget was balanced").speaker == "Ondra Valsek"
    assert find(doc, "The tunnel is safe").speaker == "Ondra Valsek"
    for s in doc.statements:
        assert 0 <= s.start <= s.end <= len(doc.text)


def test_stray_closing_mark_is_ignored() -> None:
    doc = analyzed("The report was late.” Minister Ondra Valsek said the river was clean.")
    assert find(doc, "the river was clean").speaker == "Ondra Valsek"


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        ("Ondra Valsek said that the dam was safe.", "the dam was safe", "said"),
        ("Ondra Valsek says the dam is safe.", "the dam is safe", "says"),
        ("The dam was safe, Ondra Valsek said.", "The dam was safe", "said"),
        ("The dam was safe, said Ondra Valsek.", "The dam was safe", "said"),
        ("Ondra Valsek stressed that the dam was safe.", "the dam was safe", "stressed"),
        ("Ondra Valsek warned that the dam was unsafe.", "the dam was unsafe", "warned"),
        ("Ondra Valsek insisted the dam was safe.", "the dam was safe", "insisted"),
        ("Ondra Valsek told reporters the dam was safe.", "the dam was safe", "told"),
        (
            "Ondra Valsek told reporters on Monday that the dam was safe.",
            "the dam was safe",
            "told",
        ),
        ("Ondra Valsek said: the dam is safe.", "the dam is safe", "said"),
        ("According to Ondra Valsek, the dam is safe.", "the dam is safe", "According to"),
        ("The dam is safe, according to Ondra Valsek.", "The dam is safe", "according to"),
        (
            "Ondra Valsek, in particular, argued that the dam was safe.",
            "the dam was safe",
            "argued",
        ),
        (
            "Ondra Valsek has repeatedly recalled that the dam was safe.",
            "the dam was safe",
            "recalled",
        ),
    ],
)
def test_reported_speech_patterns(body: str, content: str, cue: str) -> None:
    doc = analyzed("Minister Ondra Valsek of Norvania visited the dam.\n\n" + body)
    s = find(doc, content)
    assert s.kind == "indirect"
    assert s.speaker == "Ondra Valsek"
    assert s.cue is not None and s.cue.text == cue


def test_object_fronted_sentence() -> None:
    doc = analyzed(
        "Norvanian Trade Minister Ondra Valsek spoke in Kessel.\n\n"
        "Claims of price fixing and what Valsek called rumours, the Norvanian Minister "
        "compared to folklore."
    )
    s = find(doc, "Claims of price fixing and what Valsek called rumours")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "the Norvanian Minister"
    assert not [x for x in doc.statements if x.mention and x.mention.text == "Claims"]


def test_continuation_sentence_carries_the_statement() -> None:
    doc = analyzed(
        "Mayor Liska Brandt of Ostrava Bay opened the session.\n\n"
        "Brandt stressed that the harbour plan continues. We are talking about jobs first."
    )
    s = find(doc, "We are talking about jobs first.")
    assert s.speaker == "Liska Brandt"


def test_mixed_quote() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the mines.\n\n"
        "Valsek said the mines were “safer than ever” after the repairs."
    )
    indirect = find(doc, "the mines were “safer than ever” after the repairs")
    assert indirect.kind == "indirect" and indirect.speaker == "Ondra Valsek"
    # the quoted fragment is part of the reported statement, not a second one inside it
    assert covering(doc, "safer than ever") == [indirect]


# -- regressions found on fresh fictional articles --------------------------------------


def test_told_the_council_is_the_addressee_not_the_content() -> None:
    doc = analyzed(
        "The harbour board met on Monday.\n\n"
        "“We will not sell the old lighthouse to anyone,” Mayor Ilsa Brandt told the council. "
        "“It belongs to the town, and it will stay that way.”"
    )
    assert len(doc.statements) == 1
    s = doc.statements[0]
    assert s.kind == "direct" and s.speaker == "Ilsa Brandt"
    assert [doc.text[a:b] for a, b in s.spans] == [
        "We will not sell the old lighthouse to anyone",
        "It belongs to the town, and it will stay that way.",
    ]
    assert s.cue is not None and s.cue.text == "told"
    assert not covering(doc, "the council")


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Mayor Ilsa Brandt told the council that the lighthouse stays.", "the lighthouse stays"),
        (
            "Mayor Ilsa Brandt told the harbour council the lighthouse stays.",
            "the lighthouse stays",
        ),
        ("Mayor Ilsa Brandt told the council on Monday that it stays.", "it stays"),
        ("Mayor Ilsa Brandt warned the plan would fail.", "the plan would fail"),
    ],
)
def test_told_addressee_before_reported_content(body: str, content: str) -> None:
    doc = analyzed("The harbour board met on Monday.\n\n" + body)
    s = find(doc, content)
    assert s.kind == "indirect" and s.speaker == "Ilsa Brandt"


def test_mixed_quote_is_one_statement_not_a_nested_duplicate() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol spoke after the mayor.\n\n"
        'He warned that the council had "no plan for the winter storms".'
    )
    assert len(doc.statements) == 1
    s = doc.statements[0]
    assert s.kind == "indirect" and s.speaker == "Tomas Ferreol"
    assert doc.text[s.start : s.end] == 'the council had "no plan for the winter storms"'


def test_councillor_title_goes_to_roles_not_the_name() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol said the vote was rushed. Mayor Ilsa Brandt said it was not."
    )
    assert find(doc, "the vote was rushed").speaker == "Tomas Ferreol"
    assert set(doc.people) == {"Tomas Ferreol", "Ilsa Brandt"}
    assert "Councillor" in doc.people["Tomas Ferreol"].roles
    assert "Mayor" in doc.people["Ilsa Brandt"].roles


def test_pronoun_contractions_never_become_people() -> None:
    text = (
        '1\tMODERATOR\tWe\'re calling this segment "Harbour Futures."\n'
        '2\tBRANDT\tWe\'d say "the lighthouse stays" and we mean it.\n'
        '3\tFERREOL\tI\'m told "nothing is decided" yet.\n'
    )
    from quotecheck.readers.articles import transcript_document

    doc = transcript_document("debate.tsv", text, "tab")
    analyze(doc)
    assert set(doc.people) <= {"Moderator", "Brandt", "Ferreol"}
    for s in doc.statements:
        assert s.speaker in (None, "Moderator", "Brandt", "Ferreol")


def test_contraction_subject_in_an_article_is_no_person() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt spoke at the pier.\n\n"
        "“We’re keeping the lighthouse,” Brandt said. It’s said “the lamp will be relit soon.”"
    )
    assert set(doc.people) == {"Ilsa Brandt"}


def test_transliteration_variants_are_one_speaker() -> None:
    doc = analyzed(
        "Sergey Valkov and Mira Holt meet in Kessel\n\n"
        "Norvanian Foreign Minister Sergei Valkov met Mira Holt.\n\n"
        "Sergey Valkov noted that the talks were frank.",
        headline="Sergey Valkov and Mira Holt meet in Kessel",
    )
    s = find(doc, "the talks were frank")
    assert s.speaker == "Sergey Valkov"
    assert "Sergei Valkov" in doc.people["Sergey Valkov"].aliases


def test_appositive_role_resolves_later_descriptions() -> None:
    doc = analyzed(
        "Velmark Secretary of state Tamsin Orrel met Norvanian Foreign Minister Ondra Valsek.\n\n"
        "The Norvanian Minister said that trade had doubled.\n\n"
        "The Norvanian Foreign Minister noted that tariffs were falling.\n\n"
        "The Secretary of state stressed the fairness of the quotas."
    )
    assert find(doc, "trade had doubled").speaker == "Ondra Valsek"
    assert find(doc, "tariffs were falling").speaker == "Ondra Valsek"
    assert find(doc, "the fairness of the quotas").speaker == "Tamsin Orrel"


def test_he_after_informed_names_salient_speaker() -> None:
    doc = analyzed(
        "Minister Ondra Valsek met Governor Pell Hosk in Kessel.\n\n"
        "Valsek said he had informed Hosk about the talks in Ostrava Bay.\n\n"
        "In addition, he touched upon the situation around the northern pipeline."
    )
    s = find(doc, "the situation around the northern pipeline")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "he"


def test_she_skips_a_male_speaker() -> None:
    doc = analyzed(
        "Senator Michael Dorn debated Governor Susan Kell in Velmark.\n\n"
        "Dorn said taxes would fall. Kell called the plan reckless.\n\n"
        "She said the budget could not bear it."
    )
    assert find(doc, "the budget could not bear it").speaker == "Susan Kell"


def test_generic_sources_are_not_guessed_into_a_person() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania left Kessel.\n\n"
        "The visit was cut short, officials said.\n\n"
        "A source said the minister was unwell.\n\n"
        "The decision came late, a source close to the ministry said."
    )
    for content in ("The visit was cut short", "the minister was unwell", "The decision came late"):
        s = find(doc, content)
        assert s.speaker is None
        assert s.mention is not None and s.mention.text


def test_quote_after_its_speaker_sentence() -> None:
    doc = analyzed(
        "Governor Tamsin Orrel of Velmark visited the port.\n\n"
        "“The cranes are twenty years old.” Orrel said."
    )
    assert find(doc, "The cranes are twenty years old.").speaker == "Tamsin Orrel"


def test_narration_is_no_statement() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania held talks with Governor Pell Hosk on Tuesday.\n\n"
        "Following the talks, Valsek and Hosk held a joint press conference.\n\n"
        "During the press conference, questions were asked about the pipeline.\n\n"
        "Valsek was asked about the harbour."
    )
    assert doc.statements == []


def test_scare_quotes_in_narration_are_no_statement() -> None:
    doc = analyzed("The so-called “green tax” in Norvania doubled the price of coal.")
    assert doc.statements == []


def test_transcript_inner_quote_is_the_opponent() -> None:
    text = (
        "DORN: Thank you. My opponent has a record.\n"
        'KELL: He said, back in 2006, "Gee, I hope the market does collapse."\n'
    )
    line1 = text.index("Thank")
    line2 = text.index("He said")
    doc = Document(path="t.txt", text=text, format="transcript")
    doc.statements = [
        Statement("transcript", line1, text.index("\n"), [(line1, text.index("\n"))], "Dorn"),
        Statement("transcript", line2, len(text) - 1, [(line2, len(text) - 1)], "Kell"),
    ]
    analyze(doc)
    s = find(doc, "Gee, I hope the market does collapse.")
    assert s.kind == "direct"
    assert s.speaker == "Dorn"
    assert s.mention is not None and s.mention.text == "He"
    assert sum(x.kind == "transcript" for x in doc.statements) == 2


def test_record_with_speaker_is_left_alone() -> None:
    text = "The harbour will reopen next spring, Valsek said."
    doc = Document(path="r.jsonl", text=text, format="record")
    doc.statements = [Statement("record", 0, len(text), [(0, len(text))], "Ondra Valsek")]
    analyze(doc)
    assert [s.kind for s in doc.statements] == ["record"]


def test_record_without_speaker_is_read_as_article() -> None:
    text = "Minister Ondra Valsek said the harbour will reopen next spring."
    doc = Document(path="r.jsonl", text=text, format="record")
    analyze(doc)
    assert find(doc, "the harbour will reopen next spring").speaker == "Ondra Valsek"


# -- robustness -------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ab Z.,:;!?\n\t-–—“”\"'‘’«»„‚()")
    + ["said", " he ", "Mr.", " according to ", "U.S.", "Ondra Valsek", "\n\n", " that "]
)


def _check(doc: Document) -> None:
    n = len(doc.text)
    for s in doc.statements:
        assert 0 <= s.start <= s.end <= n
        assert s.spans
        for a, b in s.spans:
            assert s.start <= a <= b <= s.end
        for m in (s.mention, s.cue):
            if m is not None:
                assert 0 <= m.start <= m.end <= n
                assert doc.text[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(0, 20))
def test_arbitrary_text_never_raises_and_offsets_are_valid(text: str, body: int) -> None:
    for fmt in ("article", "record"):
        doc = Document(path="f", text=text, format=fmt, body_start=body)
        analyze(doc)
        _check(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_never_raises(text: str) -> None:
    doc = Document(path="f", text=text, format="article")
    analyze(doc)
    _check(doc)


def test_long_unbalanced_input_is_linear() -> None:
    import time

    text = "“" + ("word said that " * 20000) + "\n\n" + ('"a, ' * 20000)
    t0 = time.perf_counter()
    doc = Document(path="f", text=text, format="article")
    analyze(doc)
    _check(doc)
    assert time.perf_counter() - t0 < 10


def test_quote_only_verb_after_a_quote_and_before_the_full_stop() -> None:
    doc = analyzed(
        "Governor Tamsin Orrel of Velmark met the unions.\n\n"
        "“Well, let me put it this way,” she continued. “The strike ends this week.”"
    )
    s = find(doc, "Well, let me put it this way")
    assert s.speaker == "Tamsin Orrel"
    assert [doc.text[a:b] for a, b in s.spans][1] == "The strike ends this week."


def test_participle_cue_takes_the_sentence_subject() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania met Pell Hosk.\n\n"
        "Hours later, Valsek returned the compliment to Hosk, telling the Kessel Courier, "
        "“Pell and I have been friends for a long time.”"
    )
    s = find(doc, "Pell and I have been friends for a long time.")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "Valsek"


def test_quoted_words_in_a_sentence_about_a_person_are_theirs() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania spoke in Kessel.\n\n"
        "Valsek also bemoaned a climate in which people “literally hate each other” over tolls."
    )
    s = find(doc, "literally hate each other")
    assert s.speaker == "Ondra Valsek"


def test_discourse_adverb_between_subject_and_cue() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania met Governor Susan Kell.\n\n"
        "Valsek however said he would welcome a toll-free bridge."
    )
    s = find(doc, "he would welcome a toll-free bridge")
    assert s.speaker == "Ondra Valsek"


def test_pronoun_follows_the_subject_of_a_later_clause() -> None:
    doc = analyzed(
        "Senator Michael Dorn debated Governor Pell Hosk in Velmark.\n\n"
        "“The tolls must go,” Dorn said.\n\n"
        "The moderators wanted to move on, but Hosk wasn't having it.\n\n"
        "“You see, everybody, the tolls pay for the bridge,” he said."
    )
    assert find(doc, "You see, everybody, the tolls pay for the bridge").speaker == "Pell Hosk"


def test_generic_plural_subject_is_not_a_person() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania left Kessel.\n\n"
        "Officials said the visit was cut short. Critics argued the trip was pointless."
    )
    assert find(doc, "the visit was cut short").speaker is None
    assert find(doc, "the trip was pointless").speaker is None
    assert set(doc.people) == set()


def test_compound_subject_mention_is_the_group() -> None:
    doc = analyzed(
        "Senator Michael Dorn met Governor Susan Kell.\n\n"
        "Michael Dorn and Susan Kell said the bridge would stay open."
    )
    s = find(doc, "the bridge would stay open")
    assert s.mention is not None and s.mention.text == "Michael Dorn and Susan Kell"
    assert s.speaker == "Michael Dorn"


def test_party_tag_between_name_and_cue() -> None:
    doc = analyzed(
        "Senator Michael Dorn spoke in Velmark.\n\n"
        "“The tolls must go,” Sen. Michael Dorn (R-Vel.) said in a statement."
    )
    assert find(doc, "The tolls must go").speaker == "Michael Dorn"


def test_long_premodified_name_keeps_the_person() -> None:
    doc = analyzed(
        "Votes were counted in Ostrava Bay.\n\n"
        "“We made some horrendous mistakes,” said Ostrava County Recorder Helen Marsk."
    )
    s = find(doc, "We made some horrendous mistakes")
    assert s.speaker == "Helen Marsk"
    assert "Ostrava County Recorder" in doc.people["Helen Marsk"].roles


def test_colon_at_paragraph_end_introduces_the_next_paragraph_quote() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania wrote to the council.\n\n"
        "Valsek then listed the qualities a harbour master needs:\n\n"
        "“Patience, a good boat and no fear of the winter storms.”"
    )
    s = find(doc, "Patience, a good boat and no fear of the winter storms.")
    assert s.speaker == "Ondra Valsek"


def test_description_matches_an_abbreviated_title() -> None:
    doc = analyzed(
        "Velmark Gov. Tamsin Orrel met Mayor Liska Brandt in Kessel.\n\n"
        "Brandt said the port would grow.\n\n"
        "The Velmark governor said the budget was tight."
    )
    assert find(doc, "the budget was tight").speaker == "Tamsin Orrel"


def test_office_description_does_not_fall_back_to_another_office_holder() -> None:
    doc = analyzed(
        "Mayor Liska Brandt of Ostrava Bay opened the bridge.\n\n"
        "Brandt said the bridge was safe.\n\n"
        "Traffic will double, the harbour commissioner said."
    )
    assert find(doc, "Traffic will double").speaker is None


def test_descriptive_head_goes_to_the_person_in_focus() -> None:
    doc = analyzed(
        "Pell Hosk, a Velmark property developer, bought the pier.\n\n"
        "Hosk said the pier would reopen.\n\n"
        "“It will be beautiful,” the billionaire developer said."
    )
    assert find(doc, "It will be beautiful").speaker == "Pell Hosk"


def test_transcript_he_is_the_other_debater_not_the_moderator() -> None:
    text = (
        "VOSS: Welcome to the Velmark debate.\n"
        "DORN: Thank you. The tolls must go.\n"
        "DORN: The bridge is paid for.\n"
        "DORN: Every driver knows it.\n"
        "KELL: It is not paid for.\n"
        "KELL: The repairs alone cost millions.\n"
        "VOSS: Senator, your response.\n"
        'KELL: He said, back in 2006, "Gee, I hope the bridge does collapse."\n'
    )
    doc = Document(path="t.txt", text=text, format="transcript")
    pos = 0
    for line in text.splitlines(keepends=True):
        label, _, rest = line.partition(": ")
        a = pos + len(label) + 2
        b = pos + len(line.rstrip("\n"))
        doc.statements.append(Statement("transcript", a, b, [(a, b)], label.title()))
        pos += len(line)
    analyze(doc)
    s = find(doc, "Gee, I hope the bridge does collapse.")
    assert s.speaker == "Dorn"


@pytest.mark.parametrize(
    "block",
    [
        "He said, “we will not sell the lighthouse.” The crowd in Corvale cheered. ",
        "“We will not sell the lighthouse,” he said. The crowd cheered. Brandt said. ",
    ],
)
def test_one_long_paragraph_of_quotes_is_linear(block: str) -> None:
    import time

    def cost(n: int) -> float:
        doc = Document(
            path="x.txt", text="Headline\n\n" + block * n, format="article", body_start=10
        )
        t0 = time.process_time()
        analyze(doc)
        return time.process_time() - t0

    small, big = cost(500), cost(4000)
    # eight times the text: a linear engine takes about eight times as long, not 64
    assert big < 20 * max(small, 0.01), (small, big)


def test_places_and_openers_never_become_people() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania met Governor Susan Kell.\n\n"
        "Texas said the tolls were illegal. Asserting Valsek was wrong, Kell said the bridge "
        "was safe. Velmark-based Pell Hosk said the tolls would stay. New York argued otherwise."
    )
    assert "Texas" not in doc.people and "New York" not in doc.people
    assert find(doc, "the tolls would stay").speaker == "Pell Hosk"
    assert all(not p.startswith(("Asserting", "Velmark-based")) for p in doc.people)


@pytest.mark.parametrize(
    "body",
    [
        "Valsek told reporters Tuesday the toll plan was dead.",
        "Valsek said Monday the toll plan was dead.",
        "Valsek told the council Tuesday that the toll plan was dead.",
    ],
)
def test_bare_time_word_before_reported_clause(body: str) -> None:
    doc = analyzed("Minister Ondra Valsek of Norvania spoke in Kessel.\n\n" + body)
    s = find(doc, "the toll plan was dead")
    assert s.speaker == "Ondra Valsek"


def test_two_apostrophe_quote_marks_of_wire_copy() -> None:
    """''…'' (NYT and wire style) reads as a double quote mark, offsets unchanged."""
    text = "Corvale votes\n\n''We will rebuild the old pier,'' said Mayor Ilsa Brandt on Monday.\n"
    doc = Document(path="wire.txt", text=text, format="article", body_start=13)
    analyze(doc)
    (st,) = doc.statements
    assert (st.kind, st.speaker) == ("direct", "Ilsa Brandt")
    assert [text[a:b] for a, b in st.spans] == ["We will rebuild the old pier"]
    plain = Document(path="p.txt", text=text.replace("''", '"'), format="article", body_start=13)
    analyze(plain)  # the same statement as with ASCII double quotes
    assert [(s.kind, s.speaker) for s in plain.statements] == [("direct", "Ilsa Brandt")]


@pytest.mark.parametrize(
    "tail",
    [
        "he told cheering supporters in Corvale on Monday morning.",
        "Valsek said in a statement released by his office.",
        "Valsek told the lawmakers in the Norvanian chamber and the crowd outside.",
    ],
)
def test_quote_before_the_subject_is_the_content_not_the_addressee(tail: str) -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        f"“We have come a long way in nine months,” {tail}"
    )
    s = find(doc, "We have come a long way in nine months")
    assert s.kind == "direct" and s.speaker == "Ondra Valsek"
    assert len(doc.statements) == 1  # what follows the cue is no statement


def test_quote_before_the_subject_keeps_a_that_clause_after_the_cue() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        "“Enough,” Valsek told reporters, and that the port would reopen."
        "\n\n“Enough,” Valsek told reporters that the port would reopen."
    )
    s = find(doc, "the port would reopen")
    assert s.speaker == "Ondra Valsek"


def test_quoted_question_ends_the_sentence_before_its_speaker() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        "“You think I am going to change?” Valsek asked reporters rhetorically at a news "
        "conference in Corvale. “I am not changing.”"
    )
    s = find(doc, "You think I am going to change?")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "Valsek"
    assert not covering(doc, "news conference in Corvale")


def test_adjunct_after_the_cue_without_a_quote_before_stays_the_content() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        "“The tolls must go,” Tomas Ferreol said.\n\n"
        "Valsek said on the radio, where he is a guest every week, that the port would reopen."
    )
    (s,) = covering(doc, "the port would reopen")
    assert s.speaker == "Ondra Valsek"


def test_coordinated_clause_with_its_own_speaker_ends_the_first_statement() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale and Councillor Tomas Ferreol debated the harbour.\n\n"
        "Brandt said the harbour plan was sound, while Ferreol said it would bankrupt the town."
    )
    (first,) = covering(doc, "the harbour plan was sound")
    (second,) = covering(doc, "it would bankrupt the town")
    assert first is not second
    assert first.speaker == "Ilsa Brandt" and second.speaker == "Tomas Ferreol"
    assert "Ferreol" not in doc.text[first.start : first.end]


@pytest.mark.parametrize(
    "when", ["on Tuesday", "earlier Thursday", "last week", "on Sunday night", "today"]
)
def test_time_adverbial_between_subject_and_cue(when: str) -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        f"The Norvanian minister {when} dismissed the toll plan as a fantasy."
    )
    (s,) = covering(doc, "the toll plan as a fantasy")
    assert s.mention is not None and s.mention.text == "The Norvanian minister"


def test_have_long_argued_keeps_the_subject() -> None:
    doc = analyzed("In Corvale, opponents have long argued that the toll is too high.")
    (s,) = covering(doc, "the toll is too high")
    assert s.mention is not None and s.mention.text == "opponents"


def test_one_sentence_of_many_coordinated_cues_is_linear() -> None:
    import time

    text = "Corvale\n\n" + "Brandt said the pier was old, and Ferreol said " * 20000 + "enough."
    t0 = time.perf_counter()
    doc = Document(path="f", text=text, format="article", body_start=9)
    analyze(doc)
    _check(doc)
    assert time.perf_counter() - t0 < 10


def test_words_before_the_subject_not_the_adjunct_after_the_cue() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale spoke to the council.\n\n"
        "The town had “turned the corner” on its debts at last, she said in a video message "
        "to the council."
    )
    (s,) = covering(doc, "turned the corner")
    assert s.speaker == "Ilsa Brandt"
    assert doc.text[s.start : s.end].startswith("The town had")
    assert not covering(doc, "video message")


def test_quoted_show_title_after_told_is_the_addressee() -> None:
    doc = analyzed(
        "Minister Ondra Valsek of Norvania toured the harbour.\n\n"
        "“We have to really raise the tolls,” the Norvanian minister told “Morning Corvale” "
        "after he was asked about the ferry."
    )
    s = find(doc, "We have to really raise the tolls")
    assert s.speaker == "Ondra Valsek"
    assert not covering(doc, "after he was asked")


def test_name_opening_the_sentence_before_a_long_appositive_speaks() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol of Corvale opened the fair.\n\n"
        "Ilsa Brandt, a harbour pilot from Ostrava Bay, Norvania, said the fair was too loud. "
        "She called the fireworks “a waste of good money.”"
    )
    (s,) = covering(doc, "the fair was too loud")
    assert s.speaker == "Ilsa Brandt"
    assert s.mention is not None and s.mention.text == "Ilsa Brandt"
    (q,) = covering(doc, "a waste of good money.")
    assert q.speaker == "Ilsa Brandt"


def test_name_before_an_appositive_is_the_subject_for_a_later_pronoun() -> None:
    doc = analyzed(
        "Mayor Ondra Valsek of Corvale met the unions.\n\n"
        "Tomas Ferreol, an economist at the Corvale Institute, calculates that the harbour "
        "employs 600 people. He says 200 of those jobs could go."
    )
    (s,) = covering(doc, "200 of those jobs could go")
    assert s.speaker == "Tomas Ferreol"


def test_participle_clause_carries_the_resolved_speaker() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale was critical of the plan.\n\n"
        "“I worry greatly about the harbour,” she said, adding that the tolls "
        "“fan the flames of anger.”"
    )
    (s,) = covering(doc, "fan the flames of anger")
    assert s.speaker == "Ilsa Brandt"
    assert s.cue is not None and s.cue.text == "adding"


def test_name_with_of_place_resolves_to_the_person() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale welcomed Governor Tomas Ferreol of Norvania.\n\n"
        "“The bridge is a gift,” said Gov. Tomas Ferreol of Norvania, who "
        "once worked for Brandt. He added, “It will outlast us all.”"
    )
    assert find(doc, "The bridge is a gift").speaker == "Tomas Ferreol"
    assert find(doc, "It will outlast us all.").speaker == "Tomas Ferreol"


def test_possessor_opening_a_sentence_is_the_salient_subject() -> None:
    doc = analyzed(
        "Mayor Ondra Valsek of Corvale met Councillor Tomas Ferreol on Monday.\n\n"
        "Ferreol’s renewed support for the harbour plan came with caveats. "
        "He may change the budget, he said."
    )
    (s,) = covering(doc, "He may change the budget")
    assert s.speaker == "Tomas Ferreol"


def test_name_set_off_by_commas_after_a_description_speaks() -> None:
    doc = analyzed(
        "Three delegates from Corvale spoke after the vote.\n\n"
        "And a third, Tomas Ferreol, said that he was backing Ilsa Brandt. "
        "“I prefer Brandt,” he said."
    )
    (s,) = covering(doc, "he was backing Ilsa Brandt")
    assert s.speaker == "Tomas Ferreol"
    assert find(doc, "I prefer Brandt").speaker == "Tomas Ferreol"


def test_relative_clause_statement_ends_before_the_main_verb() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol of Corvale spoke after the vote.\n\n"
        "Ferreol, who said he usually votes for the Greens, said one candidate he likes "
        "is Ilsa Brandt."
    )
    (first,) = covering(doc, "he usually votes for the Greens")
    (second,) = covering(doc, "one candidate he likes is Ilsa Brandt")
    assert first is not second
    assert first.speaker == second.speaker == "Tomas Ferreol"


def test_name_of_an_organisation_with_an_article_is_the_subject() -> None:
    doc = analyzed(
        "The Corvale harbour plan drew comment.\n\n"
        "Ilsa Brandt of The Corvale Courier wrote, “If you want people to trust you, you "
        "have to show it.”"
    )
    s = find(doc, "If you want people to trust you, you have to show it.")
    assert s.speaker == "Ilsa Brandt"


def test_that_after_a_subordinate_clause_is_not_the_cues_complementizer() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale met the unions.\n\n"
        "“That is a fair worry, because they care,” Brandt, 69, told Radio Corvale Monday when "
        "asked about concerns that the strike would spread."
    )
    s = find(doc, "That is a fair worry, because they care")
    assert s.speaker == "Ilsa Brandt"
    assert not [x for x in covering(doc, "the strike would spread") if x.speaker]


def test_according_to_after_a_reported_statement_is_an_outer_statement() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale spoke on Monday.\n\n"
        "Brandt said she was happy to see the pier reopen, according to the Corvale Courier."
    )
    (inner,) = [
        s
        for s in covering(doc, "she was happy to see the pier reopen")
        if s.cue and s.cue.text == "said"
    ]
    assert inner.speaker == "Ilsa Brandt"
    assert doc.text[inner.start : inner.end] == "she was happy to see the pier reopen"
    outer = [s for s in doc.statements if s.cue is not None and s.cue.text == "according to"]
    assert len(outer) == 1 and outer[0].mention is not None
    assert outer[0].mention.text == "the Corvale Courier"
    assert doc.text[outer[0].start : outer[0].end].startswith("Brandt said")


def test_nested_report_gives_the_inner_speaker_a_statement_too() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale spoke on Monday.\n\n"
        "Brandt said Councillor Tomas Ferreol told her that the budget was too high."
    )
    outer = find(doc, "Councillor Tomas Ferreol told her that the budget was too high")
    inner = find(doc, "the budget was too high")
    assert outer.speaker == "Ilsa Brandt" and inner.speaker == "Tomas Ferreol"


def test_statement_saying_is_the_issuers_statement() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale answered her critics.\n\n"
        "Brandt issued a statement saying the harbour plan would go ahead."
    )
    (s,) = covering(doc, "the harbour plan would go ahead")
    assert s.speaker == "Ilsa Brandt"
    assert s.mention is not None and s.mention.text == "Brandt"


def test_adverb_before_a_cue_is_no_subject() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale said the council would sometimes dismiss her plans."
    )
    assert all(s.mention is None or s.mention.text != "sometimes" for s in doc.statements)


def test_spokesman_named_after_his_principal_is_the_subject() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale blocked the vote.\n\n"
        "Brandt spokesman Don Ferreol wouldn’t say when the council will vote.\n\n"
        "“I don’t have any new announcements yet,” he said."
    )
    assert find(doc, "I don’t have any new announcements yet").speaker == "Don Ferreol"


@pytest.mark.parametrize(
    "body",
    [
        "The Corvale council put out a statement saying the pier would reopen in May.",
        "The Corvale council released a statement Wednesday saying the pier would reopen in May.",
    ],
)
def test_statement_saying_belongs_to_whoever_issued_it(body: str) -> None:
    doc = analyzed("The pier closed in March.\n\n" + body)
    (s,) = covering(doc, "the pier would reopen in May")
    assert s.mention is not None and s.mention.text == "The Corvale council"


def test_time_adverbial_after_an_appositive_before_the_cue() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale spoke on Monday.\n\n"
        "Tomas Ferreol, who backed Brandt in the spring, last week said the pier was unsafe."
    )
    (s,) = covering(doc, "the pier was unsafe")
    assert s.speaker == "Tomas Ferreol"


def test_inverted_speaker_ends_before_a_subordinate_clause() -> None:
    doc = analyzed(
        "“The pier is unsafe,” said Corvale resident Tomas Ferreol when asked about the vote."
    )
    s = find(doc, "The pier is unsafe")
    assert s.mention is not None and s.mention.text == "Corvale resident Tomas Ferreol"


def test_participle_after_a_long_introduction_takes_the_clause_subject() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale met Councillor Tomas Ferreol.\n\n"
        "On Thursday, after staying neutral for months, Ferreol appeared on the radio and "
        "endorsed Brandt, saying, “She is exactly what this town needs.”"
    )
    s = find(doc, "She is exactly what this town needs.")
    assert s.speaker == "Tomas Ferreol"


def test_description_words_must_fit_a_recent_role_holder() -> None:
    doc = analyzed(
        "Corvale held its harbour fair on Monday.\n\n"
        "Mr. Tomas Ferreol got in on the game, bashing critics of Senator Ondra Valsek at a "
        "rally. “They run harder against me than against anyone,” the Velmark senator said."
    )
    s = find(doc, "They run harder against me than against anyone")
    assert s.speaker == "Tomas Ferreol"


def test_full_name_subject_is_salient_without_a_title() -> None:
    doc = analyzed(
        "Corvale held its harbour fair on Sunday.\n\n"
        "Ondra Ferreol waited at the pier for the ferry from Kessel, which had been delayed for "
        "three hours by fog, while the stall of Mr. Pell Orrel sold smoked fish to the crowd."
        "\n\n“The ferry is late again,” he said."
    )
    assert find(doc, "The ferry is late again").speaker == "Ondra Ferreol"


@pytest.mark.parametrize("opener", ["Whether", "Voters’"])
def test_opener_or_plural_possessive_is_not_part_of_a_name(opener: str) -> None:
    from quotecheck.analysis.people import Registry

    reg = Registry()
    reg.scan(f"{opener} Ilsa Brandt would run was unclear.")
    assert [e.name for e in reg.entities] == ["Ilsa Brandt"]


def test_pronouns_after_another_name_do_not_set_a_gender() -> None:
    from quotecheck.analysis.people import Registry

    # (a given name that tells no gender: "Tomas" does since the given-name lists grew)
    text = (
        "Ondra Ferreol said there was more room for Liska Brandt to win because she was new "
        "to voters. But Ferreol noted that Brandt had rebounded before and said she can do "
        "so again."
    )
    reg = Registry()
    reg.scan(text)
    reg.infer_genders(text)
    genders = {e.name: e.gender for e in reg.entities}
    assert genders["Ondra Ferreol"] is None


def test_guessed_gender_does_not_override_the_salient_subject() -> None:
    doc = analyzed(
        "Corvale opened its new school on Monday.\n\n"
        "Tomas Ferreol thanked the head teacher, who said she had planned the building for "
        "years and that her pupils would move in at once. Ferreol then toured the gym with the "
        "builder of Mr. Pell Orrel’s firm. “This is the best school in Norvania,” he said."
    )
    assert find(doc, "This is the best school in Norvania").speaker == "Tomas Ferreol"


@pytest.mark.parametrize("verb", ["mused", "fumed", "interjected", "scoffed", "exclaimed"])
def test_manner_of_speaking_verb_before_a_quote(verb: str) -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale toured the pier.\n\n"
        f"Brandt {verb}, “Nobody has ever fixed this pier in forty years.”"
    )
    s = find(doc, "Nobody has ever fixed this pier in forty years.")
    assert s.speaker == "Ilsa Brandt"
    assert s.cue is not None and s.cue.text == verb


def test_manner_verb_without_a_quote_is_no_statement() -> None:
    doc = analyzed("The Corvale ferry company posted gains in the spring and wondered why.")
    assert doc.statements == []


def test_cue_ending_a_paragraph_with_a_colon_introduces_the_next_quote() -> None:
    doc = analyzed(
        "Voters in Corvale lined up early.\n\n"
        "17-year-old Tomas Ferreol echoed:\n\n"
        "“He speaks his mind, and I think that might be what the town needs.”"
    )
    s = find(doc, "He speaks his mind, and I think that might be what the town needs.")
    assert s.speaker == "Tomas Ferreol"
    assert s.cue is not None and s.cue.text == "echoed"


def test_quoted_question_then_said_of_a_topic() -> None:
    doc = analyzed(
        "Mayor Ilsa Brandt of Corvale answered the ferry company.\n\n"
        "“Who do they think they are?” Brandt said of the company in February, when it "
        "refused to sail."
    )
    s = find(doc, "Who do they think they are?")
    assert s.speaker == "Ilsa Brandt"
    assert s.mention is not None and s.mention.text == "Brandt"


@pytest.mark.parametrize(
    "body",
    [
        "The ferry made the trip to Corvale, a harbour town in his home state of Norvania.",
        "Brandt made no mention of the ferry, although claims of fraud were everywhere.",
        "Big efforts in big states such as Velmark and Kessel were planned.",
    ],
)
def test_noun_uses_of_cue_words_are_no_statements(body: str) -> None:
    doc = analyzed("Mayor Ilsa Brandt of Corvale spoke on Monday.\n\n" + body)
    assert doc.statements == []


def test_coordinated_object_before_a_preposition_is_not_a_new_subject() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol of Corvale spoke at the harbour fair.\n\n"
        "Ferreol also attacked the ferry company and Mr. Ondra Valsek during the speech. "
        "He said the company was “robbing the town.”"
    )
    (s,) = covering(doc, "robbing the town.")
    assert s.speaker == "Tomas Ferreol"


def test_according_to_with_an_appositive_leaves_it_out_of_the_content() -> None:
    doc = analyzed(
        "Harbour accounts\n\n"
        "According to Tomas Ferreol, the harbour master, the port lost money for three years.\n\n"
        "According to Ilsa Brandt, the port, which opened in 1901, is sound."
    )
    (s,) = covering(doc, "the port lost money for three years")
    assert s.speaker == "Tomas Ferreol"
    assert doc.text[s.start : s.end] == "the port lost money for three years"
    # a relative clause after the second comma: "the port" is the content's subject
    (t,) = covering(doc, "which opened in 1901")
    assert doc.text[t.start : t.end].startswith("the port, which opened")


def test_transcript_excerpt_inside_an_article_keeps_its_labels() -> None:
    doc = analyzed(
        "On Sunday's broadcast, Corvale Mayor Ilsa Brandt said the ferry would run again.\n\n"
        "Partial transcript as follows:\n\n"
        '"DORN: Will the ferry run this summer?\n\n'
        '"BRANDT: It will run by June. The council has found the money.\n\n'
        '"And the harbour will be dredged as well.\n\n'
        '"(CROSSTALK.)\n\n'
        '"DORN: And the fares?\n\n'
        "UPDATE: The council meets on Monday.\n\n"
        "VALSEK: I doubt it will run at all."
    )
    s = find(doc, "Will the ferry run this summer?")
    assert s.speaker == "Dorn"  # a label that opens two turns names its speaker
    assert s.mention is not None and s.mention.text == "DORN"
    b = find(doc, "It will run by June. The council has found the money.")
    assert b.speaker == "Ilsa Brandt"
    assert b.kind == "direct"
    # the quoted turn carries on over the next quoted paragraph, not past the stage direction
    assert [doc.text[x:y] for x, y in b.spans][1] == "And the harbour will be dredged as well."
    assert find(doc, "And the fares?").speaker == "Dorn"
    # furniture is no speaker, nor is a one-off label naming no one the article names
    assert not covering(doc, "The council meets on Monday.")
    assert all(s.speaker is None for s in covering(doc, "I doubt it will run at all."))


def test_amendments_places_and_prizes_are_not_people() -> None:
    from quotecheck.analysis.people import Registry

    text = (
        "Mayor Ilsa Brandt of Corvale spoke about the Second Amendment at Sandy Hook, about "
        "the Middle East, the Nobel Peace Prize and the Norvania Constitution."
    )
    reg = Registry()
    reg.scan(text)
    assert [e.name for e in reg.entities] == ["Ilsa Brandt"]


def test_lone_capitalised_common_word_is_no_speaker() -> None:
    doc = analyzed(
        "Ferry companies in Corvale pay the harbour fees.\n\n"
        "Companies said the fees were too high for the small ports of Norvania."
    )
    (s,) = covering(doc, "the fees were too high")
    assert s.speaker is None


def test_subject_of_a_cue_sentence_without_content_stays_in_focus() -> None:
    doc = analyzed(
        "Petra Dorn walked with the marchers in Corvale on Tuesday.\n\n"
        "Tomas Ferreol has also commented on Dorn’s march.\n\n"
        "On Wednesday, he told a crowd in Norvania that he was “troubled” by the harbour."
    )
    (s,) = covering(doc, "troubled")
    assert s.speaker == "Tomas Ferreol"


def test_given_name_that_is_also_a_modal_after_said() -> None:
    doc = analyzed(
        '"It is a pretty expensive ferry," said Will Dorn, a professor at the Corvale Institute.'
    )
    s = find(doc, "It is a pretty expensive ferry")
    assert s.speaker == "Will Dorn"


def test_time_phrase_between_subject_and_verb_before_a_participle_cue() -> None:
    doc = analyzed(
        "The harbour board met in Corvale.\n\n"
        "Tomas Ferreol on Thursday stepped up his attacks on Dorn, saying she is “weak on "
        "the harbour, you know that.”"
    )
    (s,) = covering(doc, "weak on the harbour")
    assert s.speaker == "Tomas Ferreol"


def test_as_clause_reporting_the_words_that_follow() -> None:
    doc = analyzed(
        "Ondra Valsek apologized last year. But, as Mr. Valsek said, “At a certain point, "
        "you wake up and you realize you have lost the town.”\n\n"
        "As one employee told the Corvale Weekly, “She wants to put fear in our hearts.”"
    )
    s = find(doc, "At a certain point, you wake up and you realize you have lost the town.")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "Mr. Valsek"
    t = find(doc, "She wants to put fear in our hearts.")
    assert t.speaker is None
    assert t.mention is not None and t.mention.text == "one employee"


def test_appositive_between_subject_and_verb_before_a_participle_cue() -> None:
    doc = analyzed(
        "Ilsa Brandt, president of the Corvale Institute, tied the test scores to the "
        "harbour school, saying the law helped “keep kids in school.”"
    )
    (s,) = covering(doc, "keep kids in school.")
    assert s.speaker == "Ilsa Brandt"


def test_pronoun_in_a_later_clause_is_the_subject_of_its_own_sentence() -> None:
    doc = analyzed(
        "Ondra Valsek opened the harbour debate in Corvale on Monday.\n\n"
        "Tomas Ferreol exaggerates when he says he wrote the harbour law.\n\n"
        "Also, Dorn is not a sailor, Ondra Valsek said on Monday. Ferreol is not one, he said."
    )
    assert find(doc, "he wrote the harbour law").speaker == "Tomas Ferreol"
    # content before the subject: the sentence opens with the content, not the speaker
    assert find(doc, "Ferreol is not one").speaker == "Ondra Valsek"


def test_place_only_named_after_a_preposition_is_not_she() -> None:
    doc = analyzed(
        "Petra Dorn runs the harbour school.\n\n"
        "Three ferries were late this spring.\n\n"
        "Two more were cancelled.\n\n"
        "The ferries stopped at the Velko Tarn harbour office on Monday.\n\n"
        "She said the school would stay open."
    )
    (s,) = covering(doc, "the school would stay open")
    assert s.speaker == "Petra Dorn"


def test_participle_after_by_takes_the_sentence_subject() -> None:
    doc = analyzed(
        "Ondra Valsek distanced himself from the harbour board by saying he would be willing "
        "to help the ferry company if asked."
    )
    (s,) = covering(doc, "he would be willing")
    assert s.speaker == "Ondra Valsek"


def test_subject_with_a_place_of_before_a_participle_cue() -> None:
    doc = analyzed(
        "At a rally in Corvale on Tuesday, Senator Ilsa Brandt of Norvania endorsed the "
        "mayor, saying that her old rival would “make an outstanding harbour master.”"
    )
    (s,) = covering(doc, "make an outstanding harbour master")
    assert s.speaker == "Ilsa Brandt"


def test_participle_subject_after_a_clause_opening_as_or_role_words() -> None:
    doc = analyzed(
        "The harbour fair was opened in Corvale by the two best known sailors of Norvania, as "
        "Mayor Ilsa Brandt echoed the criticism, saying the ferry “is not in it for the town.”"
        "\n\n"
        "Harbour council candidate Tomas Ferreol (C-Nor.) on Saturday criticized the fares, "
        "saying they were “too high for anyone.”"
    )
    (s,) = covering(doc, "is not in it for the town")
    assert s.speaker == "Ilsa Brandt"
    (t,) = covering(doc, "too high for anyone")
    assert t.speaker == "Tomas Ferreol"


def test_quote_signed_with_a_dash_and_a_name() -> None:
    doc = analyzed(
        '"The ferry will run again by June, and the council has found the money."\n\n'
        "- Ilsa Brandt.\n\n"
        "“We need the harbour dredged before the winter storms come in.” ― Tomas Ferreol\n"
        "“Nobody asked the fishermen of Corvale what they think.” — Petra Dorn"
    )
    s = find(doc, "The ferry will run again by June, and the council has found the money.")
    assert s.speaker == "Ilsa Brandt"
    assert s.mention is not None and s.mention.text == "Ilsa Brandt"
    assert find(doc, "We need the harbour dredged before the winter storms come in.").speaker == (
        "Tomas Ferreol"
    )
    assert find(doc, "Nobody asked the fishermen of Corvale what they think.").speaker == (
        "Petra Dorn"
    )


def test_speaker_with_party_tag_and_appositive_after_a_quote_and_a_focus_word() -> None:
    doc = analyzed(
        "Councillor Tomas Ferreol of Corvale sits on the harbour panel.\n\n"
        "“They would just go get them, they would not get a deal,” Councillor Tomas Ferreol "
        "(C-Nor.), a harbour panel member, said.\n\n"
        "Even Norvania, Corvale's only ally and its lifeline to the sea, said it was "
        "“resolutely opposed” to the ferry."
    )
    (s,) = covering(doc, "they would not get a deal")
    assert s.mention is not None and s.mention.text == "Councillor Tomas Ferreol"
    assert s.speaker == "Tomas Ferreol"
    (t,) = covering(doc, "resolutely opposed")
    assert t.mention is not None and t.mention.text == "Norvania"


def test_relative_clause_on_an_inverted_speaker_is_not_the_content() -> None:
    doc = analyzed(
        "Shop owners in Corvale are angry.\n\n"
        '"After we came here, we realized it was all lies," said one owner of a shop that '
        "sells fishing gear who declined to be named."
    )
    s = find(doc, "After we came here, we realized it was all lies")
    assert s.mention is not None and s.mention.text == "one owner of a shop"
    assert not covering(doc, "sells fishing gear")


def test_short_quoted_title_before_the_subject_is_not_the_content() -> None:
    doc = analyzed(
        "In an interview on Corvale Radio's “Harbour Hour,” Mayor Ilsa Brandt said the ferry "
        "would run again by June."
    )
    (s,) = covering(doc, "the ferry would run again")
    assert s.speaker == "Ilsa Brandt"
    assert doc.text[s.start : s.end] == "the ferry would run again by June"


def test_subject_starts_after_although_and_ends_before_in_april() -> None:
    doc = analyzed(
        "Tomas Ferreol runs the harbour.\n\n"
        "Although Ferreol has admitted using the harbour fund, he does not defend it.\n\n"
        "More recently, federal prosecutors in April charged that the harbour master lied."
    )
    (s,) = covering(doc, "using the harbour fund")
    assert s.mention is not None and s.mention.text == "Ferreol"
    (t,) = covering(doc, "the harbour master lied")
    assert t.mention is not None and t.mention.text == "federal prosecutors"


def test_cite_reports_what_the_speaker_puts_forward() -> None:
    doc = analyzed(
        "Tomas Ferreol resigned from the harbour board, citing concerns that the council had "
        "misled voters."
    )
    (s,) = covering(doc, "the council had misled voters")
    assert s.speaker == "Tomas Ferreol"
    assert s.cue is not None and s.cue.text == "citing"


def test_preposition_or_verb_capitalised_before_a_name_is_not_part_of_it() -> None:
    doc = analyzed(
        "To Petra Dorn, the harbour is everything. Dorn said the ferry must run.\n\n"
        "Was Tomas Ferreol right? Ferreol said he was."
    )
    assert "To Petra Dorn" not in doc.people
    assert "Was Tomas Ferreol" not in doc.people
    assert find(doc, "the ferry must run").speaker == "Petra Dorn"
    assert find(doc, "he was").speaker == "Tomas Ferreol"


def test_unknown_verb_after_a_comma_quote_and_its_subject_is_a_speech_verb() -> None:
    doc = analyzed(
        "Tomas Ferreol spoke at the harbour fair.\n\n"
        '"People are afraid of wasting their votes on the ferry," he surmised. '
        '"I see it all the time."'
    )
    s = find(doc, "People are afraid of wasting their votes on the ferry")
    assert s.speaker == "Tomas Ferreol"
    assert s.cue is not None and s.cue.text == "surmised"


def test_curly_marks_facing_the_wrong_way_pair_by_their_neighbours() -> None:
    # A ” opening a paragraph or standing before a word opens a quote; a “ after the
    # last word of a quote and before a comma closes it: the shape of a mark is a typo,
    # the characters either side are not.
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol spoke at the harbour fair.\n\n"
        "”The ferry will run again by June, and the council has found the money.” ― Ilsa Brandt\n\n"
        "“The harbour needs dredging before the winter storms,“ said Tomas Ferreol.\n\n"
        "” … what I learned from the fishermen of Corvale is that nobody asked them,” he said."
    )
    s = find(doc, "The ferry will run again by June, and the council has found the money.")
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "The harbour needs dredging before the winter storms")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"
    s = find(doc, "… what I learned from the fishermen of Corvale is that nobody asked them")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "he"


def test_trailing_attribution_after_a_sentence_with_another_cue() -> None:
    # ", the source added." closes a sentence holding another cue: the whole sentence is
    # the source's statement, and the inner one ends before the comma.
    doc = analyzed(
        "Ilsa Brandt runs the harbour of Corvale.\n\n"
        "Brandt had told port officials that she did not want an escort at all, but the "
        "council overruled that request, the source added.\n\n"
        "Harbour protocol called for the ferry to be taken to the north pier, sources said."
    )
    s = find(
        doc,
        "Brandt had told port officials that she did not want an escort at all, but the "
        "council overruled that request",
    )
    assert s.mention is not None and s.mention.text == "the source"
    inner = find(doc, "she did not want an escort at all, but the council overruled that request")
    assert inner.speaker == "Ilsa Brandt"
    s = find(doc, "Harbour protocol called for the ferry to be taken to the north pier")
    assert s.mention is not None and s.mention.text == "sources"
    assert s.speaker is None


def test_inverted_lead_with_a_capitalised_verb_before_the_quote() -> None:
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol spoke at the harbour fair.\n\n"
        "The ferry plan would make the harbour more complicated. Said Ferreol: “I do not get "
        "the sense she is the least bit interested in the harbour.”\n\n"
        "Stated Brandt:\n\n"
        "“I think that the stakes are so high for the fishermen of Corvale.”\n\n"
        "Continued Brandt: “So I think it is a very real problem.”"
    )
    s = find(doc, "I do not get the sense she is the least bit interested in the harbour.")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "Ferreol"
    s = find(doc, "I think that the stakes are so high for the fishermen of Corvale.")
    assert s.speaker == "Ilsa Brandt"
    assert find(doc, "So I think it is a very real problem.").speaker == "Ilsa Brandt"


def test_participle_after_before_takes_the_sentence_subject() -> None:
    doc = analyzed(
        "Petra Dorn sang at the Corvale harbour fair.\n\n"
        "“Promise you will keep the harbour open,” Dorn sings to Ilsa Brandt before asking "
        "her, “I just want to know, where do we go from here?”"
    )
    s = find(doc, "I just want to know, where do we go from here?")
    assert s.speaker == "Petra Dorn"
    assert s.mention is not None and s.mention.text == "Dorn"


def test_pronoun_mention_leaves_out_its_contracted_verb() -> None:
    doc = analyzed(
        "Tomas Ferreol wrote about the Corvale ferry.\n\n"
        "I’ve said for six years that the ferry needs a second crew on the night run.\n\n"
        "Ferreol called the council on Monday. He'd add that the fares must not rise."
    )
    s = find(doc, "the ferry needs a second crew on the night run")
    assert s.mention is not None and s.mention.text == "I"
    s = find(doc, "the fares must not rise")
    assert s.mention is not None and s.mention.text == "He"
    assert s.speaker == "Tomas Ferreol"


def test_known_name_after_an_introductory_phrase_without_a_comma_is_the_subject() -> None:
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol spoke at the Corvale harbour fair.\n\n"
        "In a radio interview Ferreol declared that the ferry may be obsolete.\n\n"
        "On Monday Brandt declared “I think the harbour must stay open. Things are different "
        "now.”\n\n"
        "In Corvale the fishermen said the ferry was late."
    )
    s = find(doc, "the ferry may be obsolete")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "Ferreol"
    s = find(doc, "I think the harbour must stay open. Things are different now.")
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "the ferry was late")
    assert s.mention is not None and s.mention.text == "the fishermen"
    assert s.speaker is None


def test_capitalised_stop_word_after_a_given_name_is_a_surname() -> None:
    # "May" (a month, a modal) is a name after a capitalised given name, not a stop
    doc = analyzed(
        "Ilsa Brandt spoke at the Corvale harbour fair.\n\n"
        "Harbour Minister Lena May said this week that the ferry would run again by March."
    )
    s = find(doc, "the ferry would run again by March")
    assert s.mention is not None and s.mention.text == "Harbour Minister Lena May"


def test_second_verb_of_the_subject_after_and_is_a_cue() -> None:
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol spoke at the Corvale harbour fair.\n\n"
        "Tomas Ferreol, her rival in Corvale, bemoaned the unrest at the harbour and said he "
        "thought that drugs were a big factor in the violence.\n\n"
        'When the ferry was late again, I laughed and said, "I do not believe in timetables."'
    )
    s = find(doc, "he thought that drugs were a big factor in the violence")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"
    s = find(doc, "I do not believe in timetables.")
    assert s.mention is not None and s.mention.text == "I"


def test_triple_apostrophe_closes_an_inner_and_an_outer_quote_of_wire_copy() -> None:
    doc = analyzed(
        "Ondra Valsek campaigned in Norvania.\n\n"
        "''Part of my job is to say: 'Hey, this ferry is for real,''' Mr. Valsek said of the "
        "plan. ''We will sail by June.''"
    )
    s = find(doc, "Part of my job is to say: 'Hey, this ferry is for real,'")
    assert s.speaker == "Ondra Valsek"
    assert s.mention is not None and s.mention.text == "Mr. Valsek"


def test_parenthetical_attribution_inside_reported_speech() -> None:
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol spoke at the Corvale harbour fair.\n\n"
        "Too often, Ms. Brandt said, the debate over the future of the harbour is infected "
        "with tribalism.\n\n"
        "The pollution had become so bad, Mr. Ferreol noted, that the most-visited page in "
        "Norvania was the daily air-quality monitor."
    )
    s = find(doc, "the debate over the future of the harbour is infected with tribalism")
    assert s.speaker == "Ilsa Brandt"
    assert [doc.text[a:b] for a, b in s.spans][0] == "Too often"
    s = find(doc, "that the most-visited page in Norvania was the daily air-quality monitor")
    assert s.speaker == "Tomas Ferreol"
    assert s.mention is not None and s.mention.text == "Mr. Ferreol"


def test_quote_before_the_subject_wins_over_a_that_clause_on_an_adjunct() -> None:
    doc = analyzed(
        "Ilsa Brandt spoke at the Corvale harbour fair.\n\n"
        '"We are in such a critical situation in Corvale after the storm," Harbour Master '
        "Ilsa Brandt told reporters after the day-long meeting that was held in part on a "
        "ferry."
    )
    s = find(doc, "We are in such a critical situation in Corvale after the storm")
    assert s.mention is not None and s.mention.text == "Harbour Master Ilsa Brandt"
    assert all(
        doc.text[a:b] != "was held in part on a ferry" for st in doc.statements for a, b in st.spans
    )


def test_relative_that_on_an_adjunct_noun_leaves_the_quote_before_the_subject() -> None:
    doc = analyzed(
        "Tomas Ferreol toured the new ferry in Corvale.\n\n"
        '"It is like a new ship," Tomas Ferreol said in a documentary that showed the '
        "refitted cabins.\n\n"
        '"They would be on any short list for the council," Petra Dorn said of a list that '
        "included Ondra Valsek."
    )
    s = find(doc, "It is like a new ship")
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"
    s = find(doc, "They would be on any short list for the council")
    assert s.mention is not None and s.mention.text == "Petra Dorn"
    assert all(
        "refitted cabins" not in doc.text[a:b] and "included Ondra" not in doc.text[a:b]
        for st in doc.statements
        for a, b in st.spans
    )


def test_that_clause_after_an_adjunct_is_still_the_content() -> None:
    doc = analyzed(
        "Ilsa Brandt spoke in Corvale.\n\n"
        '"We will see," Ilsa Brandt said in a statement that the harbour was closed.'
    )
    assert find(doc, "the harbour was closed").mention is not None


def test_participle_takes_a_description_opening_the_sentence_as_its_subject() -> None:
    doc = analyzed(
        "Ilsa Brandt won the Corvale vote.\n\n"
        "Ferreol’s campaign shrugged off the result, telling reporters, “Nobody on our team "
        "ever asked for her support.”\n\n"
        "The retired ferry captain has given no details about his plans, saying that he "
        "was “refining a few things.”\n\n"
        "A Dorn campaign official later posted the figures, saying they were “a fair count.”"
    )
    s = find(doc, "Nobody on our team ever asked for her support.")
    assert s.mention is not None and s.mention.text == "Ferreol’s campaign"
    s = find(doc, "he was “refining a few things.”")
    assert s.mention is not None and s.mention.text == "The retired ferry captain"
    s = find(doc, "they were “a fair count.”")
    assert s.mention is not None and s.mention.text == "A Dorn campaign official"


def test_participle_after_a_later_clause_takes_no_opening_description() -> None:
    doc = analyzed(
        "The fracas erupted two months after the Norvania envoy entered the race, calling "
        "the harbour rules “a disgrace.”"
    )
    assert all(st.mention is None or st.mention.text != "The fracas" for st in doc.statements)


def test_second_verb_after_a_negated_first_verb_takes_the_subject() -> None:
    doc = analyzed(
        "Ondra Valsek spoke in Corvale.\n\n"
        "Valsek did not mention his rivals by name, but told his supporters, “our harbour is "
        "in horrible trouble.”"
    )
    s = find(doc, "our harbour is in horrible trouble.")
    assert s.mention is not None and s.mention.text == "Valsek"
    assert s.speaker == "Ondra Valsek"


def test_participle_after_an_object_takes_the_sentence_subject() -> None:
    doc = analyzed(
        "Petra Dorn lost the Corvale primary.\n\n"
        "The Norvania senator emailed supporters saying: “The struggle continues.”\n\n"
        "The harbour paper quoted officials saying the ferry was late."
    )
    s = find(doc, "The struggle continues.")
    assert s.mention is not None and s.mention.text == "The Norvania senator"
    s = find(doc, "the ferry was late")  # (the officials the paper quoted speak)
    assert s.mention is not None and s.mention.text == "officials"


def test_curly_quote_inside_a_straight_quoted_paragraph_is_an_inner_quote() -> None:
    doc = analyzed(
        "Ilsa Brandt criticised the Corvale ministry.\n\n"
        "Dr. Brandt stated:\n\n"
        '"The ministry isn’t about “Equal Justice Under Law” anymore. It’s about the '
        'minister’s extreme vision."'
    )
    s = find(
        doc,
        "The ministry isn’t about “Equal Justice Under Law” anymore. It’s about the "
        "minister’s extreme vision.",
    )
    assert s.mention is not None and s.mention.text == "Dr. Brandt"
    assert s.speaker == "Ilsa Brandt"


def test_straight_mark_wrapping_a_curly_quote_does_not_swallow_its_attribution() -> None:
    doc = analyzed(
        "Tomas Ferreol spoke in Corvale.\n\n"
        '"“You don’t win the race by how many ports you win,” Ferreol responded before '
        'adding that he would need the northern ports."'
    )
    find(doc, "“You don’t win the race by how many ports you win")
    assert all(
        "Ferreol responded" not in doc.text[a:b] for st in doc.statements for a, b in st.spans
    )


def test_cue_after_went_on_to_or_was_quick_to_takes_the_subject() -> None:
    doc = analyzed(
        "Ilsa Brandt wrote to her supporters.\n\n"
        "The email goes on to say: “Corvale wants to write fear into our laws.”\n\n"
        "Brandt went on to say, “From the bottom of my soul, I know this to be true.”\n\n"
        "Tomas Ferreol was quick to add that the ferry does not stop in Norvania.\n\n"
        "Ferreol continued to say he had never touched the ledger."
    )
    s = find(doc, "Corvale wants to write fear into our laws.")
    assert s.mention is not None and s.mention.text == "The email"
    s = find(doc, "From the bottom of my soul, I know this to be true.")
    assert s.mention is not None and s.speaker == "Ilsa Brandt"
    s = find(doc, "the ferry does not stop in Norvania")
    assert s.speaker == "Tomas Ferreol"
    s = find(doc, "he had never touched the ledger")
    assert s.speaker == "Tomas Ferreol"


def test_to_after_other_verbs_still_is_no_cue() -> None:
    doc = analyzed("Ilsa Brandt wanted to say goodbye to the Corvale ferry crew before dawn.")
    assert not any(
        s.mention is not None and s.mention.text == "Ilsa Brandt" for s in doc.statements
    )


def test_quote_after_as_x_put_it_is_x_s() -> None:
    doc = analyzed(
        "Ilsa Brandt teaches history in Corvale.\n\n"
        "As Professor Brandt put it: ''The port does a better job at accepting sailors than "
        "we think.''\n\n"
        "Or, as Tomas Ferreol, a former harbour master, put it: “The pirates are no longer at "
        "the gate. They are inside.”\n\n"
        "As the Norvania chief executive, Petra Dorn, put it in her memo to employees, "
        "“Imagine a world where we are no longer looking up at giants.”"
    )
    s = find(doc, "The port does a better job at accepting sailors than we think.")
    assert s.mention is not None and s.mention.text == "Professor Brandt"
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "The pirates are no longer at the gate. They are inside.")
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"
    s = find(doc, "Imagine a world where we are no longer looking up at giants.")
    assert s.mention is not None and s.mention.text == "Petra Dorn"


def test_put_it_without_as_is_no_lead() -> None:
    doc = analyzed(
        "Ondra Valsek lost the Corvale vote.\n\n"
        "The ferry is as good as new. Valsek put it, “on the table for good and for all.”"
    )
    s = find(doc, "on the table for good and for all.")
    assert s.cue is None or s.cue.text != "put it"


def test_quote_named_in_a_what_or_which_clause_is_its_subject_s() -> None:
    doc = analyzed(
        "Ilsa Brandt runs the Corvale club.\n\n"
        "In 2009, under what Ms. Brandt called ''the prior economy model,'' the club opened "
        "to all.\n\n"
        "Tomas Ferreol lost the harbour vote. The port paper put his fortune at $2.9 million, "
        "which Mr. Ferreol called “a disgrace.”\n\n"
        "The rifle went for what Ferreol described as a “piece of history.”"
    )
    s = find(doc, "the prior economy model")
    assert s.mention is not None and s.mention.text == "Ms. Brandt"
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "a disgrace.")
    assert s.mention is not None and s.speaker == "Tomas Ferreol"
    s = find(doc, "piece of history.")
    assert s.mention is not None and s.mention.text == "Ferreol"


def test_what_clause_without_a_quote_stays_no_statement() -> None:
    doc = analyzed("Ilsa Brandt lost. Nobody knows what Brandt called the ferry captain.")
    assert not any(s.mention is not None and s.mention.text == "Brandt" for s in doc.statements)


def test_comments_made_by_a_subject_are_the_subject_s() -> None:
    doc = analyzed(
        "Tomas Ferreol has recently made comments about the possibility of fraud in Corvale.\n\n"
        "Ilsa Brandt spoke in Norvania. Brandt herself has even made comments supportive of "
        "the ferry plan."
    )
    s = find(doc, "about the possibility of fraud in Corvale")
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"
    s = find(doc, "supportive of the ferry plan")
    assert s.mention is not None and s.mention.text == "Brandt herself"


def test_shot_back_and_fired_back_are_retorts() -> None:
    doc = analyzed(
        "Tomas Ferreol spoke. Ilsa Brandt shot back, “I suppose I could have stayed home.”\n\n"
        "“They are all here for the free stuff,” Ferreol shot back with a laugh.\n\n"
        "Brandt fired back forcefully: “If they sue us in Corvale, they will lose.”"
    )
    s = find(doc, "I suppose I could have stayed home.")
    assert s.mention is not None and s.mention.text == "Ilsa Brandt"
    s = find(doc, "They are all here for the free stuff")
    assert s.speaker == "Tomas Ferreol"
    s = find(doc, "If they sue us in Corvale, they will lose.")
    assert s.speaker == "Ilsa Brandt"


def test_fire_without_back_is_no_cue() -> None:
    doc = analyzed(
        "Police fired at the smugglers near the Corvale harbour.\n\n"
        "The fire chief said the harbour was safe."
    )
    assert not covering(doc, "at the smugglers")
    s = find(doc, "the harbour was safe")
    assert s.mention is not None and s.mention.text == "The fire chief"


def test_quote_then_subject_went_on_is_the_subject_s() -> None:
    doc = analyzed(
        "Ilsa Brandt spoke in Corvale.\n\n"
        "“We ought to start the ferry again, and we ought to start it this morning,” she went on."
        "\n\n“You know, it happens, right?” Brandt went on, as if she did not hear him."
    )
    s = find(doc, "We ought to start the ferry again, and we ought to start it this morning")
    assert s.mention is not None and s.mention.text == "she"
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "You know, it happens, right?")
    assert s.mention is not None and s.mention.text == "Brandt"


def test_quote_attributed_again_inside_a_frame_belongs_to_the_trailing_attribution() -> None:
    doc = analyzed(
        "Ilsa Brandt spoke in Corvale.\n\n"
        "Brandt declared the need for strong will and drive: “Change the port and when you "
        "have done that, change it again,” she said.\n\n"
        "Tomas Ferreol praised the crew’s faith - “faith that shows itself through good "
        "works, not loud words,” he said - and argued for a new ferry in the harbour."
    )
    s = find(doc, "Change the port and when you have done that, change it again")
    assert s.mention is not None and s.mention.text == "she"
    assert s.speaker == "Ilsa Brandt"
    assert find(doc, "the need for strong will and drive").mention is not None
    s = find(doc, "faith that shows itself through good works, not loud words")
    assert s.mention is not None and s.mention.text == "he"
    s = find(doc, "and argued for a new ferry in the harbour")
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"


def test_quote_before_a_new_clause_stays_with_its_frame() -> None:
    doc = analyzed(
        "Although Ondra Valsek admitted to the Corvale paper that they had “been friends for "
        "some time,” he claimed they had never met in person."
    )
    s = covering(doc, "been friends for some time")
    assert s and all(st.mention is not None and st.mention.text == "Ondra Valsek" for st in s)


def test_participle_after_began_or_kept_takes_the_subject() -> None:
    doc = analyzed(
        "Ondra Valsek spoke in Corvale. Then he began dismissing the notion that leadership "
        "had anything to do with time in office.\n\n"
        "Ilsa Brandt kept asking him why the ministry had tied the unrest to protests."
    )
    s = find(doc, "the notion that leadership had anything to do with time in office")
    assert s.mention is not None and s.mention.text == "he"
    assert s.speaker == "Ondra Valsek"
    s = find(doc, "why the ministry had tied the unrest to protests")
    assert s.mention is not None and s.mention.text == "Ilsa Brandt"


def test_who_said_inside_another_statement_is_a_statement_of_its_own() -> None:
    doc = analyzed(
        "Asked whether the Corvale ferry deal was illegal, 46 percent of voters said yes, "
        "compared with 23 percent who said the deal was improper but not illegal."
    )
    s = find(doc, "the deal was improper but not illegal")
    assert s.mention is not None and s.mention.text == "who"


def test_quote_after_a_dash_a_name_and_a_colon_is_that_name_s() -> None:
    doc = analyzed(
        "POLLS NOT WRONG, JUST TOO EARLY - Ilsa Brandt and Tomas Ferreol: “Although the polls "
        "failed to predict the Corvale win, it is not because they were wrong.”\n\n"
        "What that means for Norvania - More from Brandt: “The partisanship of the port is a "
        "starting point in determining its vote.”"
    )
    s = find(
        doc,
        "Although the polls failed to predict the Corvale win, it is not because they were wrong.",
    )
    assert s.mention is not None and s.mention.text == "Ilsa Brandt and Tomas Ferreol"
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "The partisanship of the port is a starting point in determining its vote.")
    assert s.mention is not None and s.mention.text == "Brandt"


def test_appositive_may_hold_a_quoted_title() -> None:
    doc = analyzed(
        "Ilsa Brandt writes books.\n\n"
        'Brandt, the co-author of "Going Viral," about the rapid spread of news, said the '
        "days of a unifying story are gone.\n\n"
        "Ondra Valsek, star of television’s “Scandal,” thanked the mayor for “taking these "
        "steps to make us all safer.”"
    )
    s = find(doc, "the days of a unifying story are gone")
    assert s.mention is not None and s.mention.text == "Brandt"
    s = covering(doc, "taking these steps")
    assert s and all(st.mention is not None and st.mention.text == "Ondra Valsek" for st in s)


def test_quoted_words_after_a_verb_end_no_appositive() -> None:
    doc = analyzed(
        'Corvale has used "velvet gloves" in its dealings with Norvania, said Petra Dorn, '
        "an expert at the Corvale Institute."
    )
    s = covering(doc, "in its dealings with Norvania")
    assert s and all(
        st.mention is not None and st.mention.text.startswith("Petra Dorn") for st in s
    )


def test_subject_with_a_who_clause_is_the_phrase_before_who() -> None:
    doc = analyzed(
        "Ilsa Brandt ran for mayor of Corvale.\n\n"
        "Many of the local leaders who would rather be working for Dorn or Ferreol said they "
        "have rallied behind Brandt.\n\n"
        "A group of hackers who Norvania officials say is tied to the ministry leaked the files."
    )
    s = find(doc, "they have rallied behind Brandt")
    assert s.mention is not None and s.mention.text == "Many of the local leaders"
    s = covering(doc, "is tied to the ministry")
    assert all(st.mention is None or st.mention.text == "Norvania officials" for st in s)


def test_name_with_its_place_set_off_by_commas_speaks() -> None:
    doc = analyzed(
        "Tomas Ferreol preaches in Corvale.\n\n"
        "One pastor supporting Ms. Dorn, Tomas Ferreol of the Liberty Church in Corvale, said "
        "he had made more than 150 phone calls."
    )
    s = find(doc, "he had made more than 150 phone calls")
    assert s.mention is not None and s.mention.text == "Tomas Ferreol"


def test_quote_after_a_known_name_and_a_colon_is_that_person_s() -> None:
    doc = analyzed(
        "Ilsa Brandt and Tomas Ferreol reject the term.\n\n"
        'Brandt: "Our goal is not to deter the smugglers, but to defeat them." Ferreol: "The '
        'mission is to stop the smugglers -- not to contain them."\n\n'
        'Update: "The ferry will not sail today from the harbour."'
    )
    s = find(doc, "Our goal is not to deter the smugglers, but to defeat them.")
    assert s.speaker == "Ilsa Brandt"
    s = find(doc, "The mission is to stop the smugglers -- not to contain them.")
    assert s.mention is not None and s.mention.text == "Ferreol"
    assert find(doc, "The ferry will not sail today from the harbour.").mention is None


def test_according_to_a_document_by_someone_is_that_someone_s() -> None:
    doc = analyzed(
        "A living wage in Corvale is about $12 an hour, according to calculations by Ilsa "
        "Brandt of the Corvale Institute. Sales are growing 60 percent a year, according to a "
        "recent report from Norvania Energy Finance. The ferry will be late, according to a "
        "person familiar with the harbour plans."
    )
    s = find(doc, "A living wage in Corvale is about $12 an hour")
    assert s.mention is not None and s.mention.text.startswith("Ilsa Brandt")
    s = find(doc, "Sales are growing 60 percent a year")
    assert s.mention is not None and s.mention.text == "Norvania Energy Finance"
    s = find(doc, "The ferry will be late")
    assert s.mention is not None and s.mention.text.startswith("a person")


def test_trailing_report_after_a_quote_ending_in_a_comma_takes_the_sentence() -> None:
    doc = analyzed(
        "Tomas Ferreol ran the port.\n\n"
        'Ferreol acknowledged that the work could be termed "influence peddling," The Corvale '
        "Post reported in 1991.\n\n"
        'When asked about the ban, Ferreol said: "There will always be exceptions," the Times '
        "reported."
    )
    s = covering(doc, "Ferreol acknowledged that")
    assert any(st.mention is not None and st.mention.text == "The Corvale Post" for st in s)
    s = find(doc, "There will always be exceptions")
    assert s.speaker == "Tomas Ferreol"
    s = covering(doc, "When asked about the ban")
    assert any(st.mention is not None and st.mention.text == "the Times" for st in s)


def test_quote_only_verb_after_a_quote_and_its_subject() -> None:
    doc = analyzed(
        "Petra Dorn spoke.\n\n"
        "“If they were serious about the port, they would have gone to the only bill,” Dorn "
        "fumed on Tuesday.\n\n"
        "“Imagine Ilsa Brandt going up against Dorn on the same stage,” mused Corvale co-host "
        "Tomas Ferreol.\n\n"
        "The ferry continued on Tuesday after a long delay."
    )
    s = find(doc, "If they were serious about the port, they would have gone to the only bill")
    assert s.speaker == "Petra Dorn"
    s = find(doc, "Imagine Ilsa Brandt going up against Dorn on the same stage")
    assert s.mention is not None and s.mention.text == "Corvale co-host Tomas Ferreol"
    assert not covering(doc, "after a long delay")


def test_possessive_speech_noun_with_its_clause_is_the_possessor_s() -> None:
    doc = analyzed(
        "Ilsa Brandt ran the port of Corvale.\n\n"
        "She fanned controversy this year over her remark that “there is a special place in "
        "hell for ferry captains who do not help each other.”\n\n"
        "Petra Dorn blamed the press for making an issue out of Tomas Ferreol’s claim that "
        "the mayor “founded the smuggling ring,” saying they were nitpicking.\n\n"
        "His plan calls for a new ferry to Norvania."
    )
    s = find(doc, "there is a special place in hell for ferry captains who do not help each other.")
    assert s.mention is not None and s.mention.text == "her"
    assert s.speaker == "Ilsa Brandt"
    s = covering(doc, "founded the smuggling ring")
    assert any(st.mention is not None and st.mention.text == "Tomas Ferreol" for st in s)
    assert not any(st.mention is not None and st.mention.text == "His" for st in doc.statements)


def test_promises_offered_by_a_subject_are_the_subject_s() -> None:
    doc = analyzed(
        "Ondra Valsek spoke to the Corvale crowd.\n\n"
        "He offered promises on Monday that the ferry would sail again in the spring."
    )
    s = covering(doc, "the ferry would sail again")
    assert s and all(st.mention is not None and st.mention.text == "He" for st in s)


def test_month_surname_after_a_given_name_is_the_speaker() -> None:
    """Regression: "May" (a month, a modal) was never part of a name, so "Dorothy May"
    was nobody and a later "May said" had no speaker; "In May" stays a month."""
    doc = analyzed(
        "Dorothy May, the Norvanian prime minister, met Ilsa Brandt in Corvale on Monday.\n\n"
        "“We will keep the ferries running,” May said after the meeting.\n\n"
        "In May, Brandt said the harbour would reopen."
    )
    assert find(doc, "We will keep the ferries running").speaker == "Dorothy May"
    assert find(doc, "the harbour would reopen").speaker == "Ilsa Brandt"


def test_description_before_the_name_is_part_of_the_subject() -> None:
    """Regression: in "“A,” the opposition leader, Tomas Ferreol, said." the description
    was taken for part of the content, which became an indirect statement
    '“A,” the opposition leader'; the quote (and its second half) is the content."""
    doc = analyzed(
        "“It is a disgrace,” the opposition leader, Tomas Ferreol, said. “The council has"
        " broken every promise it made to the fishermen of Corvale.”\n\n"
        "The pier is safe, the mayor of Corvale, Ilsa Brandt, told reporters."
    )
    st = find(doc, "It is a disgrace")
    assert (st.kind, st.speaker) == ("direct", "Tomas Ferreol")
    assert len(st.spans) == 2 and doc.text[st.spans[1][0] :].startswith("The council has")
    st2 = find(doc, "The pier is safe")
    assert st2.speaker == "Ilsa Brandt" and doc.text[st2.start : st2.end] == "The pier is safe"


def test_inverted_description_with_the_name_after_it_is_that_person() -> None:
    """Regression: in "..., said the bureau's director, Ondra Valsek." the mention was the
    description, resolved to whoever was salient (in PolNeAR, the subject of the story
    rather than the official quoted)."""
    doc = analyzed(
        "Tomas Ferreol was arrested in Corvale on Monday.\n\n"
        "The suspect had no accomplices, said the bureau's director, Ondra Valsek.\n\n"
        "“The ferries will run hourly,” said the mayor of Corvale, Ilsa Brandt, on Tuesday."
    )
    st = find(doc, "The suspect had no accomplices")
    assert st.speaker == "Ondra Valsek" and st.mention is not None
    assert st.mention.text == "Ondra Valsek"
    assert find(doc, "The ferries will run hourly").speaker == "Ilsa Brandt"


def test_long_title_before_the_subject_still_puts_it_in_focus() -> None:
    """Regression: a sentence subject of more than four capitalised words ("Norvanian
    Transport Minister Tomas Ferreol met ...") was not noted, so the next "He said"
    went to the person named after him."""
    doc = analyzed(
        "Norvanian Transport Minister Tomas Ferreol met Corvale's mayor, Ilsa Brandt, on"
        " Friday.\n\nHe said the deal would cut fares by a third."
    )
    assert find(doc, "the deal would cut fares by a third").speaker == "Tomas Ferreol"


@pytest.mark.parametrize(
    "opening",
    ["CORVALE — ", "NORVANIA CITY (Corvale Gazette) - ", "LINDMOOR, March 3 (CP) -- "],
)
def test_wire_dateline_is_not_part_of_the_first_sentence(opening: str) -> None:
    """Regression: "CORVALE — Mayor Ilsa Brandt on Tuesday defended her plan, saying ..."
    had no statement: the dateline stood before the sentence's subject."""
    doc = analyzed(
        opening + "Mayor Ilsa Brandt on Tuesday defended her plan to rebuild the harbour,"
        " saying it would pay for itself within a decade."
    )
    st = find(doc, "it would pay for itself within a decade")
    assert st.speaker == "Ilsa Brandt"


def test_dialogue_dash_is_no_part_of_the_words() -> None:
    """Regression: "– The ferries will run hourly, said ..." kept the dash in its words."""
    doc = analyzed("– The ferries will run hourly, said the port spokesman, Ondra Valsek.")
    st = find(doc, "The ferries will run hourly")
    assert st.speaker == "Ondra Valsek"


def test_quote_going_on_after_a_relative_clause_is_the_first_speakers() -> None:
    """Regression: in "“A,” Brandt told a reporter who asked about the cost, “but b.”" the
    second half went to "who" (the reporter's relative clause, whose own words are
    "about the cost"); it carries on Brandt's quote."""
    doc = analyzed(
        "Ilsa Brandt spoke in Corvale.\n\n"
        "“I have no idea,” Brandt told a reporter who asked about the cost, “but we will"
        " find the money.”"
    )
    st = find(doc, "I have no idea")
    assert st.speaker == "Ilsa Brandt"
    assert [doc.text[a:b] for a, b in st.spans][1] == "but we will find the money."


def test_quoted_as_saying_is_the_subjects_statement() -> None:
    """Regression: "Ferreol was quoted as saying that ..." gave no statement (the cue
    after 'as' was rejected), or only an unattributed quoted fragment."""
    doc = analyzed(
        "Tomas Ferreol spoke in Corvale.\n\n"
        "Ferreol was quoted as saying that the budget “will never pass in this form.”\n\n"
        "He has been widely quoted as saying the harbour would close."
    )
    st = covering(doc, "will never pass in this form")
    assert [s.speaker for s in st] == ["Tomas Ferreol"]
    assert find(doc, "the harbour would close").speaker == "Tomas Ferreol"


def test_would_only_say_is_a_statement_and_only_is_no_name() -> None:
    """Regression: "Tomas Ferreol, would only say: “...”" gave an unattributed quote ('only'
    stood between subject and verb), and "Only Ferreol said" made a person "Only Ferreol"."""
    doc = analyzed(
        "Tomas Ferreol spoke in Corvale.\n\n"
        "The company's director, Tomas Ferreol, would only say: “We look forward to normal"
        " service.”\n\n"
        "Only Ferreol said that the ferries would run on Sunday."
    )
    assert find(doc, "We look forward to normal service.").speaker == "Tomas Ferreol"
    assert find(doc, "the ferries would run on Sunday").speaker == "Tomas Ferreol"
    assert "Only Ferreol" not in doc.people


def test_short_sentence_after_a_split_quote_carries_it_on() -> None:
    """Regression: in "“A,” said Dorn. “Everyone should vote.”" a second half of fewer than
    four words was dropped; a quoted word inside another sentence still is no continuation."""
    doc = analyzed(
        "Petra Dorn spoke in Corvale.\n\n"
        "“This is the most important vote in a generation,” said Dorn, the election officer."
        " “Everyone should vote.”\n\n"
        "“The harbour is safe,” Dorn said. She called the plan “a test.”"
    )
    st = find(doc, "This is the most important vote in a generation")
    assert [doc.text[a:b] for a, b in st.spans][1] == "Everyone should vote."
    assert len(find(doc, "The harbour is safe").spans) == 1


def test_according_to_a_poll_released_on_a_day_by_someone() -> None:
    """Regression: "According to a poll released on Friday by the Corvale Gazette, ..."
    had the mention "a poll released" and content starting "on Friday by ..."."""
    doc = analyzed(
        "According to a poll released on Friday by the Corvale Gazette, Brandt leads by four"
        " points."
    )
    st = find(doc, "Brandt leads by four points")
    assert st.mention is not None and st.mention.text == "the Corvale Gazette"


def test_capitalised_group_with_a_place_after_it_is_a_generic_source() -> None:
    """Regression: "Officials in Velmark said ..." and "Ministers from both countries said
    ..." gave no statement: the group, capitalised at the head of its sentence, read as a
    name, and a name before "in"/"from" is no subject."""
    doc = analyzed(
        "The ferry deal was signed in Ostrava Bay.\n\n"
        "Officials in Velmark said the agreement still had to be approved by the cabinet.\n\n"
        "Ministers from both countries said the first ferry would sail in May."
    )
    for content, mention in (
        ("the agreement still had to be approved by the cabinet", "Officials in Velmark"),
        ("the first ferry would sail in May", "Ministers from both countries"),
    ):
        st = find(doc, content)
        assert st.speaker is None and st.mention is not None and st.mention.text == mention


def test_a_move_that_someone_called_a_quote() -> None:
    """Regression: in "..., a move that Mayor Ilsa Brandt called “a victory for common
    sense.”" the mention was "that Mayor Ilsa Brandt", which named no one."""
    doc = analyzed(
        "The council rejected the sale of the lighthouse, a move that Mayor Ilsa Brandt"
        " called “a victory for common sense.”"
    )
    st = find(doc, "a victory for common sense")
    assert st.speaker == "Ilsa Brandt"
    assert st.mention is not None and st.mention.text == "Mayor Ilsa Brandt"


def test_who_asked_not_to_be_named_is_no_statement() -> None:
    """Regression: "“...,” a shipping executive, who asked not to be named, told the
    Courier." made two statements of one quote (an indirect one by "told", with the opening
    mark in its words, and a direct one by "asked"); "..., who asked not to be named." made
    "not to be named" a statement."""
    doc = analyzed(
        "“The port is losing a million crowns a day,” a shipping executive, who asked not to"
        " be named, told the Kessel Courier.\n\n"
        "“The strike will end soon,” said a dock worker, who asked not to be named.\n\n"
        "A crane driver, who asked to remain anonymous, said the talks would fail."
    )
    got = [(s.kind, doc.text[s.start : s.end]) for s in doc.statements]
    assert got == [
        ("direct", "The port is losing a million crowns a day"),
        ("direct", "The strike will end soon"),
        ("indirect", "the talks would fail"),
    ]


def test_quote_split_by_attribution_with_a_comma_keeps_its_first_half() -> None:
    """Regression: in "“A,” Orrel said, “B.”" the frame took B after the comma, and A was
    left over: a statement of no one (or dropped when short: "“I think,” Orrel said, “that
    ...”"). Now both halves are one direct statement of Orrel's."""
    doc = analyzed(
        "Liska Orrel spoke in Ostrava Bay.\n\n"
        "“We have signed the deal,” Orrel said, “but the work starts now.”\n\n"
        "“I think,” said Orrel, “that both peoples want this.”\n\n"
        "“The ferry will run”, Orrel added, “from May.”"
    )
    got = [(s.speaker, [doc.text[a:b] for a, b in s.spans]) for s in doc.statements]
    assert got == [
        ("Liska Orrel", ["We have signed the deal", "but the work starts now."]),
        ("Liska Orrel", ["I think", "that both peoples want this."]),
        ("Liska Orrel", ["The ferry will run", "from May."]),
    ]


def test_description_then_appositive_with_a_role_before_the_name() -> None:
    """Regression: "Her challenger, former police chief Aurel Banta, said ..." had the
    mention "Her challenger" and no speaker: the appositive was taken as a name only when
    it held nothing but the name."""
    doc = analyzed(
        "Mayor Johanna Reyl defended her record in Velmark City.\n\n"
        "Her challenger, former police chief Aurel Banta, said the numbers were misleading."
    )
    st = find(doc, "the numbers were misleading")
    assert st.speaker == "Aurel Banta"
    assert st.mention is not None and st.mention.text == "Aurel Banta"


def test_relative_clause_before_an_appositive_name_does_not_take_the_quote() -> None:
    """Regression: in "The engineer who wrote the report, Dr Helena Voss, said: “...”" the
    relative clause's "wrote" took everything after it as its content, the quote went to
    "who", and Voss's statement was an indirect one holding the quote marks."""
    doc = analyzed(
        "The bridge in Kessel will close.\n\n"
        "The engineer who wrote the report, Dr Helena Voss, said: “The cracks we found are"
        " serious.”"
    )
    st = find(doc, "The cracks we found are serious.")
    assert st.kind == "direct" and st.speaker == "Helena Voss"
    assert [s for s in doc.statements if s is not st and s.start >= st.start] == []


def test_participle_cue_after_a_subject_with_an_appositive_name() -> None:
    """Regression: "The authority's chairwoman, Tamsin Orrel, disagreed, saying the union
    had refused ..." made no statement: the participle looks for the sentence's subject,
    and a comma after "chairwoman" ended the search."""
    doc = analyzed(
        "Talks collapsed in Ostrava Bay.\n\n"
        "The authority's chairwoman, Tamsin Orrel, disagreed, saying the union had refused to"
        " discuss shift patterns."
    )
    st = find(doc, "the union had refused to discuss shift patterns")
    assert st.speaker == "Tamsin Orrel"
    assert st.mention is not None and st.mention.text == "Tamsin Orrel"


def test_state_after_a_verb_of_saying_is_a_noun() -> None:
    """Regression: "“...,” Stahl told state broadcaster NRK1." also made an indirect
    statement of "Stahl told" with the cue "state" and the quote, opening mark included."""
    doc = analyzed(
        "Mira Stahl spoke in Corvale.\n\n"
        "“She should have gone months ago,” Stahl told state broadcaster NRK1.\n\n"
        "Officials will state that the port is closed."
    )
    got = [(s.kind, s.cue.text if s.cue else None) for s in doc.statements]
    assert got == [("direct", "told"), ("indirect", "state")]


def test_said_no_after_an_asked_clause_is_the_answer() -> None:
    """Regression: in "Asked whether he would resign, Voss said no." the one-word answer was
    too short to be content, so the content became the question, "Asked whether he would
    resign"."""
    doc = analyzed("Karel Voss spoke in Corvale.\n\nAsked whether he would resign, Voss said no.")
    st = find(doc, "no")
    assert st.speaker == "Karel Voss" and st.cue is not None and st.cue.text == "said"
    assert len(doc.statements) == 1


def test_people_familiar_with_a_matter_is_a_generic_source() -> None:
    """Regression: "People familiar with the investigation said ..." and "Sources close to
    the mayor said ..." made no statement (the capitalised group at the head of the
    sentence read as a name, and a name before "with"/"to" is no subject); "People close to
    Valsek said ..." went to Valsek."""
    doc = analyzed(
        "Ondra Valsek is the harbour master of Corvale.\n\n"
        "People familiar with the investigation said two other officials were under scrutiny."
        "\n\nSources close to the mayor said she would not resign.\n\n"
        "People close to Valsek said he was furious."
    )
    for content, mention in (
        ("two other officials were under scrutiny", "People familiar with the investigation"),
        ("she would not resign", "Sources close to the mayor"),
        ("he was furious", "People close to Valsek"),
    ):
        st = find(doc, content)
        assert st.speaker is None
        assert st.mention is not None and st.mention.text == mention


def test_quoted_by_a_paper_as_saying_names_the_subject() -> None:
    """Regression: "Banta was quoted by the Corvale Herald as saying in 2019 that ..." and
    "... was quoted in the Herald as saying ..." made no statement of Banta (only "was
    quoted as saying", with nothing between, was known)."""
    doc = analyzed(
        "Aurel Banta was jailed in Corvale.\n\n"
        "Banta was quoted by the Corvale Herald as saying in 2019 that the harbour authority"
        " was “run like a private club”.\n\n"
        "Banta was quoted in the Herald as saying the docks were safe."
    )
    for content in ("the harbour authority was “run like a private club”", "the docks were safe"):
        st = find(doc, content)
        assert st.speaker == "Aurel Banta" and st.cue is not None and st.cue.text == "saying"


def test_is_reported_to_have_said_names_the_subject() -> None:
    """Regression: "Valsek is reported to have said that ..." and "... is said to have told
    aides that ..." made no statement: a cue after "to" was refused unless the verb before
    the "to" was one of "went on", "was quick" and the like."""
    doc = analyzed(
        "Ondra Valsek is the harbour master of Corvale.\n\n"
        "Valsek is reported to have said that the deal was dead.\n\n"
        "Valsek was said to have told aides that the port would close."
    )
    assert find(doc, "the deal was dead").speaker == "Ondra Valsek"
    assert find(doc, "the port would close").speaker == "Ondra Valsek"


def test_irregular_past_verb_after_an_organisation_lets_its_participle_speak() -> None:
    """Regression: "The Bank of Norvania left its rate unchanged on Thursday, saying ..."
    made no statement: the verb after the opening noun phrase had to be an auxiliary or an
    '-ed' form, so "left" (and "held", "kept", "took" ...) was not seen as the verb."""
    doc = analyzed(
        "The Bank of Norvania left its main rate unchanged on Thursday, saying inflation was"
        " falling.\n\nThe Corvale council held an emergency meeting, saying the dam was unsafe."
    )
    st = find(doc, "inflation was falling")
    assert st.speaker is None
    assert st.mention is not None and st.mention.text == "The Bank of Norvania"
    st = find(doc, "the dam was unsafe")
    assert st.mention is not None and st.mention.text == "The Corvale council"


def test_role_set_before_a_name_by_commas_resolves_the_role_later() -> None:
    """Regression: after "The regional transport minister, Dag Elvebakk, disagrees.",
    "“...,” the minister told the Courier" had no speaker: a role before the name was
    registered only without a comma ("Transport Minister Dag Elvebakk")."""
    doc = analyzed(
        "Marit Solberg has steered the Kessel ferry for thirty years.\n\n"
        "The regional transport minister, Dag Elvebakk, disagrees.\n\n"
        "“I respect Captain Solberg enormously,” the minister told the Kessel Courier."
    )
    st = find(doc, "I respect Captain Solberg enormously")
    assert st.speaker == "Dag Elvebakk"


def test_name_in_commas_after_an_opening_description_is_the_subject_for_he() -> None:
    """Regression: in a feature story "he says" after "The regional transport minister, Dag
    Elvebakk, disagrees." went to the ferry captain quoted before (a woman), and "She says"
    after "Solberg's first mate, Ruth Aas, has worked beside her" went to Solberg: the
    sentence's subject was taken to be no one, or the possessor."""
    doc = analyzed(
        "For thirty years Marit Solberg has steered the night ferry. Now the service is to"
        " close, and she is not going quietly.\n\n"
        "“They think nobody uses it after dark,” says Solberg.\n\n"
        "The regional transport minister, Dag Elvebakk, disagrees. The ferry carries fewer"
        " than forty passengers a night, he says.\n\n"
        "Solberg's first mate, Ruth Aas, has worked beside her for eleven years. She says the"
        " crew learned of the closure from a radio bulletin."
    )
    assert find(doc, "The ferry carries fewer than forty passengers a night").speaker == (
        "Dag Elvebakk"
    )
    assert find(doc, "the crew learned of the closure from a radio bulletin").speaker == (
        "Ruth Aas"
    )


def test_an_age_as_the_head_of_a_description_speaks() -> None:
    """Regression: "The 62-year-old said she would try to block it." made no statement (a
    word opening with a digit was never a noun phrase's head)."""
    doc = analyzed(
        "Sen. Ilsa Brandt called the deal a fire sale.\n\n"
        "The 62-year-old said she would try to block it in committee."
    )
    st = find(doc, "she would try to block it in committee")
    assert st.speaker == "Ilsa Brandt"
    assert st.mention is not None and st.mention.text == "The 62-year-old"


def test_colleague_with_the_same_surname_set_off_by_dashes_is_he() -> None:
    """Regression: after "Her Republican colleague, Sen. Konrad Brandt — no relation —
    defended the sale.", a quote "he said" went to Sen. Ilsa Brandt, named before: the
    description opening with "Her" and the name closed by a dash were not read as the
    sentence's subject."""
    doc = analyzed(
        "Sen. Ilsa Brandt called the deal a fire sale. She said she would fight it.\n\n"
        "Her Republican colleague, Sen. Konrad Brandt — no relation — defended the sale."
        " “The port loses money every year,” he said."
    )
    assert find(doc, "The port loses money every year").speaker == "Konrad Brandt"


def test_second_verb_of_saying_sharing_the_subject_is_its_own_statement() -> None:
    """Regression: "Roos confirmed that the letter was hers but said she did not want it
    made public." was one statement whose content ran on over "but said"; the second verb
    of saying, with the first one's subject, is a statement of its own."""
    doc = analyzed(
        "Anneli Roos ran the port of Corvale.\n\n"
        "Roos confirmed that the letter was hers but said she did not want it made public.\n\n"
        "Valsek said the vote was fair, and added that he would not resign."
    )
    first = find(doc, "the letter was hers")
    second = find(doc, "she did not want it made public")
    assert first is not second
    assert first.speaker == second.speaker == "Anneli Roos"
    assert second.cue is not None and second.cue.text == "said"
    assert find(doc, "the vote was fair").cue is not None
    assert find(doc, "he would not resign").cue.text == "added"  # type: ignore[union-attr]


def test_clause_after_a_parenthetical_attribution_and_a_coordinator_is_content() -> None:
    """Regression: in "The port is safe, he said, but the roads are not." the clause after
    "but" was nobody's words (narration), so a lookup of it had no speaker; "he said, and
    left the room" still ends the content at the attribution."""
    doc = analyzed(
        "Dag Elvebakk is the transport minister of Kessel.\n\n"
        "The port is safe, he said, but the roads are not.\n\n"
        "The ferry is too costly, he said, and left the room."
    )
    st = find(doc, "but the roads are not")
    assert st.speaker == "Dag Elvebakk"
    assert [doc.text[a:b] for a, b in st.spans] == ["The port is safe", "but the roads are not"]
    assert covering(doc, "left the room") == []


def test_names_with_lower_case_particles_are_people() -> None:
    """Regression: "Jan van der Berg said ..." and "Ana de la Cruz said ..." had no speaker
    (a name run was capitalised words only, and "Jan" was read as the month); later "Mr van
    der Berg", "Van der Berg" and "De Souza" were nobody, or a second person."""
    doc = analyzed(
        "Speaking to Velmark Radio on Monday, Jan van der Berg said he would not resign.\n\n"
        "Mr van der Berg said the dam would hold.\n\n"
        "Van der Berg said the army was ready.\n\n"
        "Ana de la Cruz, a resident of Kessel, said she had heard nothing. "
        "“Nobody knocked on our door,” she said.\n\n"
        "Aline de Souza met the mayor. De Souza said they agreed.\n\n"
        "On Jan. 5 the council said the port would close."
    )
    for content in ("he would not resign", "the dam would hold", "the army was ready"):
        assert find(doc, content).speaker == "Jan van der Berg"
    assert find(doc, "she had heard nothing").speaker == "Ana de la Cruz"
    assert find(doc, "Nobody knocked on our door").speaker == "Ana de la Cruz"
    assert find(doc, "they agreed").speaker == "Aline de Souza"
    assert find(doc, "the port would close").speaker is None


def test_a_verb_needing_its_particle_does_not_end_a_source_after_according_to() -> None:
    """Regression: "According to a statement from the regional fire service, ..." had the
    mention "the regional" and the content "fire service, crews rescued ...": "fire" (a cue
    only in "fire back") ended the noun phrase."""
    doc = analyzed(
        "Floods hit Kessel.\n\n"
        "According to a statement from the regional fire service, crews rescued more than"
        " 200 people."
    )
    st = find(doc, "crews rescued more than 200 people")
    assert st.mention is not None and st.mention.text == "the regional fire service"


def test_participle_after_a_clause_content_is_its_own_statement() -> None:
    """Regression: "Valsek said the offer was too low, adding that the talks would go on."
    was one statement whose content ran on over ", adding that"; the participle is a
    statement of its own (cue "adding"). An adjunct before the comma is no content of its
    own: "Valsek responded on Twitter, saying ..." stays one statement."""
    doc = analyzed(
        "Ondra Valsek leads the dockworkers of Corvale.\n\n"
        "Valsek said the offer was too low, adding that the talks would go on.\n\n"
        "Valsek responded on Twitter, saying the strike would continue."
    )
    first = find(doc, "the offer was too low")
    second = find(doc, "the talks would go on")
    assert first is not second and second.cue is not None and second.cue.text == "adding"
    assert first.speaker == second.speaker == "Ondra Valsek"
    assert len(covering(doc, "the strike would continue")) == 1


def test_agent_of_a_possessor_set_off_by_commas_speaks() -> None:
    """Regression: "Rasmussen's agent, Dina Cole, said ..." had the speaker "Rasmussen's
    agent" (no one): only office words ("spokesman") let the name in the commas speak."""
    doc = analyzed(
        "Piet Rasmussen was dismissed by Kessel United.\n\n"
        "Rasmussen's agent, Dina Cole, said in an email that her client would rest."
    )
    assert find(doc, "her client would rest").speaker == "Dina Cole"


def test_description_without_a_role_word_before_a_name_resolves_to_the_name() -> None:
    """Regression: "“...,” said season-ticket holder Mila Novak, 29." had no speaker: the
    lower-case description was read as part of the name."""
    doc = analyzed(
        "Kessel United sacked their coach.\n\n"
        "“He deserved another season,” said season-ticket holder Mila Novak, 29."
    )
    assert find(doc, "He deserved another season").speaker == "Mila Novak"


def test_dismissing_a_person_from_a_job_is_no_statement() -> None:
    """Regression: "Kessel United dismissed head coach Piet Rasmussen on Sunday" was a
    statement whose content was the coach. Dismissing claims, or a person as something,
    still reports speech."""
    doc = analyzed(
        "Kessel United dismissed head coach Piet Rasmussen on Sunday, a day after the cup"
        " exit.\n\nOndra Valsek dismissed Rasmussen's claims as nonsense.\n\n"
        "Valsek dismissed Rasmussen as a crank."
    )
    assert covering(doc, "head coach Piet Rasmussen") == []
    assert find(doc, "Rasmussen's claims as nonsense").speaker == "Ondra Valsek"
    assert find(doc, "Rasmussen as a crank").speaker == "Ondra Valsek"


def test_naming_verb_in_a_relative_clause_without_relative_word_names_its_subject() -> None:
    """Regression: "... in a decision commuters called “a disaster”" had the mention "the
    bridge in a decision commuters", and "a ruling Brandt called “...”" no speaker: only a
    clause opened by which/that/what was known. A name in apposition to a role noun ("a
    collection from the cartoonist Tomas Ferreol called “...”": a title) is no such
    clause."""
    doc = analyzed(
        "Mayor Ilsa Brandt closed the Corvale bridge.\n\n"
        "The council backed her in a decision commuters called “a disaster”.\n\n"
        "It was a ruling Brandt called “a disgrace to the court”.\n\n"
        "There is also a collection from the cartoonist Tomas Ferreol called “Bridges of"
        " Corvale.”"
    )
    st = find(doc, "a disaster")
    assert st.speaker is None and st.mention is not None and st.mention.text == "commuters"
    st = find(doc, "a disgrace to the court")
    assert st.speaker == "Ilsa Brandt" and st.mention is not None
    assert st.mention.text == "Brandt"
    assert all(s.speaker != "Tomas Ferreol" for s in covering(doc, "Bridges of Corvale"))


def test_appositive_name_with_a_middle_initial_before_a_participle_speaks() -> None:
    """Regression: "The chairwoman, Tamsin D. Orrel, disagreed, saying ..." (the
    appositive-subject rule walked the capitalised run itself and stopped at the initial's
    full stop); the rule now uses the shared name-run walk."""
    doc = analyzed(
        "Talks collapsed in Ostrava Bay.\n\n"
        "The authority's chairwoman, Tamsin D. Orrel, disagreed, saying the union had refused"
        " to discuss shift patterns."
    )
    st = find(doc, "the union had refused to discuss shift patterns")
    assert st.speaker == "Tamsin D. Orrel"


def test_pronoun_after_an_unnamed_person_quoted_is_not_someone_named_before() -> None:
    """Regression: after "A nurse on the picket line said ...", "“I love this job,” she
    said." went to the health minister named a paragraph before (a misattribution): the
    unnamed nurse is who "she" is, so the speaker is unknown. After "A reporter asked
    Valsek ..." the answer "he replied" is still Valsek's, and an appositive of a name
    ("Orrel, a retired nurse, said") is that named person."""
    doc = analyzed(
        "Health minister Agnes Varga said she would meet both sides.\n\n"
        "A nurse on the picket line said she had worked three double shifts. “I love this"
        " job,” she said.\n\n"
        "A reporter asked Ondra Valsek how he felt. He replied: “Tired, but hopeful.”\n\n"
        "Tamsin Orrel, a retired nurse, said she had joined the picket. “We are all tired,”"
        " she said."
    )
    st = find(doc, "I love this job")
    assert st.speaker is None and st.mention is not None and st.mention.text == "she"
    assert find(doc, "Tired, but hopeful.").speaker == "Ondra Valsek"
    assert find(doc, "We are all tired").speaker == "Tamsin Orrel"


def test_plural_possessive_keeps_the_whole_source() -> None:
    """Regression: "The Corvale Nurses' Union said ..." had the mention "Union" and
    "Patients' groups have urged ..." the mention "groups" (the apostrophe after a plural
    split the phrase); "... said Omar Haddad of the Corvale Patients' Association" must still
    be Haddad's."""
    doc = analyzed(
        "Nurses at Corvale General Hospital are on strike.\n\n"
        "The Corvale Nurses' Union said members had voted to strike.\n\n"
        "Patients' groups have urged both sides to compromise.\n\n"
        "“People are frightened,” said Omar Haddad of the Corvale Patients' Association."
    )
    st = find(doc, "members had voted to strike")
    assert st.mention is not None and st.mention.text == "The Corvale Nurses' Union"
    st = find(doc, "both sides to compromise")
    assert st.mention is not None and st.mention.text == "Patients' groups"
    assert find(doc, "People are frightened").speaker == "Omar Haddad"


def test_plain_noun_addressee_after_told_is_not_content() -> None:
    """Regression: "Varga told parliament she would meet both sides." had the content
    "parliament she would meet both sides" (only "reporters", "voters" and a few more were
    known addressees)."""
    doc = analyzed(
        "Health minister Agnes Varga spoke in Corvale.\n\n"
        "Varga told parliament she would meet both sides.\n\n"
        "Ondra Valsek told investors the port would be sold."
    )
    assert find(doc, "she would meet both sides").speaker == "Agnes Varga"
    assert find(doc, "the port would be sold").speaker == "Ondra Valsek"


def test_roles_seen_do_not_hold_the_name_or_an_age() -> None:
    """Regression: `speakers` listed "chairman Gus Heller" and "season-ticket holder Mila
    Novak" as roles (a lower-case mention was taken whole as a role), "62-year-old" as a
    role, and both "Sen" and "Sen."."""
    doc = analyzed(
        "Sen. Ilsa Brandt spoke in Corvale. The 62-year-old said she would fight on.\n\n"
        "Sen. Ilsa Brandt said the vote would wait until May.\n\n"
        "“We will take our time,” said chairman Gus Heller.\n\n"
        "“He deserved another season,” said season-ticket holder Mila Novak, 29."
    )
    assert doc.people["Gus Heller"].roles == {"chairman"}
    assert doc.people["Mila Novak"].roles == {"season-ticket holder"}
    assert doc.people["Ilsa Brandt"].roles == {"Sen."}


def test_plural_group_opening_a_sentence_before_a_place_is_no_person() -> None:
    """Regression: "Fishermen in Ostrava Bay say ..." went to a person "Ostrava Bay" (the
    capitalised group read as a name, so the place after "in" was taken as the subject)."""
    doc = analyzed(
        "Quotas were cut.\n\n"
        "Fishermen in Ostrava Bay say new catch limits will put them out of business."
    )
    st = find(doc, "new catch limits will put them out of business")
    assert st.speaker is None
    assert st.mention is not None and st.mention.text == "Fishermen in Ostrava Bay"


def test_capitalised_description_with_a_lower_case_word_before_a_name() -> None:
    """Regression: "Harbour master Ilona Sarkany described the mood as grim." had no
    speaker: the description's first word is capitalised at the head of the sentence, so
    only a wholly lower-case description was dropped before the name."""
    doc = analyzed("Quotas were cut.\n\nHarbour master Ilona Sarkany described the mood as grim.")
    assert find(doc, "the mood as grim").speaker == "Ilona Sarkany"


def test_alias_seen_does_not_hold_the_organisation_after_of() -> None:
    """Regression: `speakers` listed "Omar Haddad of the Corvale Patients' Association" as
    an alias of Omar Haddad."""
    doc = analyzed(
        "Nurses are on strike.\n\n"
        "“People are frightened,” said Omar Haddad of the Corvale Patients' Association."
    )
    assert doc.people["Omar Haddad"].aliases == {"Omar Haddad"}


def test_as_x_famously_put_it_and_the_late_x() -> None:
    """Regression: "As Valsek famously put it, “...”" had no speaker (the adverb ended the
    subject), and "As the late Ondra Valsek once put it" / "The late Ondra Valsek said"
    had none either (a description ending in a name was resolved as a description). A
    description whose last word is no person noun does not lend its name ("advisers to
    Mayor Ilsa Brandt said" is not Brandt)."""
    doc = analyzed(
        "Ondra Valsek led the 1998 harbour campaign. Ilsa Brandt is the mayor.\n\n"
        "As Valsek famously put it, “A city that sells its waterfront sells its soul.”\n\n"
        "As the late Ondra Valsek once put it, “A harbour is a place.”\n\n"
        "The late Ondra Valsek said the harbour was the soul of the city.\n\n"
        "Advisers to Mayor Ilsa Brandt said the plan was sound."
    )
    for content in (
        "A city that sells its waterfront sells its soul.",
        "A harbour is a place.",
        "the harbour was the soul of the city",
    ):
        assert find(doc, content).speaker == "Ondra Valsek"
    assert find(doc, "the plan was sound").speaker is None


def test_noun_of_saying_ending_the_source_after_according_to() -> None:
    """Regression: "According to a police report, he had chained himself to a fence." had
    the mention "a police" and the content "report, he had chained ..." ("report" read as
    the verb)."""
    doc = analyzed(
        "A man was arrested in Corvale.\n\n"
        "According to a police report, he had chained himself to a fence."
    )
    st = find(doc, "he had chained himself to a fence")
    assert st.mention is not None and st.mention.text == "a police report"


def test_given_names_of_other_languages_tell_the_gender_in_a_two_person_debate() -> None:
    """Regression: in a debate story about Mayor Ilsa Brandt and Tomas Ferreol, "She called
    the charge “a fantasy”" right after "Ferreol ... accused Brandt of ..." went to Ferreol,
    and then "“...,” he said" to Brandt: "Tomas" was no known given name, so Ferreol's
    gender was unknown and Brandt's only inferred."""
    doc = analyzed(
        "Mayor Ilsa Brandt and her challenger, Tomas Ferreol, clashed in a debate.\n\n"
        "Ferreol, a former police chief, accused Brandt of “selling the harbour.” She called"
        " the charge “a fantasy” and said the sale had brought 400 jobs.\n\n"
        "“My opponent has had four years,” he said."
    )
    assert find(doc, "the sale had brought 400 jobs").speaker == "Ilsa Brandt"
    assert find(doc, "My opponent has had four years").speaker == "Tomas Ferreol"


def test_embassy_or_parliament_is_no_person_a_pronoun_can_mean() -> None:
    """Regression: "he" fell back to a capitalised institution named just before ("the
    Mexican Embassy" went on PolNeAR; here "the Norvanian Embassy"), read as a person."""
    from quotecheck.analysis.people import looks_like_name

    assert not looks_like_name(["Norvanian", "Embassy"])
    assert not looks_like_name(["Velmark", "Parliament"])
    assert looks_like_name(["Ondra", "Valsek"])


def test_my_opponent_said_and_i_quote_in_a_debate_is_the_other_debater() -> None:
    """Regression: in a debater's line "My opponent said, and I quote, “...”" made no
    statement (", and I quote," read as no lead-in to a quote), and "he"/"my opponent"
    went to the moderator when the moderator spoke as often as the debaters: a part label
    ("MODERATOR (PETRA DORN):") now marks who moderates."""
    from quotecheck.readers.articles import transcript_document

    text = (
        "MODERATOR (PETRA DORN): Welcome to the Corvale debate. Mayor Brandt, go ahead.\n\n"
        "BRANDT: Thank you. My opponent said, and I quote, “the harbour is for sale.”\n\n"
        "FERREOL: I never said that.\n\n"
        "DORN: Mr. Ferreol, your answer on housing?\n\n"
        "FERREOL: We will build.\n\n"
        "BRANDT: He said, back in May, “rents will fall.”\n"
    )
    doc = transcript_document("debate.txt", text, "label")
    analyze(doc)
    assert find(doc, "the harbour is for sale.").speaker == "Ferreol"
    assert find(doc, "rents will fall.").speaker == "Ferreol"


def test_posted_or_emailed_that_reports_speech() -> None:
    """Regression: "Holt posted on LinkedIn that the company would “fight this in court.”"
    made no statement of Holt, so its quote went to the judge quoted just before (a
    misattribution); "emailed staff that" likewise. "posted a video that showed" is none."""
    doc = analyzed(
        "Marianne Holt runs Kessel Shipping.\n\n"
        "Judge Rosa Lindqvist wrote in her ruling that the case could proceed. Holt posted on"
        " LinkedIn that the company would “fight this in court.”\n\n"
        "Holt emailed staff that the office would close.\n\n"
        "Holt posted a video that showed the port."
    )
    st = find(doc, "the company would “fight this in court.”")
    assert st.speaker == "Marianne Holt" and st.cue is not None and st.cue.text == "posted"
    assert find(doc, "the office would close").speaker == "Marianne Holt"
    assert covering(doc, "the port") == []


def test_company_is_no_person() -> None:
    """Regression: "Kessel Shipping reported a fall in profit" made the company a speaker
    (two capitalised words read as a person's name)."""
    doc = analyzed(
        "Profits fell.\n\nKessel Shipping warned that the rest of the year would be hard."
    )
    st = find(doc, "the rest of the year would be hard")
    assert st.speaker is None
    assert st.mention is not None and st.mention.text == "Kessel Shipping"


def test_quote_inside_a_sentence_about_another_person_is_theirs() -> None:
    """Regression: "Valsek said the plan was a disgrace. Brandt gave her own verdict in an
    interview: “...”" gave the quote to Valsek, the paragraph's earlier speaker, not to
    Brandt, the subject of its own sentence."""
    doc = analyzed(
        "Ondra Valsek and Ilsa Brandt reacted to the plan.\n\n"
        "Valsek said the plan was a disgrace. Brandt gave her own verdict in an interview:"
        " “Reprehensible, prejudiced and divisive.”"
    )
    assert find(doc, "Reprehensible, prejudiced and divisive.").speaker == "Ilsa Brandt"


def test_slammed_dubbed_and_averred_are_cues() -> None:
    """Regression: "Brandt slammed the proposal as “...”" made no statement: the lexicon
    spelt the past of slam, dub, aver and concur "slamed", "dubed", "avered", "concured"."""
    doc = analyzed(
        "Ilsa Brandt reacted to the plan.\n\n"
        "Brandt slammed the proposal as “reprehensible and divisive.”\n\n"
        "Brandt averred that the harbour was safe."
    )
    assert find(doc, "the proposal as “reprehensible and divisive.”").speaker == "Ilsa Brandt"
    assert find(doc, "the harbour was safe").cue.text == "averred"  # type: ignore[union-attr]


def test_agreeing_and_echoes_are_cue_forms() -> None:
    """Regression: the lexicon spelt "agreeing" "agreing" and "echoes" "echos"."""
    from quotecheck.analysis.cues import CUE_FORMS

    assert CUE_FORMS["agreeing"] == "agree" and CUE_FORMS["disagreeing"] == "disagree"
    assert CUE_FORMS["echoes"] == "echo"
    assert "agreing" not in CUE_FORMS and "echos" not in CUE_FORMS


def test_more_verbs_of_saying() -> None:
    """Regression: "bragged", "reminded voters that", "confided", "confessed", "touted" made
    no statement; "muttered" and "pleaded" only before a quote or a colon ("pleaded guilty"
    is none)."""
    doc = analyzed(
        "Ondra Valsek ran for mayor of Corvale.\n\n"
        "Valsek bragged that the port had never been busier.\n\n"
        "Valsek reminded voters that the bridge was finished on time.\n\n"
        "Valsek confessed that he had not read the report.\n\n"
        "“Not again,” Valsek muttered.\n\n"
        "Valsek pleaded guilty to a parking offence."
    )
    assert find(doc, "the port had never been busier").cue.text == "bragged"  # type: ignore[union-attr]
    assert find(doc, "the bridge was finished on time").speaker == "Ondra Valsek"
    assert find(doc, "he had not read the report").speaker == "Ondra Valsek"
    assert find(doc, "Not again").cue.text == "muttered"  # type: ignore[union-attr]
    assert covering(doc, "guilty to a parking offence") == []


def test_participle_after_a_cue_with_no_content_has_the_subject_as_speaker() -> None:
    """Regression: "Valsek hit back, saying the port was safe." had no speaker: the
    ", saying" statement carries on the frame of "hit back", which has no content of its
    own and so was never resolved."""
    doc = analyzed("Ondra Valsek ran for mayor.\n\nValsek hit back, saying the port was safe.")
    assert find(doc, "the port was safe").speaker == "Ondra Valsek"


def test_she_in_a_debater_turn_is_the_person_the_turn_just_named() -> None:
    """Regression: in a debater's turn "The old mayor, Ilsa Brandt, never answered. She said
    in 2019, “The pier is safe.”" the quote went to the other debater: "he"/"she" in a
    turn were always the other debater, even right after the turn named someone."""
    from quotecheck.readers.articles import transcript_document

    text = (
        "MODERATOR (PETRA DORN): Mr. Ferreol, your question.\n\n"
        "FERREOL: The old mayor, Ilsa Brandt, never answered for the pier. She said in 2019,"
        " “The pier is safe.” It was not.\n\n"
        "VOSS: I am the mayor now. He said last year, “We will sell the pier.”\n\n"
        "FERREOL: No.\n"
    )
    doc = transcript_document("debate.txt", text, "label")
    analyze(doc)
    assert find(doc, "The pier is safe.").speaker == "Ilsa Brandt"
    assert find(doc, "We will sell the pier.").speaker == "Ferreol"


def test_you_said_in_a_hearing_turn_is_the_person_addressed() -> None:
    """Regression: "Mr. Valsek, you said last year that the port was “fully secure.”" in a
    senator's turn had no speaker ("you" was nobody); it is the person addressed, not
    whoever spoke last."""
    from quotecheck.readers.articles import detect_transcript, transcript_document

    text = (
        "The CHAIRMAN. We welcome Ondra Valsek, director of the Corvale Port Authority.\n\n"
        "Mr. VALSEK. Thank you, Mr. Chairman.\n\n"
        "The CHAIRMAN. Senator Brandt, you have five minutes.\n\n"
        "Senator BRANDT. Mr. Valsek, you said last year that the port was “fully secure.”"
        " Do you stand by that?\n"
    )
    doc = transcript_document("hearing.txt", text, detect_transcript(text))
    analyze(doc)
    assert find(doc, "fully secure.").speaker == "Ondra Valsek"


def test_pronoun_after_an_unnamed_spokesperson_is_unnamed() -> None:
    """Regression (review): "a spokesperson" was listed among the words that name no single
    person, so "A spokesperson for the mayor said ... She added ..." went to the mayor."""
    doc = analyzed(
        "Mayor Ilsa Brandt closed the bridge.\n\n"
        "A spokesperson for the port said the bridge was safe. She added that it would"
        " reopen in May."
    )
    assert find(doc, "it would reopen in May").speaker is None


def test_the_former_and_the_latter_are_the_two_people_named_last() -> None:
    """Regression: "The former said ..." and "The latter said ..." had no speaker."""
    doc = analyzed(
        "Marit Solberg and Karl Deml run rival ferries across Ostrava Bay.\n\n"
        "The former runs the night service. The former said she had never missed a"
        " crossing. The latter said he had missed one or two."
    )
    assert find(doc, "she had never missed a crossing").speaker == "Marit Solberg"
    assert find(doc, "he had missed one or two").speaker == "Karl Deml"


def test_quote_inside_a_quote_goes_to_the_person_the_outer_quote_names() -> None:
    """Regression: in "“I remember Brandt saying, ‘We will win this,’” Ferreol recalled."
    the inner quote was only part of Ferreol's words, so a lookup of "We will win this"
    named Ferreol; it is Brandt's. "She told me, ‘Never again.’" inside Ferreol's quote is
    no longer his (speaker unknown: the quote names no one), and scare quotes in his own
    words ("We call it the ‘harbour plan’") stay his."""
    doc = analyzed(
        "Tomas Ferreol and Ilsa Brandt met in May.\n\n"
        "“I remember Brandt saying, ‘We will win this,’” Ferreol recalled.\n\n"
        "Ferreol said: “She told me, ‘Never again.’ And I believed her.”\n\n"
        "“We call it the ‘harbour plan,’” Ferreol said."
    )
    st = find(doc, "We will win this")
    assert st.speaker == "Ilsa Brandt" and st.mention is not None and st.mention.text == "Brandt"
    inner = find(doc, "Never again.")
    assert inner.speaker is None and inner.mention is not None and inner.mention.text == "She"
    assert [s.speaker for s in covering(doc, "harbour plan")] == ["Tomas Ferreol"]


def test_kin_noun_before_a_name_gives_its_gender_her_father_is_not_she() -> None:
    """Regression: in a profile of Ilona Sarkany, "Her father, Laszlo Sarkany, was a ferry
    captain. “He would have hated the limits,” she admits" gave the quote to the father:
    he was the subject just named and his given name told no gender. "father", "wife",
    "son" ... before a name tell it."""
    doc = analyzed(
        "Ilona Sarkany has run the harbour at Ostrava Bay for eleven years.\n\n"
        "Her father, Laszlo Sarkany, was a ferry captain. “He would have hated the"
        " limits,” she admits."
    )
    assert find(doc, "He would have hated the limits").speaker == "Ilona Sarkany"


def test_cue_word_after_a_determiner_and_an_adjective_is_a_noun() -> None:
    """Regression: "Officials said the main dispute was over water quotas" gave a second
    statement, "was over water quotas", with the cue "dispute" and the mention "the main";
    "Gus Heller, a former state party chairman, said" had a statement cued by "state".
    After a plural subject the bare form is still a verb, and who "made a forceful promise"
    speaks."""
    doc = analyzed(
        "Officials said the main dispute was over water quotas in dry summers.\n\n"
        "Gus Heller, a former state party chairman, said the talks would resume.\n\n"
        "The two sides dispute that the quotas were ever agreed.\n\n"
        "Petra Dorn made a forceful promise to reopen the harbour, cut the fees and hire pilots."
    )
    cues = [s.cue.text if s.cue else None for s in doc.statements]
    assert cues == ["said", "said", "dispute", "promise"]
    assert find(doc, "the talks would resume").speaker == "Gus Heller"
    assert find(doc, "to reopen the harbour, cut the fees and hire pilots").speaker == "Petra Dorn"


def test_interview_inside_a_feature_answers_are_the_persons_and_narration_after_is_not() -> None:
    """Regression: a feature printing a short "Q:"/"A:" interview, then going back to
    narration, is read as a transcript. Its answers had no speaker (the introduction names
    a place too: "Ostrava Bay's harbour"), and the paragraphs after the last answer were
    the answer's words: "Sarkany, 58, grew up on the bay" was a transcript line, Gus
    Heller's "says ..." was no statement, and a quote there went to "Ostrava Bay". The
    introduction names one person: the answers are hers; an unlabelled paragraph naming
    her is the writer's again, up to the next label."""
    from quotecheck.errors import InputError
    from quotecheck.readers import read_file

    text = (
        "The harbour master who wants to slow everything down\n\n"
        "Ilona Sarkany has run Ostrava Bay's harbour for eleven years. We asked her about"
        " the new speed limits.\n\n"
        "Q: Why slow the ferries down?\n\n"
        "A: Because the wake is eating the sea wall. We measured it.\n\n"
        "Q: And the ferry companies?\n\n"
        "A: They will adapt.\n\n"
        "Sarkany, 58, grew up on the bay. “My father would have hated the limits,” she"
        " admits.\n\n"
        "The ferry operators' association disagrees. Its chairman, Gus Heller, says the"
        " limits are pointless.\n"
    )
    (d,) = list(read_file("feature.txt", text.encode(), None, {}))
    assert not isinstance(d, InputError) and d.format == "transcript"
    analyze(d)
    got = [(s.kind, s.speaker, d.text[s.start : s.end]) for s in d.statements]
    assert got == [
        ("transcript", None, "Why slow the ferries down?"),
        ("transcript", "Ilona Sarkany", "Because the wake is eating the sea wall. We measured it."),
        ("transcript", None, "And the ferry companies?"),
        ("transcript", "Ilona Sarkany", "They will adapt."),
        ("direct", "Ilona Sarkany", "My father would have hated the limits"),
        ("indirect", "Gus Heller", "the limits are pointless"),
    ]


def test_subject_with_a_reduced_relative_clause_speaks() -> None:
    """Regression: "The lawsuit filed by three residents last year alleges that ..." and
    "A report released by the ministry says ..." were no statements: the phrase after
    "by" stood after a preposition, so no subject was found. The phrase before the
    participle speaks. And a cue noun after a possessive and an adjective ("Valsek's
    effusive praise of ...") is no statement."""
    doc = analyzed(
        "The lawsuit filed by three residents last year alleges that the city knew the"
        " monitors were misplaced.\n\n"
        "A report released by the ministry says that the air is clean.\n\n"
        "It was an image cemented by Valsek's effusive praise of the harbour plan."
    )
    st = find(doc, "the city knew the monitors were misplaced")
    assert st.mention is not None and st.mention.text == "The lawsuit filed by three residents"
    st = find(doc, "the air is clean")
    assert st.mention is not None and st.mention.text == "A report released by the ministry"
    assert len(doc.statements) == 2


def test_speaker_who_gave_only_a_first_name_is_the_phrase_before_the_relative_clause() -> None:
    """Regression: "A nurse on the picket line, who gave only her first name, Sofia, said"
    had the mention "her first name"; "a cleaner, who asked to be identified only by her
    first name" gave a statement "to be identified ..." cued by "asked"."""
    doc = analyzed(
        "A nurse on the picket line, who gave only her first name, Sofia, said the ward had"
        " been short of staff for months.\n\n"
        "“We are tired,” said a cleaner, who asked to be identified only by her first name,"
        " Mira.\n\n"
        "A guard, who asked that his last name be withheld, said the gate was shut."
    )
    mentions = [s.mention.text if s.mention else None for s in doc.statements]
    assert mentions == ["A nurse on the picket line", "a cleaner", "A guard"]


def test_source_familiar_with_his_thinking_is_the_mention() -> None:
    """Regression: "A source familiar with the mayor’s thinking said, “...”" had no
    speaker mention (a word in -ing was never a noun phrase's head), while "... with the
    talks said" had. After a preposition and an owner it is a noun; "the scathing remarks"
    still makes no subject of "the scathing"."""
    doc = analyzed(
        "A source familiar with the mayor’s thinking said, “I think he will try.”\n\n"
        "People close to the planning said the vote would slip.\n\n"
        "Tomas Ferreol wrote that he penned the scathing remarks delivered by Ilsa Brandt."
    )
    mentions = [s.mention.text if s.mention else None for s in doc.statements]
    assert mentions == [
        "A source familiar with the mayor’s thinking",
        "People close to the planning",
        "Tomas Ferreol",
    ]


def test_sentence_opening_with_said_and_a_name_with_an_aside_leads_into_the_quote() -> None:
    """Regression: "Said Dorota Pohl, who grew up with Valsek, “We were all so proud of
    him.”" had no speaker (the lead took a name and a colon or comma only), and "Said
    Pohl: “We were proud.”" was no statement at all (a quote under four words needs a
    source; this one has it). A short quote with no lead is still a scare quote."""
    doc = analyzed(
        "The home became a museum. Said Dorota Pohl, who grew up with Valsek in the"
        " neighbourhood, “We were all so proud of him.”\n\n"
        "Said Pohl: “We were proud.”\n\n"
        "Valsek called the plan “a bridge too far.”"
    )
    assert find(doc, "We were all so proud of him.").speaker == "Dorota Pohl"
    assert find(doc, "We were proud.").speaker == "Dorota Pohl"
    assert not any(doc.text[s.start : s.end] == "a bridge too far." for s in doc.statements)


def test_fronted_prepositional_phrase_is_no_content_of_the_statement() -> None:
    """Regression: "In remarks to supporters in Kessel, Lind promised to reverse the cuts
    if elected." had the content "In remarks to supporters in Kessel" (the words before
    the subject, when the words after were too few). A phrase opening with a preposition,
    with no comma or quote inside, is an adjunct; "About 9.9 million mothers live in
    Corvale, according to ..." is still a clause."""
    doc = analyzed(
        "In remarks to supporters in Kessel, Maria Lind promised to reverse the cuts if"
        " elected.\n\n"
        "About 9.9 million mothers live in Corvale, according to federal statistics."
    )
    got = [doc.text[s.start : s.end] for s in doc.statements]
    assert got == ["About 9.9 million mothers live in Corvale"]


def test_participle_cue_after_a_named_appositive_and_a_time_adverbial() -> None:
    """Regression: "The finance minister, Anneli Roos, on Sunday defended her budget,
    telling VTV that the cuts were needed." was no statement: the name set off by commas
    had to stand right before its verb."""
    for between in ("on Sunday", "also firmly"):
        doc = analyzed(
            f"The finance minister, Anneli Roos, {between} defended her budget, telling VTV"
            " that the cuts were needed."
        )
        assert find(doc, "the cuts were needed").speaker == "Anneli Roos", between


def test_court_story_read_the_sentence_testified_against_and_said_outside_court() -> None:
    """Regression, a fictional court story:
    - "“...,” Dorn said as she read the sentence." gave a second statement, "the
      sentence", cued by "read" (a verb that reports only before or after a quote: the
      quote was said's);
    - "who testified against Valsek in exchange for a reduced sentence" was a statement
      ("testified" reports words only with "that", a colon or a quote);
    - "Ivo Marek said outside court that his client would appeal" had the content "outside
      court that ...";
    - "Valsek, who has maintained his innocence, showed no emotion." had the content "his
      innocence, showed no emotion": the relative clause ends at the comma before the
      sentence's own verb (a relative clause nested in it does not end it)."""
    doc = analyzed(
        "“You treated a public asset as your own,” Judge Petra Dorn said as she read the"
        " sentence.\n\n"
        "Ondra Valsek, who has maintained his innocence, showed no emotion. His lawyer, Ivo"
        " Marek, said outside court that his client would appeal.\n\n"
        "One of the executives, who testified against Valsek in exchange for a reduced"
        " sentence, told the court that the payments were routine.\n\n"
        "The mayor, who said on Monday that the port, which he ran, was clean, resigned."
    )
    got = [doc.text[s.start : s.end] for s in doc.statements]
    assert got == [
        "You treated a public asset as your own",
        "his innocence",
        "his client would appeal",
        "the payments were routine",
        "the port, which he ran, was clean",
    ]
    assert find(doc, "the payments were routine").mention.text == "One of the executives"


def test_responded_to_is_what_was_answered_and_neither_is_nobody_speaking() -> None:
    """Regression: "Neither campaign responded to requests for comment" was a statement
    with the content "to requests for comment ..."; "responded to the criticism by saying
    the poll was flawed" had "to the criticism by saying" in its content. What follows
    "responded to" is what was answered; the words are after "saying" or "that"."""
    doc = analyzed(
        "Neither campaign responded to requests for comment.\n\n"
        "The Dorn campaign responded to the criticism by saying the poll was flawed.\n\n"
        "Ilsa Brandt replied to him that it was an honor to serve the council.\n\n"
        "Tomas Ferreol responded to that tweet with a shrug.\n\n"
        "No official said the harbour was safe."
    )
    got = [doc.text[s.start : s.end] for s in doc.statements]
    assert got == ["the poll was flawed", "it was an honor to serve the council"]


def test_according_to_her_is_the_person_the_pronoun_means() -> None:
    """Regression: "Solberg waves the idea away. According to her, the ferry will run
    ..." had the mention "her" and no speaker; "according to her lawyers" is still the
    lawyers."""
    doc = analyzed(
        "Marit Solberg waves the idea away. According to her, the ferry will run as long as"
        " she can climb the gangway.\n\n"
        "According to her lawyers, the licence was never at risk."
    )
    assert find(doc, "the ferry will run as long as she can climb the gangway").speaker == (
        "Marit Solberg"
    )
    st = find(doc, "the licence was never at risk")
    assert st.mention is not None and st.mention.text == "her lawyers" and st.speaker is None


def test_possessive_and_one_noun_before_a_name_is_that_persons_description() -> None:
    """Regression: "“The pay is terrible,” her deckhand Lars Eide adds." had no speaker
    ("deckhand" is no role word); "her way around Chez Vachon" stays no person."""
    doc = analyzed(
        "Marit Solberg has crossed the bay twenty thousand times.\n\n"
        "“The pay is terrible,” her deckhand Lars Eide adds, grinning.\n\n"
        "Making her way around Chez Vachon, Solberg thanked a diner. She says, “With your"
        " help, we can do it.”"
    )
    assert find(doc, "The pay is terrible").speaker == "Lars Eide"
    assert find(doc, "With your help, we can do it.").speaker == "Marit Solberg"


def test_mr_before_a_shared_surname_is_not_the_woman_of_that_name() -> None:
    """Regression: in an obituary of Marta Quillon confirmed by "her son, Piet Quillon",
    "“...,” Mr. Quillon said" went to Marta (the most mentioned Quillon). A title's gender
    rules out namesakes of the other gender; "Ms. Quillon" is still Marta."""
    doc = analyzed(
        "Marta Quillon, who ran the Corvale library for four decades, died on Tuesday.\n\n"
        "Her death was confirmed by her son, Piet Quillon, who said the cause was heart"
        " failure.\n\n"
        "“She never stopped reading,” Mr. Quillon said.\n\n"
        "Ms. Quillon described the opening day as the loudest quiet morning of her life."
    )
    assert find(doc, "She never stopped reading").speaker == "Piet Quillon"
    assert find(doc, "the opening day as the loudest quiet morning of her life").speaker == (
        "Marta Quillon"
    )


def test_title_on_a_bare_surname_does_not_make_the_full_name_that_gender() -> None:
    """ "Khizr and Ghazala Khan ... Mr. Khan": "Mr. Khan" finds Ghazala (the only Khan named
    in full), but that does not make her a man, so "Ms. Khan" is still Ghazala."""
    doc = analyzed(
        "The parents, Tomas and Ilsa Varga, spoke at the rally.\n\n"
        "Mr. Varga held up a copy of the charter.\n\n"
        "Ms. Varga said she had not spoken because she could not remain composed."
    )
    assert find(doc, "she had not spoken because she could not remain composed").speaker == (
        "Ilsa Varga"
    )


def test_cue_with_an_adverb_then_a_colon_takes_the_quote_not_the_fronted_clause() -> None:
    """Regression: "Asked once what she hoped people would remember, she answered simply:
    “...”" also gave the statement "Asked once what she hoped people would remember" (the
    adverb made the colon quote look like an adjunct after the cue)."""
    doc = analyzed(
        "Asked once what she hoped people would remember, Marta Quillon answered simply:"
        " “That the door was always open.”"
    )
    assert [doc.text[a:b] for s in doc.statements for a, b in s.spans] == [
        "That the door was always open."
    ]


def test_captain_before_a_name_is_a_role_not_the_team() -> None:
    """Regression: "Harriers captain Lenn Ostby, 19, was less forgiving. “...,” he said."
    gave the quote to the team "Kessel Harriers" ("captain" was no role word)."""
    doc = analyzed(
        "The Kessel Harriers lost the cup final 2-1 on Saturday.\n\n"
        "Harriers captain Lenn Ostby, 19, was less forgiving of his own side. “We gave them"
        " that corner,” he said."
    )
    assert find(doc, "We gave them that corner").speaker == "Lenn Ostby"


def test_colleagues_are_a_generic_source() -> None:
    """Regression: "Colleagues recalled her as stubborn" had the speaker "Colleagues"."""
    doc = analyzed("Colleagues recalled her as stubborn and generous in equal measure.")
    st = find(doc, "her as stubborn and generous in equal measure")
    assert st.speaker is None and st.mention is not None and st.mention.text == "Colleagues"


def test_the_nurse_after_a_nurse_is_the_unnamed_one_not_the_person_in_focus() -> None:
    """Regression (with "nurse" a role word): "When a nurse who had treated patients
    returned, the governor ordered a quarantine. The nurse later sued, claiming ..." gave
    the nurse's claim to the governor in focus."""
    doc = analyzed(
        "Governor Ondra Valsek said he would order a quarantine again.\n\n"
        "When a nurse who had treated patients in Velmark returned to Corvale, the governor"
        " ordered such a quarantine. The nurse later sued, claiming the quarantine violated"
        " her rights."
    )
    st = find(doc, "the quarantine violated her rights")
    assert st.speaker is None and st.mention is not None and st.mention.text == "The nurse"


def test_according_to_then_a_list_after_a_comma_is_no_appositive() -> None:
    """Regression: "According to a joint statement, the crossings at Dorna, Fell and Brisk
    will reopen" gave the content "Fell and Brisk will reopen ..." ("the crossings at
    Dorna," was read as an appositive of the statement)."""
    doc = analyzed(
        "According to a joint statement, the crossings at Dorna, Fell and Brisk will reopen"
        " on March 1.\n\n"
        "According to Tomas Ferreol, the harbour master, the port lost money last year."
    )
    find(doc, "the crossings at Dorna, Fell and Brisk will reopen on March 1")
    assert find(doc, "the port lost money last year").speaker == "Tomas Ferreol"


def test_cue_noun_in_a_phrase_after_a_preposition_is_no_verb() -> None:
    """Regression: "Residents who spoke during the public comment period were divided"
    was a statement of the residents ("comment" after "the public" read as a verb)."""
    doc = analyzed(
        "Residents who spoke during the public comment period were divided.\n\n"
        "The two sides dispute the figures."
    )
    assert [doc.text[a:b] for s in doc.statements for a, b in s.spans] == ["the figures"]


def test_quote_then_a_coordinated_description_and_a_name_is_that_persons() -> None:
    """Regression: "“...,” the company's co-founder and chief executive, Ines Marlow, told a
    packed hall." had no speaker and no mention (the description's "and" cut it)."""
    doc = analyzed(
        "“We have solved the problem,” the company's co-founder and chief executive, Ines"
        " Marlow, told a packed hall."
    )
    assert find(doc, "We have solved the problem").speaker == "Ines Marlow"


def test_role_subject_after_a_fronted_question_takes_the_focus() -> None:
    """Regression: "Asked whether she would resign ..., the prime minister did not answer
    directly. “I don't deal in hypotheticals,” she said." went to the analyst quoted just
    before, not to the prime minister."""
    doc = analyzed(
        "Prime Minister Ilsa Brandt rejected the call.\n\n"
        "“She can survive this, but not another defeat,” said Pia Lorne, a political"
        " scientist.\n\n"
        "Asked whether she would resign if the budget also failed, the prime minister did not"
        " answer directly. “I don't deal in hypotheticals,” she said."
    )
    assert find(doc, "I don't deal in hypotheticals").speaker == "Ilsa Brandt"


def test_plural_of_a_profession_is_a_group_not_a_person() -> None:
    """Regression: "Meteorologists warned that ..." had the speaker "Meteorologists"."""
    doc = analyzed("Meteorologists warned that a second storm could reach the coast.")
    st = find(doc, "a second storm could reach the coast")
    assert st.speaker is None and st.mention is not None and st.mention.text == "Meteorologists"


def test_source_familiar_with_something_is_the_whole_mention() -> None:
    """Regression: "According to people familiar with the negotiations, the coalition is
    divided" had the mention "people familiar" and the content "with the negotiations, the
    coalition is divided"."""
    doc = analyzed(
        "According to people familiar with the negotiations, the coalition is divided.\n\n"
        "The ferry will be late, said a source close to the mayor.\n\n"
        "According to a person with knowledge of the talks, the port will close."
    )
    for content, mention in (
        ("the coalition is divided", "people familiar with the negotiations"),
        ("The ferry will be late", "a source close to the mayor"),
        ("the port will close", "a person with knowledge of the talks"),
    ):
        st = find(doc, content)
        assert st.speaker is None and st.mention is not None and st.mention.text == mention


_BARE_INTERVIEW = (
    "Tamsin Orrel's new novel, “High Water,” follows three families through the Velmark"
    " floods. She spoke to the Ledger from her home in Kessel.\n\n"
    "Why the floods?\n\n"
    "My grandmother lived through them. She never talked about it.\n\n"
    "Did you interview survivors?\n\n"
    "Dozens. One man told me, “We thought the sea had come to take the whole country.”\n\n"
    "What do you hope readers take away?\n\n"
    "That memory is fragile. If we don't write it down, it disappears.\n\n"
    "Orrel will read from the novel at the Kessel Book Fair on May 9."
)


def test_bare_question_interview_answers_are_the_interviewees() -> None:
    """Regression: an interview printed as bare question and answer paragraphs ("Why the
    floods?" / "My grandmother lived through them. ...") gave the answers to nobody. They
    are the words of the one person named before the first question; the paragraph that
    names her again is the writer's; a quote inside an answer stays its own speaker's."""
    doc = analyzed(_BARE_INTERVIEW)
    answers = [s for s in doc.statements if s.kind == "transcript"]
    assert [doc.text[s.start : s.end] for s in answers] == [
        "My grandmother lived through them. She never talked about it.",
        "Dozens. One man told me, “We thought the sea had come to take the whole country.”",
        "That memory is fragile. If we don't write it down, it disappears.",
    ]
    assert {s.speaker for s in answers} == {"Tamsin Orrel"}
    inner = find(doc, "We thought the sea had come to take the whole country.")
    assert inner.speaker is None and inner.mention is not None and inner.mention.text == "One man"


def test_questions_in_a_story_answered_in_the_third_person_are_no_interview() -> None:
    """A story that asks questions and answers them itself ("Why does it matter? The
    harbour is ...") is no interview: no answer becomes the named person's."""
    doc = analyzed(
        "Mayor Ilsa Brandt opened the new harbour office on Monday.\n\n"
        "Why does it matter?\n\n"
        "The harbour handles half of the city's trade, and its old office flooded twice.\n\n"
        "What happens next?\n\n"
        "The council will vote on the dredging budget in March."
    )
    assert not [s for s in doc.statements if s.kind == "transcript"]


def test_programme_title_before_that_is_no_part_of_the_content() -> None:
    """Regression: "said Sunday on VTV's “Morning Table” that a budget deal was very close"
    had the content "Sunday on VTV's “Morning Table” that a budget deal ..." (the quoted
    title stopped the skip over the adverbials); quoted words are still content."""
    doc = analyzed(
        "Senator Rosa Linde said Sunday on VTV's “Morning Table” that a budget deal was very"
        " close.\n\n"
        "Ondra Valsek vowed to “take our fight” to the states that would vote next."
    )
    assert find(doc, "a budget deal was very close").speaker == "Rosa Linde"
    find(doc, "to “take our fight” to the states that would vote next")


def test_pronoun_in_a_later_clause_is_the_named_person_of_its_gender() -> None:
    """Regression: "Valsek accused Brandt of “stealing the river,” a remark she called
    “childish.”" gave "she" to Valsek, the sentence's subject, whose gender nothing told;
    Brandt, named in the sentence and known as a woman, is the one."""
    doc = analyzed(
        "Mayor Ilsa Brandt supports the dam, which she says would end the floods.\n\n"
        "Last year, Ondra Valsek accused Brandt of “stealing the river,” a remark she called"
        " “childish and beneath the office.”"
    )
    assert find(doc, "“childish and beneath the office.”").speaker == "Ilsa Brandt"


def test_quoted_someone_as_saying_is_that_persons_statement() -> None:
    """Regression: "The Corvale Ledger quoted Ondra Valsek as saying the harbour would close"
    made no statement, "The Ledger quoted officials saying ..." had the mention "The Ledger
    quoted officials", and "Ilsa Brandt was overheard telling an aide that ..." the mention
    "overheard"."""
    doc = analyzed(
        "The Corvale Ledger quoted Ondra Valsek as saying the harbour would close in May.\n\n"
        "The Ledger quoted officials saying the ferry would run.\n\n"
        "Ilsa Brandt was overheard telling an aide that the vote was lost."
    )
    assert find(doc, "the harbour would close in May").speaker == "Ondra Valsek"
    st = find(doc, "the ferry would run")
    assert st.speaker is None and st.mention is not None and st.mention.text == "officials"
    assert find(doc, "the vote was lost").speaker == "Ilsa Brandt"


def test_role_after_his_before_a_name_is_that_persons() -> None:
    """Regression: in "Mayor Ondra Valsek and his deputy, Liska Brandt, clashed", the role
    "deputy" was not Brandt's (a role before commas wanted "the", "a", "its", "their" or a
    possessive name), and "The deputy said she ..." went to the mayor, the one in focus."""
    doc = analyzed(
        "Mayor Ondra Valsek and his deputy, Liska Brandt, clashed on Tuesday.\n\n"
        "The deputy said she would vote against the harbour sale."
    )
    assert find(doc, "she would vote against the harbour sale").speaker == "Liska Brandt"


def test_deputy_mayor_is_not_the_mayor() -> None:
    """Regression: "Deputy Mayor Liska Brandt" holds the role words of "the mayor", so "The
    mayor said he would not" went to her, named last, over Mayor Ondra Valsek; a rank word
    (deputy, vice, assistant, lieutenant) the description lacks makes it another office."""
    doc = analyzed(
        "Mayor Ondra Valsek clashed with Deputy Mayor Liska Brandt on Tuesday.\n\n"
        "The deputy mayor said she would vote against the sale. The mayor said he would not."
    )
    assert find(doc, "she would vote against the sale").speaker == "Liska Brandt"
    assert find(doc, "he would not").speaker == "Ondra Valsek"


def test_vice_president_alone_is_not_the_president() -> None:
    doc = analyzed(
        "Vice President Liska Brandt spoke first at the Corvale summit.\n\n"
        "The president said the summit would end early."
    )
    assert find(doc, "the summit would end early").speaker is None


def test_role_of_a_place_set_off_by_commas_is_the_persons_role() -> None:
    """Regression: "The mayor of Corvale, Ondra Valsek," and "Ondra Valsek, the mayor of
    Corvale," gave no role (a role had to end in its head word), and a later "The mayor
    said" went to the last person in focus, Dorn. The words after "of" are not the role:
    "The author of the book, Mitchell ..." must not make "the book" a person."""
    for intro in (
        "The mayor of Corvale, Ondra Valsek, spoke on Tuesday.",
        "Ondra Valsek, the mayor of Corvale, spoke on Tuesday.",
    ):
        doc = analyzed(
            f"{intro}\n\n"
            "Petra Dorn said the harbour cost the town more than it earned.\n\n"
            "Asked about Dorn's figures, the mayor said they were out of date."
        )
        assert find(doc, "they were out of date").speaker == "Ondra Valsek", intro
    doc = analyzed(
        "The author of the book, Tamsin Orrel, said she stands by it.\n\n"
        "The book accuses Ondra Valsek of ignoring the floods."
    )
    assert [s.speaker for s in covering(doc, "of ignoring the floods")] == [None]


def test_that_before_a_verb_after_said_is_the_subject_of_the_content() -> None:
    """Regression: "He said that is a distortion" had the content "is a distortion": a
    "that" opening a clause is followed by a subject, so "that" + "is" is the subject."""
    doc = analyzed(
        "Ondra Valsek said that is a distortion. Ilsa Brandt said that he would sue.\n\n"
        "Petra Dorn said that wasn’t the first time the harbour flooded."
    )
    assert find(doc, "that is a distortion").speaker == "Ondra Valsek"
    assert find(doc, "he would sue").speaker == "Ilsa Brandt"
    assert find(doc, "that wasn’t the first time the harbour flooded").speaker == "Petra Dorn"


def test_dismissed_their_manager_then_his_name_is_no_statement() -> None:
    """Regression: "Kessel Rovers have dismissed their manager, Bram Lenk, two days after
    ..." made a statement of the club with the content "their manager, Bram Lenk, ...":
    a person let go was recognised only with no comma between role and name."""
    doc = analyzed(
        "Kessel Rovers have dismissed their manager, Bram Lenk, two days after a cup defeat.\n\n"
        "The board dismissed the coach on Sunday.\n\n"
        "Ondra Valsek dismissed the claims as nonsense."
    )
    assert covering(doc, "Bram Lenk, two days after") == []
    assert covering(doc, "the coach on Sunday") == []
    assert find(doc, "the claims as nonsense").speaker == "Ondra Valsek"


def test_speaker_at_a_place_whose_noun_ends_in_ly_or_ing() -> None:
    """Regression: "A man at the rally said the mayor had lied" made no statement ("rally"
    was skipped as an -ly adverb before the verb, as in "has repeatedly said"), "A woman at
    the meeting said" none either ("meeting" taken for a participle), and "One fan outside
    the ground, who ..., said" had the mention "the ground"."""
    doc = analyzed(
        "A man at the rally said the mayor had lied.\n\n"
        "A woman at the meeting said she was angry.\n\n"
        "One fan outside the ground, who gave his name only as Piet, said the result was"
        " overdue.\n\n"
        "Outside experts said the plan would fail. Ondra Valsek has repeatedly said he is"
        " innocent."
    )
    mentions = {
        "the mayor had lied": "A man at the rally",
        "she was angry": "A woman at the meeting",
        "the result was overdue": "One fan outside the ground",
        "the plan would fail": "Outside experts",
    }
    for content, mention in mentions.items():
        st = find(doc, content)
        assert st.speaker is None and st.mention is not None and st.mention.text == mention
    assert find(doc, "he is innocent").speaker == "Ondra Valsek"


def test_person_after_an_age_set_off_by_commas_speaks() -> None:
    """Regression: "One patient, 71-year-old Irma Solt, said" had the speaker "One patient"
    (no one), and "A patient waiting for hip surgery, 71-year-old Irma Solt, said she had
    waited" took "said she" for an inverted "said she." (content "had waited ...")."""
    doc = analyzed(
        "One patient, 71-year-old Irma Solt, said the ward was cold.\n\n"
        "A patient waiting for hip surgery, 71-year-old Irma Solt, said she had waited eleven"
        " months."
    )
    assert find(doc, "the ward was cold").speaker == "Irma Solt"
    assert find(doc, "she had waited eleven months").speaker == "Irma Solt"


def test_the_former_minister_is_not_the_minister_now() -> None:
    """Regression: after "The health minister, Anja Rask, and her predecessor, Dorota Fein,
    clashed", "The former minister said" went to Rask, whose role has every word of "the
    minister" ("former" is no word a role is compared by)."""
    doc = analyzed(
        "The health minister, Anja Rask, and her predecessor, Dorota Fein, clashed on"
        " Wednesday.\n\n"
        "Fein, who held the post until last year, rejected that. The former minister said the"
        " lists had grown by a third."
    )
    assert find(doc, "the lists had grown by a third").speaker == "Dorota Fein"


def test_the_deputy_mayor_unnamed_is_not_the_mayor_in_focus() -> None:
    """Regression: with no deputy named, "The deputy mayor said" went to Mayor Ondra
    Valsek, the person in focus, whose role has the head "mayor" (the rank word was
    dropped with the description's other modifiers)."""
    doc = analyzed(
        "Mayor Ondra Valsek opened the meeting on Monday.\n\n"
        "The deputy mayor said the budget was short."
    )
    assert find(doc, "the budget was short").speaker is None


def test_profession_before_a_name_is_no_part_of_the_name() -> None:
    """Regression: "Meteorologist Jens Holm told ..." had the speaker "Meteorologist Jens
    Holm": a profession no list names, known by its ending (-ologist, -ician, -ist), is
    a role before the name (not a surname in -qvist)."""
    doc = analyzed(
        "Meteorologist Jens Holm told VRT that winds had reached a record.\n\n"
        "Pediatrician Ilsa Brandt said the clinic was full.\n\n"
        "Anna Lindqvist said the harbour was closed."
    )
    assert find(doc, "winds had reached a record").speaker == "Jens Holm"
    assert find(doc, "the clinic was full").speaker == "Ilsa Brandt"
    assert find(doc, "the harbour was closed").speaker == "Anna Lindqvist"


def test_quote_after_in_the_words_of_is_that_persons() -> None:
    """Regression: "In the words of one fisherman, Olav Nes, “...”" went to the group the
    paragraph quoted before ("longtime residents say ..."); "In Solberg's words, “...”"
    and "In her own words: “...”" had no speaker."""
    doc = analyzed(
        "Longtime residents say they are being pushed out. In the words of one fisherman,"
        " Olav Nes, “They want the view, not the people who made it.”\n\n"
        "Marit Solberg runs the port. In Solberg's words, “The harbour stopped being our back"
        " door.”\n\n"
        "Ilsa Brandt was blunt. In her own words: “We have waited long enough for this bridge.”"
    )
    st = find(doc, "They want the view, not the people who made it.")
    assert (st.speaker, st.cue.text if st.cue else None) == ("Olav Nes", "In the words of")
    assert find(doc, "The harbour stopped being our back door.").speaker == "Marit Solberg"
    assert find(doc, "We have waited long enough for this bridge.").speaker == "Ilsa Brandt"


def test_that_before_the_month_may_is_no_subject() -> None:
    """Regression (review): "She said that May was the busiest month" kept "that" in the
    content: the finite-verb test read the month "May" as the verb "may"."""
    doc = analyzed("Ilsa Brandt said that May was the busiest month for the pier.")
    assert find(doc, "May was the busiest month for the pier").speaker == "Ilsa Brandt"


def test_full_name_after_to_is_registered_when_it_starts_with_a_given_name() -> None:
    """Regression: "The council sent a letter to Petra Dorn." did not register Petra Dorn
    (a run after "to", "in", "from" was taken for a place: "to New York"), so "Dorn said"
    had the speaker "Dorn"."""
    doc = analyzed(
        "The council sent a letter to Petra Dorn on Monday. The mayor flew to New York.\n\n"
        "Dorn said she had not read it."
    )
    assert find(doc, "she had not read it").speaker == "Petra Dorn"
    assert "New York" not in doc.people
