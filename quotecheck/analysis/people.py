"""The people a document names: full names, surnames, titles and roles, and who a mention means.

A :class:`Registry` is built once per document from every capitalised name in the text
(headline included): "Russian Foreign Minister Sergei Lavrov" registers the person
"Sergei Lavrov" with the role "Russian Foreign Minister"; "Lavrov" later resolves to him,
and so do "the Russian Minister" and "the Russian Foreign Minister" (every word of the
description belongs to his role).  Transliteration variants share a key (names.person_key).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from quotecheck.analysis.cues import CUE_FORMS
from quotecheck.analysis.names import (
    DETERMINERS,
    FEMALE_NAMES,
    MALE_NAMES,
    POSTNOMINALS,
    TITLES,
    _role_words,
    fits_role,
    name_words,
    translit,
)
from quotecheck.analysis.tokens import fold as _fold_uncached

fold = lru_cache(maxsize=65536)(_fold_uncached)

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f"
# (a word's letters are taken possessively, ``*+``: what may follow them - a blank, or
# the end of the run - is no letter, so giving one back never makes a match, but after a
# capitalised word followed by a lower-case one the engine tried every shorter length:
# NAME_RUN 30-40% faster, the same matches)
_CAPW = rf"[{_UPPER}](?:[a-zA-Z]{{0,2}}\.(?=[ \t])|[\w’'\-]*+)"
# Runs of capitalised words: candidate names with their titles ("Sen. Ted Cruz").
# (the look-behind sits after the first capital, so the regex engine can skip ahead to
# capitals instead of trying every position)
# Lower-case particles inside names ("Jan van der Berg", "Ana de la Cruz"), before a
# capitalised word only.
_PARTICLES = r"(?:van|von|der|den|de|del|della|la|le|du|da|di|dos|das|ter|ten|bin|ibn|al)"
NAME_RUN = re.compile(
    rf"[{_UPPER}](?<![\w’'\-][{_UPPER}])(?:[a-zA-Z]{{0,2}}\.(?=[ \t])|[\w’'\-]*+)"
    rf"(?:[ \t]+(?:{_PARTICLES}[ \t]+){{0,2}}{_CAPW}){{1,5}}"
)
_APPOSITIVE = re.compile(r",[ \t]+((?:the|a|an|[\w\-]+’s|[\w\-]+'s)[ \t]+[^,.;:()\n\"“”]{2,80}?),")
# A role set before a name by commas ("The regional transport minister, Dag Elvebakk,
# said"; "..., and the bank's governor, Henrika Lamm, told"): matched on the text before
# the name; the determiner is not part of the role.
_ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|[\s(“\"])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[\w\-]+’s|[\w\-]+'s)[ \t]+"
    r"([^,.;:()\n\"“”]{2,70}?),[ \t]+$"
)

# Nouns that make a capitalised run an organisation or a place, not a person.
ORG_WORDS = frozenset(
    """house center centre service party committee council department ministry office news
    post times journal network agency court association institute university college
    commission bureau foundation fund group union administration congress senate campaign
    company corp inc ltd bank street avenue state states city county republic kingdom
    airport hospital school church police army navy force forces guard club league team
    press media tv radio magazine daily tribune herald gazette review report poll polls
    international national federal united american democratic republican democrats
    republicans museum hotel tower square park hall building program project initiative
    act treaty convention summit conference war day week month year google twitter facebook
    fox cnn msnbc reuters watch technologies technology systems holdings partners capital
    labs industries motors airlines energy time network networks european african asian
    americas council agreement accord plan research
    amendment amendments clause constitution doctrine prize award awards memorial monument
    stadium arena cathedral mosque synagogue library highway boulevard plaza canyon
    embassy consulate parliament government authority chamber assembly cabinet tribunal
    laboratory society federation alliance coalition movement brigade regiment fleet
    province region district harbour harbor prison
    shipping airways airline oil gas petroleum pharmaceuticals pharma foods brands
    securities insurance bancorp financial logistics telecom communications electric steel
    mining resources construction entertainment studios pictures publishing software
    solutions services products chemicals ventures investments properties railways railway
    transport operations lines freight trust
    peninsula ocean sea gulf island valley beach east legacy history apprentice""".split()
)
_PLACE_PAIRS = frozenset(
    """new_york new_hampshire new_jersey new_mexico north_carolina south_carolina north_dakota
    south_dakota west_virginia rhode_island south_korea north_korea south_korean north_korean
    saudi_arabia united_kingdom new_zealand hong_kong los_angeles san_francisco new_orleans
    las_vegas san_diego el_paso sandy_hook middle_east puerto_rico costa_rica sri_lanka
    el_salvador san_antonio san_jose santa_fe st_louis baton_rouge des_moines salt_lake
    buenos_aires tel_aviv abu_dhabi cape_town new_delhi kuala_lumpur sierra_leone
    burkina_faso south_africa south_sudan east_timor west_bank latin_america""".split()
)
# Places that stand alone as a sentence's subject ("Texas said", "Japan argued").
PLACES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
    america britain england scotland wales ireland france germany italy spain portugal
    russia ukraine china japan korea india pakistan iran iraq syria israel egypt turkey
    mexico canada brazil cuba venezuela europe asia africa australia greece poland sweden
    norway denmark finland belgium netherlands austria switzerland hungary afghanistan
    libya yemen jordan lebanon saudi qatar nigeria kenya taiwan vietnam philippines
    indonesia washington london paris berlin moscow beijing tokyo brussels chicago boston
    detroit houston dallas atlanta miami denver seattle liverpool manchester jerusalem
    baghdad kabul tehran damascus cairo""".split()
)
# Words heading a role description ("Foreign Minister", "campaign spokeswoman").
ROLE_HEADS = frozenset(
    """minister secretary president senator sen spokesman spokeswoman spokesperson director
    chairman chairwoman chair governor gov mayor leader chief ambassador commissioner
    candidate nominee representative rep congressman congresswoman adviser advisor aide
    manager officer judge attorney general correspondent analyst professor prof executive
    ceo founder strategist pollster host anchor editor reporter columnist economist lawyer
    premier chancellor king queen prince pope speaker whip deputy head envoy negotiator
    counsel coach businessman businesswoman billionaire activist author actor actress singer
    official diplomat vice-president mr mrs ms dr president-elect hopeful contender
    challenger incumbent lawmaker legislator prosecutor sheriff surgeon physician doctor
    chairperson cofounder co-founder commander superintendent trustee director-general
    secretary-general councillor councilor councilman councilwoman councilmember alderman
    alderwoman assemblyman assemblywoman assemblymember delegate treasurer comptroller
    auditor magistrate constable inspector detective lieutenant marshal warden dean provost
    principal rector vicar pastor priest archbishop bishop cardinal rabbi imam sheikh
    emir president-elect governor-elect senator-elect mayor-elect captain skipper sergeant
    colonel admiral corporal goalkeeper striker midfielder defender quarterback pitcher
    nurse teacher farmer engineer scientist researcher historian firefighter""".split()
)
_FUNCTION_CAPS = frozenset(
    """the a an in on at for from by with after before during since but and or so if when
    while as this that these those there it its he she they we i you his her their our my
    however meanwhile still then now also despite because what who why how where which whether
    following according asked said says one many some most all no not both each another
    such other yes mr mrs ms monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec god me us him them let do can
    won isn aren wasn weren didn doesn couldn wouldn shouldn hasn haven to of into onto over
    under about through beneath below above across along around behind beyond near upon via
    outside inside was were is are been only even just without against like unlike besides
    given whatever whenever among amid toward towards within except including unless until
    had has have""".split()
)
_ROLE_CONTEXT = ROLE_HEADS | frozenset("of for state affairs foreign".split())
_PLACE_PREPS = frozenset("of in at from to near into across outside inside".split())
_ROLE_GLUE = frozenset("of for the and state affairs foreign".split())
FEMALE_WORDS = frozenset(
    """mrs ms miss spokeswoman congresswoman chairwoman businesswoman actress queen princess
    councilwoman alderwoman assemblywoman madam dame lady sister mother grandmother wife
    daughter widow duchess empress""".split()
)
MALE_WORDS = frozenset(
    """mr spokesman congressman chairman businessman king prince councilman alderman
    assemblyman sir lord father brother grandfather husband son widower duke emperor""".split()
)


