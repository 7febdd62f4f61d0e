"""The command line: a thin click layer over the library.

Data goes to stdout, people-talk to stderr. Exit codes as grep: 0 all found,
1 something not found (or a check failed), 2 usage or runtime error.
"""

from __future__ import annotations

import codecs
import functools
import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from quotecheck import __version__
from quotecheck.errors import QuotecheckError, printable_path
from quotecheck.model import KINDS
from quotecheck.render import FORMATS, MACHINE, flatten, stream_delimited, stream_json, stream_jsonl

DOC_FORMATS = ("article", "transcript", "record")  # what a stored document can be
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Exit(Exception):
    """Carry an exit code out of a command without click printing anything."""

    def __init__(self, code: int) -> None:
        self.code = code


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``--color`` for every command that prints data."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format: table for people; json, jsonl, csv, tsv for programs.",
    )
    @click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour the table view (auto: only on a terminal and without NO_COLOR).",
    )
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return wrapper


def _store(ctx: click.Context, readonly: bool = False) -> Any:
    from quotecheck.store import Store, default_db_path

    path = ctx.obj["db"] or str(default_db_path())
    if readonly and not os.path.exists(path):
        raise QuotecheckError(
            f"no index at {path}; build one first with: quotecheck index PATH (or pass --db)"
        )
    return Store(path, readonly=False)


def _painter(fmt: str, color: str) -> Any:
    from quotecheck.render.text import Painter, use_color

    return Painter(fmt not in MACHINE and use_color(color, sys.stdout.isatty()))


def _warn(msg: str) -> None:
    click.echo(f"warning: {msg}", err=True)


def emit(
    rows: Iterator[dict[str, Any]],
    fmt: str,
    columns: list[str],
    table: Callable[[list[dict[str, Any]]], str],
) -> int:
    out = sys.stdout
    if fmt == "json":
        return stream_json(rows, out)
    if fmt == "jsonl":
        return stream_jsonl(rows, out)
    if fmt in ("csv", "tsv"):
        return stream_delimited(flatten(rows), columns, out, fmt)
    items = list(rows)
    click.echo(table(items))
    return len(items)


class QuotecheckGroup(click.Group):
    """Turns library errors into one ``Error:`` line and grep's exit codes, for every command."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exit as e:
            ctx.exit(e.code)
        except QuotecheckError as e:
            click.echo(f"Error: {e}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader went away (``| head``): end quietly, like ripgrep. Click alone
            # would exit 1, which reads as "not found".
            _quiet_pipe()
            ctx.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except UnicodeEncodeError as e:
            # bytes that are no UTF-8 in an argument (a Latin-1 terminal) reach SQLite or
            # stdout as surrogates: "internal error" said nothing of the argument
            bad = [a for a in sys.argv[1:] if _undecoded(a)]
            if not bad or e.reason != "surrogates not allowed":
                raise
            click.echo(
                f"Error: the argument '{printable_path(bad[0])}' is not UTF-8 text; pass it"
                " in UTF-8 (is the terminal set to another encoding?)",
                err=True,
            )
            ctx.exit(2)
        except OSError as e:  # output or disk trouble (a full disk): say so, no traceback
            where = f" ({e.filename})" if e.filename else ""
            click.echo(
                f"Error: {e.strerror or e}{where}; check free space and permissions", err=True
            )
            ctx.exit(2)
        except Exception as e:  # noqa: BLE001 - last line of defence: one line, not a traceback
            if os.environ.get("QUOTECHECK_DEBUG"):
                raise
            click.echo(
                f"Error: internal error ({type(e).__name__}: {e}); rerun with QUOTECHECK_DEBUG=1 and report it",
                err=True,
            )
            ctx.exit(2)


def _undecoded(arg: str) -> bool:
    """True for an argument holding bytes that were no UTF-8 (as surrogates)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@click.group(cls=QuotecheckGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar="QUOTECHECK_DB",
    help="Index file (default: $QUOTECHECK_DB, else ~/.local/share/quotecheck/index.db).",
)
@click.version_option(__version__, "-V", "--version", prog_name="quotecheck")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Who said it, where, and what your version changed.

    quotecheck builds a local index of news articles and transcripts, extracts
    who said what, and checks quotes and claims against it.

    \b
    Quick start:
      quotecheck index corpus/
      quotecheck check "we owe it to the American people"
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


