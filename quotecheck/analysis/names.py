"""Person names: keys that merge spellings, and "is this the same person?".

>>> person_key("Sergei Lavrov") == person_key("Sergey Lavrov") == person_key("Mr. Sergei Lavrov")
True
>>> name_matches("lavrov", "Sergey Lavrov")
True
>>> name_matches("Bill Clinton", "Hillary Clinton", ["Clinton", "Hillary Rodham Clinton"])
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from quotecheck.analysis.tokens import fold

# Titles and honorifics dropped in front of a name ("Mr.", "President", "Sen.").
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
    president vice pres sen senator rep representative gov governor mayor sec secretary
    minister premier chancellor prime deputy foreign interior defense defence finance
    gen general lt col colonel maj major capt captain cmdr adm admiral sgt sergeant
    judge justice chief ambassador commissioner attorney speaker chairman chairwoman chair
    king queen prince princess sheikh emir ayatollah pope cardinal bishop rabbi imam
    former acting interim candidate nominee hon st councillor councilor councilman
    councilwoman alderman alderwoman assemblyman assemblywoman delegate treasurer
    comptroller magistrate inspector detective lieutenant marshal dean archbishop pastor
    det insp supt ch pc dc ds dci dcs cllr rt baroness viscount""".split()
)
# (British police ranks, written without full stops: "Det Insp Tomas Ferreol", "DCI Agnes
# Wiik", "PC Tove Lind", "Ch Supt Karel Hodan"; "Cllr", "The Rt Hon", peers' titles)
# Postnominal letters of British and Commonwealth copy ("Tove Lind MP", "Karel Hodan
# KC", "Agnes Wiik OBE"): a seat or an honour after the name, never part of it.
POSTNOMINALS = frozenset("MP MSP MEP MLA MPP TD QC KC OBE MBE CBE KBE DBE FRS".split())
SUFFIXES = frozenset("jr sr ii iii iv phd md esq".split())
# Words that only connect a title to a name ("Secretary of State Mike Pompeo").
_TITLE_GLUE = frozenset("of the state for and u.s us uk".split())
DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
# Descriptive words that do not change who a role designates.
_ROLE_FILLER = frozenset("former then current outgoing incoming new top senior acting".split())
# Words that make a role another office than its head's: a deputy mayor is not "the
# mayor", a vice president not "the president", a lieutenant governor not "the governor".
RANK_WORDS = frozenset("deputy vice assistant associate under lieutenant".split())

_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# (each rule but the literal ones is a regex; a literal is replaced with str.replace, the
# same result, and each rule is tried only if its letters are in the word at all: nine
# regex calls for every new word cost a tenth of registering a document's names)
_TRANSLIT_LITERAL = (("tch", "ch"), ("x", "ks"))
_GU = re.compile(r"gu(?=[ei])")
_TRANSLIT_END = (
    (re.compile(r"(?:iy|yy|ij|ii|yi)$"), "i"),
    (re.compile(r"(?:ey|ej)$"), "ei"),
    (re.compile(r"(?<=[^aeiou])y$"), "i"),
)
_DOUBLE = re.compile(r"(.)\1")


def _words(name: str) -> list[str]:
    return _TOKEN.findall(fold(name).replace("’", "'").replace(".", " "))


@lru_cache(maxsize=65536)
def translit(word: str) -> str:
    """One spelling for the transliteration variants of a folded name word.

    >>> translit("sergey") == translit("sergei") == translit("serguei")
    True
    >>> translit("zelenskyy") == translit("zelensky") == translit("zelenskiy")
    True
    """
    w = word.replace("'", "")
    # the rules in this order: tch -> ch, x -> ks, gu(e/i) -> g, ou -> u, a final iy yy ij
    # ii yi -> i, a final ey ej -> ei, a final y after a consonant -> i, an initial ye -> e,
    # doubled letters single
    for old, new in _TRANSLIT_LITERAL:
        if old in w:
            w = w.replace(old, new)
    if "gu" in w:
        w = _GU.sub("g", w)
    if "ou" in w:
        w = w.replace("ou", "u")
    if w.endswith(("i", "j", "y")):
        for pattern, repl in _TRANSLIT_END:
            w = pattern.sub(repl, w)
    if w.startswith("ye"):
        w = "e" + w[2:]
    return _DOUBLE.sub(r"\1", w)


