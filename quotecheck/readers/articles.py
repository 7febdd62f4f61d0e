"""Plain-text articles (.txt, .md) and speaker-labelled transcripts.

An article's first non-empty line is its headline (Markdown ``#`` stripped).
Transcripts come in these layouts, detected automatically:

* ``SPEAKER: text`` lines (``HOLT: Good evening.``), as in wire and broadcast transcripts;
* ``Name Surname: text`` labels, as in web transcripts, where the label may carry a role
  or a time stamp (``Ilsa Brandt (Moderator): (00:01:12)`` on its own line, the words
  below it);
* either of those after a time stamp (``[00:00:12] Ilsa Brandt: ...``, ``00:00:12 ILSA
  BRANDT: ...``); a part with the name in parentheses (``MODERATOR (PETRA DORN):``) is
  that person's label;
* ``Ilsa Brandt  0:04`` on its own line, the words below it, as Otter exports them;
* the congressional record and hearings: ``The CHAIRMAN. The committee will come to
  order.``, ``Mr. VALSEK. Thank you.``, ``Senator BRANDT. ...`` (the speaker is the
  surname, ``Valsek``, which the attribution engine may give its full name);
* in all of them, a question or answer with no colon (``Q    Thank you.`` as in White
  House briefings, ``Q. Where were you?`` / ``A. At home.`` as in court), a label in
  Markdown bold (``**Ilsa Brandt:**``), an upper-case label alone on its line;
* ``line<TAB>SPEAKER<TAB>text[<TAB>...]`` rows, as in the CLEF CheckThat! debates.

In the labelled layouts a turn runs on over the following lines until the next label,
and every line of it is a statement of its speaker. Stage directions (``(APPLAUSE)``,
``[crosstalk 00:12:31]``), alone on a line or inside one, are no one's words, nor are
lines that only give the time (``END  1:35 P.M.``) or the dashes of an interruption.
Labels that name no one (``QUESTION``, ``Q``, ``Audience Member``, ``Speaker 2``) keep
the label as the mention and have no speaker, like a generic source in an article; a
transcript whose only labels are ``Speaker 1``, ``Speaker 2``... is still one. A label
that gives a part (``MODERATOR:``, ``The CHAIRMAN.``) is the person the transcript says
plays it, in a label, its header (``MODERATOR: Petra Dorn, Corvale Radio``), its
introduction (``moderated by Petra Dorn``) or the part's first turn (``I'm Petra Dorn``).
In a transcript in upper and lower case a line in capitals (``DIRECT EXAMINATION``) is a
heading that ends the turn.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from quotecheck.errors import InputError
from quotecheck.labels import GENERIC, STAGE, speaker_name, speaks
from quotecheck.model import Document, Marked, Statement
from quotecheck.readers.decode import decode_or_error

# Capital letters of names in labels: Latin with its accents ("ÉLODIE", "VALŠEK"),
# Greek, Cyrillic.
_U = (
    "A-Z"
    + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
    + "\u0391-\u03a9\u0400-\u042f"
)
# Before a label: a caption's turn marker (">> BRANDT:") and a time stamp ("[00:00:12]
# Ilsa Brandt:", "(01:02:03) BRANDT:").
_TIME = r"[(\[]\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[)\]]"  # "(00:12)", "[01:02:03.5]"
# An unbracketed stamp must have hours, minutes and seconds ("00:01:23 Ilsa Brandt:"), so
# a live blog's "10:32 Brandt: ..." is not taken for one.
# A court reporter's line number comes first, set off by a tab or two spaces ("12   Q.").
_LINE_NO = r"(?:\d{1,2}(?:\t|[ \t]{2,}))"
_LEAD_STAMP = _LINE_NO + r"?(?:>>?[ \t]*)?(?:" + _TIME + r"[ \t]*|\d{1,2}:\d{2}:\d{2}[ \t]+)?"
# The label, then maybe who it is in parentheses ("MODERATOR (PETRA DORN):", "SEN. ILSA
# BRANDT (D-CORVALE):"), then maybe a role after a comma, as broadcast transcripts write
# it ("PETRA DORN, CORVALE NEWS ANCHOR:", "TOMAS FERREOL (D), MAYORAL CANDIDATE:"): the
# role is no part of the name.
_MD = r"(?:\*\*|__|\*|_)?"  # Markdown emphasis around a label: "**Ilsa Brandt:**"
_LABEL = re.compile(
    r"^[ \t]*"
    + _LEAD_STAMP
    + _MD
    + f"([{_U}][{_U}0-9 .'’#\\-]{{0,38}}[{_U}0-9.]|[{_U}])"
    + r"(?:[ \t]*\[[\d:.,]{4,12}\])?"
    r"(?:[ \t]*\(([^()\n]{1,40})\))?"
    + f"(?:,[ \t]*([{_U}][{_U}0-9 .,'’&/()#\\-]{{0,60}}?))?"
    # a broadcast transcript's note after the role: "..., CORRESPONDENT (voice-over):"
    + r"(?:[ \t]*\((?i:voice[ \t-]?over|on[ \t-]camera|off[ \t-]camera|via[ \t][^()\n]{1,20}|"
    r"through[ \t]+(?:an[ \t]+)?(?:interpreter|translator)|translated)\))?"
    + _MD
    + r"[ \t]*:(?!(?<=\d:)\d)"
    + _MD
    + r"[ \t]*(?=\S|$)",
    re.M,
)
# "Ilsa Brandt:", "Mr. Ferreol:", "Ondra Valsek (Moderator):", "Speaker 2:": one to five
# capitalised words (name particles allowed), an optional parenthesis, then a colon not
# followed by a digit or a slash ("Time: 12:30", "http://"). After a name of two words or
# more, a role may follow a comma ("Ilsa Brandt, Mayor of Corvale:"); not after one word
# ("However, the report adds:").
_NAME_LABEL = re.compile(
    r"^[ \t]*"
    + _LEAD_STAMP
    + _MD
    + r"((?:The(?:[ \t]+[\w'’.\-]+){1,8}(?=[ \t]*\([^()\n]{1,40}\)[ \t]*:))|"
    + f"[{_U}][\\w'’.\\-]*(?:[ \t]+(?:[{_U}][\\w'’.\\-]*|"
    + r"\d{1,2}|d[aeiu]|de[ls]|van|von|der|al|bin|la|le)){0,4})"
    r"(?:[ \t]*\[[\d:.,]{4,12}\])?[ \t]*(?:\(([^()\n]{1,40})\))?"
    r"(?:[ \t]*\([^()\n]{1,30}\))?"  # Hansard's party: "Ilsa Brandt (Corvale North) (Lab):"
    r"(?:,[ \t]*([^\W\d_][\w'’.\-&]*(?:[ \t]+[\w'’.\-&]+){0,6}))?"
    + _MD
    + r"[ \t]*:(?![/\d])"
    + _MD
    + r"[ \t]*",
    re.M,
)
# "Q    Thank you." as White House transcripts write it, "Q. Where were you?" / "A. At
# home." as court transcripts do: a question or answer label with no colon, set off by a
# period, a tab or two spaces or more; a question by one space before a capital ("Q Thank
# you.", as copies of briefings write it; not "A New Study").
_BARE_QA = re.compile(
    r"^[ \t]*" + _LEAD_STAMP + _MD + r"(Q|A)(?:\.[ \t]+|\t|[ \t]{2,})" + _MD + r"[ \t]*(?=\S)",
    re.M,
)
_BARE_Q = re.compile(r"^[ \t]*" + _LEAD_STAMP + r"(Q)[ \t](?=[A-Z\"“])", re.M)
# "Ilsa Brandt  0:04" on its own line, the words below it, as Otter writes a transcript
# ("[Ilsa Brandt] 10:01:23" as Zoom does).
_STAMPED_NAME = re.compile(
    f"^[ \t]*\\[?([{_U}][\\w'’.\\-]*(?:[ \t]+(?:[{_U}][\\w'’.\\-]*|\\d{{1,2}})){{0,4}})\\]?"
    r"[ \t]+[(\[]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[)\]]?[ \t]*$",
    re.M,
)
# ... or the time first, as Descript and some podcast hosts write it: "00:01:23 Petra Dorn",
# "[01:23] Petra Dorn" on its own line, the words below it.
_STAMP_NAME = re.compile(
    r"^[ \t]*[(\[]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[)\]]?[ \t]+"
    f"\\[?([{_U}][\\w'’.\\-]*(?:[ \t]+(?:[{_U}][\\w'’.\\-]*|\\d{{1,2}})){{0,4}})\\]?[ \t]*$",
    re.M,
)
# A label alone on its line with no colon but a parenthesis or two, the words below it, as
# Hansard prints it: "Ilsa Brandt (Corvale North) (Lab)", "The Minister for Harbours
# (Tomas Ferreol)" (after a part beginning "The", the name in parentheses is the speaker);
# or a name and its time stamp ("Ilsa Brandt (00:01:23)").
_PAREN_LINE = re.compile(
    f"^[ \t]*((?:The(?:[ \t]+[\\w'’.\\-]+){{1,8}})|[{_U}][\\w'’.\\-]*(?:[ \t]+[{_U}][\\w'’.\\-]*){{0,4}})"
    + r"[ \t]*\(([^()\n]{1,60})\)(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*$",
    re.M,
)
# ... and, there, a name alone on its line ("Ilsa Brandt") once the transcript has given
# it as a label (see :func:`_turns`); a heading ("Harbour Safety") is none, and ends the
# turn before it.
# ... and, once is enough, the chair of a parliament: "Mr Speaker", "Madam Deputy Speaker".
_PRESIDING = re.compile(
    r"(?:Mr|Madam|Madame|Mister)[ \t]+(?:Deputy[ \t]+)?(?:Speaker|President|Chairman|Chair)"
)
_BARE_NAME = re.compile(
    f"^[ \t]*(?:\\*\\*|__)?([{_U}][\\w'’\\-]+(?:[ \t]+[{_U}][\\w'’\\-]+){{1,3}})"
    + r"(?:\*\*|__)?[ \t]*$",  # (in Markdown bold too: "**Ilsa Brandt**")
    re.M,
)
# A WebVTT cue's voice: "<v Ilsa Brandt>Good evening.</v>".
_VOICE = re.compile(r"^[ \t]*<v(?:\.[\w.\-]+)*[ \t]+([^<>\n]{1,60})>[ \t]*", re.M)
# The congressional record and hearing transcripts: "Mr. VALSEK. Thank you, Madam Chair.",
# "The CHAIRMAN. The committee will come to order.", "Senator DORN. ...", "Ms. JACKSON
# LEE. ...", "Mr. SMITH of Velmark. ...": a title, the surname in capitals (a "Mc", "De",
# "La" before it in lower case), a period, the words. Printed hearings write the same
# labels in upper and lower case ("The Chairman. ...", "Senator Dorn. ...").
_UPPER_NAME = (
    r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|St\.[ \t]?)?"
    + f"[{_U}][{_U}'’\\-]+"
    + r"|(?!(?:Chairman|Chairwoman|Chair|President|Speaker)\b)"
    + f"[{_U}][a-z'’\\-]+(?:[{_U}][a-z]+)?"
)
_MIXED_PART = (
    r"The[ \t]+(?:(?:Acting|Vice)[ \t]+)?(?:Chairman|Chairwoman|Chairperson|Chair)"
    r"|The[ \t]+(?:Clerk|Presiding[ \t]+Officer|Speaker(?:[ \t]+pro[ \t]+tempore)?|Witness|"
    r"Court|President|Vice[ \t]+President|Secretary|Interpreter|Moderator)"
)
_TITLE = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Col|Hon|Amb|Prof)\.|Miss|Madam|Senator|"
    r"Representative|Congressman|Congresswoman|Delegate|Chairman|Chairwoman|Chair|"
    r"Secretary|Governor|General|Admiral|Colonel|Ambassador|Director|Commissioner|Judge|"
    r"Justice|Mayor|Professor|Councillor|Councilman|Councilwoman|Minister|Leader|"
    r"Vice[ \t]+Chairman|Vice[ \t]+Chair|Ranking[ \t]+Member"
)
_RECORD_LABEL = re.compile(
    r"^[ \t]*"
    + _LEAD_STAMP
    + f"(?P<label>(?P<part>The[ \t]+[{_U}]{{2,}}(?:[ \t]+[{_U}]{{2,}}){{0,3}}"
    + r"(?:[ \t]+pro[ \t]+tempore)?|"
    + _MIXED_PART
    + r")|(?:"
    + _TITLE
    + r")[ \t]+(?P<name>(?:"
    + _UPPER_NAME
    + r")(?:[ \t]+(?:"
    + _UPPER_NAME
    + r")){0,2})"
    + r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?)\.[ \t]+(?=\S)",
    re.M,
)
# Labels that give a part, not a person: with a name in parentheses ("MODERATOR (PETRA
# DORN):", "Host (Ilsa Brandt):") the name is the speaker.
_PARTS = frozenset(
    "MODERATOR CO-MODERATOR HOST CO-HOST ANCHOR PANELIST CHAIR CHAIRMAN CHAIRWOMAN"
    " CHAIRPERSON PRESENTER INTERVIEWER GUEST".split()
)
_PAREN_NAME = re.compile(r"[^\W\d_][\w.'’]*(?:[ \t]+[^\W\d_][\w.'’]*){1,3}")


def _who(m: re.Match[str]) -> tuple[str, tuple[int, int]]:
    """The label of a turn and its span: the name in parentheses after a part
    ("MODERATOR (PETRA DORN)" -> "PETRA DORN"), else the label itself."""
    head, paren = m.group(1), m.group(2) if m.re.groups >= 2 else None
    if (
        paren is not None
        and (
            head.strip().upper() in _PARTS
            or GENERIC.fullmatch(head.strip().upper())
            or (m.re in (_PAREN_LINE, _NAME_LABEL) and head.startswith("The "))
        )
        and _PAREN_NAME.fullmatch(paren.strip())
    ):
        a = m.start(2) + (len(paren) - len(paren.lstrip()))
        return paren.strip(), (a, a + len(paren.strip()))
    return head, m.span(1)


TAB_ROW = re.compile(r"^[ \t]*\d+\t([^\t\n]{1,60})\t([^\t\n]*)", re.M)
# A time stamp opening a line: "(00:12)", "[01:02:03]".
_STAMP = re.compile(r"[ \t]*" + _TIME + r"[ \t]*")
# A line that is only a stage direction: "(APPLAUSE)", "[crosstalk 00:12:31]".
_DIRECTION = re.compile(r"[ \t]*[(\[][^()\[\]\n]{1,60}[)\]][ \t.]*")
_LINE = re.compile(r"[^\n]+")
# A transcriber's note inside a line: in brackets or parentheses, a note that opens with
# a word of the trade ("[inaudible 00:03:12]", "(Applause.)", "(LAUGHTER)", "(through
# interpreter)", "Valsek (ph)", "[Whereupon, the committee recessed.]") or a time stamp
# ("[00:03:12]"); not "(in 2019)", "(NATO)" or an editor's "[the]", "[financial reform]".
_NOTE = (
    r"(?i:applause|laughter|laughs|laughing|chuckles|crosstalk|cross-talk|cross talk|"
    r"inaudible|unintelligible|indiscernible|booing|boos|cheering|cheers|sighs|coughs|pause|"
    r"pauses|silence|music|bell|gavel|recess|whereupon|commercial break|technical|"
    r"interruption|interposing|overlapping|simultaneous|off[- ]mic|off[- ]camera|ph|"
    r"phonetic|sp|(?:begin|end)(?:[ \t]+of)?[ \t]+(?:video|audio|clip|tape|videotape|"
    r"recording|excerpt)|video clip|audio clip|sound ?bite|speaking[ \t]+(?:in|foreign)\b|"
    r"through[ \t]+(?:an[ \t]+)?(?:interpreter|translator|translation)|"
    r"via[ \t]+(?:phone|telephone|video|satellite|translator|interpreter))\b"
    r"|\d{1,2}:\d{2}\b"
    r"|(?:[Ss]peaking|SPEAKING)[ \t]+[A-Z]"  # "(Speaking Norvanian)"
)
_INLINE_DIRECTION = re.compile(
    r"[ \t]*(?:<[^<>\n]{1,60}>|\[(?:"
    + _NOTE
    + r")[^\[\]\n]{0,200}\]|\((?:"
    + _NOTE
    + r")[^()\n]{0,60}\))[ \t]*"
)
# A line that is no one's words: only a time ("1:12 P.M.", "END   1:35 P.M. EDT") or no
# word at all ("* * *", "--").
_FURNITURE = re.compile(
    r"[ \t]*(?:END\b[ \t.]*)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?"
    r"(?:[ \t]+[A-Z]{2,4})?)?[ \t.]*|[^\w\n]*"
)
# A subtitle cue's number or timing on a line of its own ("12", "00:00:01.000 -->
# 00:00:04.000 align:start"); after a label on its line, "40" is an answer.
_CUE = re.compile(r"[ \t]*\d+[ \t]*|[ \t]*[\d:.,]{4,12}[ \t]+-->[ \t]+[\d:.,]{4,12}[^\n]*")
# A heading: capitals, no lower-case letter, no closing punctuation ("DIRECT EXAMINATION").
_HEADING = re.compile(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*(?<![.?!…\"”'’)\]\-—–:])[ \t]*")
# A line break inside a sentence: the end of one line, the next opening in lower case.
_WRAPPED = re.compile(r"[ \t]*\n")
# A numbered line of a court reporter's transcript: its number, then the line.
_NUMBERED_LINE = re.compile(r"[ \t]*" + _LINE_NO)
# A turn's dangling interruption marks: "-- to the coast", "we will build it --".
_DASHES = "-—–"


class _Turn(NamedTuple):
    """A labelled turn: where its label line begins, where its words begin, the label as
    written (the mention) and whose words they are (None: a generic label)."""

    at: int
    body: int
    mention: tuple[int, int]
    speaker: str | None
    stage: bool = False
    part: str | None = None  # "MODERATOR", "CHAIR": the part the label gives
    named: bool = False  # ... and the label names who plays it ("MODERATOR (PETRA DORN)")


_COURTESY = re.compile(r"(?i:mr|mrs|ms|miss|mx|dr)\.?[ \t]+([^\W\d_][\w'’\-]*)")
# ... and an office before a surname ("MAYOR BRANDT:", "SEN. DORN:", "President Valsek:"):
# the speaker is the surname, whom the engine may give the full name the text gives them.
_TITLED = re.compile(
    r"(?i:mayor|senator|sen|rep|representative|congressman|congresswoman|gov|governor|"
    r"(?:vice[ \t]+)?president|prime[ \t]+minister|minister|secretary|chancellor|premier|"
    r"councillor|councilor|councilman|councilwoman|alderman|judge|justice|prof|professor|"
    r"gen|general|col|colonel|adm|admiral|amb|ambassador|commissioner|sheriff|rev|reverend)"
    r"\.?[ \t]+([^\W\d_][\w'’\-]*)"
)


def _label_turn(m: re.Match[str]) -> _Turn | None:
    """The turn a label match opens, or None for a label of an article's furniture."""
    if m.re is _RECORD_LABEL:
        part, name = m.group("part"), m.group("name")
        # "The CHAIRMAN", or the title of "Chairman DORN"
        role = _part_of(" ".join(part.split()[1:]) if part else m.group("label").split()[0])
        return _Turn(
            m.start(), m.end(), m.span("label"), speaker_name(name or part), False, role, bool(name)
        )
    head = m.group(1)
    if not speaks(head):
        return None
    if m.re is _NAME_LABEL and m.group(3) is not None and len(head.split()) < 2:
        return None  # "However, the report adds:"
    label, span = _who(m)
    upper = label.strip().upper()
    # "MR. VALSEK" is Valsek, whom the engine may give the full name the text gives him
    courtesy = _COURTESY.fullmatch(label.strip()) or _TITLED.fullmatch(label.strip())
    name = courtesy.group(1) if courtesy else label.strip()
    speaker = None if GENERIC.fullmatch(upper) else speaker_name(name)
    # the part: the label's ("MODERATOR", "MODERATOR (PETRA DORN)") or its role's ("PETRA
    # DORN, DEBATE MODERATOR", "Petra Dorn (Moderator)")
    role = m.group(3) if m.re.groups >= 3 else None
    paren = m.group(2) if m.re.groups >= 2 else None
    part = _part_of(head)
    if part is None and role:
        part = _part_of(role.split()[-1])
    if part is None and paren and paren.split():  # "Petra Dorn (Moderator):"
        part = _part_of(paren.split()[-1])
    named = label != head or not _part_of(head)
    if _NUMBERED.fullmatch(" ".join(upper.split())):
        # "Speaker 2", a person a transcription service could not name: who says "I'm
        # Petra Dorn" in their first turn (see _name_parts)
        part, named = " ".join(upper.split()), False
    return _Turn(m.start(), m.end(), span, speaker, upper in STAGE, part, named)


