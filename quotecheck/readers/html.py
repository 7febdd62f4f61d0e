"""HTML articles: through trafilatura when the optional extra is installed (``pip install
'quotecheck[html]'``: it removes menus, comments and other page furniture best), else
through a small extractor of our own on the standard library's parser, so that a page
is read on a plain install too."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from quotecheck.errors import InputError
from quotecheck.model import Document
from quotecheck.readers.articles import article_document, detect_transcript, transcript_document
from quotecheck.readers.decode import decode


def read_html(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    try:
        html = decode(data, path)
    except InputError as err:
        yield err
        return
    if not _TAG.search(html):
        # no markup at all: plain text saved as .html (its lines, a transcript's turns, kept)
        layout = detect_transcript(html)
        yield transcript_document(path, html, layout) if layout else article_document(path, html)
        return
    try:
        import trafilatura
    except ImportError:
        meta: dict[str, Any] | None = extract(html)
    else:
        extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
        meta = (
            None
            if not extracted
            else extracted
            if isinstance(extracted, dict)
            else extracted.as_dict()
        )
    if not meta:
        yield InputError(path, "no article text found in HTML, skipped")
        return
    body = (meta.get("text") or "").strip()
    if not body:
        yield InputError(path, "no article text found in HTML, skipped")
        return
    title = (meta.get("title") or "").strip()
    text = article_text(title, body)
    # an interview or a transcript published as a web page ("Dorn: ...", "Brandt: ..."):
    # read as one, as a .txt file is (as an article, its turns were no one's words)
    layout = detect_transcript(text)
    doc = transcript_document(path, text, layout) if layout else article_document(path, text)
    if layout and title:
        doc.title = title
    doc.date = meta.get("date") or None
    doc.url = meta.get("url") or None
    doc.source = meta.get("sitename") or None
    yield doc


def article_text(title: str, body: str) -> str:
    """The stored text of an extracted article: the title, then each block on its own
    paragraph.

    The extractor puts one block (paragraph, heading, list item, line break) on each
    line: left so, the article reader saw the whole body as one paragraph, so quote marks
    paired across paragraphs and a heading ran into the sentence below it. The page's
    own heading repeating the title is dropped.
    """
    blocks = [" ".join(line.split()) for line in body.splitlines()]
    blocks = [b for b in blocks if b]
    title = " ".join(title.split())
    if title and blocks and blocks[0].casefold() == title.casefold():
        blocks.pop(0)
    paragraphs = ([title] if title else []) + blocks
    return "\n\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------- built-in extractor

_TAG = re.compile(r"<[A-Za-z!/?]")

# Elements whose text is a block of its own (a paragraph of the stored text).
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote li pre dt dd figcaption caption td th div section"
    " article main body tr table ul ol dl figure center address".split()
)
# Elements whose text is no part of the article and that stand as blocks: menus, page
# furniture. A page's <header> is furniture, an article's own (its h1, its byline) is not.
_SKIPPED_BLOCKS = frozenset("head nav header footer aside dialog menu".split())
# ... and inside a paragraph: code, icons, controls (skipped without ending the paragraph).
_SKIPPED_INLINE = frozenset(
    "script style noscript template svg math button select option textarea iframe object"
    " embed canvas audio video".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# an element marked as page furniture by its role, or by a class or id that is one of these
# words (a whole token: "with-sidebar" on a wrapper of the whole page is not one)
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu".split())
_FURNITURE_NAMES = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs cookie-banner cookies share sharing"
    " social social-share related related-articles newsletter subscribe comments sidebar"
    " advert advertisement ad ads promo site-header site-footer".split()
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "og:published_time",
)
MAX_TITLE = 300


class _Extractor(HTMLParser):
    """Blocks of text, each tagged with the ``<article>``/``<main>`` element it stood in
    (0: none), and the page's title, first heading, date, address and site name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int]] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1s: list[tuple[str, int]] = []  # (text, group) of each h1, the first few
        self._h1_text: list[str] = []
        self._buf: list[str] = []
        self._stack: list[tuple[str, int]] = []  # (tag, what it skips: 0, 1 block, 2 inline)
        self._open: Counter[str] = Counter()  # tags open, for stray end tags in O(1)
        self._skip = 0  # open elements whose text is skipped
        self._groups: list[int] = []  # the article/main elements open, innermost last
        self._n_groups = 0
        self._in_title = False
        self._h1 = False  # inside an h1 (its text is a title candidate)
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
            return
        if tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
            return
        if tag == "time" and a.get("datetime") and not self._skip:
            self.meta.setdefault("time", a["datetime"])
        if tag == "br":
            self._flush()
            return
        if tag in _VOID:
            return
        if tag in _SKIPPED_INLINE:
            skips = 2
        elif (
            tag in _SKIPPED_BLOCKS
            and not (tag == "header" and self._groups)
            or tag not in ("article", "main", "body", "html")
            and (
                a.get("role", "").lower() in _FURNITURE_ROLES
                or not _FURNITURE_NAMES.isdisjoint(
                    (a.get("class", "") + " " + a.get("id", "")).lower().split()
                )
            )
        ):
            skips = 1
        else:
            skips = 0
        if tag in _BLOCKS or skips == 1:
            self._flush()
        self._stack.append((tag, skips))
        self._open[tag] += 1
        self._skip += skips > 0
        if tag in ("article", "main"):
            self._n_groups += 1
            self._groups.append(self._n_groups)
        elif tag == "title" and not any(t in ("svg", "math") for t, _ in self._stack):
            self._in_title = True  # (in the head, which is skipped; not an icon's title)
        elif tag == "h1" and not self._skip and len(self.h1s) < 5:
            self._h1 = True
            self._h1_text = []
        elif tag == "pre":
            self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open[tag]:
            return  # a stray end tag
        if tag in _BLOCKS:
            self._flush()
        while self._stack:  # close what the page left open inside it
            t, skips = self._stack.pop()
            self._open[t] -= 1
            self._skip -= skips > 0
            if t in ("article", "main"):
                self._groups.pop()
            elif t == "title":
                self._in_title = False
            elif t == "h1" and self._h1:
                self._end_h1()
            elif t == "pre":
                self._pre -= 1
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        if self._h1:
            self._h1_text.append(data)
        if self._pre and "\n" in data:  # preformatted text keeps its lines
            first, *rest = data.split("\n")
            self._buf.append(first)
            for line in rest:
                self._flush()
                self._buf.append(line)
            return
        self._buf.append(data)

    def _end_h1(self) -> None:
        self._h1 = False
        text = " ".join("".join(self._h1_text).split())
        if text:
            self.h1s.append((text, self._groups[-1] if self._groups else 0))

    def _flush(self) -> None:
        if self._h1:
            self._end_h1()  # (an h1 left open ends with its block)
        text = " ".join("".join(self._buf).split())
        self._buf.clear()
        if text and not self._skip:
            self.blocks.append((text, self._groups[-1] if self._groups else 0))

    def close(self) -> None:
        super().close()
        self._flush()


