"""Who said it: find the statements in a document and resolve their speakers.

Rules over well-segmented text, no statistical model; fast, deterministic, explainable.

1. Quote marks are paired per paragraph (:mod:`quotecheck.analysis.quotes`) and their
   contents masked, so sentence splitting and the rules below see a quote as one word.
   Cue words are found in one regex pass over the document; a cue word that cannot be a
   verb here ("the state", "point" without "out") is dropped on the raw text, and only
   sentences keeping a cue word are tokenised (the costly step).
2. Each sentence containing a cue (:mod:`quotecheck.analysis.cues`) is tokenised and every
   cue is tried as a *frame*: a subject to its left ("Lavrov said", "Lavrov, in particular,
   said", "the Russian Minister compared"), else a speaker to its right ("..., said Ross"),
   or "according to X".  The content is what follows the cue ("said (that) ...", "said: ...",
   "told reporters ...", "told the council that ..." - the addressee is skipped) or, when
   only an adverbial or an addressee follows ("said earlier", "told the council."), what
   precedes the subject's comma.  A participle cue ("..., telling Reuters, “...”") with no
   frame before it takes the sentence's subject.  Content that is a quote gives a *direct*
   statement; reported words give one *indirect* statement, quoted fragments included
   (mixed quotes are not split into a nested direct statement).  Compound subjects ("X and
   Y said") are one mention whose first person speaks.  A quote right before the subject
   ("“A,” he told supporters in Nashua") is the content, not what follows the cue.  A cue
   inside another frame's content starts a frame of its own: after a coordinator ("X said A,
   while Y said B") or a relative clause ("X, who said A, said B") it ends the first content;
   otherwise it is nested ("X said Y told her that Z" gives Y's Z too); "..., according to Z"
   is Z's statement of the whole clause.
3. Quotes left over join the statement of the quote before them in the paragraph (split and
   dash-continued quotes), or a speaker named just after them ("“A.” Ross said."), or carry
   on the previous paragraph's speaker when they fill a paragraph (or the subject of a
   previous paragraph ending in a colon); a quoted passage of four words or more inside a
   sentence about a named person is that person's; shorter scare quotes are left.
   A sentence in the first person right after a reported statement carries it on.
4. Mentions resolve to people through a per-document :class:`~.people.Registry`: names,
   surnames, transliterations, roles from appositives; "he"/"she" go to the salient person
   (the speaker, or the subject of the sentences before including a later clause's "..., but
   X ..."), gender permitting, not the nearest name; gender comes from titles, role words,
   common given names, or the pronouns that follow a person's mentions.  Descriptions
   ("the Ohio governor") match known roles, then someone recently named with that office,
   then the person in focus unless the description names an office they do not hold.
   Generic sources ("officials said", "Critics argued"), places and organisations keep
   their mention and get no speaker; pronouns and their contractions are never names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter

from quotecheck.analysis.cues import (
    ADDRESSEE_VERBS,
    AUXILIARIES,
    CUE_FORMS,
    CUE_RE,
    FIRST_PERSON_RE,
    NEEDS_PARTICLE,
    PASSIVE_MARKERS,
    QUOTE_ONLY,
    RETURN_TOPICS,
    WEAK_VERBS,
    cue_spans,
)
from quotecheck.analysis.names import DETERMINERS, RANK_WORDS, TITLE_ABBREVIATIONS, name_words
from quotecheck.analysis.people import (
    FEMALE_WORDS,
    GENERIC_NOUNS,
    MALE_WORDS,
    ORG_WORDS,
    PARTICLE_WORDS,
    ROLE_HEADS,
    Entity,
    Registry,
    gender_of,
    given_name_tail,
    looks_like_name,
    split_role_name,
    strip_openers,
)
from quotecheck.analysis.quotes import Quote, find_quotes
from quotecheck.analysis.sentences import paragraph_memo, split_paragraph, split_paragraphs
from quotecheck.analysis.tokens import fold
from quotecheck.labels import GENERIC, names_speaker
from quotecheck.labels import speaker_name as label_name
from quotecheck.model import Document, Marked, Person, Statement, first_turn_start

# (a plural possessive keeps its apostrophe: "The Corvale Nurses' Union said")
# (one character class first, the word or the punctuation told apart by a look-behind:
# the regex engine then skips whitespace instead of trying both branches at each of it;
# the same matches as ``\w+(?:[’'\-&.]\w+)*(?:(?<=s)[’'](?![\w’']))?|[^\w\s]``, 15% faster;
# possessive quantifiers: nothing after a part can fail, so giving back never finds another
# match, and the engine keeps no backtracking state for them: 15% faster again)
_TOK = re.compile(r"[^\s](?:(?<=\w)\w*+(?:[’'\-&.]\w++)*+(?:(?<=s)[’'](?![\w’']))?+|(?<!\w))")
_MASK = "X"
# Adverbs set off by commas right after a cue ("said, however, that ...").
_SENTENCE_ADVERBS = frozenset(
    """however though moreover furthermore nevertheless nonetheless instead meanwhile
    again too also still therefore indeed""".split()
)
# An aside between dashes, a lower-case word (the verb, most likely) after it.
_DASH_ASIDE = re.compile(
    r"[ \t\u00a0]+(?:—|--|–)[ \t\u00a0]+([^—–\n]{3,200}?)[ \t\u00a0]+(?:—|--|–)[ \t\u00a0]+(?=[a-z])"
)
# A party/state tag after a politician's name: "(D)", "(R-Tex.)", "(D-N.Y.)", "(I-Vt.)",
# "(Tex.)".
_PARTY_TAG = re.compile(
    r"\((?:[DRI](?:[-–][ \t]?[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?)?|[A-Z][a-z]{1,4}\.)\)"
)
# Quoted passages this long are someone's words even when the text does not say whose.
UNATTRIBUTED_MIN_WORDS = 4
_TRAIL_PUNCT = ".,;:!?…"
_MARK_CHARS = frozenset("“”\"„«»‘’'‚‹›")
_TERMINAL = frozenset(".!?…")

_BASE_PRONOUNS = ("he", "she", "they", "it", "we", "i", "you")
_CONTRACTIONS = ("re", "ve", "ll", "m", "d", "s")
# Pronouns with their contractions ("We're", "he's"): never a name, whatever their case.
PRONOUN_BASE: dict[str, str] = {p: p for p in _BASE_PRONOUNS}
for _p in _BASE_PRONOUNS:
    for _c in _CONTRACTIONS:
        for _apo in ("'", "’"):
            PRONOUN_BASE[_p + _apo + _c] = _p
PRONOUNS = frozenset(PRONOUN_BASE)
_PERSON_PRONOUNS = {"he": "m", "she": "f"}
_RELATIVES = frozenset("who which that whom".split())
# verbs whose object may be the speaker of a participle after it ("quoted officials saying")
_QUOTING_VERBS = frozenset(
    "quoted cited heard overheard showed featured filmed recorded captured photographed".split()
)
# sentence openers that are no subject of a later participle ("There's still time ...")
_NOT_NP_SUBJECT = frozenset("there there’s there's here it’s it's this that what".split())
# finite auxiliaries: after a relative 'that' ("a boat that was"), after a subject ("The
# retired captain has given ...")
_FINITE_AUX = frozenset("was were is are has had have will would could can did does".split())
# Irregular past tenses that are verbs wherever they follow a subject (not "set", "cut",
# "put": their present is the same word, nor "saw", "felt": nouns and adjectives too).
_IRREGULAR_PAST = frozenset(
    """left held kept made took gave sent won lost struck met led paid sold bought brought
    began became came went got found stood rose fell drew threw spent built fought sought
    caught taught broke chose froze stole swore tore shook withdrew overtook undertook
    forgave forgot understood upheld overrode rode drove ran sank hid bit ate flew grew knew
    blew""".split()
)
_BEFORE_SUBJECT_BLOCK = frozenset("what which whom whose how why where whether if".split())
_PREPOSITIONS = frozenset(
    """in on at to for from by with about of into onto over under after before during since
    against among between through toward towards via per than like as upon""".split()
)
# Words that are adjectives or adverbs before a bare noun ("Outside experts", "an inside
# source"): prepositions only before a determiner ("a fan outside the ground").
_LOCATIVE = frozenset(("outside", "inside", "near", "behind"))
# Words that stop a noun phrase when walking left from a verb.
_NP_STOP = (
    frozenset(
        """and or but nor that which who whom whose what when where while because if as than
    is was are were be been being has have had do does did will would can could should may
    might must not never also to so then even yet now still only just perhaps indeed
    instead however meanwhile already""".split()
    )
    | _PREPOSITIONS
)
_NOT_HEADS = frozenset(
    "having being it's there here sometimes ever usually always often soon twice long".split()
)


def _ADVERB_LY(t: _Tok) -> bool:
    return t.word and t.text.islower() and len(t.low) > 4 and t.low.endswith("ly")


_GENERIC_DETERMINERS = frozenset("a an another one some several many two three few most".split())
# What may follow a cue without being its content ("said earlier", "said on Tuesday").
_ADVERBIAL_START = _PREPOSITIONS | frozenset(
    """earlier later today yesterday tonight recently then again also repeatedly once
        previously last this monday tuesday wednesday thursday friday saturday sunday
        afterwards afterward publicly privately separately reporters journalists outside
        inside near""".split()
)
# What opens an adjunct, never a cue's complement ("said in a statement", not "vowed to").
_ADJUNCT_START = frozenset("in at on during after before from via while".split())
# Words joining two clauses, each of which may report someone's words.
_COORDINATORS = frozenset("and but while whereas yet ;".split())
_MAX_SPLITS = 6
# What a person issues, posts or sends that then "says" something.
_DOCUMENT_NOUNS = frozenset(
    """statement statements message messages response letter release email e-mail tweet
    tweets post note memo video ad advertisement""".split()
)
_SUBORDINATORS = frozenset(
    "when while as after before because if although though since unless asked".split()
)
_ADDRESSEES = frozenset(
    """reporters journalists him her them me us you supporters voters listeners viewers
    parliament congress lawmakers legislators senators delegates colleagues students staff
    employees workers members investors shareholders residents police officers
    investigators prosecutors jurors aides allies donors followers fans crowds mps peers
    councillors analysts judges magistrates""".split()
)
_SPEECH_INTRO = frozenset({",", ":"})
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    earlier later recently again also publicly privately separately repeatedly previously""".split()
)
# Verbs whose object is the person spoken to: "told the council", "briefed the committee".
_TELL_VERBS = frozenset("tell inform assure reassure brief remind advise warn".split())
# Verbs that may come before their speaker ("..., said Ross").
INVERTIBLE = frozenset(
    """say add tell write ask continue explain note reply respond answer declare insist argue
    warn recall admit concede acknowledge claim state quip joke observe remark counter
    tweet report conclude emphasize stress muse scoff read fume gush exclaim wonder snap
    vent marvel interject post comment confirm agree recount caution predict suggest
    complain reflect sigh""".split()
)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    word: bool
    quote: int = -1  # index of the quote whose masked content this token is


@dataclass(slots=True)
class _Frame:
    cue: tuple[int, int]
    mention: tuple[int, int] | None
    mtype: str  # pronoun, name, role, generic, relative, inherited
    content: tuple[int, int] | None  # region of the content in the text (None: pending)
    sent: int
    ment_toks: list[_Tok] = field(default_factory=list)
    region_toks: list[_Tok] = field(default_factory=list)
    entity: Entity | None = None
    # a pending frame's content when no quote turns up for it (see _attach_pending)
    fallback: tuple[int, int] | None = None
    # the frame an "inherited" one carries on ("..., adding that ..."): its speaker is known
    # only once that frame is emitted
    base: _Frame | None = None
    # a parenthetical attribution inside its content ("Too often, he said, the debate ..."):
    # the stretch left out between the content's two pieces
    gap: tuple[int, int] | None = None
    # the subject is the antecedent of a relative clause inside the sentence ("...,
    # particularly Pat Robertson, who had condemned ..."), not the sentence's own subject
    relative: bool = False


@dataclass(slots=True)
class _Speaker:
    entity: Entity | None
    mention: Marked | None
    cue: Marked | None


