"""``verify``: every statement of a draft checked against the index.

The draft goes through the same reader and attribution engine as indexed
articles; each statement's words are looked up with its claimed speaker.

A reported statement that carries quoted words (a mixed quote: *Brandt said the plan
was "dead before it reached the council"*) is checked on its quoted words: those are
what the draft says the speaker said word for word; the paraphrase around them is the
writer's. When the quoted words are too few to be found on their own (fewer than
``MIN_QUOTED_WORDS``), the whole statement is looked up instead, and when it is not found,
the quoted words alone, which check out only if found word for word in a statement of the
person claimed.

An "according to" statement around another statement of the draft ("Lamm said the
direction was “clear”, according to the bank") is not looked up: the inner statement, with
its own speaker, is the one that can be checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from quotecheck.errors import InputError, QuotecheckError
from quotecheck.model import Document, Statement
from quotecheck.readers import read_file, reader_by_content
from quotecheck.readers.articles import article_document, lines_broken_by_cr
from quotecheck.readers.decode import decode
from quotecheck.search.check import MIN_QUOTED_WORDS, Searcher
from quotecheck.search.editorial import has_ellipsis


def draft_documents(name: str, data: bytes) -> list[Document]:
    packaged = reader_by_content(data)  # a Word, OpenDocument or PDF draft, named so or piped in
    if packaged is None and (
        name == "<stdin>"
        or name.lower().endswith((".txt", ".md", ".markdown", ".text"))
        or "." not in name
    ):
        try:
            text = lines_broken_by_cr(decode(data, name))  # (a classic Mac OS draft too)
        except InputError as err:
            raise QuotecheckError(str(err)) from None
        doc = article_document(name, text)
        doc.body_start = 0  # a draft's first line may hold a quote too
        return [doc]
    docs = []
    items = packaged(name, data, {}) if packaged is not None else read_file(name, data, None, {})
    for item in items:
        if isinstance(item, InputError):
            raise QuotecheckError(str(item))
        # (a draft's first paragraph, taken for a headline by the readers, is checked too)
        item.body_start = 0
        docs.append(item)
    return docs


def verify_draft(
    searcher: Searcher, name: str, data: bytes, *, top: int = 1
) -> Iterator[dict[str, Any]]:
    """One check result per statement in the draft, in draft order, with a ``draft`` field.

    A Markdown draft (.md, .markdown, or stdin) is read with its markup blanked in place
    (readers.markdown: same offsets and lines): ``Tomas **Ferreol** said`` and ``[Ilsa
    Brandt](https://…) said`` named no speaker, so a quote given to the wrong person passed
    as "no speaker named". The draft text shown is the draft's own, markup and all."""
    for doc in draft_documents(name, data):
        shown = doc.text
        if (name == "<stdin>" or name.lower().endswith((".md", ".markdown"))) and reader_by_content(
            data
        ) is None:  # (not a .docx piped in)
            from quotecheck.readers.markdown import markdown_blanked

            doc.text = markdown_blanked(shown)
        blanked = doc.text != shown
        for r in _document_results(searcher, doc, top):
            if blanked:
                r["draft"]["text"] = shown[r["draft"]["start"] : r["draft"]["end"]]
                r["query"] = _BLANKS.sub(" ", r["query"])
            yield r


_BLANKS = re.compile(r"(?<=\S) {2,}(?=\S)")  # (markup blanked inside a looked-up phrase)


def _document_results(searcher: Searcher, doc: Document, top: int) -> Iterator[dict[str, Any]]:
    from quotecheck.analysis.attribution import analyze
    from quotecheck.analysis.quotes import find_quotes
    from quotecheck.analysis.sentences import split_paragraphs

    analyze(doc)
    text = doc.text
    pieces = sorted(
        sp for q in find_quotes(text, split_paragraphs(text)) for sp in q.spans if sp[1] > sp[0]
    )
    for st in sorted(doc.statements, key=lambda s: s.start):
        if _reports_a_report(st, doc.statements):
            continue
        spans = st.spans or [(st.start, st.end)]
        word_for_word = st.kind == "direct"
        quoted: list[tuple[int, int]] = []
        rest: list[tuple[int, int]] = []
        if st.kind == "indirect":
            quoted = [(a, b) for a, b in pieces if any(s <= a and b <= e for s, e in spans)]
            if sum(len(text[a:b].split()) for a, b in quoted) >= MIN_QUOTED_WORDS:
                rest = _outside(spans, quoted, text)
                spans = quoted
                word_for_word = True
                quoted = []
        words = " ".join(text[a:b] for a, b in spans)
        claimed = st.speaker or (st.mention.text if st.mention else None)
        r = searcher.check(words, top=top, claimed_speaker=claimed)
        if r["verdict"] == "not_found" and quoted and claimed is not None:
            # a few quoted words in a paraphrase not in the corpus ("Solberg said she would
            # “take the keys” herself"): too few to be found anywhere, but found word for
            # word in a statement of the person claimed, they check out
            few = " ".join(text[a:b] for a, b in quoted)
            if len(few.split()) >= MIN_FEW_WORDS:
                rq = searcher.check(few, top=top, claimed_speaker=claimed)
                if rq["verdict"] == "verbatim" and rq["attribution"] == "confirmed":
                    r, words, word_for_word = rq, few, True
        line = doc.line_base + text.count("\n", 0, st.start)
        r["draft"] = {
            "start": st.start,
            "end": st.end,
            "line": line,
            "text": text[st.start : st.end],
        }
        stitched = bool(r.get("stitched"))  # sentences said apart: one match each
        shown = r["matches"] if stitched else r["matches"][:1]
        alerts = [a for m in shown for a in m["alerts"]]
        # quote marks round sentences said apart join what was not said together, unless
        # the draft marks the gap with an ellipsis and they are one person's, in one place
        joined = stitched and not (
            has_ellipsis(words) and len({(m["document"]["id"], m["speaker"]) for m in shown}) == 1
        )
        r["quote_altered"] = word_for_word and (
            joined or any(quote_altered(m["changes"], words) for m in shown)
        )
        r["failed"] = (
            r["verdict"] == "not_found"
            or r["attribution"] in ("misattributed",)
            or bool(alerts)
            or r["quote_altered"]
        )
        yield r
        if rest:
            changed = _changed_paraphrase(searcher, text, rest, claimed, top, doc.line_base)
            if changed is not None:
                yield changed


# Quoted words checked alone against the claimed speaker's statements when the paraphrase
# around them is not found (fewer than MIN_QUOTED_WORDS): at least this many.
MIN_FEW_WORDS = 2
# The paraphrase around quoted words is looked up too when it has at least this many words.
MIN_PARAPHRASE_WORDS = 6


def _outside(
    spans: list[tuple[int, int]], quoted: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """The parts of ``spans`` outside the quoted pieces (and their quote marks), with
    words in them."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        pos = s
        for a, b in sorted(quoted):
            if s <= a and b <= e:
                out.append((pos, a))
                pos = b
        out.append((pos, e))
    marks = " \t\n\"'“”‘’«»‹›「」『』,;:"
    trimmed = []
    for a, b in out:
        while a < b and text[a] in marks:
            a += 1
        while b > a and text[b - 1] in marks:
            b -= 1
        if any(c.isalpha() for c in text[a:b]):
            trimmed.append((a, b))
    return trimmed


def _changed_paraphrase(
    searcher: Searcher,
    text: str,
    rest: list[tuple[int, int]],
    claimed: str | None,
    top: int,
    line_base: int,
) -> dict[str, Any] | None:
    """The check of the paraphrase around quoted words ("Blaha said “crews are working
    around the clock” and that some villages may be without power until Friday"), when it
    is found with an alert (the source says Thursday): a failed result of its own. A
    paraphrase that is not found, or found unchanged, is the writer's and says nothing."""
    a0 = rest[0][0]
    for lead in ("and that ", "but that ", "that ", "and ", "but "):
        if text[a0 : a0 + len(lead)].lower() == lead:
            a0 += len(lead)  # (the draft's "... and that X": X is the paraphrase)
            break
    rest = [(a0, rest[0][1]), *rest[1:]]
    words = " ".join(text[a:b] for a, b in rest)
    if len(words.split()) < MIN_PARAPHRASE_WORDS:
        return None
    r = searcher.check(words, top=top, claimed_speaker=claimed)
    if r["verdict"] == "not_found" or not any(m["alerts"] for m in r["matches"][:1]):
        return None
    end = rest[-1][1]
    line = line_base + text.count("\n", 0, a0)
    r["draft"] = {"start": a0, "end": end, "line": line, "text": text[a0:end]}
    r["quote_altered"] = False
    r["failed"] = True
    return r


def _reports_a_report(st: Statement, statements: list[Statement]) -> bool:
    """Is ``st`` an "according to" frame around another statement of the draft ("Lamm said
    the direction was “clear”, according to the bank")?  The inner statement, with its own
    speaker, is what can be checked; the outer one would be looked up with the inner one's
    attribution words in it and fail."""
    if st.cue is None or st.cue.text.lower() != "according to":
        return False
    return any(
        o is not st and o.cue is not None and st.start <= o.cue.start and o.end <= st.end
        for o in statements
    )


def quote_altered(changes: list[dict[str, Any]], quoted: str) -> bool:
    """Do words inside quote marks differ from the source's?  A word added or swapped (a
    typo too: quote marks promise the speaker's own words) does; words left out do only
    where the draft shows no ellipsis for them.

    >>> quote_altered([{"op": "replace", "query": "nation", "source": "town"}], "the heart of the nation")
    True
    >>> quote_altered([{"op": "delete", "query": "", "source": "very"}], "It is … important")
    False
    >>> quote_altered([{"op": "delete", "query": "", "source": "very"}], "It is . . . important")
    False
    """
    ellipsis = has_ellipsis(quoted)
    return any(c["op"] != "delete" or not ellipsis for c in changes)