def extract(html: str) -> dict[str, Any] | None:
    """Title, text (one block a line), date, url and site name of a page, as trafilatura's
    ``bare_extraction`` gives them; None when the page holds no text.

    Only the blocks of the ``<article>`` or ``<main>`` element holding the most text when
    the page has one, else every block outside menus, headers, footers, asides and scripts.

    >>> page = ("<html><head><title>Pier opens | Corvale Herald</title></head><body>"
    ...         "<nav><a href='/'>Home</a></nav><article><h1>Pier opens</h1>"
    ...         "<p>“It is ready,” said Ilsa Brandt.</p></article>"
    ...         "<footer>© Corvale Herald</footer></body></html>")
    >>> got = extract(page)
    >>> got["title"]
    'Pier opens'
    >>> print(got["text"])
    Pier opens
    “It is ready,” said Ilsa Brandt.
    """
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # (a malformed declaration in older Pythons)
        pass
    # the article or main element holding the most text (a page may also hold teaser
    # cards as <article>s), else every block of the page
    size: Counter[int] = Counter()
    for text, group in parser.blocks:
        if group:
            size[group] += len(text)
    best, most = size.most_common(1)[0] if size else (0, 0)
    if most < 0.4 * sum(len(text) for text, _ in parser.blocks):
        best = 0  # (the page's story is not in it: an <article> that is a teaser card)
    blocks = [text for text, group in parser.blocks if group == best or not best]
    if not blocks:
        return None
    m = parser.meta
    # the page's title: its h1 in the story, else the longest of its first h1s (a site's
    # logo may be an h1 too, shorter than a headline)
    h1 = next((t for t, g in parser.h1s if best and g == best), "") or max(
        (t for t, _ in parser.h1s[:3]), key=len, default=""
    )
    title = " ".join((m.get("og:title") or h1 or parser.title).split())[:MAX_TITLE]
    if not (m.get("og:title") or h1):
        # "<title>Pier opens | Corvale Herald</title>": the site's name is no part of it
        title = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", title)[0]
    date = next((m[k] for k in _DATE_META if m.get(k)), None) or m.get("time")
    return {
        "title": title,
        "text": "\n".join(blocks),
        "date": date[:10] if date and re.match(r"\d{4}-\d\d-\d\d", date) else None,
        "url": m.get("og:url") or m.get("canonical"),
        "sitename": m.get("og:site_name"),
    }