class _Engine:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.reg = Registry()
        self.out: list[Statement] = []
        self.quote_owner: dict[int, Statement] = {}
        self.quotes: list[Quote] = []
        self.masked = self.text
        self.last_speaker: tuple[Entity, int] | None = None  # entity, paragraph index
        self.last_subject: tuple[Entity, int] | None = None
        self.transcript_speaker: str | None = None
        self.transcript_other: str | None = None
        self.labels: list[str] = []
        self.debaters: list[str] = []  # a transcript's two main speakers (its debaters)
        self.block_speakers: list[tuple[str | None, str | None]] = []
        self.paragraphs: list[tuple[int, int]] = []
        self.piece_at: dict[int, int] = {}
        self.piece_starts: list[int] = []
        self.span_starts: list[int] = []
        self.quote_ends: list[int] = []
        self.last_statement_para = -10
        # the last statement of an unnamed person ("a nurse on the picket line said"):
        # (paragraph, cue offset, content end); and the offset where a named person last
        # took the focus (see resolve_pronoun)
        self.unnamed_at: tuple[int, int, int] | None = None
        self.named_at = -1
        self.colon_frame: tuple[int, _Frame] | None = None  # a cue ending its paragraph ":"
        self.lower_words: dict[str, bool] = {}  # is this word in the text in lower case?
        self._wordish_runs: frozenset[str] | None = None  # see _common_word
        self.para_sents: dict[tuple[int, int], list[tuple[int, int]]] = {}  # see sentences()

    # -- set-up ------------------------------------------------------------------------------
    def prepare(self, paragraphs: list[tuple[int, int]]) -> None:
        self.quotes = find_quotes(self.text, paragraphs)
        self.para_sents = {}
        pieces: list[str] = []
        pos = 0
        self.piece_at = {}
        for qi, q in enumerate(self.quotes):
            for s, e in q.spans:
                me = e
                while me > s and self.text[me - 1] in _TRAIL_PUNCT:
                    me -= 1
                if me <= s or s < pos:
                    continue
                pieces.append(self.text[pos:s])
                pieces.append(_MASK * (me - s))
                self.piece_at[s] = qi
                pos = me
        pieces.append(self.text[pos:])
        self.masked = "".join(pieces)
        self.piece_starts = sorted(self.piece_at)
        self.span_starts = sorted(a for q in self.quotes for a, _ in q.spans)
        self.quote_ends = [q.spans[-1][1] for q in self.quotes]

    def sentences(self, ps: int, pe: int) -> list[tuple[int, int]]:
        """``split_paragraph(self.masked, ps, pe)``, once per paragraph (a shared list: do
        not change it). A paragraph without a masked quote, set off by whitespace, reads
        the same masked or not: its sentences are the raw text's, which indexing needs too."""
        got = self.para_sents.get((ps, pe))
        if got is None:
            text, masked = self.text, self.masked
            if (
                not _any_in(self.piece_starts, ps, pe)
                and (ps == 0 or text[ps - 1].isspace() and masked[ps - 1] == text[ps - 1])
                and (pe >= len(text) or text[pe].isspace() and masked[pe] == text[pe])
            ):
                got = paragraph_memo(text).sentences(ps, pe)
            else:
                got = split_paragraph(masked, ps, pe)
            if len(got) > 1 and _PLURAL_TITLE.search(text, ps, pe) is not None:
                got = self._join_plural_titles(got)
            self.para_sents[ps, pe] = got
        return got

    def _join_plural_titles(self, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentences split after a plural title ("... his rivals, particularly Govs. | Jeb
        Bush and Chris Christie, who say ..."): joined again (a new list; ``sents`` may be
        shared)."""
        text = self.text
        out: list[tuple[int, int]] | None = None
        for i, (a, b) in enumerate(sents):
            if out is not None and out[-1][1] == -1:
                out[-1] = (out[-1][0], b)
                continue
            joined = False
            if i + 1 < len(sents) and text[b - 1 : b] == ".":
                w = b - 1
                while w > a and text[w - 1].isalpha():
                    w -= 1
                if text[w : b - 1].lower() in _PLURAL_TITLES and (
                    w == a or not text[w - 1].isalnum()
                ):
                    nxt = sents[i + 1][0]
                    joined = text[nxt : nxt + 1].isupper()
            if joined:
                if out is None:
                    out = list(sents[:i])
                out.append((a, -1))
            elif out is not None:
                out.append((a, b))
        return sents if out is None else out

    # -- tokens and noun phrases -----------------------------------------------------------
    def tokens(self, s: int, e: int) -> list[_Tok]:
        text = self.text
        T = _Tok
        masked = self.masked
        tags = masked.find("(", s, e) >= 0
        dashes = (
            masked.find("—", s, e) >= 0
            or masked.find("--", s, e) >= 0
            or masked.find("–", s, e) >= 0
        )
        if not tags and not dashes:
            # the common case in one pass, without a list of spans in between (this method
            # is a fifth of analyze's instructions)
            return self._mark_quotes(
                [
                    T(a, b, t, t.lower(), t[0].isalnum())
                    for m in _TOK.finditer(masked, s, e)
                    for a, b in (m.span(),)
                    for t in (text[a:b],)
                ],
                s,
                e,
            )
        spans = [m.span() for m in _TOK.finditer(masked, s, e)]
        if tags:
            spans = self._drop_party_tags(spans, s, e)
        if dashes:
            spans = self._drop_dash_asides(spans, s, e)
        out = [T(a, b, t, t.lower(), t[0].isalnum()) for a, b in spans for t in (text[a:b],)]
        return self._mark_quotes(out, s, e)

    def _mark_quotes(self, out: list[_Tok], s: int, e: int) -> list[_Tok]:
        """``out`` with each masked quote's token marked by the quote's index."""
        # masked quotes: a piece is one token starting at the piece's first character
        starts = self.piece_starts
        k = bisect_left(starts, s)
        while k < len(starts) and starts[k] < e:
            p = starts[k]
            i = bisect_left(out, p, key=_start)
            if i < len(out) and out[i].start == p:
                out[i].quote = self.piece_at[p]
            k += 1
        return out

    def _drop_dash_asides(
        self, spans: list[tuple[int, int]], s: int, e: int
    ) -> list[tuple[int, int]]:
        """Token spans without an aside set off by dashes between a name and its verb
        ("Ferreol — who is listed as a lawyer — told the Gazette ...", "Gingrich — named
        by the paper as the leading choice — told ..."): the rules see the name next to its
        verb.  Not when the aside holds a quote or a cue word (its own statement)."""
        masked = self.masked
        cut: list[tuple[int, int]] = []
        for m in _DASH_ASIDE.finditer(masked, s, e):
            w = _word_start(masked, m.start(), s)
            if w == m.start() or not masked[w].isupper():
                continue
            a, b = m.span(1)
            if _any_in(self.piece_starts, a, b) or CUE_RE.search(masked, a, b) is not None:
                continue
            cut.append((m.start(), m.end()))
        return _spans_outside(spans, cut)

    def _drop_party_tags(
        self, spans: list[tuple[int, int]], s: int, e: int
    ) -> list[tuple[int, int]]:
        """Token spans without the party/state tags set after a name ("Sen. Ilsa Brandt
        (D-Mo.), who ...", "state Sen. Petra Dorn (D) said", "Rep. Dorn (R-Tex.) last month
        joked"): the rules see the name next to what follows the tag."""
        masked = self.masked
        cut: list[tuple[int, int]] = []
        for m in _PARTY_TAG.finditer(masked, s, e):
            k = m.start()
            while k > s and masked[k - 1] in " \t\u00a0":
                k -= 1
            w = _word_start(masked, k, s)
            if k > w and masked[w].isupper():
                cut.append(m.span())
        return _spans_outside(spans, cut)

    def np_left(self, toks: list[_Tok], j: int, lo: int, depth: int = 0) -> tuple[int, str] | None:
        """A noun phrase ending at token j: (its first token index, type)."""
        t = toks[j]
        if not t.word or t.quote >= 0:
            return None
        if t.low in PRONOUNS:
            return j, "pronoun"
        if t.low == "who":
            return j, "relative"
        if t.low in _NP_STOP and (
            _name_word_stop(toks, j, lo) or (t.text[:1].isupper() and self.reg.known_surname(t.low))
        ):
            pass  # "Theresa May said", then "May said": a capitalised stop word is a surname
        elif t.low in _NP_STOP or t.low in DETERMINERS:
            return None
        elif t.low[0].isdigit() and not (t.low.endswith("-year-old") and j > lo):
            return None  # (but "The 62-year-old said": an age as the head)
        if (
            t.text.islower()
            and (t.low.endswith(("ed", "ing", "ly")) or t.low in _NOT_HEADS)
            and not (t.low.endswith(("ing", "ly")) and _owned_after_preposition(toks, j, lo))
        ):
            return None
        a = j
        n = 1
        while a - 1 >= lo and n < 8:
            u = toks[a - 1]
            if u.quote >= 0:
                break
            if u.low == "." and a - 2 >= lo and toks[a - 2].word and len(toks[a - 2].text) <= 4:
                a -= 1  # "Mr." / "J." inside a name
                continue
            if not u.word:
                break
            if (u.low in DETERMINERS or u.low in _GENERIC_DETERMINERS) and not (
                toks[a].low == "." and u.text.isupper()
            ):
                # (not the initial "A." in "Jill A. Martin")
                a -= 1
                break
            if (
                u.low == "of"
                and a - 2 >= lo
                and (toks[a - 2].text[:1].isupper() or toks[a - 2].low in ROLE_HEADS)
            ):
                a -= 1
                n += 1
                continue
            if u.low in _NP_STOP or u.low in PRONOUNS or u.low in _CLAUSE_OPENERS:
                break  # ("Although Trump has admitted", "..., despite admitting")
            if (
                u.low in _QUOTING_VERBS
                and u.text.islower()
                and a - 2 >= lo
                and toks[a - 2].word
                and toks[a - 2].low not in DETERMINERS
            ):
                break  # "The Ledger quoted officials | saying ...": its object (not "a recorded")
            cue_u = CUE_FORMS.get(u.low)
            if (
                cue_u is not None
                and not u.text[0].isupper()
                and (cue_u not in NEEDS_PARTICLE or toks[a].low in NEEDS_PARTICLE[cue_u])
                and not (
                    u.low == "state"
                    and (
                        toks[a].text[:1].isupper()
                        or a - 2 >= lo
                        and (toks[a - 2].low in DETERMINERS or toks[a - 2].low.endswith("’s"))
                    )
                )
            ):
                # a cue word, unless a verb only with a particle ("the fire chief"); "state"
                # before a title or after a determiner is a noun ("a state official said",
                # "state Sen. Petra Dorn said")
                break
            a -= 1
            n += 1
        # The phrase must stand as a subject: not after a preposition or a wh-word; "as"
        # opening a clause is a conjunction ("As Brandt told the Weekly, ...", "But, as
        # Mr. Valsek said, ...")
        if a - 1 >= lo and not (
            toks[a - 1].low == "as"
            and (a - 2 < lo or toks[a - 2].low in (",", ";", "but", "and", "yet"))
            or toks[a - 1].low == "with"
            and a - 2 >= lo
            and toks[a - 2].low == ","
            and j + 1 < len(toks)
            and toks[j + 1].low.endswith("ing")
            and toks[j + 1].low in CUE_FORMS
            and _clause_follows(toks, j + 2)
        ):
            # (", with union leaders warning the dispute could last": the phrase is the
            # subject of the participle, as after no preposition)
            before = toks[a - 1]
            if (
                before.low == "by"
                and depth < 2
                and a - 3 >= lo
                and _participle(toks[a - 2])
                and toks[a - 3].word
                and toks[a - 3].low not in _NP_STOP
            ):
                # a reduced relative clause: "The lawsuit filed by three residents alleges",
                # "A report released by the ministry says": the phrase before it speaks
                outer = self.np_left(toks, a - 3, lo, depth + 1)
                if outer is not None and outer[1] in ("generic", "role"):
                    return outer
            if (
                (before.low in _PREPOSITIONS or before.low in _LOCATIVE and _determines(toks[a]))
                and depth < 2
                and a - 2 >= lo
            ):
                # a post-modified phrase: "a source close to the ministry", "officials in
                # Kessel", "George Zornick of The Nation"
                outer = self.np_left(toks, a - 2, lo, depth + 1)
                if (
                    outer is not None
                    and outer[1] == "name"
                    and (
                        toks[a - 2].low in GENERIC_NOUNS
                        or outer[0] == lo
                        and (
                            toks[lo].low in GENERIC_NOUNS
                            or toks[lo].low.endswith(_GROUP_ENDINGS)
                            and not self.reg.known_surname(toks[lo].low)
                        )
                        and not any(x.text[:1].isupper() for x in toks[lo + 1 : a - 1])
                    )
                ):
                    # "Officials in Velmark said", "Ministers from both countries said",
                    # "People familiar with the talks said", "Sources close to Valsek said": a
                    # group capitalised at the head of its sentence is no name
                    return outer[0], "generic"
                if outer is not None and (
                    outer[1] in ("generic", "role") or outer[1] == "name" and before.low == "of"
                ):
                    return outer
                return self._name_tail(toks, j, lo) if depth == 0 else None
            if before.low in _BEFORE_SUBJECT_BLOCK:
                return None
            if before.low in _PREPOSITIONS:
                return self._name_tail(toks, j, lo) if depth == 0 else None
        first = toks[a]
        if first.low in _GENERIC_DETERMINERS:
            return a, "generic"
        words = [x.text for x in toks[a : j + 1] if x.word]
        if first.low in DETERMINERS:
            return a, "role"
        if any(w[:1].isupper() for w in words):
            # "Donald Trump and Ted Cruz said": the mention is the whole group
            if (
                depth == 0
                and a - 2 >= lo
                and toks[a - 1].low == "and"
                and toks[a - 2].text[:1].isupper()
            ):
                b = a - 2
                while (
                    b - 1 >= lo
                    and b > a - 7
                    and (
                        toks[b - 1].text[:1].isupper()
                        and toks[b - 1].word
                        or toks[b - 1].low == "."
                        and b - 2 >= lo
                        and len(toks[b - 2].text) <= 4
                    )
                ):
                    b -= 1
                left_word = toks[b - 1].low if b - 1 >= lo else ""
                if (
                    toks[b].word
                    and toks[b].low not in _NOT_SUBJECT
                    and (b == lo or left_word in (",", ";") or left_word in _MARK_CHARS)
                ):
                    return b, "name"
            return a, "name"
        return a, "role"

    def _name_tail(self, toks: list[_Tok], j: int, lo: int) -> tuple[int, str] | None:
        """A known person's name ending at token j after an introductory phrase with no
        comma ("In a radio interview Ferreol declared", "On Monday Ferreol said"): the
        name, not the phrase, is the subject."""
        if not toks[j].word or not toks[j].text[:1].isupper():
            return None
        c = j
        while c - 1 > lo:
            u = toks[c - 1]
            name_word = u.word and u.text[:1].isupper() and u.low not in _DAYS | _MONTHS
            if not (name_word or u.low == "." and len(toks[c - 2].text) <= 4):
                break  # ("Mr." / "J." inside a name)
            c -= 1
        prev = toks[c - 1]
        if not toks[c].word or not prev.word or prev.low == "of" or fold(prev.low) in ROLE_HEADS:
            return None
        if self._known_person([x.text for x in toks[c : j + 1] if x.word], toks[c].start) is None:
            return None
        return c, "name"

    def np_right(self, toks: list[_Tok], k: int, hi: int) -> tuple[int, str] | None:
        """A noun phrase starting at token k (after "said" or "according to")."""
        if k >= hi:
            return None
        t = toks[k]
        if not t.word or t.quote >= 0:
            return None
        if t.low in ("which", "whom", "what", "whose"):
            return None
        if t.low in PRONOUNS or (
            t.low in _OBJECT_BASE and not (t.low == "her" and k + 1 < hi and toks[k + 1].word)
        ):
            return k, "pronoun"  # ("according to him", "according to her," not "her lawyers")
        # "said Will Doyle", "said May Lindqvist": a given name, not a modal
        given = t.text[0].isupper() and k + 1 < hi and toks[k + 1].text[:1].isupper()
        if (t.low in _NP_STOP or (t.low in CUE_FORMS and t.text.islower())) and not given:
            return None
        b = k
        while b + 1 < hi and b - k < 8:
            u = toks[b + 1]
            if u.quote >= 0 or (not u.word and u.low != "."):
                break
            if u.low == ".":
                if len(toks[b].text) <= 4 and b + 2 < hi and toks[b + 2].text[:1].isupper():
                    b += 1
                    continue
                break
            if (
                u.low in _RELATIVES
                or u.low in _SUBORDINATORS
                or (
                    u.low in _PREPOSITIONS
                    and u.low != "of"
                    # "people familiar with the talks", "officials close to the mayor", "a
                    # person with knowledge of the plan": who they are, not an adjunct
                    and toks[b].low not in _SOURCE_ADJECTIVES
                    and not (u.low == "with" and b + 2 < hi and toks[b + 2].low in _KNOWLEDGE)
                )
                or u.low
                in (
                    "and",
                    "but",
                    "said",
                    "says",
                )
            ):
                break
            cue_u = CUE_FORMS.get(u.low)
            if (
                cue_u is not None
                and not u.text[0].isupper()
                and (
                    cue_u not in NEEDS_PARTICLE
                    or b + 2 < hi
                    and toks[b + 2].low in NEEDS_PARTICLE[cue_u]
                )
                and not (u.low in _MADE_NOUNS and (b + 2 >= hi or toks[b + 2].low in _NOUN_NEXT))
            ):
                # (not "the regional fire service": a verb only with its particle; not "a
                # police report, ...": a noun before a comma or a preposition)
                break
            b += 1
        if t.low in _GENERIC_DETERMINERS:
            return b, "generic"
        if t.low in DETERMINERS:
            return b, "role"
        if any(x.text[:1].isupper() for x in toks[k : b + 1] if x.word):
            return b, "name"
        return b, "role"

    # -- mention resolution ----------------------------------------------------------------
    def resolve(self, mtoks: list[_Tok], mtype: str, pos: int, para: int) -> Entity | None:
        words = [t.text for t in mtoks if t.word]
        if not words:
            return None
        if mtype == "pronoun":
            low = words[0].lower()
            base = PRONOUN_BASE.get(low) or _POSSESSIVE_BASE.get(low) or _OBJECT_BASE.get(low, "")
            return self.resolve_pronoun(base, para, pos=mtoks[0].start)
        if mtype == "generic" or mtype == "relative":
            return None
        if mtype == "name" and ("and" in words or "," in [t.text for t in mtoks]):
            # "Donald Trump and Ted Cruz said": the first person named speaks for the group
            first: list[str] = []
            for t in mtoks:
                if t.low in ("and", ","):
                    break
                if t.word:
                    first.append(t.text)
            words = first or words
        if mtype == "name":
            # (the "of" phrase first: its organisation may hold a possessive, "Omar Haddad
            # of the Corvale Patients' Association")
            words = strip_openers(_drop_place_of(words))
        text = " ".join(words)
        if mtype == "name":
            if words[0].lower() in DETERMINERS:
                return self.reg.resolve_role(text, pos)
            role, name = split_role_name(words)
            if not name:
                return (
                    self.reg.resolve_role(text, pos)
                    or self.reg.resolve_role_ahead(text, pos, _ROLE_AHEAD)
                    # "King added": a person known by a surname that is a role word
                    or (self.reg.resolve_name(words, pos) if len(words) == 1 else None)
                )
            lead = 0
            for x, w in enumerate(name[:-1]):
                if w[:1].islower() and w not in PARTICLE_WORDS:
                    lead = x + 1
            if 0 < lead < len(name) and not role:
                # "season-ticket holder Mila Novak": a description with no role word before
                # the name
                words = name = name[lead:]
            if any(fold(w.rstrip(".")) in ORG_WORDS for w in name) or len(name) > 4:
                # "Maricopa County Recorder Helen Purcell": a given name starts the name
                tail = given_name_tail(name)
                if tail is None:
                    return None
                return self.reg.resolve_name(tail, pos)
            if all(w.isupper() and len(w) > 2 for w in name):
                return None
            if len(name) == 1 and not role and self._common_word(name[0]):
                return None
            return self.reg.resolve_name(words, pos)
        if len(words) == 2 and words[0].lower() == "the" and words[1] in ("former", "latter"):
            # "The former said ...": of the two people named last, the first or the second
            last2 = sorted(
                (
                    (p, e)
                    for e in self.reg.entities
                    if e.person or e.full and not self._never_subject(e)
                    for p in (e.last_before(pos),)
                    if p >= 0
                ),
                key=lambda x: x[0],
            )[-2:]  # (not "across Ostrava Bay": a place)
            if len(last2) == 2:
                return last2[0][1] if words[1] == "former" else last2[1][1]
            return None
        tail = _name_tail_words(words)
        if tail:
            # "the late Ondra Valsek", "the veteran harbour master Ilona Sarkany": the name
            # ending the description
            ent = self.reg.resolve_name(tail, pos, create=False)
            if ent is not None:
                return ent
        # a description: definite ones may designate a known role holder
        if words[0].lower() in ("the", "this", "that") or words[0].endswith(("’s", "'s")):
            return self._definite_description(words, text, pos, para)
        return None

    def _definite_description(
        self, words: list[str], text: str, pos: int, para: int
    ) -> Entity | None:
        """The person a definite description (``words``, joined: ``text``) at ``pos``
        designates: a known holder of the role, someone recently named with its head, the
        person in focus it fits, ..."""
        ent = self.reg.resolve_role(text, pos)
        head = fold(words[-1])
        if (
            ent is None
            and words[0].lower() == "the"
            and (head in ROLE_HEADS or head in _PERSON_HEADS or head.endswith("-year-old"))
        ):
            # "the Florida senator": someone recently named whose role has that head
            # and every other word of the description ("Sen. Joni Ernst, R-Iowa" is
            # not "the Florida senator"; "President Obama" is not "the former president")
            mods = frozenset(
                _ROLE_ABBREVIATIONS.get(f, f)
                for f in (fold(w.strip(".,")) for w in words[1:-1])
                if f not in _DESCRIPTION_FILLER
            )
            ent = self._recent_with_role_head(head, pos, mods)
            if ent is None and self._unnamed_before(head, pos):
                # "When a nurse who had treated ... The nurse later sued": the one
                # introduced without a name, not the person in focus
                return None
            if ent is None:
                # "the billionaire businessman": a description of the person in focus,
                # unless it names an office that person is not known to hold
                cand = self.resolve_pronoun("", para, salient_only=True)
                if cand is not None and _fits_description(head, cand, mods):
                    ent = cand
            if ent is None and mods:
                # (a rank word stays: "the deputy mayor" is never just "the mayor")
                ent = self._recent_with_role_head(head, pos, mods & RANK_WORDS)
            if ent is None:
                # else the most recently named person it fits
                gender = "f" if head in FEMALE_WORDS else "m" if head in MALE_WORDS else ""
                cand = self.resolve_pronoun(
                    {"f": "she", "m": "he"}.get(gender, "he"),
                    para,
                    pos=pos,
                    any_gender=not gender,
                    recent_only=True,
                )
                if cand is not None and _fits_description(head, cand, mods):
                    ent = cand
        if ent is None:
            ent = self.reg.resolve_role_ahead(text, pos, _ROLE_AHEAD)
        return ent

    def _unnamed_before(self, head: str, pos: int) -> bool:
        """Was someone introduced as "a <head>" (one adjective or none between) shortly
        before ``pos``?"""
        lo = max(0, pos - 600)
        for m in _INDEFINITE.finditer(self.text, lo, pos):
            if fold(m.group(1)) == head or fold(m.group(2) or "") == head:
                return True
        return False

    def _common_word(self, word: str) -> bool:
        """A lone capitalised subject nobody here is named by, whose lower-case form the
        document also uses ("Demonstrators", "Companies", "Especially"): a common word at
        the head of its sentence, not a surname."""
        w = word.rstrip(".").removesuffix("’s").removesuffix("'s")
        if not w[:1].isupper() or w[1:].lower() != w[1:]:
            return False
        if self.reg.resolve_surname(name_words(w)[-1] if name_words(w) else "", 0) is not None:
            return False
        low = w.lower()
        known = self.lower_words.get(low)
        if known is None and len(self.text) > _LONG_TEXT and _WORDISH_RUN.fullmatch(low):
            # (a long text: is it one of the text's words, each a run of wordish characters,
            # listed once; a search of the whole text for each word grew with the square of
            # the text's length)
            if self._wordish_runs is None:
                self._wordish_runs = frozenset(_WORDISH_RUN.findall(self.text))
            known = self.lower_words[low] = low in self._wordish_runs
        if known is None:
            i = self.text.find(low)
            known = False
            while i >= 0 and not known:
                j = i + len(low)
                known = not _wordish(self.text[i - 1 : i]) and not _wordish(self.text[j : j + 1])
                i = self.text.find(low, i + 1)
            self.lower_words[low] = known
        return known

    def _recent_with_role_head(
        self, head: str, pos: int, mods: frozenset[str] = frozenset()
    ) -> Entity | None:
        head = _ROLE_ABBREVIATIONS.get(head, head)
        best: Entity | None = None
        best_pos = -1
        # (only those named in the 3,000 characters before pos can be: see named_near)
        for e in self.reg.named_near(pos - 3000, pos - 1):
            if not e.roles:
                continue
            lp = e.last_before(pos)
            if lp <= best_pos or pos - lp > 3000:
                continue
            if any(_holds(head, mods, r) for r in e.roles) and (
                not mods or mods <= frozenset().union(*(_role_heads(r) for r in e.roles))
            ):
                best, best_pos = e, lp
        return best

    def resolve_pronoun(
        self,
        p: str,
        para: int,
        salient_only: bool = False,
        pos: int = -1,
        any_gender: bool = False,
        recent_only: bool = False,
    ) -> Entity | None:
        if self.transcript_speaker is not None:
            return None  # handled by the transcript resolver
        gender = _PERSON_PRONOUNS.get(p)
        if recent_only:
            return self._recent_person(None if any_gender else gender, pos, para)
        if gender is None and not salient_only:
            return None
        if (
            gender is not None
            and pos >= 0
            and self.unnamed_at is not None
            and para - self.unnamed_at[0] <= 1
            and self.named_at < self.unnamed_at[1]
            and self.unnamed_at[2] <= pos
            and not self._person_named_in(self.unnamed_at[1], pos)
        ):
            # "A nurse on the picket line said ... “...,” she said.": the unnamed person
            # just quoted, not someone named before her (unless a person is named since: "A
            # reporter asked Sanders how he felt. He replied ...")
            return None
        if gender is not None:
            self.reg.infer_genders(self.text)  # lazily: only documents that say he/she
        cands = [
            c[0]
            for c in (self.last_subject, self.last_speaker)
            if c is not None and para - c[1] <= 2 and (c[0].person or c[0].full)
        ]
        if gender is not None and pos >= 0:
            # "Clinton said ... she": a namesake of that gender named just before (the
            # surname went to the spouse or parent of the other gender)
            cands = [self._namesake(ent, gender, pos) for ent in cands]
        # the salient subject first, then the last speaker, gender permitting (a known
        # gender match is not preferred to the more salient unknown: it measured no better)
        for ent in cands:
            if ent.gender is None or gender is None or ent.gender == gender:
                return ent
        for ent in cands:
            if ent.gender_inferred:
                # (an inferred gender may be wrong; not against someone named just before
                # whose given name says the pronoun's gender: "Ferreol ... Brandt said ...
                # “...,” he said")
                other = self._recent_person(gender, pos, para) if gender and pos >= 0 else None
                if (
                    other is not None
                    and other.gender == gender
                    and other.full
                    and gender_of(other.words[0], []) == gender
                    and pos - other.last_before(pos) < 600
                ):
                    return other
                return ent
        if salient_only:
            return None
        return self._recent_person(gender, pos, para)

    def _namesake(self, ent: Entity, gender: str, pos: int) -> Entity:
        """``ent``, or when its gender is the other one, the only person of ``gender``
        sharing its surname and named in the 600 characters before ``pos``."""
        if ent.gender is None or ent.gender == gender or not ent.words:
            return ent
        same = [
            e
            for e in self.reg.namesakes(ent.words[-1])
            if e is not ent and e.gender == gender and pos - e.last_before(pos) < 600
        ]
        return same[0] if len(same) == 1 else ent

    def _recent_person(self, gender: str | None, pos: int, para: int) -> Entity | None:
        """The most recently named person of that gender (any, for None)."""
        best: Entity | None = None
        best_pos = -1
        here = pos if pos >= 0 else self._para_start(para)
        # (only those named in the 1,500 characters up to here can be: see named_near)
        for e in self.reg.named_near(here - 1499, here):
            if not (e.person or e.full) or gender and e.gender is not None and e.gender != gender:
                continue
            lp = e.last_before(here + 1)
            if lp > best_pos and here - lp < 1500 and (e.person or not self._never_subject(e)):
                best, best_pos = e, lp
        return best

    def _never_subject(self, e: Entity) -> bool:
        """Is every mention of ``e`` (its first four) right after an article or a
        preposition ("in Little Rock", "the Boca Raton office", "the Washington Redskins")?
        Then it is a place or a thing, not someone "he" or "she" can be."""
        text = self.text
        for p in e.positions[:4]:
            left = text[max(0, p - 8) : p].split()
            if not left or text[p - 1 : p] not in (" ", "\u00a0") or left[-1] not in _THING_LEFT:
                return False
        return True

    def _para_start(self, para: int) -> int:
        return self.paragraphs[para][0] if 0 <= para < len(self.paragraphs) else 0

    # -- frames ----------------------------------------------------------------------------
    def frames(self, toks: list[_Tok], sent: int, cues: list[int] | None = None) -> list[_Frame]:
        """Frames of a sentence's tokens; ``cues``: the offsets of its cue words, when known
        (only the tokens there are tried)."""
        out: list[_Frame] = []
        n = len(toks)
        claimed_until = -1
        claimed_from = 1 << 60
        splits = 0
        if cues is None:
            idx: list[int] | range = range(n)
        else:
            idx = []
            for p in cues:
                i = bisect_left(toks, p, key=_start)
                if i < n and toks[i].start == p:
                    idx.append(i)
        for i in idx:
            t = toks[i]
            if not t.word or t.quote >= 0:
                continue
            low = t.low
            if low == "according" and i + 1 < n and toks[i + 1].low == "to":
                claimed = claimed_from <= t.start < claimed_until
                f = self.according(toks, i, sent)
                if f is not None and f.content is not None and claimed:
                    # "Trump said he was happy, according to The Times": The Times reports
                    # that Trump said so; Trump's own words end before ", according to"
                    base = out[-1] if out else None
                    k = i - 1
                    while k > 0 and not toks[k].word and toks[k].quote < 0:
                        k -= 1
                    if (
                        base is None
                        or base.content is None
                        or f.content[0] >= base.cue[0]
                        or toks[k].end <= base.content[0]
                    ):
                        f = None
                    else:
                        base.content = (base.content[0], toks[k].end)
                        base.region_toks = self._region_toks(toks, base.content)
                if f is not None:
                    out.append(f)
                    if f.content and not claimed:
                        claimed_from, claimed_until = f.content
                continue
            verb = CUE_FORMS.get(low)
            if verb is None or not t.text.islower():
                continue
            if claimed_from <= t.start < claimed_until:
                # a few per sentence: each costs a pass over the rest of the sentence
                if splits >= _MAX_SPLITS:
                    continue
                f = self._coordinated_frame(toks, i, verb, sent, out)
                splits += 1
            else:
                f = self.cue_frame(toks, i, verb, sent, out)
            if f is not None:
                out.append(f)
                claim = f.content or f.fallback
                if claim:
                    claimed_from, claimed_until = claim
        return out

    def _coordinated_frame(
        self, toks: list[_Tok], i: int, verb: str, sent: int, prior: list[_Frame]
    ) -> _Frame | None:
        """A cue inside the content of the frame before, with its own subject after a
        coordinator ("X said A, while other voters said B", "...; she backs B"), or the main
        verb after a relative clause ("Barkley, who said A, said B"): a second frame, and
        the first one's content ends before it.  Any other cue there with a person as its
        subject is a nested frame ("X said Y told him that Z": Y's statement Z, inside X's)."""
        if not prior:
            return None
        base = prior[-1]
        region = base.content
        if region is None:
            return None
        bi = bisect_left(toks, base.cue[0], key=_start)
        relative = bi >= 1 and toks[bi - 1].low == "who"
        near = relative or any(toks[k].low in _COORDINATORS for k in range(max(0, i - 10), i))
        j = _skip_aux_left(toks, i - 1)
        f = self.cue_frame(toks, i, verb, sent, prior)
        if f is None:
            f = self._shared_subject_frame(toks, i, j, verb, sent, base)
            if f is not None:
                return f
        cut = -1
        mark_end = -1
        if (
            f is not None
            and f.mtype == "inherited"
            and f.base is base
            and f.content is not None
            and j >= 1
            and (
                toks[j].low == ","
                # '... a full report “as soon as possible,” adding: ...': the comma inside
                # the closing mark
                or toks[j].low in _MARK_CHARS
                and toks[j - 1].low == ","
                and j >= 2
                and toks[j - 2].quote >= 0
            )
            and toks[j].start > region[0]
            and not self._adverbial_at(toks, region[0], topic=True)
            and (
                any(
                    x.quote >= 0 or x.word and x.text.islower() and _finite_verb(x)
                    for x in toks[bisect_left(toks, region[0], key=_start) : j]
                )
                or toks[bisect_left(toks, region[0], key=_start)].low in DETERMINERS
            )
        ):
            # "Valsek said the offer was low, adding that ...": the participle's own
            # statement, the first one's content ending before the comma (only when that
            # content is a clause: not "responded on Twitter, saying ...")
            cut = j
            if toks[j].low in _MARK_CHARS:
                mark_end = toks[j].end  # (the quote's closing mark ends the content)
        if (
            f is not None
            and f.content is not None
            and f.mention is not None
            and f.mtype in ("name", "pronoun", "role", "generic")
            and f.content[0] >= f.cue[1]
        ):
            m = bisect_left(toks, f.mention[0], key=_start) - 1
            if near and m >= 1 and toks[m].low in _COORDINATORS:
                cut = m - 1 if toks[m - 1].low in (",", ";") and toks[m].low != ";" else m
            elif (
                near
                and relative
                and j > bi
                and toks[j].low == ","
                and (f.mention[0] < base.cue[0] or f.mtype == "name" and toks[m].low == ",")
            ):
                # "Barkley, who said A, said B"; "The engineer who wrote the report, Dr Helena
                # Voss, said B" (the subject's name in an appositive after the clause: the
                # clause ends at the appositive's comma)
                cut = j if f.mention[0] < base.cue[0] else m
        if (
            cut < 0
            and f is not None
            and f.content is not None
            and f.mention is not None
            and f.content[1] <= f.mention[0]
            and f.content[0] <= base.cue[0]
        ):
            # a trailing attribution closing a sentence that holds another cue ("Brandt had
            # told officials that A, but the council overruled her, the source added"): the
            # whole sentence is the source's; the inner statement ends before its comma
            m = bisect_left(toks, f.mention[0], key=_start) - 1
            if (
                m >= 2
                and toks[m].low in _MARK_CHARS
                and toks[m - 1].low == ","
                and f.mtype in ("name", "role")
                and base.mtype in ("name", "role", "generic")
                and base.ment_toks
                and f.ment_toks[-1].low != base.ment_toks[-1].low
            ):
                # '... termed “influence peddling,” The Washington Post reported' (someone
                # else than the inner speaker; the same one is _coordinated_frame's next case)
                m -= 1
            if m >= 1 and toks[m].low == "," and toks[m - 1].end > region[0]:
                if toks[m - 1].end < region[1]:
                    base.content = (region[0], toks[m - 1].end)
                    base.region_toks = self._region_toks(toks, base.content)
                return f
        if (
            cut < 0
            and f is not None
            and f.content is not None
            and f.mention is not None
            and f.mtype in ("name", "pronoun", "role")
            and f.content[1] <= f.mention[0]
        ):
            # a quote inside the content of the frame before, attributed again right after
            # it ("Dorn praised the crew's “faith” - “faith in good works,” she said - and
            # ...", "Brandt declared the need for resolve: “Change the port,” she said."):
            # the quote is the trailing attribution's, the first content ends before it
            m = bisect_left(toks, f.mention[0], key=_start)
            ce = bisect_left(toks, f.cue[1], key=_start)
            if self._quote_before(toks, m) and (
                ce >= len(toks) or not toks[ce].word or toks[ce].low in _ADVERBIAL_START
            ):
                # (not "“A,” he claimed they had never met": a clause of its own follows)
                q = m - 1
                while q > 0 and toks[q].quote < 0:
                    q -= 1
                o = q - 1
                while o >= 0 and toks[o].low in _MARK_CHARS:
                    o -= 1
                k = o
                while k >= 0 and not toks[k].word and toks[k].quote < 0:
                    k -= 1
                if (
                    k >= 0
                    and toks[k].end > region[0]
                    and region[0] <= toks[q].start
                    and toks[q].end <= region[1]
                ):
                    g = ce
                    while g < len(toks) and not toks[g].word and toks[g].quote < 0:
                        g += 1
                    head = (region[0], toks[k].end)
                    if g + 2 < len(toks) and toks[g + 2].end <= region[1]:
                        # "... - “A,” she said - and charged that B": B stays the first
                        # frame's, the quote and its attribution a gap in it
                        base.gap = (toks[k].end, toks[g].start)
                        base.region_toks = self._region_toks(toks, head) + self._region_toks(
                            toks, (toks[g].start, region[1])
                        )
                    else:
                        base.content = head
                        base.region_toks = self._region_toks(toks, head)
                    f.content = (toks[o + 1].start, f.content[1])
                    f.region_toks = self._region_toks(toks, f.content)
                    return f
        if cut < 0:
            if (
                f is not None
                and f.content is not None
                and f.mtype in ("name", "pronoun", "role", "relative")
                and f.content[0] >= f.cue[1]
                and f.mention is not None
                and f.mention[0] >= region[0]
            ):
                # nested: "X said Y told him that Z" - Y's statement inside X's; "46 percent
                # said yes, compared with 23 percent who said ...": who said it
                return f
            return None
        while cut > 0 and not toks[cut - 1].word and toks[cut - 1].quote < 0:
            cut -= 1
        if cut < 1 or toks[cut - 1].end <= region[0]:
            return None
        base.content = (region[0], toks[cut - 1].end if mark_end < 0 else mark_end)
        base.region_toks = self._region_toks(toks, base.content)
        return f

    def _shared_subject_frame(
        self, toks: list[_Tok], i: int, j: int, verb: str, sent: int, base: _Frame
    ) -> _Frame | None:
        """A second verb of saying sharing the first one's subject ("Roos confirmed that A
        but said B", "Brandt said A and added that B"): a frame of its own, carrying on the
        frame before; that frame's content ends before the coordinator."""
        t = toks[i]
        region = base.content
        if (
            region is None
            or j < 1
            or toks[j].low not in ("but", "and")
            or not (t.low.endswith("ed") or t.low in ("said", "told", "wrote"))
            or base.mtype not in ("name", "pronoun", "role", "generic")
            or toks[j].start <= region[0]
        ):
            return None
        after = self.content_after(toks, i + 1, verb)
        if after is None:
            return None
        k = j - 1 if toks[j - 1].low == "," else j
        if k < 1 or toks[k - 1].end <= region[0]:
            return None
        base.content = (region[0], toks[k - 1].end)
        base.region_toks = self._region_toks(toks, base.content)
        return self._inherited((t.start, t.end), base, toks, after, sent)

    def _inherited(
        self,
        cue: tuple[int, int],
        base: _Frame,
        toks: list[_Tok],
        after: tuple[int, int],
        sent: int,
    ) -> _Frame:
        """A frame carrying on ``base`` (its speaker is base's), with content ``after``."""
        return _Frame(
            cue,
            base.mention,
            "inherited",
            after,
            sent,
            base.ment_toks,
            self._region_toks(toks, after),
            base.entity,
            base=base,
        )

    def cue_frame(
        self, toks: list[_Tok], i: int, verb: str, sent: int, prior: list[_Frame]
    ) -> _Frame | None:
        n = len(toks)
        t = toks[i]
        cue_end_i = i
        # particles: "pointed out", "touched upon", "returned to the question", "called for"
        nxt = toks[i + 1].low if i + 1 < n else ""
        if verb in NEEDS_PARTICLE:
            if nxt not in NEEDS_PARTICLE[verb]:
                return None
            if verb == "return":
                k = i + 2
                if k < n and toks[k].low in ("the", "this", "that", "his", "her"):
                    k += 1
                if k >= n or toks[k].low not in RETURN_TOPICS:
                    return None
            if nxt != "that":
                cue_end_i = i + 1
        elif verb == "call" and nxt in ("for", "on"):
            cue_end_i = i + 1
        elif (
            nxt == "of"
            and t.low == "accused"
            and not (i >= 1 and toks[i - 1].low in ("he", "she", "they", "we", "i"))
            and any(x.low in _SAID_TOLD for x in toks[i + 2 :])
        ):
            # "A councillor accused of taking bribes told a jury ...": accused by someone
            # else, and the phrase before is the subject of the verb of saying that follows
            # (who accuses names the accused first: "accused Brandt of lying", or before
            # the subject: "rivals whom he accused of lying")
            return None
        elif verb in QUOTE_ONLY and not (
            nxt in (",", ":")
            or (i + 1 < n and (toks[i + 1].quote >= 0 or nxt in _MARK_CHARS))
            or (nxt in _TERMINAL and any(x.quote >= 0 for x in toks[:i]))
            or self._after_quote(toks, i)
            or verb in _POST_VERBS
            and _POST_THAT.match(self.masked, t.end, t.end + 80) is not None
        ):
            return None
        if t.low in _SPEECH_NOUNS and i >= 1:
            said = self._possessed_statement(toks, i, verb, sent)
            if said is not None:
                return said
        ing = t.low.endswith("ing")
        # look left: auxiliaries, passive, negation, infinitive, nouns
        j = _skip_aux_left(toks, i - 1)
        k = _skip_time_left(toks, j) if j >= 0 and _time_word(toks[j]) else j
        if k != j and k >= 0 and (toks[k].word or toks[k].low == ","):
            # "the Kentucky Republican on Tuesday dismissed", "Gowdy earlier Thursday said"
            j = _skip_aux_left(toks, k)
        j = self._title_comma(toks, j)
        prev = toks[j].low if j >= 0 else ""
        if prev.endswith(("n’t", "n't")) or prev in ("cannot", "having"):
            return None
        participle = t.low.endswith(("ed", "en")) or t.low in ("said", "told", "wrote", "written")
        if prev in PASSIVE_MARKERS:
            if participle and verb not in ("say",) or participle and t.low != "said":
                return None
            if ing:
                j -= 1
                while j >= 0 and toks[j].low in AUXILIARIES:
                    j -= 1
                prev = toks[j].low if j >= 0 else ""
                ing = False
        if prev == "to" and j >= 1:
            r = _raising_len([x.low for x in toks[max(0, j - 4) : j]])
            if r:
                # "The email went on to say: ...", "Ferreol was quick to add that ...": the
                # subject of the verb before 'to' speaks
                j = _skip_aux_left(toks, j - r - 1)
                prev = toks[j].low if j >= 0 else ""
        if ing and j >= 2 and prev == "as":
            q = _quoted_before_as(toks, j)
            if q >= 0:
                # "Ferreol was quoted as saying that ...", "... was quoted by the Herald as
                # saying ...": on to "quoted"
                j = q
                prev = toks[q].low
            else:
                got = self.np_left(toks, j - 1, 0)
                if got is not None and got[0] >= 1 and toks[got[0] - 1].low in _QUOTING_VERBS:
                    # "The Ledger quoted Ondra Valsek as saying ...": as "quoted officials
                    # saying", the object speaks
                    j -= 1
                    prev = toks[j].low
        if (
            ing
            and j >= 2
            and prev in ("quoted", "cited", "overheard")
            and toks[_skip_ly_left(toks, j - 1)].low in ("was", "is", "were", "are", "been", "be")
        ):
            # "Ferreol was quoted as saying ...": the subject of the passive speaks, as by a
            # finite verb (not "... could be heard yelling": crowds, often no subject)
            j -= 1
            while j >= 0 and (
                toks[j].low in PASSIVE_MARKERS or toks[j].low in AUXILIARIES or _ADVERB_LY(toks[j])
            ):
                j -= 1
            prev = toks[j].low if j >= 0 else ""
            ing = False
        if ing and prev in _ASPECT_VERBS:
            # "Then he began dismissing the notion ...", "Ferreol kept asking her why ...": the
            # subject of the aspect verb speaks, as by a finite verb
            j = _skip_aux_left(toks, j - 1)
            prev = toks[j].low if j >= 0 else ""
            ing = False
        if t.low in _NOUN_FORMS and j >= 1:
            m = j
            while m > 0 and j - m < 3 and toks[m].word and toks[m].text.islower():
                if toks[m].low in _MADE_VERBS and (
                    t.low.endswith("s")
                    or toks[m + 1].low in DETERMINERS
                    or toks[m + 1].low in _POSSESSIVE_BASE
                ):
                    # "Trump has recently made comments about ...", "who has made favorable
                    # comments about ...", "Dorn offered her firmest promise yet that ...":
                    # who made them speaks
                    j = _skip_aux_left(toks, m - 1)
                    prev = toks[j].low if j >= 0 else ""
                    break
                m -= 1
        if prev in ("to", "not", "n't", "never", "when", "if", "as", "unless", "once", "whether"):
            return None
        if prev in DETERMINERS or prev in _GENERIC_DETERMINERS:
            return None
        if (
            t.low in _BARE_NOUN_FORMS
            and j >= 1
            and toks[j].word
            and toks[j].text.islower()
            and (
                not prev.endswith("s")
                and prev not in _PLURAL_NOUNS
                # "during the public comment period": a phrase after a preposition
                or j >= 2
                and toks[j - 2].low in _PREPOSITIONS
                and toks[j - 1].low in DETERMINERS
            )
            and (
                toks[j - 1].low in DETERMINERS
                or toks[j - 1].low in _GENERIC_DETERMINERS
                or toks[j - 1].low in _POSSESSIVE_BASE
                or toks[j - 1].low.endswith(("’s", "'s"))
            )
        ):
            # "said the main dispute was over quotas", "a new claim", "Valsek's effusive
            # praise": a noun
            return None
        if (
            t.low in _PAST_AS_BARE
            and j >= 1
            and toks[j].word
            and toks[j].text.islower()
            and (toks[j - 1].low in _POSSESSIVE_BASE or toks[j - 1].low.endswith(("’s", "'s")))
        ):
            return None  # "cut its profit forecast for the year": a noun
        if j >= 0 and toks[j].low.endswith(("’s", "'s")):
            return None  # "Trump's call"
        mention: tuple[int, int] | None = None
        mtype = ""
        inverted = False
        if ing:
            # a participle clause ("..., adding that ...") carries on the previous frame
            if prev not in (",", "by", "while", "after", "before") and j >= 0:
                pass
            elif j < 0:
                return None
            if prior:
                base = prior[-1]
                after = self.content_after(toks, cue_end_i + 1, verb)
                if after is None:
                    return None
                return self._inherited((t.start, toks[cue_end_i].end), base, toks, after, sent)
            if prev in (",", "by", "while", "after", "before", "–", "—") and j >= 2:
                # "Trump returned the compliment, telling Reuters, “...”", "Bolton distanced
                # himself from the movement by saying ...", "Dorn sings to Brandt before
                # asking her, “...”": the sentence's subject
                subj = self._participle_subject(toks, j)
                after = self.content_after(toks, cue_end_i + 1, verb) if subj else None
                if subj is None or after is None:
                    return None
                a, b, stype = subj
                return _Frame(
                    (t.start, toks[cue_end_i].end),
                    (toks[a].start, toks[b].end),
                    stype,
                    after,
                    sent,
                    toks[a : b + 1],
                    self._region_toks(toks, after),
                )
            if prev in (",", "by", "while", "after", "before"):
                return None
        # subject to the left
        jj = j
        if jj >= 2 and toks[jj].low == ")":
            # "Sen. Marco Rubio (R-Fla.) said": skip the party/state tag
            k = jj - 1
            while k > 0 and jj - k < 8 and toks[k].low != "(":
                k -= 1
            if toks[k].low == "(" and k >= 1:
                jj = k - 1
        paren_comma = -1
        inner = (0, -1)
        via_relative = False
        in_relative = False  # the cue is the verb of a relative clause set off by a comma
        desc_start = -1  # "a third, Tomas Ferreol, said": where the description starts
        opening = self._opening_name(toks, jj) if jj >= 2 and toks[jj].low == "," else None
        if opening is not None:
            # "Rachel Berg, a philanthropist from Monsey, New York, said": the name that
            # opens the sentence, however many commas its appositive holds
            mention, mtype = opening, "name"
            jj = -1
        for _ in range(3):
            jj = self._title_comma(toks, jj)
            if not (jj >= 0 and toks[jj].low == ","):
                break
            k = jj - 1
            while (
                k >= 0
                and jj - k < 25
                and (toks[k].word and toks[k].quote < 0 or self._in_appositive(toks, k))
            ):
                k -= 1
            if k >= 1 and toks[k].low == "," and jj - k > 1 and not _main_clause(toks, k + 1, jj):
                if paren_comma < 0:
                    inner = (k + 1, jj - 1)
                paren_comma = k
                jj = k - 1
            else:
                break
        if jj >= 0:
            got = self.np_left(toks, jj, 0)
            if got is None and paren_comma < 0 and jj >= 4 and not ing:
                # "A councillor accused of taking bribes from a developer told ...": the
                # phrase before the passive clause (the one ending before the verb is a
                # prepositional phrase, no subject)
                head = self._accused_head(toks, jj + 1)
                if head is not None:
                    got, jj = (head[0], head[2]), head[1]
            w = jj - 1
            while (
                w > 0 and jj - w <= 2 and (toks[w].low in AUXILIARIES or toks[w].low in _FINITE_AUX)
            ):
                w -= 1  # "those who were killed"
            if (
                got is None
                and not ing
                and paren_comma < 0
                and w >= 1
                and toks[w].low == "who"
                and toks[jj].word
                and toks[jj].text.islower()
                and (_finite_verb(toks[jj]) or toks[jj].low.endswith("ed"))  # "died", "lost"
                and toks[jj].low not in _FINITE_AUX
            ):
                # "Relatives of those who died say ...", "Families of those who were killed
                # said ...": the phrase with its relative clause ending on a verb
                h = w - 1
                if toks[h].low == "those" and h >= 2 and toks[h - 1].low == "of":
                    h -= 2
                if toks[h].word and toks[h].low != "those":
                    outer = self.np_left(toks, h, 0)
                    if outer is not None and outer[1] in ("generic", "role", "name"):
                        got = (outer[0], "generic" if outer[1] == "name" else outer[1])
                elif toks[h].low == "those":
                    got = (h, "generic")
            if got is None and paren_comma >= 0 and _participle_phrase(toks, jj):
                # "A patient waiting for hip surgery, 71-year-old Irma Solt, said": a phrase
                # with a participle, then the person set off by commas
                named = self._appositive_person(toks, inner)
                if named is not None:
                    mention, mtype = named, "name"
                    jj = -1
            if got is not None and toks[jj].low in ("name", "names", "surname"):
                # "A nurse, who gave only her first name, Sofia, said": the phrase the
                # relative clause hangs on, not "her first name"
                k = got[0] - 1
                while k >= 2 and got[0] - k < 12 and toks[k].low != "who":
                    k -= 1
                if toks[k].low == "who" and toks[k - 1].low == ",":
                    got2 = self.np_left(toks, k - 2, 0)
                    if got2 is not None:
                        got, jj, paren_comma = got2, k - 2, -1
            if (
                got is not None
                and paren_comma >= 0
                and (got[1] in ("generic", "role") or self._possessed_role(toks, got[0], jj))
            ):
                # "a third, Daniel Traynor, said": the name set off by commas speaks
                named = self._appositive_person(toks, inner)
                e = _name_run_end(toks, inner[0], inner[1] + 1)
                if named is None and e < inner[1] and toks[e + 1].low in ("of", "from", "at"):
                    # "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist
                    # Church, said": the name before its place
                    named = self._person_run(toks, inner[0], e)
                if named is not None:
                    desc_start = got[0]
                    if toks[desc_start - 1].low == "and":
                        # "“A,” the founder and chief executive, Ines Marlow, said": the
                        # whole coordinated description
                        d = self._description_before(toks, jj)
                        if d is not None and d < desc_start:
                            desc_start = d
                    got = None
                    mention, mtype = named, "name"
            if got is not None:
                a, mtype = got
                if mtype == "relative":
                    # "Lavrov, who said ..." -> the phrase before the comma
                    if jj - 1 >= 1 and toks[jj - 1].low == ",":
                        in_relative = True
                        h = jj - 2
                        if h >= 2 and toks[h].text.isdigit() and toks[h - 1].low == ",":
                            h -= 2  # "Karel Hodan, 61, who denies ...": past the age
                        got2 = self.np_left(toks, h, 0)
                        if got2 is not None:
                            a2, mtype = got2
                            mention = (a2, h)
                            via_relative = a2 > 0
                    if mention is None:
                        mention = (a, jj)
                else:
                    mention = (a, jj)
                    if ing and a >= 2 and fold(toks[jj].low) in _DOCUMENT_NOUNS:
                        # "Trump issued a statement saying ...", "His office put out a
                        # statement saying ...": who issued it speaks
                        issuer = self._issuer(toks, a)
                        if issuer is not None:
                            mention, mtype = (issuer[0], issuer[1]), issuer[2]
                    elif (
                        ing
                        and a >= 2
                        and toks[a - 1].word
                        and toks[a - 1].text.islower()
                        and toks[a - 1].low not in _QUOTING_VERBS
                        and (toks[a - 1].low.endswith("ed") or toks[a - 1].low in ("to", "at"))
                        and paren_comma < 0
                    ):
                        # "The Vermont senator emailed supporters saying: “...”", "Dorn is
                        # making a pitch to Corvale voters saying ...": the phrase before the
                        # participle is an object; the sentence's subject speaks
                        subj = self._participle_subject(toks, a)
                        if subj is not None:
                            mention, mtype = (subj[0], subj[1]), subj[2]
                    if mention == (a, jj) and paren_comma < 0 and mtype != "pronoun":
                        head = self._relative_head(toks, a) or self._accused_head(toks, a)
                        if head is not None:
                            # "Hawkins and others who want to ban abortion said ...": the
                            # phrase the relative clause hangs on, not the clause's end
                            mention, mtype = (head[0], head[1]), head[2]
        if (
            verb in _NAMING_VERBS
            and j >= 1
            and (
                mention is None
                or toks[mention[0]].low == "that"
                or _zero_relative_subject(toks, j) is not None
            )
        ):
            naming = self._naming_relative(toks, j, i, cue_end_i, sent)
            if naming is not None:
                return naming
        if mention is None:
            # "..., said Ross" / "“...,” said Ross"
            if (
                verb in INVERTIBLE
                and not t.low.endswith("ing")
                and t.low != verb
                and j >= 0
                and (toks[j].low in (",", ":") or toks[j].low in _MARK_CHARS or toks[j].quote >= 0)
            ):
                got = self.np_right(toks, cue_end_i + 1, n)
                if got is None:
                    return None
                b, mtype = got
                mention = (cue_end_i + 1, b)
                named = self._appositive_name(toks, b, n) if mtype == "role" else None
                if named is not None:
                    # "..., said the harbour master, Ondra Valsek.": the name the
                    # description is set beside
                    mention, mtype = named, "name"
                inverted = True
            elif j >= 2 and toks[j].low in ("and", "but") and not ing and not prior:
                # "Ferreol bemoaned the unrest and said he thought ...", "I laughed and
                # said": a second verb of the sentence's subject
                subj = self.sentence_subject(toks, j, clauses=True)
                if subj is None:
                    # "When the ferry was late, I laughed and said": a first-person subject
                    # opening the sentence or a clause after a comma
                    for k in range(j - 1):
                        if toks[k].low in ("i", "we") and (k == 0 or toks[k - 1].low == ","):
                            subj = (k, k, "pronoun")
                if subj is None:
                    return None
                mention, mtype = (subj[0], subj[1]), subj[2]
            else:
                return None
        if paren_comma < 0:
            paren_comma = -1
        if (
            verb in ("call", "compare", "touch", "return", "thank", "welcome", "charge")
            and mtype not in ("name", "pronoun", "role")
            and verb in WEAK_VERBS
        ):
            return None
        ma, mb = mention
        if toks[ma].low in ("neither", "nobody", "none", "no") and not inverted:
            return None  # "Neither campaign responded ...", "No official said ...": nobody spoke
        ment_toks = toks[ma : mb + 1]
        if not any(x.word for x in ment_toks):
            return None
        cue = (t.start, toks[cue_end_i].end)
        # content: after the cue, or before the subject
        after_i = (mb + 1) if inverted else (cue_end_i + 1)
        after = self.content_after(toks, after_i, verb)
        if after is not None and in_relative:
            # "Valsek, who has maintained his innocence, showed no emotion": the relative
            # clause ends at the comma before the sentence's own verb
            nested = 0  # relative clauses opened inside ("the port, which he ran, was")
            for m in range(after_i, n - 1):
                if toks[m].start >= after[1]:
                    break
                if toks[m].low != ",":
                    continue
                if toks[m + 1].low in _RELATIVES:
                    nested += 1
                elif toks[m + 1].text.islower() and _finite_verb(toks[m + 1]):
                    if nested:
                        nested -= 1
                        continue
                    after = (after[0], toks[m - 1].end) if toks[m - 1].end > after[0] else None
                    break
        if inverted and after is not None and after_i < n and toks[after_i].low in _RELATIVES:
            # "“...,” said one owner of a shop that sells fishing gear": a relative clause
            # on the speaker, not the content
            after = None
        before = None
        left_edge = ma if not inverted else i
        if 0 <= desc_start < left_edge:
            left_edge = desc_start  # the content before ends before the description
        fallback = None
        if (
            after is not None
            and not inverted
            and sum(
                x.word and x.low != "that" for x in toks[cue_end_i + 1 : n] if x.start < after[0]
            )
            >= 4
            and self._quote_before(toks, left_edge)
        ):
            # "“A,” Merkel told reporters after the meeting that was held on a boat": the
            # quote before the subject is the content; a clause far after the cue hangs on
            # an adjunct
            after = None
        if (
            after is not None
            and not inverted
            and self._relative_that(toks, cue_end_i, after[0])
            and self._quote_before(toks, left_edge)
        ):
            # "“A,” Ferreol said in a documentary that showed the ferry", "“A,” Dorn said of a
            # list that included Brandt": a 'that' before a verb after a noun of an adjunct
            # opens a relative clause on that noun; the quote before the subject is the content
            after = None
        if after is not None and not self._clause_content(toks, after, verb):
            if self._quote_before(toks, left_edge):
                # "“A,” he told cheering supporters in Nashua": a quote right before the
                # subject is the content; what follows the cue is an addressee or an
                # adverbial, unless it is a clause of its own ("that ...", a quote)
                after = None
            elif (
                not any(x.word for x in toks[:left_edge])
                and self._adverbial_at(toks, after[0], topic=True)
                and not any(x.quote >= 0 for x in self._region_toks(toks, after))
                and self._quote_ends_before(toks[0].start)
            ):
                # "“Will I change?” Trump asked reporters rhetorically.": the quote ended the
                # sentence before; the frame waits for it (see _attach_pending)
                fallback, after = after, None
            elif (
                not inverted
                and self._adverbial_at(toks, after[0])
                and not self._colon_quote_after_adverb(self._region_toks(toks, after))
                and self.content_before(toks, left_edge) is not None
            ):
                # "Democrats had “put the biggest crack” in it, she said in a video message":
                # the words before the subject's comma, not the adjunct after the cue
                after = None
        if after is None:
            before = None if fallback else self.content_before(toks, left_edge)
            if before is None:
                content: tuple[int, int] | None = None  # pending: "“A.” Ross said."
            else:
                content = before
        else:
            content = after
        gap = None
        if after is None and not inverted and fallback is None:
            paren = self._parenthetical(toks, ma, cue_end_i)
            if paren is not None:
                content, gap = paren
        if content is not None and content[1] <= content[0]:
            return None
        region = content or fallback
        if mtype == "relative" and content is not None and self._carried_quote(toks, content):
            # "“I have no idea,” Brandt told a reporter who asked about the cost, “but we
            # will find the money.”": a quote going on in lower case after the relative
            # clause's own words carries on the quote before it; the clause reports nothing
            return None
        return _Frame(
            cue,
            (ment_toks[0].start, ment_toks[-1].end),
            mtype,
            content,
            sent,
            ment_toks,
            self._region_toks(toks, region) if region else [],
            self._sentence_antecedent(
                toks, ma, None if content[0] > cue[0] else self._words_start(toks, content)
            )
            if mtype == "pronoun" and ma >= 2 and content is not None
            else None,
            fallback=fallback,
            gap=gap,
            relative=via_relative,
        )

    def _possessed_role(self, toks: list[_Tok], a: int, b: int) -> bool:
        """Are tokens a..b a possessor and a person noun ("Brandt’s spokesman", "the
        mayor's longtime aide")?  Set off by commas before a name, the name speaks."""
        if b - a < 1 or not toks[b].word or not toks[b].text.islower():
            return False
        if fold(toks[b].low) not in ROLE_HEADS and toks[b].low not in _RELATION_NOUNS:
            return False
        return any(x.low.endswith(("’s", "'s")) for x in toks[a:b])

    def _relative_head(self, toks: list[_Tok], a: int) -> tuple[int, int, str] | None:
        """The subject of a sentence whose verb follows a relative clause on it, for the
        phrase found at ``a`` right before the verb ("Current and former officials who
        spoke with The Post said": the phrase before 'who', not "The Post"); None when no
        'who' opens such a clause in the words before ``a``."""
        w = a - 1
        while w >= 1 and a - w <= 20:
            t = toks[w]
            if not t.word or t.quote >= 0:
                return None
            if t.low == "who" or t.low.startswith(("who’", "who'")):
                break
            w -= 1
        else:
            return None
        first = toks[a]
        if w == a - 1 and (
            first.text[:1].isupper()
            or first.low in DETERMINERS
            or first.low in _GENERIC_DETERMINERS
        ):
            return None  # "hackers who U.S. officials say ...": the phrase is the clause's subject
        if not toks[w - 1].word:
            return None
        got = self.np_left(toks, w - 1, 0)
        if got is None or got[1] in ("relative", "pronoun"):
            return None
        return got[0], w - 1, got[1]

    def _accused_head(self, toks: list[_Tok], a: int) -> tuple[int, int, str] | None:
        """The subject of a sentence whose verb follows a reduced passive clause on it, for
        the phrase found at ``a`` right before the verb ("A man accused of stealing a boat
        from the harbour told the court ...": the man, not the boat); None when no
        'accused of' / 'charged with' ... stands in the words before ``a``."""
        if a < 3:
            return None
        seg = self.text[toks[max(0, a - 15)].start : toks[a - 1].end]
        if "ed of " not in seg and "ed with " not in seg:
            return None  # (a cheap test first: every word of _ACCUSED ends in -ed)
        w = a - 1
        while w >= 2 and a - w <= 15:
            t = toks[w]
            if not t.word or t.quote >= 0 or t.low in _FINITE_AUX:
                return None
            if t.low in ("of", "with") and toks[w - 1].low in _ACCUSED:
                break
            w -= 1
        else:
            return None
        if not toks[w - 2].word:
            return None
        got = self.np_left(toks, w - 2, 0)
        if got is None or got[1] in ("relative", "pronoun"):
            return None
        return got[0], w - 2, got[1]

    def _after_quote(self, toks: list[_Tok], i: int) -> bool:
        """Does the cue at ``i`` follow a quote ending in a comma, '?' or '!', right after it
        or after a short subject ("“...,” Toomey fumed on Tuesday", "“...,” mused Blaze
        co-host Stu Burguiere")?"""
        k = i - 1
        while k >= 0 and i - k <= 8 and toks[k].word and toks[k].quote < 0:
            if toks[k].low in CUE_FORMS and toks[k].text.islower():
                return False  # "“...,” Dorn said as she read the sentence": said's quote
            k -= 1
        saw = False
        while k >= 0 and toks[k].quote < 0 and toks[k].low in _QUOTE_END:
            saw = saw or toks[k].low in (",", "?", "!")
            k -= 1
        return saw and k >= 0 and toks[k].quote >= 0

    def _possessed_statement(self, toks: list[_Tok], i: int, verb: str, sent: int) -> _Frame | None:
        """A speech noun after a possessive, with the words it reports after it ("her remark
        that “there’s a special place in hell ...”", "Donald Trump's claim that Obama
        “founded ISIS”", "his recent call to ban ...", "Podliska's most explosive claim is
        that ..."): the possessor said them."""
        k = i - 1
        while k > 0 and i - k <= 2 and toks[k].word and toks[k].text.islower():
            if toks[k].low in _POSSESSIVE_BASE or toks[k].low in _NP_STOP:
                break
            if not (toks[k].low.endswith(_ADJ_ENDS) or "-" in toks[k].low):
                return None  # "his plan calls for": a noun before, the cue is its verb
            k -= 1  # "his recent call", "her most explosive claim"
        t = toks[k]
        if t.low in _POSSESSIVE_BASE and t.low != "its":
            first, mtype, ment = k, "pronoun", [t]
        elif t.low.endswith(("’s", "'s")) and t.text[:1].isupper():
            first = k
            while first > 0 and (
                toks[first - 1].word
                and toks[first - 1].text[:1].isupper()
                or toks[first - 1].low == "."
                and first >= 2
                and len(toks[first - 2].text) <= 4
            ):
                first -= 1  # "Mr. Obama's", "Donald J. Trump's"
            while first < k and (
                toks[first].low in _CLAUSE_OPENERS
                or toks[first].low in _FOCUS_OPENERS
                or toks[first].low in _PREPOSITIONS
            ):
                first += 1  # "Despite George Will's call": not 'Despite'
            if toks[first].low in _NOT_SUBJECT or k - first > 3:
                return None
            mtype = "name"
            ment = toks[first:k] + [_Tok(t.start, t.end - 2, t.text[:-2], t.low[:-2], True)]
        else:
            return None
        b = toks[first - 1] if first >= 1 else None
        if b is not None and b.word and b.low not in _POSSESSOR_LEFT and b.low not in _PREPOSITIONS:
            return None  # "Mr. Trump renewed his call for ...": the sentence's subject speaks
        n = len(toks)
        m = i + 1
        if m < n and toks[m].low in ("was", "is"):
            m += 1  # "Her answer was that ..."
        while m < n and m - i <= 7 and toks[m].word and toks[m].low != "that":
            if toks[m].low == "to" and verb in ("call", "promise", "pledge", "demand", "vow"):
                break  # "his recent call to ban ..."
            if m > i + 1 and toks[m - 1].low in ("was", "is"):
                return None
            if toks[m].low in _COORDINATORS or toks[m].low in CUE_FORMS:
                return None  # "in his remarks on Tuesday but argued that ...": not its clause
            m += 1  # "her claim in November that ..."
        if (m >= n or toks[m].low not in ("that", "to")) and not (
            m == i + 1 and m < n and toks[m].low == ":"
        ):
            return None  # no clause of its own ("her remarks on Tuesday")
        if toks[m].low == "that" and m + 1 < n and _finite_verb(toks[m + 1]):
            return None  # "the claim that was made": a relative clause
        after = self.content_after(toks, m + 1 if toks[m].low == "to" else m, verb)
        if after is None:
            return None
        if toks[m].low == "to":
            after = (toks[m].start, after[1])
        a0 = bisect_left(toks, after[0], key=_start)
        for c in range(a0 + 3, n):
            if toks[c].start >= after[1]:
                break
            if toks[c].low == ",":
                # the phrase is a part of its sentence ("Trump's claim that Obama “founded
                # ISIS,” saying ...", "his promise to be “neutral”, have caused concern")
                after = (after[0], toks[c - 1].end)
                break
        return _Frame(
            (toks[i].start, toks[i].end),
            (toks[first].start, ment[-1].end),  # without the "'s"
            mtype,
            after,
            sent,
            ment,
            self._region_toks(toks, after),
        )

    def _title_at(self, toks: list[_Tok], k: int) -> bool:
        """Is token ``k`` a quoted title: six words or fewer after a possessive, a
        preposition or 'called' ("television’s “Scandal”", "co-author of “Going Viral”")?"""
        t = toks[k]
        if t.quote < 0 or len(self.text[t.start : t.end].split()) > 6:
            return False
        b = k - 1
        while b >= 0 and toks[b].low in _MARK_CHARS:
            b -= 1
        if b < 0 or not toks[b].word:
            return False
        w = toks[b].low
        return w.endswith(("’s", "'s")) or w in _PREPOSITIONS or w in ("called", "titled", "named")

    def _in_appositive(self, toks: list[_Tok], k: int) -> bool:
        """May token ``k`` stand inside an appositive set off by commas: no comma, no quote
        mark and no quote, except a short title with its marks and the comma inside them
        ("Hemsley, the co-author of “Going Viral,” about the spread of news, said")."""
        t = toks[k]
        if t.quote >= 0:
            return self._title_at(toks, k)
        if t.low == ",":
            return k >= 1 and self._title_at(toks, k - 1) and toks[k + 1].low in _MARK_CHARS
        if t.low in _MARK_CHARS:
            return (k >= 1 and self._title_at(toks, k - 1)) or (
                k + 1 < len(toks) and self._title_at(toks, k + 1)
            )
        return True

    def _title_comma(self, toks: list[_Tok], jj: int) -> int:
        """``jj``, or the comma inside the closing marks of a title ending an appositive
        ("Washington, star of television’s “Scandal,” thanked ..."): the appositive's
        comma."""
        if (
            jj >= 3
            and toks[jj].low in _MARK_CHARS
            and toks[jj - 1].low == ","
            and self._title_at(toks, jj - 2)
        ):
            return jj - 1
        return jj

    def _naming_relative(
        self, toks: list[_Tok], j: int, i: int, ce: int, sent: int
    ) -> _Frame | None:
        """A naming verb in a relative or 'what' clause whose object is a quote ("under what
        Mr. Dorn called ''the prior economy model,''", "a ruling which Brandt calls “a
        disgrace”", "what Ferreol described as “a piece of history”"): the clause's subject
        names it; the quote is the content.  (A subject after 'what' is no subject of the
        sentence, so the frame is not found otherwise.)"""
        w = j
        rel = ("what", "which", "whom", "that")  # "a move that Brandt called “...”"
        while w >= 0 and j - w <= 8 and toks[w].low not in rel:
            if not (toks[w].word or toks[w].low == ".") or toks[w].quote >= 0:
                w = -1
                break
            w -= 1
        if w >= 0 and toks[w].low in rel and w < j:
            got = self.np_left(toks, j, w + 1)
            if got is None or got[0] != w + 1 or got[1] == "relative":
                return None
        else:
            # no relative word: "a decision commuters called “a disaster”", "a ruling
            # Brandt called “...”"
            zero = _zero_relative_subject(toks, j)
            if zero is None:
                return None
            w = zero[0] - 1
            got = (zero[0], zero[1])
        k = ce + 1
        if k < len(toks) and toks[k].low == "as":
            k += 1  # "described as (a) “...”"
        if k < len(toks) and toks[k].low in ("a", "an", "the"):
            k += 1  # "called a “...” approach"
        while k < len(toks) and toks[k].low in _MARK_CHARS:
            k += 1
        if k >= len(toks) or toks[k].quote < 0:
            return None
        content = (toks[k].start, toks[k].end)
        return _Frame(
            (toks[i].start, toks[ce].end),
            (toks[w + 1].start, toks[j].end),
            got[1],
            content,
            sent,
            toks[w + 1 : j + 1],
            [toks[k]],
        )

    def _parenthetical(
        self, toks: list[_Tok], ma: int, ce: int
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """An attribution set off by commas inside the sentence it reports ("Too often,
        Mr. Clarke said, the debate over coal is ...", "... so bad, Mr. Obama noted, that
        the page ..."): the sentence around it is the content; (region, gap)."""
        n = len(toks)
        if ma < 2 or ce + 3 >= n or toks[ma - 1].low != "," or toks[ce + 1].low != ",":
            return None
        nxt = toks[ce + 2]
        if nxt.low in ("and", "but") and _clause_start(toks[ce + 3]):
            pass  # "The port is safe, he said, but the roads are not.": a second clause
        elif not nxt.word or nxt.quote >= 0 or nxt.low in _COORDINATORS or nxt.low.endswith("ing"):
            return None  # "..., he said, adding that ...", "“A,” he said, “B.”"
        if any(x.quote >= 0 or x.low in _MARK_CHARS for x in toks[: ma - 1]):
            return None
        if sum(x.word for x in toks[ce + 2 :]) < 4:
            return None
        end = n
        while end > ce + 2 and not toks[end - 1].word and toks[end - 1].quote < 0:
            end -= 1
        return (toks[0].start, toks[end - 1].end), (toks[ma - 1].start, toks[ce + 1].end)

    def _words_start(self, toks: list[_Tok], content: tuple[int, int]) -> int:
        """Where the reported words of a content before its cue start: its first quote
        ("Ferreol saw it differently: “...,” he said"), else the content itself."""
        for x in toks:
            if x.start >= content[1]:
                break
            if x.quote >= 0 and x.start >= content[0]:
                return x.start
        return content[0]

    def _sentence_antecedent(
        self, toks: list[_Tok], ma: int, before: int | None = None
    ) -> Entity | None:
        """ "he"/"she" at token ``ma`` in a later clause of a sentence whose subject is a
        named person of that gender ("Sanders exaggerates when he says ..."): that person,
        the sentence's own topic, before any earlier one.  Content before the cue at offset
        ``before``: only a subject ending before it ("Mosman saw the words differently:
        “...,” he said"; in "Also, Trump isn't a conservative, he said" the sentence opens
        with the content)."""
        gender = _PERSON_PRONOUNS.get(PRONOUN_BASE.get(toks[ma].low, ""))
        if gender is None or self.transcript_speaker is not None:
            return None
        if before is not None and toks[0].start >= before:
            return None
        subj = self.sentence_subject(toks, ma)
        if subj is None:
            semi = ma - 1
            while semi > 0 and not (toks[semi].low == ";" and toks[semi].quote < 0):
                semi -= 1
            if semi > 0 and before is None:
                # "The legislature passed a ban; Gov. Petra Dorn, who ..., vetoed the bill
                # because she said ...": the clause after a semicolon has its own subject
                got = self._sentence_antecedent(toks[semi + 1 :], ma - semi - 1, before)
                if got is not None:
                    return got
        if subj is None or subj[2] == "pronoun":
            return self._other_gender_subject(toks, ma, gender) or (
                self._possessor_subject(toks, ma, gender, before)
                or self._copula_subject(toks, ma, gender, before)
                if subj is None
                else None
            )
        if subj[2] != "name":
            return None
        a, b, _ = subj
        if before is not None and toks[b].end > before:
            return None
        ent = self._known_person([x.text for x in toks[a : b + 1] if x.word], toks[a].start)
        if ent is None:
            return None
        self.reg.infer_genders(self.text)
        if ent.gender is None:
            # "Valsek accused Brandt of ..., a remark she called “childish”": someone of the
            # pronoun's gender named after the subject of no known gender
            k = b + 1
            while k < ma:
                if toks[k].word and toks[k].text[:1].isupper():
                    e = _name_run_end(toks, k, ma)
                    other = self._known_person(
                        [x.text for x in toks[k : e + 1] if x.word], toks[k].start
                    )
                    if other is not None and other is not ent and other.gender == gender:
                        return other
                    k = e
                k += 1
            return ent
        return ent if ent.gender == gender else None

    def _other_gender_subject(self, toks: list[_Tok], ma: int, gender: str) -> Entity | None:
        """A pronoun of the other gender earlier in the sentence ("For that she drew Trump's
        ire - he called her ..."): the one person of the pronoun's gender named between the
        two, if exactly one is, and of that gender by name or title."""
        b = ma - 1
        while b >= 0 and not (toks[b].quote < 0 and toks[b].low in ("he", "she")):
            b -= 1
        if b < 0 or _PERSON_PRONOUNS.get(toks[b].low) == gender:
            return None
        found: list[Entity] = []
        k = b + 1
        while k < ma:
            if toks[k].word and toks[k].quote < 0 and toks[k].text[:1].isupper():
                e = _name_run_end(toks, k, ma)
                words = [x.text for x in toks[k : e + 1] if x.word]
                if words[-1].endswith(("’s", "'s")):
                    words[-1] = words[-1][:-2]
                other = self._known_person(words, toks[k].start) if words[-1] else None
                if other is not None and other not in found:
                    found.append(other)
                k = e
            k += 1
        if len(found) != 1:
            return None
        self.reg.infer_genders(self.text)
        ent = found[0]
        return ent if ent.gender == gender and not ent.gender_inferred else None

    def _copula_subject(
        self, toks: list[_Tok], ma: int, gender: str, before: int | None
    ) -> Entity | None:
        """A sentence opening with a known person's name and "is"/"was" ("Bernie Sanders is
        trailing Clinton but has invested ..., where he says ..."): that person, unless known
        to be of the other gender."""
        run = _opening_name_run(toks, ma)
        if run is None:
            return None
        k, b = run
        v = b + 1
        if v + 1 < ma and toks[v].low == "of" and toks[v + 1].word:
            # "Senator Marco Rubio of Florida is airing ...": past the place
            v = _name_run_end(toks, v + 1, ma) + 1 if toks[v + 1].text[:1].isupper() else v
        if v < ma and toks[v].low == ",":
            # "Speaker Paul D. Ryan, who was reluctant ..., was more direct": past the
            # appositive or relative clause set off by commas
            c = v + 1
            while c < ma and c - v <= 15 and toks[c].low != "," and toks[c].quote < 0:
                c += 1
            if c >= ma or toks[c].low != "," or c - v <= 2:
                return None
            v = c + 1
        if v + 1 >= ma or toks[v].low not in ("is", "was"):
            return None
        if not _lower_word_at(toks, v + 1):
            return None
        if before is not None and toks[b].end > before:
            return None
        ent = self._known_person([x.text for x in toks[k : b + 1] if x.word], toks[k].start)
        if ent is None:
            return None
        self.reg.infer_genders(self.text)
        return ent if ent.gender in (None, gender) else None

    def _possessor_subject(
        self, toks: list[_Tok], ma: int, gender: str, before: int | None
    ) -> Entity | None:
        """A sentence opening with a named possessor and its noun ("Mr. Cruz's success
        ... reflects how he has ..."): the possessor, when known to be of the pronoun's
        gender, is the sentence's topic."""
        run = _opening_name_run(toks, ma)
        if run is None:
            return None
        k, b = run
        last = toks[b].text
        if not last.endswith(("’s", "'s")) or b + 1 >= ma or not _lower_word_at(toks, b + 1):
            return None
        if before is not None and toks[b].end > before:
            return None
        words = [x.text for x in toks[k : b + 1] if x.word]
        words[-1] = words[-1][:-2]
        ent = self._known_person(words, toks[k].start)
        if ent is None:
            return None
        self.reg.infer_genders(self.text)
        return ent if ent.gender == gender and not ent.gender_inferred else None

    def _issuer(self, toks: list[_Tok], a: int) -> tuple[int, int, str] | None:
        """The subject of the verb before the noun phrase starting at ``a`` ("Trump's
        campaign released | a statement"): (first, last, type)."""
        k = a - 1
        if k >= 1 and toks[k].low in ("out", "up"):
            k -= 1  # "put out", "sent up"
        if not (toks[k].word and toks[k].text.islower()) or toks[k].low in _NP_STOP:
            return None
        j = _skip_aux_left(toks, k - 1)
        if j < 0:
            return None
        got = self.np_left(toks, j, 0)
        if got is None or got[1] == "relative":
            return None
        return got[0], j, got[1]

    def _known_person(self, words: list[str], pos: int) -> Entity | None:
        """The person already known by ``words`` (a name seen at ``pos``), if it is one: a
        person, or a first name and surname; nothing is added to the registry."""
        ent = self.reg.resolve_name(words, pos, create=False)
        return ent if ent is not None and (ent.person or ent.full) else None

    def _person_run(self, toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
        """Are tokens a..b a capitalised name (up to five words) of a known person?"""
        run = toks[a : b + 1]
        if (
            not run
            or len(run) > 6
            or not all(x.word and x.text[:1].isupper() or x.low == "." for x in run)
        ):
            return None
        if self._known_person([x.text for x in run if x.word], run[0].start) is None:
            return None
        return a, b

    def _appositive_person(
        self, toks: list[_Tok], inner: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The person an appositive set off by commas names: all of it, or the name after a
        lower-case role or an age ("Her challenger, former police chief Aurel Banta, said",
        "One patient, 71-year-old Irma Solt, said")."""
        named = self._person_run(toks, *inner)
        if named is None:
            k = inner[1]
            while k > inner[0] and toks[k - 1].word and toks[k - 1].text[:1].isupper():
                k -= 1
            if k > inner[0] and (
                fold(toks[k - 1].low) in ROLE_HEADS or toks[k - 1].low.endswith("-year-old")
            ):
                named = self._person_run(toks, k, inner[1])
        return named

    def _opening_name(self, toks: list[_Tok], comma: int) -> tuple[int, int] | None:
        """The person's name opening the sentence and set off by a comma, when its
        appositive runs to the comma at ``comma`` (first, last token of the name)."""
        k = 0
        # past a quote the sentence opens with ("“...,” Rep. Jim Jordan (R-Ohio), an
        # oversight panel member, said") and a focus word ("Even China, ..., said")
        while k < comma and (toks[k].quote >= 0 or not toks[k].word) and toks[k].low != "(":
            k += 1
        while (
            k + 1 < comma
            and toks[k].low in _FOCUS_OPENERS
            and toks[k + 1].word
            and toks[k + 1].text[:1].isupper()
        ):
            k += 1
        if k >= comma or not toks[k].word or not toks[k].text[:1].isupper():
            return None
        if toks[k].low in _NOT_SUBJECT or toks[k].low in PRONOUNS:
            return None
        b = _name_run_end(toks, k, comma)
        nxt = b + 1
        if nxt + 1 < comma and toks[nxt].low == "of" and toks[nxt + 1].text[:1].isupper():
            # "Republican Rep. Lee Zeldin of New York, a Trump supporter, said"
            nxt += 1
            while nxt < comma and toks[nxt].word and toks[nxt].text[:1].isupper():
                nxt += 1
        if nxt < comma and toks[nxt].low == "(":
            # "Rep. Elijah Cummings (D-Md.), chair of ..."
            while nxt < comma and toks[nxt].low != ")":
                nxt += 1
            nxt += 1
        if nxt >= comma or toks[nxt].low != "," or comma - nxt > 40:
            return None
        if any(toks[y].quote >= 0 and not self._title_at(toks, y) for y in range(nxt, comma)):
            return None
        words = [x.text for x in toks[k : b + 1] if x.word]
        if self._known_person(strip_openers(words) or words, toks[k].start) is None:
            return None
        return k, b if toks[b + 1].low != "of" else nxt - 1

    def sentence_subject(
        self, toks: list[_Tok], limit: int, clauses: bool = False
    ) -> tuple[int, int, str] | None:
        """The person a sentence is about, at its start (after a short introduction such as
        "Hours later,"): a name, "he"/"she", or "the" + a person noun; (first, last, type).
        ``clauses``: after any introduction set off by commas ("On Thursday, after remaining
        neutral, Warren appeared ..."), the first such subject before ``limit``."""
        starts = [0]
        for c in range(1, min(limit, 7)):
            if toks[c].low == ",":
                starts.append(c + 1)
                break
        if clauses:
            starts = [0] + [c + 1 for c in range(1, limit) if toks[c].low == ","]
        for k in starts:
            while k < limit and not toks[k].word and toks[k].quote < 0:
                k += 1
            if clauses and k > 0 and k + 1 < limit and toks[k].low in _CLAUSE_SUBORDINATORS:
                k += 1  # "..., as Mrs. Clinton echoed the criticism, saying ..."
            if k >= limit:
                continue
            t = toks[k]
            if t.quote >= 0:
                continue
            if t.low in ("he", "she"):
                b, stype = k, "pronoun"
            elif t.low == "the":
                b = k + 1
                while (
                    b < limit
                    and b - k <= 4
                    and toks[b].word
                    and fold(toks[b].low) not in ROLE_HEADS
                ):
                    b += 1
                if b >= limit or not toks[b].word or fold(toks[b].low) not in ROLE_HEADS:
                    continue
                stype = "role"
            elif t.text[:1].isupper() and t.low not in _NOT_SUBJECT and t.low not in PRONOUNS:
                b = _name_run_end(toks, k, limit)
                stype = "name"
                ent = self.reg.resolve_name(
                    [x.text for x in toks[k : b + 1] if x.word], t.start, create=False
                )
                if ent is None:
                    # "Democratic presidential candidate Sen. Bernie Sanders criticized":
                    # lower-case role words, then the name
                    r = b + 1
                    while r < limit and r - b <= 3 and toks[r].word and toks[r].text.islower():
                        r += 1
                    if (
                        r < limit
                        and r > b + 1
                        and toks[r].text[:1].isupper()
                        and toks[r].word
                        and fold(toks[r - 1].low) in ROLE_HEADS | _PERSON_HEADS
                    ):
                        k2, b = r, _name_run_end(toks, r, limit)
                        ent = self.reg.resolve_name(
                            [x.text for x in toks[k2 : b + 1] if x.word], t.start, create=False
                        )
                if (
                    b + 2 < limit
                    and toks[b + 1].low == "of"
                    and toks[b + 2].text[:1].isupper()
                    and toks[b + 2].word
                ):
                    # "Senator Bernie Sanders of Vermont endorsed ...": past the place
                    b += 2
                    while b + 1 < limit and toks[b + 1].word and toks[b + 1].text[:1].isupper():
                        b += 1
                if ent is None or not (ent.person or ent.full):
                    continue
            else:
                continue
            v = b + 1
            if v < limit and toks[v].low == "(":
                # "Sen. Bernie Sanders (I-Vt.) on Saturday criticized"
                c = v
                while c < limit and c - v < 8 and toks[c].low != ")":
                    c += 1
                if c < limit and toks[c].low == ")":
                    v = c + 1
            v = _skip_time_right(toks, v, limit)
            if stype == "name" and v < limit and toks[v].low == ",":
                # an appositive between the name and its verb ("Ilsa Brandt, president of
                # the Corvale Institute, tied ..."): up to the comma closing it
                c = v + 1
                while c < limit and c - v <= 15 and toks[c].low != "," and toks[c].quote < 0:
                    c += 1
                if (
                    c < limit
                    and (c - v > 2 or toks[v + 1].text.isdigit())  # (or an age: "Wiik, 52,")
                    and toks[c].low == ","
                    and toks[v + 1].word
                ):
                    v = c + 1
            while v < limit and (
                toks[v].low in AUXILIARIES
                or _ADVERB_LY(toks[v])
                or toks[v].low in ("not", "never")
                and v > b + 1  # "Dorn did not mention ..."
            ):
                v += 1
            nxt = toks[v] if v < limit else None
            if nxt is None or not nxt.word or not nxt.text.islower() or nxt.low in _NP_STOP:
                continue
            return k, b, stype
        return None

    def _participle_subject(self, toks: list[_Tok], limit: int) -> tuple[int, int, str] | None:
        """Who speaks by a participle cue at token ``limit`` with no frame of its own
        ("..., telling reporters", "... by saying"): the sentence's subject, after any
        introduction, else the noun phrase opening it."""
        return self.sentence_subject(toks, limit, clauses=True) or self._np_subject(toks, limit)

    def _np_subject(self, toks: list[_Tok], limit: int) -> tuple[int, int, str] | None:
        """A noun phrase opening the sentence right before its verb, for a participle cue
        with no frame before it ("Ferreol's campaign shrugged off the remarks, telling
        reporters ...", "The retired ferry captain has given no details, saying ..."):
        (first, last, type).  The verb is an auxiliary or a lower-case '-ed' word."""
        if not limit or not toks[0].word or toks[0].quote >= 0 or toks[0].low in _NOT_NP_SUBJECT:
            return None
        for v in range(1, min(limit, 12)):
            u = toks[v]
            if u.low == "," and toks[v - 1].word:
                # "The chairwoman, Tamsin Orrel, disagreed, saying ...": the name set off
                # by commas after the opening phrase, right before the verb
                k = v + 1
                if k < limit and toks[k].word and toks[k].text[:1].isupper():
                    k = _name_run_end(toks, k, limit) + 1  # (initials too: "Tamsin D. Orrel")
                kv = _skip_adverbs_right(toks, k + 1, limit)  # "Orrel, on Sunday defended"
                if (
                    kv < limit
                    and toks[k].low == ","
                    and toks[kv].text.islower()
                    and _finite_verb(toks[kv])
                    and self._person_run(toks, v + 1, k - 1) is not None
                ):
                    return v + 1, k - 1, "name"
                return None
            if not u.word or u.quote >= 0:
                return None
            if not u.text.islower() or not _finite_verb(u):
                continue
            if any(x.low in _SUBORDINATORS or x.low in _RELATIVES for x in toks[v:limit]):
                # "The fracas erupted two months after the tycoon entered the race, calling
                # ...": the participle may hang on the later clause's subject
                return None
            b = v - 1
            while (
                b > 0
                and toks[b].text.islower()
                and (toks[b].low in AUXILIARIES or _ADVERB_LY(toks[b]))
            ):
                b -= 1  # "A Dorn campaign official later posted ..."
            if _time_word(toks[b]):
                b = _skip_time_left(toks, b)  # "The Dorn campaign on Monday accused ..."
            got = self.np_left(toks, b, 0) if b >= 0 else None
            if got is not None and got[0] == 0 and got[1] != "relative":
                return 0, b, got[1]
            if toks[v - 1].low not in DETERMINERS:
                return None  # past "The retired captain", no further
        return None

    def _region_toks(self, toks: list[_Tok], region: tuple[int, int]) -> list[_Tok]:
        """The tokens inside ``region`` (tokens are sorted and do not overlap: a slice)."""
        return toks[
            bisect_left(toks, region[0], key=_start) : bisect_right(toks, region[1], key=_end)
        ]

    def content_after(self, toks: list[_Tok], k: int, verb: str) -> tuple[int, int] | None:
        """The content following a cue, or None when only adverbials follow."""
        n = len(toks)
        # drop the sentence's final punctuation
        end_i = n - 1
        while (
            end_i >= k
            and not toks[end_i].word
            and toks[end_i].quote < 0
            and toks[end_i].low in _TERMINAL | {",", ";", ")"}
        ):
            end_i -= 1
        if end_i < k:
            return None
        if toks[k].low == "by" and k + 1 <= end_i and toks[k + 1].low.endswith("ing"):
            k += 1
        if verb == "dismiss" and _dismissed_person(toks, k, end_i):
            return None
        if verb == "write" and k < end_i and toks[k].low == "back":
            # "wrote back that ...", not "wrote back a month later": a reply, its words not
            # given
            k += 1
            if not (
                toks[k].low in ("that", ":", ",")
                or toks[k].quote >= 0
                or toks[k].low in _MARK_CHARS
            ):
                return None
        if verb in ("respond", "reply") and k <= end_i and toks[k].low == "to":
            # "responded to the ruling": what was answered, not words; "responded to the
            # criticism by saying the poll was flawed": the words after "saying" / "that"
            said = next(
                (
                    m
                    for m in range(k + 1, end_i + 1)
                    if toks[m].low == "saying"
                    or toks[m].low == "that"
                    and m < end_i
                    and _clause_opener(toks[m + 1])  # not "responded to that tweet"
                    or toks[m].low.endswith("ing")
                    and toks[m - 1].low == "by"
                    and toks[m].low in CUE_FORMS
                ),
                -1,
            )
            if said < 0:
                return None
            k = said + 1
        if verb in ADDRESSEE_VERBS:
            # "told reporters (that)", "told The Post on Monday that"
            limit = min(end_i, k + 7)
            for m in range(k, limit + 1):
                if toks[m].low == "that":
                    if all(x.word for x in toks[k:m]):
                        k = m
                    break
                if not toks[m].word or toks[m].low in _SUBORDINATORS:
                    break  # "told MSNBC when asked about concerns that ...": not its "that"
            else:
                pass
            if k <= end_i and toks[k].low in _ADDRESSEES:
                k += 1
            elif k <= end_i and toks[k].text[:1].isupper() and toks[k].low != "i":
                while k <= end_i and toks[k].word and toks[k].text[:1].isupper():
                    k += 1
            elif k <= end_i and toks[k].low in DETERMINERS and verb in _TELL_VERBS:
                k = self._addressee_end(toks, k, end_i)
        # time and place adverbials before "that": "said on Tuesday that ..."
        if k <= end_i and toks[k].low in _ADVERBIAL_START:
            for m in range(k, min(end_i, k + 9) + 1):
                if toks[m].low == "that":
                    k = m
                    break
                if (
                    m > k + 1
                    and toks[k].low in _PLACE_TIME_PREPOSITIONS
                    and _zero_that_clause(toks, m, end_i)
                    and (
                        toks[m - 1].text[:1].isupper()
                        or _time_word(toks[m - 1])
                        or toks[m - 1].low in _TIME_WORDS
                        or toks[m - 1].low in ("night", "morning", "afternoon", "evening")
                        or toks[k].low == "in"
                        and toks[m - 1].low in _MADE_NOUNS
                    )
                    and not any(
                        x.low in _NOT_IN_ADJUNCT or x.low.endswith("ing") for x in toks[k:m]
                    )
                ):
                    # "said in a statement on Sunday it would fight ...", "told reporters
                    # on Monday the plan was dead": the clause after the adverbials
                    k = m
                    break
                if toks[m].quote >= 0 or toks[m].low in _MARK_CHARS:
                    # a programme's title: "said Sunday on VTV's “Morning Table” that"
                    if not self._programme_at(toks, m, end_i):
                        break
                elif not toks[m].word:
                    break
        if (
            k + 3 <= end_i
            and toks[k].low == ","
            and toks[k + 1].low in _SENTENCE_ADVERBS
            and toks[k + 2].low == ","
        ):
            # "He said, however, that he hopes ...": a sentence adverb set off by commas
            k += 3
        if k <= end_i and toks[k].low == ",":
            # "said, citing ..." is an adjunct; "said, back in 2006, “...”" introduces a quote
            q = next((m for m in range(k, end_i + 1) if toks[m].quote >= 0), -1)
            if q < 0:
                return None
            m = q - 1
            while m > k and toks[m].low in _MARK_CHARS:
                m -= 1
            if toks[m].low not in (",", ":"):
                return None
            if [x.low for x in toks[k + 1 : m] if x.word] in _I_QUOTE:
                k = m  # "said, and I quote, “...”": the quote is the content
        while k <= end_i and toks[k].low in (",", ":", "that", "-", "–", "—"):
            if (
                toks[k].low == "that"
                and k < end_i
                and toks[k + 1].low in _FINITE_AFTER_THAT
                and toks[k + 1].text.islower()  # ("that May was": a month)
            ):
                break  # "He said that is a distortion": "that" is the subject, not "that ..."
            k += 1
        if k > end_i:
            return None
        # a one-word time adverb before a clause: "told reporters Tuesday the plan was dead"
        while (
            k + 3 <= end_i
            and toks[k].low in _TIME_WORDS
            and (
                toks[k + 1].low in DETERMINERS
                or toks[k + 1].low in PRONOUNS
                or toks[k + 1].low == "that"
                or toks[k + 1].text[:1].isupper()
            )
        ):
            k += 1
            if toks[k].low == "that":
                k += 1
        first = toks[k]
        rest = toks[k : end_i + 1]
        if first.low in _ADVERBIAL_START and len(rest) <= 6 and all(x.quote < 0 for x in rest):
            return None
        if first.low in ("and", "but", "or", "so"):
            return None
        if len(rest) < 2 and first.quote < 0:
            if first.low in ("no", "yes") and verb in ("say", "answer", "reply"):
                return first.start, first.end  # "Asked whether he would resign, Voss said no."
            return None  # "answered critics": an object, not a statement
        return first.start, toks[end_i].end

    def _programme_at(self, toks: list[_Tok], m: int, end_i: int) -> bool:
        """Is token ``m`` a quoted title in title case, or a mark around one ("on NBC's
        ''Meet the Press''"), not quoted words ("to “take our fight” to")?"""
        j = m
        while j <= end_i and toks[j].low in _MARK_CHARS:
            j += 1  # (an opening mark: the piece after it)
        if j > end_i or toks[j].quote < 0:
            j = m
            while j >= 0 and toks[j].low in _MARK_CHARS:
                j -= 1  # (a closing mark: the piece before it)
        if j < 0 or not self._title_at(toks, j):
            return False
        # (three words at most: a longer quote would become a statement of its own)
        words = self.text[toks[j].start : toks[j].end].split()
        return len(words) <= 3 and all(
            w[:1].isupper() or (i > 0 and w in _TITLE_SMALL) for i, w in enumerate(words)
        )

    def _addressee_end(self, toks: list[_Tok], k: int, end_i: int) -> int:
        """After "told": where the content starts when ``toks[k:]`` opens with a described
        addressee ("told the council.", "told the city council that ...", "told the
        council the plan ..."); ``k`` itself when the phrase is the content's subject
        ("warned the plan would fail")."""
        m = k + 1
        reach = 4
        while m <= end_i and m - k <= reach:
            if toks[m - 1].low.endswith(("’s", "'s")):
                reach = 6  # (further past a possessive: "told the Corvale Herald's Inside
                # Politics podcast she would ...")
            u = toks[m]
            if not u.word or u.quote >= 0 or u.low in DETERMINERS or u.low in PRONOUNS:
                break
            if u.low in _NP_STOP or (u.low in CUE_FORMS and u.text.islower()):
                break
            m += 1
        if m == k + 1:
            return k
        if m > end_i:
            return m  # the addressee ends the sentence: no content here
        u = toks[m]
        if (
            u.quote >= 0
            or u.low in (",", ":", "that")
            or u.low in _MARK_CHARS
            or u.low in DETERMINERS
            or u.low in PRONOUNS
            or u.low in _ADVERBIAL_START
        ):
            return m
        return k

    def _clause_content(self, toks: list[_Tok], region: tuple[int, int], verb: str) -> bool:
        """Is the content ``region`` after a cue a statement in its own right: introduced by
        "that" or a colon, or opening with a quote (not a quoted title after "told":
        "told “Fox and Friends” after ...")?"""
        i = bisect_left(toks, region[0], key=_start)
        j = i - 1
        while j > 0 and toks[j].low in (",", "-", "–", "—"):
            j -= 1
        if j >= 0 and toks[j].low in ("that", ":"):
            return True
        while i < len(toks) and toks[i].low in _MARK_CHARS:
            i += 1
        if i >= len(toks) or toks[i].quote < 0:
            return False
        if verb in ADDRESSEE_VERBS:
            k = i + 1
            while k < len(toks) and (toks[k].low in _MARK_CHARS or toks[k].low == ","):
                k += 1
            return not (k < len(toks) and toks[k].word and toks[k].text.islower())
        return True

    def _adverbial_at(self, toks: list[_Tok], pos: int, topic: bool = False) -> bool:
        """Does an adverbial ("in a statement", "rhetorically") open the content at ``pos``?
        ``topic``: a topic ("said of Apple", "said about the plan") counts too."""
        i = bisect_left(toks, pos, key=_start)
        return i < len(toks) and (
            toks[i].low in _ADJUNCT_START
            or _ADVERB_LY(toks[i])
            or topic
            and toks[i].low in ("of", "about")
        )

    def _quote_ends_before(self, pos: int) -> bool:
        """Does a quote end right before ``pos``, with only marks and spaces between?"""
        k = bisect_right(self.quote_ends, pos) - 1
        if k < 0:
            return False
        gap = self.text[self.quote_ends[k] : pos]
        return not any(ch.isalnum() for ch in gap) and len(gap) < 6

    def _relative_that(self, toks: list[_Tok], cue_end_i: int, start: int) -> bool:
        """Does the content found after a cue start with a relative clause on a noun of an
        adjunct ("said in a documentary that showed ...", "said of a list that included ...")
        rather than a 'that' clause of the cue?"""
        m = next((x for x in range(cue_end_i + 1, len(toks)) if toks[x].start >= start), -1)
        if m < cue_end_i + 3 or toks[m - 1].low != "that" or not toks[m - 2].word:
            return False
        verb = toks[m]
        return verb.word and not verb.text[:1].isupper() and _finite_verb(verb)

    def _quote_before(self, toks: list[_Tok], left: int) -> bool:
        """Does a quote end just before token ``left``, set off by a comma or a closing mark
        ("“A,” he said", "“A” - he said")?"""
        j = left - 1
        sep = False
        while j >= 0 and toks[j].quote < 0 and not toks[j].word:
            if toks[j].low in (",", "—", "–", "-") or toks[j].low in _MARK_CHARS:
                sep = True
            elif toks[j].low not in ("?", "!"):
                return False
            j -= 1
        if not (sep and j >= 0 and toks[j].quote >= 0):
            return False
        # the quote opens the sentence, or is not a short title after words of narration
        # ("In an interview on CBS's “Face the Nation,” Ryan said the ...")
        q = toks[j]
        return not any(x.word for x in toks[:j]) or len(self.text[q.start : q.end].split()) > 4

    @staticmethod
    def _colon_quote_after_adverb(region: list[_Tok]) -> bool:
        """Is ``region`` (what follows a cue) an adverb or two, a colon and a quote ("answered
        simply: “...”", "fired back forcefully: “...”")? Then the quote is the content."""
        for i, x in enumerate(region[:3]):
            if x.low == ":":
                # (the opening mark is a token of its own before the quoted words)
                return i > 0 and any(y.quote >= 0 for y in region[i + 1 : i + 3])
            if not x.word:
                return False
        return False

    def content_before(self, toks: list[_Tok], left: int) -> tuple[int, int] | None:
        """Content ending just before the subject ("...,” Pompeo said", "..., sources said")."""
        j = left - 1
        saw_sep = False
        while j >= 0 and not toks[j].word and toks[j].quote < 0:
            if toks[j].low in (",", ":") or toks[j].low in _MARK_CHARS or toks[j].low in "—–-":
                saw_sep = True
            j -= 1
        if j < 0 or not saw_sep and toks[j].quote < 0:
            return None
        desc = self._description_before(toks, j)
        if desc is not None:
            # "“A,” the opposition leader, Tomas Ferreol, said": the description set off
            # before the name is part of the subject, the quote before it the content
            return self.content_before(toks, desc)
        end = j
        # include closing marks right after the last content token
        k = end + 1
        while k < left and toks[k].low in _MARK_CHARS:
            end = k
            k += 1
        # at least three words, or a quote (stop counting as soon as either is found)
        n = 0
        for x in toks[: end + 1]:
            if x.quote >= 0:
                n = 3
                break
            if x.word:
                n += 1
                if n >= 3:
                    break
        if n < 3:
            return None
        # a dialogue dash opening the sentence ("– The ferries will run, said ...") is
        # no part of the words
        first = 1 if toks[0].low in ("–", "—") and end > 0 else 0
        if (
            toks[first].low in _PREPOSITIONS
            and not (first < end and toks[first + 1].low[:1].isdigit())
            and not any(x.quote >= 0 or x.low in (",", ";", ":") for x in toks[first : end + 1])
        ):
            # "In remarks to supporters in Kessel, she promised ...": an adjunct (but "About
            # 9.9 million mothers live in Corvale, according to ..." is a clause)
            return None
        return toks[first].start, toks[end].end

    def _appositive_name(self, toks: list[_Tok], b: int, n: int) -> tuple[int, int] | None:
        """A name set off by a comma after the description ending at token ``b`` and
        closing the sentence or followed by a comma ("the port spokesman, Ondra Valsek."):
        its first and last token."""
        a = b + 2
        if a >= n or toks[b + 1].low != "," or not toks[a].word or not toks[a].text[:1].isupper():
            return None
        e = _name_run_end(toks, a, n)
        if e + 1 < n and toks[e + 1].low not in (",", ".", "!", "?", ";"):
            return None
        words = [x.text for x in toks[a : e + 1] if x.word]
        return (a, e) if looks_like_name(words) else None

    def _description_before(self, toks: list[_Tok], j: int) -> int | None:
        """Token ``j`` ends a description of a person that opens after a separator ("...,”
        the opposition leader, | Name", "..., the mayor of Corvale, | Name"): the index of
        its determiner, else None."""
        k = j
        role = False
        while k > 0 and j - k < 8 and toks[k].word and toks[k].quote < 0:
            if toks[k].low in ("the", "a", "an", "his", "her", "its", "their", "our"):
                prev = toks[k - 1]
                if (
                    role
                    and k < j
                    and not prev.word
                    and (prev.low in (",", ":") or prev.low in _MARK_CHARS)
                ):
                    return k
                return None
            role = role or fold(toks[k].low) in ROLE_HEADS
            k -= 1
        return None

    def _author_after(self, toks: list[_Tok], k: int) -> tuple[int, int, str] | None:
        """After "according to", a document made by someone ("calculations by X", "a post
        from X", "a court document filed by X", "interviews with X"): X (first, last, type)."""
        n = len(toks)
        m = k
        while (
            m < n and m - k < 7 and toks[m].word and (toks[m].text.islower() or _time_word(toks[m]))
        ):
            if toks[m].low in ("by", "from", "with"):
                break
            m += 1
        if m == k or m + 1 >= n or toks[m].low not in ("by", "from", "with"):
            return None
        lk = m - 1
        while lk > k and (_time_word(toks[lk]) or toks[lk].low in ("on", "in", "last", "this")):
            lk -= 1  # "a poll released on Friday by X": the time phrase is left out
        last = toks[lk].low
        if not any(x.low in _MADE_NOUNS for x in toks[k:m]) or not (
            last in _MADE_NOUNS or last.endswith("ed") and toks[m].low == "by"
        ):
            return None  # "a person familiar with X", "lawyers with X": not a document
        if toks[m].low == "with" and last not in ("interview", "interviews"):
            return None
        got = self.np_right(toks, m + 1, n)
        if got is None or not (toks[m + 1].text[:1].isupper() or toks[m + 1].low in DETERMINERS):
            return None
        return m + 1, got[0], got[1]

    def according(self, toks: list[_Tok], i: int, sent: int) -> _Frame | None:
        n = len(toks)
        got = self.np_right(toks, i + 2, n)
        if got is None:
            return None
        b, mtype = got
        ment_toks = toks[i + 2 : b + 1]
        by = self._author_after(toks, i + 2)
        if by is not None:
            # "according to calculations by Amy Glasmeier", "according to a recent report
            # from Bloomberg New Energy Finance": who made the document
            ment_toks, (b, mtype) = toks[by[0] : by[1] + 1], (by[1], by[2])
        elif (
            b + 2 < n
            and toks[b + 1].low == "by"
            and (_participle(toks[b]) or toks[b].low in ("seen", "obtained"))
        ):
            # "according to a draft seen by Velmark Press, ...", "documents obtained by the
            # Herald": the document is the source, whoever saw it part of its description
            seen = self.np_right(toks, b + 2, n)
            if seen is not None:
                # up to the comma (or the sentence's end) that closes the source ("a
                # complaint filed by the Commission and a 15-count complaint by Kessel, ...")
                k = seen[0] + 1
                while (
                    k < n
                    and k - seen[0] <= 15
                    and toks[k].word
                    and toks[k].quote < 0
                    and not _finite_verb(toks[k])
                ):
                    k += 1
                if k >= n or toks[k].low in (",", ".", ";", ":"):
                    b = k - 1
                    ment_toks = toks[i + 2 : b + 1]
        cue = (toks[i].start, toks[i + 1].end)
        after_np = toks[b + 1].low if b + 1 < n else ""
        if i == 0 or (after_np == "," and toks[i - 1].low == "," and self._intro_only(toks, i - 1)):
            k = b + 1
            while k < n and toks[k].low in (",", ":"):
                k += 1
            k = self._past_appositive(toks, k, after_np)
            content = self.content_after(toks, k, "")
        else:
            content = self.content_before(toks, i)
        if content is None:
            return None
        return _Frame(
            cue,
            (ment_toks[0].start, ment_toks[-1].end),
            mtype,
            content,
            sent,
            ment_toks,
            self._region_toks(toks, content),
        )

    def _past_appositive(self, toks: list[_Tok], k: int, after_np: str) -> int:
        """After "According to X," the start of the content, past an appositive of X
        ("According to Tomas Ferreol, the harbour master, the port lost money"): a
        description of at most six words opening with an article, closed by a comma, and
        followed by a clause of three words or more that is no relative clause."""
        if after_np != "," or k >= len(toks) or toks[k].low not in ("the", "a", "an"):
            return k
        j = k
        while j < len(toks) and j - k <= 6 and toks[j].word and toks[j].quote < 0:
            j += 1
        if j >= len(toks) or toks[j].low != "," or j - k > 6:
            return k
        rest = [x for x in toks[j + 1 :] if x.word]
        if len(rest) < 3 or rest[0].low in _RELATIVES or rest[0].low in CUE_FORMS:
            return k
        if j + 2 < len(toks) and toks[j + 1].word and toks[j + 2].low in ("and", "or", ","):
            # "According to a statement, the crossings at Dorna, Fell and Brisk will
            # reopen": the comma goes on with a list, it closes no appositive
            return k
        return j + 1

    def _intro_only(self, toks: list[_Tok], comma: int) -> bool:
        """Is everything before ``comma`` an introductory phrase ("In Kessel,")?"""
        words = [x for x in toks[:comma] if x.word]
        return len(words) <= 4 and (
            not words
            or words[0].low in _PREPOSITIONS | {"however", "meanwhile", "still", "but", "and"}
        )

    # -- statements ------------------------------------------------------------------------
    def emit(self, frame: _Frame, para: int) -> None:
        if frame.mtype == "inherited":
            carried = frame.base
            ent = carried.entity if carried is not None else frame.entity
            if (
                carried is not None
                and ent is None
                and carried.content is None
                and carried.ment_toks
            ):
                # the frame carried on made no statement itself ("Valsek hit back,
                # saying ..."): its subject is resolved here
                ent = carried.entity = self.resolve(
                    carried.ment_toks, carried.mtype, carried.cue[0], para
                )
        elif frame.mtype == "pronoun" and frame.entity is not None:
            ent = frame.entity  # the subject of its own sentence (_sentence_antecedent)
        else:
            ent = self.resolve(frame.ment_toks, frame.mtype, frame.cue[0], para)
        frame.entity = ent
        if self.transcript_speaker is not None:
            name = self.transcript_resolve(frame, para)
        else:
            name = ent.name if ent is not None else None
        mention = None
        if frame.mention:
            ma, mb = frame.mention
            base = PRONOUN_BASE.get(self.text[ma:mb].lower())
            if base is not None:
                mb = ma + len(base)  # "I’ve said", "he’ll": the pronoun, not its verb
            mention = Marked(self.text[ma:mb], ma, mb)
        cue = Marked(self.text[frame.cue[0] : frame.cue[1]], *frame.cue)
        assert frame.content is not None
        region = frame.content
        rtoks = frame.region_toks
        qidx: list[int] = []
        seen: set[int] = set()  # a set beside the list: a region may hold thousands of quotes
        for x in rtoks:
            if x.quote >= 0 and x.quote not in seen and x.quote not in self.quote_owner:
                seen.add(x.quote)
                qidx.append(x.quote)
        others = [x for x in rtoks if x.word and x.quote < 0]
        direct = bool(qidx) and self._only_framing(rtoks, others)
        if not direct and self.transcript_speaker is None:
            s, e = region
            while e > s and self.text[e - 1] in _TERMINAL and not self._inside_quote(e - 1):
                e -= 1
            if e > s:
                pieces = [(s, e)]
                if frame.gap is not None and s < frame.gap[0] and frame.gap[1] < e:
                    g0, g1 = frame.gap
                    while g1 < e and self.text[g1].isspace():
                        g1 += 1
                    pieces = [(s, g0), (g1, e)]
                st = Statement("indirect", s, e, pieces, name, mention, cue)
                self.out.append(st)
                # a mixed quote: the quoted fragments are part of this one statement, not
                # statements of their own nested inside it
                for qi in qidx:
                    self.quote_owner[qi] = st
                qidx = []
        for qi in qidx:
            q = self.quotes[qi]
            spans = [self._trim(s, e) for s, e in q.spans]
            spans = [sp for sp in spans if sp[1] > sp[0]]
            if not spans:
                continue
            st = Statement("direct", spans[0][0], spans[-1][1], spans, name, mention, cue)
            self.out.append(st)
            self.quote_owner[qi] = st
        if ent is not None and frame.mtype == "name":
            ent.person = True
        if ent is not None and self.transcript_speaker is None and ent.person:
            self.last_speaker = (ent, para)
            self.last_subject = (ent, para)
            self.named_at = frame.cue[0]
        verb = CUE_FORMS.get(cue.text.lower())
        if verb == "ask" and self.transcript_speaker is None:
            asked = self._addressee_person(cue.end, region[0])
            if asked is not None:
                # "A reporter asked Ondra Valsek how he felt. He replied: ...": the person
                # asked answers next
                self.last_subject = (asked, para)
                self.named_at = max(self.named_at, cue.end)
        if (
            ent is None
            and frame.mtype in ("generic", "role")
            and _unnamed_person(frame.ment_toks)
            and verb not in ("ask", "question", "press")
            and not _NAME_THEN_COMMA.search(
                self.text, max(0, frame.ment_toks[0].start - 40), frame.ment_toks[0].start
            )
        ):
            # (not "Sexton, a creative writing professor, said": an appositive of a name; not
            # "an Iowa voter asked if she ...": the next words are the answer, someone else's)
            self.unnamed_at = (para, frame.cue[0], max(frame.cue[1], region[1]))
        self.last_statement_para = para

    def _addressee_person(self, a: int, b: int) -> Entity | None:
        """The known person named right after a cue, before its content at ``b`` ("asked
        Ondra Valsek | how he felt")."""
        m = _CAP_RUN_AT.match(self.text, a, b)
        if m is None:
            return None
        return self._known_person(m.group(1).split(), m.start(1))

    def _person_named_in(self, a: int, b: int) -> bool:
        """Is a known person named in ``text[a:b]`` ("A reporter asked Sanders how he felt":
        after the unnamed reporter's cue)?"""
        for m in _CAP_WORD.finditer(self.text, a, b):
            if self.reg.known_surname(fold(m.group())):
                return True
        return False

    def _inside_quote(self, pos: int) -> bool:
        return False

    def _only_framing(self, rtoks: list[_Tok], others: list[_Tok]) -> bool:
        if not others:
            return True
        if all(x.low == "that" for x in others):
            return True
        # adverbials set off by commas before the quote: "said, back in 2006, “...”"
        first_q = next(k for k, x in enumerate(rtoks) if x.quote >= 0)
        if any(x.word and x.quote < 0 for x in rtoks[first_q:]):
            return False
        k = first_q - 1
        while k >= 0 and rtoks[k].low in _MARK_CHARS:
            k -= 1
        return k >= 0 and rtoks[k].low in _SPEECH_INTRO

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        text = self.text
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return s, e

    # -- transcripts -----------------------------------------------------------------------
    def transcript_resolve(self, frame: _Frame, para: int) -> str | None:
        words = [PRONOUN_BASE.get(t.low, t.low) for t in frame.ment_toks if t.word]
        if not words:
            return None
        if frame.mtype == "pronoun":
            if words[0] in ("he", "she"):
                named = self._named_in_turn(frame, para, words[0])
                if named is not None:
                    # "The old mayor, Ilsa Brandt, never answered. She said in 2019, “...”":
                    # the person this turn just named, not the other debater
                    return named
                named = self._named_in_question(frame, para, words[0])
                if named is not None:
                    return named
                return self.transcript_other
            if words[0] == "i":
                return self.transcript_speaker
            if words[0] == "you":
                # "Mr. Valsek, you said last year that ...": the person addressed
                return self._addressed_in_turn(frame, para) or self.transcript_other
            return None
        if words[-1] in _OPPONENTS and words[0] == "your":
            # "Mayor, your opponent says ...": the addressee's opponent, not the addressee
            you = self._addressed_in_turn(frame, para) or self.transcript_other
            if you in self.debaters and self.transcript_speaker not in self.debaters:
                return self.debaters[1] if you == self.debaters[0] else self.debaters[0]
            return None
        if words[-1] in _OPPONENTS and (words[0] in ("my", "i") or len(words) == 2):
            return self.transcript_other  # "My opponent said ...": the other debater
        if frame.entity is not None:
            ent = frame.entity
            for label in self.labels:
                if fold(label) == ent.words[-1] or fold(label).split()[-1:] == ent.words[-1:]:
                    return label
            return ent.name
        return None

    def _addressed_in_turn(self, frame: _Frame, para: int) -> str | None:
        """The person turn ``para`` addresses by name before ``frame``'s "you" ("Mr.
        Valsek, you said ...", "Senator Brandt, you told this committee ..."), if the text
        knows them."""
        if frame.mention is None:
            return None
        best: str | None = None
        for m in _VOCATIVE.finditer(self.text, self._para_start(para), frame.mention[0]):
            ent = self.reg.resolve_name(m.group(1).split(), m.start(1), create=False)
            if ent is not None:
                best = ent.name
        return best

    def _named_in_question(self, frame: _Frame, para: int, pronoun: str) -> str | None:
        """The person the host's line just before named, when this line names no one
        before its pronoun: "The mayor, Ilsa Brandt, says it is." / "She said, “...”" is
        Ilsa Brandt, whom the host just brought up, not the host. The host is who speaks
        first (a debate's moderator, a podcast's host); after a debater's line "he" is
        still that debater. Only a person the line names alone (of the pronoun's gender if
        known), none of the two speakers."""
        if (
            frame.mention is None
            or not self.labels  # (not quotes inside a quote: see _nested_quotes)
            or not 0 < para < len(self.block_speakers)
        ):
            return None
        prev_speaker = self.block_speakers[para - 1][0] or ""
        if (
            not self.transcript_speaker
            or prev_speaker == self.transcript_speaker
            or prev_speaker != (self.block_speakers[0][0] or "")  # ("Q:" asks: "" for both)
        ):
            return None
        lo, hi = self.paragraphs[para - 1]
        gender = _PERSON_PRONOUNS.get(pronoun)
        speakers = {
            fold(w).split()[-1] for w in (self.transcript_speaker or "", prev_speaker) if w.strip()
        }
        found = {
            e.name
            for e in self.reg.named_near(lo, hi)
            if e.full
            and e.person
            and e.words[-1] not in speakers
            and lo <= e.last_before(hi) < hi
            and (e.gender is None or e.gender == gender)
        }
        return found.pop() if len(found) == 1 else None

    def _named_in_turn(self, frame: _Frame, para: int, pronoun: str) -> str | None:
        """The last person named in full earlier in turn ``para``, before ``frame``'s
        pronoun, whose gender fits it and who is not the turn's speaker; None when there is
        none."""
        if frame.mention is None:
            return None
        pos = frame.mention[0]
        start = self._para_start(para)
        gender = _PERSON_PRONOUNS.get(pronoun)
        me = fold(self.transcript_speaker or "").split()[-1:]
        best: Entity | None = None
        best_pos = -1
        # (only those named in the turn before pos can be: see named_near)
        for e in self.reg.named_near(start, pos - 1):
            if not e.full or e.words[-1:] == me:
                continue
            lp = e.last_before(pos)
            if lp >= start and lp > best_pos and (e.gender is None or e.gender == gender):
                best, best_pos = e, lp
        return best.name if best is not None else None

    # -- driver ----------------------------------------------------------------------------
    def run_blocks(self, blocks: list[tuple[int, int]], quotes_only: bool = False) -> None:
        self.paragraphs = blocks
        self.prepare(blocks)
        masked = self.masked
        # quotes and cues per block
        q_by_para: dict[int, list[int]] = {}
        for qi, q in enumerate(self.quotes):
            if q.paragraphs:
                q_by_para.setdefault(q.paragraphs[0], []).append(qi)
        self.last_statement_para = -10
        # every cue word of the text in one pass; "strong" ones may start a frame
        lo = blocks[0][0] if blocks else 0
        hi = blocks[-1][1] if blocks else 0
        cue_all: list[int] = []
        cue_strong: list[int] = []
        for cs, ce in cue_spans(masked, lo, hi):
            cue_all.append(cs)
            if self._strong_cue(masked[cs:ce], cs, ce):
                cue_strong.append(cs)
        for pi, (ps, pe) in enumerate(blocks):
            # a transcript: each line has its speaker (none for a generic label)
            if self.block_speakers:
                self.transcript_speaker, self.transcript_other = self.block_speakers[pi]
            has_quote = pi in q_by_para
            has_cue_here = _any_in(cue_all, ps, pe)
            pending: list[_Frame] = []
            para_frames: list[_Frame] = []
            prev_sent_statement = False
            sents = (
                self.sentences(ps, pe)
                if (has_cue_here or has_quote or self.last_statement_para >= pi - 1)
                else []
            )
            if not sents and not quotes_only:
                self._note_subject(ps, pe, pi)
            for si, (ss, se) in enumerate(sents):
                frames: list[_Frame] = []
                # only cue words start frames: a sentence with none is never tokenised
                a = bisect_left(cue_strong, ss)
                b = bisect_left(cue_strong, se, a)
                if a < b:
                    toks = self.tokens(ss, se)
                    frames = self.frames(toks, si, cue_strong[a:b])
                    if quotes_only:
                        frames = [
                            f
                            for f in frames
                            if f.content is None or any(x.quote >= 0 for x in f.region_toks)
                        ]
                made = False
                main_subject = False
                for f in frames:
                    if f.content is None:
                        pending.append(f)
                        if self._attach_pending(f, pi, ss):
                            continue
                        if f.fallback is not None:
                            f.content = f.fallback
                            self.emit(f, pi)
                            para_frames.append(f)
                            made = True
                        elif _only_colon(self.text, f.cue[1], pe):
                            # "17-year-old Jared Potts echoed:" + a quoted paragraph
                            self.colon_frame = (pi, f)
                        continue
                    self.emit(f, pi)
                    para_frames.append(f)
                    made = True
                    main_subject = main_subject or not f.relative
                if made and not main_subject and not quotes_only:
                    # only a relative clause inside the sentence spoke ("Schlafly refused to
                    # repudiate politicians, like Pat Robertson, who had condemned ..."): the
                    # sentence's own subject stays the one in focus
                    self._note_subject(ss, se, pi)
                if not made and not quotes_only:
                    if not frames:
                        made = self._continuation(ss, se, pi, prev_sent_statement)
                    if not made:
                        # a cue that gave no statement ("Trump has also commented on
                        # Crutcher's death."): its subject is still the one in focus
                        self._note_subject(ss, se, pi)
                prev_sent_statement = made
            self._leftover_quotes(q_by_para.get(pi, []), pi, quotes_only)

    def _strong_cue(self, word: str, s: int, e: int) -> bool:
        """Can the cue word at ``s`` start a frame?  The cheap tests of :meth:`cue_frame` on
        raw text, so that sentences whose only cues are nouns ("the state", "a tweet") or
        particle-less verbs ("the point") are never tokenised."""
        if word in ("according", "According"):
            return True
        verb = CUE_FORMS[word]
        masked = self.masked
        if verb == "ask" and _ANONYMITY.match(masked, e):
            return False  # "a worker, who asked not to be named, said": no statement
        if word == "state":
            # after a verb of saying, a noun: "told state broadcaster NRK1", "said in state
            # media", "according to state media" ("told" has no bare "state" for object)
            said = masked[max(0, s - 16) : s].split()[-1:]
            if said and said[0].lower() in CUE_FORMS:
                return False
        if verb in NEEDS_PARTICLE or verb in QUOTE_ONLY:
            m = _NEXT_TOKEN.match(masked, e)
            if m is None:
                return False
            nxt = m.group(1)
            if verb in NEEDS_PARTICLE:
                if nxt.lower() not in NEEDS_PARTICLE[verb]:
                    return False
            elif not (
                nxt in (",", ":")
                or nxt in _MARK_CHARS
                or nxt in _TERMINAL
                or m.start(1) in self.piece_at
                or _QUOTE_THEN.search(masked, max(0, s - 100), s)
                or verb in _POST_VERBS
                and _POST_THAT.match(masked, e, e + 80) is not None
            ):
                return False
        elif word in _NOUN_FORMS:
            # "claims of fraud", "states like Ohio": a noun, not a verb of saying
            m = _NEXT_TOKEN.match(masked, e)
            if m is not None and m.group(1).lower() in ("of", "like", "such"):
                return False
            if word == "state" and m is not None and m.group(1)[:1].isupper():
                return False  # "South Carolina state Reps. Justin Bamberg": a noun
        before = masked[max(0, s - 24) : s].split()
        if before:
            prev = before[-1].lower()
            if prev == "to" and _raising_len([w.lower() for w in before[-5:-1]]):
                return True  # "went on to say", "was quick to add"
            if prev == "as" and _quoted_as(masked[max(0, s - 90) : s].lower().split()[-10:-1]):
                return True  # "was quoted as saying", "was quoted by the Herald as saying"
            if word in _SPEECH_NOUNS and (prev in _POSSESSIVE_BASE or prev.endswith(("’s", "'s"))):
                return True  # "her remark that ...", "Trump's claim that ..."
            if prev in _REJECT_PREV or prev.endswith(("’s", "'s", "n’t", "n't")):
                return False
        return True

    def _has_piece(self, s: int, e: int) -> bool:
        """Does a piece of some quote start in ``[s, e)``?  (A bisection: a paragraph of a
        thousand quotes must not make every sentence scan them all.)"""
        return _any_in(self.span_starts, s, e)

    def _attach_pending(self, f: _Frame, pi: int, sent_start: int) -> bool:
        """A bare "Ross said." after a quote: the quote just before is Ross's."""
        # the last unowned quote ending in this paragraph before the sentence (quotes do
        # not overlap, so their ends are in order)
        ends = self.quote_ends
        para_start = self.paragraphs[pi][0]
        k = bisect_right(ends, sent_start) - 1
        while k >= 0 and ends[k] >= para_start and k in self.quote_owner:
            if any(ch.isalnum() for ch in self.text[ends[k] : sent_start]):
                return False  # words stand between any earlier quote and this sentence
            k -= 1
        if k < 0 or ends[k] < para_start:
            return False
        qi = k
        q = self.quotes[qi]
        # only whitespace and marks between the quote and this sentence
        gap = self.text[q.spans[-1][1] : sent_start]
        if any(ch.isalnum() for ch in gap):
            return False
        f.content = q.spans[-1]
        f.region_toks = [_Tok(q.spans[0][0], q.spans[-1][1], "", "", False, qi)]
        self.emit(f, pi)
        return True

    def _continuation(self, ss: int, se: int, pi: int, prev_statement: bool) -> bool:
        """A first-person sentence right after a reported statement carries it on."""
        if not prev_statement or not self.out:
            return False
        last = self.out[-1]
        if last.kind != "indirect" or last.speaker is None:
            return False
        if self._has_piece(ss, se):
            return False
        if FIRST_PERSON_RE.search(self.masked, ss, se) is None:
            return False
        st = Statement("indirect", ss, se, [(ss, se)], last.speaker, last.mention, None)
        self.out.append(st)
        return True

    def _note_subject(self, ss: int, se: int, pi: int) -> None:
        """Remember a named person opening a sentence: the salient subject for "he"/"she"."""
        best: Entity | None = None
        m = _SUBJECT.match(self.masked, ss, se)
        if m is not None:
            e1 = m.end(1)
            r = (
                _ROLE_THEN_CAP.match(self.masked, e1, se)
                if self.masked[e1 + 1 : e1 + 2].islower()
                else None
            )
            if r is not None and any(fold(w) in ROLE_HEADS for w in r.group().split()):
                # "McConnell spokesman Don Stewart wouldn't say": the spokesman is the subject
                m = _SUBJECT.match(self.masked, r.end(), se) or m
            elif r is not None and self._describes_next(m.group(1).split(), r.group().split()):
                # "Tennis great Billie Jean King remembered ...", "Florida developer Mel
                # Sembler expressed dismay": a description, then a person named in full
                m2 = _SUBJECT.match(self.masked, r.end(), se)
                if m2 is not None:
                    ent = self._known_person(m2.group(1).split(), r.end())
                    if ent is not None and ent.full:
                        m = m2
            words = m.group(1).split()
            if words[-1].endswith(("’s", "'s")):
                # a possessor opening the sentence is its topic too ("Carson’s renewed ...")
                words[-1] = words[-1][:-2]
            if len(words) > 1 and fold(words[0]) in _LEADING_COORDINATORS:
                # "But Christie wasn't having it.", "And Obama, for all ..., seems to agree."
                words = words[1:]
            if words and fold(words[0]) not in _NOT_SUBJECT:
                best = self._known_person(words, ss) or best
        ap = _OPEN_ROLE_APPOSITIVE.match(self.masked, ss, se)
        if ap is None and self.masked[ss : ss + 12].lstrip().startswith(("One", "Only", "Another")):
            ap = _OPEN_ONE_APPOSITIVE.match(self.masked, ss, se)
        if ap is not None:
            # "Solberg's first mate, Ruth Aas, has worked ...", "The regional minister, Dag
            # Elvebakk, disagrees.": the name set off by commas is the subject, not the
            # possessor
            best = self._known_person(ap.group(1).split(), ap.start(1)) or best
        masked = self.masked
        if best is None:
            # "Asked whether she would resign, the prime minister did not answer directly.",
            # "The governor declined to comment.": a role its holder is known by
            r = _ROLE_SUBJECT.match(masked, ss, se)
            if r is None and _FRONTED_QUESTION.match(masked, ss, se):
                c = masked.find(", the ", ss, se)
                r = _ROLE_SUBJECT.match(masked, c + 2, se) if c > 0 else None
            if r is not None:
                words = r.group(1).split()
                i = len(words) - 1
                while i > 0 and fold(words[i]) not in ROLE_HEADS:
                    i -= 1
                if i > 0:
                    # (as a speaker's description is: "The Vermont senator is struggling
                    # ...": the person in focus it fits, when no one holds it by name)
                    desc = words[: i + 1]
                    best = self._definite_description(desc, " ".join(desc), r.start(1), pi)
        # a later clause's subject takes the focus: "..., but Christie wasn't having it."
        for o in _CLAUSE_OPENER.finditer(masked, ss + 1, se):
            if (
                best is not None
                and masked[o.start() : o.start() + 1].isalpha()
                and masked[o.start() : o.end()].split()[0] in _SUBORDINATE_OPENERS
            ):
                # "Trump took offense when Kelly confronted him": a subordinate clause's
                # subject does not take the focus from the sentence's own
                continue
            ap2 = _OPEN_ROLE_APPOSITIVE.match(masked, o.end(), se)
            if ap2 is not None:
                # "After the results were in, Sanders's campaign manager, Jeff Weaver,
                # appeared ...": the name set off by commas, as at the sentence's opening
                got = self._known_person(ap2.group(1).split(), ap2.start(1))
                if got is not None:
                    best = got
                    continue
            m = _CAP_SUBJECT.match(masked, o.end(), se)
            if m is None and masked[o.end() : o.end() + 40].find(",") > 0:
                # "Reached by POLITICO, Hammond, the Indiana national committeeman,
                # hesitated ...": a name, its appositive, then the verb
                m = _CAP_APPOSITIVE.match(masked, o.end(), se)
            if m is None or m.group(2) in _NOT_VERB_AFTER:
                continue
            words = m.group(1).split()
            if not words or fold(words[0]) in _NOT_SUBJECT:
                continue
            later = self._described_person(words, m.end(1), se, verb=True)
            if later is not None:
                # "Just a few months ago, Florida developer Mel Sembler expressed dismay":
                # a description, then the person named in full, after a fronted phrase
                best = later
                continue
            if words[-1].endswith(("’", "'", "’s", "'s")):
                # a possessor is the clause's topic ("Indeed, Francis' message is ..."), not
                # when it holds a role ("..., Sanders's campaign manager, Jeff Weaver, ...")
                rest = masked[m.start(2) : m.start(2) + 40].split(",")[0].split()[:3]
                if any(fold(w) in ROLE_HEADS for w in rest):
                    continue
                words[-1] = words[-1].removesuffix("s")[:-1]
            best = self._known_person(words, m.start(1)) or best
        if best is not None:
            self.last_subject = (best, pi)
            self.named_at = max(self.named_at, best.last_before(se))

    def _described_person(
        self, caps: list[str], e1: int, se: int, verb: bool = False
    ) -> Entity | None:
        """The person named in full right after capitalised ``caps`` (ending at ``e1``) and
        the lower-case words of a description ("Florida developer Mel Sembler"), if any;
        ``verb``: only with a verb right after the name (inside a sentence "..., his wife,
        Democratic presidential nominee Hillary Clinton, over ..." is an appositive)."""
        masked = self.masked
        if not masked[e1 + 1 : e1 + 2].islower():
            return None
        r = _ROLE_THEN_CAP.match(masked, e1, se)
        if r is None or not self._describes_next(caps, r.group().split()):
            return None
        m2 = (_CAP_SUBJECT if verb else _SUBJECT).match(masked, r.end(), se)
        if m2 is None or verb and m2.group(2) in _NOT_VERB_AFTER:
            return None
        ent = self._known_person(m2.group(1).split(), r.end())
        return ent if ent is not None and ent.full else None

    def _describes_next(self, caps: list[str], lows: list[str]) -> bool:
        """Are capitalised ``caps`` and lower-case ``lows`` opening a sentence a description
        of whoever is named next ("Tennis great", "Florida developer"), not a subject and its
        verb ("Brandt praised", "Voters love")?  One or two words, no verb form, and the
        capitalised words no known person."""
        if len(lows) > 2 or len(caps) > 2:
            return False
        for w in lows:
            if w in _NP_STOP or w in CUE_FORMS or w.endswith(("ed", "ing")) or w in _FINITE_AUX:
                return False
        first = fold(caps[0])
        if caps[-1].endswith(("’s", "'s")) or first in _NOT_SUBJECT or first in _PREPOSITIONS:
            return False
        return self._known_person(caps, 0) is None

    def _leftover_quotes(self, qis: list[int], pi: int, quotes_only: bool) -> None:
        prev_owner: Statement | None = None
        prev_q: int | None = None
        for qi in qis:
            q = self.quotes[qi]
            owner = self.quote_owner.get(qi)
            if owner is not None:
                prev_owner, prev_q = owner, qi
                continue
            spans = [self._trim(s, e) for s, e in q.spans]
            spans = [sp for sp in spans if sp[1] > sp[0]]
            if not spans:
                continue
            nxt = self.quote_owner.get(qi + 1)
            if nxt is not None and self._leads_into(q, nxt):
                # “A,” Orrel said, “B.”: the frame took B after its comma; A is its first half
                nxt.spans[:0] = spans
                nxt.start = spans[0][0]
                self.quote_owner[qi] = nxt
                prev_owner, prev_q = nxt, qi
                continue
            words = len(self.text[spans[0][0] : spans[-1][1]].split())
            signed = (
                self._dash_signature(pi, q)
                or self._put_it_lead(pi, q)
                or self._words_of_lead(pi, q)
                or self._dash_lead(pi, q)
                or self._name_colon_lead(pi, q)
                if words >= 4 and not quotes_only
                else None
            )
            if (
                signed is None
                and prev_owner is not None
                and prev_owner.kind == "direct"
                and prev_q is not None
                and (q.resumed or words >= 4 or self._whole_sentence(q, spans))
            ):
                # split quote: “A,” she said. “B.” / dash-continued: ... said. – B.”
                prev_owner.spans.extend(spans)
                prev_owner.end = spans[-1][1]
                self.quote_owner[qi] = prev_owner
                prev_q = qi
                continue
            if quotes_only:
                continue
            if words < 4:
                # a short quote is a statement only when a sentence opening with the verb
                # leads right into it ("Said Pohl: “Never.”"), not a scare quote
                src = self._inverted_lead(pi, q)
                if src is None:
                    continue
            else:
                src = signed or self._trailing_subject(pi, q) or self._inverted_lead(pi, q)
            if src is None:
                inner = self._subject_speaker(pi, q)
                src = self._paragraph_speaker(pi, q)
                if src is None or (
                    inner is not None and src.speaker is not None and inner.speaker != src.speaker
                ):
                    # a quote inside a sentence whose subject is a person: theirs, before the
                    # paragraph's earlier speaker ("Valsek said ... Brandt gave her own
                    # verdict: “...”")
                    src = inner
            if src is None:
                src = self._beat_speaker(pi, q)
            if src is None:
                if words >= UNATTRIBUTED_MIN_WORDS:
                    # quoted words with no source in the text: a statement of unknown speaker
                    st = Statement("direct", spans[0][0], spans[-1][1], spans)
                    self.out.append(st)
                    self.quote_owner[qi] = st
                    prev_owner, prev_q = st, qi
                continue
            st = Statement(
                "direct", spans[0][0], spans[-1][1], spans, src.speaker, src.mention, src.cue
            )
            self.out.append(st)
            self.quote_owner[qi] = st
            prev_owner, prev_q = st, qi

    def _leads_into(self, q: Quote, st: Statement) -> bool:
        """Is ``q`` the first half of the direct statement ``st`` split by its attribution
        ("“A,” Orrel said, “B.”", "“A,” said Orrel, “B.”")?  The quote ends in a comma
        inside its marks, and only its closing marks and spaces stand between it and the
        attribution right after it."""
        if st.kind != "direct" or st.cue is None or not st.spans:
            return False
        end = q.spans[-1][1]
        lead = min(st.cue.start, st.mention.start if st.mention is not None else st.cue.start)
        if not end < lead < st.spans[0][0]:
            return False
        gap = self.text[end:lead]
        if any(not (ch.isspace() or ch in _MARK_CHARS or ch == ",") for ch in gap):
            return False
        return self.text[end - 1 : end] == "," or "," in gap

    def _whole_sentence(self, q: Quote, spans: list[tuple[int, int]]) -> bool:
        """Is the quote a sentence of its own ("... said Dorn. “Everyone should vote.”"),
        not a few words quoted inside another sentence?"""
        if q.open_mark < 1 or len(spans) != 1:
            return False
        before = self.text[max(0, q.open_mark - 3) : q.open_mark].rstrip()
        end = self.text[spans[0][1] - 1 : spans[0][1] + 1]
        return before[-1:] in (".", "!", "?") and any(ch in ".!?" for ch in end)

    def label_turns(self, blocks: list[tuple[int, int]]) -> None:
        """A transcript excerpt inside an article: a paragraph opening with an upper-case
        speaker label ("WALLACE: ...", quoted or not) is that speaker's turn, when the label
        names someone the article names ("PENCE:" for Mike Pence) or opens two paragraphs or
        more ("WALLACE:" twice; "JAKE TAPPER:" then "TAPPER:").  A quoted turn carries on over the following paragraphs
        that open with a quote mark and no label (the multi-paragraph quote convention).
        What the engine read there with no cue of its own (an unattributed quote, a
        continuation) gives way to the turn; a report nested in it stays."""
        text = self.text
        found: list[tuple[int, re.Match[str], str]] = []
        for pi, (ps, pe) in enumerate(blocks):
            if text[ps : ps + 1] not in _TURN_OPENERS:
                continue
            m = _TURN_LABEL.match(text, ps, pe)
            if m is None:
                continue
            label = " ".join(m.group(1).split())
            if names_speaker(label):
                found.append((pi, m, label))
        if not found:
            return
        counts: dict[str, int] = {}
        for _, _, label in found:
            last = label.split()[-1]  # "JAKE TAPPER:" then "TAPPER:"
            counts[last] = counts.get(last, 0) + 1
        labelled = {pi for pi, _, _ in found}
        turns: list[Statement] = []
        for pi, m, label in found:
            name = label_name(label)
            words = name.split()
            ent = self.reg.resolve_name(words, m.start(1), create=False)
            if ent is None:
                if counts[label.split()[-1]] < 2 or not looks_like_name(words):
                    continue
                ent = self.reg.add(name, m.start(1))
                if ent is None:
                    continue
            ent.person = True
            spans = [self._trim(m.end(), blocks[pi][1])]
            if text[blocks[pi][0]] in '“"':
                k = pi + 1
                while k < len(blocks) and k not in labelled and text[blocks[k][0]] in '“"':
                    ks, ke = blocks[k]
                    if _DIRECTION_LINE.fullmatch(text, ks + 1, ke):
                        break  # "(CROSSTALK.)": the turn is over
                    spans.append(self._trim(ks + 1, ke))
                    k += 1
            spans = [sp for sp in spans if sp[1] > sp[0]]
            if not spans:
                continue
            mention = Marked(text[m.start(1) : m.end(1)], m.start(1), m.end(1))
            colon = text.index(":", m.end(1))
            kind = "direct" if text[m.start()] in '“"' else "transcript"
            turns.append(
                Statement(
                    kind,
                    spans[0][0],
                    spans[-1][1],
                    spans,
                    ent.name,
                    mention,
                    Marked(":", colon, colon + 1),
                )
            )
        self._add_turns(turns)

    def _add_turns(self, turns: list[Statement]) -> None:
        """Add ``turns`` (sorted); what the engine read inside one with no cue of its own (an
        unattributed quote, a continuation) gives way to it, a report nested in it stays."""
        if not turns:
            return
        starts = [t.start for t in turns]

        def in_turn(st: Statement) -> bool:
            i = bisect_right(starts, st.end) - 1
            return i >= 0 and turns[i].start < st.end and st.start < turns[i].end

        self.out = [
            st
            for st in self.out
            if not (in_turn(st) and (st.cue is None or (st.speaker is None and st.mention is None)))
        ]
        for st in self.out:
            if (
                st.speaker is None
                and st.mention is not None
                and st.mention.text.lower() in ("i", "we")
                and in_turn(st)
            ):
                # "I say no." in an answer: the one who answers
                st.speaker = turns[bisect_right(starts, st.end) - 1].speaker
        self.out.extend(turns)

    def interview_answers(self, blocks: list[tuple[int, int]]) -> None:
        """An interview printed as bare questions and answers ("Why the floods?" then "My
        grandmother lived through them. ..."): the answers are the words of the one person
        the text names in full before the first question. Only when two questions or more
        stand as paragraphs of their own, every one answered, and half the answers or more
        speak in the first person. An answer paragraph that names the interviewee ("Orrel
        will read from the novel on May 9.") is the writer's again, up to the next question.
        """
        text = self.text
        if any(st.kind == "transcript" for st in self.out):
            return  # labelled turns ("BOLDUAN: Why not debate?") say who speaks
        qs = [pi for pi, (ps, pe) in enumerate(blocks) if _is_question(text, ps, pe)]
        if len(qs) < 2:
            return
        if any(_bold_para(text, *blocks[q]) for q in qs):
            # the interviewer's lines set in bold: one that asks nothing ("**Tomas Ferreol
            # wants to sell it.**") is the interviewer's too, not an answer
            qs = sorted(
                set(qs) | {pi for pi, (ps, pe) in enumerate(blocks) if _bold_para(text, ps, pe)}
            )
        first = blocks[qs[0]][0]
        named = [e for e in self.reg.entities if e.full and e.positions and e.positions[0] < first]
        # (not a title in quote marks: "Her novel, “High Water,” follows ...")
        people = [e for e in named if self.masked[e.positions[0]] == text[e.positions[0]]]
        if len(people) > 1:
            people = [e for e in people if e.person]
        if len(people) != 1:
            return
        who = people[0]
        own = re.compile(rf"(?<!\w){re.escape(who.name.split()[-1])}(?!\w)")
        answers: list[tuple[int, int]] = []
        for i, q in enumerate(qs):
            nxt = qs[i + 1] if i + 1 < len(qs) else len(blocks)
            got = []
            for ps, pe in blocks[q + 1 : nxt]:
                if own.search(text, ps, pe) or text[ps : ps + 1] in _MARK_CHARS:
                    break  # the writer's again (or a quote of someone's)
                got.append((ps, pe))
            if not got:
                return  # a question nobody answers: no interview
            answers.extend(got)
        if 2 * sum(FIRST_PERSON_RE.search(text, ps, pe) is not None for ps, pe in answers) < len(
            answers
        ):
            return
        at = who.positions[0]
        m = _NAME_AT.match(text, at)
        mention = Marked(m.group(), at, m.end()) if m else Marked(who.name, at, at + len(who.name))
        turns = [
            Statement("transcript", a, b, [(a, b)], who.name, mention, None)
            for a, b in (self._trim(ps, pe) for ps, pe in answers)
            if b > a
        ]
        self._add_turns(turns)

    def _dash_signature(self, pi: int, q: Quote) -> Statement | None:
        """A quote signed with a dash and a name, on its own line or the next paragraph
        ("“...” ― Sonya Herridge", "\"...\"" then "- Bernie Sanders."): the name speaks."""
        if q.close_mark < 0 or len(q.paragraphs) > 1:
            return None
        text = self.text
        ps, pe = self.paragraphs[pi]
        # no letter or digit between the line's start and the quote (read back from the
        # quote, not forward from the line's start: a paragraph that is one long line made
        # every quote copy and scan all of the line before it)
        k = q.open_mark
        while k > ps and text[k - 1] != "\n":
            k -= 1
            if text[k].isalnum():
                return None
        m = _DASH_SIGNATURE.match(text, q.close_mark + 1, pe)
        if (
            m is None
            and _NON_SPACE.search(text, q.close_mark + 1, pe) is None
            and pi + 1 < len(self.paragraphs)
        ):
            ns, ne = self.paragraphs[pi + 1]
            m = _DASH_SIGNATURE.match(text, ns, ne)
        if m is None:
            return None
        dash = Marked(m.group("dash"), m.start("dash"), m.end("dash"))
        return self._named_quote(q, m.group("name").rstrip("."), m.start("name"), dash)

    def _dash_lead(self, pi: int, q: Quote) -> Statement | None:
        """A quote after a dash, a name and a colon, as digests cite their sources ("POLLS
        NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “...”", "- More from
        Jones: “...”"): the name speaks."""
        if q.open_mark < 0:
            return None
        ps = self.paragraphs[pi][0]
        m = _DASH_LEAD.search(self.text, max(ps, q.open_mark - 80), q.open_mark)
        if m is None:
            return None
        name = m.group("name")
        words = name.split()
        first = words[: words.index("and")] if "and" in words else words
        ent = self.reg.resolve_name(first, m.start("name"))
        mention = Marked(name, m.start("name"), m.end("name"))
        colon = m.end("name")
        cue = Marked(":", colon, colon + 1)
        return Statement(
            "direct", q.open_mark, q.close_mark, [], ent.name if ent else None, mention, cue
        )

    def _name_colon_lead(self, pi: int, q: Quote) -> Statement | None:
        """A quote after a sentence that is only a known person's name and a colon, as
        transcripts and roundups set out who said what ("Clinton: “Our goal is ...”",
        "Rep. Trey Gowdy (R-S.C.): “...”", "Former secretary of state Hillary Rodham
        Clinton: “...”"): that person speaks."""
        if q.open_mark < 0 or ":" not in self.text[max(0, q.open_mark - 3) : q.open_mark]:
            return None
        sent = self._sentence_at(pi, q.open_mark)
        if sent is None:
            return None
        ss, se = sent
        if q.open_mark - ss > 120:
            return None
        m = _NAME_COLON_LEAD.fullmatch(self.text, ss, q.open_mark)
        if m is None:
            return None
        ent = self._known_person(m.group("name").split(), m.start("name"))
        if ent is None:
            return None
        mention = Marked(m.group("name"), m.start("name"), m.end("name"))
        colon = self.text.rindex(":", ss, q.open_mark)
        return Statement(
            "direct",
            q.open_mark,
            q.close_mark,
            [],
            ent.name,
            mention,
            Marked(":", colon, colon + 1),
        )

    def _put_it_lead(self, pi: int, q: Quote) -> Statement | None:
        """A quote right after "as X put it" and a comma or colon ("As Professor Dorn put it:
        “...”", "As Ilsa Brandt, the harbour master, put it in her memo, “...”"): X speaks."""
        if q.open_mark < 0:
            return None
        ps, pe = self.paragraphs[pi]
        p = self.text.rfind("put it", max(ps, q.open_mark - 240), q.open_mark)
        if p < 0:
            return None
        sent = self._sentence_at(pi, q.open_mark)
        if sent is None:
            return None
        ss, se = sent
        if p < ss:
            return None
        toks = self.tokens(max(ss, q.open_mark - 300), q.open_mark)
        k = len(toks) - 1
        while k > 0 and toks[k].low in _MARK_CHARS:
            k -= 1  # the first of two marks ('')
        if k < 4 or toks[k].low not in (",", ":"):
            return None
        put = k - 1
        while put > 0 and k - put <= 12 and toks[put].word and toks[put].quote < 0:
            if toks[put].low == "it" and toks[put - 1].low == "put":
                break
            put -= 1
        else:
            return None
        if toks[put].low != "it" or toks[put - 1].low != "put":
            return None
        put -= 1
        a = put - 1
        while a >= 0 and put - a <= 30 and toks[a].low != "as":
            a -= 1
        if a < 0 or toks[a].low != "as" or a + 1 >= put:
            return None
        if a > 0 and toks[a - 1].word and toks[a - 1].low not in ("or", "and", "but"):
            return None  # "such as", "the same as": no clause opening 'as'
        c = a + 1
        while c < put and toks[c].low != ",":
            c += 1
        while c - 1 > a + 1 and (_ADVERB_LY(toks[c - 1]) or toks[c - 1].low in ("once", "then")):
            c -= 1  # "As Valsek famously put it", "As Valsek once put it"
        got = self.np_left(toks, c - 1, a + 1)
        if got is None or got[0] != a + 1 or got[1] == "relative":
            return None
        first, mtype = got[0], got[1]
        last = c - 1
        if mtype != "name" and c < put - 1 and toks[put - 1].low == ",":
            # "As the chief executive, Jeff Weiner, put it": the name set off by commas
            named = self._person_run(toks, c + 1, put - 2)
            if named is not None:
                (first, last), mtype = named, "name"
        ment = toks[first : last + 1]
        ent = self.resolve(ment, mtype, ment[0].start, pi)
        mention = Marked(self.text[ment[0].start : ment[-1].end], ment[0].start, ment[-1].end)
        cue = Marked(
            self.text[toks[put].start : toks[put + 1].end], toks[put].start, toks[put + 1].end
        )
        name = ent.name if ent is not None else None
        return Statement("direct", q.open_mark, q.close_mark, [], name, mention, cue)

    def _words_of_lead(self, pi: int, q: Quote) -> Statement | None:
        """A quote right after "In the words of X," or "In X's words," ("In the words of one
        fisherman, Olav Nes, “...”", "In her own words: “...”"): X speaks."""
        if q.open_mark < 0:
            return None
        sent = self._sentence_at(pi, q.open_mark)
        if sent is None:
            return None
        ss = max(sent[0], q.open_mark - 200)
        m = _WORDS_OF.search(self.text, ss, q.open_mark)
        if m is None:
            return None
        a, b = m.span("np") if m.group("np") is not None else m.span("poss")
        toks = self.tokens(a, b)
        while toks and not toks[-1].word:
            toks.pop()
        if not toks:
            return None
        if m.group("np") is None and toks[-1].low in ("’s", "'s"):
            toks.pop()  # "In Solberg's words"
        elif m.group("np") is None and toks[-1].low.endswith(("’s", "'s")):
            toks[-1] = _Tok(
                toks[-1].start,
                toks[-1].end - 2,
                toks[-1].text[:-2],
                toks[-1].low[:-2],
                True,
                toks[-1].quote,
            )
        ment: tuple[int, int] | None = None
        mtype = ""
        commas = [k for k, t in enumerate(toks) if t.low == ","]
        if commas:
            # "one fisherman, Olav Nes": the name set off by the comma
            ment = self._person_run(toks, commas[-1] + 1, len(toks) - 1)
            mtype = "name"
        if ment is None and len(toks) == 1 and toks[0].low in _POSSESSIVE_BASE:
            ment, mtype = (0, 0), "pronoun"  # "In her own words"
        if ment is None:
            got = self.np_left(toks, len(toks) - 1 if not commas else commas[0] - 1, 0)
            if got is None or got[1] == "relative":
                return None
            ment, mtype = (got[0], len(toks) - 1 if not commas else commas[0] - 1), got[1]
        mt = toks[ment[0] : ment[1] + 1]
        ent = self.resolve(mt, mtype, mt[0].start, pi)
        if ent is not None and not ent.person and mtype == "name":
            return None  # "In Corvale's words": a place or a body, not a speaker
        mention = Marked(self.text[mt[0].start : mt[-1].end], mt[0].start, mt[-1].end)
        c = "cue" if m.group("cue") is not None else "cue2"
        cue = Marked(m.group(c), m.start(c), m.end(c))
        return Statement(
            "direct", q.open_mark, q.close_mark, [], ent.name if ent else None, mention, cue
        )

    def _named_quote(self, q: Quote, name: str, pos: int, cue: Marked) -> Statement | None:
        """Quote ``q`` as a direct statement of the person named ``name`` at ``pos`` (who
        is a person from now on: the text's layout says so), with ``cue``."""
        ent = self.reg.resolve_name(name.split(), pos)
        if ent is None:
            return None
        ent.person = True
        mention = Marked(name, pos, pos + len(name))
        return Statement("direct", q.open_mark, q.close_mark, [], ent.name, mention, cue)

    def _trailing_subject(self, pi: int, q: Quote) -> Statement | None:
        """A quote ending in a comma, then a subject and a past-tense verb that is not in the
        lexicon, then the sentence's end ("“...,” he surmised."): the frame makes the verb
        one of saying, and the subject speaks."""
        if q.close_mark < 0 or self.text[q.close_mark - 1 : q.close_mark] not in (",", "?", "!"):
            return None
        m = _TRAILING_SUBJECT.match(self.text, q.close_mark + 1, self.paragraphs[pi][1])
        if m is None:
            return None
        subj = m.group("subj")
        if subj.lower() in ("he", "she"):
            ent = self.resolve_pronoun(subj.lower(), pi, pos=m.start("subj"))
        else:
            ent = self.reg.resolve_name(subj.split(), m.start("subj"), create=False)
        if ent is None:
            return None
        mention = Marked(subj, m.start("subj"), m.end("subj"))
        cue = Marked(m.group("verb"), m.start("verb"), m.end("verb"))
        return Statement("direct", q.open_mark, q.close_mark, [], ent.name, mention, cue)

    def _inverted_lead(self, pi: int, q: Quote) -> Statement | None:
        """A sentence opening with a capitalised verb of saying, then a name and a colon or
        comma right before the quote ("Said Ellis: “...”", "Continued Stone: “...”"), or
        as the whole paragraph before a quote opening the next one ("Stated Stone:"):
        the name speaks."""
        if q.open_mark < 0:
            return None
        text = self.text
        ps, pe = self.paragraphs[pi]
        m = _INVERTED_LEAD.search(text, max(ps, q.open_mark - 180), q.open_mark)
        if m is None and pi > 0 and not text[ps : q.open_mark].strip():
            pps, ppe = self.paragraphs[pi - 1]
            m = _INVERTED_LEAD.search(text, max(pps, ppe - 80), ppe)
            if m is not None and not m.group("mark").startswith(":"):
                m = None
        if m is None or CUE_FORMS.get(m.group("verb").lower()) is None:
            return None
        cue = Marked(m.group("verb"), m.start("verb"), m.end("verb"))
        return self._named_quote(q, m.group("name"), m.start("name"), cue)

    def _colon_speaker(self, pi: int) -> Statement | None:
        """Who introduces the quote after a paragraph ending in a colon: the subject of the
        cue right before the colon ("Jared Potts echoed:"), else the person the colon
        sentence is about."""
        if self.colon_frame is not None and self.colon_frame[0] == pi:
            f = self.colon_frame[1]
            ent = self.resolve(f.ment_toks, f.mtype, f.cue[0], pi)
            if f.mention is not None and (ent is None or ent.person or ent.full):
                mention = Marked(self.text[f.mention[0] : f.mention[1]], *f.mention)
                cue = Marked(self.text[f.cue[0] : f.cue[1]], *f.cue)
                name = ent.name if ent is not None else None
                return Statement("direct", f.cue[0], f.cue[1], [f.cue], name, mention, cue)
        ps, pe = self.paragraphs[pi]
        sents = self.sentences(ps, pe)
        if not sents:
            return None
        ss, se = sents[-1]
        return self._subject_statement(self.tokens(ss, se), pi, ss, se)

    def _carried_quote(self, toks: list[_Tok], content: tuple[int, int]) -> bool:
        """Does ``content`` hold words of its own, a comma, then a quote going on in lower
        case, in a sentence that has a quote before (the rest of that quote)?"""
        inside = [x for x in toks if content[0] <= x.start < content[1]]
        k = next((n for n, x in enumerate(inside) if x.quote >= 0), -1)
        c = k - 1
        while c > 0 and inside[c].low in _MARK_CHARS:
            c -= 1  # the quote's opening mark
        if c < 1 or inside[c].low != "," or not any(x.word for x in inside[:c]):
            return False
        if not self.text[inside[k].start : inside[k].start + 1].islower():
            return False
        return any(x.quote >= 0 for x in toks if x.end <= content[0])

    def _sentence_at(self, pi: int, pos: int) -> tuple[int, int] | None:
        """The sentence of paragraph ``pi`` that holds ``pos``."""
        ps, pe = self.paragraphs[pi]
        sents = self.sentences(ps, pe)
        # (a bisection: sentences are in order and do not overlap; a scan from the first
        # made a paragraph of n sentences cost n for each of its quotes)
        i = bisect_right(sents, pos, key=_first) - 1
        if i >= 0 and pos < sents[i][1]:
            return sents[i]
        return None

    def _subject_speaker(self, pi: int, q: Quote) -> Statement | None:
        """A quoted passage inside a sentence about a person ("Rubio bemoaned a climate in
        which people “literally hate each other”"): the words are that person's."""
        if q.open_mark < 0 or len(q.paragraphs) > 1:
            return None
        sent = self._sentence_at(pi, q.open_mark)
        if sent is None:
            return None
        ss, se = sent
        return self._subject_statement(self.tokens(ss, q.open_mark), pi, ss, se)

    def _subject_statement(self, toks: list[_Tok], pi: int, ss: int, se: int) -> Statement | None:
        """The sentence [ss, se) as a direct statement of the person ``toks`` (its opening
        words, at least three) have as subject; None when that subject is not a person."""
        subj = self.sentence_subject(toks, len(toks)) if len(toks) >= 3 else None
        if subj is None:
            return None
        a, b, stype = subj
        ment = toks[a : b + 1]
        ent = self.resolve(ment, stype, ment[0].start, pi)
        if ent is None or not (ent.person or ent.full):
            return None
        mention = Marked(self.text[ment[0].start : ment[-1].end], ment[0].start, ment[-1].end)
        return Statement("direct", ss, se, [(ss, se)], ent.name, mention, None)

    def _beat_speaker(self, pi: int, q: Quote) -> Statement | None:
        """A quote opening its sentence right after a sentence of its paragraph whose subject
        is a person and that quotes no one ("Dorn laughs. “Well. We were hysterical.”",
        "She shakes her head. “...”", "Valsek was blunt. “...”"): the words are that
        person's, as a reader takes them."""
        if q.open_mark < 0 or len(q.paragraphs) > 1:
            return None
        ps, pe = self.paragraphs[pi]
        sents = self.sentences(ps, pe)
        i = bisect_right(sents, q.open_mark, key=_first) - 1
        if i < 0 or not q.open_mark < sents[i][1]:
            return None
        if self.text[sents[i][0] : q.open_mark].strip():
            return None
        if i < 1:
            # a quote opening its paragraph, then a short sentence about a person
            j = bisect_right(sents, q.close_mark, key=_first) - 1
            if (
                not (0 <= j + 1 < len(sents))
                or self.text[q.close_mark + 1 : sents[j + 1][0]].strip()
            ):
                return None
            bs, be = sents[j + 1]
            if len(self.text[bs:be].split()) > 4:
                return None
        else:
            bs, be = sents[i - 1]
        if any(ch in _MARK_CHARS for ch in self.text[bs:be]):
            return None
        return self._subject_statement(self.tokens(bs, be), pi, bs, be)

    def _paragraph_speaker(self, pi: int, q: Quote) -> Statement | None:
        """Whose is an unattributed quote? The speaker of a statement earlier in its paragraph,
        else, for a quote filling its paragraph, the previous paragraph's last speaker."""
        ps, pe = self.paragraphs[pi]
        best: Statement | None = None
        for st in reversed(self.out):
            if st.start < ps:
                break
            if st.end <= q.spans[0][0] and (st.speaker or st.mention):
                best = st
                break
        if best is not None:
            return best
        outside = (
            self.text[ps : max(ps, q.open_mark)]
            + self.text[q.spans[0][1] + 1 : pe if len(q.paragraphs) == 1 else ps]
        )
        if any(ch.isalnum() for ch in outside):
            return None
        if pi >= 1 and self.text[self.paragraphs[pi - 1][1] - 1] == ":":
            # "He then listed the qualities a nominee needs:" + a quoted paragraph
            colon = self._colon_speaker(pi - 1)
            if colon is not None:
                return colon
        if pi >= 1 and self.last_statement_para == pi - 1 and self.out:
            last = self.out[-1]
            if last.speaker is not None:
                return last
        if pi >= 1 and len(q.paragraphs) == 1 and self.last_statement_para != pi - 1:
            # a quote alone in its paragraph after a paragraph of narration that ends on a
            # person ("Wiik, 52, opened the café in 2011 after losing her job." / "“I had no
            # plan. ...”", "Asked whether she will retire, she laughs." / "“...”")
            bps, bpe = self.paragraphs[pi - 1]
            sents = self.sentences(bps, bpe)
            if sents:
                bs, be = sents[-1]
                if not any(ch in _MARK_CHARS for ch in self.text[bs:be]):
                    return self._subject_statement(self.tokens(bs, be), pi - 1, bs, be)
        return None


# Cue forms that are also nouns ("the state", "his claims", "a tweet").
_NOUN_FORMS = frozenset(
    f
    for base in """state claim challenge call tweet report comment remark estimate charge mention
    answer promise pledge demand reply joke boast quip threat post email echo vow
    forecast""".split()
    for f in (base, base + "s")
    if f in CUE_FORMS
)


# Verbs that make a "that" after a cue the clause's subject ("said that was untrue"): a
# "that" opening a clause is followed by its subject, never by a finite verb.
_FINITE_AFTER_THAT = frozenset(
    """is was isn't wasn't isn’t wasn’t would will won't won’t has had hasn't hasn’t does did
    doesn't doesn’t didn't didn’t may might can could should must seems seemed means meant
    sounds sounded remains remained""".split()
)


def _clause_opener(t: _Tok) -> bool:
    """Can ``t`` open a clause after a "that" ("that it was", "that the port", "that
    Valsek", "that “...”"), where "that tweet" is a demonstrative?"""
    return (
        t.quote >= 0
        or t.low in PRONOUNS
        or t.low in DETERMINERS
        or t.text[:1].isupper()
        or t.low[:1].isdigit()
        or t.low in _MARK_CHARS
    )


def _owned_after_preposition(toks: list[_Tok], j: int, lo: int) -> bool:
    """Is token j a noun owned after a preposition ("a source familiar with his thinking",
    "people close to the mayor's planning", "a woman at the rally")? Then a word in -ing
    or -ly is a noun, where elsewhere it is taken for a participle, an adjective or an
    adverb ("the scathing remarks", "quickly")."""
    k = j - 1
    owned = False
    while k >= lo and j - k <= 3:
        if _determines(toks[k]):
            owned = True
        elif not (toks[k].word and toks[k].text[:1].isupper()):
            break
        k -= 1
    if not owned or k < lo:
        return False
    if toks[k].low in _OWNING_PREPOSITIONS:
        return True
    # a place: "a woman at the rally", "a man outside the meeting" (not "in the meeting's
    # opening remarks": only right after the determiner)
    return toks[k].low in _PLACE_PREPOSITIONS and k == j - 2 and toks[j - 1].low in DETERMINERS


# (a noun in -ing or -ly after one of these and its owner: "familiar with his thinking")
_OWNING_PREPOSITIONS = frozenset("with to about on of for".split())
_PLACE_PREPOSITIONS = frozenset("at in from near outside inside behind during after".split())


_IRREGULAR_PARTICIPLES = frozenset(
    "written signed made brought given sent taken held led run drawn put set cast".split()
)


def _opening_name_run(toks: list[_Tok], ma: int) -> tuple[int, int] | None:
    """(first, last) token of the capitalised run opening a sentence, before ``ma``,
    past leading punctuation; None when it opens with a quote, a lower-case word, a
    pronoun or a word that is no subject."""
    k = 0
    while k < ma and not toks[k].word and toks[k].quote < 0:
        k += 1
    if k >= ma or toks[k].quote >= 0 or not toks[k].text[:1].isupper():
        return None
    if toks[k].low in _NOT_SUBJECT or toks[k].low in PRONOUNS:
        return None
    return k, _name_run_end(toks, k, ma)


def _lower_word_at(toks: list[_Tok], i: int) -> bool:
    """A lower-case word that may go on a noun phrase or a verb phrase at ``i``."""
    t = toks[i]
    return t.word and t.text.islower() and t.low not in _NP_STOP


def _participle(t: _Tok) -> bool:
    """A lower-case past participle ("filed", "released", "written")."""
    return t.word and t.text.islower() and (t.low.endswith("ed") or t.low in _IRREGULAR_PARTICIPLES)


# Cue verbs whose past tense is their bare form ("The company forecast a loss"): a noun only
# after a possessive and a word ("its profit forecast", "the bank's growth forecast").
_PAST_AS_BARE = frozenset(["forecast"])
# Their bare forms after a determiner and an adjective are nouns ("the main dispute", "a
# new claim"), where after a plural subject they are verbs ("the two sides dispute").
_BARE_NOUN_FORMS = frozenset(
    f
    for f in _NOUN_FORMS | {"dispute", "warning", "praise"}
    if f in CUE_FORMS and f[-1] != "s" and f not in _PAST_AS_BARE
)
_PLURAL_NOUNS = frozenset("people police men women children staff public media".split())
_NEXT_TOKEN = re.compile(r"\s*(\w+(?:[’'\-&.]\w+)*|[^\w\s])")
# A request for anonymity after "asked"/"requested" is no statement ("who asked not to be
# named", "asked to remain anonymous", "asked for anonymity", "asked to be identified only
# by her first name").
_ANONYMITY = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted|cited)|to\s+remain\s+(?:anonymous|unnamed)"
    r"|for\s+anonymity|that\s+(?:his|her|their)\s+(?:full\s+|last\s+)?names?\s+(?:not|be\s+withheld)"
    r"|to\s+be\s+identified\s+(?:only\s+)?(?:by|as)|to\s+withhold)\b",
    re.I,
)
# A word right before a cue that rules the cue out as a verb of the sentence ("the state",
# "to say", "Trump's call"); words cue_frame skips over (auxiliaries) are not among them.
_REJECT_PREV = (
    DETERMINERS
    | _GENERIC_DETERMINERS
    | frozenset("to not never when if as unless once whether cannot having".split())
) - AUXILIARIES


# A speaker label opening a paragraph of an article, quoted or not ("WALLACE: ...",
# "“JAKE TAPPER: ..."): one to three upper-case words, a colon, then the words.
_TURN_LABEL = re.compile(
    r"[“\"]?([A-Z][A-Z'’.\-]+(?:[ \t][A-Z][A-Z'’.\-]*){0,2})[ \t\u00a0]*:[ \t\u00a0]+(?=\S)"
)


# Words before a mention that make it a place or a thing, not a subject.
_THING_LEFT = frozenset("the a an in at from near of to for on into across".split())
# Conjunctions and prepositions opening a clause, never part of its subject.
_CLAUSE_OPENERS = frozenset("although though despite because unless whereas".split())
# Words that may open a sentence before its subject ("Even China, ..., said").
_FOCUS_OPENERS = frozenset("even also only but and yet so still meanwhile".split())
# Conjunctions that may open a clause before its subject ("..., as Clinton echoed ...").
_CLAUSE_SUBORDINATORS = frozenset("as while when after because though although since".split())
# A subject and a past-tense verb right after a quote, ending the sentence: "“...,” he
# surmised.", "“...,” she went on."
_TRAILING_SUBJECT = re.compile(
    r"[ \t\u00a0]+(?P<subj>[Hh]e|[Ss]he|[A-Z][\w’'\-]+(?:[ \t][A-Z][\w’'\-]+){0,2})"
    r"[ \t]+(?P<verb>[a-z]{3,}ed|went on|goes on)[ \t]*[.,]"
)
# A sentence opening with a capitalised verb of saying, a name and a colon or comma, up to
# the quote: "Said Ellis: “...”"
_INVERTED_LEAD = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][\"”’]\s))(?P<verb>[A-Z][a-z]+ed|Said|Wrote)[ \t]+"
    r"(?P<name>(?:M[rs]s?\.[ \t])?[A-Z][\w’'\-]+(?:[ \t][A-Z][\w’'\-]+){0,2})"
    r"(?:,[ \t][^\n“”\"«»:;.!?]{1,90}?)?"  # an aside: "Said Dorota Pohl, who grew up here,"
    r"(?P<mark>[ \t]*[:,])[ \t\u00a0]*$",
    re.M,
)
# A dash, a name (or two joined by 'and') and a colon right before a quote: "... - Carl
# Bialik: “...”", "... - More from Jones: “...”"
_DASH_LEAD = re.compile(
    r"[ \t\u00a0][-–—][ \t\u00a0]+(?:More from[ \t]+)?"
    r"(?P<name>[A-Z][\w’'.\-]*(?:[ \t](?:and[ \t])?[A-Z][\w’'.\-]*){0,4}):[ \t\u00a0]*$"
)
# A sentence that is only a name, its role words and party tag before it, and a colon:
# "Clinton: ", "Rep. Trey Gowdy (R-S.C.):", "Former secretary of state Hillary Clinton: "
_NAME_COLON_LEAD = re.compile(
    r"[ \t\u00a0]*[-–—]?[ \t]*(?:[A-Za-z][\w.’'\-]*[ \t]+){0,6}?"
    r"(?P<name>(?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]+)"
    r"(?:[ \t]*\([^()\n]{1,12}\))?[ \t]*:[ \t\u00a0]*"
)
# A dash and a name signing a quote, up to the end of its line: " ― Sonya Herridge.",
# "- Bernie Sanders."
_DASH_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]|--?)[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w’'\-]*\.?(?:[ \t][A-Z][\w’'\-]*\.?){0,3})[ \t\u00a0.,]*$",
    re.M,
)


