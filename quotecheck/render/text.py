"""The human view: wrapped text, diff markers, optional colour (ANSI)."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

RESET = "\x1b[0m"
STYLES = {
    "red": "\x1b[31m",
    "green": "\x1b[32m",
    "yellow": "\x1b[33m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "cyan": "\x1b[36m",
    "under": "\x1b[4m",
}
VERDICT_STYLE = {
    "verbatim": "green",
    "close": "green",
    "partial": "yellow",
    "paraphrase": "yellow",
    "not_found": "red",
    "confirmed": "green",
    "misattributed": "red",
    "unattributed": "yellow",
    "unknown": "yellow",
}


# Control characters from documents must not drive the user's terminal: each is shown as
# its one-character Control Picture (ESC -> ␛), so offsets within a text stay the same.
_CONTROL = {c: 0x2400 + c for c in range(32) if chr(c) not in "\n\t"}
_CONTROL[0x7F] = 0x2421
_CONTROL.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def safe(text: str) -> str:
    """``text`` with terminal control characters made visible and harmless.

    >>> safe("a\x1b[2Jb")
    'a␛[2Jb'
    """
    return text.translate(_CONTROL)


def _safe_obj(obj: Any) -> Any:
    if isinstance(obj, str):
        return safe(obj)
    if isinstance(obj, dict):
        return {k: _safe_obj(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return type(obj)(_safe_obj(v) for v in obj)
    return obj


class Painter:
    """Applies ANSI styles only when colour is on."""

    def __init__(self, color: bool, width: int | None = None) -> None:
        self.color = color
        self.width = width or max(60, min(120, shutil.get_terminal_size((100, 24)).columns))

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return STYLES[style] + text + RESET


def use_color(choice: str, is_tty: bool) -> bool:
    """``--color auto|always|never``; auto means a terminal and no ``NO_COLOR``."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return is_tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def diff_words(segments: Sequence[Sequence[str]], paint: Painter) -> str:
    """The source's words with the query's edits marked: ``[-source-]{+query+}`` (or colour)."""
    out = []
    for op, src, qry in segments:
        if op == "equal":
            out.append(src)
            continue
        old = (paint(src, "red") if paint.color else f"[-{src}-]") if src else ""
        new = (paint(qry, "green") if paint.color else "{+" + qry + "+}") if qry else ""
        if op == "insert" and out and not out[-1].endswith(" "):
            new = " " + new
        elif op == "insert" and not out:
            new += " "  # words the query adds before the span's first word
        out.append(old + new)
    return "".join(out)


def wrap(label: str, text: str, width: int, indent: int = 4) -> str:
    """``label`` then ``text`` wrapped to ``width`` with a hanging indent."""
    head = " " * indent + label
    body = " ".join(text.split())
    lines = textwrap.wrap(
        body, width=max(30, width - len(head)), break_on_hyphens=False, break_long_words=False
    ) or [""]
    pad = " " * len(head)
    return "\n".join((head if k == 0 else pad) + line for k, line in enumerate(lines))


def emphasise(context: str, matched: str, paint: Painter) -> str:
    i = context.find(matched)
    if i < 0 or not paint.color:
        return context
    return context[:i] + paint(matched, "bold") + context[i + len(matched) :]


