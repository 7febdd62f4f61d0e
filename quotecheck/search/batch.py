"""Many lookups at once: ``check --jobs N`` spreads queries over worker processes.

Results come back in input order and are yielded as soon as they are ready, so a
pipeline sees output while the batch is still running. Each worker opens its own
read connection to the index (SQLite WAL allows many readers).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from typing import Any

_searcher: Any = None
_options: dict[str, Any] = {}


def _init(db_path: str, options: dict[str, Any]) -> None:
    """In each worker: Ctrl-C is the parent's to handle (a worker interrupted mid-lookup
    printed "Process ForkPoolWorker-2: Traceback ..." on the user's terminal)."""
    global _searcher, _options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from quotecheck.search.check import Searcher
    from quotecheck.store import Store

    _searcher = Searcher(Store(db_path))
    _options = options


def _one(query: str) -> dict[str, Any]:
    return _searcher.check(query, **_options)  # type: ignore[no-any-return]


def check_many(
    db_path: str, queries: Iterable[str], *, jobs: int, chunksize: int = 8, **options: Any
) -> Iterator[dict[str, Any]]:
    """``Searcher.check`` for every query, in order, over ``jobs`` processes.

    ``options`` are passed to :meth:`Searcher.check` (``top``, ``min_score``,
    ``claimed_speaker``).
    """
    ctx = multiprocessing.get_context(
        "spawn" if multiprocessing.get_start_method() != "fork" else "fork"
    )
    with ctx.Pool(jobs, initializer=_init, initargs=(db_path, options)) as pool:
        yield from pool.imap(_one, queries, chunksize=chunksize)
