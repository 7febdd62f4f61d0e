"""Sentence and paragraph segmentation for news text.

Knows the abbreviations of news copy (U.S., Mr., Sept., Gov.) and initials, so
"Mr. Lavrov" or "the U.S. Senate" do not end a sentence.

>>> text = "Mr. Smith went to Washington D.C. on Sept. 4. He said hi."
>>> [text[s:e] for s, e in split_sentences(text)]
['Mr. Smith went to Washington D.C. on Sept. 4.', 'He said hi.']
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj pres st jr sr rev hon
    messrs mme mlle sra sr jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs v
    etc inc ltd co corp dept univ ave blvd rd mt ft fig al approx est ph.d e.g i.e a.m p.m""".split()
)

_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
# (``[.!?…][.!?…]*``, not ``[.!?…]+``: a pattern that opens with a plain character class
# lets the regex engine skip to the candidates; a repeat first made it try every position,
# at twice the time.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s)")
# _BOUNDARY, with in group 1 the first character after it and after any opening quotes
# or dashes (None when the paragraph ends first): what decides whether the sentence ends.
# (In a look-ahead, which takes no characters: the matches are _BOUNDARY's; one regex call
# a candidate boundary, where a second call found that character.)
_BOUNDARY_NEXT = re.compile(_BOUNDARY.pattern + r"(?:(?=\s+[\"'“‘«„(\[–—-]*\s*(\S)))?")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the '.' at ``dot`` end an abbreviation or an initial rather than a sentence?"""
    # the word: the letters, digits and dots before ``dot``. Most often a blank comes
    # before it: found with rfind and checked in one go, not character by character in a
    # Python loop; else (a quote, a bracket before it, no blank near) the loop.
    j = text.rfind(" ", max(0, dot - 40), dot) + 1
    seg = text[j:dot]
    rest = seg.replace(".", "")
    if j == 0 or (rest and not rest.isalnum()):
        j = dot
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
            j -= 1
        seg = text[j:dot]
    word = seg.lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return True
    # dotted acronyms: U.S, D.C, U.N
    return "." in word and all(len(p) <= 2 for p in word.split("."))


# Capitalised words that typically open a sentence: after "U.S." or an initial they mark a
# real boundary ("... in the U.S. The talks ..."); other capitals continue ("the U.S. Senate").
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    but and or so yet if when while as at in on for from by with after before during since
    although though however meanwhile still then now instead also despite because what who
    why how where which one many some most all no not nor both each other another such""".split()
)
# Titles before a name: never the end of a sentence.
_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm maj pres st rev hon messrs mme mlle sra".split()
)
_WORD_BEFORE = re.compile(r"[\w.]*$")
# Abbreviations only ever followed by a number.
_BEFORE_NUMBERS = frozenset("no nos vol fig".split())


def _abbreviation_continues(text: str, dot: int, nxt: int) -> bool:
    """After an abbreviation followed by a capital at ``nxt``: does the sentence go on?"""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    word = (m.group() if m else "").lower().strip(".")
    if word in _TITLES:
        return True
    if word in _BEFORE_NUMBERS:
        # "No. 10", "Vol. 3" never get here (a digit is no capital): before a capital, as in
        # "Lindqvist said no. Brian Holm said yes.", the sentence ends
        return False
    following = _FOLLOWING_WORD.match(text, nxt)
    nxt_word = following.group().lower() if following else ""
    return nxt_word not in SENTENCE_STARTERS


_FOLLOWING_WORD = re.compile(r"\w+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, never crossing a paragraph break."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    memo = paragraph_memo(text)
    for ps, pe in split_paragraphs(text[start:stop]):
        out.extend(memo.sentences(ps + start, pe + start))
    return out


class ParagraphMemo:
    """The sentences of paragraphs of one text, each paragraph split once: attribution and
    indexing both need those of most paragraphs of a document."""

    __slots__ = ("text", "spans")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def sentences(self, ps: int, pe: int) -> list[tuple[int, int]]:
        """``split_paragraph(self.text, ps, pe)``; the list is shared: do not change it."""
        got = self.spans.get((ps, pe))
        if got is None:
            got = self.spans[ps, pe] = split_paragraph(self.text, ps, pe)
        return got


_memo = ParagraphMemo("")


def paragraph_memo(text: str) -> ParagraphMemo:
    """The memo of ``text`` (the very object: the memo of the text last asked for is kept,
    and a new one started for another text)."""
    global _memo
    memo = _memo  # (a local: another thread may start a memo of its own text meanwhile)
    if memo.text is not text:
        memo = _memo = ParagraphMemo(text)
    return memo


def split_paragraph(
    text: str, ps: int, pe: int, out: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph ``text[ps:pe]`` (no blank line inside), appended to
    ``out``: :func:`split_sentences` without the paragraph split, for callers that have it."""
    if out is None:
        out = []
    sent_start = ps
    for m in _BOUNDARY_NEXT.finditer(text, ps, pe):
        b = m.end()
        nxt = m.group(1)  # the first character after the boundary (and opening quotes)
        # a lowercase word next continues the sentence, after an abbreviation or not
        # ("... said Mr. x. and then"); this test first spares most abbreviation tests
        if nxt is not None and nxt.islower():
            continue
        punct = m.group()
        if (
            punct[0] == "."
            and len(punct.rstrip("\"'”’»)]")) == 1
            and _is_abbreviation(text, m.start())
        ):
            # "U.S. Senate" continues; "in the U.S. The next..." ends only before a capital
            # when the abbreviation is not a title (Mr., Dr.).
            if nxt is None or not nxt.isupper():
                continue
            if _abbreviation_continues(text, m.start(), m.start(1)):
                continue
        # the sentence, whitespace trimmed (it ends at the punctuation: only its start may
        # be whitespace)
        while sent_start < b and text[sent_start].isspace():
            sent_start += 1
        if b > sent_start:
            out.append((sent_start, b))
        sent_start = b
    _add_trimmed(text, sent_start, pe, out)
    return out
