"""Word tokens with offsets, and the normalisation every layer agrees on.

>>> [t.norm for t in tokenize("We’ll try, Mr. Lavrov!")]
["we'll", 'try', 'mr', 'lavrov']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word: letters/digits, with inner apostrophes, hyphens, dots or commas in numbers.
_WORD = re.compile(r"\w+(?:[’'\-.,]\w+)*", re.UNICODE)
_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@dataclass(slots=True, frozen=True)
class Token:
    """A word with its offsets in the text it came from."""

    text: str
    start: int
    end: int
    norm: str


def fold(word: str) -> str:
    """Case-fold, unify apostrophes and strip accents: the form words are compared in."""
    w = word.translate(_APOS).casefold()
    if w.isascii():
        return w
    decomposed = unicodedata.normalize("NFKD", w)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into words; offsets index ``text`` itself."""
    out: list[Token] = []
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        # "2021." or "U.S." keep inner dots; a trailing comma/dot was never matched.
        out.append(Token(word, m.start(), m.end(), fold(word)))
    return out


def normalize(text: str) -> str:
    """Words only, folded, single-spaced: for case- and punctuation-blind comparison."""
    return " ".join(t.norm for t in tokenize(text))


STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    also said says say told""".split()
)
