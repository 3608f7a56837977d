"""Local governments, supply contracts and dated meetings in new wordings (names the gazetteer lacks)."""

from __future__ import annotations


def test_provincial_and_regional_governments_sign_a_record_of_cooperation(extract, unknown) -> None:
    unknown("Ủy ban nhân dân tỉnh Quảng Trị", "Chính quyền vùng Tomsk", "Lê Văn Hòa")
    text = (
        "Sáng 5/3, Ủy ban nhân dân tỉnh Quảng Trị và Chính quyền vùng Tomsk (Nga) đã ký Biên bản hợp tác "
        "về giáo dục.Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị Lê Văn Hòa dự lễ ký."
    )
    names, facts = extract(text, "vi", "2025-03-06")
    record = "Biên bản hợp tác về giáo dục"
    assert names["Ủy ban nhân dân tỉnh Quảng Trị"] == "GovernmentBody"
    assert names["Chính quyền vùng Tomsk"] == "GovernmentBody"
    assert names[record] == "Agreement"
    assert (record, "party", "Ủy ban nhân dân tỉnh Quảng Trị") in facts
    assert (record, "party", "Chính quyền vùng Tomsk") in facts
    assert ("Chính quyền vùng Tomsk", "country", "Liên bang Nga") in facts
    assert ("Lê Văn Hòa", "represents", "Ủy ban nhân dân tỉnh Quảng Trị") in facts


def test_a_place_after_a_unit_stands_between_a_title_and_a_name_only_when_its_end_is_known(
    extract, unknown
) -> None:
    unknown("Cao Minh Tuấn", "Pavel Orekhov")
    names, _ = extract(
        "Thống đốc vùng Tomsk của Nga gặp Chủ tịch tỉnh Quảng Trị Cao Minh Tuấn.", "vi", "2025-03-06"
    )
    assert names["Cao Minh Tuấn"] == "Person"  # a province is two syllables: the rest is the name
    names, _ = extract("Thống đốc vùng Zabaykalye Pavel Orekhov phát biểu.", "vi", "2025-03-06")
    # where "Zabaykalye Pavel Orekhov" splits is unknown: no person rather than a wrong one
    assert not [n for n, cls in names.items() if cls == "Person"]


def test_a_supply_contract_signed_with_an_authority_has_both_parties_and_its_date(extract, unknown) -> None:
    unknown("Ural Tram Works JSC", "Da Nang Management Authority for Public Transport")
    text = (
        "DA NANG, March 6 - Ural Tram Works JSC signed a Contract for the Supply of 12 Tram Cars with the "
        "Da Nang Management Authority for Public Transport on 3 March 2025, the city said."
    )
    names, facts = extract(text, "en", "2025-03-06")
    contract = "Contract for the Supply of 12 Tram Cars"
    authority = "Da Nang Management Authority for Public Transport"
    assert names["Ural Tram Works JSC"] == "Company"  # the dateline's "March 6 -" is not in the name
    assert names[authority] == "GovernmentBody"
    assert names[contract] == "Agreement"
    assert (contract, "party", "Ural Tram Works JSC") in facts
    assert (contract, "party", authority) in facts
    assert (contract, "signedOn", "2025-03-03") in facts


def test_a_two_day_meeting_and_a_forum_are_dated_by_their_first_day(extract, unknown) -> None:
    unknown("Russia-Vietnam Subcommission on Fisheries Cooperation", "Diễn đàn Hợp tác Vùng Viễn Đông")
    _, facts = extract(
        "The 4th meeting of the Russia-Vietnam Subcommission on Fisheries Cooperation took place in Hanoi "
        "on 20-21 February 2025.",
        "en",
        "2025-03-06",
    )
    meeting = "4th meeting of the Russia-Vietnam Subcommission on Fisheries Cooperation"
    assert (meeting, "date", "2025-02-20") in facts
    _, facts = extract(
        "Ngày 2/3/2025, Đại sứ Việt Nam tại Liên bang Nga đã tham dự Diễn đàn Hợp tác Vùng Viễn Đông lần "
        "thứ 3 tại Khabarovsk.Diễn đàn do Bộ Phát triển Viễn Đông Nga tổ chức, với sự tham gia của đại "
        "diện Kazakhstan và Belarus.",
        "vi",
        "2025-03-06",
    )
    forum = "Diễn đàn Hợp tác Vùng Viễn Đông lần thứ 3"
    assert (forum, "date", "2025-03-02") in facts
    assert (forum, "participant", "Kazakhstan") in facts
    assert (forum, "participant", "Belarus") in facts
