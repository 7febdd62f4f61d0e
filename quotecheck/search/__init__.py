"""Search: FTS5 candidates, word-level alignment, scores, verdicts, diffs and alerts."""
