"""The word aligner: offsets, verbatim cuts, typo monotonicity, and brute-force references."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.analysis.tokens import normalize, tokenize
from quotecheck.search.align import (
    GAP_COST,
    _densest,
    _densest_run,
    _gain,
    _lcs_pairs,
    align,
    idf_weights,
    source_order,
    weight,
)
from tests.conftest import searcher_over

# Fictional text only: invented people and places.
CORVALE = (
    "Mayor Ilsa Brandt of Corvale said on Tuesday that the harbour bridge would reopen in March. "
    "If the council approves the budget, we will hire forty new teachers before the winter term, "
    "she told reporters outside the town hall. Councillor Tomas Vek replied that the plan was "
    "reckless and that the ferry company had not been consulted. The bridge has been closed "
    "since a storm damaged its northern pier, and traders say they lose customers every week."
)
VOCAB = (
    "harbour bridge council budget teachers winter ferry storm pier traders customers mayor "
    "reopen approve consult closed damaged northern reckless market river orchard lantern "
    "granite meadow copper violet summit canyon glacier thistle"
).split()


def _text_of(words: list[str], seps: list[str]) -> str:
    return "".join(w + s for w, s in zip(words, seps, strict=True))


words_st = st.lists(
    st.sampled_from(VOCAB + ["the", "of", "and", "not", "12", "Brandt"]), min_size=1, max_size=25
)
seps_st = st.sampled_from([" ", ", ", ". ", "; ", " \u201c", "\u201d "])


@given(query=st.text(max_size=80), text=st.text(max_size=200))
@settings(max_examples=300)
def test_offsets_slice_back_for_any_text(query: str, text: str) -> None:
    window = tokenize(text)
    a = align(tokenize(query), window, text)
    if not a.found:
        return
    assert 0 <= a.start <= a.end <= len(text)
    assert a.start == window[a.first].start and a.end == window[a.last].end
    assert text[a.start : a.end].startswith(window[a.first].text)
    assert text[a.start : a.end].endswith(window[a.last].text)
    assert all(a.first <= wi <= a.last for _, wi in a.pairs)
    assert 0.0 <= a.coverage <= 1.0 and 0.0 <= a.precision <= 1.0


@given(words=words_st, data=st.data())
def test_offsets_slice_back_for_word_soup(words: list[str], data: st.DataObject) -> None:
    seps = [data.draw(seps_st) for _ in words]
    text = _text_of(words, seps)
    query = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=8)))
    window = tokenize(text)
    a = align(tokenize(query), window, text)
    assert a.found
    assert text[a.start : a.end] == text[window[a.first].start : window[a.last].end]


@given(data=st.data())
def test_verbatim_cut_is_found_at_its_place(data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(VOCAB), min_size=6, max_size=30, unique=True))
    seps = [data.draw(seps_st) for _ in words]
    text = _text_of(words, seps)
    i = data.draw(st.integers(0, len(words) - 3))
    j = data.draw(st.integers(i + 3, len(words)))
    window = tokenize(text)
    query = text[window[i].start : window[j - 1].end]
    a = align(tokenize(query), window, text)
    assert (a.start, a.end) == (window[i].start, window[j - 1].end)
    assert a.coverage == 1.0 and a.precision == 1.0 and a.typos == 0


def test_verbatim_cut_of_the_corvale_story_at_every_place() -> None:
    window = tokenize(CORVALE)
    for i in range(0, len(window) - 6, 3):
        for n in (6, 11, 17):
            j = min(len(window), i + n)
            query = CORVALE[window[i].start : window[j - 1].end]
            a = align(tokenize(query), window, CORVALE)
            assert CORVALE[a.start : a.end] == query, (i, n)


def _lcs_len(a: list[int], b: list[int]) -> int:
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            dp[i + 1][j + 1] = dp[i][j] + 1 if a[i] == b[j] else max(dp[i][j + 1], dp[i + 1][j])
    return dp[-1][-1]


@given(st.lists(st.integers(0, 4), max_size=12), st.lists(st.integers(0, 4), max_size=12))
def test_lcs_pairs_match_brute_force_dp(a: list[int], b: list[int]) -> None:
    pairs = _lcs_pairs(a, b)
    assert len(pairs) == _lcs_len(a, b)
    assert all(a[i] == b[j] for i, j in pairs)
    assert [i for i, _ in pairs] == sorted({i for i, _ in pairs})
    assert [j for _, j in pairs] == sorted({j for _, j in pairs})


def _run_gain(pairs: list[tuple[int, int]], weights: list[float]) -> float:
    g = weights[pairs[0][0]]
    for (pq, pw), (qi, wi) in zip(pairs, pairs[1:], strict=False):
        gap_w, gap_q = wi - pw - 1, qi - pq - 1
        g += weights[qi] - GAP_COST * max(0, gap_w - gap_q) - 0.1 * min(gap_w, gap_q)
    return g


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), min_size=1, max_size=10), st.data()
)
def test_densest_run_matches_brute_force(steps: list[tuple[int, int]], data: st.DataObject) -> None:
    qi = wi = 0
    pairs: list[tuple[int, int]] = []
    for dq, dw in steps:
        qi, wi = qi + dq + (1 if pairs else 0), wi + dw
        pairs.append((qi, wi))
    weights = [data.draw(st.sampled_from([0.3, 1.0, 1.2, 1.5])) for _ in range(qi + 1)]
    got = _densest(pairs, weights)
    best = max(
        _run_gain(pairs[i : j + 1], weights)
        for i in range(len(pairs))
        for j in range(i, len(pairs))
    )
    assert got and _run_gain(got, weights) == pytest.approx(best)


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


@pytest.fixture(scope="module")
def corvale_searcher(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    corvale = "Corvale bridge row\n\n" + CORVALE + "\n"
    files = {
        "corvale.txt": corvale,
        "other.txt": "Orchard fair\n\nThe lantern festival in Meadowfield drew three thousand"
        " visitors, organisers said.\n",
    }
    with searcher_over(tmp_path_factory.mktemp("corvale"), files) as s:
        yield s, corvale


@given(data=st.data())
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_check_matched_text_slices_document(corvale_searcher, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    searcher, doc = corvale_searcher
    words = data.draw(
        st.lists(st.sampled_from(normalize(CORVALE).split() + VOCAB), min_size=1, max_size=12)
    )
    res = searcher.check(" ".join(words), top=3, min_score=0)
    for m in res["matches"]:
        if Path(m["document"]["path"]).name == "corvale.txt":
            assert doc[m["start"] : m["end"]] == m["matched_text"]


@given(data=st.data())
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_check_finds_verbatim_cut_at_its_place(corvale_searcher, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    searcher, doc = corvale_searcher
    body = doc.index(CORVALE)
    toks = tokenize(doc, body)
    i = data.draw(st.integers(0, len(toks) - 6))
    j = data.draw(st.integers(i + 6, min(len(toks), i + 25)))
    query = doc[toks[i].start : toks[j - 1].end]
    res = searcher.check(query, top=1)
    m = res["matches"][0]
    assert res["verdict"] == "verbatim"
    assert (m["start"], m["end"]) == (toks[i].start, toks[j - 1].end)


@pytest.mark.parametrize("seed", range(5))
def test_score_is_monotone_under_added_typos(corvale_searcher, seed: int) -> None:  # type: ignore[no-untyped-def]
    searcher, _ = corvale_searcher
    quote = (
        "If the council approves the budget, we will hire forty new teachers before the winter term"
    )
    rng = random.Random(seed)
    words = quote.split()
    long_idx = [k for k, w in enumerate(words) if len(w.strip(",")) >= 5]
    rng.shuffle(long_idx)
    scores = []
    for k in [None, *long_idx[:4]]:
        if k is not None:
            words[k] = _typo(words[k].strip(","), rng) + ("," if words[k].endswith(",") else "")
        res = searcher.check(" ".join(words), top=1, min_score=0)
        scores.append(res["matches"][0]["score"])
    assert scores == sorted(scores, reverse=True), scores
    assert scores[0] == 100.0 and scores[-1] < 100.0


def test_weights_favour_content_and_numbers() -> None:
    assert weight("the") < weight("bridge") < weight("2026")


def test_reordered_clauses_are_both_aligned() -> None:
    """Regression: the second clause of a swapped pair was left unmatched."""
    q = tokenize("we will hire forty new teachers, if the council approves the budget")
    a = align(q, tokenize(CORVALE), CORVALE)
    assert a.coverage > 0.9
    assert "council approves the budget" in CORVALE[a.start : a.end]


def test_repeated_passage_is_aligned_at_the_copy_that_holds_the_whole_quote() -> None:
    """Regression: one LCS took the first words from an earlier copy of the phrase, and
    the densest run then kept only that shorter piece, at the wrong place."""
    text = (
        "Councillor Tomas Vek of Corvale said: “This ferry captain, I don’t know what she was thinking,” "
        "and later, “I don’t know what she was thinking but I’m very, very troubled by that.”"
    )
    q = tokenize("Very troubled by that, I don’t know what she was thinking but I’m very")
    a = align(q, tokenize(text), text)
    assert (
        text[a.start : a.end]
        == "I don’t know what she was thinking but I’m very, very troubled by that"
    )
    assert a.coverage == 1.0


def test_reordered_clause_with_a_stray_later_match_is_rotated_back() -> None:
    """Regression: "B, that, among C" matched C in the next paragraph, so the leading
    clause was never aligned where it stands, just before B."""
    text = (
        "Mayor Ilsa Brandt said that, among harbour traders, the ferry ranks fourth in a two-way poll.\n\n"
        "“I have always been wary of the term harbour traders,” she added."
    )
    q = tokenize("the ferry ranks fourth in a two-way poll, that, among harbour traders")
    a = align(q, tokenize(text), text)
    assert (
        text[a.start : a.end]
        == "that, among harbour traders, the ferry ranks fourth in a two-way poll"
    )
    assert a.coverage == 1.0 and a.precision == 1.0


def test_reordered_sentences_with_a_repeated_opening_are_rotated_back() -> None:
    """Regression: "I thought he was very effective at" recurs later in the article and
    the swapped sentences were aligned across both places."""
    text = (
        "“I thought she was very effective at being a mayor. But I really think what she did tonight "
        "is made herself the favourite for the Corvale council in 2030,” Tomas Vek said. "
        "Vek said the debate should help Brandt. “I thought she was very effective at answering the ferry question.”"
    )
    q = tokenize(
        "is made herself the favourite for the Corvale council in 2030, I thought she was very effective "
        "at being a mayor. But I really think what she did tonight"
    )
    a = align(q, tokenize(text), text)
    assert text[a.start : a.end].startswith("I thought she was very effective at being a mayor")
    assert text[a.start : a.end].endswith("council in 2030")
    assert a.coverage == 1.0 and a.precision == 1.0


def test_source_order_counts_one_move_for_swapped_clauses() -> None:
    text = "If the council approves the budget, we will hire forty new teachers"
    q = tokenize("we will hire forty new teachers, if the council approves the budget")
    moved, moves = source_order(q, align(q, tokenize(text), text))
    assert moved == normalize(text) and moves == 1
    same = tokenize(text)
    assert source_order(same, align(same, tokenize(text), text)) == (normalize(text), 0)


def test_idf_weights_favour_rare_words_and_keep_the_total() -> None:
    norms = ["the", "ferry", "filibuster"]
    w = idf_weights(norms, [9000, 300, 2], 10_000)
    assert w[0] < w[1] < w[2]
    assert sum(w) == pytest.approx(sum(weight(x) for x in norms))
    assert idf_weights(norms, [1, 2], 10_000) == [
        weight(x) for x in norms
    ]  # counts do not fit: plain weights
    assert idf_weights(norms, [1, 2, 3], 0) == [weight(x) for x in norms]


@given(st.lists(st.integers(0, 5000), min_size=1, max_size=12), st.integers(1, 5000))
def test_idf_weights_are_positive_and_monotone_in_rarity(counts: list[int], n_units: int) -> None:
    norms = ["ferry"] * len(counts)
    w = idf_weights(norms, counts, n_units)
    assert all(x > 0 for x in w)
    for i in range(len(counts)):
        for j in range(len(counts)):
            if min(counts[i], n_units) < min(counts[j], n_units):
                assert w[i] >= w[j] - 1e-9


def test_weights_decide_coverage() -> None:
    """Missing a rare word costs more coverage than missing a common one."""
    text = "the harbour bridge will reopen in March"
    q = tokenize("the harbour bridge will reopen in May")
    plain = align(q, tokenize(text), text)
    rare_month = align(q, tokenize(text), text, weights=[0.1, 1, 1, 0.1, 1, 0.1, 5.0])
    assert rare_month.coverage < plain.coverage


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=12),
    st.lists(st.floats(0.01, 3.0), min_size=60, max_size=60),
)
def test_densest_run_gain_is_the_gain_of_its_run_to_the_bit(
    steps: list[tuple[int, int]], weights: list[float]
) -> None:
    # _best_run compares the two tie-breaks by the gain _densest_run returns instead of
    # summing each run again with _gain: the two must be the same float.
    qi = wi = 0
    pairs: list[tuple[int, int]] = []
    for dq, dw in steps:
        qi, wi = qi + dq + (1 if pairs else 0), wi + dw
        pairs.append((qi, wi))
    run, gain = _densest_run(pairs, weights)
    assert run == _densest(pairs, weights)
    assert gain == _gain(run, weights)


def test_ellipsis_in_the_query_stands_for_a_long_omission_at_no_gap_cost() -> None:
    text = (
        "The harbour bridge would reopen in March, the mayor said, although the council has"
        " not yet approved the budget for the repairs, and the ferry will run until then."
    )
    query = tokenize("The harbour bridge would reopen in March … the ferry will run until then")
    win = tokenize(text)
    plain = align(query, win, text)
    free = align(query, win, text, free=frozenset({7}))  # "…" before "the"
    assert text[free.start : free.end].startswith("The harbour bridge would reopen in March")
    assert text[free.start : free.end].endswith("the ferry will run until then")
    assert free.coverage == 1.0
    assert plain.coverage < 1.0  # without the ellipsis, one half is left out


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(st.tuples(st.integers(1, 3), st.integers(1, 40)), min_size=1, max_size=12),
    data=st.data(),
)
def test_densest_run_gain_with_free_gaps_is_the_gain_of_its_run(
    steps: list[tuple[int, int]], data: st.DataObject
) -> None:
    pairs, q, w = [], -1, -1
    for dq, dw in steps:
        q, w = q + dq, w + dw
        pairs.append((q, w))
    weights = [1.0] * (q + 1)
    free = frozenset(data.draw(st.sets(st.integers(0, q + 1), max_size=3)))
    run, gain = _densest_run(pairs, weights, free)
    assert gain == _gain(run, weights, free)
    assert gain >= _densest_run(pairs, weights)[1] - 1e-9  # a free gap never costs more
