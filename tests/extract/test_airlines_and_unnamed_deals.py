"""Rules added for the seventh batch of generalisation texts, each on sentences of its own.

Companies named after a lower-case kind ("hãng hàng không X"), deals signed without a name after
modifiers or with "Russia's X", titles after a name introduced by an academic title, "dưới sự đồng
chủ trì của", prosecutors' titles and "X and Y held the first Z". Every name here is unknown to the
gazetteer (checked).
"""

from __future__ import annotations


def _cooperate(facts: set[tuple], a: str, b: str) -> bool:
    return (a, "cooperatesWith", b) in facts or (b, "cooperatesWith", a) in facts


def test_a_lower_case_airline_before_a_foreign_name_is_a_company_of_its_country(extract, unknown) -> None:
    unknown("Baikal Wings", "Hãng hàng không Mê Kông Xanh")
    text = (
        "Hãng hàng không Mê Kông Xanh và hãng hàng không Baikal Wings của Nga đã ký kết biên bản ghi nhớ "
        "hợp tác liên danh."
    )
    names, facts = extract(text, "vi")
    assert names["Baikal Wings"] == "Company"
    assert names["Hãng hàng không Mê Kông Xanh"] == "Company"
    assert ("Baikal Wings", "country", "Liên bang Nga") in facts
    assert _cooperate(facts, "Hãng hàng không Mê Kông Xanh", "Baikal Wings")


def test_a_news_agency_after_hang_is_no_company(extract) -> None:
    names, _ = extract("Theo hãng AFP, hai bên đã nhất trí tăng số chuyến bay.", "vi")
    assert "AFP" not in names


def test_after_an_academic_title_the_title_after_the_name_names_the_body(extract, unknown) -> None:
    unknown("Anna Sergeeva", "Viện Nghiên cứu Dược phẩm Volga")
    text = (
        "Giáo sư Anna Sergeeva, Giám đốc Viện Nghiên cứu Dược phẩm Volga, cho biết viện sẽ mở phòng "
        "thí nghiệm."
    )
    _, facts = extract(text, "vi")
    assert ("Anna Sergeeva", "represents", "Viện Nghiên cứu Dược phẩm Volga") in facts


def test_a_list_of_people_and_posts_gives_no_one_the_next_post(extract, unknown) -> None:
    unknown("Ivan Petrenko")
    text = "Đoàn đã hội kiến Tổng thống Ivan Petrenko, Chủ tịch Hội đồng Liên bang Nga và nhiều quan chức."
    _, facts = extract(text, "vi")
    assert not [o for s, p, o in facts if s == "Ivan Petrenko" and p == "represents" and "Hội đồng" in str(o)]


def test_co_chairs_after_duoi_su_dong_chu_tri_cua_take_part(extract, unknown) -> None:
    unknown("Hội nghị Quan chức cao cấp Việt Nam - Belarus lần thứ 4", "Nguyễn Văn Tâm", "Pavel Lukin")
    text = (
        "Ngày 3/5, Hội nghị Quan chức cao cấp Việt Nam - Belarus lần thứ 4 diễn ra dưới sự đồng chủ trì của "
        "Thứ trưởng Nguyễn Văn Tâm và Thứ trưởng Ngoại giao Belarus Pavel Lukin."
    )
    _, facts = extract(text, "vi")
    meeting = "Hội nghị Quan chức cao cấp Việt Nam - Belarus lần thứ 4"
    assert (meeting, "participant", "Nguyễn Văn Tâm") in facts
    assert (meeting, "participant", "Pavel Lukin") in facts


def test_a_deputy_prosecutor_general_represents_the_state_of_the_demonym(extract, unknown) -> None:
    unknown("Sergei Vorobyov")
    _, facts = extract("The talks were attended by Russian Deputy Prosecutor General Sergei Vorobyov.", "en")
    assert ("Sergei Vorobyov", "represents", "Russia") in facts


def test_a_deal_with_modifiers_signed_with_a_company_of_a_named_state(extract, unknown) -> None:
    unknown("Red River Cables JSC", "Uralkabel PJSC")
    text = "Red River Cables JSC inked a five-year supply contract with Russia's Uralkabel PJSC on Monday."
    names, facts = extract(text, "en")
    assert not [n for n, cls in names.items() if cls == "Agreement"]
    assert _cooperate(facts, "Red River Cables JSC", "Uralkabel PJSC")
    assert not _cooperate(facts, "Red River Cables JSC", "Russia")


def test_those_who_held_a_named_meeting_take_part_in_it(extract, unknown) -> None:
    unknown("ASEAN-Russia Energy Ministers' Consultation", "Pavel Sorokin")
    text = (
        "ASEAN energy ministers and Russian Deputy Energy Minister Pavel Sorokin held the second "
        "ASEAN-Russia Energy Ministers' Consultation in Vientiane on Friday."
    )
    _, facts = extract(text, "en", "2026-05-16")
    meetings = {s for s, p, o in facts if p == "date"}
    assert meetings and all((m, "participant", "Pavel Sorokin") in facts for m in meetings)