def _wordish(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch in "’'-_")


# A run of characters _wordish accepts (\w is str.isalnum() and "_").
_WORDISH_RUN = re.compile(r"[\w’'\-]+")
# Above this length, _common_word looks a word up among the text's words instead of
# searching the text for it.
_LONG_TEXT = 50_000


def _only_colon(text: str, a: int, b: int) -> bool:
    """``text[a:b].strip() == ":"`` without copying ``text[a:b]`` (to the end of a paragraph
    that may be one long line)."""
    m = _NON_SPACE.search(text, a, b)
    return (
        m is not None
        and text[m.start()] == ":"
        and _NON_SPACE.search(text, m.start() + 1, b) is None
    )


_TURN_OPENERS = frozenset('“"ABCDEFGHIJKLMNOPQRSTUVWXYZ')
_DIRECTION_LINE = re.compile(r"[ \t]*[(\[][^()\[\]\n]{1,60}[)\]][ \t.”\"]*")

_start = attrgetter("start")
_first = itemgetter(0)
# Anything but whitespace (as str.isspace has it, like str.strip).
_NON_SPACE = re.compile(r"\S")
_end = attrgetter("end")

_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_TIME_UNITS = frozenset("week month year night morning afternoon evening weekend".split())
_TIME_MODS = frozenset("on last this past late early earlier later next".split())
_TIME_ENDS = _DAYS | _TIME_UNITS | {"today", "yesterday", "tonight"}