_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "label": (_LABEL, _BARE_QA, _BARE_Q),
    "name": (
        _NAME_LABEL,
        _STAMPED_NAME,
        _STAMP_NAME,
        _PAREN_LINE,
        _BARE_NAME,
        _VOICE,
        _BARE_QA,
        _BARE_Q,
    ),  # fmt: skip
    "record": (_RECORD_LABEL, _BARE_QA, _BARE_Q),
}


# Which lines can a label of some layout open?  Most lines of an article have no colon,
# and three patterns need one; two others must match the whole line (it must end in a
# parenthesis, or hold four words at most), and the WebVTT voice needs "<v". (An
# alternation of the patterns, one regex call a line, cost as much to run as the calls
# it replaced, and 10 to 23 ms to compile at every start.)
_NEEDS_COLON = (_LABEL, _NAME_LABEL, _STAMPED_NAME, _STAMP_NAME)
_GATED = (_PAREN_LINE, _BARE_NAME, _VOICE)
_ALL_LABELS = tuple(dict.fromkeys(p for ps in _PATTERNS.values() for p in ps))
_OTHER_LABELS = tuple(p for p in _ALL_LABELS if p not in _NEEDS_COLON + _GATED)


# (bound methods tried in a loop: any() over a generator made detect_transcript cost 12%
# more instructions on articles, whose lines seldom match)
_OTHER_MATCH = tuple(p.match for p in _OTHER_LABELS)
_COLON_MATCH = tuple(p.match for p in _NEEDS_COLON)


