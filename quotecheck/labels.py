"""Speaker labels of transcripts ("ILSA BRANDT:", "Q:", "UPDATE:"): which name someone, and
how a label is written as a name.  Shared by the transcript reader and by the attribution
engine, which reads transcript excerpts quoted inside articles."""

from __future__ import annotations

import re

STAGE = {"SYSTEM", "STAGE", "NARRATOR", "AUDIENCE", "UNKNOWN", "UNIDENTIFIED", "CROSSTALK"}
# Labels that name no one (matched on the upper-cased label): the words are kept, with no
# speaker.
# A number may follow ("SPEAKER 2", "UNIDENTIFIED PERSON #1", "AUDIENCE MEMBER 3").
GENERIC = re.compile(
    r"(?:Q|A|QUESTION|ANSWER|QUESTIONER|AUDIENCE MEMBERS?|AUDIENCE QUESTION|CROWD|REPORTERS?|"
    r"(?:UNIDENTIFIED|UNKNOWN)(?: [A-Z\-]+){0,3}|"
    r"SPEAKER|MALE|FEMALE|MAN|WOMAN|CHILD|GROUP|PROTESTERS?|HECKLER|PARTICIPANT|VOICES?|"
    r"MULTIPLE SPEAKERS|SEVERAL SPEAKERS|OFF[- ]CAMERA|INTERVIEWER)(?: ?#?\d{1,3})?"
)
# Labels of an article's furniture, never a speaker ("UPDATE: 3:45 pm", "Editor's note:").
NOT_SPEAKER = frozenset(
    (
        "UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITORS' NOTE", "EDITOR’S NOTE",
        "CORRECTION", "CLARIFICATION", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "READ", "READ MORE",
        "MORE", "RELATED", "SEE ALSO", "SOURCE", "SOURCES", "CREDIT", "CREDITS", "BREAKING",
        "ADVERTISEMENT", "TAGS", "TOPICS", "FILED UNDER", "CONTACT", "EMAIL", "DATE", "TIME",
        "WHERE", "WHEN", "WHAT", "WHY", "WHO", "HOW", "SUMMARY", "BACKGROUND", "DISCLAIMER",
        "DISCLOSURE", "ALERT", "LIVE", "WARNING", "LISTEN", "SUBSCRIBE", "SHARE",
        # a transcript's header: who takes part, where, on what
        "PARTICIPANTS", "PANELISTS", "MODERATORS", "SPEAKERS", "GUESTS", "WITNESSES",
        "PRESENT", "ALSO PRESENT", "ATTENDEES", "LOCATION", "VENUE", "PLACE", "SUBJECT",
        "TOPIC", "TOPICS", "TRANSCRIPT", "AIRED", "AIR DATE", "PROGRAM", "PROGRAMME", "SHOW",
        # a speaker's own lead-ins ("First: we rebuild the pier.")
        "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "FINALLY", "LASTLY", "NEXT", "ALSO",
        "EXAMPLE", "FOR EXAMPLE", "QUOTE", "UNQUOTE", "END QUOTE", "BOTTOM LINE", "P.S.", "PS",
        "ONE", "TWO", "THREE", "POINT", "STEP", "FACT", "THE FACT", "THE TRUTH", "REMEMBER",
    )
)  # fmt: skip


def speaks(label: str) -> bool:
    """Can ``label`` be a speaker's?  Not "UPDATE", "Editor's note", "Photo"."""
    return " ".join(label.upper().split()) not in NOT_SPEAKER


def names_speaker(label: str) -> bool:
    """Can a label name a speaker?  Not "UPDATE", "VIDEO", "Q", "CROSSTALK"."""
    up = label.upper()
    return speaks(up) and up not in STAGE and not GENERIC.fullmatch(up)


def speaker_name(label: str) -> str:
    """``"CLINTON"`` -> ``"Clinton"``; ``"MR. O'BRIEN"`` -> ``"Mr. O'Brien"``; a label
    already in mixed case is kept as written (``"Ilsa McBrandt"``, ``"JD Vance"``) but for
    the words of three letters or more written in capitals, as the congressional record
    writes surnames (``"Mr. McGOVERN"`` -> ``"Mr. McGovern"``, ``"The CHAIRMAN"`` -> ``"The
    Chairman"``)."""
    if any(ch.islower() for ch in label):
        return " ".join(_recase(w) if _long(w) else w for w in label.split())
    words = []
    for w in label.split():
        parts = re.split(r"(['\-])", w.lower())
        words.append("".join(p[:1].upper() + p[1:] for p in parts))
    return " ".join(words)


def _long(word: str) -> bool:
    return sum(ch.isalpha() for ch in word) >= 3


def _recase(word: str) -> str:
    """A capital right after another capital in lower case: "McGOVERN" -> "McGovern",
    "VALŠEK" -> "Valšek", "O'ROURKE" -> "O'Rourke"."""
    out = []
    prev = False
    for ch in word:
        out.append(ch.lower() if prev and ch.isupper() else ch)
        prev = ch.isupper()
    return "".join(out)