def _name_word_stop(toks: list[_Tok], j: int, lo: int) -> bool:
    """Token ``j`` is a stop word ("may", "will") written with a capital after a capitalised
    word, not opening its sentence: part of a name ("Theresa May")."""
    return (
        j - 1 >= lo
        and toks[j].text[:1].isupper()
        and toks[j - 1].word
        and toks[j - 1].text[:1].isupper()
        and toks[j - 1].low not in _NP_STOP
        and toks[j - 1].low not in DETERMINERS
    )


def _skip_time_left(toks: list[_Tok], j: int) -> int:
    """Token ``j`` ends a time adverbial ("on Tuesday", "last week", "earlier Thursday
    night"): the index of the token before it; else ``j``."""
    if j < 0:
        return j
    low = toks[j].low
    if j >= 1 and toks[j - 1].low == "in" and (low in _MONTHS or low.isdigit() and len(low) == 4):
        return j - 2  # "in April", "in 2009"
    unit = low in _TIME_UNITS and j >= 1
    if not (
        low in _DAYS
        or low in ("today", "yesterday", "tonight")
        or unit
        and (toks[j - 1].low in _TIME_MODS or toks[j - 1].low in _DAYS)
    ):
        return j
    k = j - 1
    while k >= 0 and (
        toks[k].low in _TIME_MODS or toks[k].low in _DAYS or toks[k].low in _TIME_UNITS
    ):
        k -= 1
    return k