def _may_open_label(line: str) -> bool:
    """Does a pattern of some layout match at the start of ``line`` (one line, no line
    break)?  As ``any(p.match(line) for p in _ALL_LABELS)``, with fewer regex calls."""
    for match in _OTHER_MATCH:
        if match(line) is not None:
            return True
    if ":" in line:
        for match in _COLON_MATCH:
            if match(line) is not None:
                return True
    return (
        (line.rstrip(" \t").endswith(")") and _PAREN_LINE.match(line) is not None)
        or ("<v" in line and _VOICE.match(line) is not None)
        or (len(line.split(None, 4)) <= 4 and _BARE_NAME.match(line) is not None)
    )


def _turns(text: str, layout: str) -> list[_Turn]:
    """The turns of a labelled layout, in order (one label per line)."""
    found: dict[int, _Turn] = {}
    for pattern in _PATTERNS.get(layout, _PATTERNS["label"]):
        for m in pattern.finditer(text):
            if m.start() not in found and (t := _label_turn(m)) is not None:
                found[m.start()] = t
    turns = [found[at] for at in sorted(found)]
    if layout == "name":
        # a bare name is a label when the transcript gives it as one at least twice, in
        # any form ("Ilsa Brandt (Corvale North) (Lab)", then "Ilsa Brandt")
        given: dict[str, int] = {}
        for t in turns:
            if t.speaker:
                given[t.speaker.casefold()] = given.get(t.speaker.casefold(), 0) + 1
        turns = [
            t._replace(stage=True)  # a heading: the turn before it is over
            if _BARE_NAME.fullmatch(text, t.at, t.body)
            and given.get((t.speaker or "").casefold(), 0) < 2
            and not _PRESIDING.fullmatch(text, t.mention[0], t.mention[1])
            else t
            for t in turns
        ]
    # "First: we rebuild the pier." inside a turn: a one-word label used once, its words
    # opening in lower case, is the speaker's own
    seen: dict[str, int] = {}
    for t in turns:
        key = text[t.mention[0] : t.mention[1]].casefold()
        seen[key] = seen.get(key, 0) + 1
    turns = [
        t
        for t in turns
        if not (
            text[t.body : t.body + 1].islower()
            and seen[text[t.mention[0] : t.mention[1]].casefold()] == 1
            and len(text[t.mention[0] : t.mention[1]].split()) == 1
        )
    ]
    # a headline with a colon ("The Harbour Hour, episode 12: the north pier", "Interview:
    # Ilsa Brandt on the harbour"): the first line, a label used once, words that end no
    # sentence, more turns after it
    if len(turns) > 1 and not text[: turns[0].at].strip():
        first = turns[0]
        line_end = text.find("\n", first.body)
        words = text[first.body : line_end if line_end >= 0 else len(text)].rstrip()
        if (
            seen[text[first.mention[0] : first.mention[1]].casefold()] == 1
            and words
            and words[-1] not in '.?!…"”’)]*_'
        ):
            turns = turns[1:]
    return _examinations(text, _name_parts(text, turns))