def render_check(
    result: dict[str, Any], paint: Painter, *, explain: bool = False, cwd: str | None = None
) -> str:
    """One query's result as text for people."""
    result = _safe_obj(result)
    w = paint.width
    lines = []
    verdict = result["verdict"]
    head = paint(verdict.upper().replace("_", " "), VERDICT_STYLE.get(verdict, "bold"))
    if result.get("attribution"):
        att = result["attribution"]
        head += "  " + paint(att, VERDICT_STYLE.get(att, "bold"))
        head += f" (claimed: {result['claimed_speaker']})"
    lines.append(f"{head}  {paint(_short(result['query'], w - 30), 'bold')}")
    for note in result.get("notes", []):
        lines.append(wrap("note: ", note, w))
    if not result["matches"]:
        lines.append("    no match in the index" + ("" if verdict == "not_found" else ""))
    for m in result["matches"]:
        who = m["speaker"] or (
            "narration (nobody's statement)" if m["kind"] == "narration" else "unknown speaker"
        )
        kind = "" if m["kind"] == "narration" else f" · {m['kind']}"
        mention = (
            f" (as “{m['speaker_mention']}”)"
            if m.get("speaker_mention") and m["speaker_mention"] != m["speaker"]
            else ""
        )
        lines.append(
            f"  #{m['rank']} {m['score']:5.1f} {paint(m['verdict'], VERDICT_STYLE.get(m['verdict'], 'bold'))}"
            f"  {paint(who, 'cyan')}{mention}{kind}"
        )
        doc = m["document"]
        where = _relpath(doc["path"], cwd) + f":{m['line']}"
        if doc.get("key"):
            where += f" [{doc['key']}]"
        title = doc.get("title") or ""
        src = (
            where
            + (f"  “{_short(title, 70)}”" if title else "")
            + (f"  {doc['date']}" if doc.get("date") else "")
        )
        lines.append(wrap("source:  ", src, w))
        words = (
            diff_words(m["_diff"], paint) if m.get("_diff") and m["changes"] else m["matched_text"]
        )
        lines.append(wrap("words:   ", words, w))
        if m["alerts"]:
            lines.append(wrap("alerts:  ", ", ".join(paint(a, "red") for a in m["alerts"]), w))
        lines.append(wrap("context: ", emphasise(m["context"], m["matched_text"], paint), w))
        if explain and "_explain" in m:
            e = m["_explain"]
            lines.append(
                wrap(
                    "why:     ",
                    f"coverage {e['coverage']:.2f}^{e['coverage_power']:g} × {e['weights']['coverage']:g}"
                    f" + precision {e['precision']:.2f} × coverage × {e['weights']['precision']:g}"
                    f" + similarity {e['similarity']:.2f} × {e['weights']['similarity']:g},"
                    f" × informativeness {e['informativeness']:.2f}"
                    + (
                        f" − {e['ambiguity']:g} (another passage matches nearly as well)"
                        if e.get("ambiguity")
                        else ""
                    )
                    + f" = {m['score']:.1f};"
                    f" found at ≥ {e['thresholds']['found']:g}, close at ≥ {e['thresholds']['close']:g}"
                    + (f"; alerts: {', '.join(m['alerts'])}" if m["alerts"] else ""),
                    w,
                )
            )
    claimed = result.get("claimed_speaker_match")
    if claimed:
        lines.append(
            wrap(
                "closest statement by the claimed speaker: ",
                f"{claimed['score']:.1f} {_relpath(claimed['document']['path'], cwd)}:{claimed['line']} “{_short(claimed['matched_text'], 200)}”",
                w,
                indent=2,
            )
        )
    return "\n".join(lines)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: max(1, n - 1)] + "…"


def _relpath(path: str, cwd: str | None) -> str:
    if not cwd or not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return path
    return path if rel.startswith("../..") else rel


