"""Direct quotes: pair quote marks per paragraph, in every common style.

Handles “…”, "…", ‘…’, '…', «…», ‹…›, „…“, »…«, ›…‹ and the corner brackets 「…」 and 『…』; nested quotes (inner marks are content);
quotes that run over several paragraphs (an opening mark on each paragraph, the closing
mark only on the last); a quote that carries on after its attribution behind a dash with no
new opening mark (“A,” she said. – B.”). Unbalanced marks degrade for their paragraph only:
an opening mark never closed runs to the end of its paragraph; a stray closing mark is
ignored unless a dash shows where its quote began. A curly mark facing the wrong way is read
by its neighbours, not its shape: a ” opening a paragraph or standing before a word opens,
a “ after a word and before a space or punctuation closes.

>>> text = '“A test,” she said. – More.”'
>>> [(text[s:e]) for q in find_quotes(text, [(0, len(text))]) for s, e in q.spans]
['A test,', 'More.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Marks that may open a top-level quote, and what closes each.
_CLOSERS = {
    "“": '”"“',
    "”": '”"“',
    '"': '"”“',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "‘": "’",
    "'": "'’",
    "‚": "‘’",
    # single guillemets, as French and Swiss copy writes a quote ‹…› (German: ›…‹)
    "‹": "›",
    "›": "‹",
    # corner brackets, as Chinese and Japanese write quotes: 「…」, 『…』 (a quote inside one)
    "「": "」",
    "『": "』",
}
_MARKS = re.compile(r"[“”\"„«»‘’'‚‹›「」『』]")
_DOUBLE = frozenset('“”"„«»')
# A dash that resumes a quote after its attribution.
_DASH_RESUME = re.compile(r"(?:^|\s)[–—-]{1,2}\s*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+")


@dataclass(slots=True)
class Quote:
    """One direct quote: its content pieces (marks excluded), one per paragraph run."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    open_mark: int = -1
    close_mark: int = -1  # -1 when the quote was never closed
    paragraphs: list[int] = field(default_factory=list)
    resumed: bool = False  # began after a dash, with no opening mark of its own

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'both' for the mark at ``i`` from its neighbours."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    ch = text[i]
    if ch in "’'":
        # Apostrophes: inside a word (we’ll), or after one (voters’) are not quote marks.
        if _is_word(before) and _is_word(after):
            return "none"
        if before.isspace() or before in '([{—–-“"':
            return "open" if not after.isspace() else "none"
        if _is_word(before) and ch == "'" and after.isalpha():
            return "none"
        return "close"
    if ch == "‘":
        if _is_word(before):
            return "none"
        return "open"
    open_ok = before.isspace() or before in "([{—–-/“‘«‹„:\u200b" or i == lo
    close_ok = after.isspace() or after in ".,;:!?)]}—–-…”’»›“\u200b" or i + 1 >= hi
    if ch in "“„«‹":
        if ch in "“«‹" and close_ok and not open_ok:
            return "close"  # German „…“ or a typo
        return "open"
    if ch in "”":
        if i == lo or (open_ok and not close_ok):
            return "open"  # Swedish ”…” style
        return "close"
    if ch in "»›":
        return "open" if open_ok and not close_ok else "close"
    if ch in "「『":
        return "open"  # (the corner brackets face the way they work, with no space around)
    if ch in "」』":
        return "close"
    if open_ok and not close_ok:
        return "open"
    if close_ok and not open_ok:
        return "close"
    return "both"


# Where a two-character mark may stand (every position, overlapping): the conditions on
# its neighbours are then tested in Python. One regex with lookbehinds did the same but
# tried them at every character of the text: a third of the quote finder's time. (Each
# match takes the mark's first character only, so overlapping positions are all found;
# a pattern that opens with a character lets the regex engine skip to the candidates.)
_TWO_MARKS = re.compile(r"'(?=')|`(?=`)")
_WORD_CHAR = re.compile(r"\w")


