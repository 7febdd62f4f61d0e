"""Editorial conventions: what a journalist does to a quote without changing what was said.

A quote is rarely pasted the way the source printed it: an editor's word in square
brackets stands for a pronoun ("[Valsek] will sign it" for "he will sign it"), an
ellipsis marks words left out, "(sic)" flags the speaker's slip, figures are written
the house's way ("3"/"three", "5%"/"5 per cent", "$2m"/"$2 million", "'19"/"2019"),
spellings are British or American ("harbour"/"harbor", "organise"/"organize"),
hyphens come and go ("re-open"/"reopen") and contractions are expanded or made
("do not"/"don't"). None of these changes the words' meaning, so none may lower a
verdict, show as a change or raise an alert.

Two steps:

* :func:`clean` prepares the query text: "(sic)" and "[sic]" dropped, every ellipsis
  written "…"; it records where the editor's bracketed insertions are.
* :func:`harmonize`, once a candidate window is aligned, rewrites each stretch of the
  query that differs from the source only by a convention into the source's own words
  (anchored on the words both share exactly): equal figures, spelling variants,
  contractions, an editor's bracket standing for the source words at its place, and
  source words outside the quote marks between two parts of a split quote. Words the
  query leaves out at an ellipsis are filled in for the score only: the changes still
  show them, and the alerts still read the query as given.

>>> equivalent("5%", "5 per cent"), equivalent("$2m", "2 million dollars")
(True, True)
>>> equivalent("do not", "don't"), equivalent("re-open the harbour", "reopen the harbor")
(True, True)
>>> equivalent("$2m", "€2 million"), equivalent("three", "4")
(False, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quotecheck.analysis.tokens import Token, fold

ELLIPSIS = "…"

# "(sic)", "[sic]", "[sic!]": the editor's flag, never the speaker's word.
_SIC = re.compile(r"\s*[\[(]\s*sic\s*[.!]?\s*[\])]", re.IGNORECASE)
# A transcriber's note in parentheses ("(applause)", "(LAUGHTER)", "(crosstalk)",
# "(inaudible 00:03:12)"): no one's words, as the index reads transcripts. (In square
# brackets it is an editor's bracket already, standing for no source words.)
_STAGE = re.compile(
    r"\s*\((?i:applause|laughter|laughs|laughing|chuckles|crosstalk|cross-talk|inaudible|"
    r"unintelligible|indiscernible|booing|boos|cheering|cheers|sighs|coughs|pauses?|silence|"
    r"interruption|interrupting|overlapping|off[- ]mic)\b[^()]{0,40}\)"
)
# A bracket inside a word ("[T]he", "work[s]"): the word is the source's, its case or
# ending the editor's.
_INWORD = re.compile(r"\[(\w{1,4})\](?=\w)|(?<=\w)\[(\w{1,4})\]")
# "...", ". . .", "…", and the same in brackets ("[…]", "[...]").
_ELLIPSIS = re.compile(r"\s*(?:\[\s*)?(?:\.(?:\s?\.){2,}|…)(?:\s*\])?\s*")
# An editor's insertion: "[Valsek]", "[the treaty]".
_BRACKET = re.compile(r"\[([^\[\]]{1,80})\]")


def has_ellipsis(text: str) -> bool:
    """Does ``text`` mark words left out ("…", "...", ". . .", "[…]")?"""
    return _ELLIPSIS.search(text) is not None


@dataclass(slots=True)
class Cleaned:
    """A query's text with its conventions made explicit."""

    text: str
    brackets: list[tuple[int, int]] = field(default_factory=list)  # "[...]" spans, marks included
    notes: list[str] = field(default_factory=list)


def clean(text: str) -> Cleaned:
    """The query text as looked up, and where the editor's bracketed insertions are (a
    bracket inside a word, "[T]he", is compared as the word: see :func:`items`).

    >>> c = clean("the harbour (sic) will . . . reopen [in March]")
    >>> c.text, c.brackets
    ('the harbour will … reopen [in March]', [(26, 36)])
    >>> clean("we cut the debt in half (APPLAUSE), and (in 2027) we will cut it again").text
    'we cut the debt in half, and (in 2027) we will cut it again'
    """
    notes = []
    if _SIC.search(text):
        text = _SIC.sub("", text)
        notes.append("“sic” is the editor's mark: not looked up")
    stage = _STAGE.search(text)
    if stage:
        text = _STAGE.sub("", text)
        notes.append(f"“{stage.group().strip()}” is a transcriber's note: not looked up")

    def ell(m: re.Match[str]) -> str:
        at_edge = m.start() == 0 or m.end() == len(text)
        if at_edge:
            return ""
        return " " + ELLIPSIS + " "

    text = _ELLIPSIS.sub(ell, text).strip()
    brackets = [
        (m.start(), m.end())
        for m in _BRACKET.finditer(text)
        if not (m.start() > 0 and text[m.start() - 1].isalnum())
        and not (m.end() < len(text) and text[m.end()].isalnum())
    ]
    return Cleaned(text, brackets, notes)


# ---------------------------------------------------------------- canonical form
_CONTRACTIONS = {
    "won't": "will not",
    "can't": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "let's": "let us",
    "i'm": "i am",
    # speech as transcribed, and as a reporter writes it
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "lemme": "let me",
    "gimme": "give me",
    "okay": "ok",
    "til": "until",
    "till": "until",
}
# A negative contraction typed without its apostrophe ("dont", "isnt", "cant", "wont"):
# the word the speaker said, so the same word ("cant" and "wont" are rarely meant as
# nouns in a quote).
BARE_NOT = {
    w + "nt": w + " not"
    for w in "do does did is are was were has have had could should would must need might".split()
}
BARE_NOT.update({"cant": "can not", "wont": "will not", "shant": "shall not"})
_SUFFIXES = (("n't", " not"), ("'ll", " will"), ("'re", " are"), ("'ve", " have"), ("'d", " would"))
_IS = frozenset("it that there here what who where how he she".split())

