"""Strict checks of the JSON contract in the product brief (a renamed or missing field fails)."""

from __future__ import annotations

from typing import Any

from quotecheck.search.score import FOUND

VERDICTS = {"verbatim", "close", "partial", "paraphrase", "not_found"}
ATTRIBUTIONS = {"confirmed", "misattributed", "unattributed", "unknown", None}
KINDS = {"direct", "indirect", "transcript", "record", "narration"}
DOC_FIELDS = {
    "id": int,
    "path": str,
    "key": (str, type(None)),
    "title": (str, type(None)),
    "date": (str, type(None)),
    "url": (str, type(None)),
}
MATCH_FIELDS = {
    "rank": int,
    "score": (int, float),
    "verdict": str,
    "speaker": (str, type(None)),
    "speaker_mention": (str, type(None)),
    "kind": str,
    "document": dict,
    "start": int,
    "end": int,
    "line": int,
    "matched_text": str,
    "statement": (str, type(None)),
    "context": str,
    "changes": list,
    "alerts": list,
}
RESULT_FIELDS = {
    "query": str,
    "claimed_speaker": (str, type(None)),
    "verdict": str,
    "attribution": (str, type(None)),
    "matches": list,
}
OPTIONAL_RESULT = {"notes", "claimed_speaker_match", "draft", "stitched"}
OPTIONAL_MATCH = {"explain"}


def _fields(obj: dict[str, Any], spec: dict[str, Any], optional: set[str], what: str) -> None:
    missing = set(spec) - set(obj)
    assert not missing, f"{what} lacks {missing}"
    extra = set(obj) - set(spec) - optional
    assert not extra, f"{what} has undocumented fields {extra}"
    for k, t in spec.items():
        assert isinstance(obj[k], t), f"{what}.{k} = {obj[k]!r} is not {t}"


def check_document(doc: dict[str, Any]) -> None:
    _fields(doc, DOC_FIELDS, set(), "document")


def check_match(m: dict[str, Any], source_text: str | None = None) -> None:
    _fields(m, MATCH_FIELDS, OPTIONAL_MATCH, "match")
    assert m["verdict"] in VERDICTS
    assert m["kind"] in KINDS
    assert 0 <= m["score"] <= 100
    assert m["line"] >= 1
    assert 0 <= m["start"] <= m["end"]
    check_document(m["document"])
    for c in m["changes"]:
        assert set(c) == {"op", "query", "source"}, c
        assert c["op"] in {"insert", "delete", "replace"}
    assert all(isinstance(a, str) for a in m["alerts"])
    assert (m["kind"] == "narration") == (m["statement"] is None)
    if source_text is not None:
        assert source_text[m["start"] : m["end"]] == m["matched_text"]


def check_result(r: dict[str, Any], source_text: str | None = None) -> None:
    _fields(r, RESULT_FIELDS, OPTIONAL_RESULT, "result")
    assert r["verdict"] in VERDICTS
    assert r["attribution"] in ATTRIBUTIONS
    if r["claimed_speaker"] is None and "draft" not in r:
        assert r["attribution"] is None
    ranks = [m["rank"] for m in r["matches"]]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [m["score"] for m in r["matches"]]
    if scores and max(scores) >= FOUND:
        # a quote was found: matches by score; a claim's matches go by BM25 relevance
        assert scores == sorted(scores, reverse=True)
    for m in r["matches"]:
        check_match(m, source_text)
    if "claimed_speaker_match" in r:
        check_match(r["claimed_speaker_match"], source_text)


QUOTE_FIELDS = {
    "id": int,
    "document": dict,
    "kind": str,
    "text": str,
    "start": int,
    "end": int,
    "spans": list,
    "speaker": (str, type(None)),
    "mention": (dict, type(None)),
    "cue": (dict, type(None)),
    "line": int,
}


def check_quote(q: dict[str, Any]) -> None:
    _fields(q, QUOTE_FIELDS, set(), "quote")
    assert q["kind"] in {"direct", "indirect", "transcript", "record"}
    check_document(q["document"])
    for part in ("mention", "cue"):
        if q[part] is not None:
            assert set(q[part]) == {"text", "start", "end"}