def _determines(t: _Tok) -> bool:
    """A determiner or a possessive: what follows it is a noun phrase."""
    low = t.low
    return low in DETERMINERS or low in _POSSESSIVE_BASE or low.endswith(("’s", "'s"))


def _noun_before_verb(toks: list[_Tok], j: int) -> bool:
    """Is the -ly word at ``j``, just before a verb, a noun after its determiner ("the
    rally said", "his family says"), where "has repeatedly said" has an adverb?  (Not
    before an -ing word: "an exceptionally welcoming scene".)"""
    return (
        j > 0
        and _ADVERB_LY(toks[j])
        and _determines(toks[j - 1])
        and j + 1 < len(toks)
        and not toks[j + 1].low.endswith("ing")
    )


def _participle_phrase(toks: list[_Tok], j: int) -> bool:
    """Does the phrase ending at ``j`` hold a participle in -ing after a noun within six
    words ("A patient waiting for hip surgery")?"""
    for k in range(j, max(0, j - 6), -1):
        if toks[k].low.endswith("ing") and toks[k].text.islower() and toks[k - 1].word:
            return toks[k - 1].text.islower() and toks[k - 1].low not in _NP_STOP
        if not toks[k].word:
            return False
    return False


def _skip_ly_left(toks: list[_Tok], j: int) -> int:
    """Token ``j`` or the first token left of it that is no -ly adverb (0 at most)."""
    if _noun_before_verb(toks, j):
        return j
    while j > 0 and _ADVERB_LY(toks[j]):
        j -= 1
    return j