# A court transcript's examination: "BY MR. VALSEK:" alone on its line says who asks the
# questions ("Q.") that follow; "TAMSIN ORREL, called as a witness, having been duly
# sworn, testified as follows:" says who answers them ("A.").
# The heading may carry it: "DIRECT EXAMINATION BY MR. VALSEK:", "CROSS-EXAMINATION BY MS.
# BRANDT:". The witness may be called instead of sworn in the transcript's words: "The
# defence calls Petra Dorn.", "The State calls its next witness, Tamsin Orrel."
_EXAMINER = re.compile(
    r"(?:(?:(?:RE-?)?DIRECT|(?:RE-?)?CROSS|FURTHER(?:[ \t]+(?:RE-?)?(?:DIRECT|CROSS))?)"
    r"[ \t-]*)?(?:EXAMINATION[ \t]+)?BY[ \t]+(.+)",
    re.I,
)
_CALLS = re.compile(
    r"\b(?:[Cc]alls|[Rr]ecalls|[Ww]e[ \t]+(?:re)?call)[ \t]+"
    r"(?:(?:its|our|the|her|his|their)[ \t]+(?:(?:next|first|last|final)[ \t]+)?witness,?[ \t]+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?"
    r"(" + r"[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){1,2}" + r")"
    r"(?=[ \t]*(?:[.,;]|$|to[ \t]+the[ \t]+stand))",
    re.M,
)
# The formula takes other words too: "PETRA DORN, a witness called on behalf of the
# defence, being first duly sworn, testified ...", "PETRA DORN, sworn.", "Petra Dorn,
# affirmed:", "PETRA DORN (sworn)".
_SWORN = re.compile(
    r"^[ \t]*(?:"
    + _LINE_NO
    + r")?"
    + f"([{_U}][\\w'’.\\-]*(?:[ \t]+[{_U}][\\w'’.\\-]*){{0,4}})"
    + r"(?:,[ \t]*(?i:called[ \t]+as[ \t]+a[ \t]+witness|(?:[^\n]{0,120}?[ \t])?"
    r"(?:having[ \t]+been|was|being)[ \t]+(?:first[ \t]+)?(?:duly[ \t]+)?(?:sworn|affirmed)"
    r"|(?:duly[ \t]+)?(?:sworn|affirmed))\b(?![ \t]+in\b)"
    r"|[ \t]*\((?i:(?:duly[ \t]+)?(?:sworn|affirmed))\))",
    re.M,
)


def _examinations(text: str, turns: list[_Turn]) -> list[_Turn]:
    """Questions and answers of a court examination are the examiner's and the witness's
    (see above), when the transcript says who they are; else they stay no one's."""
    out = []
    examiner: str | None = None
    witness: str | None = None
    prev = 0
    for i, t in enumerate(turns):
        introduced = [*_SWORN.finditer(text, prev, t.at), *_CALLS.finditer(text, prev, t.at)]
        if introduced:
            last = max(introduced, key=lambda m: m.start())
            witness = speaker_name(last.group(1).strip())
        prev = t.body
        end = turns[i + 1].at if i + 1 < len(turns) else len(text)
        label = text[t.mention[0] : t.mention[1]]
        by = _EXAMINER.fullmatch(label)
        if by is not None and not text[t.body : end].strip():
            courtesy = _COURTESY.fullmatch(by.group(1).strip())
            examiner = speaker_name(courtesy.group(1) if courtesy else by.group(1).strip())
            out.append(t._replace(stage=True))
            continue
        if t.speaker is None and label in ("Q", "A"):
            t = t._replace(speaker=examiner if label == "Q" else witness)
        elif witness is not None and " ".join(label.upper().split()) == "THE WITNESS":
            t = t._replace(speaker=witness)  # the witness speaking to the court
        out.append(t)
    return out


