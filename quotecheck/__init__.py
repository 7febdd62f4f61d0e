"""quotecheck: who said it, where, and what your version changed."""

__version__ = "0.1.0"