def _skip_aux_left(toks: list[_Tok], j: int) -> int:
    """Token ``j`` or the first token left of it that is no auxiliary and no -ly adverb
    ("has also repeatedly | said"; not "at the rally | said"); -1 when there is none."""
    if j >= 0 and _noun_before_verb(toks, j):
        return j
    while j >= 0 and (toks[j].low in AUXILIARIES or _ADVERB_LY(toks[j])):
        j -= 1
    return j


# Verbs of beginning and going on before a participle cue ("began saying", "kept asking").
_ASPECT_VERBS = frozenset(
    """began begun begin begins beginning started start starts kept keep keeps continued
    continue continues resumed""".split()
)
# Verbs whose subject speaks by the speech noun they take ("Trump has recently made
# comments about ...", "Mrs. Clinton delivered a forceful promise to ...").
_MADE_VERBS = frozenset(
    "made make makes delivered delivers issued issues offered offers renewed renews".split()
)
# What someone makes and a text reports from ("according to a report from X").
_MADE_NOUNS = frozenset(
    """report reports analysis study survey poll polls tally count calculations calculation
    data post email e-mail letter memo document documents declaration filing statement
    release interview interviews audio video transcript transcripts estimate estimates
    figures records review book article story tweet message account""".split()
)
# Marks that may close a quote before its attribution ("“...,” she mused").
_QUOTE_END = _MARK_CHARS | {",", "?", "!"}
# The same on raw text before a cue word: a quote's comma and closing mark, then up to
# eight words ("...,” Toomey fumed on", "...,” mused").
_QUOTE_THEN = re.compile(r"[,?!][”\"’']+[ \t\u00a0]+(?:[^\s,.;:!?”\"]+[ \t\u00a0]+){0,8}$")
# Possessives of the persons that speak, by their pronoun.
_POSSESSIVE_BASE = {"his": "he", "her": "she", "their": "they", "its": "it"}
_OBJECT_BASE = {"him": "he", "her": "she", "them": "they", "me": "i", "us": "we"}
# Nouns of saying that a possessive may own ("her remark that ...", "Trump's claim that").
_SPEECH_NOUNS = frozenset(
    """claim claims remark remarks comment comments call calls promise promises pledge
    pledges warning warnings answer assertion demand threat vow vows""".split()
) & frozenset(CUE_FORMS)
# Adjectives between a possessive and its speech noun ("his recent call", "her stern
# warning", "Podliska's most explosive claim", "Trump's false claims").
_ADJ_ENDS = (
    "ed",
    "al",
    "ive",
    "ous",
    "ful",
    "ent",
    "ant",
    "ic",
    "est",
    "ern",
    "st",
    "se",
    "ar",
    "ial",
)
# Words before a possessor that leave it the speaker ("over her remark that", "including his
# call to", "Despite George Will's call"; not a verb: "renewed his call").
_POSSESSOR_LEFT = frozenset(
    "and or but including particularly especially was is were are that despite given".split()
)
# Verbs that name their object ("what Ferreol called “a disgrace”").
_NAMING_VERBS = frozenset("call describe dub label brand characterize characterise".split())
# Verbs before 'to' whose subject is the speaker of the cue after it ("went on to say",
# "continued to insist", "was quick to add", "went so far as to say").
_RAISING = tuple(
    tuple(p.split())
    for p in (
        "went on|goes on|go on|going on|continued|continues|continue|continuing|was quick|"
        "were quick|is quick|was prompted|were prompted|went so far as|goes so far as|"
        "go so far as|is said|was said|are said|were said|is reported|was reported|"
        "are reported|were reported|is believed|was believed|are believed|were believed|"
        "is understood|was understood|is alleged|was alleged"
    ).split("|")
)