# Parts a label may give instead of a name, by the words that name them.
_PART_WORDS = {
    "MODERATOR": "MODERATOR", "CO-MODERATOR": "CO-MODERATOR", "HOST": "HOST",
    "CO-HOST": "CO-HOST", "ANCHOR": "ANCHOR", "PRESENTER": "PRESENTER",
    "INTERVIEWER": "INTERVIEWER", "CHAIR": "CHAIR", "CHAIRMAN": "CHAIR",
    "CHAIRWOMAN": "CHAIR", "CHAIRPERSON": "CHAIR", "PRESIDING": "CHAIR",
    "PRESIDING OFFICER": "CHAIR", "GUEST": "GUEST",
}  # fmt: skip


def _part_of(word: str) -> str | None:
    return _PART_WORDS.get(word.strip().upper())


# Who plays a part, as the text before the first turn says it: "moderated by Petra Dorn",
# "Moderator: Petra Dorn", "the host, Petra Dorn", "Petra Dorn, the moderator", "Petra
# Dorn (moderator)", "Hon. Petra Dorn [chairwoman of the committee] presiding"; and as the
# part's own first turn says it: "I'm Petra Dorn".
# "Dorn", "O'Dorn", "McDorn", "Anne-Marie" (not "Dorn's")
_WORD = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
_NAME = _WORD + r"(?:[ \t]+[A-Z]\.)?(?:[ \t]+" + _WORD + r"){1,2}(?![\w'’\-])"
_NOUN = r"(?i:co-moderator|moderator|co-host|host|chairman|chairwoman|chairperson|chair|anchor|presenter|interviewer|guest)"
_HONORIFIC = r"(?:(?:Hon|Mr|Mrs|Ms|Dr|Sen|Rep)\.|Senator|Representative)[ \t]+"
_INTRODUCED = (
    re.compile(
        r"\b(?i:(?P<verb>moderated|co-hosted|hosted|chaired|anchored|presented|interviewed))"
        r"[ \t]+by[ \t]+(?:" + _HONORIFIC + r")?(?P<name>" + _NAME + r")"
        r"(?![ \t]*(?:,|and\b|&))",  # not one of two: "moderated by X and Y"
    ),
    re.compile(
        r"\b(?P<noun>"
        + _NOUN
        + r")\b[,:]?[ \t]+(?:(?:today|tonight|this[ \t]+(?:week|morning|evening))[ \t]+)?"
        + r"(?:is[ \t]+|was[ \t]+)?(?:"
        + _HONORIFIC
        + r")?(?P<name>"
        + _NAME
        + r")"
    ),
    re.compile(
        r"(?P<name>" + _NAME + r")[ \t]*(?:,[ \t]*(?:the[ \t]+|our[ \t]+)?|\([ \t]*|\[[ \t]*)"
        r"(?:[A-Z][\w'’\-]*[ \t]+){0,3}(?P<noun>" + _NOUN + r")\b"
        r"(?![ \t]+(?!of\b)[a-z])"  # not "Kessel Arena, the host city"
    ),
    re.compile(
        r"(?P<name>" + _NAME + r")[ \t]*(?:\[[^\]\n]{0,60}\][ \t]*|\([^)\n]{0,60}\)[ \t]*|,[ \t]*)?"
        r"(?P<noun>presiding)\b"
    ),
)
_HEADER_NAME = re.compile(
    r"(?:" + _HONORIFIC + r")?(?P<name>" + _NAME + r")"
    r"(?:[ \t]*(?:,[^.?!\n]{0,60}|\([^()\n]{0,60}\)))?[ \t.]*"
)
_SELF = re.compile(r"\b(?:I['’]m|I am|[Mm]y name is)[ \t]+(?P<name>" + _NAME + r")")
_VERB_PART = {
    "MODERATED": "MODERATOR", "CO-HOSTED": "CO-HOST", "HOSTED": "HOST", "CHAIRED": "CHAIR",
    "ANCHORED": "ANCHOR", "PRESENTED": "PRESENTER", "INTERVIEWED": "INTERVIEWER",
}  # fmt: skip


def _name_parts(text: str, turns: list[_Turn]) -> list[_Turn]:
    """A label that gives only a part ("MODERATOR:", "The CHAIRMAN.", "Speaker 2:") is
    the person the transcript says plays it: a label that named them ("MODERATOR (PETRA
    DORN):" before), the introduction ("moderated by Petra Dorn") or the part's first
    turn ("I'm Petra Dorn"), when all of these name one person and no other."""
    bare = {t.part for t in turns if t.part and not t.named}
    if not bare:
        return turns
    names: dict[str, set[str]] = {}
    # a transcript's header: "MODERATOR: Petra Dorn, Corvale Radio" before any turn says
    # who plays the part; it is no one's words
    turns = list(turns)
    for i, t in enumerate(turns):
        end = turns[i + 1].at if i + 1 < len(turns) else len(text)
        m = _HEADER_NAME.fullmatch(text[t.body : end].strip())
        if not t.part or t.named or m is None:
            break
        turns[i] = t._replace(stage=True)
        names.setdefault(t.part, set()).add(m.group("name"))
    for t in turns:
        if t.part in bare and t.named and t.speaker:
            names.setdefault(t.part, set()).add(t.speaker)
    first = turns[0].at
    # (a guest is introduced by the host, in the turns before the guest's first: "my guest
    # today is Tomas Ferreol")
    guest_at = next((t.at for t in turns if t.part == "GUEST" and not t.named), first)
    for pattern in _INTRODUCED:
        for m in pattern.finditer(text, 0, max(first, guest_at)):
            word = m.groupdict().get("verb") or m.group("noun")
            part = _VERB_PART.get(word.upper()) or _part_of(word)
            if part in bare and (m.start() < first or part == "GUEST"):
                names.setdefault(part, set()).add(m.group("name"))
    for i, t in enumerate(turns):
        if t.part in bare and not t.named and not t.stage:
            end = turns[i + 1].at if i + 1 < len(turns) else len(text)
            me = _SELF.search(text, t.body, min(end, t.body + 300))
            if me is not None:
                names.setdefault(t.part, set()).add(me.group("name"))
            bare.discard(t.part)  # only the first turn of the part
    out = []
    for t in turns:
        who = names.get(t.part or "")
        if t.part and not t.named and who is not None and len({_fold(n) for n in who}) == 1:
            t = t._replace(speaker=speaker_name(min(who)))
        out.append(t)
    return out


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _line_label(patterns: tuple[re.Pattern[str], ...], line: str) -> str | None:
    """The speaker label opening ``line`` in a layout, if one does."""
    for pattern in patterns:
        m = pattern.match(line)
        if m is not None and (t := _label_turn(m)) is not None:
            return line[t.mention[0] : t.mention[1]]
    return None


def _nonblank_lines(text: str) -> list[str]:
    return [ln for ln in text[:200_000].splitlines() if ln.strip()]


# Captions: a WebVTT file's first line ("WEBVTT", "WEBVTT - Corvale council") or a SubRip
# file's first cue ("1" then "00:00:01,000 --> 00:00:04,000"), a byte-order mark or blank
# lines before it.
_CAPTIONS = re.compile(
    r"\ufeff?\s*(?:WEBVTT(?![^\s\-])|\d+[ \t]*\r?\n[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}[ \t]+-->)"
)