def _double_apostrophes(text: str) -> str:
    """``''A,'' he said`` and ```A,''``: the two-character marks of some wire and NYT copy,
    turned into one double mark beside a zero-width space (the same length, so every
    offset stands): ``\u200b"A,"\u200b he said``.

    An opening mark has no word character or apostrophe before it and a word character
    after it; a closing ``''`` follows a word character or punctuation and has no word
    character or apostrophe after it.

    >>> _double_apostrophes("''Now,'' he said. ``Later.''") == (
    ...     '\u200b"Now,"\u200b he said. \u200b"Later."\u200b')
    True
    >>> _double_apostrophes("don''t x''y '''") == "don''t x''y '''"
    True
    >>> _double_apostrophes("''A 'b,''' he said.").split('"')[1]
    "A 'b,'"
    """
    if "''" not in text and "``" not in text:
        return text
    word = _WORD_CHAR.match
    n = len(text)
    pieces: list[str] = []
    pos = 0  # the end of the last mark replaced: marks do not overlap
    for m in _TWO_MARKS.finditer(text):
        i = m.start()
        if i < pos:
            continue
        after = text[i + 2] if i + 2 < n else ""
        before = text[i - 1] if i > 0 else ""
        if (
            after == "'"
            and text[i] == "'"
            and before
            and (word(before) or before in ".,;:!?…")
            and not (i + 3 < n and (text[i + 3] == "'" or word(text[i + 3])))
        ):
            # an inner quote's mark, then the closing two ("... 'the S out of them,'''"):
            # the last two close
            pieces.append(text[pos : i + 1])
            pieces.append('"\u200b')
            pos = i + 3
            continue
        after_word = bool(after) and word(after) is not None
        if text[i] == "`":
            if not after_word:
                continue
        elif after_word and not (before and (before == "'" or word(before))):
            pass  # opening
        elif not (
            before
            and (word(before) or before in ".,;:!?…")
            and not (after and (after == "'" or after_word))
        ):
            continue  # neither opening nor closing
        pieces.append(text[pos:i])
        pieces.append('\u200b"' if after.isalnum() else '"\u200b')
        pos = i + 2
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotes in ``text``; ``paragraphs`` are (start, end) spans in order."""
    text = _double_apostrophes(text)
    quotes: list[Quote] = []
    carry: Quote | None = None  # a quote continuing into the next paragraph
    carry_opener = ""
    for pi, (ps, pe) in enumerate(paragraphs):
        # each mark with its role, worked out once; apostrophes inside words drop out here
        marks = [
            (i, m.group(), role)
            for m in _MARKS.finditer(text, ps, pe)
            if (role := _role(text, (i := m.start()), ps, pe)) != "none"
        ]
        if carry is not None:
            # The convention: the next paragraph opens with a quote mark.
            if (
                marks
                and marks[0][0] == _skip_space(text, ps, pe)
                and marks[0][1] in _CLOSERS
                and marks[0][2] in ("open", "both")
            ):
                opener = marks[0]
                marks = marks[1:]
                q = carry
                close = _find_close(marks, carry_opener)
                if close is None:
                    q.spans.append((opener[0] + 1, _trim_end(text, opener[0] + 1, pe)))
                    q.paragraphs.append(pi)
                    continue  # still open: maybe on to the next paragraph
                q.spans.append((opener[0] + 1, close[0]))
                q.paragraphs.append(pi)
                q.close_mark = close[0]
                carry = None
                marks = [m for m in marks if m[0] > close[0]]
            else:
                carry = None
        new_quotes, carry_out = _pair_paragraph(text, marks, ps, pe, pi)
        quotes.extend(new_quotes)
        if carry_out is not None:
            carry, carry_opener = carry_out
    return [q for q in quotes if q.spans and q.spans[0][1] > q.spans[0][0]]


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _find_close(marks: list[tuple[int, str, str]], opener: str) -> tuple[int, str] | None:
    closers = _CLOSERS[opener]
    depth = 0
    for pos, ch, role in marks:
        if ch == opener and role == "open" and opener in "«»„‹›「『":
            depth += 1
            continue
        if ch in closers and role in ("close", "both"):
            if depth:
                depth -= 1
                continue
            return pos, ch
    return None


def _pair_paragraph(
    text: str, marks: list[tuple[int, str, str]], ps: int, pe: int, pi: int
) -> tuple[list[Quote], tuple[Quote, str] | None]:
    out: list[Quote] = []
    i = 0
    n = len(marks)
    last_end = ps
    while i < n:
        pos, ch, role = marks[i]
        if role == "close" and ch in _DOUBLE:
            # A stray closing mark: a quote resumed after a dash ("... she said. – More.”").
            resumed = _resumed_start(text, last_end, pos)
            if resumed is not None and resumed < pos:
                out.append(Quote([(resumed, pos)], -1, pos, [pi], resumed=True))
                last_end = pos + 1
            i += 1
            continue
        if role == "close" or ch not in _CLOSERS:
            i += 1
            continue
        # An opener: find its closer among the following marks.
        closers = _CLOSERS[ch]
        depth = 0
        inner = 0  # curly quotes nested in a straight one ("... about “Equal Justice” ...")
        j = i + 1
        found = -1
        while j < n:
            p2, c2, r2 = marks[j]
            if c2 == ch and r2 == "open" and ch in "«»„‹›「『":
                depth += 1
            elif ch == '"' and c2 == "“" and r2 == "open" and text[pos + 1 : p2].strip():
                inner += 1
            elif inner and c2 == "”" and r2 in ("close", "both"):
                inner -= 1
            elif c2 in closers and r2 in ("close", "both"):
                if depth:
                    depth -= 1
                else:
                    found = j
                    break
            elif ch in '“"' and c2 in '“"' and r2 == "open" and c2 == ch:
                # The same opener again before any closer: the first one was never closed.
                break
            j += 1
        if found < 0:
            if ch in "‘'‚":
                i += 1  # an unpaired single mark is most likely an apostrophe
                continue
            # Unclosed: runs to the paragraph end (and maybe on into the next paragraph).
            if j < n:  # stopped at a repeated opener: this quote ends where that one begins
                end = _trim_end(text, pos + 1, marks[j][0])
                out.append(Quote([(pos + 1, end)], pos, -1, [pi]))
                i = j
                continue
            q = Quote([(pos + 1, _trim_end(text, pos + 1, pe))], pos, -1, [pi])
            out.append(q)
            return out, (q, ch)
        cpos = marks[found][0]
        if ch in "‘'‚" and cpos - pos > 400:
            i += 1  # a long single-mark "quote" is two apostrophes
            continue
        out.append(Quote([(pos + 1, cpos)], pos, cpos, [pi]))
        last_end = cpos + 1
        i = found + 1
    return out, None


def _resumed_start(text: str, lo: int, close: int) -> int | None:
    """Where a quote that ends at the stray mark ``close`` began: after a dash."""
    last: int | None = None
    for m in _DASH_RESUME.finditer(text, lo, close):
        last = m.end()
    return last