def name_words(name: str) -> list[str]:
    """The name's words, folded and transliterated, with leading titles and suffixes removed."""
    return list(_name_words(name))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    if name[-1:].isupper() and " " in name and name.rpartition(" ")[2] in POSTNOMINALS:
        name = name.rpartition(" ")[0]  # "Tove Lind MP" (as written: "Ayo Obe" keeps Obe)
    words = _words(name)
    i = 0
    while i < len(words) - 1 and (words[i] in TITLES or words[i] in _TITLE_GLUE):
        i += 1
    words = words[i:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return tuple(translit(w) for w in words)


def person_key(name: str) -> str:
    """The key under which one person is merged across documents.

    Case and accents folded, transliteration variants unified, titles stripped.

    >>> person_key("President Sergey LAVROV")
    'sergei lavrov'
    """
    return " ".join(name_words(name))


# Abbreviated titles and the words they stand for ("Ohio Gov." is "the Ohio governor").
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "pres": "president",
    "sec": "secretary",
    "gen": "general",
    "prof": "professor",
}
_ROLE_ABBREVIATIONS = {
    **TITLE_ABBREVIATIONS,
    "amb": "ambassador",
    "atty": "attorney",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
}


@lru_cache(maxsize=16384)
def _role_words(text: str) -> frozenset[str]:
    """The words a role or description is compared by (cached: a description is tried
    against every role the document knows)."""
    out = set()
    for w in _words(text):
        if w in DETERMINERS or w in _ROLE_FILLER:
            continue
        w = w.removesuffix("'s")
        out.add(_ROLE_ABBREVIATIONS.get(w, w))
    return frozenset(out)


def role_matches(mention: str, role: str) -> bool:
    """Does a descriptive mention ("the Russian Minister") fit a known role
    ("Russian Foreign Minister")?  Every word of the mention must be in the role."""
    words = _role_words(mention)
    return bool(words) and fits_role(words, _role_words(role))


def fits_role(words: frozenset[str], role_words: frozenset[str]) -> bool:
    """Every word of a description in a role's, and no rank word ("deputy", "vice") the
    description lacks."""
    return words <= role_words and not (role_words - words) & RANK_WORDS


def _first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    # An initial matches the name it abbreviates: "H. Clinton".
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _names_match(claimed: list[str], full: list[str]) -> bool:
    if not claimed or not full:
        return False
    if len(claimed) == 1:
        return claimed[0] == full[-1] or (len(full) == 1 and claimed[0] == full[0])
    if len(full) == 1 or claimed[-1] != full[-1]:
        return False
    # the first name, maybe after words that describe the person ("Historian Ondra
    # Valsek", "Corvale councillor Petra Dorn": a capitalised description is no first name);
    # after the first word only a whole given name counts ("Tomas O. Valsek" is not Ondra)
    return _first_compatible(claimed[0], full[0]) or any(w == full[0] for w in claimed[1:-1])


def name_matches(claimed: str, canonical: str, aliases: Iterable[str] = ()) -> bool:
    """Is ``claimed`` (as a user types it) the person ``canonical`` (with known aliases and roles)?

    A surname alone matches the full name; spellings are compared transliteration-aware;
    a different first name with the same surname does not match; a description
    ("the Russian Foreign Minister") matches when its words all belong to a known role.

    >>> name_matches("Mr Lavrov", "Sergey Lavrov")
    True
    >>> name_matches("the Russian Minister", "Sergey Lavrov", ["Russian Foreign Minister"])
    True
    >>> name_matches("Bill Clinton", "Hillary Clinton")
    False
    >>> name_matches("Historian Ondra Valsek", "Ondra Valsek")
    True
    """
    words = name_words(claimed)
    if not words:
        return False
    forms = [canonical, *aliases]
    full_forms = [name_words(f) for f in forms]
    if len(words) >= 2:
        # A full name must agree with a full form; a lone-surname alias is not enough.
        if any(len(f) >= 2 and _names_match(words, f) for f in full_forms):
            return True
        # Only a surname is known (a transcript label "CLINTON"): the claimed surname decides.
        if not any(len(f) >= 2 for f in full_forms) and any(
            _names_match(words[-1:], f) for f in full_forms
        ):
            return True
    elif any(_names_match(words, f) for f in full_forms):
        return True
    return any(role_matches(claimed, f) for f in forms[1:]) and not _is_name_conflict(
        words, full_forms
    )


def _is_name_conflict(words: list[str], full_forms: list[list[str]]) -> bool:
    """A claimed full name whose surname matches but first name differs is a different person."""
    if len(words) < 2:
        return False
    return any(len(f) >= 2 and f[-1] == words[-1] and f[0] != words[0] for f in full_forms)