def _caption_layout(text: str) -> str | None:
    """The layout of captions with speakers: WebVTT voices ("<v Ilsa Brandt>") however few
    the cues, or labels ("BRANDT: ...", "Ilsa Brandt: ...") opening at least two caption
    lines and a fifth of them (the cue numbers and timings are no lines of words). A clip
    of two cues, two voices, is as much a transcript as a long one."""
    if text.lstrip("\ufeff \t\r\n").startswith("WEBVTT") and _VOICE.search(text) is not None:
        return "name"
    words = [
        ln
        for ln in _nonblank_lines(text)
        if not _CUE.fullmatch(ln) and not ln.startswith(("WEBVTT", "\ufeffWEBVTT"))
    ]
    candidates = [ln for ln in words if _may_open_label(ln)]
    for layout in ("label", "name"):
        labels = _labels(candidates, layout)
        if len(labels) >= 2 and len(labels) >= 0.2 * len(words) and _names_someone(labels):
            return layout
    return "captions"  # no speaker named: each caption is someone's words (see below)


def detect_transcript(text: str) -> str | None:
    """``"tab"``, ``"label"`` or ``"name"`` when the text is a speaker-labelled
    transcript, else None.

    Upper-case labels on most lines make a transcript. Otherwise labels must open at least
    three lines and a fifth of them, and most turns must be by speakers who take more than
    one: an article with a "NOTE:" or "Update:" line, or a list of "Name: role" lines
    naming each person once, stays an article. A "Q:"/"A:" interview is a transcript
    whose labels name no one (its answers go to the person it introduces, if one).

    >>> detect_transcript("ILSA BRANDT: Hello.\\nTOMAS FERREOL: Hi.\\n")
    'label'
    >>> detect_transcript("Update: the vote is on Monday.\\n\\nThe council met in Corvale.\\n")
    """
    if _CAPTIONS.match(text) is not None:
        return _caption_layout(text)
    lines = _nonblank_lines(text)
    if len(lines) < 2:
        return None
    sample = lines[:400]
    n = len(sample)
    tab = sum(1 for ln in sample if "\t" in ln and TAB_ROW.match(ln))
    if tab >= 0.8 * n:
        return "tab"
    # only the lines that some layout's label opens can give a label: one or two regex calls
    # a line find them (an article has few or none), not a call for each of the thirteen
    # patterns of the three layouts
    sample = [ln for ln in sample if _may_open_label(ln)]
    upper = _labels(sample, "label")
    if len(upper) >= 0.6 * n and len(upper) >= 2 and _names_someone(upper):
        return "label"
    if _turns_repeat(upper, n) or _interview(upper, n):
        return "label"
    for layout in ("record", "name"):
        if _turns_repeat(_labels(sample, layout), n):
            return layout
    if lines[0][:1] in _SPEECH_OPENERS and _speech_speaker(text) is not None:
        return "speech"
    return None


def _labels(lines: list[str], layout: str) -> list[str]:
    patterns = _PATTERNS[layout]
    return [lab for ln in lines if (lab := _line_label(patterns, ln)) is not None]


_QUESTION = frozenset(("Q", "QUESTION"))
_ANSWER = frozenset(("A", "ANSWER"))


def _interview(labels: list[str], lines: int) -> bool:
    """A "Q:"/"A:" interview: only those labels, each at least twice, opening at least a
    third of the lines. (The answers are the person's the text introduces: see
    ``attribution``.)"""
    ups = [lab.strip().upper() for lab in labels]
    return (
        len(ups) >= 0.3 * lines
        and sum(u in _QUESTION for u in ups) >= 2
        and sum(u in _ANSWER for u in ups) >= 2
        and all(u in _QUESTION or u in _ANSWER for u in ups)
    )


_NUMBERED = re.compile(r"SPEAKER[ \t]*#?\d+")


def _names_someone(labels: list[str]) -> bool:
    """Does some label name a speaker?  (Not "Q"/"A": see :func:`_interview`.)  Two
    numbered speakers ("Speaker 1", "Speaker 2"), as a transcription service writes
    speakers it has no name for, are two people too."""
    ups = {lab.strip().upper() for lab in labels}
    return any(not GENERIC.fullmatch(u) for u in ups) or (
        sum(1 for u in ups if _NUMBERED.fullmatch(u)) >= 2
    )


def _turns_repeat(labels: list[str], lines: int) -> bool:
    """Labels open >= 3 lines and >= 20% of them, and at least half the turns are by
    speakers who take more than one."""
    if len(labels) < 3 or len(labels) < 0.2 * lines or not _names_someone(labels):
        return False
    counts: dict[str, int] = {}
    for lab in labels:
        counts[lab.casefold()] = counts.get(lab.casefold(), 0) + 1
    return sum(n for n in counts.values() if n > 1) >= 0.5 * len(labels)


_LONE_CR = re.compile(r"\r(?!\n)")


def lines_broken_by_cr(text: str) -> str:
    """``text`` with lone carriage returns made newlines, when they are its line breaks
    (classic Mac OS files, some exports): read as they were, the whole file was one line,
    its headline the whole text, and no paragraph or statement was found. One character
    for one, so offsets into the file's text stay right. A CRLF file, or stray CRs in a
    file of newlines, are left as they are."""
    if "\r" not in text:
        return text
    lone = len(_LONE_CR.findall(text))
    return _LONE_CR.sub("\n", text) if lone > text.count("\n") else text


def _decoded(data: bytes, path: str) -> str | InputError:
    text = decode_or_error(data, path)
    return text if isinstance(text, InputError) else lines_broken_by_cr(text)


def read_text(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    """An article or a transcript, whichever the text looks like."""
    text = _decoded(data, path)
    if isinstance(text, InputError):
        yield text
        return
    layout = detect_transcript(text)
    yield transcript_document(path, text, layout) if layout else article_document(path, text)


def read_article(path: str, data: bytes, fields: dict[str, str]) -> Iterator[Document | InputError]:
    text = _decoded(data, path)
    yield text if isinstance(text, InputError) else article_document(path, text)


def read_transcript(
    path: str, data: bytes, fields: dict[str, str]
) -> Iterator[Document | InputError]:
    text = _decoded(data, path)
    if isinstance(text, InputError):
        yield text
        return
    yield transcript_document(path, text, detect_transcript(text) or "label")


_JUNK_TITLE = re.compile(
    r"(?i)^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|document\d*$|doc\d*$)"
    r"|\.(?:docx?|odt|pdf|rtf|txt|indd)$|\btemplate\b"
)


def title_property(value: object) -> str | None:
    """A file's own title property when it names the document; None for what word
    processors leave there ("Microsoft Word - pier_draft3.docx", "Untitled", "Press
    release template").

    >>> title_property("Corvale pier reopens"), title_property("Microsoft Word - a.docx")
    ('Corvale pier reopens', None)
    """
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())[:500]
    return title if title and not _JUNK_TITLE.search(title) else None


def article_document(path: str, text: str) -> Document:
    """An article: headline from the first non-empty line, the rest is the body."""
    title = None
    body_start = 0
    m = re.search(r"\S[^\n]*", text[:100_000])
    if m:
        title = m.group().strip()
        if path.lower().endswith((".md", ".markdown")):
            title = title.lstrip("#").strip()
        title = title[:500] or None
        body_start = m.end()
    return Document(path=path, text=text, format="article", title=title, body_start=body_start)


