"""PolNeAR loading and the misquote generator shared by ``eval_lookup.py`` and ``calibrate.py``.

Gold statements are the ``Content`` spans of PolNeAR's brat files (the alphabetically
first annotator file of each article; a discontinuous span keeps its longest piece),
with 6 to 80 words, read from the article text at their offsets.

Every generated query knows the source span it was made from (``gold``), so a lookup
can be judged: the reported span is right when it overlaps the gold span by at least
half of the shorter of the two (see :func:`right_span`).

Kinds of query (``make``):

* misquotes, which must still be found at the right place: ``unaltered``, ``typos``,
  ``dropped``, ``synonyms``, ``truncation``, ``case_punct``, ``reordered``, ``combined``;
* alterations, which must be found *and* flagged: ``negation_added``,
  ``negation_removed``, ``number``, ``name``, ``out_of_context`` (the expected alert
  is in :data:`ALERT_OF`).

Nothing here calls the search code; it only makes text.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS = 6
MAX_WORDS = 80

MISQUOTE_KINDS = (
    "unaltered",
    "typos",
    "dropped",
    "synonyms",
    "truncation",
    "case_punct",
    "reordered",
    "combined",
)
ALERT_KINDS = ("negation_added", "negation_removed", "number", "name", "out_of_context")
ALERT_OF = {
    "negation_added": "negation",
    "negation_removed": "negation",
    "number": "number",
    "name": "name",
    "out_of_context": "out_of_context",
}


# ----------------------------------------------------------------- data
def polnear_dir() -> Path | None:
    """``$QUOTECHECK_SHARED/data/polnear``, else ``<repo>/../shared/data/polnear``; None if absent."""
    env = os.environ.get("QUOTECHECK_SHARED")
    cands = [Path(env) / "data" / "polnear"] if env else []
    cands.append(Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear")
    for c in cands:
        if (c / "dev" / "text").is_dir():
            return c
    return None


@dataclass(slots=True)
class Article:
    name: str
    path: Path
    text: str
    statements: list[tuple[int, int]]  # gold Content spans


def _ann_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, _, offs = parts[1].partition(" ")
        if label != "Content":
            continue
        pieces = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
        s, e = max(pieces, key=lambda p: p[1] - p[0])
        spans.append((s, e))
    return sorted(set(spans))


def load_split(root: Path, split: str) -> list[Article]:
    """Articles of ``split`` with their gold statement spans (first annotator file)."""
    out = []
    ann_dir = root / split / "attributions"
    anns: dict[str, list[Path]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    for p in sorted((root / split / "text").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        files = anns.get(p.stem)
        spans = _ann_spans(sorted(files)[0]) if files else []
        out.append(Article(p.stem, p, text, spans))
    return out


WORD = re.compile(r"\w+(?:[’'\-.,]\w+)*")


def statement_text(text: str, s: int, e: int) -> tuple[str, int, int] | None:
    """The statement trimmed of outer spaces and quote marks, or None if out of the word range."""
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip(" \n\t\"“”‘’'«»"))
    trail = len(seg) - len(seg.rstrip(" \n\t\"“”‘’'«»"))
    s, e = s + lead, e - trail
    seg = text[s:e]
    n = len(WORD.findall(seg))
    if n < MIN_WORDS or n > MAX_WORDS or "\n\n" in seg:
        return None
    return seg, s, e


# ----------------------------------------------------------------- queries
@dataclass(slots=True)
class Query:
    kind: str
    text: str
    doc: str | None  # article name, None for absent statements
    gold: tuple[int, int] | None  # source span the query was made from
    source: str = ""  # the unaltered statement


def right_span(got: tuple[int, int], gold: tuple[int, int]) -> bool:
    """The reported span overlaps the gold span by at least 50% of the shorter of the two."""
    inter = min(got[1], gold[1]) - max(got[0], gold[0])
    shorter = min(got[1] - got[0], gold[1] - gold[0])
    return shorter > 0 and inter >= 0.5 * shorter


SYNONYMS = {
    "big": "large",
    "large": "big",
    "small": "little",
    "little": "small",
    "said": "stated",
    "says": "states",
    "told": "informed",
    "think": "believe",
    "believe": "think",
    "important": "crucial",
    "crucial": "vital",
    "country": "nation",
    "nation": "country",
    "people": "folks",
    "help": "assist",
    "start": "begin",
    "begin": "start",
    "end": "finish",
    "show": "demonstrate",
    "shows": "demonstrates",
    "want": "wish",
    "wants": "wishes",
    "need": "require",
    "needs": "requires",
    "buy": "purchase",
    "get": "obtain",
    "got": "received",
    "make": "create",
    "made": "created",
    "job": "work",
    "jobs": "positions",
    "fast": "quick",
    "quickly": "rapidly",
    "try": "attempt",
    "tried": "attempted",
    "use": "utilize",
    "used": "utilized",
    "great": "terrific",
    "good": "fine",
    "bad": "poor",
    "terrible": "awful",
    "awful": "terrible",
    "happy": "glad",
    "sad": "unhappy",
    "hard": "difficult",
    "difficult": "hard",
    "easy": "simple",
    "simple": "easy",
    "fight": "battle",
    "attack": "assault",
    "win": "triumph",
    "lose": "forfeit",
    "money": "cash",
    "problem": "issue",
    "problems": "issues",
    "issue": "problem",
    "issues": "problems",
    "leader": "chief",
    "leaders": "chiefs",
    "around": "about",
    "about": "regarding",
    "many": "numerous",
    "often": "frequently",
    "maybe": "perhaps",
    "perhaps": "maybe",
    "also": "too",
    "really": "truly",
    "very": "extremely",
    "whole": "entire",
    "entire": "whole",
    "kids": "children",
    "children": "kids",
    "mother": "mom",
    "father": "dad",
    "talk": "speak",
    "talked": "spoke",
    "spoke": "talked",
    "ask": "request",
    "asked": "requested",
    "answer": "reply",
    "answered": "replied",
    "look": "appear",
    "looks": "appears",
    "seem": "appear",
    "seems": "appears",
    "angry": "furious",
    "afraid": "scared",
    "scared": "afraid",
    "strong": "powerful",
    "weak": "feeble",
    "rich": "wealthy",
    "wealthy": "rich",
    "poor": "needy",
    "smart": "clever",
    "stupid": "foolish",
    "wrong": "incorrect",
    "right": "correct",
    "true": "accurate",
    "false": "untrue",
    "lie": "falsehood",
    "lies": "falsehoods",
    "vote": "ballot",
    "votes": "ballots",
    "voters": "electors",
    "campaign": "race",
    "election": "vote",
    "government": "administration",
    "law": "statute",
    "laws": "statutes",
    "plan": "proposal",
    "plans": "proposals",
    "idea": "notion",
    "ideas": "notions",
    "city": "town",
    "cities": "towns",
    "car": "vehicle",
    "cars": "vehicles",
    "house": "home",
    "home": "house",
    "world": "globe",
    "week": "weekend",
    "woman": "lady",
    "women": "ladies",
    "man": "guy",
    "men": "guys",
    "friend": "ally",
    "friends": "allies",
    "enemy": "foe",
    "enemies": "foes",
    "company": "firm",
    "companies": "firms",
    "business": "company",
    "worker": "employee",
    "workers": "employees",
    "stop": "halt",
    "stopped": "halted",
    "keep": "retain",
    "kept": "retained",
    "give": "provide",
    "gave": "provided",
    "take": "grab",
    "took": "grabbed",
    "see": "notice",
    "saw": "noticed",
    "know": "understand",
    "knew": "understood",
    "clear": "obvious",
    "obvious": "evident",
    "change": "alter",
    "changed": "altered",
    "choose": "pick",
    "chose": "picked",
    "deal": "agreement",
    "best": "finest",
    "worst": "poorest",
    "huge": "enormous",
    "totally": "completely",
    "completely": "totally",
    "certainly": "surely",
    "real": "genuine",
    "support": "back",
    "supported": "backed",
    "destroy": "ruin",
    "reporters": "journalists",
    "media": "press",
    "statement": "remark",
    "comments": "remarks",
}

NEGATABLE = {
    "is": "is not",
    "are": "are not",
    "was": "was not",
    "were": "were not",
    "will": "will not",
    "would": "would not",
    "can": "cannot",
    "could": "could not",
    "should": "should not",
    "has": "has not",
    "have": "have not",
    "had": "had not",
    "must": "must not",
    "do": "do not",
    "does": "does not",
    "did": "did not",
    "may": "may not",
    "might": "might not",
}
NEGATABLE_CONTRACTED = {
    "is": "isn't",
    "are": "aren't",
    "was": "wasn't",
    "were": "weren't",
    "will": "won't",
    "would": "wouldn't",
    "can": "can't",
    "could": "couldn't",
    "should": "shouldn't",
    "has": "hasn't",
    "have": "haven't",
    "do": "don't",
    "does": "doesn't",
    "did": "didn't",
}
UNNEGATE = {
    "can't": "can",
    "cannot": "can",
    "won't": "will",
    "don't": "do",
    "doesn't": "does",
    "didn't": "did",
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "shouldn't": "should",
    "wouldn't": "would",
    "couldn't": "could",
    "mustn't": "must",
}
NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
]
COND_BEFORE = re.compile(r"^(?:\W*)(if|unless|although|though|even if|even though)\b", re.I)
COND_AFTER = re.compile(r",?\s+(but|unless|only if|if|although|though|except)\s", re.I)
COMMON_CAPS = {
    "I",
    "The",
    "A",
    "An",
    "But",
    "And",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "It",
    "We",
    "He",
    "She",
    "They",
    "This",
    "That",
    "In",
    "On",
    "At",
    "For",
    "Of",
    "To",
    "If",
    "As",
    "So",
    "Or",
}
KEYS = "qwertyuiopasdfghjklzxcvbnm"


def _words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def _replace(text: str, m: re.Match[str] | tuple[int, int], new: str) -> str:
    s, e = (m.start(), m.end()) if isinstance(m, re.Match) else m
    return text[:s] + new + text[e:]


def _keep_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def typo(word: str, rng: random.Random) -> str:
    """One character edit inside a word of four letters or more."""
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["swap", "delete", "double", "sub"])
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "delete":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(KEYS) + word[i + 1 :]


def _is_protected(w: str) -> bool:
    """Words a plain misquote kind must not touch (they are alteration kinds of their own)."""
    lw = w.lower().replace("’", "'")
    return (
        any(c.isdigit() for c in w)
        or lw in UNNEGATE
        or lw in {"not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without"}
        or lw.endswith("n't")
        or lw in NUMBER_WORDS
    )


def add_typos(text: str, rng: random.Random) -> str | None:
    ms = [m for m in _words(text) if len(m.group()) >= 4 and m.group().isalpha()]
    if not ms:
        return None
    n = max(1, min(3, len(_words(text)) // 8))
    for m in sorted(rng.sample(ms, min(n, len(ms))), key=lambda m: -m.start()):
        text = _replace(text, m, typo(m.group(), rng))
    return text


def drop_words(text: str, rng: random.Random) -> str | None:
    ms = _words(text)
    cand = [m for m in ms[1:-1] if not _is_protected(m.group()) and not m.group()[:1].isupper()]
    if not cand:
        return None
    n = max(1, min(3, len(ms) // 10))
    for m in sorted(rng.sample(cand, min(n, len(cand))), key=lambda m: -m.start()):
        s, e = m.start(), m.end()
        while e < len(text) and text[e] == " ":
            e += 1
        text = text[:s] + text[e:]
    return text


def synonyms(text: str, rng: random.Random) -> str | None:
    ms = [m for m in _words(text) if m.group().lower() in SYNONYMS]
    if not ms:
        return None
    n = max(1, min(3, len(_words(text)) // 10))
    for m in sorted(rng.sample(ms, min(n, len(ms))), key=lambda m: -m.start()):
        text = _replace(text, m, _keep_case(m.group(), SYNONYMS[m.group().lower()]))
    return text


def truncate(text: str, s0: int, rng: random.Random) -> tuple[str, tuple[int, int]] | None:
    """A contiguous fragment of 40-80% of the words (at least 6), and its source span."""
    ms = _words(text)
    if len(ms) < 9:
        return None
    k = max(6, int(len(ms) * rng.uniform(0.4, 0.8)))
    i = rng.randrange(0, len(ms) - k + 1)
    s, e = ms[i].start(), ms[i + k - 1].end()
    return text[s:e], (s0 + s, s0 + e)


def case_punct(text: str, rng: random.Random) -> str:
    how = rng.choice(("lower", "upper", "nopunct", "quotes"))
    if how == "lower":
        return text.lower()
    if how == "upper":
        return text.upper()
    if how == "nopunct":
        return re.sub(r"[,.;:!?“”\"‘’—–()]", "", text).replace("  ", " ")
    return "“" + text.replace("’", "'").replace("—", "-") + "”"


def reorder(text: str, rng: random.Random) -> str | None:
    """Swap two clauses at a comma, semicolon or "and" (both sides at least 3 words)."""
    cuts = [m for m in re.finditer(r"\s*(?:[,;]\s+|\s+and\s+)", text)]
    good = [
        m
        for m in cuts
        if len(WORD.findall(text[: m.start()])) >= 3 and len(WORD.findall(text[m.end() :])) >= 3
    ]
    if not good:
        return None
    m = rng.choice(good)
    a, b = text[: m.start()].strip(), text[m.end() :].strip().rstrip(".")
    return f"{b[:1].upper() + b[1:]}, {a[:1].lower() + a[1:] if not a.startswith('I ') else a}"


def combined(text: str, rng: random.Random) -> str | None:
    out = text
    steps: list[Callable[[str, random.Random], str | None]] = [add_typos, drop_words, synonyms]
    rng.shuffle(steps)
    done = 0
    for f in steps[:2]:
        r = f(out, rng)
        if r is not None:
            out, done = r, done + 1
    if done < 2:
        return None
    return out.lower() if rng.random() < 0.5 else out


def negate(text: str, rng: random.Random) -> str | None:
    ms = [m for m in _words(text) if m.group().lower() in NEGATABLE]
    if not ms:
        return None
    m = rng.choice(ms)
    table = (
        NEGATABLE_CONTRACTED
        if rng.random() < 0.4 and m.group().lower() in NEGATABLE_CONTRACTED
        else NEGATABLE
    )
    return _replace(text, m, _keep_case(m.group(), table[m.group().lower()]))


def unnegate(text: str, rng: random.Random) -> str | None:
    ms = [
        m for m in re.finditer(r"\b(?:not|never|can[’']t|cannot|won[’']t|\w+n[’']t)\b", text, re.I)
    ]
    if not ms:
        return None
    m = rng.choice(ms)
    w = m.group().lower().replace("’", "'")
    if w in ("not", "never"):
        s, e = m.start(), m.end()
        while e < len(text) and text[e] == " ":
            e += 1
        if e == m.end() and s > 0 and text[s - 1] == " ":
            s -= 1
        return text[:s] + text[e:]
    base = UNNEGATE.get(w)
    if base is None:
        return None
    return _replace(text, m, _keep_case(m.group(), base))


def change_number(text: str, rng: random.Random) -> str | None:
    ms = [
        m
        for m in _words(text)
        if any(c.isdigit() for c in m.group()) or m.group().lower() in NUMBER_WORDS
    ]
    if not ms:
        return None
    m = rng.choice(ms)
    w = m.group()
    if w.lower() in NUMBER_WORDS:
        new = rng.choice([x for x in NUMBER_WORDS if x != w.lower()])
        return _replace(text, m, _keep_case(w, new))
    digits = [i for i, c in enumerate(w) if c.isdigit()]
    i = rng.choice(digits[-2:] if len(w) == 4 and w.isdigit() else digits)
    new_d = rng.choice([d for d in "0123456789" if d != w[i] and not (i == 0 and d == "0")])
    return _replace(text, m, w[:i] + new_d + w[i + 1 :])


def proper_names(text: str) -> list[re.Match[str]]:
    """Capitalised words not at a sentence start (a crude name finder for the generator)."""
    out = []
    for m in _words(text):
        w = m.group()
        if not w[:1].isupper() or w in COMMON_CAPS or not w.isalpha() or w.isupper() and len(w) < 3:
            continue
        before = text[: m.start()].rstrip()
        if not before or before[-1] in '.!?"“”:':
            continue
        out.append(m)
    return out


def swap_name(text: str, rng: random.Random, pool: list[str]) -> str | None:
    ms = proper_names(text)
    if not ms or not pool:
        return None
    m = rng.choice(ms)
    old = m.group()
    for _ in range(20):
        new = rng.choice(pool)
        if (
            new.lower() != old.lower()
            and new not in text
            and _similar(new.lower(), old.lower()) < 0.6
        ):
            return _replace(text, m, new)
    return None


def _similar(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def out_of_context(text: str, s0: int) -> tuple[str, tuple[int, int]] | None:
    """Cut a conditional/contrastive statement to the part that reads as unconditional.

    "If X, Y" keeps Y; "X, but/unless Y" keeps X (at least 5 words kept).
    """
    m = COND_BEFORE.match(text)
    if m:
        comma = text.find(",", m.end())
        if comma > 0:
            rest = text[comma + 1 :]
            lead = len(rest) - len(rest.lstrip())
            s = comma + 1 + lead
            e = len(text.rstrip(' ."”'))
            if len(WORD.findall(text[s:e])) >= 5:
                return text[s:e], (s0 + s, s0 + e)
    for m2 in COND_AFTER.finditer(text):
        e = m2.start()
        if text[:e].rstrip()[-1:] in (".", "!", "?", ";", ":", "…"):
            continue  # the next sentence is not this statement's context
        if len(WORD.findall(text[:e])) >= 5:
            return text[:e], (s0, s0 + e)
    return None


def make(
    kind: str, text: str, start: int, rng: random.Random, names: list[str]
) -> tuple[str, tuple[int, int]] | None:
    """One query of ``kind`` made from statement ``text`` (at ``start``), with its gold span."""
    full = (start, start + len(text))
    simple: dict[str, Callable[[str, random.Random], str | None]] = {
        "typos": add_typos,
        "dropped": drop_words,
        "synonyms": synonyms,
        "reordered": reorder,
        "combined": combined,
        "negation_added": negate,
        "negation_removed": unnegate,
        "number": change_number,
    }
    if kind == "unaltered":
        return text, full
    if kind == "case_punct":
        return case_punct(text, rng), full
    if kind in simple:
        r = simple[kind](text, rng)
        return None if r is None or r == text else (r, full)
    if kind == "name":
        r = swap_name(text, rng, names)
        return None if r is None else (r, full)
    if kind == "truncation":
        return truncate(text, start, rng)
    if kind == "out_of_context":
        return out_of_context(text, start)
    raise ValueError(kind)


def name_pool(articles: Iterable[Article]) -> list[str]:
    """Capitalised non-initial words seen in gold statements (people, places, organisations),
    at least twice, and never written in lower case ("Should" after a quote mark is no name)."""
    seen: dict[str, int] = {}
    lower: set[str] = set()
    for a in articles:
        lower.update(w for w in WORD.findall(a.text) if w.islower())
        for s, e in a.statements:
            for m in proper_names(a.text[s:e]):
                seen[m.group()] = seen.get(m.group(), 0) + 1
    return sorted(w for w, n in seen.items() if n >= 2 and len(w) >= 4 and w.lower() not in lower)


def build_queries(
    articles: list[Article], kinds: Iterable[str], limit: int, seed: int, names: list[str]
) -> dict[str, list[Query]]:
    """Up to ``limit`` queries per kind, from statements drawn in a seeded random order."""
    pool = []
    for a in articles:
        for s, e in a.statements:
            st = statement_text(a.text, s, e)
            if st:
                pool.append((a.name, st))
    out: dict[str, list[Query]] = {}
    for kind in kinds:
        rng = random.Random(f"{seed}-{kind}")
        order = pool[:]
        rng.shuffle(order)
        got: list[Query] = []
        for name, (text, s, _e) in order:
            if len(got) >= limit:
                break
            r = make(kind, text, s, rng, names)
            if r is not None:
                got.append(Query(kind, r[0], name, r[1], text))
        out[kind] = got
    return out


_FOLD = re.compile(r"[’'\-.,]")
# Quoted fragments, double and single marks apart (a single-quoted fragment inside a
# double-quoted statement is a fragment too).
_QUOTED = (
    re.compile(r"[“\"]([^“”\"]+)[”\"]"),
    re.compile(r"‘([^‘’]+)’|(?<!\w)'([^'\n]+)'(?!\w)"),
)


def folded_words(text: str) -> list[str]:
    """Words in lower case with their inner hyphens, apostrophes and dots dropped
    ("Semi-private" and "semiprivate", "U.S." and "US" are one word).

    >>> folded_words("Semi-private courses, the U.S. can’t")
    ['semiprivate', 'courses', 'the', 'us', 'cant']
    """
    return [_FOLD.sub("", w.lower()) for w in WORD.findall(text)]


def _content_runs(words: list[str], n: int = 5) -> set[tuple[str, ...]]:
    """Runs of ``n`` words of which at least two are not stopwords."""
    from quotecheck.analysis.tokens import STOPWORDS

    runs = (tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return {run for run in runs if sum(w not in STOPWORDS for w in run) >= 2}


def absent_queries(
    held_out: list[Article], indexed: list[Article], limit: int, seed: int
) -> list[Query]:
    """Gold statements of articles left out of the index that the index does not hold too.

    News articles of one season quote the same lines, a word apart ("a/the nationwide
    upheaval in the sport", "semi-private/semiprivate"). A statement is dropped when it
    shares with an indexed article a run of five words, two of them no stopword (hyphens
    and apostrophes folded), or when a fragment it quotes (three words or more, in quote
    marks) is in an indexed article: its words are in the corpus, and finding them is right.
    (Until 28 Nov evening the test was six words in a row, unfolded: some 1-2% of the
    "absent" statements were in the corpus nearly word for word.)
    """
    seen: set[tuple[str, ...]] = set()
    joined: list[str] = []
    for a in indexed:
        words = folded_words(a.text)
        seen |= _content_runs(words)
        joined.append(" ".join(words))
    corpus = " " + " | ".join(joined) + " "
    pool = []
    for a in held_out:
        for s, e in a.statements:
            st = statement_text(a.text, s, e)
            if not st or _content_runs(folded_words(st[0])) & seen:
                continue
            quoted = (m.group(m.lastindex or 0) for p in _QUOTED for m in p.finditer(a.text, s, e))
            frags = [" ".join(f) for q in quoted if len(f := folded_words(q)) >= 3]
            if any(f" {f} " in corpus for f in frags):
                continue
            pool.append(Query("absent", st[0], None, None, st[0]))
    rng = random.Random(f"{seed}-absent")
    rng.shuffle(pool)
    return pool[:limit]


def split_train(
    train: list[Article], seed: int
) -> tuple[list[Article], list[Article], list[Article]]:
    """Train articles cut into (indexed, held out for calibration, held out for evaluation)."""
    order = train[:]
    random.Random(f"{seed}-split").shuffle(order)
    n = len(order)
    a, b = int(n * 0.7), int(n * 0.85)
    return order[:a], order[a:b], order[b:]