@dataclass(slots=True)
class Entity:
    """A person as this document names them."""

    name: str
    words: list[str]  # name_words of the canonical name
    aliases: set[str] = field(default_factory=set)
    roles: dict[str, int] = field(default_factory=dict)  # role text -> first position
    positions: list[int] = field(default_factory=list)
    gender: str | None = None
    full: bool = False  # a first name and a surname are known
    person: bool = False  # known to be a person: a given name, a title or role, or a speaker
    gender_inferred: bool = False  # the gender comes from nearby pronouns only
    gender_titled: bool = False  # the gender comes from "Mr."/"Ms." before the surname only

    def last_before(self, pos: int) -> int:
        i = bisect_left(self.positions, pos)
        return self.positions[i - 1] if i else -1

    def add_position(self, pos: int) -> None:
        """Record a mention at ``pos`` (positions stay sorted, for bisection)."""
        ps = self.positions
        if not ps or ps[-1] <= pos:
            ps.append(pos)
        else:
            insort(ps, pos)


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _clean(word: str) -> str:
    w = word.rstrip(".").removesuffix("’s").removesuffix("'s")
    if w.endswith(("s’", "s'")):
        w = w[:-1]  # a plural possessive: "Sanders’" -> "Sanders"
    return w


@lru_cache(maxsize=131072)
def _fc(word: str) -> str:
    """fold(_clean(word)), cached: the form every name test compares."""
    return fold(_clean(word))


