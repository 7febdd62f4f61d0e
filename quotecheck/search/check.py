"""``check``: look a quote or claim up in the index.

Candidates come from the FTS5 index in stages of bounded cost (units holding
several of the query's rarest words first; wider ORs with typo-corrected words only
when those do not align closely); each candidate unit, widened by as many units on
each side as the query spans, is aligned word by word with the query
(:mod:`quotecheck.search.align`), scored (:mod:`quotecheck.search.score`), and the
best distinct spans are returned with their speaker, statement, context, changes
and alerts. When nothing aligns as a quote (a paraphrased claim), record titles
are searched too and BM25 over all the query's words ranks the candidates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from quotecheck.analysis.sentences import split_sentences
from quotecheck.analysis.tokens import STOPWORDS, Token, tokenize
from quotecheck.search import align as alignment
from quotecheck.search import editorial
from quotecheck.search import score as scoring
from quotecheck.search.align import REORDER_COST, align, idf_weights, source_order
from quotecheck.search.diff import alerts, changes, segments, typo_of
from quotecheck.store.db import Store, document_ref

MAX_QUERY_CHARS = 1000
# Windows scoring under this are not worth rewriting for editorial conventions: the most
# a query of figures and contractions all written another way gained was about 32 points.
HARMONIZE_FROM = 40.0
SHIFT_COST = 2.0  # points off per word shifted into reported speech ("they would" for "we will")
# A passage the query matches as written ranks before one it matches as well only once
# rewritten: the rewriting evens out a convention, it is no evidence for the passage.
REWRITE_RANK_COST = 1.0
# The rarest words of the query are asked for; common ones add little and cost much.
MAX_FTS_TERMS = 32
CANDIDATE_UNITS = 40
# BM25 over a few rare words ties the many near-copies of a passage a large archive
# holds: the best CANDIDATE_POOL units are fetched and the CANDIDATE_UNITS that hold
# the most query words kept (BM25 order among equals).
CANDIDATE_POOL = 200
MAX_WINDOWS = 30
TITLE_CANDIDATES = 20  # best record-title matches for a claim (train MAP@5: 20 and 40 tie)
EARLY_WINDOWS = 8  # see Searcher.candidates
# The cost of an FTS5 query ranked by BM25 is that of ranking each matching unit (a few
# microseconds each): an OR of a sentence's words matches a large share of a big index.
# So the first query asks for units holding at least 2 (3, ... when that still matches
# more than RARE_ROW_CAP units) of the RARE_TERMS rarest words of the query: few units,
# found by intersecting posting lists. Only when none of its candidates aligns closely
# (paraphrases, changed words) is a second query made: an OR of close spellings of
# unknown words and of the WIDE_TERMS rarest words, as many as keep their summed unit
# counts within NEAR_BUDGET. When still nothing is found (quotes not in the index), a
# last query ORs the rarest words within WIDE_BUDGET, and one more asks record titles
# (titles_fts) for the query's words, rarest first within WIDE_BUDGET. Budgets bound the ranking cost
# (and an OR's matches); combinations of many common words were slow to intersect.
RARE_TERMS = 5
RARE_BUDGET = 20_000
WIDE_TERMS = 8
RARE_ROW_CAP = 1000
NEAR_BUDGET = 3_000
WIDE_BUDGET = 10_000
# A window is the candidate unit and as many units on each side as the query spans
# (sentences, or 30-word chunks of a long one), at least 1 and at most MAX_SPAN_UNITS.
MAX_SPAN_UNITS = 6
# Claims: when no candidate aligns as a quote (best score under scoring.FOUND), word
# overlap ranks better than alignment (a paraphrased claim aligns poorly with
# everything). The candidates are then ranked by a BM25 of *all* the query's content
# words over each window and its record's title (idf from the index's unit counts; not
# the FTS rank, which covers only the words the FTS query kept and differs between
# stages), alone: adding the alignment score, even a share of it, did worse on
# CLEF-2020 *train* tweets (bench/eval_claims.py; MAP@5 0.867 -> 0.847). Ties keep the
# candidates' order (FTS rank, then title matches). A quote that is found ranks by
# alignment alone.
BM25_K1, BM25_B = 1.2, 0.75
# A word in more than this share of all units is left out of the FTS query once
# MIN_RARE_TERMS rarer words are in it: its posting list is long and its BM25 weight small.
COMMON_SHARE = 0.01
MIN_RARE_TERMS = 4
MIN_BUDGET_TERMS = 3  # the budget never leaves fewer terms than this
MAX_WINDOW_CHARS = 4000
CONTEXT_CHARS = 400
_QUOTE_MARKS = "\"'“”‘’«»„‟‚‛`‹›「」『』"
_FTS_WORD = re.compile(r"[^\W_]+")  # one FTS5 unicode61 token each ("_" separates there)
_WORD = re.compile(r"\w+")
# Links, and the "pic.twitter.com/..." of pasted tweets: no words to look up.
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|\bpic\.twitter\.com/)\S*", re.IGNORECASE)
# @handles and #hashtags: "#DefundTheCBC" -> "Defund The CBC".
_TAG = re.compile(r"(?<!\w)[@#](\w+)")
_CAMEL = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])"
)


@dataclass(slots=True)
class Query:
    """A cleaned query: its text, words, and notes for the user (stderr)."""

    given: str
    text: str
    tokens: list[Token]
    notes: list[str] = field(default_factory=list)
    # the editor's "[...]" insertions in ``text`` (character spans, brackets included)
    brackets: list[tuple[int, int]] = field(default_factory=list)
    frame: str | None = None  # the attribution pasted with the quote ("Brandt said")

    @property
    def ellipses(self) -> frozenset[int]:
        """Indexes of the words with an ellipsis ("…") right before them."""
        t = self.tokens
        return frozenset(
            k
            for k in range(1, len(t))
            if editorial.ELLIPSIS in self.text[t[k - 1].end : t[k].start]
        )

    @property
    def content_words(self) -> int:
        return sum(1 for t in self.tokens if t.norm not in STOPWORDS)


def prepare_query(given: str) -> Query:
    """Strip wrapping quote marks and whitespace; drop what a pasted post carries but no
    source says (links, a leading "RT @handle:", the @handles and #hashtags trailing at
    the end); "(sic)" dropped and ellipses written "…" (:func:`editorial.clean`); cap
    the length of very long queries (a quote pasted with its attribution is read by
    :func:`prepare_queries`).

    >>> prepare_query("RT @corvale_news: “We owe it to the town” https://t.co/x1 #harbour @ilsab").text
    'We owe it to the town'
    >>> prepare_query("the #harbour vote was close, said @ilsab").text
    'the #harbour vote was close, said'
    """
    return prepare_queries(given, attributed=False)[0]


def prepare_queries(given: str, attributed: bool = True) -> tuple[Query, Query | None]:
    """The query as given (:func:`prepare_query`) and, when ``attributed`` and it was pasted
    with its attribution, as its quoted words (None otherwise): the post is read once."""
    notes = []
    text = given.strip()
    stripped = _strip_post(text)
    if stripped and stripped != " ".join(text.split()):
        notes.append("links, a retweet prefix and trailing @handles/#hashtags are not looked up")
        text = stripped
    plain = _prepared(given, text, list(notes))
    framed = quoted_with_attribution(text) if attributed else None
    if framed is None:
        return plain, None
    quoted, frame = framed
    notes.append(
        f"looked up the quoted words; the attribution (“{frame}”) is compared by name only: --speaker judges it"
    )
    return plain, _prepared(given, quoted, notes, frame)


def _prepared(given: str, text: str, notes: list[str], frame: str | None = None) -> Query:
    """The rest of :func:`prepare_queries`: quote marks, unprintable characters, editorial
    marks, the length cap, the words."""
    text = text.strip(_QUOTE_MARKS).strip()
    text = "".join(c if c.isprintable() or c in "\t\n" else " " for c in text)
    cleaned = editorial.clean(text)
    text = cleaned.text
    notes.extend(cleaned.notes)
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
        notes.append(
            f"query is {len(given)} characters; looked up its first {len(text)} (quote a shorter passage for a full check)"
        )
    brackets = [(a, b) for a, b in cleaned.brackets if b <= len(text)]
    return Query(given, text, tokenize(text), notes, brackets, frame)


_DOUBLE_MARK = re.compile(r"[“”\"«»]")
MAX_FRAME_WORDS = 8  # "Brandt told the council on Monday": an attribution, not more words
MAX_SUBJECT_WORDS = 4  # "Mayor Ilsa Brandt of Corvale" said
_NOT_FRAME = frozenset(
    "not never no will would can could should may might must which that who whom whether if".split()
)
_SUBJECT_WORDS = frozenset("he she they i we the a an his her their our my its".split())


def frame_names(frame: str) -> list[str]:
    """The names an attribution gives its speaker: the words before its verb, or the
    capitalised ones right after it ("said Mayor Brandt"); not whom it was told to, nor
    pronouns, days or months.

    >>> frame_names("Mayor Ilsa Brandt told the Corvale Times on Monday")
    ['mayor', 'ilsa', 'brandt']
    >>> frame_names("said Brandt on Monday"), frame_names("said the mayor")
    (['brandt'], [])
    """
    from quotecheck.analysis.cues import CUE_WORDS

    words = _WORD.findall(frame)
    cue = next((i for i, w in enumerate(words) if w.casefold() in CUE_WORDS), len(words))
    who = words[:cue]
    if not who:
        for w in words[cue + 1 :]:
            if not w[:1].isupper():
                break
            who.append(w)
    return [
        w.casefold()
        for w in who
        if w[:1].isupper()
        and w.casefold() not in STOPWORDS
        and w.casefold() not in CUE_WORDS
        and w.casefold() not in _SUBJECT_WORDS
        and w.casefold() not in editorial.CALENDAR
    ]


# A name alone attributing a quote: "Brandt: “...”", "“...” — Ilsa Brandt".
_NAME_COLON = re.compile(r"^[^:]*\w[^:]*:\s*[\"“«‘'„]?\s*$")
# A headline's or a post's label before a colon, no name: "BREAKING: “...”".
_LABELS = frozenset(
    "breaking update updated watch opinion exclusive video live quote quotes transcript "
    "read listen analysis editorial report photos photo caption fact check claim note "
    "correction headline statement tweet thread source audio clip full text q a".split()
)
_DASH_NAME = re.compile(r"^\s*[\"”»’']?\s*[,.]?\s*(?:—|–|--?|~)\s*\w")


def quoted_with_attribution(text: str) -> tuple[str, str] | None:
    """(the quoted words, the attribution) of a quote pasted with its attribution
    ("“We will reopen the harbour,” Brandt said"; "Brandt: “We will reopen it”"; "“We
    will reopen it” — Ilsa Brandt"), or None.

    The words outside the quote marks must stand in one place (before the quote, after
    it, or between the two parts of a split quote) and be a few (MAX_FRAME_WORDS) with a
    verb of saying, who said it first or right after the verb, and no negation, modal or
    relative word: those name who said it, they are not what was said.

    >>> quoted_with_attribution("“We will reopen the harbour,” Brandt said.")
    ('We will reopen the harbour', 'Brandt said')
    >>> quoted_with_attribution('Brandt promised that "we will not sell the lighthouse" to developers') is None
    True
    >>> quoted_with_attribution('Ilsa Brandt: "We will reopen the harbour"')
    ('We will reopen the harbour', 'Ilsa Brandt')
    >>> quoted_with_attribution("“We will reopen the harbour” — Ilsa Brandt")
    ('We will reopen the harbour', 'Ilsa Brandt')
    >>> quoted_with_attribution('The Harbour "reopens" Today') is None
    True
    >>> [quoted_with_attribution(t) for t in ('BREAKING: "We will reopen it"', 'Note: "We will reopen it"')]
    [None, None]
    """
    from quotecheck.analysis.cues import CUE_WORDS
    from quotecheck.analysis.quotes import find_quotes

    if not any(c in text for c in _QUOTE_MARKS):
        return None
    spans = sorted(
        sp for q in find_quotes(text, [(0, len(text))]) for sp in q.spans if sp[1] > sp[0]
    )
    if not spans:
        # one mark, the other lost in the paste: 'We will reopen it," Brandt said.'
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text)]
        if len(marks) != 1:
            return None
        i = marks[0]
        spans = [(0, i)] if text[i] in '”"»' else [(i + 1, len(text))]
    outside = []
    pos = 0
    for a, b in spans:
        outside.append(text[pos:a])
        pos = b
    outside.append(text[pos:])
    if sum(1 for p in outside if _WORD.search(p)) != 1:
        # words in more than one place ('The two “loopholes” he cited are “...”', a
        # sentence with a quote inside): an attribution stands in one place
        return None
    words = [w for p in outside for w in _WORD.findall(p)]
    folded = [w.casefold() for w in words]
    if not 1 <= len(words) <= MAX_FRAME_WORDS:
        return None
    if any(w in _NOT_FRAME or w.endswith(("n't", "n’t")) for w in folded):
        return None  # "will not continue", "which stated": not who said it
    cue = next((i for i, w in enumerate(folded) if w in CUE_WORDS), None)
    if cue is None:
        # no verb: a name alone, before the quote with a colon ("Brandt: “...”") or after
        # it with a dash ("“...” — Ilsa Brandt"), as a headline or a post attributes it
        if not (
            len(words) <= MAX_SUBJECT_WORDS
            and all(w[:1].isupper() and w.casefold() not in _LABELS for w in words)
            and (_NAME_COLON.search(outside[0]) or _DASH_NAME.match(outside[-1]))
        ):
            return None
    elif cue > MAX_SUBJECT_WORDS:
        return None
    else:
        # who said it: before the verb ("Brandt said", "the mayor said") or after it ("said Brandt")
        who = words[0] if cue > 0 else (words[cue + 1] if cue + 1 < len(words) else "")
        if not (who[:1].isupper() or who.casefold() in _SUBJECT_WORDS):
            return None
    inner = " ".join(p for a, b in spans if (p := text[a:b].strip().strip(" ,;:").strip()))
    if len(inner.split()) < 2:
        return None
    frame = " ".join(" ".join(p.split()).strip(" ,;:.“”\"'‘’«»—–~-") for p in outside)
    return inner, " ".join(frame.split())


_RETWEET = re.compile(r"^RT\s+@\w+:?\s*", re.IGNORECASE)
_TAG_WORD = re.compile(r"[@#]\w+[.…]*|[.…]+")


def _strip_post(text: str) -> str:
    """``text`` without links, a retweet prefix, and trailing @handles and #hashtags, its
    whitespace collapsed. (The tags are taken off word by word from the end: a regex
    anchored at the end is tried from every position, quadratic on a long run of tags.)"""
    words = _URL.sub(" ", _RETWEET.sub("", text)).split()
    while words and _TAG_WORD.fullmatch(words[-1]):
        words.pop()
    return " ".join(words)


MIN_QUOTED_WORDS = 4  # fewer quoted words are weak evidence (see search.score)


def quoted_words(text: str) -> str | None:
    """The words quoted inside a query that has other words around them, or None.

    >>> quoted_words('Brandt said the lighthouse “belongs to the whole town” again')
    'belongs to the whole town'
    >>> quoted_words('Brandt called it “a gift”') is None
    True
    """
    from quotecheck.analysis.quotes import find_quotes

    pieces = [text[a:b].strip() for q in find_quotes(text, [(0, len(text))]) for a, b in q.spans]
    pieces = [p.strip(" ,;:") for p in pieces if p.strip()]
    inner = " ".join(pieces)
    n = len(inner.split())
    if n < MIN_QUOTED_WORDS or n >= len(text.split()):
        return None
    return inner


def fts_text(text: str) -> str:
    """The query text as FTS should see it: links dropped, @handles and #hashtags split.

    >>> fts_text("Stop it #DefundTheCBC https://t.co/x @BradTrostCPC")
    'Stop it  Defund The CBC    Brad Trost CPC'
    """
    text = _URL.sub(" ", text)
    return _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)), text)


def fts_terms(tokens: Sequence[Token]) -> list[str]:
    """The distinct words to ask FTS5 for: content words, stopwords only if nothing else.

    In query order; :meth:`Searcher._select` keeps the rarest ``MAX_FTS_TERMS`` of them.
    """
    seen: dict[str, None] = {}
    for t in tokens:
        for w in _FTS_WORD.findall(t.norm):
            seen.setdefault(w, None)
    content = [w for w in seen if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return content or list(seen)


def fts_match(terms: Sequence[str]) -> str:
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _within(terms: Sequence[str], counts: dict[str, int], budget: int) -> list[str]:
    """The first of ``terms`` (at least one) whose summed unit counts stay within ``budget``."""
    out: list[str] = []
    total = 0
    for t in terms:
        total += counts.get(t, 0)
        if out and total > budget:
            break
        out.append(t)
    return out


def fts_match_least(terms: Sequence[str], k: int) -> str:
    """An FTS5 query for units holding at least ``k`` of ``terms``.

    >>> fts_match_least(["a", "b", "c"], 2)
    '("a" AND "b") OR ("a" AND "c") OR ("b" AND "c")'
    """
    if k <= 1 or len(terms) <= 1:
        return fts_match(terms)
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    return " OR ".join(
        "(" + " AND ".join(c) + ")" for c in combinations(quoted, min(k, len(terms)))
    )


def distinct_gap(ranked: Sequence[dict[str, Any]]) -> float | None:
    """How many points the best passage of ``ranked`` (scored candidates, best first)
    that is not a near-copy of the first scores under it (None when there is none)."""
    if not ranked:
        return None
    top = " ".join(t.norm for t in ranked[0]["window"][2])
    for r in ranked[1:]:
        text = " ".join(t.norm for t in r["window"][2])
        if fuzz.ratio(top, text, score_cutoff=scoring.SAME_TEXT) == 0:
            return float(ranked[0]["score"].score - r["score"].score)
    return None


def statement_mention(stmt: dict[str, Any] | None) -> str:
    """The words that name a statement's speaker in the source ("Mayor Ilsa Brandt")."""
    if stmt is None or not stmt.get("mention"):
        return ""
    return str(stmt["mention"].get("text") or "")


_SENTENCE_END = re.compile(r"[.!?](?![\w.])")
_ATTRIBUTION_GAP = 150  # characters: "," Norvanian Prime Minister Ilsa Brandt told ... ""
# A closing quote mark, then an opening one shortly after, or a few words set off by
# commas ("she notes"): a statement split by its attribution may be in the window (only
# then are its statements fetched).
_SPLIT_QUOTE = re.compile(r"[”\"’»][^“”\"‘«»\n]{1,150}?[“\"‘«]|, (?:[\w’'.\-]+ ){1,5}?[\w’'\-]+,")


def unspoken(start: int, end: int, statements: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """Document ranges within ``start``-``end`` that a transcript's turns hold but nobody
    said: between the pieces of one line (the transcriber's "(CROSSTALK)", "[inaudible
    00:03:12]", a court reporter's line number inside a sentence wrapped over two lines)
    and between two lines of the same turn (line numbers, time stamps, a stage direction
    on its own line). The reader leaves them out of each line's pieces (``spans``);
    ``statements`` are the store's, of any kind (only transcript lines count).

    >>> line = {"kind": "transcript", "start": 0, "end": 30, "spans": [[0, 12], [25, 30]],
    ...         "mention": {"start": -9, "end": -2}}
    >>> unspoken(0, 40, [line])
    [(12, 25)]
    """
    lines = sorted((s for s in statements if s["kind"] == "transcript"), key=lambda s: s["start"])
    out: list[tuple[int, int]] = []
    for i, s in enumerate(lines):
        spans = sorted((a, b) for a, b in s["spans"])
        out.extend((b, c) for (_, b), (c, _) in zip(spans, spans[1:], strict=False) if c > b)
        if i + 1 < len(lines):
            nxt = lines[i + 1]
            m, mn = s.get("mention"), nxt.get("mention")
            same_turn = (
                m is not None
                and mn is not None
                and (m["start"], m["end"]) == (mn["start"], mn["end"])
            )
            if same_turn and nxt["start"] > s["end"]:
                out.append((s["end"], nxt["start"]))
    return _clipped(out, start, end)


def attribution_gaps(
    start: int, end: int, statements: Sequence[dict[str, Any]], text: str
) -> list[tuple[int, int]]:
    """Document ranges within ``start``-``end`` that hold the attribution splitting a
    quote or reported speech ("“A,” he adds, grinning. “B.”", "The office, Solberg
    notes, has ..."): the words between its pieces are the writer's, not the speaker's.
    Only a gap that holds the statement's cue, one sentence end at most and no other
    statement's words (not a paragraph of its own). ``text`` is the document's from
    ``start`` (for the sentence ends).

    >>> text = '"It is late," he said. "We go."'
    >>> quote = {"kind": "direct", "start": 1, "end": 29, "spans": [[1, 12], [24, 29]],
    ...          "cue": {"text": "said", "start": 17, "end": 21}}
    >>> attribution_gaps(0, len(text), [quote], text)
    [(12, 24)]
    """
    out: list[tuple[int, int]] = []
    for s in statements:
        if s["kind"] not in ("direct", "indirect"):
            continue
        spans = sorted((a, b) for a, b in s["spans"])
        cue = s.get("cue") or {}
        for (_, b), (c, _) in zip(spans, spans[1:], strict=False):
            if (
                0 < c - b <= _ATTRIBUTION_GAP
                and b <= cue.get("start", -1) < c
                and len(_SENTENCE_END.findall(text, max(0, b - start), c - start)) <= 1
                and not any(
                    o is not s and x < c and y > b for o in statements for x, y in o["spans"]
                )
            ):
                out.append((b, c))
    return _clipped(out, start, end)


def _clipped(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(max(a, start), min(b, end)) for a, b in ranges if a < end and b > start]


def mask_unspoken(
    text: str,
    start: int,
    statements: Sequence[dict[str, Any]],
    query_norms: Sequence[str],
    attributions: bool = False,
) -> str:
    """``text`` (the document's from ``start``) with its :func:`unspoken` ranges (with
    ``attributions``: its :func:`attribution_gaps`) written as spaces: the same length, so
    offsets still slice the document. A note the query has word for word too (pasted with
    the line) is kept.

    >>> line = {"kind": "transcript", "start": 0, "end": 44, "spans": [[0, 17], [29, 44]],
    ...         "mention": None}
    >>> text = "We will reopen it (CROSSTALK) in the spring."
    >>> mask_unspoken(text, 0, [line], ["we", "will"])
    'We will reopen it             in the spring.'
    >>> mask_unspoken(text, 0, [line], ["it", "crosstalk", "in"]) == text
    True
    """
    end = start + len(text)
    ranges = (
        attribution_gaps(start, end, statements, text)
        if attributions
        else unspoken(start, end, statements)
    )
    if not ranges:
        return text
    joined = " " + " ".join(query_norms) + " "
    chars = list(text)
    for a, b in ranges:
        a, b = a - start, b - start
        words = [t.norm for t in tokenize(text, a, b)]
        if any(c.isalpha() for w in words for c in w) and " " + " ".join(words) + " " in joined:
            continue
        chars[a:b] = " " * (b - a)
    return "".join(chars)


_FIRST_PERSON = frozenset("i me my mine myself".split())
_PRONOUN_GENDER = {
    **dict.fromkeys("he him his himself".split(), "m"),
    **dict.fromkeys("she her hers herself".split(), "f"),
}
_THIRD_PERSON = frozenset(_PRONOUN_GENDER)


def pronoun_means(
    source: str, at: int, statements: Sequence[dict[str, Any]]
) -> tuple[str | None, str | None]:
    """(whom the pronoun ``source`` at document offset ``at`` means, whom it cannot mean),
    as far as the index tells: the speaker of the statement it names ("He said ..."); a
    direct quote's or a transcript line's speaker for "I", "me", "my"; the speaker of a
    reported statement whose words it opens ("Valsek said he will sign it"). A "he" or
    "she" elsewhere in a quote or a line is someone other than its speaker. (None, None)
    when ``source`` is no single personal pronoun or the index says nothing of it.

    >>> st = {"kind": "indirect", "start": 20, "end": 40, "spans": [[20, 40]],
    ...       "speaker": "Ondra Valsek", "mention": {"start": 0, "end": 6}}
    >>> pronoun_means("he ", 20, [st]), pronoun_means("it", 20, [st])
    (('Ondra Valsek', None), (None, None))
    """
    m = _WORD.search(source)
    if m is None or _WORD.search(source, m.end()) is not None:
        return None, None
    p = m.group().casefold()
    if p not in _FIRST_PERSON and p not in _THIRD_PERSON:
        return None, None
    pa, pb = at + m.start(), at + m.end()
    for st in statements:
        mention = st.get("mention")
        if mention is not None and (mention["start"], mention["end"]) == (pa, pb):
            return st["speaker"], None  # "He said ...": the speaker the index resolved
    inside = [
        st
        for st in statements
        if any(a <= pa and pb <= b for a, b in st["spans"]) and st["speaker"] is not None
    ]
    if not inside:
        return None, None
    st = min(inside, key=lambda s: s["end"] - s["start"])  # the innermost: a quote in a line
    quoted = st["kind"] in ("direct", "transcript")
    if p in _FIRST_PERSON:
        return (st["speaker"], None) if quoted else (None, None)
    if quoted:
        return None, st["speaker"]  # a speaker does not call themself "he"
    first = min(a for a, _ in st["spans"])
    if st["kind"] == "indirect" and pa - first <= len("that "):
        return st["speaker"], None
    return None, None


def names_person(words: str, aliases: Sequence[str]) -> bool:
    """Does an editor's bracket (``words``) name the person of ``aliases`` (names and
    roles): the last capitalised word is a word of one of the names, or the words are
    a role ("the mayor")?

    >>> names_person("Brandt", ["Ilsa Brandt", "mayor"]), names_person("the Mayor", ["Ilsa Brandt", "mayor"])
    (True, True)
    >>> names_person("Valsek", ["Ilsa Brandt", "mayor"])
    False
    """
    ws = _WORD.findall(words)
    caps = [w for w in ws if w[:1].isupper() and w.casefold() not in _SUBJECT_WORDS]
    bare = " ".join(w.casefold() for w in ws if w.casefold() not in _SUBJECT_WORDS)
    for alias in aliases:
        aws = _WORD.findall(alias)
        folded = [w.casefold() for w in aws]
        if caps and caps[-1].casefold() in folded and any(w[:1].isupper() for w in aws):
            return True  # a name (a role written in lower case names no one by its words)
        if bare and bare == " ".join(w for w in folded if w not in _SUBJECT_WORDS):
            return True
    return False


# A sentence of a quote, as the stitched-quote check splits it: after ".", "!", "?" or
# "…" (and a closing mark) and before a capital or a figure (and an opening mark).
_QUERY_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
STITCH_MIN_WORDS = 3  # a shorter "sentence" ("Yes.") is looked up with its neighbour
STITCH_MAX_SENTENCES = 6
STITCH_NEAR = 5.0  # a sentence's candidates this close to its best may be the in-place one


def query_sentences(text: str) -> list[str]:
    """The sentences of a query with STITCH_MIN_WORDS words or more (a shorter one joins
    the sentence before it, or the next at the start).

    >>> query_sentences("We will not wait. It is not a gift, it is an investment. Yes.")
    ['We will not wait.', 'It is not a gift, it is an investment. Yes.']
    """
    out: list[str] = []
    carry = ""
    for part in _QUERY_SENTENCE.split(text.strip()):
        part = (carry + " " + part).strip() if carry else part
        carry = ""
        if len(_WORD.findall(part)) >= STITCH_MIN_WORDS:
            out.append(part)
        elif out:
            out[-1] += " " + part
        else:
            carry = part
    if carry:
        if out:
            out[0] = carry + " " + out[0]
        else:
            out.append(carry)
    return out


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(slots=True)
class Candidate:
    doc_id: int
    start: int  # window start
    end: int
    bm25: float
    statements: list[dict[str, Any]] | None = None  # the window's, once fetched


class Searcher:
    """Looks queries up in one :class:`Store`; caches speaker aliases across queries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._aliases: dict[str, list[str]] = {}
        self._docs: dict[int, dict[str, Any]] = {}
        self._unit_count: int | None = None
        self._word_counts: dict[str, int] = {}  # word -> units holding it (index vocabulary)
        self._weights_of: tuple[str, list[float]] | None = None  # (query text, idf weights)
        self._vectors: Any = None  # semantic.VectorIndex, made by the first check --semantic
        self._people_of: dict[int, dict[str, list[str]]] = {}  # doc id -> speaker -> aliases

    # ------------------------------------------------------------ candidates
    def _windows(
        self,
        match: str,
        span: int = 1,
        reach: int = 0,
        words: set[str] | None = None,
        titles: bool = False,
    ) -> list[Candidate]:
        """The best units for the FTS5 query ``match``, each widened by ``span`` units on
        each side (to at most ``reach`` characters around the unit), overlaps merged.

        Best: BM25 order, or with ``words`` (casefolded query words) the units of the
        best CANDIDATE_POOL that hold most of them (see CANDIDATE_POOL).
        """
        if not match:
            return []
        reach = max(reach, MAX_WINDOW_CHARS // 4)
        texts: dict[int, str] | None = None
        if titles:
            units = self.store.fts_titles(match, TITLE_CANDIDATES)
        elif words:
            rows = self.store.fts_units_texts(match, CANDIDATE_POOL)
            units = [r[:5] for r in rows]
            texts = {r[0]: r[5] for r in rows}
        else:
            units = self.store.fts_units(match, CANDIDATE_UNITS)
        if words and len(units) > CANDIDATE_UNITS:
            if texts is None:
                texts = self.store.unit_texts([u[0] for u in units])
            held = {
                u[0]: len(words.intersection(_WORD.findall(texts.get(u[0], "").casefold())))
                for u in units
            }
            units = sorted(units, key=lambda u: -held[u[0]])[:CANDIDATE_UNITS]
        wins: list[Candidate] = []
        bounds = self.store.neighbours_of([(u[1], u[2], u[3]) for u in units], span, span)
        for (_uid, doc_id, start, end, rank), (s, e) in zip(units, bounds, strict=True):
            if e - s > max(MAX_WINDOW_CHARS, 2 * reach):
                s, e = max(s, start - reach), min(e, end + reach)
            for w in wins:
                if w.doc_id == doc_id and s < w.end and e > w.start:
                    w.start, w.end = min(w.start, s), max(w.end, e)
                    break
            else:
                wins.append(Candidate(doc_id, s, e, rank))
            if len(wins) >= MAX_WINDOWS:
                break
        return wins

    def _counts(self, words: Sequence[str]) -> dict[str, int]:
        """Units holding each word, from the index's vocabulary; each word asked for once
        per Searcher (a lookup needs them for FTS terms, alignment weights and ranking)."""
        missing = [w for w in dict.fromkeys(words) if w not in self._word_counts]
        if missing:
            if len(self._word_counts) > 200_000:
                self._word_counts.clear()
            self._word_counts.update(self.store.term_doc_counts(missing))
        return {w: self._word_counts[w] for w in words}

    def _select(
        self, terms: Sequence[str], budget: int, counts: dict[str, int] | None = None
    ) -> tuple[list[str], list[str], dict[str, int]]:
        """(the rarest terms the index has, within ``budget``; terms it has never seen; counts).

        Rarity comes from the index's vocabulary counts. Terms are taken rarest first
        while their summed unit counts stay within ``budget`` (at least
        ``MIN_BUDGET_TERMS``), at most ``MAX_FTS_TERMS``; a common word (in more than
        ``COMMON_SHARE`` of the units) only among the first ``MIN_RARE_TERMS``.
        """
        if counts is None:
            counts = self._counts(terms)
        known = sorted((n, i, t) for i, t in enumerate(terms) if (n := counts.get(t, 0)) > 0)
        unseen = [t for t in terms if counts.get(t, 0) == 0]
        common = COMMON_SHARE * self._units()
        chosen: list[str] = []
        total = 0
        for k, (n, _, t) in enumerate(known[:MAX_FTS_TERMS]):
            if len(chosen) >= MIN_BUDGET_TERMS and total + n > budget:
                break
            if k < MIN_RARE_TERMS or n <= common:
                chosen.append(t)
                total += n
        return chosen, unseen, counts

    def _units(self) -> int:
        if self._unit_count is None:
            self._unit_count = self.store.unit_count()
        return self._unit_count

    def _typo_terms(self, unseen: Sequence[str], counts: dict[str, int] | None = None) -> list[str]:
        """Close vocabulary words for query words the index has never seen.

        Vocabulary terms are Porter stems ("president" is "presid"), so a term is close
        when it is within the edit limit (OSA: a swapped pair of letters is one edit) of
        the query word's own stem (FTS5's stemmer) or, one edit more, of the word cut to
        about the term's length ("presidnet" -> "presid"). The closest one or two terms
        (the second only as close as the first; the commoner first) are returned.
        """
        extra: list[str] = []
        words = [t for t in unseen if len(t) >= 4 and not t.isdigit()]
        stems = self.store.stems(words) if words else {}
        for t in words:
            stem = stems.get(t, t)
            limit = 1 if len(t) < 7 else 2
            lo = max(3, min(len(stem) - limit, len(t) - 4))
            # Terms are fetched by their first two letters: the word's, its stem's, and
            # the first and third letters' for a second letter swapped with the third
            # ("csae" for "case") or typed in excess ("cnheaply"); and by the first letter
            # and the third and fourth, for a second letter mistyped or dropped ("hxrbour",
            # "hrbour": no prefix of the word is one of "harbour").
            cands: dict[str, int] = {}
            for prefix in dict.fromkeys((t[:2], stem[:2], t[0] + t[2])):
                cands.update(self.store.similar_terms(prefix, lo, len(t) + 1, 2000))
            cands.update(
                self.store.terms_past_second_letter(t[0], (t[2:4], t[1:3]), lo, len(t) + 1)
            )
            scored = []
            for term, docs in cands.items():
                n = len(term)
                # (OSA: a swapped pair of letters is one typo, as in alignment)
                direct = OSA.distance(stem, term, score_cutoff=limit + 1)
                cut = min(
                    OSA.distance(t[:c], term, score_cutoff=limit + 1) for c in (n - 1, n, n + 1)
                )
                if min(direct, cut) <= limit:
                    # a cut word is one more step of doubt, and a stem as close wins: "captre"
                    # cut to "capt" is no closer to the term "capt" than its stem "captr" is
                    # to "captur" (cutting made every short prefix of it an exact match)
                    d = min(direct, cut + 1)
                    scored.append((d, d != direct, -docs, term))
            scored.sort()
            # the two closest, the second only as close as the first: a rare word one more
            # edit away ("whoa" for "whhat", next to "what") outranks the right one in BM25
            best = [x for x in scored[:2] if x[0] == scored[0][0]]
            extra.extend(dict.fromkeys(term for *_, term in best))
            if counts is not None:
                counts.update((term, -docs) for *_, docs, term in best)
        return extra

    def _rare_match(self, rare: Sequence[str], least: int = 2) -> str:
        """Units with at least ``least`` of the ``rare`` terms (one more, and more, while
        over ``RARE_ROW_CAP`` units match); of fewer than 3 terms, at least 1."""
        if len(rare) < 3:
            least = 1  # two words: their OR, or both when the OR matches too many units
        for k in range(least, len(rare) + 1):
            match = fts_match_least(rare, k)
            if k == len(rare) or self.store.fts_count(match, RARE_ROW_CAP) <= RARE_ROW_CAP:
                return match
        return fts_match(rare)

    def _span(self, q: Query) -> tuple[int, int]:
        """(units on each side of a candidate, characters on each side at most) for ``q``."""
        words = len(q.tokens)
        sentences = 1
        if words > 12:
            # the sentence splitter wants a capital after a full stop: a lower-cased query
            # ("... great again. america never stopped ...") was one sentence, and its
            # window a unit on each side, too few for the quote's four sentences
            ends = len(_SENTENCE_END.findall(q.text.rstrip(_QUOTE_MARKS + ".!?)]… ")))
            sentences = max(len(split_sentences(q.text)), ends + 1)
        span = max(1, min(MAX_SPAN_UNITS, max(sentences, -(-words // 30))))
        return span, len(q.text) + 200

    def _align_windows(
        self,
        q: Query,
        wins: Sequence[Candidate],
        scored: list[dict[str, Any]],
        done: set[tuple[int, int]],
    ) -> float:
        """Score ``wins`` not tried yet into ``scored``: the first EARLY_WINDOWS, the rest
        only if none aligns closely. Returns the best score in ``scored``.

        Windows are tried in order of how many of the query's words they hold (BM25
        order among equals): a large archive holds many near-copies of a passage,
        and the one that holds every word is rarely BM25's first.
        """
        todo = [c for c in wins if (c.doc_id, c.start) not in done]
        texts = {
            id(c): t
            for c, t in zip(
                todo,
                self.store.text_slices([(c.doc_id, c.start, c.end) for c in todo]),
                strict=True,
            )
        }
        if len(todo) > EARLY_WINDOWS:
            qwords = set(_WORD.findall(q.text.casefold()))
            held = {
                id(c): len(qwords.intersection(_WORD.findall(texts[id(c)].casefold())))
                for c in todo
            }
            todo.sort(key=lambda c: -held[id(c)])  # stable: BM25 order among equals
        best = max((r["score"].score for r in scored), default=0.0)
        for i, c in enumerate(todo):
            if i == EARLY_WINDOWS and best >= scoring.CLOSE:
                break
            done.add((c.doc_id, c.start))
            r = self._score_window(q, c, texts[id(c)])
            if r is None:
                continue
            same = next(
                (
                    k
                    for k, o in enumerate(scored)
                    if o["doc_id"] == r["doc_id"] and o["start"] == r["start"]
                ),
                None,
            )
            if same is None:
                scored.append(r)
            elif r["score"].score > scored[same]["score"].score:
                # a wider window holds more of the passage that a window cut short (at
                # ``reach`` characters) matched from the same word: it was dropped
                scored[same] = r
            else:
                continue
            best = max(best, r["score"].score)
        return best

    # ------------------------------------------------------------ scoring
    def _score_window(
        self, q: Query, cand: Candidate, text: str | None = None
    ) -> dict[str, Any] | None:
        """``cand`` aligned and scored (``text``: its text, when fetched already)."""
        if text is None:
            text = self.store.text_slice(cand.doc_id, cand.start, cand.end)
        source = text
        # a transcript's notes and line numbers inside a turn are nobody's words: compared
        # as blanks (same offsets), the source text kept for what is shown
        text = self._spoken(q, cand, text)
        win = tokenize(text)
        a, s = self._aligned(q, q.tokens, q.text, win, text)
        # (not with an ellipsis: the editorial reading lets the attribution go unmatched;
        # only for a window that could be the match: a statements query and a second
        # alignment for every window cost 9% of a lookup's CPU)
        joined = text
        if editorial.ELLIPSIS not in q.text and not s.verbatim and s.score >= HARMONIZE_FROM:
            joined = self._unattributed(q, cand, text)
        if joined is not text:
            # the words of a split quote joined without the attribution between its
            # pieces, when that scores higher (a query of the narration there does not)
            win2 = tokenize(joined)
            a2, s2 = self._aligned(q, q.tokens, q.text, win2, joined)
            if a2.found and (not a.found or s2.score > s.score):
                text, win, a, s = joined, win2, a2, s2
        if editorial.ELLIPSIS in q.text:
            # an ellipsis lets source words go unmatched, it does not make them: the query
            # aligned without that leave, when it scores higher (a clause moved past it)
            a2, s2 = self._aligned(q, q.tokens, q.text, win, text, ellipses=False)
            if a2.found and (not a.found or s2.score > s.score):
                a, s = a2, s2
        if not a.found:
            return None
        extra: dict[str, Any] = {}
        if not s.verbatim and s.score >= HARMONIZE_FROM:
            # Editorial conventions ("[Valsek]" for "he", "3" for "three", "harbor" for
            # "harbour", "don't" for "do not", an ellipsis): the query in the source's words
            # where only a convention differs, scored instead when it scores higher.
            pairs = a.pairs
            if q.brackets:
                # the editor's words in brackets are no evidence of where the quote is:
                # the anchors come from the query's own words ("from [the town of] Velmark")
                own = [
                    i
                    for i, t in enumerate(q.tokens)
                    if not any(bs < t.start and t.end < be for bs, be in q.brackets)
                ]
                if own and len(own) < len(q.tokens):
                    pairs = [
                        (own[i], w) for i, w in align([q.tokens[i] for i in own], win, text).pairs
                    ]
            year = (
                editorial.story_year(self.document(cand.doc_id).get("date")) if q.brackets else None
            )
            h = editorial.harmonize(q.text, q.tokens, q.brackets, text, win, pairs, year)
            if h is not None:
                better = h.score_text == q.text  # only what the changes show is rewritten
                if not better:
                    a2, s2 = self._aligned(q, tokenize(h.score_text), h.score_text, win, text)
                    if h.shifts:
                        # reported speech put back: the same statement, not word for word
                        s2 = scoring.lowered(replace(s2, verbatim=False), SHIFT_COST * h.shifts)
                    if a2.found and s2.score > s.score:
                        a, s, better = a2, s2, True
                        extra["rewritten"] = True
                if better:
                    extra["diff"] = (h.diff_text, tokenize(h.diff_text))
                    extra["omitted"] = h.omitted
                    if h.brackets:
                        extra["brackets"] = [
                            (words, cand.start + a, cand.start + b) for words, a, b in h.brackets
                        ]
        span_tokens = win[a.first : a.last + 1]
        return {
            "doc_id": cand.doc_id,
            "start": cand.start + a.start,
            "end": cand.start + a.end,
            "score": s,
            "rank_key": s.score - 0.001 * cand.bm25 - REWRITE_RANK_COST * ("rewritten" in extra),
            "bm25": cand.bm25,
            "window": (cand.start, source, span_tokens),
            **({"compared": text} if text is not source else {}),
            **extra,
        }

    def _spoken(self, q: Query, cand: Candidate, text: str) -> str:
        """``text`` (the window ``cand``) with what a transcript's turns hold but nobody
        said blanked out (:func:`mask_unspoken`); ``text`` itself elsewhere."""
        if self.document(cand.doc_id).get("format") != "transcript":
            return text
        stmts = self._window_statements(cand)
        return mask_unspoken(text, cand.start, stmts, [t.norm for t in q.tokens])

    def _unattributed(self, q: Query, cand: Candidate, text: str) -> str:
        """``text`` with the attributions inside split quotes blanked out ("“The pay is
        terrible,” he adds, grinning. “Don't print that.”": the speaker's words joined, as
        a journalist quotes them); ``text`` itself when the window holds none."""
        if not _SPLIT_QUOTE.search(text):
            return text
        stmts = self._window_statements(cand)
        norms = [t.norm for t in q.tokens]
        return mask_unspoken(text, cand.start, stmts, norms, attributions=True)

    def _window_statements(self, cand: Candidate) -> list[dict[str, Any]]:
        """The statements overlapping the window ``cand``, fetched once for it."""
        if cand.statements is None:
            cand.statements = self.store.statements_overlapping(cand.doc_id, cand.start, cand.end)
        return cand.statements

    def _aligned(
        self,
        q: Query,
        tokens: list[Token],
        key: str,
        win: list[Token],
        text: str,
        ellipses: bool = True,
    ) -> tuple[alignment.Alignment, scoring.Score]:
        """``tokens`` (the query's, or the query rewritten as ``key``) aligned in ``win``
        and scored; the query's own words say how informative it is."""
        # Rare words count more than common ones (align.idf_weights); unit counts once per query.
        cached = self._weights_of
        if cached is None or cached[0] != key:
            norms = [t.norm for t in tokens]
            counts = self._counts(norms)
            cached = (key, idf_weights(norms, [counts.get(w, 0) for w in norms], self._units()))
            if key == q.text:
                self._weights_of = cached
        free = None
        if ellipses and tokens is q.tokens and editorial.ELLIPSIS in q.text:
            free = q.ellipses
        a = align(tokens, win, text, weights=cached[1], free=free)
        if not a.found:
            return a, scoring.score(
                coverage=0.0,
                precision=0.0,
                similarity=0.0,
                content_words=q.content_words,
                verbatim=False,
            )
        span_tokens = win[a.first : a.last + 1]
        span_norm = " ".join(t.norm for t in span_tokens)
        q_norm = " ".join(t.norm for t in tokens)
        # Reordered clauses are compared in the source's order, each moved block one edit.
        moved_norm, moves = source_order(tokens, a)
        sim = (
            max(
                fuzz.ratio(q_norm, span_norm),
                fuzz.ratio(moved_norm, span_norm) - 100 * REORDER_COST * moves,
            )
            / 100.0
        )
        s = scoring.score(
            coverage=a.coverage,
            precision=a.precision,
            similarity=sim,
            content_words=q.content_words,
            stopwords=len(q.tokens) - q.content_words,
            verbatim=q_norm == span_norm,
        )
        return a, s

    def _rank(self, q: Query, scored: list[dict[str, Any]]) -> None:
        """Set each candidate's ``rank_key``: its score, or for claims its BM25 (see above)."""
        for r in scored:
            r["rank_key"] = r["score"].score - REWRITE_RANK_COST * ("rewritten" in r)
        best = max((r["score"].score for r in scored), default=scoring.FOUND)
        if best >= scoring.FOUND:
            return
        words = fts_terms(tokenize(fts_text(q.text)) or q.tokens)
        counts = self._counts(words)
        n = self._units()
        idf: dict[str, float] = {}  # light stem -> the largest idf of the words it stands for
        for w in words:
            df = min(max(counts.get(w, 0), 0), n)
            st = alignment.stem(w)
            idf[st] = max(idf.get(st, 0.0), math.log(1.0 + (n - df + 0.5) / (df + 0.5)))
        bags: list[dict[str, int]] = []
        lengths: list[int] = []
        for r in scored:
            title = self.document(r["doc_id"]).get("title") or ""
            stems = [
                alignment.stem(w)
                for text in (r["window"][1], title)
                for t in tokenize(text)
                for w in _FTS_WORD.findall(t.norm)
            ]
            bag: dict[str, int] = {}
            for st in stems:
                if st in idf:
                    bag[st] = bag.get(st, 0) + 1
            bags.append(bag)
            lengths.append(len(stems))
        avg = max(1.0, sum(lengths) / len(lengths))
        lexical = []
        for bag, length in zip(bags, lengths, strict=True):
            norm = BM25_K1 * (1.0 - BM25_B + BM25_B * length / avg)
            lexical.append(sum(idf[st] * f * (BM25_K1 + 1.0) / (f + norm) for st, f in bag.items()))
        for r, lx in zip(scored, lexical, strict=True):
            r["rank_key"] = lx
            r["lexical"] = lx

    def candidates(self, q: Query) -> list[dict[str, Any]]:
        """Scored, de-duplicated spans for a prepared query, best first.

        Ranked by alignment score, or by word overlap (BM25) when no candidate
        aligns as a quote (see :meth:`_rank`).
        """
        if not q.tokens:
            return []
        words = fts_terms(tokenize(fts_text(q.text)) or q.tokens)
        terms, unseen, counts = self._select(words, 1 << 62)
        span, reach = self._span(q)
        # Windows come in BM25 order; alignment is the cost of a lookup, so once one of
        # the first EARLY_WINDOWS aligns closely the weaker BM25 candidates are skipped.
        scored: list[dict[str, Any]] = []
        done: set[tuple[int, int]] = set()
        qwords = set(_WORD.findall(q.text.casefold()))
        tried: set[str] = set()

        def stage(match: str) -> float:
            tried.add(match)
            return self._align_windows(q, self._windows(match, span, reach, qwords), scored, done)

        # (at least MIN_BUDGET_TERMS rare words, fewer than RARE_TERMS when over RARE_BUDGET)
        rare, _, _ = self._select(words, RARE_BUDGET, counts)
        best = stage(self._rare_match(rare[:RARE_TERMS]))
        extra = self._typo_terms(unseen, counts) if unseen and best < scoring.CLOSE else []
        if scoring.FOUND <= best < scoring.CLOSE:
            # Found, not closely: close spellings of words the index has never seen and
            # the rarest words, within NEAR_BUDGET.
            match = fts_match(
                _within(list(dict.fromkeys(extra + terms[:WIDE_TERMS])), counts, NEAR_BUDGET)
            )
            if match not in tried:
                best = stage(match)
        if best < scoring.FOUND:
            # Nothing found: close spellings and an OR of the rarest words within
            # WIDE_BUDGET (bounded cost).
            pool = sorted(dict.fromkeys(extra + terms), key=lambda t: counts.get(t, 0))
            match = fts_match(_within(pool, counts, WIDE_BUDGET))
            if match not in tried:
                stage(match)
            # Record titles (a claim's headline): all the query's words, the ones no
            # unit holds too, rarest first within WIDE_BUDGET.
            title_words = sorted(words, key=lambda t: max(0, counts.get(t, 0)))
            match = fts_match(_within(title_words, counts, WIDE_BUDGET))
            self._align_windows(q, self._windows(match, span, reach, titles=True), scored, done)
        self._rank(q, scored)
        scored.sort(key=lambda r: -r["rank_key"])
        out: list[dict[str, Any]] = []
        for r in scored:
            if any(self._same_passage(o, r) for o in out):
                continue
            out.append(r)
        if out and "lexical" not in out[0]:
            penalty = scoring.ambiguity(distinct_gap(out))
            if penalty > 0:
                for r in out:
                    r["score"] = scoring.lowered(r["score"], penalty)
                    r["rank_key"] -= penalty
        return out

    def _same_passage(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Are two candidates one passage: overlapping in one document, or the same span of
        the same document indexed under two paths (a copy, a link, a second clone: the
        same text hash), which is no second source?"""
        if a["doc_id"] == b["doc_id"]:
            return b["start"] < a["end"] and b["end"] > a["start"]
        return (a["start"], a["end"]) == (b["start"], b["end"]) and self._doc_key(
            a["doc_id"]
        ) == self._doc_key(b["doc_id"])

    def _doc_key(self, doc_id: int) -> Any:
        """What a document is the same as: its text hash, else its id."""
        return self.document(doc_id).get("hash") or doc_id

    # ------------------------------------------------------------ semantic
    def _semantic(self, q: Query, cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A claim's candidates re-ranked by :mod:`quotecheck.search.semantic` (the
        optional extra, imported only here): the best ``TOP_N`` lexical ones and, when the
        index has vectors (``index --semantic``), the ``DENSE_K`` documents nearest the
        query, ranked by BM25 together (see :meth:`_rank`) before the fusion."""
        from quotecheck.search import semantic as sem

        # the encoder reads the post as given: its tags and handles are words about the
        # topic, though no source has them word for word
        text = q.given.strip().strip(_QUOTE_MARKS)
        head, tail = cands[: sem.TOP_N], cands[sem.TOP_N :]
        if self._vectors is None:
            self._vectors = sem.VectorIndex(self.store)
        qvec = None
        if self._vectors.count:
            qvec = sem.encode([text])[0]
            have = {self._doc_key(r["doc_id"]) for r in head}
            extra = []
            for doc_id in self._vectors.search(qvec, sem.DENSE_K):
                if self._doc_key(doc_id) not in have:  # nor a copy of one
                    extra.append(self._whole_document(q, doc_id))
            if extra:
                head = head + extra
                self._rank(q, head)
                head.sort(key=lambda r: -r["rank_key"])  # stable: lexical order among ties
                # a document found by meaning that lexical search ranked lower is now in
                # the head: the same passage further down is no second match
                tail = [r for r in tail if not any(self._same_passage(h, r) for h in extra)]
        if not head:
            return cands
        ids = [r["doc_id"] for r in head]
        stored = self.store.vectors_of(self._vectors.name, ids) if self._vectors.count else {}
        titles = [self.document(i).get("title") for i in ids]
        whole = [
            r["window"][0] == 0
            and len(r["window"][1]) >= min(sem.MAX_TEXT_CHARS, self.store.text_length(r["doc_id"]))
            for r in head
        ]
        return (
            sem.rerank(text, head, titles, limit=len(head), stored=stored, whole=whole, qvec=qvec)
            + tail
        )

    def _whole_document(self, q: Query, doc_id: int) -> dict[str, Any]:
        """A candidate for a document found by its embedding: its aligned span in the
        first ``MAX_WINDOW_CHARS`` of its text, or when nothing aligns that whole text,
        scored 0."""
        n = self.store.text_length(doc_id)
        cand = Candidate(doc_id, 0, min(n, MAX_WINDOW_CHARS), 0.0)
        r = self._score_window(q, cand)
        if r is not None:
            return r
        text = self.store.text_slice(doc_id, cand.start, cand.end)
        toks = tokenize(text)
        s = scoring.score(
            coverage=0.0,
            precision=0.0,
            similarity=0.0,
            content_words=q.content_words,
            stopwords=len(q.tokens) - q.content_words,
            verbatim=False,
        )
        return {
            "doc_id": doc_id,
            "start": cand.start,
            "end": cand.end,
            "score": s,
            "rank_key": 0.0,
            "bm25": 0.0,
            "window": (cand.start, text, toks),
        }

    # ------------------------------------------------------------ results
    def document(self, doc_id: int) -> dict[str, Any]:
        if doc_id not in self._docs:
            d = self.store.document(doc_id) or {}
            self._docs[doc_id] = d
        return self._docs[doc_id]

    def speaker_aliases(self, name: str) -> list[str]:
        if name not in self._aliases:
            self._aliases[name] = self.store.speaker_aliases(name)
        return self._aliases[name]

    def build_match(self, q: Query, r: dict[str, Any], rank: int) -> dict[str, Any]:
        """The brief's ``match`` object for a scored span."""
        doc_id, start, end = r["doc_id"], r["start"], r["end"]
        doc = self.document(doc_id)
        win_start, win_text, span_tokens = r["window"]
        stmts = self.store.statements_overlapping(doc_id, start, end)
        # The statement covering most of the span; on a tie the innermost one (a quote
        # inside a transcript line is the quoted person's, not the line speaker's).
        stmt = max(
            stmts,
            key=lambda s: (min(end, s["end"]) - max(start, s["start"]), s["start"] - s["end"]),
            default=None,
        )
        # The sentence(s) around the span, for context and for what the query left out.
        bounds = self.store.sentence_bounds(doc_id, start, end)
        sent_s, sent_e = bounds if bounds is not None else (start, end)
        ctx_s, ctx_e = max(sent_s, start - CONTEXT_CHARS), min(sent_e, end + CONTEXT_CHARS)
        context = self.store.text_slice(doc_id, ctx_s, ctx_e)
        # What the query left out of the statement it quotes, or of the sentence when the
        # words are narration or run past the statement (same sentence only).
        quoted_within = stmt is not None and stmt["start"] <= start and end <= stmt["end"]
        if quoted_within and stmt is not None:
            om_s, om_e = max(stmt["start"], sent_s), min(stmt["end"], sent_e)
        else:
            om_s, om_e = sent_s, sent_e
        before = context[max(0, om_s - ctx_s) : max(0, start - ctx_s)] if om_s < start else ""
        after = context[end - ctx_s : max(end - ctx_s, om_e - ctx_s)] if om_e > end else ""
        matched_text = win_text[start - win_start : end - win_start]
        sc: scoring.Score = r["score"]
        # what the query changed, read from the query in the source's words where only an
        # editorial convention differed (words left out at an ellipsis still show)
        diff_text, diff_tokens = r.get("diff", (q.text, q.tokens))
        omitted = r.get("omitted", [])
        compared = r.get("compared", win_text)  # the window as aligned (notes blanked)
        found_alerts = alerts(
            diff_tokens,
            editorial.kept_for_alerts(span_tokens, compared, omitted) if omitted else span_tokens,
            before,
            after,
            query_text=diff_text,
            source_text=compared,
            narration=not quoted_within,
        )
        if "out_of_context" not in found_alerts and any(
            editorial.changes_meaning(compared[a:b]) for a, b in omitted
        ):
            found_alerts.append("out_of_context")
        if q.frame and "name" not in found_alerts:
            # the attribution pasted with the quote names someone the source does not
            # have there ("“...,” Ferreol said" of Brandt's words)
            known = [
                w.casefold()
                for t in (context, stmt["speaker"] if stmt else "", statement_mention(stmt))
                for w in _WORD.findall(t or "")
            ]
            if any(not any(typo_of(n, w) for w in known) for n in frame_names(q.frame)):
                found_alerts.append("name")
        if (
            "name" not in found_alerts
            and r.get("brackets")
            and self._bracket_misnames(doc_id, r["brackets"], stmts, win_start, win_text)
        ):
            found_alerts.append("name")
        statement_text = None
        if stmt is not None:
            statement_text = self.store.text_slice(doc_id, stmt["start"], stmt["end"])
        return {
            "rank": rank,
            "score": sc.score,
            "verdict": sc.verdict,
            "speaker": stmt["speaker"] if stmt else None,
            "speaker_mention": stmt["mention"]["text"] if stmt and stmt["mention"] else None,
            "kind": stmt["kind"] if stmt else "narration",
            "document": document_ref(doc),
            "start": start,
            "end": end,
            "line": self.store.line_of(doc_id, start),
            "matched_text": matched_text,
            "statement": statement_text,
            "context": context,
            "changes": changes(diff_tokens, span_tokens),
            "alerts": found_alerts,
            "_diff": segments(diff_tokens, span_tokens, win_text),
            "_explain": {
                "weights": {
                    "coverage": scoring.W_COVERAGE,
                    "precision": scoring.W_PRECISION,
                    "similarity": scoring.W_SIMILARITY,
                },
                "coverage_power": scoring.COVERAGE_POWER,
                "coverage": round(sc.coverage, 3),
                "precision": round(sc.precision, 3),
                "similarity": round(sc.similarity, 3),
                "informativeness": round(sc.informativeness, 3),
                "ambiguity": sc.ambiguity,
                "thresholds": {"found": scoring.FOUND, "close": scoring.CLOSE},
            },
        }

    def _people(self, doc_id: int) -> dict[str, list[str]]:
        """The people a document quotes: each speaker's name and its aliases and roles."""
        if doc_id not in self._people_of:
            if len(self._people_of) > 256:
                self._people_of.clear()
            names = {s["speaker"] for s in self.store.statements(doc_ids=[doc_id]) if s["speaker"]}
            self._people_of[doc_id] = {n: [n, *self.speaker_aliases(n)] for n in sorted(names)}
        return self._people_of[doc_id]

    def _bracket_misnames(
        self,
        doc_id: int,
        brackets: Sequence[tuple[str, int, int]],
        stmts: Sequence[dict[str, Any]],
        win_start: int,
        win_text: str,
    ) -> bool:
        """Does an editor's bracket standing for a pronoun ("[Brandt] will sign it" for
        "he will sign it") name a person of the document other than the one the pronoun
        means (:func:`pronoun_means`)?"""
        for words, a, b in brackets:
            who, not_who = pronoun_means(win_text[a - win_start : b - win_start], a, stmts)
            if who is None and not_who is None:
                continue
            people = self._people(doc_id)
            named = [n for n, aliases in people.items() if names_person(words, aliases)]
            if not named:
                continue  # no one the document quotes: nothing to compare
            if who is not None and who not in named:
                return True
            if not_who is not None and named == [not_who]:
                return True
            gender = _PRONOUN_GENDER.get(win_text[a - win_start : b - win_start].strip().casefold())
            if who is None and gender is not None:
                # whom "he" or "she" means the index does not say; not someone whose given
                # name is of the other gender ("[Petra Dorn]" for "he")
                from quotecheck.analysis.people import gender_of  # (its lists: 50 ms to import)

                given = [gender_of(n.split()[0], []) if " " in n else None for n in named]
                if all(g is not None and g != gender for g in given):
                    return True
        return False

    def lookup(self, query: str) -> tuple[Query, list[dict[str, Any]]]:
        """The query as :meth:`check` looks it up and its scored candidates, best first:
        as given; or its quoted words, when it was pasted with its attribution ("“...,”
        Brandt said") and the source does not have that attribution too; or, when not
        found as a whole, the words quoted inside it (``bench/calibrate.py`` replays these
        candidates, so it sees what ``check`` does)."""
        q, framed = prepare_queries(query)
        cands = self.candidates(q)
        if framed is not None:
            # "“...,” Brandt said": the quoted words are what was said, unless the source
            # has the attribution as pasted too (it then matches better as a whole)
            cands_framed = self.candidates(framed)
            framed_best = cands_framed[0]["score"].score if cands_framed else 0.0
            if framed_best >= scoring.FOUND and (
                not cands or framed_best >= cands[0]["score"].score
            ):
                q, cands = framed, cands_framed
        if not cands or cands[0]["score"].score < scoring.FOUND:
            # "Pompeo told reporters that “we owe it ...” to keep talking": not found as a
            # whole, but the quoted words are what is claimed verbatim
            inner = quoted_words(q.text)
            if inner is not None:
                q2 = prepare_query(inner)
                cands2 = self.candidates(q2)
                if cands2 and cands2[0]["score"].score >= scoring.FOUND:
                    q2.notes = [
                        *q.notes,
                        f"not found as a whole; looked up its quoted words: “{inner}”",
                    ]
                    q, cands = q2, cands2
        return q, cands

    def _stitched(
        self, q: Query, cands: list[dict[str, Any]], verdict: str
    ) -> list[tuple[Query, list[dict[str, Any]]]] | None:
        """A quote stitched from sentences said apart ("We don't have the luxury of
        waiting. It's not a gift." from two paragraphs, or from two people): each of its
        sentences looked up alone, when every one is found and one at least lies outside
        the passage the whole query matched (anywhere, when it matched none). None when
        the query is one sentence, or not so stitched."""
        sentences = query_sentences(q.text)
        if not 2 <= len(sentences) <= STITCH_MAX_SENTENCES:
            return None  # (a longer passage is rarely a quote; each sentence costs a lookup)
        top = cands[0] if cands and verdict != "not_found" else None
        pieces = []
        apart = False
        for sentence in sentences:
            qs, cs = self.lookup(sentence)
            if not cs or cs[0]["score"].score < scoring.FOUND:
                return None  # a sentence found nowhere: the query is not only stitched
            near = cs[0]["score"].score - STITCH_NEAR
            in_place = top is not None and any(
                c["doc_id"] == top["doc_id"] and c["start"] < top["end"] and top["start"] < c["end"]
                for c in cs
                if c["score"].score >= near
            )
            apart = apart or not in_place
            pieces.append((qs, cs))
        return pieces if apart else None

    def _stitched_result(
        self,
        result: dict[str, Any],
        pieces: list[tuple[Query, list[dict[str, Any]]]],
        claimed_speaker: str | None,
    ) -> None:
        """``result`` made the answer for a stitched quote: ``partial``, one match per
        sentence (each sentence's best, in the query's order; each match's changes and
        alerts are its sentence's), ``stitched`` set, a note naming where each sentence is."""
        matches = []
        for i, (qs, cs) in enumerate(pieces):
            matches.append(self.build_match(qs, cs[0], i + 1))
        result["verdict"] = "partial"
        result["matches"] = matches
        result["stitched"] = True
        where = "; ".join(
            f"“{_clip(qs.text)}” {m['speaker'] or 'narration'}, "
            f"{m['document']['path'].rsplit('/', 1)[-1]}:{m['line']}"
            for (qs, _), m in zip(pieces, matches, strict=True)
        )
        result.setdefault("notes", []).append(
            f"not one passage: its sentences were said apart ({where})"
        )
        if claimed_speaker is not None:
            from quotecheck.search.attribution import judge

            judged = [
                judge(self, qs, cs, [m], claimed_speaker, m["verdict"])
                for (qs, cs), m in zip(pieces, matches, strict=True)
            ]
            kinds = [a for a, _ in judged]
            result["attribution"] = (
                "misattributed"
                if "misattributed" in kinds
                else "confirmed"
                if all(a == "confirmed" for a in kinds)
                else "unattributed"
                if "unattributed" in kinds
                else "unknown"
            )
            result.pop("claimed_speaker_match", None)
            closest = next((c for _, c in judged if c is not None), None)
            if closest is not None:
                result["claimed_speaker_match"] = closest

    def check(
        self,
        query: str,
        *,
        top: int = 3,
        min_score: float | None = None,
        claimed_speaker: str | None = None,
        semantic: bool = False,
    ) -> dict[str, Any]:
        """Look ``query`` up; the brief's ``check`` result object (plus ``notes``).

        ``semantic`` re-ranks claim candidates with a sentence encoder (the optional
        ``semantic`` extra, :mod:`quotecheck.search.semantic`, imported only then).
        """
        q, cands = self.lookup(query)
        floor = scoring.FOUND if min_score is None else min_score
        if semantic and q.tokens and (not cands or cands[0]["score"].score < scoring.FOUND):
            cands = self._semantic(q, cands)
        # (one passage once: see _same_passage, applied by candidates)
        chosen = [r for r in cands if r["score"].score >= floor][:top]
        matches = [self.build_match(q, r, i + 1) for i, r in enumerate(chosen)]
        best = cands[0]["score"] if cands else None
        verdict = best.verdict if best is not None and best.score >= scoring.FOUND else "not_found"
        result: dict[str, Any] = {
            "query": query,
            "claimed_speaker": claimed_speaker,
            "verdict": verdict,
            "attribution": None,
            "matches": matches,
        }
        if claimed_speaker is not None:
            from quotecheck.search.attribution import judge

            result["attribution"], claimed = judge(
                self, q, cands, matches, claimed_speaker, verdict
            )
            if claimed is not None:
                result["claimed_speaker_match"] = claimed
        if not q.tokens:
            q.notes.append("query has no words to look up")
        result["notes"] = q.notes
        if verdict in ("not_found", "partial"):
            pieces = self._stitched(q, cands, verdict)
            if pieces is not None:
                result["notes"] = list(q.notes)
                self._stitched_result(result, pieces, claimed_speaker)
        return result