def transcript_document(path: str, text: str, layout: str | None) -> Document:
    """A transcript: each labelled line, and in the labelled layouts each further line of
    the turn it opens, is a statement of its speaker."""
    statements: list[Statement] = []
    title = os.path.splitext(os.path.basename(path))[0]
    if layout == "tab":
        for m in TAB_ROW.finditer(text):
            _add_line(statements, text, m.group(1), m.span(1), m.start(2), m.end(2))
    elif layout == "captions":
        _add_captions(statements, text)
    elif layout == "speech":
        speech_title = _add_speech(statements, text)
        if speech_title is not None:
            title = speech_title
    else:
        turns = _office_holder(text, _turns(text, layout or "label"))
        # in a transcript written in upper and lower case, a line all in capitals is a
        # heading ("DIRECT EXAMINATION", "PREPARED STATEMENT OF ONDRA VALSEK"): the turn is
        # over, and what follows it up to the next label is no one's that we know
        body = text[turns[0].body :] if turns else ""

        @cache
        def cased() -> bool:  # (a pass over the whole text: only once a line looks like one)
            return sum(map(str.islower, body)) >= 0.3 * sum(map(str.isalpha, body))

        # a court reporter's transcript numbers most of its lines: the numbers are no words
        lines = _nonblank_lines(body)
        numbered = sum(1 for ln in lines if _NUMBERED_LINE.match(ln)) >= 0.5 * len(lines) > 0
        for i, t in enumerate(turns):
            if t.stage:
                continue
            turn_end = turns[i + 1].at if i + 1 < len(turns) else len(text)
            speaker: str | None = t.speaker
            mention: Marked | None = Marked(text[t.mention[0] : t.mention[1]], *t.mention)
            # a line's words, or a paragraph's in a text wrapped at a fixed width: a line
            # opening in lower case right below another carries on its sentence
            # ("Mr. Valsek, when will\nthe bridge open?")
            held: list[tuple[int, int]] = []
            for ln in _LINE.finditer(text, t.body, turn_end):
                start, end = ln.span()
                if numbered and start > t.body:
                    line_no = _NUMBERED_LINE.match(text, start, end)
                    start = line_no.end() if line_no else start
                stamp = _STAMP.match(text, start, end)
                if stamp is not None:
                    start = stamp.end()
                if _no_words(text, start, end):
                    continue
                if ln.start() > t.body and _CUE.fullmatch(text, start, end):
                    continue
                if start > t.body and (
                    (_HEADING.fullmatch(text, start, end) and cased())
                    or _SWORN.match(text, ln.start(), end)  # "X, having been duly sworn"
                ):
                    _add_spoken(statements, text, speaker, mention, held)
                    held = []
                    speaker = mention = None
                    continue
                if (
                    held
                    and text[start : start + 1].islower()
                    and _WRAPPED.fullmatch(text, held[-1][1], ln.start())
                ):
                    if text[held[-1][1] : start].isspace():
                        held[-1] = (held[-1][0], end)
                    else:  # a line number between the lines
                        held.append((start, end))
                    continue
                _add_spoken(statements, text, speaker, mention, held)
                held = [(start, end)]
            _add_spoken(statements, text, speaker, mention, held)
    # a headline above the first turn is the title ("Corvale harbour debate, transcript")
    first = min((st.mention.start for st in statements if st.mention), default=0)
    if layout == "speech":
        first = 0  # (the title is the headline that names the speaker: see above)
    # (a line with no word, a page number, is none)
    head = re.search(r"[^\S\n]*([^\n]*[^\W\d_][^\n]*)", text[:first])
    if (
        head is not None
        and head.end() < first
        and not TAB_ROW.match(head.group(1))
        and not (layout == "tab" and "\t" in head.group(1))  # column names: "line\tspeaker"
        and not head.group(1).startswith("WEBVTT")
    ):
        title = head.group(1).strip()[:500]
    return Document(path=path, text=text, format="transcript", title=title, statements=statements)