# ---------------------------------------------------------------- index
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(
        [
            "article",
            "transcript",
            "text",
            "jsonl",
            "json",
            "csv",
            "tsv",
            "html",
            "docx",
            "odt",
            "pdf",
        ]
    ),
    help="Read every input as this format instead of guessing from the extension (text: an"
    " article, or a transcript if its lines are speaker-labelled; - reads jsonl unless told).",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=COLUMN",
    help="Map a record column to a field (id, text, title, date, url, source, speaker). Repeatable.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0, 256),
    default=1,
    show_default=True,
    help="Worker processes for parsing and attribution (0: one per core).",
)
@click.option(
    "--semantic",
    is_flag=True,
    help="Also store a sentence embedding of each document (text and title) for check --semantic;"
    " needs pip install 'quotecheck[semantic]'. Meant for claim collections.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Read every file again, unchanged ones too, and replace their documents: after an"
    " upgrade of quotecheck, to apply its newer reading and attribution to an existing index.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@click.pass_context
def index(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str | None,
    fields: tuple[str, ...],
    jobs: int,
    semantic: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Add or update articles, transcripts and record files.

    PATHS are files, folders (read recursively) or - for JSON lines on stdin.
    Unchanged files are skipped (unless --force); changed ones replaced, one document per
    transaction.

    \b
    Examples:
      quotecheck index corpus/
      quotecheck index --format transcript hearing.txt
      quotecheck index --field text=claim --field id=claim_id claims.csv
      quotecheck index - < records.jsonl
    """
    import time

    from quotecheck.indexing import index_paths
    from quotecheck.readers.records import FIELDS

    mapping: dict[str, str] = {}
    for f in fields:
        name, sep, col = f.partition("=")
        if not sep or not name or not col:
            raise click.BadParameter(f"expected NAME=COLUMN, got {f!r}", param_hint="--field")
        name = name.strip().lower()
        if name not in FIELDS:
            # it was ignored: the run went on as if the mapping had been taken
            raise click.BadParameter(
                f"no field {name!r} (fields: {', '.join(FIELDS)}), in {f!r}",
                param_hint="--field",
            )
        mapping[name] = col.strip()
    stdin_data = _read_stdin("JSON lines" if fmt is None else fmt) if "-" in paths else None
    jobs = jobs or (os.cpu_count() or 1)
    if semantic:
        from quotecheck.search import semantic as sem

        sem.model()  # a missing extra is said before any indexing
    store = _store(ctx)
    t0 = time.monotonic()
    stats = {"files": 0, "total": 0, "docs": 0, "chars": 0, "last": 0.0}
    show = not quiet and sys.stderr.isatty()

    def bar(final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - stats["last"] < 0.1:
            return
        stats["last"] = now
        total = max(1, stats["total"])
        done = stats["files"] / total
        width = 24
        filled = int(done * width)
        rate = stats["chars"] / max(1e-6, now - t0) / 1e6
        click.echo(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {stats['files']}/{stats['total']} files, "
            f"{stats['docs']} documents, {rate:.2f} MB/s ",
            err=True,
            nl=False,
        )

    def on_start(n: int) -> None:
        stats["total"] = n

    read_otherwise: list[tuple[str, str]] = []  # unchanged files read as another format

    def on_file(res: Any) -> None:
        if fmt and res.unchanged:
            before = _read_as_otherwise(store, res.path, fmt)
            if before is not None:
                read_otherwise.append((res.path, before))
        stats["files"] += 1
        stats["docs"] += len(res.docs)
        stats["chars"] += sum(len(d.text) for d in res.docs)
        if show:
            bar()

    def on_error(message: str) -> None:
        click.echo(("\r\x1b[K" if show else "") + f"warning: {message}", err=True)

    try:
        report = index_paths(
            store,
            paths,
            fmt=fmt,
            fields=mapping,
            jobs=jobs,
            force=force,
            stdin_data=stdin_data,
            on_file=on_file,
            on_error=on_error,
            on_start=on_start,
        )
        if show:
            bar(final=True)
            click.echo("", err=True)
            show = False
        dt = time.monotonic() - t0
        if not quiet:
            click.echo(
                f"indexed {report.documents} documents ({report.statements} statements, "
                f"{report.characters / 1e6:.2f} MB) in {dt:.1f}s; {report.unchanged} unchanged, "
                f"{report.removed} removed, {len(report.errors)} skipped with errors",
                err=True,
            )
        if report.remapped and not quiet:
            # (an unchanged file given another --field mapping was skipped, the mapping
            # unused; now it is read again: say why a file "unchanged" was)
            n = len(report.remapped)
            path, before, now = report.remapped[0]
            click.echo(
                f"note: {n} file{'s' if n > 1 else ''} read again: indexed before with another"
                f" --field mapping ({_shell_path(path)}{' …' if n > 1 else ''}:"
                f" {before or 'none'} then, {now or 'none'} now)",
                err=True,
            )
        for note in _gone_files(store, paths):
            click.echo(f"note: {note}", err=True)
        if fmt is None and not quiet:
            from quotecheck.readers import EXTENSIONS, unread_types

            unread = unread_types(paths)
            if unread:
                # a folder of .pdf or .docx files indexed nothing, and nothing said why
                n = sum(unread.values())
                kinds = ", ".join(f"{ext} {k}" for ext, k in list(unread.items())[:5])
                click.echo(
                    f"note: {n} file{'s' if n > 1 else ''} in the folders left out: quotecheck"
                    f" does not read {'their types' if n > 1 else 'its type'}"
                    f" ({kinds}{', …' if len(unread) > 5 else ''}); it reads"
                    f" {' '.join(sorted(EXTENSIONS))} (--format reads others as one of them)",
                    err=True,
                )
        if read_otherwise:
            # the content hash says "unchanged", so the file is not read again: --format
            # did nothing, and nothing said so
            path, before = read_otherwise[0]
            n = len(read_otherwise)
            click.echo(
                f"note: {n} unchanged file{'s were' if n > 1 else ' was'} not read again as"
                f" {fmt} ({_shell_path(path)}{' …' if n > 1 else ''}, indexed as {before});"
                f" to read {'them' if n > 1 else 'it'} as {fmt}: quotecheck remove PATH, then"
                f" index --format {fmt} PATH",
                err=True,
            )
        if semantic:
            t1 = time.monotonic()
            tty = not quiet and sys.stderr.isatty()

            def progress(n: int) -> None:
                if tty:
                    click.echo(f"\rembedding documents: {n}", err=True, nl=False)

            added, total = sem.build_vectors(store, on_progress=progress)
            if tty and added:
                click.echo("", err=True)
            if not quiet:
                click.echo(
                    f"embedded {added} documents in {time.monotonic() - t1:.1f}s;"
                    f" {total} have vectors",
                    err=True,
                )
    except KeyboardInterrupt:
        if not quiet and stats["total"]:
            # "interrupted" alone left the user wondering what was kept
            click.echo(
                ("\r\x1b[K" if show else "")
                # (files finished in a batch that Ctrl-C rolled back are not in it)
                + f"stopped after {stats['files'] - store.lost_files} of {stats['total']} files;"
                " what they held"
                " is in the index: run the same command again to index the rest",
                err=True,
            )
            show = False
        raise
    finally:
        if show:
            bar(final=True)
            click.echo("", err=True)
        store.close()
    if report.errors:
        raise Exit(2)


def _read_as_otherwise(store: Any, path: str, fmt: str) -> str | None:
    """How an indexed file was read, if not as ``fmt`` would read it: its reader ("txt"
    stored for a .txt read by extension is "text"), or for ``article``/``transcript`` what
    its documents are (a .txt found to be a transcript was read as one)."""
    from quotecheck.readers import EXTENSIONS

    row = store.db.execute("SELECT format FROM files WHERE path = ?", (path,)).fetchone()
    if row is None:
        return None
    reader = EXTENSIONS.get("." + row[0], row[0])
    if reader == fmt:
        return None
    if fmt in ("article", "transcript") and reader == "text":
        kinds = {
            k for (k,) in store.db.execute("SELECT format FROM documents WHERE path = ?", (path,))
        }
        if kinds == {fmt}:
            return None
        return " and ".join(sorted(kinds)) or reader
    return reader


def _shell_path(path: str) -> str:
    """``path`` relative to the working folder when under it, quoted for a shell."""
    import shlex

    rel = os.path.relpath(path)
    return shlex.quote(path if rel.startswith("..") else rel)


def _read_stdin(what: str) -> bytes:
    """All of stdin; at a terminal, first a line saying it is awaited (it sat silent)."""
    if sys.stdin.isatty():
        click.echo(f"reading {what} from the terminal (Ctrl-D to end)", err=True)
    return sys.stdin.buffer.read()


def _gone_files(store: Any, paths: tuple[str, ...]) -> Iterator[str]:
    """For each folder indexed, the files indexed from it before that are gone now.

    Indexing adds and updates: a file deleted from a folder keeps its documents in the
    index (``check`` still cites them), which nothing said. Not dropped here: the folder
    may be a moved or unmounted copy; the note says how.
    """
    import shlex

    for p in dict.fromkeys(paths):
        if p == "-" or not os.path.isdir(p) or _undecoded(p):
            continue  # (a folder whose name is no UTF-8 text has nothing indexed under it)
        root = os.path.abspath(p)
        prefix = root.rstrip(os.sep) + os.sep
        stored = store.db.execute(
            "SELECT path FROM files WHERE substr(path, 1, ?) = ? ORDER BY path",
            (len(prefix), prefix),
        ).fetchall()
        gone = [
            os.path.join(p, os.path.relpath(f, root)) for (f,) in stored if not os.path.lexists(f)
        ]
        if not gone:
            continue
        shown = " ".join(shlex.quote(g) for g in gone[:3])
        many = len(gone) > 1
        yield (
            f"{len(gone)} file{'s' if many else ''} indexed from {p} no longer exist"
            f"{'' if many else 's'} ({shown}{' …' if len(gone) > 3 else ''});"
            f" {'their' if many else 'its'} documents stay in the index: drop them with:"
            f" quotecheck remove {shown if len(gone) <= 3 else 'PATH...'}"
        )


# ---------------------------------------------------------------- check
def _queries(quotes: tuple[str, ...]) -> Iterator[str]:
    """The arguments, or the lines of stdin without any; an argument "-" stands for stdin's
    lines at its place, as for index and verify (it was looked up as a query of no words)."""
    for q in quotes:
        if q == "-":
            yield from _stdin_queries()
        else:
            yield q
    if not quotes:
        yield from _stdin_queries()


def _stdin_queries() -> Iterator[str]:
    if sys.stdin.isatty():
        click.echo("reading quotes from the terminal, one per line (Ctrl-D to end)", err=True)
    for n, line in enumerate(_stdin_lines(sys.stdin.buffer), 1):
        if line is None or _binary_line(line):
            raise QuotecheckError(
                f"stdin looks binary (line {n}); pass quotes as text, one per line"
            )
        if line.strip():
            yield line


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _head(stream: Any, n: int) -> bytes:
    """The first ``n`` bytes of ``stream``, left unread (a pipe can peek, a file seek)."""
    if hasattr(stream, "peek"):
        return bytes(stream.peek(n)[:n])
    if stream.seekable():
        pos = stream.tell()
        head = bytes(stream.read(n))
        stream.seek(pos)
        return head
    return b""


def _stdin_lines(stream: Any) -> Iterator[str | None]:
    """Lines of stdin as text, as they come (None for a line that is no text).

    UTF-16 and UTF-32 with a byte-order mark (Windows tools write it) are read as such
    (they read as binary, line by line in UTF-8), a UTF-8 mark is dropped (the first
    query began with it, and its "query" field too), and a line that is not UTF-8 is
    decoded as the legacy encoding it is in ("café" in Windows-1252 came out "caf\ufffd").
    """
    head = _head(stream, 4)
    if not head and hasattr(stream, "peek"):
        return  # end of input already (at a terminal a second read would wait for more)
    for bom, enc in _WIDE_BOMS:
        if head.startswith(bom):
            wide = io.TextIOWrapper(stream, encoding=enc, errors="replace", newline=None)
            try:
                for text in wide:
                    yield text.rstrip("\r\n")
            finally:
                wide.detach()  # stdin stays open
            return
    for n, raw in enumerate(stream):
        if n == 0 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if _binary_line(raw.decode("utf-8", errors="replace")):
                yield None
                continue
            from quotecheck.errors import InputError  # (the readers: only for such a line)
            from quotecheck.readers.decode import decode

            try:
                text = decode(raw, "<stdin>")
            except InputError:
                yield None
                continue
        yield text.rstrip("\r\n")


def _binary_line(line: str) -> bool:
    """NUL bytes, or mostly control characters and undecodable bytes (not a stray é)."""
    if "\x00" in line:
        return True
    bad = sum(1 for c in line if c == "\ufffd" or (c < " " and c not in "\t\f\v\x1b"))
    return bad >= 4 and bad > 0.3 * len(line)


CHECK_COLUMNS = [
    "query",
    "claimed_speaker",
    "verdict",
    "attribution",
    "rank",
    "score",
    "match_verdict",
    "speaker",
    "speaker_mention",
    "kind",
    "document.id",
    "document.path",
    "document.key",
    "document.title",
    "document.date",
    "line",
    "start",
    "end",
    "matched_text",
    "alerts",
    "changes",
]


def _check_rows(results: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat row per match (one per query when nothing matched)."""
    for r in results:
        r = _public(r, False)
        base = {k: r[k] for k in ("query", "claimed_speaker", "verdict", "attribution")}
        if not r["matches"]:
            yield base
        for m in r["matches"]:
            row = dict(base)
            row.update({k: v for k, v in m.items() if not k.startswith("_")})
            row["match_verdict"] = m["verdict"]
            row["verdict"] = r["verdict"]
            row["changes"] = ["{op}:{source}->{query}".format(**c) for c in m["changes"]]
            yield row


def _public(result: dict[str, Any], explain: bool) -> dict[str, Any]:
    for m in result["matches"] + (
        [result["claimed_speaker_match"]] if result.get("claimed_speaker_match") else []
    ):
        m.pop("_diff", None)
        e = m.pop("_explain", None)
        if explain and e is not None:
            m["explain"] = e
    if not result.get("notes"):
        result.pop("notes", None)
    return result


def _failed(result: dict[str, Any]) -> bool:
    return result["verdict"] == "not_found" or result.get("attribution") in (
        "misattributed",
        "unknown",
        "unattributed",
    )


@cli.command()
@click.argument("quotes", nargs=-1)
@click.option(
    "-s", "--speaker", help="Who the quote is attributed to; sets the attribution verdict."
)
@click.option(
    "-n",
    "--top",
    type=click.IntRange(0, 100),
    default=3,
    show_default=True,
    help="Matches per query.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Drop matches scoring below this (default: the not-found threshold; 0 keeps the best --top).",
)
@click.option("--explain", is_flag=True, help="Say why each score and verdict is what it is.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0, 256),
    default=1,
    show_default=True,
    help="Worker processes for many queries on stdin (0: one per core); output keeps input order.",
)
@click.option(
    "--semantic",
    is_flag=True,
    help="Re-rank claims (when no quote is found) with a sentence encoder; needs pip install 'quotecheck[semantic]'.",
)
@output_options
@click.pass_context
def check(
    ctx: click.Context,
    quotes: tuple[str, ...],
    speaker: str | None,
    top: int,
    min_score: float | None,
    explain: bool,
    jobs: int,
    semantic: bool,
    fmt: str,
    color: str,
) -> None:
    """Look up quotes or claims: arguments, or one per line on stdin (also as -).

    Exit code 0 if every query is found (and the claimed speaker confirmed), 1 if one is
    not, 2 on an error.

    \b
    Examples:
      quotecheck check "we owe it to the American people"
      quotecheck check --speaker Lavrov "the talks were businesslike and frank"
      quotecheck check --format jsonl < claims.txt
    """
    from quotecheck.render.text import render_check
    from quotecheck.search.check import Searcher

    store = _store(ctx, readonly=True)
    searcher = Searcher(store)
    paint = _painter(fmt, color)
    failed = 0
    cwd = os.getcwd()

    jobs = jobs or (os.cpu_count() or 1)
    queries = _queries(quotes)
    first = next(queries, None)
    if first is None:
        # an empty pipe (a claims file that came out empty, a failed command before the
        # |) exited 0 with no output, which a script reads as "every query found"
        store.close()
        raise QuotecheckError(
            "no quotes to check: stdin was empty (or blank lines only); pass quotes as"
            " arguments or one per line on stdin"
        )
    queries = itertools.chain([first], queries)

    def looked_up() -> Iterator[dict[str, Any]]:
        options: dict[str, Any] = {"top": top, "min_score": min_score, "claimed_speaker": speaker}
        if semantic:
            options["semantic"] = True
        if jobs > 1:
            from quotecheck.search.batch import check_many

            yield from check_many(store.path, queries, jobs=jobs, **options)
        else:
            for q in queries:
                yield searcher.check(q, **options)

    def results() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for r in looked_up():
            for note in r.get("notes", []):
                click.echo(f"note: {note}", err=True)
            failed += _failed(r)
            yield r

    if fmt == "table":
        for n, r in enumerate(results()):
            click.echo(
                ("\n" if n else "") + render_check(r, paint, explain=explain, cwd=cwd),
                color=paint.color,
            )
    elif fmt in ("csv", "tsv"):
        emit(_check_rows(results()), fmt, CHECK_COLUMNS, lambda rows: "")
    else:
        emit((_public(r, explain) for r in results()), fmt, [], lambda rows: "")
    store.close()
    if failed:
        raise Exit(1)


# ---------------------------------------------------------------- verify
@cli.command()
@click.argument("draft", type=click.Path(allow_dash=True))
@click.option(
    "-n",
    "--top",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
    help="Matches per statement.",
)
@click.option("--explain", is_flag=True, help="Say why each score and verdict is what it is.")
@output_options
@click.pass_context
def verify(ctx: click.Context, draft: str, top: int, explain: bool, fmt: str, color: str) -> None:
    """Check every quote in a draft article against the index.

    DRAFT is a text or Markdown file, or - to read the draft from stdin.
    Exit code 1 if any statement is not found, misattributed or carries an alert.

    \b
    Examples:
      quotecheck verify draft.md
      quotecheck verify --format csv draft.md
    """
    from quotecheck.render.text import render_verify
    from quotecheck.search.check import Searcher
    from quotecheck.search.verify import verify_draft

    if draft == "-":
        data = _read_stdin("the draft")
        name = "<stdin>"
    else:
        from quotecheck.readers import read_bytes

        data = read_bytes(draft)
        name = draft
    _readable_draft(name, data)
    if not data.lstrip(b"\xef\xbb\xbf\xff\xfe").strip(b" \t\r\n\f\v\x00"):
        # an empty draft (a failed conversion piped in) said "no quotes found" and exited
        # 0: a pre-publication check passed on nothing
        raise QuotecheckError(f"{printable_path(name)}: the draft is empty; nothing to verify")
    store = _store(ctx, readonly=True)
    searcher = Searcher(store)
    rows = verify_draft(searcher, name, data, top=top)
    failed = 0

    def results() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for r in rows:
            failed += r["failed"]  # (kept in the result: a CI script reads it per statement)
            yield r

    paint = _painter(fmt, color)
    if fmt == "table":
        click.echo(render_verify(list(results()), paint, cwd=os.getcwd()), color=paint.color)
    elif fmt in ("csv", "tsv"):

        def flat() -> Iterator[dict[str, Any]]:
            for r in results():
                for row in _check_rows(iter([r])):
                    row.update(
                        {
                            "draft.line": r["draft"]["line"],
                            "draft.start": r["draft"]["start"],
                            "draft.end": r["draft"]["end"],
                            "draft.text": r["draft"]["text"],
                            "quote_altered": r["quote_altered"],
                            "failed": r["failed"],
                        }
                    )
                    yield row
                    break

        emit(
            flat(),
            fmt,
            ["draft.line", "draft.start", "draft.end", "draft.text"]
            + CHECK_COLUMNS
            + ["quote_altered", "failed"],
            lambda r: "",
        )
    else:
        emit((_public(r, explain) for r in results()), fmt, [], lambda r: "")
    store.close()
    if failed:
        raise Exit(1)


def _readable_draft(name: str, data: bytes) -> None:
    """A draft that is a word-processor file or of a type no reader takes is one error that
    says how to hand it over: "draft.docx: unknown file type" said neither what verify
    reads nor what to do, and a .docx on stdin was "binary file ..., skipped"."""
    import shlex

    from quotecheck.readers import reader_by_content, word_processor_file

    shown = printable_path(name)
    arg = "FILE" if name == "<stdin>" else shlex.quote(shown)
    if reader_by_content(data) is not None:
        return  # .docx, .odt and PDF drafts are read
    kind = word_processor_file(data)
    if kind is not None:
        how = (
            f"pandoc -f rtf -t plain {arg} | quotecheck verify -"
            if ".doc)" not in kind
            else "save it as .docx or plain text (.txt) and verify that"
        )
        raise QuotecheckError(
            f"{shown} is {kind}, not text: verify reads drafts in plain text, Markdown,"
            f" Word (.docx), OpenDocument (.odt), PDF or HTML; convert it first, e.g. {how}"
        )
    if name == "<stdin>" or "." not in os.path.basename(name):
        return
    from quotecheck.readers import reader_for

    ext = os.path.splitext(name)[1].lower()
    if reader_for(name, None) is None:
        raise QuotecheckError(
            f"{shown}: verify does not read {ext} files (it reads .txt, .md, .docx, .odt, .pdf"
            f" and .html drafts); if it is plain text, pass it on stdin: quotecheck verify - <"
            f" {arg}"
        )


# ---------------------------------------------------------------- quotes
QUOTE_COLUMNS = [
    "id",
    "speaker",
    "kind",
    "document.path",
    "document.key",
    "line",
    "start",
    "end",
    "mention.text",
    "cue.text",
    "text",
]


@cli.command()
@click.option(
    "-s", "--speaker", help="Only this person's statements (any alias: surname, full name, role)."
)
@click.option(
    "-d",
    "--doc",
    "docs",
    multiple=True,
    help="Only this document (id, path, file name or record key). Repeatable.",
)
@click.option(
    "-k",
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only this kind: direct (in quote marks), indirect (reported speech), transcript"
    " (a labelled line), record (a record naming its speaker). Repeatable.",
)
@click.option(
    "-l", "--limit", type=click.IntRange(1), default=None, help="At most this many statements."
)
@output_options
@click.pass_context
def quotes(
    ctx: click.Context,
    speaker: str | None,
    docs: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int | None,
    fmt: str,
    color: str,
) -> None:
    """List extracted statements, with speaker, document, offsets and cue.

    Exit code 1 if no statement matches the filters.

    \b
    Examples:
      quotecheck quotes --speaker "Sergey Lavrov" --format csv
      quotecheck quotes --doc corvale-harbour-plan.txt --kind direct
    """
    from tabulate import tabulate

    from quotecheck.search.listing import list_statements, speaker_ids

    store = _store(ctx, readonly=True)
    rows = list_statements(store, speaker=speaker, docs=docs, kinds=kinds, limit=limit)
    if speaker and not speaker_ids(store, speaker):
        click.echo(
            f"no speaker in the index matches {speaker!r}; see: quotecheck speakers", err=True
        )
        if fmt != "table":
            # nothing found, as for a filter that matches no statement: the format's
            # empty output ([] or a header row; a script's parser got no input at all)
            emit(iter(()), fmt, QUOTE_COLUMNS, lambda items: "")
        store.close()
        raise Exit(1)

    def table(items: list[dict[str, Any]]) -> str:
        if not items:
            return "no statements"
        return tabulate(
            [
                [
                    r["id"],
                    r["speaker"] or "-",
                    r["kind"],
                    f"{os.path.basename(r['document']['path'])}:{r['line']}",
                    _clip(_spoken(r), 70),
                ]
                for r in items
            ],
            headers=["id", "speaker", "kind", "where", "text"],
        )

    n = emit(rows, fmt, QUOTE_COLUMNS, table)
    store.close()
    if n == 0:
        raise Exit(1)


def _spoken(quote: dict[str, Any]) -> str:
    """A statement's own words: its spans joined by " … " (the attribution between left out)."""
    base, text = quote["start"], quote["text"]
    pieces = [
        text[a - base : b - base] for a, b in quote["spans"] if base <= a <= b <= base + len(text)
    ]
    return " … ".join(pieces) if pieces else text


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- speakers
@cli.command()
@output_options
@click.pass_context
def speakers(ctx: click.Context, fmt: str, color: str) -> None:
    """List speakers with aliases, roles and statement counts.

    Exit code 1 if the index has none.
    """
    from tabulate import tabulate

    store = _store(ctx, readonly=True)
    rows = store.speakers()

    def table(items: list[dict[str, Any]]) -> str:
        if not items:
            return "no speakers"
        return tabulate(
            [
                [
                    r["name"],
                    r["statements"],
                    r["documents"],
                    _clip(", ".join(r["aliases"]), 40),
                    _clip(", ".join(r["roles"]), 40),
                ]
                for r in items
            ],
            headers=["speaker", "statements", "documents", "aliases", "roles"],
        )

    n = emit(iter(rows), fmt, ["id", "name", "statements", "documents", "aliases", "roles"], table)
    store.close()
    if n == 0:  # nothing found, as quotes and check say it (it exited 0)
        raise Exit(1)


# ---------------------------------------------------------------- show
@cli.command()
@click.argument("doc")
@click.option(
    "--lines",
    metavar="A-B",
    help="Only these lines of the source file: 5-12, 5 (one line), 5- (to the end), -12.",
)
@output_options
@click.pass_context
def show(ctx: click.Context, doc: str, lines: str | None, fmt: str, color: str) -> None:
    """Print a document (or some lines of it) with its statements marked.

    DOC is a document id, a path, a file name or a record key. With --lines, the
    machine formats add a "passage" (its lines, character offsets and text) and list
    only the statements in it.

    \b
    Examples:
      quotecheck show corvale-harbour-plan.txt --lines 7-11
      quotecheck show 2 --format json
    """
    from quotecheck.render.text import render_document

    wanted = _line_spec(lines) if lines else None
    store = _store(ctx, readonly=True)
    found = store.find_documents(doc)
    if not found:
        raise QuotecheckError(
            f"no document matches {doc!r}; list them with: quotecheck stats or quotecheck quotes"
        )
    if len(found) > 1 and not doc.isdigit():
        names = ", ".join(f"{d['id']}:{os.path.basename(d['path'])}" for d in found[:5])
        raise QuotecheckError(f"{doc!r} names {len(found)} documents ({names}); pass a document id")
    d = found[0]
    text = store.text_slice(d["id"], 0, d["length"])
    stmts = list(store.statements(doc_ids=[d["id"]]))
    base = d.get("line_base") or 1
    last = base + text.count("\n") - text.endswith("\n")  # a final newline opens no line
    lo, hi = base, last
    if wanted is not None:
        lo, hi = wanted[0] or base, min(wanted[1] or last, last)
        if lo > last or hi < base:
            raise click.BadParameter(
                f"{lines!r}: the document has lines {base}-{last}", param_hint="--lines"
            )
        lo = max(lo, base)
    if fmt == "table":
        paint = _painter(fmt, color)
        click.echo(
            render_document(d, text, stmts, paint, lo, hi, cwd=os.getcwd()), color=paint.color
        )
    else:
        record = _show_record(d, text, stmts)
        if wanted is not None:
            start = _line_offset(text, lo - base)
            end = _line_offset(text, hi - base + 1)
            end -= end > start and text[end - 1 : end] == "\n"
            record["passage"] = {
                "first_line": lo,
                "last_line": hi,
                "start": start,
                "end": end,
                "text": text[start:end],
            }
            record["statements"] = [
                st for st in record["statements"] if st["start"] < end and st["end"] > start
            ]
        emit(
            iter([record]),
            fmt,
            ["id", "path", "key", "title", "date", "url", "source", "format", "line", "text"],
            lambda r: "",
        )
    store.close()


def _show_record(d: dict[str, Any], text: str, stmts: list[dict[str, Any]]) -> dict[str, Any]:
    """``show``'s machine record: the contract's ``document`` fields, ``source``,
    ``format`` (article, transcript or record), ``line`` (the source file's line where the
    text starts), the text, and its statements as ``quotes`` records.

    It was the store's row as is: ``line_base``, ``body_start``, ``length`` and ``hash``
    (internals), a piped article's content key as its ``key``, and statements with a
    ``doc_id`` and neither their text nor their line.
    """
    import bisect

    from quotecheck.search.listing import statement_record
    from quotecheck.store.db import document_ref

    ref = document_ref(d)
    base = d.get("line_base") or 1
    newlines = [m.start() for m in re.finditer("\n", text)]
    statements = [
        statement_record(
            st,
            ref,
            text[st["start"] : st["end"]],
            base + bisect.bisect_left(newlines, st["start"]),
        )
        for st in stmts
    ]
    return dict(
        ref, source=d.get("source"), format=d["format"], line=base, text=text, statements=statements
    )


def _line_spec(spec: str) -> tuple[int | None, int | None]:
    """``--lines``: "5-12", "5" (that line), "5-" (to the end), "-12" (from the start);
    None for an open end."""
    m = re.fullmatch(r"\s*(\d*)\s*(-?)\s*(\d*)\s*", spec)
    if m is None or not (m.group(1) or m.group(3)) or (not m.group(2) and not m.group(1)):
        raise click.BadParameter(f"{spec!r}: expected A-B, e.g. 5-12", param_hint="--lines")
    a = int(m.group(1)) if m.group(1) else None
    b = int(m.group(3)) if m.group(3) else (None if m.group(2) else a)
    if a == 0 or b == 0:
        raise click.BadParameter(f"{spec!r}: lines count from 1", param_hint="--lines")
    if a is not None and b is not None and a > b:
        raise click.BadParameter(
            f"{spec!r}: the first line comes after the last", param_hint="--lines"
        )
    return a, b


def _line_offset(text: str, n: int) -> int:
    """Offset of the start of the ``n``-th line (0-based) of ``text``; its length past the end."""
    pos = 0
    for _ in range(n):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


# ---------------------------------------------------------------- stats / remove
@cli.command()
@output_options
@click.pass_context
def stats(ctx: click.Context, fmt: str, color: str) -> None:
    """What the index holds."""
    from tabulate import tabulate

    store = _store(ctx, readonly=True)
    s = store.stats()
    store.close()

    def table(items: list[dict[str, Any]]) -> str:
        r = items[0]
        rows = [
            [k, ", ".join(f"{a}: {b}" for a, b in v.items()) if isinstance(v, dict) else v]
            for k, v in r.items()
        ]
        return tabulate(rows, tablefmt="plain")

    if fmt in ("csv", "tsv"):
        # One column per format and kind (a dict has no cell of its own: flattened, each
        # of its keys is one), every known one always there, so the header is the same
        # for every index.
        for key, known in (("formats", DOC_FORMATS), ("statements_by_kind", KINDS)):
            counts = s[key]
            s[key] = {k: counts.get(k, 0) for k in (*known, *sorted(set(counts) - set(known)))}
        columns = list(next(flatten(iter([s]))))
    else:
        columns = list(s)
    emit(iter([s]), fmt, columns, table)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.pass_context
def remove(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Drop documents read from PATHS (files, or everything under a folder).

    - drops the documents that were piped into index -. Exit code 1 if a PATH had
    nothing indexed from it.
    """
    store = _store(ctx, readonly=True)
    missing = 0
    for p in paths:
        if p == "-":
            p = "<stdin>"
        if _undecoded(p):  # such a name is never indexed (and SQLite refuses it)
            click.echo(f"warning: {printable_path(p)}: nothing indexed from there", err=True)
            missing += 1
            continue
        n = store.remove(os.path.abspath(p))
        if n == 0:
            n = store.remove(p)
        if n == 0:
            click.echo(f"warning: {p}: nothing indexed from there", err=True)
            missing += 1
        else:
            click.echo(f"removed {n} documents from {p}", err=True)
    store.close()
    if missing:
        raise Exit(1)


def _command_db(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["db"] = value


# ``--db`` after the command too ("quotecheck check --db x.db ..." said "No such option
# '--db'"): the group's own option runs first, so the command's wins.
for _command in cli.commands.values():
    _command.params.append(
        click.Option(
            ["--db"],
            type=click.Path(dir_okay=False),
            expose_value=False,
            callback=_command_db,
            help="Index file (as quotecheck --db, which may also come before the command).",
        )
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point: the CLI, with a broken pipe (``| head``) ending quietly.

    Ctrl-C anywhere (even outside a command, e.g. while modules load) is one
    "interrupted" line and exit code 130; once the command is done, a late Ctrl-C
    cannot turn a finished run into a failed one.
    """
    import signal

    try:
        try:
            cli.main(args=argv, prog_name="quotecheck")
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _quiet_pipe()
        sys.exit(0)


def _quiet_pipe() -> None:
    """Point stdout at /dev/null so the final flush at exit cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (CliRunner)
        pass
