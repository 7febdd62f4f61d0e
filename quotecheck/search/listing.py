"""``quotes``: statements as the brief's ``quotes`` records, filtered by speaker, document, kind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from quotecheck.errors import QuotecheckError
from quotecheck.store.db import Store


def speaker_ids(store: Store, claimed: str) -> list[int]:
    """Ids of every speaker ``claimed`` names (surname, full name, alias, role)."""
    from quotecheck.search.attribution import names_speaker

    ids = []
    for sp in store.speakers():
        if names_speaker(claimed, sp["name"], sp["aliases"] + sp["roles"]):
            ids.append(sp["id"])
    return ids


def list_statements(
    store: Store,
    *,
    speaker: str | None = None,
    docs: Sequence[str] = (),
    kinds: Sequence[str] = (),
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    sids = None
    if speaker:
        sids = speaker_ids(store, speaker)
        if not sids:
            raise QuotecheckError(
                f"no speaker in the index matches {speaker!r}; see: quotecheck speakers"
            )
    doc_ids: list[int] | None = None
    if docs:
        doc_ids = []
        for ref in docs:
            found = store.find_documents(ref)
            if not found:
                raise QuotecheckError(f"no document matches {ref!r}")
            doc_ids.extend(d["id"] for d in found)
    cache: dict[int, dict[str, Any]] = {}
    for st in store.statements(
        speaker_ids=sids, doc_ids=doc_ids, kinds=list(kinds) or None, limit=limit
    ):
        doc_id = st["doc_id"]
        if doc_id not in cache:
            cache[doc_id] = store.document_ref(doc_id)
        yield statement_record(
            st,
            cache[doc_id],
            store.text_slice(doc_id, st["start"], st["end"]),
            store.line_of(doc_id, st["start"]),
        )


def statement_record(
    st: dict[str, Any], document: dict[str, Any], text: str, line: int
) -> dict[str, Any]:
    """The contract's ``quotes`` record of the store's statement row ``st``."""
    return {
        "id": st["id"],
        "document": document,
        "kind": st["kind"],
        "text": text,
        "start": st["start"],
        "end": st["end"],
        "spans": st["spans"],
        "speaker": st["speaker"],
        "mention": st["mention"],
        "cue": st["cue"],
        "line": line,
    }
