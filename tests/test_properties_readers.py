"""Property tests: readers and the attribution engine on arbitrary input.

Whatever the bytes, a reader yields documents or :class:`InputError` items and never
raises anything else; whatever the text, ``analyze`` fills statements whose offsets
lie inside the text and slice back to what they name. Names are fictional.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.analysis.attribution import analyze
from quotecheck.errors import InputError
from quotecheck.indexing import FileResult, prepare_file
from quotecheck.model import Document, Marked, Statement
from quotecheck.readers import READERS
from quotecheck.readers.decode import decode

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the engine work: quote marks of every style, cue verbs, names,
# pronouns, roles, transcript labels, record syntax, and awkward characters.
FRAGMENTS = [
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‟",
    "‹",
    "›",
    '"',
    "'",
    "''",
    "`",
    "—",
    "–",
    "-",
    " said ",
    " says ",
    " told reporters ",
    " according to ",
    " added",
    " stressed that ",
    "Ilsa Brandt",
    "Brandt",
    "Mayor",
    " the mayor",
    "Tomas Ferreol",
    "Ferreol",
    " he ",
    " she ",
    "Corvale",
    "Minister Ondra Valsek of Norvania",
    ". ",
    ", ",
    ": ",
    "! ",
    "? ",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "BRANDT: ",
    "FERREOL: ",
    "\nMr. VALSEK. ",
    "\nThe CHAIRMAN. ",
    "\nQ    ",
    "\nQ. ",
    "\nA. ",
    "\n**Ilsa Brandt:** ",
    "\nSpeaker 1 (00:04:10):\n",
    "\nIlsa Brandt  0:04\n",
    "\nMODERATOR: ",
    " moderated by Petra Dorn ",
    "\nEND   1:35 P.M.\n",
    " (LAUGHTER) ",
    " [inaudible 00:03:12] ",
    " -- ",
    "\nDIRECT EXAMINATION\n",
    "1\tBrandt\t",
    "Mr. ",
    "U.S. ",
    "{",
    "}",
    "[",
    "]",
    '"text": ',
    '"speaker": ',
    ",",
    "id,text,speaker\n",
    "\u202e",
    "\u202c",
    "\u0301",
    "\u0308",
    "שלום",
    "东京",
    "\x00",
    "\x07",
    "\x1b",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    " ",
    "  ",
    "we will build the harbour",
    "not",
    "12",
    "million",
    "crowns",
]

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
data_bytes = st.one_of(
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16")),
    texts.map(lambda t: t.encode("cp1252", "replace")),
)
reader_names = st.sampled_from(sorted(READERS))  # html: the built-in extractor without the extra


def check_marked(text: str, m: Marked | None) -> None:
    if m is not None:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text


def check_statement(text: str, s: Statement) -> None:
    assert 0 <= s.start <= s.end <= len(text), s
    for a, b in s.spans:
        assert s.start <= a <= b <= s.end, s
    check_marked(text, s.mention)
    check_marked(text, s.cue)


def check_document(doc: Document) -> None:
    assert isinstance(doc.text, str)
    assert 0 <= doc.body_start <= len(doc.text)
    for s in doc.statements:
        check_statement(doc.text, s)


@SETTINGS
@given(reader=reader_names, data=data_bytes)
def test_readers_yield_documents_or_input_errors(reader: str, data: bytes) -> None:
    for item in READERS[reader]("fuzz." + reader, data, {}):
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert item.path == "fuzz." + reader
            assert "\n" not in str(item)
        else:
            check_document(item)
            analyze(item)
            check_document(item)


@SETTINGS
@given(
    text=texts,
    fmt=st.sampled_from(["article", "record", "transcript"]),
    body=st.integers(-5, 400),
)
def test_analyze_never_raises_and_offsets_slice_back(text: str, fmt: str, body: int) -> None:
    doc = Document(path="fuzz.txt", text=text, format=fmt, body_start=max(0, body))
    analyze(doc)
    for s in doc.statements:
        check_statement(text, s)
        if s.speaker is not None:
            assert s.speaker.strip() == s.speaker and s.speaker


@SETTINGS
@given(
    fmt=st.sampled_from([None, "text", "article", "transcript", "jsonl", "json", "csv", "tsv"]),
    data=data_bytes,
)
def test_prepare_file_never_raises(fmt: str | None, data: bytes) -> None:
    path = "/nonexistent/fuzz." + (fmt or "txt")
    res = prepare_file(path, fmt, {}, None, data)
    assert isinstance(res, FileResult)
    assert res.fatal is None
    for doc in res.docs:
        for start, end in doc.units:
            assert 0 <= start < end <= len(doc.text)
            assert doc.text[start:end].strip()
        for s in doc.statements:  # (kind, start, end, ...)
            assert 0 <= s[1] <= s[2] <= len(doc.text)


def _plain(c: str) -> bool:
    return (unicodedata.category(c) not in ("Cc", "Cs") or c in "\t\n\r") and c != "\ufffd"


@SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8").filter(_plain), max_size=300))
def test_decode_round_trips_utf8_text(text: str) -> None:
    """Reference: any UTF-8 text without control characters decodes to itself."""
    if text.startswith("\ufeff"):
        text = text[1:]
    assert decode(text.encode("utf-8"), "x.txt") == text


@SETTINGS
@given(text=texts, layout=st.sampled_from([None, "label", "name", "record"]))
def test_transcript_lines_are_words_after_their_label(text: str, layout: str | None) -> None:
    """Whatever the layout the reader finds, a turn's statement lies on one line (or on
    lines wrapped inside a sentence), after its label, in ordered pieces that each hold a
    word, none of them the label."""
    from quotecheck.readers.articles import transcript_document

    doc = transcript_document("fuzz.txt", text, layout)
    for s in doc.statements:
        check_statement(text, s)
        assert s.spans and s.spans == sorted(s.spans)
        for a, b in s.spans:
            assert any(ch.isalnum() for ch in text[a:b])
            assert text[a:b] == text[a:b].strip()
            # one line, or lines wrapped inside a sentence
            assert all(ln.lstrip()[:1].islower() for ln in text[a:b].split("\n")[1:])
        if s.mention is not None:
            assert s.mention.end <= s.start


TAGS = [
    "<p>", "</p>", "<div class='share'>", "</div>", "<article>", "</article>", "<br>", "<br/>",
    "<script>", "</script>", "<nav>", "</nav>", "<h1>", "</h1>", "<title>", "</title>",
    "<meta property='og:title' content='x'>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE",
    "&amp;", "&#x", "&bogus;", "<", ">", "“", "”", "said Ilsa Brandt", " ", "\n",
]  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=6)), max_size=60).map("".join))
def test_built_in_html_extractor_never_raises(page: str) -> None:
    from quotecheck.readers.html import extract

    got = extract(page)
    if got is not None:
        assert got["text"] and all(line.strip() for line in got["text"].splitlines())
