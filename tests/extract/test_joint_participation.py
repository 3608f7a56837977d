"""Actors of different countries listed together after "với sự tham gia của" / "with the participation of"
/ "involving" in a sentence about cooperation cooperate (pg:cooperatesWith), each pair across the sides."""

from __future__ import annotations

from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _cooperations(text: str, lang: str) -> set[frozenset[str]]:
    doc = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))
    ann = doc._.pg
    out = set()
    for f in ann.facts:
        if f.predicate == "cooperatesWith":
            assert text[f.sentence[0] : f.sentence[1]].strip(), "the evidence is the sentence"
            out.add(frozenset({f.subject, f.obj}))
    return out


def test_a_vietnamese_list_pairs_each_vietnamese_company_with_each_russian_one() -> None:
    text = (
        "Hai bên nhất trí đẩy mạnh hợp tác trong lĩnh vực điện năng, khuyến khích các dự án mới với sự "
        "tham gia của Tập đoàn Điện lực Việt Nam, Tổng công ty Khí Việt Nam và các công ty RusHydro, "
        "Inter RAO, cũng như các doanh nghiệp khác tại Hà Nội."
    )
    pairs = _cooperations(text, "vi")
    vietnamese, russian = {"org/evn", "org/pv-gas"}, {"org/rushydro", "org/inter-rao"}
    assert {frozenset({v, r}) for v in vietnamese for r in russian} <= pairs
    # no pair within one side
    assert frozenset(vietnamese) not in pairs and frozenset(russian) not in pairs


def test_an_english_list_after_involving_pairs_the_two_sides_but_not_people() -> None:
    text = (
        "The two countries will expand energy cooperation through joint projects involving Vietnam "
        "Electricity and Russian companies Power Machines and Rosatom, Deputy Minister Nguyen Van An said."
    )
    pairs = _cooperations(text, "en")
    assert frozenset({"org/evn", "org/power-machines"}) in pairs
    assert frozenset({"org/evn", "org/rosatom"}) in pairs
    assert frozenset({"org/power-machines", "org/rosatom"}) not in pairs
    assert not any(key.startswith("person/") for pair in pairs for key in pair)


def test_a_participation_list_outside_a_sentence_about_cooperation_states_no_cooperation() -> None:
    text = "Diễn đàn khai mạc sáng nay với sự tham gia của Tập đoàn Điện lực Việt Nam, RusHydro và Inter RAO."
    assert _cooperations(text, "vi") == set()


def test_a_state_named_later_in_the_sentence_is_not_an_item_of_the_list() -> None:
    text = (
        "Hai bên ủng hộ hợp tác dầu khí với sự tham gia của Tập đoàn Gazprom và Lukoil, bao gồm các dự án "
        "điện khí sử dụng khí hóa lỏng nhập khẩu tại Việt Nam."
    )
    pairs = _cooperations(text, "vi")
    assert not any("state/vietnam" in pair for pair in pairs)
    assert frozenset({"org/gazprom", "org/lukoil"}) not in pairs  # one country: no pair
