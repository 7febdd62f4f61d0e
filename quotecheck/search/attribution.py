"""Who said it, versus who the user says said it.

``confirmed``: a found match near the top score is a statement of the claimed
speaker. ``misattributed``: the words are found as someone else's statement.
``unattributed``: the words are found, but as the reporter's narration.
``unknown``: not found, or the source is generic/unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from quotecheck.search import score as scoring

if TYPE_CHECKING:
    from quotecheck.search.check import Query, Searcher

NEAR_TOP = 5.0  # matches this close to the best score count as equally good sources


def names_speaker(claimed: str, speaker: str, aliases: Sequence[str]) -> bool:
    """Does ``claimed`` (as typed) name the canonical ``speaker`` (with its aliases and
    roles)? Also when the index kept a description before the name, a word it did not
    know as an office ("Harbourmaster Petra Dorn", "Headteacher Tamsin Orrel"): a full
    name the user gives is then the canonical name's last words.

    >>> names_speaker("Petra Dorn", "Harbourmaster Petra Dorn", [])
    True
    >>> names_speaker("Dorn", "Harbourmaster Petra Dorn", []), names_speaker("Ilsa Dorn", "Harbourmaster Petra Dorn", [])
    (True, False)
    """
    from quotecheck.analysis.names import name_matches, name_words

    if name_matches(claimed, speaker, aliases):
        return True
    return len(name_words(claimed)) >= 2 and name_matches(speaker, claimed)


def speaker_is(searcher: Searcher, claimed: str, speaker: str | None) -> bool:
    """Does ``claimed`` (as typed) name the canonical ``speaker``? Alias- and role-aware."""
    if not speaker:
        return False
    return names_speaker(claimed, speaker, searcher.speaker_aliases(speaker))


def judge(
    searcher: Searcher,
    q: Query,
    cands: list[dict[str, Any]],
    matches: list[dict[str, Any]],
    claimed: str,
    verdict: str,
) -> tuple[str, dict[str, Any] | None]:
    """The ``attribution`` value, and the claimed speaker's closest statement when misattributed."""
    if verdict == "not_found" or not cands:
        return "unknown", None
    best = cands[0]["score"].score
    top = [r for r in cands if r["score"].score >= max(scoring.FOUND, best - NEAR_TOP)]
    built = {(m["document"]["id"], m["start"]): m for m in matches}
    infos = []
    for i, r in enumerate(top):
        m = built.get((r["doc_id"], r["start"])) or searcher.build_match(q, r, i + 1)
        infos.append(m)
        if speaker_is(searcher, claimed, m["speaker"]):
            return "confirmed", None
    first = infos[0]
    if first["speaker"] is None:
        if first["kind"] == "narration":
            return "unattributed", None
        return "unknown", None
    # Misattributed: show the claimed speaker's closest statement among the candidates,
    # if it is itself similar enough to count as found.
    for i, r in enumerate(cands[:20]):
        if r in top or r["score"].score < scoring.FOUND:
            continue
        m = searcher.build_match(q, r, i + 1)
        if speaker_is(searcher, claimed, m["speaker"]):
            return "misattributed", m
    return "misattributed", None