def split_role_name(words: list[str]) -> tuple[list[str], list[str]]:
    """("Russian Foreign Minister Sergei Lavrov") -> (role words, name words)."""
    cut = _role_cut(tuple(words))
    return words[:cut], words[cut:]


@lru_cache(maxsize=65536)
def _role_cut(words: tuple[str, ...]) -> int:
    cut = 0
    for i, w in enumerate(words):
        f = _fc(w)
        if i == len(words) - 1 and i > cut and any(_given(x) for x in words[cut:i]):
            break  # a surname that is also a role word: "Steve King", "Mike Judge"
        if (
            f in ROLE_HEADS
            or f in TITLES
            or i < len(words) - 2
            and (_profession(f) or _trade(f) or i == 0 and _word_before_given(words, i))
        ):
            cut = i + 1
    return cut


# Compound trade nouns no list names ("Harbourmaster", "Headteacher", "Lockkeeper",
# "Filmmaker", "Steelworker"), before a name of two words or more.
_TRADE_ENDINGS = ("master", "keeper", "teacher", "maker", "writer", "worker", "caster")


def _trade(f: str) -> bool:
    return f.endswith(_TRADE_ENDINGS) and len(f) >= 9  # (a compound: not "master" alone)


def _word_before_given(words: tuple[str, ...], i: int) -> bool:
    """A first word that is no given name right before one, with a surname after
    ("Democrat Tim Kaine", "Vermonter Bernie Sanders", "Chef Anna Lind"): a description,
    not a name's first word (a name opens with its given name). Only the run's first
    word: "Fox News Sean Hannity", "the White House James S. Brady briefing room" are an
    outlet's or a room's name before a person's."""
    c = _clean(words[i])
    return (
        len(c) > 3
        and c[:1].isupper()
        and not c.isupper()
        and fold(c).endswith(_DESCRIPTION_ENDINGS)
        and not _given(c)
        and _given(words[i + 1])
        and fold(c) not in PARTICLE_WORDS
    )


# How a party, a profession, a home or a stance ends ("Democrat", "Republican", "Comedian",
# "Texan", "Vermonter", "Activist", "Independent", "Conservative", "Liberal"): a rare given
# name followed by a common one ("Cornell William Brooks") seldom does.
_DESCRIPTION_ENDINGS = ("an", "ist", "er", "crat", "ite", "ent", "ive", "al")


def _profession(f: str) -> bool:
    """A profession no list names, by its ending: "meteorologist", "pediatrician",
    "nutritionist" (not a surname in -qvist or -quist)."""
    return (
        f.endswith(("ologist", "ician"))
        or len(f) >= 7
        and f.endswith("ist")
        and not f.endswith(("qvist", "quist", "kvist"))
    )


def gender_of(first: str, context: list[str]) -> str | None:
    f = fold(first)
    for w in context:
        lw = _fc(w)
        if lw in FEMALE_WORDS:
            return "f"
        if lw in MALE_WORDS:
            return "m"
    if f in FEMALE_NAMES:
        return "f"
    if f in MALE_NAMES:
        return "m"
    return None


# Capitalised at the start of a sentence, these are groups or generic sources, never a name.
GENERIC_NOUNS = frozenset(
    """officials official critics supporters analysts experts sources source democrats
    republicans voters residents authorities police investigators prosecutors lawmakers
    aides advisers advisors organizers organisers protesters observers economists scientists
    researchers doctors witnesses others some many both neither everyone everybody nobody
    people americans conservatives liberals progressives activists leaders members
    opponents rivals allies friends relatives neighbors neighbours family families parents
    students teachers workers employees staff staffers spokesmen spokespeople diplomats
    ministers senators congressmen delegates donors fans users viewers readers polls
    surveys studies reports records documents data figures statistics estimates
    several few most all each either another one two three four five six seven eight nine ten
    officers troops soldiers agents demonstrators marchers mourners participants respondents
    attendees islander islanders hispanic hispanics latino latinos latina latinas colleagues
    coworkers co-workers classmates teammates""".split()
)
# Words of saying in any form, and other sentence openers that are never part of a name.
_VERB_FORMS = frozenset(CUE_FORMS) | frozenset(
    """running though although additional more less further other proponents opponents
    asked despite""".split()
)
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|m|d|s|t)$", re.IGNORECASE)


