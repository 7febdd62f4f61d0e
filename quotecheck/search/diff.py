"""What the user's version changed: word-level ``changes`` and meaning-level ``alerts``.

Changes are read from the source's side: ``insert`` is words the query adds,
``delete`` words of the source the query drops, ``replace`` both. Case and
punctuation differences are not changes.

>>> from quotecheck.analysis.tokens import tokenize
>>> [c["op"] for c in changes(tokenize("we do not owe it"), tokenize("we owe it"))]
['insert']
>>> alerts(tokenize("we do not owe 5 it"), tokenize("we owe 6 it"), "", "")
['negation', 'number']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import OSA, Levenshtein

from quotecheck.analysis.tokens import STOPWORDS, Token, tokenize
from quotecheck.search.align import stem
from quotecheck.search.editorial import CALENDAR, figures, negation

NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen half percent first second "
    "third fourth fifth sixth seventh eighth ninth tenth twice thrice double triple "
    "halves quarter quarters thirds fifths tenths".split()
)
# Omitted text that changes the meaning of the part quoted (same sentence only):
# a condition or concession clause that leads into the quote ("If we can, [we owe it]"),
# a negation that governs it ("does not [support the plan]"), or a condition, contrast or
# negation that follows it ("[we will sign it], but only if ...").
# A period after a title or month abbreviation ("Sen.", "Sept. 11"), or a period or an
# ellipsis ("his rights...on the ground") before a word in lower case or a figure, ends
# no sentence.
_ABBREV = (
    "(?<!\\bMr)(?<!\\bMrs)(?<!\\bMs)(?<!\\bDr)(?<!\\bSt)(?<!\\bSen)(?<!\\bRep)(?<!\\bGov)(?<!\\bGen)"
    "(?<!\\bJan)(?<!\\bFeb)(?<!\\bMar)(?<!\\bApr)(?<!\\bJun)(?<!\\bJul)(?<!\\bAug)(?<!\\bSept)(?<!\\bSep)"
    "(?<!\\bOct)(?<!\\bNov)(?<!\\bDec)(?<!\\bNo)(?<!\\bvs)(?<!\\b[A-Z])"
)
_SENTENCE_BREAK = re.compile(r"(?:[!?;\n]|" + _ABBREV + r"\.(?![.\s]*[a-z0-9]))\W*(?=\w)")
_CONDITION = (
    r"(?:if|unless|provided|as long as|so long as|only if|even if|although|though|even though|"
    r"assuming|supposing|whether)"
)
# The sentence opens with a condition and the query starts inside that clause.
_CONDITION_OPENS = re.compile(r"^[\W]*" + _CONDITION + r"\b", re.I)
_CONDITION_BEFORE = re.compile(
    r"\b"
    + _CONDITION
    # "though," set off by commas is a sentence adverb ("however"), not a concession clause.
    + r"\b(?!(?<=though)[\s\"“”‘’']*[,;:.—–)])(?:[^.!?;]|(?!"
    + _ABBREV
    + r"\.(?![.\s]*[a-z0-9]))\.){0,200}?,[\s\"“”‘’']*$",
    re.I,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|cannot|no longer|hardly|\w+n't)(?:\W+\w+){0,2}?[\s\"“”‘’']*$",
    re.I,
)
_CONTEXT_AFTER = re.compile(
    r"^[\s,;:—–\-\"“”‘’']*(?:if|unless|only if|only when|provided|as long as|so long as|"
    r"except|but|although|though|even though|"
    # after a comma or a dash, a "not" that qualifies or postpones ("..., not until ...",
    # "..., not that I ...", "..., not always"), not one that repeats or sharpens the
    # quoted words ("I would never sell it, not one flat", "..., not the poor")
    r"not\s+(?:that|until|till|unless|if|when|yet|now|before|because|just|only|merely|simply|"
    r"necessarily|always|"
    r"entirely|quite|exactly|really|completely|fully|all|every|everywhere))\b"
    # a "not" right after the quoted words negates them ("and Clinton did [not]")
    r"|^[\s\"“”‘’']*not\b",
    re.I,
)


# A trailing contrast that opens another reported act ("..., though she noted that ...",
# "..., although he again refused to ...", "He thinks X, but believes Y"): a reporting or
# refusal verb, after a third-person subject or none (the frame's own subject). It adds a
# statement beside the quoted one; it does not qualify it.
_REPORTING_VERB = (
    r"(?:said|says|noted|notes|added|adds|acknowledged|admitted|conceded|warned|cautioned|insisted|"
    r"argued|stressed|emphasized|emphasised|told|wrote|maintained|suggested|pointed|refused|declined|"
    r"denied|declared|claimed|explained|promised|vowed|believes|thinks|argues|insists|warns|acknowledges|"
    r"admits|concedes|maintains|suggests|says|adds)"
)
_NEW_REPORT_AFTER = re.compile(
    r"^[\s,;:—–\-\"“”‘’']*(?:but|although|though|even though|while)\s+"
    r"(?:(?:he|she|they|(?!I\b)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}"
    r"|(?:the|his|her|their|its)\s+\w+|(?!(?:is|was|has|does)\b)[a-z]+s)\s+)?(?:\w+ly\s+|again\s+|also\s+|still\s+|later\s+)?"
    + _REPORTING_VERB
    + r"\b",
)


# "not only [X], but also Y" with "not only" left out too: X is asserted, Y added to it.
_NOT_ONLY_BEFORE = re.compile(r"\bnot (?:only|just|merely|simply)\b", re.I)
_BUT_ALSO_AFTER = re.compile(r"^[\s,;:—–\-\"“”']*but\s+(?:\w+\s+)?also\b", re.I)
# In narration, a concession the quoted words are inside of is the reporter's: its clause
# is asserted, not made conditional ("Though she did not name [the mayor], she ...").
_CONCESSION_OPENS = re.compile(r"^[\W]*(?:although|though|even though)\b", re.I)
# The omitted words before end in a word: the quoted words are the object or complement
# of a clause of the reporter's sentence ("Vek has praised [...]", "Many assumed [that ...]").
_EMBEDDED = re.compile(r"\w[\s\"“”']*$")
# A contrast set off by punctuation that is a full clause with its own subject: a subject
# pronoun, or a determiner or a name followed within a few words by an auxiliary or a verb
# in -ed ("..., but they care enough to respond", "..., but the council refused it"), or
# "that" with an auxiliary ("..., but that wasn't the case"). Not "but that it ..." (a
# second complement), "but not ...", "but only if ...", "but also ...", "but would ..."
# (a second verb of the quoted clause) nor "but no evidence of ..." (a noun phrase).
_PRONOUNS = (
    r"(?:he|she|they|it|we|i|you|there|nobody|nothing|none|everyone|everybody|someone|somebody)"
)
_DETERMINERS = (
    r"(?:these|those|the|a|an|his|her|their|its|our|my|your|no|some|many|most|several|"
    r"few|both|each|every|others)"
)
_AUX = (
    r"(?:is|was|are|were|isn't|wasn't|aren't|weren't|has|had|have|hasn't|hadn't|will|would|"
    r"won't|wouldn't|can|could|can't|couldn't|may|might|must|should|shouldn't|does|did|"
    r"doesn't|didn't)"
)
_SUBJECT_CLAUSE = (
    r"(?:(?i:" + _PRONOUNS + r")\b"
    r"|(?:(?i:"
    + _DETERMINERS
    + r")\s+|(?!I\b)(?=[A-Z]))(?:[\w.'-]+\s+){1,3}?(?i:"
    + _AUX
    + r"|\w+ed)\b"
    r"|(?i:that)\s+(?i:" + _AUX + r")\b)"
)
_CLAUSE_CONTRAST_AFTER = re.compile(
    r"^[\s\"“”']*[,;—–\-][\s,;—–\-\"“”']*(?:but|although|though|even though)\b\s*"
    r"(?:,[^,\"“”]{1,40},)?\s*"  # "though, at the end, they ..."
    r"(?P<clause>" + _SUBJECT_CLAUSE + r".*)"
)


def out_of_context(omitted_before: str, omitted_after: str, *, narration: bool = False) -> bool:
    """Does the part of the sentence the query left out change what the quoted part means?

    The rule: ``out_of_context`` is raised when the words the query leaves out of the
    same statement and sentence (of the same sentence for narration) hold

    * a condition or concession that leads into the quoted words ("If we can, [we owe
      it ...]"), or one the quoted words are inside of ("[If the ferries arrive on time]
      and the pier is ready, ...");
    * a negation that governs them ("does not [support the plan]"), except in narration,
      where a negation just before the words is the reporter's frame ("the recording
      does not include ...");
    * a condition, exception or contrast clause that follows them ("[we will sign it],
      but only if ...", "... unless ...").

    A trailing contrast does not count when it opens another reported act of a
    third person ("..., though she noted clients ...", "..., although he again refused
    to ...", "..., but officials said ...", "He thinks [X], but believes ..."): that is a
    second statement beside the quoted one, not a qualification of it. Nor does "but
    also" after "not only" left out too (both halves are asserted), nor a condition whose
    clause sits in another quotation, closed before the quoted words. Nor, in narration, when the quoted words are
    the object or complement of the reporter's clause and the contrast, set off by
    punctuation, is a clause with its own subject outside quote marks ("Many assumed
    [that Vek had the backing of the board], but that wasn't the case"): it is set against
    the reporter's clause. "Though," between commas is a sentence adverb, no concession;
    and in narration a concession the quoted words are inside of ("Though she did not
    mention [Vek by name], ...") is asserted, so it leaves them as they are.

    >>> out_of_context("If there is a job we can do together, ", "")
    True
    >>> out_of_context("The mayor said ", ", and left.")
    False
    >>> out_of_context("The recording does not include ", "", narration=True)
    False
    >>> out_of_context("", ", though she noted that costs rose")
    False
    >>> out_of_context("Many assumed ", ", but that wasn't the case.", narration=True)
    False

    An editor's bracket at the cut belongs to the quoted words ("If it fails, [they] will
    ...", "... better [in the north], but ..."): the span ends at a word, not at the bracket.

    >>> out_of_context("If it fails, [", "")
    True
    >>> out_of_context("", "], but the others are not doing well anyway.")
    True
    """
    before = _BRACKET_BEFORE.sub("", omitted_before).translate(_APOS)
    omitted_after = _BRACKET_AFTER.sub("", omitted_after)
    parts = _SENTENCE_BREAK.split(before)
    before = parts[-1] if parts else before
    after = _SENTENCE_BREAK.split(omitted_after.translate(_APOS), maxsplit=1)[0]
    embedded = narration and _EMBEDDED.search(before) is not None
    if (
        before.strip()
        and "," not in before
        and _CONDITION_OPENS.search(before)
        and not (narration and _CONCESSION_OPENS.search(before))
    ):
        return True
    lead = _CONDITION_BEFORE.search(before)
    if lead and not _quotation_closed(lead.group(0)):
        return True
    if (
        _CONTEXT_AFTER.search(after)
        and not _NEW_REPORT_AFTER.search(after)
        and not (embedded and _reporter_contrast(after))
        and not (_NOT_ONLY_BEFORE.search(before) and _BUT_ALSO_AFTER.search(after))
    ):
        return True
    return not narration and _NEGATION_BEFORE.search(before) is not None


_APOS = str.maketrans({"’": "'", "‘": "'"})
_BRACKET_BEFORE = re.compile(r"\[\s*$")
_BRACKET_AFTER = re.compile(r"^\s*\]")


# The last quote mark of a stretch closes a quotation: "”", "''", or a straight one after
# a word or punctuation and before a space, punctuation or the end.
_CLOSING_QUOTE_LAST = re.compile(r",[^\"“”]*(?:”|''|(?<=\S)\"(?=[\s,.;:!?]|$))[^\"“”]*$")


def _quotation_closed(stretch: str) -> bool:
    """Does a quotation close after the clause of a leading condition, before the quoted
    words ("If you believe it, you will find a reason," said Vek, [whose ...])? The
    condition belongs to those other quoted words."""
    return _CLOSING_QUOTE_LAST.search(stretch) is not None


def _reporter_contrast(after: str) -> bool:
    """Is ``after`` a contrast clause with its own subject, outside quote marks?

    An odd number of double quote marks in the clause closes a quotation open across
    the cut: the clause is then the quoted speaker's own words.
    """
    m = _CLAUSE_CONTRAST_AFTER.search(after)
    return m is not None and len(re.findall(r"''|[\"“”]", m.group("clause"))) % 2 == 0


def _word_ids(query: Sequence[Token], source: Sequence[Token]) -> tuple[list[str], list[str]]:
    return [stem(t.norm) for t in query], [stem(t.norm) for t in source]


def changes(query: Sequence[Token], source: Sequence[Token]) -> list[dict[str, str]]:
    """Word-level edits turning the source's words into the query's."""
    q_ids, s_ids = _word_ids(query, source)
    out: list[dict[str, str]] = []
    for op in Levenshtein.opcodes(s_ids, q_ids):
        src = source[op.src_start : op.src_end]
        qry = query[op.dest_start : op.dest_end]
        if op.tag == "equal":
            # Same stem, different word (a typo, "talk"/"talks"): a replace of that word.
            for s_tok, q_tok in zip(src, qry, strict=True):
                if s_tok.norm != q_tok.norm:
                    out.append({"op": "replace", "query": q_tok.text, "source": s_tok.text})
            continue
        tag = {"insert": "insert", "delete": "delete", "replace": "replace"}[op.tag]
        out.append(
            {
                "op": tag,
                "query": " ".join(t.text for t in qry),
                "source": " ".join(t.text for t in src),
            }
        )
    return out


def _inflected(words: str) -> set[str]:
    """The words of ``words``, each ``word+`` with its regular inflections ("support+":
    supports, supported, supporting; "reduce+": reduces, reduced, reducing)."""
    out: set[str] = set()
    for w in words.split():
        if not w.endswith("+"):
            out.add(w)
            continue
        w = w[:-1]
        if w.endswith("e"):
            out |= {w, w + "s", w + "d", w[:-1] + "ing"}
        elif w.endswith("y") and w[-2] not in "aeiou":
            out |= {w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
        else:
            out |= {w, w + "s", w + "ed", w + "ing"}
    return out


# Words whose swap for one of the other side reverses what is said, in pairs of sides
# ("rise"/"fall", "support"/"oppose", "win"/"lose"): a swap within a side is a synonym
# ("rose"/"increased"), across the sides a reversal, alerted as a negation. Each row is
# its own scale: "bad" for "poor" is no reversal, "rich" for "poor" is.
_POLAR_ROWS = (
    (
        "rise+ rose risen increase+ grow+ grew grown growth climb+ soar+ jump+ jumped raise+"
        " boost+ expand+ expansion gain+ up upward upwards higher highest more most greater"
        " larger largest bigger biggest",
        "fall+ fell fallen decrease+ decline+ drop+ dropped dropping shrink+ shrank shrunk"
        " sink+ sank sunk plunge+ slump+ reduce+ reduction reductions cut cuts cutting lower+"
        " down downward downwards lowest less least fewer fewest smaller smallest",
    ),
    (
        "support+ back+ favour+ favor+ endorse+ approve+ approval welcome+ accept+ acceptance"
        " agree+ agreement praise+",
        "oppose+ opposition reject+ rejection condemn+ disapprove+ refuse+ refusal veto vetoes"
        " vetoed vetoing block+ criticise+ criticize+ criticism denounce+ disagree+"
        " disagreement",
    ),
    ("for", "against"),
    ("win wins won winning victory victories", "lose+ lost loss losses defeat+"),
    ("succeed+ success successful", "fail+ failure failures unsuccessful"),
    ("profit+", "loss losses"),
    ("surplus surpluses", "deficit deficits"),
    ("good better best", "bad worse worst"),
    ("improve+ improvement", "worsen+ deteriorate+ deterioration"),
    ("strong stronger strongest strengthen+", "weak weaker weakest weaken+"),
    ("safe safer safest", "dangerous unsafe"),
    ("true", "false untrue"),
    ("right correct", "wrong incorrect"),
    ("easy easier easiest", "hard harder hardest difficult"),
    ("cheap cheaper cheapest", "expensive costly"),
    ("rich richer richest wealthy", "poor poorer poorest"),
    ("positive", "negative"),
    ("optimistic", "pessimistic"),
    ("guilty", "innocent"),
    ("majority", "minority"),
    ("maximum", "minimum"),
    (
        "allow+ permit+ permitted permitting legalise+ legalize+",
        "ban+ banned banning forbid+ forbade forbidden prohibit+",
    ),
    ("open+ reopen+", "close+ shut+ shut shutting"),
    ("include+", "exclude+"),
    ("love+", "hate+"),
    ("gain+", "lose+ lost loss losses"),
    ("many", "few"),
    ("confirm+ admit+ admitted admitting", "deny+ denial"),
    ("trust+", "distrust+ mistrust+"),
)
_POLAR: dict[str, list[tuple[int, int]]] = {}  # word -> its (row, side)s: "loss" is on two
for _row, _sides in enumerate(_POLAR_ROWS):
    for _side, _words in enumerate(_sides):
        for _w in _inflected(_words):
            _POLAR.setdefault(_w, []).append((_row, _side))
# A prefix or suffix that makes a word its opposite ("likely"/"unlikely",
# "legal"/"illegal", "agree"/"disagree", "useful"/"useless"). "in"/"im"/"dis" make other
# words too ("invest", "improve", "discover"): only roots of five letters or more, and
# not these.
_NOT_OPPOSITES = frozenset(
    "press prove stall crease struct spire sight tense vent form come cover close charge "
    "miss count card pose port tend vest dent hale patient plant print pact pose pound "
    "pulse solve tract pose perfect peril".split()
)


def _affix_opposite(a: str, b: str) -> bool:
    """Is one of the folded words the other with a prefix or suffix that negates it?

    >>> [_affix_opposite(a, b) for a, b in (("likely", "unlikely"), ("illegal", "legal"),
    ...  ("invest", "vest"), ("useful", "useless"), ("agree", "disagree"))]
    [True, True, False, True, True]
    """
    if len(a) > len(b):
        a, b = b, a
    a, b = a.replace("-", ""), b.replace("-", "")
    if b.endswith(a):
        prefix = b[: -len(a)]
        if prefix in ("un", "non"):
            return len(a) >= 4
        if prefix in ("in", "im", "il", "ir", "dis"):
            return len(a) >= 5 and a not in _NOT_OPPOSITES
        return False
    for x, y in (("ful", "less"), ("less", "ful")):
        if a.endswith(x) and b.endswith(y) and a[: -len(x)] == b[: -len(y)] and len(a) > 5:
            return True
    return False


def _reversed(query: Sequence[Token], source: Sequence[Token]) -> bool:
    """Did the query put a word's opposite in its place ("rise" for "fall", "oppose" for
    "support", "unlikely" for "likely")? Counted per scale, in any order: the query has
    fewer words of one side than the source and more of the other (a clause moved or a
    synonym of the same side is no reversal)."""
    q = Counter(rs for t in query for rs in _POLAR.get(t.norm, ()))
    s = Counter(rs for t in source for rs in _POLAR.get(t.norm, ()))
    for row, side in {*q, *s}:
        other = (row, 1 - side)
        if q[row, side] > s[row, side] and q[other] < s[other]:
            return True
    q_only = {t.norm for t in query} - {t.norm for t in source}
    s_only = {t.norm for t in source} - {t.norm for t in query}
    return any(_affix_opposite(a, b) for a in q_only for b in s_only)


def _negations(tokens: Sequence[Token]) -> int:
    """Negation words, "can't"/"won't"/"cannot" included ("can not" counts its "not")."""
    return sum(1 for t in tokens if negation(t.norm))


def _is_number(w: str) -> bool:
    """A figure, a number word, or number words joined by a hyphen ("two-thirds")."""
    return (
        any(c.isdigit() for c in w)
        or w in NUMBER_WORDS
        or ("-" in w and all(p in NUMBER_WORDS for p in w.split("-")))
    )


def _date_word(t: Token) -> bool:
    """A month or a weekday: a date changed ("in April" -> "in May", "until Thursday" ->
    "until Friday") is a changed figure, not a swapped name; counted when capitalised only
    ("may" and "march" are words too)."""
    return t.norm in CALENDAR and t.text[:1].isupper()


def _numbers(tokens: Sequence[Token]) -> Counter[str]:
    """Figures, as compared: "1,000" is "1000"; "percent" is left to the figure it follows."""
    return Counter(
        t.norm.replace(",", "") for t in tokens if _is_number(t.norm) and t.norm != "percent"
    )


def _dates_changed(query: Sequence[Token], source: Sequence[Token]) -> bool:
    """Did a month or a weekday take the place of another ("April" for "March", "Friday"
    for "Thursday")? A date word counts when it is capitalised on either side ("march"
    typed in lower case is still "March"); one only dropped or only added (a typo,
    "Satrday"; a name put in its place, "on Buffalo") is no changed date."""
    caps = {t.norm for t in (*query, *source) if _date_word(t)}
    q = Counter(t.norm for t in query if t.norm in caps)
    s = Counter(t.norm for t in source if t.norm in caps)
    return bool(q - s) and bool(s - q)


def _without_dates(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if not _date_word(t)]


def _same_figures(
    query: Sequence[Token], source: Sequence[Token], query_text: str, source_text: str
) -> bool:
    """Do the two sides state the same figures, however written ("three hundred"/"300",
    "5%"/"five per cent", "$2m"/"$2 million", "1,000"/"1 000", "'19"/"2019")?"""
    if not query or not source or not query_text or not source_text:
        return False
    q = figures(query_text, query[0].start, query[-1].end)
    s = figures(source_text, source[0].start, source[-1].end)
    return bool(q) and sorted(q) == sorted(s)


def typo_of(a: str, b: str) -> bool:
    """Is ``a`` the word ``b``, or a plausible misspelling of it?"""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0] and a[-1] != b[-1]:
        return False
    limit = 1 if max(len(a), len(b)) < 7 else 2
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def _number_changed(query: Sequence[Token], source: Sequence[Token]) -> bool:
    q, s = _numbers(query), _numbers(source)
    if q == s:
        return False
    missing, extra = s - q, q - s
    # A number word misspelt ("sevne") is a typo, not a new figure.
    q_words = {t.norm for t in query}
    # A number word misspelt ("sevne") is a typo, not a figure dropped; "billion" for
    # "million" is a new figure (the replacement is itself a number).
    missing = Counter(
        {
            w: n
            for w, n in missing.items()
            if not (w.isalpha() and any(typo_of(x, w) for x in q_words if not _is_number(x)))
        }
    )
    return bool(missing or extra)


def _names(tokens: Sequence[Token], initial: Sequence[bool]) -> list[Token]:
    """Capitalised words not at a sentence start, not stopwords or figures: likely names."""
    return [
        t
        for t, first in zip(tokens, initial, strict=True)
        if t.text[:1].isupper()
        and not first
        and t.norm not in STOPWORDS
        and not _is_number(t.norm)
        and not negation(t.norm)
    ]


def _present(word: str, words: Sequence[str]) -> bool:
    return any(typo_of(word, w) or stem(word) == stem(w) for w in words)


def _has_name(word: str, norms: Sequence[str], capitalised: Sequence[str]) -> bool:
    """Does the source have the name ``word``: the same word or stem, or one spelt nearly
    alike with a capital ("Mike" is not kept by "make")?"""
    return any(stem(word) == stem(w) for w in norms) or any(typo_of(word, w) for w in capitalised)


def _initials(tokens: Sequence[Token], text: str) -> list[bool]:
    """Is each token the first of a sentence (so its capital says nothing)?"""
    flags = []
    prev_end = None
    for t in tokens:
        if prev_end is None:
            flags.append(True)
        else:
            gap = text[prev_end : t.start]
            flags.append(bool(re.search(r"[.!?:\"“”«»]", gap)))
        prev_end = t.end
    return flags


def _name_swapped(
    query: Sequence[Token],
    source: Sequence[Token],
    query_text: str,
    source_text: str,
    before: str = "",
    after: str = "",
) -> bool:
    """A name of the source is gone and a word the source does not have took its place,
    or a name the source does not have took the place of another word ("the Gang of
    Eight" -> "the Gang of Brandt").

    Names moved (reordered clauses) or misspelt ("Hilary") are not swaps. When the query
    has no case ("all lower case"), any new content word standing where the name stood counts.
    A name counts as still there when the query has it as often as the source (at a
    sentence start or not), or, missing, spelt nearly alike in a word with a capital (in
    a query with case): "forces" does not keep "Air Force", nor "status" "United States".
    A name at the query's end that the statement has just after the span (``after``),
    or at its start that it has just before (``before``), is the statement's own: the
    span stopped short of it ("half of it from Norvania" for "half of which would come
    from the regional fund in Norvania").
    """
    q_norms = [t.norm for t in query]
    s_norms = [t.norm for t in source]
    s_init = _initials(source, source_text) if source_text else [i == 0 for i in range(len(source))]
    has_case = (
        any(c.isupper() for c in query_text) and any(c.islower() for c in query_text)
        if query_text
        else True
    )
    q_count, s_count = Counter(q_norms), Counter(s_norms)
    # words the query may spell a missing name with: capitalised ones (any, without case)
    spellings = [
        t.norm for t in query if s_count[t.norm] == 0 and (not has_case or t.text[:1].isupper())
    ]
    gone = []
    for t in _names(source, s_init):
        if q_count[t.norm] >= s_count[t.norm]:
            continue
        if q_count[t.norm] == 0:
            hit = next(
                (
                    i
                    for i, w in enumerate(spellings)
                    if typo_of(t.norm, w) or stem(t.norm) == stem(w)
                ),
                None,
            )
            if hit is not None:
                spellings.pop(hit)  # misspelt, not gone
                continue
        gone.append(t)
    q_init = _initials(query, query_text) if query_text else [i == 0 for i in range(len(query))]
    q_names = {t.norm for t in _names(query, q_init)} if has_case else set()
    # In a query in title case ("Reporter Caught Conspiring To Do This") every word looks
    # like a name: only a name of the source that is gone counts there.
    words = [t for t in query if t.text[:1].isalpha()]
    title_case = sum(t.text[:1].isupper() for t in words) * 2 > len(words)
    if not gone and (title_case or not q_names):
        return False
    gone_ids = {stem(t.norm) for t in gone}
    s_caps = [t.norm for t in source if t.text[:1].isupper()]
    for op in Levenshtein.opcodes([stem(w) for w in s_norms], [stem(w) for w in q_norms]):
        if op.tag != "replace":
            continue
        replaced = {stem(w) for w in s_norms[op.src_start : op.src_end]}
        name_gone = bool(gone_ids & replaced)
        if not name_gone and title_case:
            continue
        s_pool = [w for i, w in enumerate(s_norms) if not op.src_start <= i < op.src_end]
        beyond: set[str] = set()  # the statement's words past the span at this edge
        if op.dest_end == len(q_norms) and after:
            beyond |= {t.norm for t in tokenize(after)}
        if op.dest_start == 0 and before:
            beyond |= {t.norm for t in tokenize(before)}
        for w in q_norms[op.dest_start : op.dest_end]:
            if w in q_names and not _has_name(w, s_norms, s_caps) and w not in beyond:
                return True  # a name the source does not have, where another word stood
            new = not _present(w, s_pool)
            if name_gone and new and not has_case and w not in STOPWORDS and not _is_number(w):
                return True
    return False


def _uncut(
    query: Sequence[Token], source: Sequence[Token]
) -> tuple[Sequence[Token], Sequence[Token]]:
    """Drop edge words the pasted query cut in the middle ("ot to recommend" for "not to recommend").

    A query whose first word is the tail of the source span's first word (or whose last
    word is the head of its last) was cut mid-word; that word says nothing about negation,
    numbers or names, on either side.
    """
    if len(query) > 1 and len(source) > 1:
        q0, s0 = query[0].norm, source[0].norm
        if q0 != s0 and len(q0) < len(s0) and s0.endswith(q0):
            query, source = query[1:], source[1:]
    if len(query) > 1 and len(source) > 1:
        q1, s1 = query[-1].norm, source[-1].norm
        if q1 != s1 and len(q1) < len(s1) and s1.startswith(q1):
            query, source = query[:-1], source[:-1]
    return query, source


def alerts(
    query: Sequence[Token],
    source: Sequence[Token],
    omitted_before: str,
    omitted_after: str,
    *,
    query_text: str = "",
    source_text: str = "",
    narration: bool = False,
) -> list[str]:
    """Meaning-level differences a high fuzzy score would hide.

    ``omitted_before``/``omitted_after`` are the parts of the source statement (same
    sentence) around the matched span that the query left out.

    >>> from quotecheck.analysis.tokens import tokenize
    >>> src = "Mayor Ilsa Brandt said the bridge will open in 2026"
    >>> alerts(tokenize("Mayor Ilsa Brandt said the bridge won't open in 2027"), tokenize(src), "", "",
    ...        query_text="Mayor Ilsa Brandt said the bridge won't open in 2027", source_text=src)
    ['negation', 'number']
    """
    found: list[str] = []
    query, source = _uncut(query, source)
    if _negations(query) != _negations(source) or _reversed(query, source):
        found.append("negation")
    dates = _dates_changed(query, source)
    if dates or (
        _number_changed(query, source) and not _same_figures(query, source, query_text, source_text)
    ):
        found.append("number")
    if dates:
        # the date swapped is a figure changed, not a name (a name swapped beside it still
        # counts)
        query, source = _without_dates(query), _without_dates(source)
    if _name_swapped(query, source, query_text, source_text, omitted_before, omitted_after):
        found.append("name")
    if out_of_context(omitted_before, omitted_after, narration=narration):
        found.append("out_of_context")
    return found


def segments(
    query: Sequence[Token], source: Sequence[Token], text: str
) -> list[tuple[str, str, str]]:
    """The matched source text cut into (op, source words, query words) pieces, for display.

    ``source`` are tokens of ``text``; the pieces joined (source side) give back the
    span's text, punctuation included.
    """
    if not source:
        return [("insert", "", " ".join(t.text for t in query))] if query else []
    q_ids, s_ids = _word_ids(query, source)
    out: list[tuple[str, str, str]] = []
    pos = source[0].start

    def gap(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(("equal", text[pos:upto], ""))
            pos = upto

    for op in Levenshtein.opcodes(s_ids, q_ids):
        qry = " ".join(t.text for t in query[op.dest_start : op.dest_end])
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                st, qt = source[op.src_start + k], query[op.dest_start + k]
                gap(st.start)
                out.append(
                    ("equal", st.text, "") if st.norm == qt.norm else ("replace", st.text, qt.text)
                )
                pos = st.end
        elif op.tag == "insert":
            out.append(("insert", "", qry))
        else:
            a, b = source[op.src_start], source[op.src_end - 1]
            gap(a.start)
            out.append((op.tag, text[a.start : b.end], qry))
            pos = b.end
    return out
