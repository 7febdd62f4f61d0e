"""Errors the user can act on.

Every failure that reaches the command line is a :class:`QuotecheckError` whose
message says what went wrong and, where possible, how to fix it.
"""


class QuotecheckError(Exception):
    """A failure with a message fit for the user (one line, says what to do)."""


class InputError(QuotecheckError):
    """A bad input file or record: reported, skipped, and the batch goes on.

    ``path`` and ``line`` locate the problem; ``str(err)`` is the full one-line message.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


def printable_path(path: str) -> str:
    """``path`` with bytes that are no UTF-8 (held as surrogates) written as ``\\xNN``
    (here, not among the readers, so that the command line can say so without loading
    them)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path
