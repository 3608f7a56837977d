"""Local governments, supply contracts and dated meetings in new wordings (names the gazetteer lacks)."""

from __future__ import annotations

from pactgraph.extract.lexicon import gazetteer_entries
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc
from pactgraph.extract.slugs import name_key


def _extract(text: str, lang: str, date: str = "2025-03-06") -> tuple[dict[str, str], set[tuple]]:
    doc = make_doc(text, DocumentInfo("t", lang, "t", date))
    ann = doc._.pg
    names = {text[m.start : m.end]: ann.entities[m.key].cls for m in ann.mentions}
    label = {key: e.labels.get(lang) or next(iter(e.labels.values())) for key, e in ann.entities.items()}

    def obj(o: object) -> object:
        return label.get(o, o) if isinstance(o, str) else o[1]

    return names, {(label.get(f.subject, f.subject), f.predicate, obj(f.obj)) for f in ann.facts}


def _unknown(*names: str) -> None:
    known = {name_key(n) for e in gazetteer_entries() for n, _ in e.all_names()}
    assert not [n for n in names if name_key(n) in known], "the test must use names the gazetteer lacks"


def test_provincial_and_regional_governments_sign_a_record_of_cooperation() -> None:
    _unknown("Ủy ban nhân dân tỉnh Quảng Trị", "Chính quyền vùng Tomsk", "Lê Văn Hòa")
    text = (
        "Sáng 5/3, Ủy ban nhân dân tỉnh Quảng Trị và Chính quyền vùng Tomsk (Nga) đã ký Biên bản hợp tác "
        "về giáo dục.Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị Lê Văn Hòa dự lễ ký."
    )
    names, facts = _extract(text, "vi")
    record = "Biên bản hợp tác về giáo dục"
    assert names["Ủy ban nhân dân tỉnh Quảng Trị"] == "GovernmentBody"
    assert names["Chính quyền vùng Tomsk"] == "GovernmentBody"
    assert names[record] == "Agreement"
    assert (record, "party", "Ủy ban nhân dân tỉnh Quảng Trị") in facts
    assert (record, "party", "Chính quyền vùng Tomsk") in facts
    assert ("Chính quyền vùng Tomsk", "country", "Liên bang Nga") in facts
    assert ("Lê Văn Hòa", "represents", "Ủy ban nhân dân tỉnh Quảng Trị") in facts


def test_a_place_after_a_unit_stands_between_a_title_and_a_name_only_when_its_end_is_known() -> None:
    _unknown("Cao Minh Tuấn", "Pavel Orekhov")
    names, _ = _extract("Thống đốc vùng Tomsk của Nga gặp Chủ tịch tỉnh Quảng Trị Cao Minh Tuấn.", "vi")
    assert names["Cao Minh Tuấn"] == "Person"  # a province is two syllables: the rest is the name
    names, _ = _extract("Thống đốc vùng Zabaykalye Pavel Orekhov phát biểu.", "vi")
    # where "Zabaykalye Pavel Orekhov" splits is unknown: no person rather than a wrong one
    assert not [n for n, cls in names.items() if cls == "Person"]


def test_a_supply_contract_signed_with_an_authority_has_both_parties_and_its_date() -> None:
    _unknown("Ural Tram Works JSC", "Da Nang Management Authority for Public Transport")
    text = (
        "DA NANG, March 6 - Ural Tram Works JSC signed a Contract for the Supply of 12 Tram Cars with the "
        "Da Nang Management Authority for Public Transport on 3 March 2025, the city said."
    )
    names, facts = _extract(text, "en")
    contract = "Contract for the Supply of 12 Tram Cars"
    authority = "Da Nang Management Authority for Public Transport"
    assert names["Ural Tram Works JSC"] == "Company"  # the dateline's "March 6 -" is not in the name
    assert names[authority] == "GovernmentBody"
    assert names[contract] == "Agreement"
    assert (contract, "party", "Ural Tram Works JSC") in facts
    assert (contract, "party", authority) in facts
    assert (contract, "signedOn", "2025-03-03") in facts


def test_a_two_day_meeting_and_a_forum_are_dated_by_their_first_day() -> None:
    _unknown("Russia-Vietnam Subcommission on Fisheries Cooperation", "Diễn đàn Hợp tác Vùng Viễn Đông")
    _, facts = _extract(
        "The 4th meeting of the Russia-Vietnam Subcommission on Fisheries Cooperation took place in Hanoi "
        "on 20-21 February 2025.",
        "en",
    )
    meeting = "4th meeting of the Russia-Vietnam Subcommission on Fisheries Cooperation"
    assert (meeting, "date", "2025-02-20") in facts
    _, facts = _extract(
        "Ngày 2/3/2025, Đại sứ Việt Nam tại Liên bang Nga đã tham dự Diễn đàn Hợp tác Vùng Viễn Đông lần "
        "thứ 3 tại Khabarovsk.Diễn đàn do Bộ Phát triển Viễn Đông Nga tổ chức, với sự tham gia của đại "
        "diện Kazakhstan và Belarus.",
        "vi",
    )
    forum = "Diễn đàn Hợp tác Vùng Viễn Đông lần thứ 3"
    assert (forum, "date", "2025-03-02") in facts
    assert (forum, "participant", "Kazakhstan") in facts
    assert (forum, "participant", "Belarus") in facts
