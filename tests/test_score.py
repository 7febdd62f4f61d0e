"""Score combination and verdict bands."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck.search import score as S

unit = st.floats(0.0, 1.0)


@given(unit, unit, unit, unit)
def test_combine_is_bounded(c: float, p: float, s: float, i: float) -> None:
    assert 0.0 <= S.combine(c, p, s, i) <= 100.0


@given(unit, unit, unit, unit, st.floats(0.0, 0.3))
def test_combine_is_monotone_in_each_part(c: float, p: float, s: float, i: float, d: float) -> None:
    base = S.combine(c, p, s, i)
    assert S.combine(min(1.0, c + d), p, s, i) >= base - 1e-9
    assert S.combine(c, min(1.0, p + d), s, i) >= base - 1e-9
    assert S.combine(c, p, min(1.0, s + d), i) >= base - 1e-9
    assert S.combine(c, p, s, min(1.0, i + d)) >= base - 1e-9


def test_perfect_match_is_verbatim_100() -> None:
    r = S.score(coverage=1, precision=1, similarity=1, content_words=6, stopwords=3, verbatim=True)
    assert (r.score, r.verdict) == (100.0, "verbatim")


def test_bands_are_ordered() -> None:
    assert 0 < S.FOUND < S.CLOSE <= 100 and 0 < S.PARTIAL_COVERAGE < 1
    assert abs(S.W_COVERAGE + S.W_PRECISION + S.W_SIMILARITY - 1.0) < 1e-6


def test_short_query_is_weak_evidence() -> None:
    """Regression: a three-word exact fragment must not read as a confident find."""
    short = S.score(
        coverage=1, precision=1, similarity=1, content_words=2, stopwords=1, verbatim=True
    )
    assert short.informativeness < 1 and short.score < 100
    assert S.informativeness(6, 3) == 1.0
    # the calibration replays other lengths as "enough": 6.9 words of mass fall short of 8
    assert S.informativeness(6, 3, enough=8) < 1.0 < S.informativeness(6, 3, enough=8) + 0.2
    assert S.informativeness(2, 1, enough=S.INFORMATIVE_WORDS) == S.informativeness(2, 1)


def test_unrelated_words_are_not_found() -> None:
    r = S.score(coverage=0.4, precision=0.5, similarity=0.5, content_words=6, verbatim=False)
    assert r.verdict == "not_found"


def test_one_word_changed_is_close() -> None:
    r = S.score(
        coverage=0.95, precision=0.95, similarity=0.97, content_words=8, stopwords=4, verbatim=False
    )
    assert r.verdict == "close"


def test_ambiguity_lowers_the_score_and_rebands_it() -> None:
    s = S.score(coverage=1, precision=1, similarity=0.9, content_words=6, verbatim=False)
    assert S.ambiguity(None, 10, 1) == 0 and S.ambiguity(12, 10, 1) == 0
    assert S.ambiguity(4, 10, 0.5) == 3.0
    low = S.lowered(s, 40)
    assert low.score == round(s.score - 40, 1) and low.ambiguity == 40
    assert low.verdict == "not_found" and S.lowered(s, 0) is s


def _index(tmp_path: Path, texts: dict[str, str]) -> Path:
    from quotecheck.indexing import index_paths
    from quotecheck.store import Store

    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "i.db"
    with Store(db) as store:
        index_paths(store, [str(tmp_path / n) for n in texts])
    return db


def test_stock_phrase_matching_two_passages_is_less_sure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line that matches two different passages nearly as well is weaker evidence for
    either; the same line quoted by two articles is not (it is one passage)."""
    from quotecheck.search.check import Searcher
    from quotecheck.store import Store

    monkeypatch.setattr(S, "DISTINCT_GAP", 30.0)
    monkeypatch.setattr(S, "DISTINCT_WEIGHT", 1.0)
    db = _index(
        tmp_path,
        {
            "a.txt": "Corvale\n\nIt is time for the council to get serious about the pier.\n",
            "b.txt": "Lindmoor\n\nIt is time for the harbour board to get out of the way.\n",
            "c.txt": "Norvania\n\nThe ferries will run hourly from the north pier in May.\n",
            "d.txt": "Norvania again\n\nThe ferries will run hourly from the north pier in May.\n",
        },
    )
    with Store(db, readonly=True) as store:
        searcher = Searcher(store)
        stock = searcher.check("It is time for the mayor to get serious", top=2, min_score=0)
        assert stock["matches"][0]["_explain"]["ambiguity"] > 0
        copied = searcher.check("The ferries will run hourly from the north pier", top=2)
        assert copied["verdict"] == "verbatim"
        assert copied["matches"][0]["_explain"]["ambiguity"] == 0


def test_calibration_replays_the_query_check_looks_up(tmp_path: Path) -> None:
    """Regression: bench/calibrate.py looked every query up as given, so a query that
    check() finds by the words quoted inside it (or, pasted with its attribution, by its
    quoted words) was a miss in the calibration (and an absent statement found that way
    was never counted against FOUND)."""
    import importlib
    import sys

    from quotecheck.indexing import index_paths
    from quotecheck.search.check import Searcher
    from quotecheck.store.db import Store

    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    try:
        calibrate = importlib.import_module("calibrate")
        mq = importlib.import_module("misquote")
    finally:
        sys.path.remove(str(bench))
    text = (
        "Corvale council approves the harbour plan\n\n"
        "Mayor Ilsa Brandt of Corvale presented the harbour plan on Monday.\n\n"
        "“We will not sell the old lighthouse to anyone,” Brandt said.\n"
    )
    (tmp_path / "harbour.txt").write_text(text, encoding="utf-8")
    gold = (text.index("We will"), text.index(" to anyone") + len(" to anyone"))
    query = (
        "Late on a stormy evening in Velmark the councillors heard that the mayor had"
        " promised “we will not sell the old lighthouse to anyone” before the vote"
    )
    with Store(tmp_path / "i.db") as store:
        index_paths(store, [str(tmp_path)])
        searcher = Searcher(store)
        assert searcher.check(query)["verdict"] == "verbatim"
        (case,) = calibrate.collect(
            searcher,
            [mq.Query("unaltered", query, "harbour", gold)],
            {1: "harbour"},
            {"harbour": text},
        )
    best = max(case.cands, key=lambda c: calibrate.raw(c, (0.225, 0.05, 0.725), 4.0))
    assert best.right and best.coverage == 1.0
    assert case.content == 4  # "sell old lighthouse anyone": the quoted words' own


def test_eval_index_of_another_seed_is_not_reused(tmp_path: Path) -> None:
    """Regression: bench/eval_lookup.py reused any --db holding as many documents as it
    meant to index. Indexed and held-out train articles depend on --seed, so a dev index
    built for seed 13 run with seed 29 held the 'absent' statements: 62.7% of them were
    'found' (1.7% on its own index)."""
    import importlib
    import sys

    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    try:
        eval_lookup = importlib.import_module("eval_lookup")
    finally:
        sys.path.remove(str(bench))
    a, b = tmp_path / "harbour.txt", tmp_path / "bridge.txt"
    a.write_text("Corvale harbour\n\nBrandt said the harbour would reopen.\n", encoding="utf-8")
    b.write_text("Velden bridge\n\nValsek said the bridge would open.\n", encoding="utf-8")
    db = str(tmp_path / "eval.db")
    eval_lookup.build_index(db, [a], 1)
    eval_lookup.build_index(db, [a], 1)  # the same articles: reused
    eval_lookup.build_index(db, [a, b], 1)  # more of them: added
    with pytest.raises(SystemExit):
        eval_lookup.build_index(db, [b], 1)  # an index of other articles too
