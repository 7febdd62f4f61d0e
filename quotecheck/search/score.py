"""From an alignment to a 0-100 score and a verdict.

The score blends three measurements of the matched span:

* coverage  - the weighted share of the query's words found in the span (stopwords
  count 0.3, content words 1, numbers 1.5, each scaled by its rarity in the index,
  ``align.idf_weights``: missing "filibuster" costs more than missing "going");
* precision - the share of the span's words that the query has (low when the user
  dropped words from the middle of the quote), counted in proportion to coverage so a
  tiny exact fragment of an unrelated sentence earns little;
* similarity - rapidfuzz's character ``ratio`` of the two normalised texts (typos,
  small word changes), or of the query put back in the source's word order less
  ``align.REORDER_COST`` per moved block when that is higher (reordered clauses),

and is then scaled down for queries too short to be good evidence (under
``INFORMATIVE_WORDS`` content words). The band thresholds are calibrated by
``bench/calibrate.py`` on PolNeAR *train* statements (misquoted versions versus
statements absent from the corpus) and evaluated on the dev split; see the README.
"""

from __future__ import annotations

from dataclasses import dataclass

# Calibrated on PolNeAR train by
# `.venv/bin/python bench/calibrate.py` (--limit 300 --seed 13 --target-fp 0.0125; see its docstring
# and the README "How scores are calibrated"); do not tune by hand.
FOUND = 56.0  # below: not_found
CLOSE = 85.6  # at or above (and not verbatim): close
PARTIAL_COVERAGE = 0.76  # found but under CLOSE: partial when coverage < this, else paraphrase
INFORMATIVE_WORDS = 4

W_COVERAGE, W_PRECISION, W_SIMILARITY = 0.225, 0.05, 0.725
COVERAGE_POWER = 4.0
# A query that matches another passage about as well as its best one is weaker evidence
# for either (a stock phrase: "the role of the United States Senate", "It's time for us
# to get out"): every score is lowered by DISTINCT_WEIGHT per point that the best other
# passage (not a near-copy of the best, fuzz.ratio < SAME_TEXT: the same line quoted by
# two articles counts once) comes within DISTINCT_GAP points of the best. Fitted with the
# rest by bench/calibrate.py.
DISTINCT_GAP = 30.0
DISTINCT_WEIGHT = 0.5
SAME_TEXT = 90

VERDICTS = ("verbatim", "close", "partial", "paraphrase", "not_found")


@dataclass(slots=True)
class Score:
    """A score and the parts it was made of (for ``--explain``)."""

    score: float
    coverage: float
    precision: float
    similarity: float
    informativeness: float
    verdict: str
    verbatim: bool = False
    ambiguity: float = 0.0  # points taken off: another passage matches nearly as well


def ambiguity(gap: float | None, limit: float | None = None, weight: float | None = None) -> float:
    """Points taken off every score when the best distinct other passage scores ``gap``
    points under the best one (None: there is none).

    >>> ambiguity(None), ambiguity(100.0)
    (0.0, 0.0)
    """
    g = DISTINCT_GAP if limit is None else limit
    w = DISTINCT_WEIGHT if weight is None else weight
    return 0.0 if gap is None else w * max(0.0, g - gap)


def lowered(s: Score, points: float) -> Score:
    """``s`` with ``points`` taken off its score, and its verdict band again."""
    if points <= 0:
        return s
    value = round(max(0.0, s.score - points), 1)
    return Score(
        value,
        s.coverage,
        s.precision,
        s.similarity,
        s.informativeness,
        band(value, s.verbatim, s.coverage),
        s.verbatim,
        round(s.ambiguity + points, 1),
    )


def band(value: float, verbatim: bool, coverage: float) -> str:
    """The verdict of a score."""
    if value < FOUND:
        return "not_found"
    if verbatim:
        return "verbatim"
    if value >= CLOSE:
        return "close"
    if coverage < PARTIAL_COVERAGE:
        return "partial"
    return "paraphrase"


def informativeness(content_words: int, stopwords: int = 0, enough: float | None = None) -> float:
    """1.0 for queries with enough words to be evidence (``INFORMATIVE_WORDS``, or
    ``enough``), less for shorter ones.

    Content words count 1, stopwords 0.3: "we owe it to the American people" (3 + 4 x 0.3)
    is informative; "the talks" is not.
    """
    full = INFORMATIVE_WORDS if enough is None else enough
    mass = content_words + 0.3 * stopwords
    if mass >= full:
        return 1.0
    return 0.45 + 0.55 * mass / full


def combine(
    coverage: float,
    precision: float,
    similarity: float,
    info: float,
    weights: tuple[float, float, float] | None = None,
    power: float | None = None,
) -> float:
    """The 0-100 score from its parts (``bench/calibrate.py`` replays it with other weights).

    >>> combine(1.0, 1.0, 1.0, 1.0)
    100.0
    """
    wc, wp, ws = weights if weights is not None else (W_COVERAGE, W_PRECISION, W_SIMILARITY)
    p = COVERAGE_POWER if power is None else power
    raw = 100.0 * (wc * coverage**p + wp * precision * coverage + ws * similarity)
    return max(0.0, min(100.0, raw * info))


def score(
    *,
    coverage: float,
    precision: float,
    similarity: float,
    content_words: int,
    stopwords: int = 0,
    verbatim: bool,
) -> Score:
    """Combine the parts into a 0-100 score and pick the verdict band."""
    info = informativeness(content_words, stopwords)
    value = round(combine(coverage, precision, similarity, info), 1)
    return Score(
        value, coverage, precision, similarity, info, band(value, verbatim, coverage), verbatim
    )
