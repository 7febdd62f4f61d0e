"""A long document costs in proportion to its length: the look-ups that scanned every
entity, role or sentence of it for each mention or quote use indexes, and give what the
scan gave (each is compared here with the scan it replaced)."""

from __future__ import annotations

import pytest

from quotecheck.analysis import attribution
from quotecheck.analysis.attribution import analyze
from quotecheck.analysis.names import role_matches
from quotecheck.analysis.people import Entity, Registry
from quotecheck.model import Document

_PEOPLE = [
    ("Foreign Minister", "Ilsa Brandt"),
    ("Harbour Master", "Ondra Valsek"),
    ("Corvale Mayor", "Tamsin Orrel"),
    ("Finance Minister", "Petra Dorn"),
    ("Velmark Governor", "Tomas Ferreol"),
]


def _text(rounds: int) -> str:
    parts = []
    for r in range(rounds):
        for role, name in _PEOPLE:
            last = name.split()[-1]
            parts.append(
                f"{role} {name} spoke in Kessel on day {r}. {last} said the Norvania talks "
                f"would go on. The minister met {last} later, and Ms. {last} agreed."
            )
    return " ".join(parts)


def _scan_resolve_role(reg: Registry, mention: str, pos: int) -> Entity | None:
    """resolve_role as it was: every role of every entity tried in turn."""
    best: Entity | None = None
    best_pos = -2
    for e in reg.entities:
        for role, rpos in e.roles.items():
            if rpos <= pos and role_matches(mention, role):
                lp = max(e.last_before(pos), rpos)
                if lp > best_pos:
                    best, best_pos = e, lp
    return best


def _registry(text: str) -> Registry:
    reg = Registry()
    reg.scan(text)
    for k in range(0, len(text), 97):
        reg.resolve_name(["Sen.", "Brandt"], k)
        reg.resolve_name(["Governor", "Nadia", "Ferreol"], k + 5)
    return reg


def test_resolve_role_by_role_word_gives_what_a_scan_of_every_role_gave() -> None:
    text = _text(12)
    reg = _registry(text)
    assert sum(len(e.roles) for e in reg.entities) >= 5
    mentions = [
        "the minister",
        "the foreign minister",
        "the governor",
        "the mayor",
        "the harbour master",
        "the senator",
        "the finance minister",
        "the pope",
        "the Corvale mayor",
        "the",
        "",
    ]
    for mention in mentions:
        for pos in range(0, len(text) + 200, 151):
            assert reg.resolve_role(mention, pos) is _scan_resolve_role(reg, mention, pos)


def test_resolve_role_tries_only_roles_holding_the_descriptions_words() -> None:
    reg = Registry()
    for i in range(300):  # "Ilsa Brandtaab" ... "Ilsa Brandtdjj"
        tag = "".join("abcdefghij"[int(c)] for c in f"{i:03d}")
        ent = reg.add(f"Ilsa Brandt{tag}", i * 10, context=["Harbour", "Master"])
        assert ent is not None
        reg._note_role(ent, "Harbour Master", i * 10)
    assert len(reg.entities) > 200
    want = _scan_resolve_role(reg, "the harbour master", 2995)
    assert want is not None and want.positions[-1] == 2990
    tried = []
    real = Entity.last_before

    def counting(self: Entity, pos: int) -> int:
        tried.append(self)
        return real(self, pos)

    Entity.last_before = counting  # type: ignore[method-assign]
    try:
        assert reg.resolve_role("the mayor", 5000) is None
        assert tried == []
        assert reg.resolve_role("the harbour master", 2995) is want
    finally:
        Entity.last_before = real  # type: ignore[method-assign]


def test_position_log_holds_every_mention_position_for_gender_inference() -> None:
    reg = _registry(_text(6))
    log = sorted(reg._pos_log)
    assert log == sorted((p, id(e)) for e in reg.entities for p in e.positions)
    assert all(len(e.roles) == len(set(e.roles)) for e in reg.entities)


def test_gender_inferred_in_a_long_one_line_document() -> None:
    body = " ".join(
        f"{first} {last} spoke in Corvale. She said the port would open. Her plan was set."
        for first in ("Ondra", "Kesh", "Marit", "Olin", "Tavi")
        for last in ("Valsek", "Orrel", "Dorn", "Ferreol", "Sarkany", "Elvebakk", "Novak")
    )
    reg = Registry()
    reg.scan(body)
    genders = {e.name: e.gender for e in reg.entities}
    reg.infer_genders(body)
    assert len(reg.entities) == 35
    assert sum(g is None for g in genders.values()) >= 20
    assert all(e.gender == "f" for e in reg.entities if genders[e.name] is None)


def test_quote_signed_with_a_dash_inside_a_long_one_line_paragraph() -> None:
    filler = "The council of Kessel met on Monday and the talks went on. " * 200
    text = f"{filler}\n“We will rebuild the harbour.” — Ondra Valsek\n{filler}"
    doc = Document(path="x.txt", text=text, format="article")
    analyze(doc)
    signed = [st for st in doc.statements if st.speaker == "Ondra Valsek"]
    assert [text[st.start : st.end] for st in signed] == ["We will rebuild the harbour."]
    # a quote with words before it on its line is not signed by the dash after it
    text2 = f"{filler} The mayor said “We will rebuild the harbour.” — Ondra Valsek {filler}"
    doc2 = Document(path="y.txt", text=text2, format="article")
    analyze(doc2)
    assert not any(
        st.mention is not None
        and st.mention.text == "Ondra Valsek"
        and st.cue is not None
        and st.cue.text in "—―-"
        for st in doc2.statements
    )