def _word_start(text: str, k: int, lo: int) -> int:
    """Where the word ending at ``k`` starts (letters, digits, ".’'-"), not before ``lo``."""
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in ".’'-"):
        k -= 1
    return k


def _spans_outside(
    spans: list[tuple[int, int]], cut: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The token spans that start in none of the ``cut`` stretches."""
    if not cut:
        return spans
    return [sp for sp in spans if not any(a <= sp[0] < b for a, b in cut)]


def _clause_start(t: _Tok) -> bool:
    """May a clause's subject start at ``t`` (after "and"/"but": "but the roads are not",
    "and it will close"; not "and left the room")?"""
    return (
        t.word
        and t.quote < 0
        and (t.low in DETERMINERS or t.low in _CLAUSE_PRONOUNS or t.text[:1].isupper())
    )


_CLAUSE_PRONOUNS = frozenset("it they we i he she there you this that these those".split())


def _unnamed_person(mtoks: list[_Tok]) -> bool:
    """Is the mention one person left unnamed ("a nurse on the picket line", "a shipping
    executive, who asked not to be named", "one resident"), not a group, a document or an
    organisation ("some officials", "a statement", "a local newspaper")?"""
    words = [t for t in mtoks if t.word]
    if len(words) < 2 or words[0].low not in ("a", "an", "one", "another"):
        return False
    head = words[1]
    for t in words[1:]:
        if t.low in _PREPOSITIONS or t.low in ("who", "which", "that"):
            break
        head = t
    low = head.low
    return (
        head.text.islower()
        and low not in _MADE_NOUNS
        and fold(low) not in ORG_WORDS
        and low not in _NOT_ONE_PERSON
        and not (low.endswith("s") and not low.endswith("ss"))
    )


# What may follow a noun of saying that ends a noun phrase ("according to a police
# report, ...", "a statement from ...").
_NOUN_NEXT = frozenset(", . ; : of from by in on at".split())
# A name addressed at the head of a sentence ("Mr. Valsek, you said ...").
_VOCATIVE = re.compile(
    r"(?:^|(?<=[.?!:]\s)|(?<=\n))\s*((?:Mr|Mrs|Ms|Dr|Senator|Sen|Secretary|Madam|Governor|"
    r"Gov|Mayor|Minister|Professor|Prof)\.?\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?),"
)
_HOST_PART = re.compile(r"\b(?:MODERATOR|Moderator|HOST|Host|ANCHOR|Anchor)\b")
# "posted on LinkedIn that ...", "emailed staff that ...": a post or an email with a
# 'that' clause reports speech ("posted a loss" does not).
_POST_VERBS = frozenset("post email testify".split())
_POST_THAT = re.compile(
    r"(?:[ \t]+(?:on|in|to|before|at|under)[ \t]+[^,.;:\"“”\n]{1,40}?"
    r"|[ \t]+(?:staff|employees|supporters|members|colleagues|followers|customers|[a-z]+ers))?"
    r"[ \t]+that\b"
)
_I_QUOTE = (["and", "i", "quote"], ["quote"], ["i", "quote"], ["and", "i’m", "quoting"])
_OPPONENTS = frozenset("opponent rival challenger competitor adversary".split())
# Plural nouns of people ("Fishermen in Ostrava Bay say", "Farmers near Kessel said").
_GROUP_ENDINGS = ("men", "ers", "ists", "ants", "ents", "ians", "ors")
_CAP_RUN_AT = re.compile(r"[ \t]+((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w\-]*)")
_CAP_WORD = re.compile(r"[A-Z](?<![\w’'\-][A-Z])[\w\-]+")  # (look-behind after the capital)
_NAME_THEN_COMMA = re.compile(r"[A-Z][\w\-]+,[ \t]+$")
# (with ORG_WORDS, which _unnamed_person checks first: "a group", "a campaign")
_NOT_ONE_PERSON = frozenset(
    """firm newspaper paper station website site outlet channel organization organisation
    board panel""".split()
)


def _name_tail_words(words: list[str]) -> list[str]:
    """The capitalised words (two or more, a given name and a surname) ending a lower-case
    description ("the late Ondra Valsek" -> ["Ondra", "Valsek"]); [] when there are none."""
    role, tail = _description_and_name(words)
    if len(tail) < 2 or not role.split()[-1][:1].islower():
        return []
    head = role.split()[-1].lower()
    owner = role.split()[0].lower()
    if not (
        fold(head) in ROLE_HEADS
        or head in _PERSON_HEADS
        or head in _RELATION_NOUNS
        or head in ("late", "former")
        or head.endswith(("ist", "ian", "man", "woman"))
        or owner in ("his", "her", "their")
        and len(role.split()) == 2  # "her deckhand Lars Eide"
    ):
        return []  # ("advisers to Mr. Obama", "the activist group Mosul Eye")
    return tail


def _zero_relative_subject(toks: list[_Tok], j: int) -> tuple[int, str] | None:
    """The subject of a relative clause with no relative word ending at token ``j``, before
    a naming verb ("a decision commuters | called", "the plan Mayor Ilsa Brandt | called"):
    a name, a plural noun or a pronoun right after a determiner's noun; (first token, type)."""
    t = toks[j]
    if not t.word or t.quote >= 0:
        return None
    if t.text[:1].isupper():
        a = j
        while a - 1 >= 0 and toks[a - 1].word and toks[a - 1].text[:1].isupper():
            a -= 1
        mtype = "name"
    elif t.low in ("he", "she", "they", "we", "i", "you"):
        a, mtype = j, "pronoun"
    elif t.low.endswith("s") and t.low in GENERIC_NOUNS or t.low in _PLURAL_CRITICS:
        a, mtype = j, "generic"
    else:
        return None
    noun = a - 1
    if noun < 1 or not toks[noun].word or not toks[noun].text.islower():
        return None
    if (
        toks[noun].low in _NP_STOP
        or toks[noun].low in DETERMINERS
        or toks[noun].low in _PREPOSITIONS
        or toks[noun].low in CUE_FORMS
        or _finite_verb(toks[noun])
        or fold(toks[noun].low) in ROLE_HEADS
        or toks[noun].low in _PERSON_HEADS
        or toks[noun].low in _RELATION_NOUNS
        or toks[noun].low.endswith("ist")
    ):
        return None  # (not "the cartoonist Garry Trudeau called ...": a name in apposition)
    for d in range(noun - 1, max(-1, noun - 4), -1):
        if toks[d].low in ("a", "an", "the", "this", "his", "her", "its", "their", "what"):
            return a, mtype
        if not toks[d].word or not toks[d].text.islower():
            return None
    return None


_PLURAL_CRITICS = frozenset("commuters passengers fans locals opponents detractors".split())


def _dismissed_person(toks: list[_Tok], k: int, end_i: int) -> bool:
    """Is the object at token ``k`` of "dismiss" a person let go ("dismissed head coach Piet
    Rasmussen on Sunday"), not words waved away ("dismissed Brandt's claims", "dismissed
    Brandt as a crank")?  A name, maybe after lower-case role words, then nothing, a comma,
    or a time or place phrase."""
    m = k
    while (
        m <= end_i
        and toks[m].word
        and toks[m].text.islower()
        and (
            fold(toks[m].low) in ROLE_HEADS or toks[m].low in ("its", "his", "her", "their", "the")
        )
    ):
        m += 1
    role = m > k and fold(toks[m - 1].low) in ROLE_HEADS
    if role and m <= end_i and toks[m].low == "," and m + 1 <= end_i:
        if not toks[m + 1].text[:1].isupper():
            return True  # "dismissed its chief executive, citing losses"
        m += 1  # "dismissed their manager, Bram Lenk, two days after ..."
    if role and (m > end_i or toks[m].low in _DISMISS_AFTER or _time_word(toks[m])):
        return True  # "dismissed the coach on Sunday"
    if m > end_i or not toks[m].word or not toks[m].text[:1].isupper():
        return False
    e = _name_run_end(toks, m, end_i + 1)
    words = [x.text for x in toks[m : e + 1] if x.word]
    if not looks_like_name(words) or words[-1].endswith(("’s", "'s")):
        return False
    nxt = toks[e + 1] if e + 1 <= end_i else None
    return nxt is None or nxt.low in (",", ";") or nxt.low in _DISMISS_AFTER or _time_word(nxt)


_DISMISS_AFTER = frozenset("on in at after over for from following amid last this".split())


def _quoted_as(words: list[str]) -> bool:
    """Do ``words`` (lower case, the words before an "as") end in "quoted"/"cited" and at
    most four words, or in "quoted"/"cited" and a phrase opened by "by"/"in"/"on" (see
    _quoted_before_as)?"""
    if any(w in ("quoted", "cited") for w in words[-5:]):
        return True  # (also "quoted Ondra Valsek as saying": the object speaks)
    return any(
        w in ("quoted", "cited") and words[k + 1] in ("by", "in", "on")
        for k, w in enumerate(words[:-1])
    )


def _quoted_before_as(toks: list[_Tok], j: int) -> int:
    """The index of "quoted"/"cited" before the "as" at token ``j``: right before it, or
    before a short phrase of where or by whom ("was quoted by the Herald as saying", "was
    quoted in an interview last year as saying"); -1 when there is none."""
    k = j - 1
    if k >= 0 and toks[k].low in ("quoted", "cited"):
        return k
    while k >= 1 and j - k <= 8:
        u = toks[k]
        if u.quote >= 0 or not u.word or u.low in CUE_FORMS:
            return -1
        if u.low in ("by", "in", "on") and toks[k - 1].low in ("quoted", "cited"):
            return k - 1
        k -= 1
    return -1


def _raising_len(words: list[str]) -> int:
    """How many of the last ``words`` (lower case, right before a 'to') are a verb phrase
    whose subject speaks by the cue after the 'to' (see _RAISING); 0 when they are none."""
    for phrase in _RAISING:
        n = len(phrase)
        if len(words) >= n and tuple(words[-n:]) == phrase:
            return n
    return 0


def _skip_adverbs_right(toks: list[_Tok], k: int, limit: int) -> int:
    """Past time adverbials and adverbs starting at token ``k`` ("on Sunday", "also",
    "firmly") before a verb: the index of the first token after them."""
    while True:
        nxt = _skip_time_right(toks, k, limit)
        if (
            nxt == k
            and k < limit
            and (toks[k].low in AUXILIARIES and not _finite_verb(toks[k]) or _ADVERB_LY(toks[k]))
        ):
            nxt = k + 1
        if nxt == k:
            return k
        k = nxt


def _time_word(t: _Tok) -> bool:
    """Can a time adverbial end at ``t`` ("on Tuesday", "in April", "in 2009")?"""
    return t.low in _TIME_ENDS or t.low in _MONTHS or t.low.isdigit()


# Passive participles that open a reduced clause on the phrase before them ("A man accused
# of stealing a boat told the court", "a nurse charged with theft said").
_ACCUSED = frozenset("accused suspected convicted charged acquitted cleared".split())
_SAID_TOLD = frozenset("said says told tells".split())


def _zero_that_clause(toks: list[_Tok], m: int, end_i: int) -> bool:
    """Does a clause with no 'that' start at ``m``, after adverbials: a subject pronoun and
    a finite verb ("... on Sunday it would ..."), or a short noun phrase opening with a
    determiner after a noun, then a finite auxiliary ("... in Kessel the plan was ...")?"""
    t = toks[m]
    if t.low in _SUBJECT_PRONOUNS:
        v = toks[m + 1] if m + 1 <= end_i else None
        return v is not None and v.text.islower() and (v.low in AUXILIARIES or _finite_verb(v))
    if t.low not in _CLAUSE_DETERMINERS or not toks[m - 1].word:
        return False
    before = toks[m - 1].low
    if before in _PREPOSITIONS or before in DETERMINERS or before in AUXILIARIES:
        return False
    for v in toks[m + 2 : min(end_i, m + 4) + 1]:
        if not v.word:
            return False
        if v.low in _FINITE_AUX:
            return True
    return False


_SUBJECT_PRONOUNS = frozenset("he she it they we i".split())
# How far after a role's mention its holder may be named ("Velmark's prime minister on
# Saturday rejected ..." / next paragraph: "Prime Minister Helga Morrow told parliament").
_ROLE_AHEAD = 400
# Adjuncts of time, place or medium a zero-'that' clause may follow ("said in a statement on
# Sunday it would ..."); 'to', 'for', 'of', 'about' open the content itself ("called for
# money while his wife ...", "spoke of the years his family had lived ...").
_PLACE_TIME_PREPOSITIONS = frozenset("in on at during from".split())
_NOT_IN_ADJUNCT = frozenset(
    """to for of about as than when while where what how why if because so until since
    whether who which""".split()
)
_CLAUSE_DETERMINERS = frozenset("the a an his her its their".split())


def _main_clause(toks: list[_Tok], a: int, b: int) -> bool:
    """Is toks[a:b], between two commas, a clause of the sentence's own (a finite auxiliary
    and no relative word: ", will be presented in October, said one of the people"), not
    an appositive or a relative clause (", a mother who has lived here, said")?"""
    seg = toks[a:b]
    return any(x.low in _FINITE_AUX for x in seg) and not any(x.low in _RELATIVE_WORDS for x in seg)


_RELATIVE_WORDS = frozenset("who whom whose which that where when".split())


def _clause_follows(toks: list[_Tok], k: int) -> bool:
    """Does a clause or a quote come within the next dozen tokens from ``k``, before a comma
    ("warning the dispute could last", "saying that ...", "calling it “a disgrace”"), not a
    mere object ("adding 151,000 jobs", "claiming residency in Ireland")?"""
    for t in toks[k : k + 12]:
        if t.low in (",", ";", ".") and t.quote < 0:
            return False
        if t.quote >= 0 or t.low == "that" or t.word and t.text.islower() and _finite_verb(t):
            return True
    return False


def _finite_verb(t: _Tok) -> bool:
    """Is ``t`` a finite auxiliary or a past-tense form ("was", "has", "showed")?"""
    return (
        t.low in _FINITE_AUX or t.low.endswith("ed") and len(t.low) > 4 or t.low in _IRREGULAR_PAST
    )


def _name_run_end(toks: list[_Tok], b: int, limit: int) -> int:
    """The last token of the capitalised run (initials included: "Paul D. Ryan") that
    starts at token ``b``."""
    while b + 1 < limit and (
        toks[b + 1].text[:1].isupper()
        and toks[b + 1].word
        or toks[b + 1].low == "."
        and len(toks[b].text) <= 3
    ):
        b += 1
    return b


def _skip_time_right(toks: list[_Tok], v: int, limit: int) -> int:
    """A time adverbial starting at token ``v`` ("on Thursday", "last week", "Tuesday
    night"), as between a subject and its verb ("Trump on Thursday ratcheted up ..."):
    the index of the token after it; else ``v``."""
    k = v
    if k < limit and toks[k].low == "on" and k + 1 < limit and toks[k + 1].low in _DAYS:
        k += 1
    while k < limit and (
        toks[k].low in _DAYS
        or toks[k].low in _TIME_UNITS
        and k > v
        or toks[k].low in ("last", "this", "early", "late", "earlier", "later")
        and k + 1 < limit
        and toks[k + 1].low in _TIME_ENDS
        or toks[k].low in ("today", "yesterday", "tonight")
    ):
        k += 1
    return k if k > v and k < limit and toks[k].low not in ("on",) else v


def _drop_place_of(words: list[str]) -> list[str]:
    """ "Gov. Terry Branstad of Iowa" -> "Gov. Terry Branstad": a name before "of" and a
    place; "Secretary of State John Kerry" stays (only a title before "of")."""
    if "of" not in words:
        return words
    k = len(words) - 1 - words[::-1].index("of")
    if k >= 1 and all(w[:1].isupper() for w in words[k + 1 :]):
        _, name = split_role_name(words[:k])
        return words[:k] if name else words
    # "Jeffrey Lewis of the James Martin Center for Studies": a name before "of the" and
    # an organisation's name
    k = words.index("of")
    rest = words[k + 1 :]
    if (
        k >= 1
        and len(rest) >= 2
        and rest[0] == "the"
        and all(w[:1].isupper() or w in _OF_GLUE for w in rest[1:])
        and rest[-1][:1].isupper()
    ):
        _, name = split_role_name(words[:k])
        if name:
            return words[:k]
    return words


_OF_GLUE = frozenset("of for and on in the".split())


def _any_in(positions: list[int], s: int, e: int) -> bool:
    i = bisect_left(positions, s)
    return i < len(positions) and positions[i] < e


# Words of a description that say nothing about which role holder it is.
_DESCRIPTION_FILLER = frozenset("the this that new top senior longtime veteran".split())
# Heads of descriptions that designate a person though they are no title.
# People named by their relation to a possessor ("Rasmussen's agent, Dina Cole, said").
_RELATION_NOUNS = frozenset(
    """agent publicist wife husband spouse partner son daughter mother father brother sister
    cousin uncle aunt nephew niece widow widower fiancé fiancée fiance fiancee girlfriend
    boyfriend friend colleague assistant boss employer neighbour neighbor teammate
    biographer landlord tenant""".split()
)
_PERSON_HEADS = frozenset(
    """republican democrat magnate mogul tycoon front-runner frontrunner star veteran
    nominee contender hopeful rival opponent critic candidate businessman businesswoman
    billionaire developer entrepreneur investor host comedian""".split()
)
# Title abbreviations, and other words for the same office ("the congressman").
_ROLE_ABBREVIATIONS = {
    **TITLE_ABBREVIATIONS,
    "congressman": "representative",
    "congresswoman": "representative",
    "lawmaker": "representative",
}
# Offices: a description naming one designates a holder of it, not just anyone in focus.
_OFFICES = frozenset(
    """senator governor mayor president secretary minister chancellor premier judge
    ambassador spokesman spokeswoman spokesperson chief director chairman chairwoman
    commissioner attorney prosecutor sheriff representative speaker leader manager
    councillor councilor treasurer general admiral king queen pope""".split()
)


@lru_cache(maxsize=16384)
def _role_heads(role: str) -> frozenset[str]:
    words = [fold(w.strip(".,")) for w in role.split()]
    return frozenset(_ROLE_ABBREVIATIONS.get(w, w) for w in words)


# A definite description opening a sentence ("The prime minister did not answer"): up to
# four words, the role head among them is found after.
_ROLE_SUBJECT = re.compile(r"\s*([Tt]he (?:[A-Za-z][\w\-]*+ ){1,4})")
# "In the words of one fisherman, Olav Nes, “" / "In Solberg's words: “" / "In her own
# words, “": the words' owner (group np or poss), then the quote.
_WORDS_OF = re.compile(
    r"(?<![\w-])(?:(?P<cue>[Ii]n the (?:very |exact )?words of) (?P<np>[^“”\"«».;:]{2,100}?)"
    r"|[Ii]n (?P<poss>[A-Z][\w.\- ]{0,50}?(?:'s|’s)|[Hh]is|[Hh]er|[Tt]heir) (?:own )?(?P<cue2>words))"
    r"[ \t]*[,:][ \t]*[\"“«„‘']?$"
)
_FRONTED_QUESTION = re.compile(r"\s*(?:Asked|Pressed|Questioned) ")
# A question standing as a paragraph of its own (an interview's).
_QUESTION_PARA = re.compile(r"[ \t]*[A-Z*_][^\n“”\"‘’«»]{0,300}\?[*_]*[ \t]*")
# A paragraph all in bold, as Markdown interviews set their questions.
_BOLD_PARA = re.compile(r"[ \t]*(\*\*|__)[^\n]+?\1[ \t]*")
_BLANK_LEFT = re.compile(r"(?:^|\n)[ \t]*$")
_BLANK_RIGHT = re.compile(r"[ \t]*(?:\n|$)")


def _bold_para(text: str, ps: int, pe: int) -> bool:
    """Is the paragraph ``text[ps:pe]`` one line all in bold: "**Why?**", or the same with
    its markers blanked into spaces, as the Markdown reader hands a draft to the engine
    ("  Why?  ")?"""
    if _BOLD_PARA.fullmatch(text, ps, pe) is not None:
        return True
    return (
        ps >= 2
        and text[ps - 2 : ps] == "  "
        and text[pe : pe + 2] == "  "
        and "\n" not in text[ps:pe]
        and _BLANK_LEFT.search(text, max(0, ps - 40), ps) is not None
        and _BLANK_RIGHT.match(text, pe) is not None
    )


_NAME_AT = re.compile(r"[A-Z][\w\-]*+(?:[ \t]+[A-Z][\w\-.]*+){0,3}")


def _is_question(text: str, ps: int, pe: int) -> bool:
    """Is the paragraph ``text[ps:pe]`` one question and nothing else ("Why the floods?")?"""
    return (
        text.find("?", max(ps, pe - 4), pe) >= 0  # (most paragraphs fail this cheap test)
        and _QUESTION_PARA.fullmatch(text, ps, pe) is not None
        and text.count("?", ps, pe) <= 2
        and _TURN_LABEL.match(text, ps, pe) is None
    )


_TITLE_SMALL = frozenset("the of and a an in on at for with to".split())
# Adjectives and nouns that describe an anonymous source by what it knows.
_SOURCE_ADJECTIVES = frozenset("familiar close briefed knowledgeable involved privy".split())
_KNOWLEDGE = frozenset(("knowledge", "direct", "firsthand", "first-hand"))
# "a nurse", "an elderly farmer": a person introduced without a name (the head is group 1,
# or group 2 after one modifier).
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother) ([a-z][\w-]*+)(?: ([a-z][\w-]*+))?\b")


