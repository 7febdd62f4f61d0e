"""What the user's version changed: word-level ``changes`` and meaning-level ``alerts``.

Changes are read from the source's side: ``insert`` is words the query adds,
``delete`` words of the source the query drops, ``replace`` both. Case and
punctuation differences are not changes.

>>> from quotecheck.analysis.tokens import tokenize
>>> [c["op"] for c in changes(tokenize("we do not owe it"), tokenize("we owe it"))]
['insert']
>>> alerts(tokenize("we do not owe 5 it"), tokenize("we owe 6 it"), "", "")
['negation', 'number']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from quotecheck.analysis.tokens import STOPWORDS, Token
from quotecheck.search.align import stem

NEGATIONS = frozenset(
    "not no never nobody nothing none neither nor nowhere cannot can't won't don't doesn't didn't "
    "isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't mustn't "
    "needn't ain't without".split()
)
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen half percent first second "
    "third fourth fifth sixth seventh eighth ninth tenth twice thrice double triple".split()
)
# Omitted text that changes the meaning of the part quoted.
_CONTEXT_BEFORE = re.compile(
    r"\b(if|unless|provided|only if|as long as|whether|but|however|although|though|"
    r"not|never|no|n't|cannot|whoever|suppose|supposing|assuming|except)\b",
    re.I,
)
_CONTEXT_AFTER = re.compile(
    r"^\W*(if|unless|but|only if|provided|as long as|except|although|though|however|"
    r"not|only when|so long as)\b",
    re.I,
)


def _word_ids(query: Sequence[Token], source: Sequence[Token]) -> tuple[list[str], list[str]]:
    return [stem(t.norm) for t in query], [stem(t.norm) for t in source]


def changes(query: Sequence[Token], source: Sequence[Token]) -> list[dict[str, str]]:
    """Word-level edits turning the source's words into the query's."""
    q_ids, s_ids = _word_ids(query, source)
    out: list[dict[str, str]] = []
    for op in Levenshtein.opcodes(s_ids, q_ids):
        src = source[op.src_start : op.src_end]
        qry = query[op.dest_start : op.dest_end]
        if op.tag == "equal":
            # Same stem, different word (a typo, "talk"/"talks"): a replace of that word.
            for s_tok, q_tok in zip(src, qry, strict=True):
                if s_tok.norm != q_tok.norm:
                    out.append({"op": "replace", "query": q_tok.text, "source": s_tok.text})
            continue
        tag = {"insert": "insert", "delete": "delete", "replace": "replace"}[op.tag]
        out.append(
            {
                "op": tag,
                "query": " ".join(t.text for t in qry),
                "source": " ".join(t.text for t in src),
            }
        )
    return out


def _negations(tokens: Sequence[Token]) -> int:
    n = 0
    for t in tokens:
        w = t.norm
        if w in NEGATIONS or w.endswith("n't"):
            n += 1
    return n


def _is_number(w: str) -> bool:
    return any(c.isdigit() for c in w) or w in NUMBER_WORDS


def _numbers(tokens: Sequence[Token]) -> Counter[str]:
    return Counter(t.norm.replace(",", "") for t in tokens if _is_number(t.norm))


def _proper(tokens: Sequence[Token], text_before: Sequence[bool]) -> list[str]:
    """Capitalised words that are not sentence-initial and not common words."""
    out = []
    for t, initial in zip(tokens, text_before, strict=True):
        if t.text[:1].isupper() and not initial and t.norm not in STOPWORDS and not _is_number(t.norm):
            out.append(t.norm)
    return out


def _initials(tokens: Sequence[Token], text: str) -> list[bool]:
    """Is each token the first of a sentence (so its capital says nothing)?"""
    flags = []
    prev_end = None
    for t in tokens:
        if prev_end is None:
            flags.append(True)
        else:
            gap = text[prev_end : t.start]
            flags.append(bool(re.search(r"[.!?:\"“”«»]", gap)))
        prev_end = t.end
    return flags


def alerts(
    query: Sequence[Token],
    source: Sequence[Token],
    omitted_before: str,
    omitted_after: str,
    *,
    query_text: str = "",
    source_text: str = "",
) -> list[str]:
    """Meaning-level differences a high fuzzy score would hide.

    ``omitted_before``/``omitted_after`` are the parts of the source statement (same
    sentence) around the matched span that the query left out.
    """
    found: list[str] = []
    if _negations(query) != _negations(source):
        found.append("negation")
    if _numbers(query) != _numbers(source):
        found.append("number")
    q_ids, s_ids = _word_ids(query, source)
    q_init = _initials(query, query_text) if query_text else [i == 0 for i in range(len(query))]
    s_init = _initials(source, source_text) if source_text else [i == 0 for i in range(len(source))]
    for op in Levenshtein.opcodes(s_ids, q_ids):
        if op.tag not in ("replace", "insert"):
            continue
        q_names = _proper(query[op.dest_start : op.dest_end], q_init[op.dest_start : op.dest_end])
        s_names = _proper(source[op.src_start : op.src_end], s_init[op.src_start : op.src_end])
        if op.tag == "insert" and not q_names:
            continue
        if op.tag == "replace" and not (q_names or s_names):
            continue
        if op.tag == "replace" and q_names and s_names and all(
            any(Levenshtein.normalized_similarity(a, b) >= 0.75 for b in s_names) for a in q_names
        ):
            continue  # a misspelt name is a typo, not a swap
        found.append("name")
        break
    if _CONTEXT_BEFORE.search(omitted_before) or _CONTEXT_AFTER.search(omitted_after):
        found.append("out_of_context")
    return found


def segments(query: Sequence[Token], source: Sequence[Token], text: str) -> list[tuple[str, str, str]]:
    """The matched source text cut into (op, source words, query words) pieces, for display.

    ``source`` are tokens of ``text``; the pieces joined (source side) give back the
    span's text, punctuation included.
    """
    if not source:
        return [("insert", "", " ".join(t.text for t in query))] if query else []
    q_ids, s_ids = _word_ids(query, source)
    out: list[tuple[str, str, str]] = []
    pos = source[0].start

    def gap(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(("equal", text[pos:upto], ""))
            pos = upto

    for op in Levenshtein.opcodes(s_ids, q_ids):
        qry = " ".join(t.text for t in query[op.dest_start : op.dest_end])
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                st, qt = source[op.src_start + k], query[op.dest_start + k]
                gap(st.start)
                out.append(("equal", st.text, "") if st.norm == qt.norm else ("replace", st.text, qt.text))
                pos = st.end
        elif op.tag == "insert":
            out.append(("insert", "", qry))
        else:
            a, b = source[op.src_start], source[op.src_end - 1]
            gap(a.start)
            out.append((op.tag, text[a.start : b.end], qry))
            pos = b.end
    return out