# British spellings (and hyphens) folded to one form on both sides. Only forms whose
# folded spelling is no other English word ("four" is not "for": the -our stems are listed).
_OUR = re.compile(
    r"^(harbo|colo|labo|favo|hono|neighbo|behavio|rumo|humo|vigo|endeavo|savo|flavo|armo|cando|"
    r"parlo|tumo|valo|clamo|odo|ardo|splendo|rigo|vapo|demeano|savio|fervo)ur"
)
_ISE = re.compile(r"(?<=\w\w\w)is(e|ed|es|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"(?<=\w\w\w)ys(e|ed|es|ing)$")
_LL = re.compile(
    r"^(travel|cancel|label|model|fuel|level|signal|counsel|total|channel|marshal|dial|duel|"
    r"equal|rival|pencil|quarrel|shovel|tunnel|jewel)l(ed|ing|er|ers)$"
)
_WORDS = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "pretence": "pretense",
    "licence": "license",
    "licences": "licenses",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "calibre": "caliber",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "aluminium": "aluminum",
    "plough": "plow",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "sceptical": "skeptical",
    "sceptic": "skeptic",
    "sceptics": "skeptics",
    "scepticism": "skepticism",
    "paediatric": "pediatric",
    "anaesthetic": "anesthetic",
    "foetus": "fetus",
    "percent": "percent",
    "pct": "percent",
}


@lru_cache(maxsize=1 << 16)
def spelling(word: str) -> str:
    """One spelling for the British and American forms of a folded word, hyphens dropped.

    >>> [spelling(w) for w in ("harbours", "organised", "re-open", "defence", "four", "rise")]
    ['harbors', 'organized', 'reopen', 'defense', 'four', 'rise']
    """
    w = word.replace("-", "")
    if w in _WORDS:
        return _WORDS[w]
    w = _OUR.sub(r"\1r", w)
    w = _LL.sub(r"\1\2", w)
    w = _YSE.sub(r"yz\1", w)
    return _ISE.sub(r"iz\1", w)


_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
_SUFFIX_SCALE = {"k": 1_000, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_CURRENCY = {
    "$": "usd",
    "us$": "usd",
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "dollar": "usd",
    "dollars": "usd",
    "euro": "eur",
    "euros": "eur",
    "pound": "gbp",
    "pounds": "gbp",
    "yen": "jpy",
    "usd": "usd",
    "eur": "eur",
    "gbp": "gbp",
}
_CODES = frozenset({"usd", "eur", "gbp"})
_ITEM = re.compile(
    r"(?P<cur>US\$|[$€£¥])"
    r"|(?P<pct>%)"
    r"|(?<!\w)['’‘](?P<yy>\d\d)(?!\w)"
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:[,.]\d+)*)"
    r"(?P<suf>bn|mn|tn|st|nd|rd|th|[kmb])?(?!\w)"
    r"|(?P<word>\w+(?:['’\-]\w+)*)",
    re.IGNORECASE,
)


def _fmt(v: float) -> str:
    return format(v, ".12g")


def _digits(num: str) -> float | None:
    s = re.sub(r"[ \u00a0\u202f]", "", num)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        s = s.replace(",", "")
    elif "," in s:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def items(text: str) -> list[str]:
    """See :func:`_items`."""
    return list(_items(text))


@lru_cache(maxsize=1 << 14)
def _items(text: str) -> tuple[str, ...]:
    """``text`` as canonical items: words folded (contractions expanded, one spelling),
    each figure one item of its value with its unit ("#2000000usd", "#5%", "#3th").

    >>> items("It's $2m -- five per cent of '19")
    ['it', 'is', '#2000000usd', '#5%', 'of', '#2019']
    """
    raw: list[tuple[str, str]] = []  # (kind, value): kind is "w", "n", "cur", "pct"
    text = _INWORD.sub(lambda m: m.group(1) or m.group(2), text)
    for m in _ITEM.finditer(text):
        if m.group("cur"):
            raw.append(("cur", _CURRENCY[m.group("cur").casefold()]))
        elif m.group("pct"):
            raw.append(("pct", "%"))
        elif m.group("yy"):
            yy = int(m.group("yy"))
            raw.append(("n", _fmt(2000 + yy if yy <= 30 else 1900 + yy)))
        elif m.group("num") is not None:
            v = _digits(m.group("num"))
            suf = (m.group("suf") or "").casefold()
            if v is None:
                raw.append(("w", m.group(0).casefold()))
            elif suf in ("st", "nd", "rd", "th"):
                raw.append(("ord", _fmt(v)))
            else:
                raw.append(("n", _fmt(v * _SUFFIX_SCALE.get(suf, 1))))
        else:
            w = fold(m.group("word"))
            parts = w.split("-")
            if len(parts) > 1 and all(x in _UNITS or x in _TENS for x in parts):
                raw.extend(("w", x) for x in parts)  # "forty-two"
                continue
            if w in _CONTRACTIONS or w in BARE_NOT:
                raw.extend(("w", x) for x in (_CONTRACTIONS.get(w) or BARE_NOT[w]).split())
                continue
            for suf, full in _SUFFIXES:
                if w.endswith(suf) and len(w) > len(suf):
                    raw.append(("w", w[: -len(suf)]))
                    raw.append(("w", full.strip()))
                    break
            else:
                if w.endswith("'s") and w[:-2] in _IS:
                    raw.extend([("w", w[:-2]), ("w", "is")])
                else:
                    raw.append(("w", w))
    return tuple(_fold_numbers(raw))


