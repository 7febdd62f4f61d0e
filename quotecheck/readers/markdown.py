"""Markdown markup blanked out of a text, every character kept in its place.

A draft written in Markdown names its speakers inside markup: ``**Ilsa Brandt** said``,
``[Tomas Ferreol](https://…) said``, ``- “…,” Brandt said.`` The attribution engine reads
words, and ``**`` or ``](`` between a name and its verb hid the speaker: a quote
attributed to the wrong person passed ``verify`` as "no speaker named". Each markup
character becomes a space (a newline stays a newline), so offsets and line numbers into
the blanked text are those of the draft itself.

Conservative by design: only markup that plain prose does not write (emphasis
that opens and closes around words, links and images written whole, line-opening heading,
list and quote markers, table rules and pipes, inline code ticks, HTML tags). An editor's
``[T]he`` or ``[Valsek]`` in a quote is no link and stays.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^()\n]*\)")
# [words](target "title") and [words][ref]: the words stay, the rest is blanked
_LINK = re.compile(
    r"\[(?P<words>[^\[\]\n]+)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)"
    r"|\[[^\[\]\n]*\])"
)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>")
# **strong**, __strong__, ~~struck~~, *em*, _em_: markers that open before a word and close
# after one ("5 * 3 * 2" and snake_case stay), within _SPAN characters: an opening that
# never closes would otherwise be looked for to the end of its line, and a long line of
# them took minutes (40 KB of "**a ": 78 s)
_SPAN = "{0,300}"
_STRONG = re.compile(r"(\*\*|__|~~)(?=[^\s*_~])([^\n]" + _SPAN + r"?[^\s*_~])\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]" + _SPAN + r"?[^\s*\\])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]" + _SPAN + r"?[^\s_\\])_(?!\w)")
_CODE = re.compile(r"(`+)([^`\n]" + _SPAN + r"?[^`\n])\1")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>|~])")
# a line's opening markers: "## ", "> > ", "- ", "* ", "+ ", "12. ", "3) ", in any nesting
_LINE_START = re.compile(
    r"^[ \t]*(?:(?:>[ \t]?)+|#{1,6}(?=[ \t])|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))"
    r"(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*",
    re.M,
)
_HEADING_OPEN = re.compile(r"\s*#")
_HEADING_CLOSE = re.compile(r"(?<=\S)[ \t]+#+[ \t]*$", re.M)
_RULE = re.compile(
    r"^[ \t]*(?:\|?[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*(?:[-*_][ \t]*){3,}$", re.M
)
_PIPE = re.compile(r"(?<!\\)\|")
_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.M)


def markdown_blanked(text: str) -> str:
    """``text`` with its Markdown markup turned into spaces (same length, same lines).

    >>> markdown_blanked("- **Ilsa Brandt** said [it](https://example.org) *twice*.")
    '    Ilsa Brandt   said  it                        twice .'
    """
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _IMAGE.finditer(text):
        blank(*m.span())
    for m in _LINK.finditer(text):
        if text[m.start() - 1 : m.start()] == "!":
            continue  # an image (blanked above)
        blank(m.start(), m.start("words"))
        blank(m.end("words"), m.end())
    for m in _AUTOLINK.finditer(text):
        blank(*m.span())
    for m in _TAG.finditer(text):
        blank(*m.span())
    for pattern, group in ((_STRONG, 2), (_EM_STAR, 1), (_EM_UNDER, 1), (_CODE, 2)):
        # (on the text as blanked so far: "***x***" is strong around em)
        current = "".join(chars)
        for m in pattern.finditer(current):
            blank(m.start(), m.start(group))
            blank(m.end(group), m.end())
    for m in _RULE.finditer(text):
        blank(*m.span())
    for row in _TABLE_ROW.finditer(text):
        for m in _PIPE.finditer(text, row.start(), row.end()):
            blank(*m.span())
    for m in _LINE_START.finditer(text):
        blank(*m.span())
    for m in _HEADING_CLOSE.finditer(text):
        # (a match at the line's start, not a copy of the rest of the text: that was
        # quadratic, 1.2 s for 1.4 MB)
        if _HEADING_OPEN.match(text, text.rfind("\n", 0, m.start()) + 1):
            blank(*m.span())
    for m in _ESCAPE.finditer(text):
        blank(*m.span())
    return "".join(chars)