def strip_openers(words: list[str]) -> list[str]:
    """Drop what is stuck before a name: sentence openers ("Asserting Clinton"), places and
    their possessives ("New Jersey’s Steve Lonegan", "Texas-based Matt Mack"), ages
    ("17-year-old Jared Potts")."""
    for k in range(len(words) - 1):
        if words[k].endswith(("’s", "'s", "s’", "s'")):
            words = words[k + 1 :]
            break
    while len(words) > 1 and (
        _fc(words[0]) in _VERB_FORMS
        or words[0].replace("’", "'") == "I'm"  # "I'm Lester Holt": a self-introduction
        or words[0].endswith("-based")
        # "17-year-old Jared Potts" (a word of letters only has no digit: not looked at)
        or (not words[0].isalpha() and any(ch.isdigit() for ch in words[0]))
    ):
        words = words[1:]
    if len(words) > 2 and _place_pair(words[0], words[1]):
        words = words[2:]
    return words


def _place_pair(a: str, b: str) -> bool:
    return _fc(a) + "_" + _fc(b) in _PLACE_PAIRS


# Function words (months) that are also surnames, when a given name comes first.
_SURNAME_WORDS = frozenset(("may", "march", "august"))
# Last words of place names ("Ostrava Bay", "Kessel River"), unless a given name comes
# first ("Michael Bay"; "Bay Buchanan" is a given name).
_PLACE_TAILS = frozenset("bay river lake harbour harbor coast strait".split())


def _given(word: str) -> bool:
    f = _fc(word)
    return f in MALE_NAMES or f in FEMALE_NAMES


PARTICLE_WORDS = frozenset(_PARTICLES[3:-1].split("|"))


def looks_like_name(words: list[str]) -> bool:
    if words and any(w in PARTICLE_WORDS for w in words):
        # "Jan van der Berg", "(Mr) van der Berg": particles before a capitalised word
        if words[-1] in PARTICLE_WORDS:
            return False
        words = [w for w in words if w not in PARTICLE_WORDS]
    if not words or len(words) > 4:
        return False
    if len(words) == 1 and _fc(words[0]) in PLACES:
        return False
    if len(words) == 1 and len(words[0]) > 6 and _fc(words[0]).endswith(("ists", "ians")):
        return False  # a plural of a profession: "Meteorologists", "Physicians", "Historians"
    if len(words) == 2 and _place_pair(words[0], words[1]):
        return False
    for i, w in enumerate(words):
        c = _clean(w)
        if not c or not c[0].isupper():
            return False
        f = fold(c)
        if f in _SURNAME_WORDS and i == len(words) - 1 and i > 0 and _given(words[i - 1]):
            continue  # "Theresa May", "Petra March": a surname after a given name
        if len(c) == 1 and w.endswith(".") and 0 < i < len(words) - 1:
            continue  # a middle initial: "Jill A. Martin" ("A" is no article here)
        if f == "jan" and i == 0 and len(words) > 1 and w == "Jan":
            continue  # the given name "Jan van der Berg" (the month is written "Jan.")
        if f in ORG_WORDS or f in _FUNCTION_CAPS or f in GENERIC_NOUNS or f in _VERB_FORMS:
            return False  # "Asserting Clinton", "Said", "Though Kaine"
        if f in _PLACE_TAILS and i == len(words) - 1 and i > 0 and not _given(words[i - 1]):
            return False
        if f.endswith("-based"):
            return False  # "Chicago-based AbbVie"
        if (
            ("'" in f or "’" in f)
            and _CONTRACTION.search(f)
            and fold(_CONTRACTION.sub("", f)) in _FUNCTION_CAPS
        ):
            return False  # "We're", "It's", "Don't"
        if len(c) > 1 and c.isupper() and not (len(c) <= 2 and w.endswith(".")):
            return False  # acronyms: NYPD, CNN
        if not c.isalpha() and any(ch.isdigit() for ch in c):  # (letters only: no digit)
            return False
    return True


_LEFT_WORD_OK = re.compile(r"[\w’'\-.]+")


_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-|[Pp]redecessor)")


def _role_part(words: list[str]) -> list[str] | None:
    """The role in a description: all of it when it ends in a role head; the words before
    "of" when they do ("mayor of Corvale" -> "mayor": the rest names a place or a body,
    and a mention of it, "the book" after "the author of the book", is nobody's role)."""
    if not words:
        return None
    if _fc(words[-1]) in ROLE_HEADS:
        return words
    if "of" not in words:
        return None
    i = words.index("of")
    if i >= 1 and _fc(words[i - 1]) in ROLE_HEADS and len(words) - i <= 4:
        return words[:i]
    return None


