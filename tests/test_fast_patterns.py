"""Code rewritten for speed gives exactly what its plain form gave (regexes, JSON).

Each fast pattern is compared with the readable one it replaced, on every position range
of generated strings made of the pieces that matter (the words, their neighbours, word
and non-word characters): same matches, same spans, with ``pos``/``endpos`` too.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.analysis.attribution import (
    _CAP_APPOSITIVE,
    _CAP_SUBJECT,
    _CLAUSE_OPENER,
    _INNER_MARK,
    _PLURAL_TITLE,
    _ROLE_THEN_CAP,
    _SUBJECT,
    _TOK,
)
from quotecheck.analysis.cues import CUE_RE, cue_spans
from quotecheck.analysis.names import translit
from quotecheck.analysis.people import _GENDER_PRONOUN, NAME_RUN
from quotecheck.analysis.sentences import (
    _BOUNDARY,
    ABBREVIATIONS,
    SENTENCE_STARTERS,
    split_paragraph,
)
from quotecheck.analysis.sentences import (
    _TITLES as _SENTENCE_TITLES,
)
from quotecheck.indexing import _TOO_MANY_WORDS, _spans_json
from quotecheck.readers.articles import (
    _PATTERNS,
    _may_open_label,
    detect_transcript,
)
from quotecheck.readers.decode import _BAD_CHARS, _is_binary

PLAIN_PLURAL_TITLE = re.compile(r"\b(?:Sens|Govs|Reps|Gens|Drs|Profs)\.\s")
PLAIN_CLAUSE_OPENER = re.compile(
    r"(?:[,;][”\"’»]?|(?<![\w’'])(?:but|and|while|when|as|after|before|because|so|then|though|although))"
    r"[ \t](?=[A-Z])"
)
PLAIN_TOK = re.compile(r"\w+(?:[’'\-&.]\w+)*(?:(?<=s)[’'](?![\w’']))?|[^\w\s]")
PLAIN_INNER_MARK = re.compile(r"[‘\"“«]|(?<![\w’'])'(?=\w)")
PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
PLAIN_TOO_MANY_WORDS = re.compile(r"(?>\W*\w+(?:[’'\-.,]\w+)*){61}")
PLAIN_GENDER_PRONOUN = re.compile(
    r"(?:[Hh](?<![A-Za-z][Hh])(?:e|is|im|er|ers|imself|erself)|[Ss](?<![A-Za-z][Ss])he)(?![A-Za-z])"
)


def _texts(pieces: list[str], size: int = 10) -> st.SearchStrategy[tuple[str, int, int]]:
    def with_range(s: str) -> st.SearchStrategy[tuple[str, int, int]]:
        return st.tuples(st.just(s), st.integers(0, len(s)), st.integers(0, len(s))).map(
            lambda t: (t[0], min(t[1], t[2]), max(t[1], t[2]))
        )

    return st.lists(st.sampled_from(pieces), max_size=size).map("".join).flatmap(with_range)


def _same(fast: re.Pattern[str], plain: re.Pattern[str], s: str, i: int, j: int) -> None:
    assert [m.span() for m in fast.finditer(s, i, j)] == [m.span() for m in plain.finditer(s, i, j)]
    a, b = fast.search(s, i, j), plain.search(s, i, j)
    assert (a and a.span()) == (b and b.span())
    a, b = fast.match(s, i, j), plain.match(s, i, j)
    assert (a and a.span()) == (b and b.span())


_TITLE_PIECES = "Sens Govs Reps Gens Drs Profs Gov S s . _ 1 x é ’ ( \n \t".split(" ") + [
    " ",
    "\xa0",
]
_PRONOUN_PIECES = "h H s S e is im er ers imself erself he she x X é 1 _ ’".split() + [" ", "\n"]


@settings(max_examples=3000, deadline=None)
@given(_texts(_TITLE_PIECES))
def test_fast_plural_title_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_PLURAL_TITLE, PLAIN_PLURAL_TITLE, *t)


@settings(max_examples=3000, deadline=None)
@given(_texts(_PRONOUN_PIECES))
def test_fast_gender_pronoun_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_GENDER_PRONOUN, PLAIN_GENDER_PRONOUN, *t)


_OPENER_PIECES = (
    "but and while when as after before because so then though although a b s t w , ; ” "
    "\" ’ » ' A B x é _ 1 X"
).split() + [" ", "\t", "\n"]


_TOK_PIECES = "ab s S 1 _ é ’ ' - & . , “ ” ‘ \" ( ) X — ’s s' 's".split() + [
    " ",
    "\t",
    "\n",
    "\xa0",
]


@settings(max_examples=3000, deadline=None)
@given(_texts(_TOK_PIECES))
def test_fast_token_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_TOK, PLAIN_TOK, *t)


@settings(max_examples=3000, deadline=None)
@given(_texts(_TOK_PIECES))
def test_fast_inner_mark_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_INNER_MARK, PLAIN_INNER_MARK, *t)


@settings(max_examples=3000, deadline=None)
@given(_texts(_OPENER_PIECES))
def test_fast_clause_opener_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_CLAUSE_OPENER, PLAIN_CLAUSE_OPENER, *t)


_CUE_PIECES = (
    "said told According according Accordingly ask asked says s A X x 1 é - ’ ly ing _ say"
).split() + [" ", "\n", ","]


@settings(max_examples=3000, deadline=None)
@given(_texts(_CUE_PIECES))
def test_cue_spans_are_the_spans_of_cue_re(t: tuple[str, int, int]) -> None:
    s, i, j = t
    assert cue_spans(s, i, j) == [m.span() for m in CUE_RE.finditer(s, i, j)]


_BOUNDARY_PIECES = [
    ".",
    "!",
    "?",
    "…",
    '"',
    "'",
    "”",
    "’",
    "»",
    ")",
    "]",
    " ",
    "\n",
    "\t",
    "a",
    "U.S",
    "\xa0",
]


@settings(max_examples=3000, deadline=None)
@given(_texts(_BOUNDARY_PIECES))
def test_fast_sentence_boundary_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(_BOUNDARY, PLAIN_BOUNDARY, *t)


_WORDS_PIECES = ["a", "bc", " ", ",", ".", "-", "’", "'", "é", "_", "1", "—", "\n", ", ", ". "]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS_PIECES), min_size=40, max_size=300)
    .map("".join)
    .flatmap(lambda s: st.tuples(st.just(s), st.integers(0, 20), st.integers(len(s) - 20, len(s))))
)
def test_fast_too_many_words_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    s, i, j = t
    a, b = _TOO_MANY_WORDS.match(s, i, j), PLAIN_TOO_MANY_WORDS.match(s, i, j)
    assert (a and a.span()) == (b and b.span())


def test_fast_patterns_find_the_words_in_a_sentence() -> None:
    s = "Sens. Petra Dorn and Tomas Ferreol said she and he would vote; Ilsa Brandt's aides (Reps. x)"
    assert [m.group() for m in _PLURAL_TITLE.finditer(s)] == ["Sens. ", "Reps. "]
    assert [m.group() for m in _GENDER_PRONOUN.finditer(s)] == ["she", "he"]
    s = "Dorn left, but Ferreol stayed; Orrel agreed when Valsek spoke, so Brandt won"
    assert [m.group() for m in _CLAUSE_OPENER.finditer(s)] == ["but ", "; ", "when ", "so "]
    s = "said Dorn; according to Orrel, Valsek told the Velmark Courier:"
    assert [s[a:b] for a, b in cue_spans(s, 0, len(s))] == ["said", "according", "told"]
    assert [s[a:b] for a, b in cue_spans(s, 1, len(s))] == ["according", "told"]
    assert _TOO_MANY_WORDS.match("x " * 61) is not None
    assert _TOO_MANY_WORDS.match("x " * 60 + "U.S.-led") is not None  # 'U.S', 'led'
    assert _TOO_MANY_WORDS.match("x " * 59 + "U.S-led") is None  # one word


@given(st.lists(st.tuples(st.integers(-(10**12), 10**12), st.integers(-(10**12), 10**12))))
def test_spans_json_is_json_dumps_of_the_spans(spans: list[tuple[int, int]]) -> None:
    assert _spans_json(spans) == json.dumps([list(sp) for sp in spans])


def test_spans_json_of_other_values_falls_back_to_json_dumps() -> None:
    for spans in ([(True, 3)], [(1.5, 2)], [(1, 2, 3)], [[4, 5]]):
        assert _spans_json(spans) == json.dumps([list(sp) for sp in spans])  # type: ignore[arg-type]


_LABEL_PIECES = (
    "ILSA BRANDT Ilsa Brandt Mr. VALSEK. The CHAIRMAN. Senator Dorn of Velmark Q A Q. A. "
    "MODERATOR (PETRA DORN) ( ) [ ] [00:01:23] (01:02) 00:01:23 0:04 12 >> ** __ <v > : , . "
    "said the council met x é 1 - ’"
).split() + [
    " ",
    "  ",
    "\t",
    "Mr. VALSEK. ",
    "The CHAIRMAN. ",
    "Senator Dorn of Velmark. ",
    "<v Ilsa Brandt>",
    "ILSA BRANDT: ",
    "Q ",
    "Ilsa Brandt  0:04",
    "[Ilsa Brandt] 10:01:23",
    "ILSA BRANDT #2 OF ILSA, ONDRA VALSEK TOMAS FERREOL:",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=12).map("".join))
def test_label_line_filter_matches_wherever_a_layout_pattern_does(line: str) -> None:
    patterns = {p for ps in _PATTERNS.values() for p in ps}
    assert _may_open_label(line) == any(p.match(line) for p in patterns)


def test_detect_transcript_with_the_prefilter_still_finds_each_layout() -> None:
    label = "ILSA BRANDT: We open the bridge.\nTOMAS FERREOL: Not this year.\n" * 3
    record = (
        "Mr. VALSEK. The bridge is open.\nSenator DORN. It is not.\n"
        "Mr. VALSEK. It is.\nSenator DORN. Not this year.\n"
    )
    name = (
        "Ilsa Brandt: We open the bridge.\nTomas Ferreol: Not this year.\n"
        "Ilsa Brandt: We do.\nTomas Ferreol: We do not.\n"
    )
    tab = "1\tIlsa Brandt\tWe open the bridge.\n2\tTomas Ferreol\tNot this year.\n"
    article = "Update: the vote is on Monday.\n\nThe council met in Corvale on Tuesday.\n"
    assert detect_transcript(label) == "label"
    assert detect_transcript(record) == "record"
    assert detect_transcript(name) == "name"
    assert detect_transcript(tab) == "tab"
    assert detect_transcript(article) is None


PLAIN_NAME_RUN = re.compile(
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f](?<![\w’'\-][A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f])"
    r"(?:[a-zA-Z]{0,2}\.(?=[ \t])|[\w’'\-]*)"
    r"(?:[ \t]+(?:(?:van|von|der|den|de|del|della|la|le|du|da|di|dos|das|ter|ten|bin|ibn|al)[ \t]+){0,2}"
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f](?:[a-zA-Z]{0,2}\.(?=[ \t])|[\w’'\-]*)){1,5}"
)
_NAME_PIECES = (
    "Ilsa Brandt Mr. St. Dr. Jr. J. van der de la al Über Ёлка said x 1 _ ’ ' - . , ’s é".split()
    + [
        " ",
        "\t",
        "\n",
        "  ",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(_texts(_NAME_PIECES))
def test_fast_name_run_pattern_matches_as_the_plain_one(t: tuple[str, int, int]) -> None:
    _same(NAME_RUN, PLAIN_NAME_RUN, *t)


PLAIN_SUBJECT = re.compile(
    r"\s*((?:[A-Z][\w’'\-]*\.?[ \t]+){0,5}[A-Z][\w\-]*(?:[’']s)?)"
    r"(?=[ \t]+[a-z]|,|[ \t]+\(|[ \t]+(?:–|—|--)[ \t])"
)
PLAIN_ROLE_THEN_CAP = re.compile(r"(?:[ \t]+[a-z][\w\-]*){1,3}[ \t]+(?=[A-Z])")
PLAIN_CAP_SUBJECT = re.compile(
    r"(?<![\w’'\-.])((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w\-]*(?:[’']s?)?)[ \t]+([a-z]\w*)"
)
PLAIN_CAP_APPOSITIVE = re.compile(
    r"((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w\-]*),[ \t]+"
    r"(?:the|a|an|after|before|while|despite)[ \t][^,;]{3,80},[ \t]+([a-z]\w*)"
)
_SUBJECT_WORDS = (
    "Ilsa Brandt Mr. J. O’Neil said spokesman the a an mayor Corvale’s after while".split()
)
_SUBJECT_PIECES = (
    _SUBJECT_WORDS
    + [w + " " for w in _SUBJECT_WORDS]
    + "’s 's s ’ ' - -- . , ( — – 1 _ é".split()
    + [" ", "\t", "\n", "  ", ", "]
)


@settings(max_examples=3000, deadline=None)
@given(_texts(_SUBJECT_PIECES, 14))
def test_possessive_subject_patterns_match_as_the_plain_ones(t: tuple[str, int, int]) -> None:
    for fast, plain in (
        (_SUBJECT, PLAIN_SUBJECT),
        (_ROLE_THEN_CAP, PLAIN_ROLE_THEN_CAP),
        (_CAP_SUBJECT, PLAIN_CAP_SUBJECT),
        (_CAP_APPOSITIVE, PLAIN_CAP_APPOSITIVE),
    ):
        _same(fast, plain, *t)
        s, i, j = t
        a, b = fast.match(s, i, j), plain.match(s, i, j)
        assert (a and a.groups()) == (b and b.groups())


# names.translit's rules as they were, nine regex substitutions in a row
PLAIN_TRANSLIT = (
    (re.compile(r"tch"), "ch"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"(?:iy|yy|ij|ii|yi)$"), "i"),
    (re.compile(r"(?:ey|ej)$"), "ei"),
    (re.compile(r"(?<=[^aeiou])y$"), "i"),
    (re.compile(r"^ye"), "e"),
    (re.compile(r"(.)\1"), r"\1"),
)
_TRANSLIT_PIECES = list("tchxgueiyojaskn'") + ["tch", "gue", "gui", "ou", "ye", "iy", "ey", "ij"]


def _plain_translit(word: str) -> str:
    w = word.replace("'", "")
    for pattern, repl in PLAIN_TRANSLIT:
        w = pattern.sub(repl, w)
    return w


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_TRANSLIT_PIECES), max_size=10).map("".join))
def test_fast_translit_spells_as_the_plain_rules(word: str) -> None:
    assert translit.__wrapped__(word) == _plain_translit(word)


def test_fast_translit_merges_the_usual_variants() -> None:
    assert translit("sergey") == translit("sergei") == translit("serguei") == "sergei"
    assert translit("yevgeny") == translit("evgeni") == "evgeni"
    assert translit("tchaikovsky") == translit("chaikovskii") == "chaikovski"


# sentences.split_paragraph as it was: a second regex call for the character after each
# candidate boundary, and the word before a dot found by a loop over its characters
PLAIN_NEXT_START = re.compile(r"\s+([\"'“‘«„(\[–—-]*\s*)(\S)")


def _plain_is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


def _plain_abbreviation_continues(text: str, dot: int, nxt: re.Match[str]) -> bool:
    m = re.compile(r"[\w.]*$").search(text, max(0, dot - 12), dot)
    word = (m.group() if m else "").lower().strip(".")
    if word in _SENTENCE_TITLES:
        return True
    if word in ("no", "nos", "vol", "fig"):
        return False
    following = re.compile(r"\w+").match(text, nxt.start(2))
    return (following.group().lower() if following else "") not in SENTENCE_STARTERS


def _plain_split_paragraph(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    sent_start = ps
    for m in _BOUNDARY.finditer(text, ps, pe):
        b = m.end()
        nxt = PLAIN_NEXT_START.match(text, b, pe)
        if nxt is not None and nxt.group(2).islower():
            continue
        punct = m.group()
        if (
            punct[0] == "."
            and len(punct.rstrip("\"'”’»)]")) == 1
            and _plain_is_abbreviation(text, m.start())
        ):
            if nxt is None or not nxt.group(2).isupper():
                continue
            if _plain_abbreviation_continues(text, m.start(), nxt):
                continue
        while sent_start < b and text[sent_start].isspace():
            sent_start += 1
        if b > sent_start:
            out.append((sent_start, b))
        sent_start = b
    while sent_start < pe and text[sent_start].isspace():
        sent_start += 1
    while pe > sent_start and text[pe - 1].isspace():
        pe -= 1
    if pe > sent_start:
        out.append((sent_start, pe))
    return out


_SPLIT_PIECES = (
    "Mr. Dr. U.S. D.C. e.g. Ph.D. J. Sept. 4. Corvale. Brandt said. The He she a.m. x. . no. No."
    ' ? ! … " ” ’ \' ( ) [ “ — - _ 1 é A. (U.S. "Gov. x_y. abcdefghijklmnopqrstuvwxyz.'
).split() + [" ", "  ", "\n", "\t", "\u00a0", ". ", "? ", '." ', ". (", ". “The"]


@settings(max_examples=4000, deadline=None)
@given(_texts(_SPLIT_PIECES, 16))
def test_fast_sentence_split_is_the_plain_one(t: tuple[str, int, int]) -> None:
    s, i, j = t
    assert split_paragraph(s, i, j) == _plain_split_paragraph(s, i, j)


def test_fast_sentence_split_keeps_abbreviations_and_initials() -> None:
    text = "Mr. Dorn met Ilsa J. Brandt in the U.S. Senate at 4 p.m. on Sept. 4. She left."
    assert [text[a:b] for a, b in split_paragraph(text, 0, len(text))] == [
        "Mr. Dorn met Ilsa J. Brandt in the U.S. Senate at 4 p.m. on Sept. 4.",
        "She left.",
    ]
    far = "x" * 50 + " Gen. Dorn. And (U.S. The end."  # no blank within 40, a bracket
    assert split_paragraph(far, 0, len(far)) == _plain_split_paragraph(far, 0, len(far))


_BINARY_PIECES = (
    [chr(c) for c in range(0x20)]
    + list("ab é\u00a0’\ufffd\U0001f600")
    + [
        "\ud800",  # a lone surrogate
        "Corvale ",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BINARY_PIECES), max_size=40).map("".join))
def test_binary_test_counts_the_bad_characters_as_the_regex_does(text: str) -> None:
    sample = text[:8192]
    plain = bool(sample) and len(_BAD_CHARS.findall(sample)) > len(sample) * 0.1
    assert _is_binary(text) == plain


def test_binary_test_on_a_long_text_looks_at_its_start_only() -> None:
    assert not _is_binary("Corvale council met. " * 500 + "\x01" * 9000)
    assert _is_binary("\x01\x02 Corvale" * 1000)
