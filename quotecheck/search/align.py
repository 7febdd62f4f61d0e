"""Word-level alignment of a query against a window of source text.

The query's words are matched to the window's words (same word after folding
and light stemming, or a likely typo), the longest common subsequence is taken
with rapidfuzz's Indel opcodes (C speed, O(n*m/64)), then trimmed to the densest
chain of matches so stray matches of "the" far away do not stretch the span.
Words of the query left unmatched are aligned once more, which finds clauses
the user reordered.

>>> from quotecheck.analysis.tokens import tokenize
>>> q = tokenize("we owe it to the americn people")
>>> text = "If we can, we owe it to the American people, he said."
>>> a = align(q, tokenize(text), text)
>>> text[a.start:a.end]
'we owe it to the American people'
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from quotecheck.analysis.tokens import STOPWORDS, Token

GAP_COST = 0.35  # cost of each source word skipped between two matched words
MIN_TYPO_LEN = 4


@lru_cache(maxsize=1 << 16)  # every word of every window is stemmed: the same few thousand
def stem(word: str) -> str:
    """A light stemmer, enough to match "talks"/"talk" or "stressed"/"stress"."""
    w = word[:-2] if word.endswith("'s") else word
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def weight(norm: str) -> float:
    """How much a query word counts: stopwords little, numbers and long words more."""
    if norm in STOPWORDS:
        return 0.3
    if any(c.isdigit() for c in norm):
        return 1.5
    return 1.0 if len(norm) < 8 else 1.2


RARITY_FLOOR = 0.2  # the share of its weight that even the most common word keeps


def idf_weights(norms: Sequence[str], unit_counts: Sequence[int], n_units: int) -> list[float]:
    """Per-word weights for :func:`align`: :func:`weight` scaled by how rare the word is.

    ``unit_counts[i]`` is how many indexed units (sentences) hold word ``i`` (0 when
    none: a typo or a word the index lacks, which counts as rare). Rarity is the BM25
    idf ``ln(1 + (N - n + .5) / (n + .5))`` relative to that of a word never seen, so a
    shared "going to" or "the American people" weighs little next to "filibuster".
    The weights are rescaled to the sum of the plain ones, which keeps the densest-run
    gains on the same scale as ``GAP_COST``.

    >>> w = idf_weights(["the", "filibuster"], [900, 2], 1000)
    >>> w[1] > 10 * w[0]
    True
    """
    base = [weight(w) for w in norms]
    if n_units <= 0 or len(unit_counts) != len(norms):
        return base
    top = math.log(1.0 + (n_units + 0.5) / 0.5)
    scaled = []
    for b, n in zip(base, unit_counts, strict=True):
        n = min(max(n, 0), n_units)
        rarity = math.log(1.0 + (n_units - n + 0.5) / (n + 0.5)) / top
        scaled.append(b * (RARITY_FLOOR + (1.0 - RARITY_FLOOR) * rarity))
    total = sum(scaled)
    return [x * sum(base) / total for x in scaled] if total > 0 else base


@dataclass(slots=True)
class Alignment:
    """Where the query lands in the window and how well.

    ``pairs`` are (query index, window index) of matched words, in window order.
    ``start``/``end`` are character offsets (of the window's token offsets).
    """

    start: int = 0
    end: int = 0
    first: int = 0  # window token index of the first matched word
    last: int = -1  # window token index of the last matched word (inclusive)
    pairs: list[tuple[int, int]] = field(default_factory=list)
    coverage: float = 0.0  # weighted share of the query's words found
    precision: float = 0.0  # share of the span's words that match the query
    typos: int = 0

    @property
    def found(self) -> bool:
        return self.last >= self.first and bool(self.pairs)


def _typo(s: str, table: dict[str, int]) -> int | None:
    """The id of the word of ``table`` that ``s`` is likely a misspelling of (the closest,
    the first among equals; None when there is none): one edit under 7 letters, two from
    7, a swapped pair of letters one edit, the first or the last letter kept."""
    if len(s) < MIN_TYPO_LEN or any(c.isdigit() for c in s):
        return None
    limit = 1 if len(s) < 7 else 2
    best, best_d = None, 3
    for ws, wid in table.items():
        if abs(len(ws) - len(s)) > limit or ws[0] != s[0] and ws[-1] != s[-1]:
            continue
        d = OSA.distance(s, ws, score_cutoff=limit)  # a swapped pair of letters is one typo
        if d <= limit and d < best_d:
            best, best_d = wid, d
    return best


def _ids(query: Sequence[Token], window: Sequence[Token]) -> tuple[list[int], list[int], int]:
    """Integer ids such that equal ids mean "the same word" (exact, stem or typo)."""
    table: dict[str, int] = {}  # window stem -> id, in order of first appearance
    norms: dict[str, int] = {}  # window word -> the id of its stem
    w_ids = []
    for t in window:
        wid = table.setdefault(stem(t.norm), len(table))
        norms.setdefault(t.norm, wid)
        w_ids.append(wid)
    q_ids = []
    typos = 0
    for t in query:
        s = stem(t.norm)
        if s in table:
            q_ids.append(table[s])
            continue
        best = _typo(s, table)
        if best is None:
            # a typo in the suffix stems the word apart ("speakinng" is no "speak"), and
            # a short word's stem is under MIN_TYPO_LEN ("lits"/"lists"): the words as written
            best = _typo(t.norm, norms)
        if best is not None:
            q_ids.append(best)
            typos += 1
        else:
            q_ids.append(-1 - len(q_ids))  # unique: matches nothing
    return q_ids, w_ids, typos


def _lcs_pairs(q_ids: Sequence[int], w_ids: Sequence[int]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    for op in Indel.opcodes(q_ids, w_ids):
        if op.tag == "equal":
            pairs.extend(
                zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True)
            )
    return pairs


def _lcs_pairs_late(q_ids: Sequence[int], w_ids: Sequence[int]) -> list[tuple[int, int]]:
    """An LCS that breaks ties the other way (towards later window words): LCS on reversed runs."""
    nq, nw = len(q_ids), len(w_ids)
    return [(nq - 1 - a, nw - 1 - b) for a, b in reversed(_lcs_pairs(q_ids[::-1], w_ids[::-1]))]


MAX_OMITTED = 60  # source words an ellipsis of the query may stand for at no cost


def _omitted(pq: int, qi: int, gap_w: int, free: frozenset[int] | None) -> bool:
    """Do the source words between two matches stand for an ellipsis of the query (one
    right before a query word after ``pq`` and up to ``qi``)?"""
    return bool(free) and gap_w <= MAX_OMITTED and any(pq < k <= qi for k in free or ())


def _gain(
    pairs: Sequence[tuple[int, int]],
    weights: Sequence[float],
    free: frozenset[int] | None = None,
) -> float:
    """What :func:`_densest` maximises, for a run it returned."""
    g = 0.0
    for k, (qi, wi) in enumerate(pairs):
        if k > 0:
            pq, pw = pairs[k - 1]
            gap_w, gap_q = wi - pw - 1, qi - pq - 1
            if not (free and _omitted(pq, qi, gap_w, free)):
                g -= GAP_COST * max(0, gap_w - gap_q) + 0.1 * min(gap_w, gap_q)
        g += weights[qi]
    return g


def _best_run(
    q_ids: Sequence[int],
    w_ids: Sequence[int],
    weights: Sequence[float],
    free: frozenset[int] | None = None,
) -> list[tuple[int, int]]:
    """The densest run of an LCS, trying both tie-breaks.

    When a passage repeats in the window ("I don't know what she was thinking" twice),
    one LCS can take the first words from the first copy and the rest from the second,
    and the densest run then keeps only the shorter piece; the LCS that prefers later
    words keeps the whole passage together. The run with the larger gain wins (ties: early).
    """
    early, early_gain = _densest_run(_lcs_pairs(q_ids, w_ids), weights, free)
    late, late_gain = _densest_run(_lcs_pairs_late(q_ids, w_ids), weights, free)
    return late if late_gain > early_gain + 1e-9 else early


def _densest(pairs: list[tuple[int, int]], weights: Sequence[float]) -> list[tuple[int, int]]:
    """The run of consecutive matches with the best gain minus gap cost (Kadane)."""
    return _densest_run(pairs, weights)[0]


def _densest_run(
    pairs: list[tuple[int, int]],
    weights: Sequence[float],
    free: frozenset[int] | None = None,
) -> tuple[list[tuple[int, int]], float]:
    """:func:`_densest` and its :func:`_gain`, the very float: the run's gain is summed
    in the same order of operations as ``_gain`` sums it. ``free``: query indexes with
    an ellipsis right before them; the source words skipped there cost nothing."""
    best_gain, best_range = 0.0, (0, -1)
    gain, run_start = 0.0, 0
    for k, (qi, wi) in enumerate(pairs):
        if k > 0:
            pq, pw = pairs[k - 1]
            gap_w = wi - pw - 1
            gap_q = qi - pq - 1
            if not (free and _omitted(pq, qi, gap_w, free)):
                gain -= GAP_COST * max(0, gap_w - gap_q) + 0.1 * min(gap_w, gap_q)
        if gain <= 0:
            gain, run_start = 0.0, k
        gain += weights[qi]
        if gain > best_gain:
            best_gain, best_range = gain, (run_start, k)
    return pairs[best_range[0] : best_range[1] + 1], best_gain


def _gap_fill(
    pairs: list[tuple[int, int]], q_ids: Sequence[int], w_ids: Sequence[int]
) -> list[tuple[int, int]]:
    """Align leftover query words inside the gaps between matches and just beyond the ends.

    LCS ties can pick an earlier "we" than the one that starts the quote, and the
    densest-run trimming can drop a word next to an inserted "not"; this puts them back.
    """
    by_q = sorted(pairs)
    used_q = {q for q, _ in by_q}
    used_w = {w for _, w in by_q}
    added: list[tuple[int, int]] = []
    bounds: list[tuple[int, int, int, int]] = []  # (q_lo, q_hi, w_lo, w_hi), half-open
    q0, w0 = by_q[0]
    bounds.append((0, q0, max(0, w0 - q0 - 2), w0))
    for (qa, wa), (qb, wb) in zip(by_q, by_q[1:], strict=False):
        if qb > qa + 1 and wb > wa + 1:
            bounds.append((qa + 1, qb, wa + 1, wb))
    ql, wl = by_q[-1]
    bounds.append((ql + 1, len(q_ids), wl + 1, min(len(w_ids), wl + 1 + (len(q_ids) - ql - 1) + 2)))
    for k, (q_lo, q_hi, w_lo, w_hi) in enumerate(bounds):
        if q_lo >= q_hi or w_lo >= w_hi:
            continue
        if k == 0:
            # Before the first match: prefer the words nearest the match (LCS on reversed runs).
            nq, nw = q_hi - q_lo, w_hi - w_lo
            found = [
                (nq - 1 - a, nw - 1 - b)
                for a, b in _lcs_pairs(q_ids[q_lo:q_hi][::-1], w_ids[w_lo:w_hi][::-1])
            ]
        else:
            found = _lcs_pairs(q_ids[q_lo:q_hi], w_ids[w_lo:w_hi])
        for a, b in found:
            qi, wi = q_lo + a, w_lo + b
            if qi not in used_q and wi not in used_w:
                added.append((qi, wi))
                used_q.add(qi)
                used_w.add(wi)
    out = pairs + added
    # Words swapped inside the span ("frank and businesslike"): match leftovers out of order.
    lo = min(w for _, w in out)
    hi = max(w for _, w in out)
    free: dict[int, list[int]] = {}
    for wi in range(lo, hi + 1):
        if wi not in used_w:
            free.setdefault(w_ids[wi], []).append(wi)
    for qi in range(len(q_ids)):
        if qi not in used_q and free.get(q_ids[qi]):
            wi = free[q_ids[qi]].pop(0)
            out.append((qi, wi))
            used_q.add(qi)
            used_w.add(wi)
    return sorted(out, key=lambda p: p[1])


def _extend(
    pairs: list[tuple[int, int]], n_query: int, window: Sequence[Token], text: str
) -> tuple[int, int]:
    """Widen the span over source words the query replaced at its very ends.

    "... expires in February 2022" against "... expires in February 2021." should
    span "2021" so the change shows as a replacement. At most as many words as
    the query has unmatched at that end (three at most), never across a sentence end.
    """
    first, last = pairs[0][1], pairs[-1][1]
    q_first = min(q for q, _ in pairs)
    q_last = max(q for q, _ in pairs)
    tail = min(3, n_query - 1 - q_last)
    while (
        tail > 0
        and last + 1 < len(window)
        and not _sentence_break(window[last], window[last + 1], text)
    ):
        last += 1
        tail -= 1
    head = min(3, q_first)
    while head > 0 and first > 0 and not _sentence_break(window[first - 1], window[first], text):
        first -= 1
        head -= 1
    return first, last


_BREAK = re.compile(r"[.!?;:\"“”«»\n]")


def _sentence_break(a: Token, b: Token, text: str) -> bool:
    """Is there sentence punctuation or a quote mark between two adjacent words?"""
    if not text:
        return True
    return b.start - a.end > 40 or _BREAK.search(text, a.end, b.start) is not None


REORDER_COST = 0.2  # similarity lost per block of the query moved back into the source's order


def source_order(query: Sequence[Token], a: Alignment) -> tuple[str, int]:
    """The query's words in the order of the source words they matched, and how many blocks moved.

    A word the alignment left unmatched stays after the query word it followed (or before
    the first one). A move is a matched word whose source position comes before that of
    the query word preceding it: a swap of two clauses is one move (two when the word
    between them, "and", stays in place).

    >>> from quotecheck.analysis.tokens import tokenize
    >>> text = "the pier opened in May and our ferry sailed"
    >>> q = tokenize("and our ferry sailed, the pier opened in May")
    >>> source_order(q, align(q, tokenize(text), text))
    ('the pier opened in may and our ferry sailed', 1)
    """
    pos = dict(a.pairs)
    keys: list[tuple[float, int]] = []
    last: float | None = None
    first_pos = min(pos.values()) if pos else 0
    for qi in range(len(query)):
        if qi in pos:
            last = float(pos[qi])
            keys.append((last, qi))
        else:
            keys.append((last + 0.5 if last is not None else first_pos - 0.5, qi))
    order = [qi for _, qi in sorted(keys)]
    matched = [qi for _, qi in sorted((wi, qi) for qi, wi in pos.items())]
    moves = sum(1 for x, y in zip(matched, matched[1:], strict=False) if y < x)
    return " ".join(query[i].norm for i in order), moves


ROTATE_BELOW = (
    0.97  # rotations are tried when the fit (see _fit) is under this share of the query's weight
)
ROTATE_FROM = 0.3  # ... and at least this much did (there is a place to refine)
ROTATE_MARGIN = 0.5  # a rotation must fit better by this much (in weight units) to win
MAX_ROTATIONS = 6


def _boundaries(query: Sequence[Token]) -> list[int]:
    """Token indexes where punctuation (more than a single space) separates two query words."""
    out = [k for k in range(1, len(query)) if query[k].start - query[k - 1].end > 1]
    return out[:MAX_ROTATIONS]


def _fit(
    pairs: Sequence[tuple[int, int]],
    weights: Sequence[float],
    free: frozenset[int] | None = None,
) -> float:
    """Matched weight less ``GAP_COST`` for every source word of the span left unmatched
    (but those an ellipsis of the query, in ``free``, stands for)."""
    span = pairs[-1][1] - pairs[0][1] + 1
    unmatched = span - len(pairs)
    if free:
        for (pq, pw), (qi, wi) in zip(pairs, pairs[1:], strict=False):
            if _omitted(min(pq, qi), max(pq, qi), wi - pw - 1, free):
                unmatched -= wi - pw - 1
    return sum(weights[qi] for qi, _ in pairs) - GAP_COST * unmatched


def _pairs(
    q_ids: Sequence[int],
    w_ids: Sequence[int],
    weights: Sequence[float],
    free: frozenset[int] | None = None,
) -> list[tuple[int, int]]:
    """Matched (query, window) index pairs in window order: densest run, second pass, gap fill."""
    pairs = _best_run(q_ids, w_ids, weights, free)
    if not pairs:
        return []
    matched_q = {qi for qi, _ in pairs}
    # Second pass: a block of the query left over (a reordered clause) aligned on its own.
    rest = [i for i in range(len(q_ids)) if i not in matched_q]
    if len(rest) >= 3:
        sub_q = [q_ids[i] for i in rest]
        extra = _best_run(sub_q, w_ids, [weights[i] for i in rest])
        lo, hi = pairs[0][1], pairs[-1][1]
        extra = [(rest[a], b) for a, b in extra if not lo <= b <= hi]
        if len(extra) >= 2:
            e_lo, e_hi = extra[0][1], extra[-1][1]
            near = (e_hi < lo and lo - e_hi <= 6) or (e_lo > hi and e_lo - hi <= 6)
            if near:
                pairs = sorted(pairs + extra, key=lambda p: p[1])
    return _gap_fill(pairs, q_ids, w_ids)


def align(
    query: Sequence[Token],
    window: Sequence[Token],
    text: str = "",
    weights: Sequence[float] | None = None,
    free: frozenset[int] | None = None,
) -> Alignment:
    """Align ``query`` words inside ``window`` words (tokens of ``text``); see the module docstring.

    ``weights`` (one per query word, > 0) say how much each query word counts in the
    coverage and in the choice of the densest run; by default :func:`weight`. The
    search passes rarity-aware weights (:func:`idf_weights`) so that finding the rare
    words of a quote counts more than finding its common ones. ``free`` are the query
    indexes with an ellipsis right before them: the source words between the matches
    around it (at most ``MAX_OMITTED``) are what it stands for and cost no gap.
    """
    if not query or not window:
        return Alignment()
    q_ids, w_ids, _ = _ids(query, window)
    if weights is None or len(weights) != len(query):
        weights = [weight(t.norm) for t in query]
    pairs = _pairs(q_ids, w_ids, weights, free)
    if not pairs:
        return Alignment()
    total_w = sum(weights)
    got_w = sum(weights[qi] for qi, _ in pairs)
    best_q = _fit(pairs, weights, free)
    if best_q < ROTATE_BELOW * total_w and got_w >= ROTATE_FROM * total_w:
        # Clauses swapped around a comma ("B, A" for "A, B"): align the query turned back
        # at each of its punctuation boundaries and keep what fits the source best.
        for k in _boundaries(query):
            perm = list(range(k, len(query))) + list(range(k))
            got = _pairs([q_ids[i] for i in perm], w_ids, [weights[i] for i in perm])
            got = sorted(((perm[a], b) for a, b in got), key=lambda p: p[1])
            if got and (fit := _fit(got, weights, free)) > best_q + ROTATE_MARGIN:
                pairs, best_q = got, fit
    first, last = _extend(pairs, len(query), window, text)
    got_w = sum(weights[qi] for qi, _ in pairs)
    typos = sum(1 for qi, wi in pairs if stem(query[qi].norm) != stem(window[wi].norm))
    return Alignment(
        start=window[first].start,
        end=window[last].end,
        first=first,
        last=last,
        pairs=pairs,
        coverage=got_w / total_w if total_w else 0.0,
        precision=min(1.0, len(pairs) / (last - first + 1)),
        typos=typos,
    )