def _holds(head: str, mods: frozenset[str], role: str) -> bool:
    """Is ``role`` an office of that head, with no rank word the description lacks ("Deputy
    Mayor" is not "the mayor")?"""
    words = _role_heads(role)
    return head in words and not (words - mods - {head}) & RANK_WORDS


def _fits_description(head: str, ent: Entity, mods: frozenset[str] = frozenset()) -> bool:
    """May "the <head>" designate ``ent``?  Not when the head is an office and ``ent`` is
    known to hold other roles but not that one."""
    head = _ROLE_ABBREVIATIONS.get(head, head)
    rank = mods & RANK_WORDS
    if rank and not any(rank <= _role_heads(r) for r in ent.roles):
        return False  # "the deputy mayor" is not the mayor in focus
    if head not in _OFFICES or not ent.roles:
        return True
    return any(_holds(head, mods, r) for r in ent.roles)


# A name opening a sentence, before its verb or its appositive ("Adam Ozimek, an economist
# at ..., calculates").
# (Here and in _ROLE_THEN_CAP, _CAP_SUBJECT, _CAP_APPOSITIVE a word's letters are taken
# possessively, ``*+``: what follows them is no letter, so giving one back never makes a
# match; the engine no longer tries every shorter length of a word before failing: 15-25%
# faster, the same matches.)
_SUBJECT = re.compile(
    r"\s*((?:[A-Z][\w’'\-]*+\.?[ \t]+){0,5}[A-Z][\w\-]*+(?:[’']s)?)"
    r"(?=[ \t]+[a-z]|,|[ \t]+\(|[ \t]+(?:–|—|--)[ \t])"
)
# Plural titles before names ("Sens. Ted Cruz and Marco Rubio"): no sentence ends there.
_PLURAL_TITLES = frozenset("sens govs reps gens drs profs".split())
# (``\b`` as a look-behind after each first letter: the regex engine then skips to those
# letters instead of trying every position; 3.5x faster)
_PLURAL_TITLE = re.compile(
    r"(?:S(?<!\w.)ens|G(?<!\w.)(?:ovs|ens)|R(?<!\w.)eps|D(?<!\w.)rs|P(?<!\w.)rofs)\.\s"
)
_SUBORDINATE_OPENERS = frozenset("when as after before because though although".split())
# Lowercase role words between a name and another name ("McConnell spokesman Don Stewart").
_ROLE_THEN_CAP = re.compile(r"(?:[ \t]+[a-z][\w\-]*+){1,3}[ \t]+(?=[A-Z])")
# A capitalised run followed by a lowercase word (a verb, most likely): a clause subject
# when a clause opener stands before it.
_CAP_SUBJECT = re.compile(
    r"(?<![\w’'\-.])((?:[A-Z][\w’'\-]*+\.?[ \t]+){0,3}[A-Z][\w\-]*+(?:[’']s?)?)[ \t]+([a-z]\w*)"
)
# A sentence opening with a description, then a name set off by commas, then a lower-case
# word ("The regional transport minister, Dag Elvebakk, disagrees.").
_OPEN_ROLE_APPOSITIVE = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w\-]*[’']s)[ \t]+[^,.;:()\n\"“”]{2,60}?,[ \t]+"
    r"((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w\-]*)(?:,[ \t]+[a-z]|[ \t]+(?:—|–|--)[ \t])"
)
# The same after "One", "Only one" or "Another" ("Only one, Tomas Ferreol, replied.", "One
# local woman, Karen Robison, pulled ..."), tried only when the sentence opens so.
_OPEN_ONE_APPOSITIVE = re.compile(
    r"\s*(?:Only[ \t]+one|One|Another)(?:[ \t]+[^,.;:()\n\"“”]{2,60}?)?,[ \t]+"
    r"((?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w\-]*)(?:,[ \t]+[a-z]|[ \t]+(?:—|–|--)[ \t])"
)
# A capitalised run, an appositive opening with an article or an adverbial aside ("Trump,
# after railing against ..., produced"), then a lower-case word.
_CAP_APPOSITIVE = re.compile(
    r"((?:[A-Z][\w’'\-]*+\.?[ \t]+){0,3}[A-Z][\w\-]*+),[ \t]+"
    r"(?:the|a|an|after|before|while|despite)[ \t][^,;]{3,80},[ \t]+([a-z]\w*)"
)
# Words after a capitalised run that show it is no clause subject (the word is no verb).
_NOT_VERB_AFTER = frozenset(
    """of and in on at to for with from by or the a an during after before over about into
    since as than who whom whose which that when where while under through between against
    among""".split()
)
# (a comma or semicolon, or one of: but and while when as after before because so then
# though although, after no word character; one character class first and the look-behinds
# after it, so that the regex engine skips to candidates: 18% faster, and 20% more with the
# comma in the same class - a choice of two classes first is tried at every character)
_CLAUSE_OPENER = re.compile(
    r"[,;abstw](?:(?<=[,;])[”\"’»]?|(?<![\w’'][abstw])(?:(?<=b)(?:ut|efore|ecause)"
    r"|(?<=a)(?:nd|s|fter|lthough)|(?<=w)(?:hile|hen)|(?<=s)o|(?<=t)(?:hen|hough)))"
    r"[ \t](?=[A-Z])"
)
# Coordinators and adverbs opening a sentence before its subject.
_LEADING_COORDINATORS = frozenset("but and yet so still then now also even".split())
_NOT_SUBJECT = frozenset(
    "the a an in on at for from by with after before during but and or so if when while as "
    "this that these those however meanwhile following according".split()
)


def _sorted(stmts: list[Statement]) -> list[Statement]:
    return sorted(stmts, key=lambda s: (s.start, s.end, s.kind))


def _people(doc: Document, stmts: list[Statement], eng: _Engine) -> None:
    by_name: dict[str, Entity] = {}
    for e in eng.reg.entities:
        by_name.setdefault(e.name, e)
    for st in stmts:
        if st.speaker is None:
            continue
        p = doc.people.get(st.speaker)
        if p is None:
            p = doc.people[st.speaker] = Person(st.speaker)
        ent = by_name.get(st.speaker)
        if ent is not None:
            p.aliases.update(ent.aliases)
            p.roles.update(ent.roles)
        if st.mention is not None and st.mention.text.lower() not in PRONOUNS:
            m = st.mention.text
            if m[:1].isupper() and m.split()[0].lower() not in DETERMINERS:
                # (without an "of" phrase: "Omar Haddad of the Corvale Patients' Association")
                _, name = split_role_name(_drop_place_of(m.split()))
                if name:
                    p.aliases.add(" ".join(name))
                else:
                    p.roles.add(m)
            else:
                role, name = _description_and_name(m.split())
                if name:
                    # "chairman Gus Heller", "season-ticket holder Mila Novak"
                    p.aliases.add(" ".join(name))
                if role and not any(ch.isdigit() for ch in role):
                    p.roles.add(role)  # (not an age: "the 62-year-old")
        p.aliases.add(st.speaker)


def _description_and_name(words: list[str]) -> tuple[str, list[str]]:
    """A lower-case mention split into its description, without a leading article, and
    the capitalised name ending it, if any ("union secretary Halima Yusuf" -> ("union
    secretary", ["Halima", "Yusuf"]); "the minister" -> ("minister", []))."""
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == len(words) or k == 0:
        return " ".join(words), []
    return " ".join(words[:k]), words[k:]


def analyze(doc: Document) -> None:
    """Fill ``doc.statements`` and ``doc.people`` in place (see the module docstring).

    - article: statements from ``doc.text[doc.body_start:]`` (the headline is not a source of
      statements, but its names count for spelling the speakers' names);
    - transcript: the labelled lines are kept; quotes inside them are attributed to the
      person the line says is quoted ("He said, ... “...”" is the other debater);
    - record: a record statement is kept as is; otherwise the text is read as an article.
    """
    text = doc.text if isinstance(doc.text, str) else ""
    if doc.format == "transcript" or (
        doc.format == "record" and any(s.kind == "transcript" for s in doc.statements)
    ):  # (a record whose text is a transcript: see readers.records)
        _analyze_preamble(doc, text)
        _analyze_transcript(doc, text)
        return
    if doc.format == "record" and any(s.kind == "record" for s in doc.statements):
        for st in doc.statements:
            if st.speaker:
                doc.people.setdefault(st.speaker, Person(st.speaker, {st.speaker}))
        return
    body = 0 if doc.format == "record" else max(0, min(doc.body_start, len(text)))
    _analyze_article(doc, text, _blocks(text, body, len(text)), len(text))


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of ``text[start:end]``, as spans of ``text``."""
    return [(s + start, e + start) for s, e in split_paragraphs(text[start:end])]


# A wire dateline opening a paragraph: "CORVALE —", "NEW YORK (Reuters) -", "LONDON, March
# 3 (AP) --": not part of the first sentence (its subject follows it).
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]*){0,3}"
    r"(?:,[ \t]+[A-Z][A-Za-z.]*(?:[ \t]+\d{1,2})?)?"
    r"(?:[ \t]*\([A-Za-z][A-Za-z .&/\-]{0,30}\))?[ \t]*(?:—|–|--|-)[ \t]+(?=[A-Z\"“‘(])"
)


# A live blog's time stamp opening an entry: "10:32 Tomas Ferreol rises.", "10:47 a.m." on a
# line of its own, "11.05am:", "10:02 GMT -": no part of the entry's first sentence.
_ENTRY_TIME = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)?|\d{1,2}(?:\.\d{2})?[ \t]*[AaPp]\.?[ \t]?[Mm]\.?)"
    r"(?:[ \t]+(?:GMT|UTC|[A-Z]{1,2}[SD]T|CET|CEST|BST))?"
    r"(?:[ \t]*(?:—|–|--|-|:|\|)[ \t]*|[ \t]*\n[ \t]*|[ \t]+)(?=[A-Z\"“‘«])"
)


def _past_dateline(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``blocks`` with a dateline or a live blog's time stamp opening a paragraph left out
    of it."""
    out = []
    for ps, pe in blocks:
        m = _DATELINE.match(text, ps, pe)
        if m is None and "0" <= text[ps : ps + 1] <= "9":
            m = _ENTRY_TIME.match(text, ps, pe)
        out.append((m.end(), pe) if m is not None else (ps, pe))
    return out


def _analyze_article(doc: Document, text: str, blocks: list[tuple[int, int]], end: int) -> None:
    """Statements of the paragraphs ``blocks`` of ``text[:end]``, read as an article (the
    names of all of ``text[:end]`` count for spelling the speakers' names)."""
    blocks = _past_dateline(text, blocks)
    eng = _Engine(doc)
    eng.reg.scan(text[:end])  # (the whole text itself, not a copy, when end is its length)
    eng.run_blocks(blocks)
    eng.label_turns(blocks)
    eng.interview_answers(blocks)
    stmts = _sorted(_valid(eng.out, end))
    stmts = _sorted(stmts + _nested_quotes(doc, text, stmts, eng.reg))
    doc.statements.extend(stmts)
    doc.statements.sort(key=lambda s: (s.start, s.end))
    _people(doc, stmts, eng)


def _nested_quotes(
    doc: Document, text: str, stmts: list[Statement], reg: Registry
) -> list[Statement]:
    """Quotes inside a direct quote that its words attribute ("“She told me, ‘Never
    again.’”", "“I remember Brandt saying, ‘We will win this,’” Ferreol recalled"): read as
    quotes inside a transcript line whose speaker is the outer quote's ("I" is that
    speaker; "she" someone the quote names, else unknown)."""
    outer = []
    for st in stmts:
        if st.kind != "direct":
            continue
        # (an opening mark inside a piece of the quote, a cue word shortly before it:
        # "..., saying, ‘...’"; not the marks between the pieces of a split quote)
        if any(
            CUE_RE.search(text, max(a, m.start() - 60), m.start()) is not None
            for a, b in st.spans
            for m in _INNER_MARK.finditer(text, a, b)
        ):
            outer.append(st)
    if not outer:
        return []
    eng = _Engine(doc)
    eng.reg = reg
    blocks: list[tuple[int, int]] = []
    speakers: list[tuple[str | None, str | None]] = []
    for st in outer:
        for a, b in st.spans:
            blocks.append((a, b))
            speakers.append((st.speaker or "", None))
    starts = [a for a, _ in blocks]  # (in order: quotes do not overlap)
    out = []
    for st in _quotes_in_turns(eng, blocks, speakers, len(text)):
        k = bisect_right(starts, st.start) - 1
        if st.cue is None or k >= 0 and (st.start, st.end) == blocks[k]:
            continue
        # the outer quote's speaker ("" for none), if the inner quote lies in its piece
        speaker = speakers[k][0] or None if k >= 0 and st.end <= blocks[k][1] else None
        ment = st.mention.text if st.mention is not None else ""
        if ment.lower() in ("i", "we") or CUE_FORMS.get(st.cue.text.lower()) in _NAMING_VERBS:
            # "We call it the ‘harbour plan’", "They call it ‘a bridge to nowhere,’ but ...":
            # the outer speaker's own words, or a label he quotes to answer it
            continue
        if st.speaker is None and not (
            ment[:1].isupper() or ment.split()[0].lower() in DETERMINERS if ment else False
        ):
            continue  # (no speaker, and a mention that is no phrase: "I am asking, ‘...’")
        if st.speaker is not None and st.speaker == speaker:
            continue
        m = st.mention
        if m is not None and m.text[:1].islower():
            cap = _CAP_WORD.search(m.text)
            if cap is not None:
                # "I remember Brandt saying": the mention is the name, not the verb before it
                st.mention = Marked(m.text[cap.start() :], m.start + cap.start(), m.end)
        out.append(st)
    return out


# An opening mark inside a quote: not an apostrophe ("don't", "voters'").
# (one character class first: the regex engine skips to the marks; ``[‘"“«]|(?<![\w’'])'(?=\w)``
# tried both branches at every character, 4.5x slower)
_INNER_MARK = re.compile(r"[‘\"“«'](?:(?<!')|(?<![\w’']')(?=\w))")


def _analyze_preamble(doc: Document, text: str) -> None:
    """A transcript's text before its first turn, below its headline, read as an article:
    the introduction of a partial transcript ("Governor X said on CNN ... Partial
    transcript as follows:") has statements of its own."""
    first = first_turn_start(doc.statements) or 0
    headline = re.search(r"\S[^\n]*", text[:first])
    if headline is None:
        return
    blocks = _blocks(text, headline.end(), first)
    if blocks:
        _analyze_article(doc, text, blocks, first)


def _quotes_in_turns(
    eng: _Engine,
    blocks: list[tuple[int, int]],
    speakers: list[tuple[str | None, str | None]],
    n: int,
) -> list[Statement]:
    """The direct quotes inside ``blocks`` read as transcript turns: block i is spoken by
    ``speakers[i][0]`` (None or "": nobody known) while ``speakers[i][1]`` is the other
    party ("he said" in a debater's line), as in a transcript or inside an outer quote."""
    eng.block_speakers = speakers
    eng.transcript_speaker = speakers[0][0] or ""
    eng.run_blocks(blocks, quotes_only=True)
    return _valid([s for s in eng.out if s.kind == "direct"], n)


def _valid(stmts: list[Statement], n: int) -> list[Statement]:
    out = []
    seen: set[tuple[str, int, int]] = set()
    for st in stmts:
        spans = sorted((max(0, a), min(n, b)) for a, b in st.spans if 0 <= a < b <= n)
        if not spans:
            continue
        st.spans = spans
        st.start, st.end = spans[0][0], spans[-1][1]
        key = (st.kind, st.start, st.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(st)
    return out


def _full_label_names(lines: list[Statement], reg: Registry, text: str) -> None:
    """A surname label ("TRUMP:") takes the full name the transcript gives that speaker
    before or in the speaker's first turn ("The participants tonight are Donald Trump and
    ...", "I'm Lester Holt", an earlier "DONALD TRUMP:" label), when exactly one such name
    ends in that surname. A namesake first named later ("my husband Bill Clinton") is not
    the speaker."""
    first_turn_end: dict[str, int] = {}  # label -> end of its first run of lines
    over: set[str | None] = set()
    prev: str | None = None
    for s in lines:
        lab = s.speaker
        if prev != lab:
            over.add(prev)
        if lab and lab not in over:
            first_turn_end[lab] = s.end
        prev = lab
    # every full name with the words of it and where it is first given: in the text, or
    # as a label of its own ("JAKE TAPPER:" before "TAPPER:")
    named: dict[str, tuple[list[str], int]] = {}

    def give(name: str, words: list[str], pos: int) -> None:
        if name not in named or pos < named[name][1]:
            named[name] = (words, pos)

    for e in reg.entities:
        if e.full and e.positions:
            give(e.name, e.words, e.positions[0])
    for s in lines:
        if s.speaker and " " in s.speaker:
            give(s.speaker, name_words(s.speaker), s.mention.start if s.mention else s.start)
    written = {s.speaker: s.mention.text for s in lines if s.speaker and s.mention is not None}
    full: dict[str, str | None] = {}
    # the names surname labels take: initials never take one of them ("INGRAM:" is Lars
    # Ingram, so "LI:" is not him)
    by_surname = {
        name
        for lab, end in first_turn_end.items()
        if " " not in lab
        for name, (words, pos) in named.items()
        if words[-1:] == name_words(lab)[-1:] and pos < end
    }
    for lab, end in first_turn_end.items():
        if " " in lab:
            continue
        last = name_words(lab)[-1:]
        found = {name for name, (words, pos) in named.items() if words[-1:] == last and pos < end}
        initials = _INITIALS.fullmatch(written.get(lab, "")) if not found else None
        if initials is not None:
            # "PD:" / "IB:", as interviews print their two parties: the one full name given
            # before the label's first turn with those initials ("Petra Dorn talked to Ilsa
            # Brandt")
            letters = initials.group().replace(".", "").casefold()
            found = {
                name
                for name, (words, pos) in named.items()
                if pos < end and "".join(w[:1] for w in words) == letters and name not in by_surname
            }
            if found:  # (a surname comes first: "LI:" is Mei Li before Lars Ingram)
                full[lab] = found.pop() if len(found) == 1 else None
                continue
        if not found:
            # named only later: by another speaker who addresses or introduces them ("Mayor
            # Ilsa Brandt, your answer?", "Thank you, Ilsa Brandt."), or by a label of the
            # full name; not a namesake in passing ("my cousin Anton Brandt built it")
            own = [(s.start, s.end) for s in lines if s.speaker == lab]
            found = {
                e.name
                for e in reg.entities
                if e.full
                and e.words[-1:] == last
                and any(_addressed(text, p, e, own) for p in e.positions)
            } | {
                s.speaker
                for s in lines
                if s.speaker and " " in s.speaker and name_words(s.speaker)[-1:] == last
            }
        full[lab] = found.pop() if len(found) == 1 else None
    for s in lines:
        name = full.get(s.speaker or "")
        if name:
            s.speaker = name


# A label of initials: "PD", "I.B.".
_INITIALS = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}")
# Before a name that addresses or introduces its bearer: the start of a sentence or clause,
# maybe a title ("Mayor Ilsa Brandt, ...", "Thank you, Ilsa Brandt."); after it, a comma or
# the end of the sentence.
_ADDRESS_BEFORE = re.compile(
    r"(?:^|[.?!:;,(\n\"“‘—–-])[ \t]*(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Dd]r)\.?[ \t]+|"
    r"(?:[A-Z][a-z]+[ \t]+){0,2}?(?:[Mm]ayor|[Ss]enator|[Gg]overnor|[Ss]ecretary|[Mm]inister|"
    r"[Pp]resident|[Cc]ouncill?or|[Pp]rofessor|[Jj]udge|[Cc]ongress(?:wo)?man|"
    r"[Rr]epresentative|[Cc]hair(?:man|woman)?|[Cc]ommissioner|[Ss]peaker|[Ll]eader)[ \t]+)?$"
)
_ADDRESS_AFTER = re.compile(r"[ \t]*(?:[,?!.:;]|$)", re.M)


def _addressed(text: str, pos: int, ent: Entity, own: list[tuple[int, int]]) -> bool:
    """Is the name of ``ent`` at ``pos`` one that addresses or introduces a speaker, outside
    the lines ``own`` of the speaker it would name?"""
    if any(a <= pos < b for a, b in own):
        return False  # ("my husband Bill Clinton", in her own words: a namesake)
    end = pos + len(ent.name)
    after = _ADDRESS_AFTER.match(text, end)
    if text[pos:end] != ent.name or after is None:
        return False
    before = _ADDRESS_BEFORE.search(text[max(0, pos - 60) : pos])
    if before is None:
        return False
    # set off by commas on both sides, the name is an aside ("built by my cousin, Anton
    # Brandt, in 1990"), not an address ("Thank you, Ilsa Brandt.")
    return not (before.group().strip()[:1] == "," and after.group().strip() in (",", ";", ":"))


# Who an interview's introduction says is interviewed: "Petra Dorn interviewed Ilsa Brandt",
# "an interview with Mayor Ilsa Brandt", "Q&A with Ilsa Brandt".
_INTERVIEWED = re.compile(
    r"\b(?:[Ii]nterviewed|[Ii]nterview[ \t]+(?:with|of)|Q[ \t]?&[ \t]?A[ \t]+with)[ \t]+"
    r"(?:(?:Mayor|Senator|Sen\.|Governor|Gov\.|President|Minister|Dr\.|Mr\.|Ms\.|Mrs\.|"
    r"Professor|Prof\.|Judge|Councillor|Chancellor)[ \t]+)?"
    r"(?P<name>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){1,2})\b"
)


def _interviewee(
    lines: list[Statement], reg: Registry, first: int, headline_end: int, text: str
) -> Entity | None:
    """A "Q:"/"A:" interview: the answers are the person's the text introduces before
    the first turn ("Interview with Ondra Valsek, harbour master of Corvale"), when its
    headline gives exactly one full name, or else the whole text before the first turn
    does, or else that text says of one of the people it names that they are interviewed
    ("Petra Dorn interviewed Ilsa Brandt"); otherwise they stay no one's. Returns the
    interviewee."""
    if any(s.speaker for s in lines):
        return None
    answers = [s for s in lines if s.mention and s.mention.text.strip().upper() in ("A", "ANSWER")]
    if not answers:
        return None
    # every full name there counts against the others (a place too: "in New York"); the
    # headline's own first ("Q&A with Vice President Joe Biden", then the reporters)
    named = [e for e in reg.entities if e.full and e.positions and e.positions[0] < first]
    for group in ([e for e in named if e.positions[0] < headline_end], named):
        if len(group) == 1:
            for s in answers:
                s.speaker = group[0].name
            return group[0]
        if len(group) > 1:
            break
    # two people named ("Petra Dorn interviewed Ilsa Brandt, the mayor"): the one the
    # introduction says is interviewed, if it says so of one
    found = {" ".join(m.group("name").split()) for m in _INTERVIEWED.finditer(text, 0, first)}
    if len(found) == 1:
        name = found.pop()
        ent = next((e for e in named if e.name == name), None)
        if ent is not None:
            for s in answers:
                s.speaker = ent.name
            return ent
    return None


def _narrated_answers(lines: list[Statement], text: str, who: Entity) -> list[Statement]:
    """The paragraphs after an answer that are the writer's, not the interviewee's: from
    the first unlabelled paragraph that names the interviewee ("Sarkany, 58, grew up on the
    bay.") to the next label. An interview printed inside a feature goes back to narration
    without a label; a person rarely names themselves in their own answer."""
    surname = who.name.split()[-1]
    pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
    out: list[Statement] = []
    narrating: int | None = None
    for s in lines:
        label = s.mention.start if s.mention else s.start
        if s.speaker != who.name or "\n" not in text[label : s.start]:
            narrating = None  # a labelled line: a new turn
            continue
        if narrating == label or pattern.search(text, s.start, s.end):
            narrating = label
            out.append(s)
    return out


def _names_speaker_label(st: Statement) -> bool:
    """Does the label of a transcript line name its speaker ("MR. VALSEK", "THE COURT")?
    Not a generic one ("Q", "A", "QUESTION") that the transcript gave to someone."""
    return st.mention is not None and not GENERIC.fullmatch(st.mention.text.strip().upper())


def _analyze_transcript(doc: Document, text: str) -> None:
    lines = [
        s for s in doc.statements if s.kind == "transcript" and 0 <= s.start < s.end <= len(text)
    ]
    if not lines:
        return
    eng = _Engine(doc)
    # the words of the turns, not the labels around them ("HOLT\tI'm Lester Holt")
    first = first_turn_start(lines) or 0
    if first > 0:
        eng.reg.scan(text, 0, first)
    for s in lines:
        eng.reg.scan(text, s.start, s.end)
    _full_label_names(lines, eng.reg, text)
    headline = re.search(r"\S[^\n]*", text[:first])
    who = _interviewee(lines, eng.reg, first, headline.end() if headline else 0, text)
    narrated = _narrated_answers(lines, text, who) if who is not None else []
    if narrated:
        gone = {id(s) for s in narrated}
        lines = [s for s in lines if id(s) not in gone]
        doc.statements = [s for s in doc.statements if id(s) not in gone]
    labels: list[str] = []
    for s in lines:
        if s.speaker and s.speaker not in labels:
            labels.append(s.speaker)
    eng.labels = labels
    # for each line: who speaks, and who the other debater is (the last different speaker)
    # ... but in a debater's line "he"/"she" is the other debater, not the moderator who
    # spoke in between: the two labels with the most lines are the debaters
    counts: dict[str | None, int] = {}
    hosts: set[str | None] = set()
    for s_ in lines:
        counts[s_.speaker] = counts.get(s_.speaker, 0) + 1
        label = text[text.rfind("\n", 0, s_.start) + 1 : s_.start]
        if _HOST_PART.search(label):
            hosts.add(s_.speaker)  # "MODERATOR (PETRA DORN):" moderates, not debates
    # ... not the first speaker either when they ask (a chair), who may say more lines than
    # either debater in a short or town-hall transcript, when two named others speak (an
    # excerpt may open with a debater, who is then still one)
    chairs = hosts | {lines[0].speaker}
    chair = lines[0].speaker
    asks = any(
        text[s_.start : s_.end].rstrip().endswith("?") for s_ in lines if s_.speaker == chair
    )
    eligible: list[str | None] = [
        lab for lab in counts if lab and lab not in (chairs if asks else hosts)
    ]
    if len(eligible) < 2:
        eligible = [lab for lab in counts if lab not in hosts or len(counts) - len(hosts) < 2]
    top = sorted(eligible, key=lambda lab: -counts[lab])[:2]
    # whom "your opponent" in a host's line may mean: the two who speak, when the others
    # are hosts (a label's part, or the first speaker) and no one else speaks
    debaters = [lab for lab in counts if lab and lab not in chairs]
    eng.debaters = debaters if len(debaters) == 2 else []
    speakers: list[tuple[str | None, str | None]] = []
    last_other: dict[str | None, str | None] = {}
    prev: str | None = None
    for s in lines:
        cur = s.speaker
        if prev is not None and prev != cur:
            last_other[cur] = prev
        other = last_other.get(cur)
        if len(top) == 2 and cur in top and len(counts) > 2:
            other = top[1] if cur == top[0] else top[0]
        if other is None:
            other = next((lab for lab in labels if lab != cur), None)
        speakers.append((cur, other))
        prev = cur
    new = _quotes_in_turns(eng, [(s.start, s.end) for s in lines], speakers, len(text))
    doc.statements.extend(new)
    doc.statements.sort(key=lambda s: (s.start, s.end))
    if narrated:
        _analyze_article(doc, text, [(s.start, s.end) for s in narrated], len(text))
    for st in doc.statements:
        if st.speaker:
            p = doc.people.setdefault(st.speaker, Person(st.speaker))
            p.aliases.add(st.speaker)
            if st.mention is not None and st.kind == "transcript" and _names_speaker_label(st):
                p.aliases.add(st.mention.text)  # (not "Q" or "A": a court's examiner, witness)