def render_verify(
    results: Sequence[dict[str, Any]], paint: Painter, *, cwd: str | None = None
) -> str:
    """One block per draft statement: where, claimed speaker, verdict, attribution, source."""
    results = _safe_obj(list(results))
    if not results:
        return "no quotes or reported statements found in the draft"
    w = paint.width
    out = []
    ok = 0
    for r in results:
        d = r["draft"]
        att = r.get("attribution")
        m = r["matches"][0] if r["matches"] else None
        # a stitched quote: one match per sentence, each sentence's alerts count
        pieces = r["matches"] if r.get("stitched") else []
        alerts = [a for p in pieces for a in p["alerts"]] if pieces else m["alerts"] if m else []
        altered = bool(r.get("quote_altered"))
        good = r["verdict"] != "not_found" and att != "misattributed" and not alerts and not altered
        ok += good
        mark = paint("ok  ", "green") if good else paint("FAIL", "red")
        who = r.get("claimed_speaker") or "(no speaker named)"
        head = (
            f"{mark} line {d['line']}: {paint(r['verdict'], VERDICT_STYLE.get(r['verdict'], 'bold'))}"
            + (f", {paint(att, VERDICT_STYLE.get(att, 'bold'))}" if att else "")
            + f"  claimed: {who}"
        )
        out.append(head)
        out.append(wrap("draft:   ", "“" + _short(d["text"], 300) + "”", w))
        if m:
            said = m["speaker"] or ("narration" if m["kind"] == "narration" else "unknown speaker")
            out.append(
                wrap(
                    "source:  ",
                    f"{said} — {_relpath(m['document']['path'], cwd)}:{m['line']}"
                    + (
                        f" “{_short(m['document']['title'] or '', 60)}”"
                        if m["document"].get("title")
                        else ""
                    ),
                    w,
                )
            )
            for p in pieces[1:]:
                said_p = p["speaker"] or (
                    "narration" if p["kind"] == "narration" else "unknown speaker"
                )
                out.append(
                    wrap(
                        "         ",
                        f"{said_p} — {_relpath(p['document']['path'], cwd)}:{p['line']}"
                        f" “{_short(p['matched_text'], 60)}”",
                        w,
                    )
                )
            if m["changes"] and m.get("_diff"):
                out.append(wrap("words:   ", diff_words(m["_diff"], paint), w))
            if pieces:
                out.append(
                    wrap("stitched: ", "its sentences were said apart, not as one passage", w)
                )
            elif altered:
                out.append(wrap("altered: ", "the words in quote marks are not the source's", w))
            if alerts:
                out.append(wrap("alerts:  ", ", ".join(paint(a, "red") for a in alerts), w))
                # what the draft left out or changed reads in the source's own sentence
                out.append(wrap("context: ", emphasise(m["context"], m["matched_text"], paint), w))
        claimed = r.get("claimed_speaker_match")
        if claimed:
            out.append(
                wrap(
                    "claimed speaker's closest statement: ",
                    f"{_relpath(claimed['document']['path'], cwd)}:{claimed['line']} “{_short(claimed['matched_text'], 160)}”",
                    w,
                )
            )
    out.append(f"\n{ok} of {len(results)} statements check out")
    return "\n".join(out)


def render_document(
    doc: dict[str, Any],
    text: str,
    statements: Sequence[dict[str, Any]],
    paint: Painter,
    first_line: int = 1,
    last_line: int | None = None,
    cwd: str | None = None,
) -> str:
    """The document's text with each statement marked ⟦…⟧ and numbered, speakers listed below."""
    text = safe(text)  # one character for one: the statement offsets still apply
    doc = _safe_obj(doc)
    statements = _safe_obj(list(statements))
    marks: list[tuple[int, int, str]] = []
    notes = []
    for i, st in enumerate(statements, 1):
        for a, b in st["spans"]:
            marks.append((a, 0, paint("⟦", "cyan")))
            marks.append((b, 1, paint(f"⟧{i}", "cyan")))
        who = st["speaker"] or "-"
        mention = st["mention"]["text"] if st["mention"] else ""
        cue = st["cue"]["text"] if st["cue"] else ""
        notes.append(
            f"  {i:>3}  {st['kind']:<10} {who}"
            + (f"  (mention “{mention}”" + (f", cue “{cue}”)" if cue else ")") if mention else "")
        )
    pieces = []
    pos = 0
    for off, _, mark in sorted(marks, key=lambda m: (m[0], -m[1])):
        pieces.append(text[pos:off])
        pieces.append(mark)
        pos = off
    pieces.append(text[pos:])
    marked = "".join(pieces)
    lines = marked.split("\n")
    base = doc.get("line_base") or 1
    lo = max(0, first_line - base)
    hi = len(lines) if last_line is None else max(lo, last_line - base + 1)
    body = "\n".join(f"{n + base:>5}  {ln}" for n, ln in enumerate(lines[lo:hi], lo))
    head = (
        _relpath(doc["path"], cwd)
        + (f" [{doc['key']}]" if doc.get("key") else "")
        + (f" — {doc['title']}" if doc.get("title") else "")
    )
    return (
        head
        + "\n\n"
        + body
        + ("\n\nstatements:\n" + "\n".join(notes) if notes else "\n\n(no statements)")
    )