# A speech printed whole under a headline that says whose it is: "Remarks by Mayor Ilsa
# Brandt at the Reopening of the North Pier", "Full text: Speech by Ilsa Brandt to the
# Harbour Board", "Prepared remarks of Tomas Ferreol, March 3". The name comes right after
# "by"/"of", and then the headline ends or goes on with where, when or to whom ("Remarks by
# Ilsa Brandt spark outrage" is a news story about them).
_SPEECH_OPENERS = frozenset("RSAPFTKOECL#*")
_SPEECH_HEAD = re.compile(
    r"[#*_ \t]*(?i:(?:full|prepared|complete)[ \t]+text(?:[ \t]+of)?[ \t]*[:\-—–]?[ \t]*"
    r"|transcript(?:[ \t]+of)?[ \t]*[:\-—–]?[ \t]*)?(?i:the[ \t]+)?"
    r"(?i:(?:prepared|opening|closing|floor|keynote|commencement|inaugural|farewell|victory|"
    r"concession|acceptance)[ \t]+)?"
    r"(?i:remarks|speech|address|statement|testimony|eulogy|lecture|keynote)"
    r"(?i:[ \t]+as[ \t]+(?:prepared(?:[ \t]+for[ \t]+delivery)?|delivered))?"
    r"[ \t]+(?i:by|of|from)[ \t]+"
    r"(?:(?P<office>" + _TITLE + r"|Prime[ \t]+Minister|President|Chancellor|Premier)[ \t]+)?"
    r"(?P<name>[A-Z][\w'’\-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’\-]+|d[aeiu]|de[ls]|van|von)){0,3})"
    r"(?:[ \t]*(?:[,:(—–\-]|\b(?i:at|on|to|before|in|for|during|after)\b)[^\n]*)?[ \t*_]*"
)
# Lines of a speech's page that are no words of it: "As prepared for delivery", a date or
# place line, "###", "-END-".
_SPEECH_NOTE = re.compile(
    r"[ \t]*(?:\(?(?i:as[ \t]+(?:prepared(?:[ \t]+for[ \t]+delivery)?|delivered)|check[ \t]+against"
    r"[ \t]+delivery|embargoed[^\n]*|for[ \t]+immediate[ \t]+release|remarks[ \t]+as[ \t]+prepared[^\n]*)"
    r"\)?[.:]?|#{3}|-+[ \t]*(?i:end)[ \t]*-+|(?i:end)|[^.?!\n]{0,60}\b(?:19|20)\d\d\b[^.?!\n]{0,20})[ \t]*"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")
# A verb that reports speech: a speech says it of others now and then, a news story about
# one in paragraph after paragraph.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b")


def _office_holder(text: str, turns: list[_Turn]) -> list[_Turn]:
    """ "THE PRESIDENT:" under "Remarks by President Ondra Valsek on ...": the label of an
    office ("THE PRESIDENT", "THE MAYOR", "THE PRIME MINISTER") is the person the headline
    says holds it and speaks."""
    head = re.match(r"\s*([^\n]{1,200})", text)
    if not turns or head is None:
        return turns
    m = _SPEECH_HEAD.fullmatch(text, head.start(1), head.end(1))
    if m is None or m.group("office") is None or not speaks(m.group("name")):
        return turns
    office = "THE " + " ".join(m.group("office").rstrip(".").upper().split())
    name = speaker_name(m.group("name"))
    return [
        t._replace(speaker=name)
        if " ".join(text[t.mention[0] : t.mention[1]].upper().split()) == office
        else t
        for t in turns
    ]


def _speech_speaker(text: str) -> tuple[str, int, int] | None:
    """Whose speech the text prints, by its headline (see above): the name as written and
    its span; None when the headline says no such thing, or the words below it are not in
    the first person (a story about a speech)."""
    head = re.match(r"\s*([^\n]+)", text)
    if head is None or len(head.group(1)) > 200:
        return None
    m = _SPEECH_HEAD.fullmatch(text, head.start(1), head.end(1))
    if m is None or not speaks(m.group("name")):
        return None
    body = text[head.end() : head.end() + 20_000]
    paras = [p for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    if len(paras) < 2 or 3 * sum(bool(_FIRST_PERSON.search(p)) for p in paras) < len(paras):
        return None
    if 4 * sum(bool(_REPORTED.search(p)) for p in paras) > len(paras):
        return None  # a news story about the speech: its paragraphs report who said what
    return m.group("name"), m.start("name"), m.end("name")


def _add_speech(out: list[Statement], text: str) -> str | None:
    """A speech's paragraphs as statements of the speaker its headline names (see
    :data:`_SPEECH_HEAD`); its notes and date lines are none. Returns the headline."""
    who = _speech_speaker(text)
    if who is None:
        return None
    name, a, b = who
    courtesy = _TITLED.fullmatch(name) or _COURTESY.fullmatch(name)
    speaker = speaker_name(courtesy.group(1) if courtesy else name)
    mention = Marked(name, a, b)
    head_end = text.find("\n", b)
    if head_end < 0:
        return None
    held: list[tuple[int, int]] = []
    for ln in _LINE.finditer(text, head_end):
        start, end = ln.span()
        gap = text[held[-1][1] : start] if held else ""
        if held and gap.count("\n") == 1 and not gap.strip():
            held.append((start, end))  # the same paragraph, wrapped
            continue
        _add_spoken(out, text, speaker, mention, held)
        held = []
        if _SPEECH_NOTE.fullmatch(text, start, end) or _no_words(text, start, end):
            continue
        held = [(start, end)]
    _add_spoken(out, text, speaker, mention, held)
    return text[text.rfind("\n", 0, a) + 1 : head_end].strip(" \t#*_")[:500]


# A caption line opening with a dash: a new speaker's words ("- We will keep it open.").
_SPEAKER_DASH = re.compile(r"[ \t]*[-–—][ \t]")
# A WebVTT block that holds no caption: a note, a style sheet, a region.
_CUE_TIMING = re.compile(r"[ \t]*[\d:.,]{4,12}[ \t]+-->[ \t]+[\d:.,]{4,12}[^\n]*")
_ENDS_SENTENCE = re.compile(r"[.?!…][\"'”’»)\]]*[ \t]*$|[-–—][ \t]*$")
_VTT_BLOCK = re.compile(r"[ \t]*(?:NOTE|STYLE|REGION)(?:[ \t][^\n]*)?")


def _add_captions(out: list[Statement], text: str) -> None:
    """The words of captions that name no speaker (SubRip, WebVTT): each cue's lines are
    one statement of someone unknown, as a generic label's; a line opening with a dash is
    a new speaker's ("- We will keep it open." / "- It loses money."). The cue numbers and
    timings, a WebVTT header and notes are no one's words."""
    held: list[tuple[int, int]] = []
    cue: list[tuple[int, int]] = []  # the lines of the cue being read
    skip_block = False
    at_block_start = True
    first_line: tuple[int, int] | None = None  # the first line of the block being read
    for ln in re.finditer(r"[^\n]*\n?", text):
        start, end = ln.start(), ln.end()
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        if start == end and ln.end() == start:
            break  # (the empty match at the end of the text)
        if not text[start:end].strip():  # a blank line: the cue is over
            skip_block = False
            at_block_start = True
            cue = []
            continue
        first = at_block_start
        at_block_start = False
        if first:
            first_line = (start, end)
        if skip_block:
            continue
        if first and (
            text.startswith(("WEBVTT", "\ufeffWEBVTT"), start)
            or _VTT_BLOCK.fullmatch(text, start, end)
        ):
            skip_block = True
            continue
        if _CUE_TIMING.fullmatch(text, start, end):
            if first_line is not None and cue == [first_line] and held[-1:] == cue:
                # a WebVTT cue's identifier ("intro"): the block's only line before its
                # timing (not caption text when a SubRip file has no blank lines)
                held.pop()
            cue = []
            first_line = None
            continue
        if _CUE.fullmatch(text, start, end) or _no_words(text, start, end):
            continue
        # a sentence carried on from the cue before goes on; a new one, or a dash, is a
        # new statement
        if held and (
            _SPEAKER_DASH.match(text, start, end)
            or (not cue and _ENDS_SENTENCE.search(text, held[-1][0], held[-1][1]))
        ):
            _add_spoken(out, text, None, None, held)
            held = []
        held.append((start, end))
        cue.append((start, end))
    _add_spoken(out, text, None, None, held)


def _no_words(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` only a stage direction ("(Speaker gestures)") or no words
    ("--")? Then a line of a turn is no statement, in every layout."""
    return bool(_DIRECTION.fullmatch(text, start, end) or _FURNITURE.fullmatch(text, start, end))


def _add_line(
    out: list[Statement], text: str, label: str, label_span: tuple[int, int], start: int, end: int
) -> None:
    """One line of a turn as a statement of the label's speaker (none for a generic label),
    read as the labelled layouts read theirs: a line that is only a stage direction or no
    words ("(Speaker gestures)", "--") is none, and the transcriber's notes inside it
    ("(CROSSTALK)", "[inaudible]") and an interruption's dashes are left out of its spans
    (they were in the statement: a quote pasted without them lost words in the lookup)."""
    upper = label.strip().upper()
    if upper in STAGE:
        return
    if _no_words(text, start, end):
        return
    speaker = None if GENERIC.fullmatch(upper) else speaker_name(label.strip())
    mention = Marked(text[label_span[0] : label_span[1]], *label_span)
    _add_spoken(out, text, speaker, mention, [(start, end)])


def _add_spoken(
    out: list[Statement],
    text: str,
    speaker: str | None,
    mention: Marked | None,
    lines: list[tuple[int, int]],
) -> None:
    """A line of a turn (or the lines of a sentence wrapped over several) as a statement
    of its speaker: its words without the transcriber's notes in it ("(LAUGHTER)",
    "[inaudible 00:03:12]") or the dashes of an interruption ("-- to the coast")."""
    spans = []
    for start, end in lines:
        at = start
        for d in _INLINE_DIRECTION.finditer(text, start, end):
            spans.append((at, d.start()))
            at = d.end()
        spans.append((at, end))
    kept = []
    for a, b in spans:
        while a < b and (text[a] in _DASHES or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _DASHES or text[b - 1].isspace()):
            b -= 1
        # the other half of a Markdown bold the label opened ("**Q: Why?**"), or closed
        # ("**Q:** Why?")
        if text[b - 2 : b] in ("**", "__") and text.count(text[b - 2 : b], a, b) == 1:
            b -= 2
        if text[a : a + 2] in ("**", "__") and text.count(text[a : a + 2], a, b) == 1:
            a += 2
        if any(ch.isalnum() for ch in text[a:b]):
            kept.append((a, b))
    if kept:
        out.append(
            Statement(
                kind="transcript",
                start=kept[0][0],
                end=kept[-1][1],
                spans=kept,
                speaker=speaker,
                mention=mention,
            )
        )