# Common given names, for the gender a pronoun needs ("she" is not "Donald Trump").
MALE_NAMES = frozenset(
    """aaron adam alan albert alex alexander alexei andrew angelo anthony antonio arthur barack
    ben benjamin bernie bill billy bob bobby boris brad brian bruce carl carlos charles chris
    christopher chuck craig dan daniel dave david dennis dick dmitry don donald doug douglas
    ed edward emmanuel eric frank fred gary george gerald greg gregory harry henry ian jack
    jacob james jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan
    jose joseph josh juan justin keith ken kenneth kevin larry lawrence lee leon louis luis
    marco mark martin matt matthew michael mike mitch mohammed muhammad nicholas nick nigel
    olaf owen patrick paul pedro peter phil philip ralph randy reince richard rick robert
    rod roger ron ronald rudy russell ryan sam samuel scott sean sergei sergey stephen steve
    steven ted thomas tim timothy tom tony vladimir walter wayne william xi
    abdul abdullah ahmed ahmad ali amir andre andreas andrei angus anton antoine arnold
    benedict bernard bjorn boris bruno carlo carsten cedric christian christoph claude
    clement colin conor cyril dag damian dario declan dieter dimitri dirk dominic duncan
    edgar eduardo elias emil emilio enrique erik ernesto ernst fabian fabio federico felipe
    felix fernando florian francesco francisco franz frederick friedrich gabriel gareth
    geert gerhard giorgio giovanni giuseppe gonzalo gordon graham gunnar gustav hamid
    hans harald hassan heinrich helmut henrik herbert hugo hussein ibrahim igor ivan jacques
    jakob jamal javier jens jesus joachim johan johannes jorge juergen jurgen karel karim
    karl khalid klaus konrad kurt lars laurent leonardo lorenzo lucas ludwig luigi lukas
    magnus manfred manuel marcel marco marcus mario marius markus massimo mathias matteo
    mehmet miguel mikhail milan mustafa nasser niels nikolai nils norbert olav oleg omar
    oscar oskar otto pablo paolo pascal patrice pavel petr philippe pierre piet pieter
    rafael rainer ramon raul reza ricardo roberto roland rolf roman rudolf rupert
    salman salvador sebastian sergio simon stefan stephan sven tariq thierry thorsten tobias
    tomas tomasz torsten ulrich umberto valentin viktor vincent wilhelm wolfgang yusuf
    yuri zoltan
    al austin beau brandon bryan corey dylan elijah ethan eugene harold hunter jared joshua
    kyle lincoln logan mason nathan noah raymond roy tyler willie zachary""".split()
)
FEMALE_NAMES = frozenset(
    """abby alice alicia amanda amy ana angela ann anna anne barbara betsy betty beverly carly
    carol caroline catherine cathy chelsea cheryl christina christine claire cynthia debbie
    deborah diana diane donna dorothy elizabeth ellen emily emma eva evelyn frances gennifer
    gina grace hannah heather helen hillary hope huma jane janet janice jean jennifer jessica
    jill joan joanne joyce judith judy julia julie karen kate katherine kathleen kathy kelly
    kellyanne kim kimberly laura lauren linda lisa liz loretta lynn margaret maria marie
    marilyn martha mary megyn melania melissa michelle monica nancy natalie nicole nikki
    olivia pam pamela patricia paula rachel rebecca rose ruth samantha sandra sara sarah
    sharon shirley sophie stephanie susan susana suzanne teresa theresa tiffany tulsi ursula
    victoria virginia wendy
    adriana agnes aisha alessandra alexandra alina amal amelia anastasia angelika
    anja anke annika antonia astrid beatrice birgit brigitte britta camilla carla carmen
    caterina cecilia charlotte christa clara claudia cristina dagmar daniela dorota elena
    eleonora elisabeth elise elke elsa emilia esther eva fatima federica francesca
    franziska gabriela gabriele gisela greta gudrun halima hanna hannelore heidi helga
    helena henrika ilona ines inge ingrid irene irina isabel isabella isabelle ivana jana
    joanna johanna josefine karin karina katarina katharina katja kerstin kristina lena
    leonie lidia lina liselotte lucia luisa magdalena maja malin margarethe margit marina
    marit marta martina maryam mette mila mirja monika nadia nadine natalia natasha nina
    olga petra renate rosa sabine sabrina selma silvia sofia sonja stella susanne
    svetlana tamara tatiana tove ulrike ursula valentina valeria vanessa vera veronika
    yasmin yelena yvonne zofia zuzana
    abigail allison amber ashley brenda brittany carolyn colleen danielle debra denise
    dianne doris erin gail gayle gloria jacqueline jeanette jeanne joni kathryn katie kayla
    kirsten kristen kristin lori lynne maggie marcia marsha maureen maxine megan meghan nora
    patty peggy rita roberta rosemary sally sheila sherry sophia stacey sylvia tammy terri
    tina valerie vicki whitney""".split()
)