def test_sentence_at_in_a_paragraph_of_many_sentences() -> None:
    text = "Tamsin Orrel spoke. " * 500 + "Petra Dorn praised a “clean harbour” in Velmark."
    eng = attribution._Engine(Document(path="z.txt", text=text, format="article"))
    eng.paragraphs = [(0, len(text))]
    eng.prepare(eng.paragraphs)
    sents = eng.sentences(0, len(text))
    for pos in [0, 5, 19, 20, 21, len(text) - 30, len(text) - 1, len(text)]:
        want = next(((a, b) for a, b in sents if a <= pos < b), None)
        assert eng._sentence_at(0, pos) == want


def test_named_near_holds_everyone_named_in_the_window_in_registration_order() -> None:
    text = _text(10)
    reg = _registry(text)
    order = {id(e): i for i, e in enumerate(reg.entities)}
    for lo in range(-2000, len(text) + 100, 113):
        for width in (0, 1, 700, 1499, 3000):
            got = reg.named_near(lo, lo + width)
            assert [order[id(e)] for e in got] == sorted(order[id(e)] for e in got)
            assert len({id(e) for e in got}) == len(got)
            inside = {
                id(e) for e in reg.entities if any(lo <= p <= lo + width for p in e.positions)
            }
            assert inside <= {id(e) for e in got}


def test_recent_person_in_a_long_document_is_the_one_a_scan_finds() -> None:
    text = _text(15)
    eng = attribution._Engine(Document(path="w.txt", text=text, format="article"))
    eng.reg.scan(text)
    for k in range(0, len(text), 89):
        eng.reg.resolve_name(["Ms.", "Dorn"], k)
    eng.paragraphs = [(0, len(text))]

    def scan(gender: str | None, here: int) -> Entity | None:
        best, best_pos = None, -1
        for e in eng.reg.entities:
            if not (e.person or e.full) or gender and e.gender is not None and e.gender != gender:
                continue
            lp = e.last_before(here + 1)
            if lp > best_pos and here - lp < 1500 and (e.person or not eng._never_subject(e)):
                best, best_pos = e, lp
        return best

    for here in range(0, len(text) + 1600, 211):
        for gender in (None, "f", "m"):
            assert eng._recent_person(gender, here, 0) is scan(gender, here)


def test_common_word_in_a_long_text_is_what_the_search_of_the_text_gave(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filler = (
        "Demonstrators gathered in Corvale, and the harbour-master's office said "
        "demonstrators' banners were seen. Ondra Valsek spoke; companies_x and "
        "O'Brien-like rivals came. "
    )
    text = filler * 400 + "Especially the port, said Tamsin Orrel. especially-ish"
    words = [
        "Demonstrators",
        "Companies",
        "Especially",
        "Harbour",
        "Banners",
        "Spoke",
        "Came",
        "Valsek",
        "Rivals",
        "Port",
        "Ish",
        "X",
        "Master's",
        "O'brien-like",
        "Demonstrators’",
        "Office.",
        "Gathered",
    ]

    def answers() -> list[bool]:
        eng = attribution._Engine(Document(path="v.txt", text=text, format="article"))
        eng.reg.scan(text)
        return [eng._common_word(w) for w in words]

    fast = answers()
    monkeypatch.setattr(attribution, "_LONG_TEXT", 10**9)
    assert answers() == fast
    assert fast.count(True) >= 3 and fast.count(False) >= 3


def test_only_colon_is_strip_of_the_rest() -> None:
    text = "said:  \t\n  and: x : \u00a0:\u2003 ::"
    for a in range(len(text) + 2):
        for b in range(len(text) + 2):
            assert attribution._only_colon(text, a, b) == (text[a:b].strip() == ":")


def test_named_in_turn_is_the_one_a_scan_of_every_entity_finds() -> None:
    text = _text(15)
    eng = attribution._Engine(Document(path="t.txt", text=text, format="transcript"))
    eng.reg.scan(text)
    turns = [(a, min(a + 700, len(text))) for a in range(0, len(text), 700)]
    eng.paragraphs = turns
    eng.transcript_speaker = "Petra Dorn"

    def scan(pos: int, start: int, gender: str | None) -> str | None:
        best, best_pos = None, -1
        for e in eng.reg.entities:
            if not e.full or e.words[-1:] == ["dorn"]:
                continue
            lp = e.last_before(pos)
            if lp >= start and lp > best_pos and (e.gender is None or e.gender == gender):
                best, best_pos = e, lp
        return best.name if best is not None else None

    found = 0
    for para, (a, b) in enumerate(turns):
        for pos in range(a, b, 37):
            frame = attribution._Frame((pos, pos + 4), (pos, pos + 2), "pronoun", None, 0)
            for pronoun, gender in (("she", "f"), ("he", "m")):
                got = eng._named_in_turn(frame, para, pronoun)
                assert got == scan(pos, a, gender)
                found += got is not None
    assert found > 50