def _left_role_of(window: str) -> str:
    """The role words ending just before a name ("... Russian Foreign Minister |Sergei")."""
    if not window or window[-1] not in " \t":
        return ""
    window = window[window.rfind("\n") + 1 :]
    words: list[str] = []
    for w in reversed(window.split()):
        if len(words) == 6 or not _LEFT_WORD_OK.fullmatch(w):
            break
        words.append(w)
    keep: list[str] = []
    for w in words:
        f = _fc(w)
        if w.endswith((",", ";", ":", ".")) and f not in TITLES:
            break
        if f in DETERMINERS or not (
            f in ROLE_HEADS or f in _ROLE_GLUE or _is_cap(w) or f in _ROLE_EXTRA
        ):
            break
        keep.append(w)
    keep.reverse()
    while keep and fold(keep[0]) in _ROLE_GLUE:
        keep.pop(0)
    if any(_fc(w) in ROLE_HEADS for w in keep):
        return " ".join(keep)
    return ""


# he/his/him/himself, she/her/hers/herself. One character class first, the look-behind
# after it: only then does the regex engine skip to candidate positions (a choice of two
# classes is tried at every position: 2.4x slower)
_GENDER_PRONOUN = re.compile(
    r"[HhSs](?<![A-Za-z][HhSs])(?:(?<=[Hh])(?:e|is|im|er|ers|imself|erself)|(?<=[Ss])he)(?![A-Za-z])"
)
_FEMININE = frozenset("she her hers herself".split())
_GENDER_WINDOW = 160

_ROLE_EXTRA = frozenset("press campaign white house former deputy vice us u.s".split())


# Verbs of a title-case headline before the person it names ("... Appoints Tove Lind as
# Chief Executive", "... Names Karel Hodan ...", "Mayor Says Helga Morrow ...").
_HEADLINE_VERBS = frozenset(
    """appoints names hires welcomes promotes elects selects announces taps picks chooses
    nominates honors honours thanks backs endorses says tells warns urges""".split()
)


def given_name_tail(words: list[str]) -> list[str] | None:
    """The person's name at the end of a long capitalised run whose head is not a title we
    know ("Maricopa County Recorder Helen Purcell" -> Helen Purcell): from a known given
    name on, two or three words that look like a name."""
    for k in range(max(1, len(words) - 3), len(words) - 1):
        first = _fc(words[k])
        if (first in MALE_NAMES or first in FEMALE_NAMES) and looks_like_name(words[k:]):
            return words[k:]
    return None


@lru_cache(maxsize=65536)
def _run_info(run: str) -> tuple[tuple[str, ...], tuple[str, ...], str, int] | None:
    """A capitalised run -> (role words, name words, canonical name, length of the name as
    written), or None when no person's name is in it."""
    words = run.split()
    while (
        words
        and _fc(words[0]) in _FUNCTION_CAPS
        and not (words[0] == "Jan" and len(words) > 1)  # the given name (the month: "Jan.")
        and _fc(words[0])
        not in (
            "mr",
            "mrs",
            "ms",
        )
    ):
        words = words[1:]
    words = strip_openers(words)
    if not words:
        return None
    role_words, name = split_role_name(words)
    if not looks_like_name(name):
        tail = given_name_tail(name)
        if tail is None:
            return None
        prefix = name[: len(name) - len(tail)]
        for k in range(len(prefix) - 1, -1, -1):
            if _fc(prefix[k]) in _HEADLINE_VERBS:
                # a title-case headline: "Corvale Harbour Trust Appoints Tove Lind as Chief
                # Executive" (the words before the verb are its subject, no role)
                role_words, prefix = [], prefix[k + 1 :]
                break
        role_words = role_words + prefix
        name = tail
    canonical = " ".join(_clean(w) if i == len(name) - 1 else w for i, w in enumerate(name))
    return tuple(role_words), tuple(name), canonical, len(" ".join(name))


# Kin nouns that tell the gender of the person named right after them ("Her father,
# Laszlo Sarkany, was ...", "his daughter Anna"): a name of unknown gender otherwise takes
# the "she" meant for the woman the story is about.
_KIN_GENDER = {
    **dict.fromkeys(
        "father son brother husband grandfather grandson uncle nephew widower boyfriend".split(),
        "m",
    ),
    **dict.fromkeys(
        "mother daughter sister wife grandmother granddaughter aunt niece widow girlfriend".split(),
        "f",
    ),
}


def _kin_gender(text: str, start: int) -> str | None:
    """The gender a kin noun just before the name at ``start`` gives it ("his wife, Anna
    Dorn", "her son Adam")."""
    k = start
    if text[k - 2 : k] == ", ":
        k -= 2
    elif text[k - 1 : k] == " ":
        k -= 1
    else:
        return None
    w = k
    while w > 0 and text[w - 1].isalpha():
        w -= 1
    return _KIN_GENDER.get(text[w:k].lower()) if w < k else None


_NEAR_BITS = 10  # named_near's buckets: 1,024 characters