def _fold_numbers(raw: list[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(raw)
    while i < n:
        kind, val = raw[i]
        cur = ""
        if kind == "w" and val in _CODES and i + 1 < n and raw[i + 1][0] == "n":
            kind = "cur"  # "EUR 45 million"
        if kind == "cur" and i + 1 < n and raw[i + 1][0] in ("n", "w"):
            cur = val
            i += 1
            kind, val = raw[i]
        value: float | None = None
        ordinal = False
        if kind == "n":
            value = float(val)
            i += 1
        elif kind == "ord":
            value, ordinal = float(val), True
            i += 1
        elif kind == "w" and (val in _UNITS or val in _TENS or val in _SCALES or val == "a"):
            value, i = _number_words(raw, i)
        elif kind == "w" and val in _ORDINALS:
            value, ordinal = float(_ORDINALS[val]), True
            i += 1
        if value is None:
            if cur:
                out.append(cur)
            w = raw[i][1]
            if raw[i][0] == "pct":
                w = "percent"
            elif raw[i][0] == "w":
                w = spelling(w)
            out.append(w)
            i += 1
            continue
        # a scale word after digits ("2 million", "1.5 billion")
        while not ordinal and i < n and raw[i][0] == "w" and raw[i][1] in _SCALES:
            value *= _SCALES[raw[i][1]]
            i += 1
        unit = ""
        if i < n and raw[i][0] == "pct":
            unit, i = "%", i + 1
        elif i + 1 < n and raw[i] == ("w", "per") and raw[i + 1] == ("w", "cent"):
            unit, i = "%", i + 2
        elif i < n and raw[i][0] == "w" and raw[i][1] in ("percent", "pct"):
            unit, i = "%", i + 1
        elif i < n and raw[i][0] == "w" and raw[i][1] in _CURRENCY and not cur:
            cur, i = _CURRENCY[raw[i][1]], i + 1
        out.append("#" + _fmt(value) + ("th" if ordinal else "") + unit + cur)
    return out


def _number_words(raw: list[tuple[str, str]], i: int) -> tuple[float | None, int]:
    """The value of the number words from ``raw[i]`` ("three hundred and fifty"), and
    the index after them; (None, i) when ``raw[i]`` starts none ("a" alone)."""
    total = 0.0
    current = 0.0
    seen = False
    j = i
    n = len(raw)
    while j < n and raw[j][0] == "w":
        w = raw[j][1]
        if w == "a" and not seen and j + 1 < n and raw[j + 1][1] in _SCALES:
            current = 1.0
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in _SCALES:
            total += (current or 1.0) * _SCALES[w]
            current = 0.0
        elif w == "and" and seen and j + 1 < n and raw[j + 1][1] in (*_UNITS, *_TENS):
            pass
        else:
            break
        seen = seen or w != "a"
        j += 1
    if not seen:
        return None, i
    return total + current, j


def equivalent(a: str, b: str) -> bool:
    """Do two pieces of text say the same words, conventions aside? A hyphen may also
    join what the other writes apart ("well-known"/"well known")."""
    ia, ib = _items(a), _items(b)
    return ia == ib or (("-" in a or "-" in b) and "".join(ia) == "".join(ib))


# A speaker's hesitations, which a reporter leaves out of a quote without an ellipsis.
FILLERS = frozenset("uh um uhm umm er erm ah hmm mm".split())


def spoken_equivalent(a: str, b: str) -> bool:
    """Do two pieces of text say the same words once a transcript's hesitations are
    left out: fillers ("uh", "um") and a word said twice in a row ("we, uh, we need")?

    >>> spoken_equivalent("and we need", "and we, uh, we need"), spoken_equivalent("it is", "it, um, isn't")
    (True, False)
    >>> spoken_equivalent("I have never been", "I have never, never been")
    False
    """

    def said(text: str) -> list[str]:
        out: list[str] = []
        for x in _items(text):
            # (a negation said twice is kept: a dropped one is for the alerts to weigh)
            if x in FILLERS or (out and x == out[-1] and not x.startswith("#") and not negation(x)):
                continue
            out.append(x)
        return out

    return said(a) == said(b)


# ---------------------------------------------------------------- harmonize
_DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
# The words that negate, for every check that counts negations (diff.alerts too): these,
# and every contraction in "n't" ("won't", "ain't"; a folded word's apostrophe is "'").
NEGATIONS = frozenset("not no never nobody nothing none neither nor nowhere without cannot".split())


def negation(norm: str) -> bool:
    """Does the folded word ``norm`` negate ("not", "neither", "won't", "cannot")?

    >>> [negation(w) for w in ("nowhere", "can't", "cannot", "dont", "know", "note")]
    [True, True, True, True, False, False]
    """
    return norm in NEGATIONS or norm.endswith("n't") or norm in BARE_NOT


# Source words between two parts of a split quote are outside the quote marks: the
# attribution ("..., ” Valsek said, “ ..."), not the speaker's words.
# A closing mark (a straight one after a word or punctuation), a few words outside the
# quote marks, an opening mark (a straight one before a word).
_ATTRIBUTION = re.compile(r"(?:”|»|(?<=\S)\")(?P<words>[^“”\"«»]{1,80}?)(?:“|«|\"(?=\S))")
_EDGE_PUNCT = re.compile(r"^[\s,.;:!?—–-]*$")
MAX_ATTRIBUTION_WORDS = 8
_WORDS_RE = re.compile(r"\w+(?:['’]\w+)*")


def attribution(spiece: str) -> re.Match[str] | None:
    """The attribution of a split quote in a stretch of source text (',” Valsek said, “'):
    at most MAX_ATTRIBUTION_WORDS words outside the quote marks, with a verb of saying
    and no negation.

    >>> attribution(',” Valsek said, “') is not None, attribution('” comments do not “') is None
    (True, True)
    """
    from quotecheck.analysis.cues import CUE_WORDS

    m = _ATTRIBUTION.search(spiece)
    if m is None:
        return None
    words = [fold(w) for w in _WORDS_RE.findall(m.group("words"))]
    if not 1 <= len(words) <= MAX_ATTRIBUTION_WORDS:
        return None
    if not any(w in CUE_WORDS for w in words):
        return None
    if any(negation(w) for w in words):
        return None
    return m


_BREAK = re.compile(r"[.!?;:\"“”«»\n]")
_FIGURE_WORDS = frozenset(
    [*_UNITS, *_TENS, *_SCALES, *_ORDINALS, *_CURRENCY, "per", "cent", "percent", "pct"]
)


def _figure_word(norm: str) -> bool:
    return norm in _FIGURE_WORDS or any(c.isdigit() for c in norm)


MAX_BLOCK_WORDS = 6  # the longest stretch a convention rewrites ("2 million dollars")
BOTH, SCORE, DIFF = 0, 1, 2  # which text of a Harmony a rewrite goes into


@dataclass(slots=True)
class Harmony:
    """The query rewritten into the source's words where only a convention differs.

    ``score_text``: every rewrite, words left out at an ellipsis filled in (what is
    scored); ``diff_text``: the same without those fills (what changes and alerts read).
    ``omitted``: where in the source text each ellipsis stands for (start, end)."""

    score_text: str
    diff_text: str
    omitted: list[tuple[int, int]] = field(default_factory=list)
    # each editor's bracket let stand for source words: (its words, source start, end)
    brackets: list[tuple[str, int, int]] = field(default_factory=list)
    # words put back from reported speech ("they would" for "we will"): scored as the
    # source's, but the quote is no longer word for word
    shifts: int = 0


# Reported speech: the person, tense and place a reporter shifts a statement into ("we
# will regret this vote" -> "they would regret that vote"; "I can" -> "she could").
# Pairs of folded words, either way round.
_BACKSHIFT_PAIRS = (
    "i:he i:she me:him me:her my:his my:her mine:his mine:hers myself:himself myself:herself "
    "we:they us:them our:their ours:theirs ourselves:themselves "
    "will:would can:could shall:should may:might is:was are:were am:was have:had has:had "
    "do:did does:did won't:wouldn't can't:couldn't isn't:wasn't aren't:weren't don't:didn't "
    "doesn't:didn't haven't:hadn't hasn't:hadn't this:that these:those here:there now:then "
    "today:then"
)
_BACKSHIFT = frozenset(
    (a, b) for pair in _BACKSHIFT_PAIRS.split() for a, b in [pair.split(":"), pair.split(":")[::-1]]
)


def backshifted(qpiece: str, spiece: str) -> int:
    """How many words of ``qpiece`` are words of ``spiece`` shifted into reported speech
    (person, tense, place), when every other word is the same; 0 otherwise.

    >>> backshifted("they would", "We will"), backshifted("that", "this"), backshifted("they sold", "we will")
    (2, 1, 0)
    """
    qw = [fold(w) for w in _WORDS_RE.findall(qpiece)]
    sw = [fold(w) for w in _WORDS_RE.findall(spiece)]
    if not qw or len(qw) != len(sw):
        return 0
    shifted = 0
    for a, b in zip(qw, sw, strict=True):
        if (a, b) in _BACKSHIFT:
            shifted += 1
        elif a != b:
            return 0
    return shifted


_NOT_NAMES = _DETERMINERS | frozenset("i it he she they we you".split())

# An editor's "[last year]", "[that year]", "[the following day]" for the source's "in
# 2019", "on May 3, 2021": a date told relative to the story, not another figure.
_TIME_WORDS = frozenset(
    "year years month months week weeks day days decade decades century season seasons "
    "spring summer autumn fall winter weekend yesterday today tomorrow tonight morning "
    "afternoon evening night then time date".split()
)
# The calendar's words: the dates an attribution ("on Monday"), a changed date (diff's
# number alert) and a relative date in brackets are told by.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
CALENDAR = MONTHS | WEEKDAYS
_MONTHS = MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_DATE_FILLER = frozenset("in on at during by since until of the early late mid".split())
_YEAR = re.compile(r"1\d{3}|2[01]\d{2}")
_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")


def relative_date(bracket_items: Sequence[str], src_tokens: Sequence[Token]) -> bool:
    """Is the editor's bracket (its :func:`items`) a date told relative to the story
    ("last year", "the following day": a word of time, no figure) standing for a date of
    the source ("in 2019", "on May 3, 2021", "in March": a year or a month or day name, and
    nothing but prepositions and days)? A bracket with a figure of its own ("[2018]") is
    compared by value instead.

    >>> from quotecheck.analysis.tokens import tokenize
    >>> relative_date(items("last year"), tokenize("in 2019")), relative_date(items("that day"), tokenize("on May 3, 2021"))
    (True, True)
    >>> relative_date(items("2018"), tokenize("in 2019")), relative_date(items("last year"), tokenize("12 million"))
    (False, False)
    """
    if any(x.startswith("#") for x in bracket_items):
        return False
    if not any(x in _TIME_WORDS for x in bracket_items) or not src_tokens:
        return False
    anchored = False
    norms = [t.norm for t in src_tokens]
    for i, w in enumerate(norms):
        if w in WEEKDAYS or _YEAR.fullmatch(w):
            anchored = True
        elif w in _MONTHS:
            # a month after a preposition or with a day or year ("may" is a verb too)
            anchored = anchored or (i > 0 and norms[i - 1] in _DATE_FILLER) or len(norms) > 1
        elif w not in _DATE_FILLER and not _DAY.fullmatch(w):
            return False
    return anchored


# A year told relative to the day the story was published, and how many years from it.
_RELATIVE_YEARS = {
    ("last", "year"): -1,
    ("a", "year", "ago"): -1,
    ("this", "year"): 0,
    ("next", "year"): 1,
}


def story_year(date: str | None) -> int | None:
    """The year of a document's date as its reader gave it ("2020-03-05", "March 5, 2020",
    "2020-03-05T09:00:00Z"), None when it has none.

    >>> story_year("2020-03-05T09:00:00Z"), story_year("March 5, 2020"), story_year(None)
    (2020, 2020, None)
    """
    m = re.search(r"(?<!\d)(1[89]\d{2}|2[01]\d{2})(?!\d)", date or "")
    return int(m.group(1)) if m else None


def stated_year(
    bracket_items: Sequence[str], src_tokens: Sequence[Token], year: int | None
) -> bool | None:
    """Does the editor's bracket state the year the source tells relative to the story
    ("[in 2019]" for a 2020 article's "last year"), or the other way round ("[last year]"
    for its "in 2019")? None when the two are not a year and such a relative year; True
    or False by the story's ``year``; True when the story has no date (the bracket is the
    editor's reading, listed with the match as standing for the source's words).

    >>> from quotecheck.analysis.tokens import tokenize
    >>> stated_year(items("in 2019"), tokenize("last year"), 2020)
    True
    >>> stated_year(items("in 2018"), tokenize("last year"), 2020)
    False
    >>> stated_year(items("last year"), tokenize("in 2019"), 2025), stated_year(items("in 2019"), tokenize("the harbour"), 2020)
    (False, None)
    """
    b = tuple(x for x in bracket_items if x not in _DATE_FILLER)
    src = tuple(t.norm for t in src_tokens if t.norm not in _DATE_FILLER)
    if len(b) == 1 and b[0].startswith("#") and _YEAR.fullmatch(b[0], 1) and src in _RELATIVE_YEARS:
        told, offset = int(b[0][1:]), _RELATIVE_YEARS[src]
    elif len(src) == 1 and _YEAR.fullmatch(src[0]) and b in _RELATIVE_YEARS:
        told, offset = int(src[0]), _RELATIVE_YEARS[b]
    else:
        return None
    return year is None or told == year + offset


def _bracket_fits(
    bracket: str, source: str, src_tokens: Sequence[Token], year: int | None = None
) -> bool:
    """May the editor's ``bracket`` stand for ``source``? Not when it would drop or add
    a negation or a figure, nor hide a name of the source it does not repeat; not for
    more words than its own and one (a pronoun, "the minister"); and where the source
    prints a bracket there too, only for that bracket, the same words. A year and a year
    told relative to the story stand for each other when the story's ``year`` (None: not
    known) says so (:func:`stated_year`).

    >>> from quotecheck.analysis.tokens import tokenize
    >>> _bracket_fits("the treaty", "it", tokenize("it"))
    True
    >>> src = "[on the battlefield] would"
    >>> _bracket_fits("the battlefield", src, tokenize(src))
    False
    """
    ib, isrc = items(bracket), items(source)
    if "[" in source:
        return (
            source.strip().startswith("[")
            and source.strip().endswith("]")
            and ib == items(source.strip()[1:-1])
        )
    if (stated := stated_year(ib, src_tokens, year)) is not None:
        return stated
    if len(src_tokens) > max(2, len(ib) + 1):
        return False
    if sum(map(negation, ib)) != sum(map(negation, isrc)):
        return False
    if relative_date(ib, src_tokens):
        return True
    if sorted(x for x in ib if x.startswith("#")) != sorted(x for x in isrc if x.startswith("#")):
        return False
    bwords = set(ib)
    return not any(
        t.text[:1].isupper() and spelling(t.norm) not in bwords and t.norm not in _NOT_NAMES
        for t in src_tokens
    )


_FIGURE_TEXT = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_VALUE_UNIT = re.compile(r"^#([\d.e+-]+)(\D.*)$")


def other_figure(qpiece: str, spiece: str) -> str | None:
    """``spiece`` written with the query's figure, when the two say the same but one
    figure of the same unit ("6%" for "5 per cent" -> "6 per cent"): the change is the
    figure, not the way the unit is written. None otherwise.

    >>> other_figure("6%", "5 percent"), other_figure("$3bn", "$2 million")
    ('6 percent', None)
    """
    iq, isrc = _items(qpiece), _items(spiece)
    if len(iq) != len(isrc):
        return None
    diffs = [(a, b) for a, b in zip(iq, isrc, strict=True) if a != b]
    if len(diffs) != 1:
        return None
    mq, ms = _VALUE_UNIT.match(diffs[0][0]), _VALUE_UNIT.match(diffs[0][1])
    if mq is None or ms is None or mq.group(2) != ms.group(2):
        return None
    fq, fs = list(_FIGURE_TEXT.finditer(qpiece)), list(_FIGURE_TEXT.finditer(spiece))
    if len(fq) != 1 or len(fs) != 1:
        return None
    # each figure's text alone is its whole value (no "m", "million", "bn" scaling it)
    if _items(fq[0].group()) != ("#" + mq.group(1),) or _items(fs[0].group()) != (
        "#" + ms.group(1),
    ):
        return None
    return spiece[: fs[0].start()] + fq[0].group() + spiece[fs[0].end() :]


def _chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (in window order) whose query indexes increase too:
    the alignment may pair a word out of order ("will not" of a clause swapped)."""
    import bisect

    tails: list[int] = []  # tails[k]: the smallest query index ending an increasing run of k+1
    tail_at: list[int] = []  # its position in pairs
    prev = [-1] * len(pairs)
    for i, (qi, _) in enumerate(pairs):
        k = bisect.bisect_left(tails, qi)
        if k == len(tails):
            tails.append(qi)
            tail_at.append(i)
        else:
            tails[k] = qi
            tail_at[k] = i
        prev[i] = tail_at[k - 1] if k > 0 else -1
    out = []
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        out.append(pairs[i])
        i = prev[i]
    return out[::-1]


def harmonize(
    q_text: str,
    q_tokens: Sequence[Token],
    brackets: Sequence[tuple[int, int]],
    text: str,
    win: Sequence[Token],
    pairs: Sequence[tuple[int, int]],
    year: int | None = None,
) -> Harmony | None:
    """The query rewritten towards the aligned source (see the module docstring), or
    None when nothing is to rewrite.

    ``pairs`` are the alignment's (query index, window index) matches; the words both
    sides spell the same anchor the comparison, and each stretch between two anchors
    (or before the first, after the last) is rewritten when it differs by a convention.
    ``year``: the year the source was published, when known (see :func:`stated_year`).
    """
    anchors = _chain(
        [
            (qi, wi)
            for qi, wi in sorted(pairs, key=lambda p: p[1])
            # a figure is compared whole ("2 million dollars"/"$2 million")
            if q_tokens[qi].norm == win[wi].norm and not _figure_word(q_tokens[qi].norm)
        ]
    )
    if not anchors:
        return None
    edits: list[tuple[int, int, str, int]] = []  # (q start, q end, new text, BOTH/SCORE/DIFF)
    omitted: list[tuple[int, int]] = []
    stood_for: list[tuple[str, int, int]] = []
    shifts = [0]

    def in_bracket(a: int, b: int) -> tuple[int, int] | None:
        """The bracket that holds every query word of q_text[a:b], if one does."""
        if not brackets:
            return None
        words = [t for t in q_tokens if a <= t.start and t.end <= b]
        for bs, be in brackets:
            if a <= bs and be <= b and words and all(bs < t.start and t.end < be for t in words):
                return bs, be
        return None

    def _spoken(qa: int, qb: int, sa: int, sb: int) -> bool:
        """Do q_text[qa:qb] and text[sa:sb] differ only by a speaker's hesitations, read
        with the word on each side (a word said twice may be the anchor's)?"""
        spiece = text[sa:sb]
        if not any(w.casefold() in FILLERS for w in _WORDS_RE.findall(spiece)) and not (
            len(_WORDS_RE.findall(spiece)) > len(_WORDS_RE.findall(q_text[qa:qb]))
        ):
            return False
        qwide = _edge_word(q_text, qa, -1) + q_text[qa:qb] + _edge_word(q_text, qb, 1)
        swide = _edge_word(text, sa, -1) + spiece + _edge_word(text, sb, 1)
        return not equivalent(qwide, swide) and spoken_equivalent(qwide, swide)

    def rewrite(qa: int, qb: int, sa: int, sb: int, src_tokens: Sequence[Token]) -> bool:
        """Rewrite q_text[qa:qb] as text[sa:sb] if a convention allows; True if done."""
        qpiece, spiece = q_text[qa:qb], text[sa:sb]
        if not qpiece.strip() and not spiece.strip():
            return False
        br = in_bracket(qa, qb)
        if br is not None:
            inner = q_text[br[0] + 1 : br[1] - 1]
            rest = q_text[qa : br[0]] + " " + q_text[br[1] : qb]
            if not any(c.isalnum() for c in rest) and _bracket_fits(
                inner, spiece, src_tokens, year
            ):
                edits.append((qa, qb, spiece, BOTH))
                stood_for.append((inner, sa, sb))
                return True
            return False
        if ELLIPSIS in qpiece and not any(c.isalnum() for c in qpiece) and spiece.strip():
            if any(negation(t.norm) for t in kept_for_alerts(src_tokens, text, [(sa, sb)])):
                return False  # "We will … sell" for "We will not sell": no quote of that
            edits.append((qa, qb, spiece, SCORE))
            omitted.append((sa, sb))
            return True
        n_q, n_s = len(_WORDS_RE.findall(qpiece)), len(_WORDS_RE.findall(spiece))
        if n_q > MAX_BLOCK_WORDS or n_s > MAX_BLOCK_WORDS + MAX_ATTRIBUTION_WORDS:
            return False  # conventions are local: "three hundred"/"300", "do not"/"don't"
        if n_s <= MAX_BLOCK_WORDS and _spoken(qa, qb, sa, sb):
            edits.append((qa, qb, spiece, BOTH))  # "uh" and a word said twice left out
            return True
        if n_q and n_s <= MAX_BLOCK_WORDS and equivalent(qpiece, spiece):
            edits.append((qa, qb, spiece, BOTH))
            return True
        if n_q and n_s <= MAX_BLOCK_WORDS and (other := other_figure(qpiece, spiece)):
            edits.append((qa, qb, other, DIFF))
            return True
        if n_q and n_q == n_s and (k := backshifted(qpiece, spiece)):
            edits.append((qa, qb, spiece, SCORE))  # the changes still show the shift
            shifts[0] += k
            return True
        m = attribution(spiece)
        if m is None:
            return False
        before, after = spiece[: m.start()], spiece[m.end() :]
        if not any(c.isalnum() for c in qpiece):
            if _EDGE_PUNCT.match(before) and _EDGE_PUNCT.match(after):
                edits.append((qa, qb, spiece, BOTH))  # a split quote's attribution
                return True
            return False
        if equivalent(qpiece, before + " " + after):
            edits.append((qa, qb, spiece, BOTH))  # the attribution, and a convention
            return True
        # the attribution at one end of the stretch, other words changed: the attribution
        # is no change of the query's (shown so; the score is left as it was)
        words = qpiece.strip(' ,.;:!?"“”«»')
        if _EDGE_PUNCT.match(before):
            edits.append((qa, qb, spiece[: m.end()] + words + " ", DIFF))
            return True
        if _EDGE_PUNCT.match(after):
            edits.append((qa, qb, " " + words + spiece[m.start() :], DIFF))
            return True
        return False

    # between anchors
    for (qa, wa), (qb, wb) in zip(anchors, anchors[1:], strict=False):
        if qb == qa + 1 and wb == wa + 1:
            continue
        rewrite(q_tokens[qa].end, q_tokens[qb].start, win[wa].end, win[wb].start, win[wa + 1 : wb])
    # before the first anchor: the source words just before it, as few as fit
    q0, w0 = anchors[0]
    if 0 < q0 <= MAX_BLOCK_WORDS:
        qa, qb = 0, q_tokens[q0].start
        if in_bracket(qa, qb) is not None:
            # an editor's bracket at the start stands for the word before ("he", "it"),
            # with its determiner ("the minister"); for nothing at a sentence start
            lo = w0
            if w0 > 0 and not _BREAK.search(text, win[w0 - 1].end, win[w0].start):
                lo = w0 - 1
                if (
                    lo > 0
                    and win[lo - 1].norm in _DETERMINERS
                    and not _BREAK.search(text, win[lo - 1].end, win[lo].start)
                ):
                    lo -= 1
            start = win[lo].start if lo < w0 else win[w0].start
            rewrite(qa, qb, start, win[w0].start, win[lo:w0])
        else:
            for k in range(w0 - 1, max(-1, w0 - 1 - (q0 + 3)), -1):
                if _BREAK.search(text, win[k].end, win[k + 1].start):
                    break
                sa = win[k].start - (text[win[k].start - 1 : win[k].start] == "[")  # "[w]e"
                if rewrite(qa, qb, sa, win[w0].start, win[k:w0]):
                    break
    # after the last anchor: the source words just after it, as few as fit
    ql, wl = anchors[-1]
    if 0 < len(q_tokens) - 1 - ql <= MAX_BLOCK_WORDS:
        qa, qb = q_tokens[ql].end, len(q_text)
        if in_bracket(qa, qb) is not None:
            hi = wl
            if wl + 1 < len(win) and not _BREAK.search(text, win[wl].end, win[wl + 1].start):
                hi = wl + 1
                if (
                    win[hi].norm in _DETERMINERS
                    and hi + 1 < len(win)
                    and not _BREAK.search(text, win[hi].end, win[hi + 1].start)
                ):
                    hi += 1
            end = win[hi].end if hi > wl else win[wl].end
            rewrite(qa, qb, win[wl].end, end, win[wl + 1 : hi + 1])
        else:
            for k in range(wl + 1, min(len(win), wl + 1 + (len(q_tokens) - 1 - ql) + 3)):
                if _BREAK.search(text, win[k - 1].end, win[k].start):
                    break
                sb = win[k].end + (text[win[k].end : win[k].end + 1] == "]")  # "work[s]"
                if rewrite(qa, qb, win[wl].end, sb, win[wl + 1 : k + 1]):
                    break
    if not edits:
        return None
    edits.sort()

    def apply(which: int) -> str:
        out, pos = [], 0
        for a, b, new, where in edits:
            if where not in (BOTH, which):
                continue
            out.append(q_text[pos:a])
            out.append(new)
            pos = b
        out.append(q_text[pos:])
        return "".join(out)

    return Harmony(apply(SCORE), apply(DIFF), omitted, stood_for, shifts[0])


_LAST_WORD = re.compile(r"\w+(?:['’]\w+)*\W*$")
_FIRST_WORD = re.compile(r"^\W*\w+(?:['’]\w+)*")


def _edge_word(text: str, at: int, side: int) -> str:
    """The word just before (``side`` -1) or after (1) offset ``at`` of ``text``, with
    the space and punctuation between, or ""."""
    if side < 0:
        m = _LAST_WORD.search(text, max(0, at - 40), at)
    else:
        m = _FIRST_WORD.search(text[at : at + 40])
    return m.group() if m else ""


# Words left out at an ellipsis that change what the rest means: a condition or an
# exception between the quoted parts ("We will sign it … before May" for "We will sign
# it, if the council agrees, before May").
_CONDITION = re.compile(
    r"\b(?:if|unless|provided|as long as|so long as|except|only when|only after|until)\b",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[.!?;:\"“”«»]|,\s*(?:and|but|or|while)\b")


def kept_for_alerts(
    tokens: Sequence[Token], text: str, omitted: Sequence[tuple[int, int]]
) -> list[Token]:
    """``tokens`` (of ``text``) less the words an ellipsis of the query stands for: the
    query claims nothing about them, so their figures and names raise no alert. A
    negation among them stays unless its clause ends before the cut ("We will … sell"
    for "We will not sell" drops it; "… It is" for ", and we won't re-open it,” she said.
    “It is" does not).

    >>> from quotecheck.analysis.tokens import tokenize
    >>> text = "we will not sell it, and we won't open it. It is old"
    >>> [t.text for t in kept_for_alerts(tokenize(text), text, [(19, 44)])]
    ['we', 'will', 'not', 'sell', 'it', 'It', 'is', 'old']
    >>> [t.text for t in kept_for_alerts(tokenize(text), text, [(7, 12)])]
    ['we', 'will', 'not', 'sell', 'it', 'and', 'we', "won't", 'open', 'it', 'It', 'is', 'old']
    """
    out = []
    for t in tokens:
        cut = next(((a, b) for a, b in omitted if a <= t.start and t.end <= b), None)
        if cut is not None and (not negation(t.norm) or _CLAUSE_END.search(text, t.end, cut[1])):
            continue
        out.append(t)
    return out


def changes_meaning(omitted: str) -> bool:
    """Do the words an ellipsis stands for hold a condition or an exception?

    >>> changes_meaning(", if the council agrees, "), changes_meaning(", and ")
    (True, False)
    """
    return _CONDITION.search(omitted) is not None


_LEAD = "$€£¥'’‘ "


def figures(text: str, start: int, end: int) -> list[str]:
    """The figures of ``text[start:end]`` by value, the sign or apostrophe just before
    and a "%" just after included, currencies aside ("$2m" and "2 million" are equal).

    >>> figures("It cost $2m in '19, 5%.", 3, 21)
    ['#2000000', '#2019', '#5%']
    """
    while start > 0 and text[start - 1] in _LEAD and start > 0:
        start -= 1
    if end < len(text) and text[end] == "%":
        end += 1
    out: list[str] = []
    its = items(text[start:end])
    for i, x in enumerate(its):
        if x.startswith("#"):
            for cur in ("usd", "eur", "gbp", "jpy"):
                x = x.removesuffix(cur)
            if out and out[-1] == "half" and i > 0 and its[i - 1] == "half" and _PLAIN.match(x):
                out[-1] = "#" + _fmt(float(x[1:]) / 2)  # "half a million"
                continue
            if x in _ORDINAL_PARTS and _count_before(its, i, out) is not None:
                x = _fraction(its, i, out)  # "a third", "one fifth"
            out.append(x)
        elif x in _FRACTION_WORDS and (x != "half" or not _PLAIN.match(_at(its, i + 1))):
            out.append(_fraction(its, i, out))
        elif _hyphen_fraction(x) is not None:
            out.append("#" + _fmt(_hyphen_fraction(x) or 0.0) + "%")  # "two-thirds"
        elif x in _FIGURE_LIKE or any(c.isdigit() for c in x):
            out.append(x)  # "1980s", "K-12", "twice": compared as written
    return out


# "a dozen" is 12, "two dozen" 24; "half" is 50%, "a quarter" 25%, "three quarters" 75%,
# "a third" 33.3%, "two-thirds" 66.7% (as a figure only: the words still differ, so the
# change shows, but no number alert).
_PARTS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4, "thirds": 3, "fifths": 5}
_PARTS.update({"tenths": 10, "third": 3, "fifth": 5, "tenth": 10})
_FRACTION_WORDS = frozenset({"dozen", "half", "halves", "quarter", "quarters", "thirds"})
_FRACTION_WORDS |= {"fifths", "tenths"}
_ORDINAL_PARTS = {"#3th": "third", "#5th": "fifth", "#10th": "tenth"}
_PLAIN = re.compile(r"#\d+(?:\.\d+)?$")


def _at(its: Sequence[str], i: int) -> str:
    return its[i] if 0 <= i < len(its) else ""


def _count_before(its: Sequence[str], i: int, out: Sequence[str]) -> float | None:
    """The count just before ``its[i]``: 1 for "a"/"an", N for a plain figure."""
    before = _at(its, i - 1)
    if before in ("a", "an"):
        return 1.0
    if _PLAIN.match(before) and out and out[-1] == before:
        return float(before[1:])
    return None


def _hyphen_fraction(word: str) -> float | None:
    """The percentage of "two-thirds", "three-quarters", "one-half" (as :func:`items`
    gives them, the hyphen dropped); None otherwise."""
    for count, n in _UNITS.items():
        part = word[len(count) :].lstrip("-")
        if n and word.startswith(count) and part in _PARTS:
            return n * 100 / _PARTS[part]
    return None


def _fraction(its: Sequence[str], i: int, out: list[str]) -> str:
    """The figure of the fraction word ``its[i]`` ("dozen", "half", "quarter", "thirds",
    or "third" read as an ordinal), taking the count before it ("a", "two") out of
    ``out`` when there is one.

    >>> [figures(t, 0, len(t)) for t in ("a dozen boats", "two dozen", "half of it",
    ...  "a quarter", "three quarters", "the third quarter", "half a million")]
    [['#12'], ['#24'], ['#50%'], ['#25%'], ['#75%'], ['#3th', 'quarter'], ['#500000']]
    >>> [figures(t, 0, len(t)) for t in ("two-thirds", "two thirds", "a third", "one fifth",
    ...  "the third vote", "three-quarters")]
    [['#66.6666666667%'], ['#66.6666666667%'], ['#33.3333333333%'], ['#20%'], ['#3th'], ['#75%']]
    """
    x = _ORDINAL_PARTS.get(its[i], its[i])
    count = _count_before(its, i, out)
    if count is not None and _PLAIN.match(_at(its, i - 1)):
        out.pop()
    if x == "dozen":
        return "#" + _fmt((count or 1.0) * 12)
    if x == "half":
        return "#" + _fmt((count or 1.0) * 50) + "%"
    if count is None:
        return x  # "the third quarter", "quarters": no fraction
    return "#" + _fmt(count * 100 / _PARTS[x]) + "%"


_FIGURE_LIKE = frozenset(
    "half quarter dozen dozens twice thrice double triple quadruple hundreds thousands "
    "millions billions trillions".split()
)
