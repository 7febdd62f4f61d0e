"""Re-fit the weights of ``check --semantic``'s fusion (``semantic.WEIGHTS``) on CLEF-2020
*train* tweets.

Runs every train tweet through the semantic path exactly as ``check --semantic`` does
(lexical candidates, the vector index's nearest documents, the features of
:func:`quotecheck.search.semantic.features`), then fits a logistic regression
a listwise linear ranker (conditional logit: per tweet, a softmax over its candidates'
weighted feature sums, the verified claim's probability maximised; Newton's method, a
small L2 penalty on standardised features) and prints the weights on the original
scale. Also prints train
MAP@5 of the present and of the fitted weights on the same candidates, and a five-fold
cross-validation within train (weights fitted on four fifths of the train tweets, scored on
the fifth; ``--drop`` fits without some features, to see what each adds). Dev is never read.

Needs the ``semantic`` extra and the data (see eval_claims.py):

    HF_HUB_OFFLINE=1 /tmp/venv-sem/bin/python bench/fit_claims_ranker.py --db /tmp/claims.db
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_claims import K, ap_at_k, read_qrels, read_tsv, shared_dir  # noqa: E402

L2 = 1.0  # ridge penalty on the standardised weights


def fit(groups: list[tuple[list[list[float]], list[bool]]]) -> list[float]:
    """Weights of a listwise (conditional-logit) linear ranker: for each query, a softmax
    over its candidates' scores, the likelihood of its relevant candidates maximised
    (Newton's method with step halving; features standardised, weights returned on the
    original scale). Queries without a relevant candidate add nothing."""
    import numpy as np

    data = [
        (np.asarray(f, dtype=np.float64), np.asarray(y, dtype=bool))
        for f, y in groups
        if any(y) and len(f) > 1
    ]
    sd = np.concatenate([f for f, _ in data]).std(axis=0)
    sd[sd == 0] = 1.0
    data = [(f / sd, y) for f, y in data]
    d = len(sd)
    w = np.zeros(d)

    def objective(w: np.ndarray) -> float:
        total = -0.5 * L2 * float(w @ w)
        for f, y in data:
            s = f @ w
            total += float(s[y].mean() - (s.max() + np.log(np.exp(s - s.max()).sum())))
        return total

    for _ in range(100):
        grad = -L2 * w
        hess = -L2 * np.eye(d)
        for f, y in data:
            s = f @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ f
            grad += f[y].mean(axis=0) - mean
            hess -= (f * p[:, None]).T @ f - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        base, t = objective(w), 1.0
        while objective(w - t * step) < base and t > 1e-4:
            t /= 2
        w = w - t * step
        if np.abs(t * step).max() < 1e-9:
            break
    return [float(v) for v in w / sd]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", required=True, help="the claims index of eval_claims.py --db --vectors")
    ap.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="I[,J...]",
        help="also cross-validate without these features (0-based; repeatable, one run each)",
    )
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    data = shared_dir() / "data" / "claims-clef2020"
    if not (data / "train" / "tweets.queries.tsv").exists():
        print(f"skipped: CLEF-2020 claims data not found at {data}", file=sys.stderr)
        return 0
    from quotecheck.search import semantic as sem
    from quotecheck.search.check import Searcher, prepare_query
    from quotecheck.store.db import Store

    store = Store(args.db)
    if not store.vector_count(sem.model_name()):
        print("no vector index: run eval_claims.py --db ... --vectors first", file=sys.stderr)
    searcher = Searcher(store)
    qrels = read_qrels(data / "train" / "tweet-vclaim-pairs.qrels")
    groups: list[tuple[list[list[float]], list[str], set[str]]] = []
    for tid, text in (
        (r[0], r[1]) for r in read_tsv(data / "train" / "tweets.queries.tsv") if len(r) >= 2
    ):
        if tid not in qrels:
            continue
        q = prepare_query(text)
        cands = searcher.candidates(q)
        if cands and cands[0]["score"].score >= sem.scoring.FOUND:
            continue  # a quote found: not re-ranked
        ranked = searcher._semantic(q, cands)
        feats = [r["features"] for r in ranked if "features" in r]
        keys = [searcher.document(r["doc_id"]).get("key") or "" for r in ranked if "features" in r]
        groups.append((feats, keys, qrels[tid]))
    n_cands = sum(len(ks) for _, ks, _ in groups)
    n_rel = sum(any(k in rel for k in ks) for _, ks, rel in groups)

    def map5(weights: list[float], subset: list[int] | None = None) -> float:
        total = 0.0
        chosen = groups if subset is None else [groups[i] for i in subset]
        for fs, ks, rel in chosen:
            order = sorted(
                range(len(ks)),
                key=lambda i: -sum(w * v for w, v in zip(weights, fs[i], strict=True)),
            )
            out: list[str] = []
            for i in order:
                if ks[i] not in out:
                    out.append(ks[i])
            total += ap_at_k(out, rel, K)
        return total / max(1, len(chosen))

    def cross_validate(keep: list[int]) -> float:
        """Mean train MAP@5 of the held-out folds (tweets dealt round-robin)."""
        total = 0.0
        for k in range(args.folds):
            held = list(range(k, len(groups), args.folds))
            rest = [g for i, g in enumerate(groups) if i % args.folds != k]
            wk = fit(
                [
                    ([[f[j] for j in keep] for f in fs], [x in rel for x in ks])
                    for fs, ks, rel in rest
                ]
            )
            full = [0.0] * len(groups[0][0][0])
            for j, v in zip(keep, wk, strict=True):
                full[j] = v
            total += map5(full, held) * len(held)
        return total / max(1, len(groups))

    w = fit([(fs, [k in rel for k in ks]) for fs, ks, rel in groups])
    print(
        f"{len(groups)} train tweets re-ranked, {n_cands} candidates;"
        f" the claim among them for {n_rel}"
    )
    print(f"present WEIGHTS {sem.WEIGHTS}: train MAP@5 {map5(list(sem.WEIGHTS)):.4f}")
    print(f"fitted  WEIGHTS {[round(v, 4) for v in w]}: train MAP@5 {map5(w):.4f}")
    every = list(range(len(w)))
    print(
        f"{args.folds}-fold cross-validation within train, all features: {cross_validate(every):.4f}"
    )
    for drop in args.drop:
        gone = {int(i) for i in drop.split(",")}
        print(
            f"  without features {drop}: {cross_validate([j for j in every if j not in gone]):.4f}"
        )
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
