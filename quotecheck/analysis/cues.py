"""The cue lexicon: verbs and phrases that report speech, with their inflections.

>>> sorted(inflections("reply"))
['replied', 'replies', 'reply', 'replying']
>>> sorted(inflections("slam"))
['slam', 'slammed', 'slamming', 'slams']
>>> sorted(inflections("agree"))
['agree', 'agreed', 'agreeing', 'agrees']
>>> CUE_FORMS["told"]
'tell'
"""

from __future__ import annotations

import re

# Verbs of saying and of stating a position. Base forms; inflections are generated.
SPEECH_VERBS = """
say tell add state note stress argue warn insist recall claim explain announce declare
assert contend maintain acknowledge admit concede confirm deny reply respond answer ask
write tweet report suggest predict promise vow pledge urge describe criticize criticise
praise accuse blame reiterate repeat emphasize emphasise underline underscore mention
comment remark observe allege estimate conclude complain threaten propose recommend demand
dismiss reject joke quip boast lament recount testify disclose reveal indicate hint
speculate caution counter retort shout yell whisper charge challenge proclaim
affirm aver reckon opine concur agree disagree object protest point elaborate clarify
specify inform assure reassure advise brief announce acknowledge thank welcome condemn
denounce slam blast decry deplore dispute rebut refute characterize characterise label
brand dub call compare touch return continue echo read
interject muse fume scoff snap chant exclaim wonder post email vent gush marvel cite
shoot fire hit
brag remind confide confess tout grumble mutter scream sigh murmur stammer sneer gloat
grouse gripe plead
reaffirm restate forecast hail laud applaud commend
""".split()

# Irregular inflections (base -> forms).
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "shoot": ("shoots", "shot", "shooting"),
    "hit": ("hits", "hitting"),
}
# Verbs whose final consonant doubles.
_DOUBLE = frozenset("admit commit quip rebut snap slam dub aver concur brag".split())
# British spellings with a doubled l ("labelled", "marvelling").
_DOUBLE_L = frozenset("label marvel".split())


def inflections(verb: str) -> set[str]:
    """The forms of a verb: base, -s, -ed, -ing (spelling rules plus a few irregulars)."""
    if verb in _IRREGULAR:
        return {verb, *_IRREGULAR[verb]}
    if verb in _DOUBLE:
        return {verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    if verb in _DOUBLE_L:
        return {verb, verb + "s", verb + "ed", verb + "ing", verb + "led", verb + "ling"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    if verb.endswith("ee"):
        return {verb, verb + "s", verb + "d", verb + "ing"}  # "agreeing"
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):  # ("echoes")
        return {verb, verb + "es", verb + "ed", verb + "ing"}
    return {verb, verb + "s", verb + "ed", verb + "ing"}


CUE_FORMS: dict[str, str] = {}
for _verb in [*SPEECH_VERBS, "speak"]:
    for _form in inflections(_verb):
        CUE_FORMS.setdefault(_form, _verb)

# Verbs that need a particle to be a speech cue ("pointed out", "touched upon", "returned to
# the question"), and the words that must follow.
NEEDS_PARTICLE: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "touch": frozenset({"upon", "on"}),
    "return": frozenset({"to"}),
    "speak": frozenset({"of", "about"}),
    "agree": frozenset({"that"}),
    "disagree": frozenset({"that"}),
    "object": frozenset({"that"}),
    "inform": frozenset({"that"}),
    # "shot back", "fired back", "hit back": a retort
    "shoot": frozenset({"back"}),
    "fire": frozenset({"back"}),
    "hit": frozenset({"back"}),
}
# Verbs that report speech only when a quote or a colon follows ("he continued: ...",
# "she mused, “...”", "he posted: ..."), not "continued the talks", "posted gains".
QUOTE_ONLY = frozenset(
    """continue echo read interject muse fume scoff snap chant exclaim wonder post email
    vent gush marvel grumble mutter scream sigh murmur stammer sneer gloat grouse gripe
    plead testify""".split()
)
# "returned to" only reports speech before a topic noun.
RETURN_TOPICS = frozenset("question issue topic subject theme matter point".split())
# Verbs whose object is the addressee ("told reporters that ...").
ADDRESSEE_VERBS = frozenset(
    "tell inform assure reassure advise brief warn remind ask urge answer email".split()
)
# Verbs that are speech only when reporting (not "the party called a vote").
WEAK_VERBS = frozenset(
    "call compare touch return thank welcome question charge challenge object point".split()
)