class Registry:
    """Everyone a document names, and the resolution of mentions to them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._entity_index: dict[int, int] = {}  # id(entity) -> its index in entities
        self._by_last: dict[str, list[Entity]] = {}
        self._gender_checked = 0  # entities before this index had their gender inferred
        self._gender_marks: tuple[list[int], list[int]] | None = None
        # how many entities there were when _pos_sorted was last brought up to date
        self._named_count = -1
        # every (position, id(entity)) added so far, in the order added (see _note_position)
        self._pos_log: list[tuple[int, int]] = []
        self._pos_sorted: list[tuple[int, int]] = []  # _pos_log's first entries, sorted
        # role word -> (entity's index, entity, the role's words, role's position) of every
        # role holding that word (see _note_role and resolve_role)
        self._roles_by_word: dict[str, list[tuple[int, Entity, frozenset[str], int]]] = {}
        # position >> _NEAR_BITS -> indexes of the entities named there (see named_near)
        self._near: dict[int, set[int]] = {}

    def _note_position(self, ent: Entity, pos: int) -> None:
        """``ent.add_position(pos)``, logged for infer_genders: every mention position is
        added here."""
        ent.add_position(pos)
        self._pos_log.append((pos, id(ent)))
        idx = self._entity_index[id(ent)]
        bucket = self._near.get(pos >> _NEAR_BITS)
        if bucket is None:
            self._near[pos >> _NEAR_BITS] = {idx}
        else:
            bucket.add(idx)

    def named_near(self, lo: int, hi: int) -> list[Entity]:
        """Everyone with a mention position in ``[lo, hi]`` and perhaps a few named near
        it (a superset: callers test the positions), in the order of ``entities``. For
        the look-ups of who was named last within some distance: a scan of every entity
        made a long document's cost grow with the square of its names."""
        near = self._near
        found: set[int] = set()
        for b in range(max(lo, 0) >> _NEAR_BITS, (hi >> _NEAR_BITS) + 1):
            got = near.get(b)
            if got is not None:
                found |= got
        ents = self.entities
        return [ents[i] for i in sorted(found)]

    def _note_role(self, ent: Entity, role: str, pos: int) -> None:
        """``ent.roles.setdefault(role, pos)``, indexed by the role's words for
        resolve_role: every role is added here."""
        if role in ent.roles:
            return
        ent.roles[role] = pos
        words = _role_words(role)
        item = (self._entity_index[id(ent)], ent, words, pos)
        for w in words:
            self._roles_by_word.setdefault(w, []).append(item)

    # -- building -------------------------------------------------------------------------
    def scan(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Register every full name (with its role) in ``text[start:end]``."""
        stop = len(text) if end is None else end
        seen: dict[str, Entity | None] = {}
        for m in NAME_RUN.finditer(text, start, stop):
            run = m.group()
            ms = m.start()
            me = m.end()
            if run[-1].isupper() and run.rpartition(" ")[2] in POSTNOMINALS:
                # "Tove Lind MP": the name without its letters
                run = run.rpartition(" ")[0].rstrip()
                me = ms + len(run)
            if run in seen:
                # the same words again: only the position is new
                known = seen[run]
                if known is not None:
                    self._note_position(known, ms)
                    prev = text[max(0, ms - 24) : ms].split()[-1:]
                    if prev and _fc(prev[0]) in _ROLE_CONTEXT:
                        role = self._left_role(text, ms)
                        if role:
                            self._note_role(known, role, ms)
                continue
            seen[run] = None
            info = _run_info(run)
            if info is None:
                continue
            role_words, name, canonical, name_len = info
            if not role_words:
                left = text[max(0, ms - 6) : ms].split()
                if left and left[-1] in _PLACE_PREPS and not (len(name) >= 2 and _given(name[0])):
                    continue  # "to New York"; but "a letter to Petra Dorn": a given name
            pos = me - name_len
            if not role_words:
                role = self._left_role(text, ms) or self._comma_role(text, ms, m.end())
            elif _fc(role_words[0]) in ("mr", "mrs", "ms", "dr"):
                role = ""
            else:
                role = " ".join(role_words)
            ent = self.add(canonical, pos, context=list(role_words))
            if ent is None:
                continue
            seen[run] = ent
            if ent.gender is None and not role_words:
                ent.gender = _kin_gender(text, ms)
            if role:
                self._note_role(ent, role, pos)
                ent.person = True
            me = m.end()  # (past any postnominal letters)
            if text.startswith(",", me):
                app = _APPOSITIVE.match(text, me, min(stop, me + 90))
                if app is not None:
                    part = _role_part(app.group(1).split())
                    if part is not None:
                        desc = " ".join(part)
                        self._note_role(ent, desc, pos)
                        ent.person = True
                        if ent.gender is None:
                            ent.gender = gender_of("", desc.split())

    def infer_genders(self, text: str) -> None:
        """Gender of people no title or first name told us about, from the pronouns that
        follow their mentions ("Ayotte ... her campaign ... she said" makes Ayotte "f"):
        news copy refers back to the person just named."""
        unknown = [
            e for e in self.entities[self._gender_checked :] if e.gender is None and e.positions
        ]
        self._gender_checked = len(self.entities)
        if not unknown:
            return
        if self._gender_marks is None:
            marks: list[int] = []
            kinds: list[int] = []
            for m in _GENDER_PRONOUN.finditer(text):
                marks.append(m.start())
                kinds.append(-1 if m.group().lower() in _FEMININE else 1)
            self._gender_marks = (marks, kinds)
        marks, kinds = self._gender_marks
        if not marks:
            return
        # a pronoun after someone else is named refers to them more likely ("Greenberg
        # noted that Hillary Clinton ... she can do so again"): the window ends there
        if self._named_count != len(self.entities):
            # (the pairs of the last time, with the positions logged since put in their
            # places: sorting them all anew at each new entity made a long document's cost
            # grow with the square of its names; positions added later are not in them
            # until the next entity)
            log = self._pos_log
            pairs = self._pos_sorted
            new = log[len(pairs) :]
            if len(new) * 16 > len(pairs):
                pairs = sorted(log)
            else:
                for x in new:
                    insort(pairs, x)
            self._pos_sorted = pairs
            self._named_count = len(self.entities)
        named = self._pos_sorted
        for e in unknown:
            score = 0
            n = 0
            me = id(e)
            for p in e.positions[:8]:
                end = p + _GENDER_WINDOW
                k = bisect_left(named, (p + 1,))  # (the first named at p + 1 or after)
                while k < len(named) and named[k][0] < end:
                    if named[k][1] != me:
                        end = named[k][0]
                        break
                    k += 1
                i = bisect_left(marks, p)
                while i < len(marks) and marks[i] < end:
                    score += kinds[i]
                    n += 1
                    i += 1
            if n >= 2 and abs(score) * 3 >= n * 2:
                e.gender = "m" if score > 0 else "f"
                e.gender_inferred = True
                e.person = True

    def _comma_role(self, text: str, start: int, end: int) -> str:
        """The role of an appositive name set off by commas after it ("The regional
        transport minister, Dag Elvebakk, said"): "regional transport minister"."""
        if not text.startswith(",", end) or text[start - 2 : start] != ", ":
            return ""
        got = _ROLE_BEFORE_COMMA.search(text, max(0, start - 80), start)
        if got is None:
            return ""
        words = _role_part(got.group(1).split()) or []
        if not words or len(words) > 5:
            return ""
        if any(w[:1].islower() and w in CUE_FORMS for w in words):
            return ""
        return " ".join(words)

    def _left_role(self, text: str, start: int) -> str:
        # the word just before decides whether there is a role at all (most often not)
        if start < 2 or text[start - 1] not in " \t":
            return ""
        sp = max(
            text.rfind(" ", max(0, start - 40), start - 1),
            text.rfind("\t", max(0, start - 40), start - 1),
        )
        prev = text[sp + 1 : start - 1]
        if not prev:
            return ""
        f = _fc(prev)
        if (
            not (f in ROLE_HEADS or f in _ROLE_GLUE or _is_cap(prev) or f in _ROLE_EXTRA)
            or f in DETERMINERS
        ):
            return ""
        return _left_role_of(text[max(0, start - 60) : start])

    def add(self, name: str, pos: int, context: list[str] | None = None) -> Entity | None:
        words = name_words(name)
        if not words:
            return None
        last = words[-1]
        # ("Van der Berg", "De Souza": a surname with its particles, no given name)
        first = words[0] if len(words) > 1 and words[0] not in PARTICLE_WORDS else ""
        cands = self._by_last.get(last, [])
        ent: Entity | None = None
        if first:
            for e in cands:
                if e.full and (e.words[0] == first or _initial(e.words[0], first)):
                    ent = e
                    break
            if ent is None:
                for e in cands:
                    if not e.full:
                        # A surname-only person gains a first name.
                        ent = e
                        ent.name, ent.words, ent.full = name, words, True
                        break
        elif cands:
            ent = self.resolve_surname(last, pos, gender_of("", context) if context else None)
        if ent is None:
            ent = Entity(name=name, words=words, full=bool(first))
            self._entity_index[id(ent)] = len(self.entities)
            self.entities.append(ent)
            self._by_last.setdefault(last, []).append(ent)
        ent.aliases.add(name)
        self._note_position(ent, pos)
        if ent.gender is None:
            ent.gender = gender_of(name.split()[0] if first else "", context or [])
            # a title before a bare surname that found someone named in full may mean a
            # namesake ("Khizr and Ghazala Khan ... Mr. Khan"): a weak gender
            ent.gender_titled = ent.gender is not None and not first and ent.full
        if ent.gender is not None or context:
            ent.person = True
        return ent

    # -- resolving ------------------------------------------------------------------------
    def known_surname(self, word: str) -> bool:
        """Is ``word`` (folded) the surname of someone named in full ("may" after "Theresa
        May")?"""
        return any(e.full for e in self._by_last.get(key_of_word(word), []))

    def namesakes(self, last: str) -> list[Entity]:
        """Everyone named with the surname ``last`` (a name_words key)."""
        return self._by_last.get(last, [])

    def resolve_surname(self, last: str, pos: int, gender: str | None = None) -> Entity | None:
        """The person a bare surname means at ``pos``; ``gender`` from a title ("Mr.",
        "Mrs.") rules out namesakes of the other gender ("Mr. Quillon" is not Marta)."""
        cands = self._by_last.get(last, [])
        if gender is not None:
            cands = [e for e in cands if e.gender in (None, gender) or e.gender_titled]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        return max(
            cands,
            key=lambda e: (
                bisect_left(e.positions, pos),
                e.last_before(pos),
                -(e.positions[0] if e.positions else 0),
            ),
        )

    def resolve_name(self, words: list[str], pos: int, create: bool = True) -> Entity | None:
        """A name as written ("Lavrov", "Sergei Lavrov", "Sen. Cruz") -> its entity."""
        role_words, name = split_role_name(words)
        if not name:
            if len(words) == 1 and words[0][:1].isupper():
                # a surname that is also a role word, once its person is known ("Peter T.
                # King ... King said"; "the King" has its article): never a new person
                nw = name_words(words[0])
                return self.resolve_surname(nw[-1], pos) if nw else None
            return None
        nw = name_words(" ".join(name))
        if not nw:
            return None
        ent: Entity | None = None
        if len(nw) == 1 or nw[0] in PARTICLE_WORDS:
            # ("Van der Berg", "Mr. de Souza": the surname with its particles)
            ent = self.resolve_surname(
                nw[-1], pos, gender_of("", role_words) if role_words else None
            )
        else:
            for e in self._by_last.get(nw[-1], []):
                if e.full and (e.words[0] == nw[0] or _initial(e.words[0], nw[0])):
                    ent = e
                    break
        if ent is None:
            if not create or not looks_like_name(name):
                return None
            ent = self.add(" ".join(_clean(w) for w in name), pos, context=role_words)
        elif ent is not None:
            self._note_position(ent, pos)
        if ent is not None and role_words and _fc(role_words[0]) not in ("mr", "mrs", "ms", "dr"):
            role = " ".join(role_words)
            if role + "." not in ent.roles:  # ("Sen" from a mention's tokens: "Sen." is known)
                self._note_role(ent, role, pos)
        return ent

    def resolve_role(self, mention: str, pos: int) -> Entity | None:
        """A definite description ("the Russian Minister") -> the entity whose role fits
        (every word of the description in the role: see names.role_matches), named last
        before ``pos``; of two named last at the same place, the one registered first."""
        words = _role_words(mention)
        if not words:
            return None
        # only the roles that hold the description's rarest word (a scan of every role of
        # every entity made a long document's cost grow with the square of its names)
        index = self._roles_by_word
        fits = min((index.get(w, ()) for w in words), key=len)
        best: Entity | None = None
        best_key = (-2, 0)
        # "the former minister" is not the minister now ("The health minister, Anja Rask,
        # and her predecessor, Dorota Fein, ... The former minister said"): only someone
        # known as a former holder
        former = bool(_FORMER.search(mention))
        for idx, e, role_words, rpos in fits:
            if former and not any(_FORMER.search(r) for r in e.roles):
                continue
            if rpos <= pos and fits_role(words, role_words):
                key = (max(e.last_before(pos), rpos), -idx)
                if key > best_key:
                    best, best_key = e, key
        return best

    def resolve_role_ahead(self, mention: str, pos: int, ahead: int) -> Entity | None:
        """A definite description no one named before ``pos`` holds, in a lede or a
        standfirst ("Transport secretary says lessons will be learned" / "The transport
        secretary, Helga Morrow, has apologised ..."): the first one named with that role
        within ``ahead`` characters after it, if exactly one person is."""
        words = _role_words(mention)
        if not words or _fc(mention.split()[-1]) not in ROLE_HEADS:
            return None  # (an office, not "the White House", "the FBI", "the campaign")
        fits = min((self._roles_by_word.get(w, ()) for w in words), key=len)
        former = bool(_FORMER.search(mention))
        found: set[int] = set()
        best: Entity | None = None
        for idx, e, role_words, rpos in fits:
            if former and not any(_FORMER.search(r) for r in e.roles):
                continue
            if fits_role(words, role_words):
                if rpos <= pos:
                    return None  # (someone held it before: resolve_role's answer stands)
                if rpos <= pos + ahead:
                    found.add(idx)
                    best = e
        return best if len(found) == 1 else None


def _initial(a: str, b: str) -> bool:
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def key_of_word(word: str) -> str:
    return translit(_fc(word))
