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