# Words that may stand between a subject and its cue verb ("Lavrov also said").
AUXILIARIES = frozenset(
    """also has have had would will did does do had then later again once previously
    repeatedly reportedly recently publicly privately earlier further still often frequently
    subsequently initially already never just had separately last first had always
    quickly immediately simply flatly specifically explicitly openly however instead too
    though meanwhile therefore nonetheless nevertheless thus now even all both each
    together long twice seldom rarely only merely""".split()
)
PASSIVE_MARKERS = frozenset("was were is are be been being get got gets".split())

# A fast "does this stretch contain a cue?" test: lowercase words against the lexicon
# (a big regex alternation is many times slower).
CUE_WORDS = frozenset(CUE_FORMS) | {"according", "According"}
_LOWER_WORD = re.compile(r"[A-Za-z][a-z]*")


def has_cue(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` contain a lowercase cue word?"""
    return not CUE_WORDS.isdisjoint(_LOWER_WORD.findall(text, start, end))


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation factored by common prefixes: Python's re then tests a cue at a
    position in a few steps instead of trying every word of the lexicon."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return body

    return emit(trie)


_CUE_WORDS_PATTERN = _trie_pattern(sorted(CUE_FORMS)) + r"|according|According"
# Every cue word as a whole lowercase word ("According" too), found in one pass.
CUE_RE = re.compile(r"(?<![A-Za-z])(?=[a-zA])(?:" + _CUE_WORDS_PATTERN + r")(?![a-z])")


# For cue_spans: every byte but the ASCII lower-case letters made a space; the cue words
# (all lower-case but "According") as bytes.
_LOWER_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_LOWER_CUES = frozenset(w.encode() for w in CUE_WORDS if w.islower())
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def cue_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``CUE_RE.finditer(text, start, end)``, in order.

    Not with that regex: it tried the lexicon at every non-letter of the text, a tenth of
    ``analyze``. A cue word as ``CUE_RE`` finds it is a whole run of lower-case ASCII letters
    with no ASCII letter before it and no lower-case one after it ("According": no letter
    before, no lower-case after). So: the range as ASCII bytes (one byte a character, "?"
    for any other, so offsets stand), every byte but a-z made a space; its words that are
    cue words, found in C (``split`` and a set); then each such word's places, by ``find``
    of the word between spaces, and the letter before it checked in ``text`` itself (an
    upper-case letter there, or one before ``start``, was a space in the bytes)."""
    runs = b" " + text[start:end].encode("ascii", "replace").translate(_LOWER_ONLY) + b" "
    out: list[tuple[int, int]] = []
    letters = _ASCII_LETTERS
    for word in _LOWER_CUES.intersection(runs.split()):
        n = len(word)
        spaced = b" " + word + b" "
        i = runs.find(spaced)  # i: the space before the word, the word's offset from start
        while i >= 0:
            p = start + i
            if p == 0 or text[p - 1] not in letters:
                out.append((p, p + n))
            i = runs.find(spaced, i + n + 1)
    i = text.find("According", start, end)
    while i >= 0:
        j = i + 9
        if (i == 0 or text[i - 1] not in letters) and (j >= end or not "a" <= text[j] <= "z"):
            out.append((i, j))
        i = text.find("According", j, end)
    out.sort()
    return out


FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|I'm|we're|We're|I’m|We’re)\b")
