"""Plain data passed between the layers: readers -> analysis -> store -> search.

Offsets are Python ``str`` indices into :attr:`Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("direct", "indirect", "transcript", "record")


@dataclass(slots=True)
class Marked:
    """A piece of text with its offsets (a speaker mention, a cue)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Statement:
    """Something the text says somebody said.

    ``start``/``end`` bound the whole content; ``spans`` are its pieces (a quote
    split by its attribution has two). ``speaker`` is the canonical person, or
    ``None`` when the source is generic ("officials said") or unresolved.
    """

    kind: str
    start: int
    end: int
    spans: list[tuple[int, int]]
    speaker: str | None = None
    mention: Marked | None = None
    cue: Marked | None = None


@dataclass(slots=True)
class Person:
    """A canonical speaker as one document names them."""

    name: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Document:
    """One article, transcript or record, as read from its source.

    ``statements`` holds statements the source itself attributes (transcript
    lines, records with a speaker); the attribution engine adds the rest.
    ``body_start`` is where the text after the headline begins; ``line_base`` is the
    source-file line on which ``text`` starts (records inside a JSONL/CSV file).
    """

    path: str
    text: str
    format: str
    key: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    body_start: int = 0
    line_base: int = 1
    statements: list[Statement] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)


def first_turn_start(statements: list[Statement]) -> int | None:
    """Where the first transcript turn begins (at its label, when it has one); None when
    there is no turn. What comes before it is a transcript's headline and introduction."""
    return min(
        (s.mention.start if s.mention else s.start for s in statements if s.kind == "transcript"),
        default=None,
    )
