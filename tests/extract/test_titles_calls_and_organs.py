"""Rules added for the fifth batch of generalisation texts, each on sentences of its own.

Titles in front of a body and a name, courtesy calls, committees of a parliament, quoted names,
relative months, ordinal words, military ranks, lower-case titles, organs named "Commission", and
instruments signed without a name. Every name here is unknown to the gazetteer (checked).
"""

from __future__ import annotations

from pactgraph.extract.dates import find_dates


def _events(names: dict[str, str]) -> list[str]:
    return [n for n, cls in names.items() if cls == "Event"]


# ---------------------------------------------------------------- Vietnamese


def test_a_body_named_between_a_title_and_a_full_name_ends_before_the_name(extract, unknown) -> None:
    unknown("Bộ Xây dựng và Đô thị", "Phan Thị Ngọc Lan")
    names, facts = extract("Bộ trưởng Bộ Xây dựng và Đô thị Phan Thị Ngọc Lan tiếp Đại sứ Nga.", "vi")
    assert names["Bộ Xây dựng và Đô thị"] == "GovernmentBody"
    assert names["Phan Thị Ngọc Lan"] == "Person"
    assert ("Phan Thị Ngọc Lan", "represents", "Bộ Xây dựng và Đô thị") in facts


def test_a_two_syllable_place_after_a_body_is_not_taken_for_a_person(extract, unknown) -> None:
    unknown("Sở Công Thương Hà Tĩnh")
    names, _ = extract("Giám đốc Sở Công Thương Hà Tĩnh cho biết tỉnh sẽ mở văn phòng tại Moskva.", "vi")
    assert not [n for n, cls in names.items() if cls == "Person"]


def test_a_company_named_after_its_legal_form_is_known_by_its_short_name_later(extract, unknown) -> None:
    unknown("Công ty cổ phần Sibir Energo", "Sibir Energo", "Oleg Markov")
    text = (
        "Công ty cổ phần Sibir Energo đã khai trương văn phòng tại Hà Nội.Phó Tổng giám đốc Sibir Energo "
        "Oleg Markov cho biết công ty sẽ tuyển kỹ sư Việt Nam."
    )
    names, facts = extract(text, "vi")
    assert names["Sibir Energo"] == "Company"
    assert names["Oleg Markov"] == "Person"
    assert ("Oleg Markov", "represents", "Công ty cổ phần Sibir Energo") in facts


def test_a_committee_of_a_parliament_is_a_government_body_of_its_country(extract, unknown) -> None:
    unknown("Ủy ban Kinh tế của Quốc hội Việt Nam")
    names, facts = extract(
        "Ủy ban Kinh tế của Quốc hội Việt Nam và Duma quốc gia Nga đã ký Bản ghi nhớ về trao đổi chuyên gia.",
        "vi",
    )
    assert names["Ủy ban Kinh tế của Quốc hội Việt Nam"] == "GovernmentBody"
    assert ("Ủy ban Kinh tế của Quốc hội Việt Nam", "country", "Việt Nam") in facts


def test_a_courtesy_call_is_an_event_with_the_host_and_the_guest(extract, unknown) -> None:
    unknown("Đỗ Minh Tuấn", "Irina Volkova")
    names, facts = extract(
        "Sáng 12/5, tại Hà Nội, Bộ trưởng Đỗ Minh Tuấn đã hội kiến Thống đốc Irina Volkova.", "vi"
    )
    (call,) = [label for label, p, o in facts if p == "participant" and o == "Irina Volkova"]
    assert (call, "participant", "Đỗ Minh Tuấn") in facts
    assert (call, "date", "2026-05-12") in facts


def test_a_list_of_calls_after_a_comma_makes_no_event_of_each_call(extract, unknown) -> None:
    unknown("Đỗ Minh Tuấn", "Irina Volkova", "Pavel Zuev")
    text = "Bộ trưởng Đỗ Minh Tuấn đã hội đàm với Thống đốc Irina Volkova, hội kiến Chủ tịch Pavel Zuev."
    _, facts = extract(text, "vi")
    assert not [f for f in facts if f[1] == "participant" and f[2] == "Pavel Zuev"]


def test_a_quoted_title_belongs_to_the_name_of_a_numbered_forum(extract, unknown) -> None:
    unknown('Diễn đàn Thanh niên "Cầu nối Á - Âu" lần thứ 2')
    names, _ = extract('Ngày 3/4, Diễn đàn Thanh niên "Cầu nối Á - Âu" lần thứ 2 khai mạc tại Kazan.', "vi")
    assert names['Diễn đàn Thanh niên "Cầu nối Á - Âu" lần thứ 2'] == "Event"


def test_a_visit_at_a_host_state_names_the_host(extract, unknown) -> None:
    unknown("Sergei Nikitin")
    _, facts = extract("Phó Thủ tướng Nga Sergei Nikitin đang có chuyến thăm làm việc tại Việt Nam.", "vi")
    visits = {s for s, p, o in facts if p == "participant" and o == "Sergei Nikitin"}
    assert visits and all((v, "participant", "Việt Nam") in facts for v in visits)


def test_a_month_of_this_year_or_last_year_takes_the_year_of_the_document() -> None:
    def values(text: str) -> list[str]:
        return [d.value for d in find_dates(text, [(0, len(text))], "2026-05-13")]

    assert values("ký hồi tháng 3 năm nay") == ["2026-03"]
    assert values("ký vào tháng 11 năm ngoái") == ["2025-11"]
    assert values("signed in March this year") == ["2026-03"]
    assert values("signed last October") == ["2025-10"]
    assert values("signed last March") == ["2026-03"]  # the March before May of the same year
    assert values("at last may be signed") == []  # a modal verb, not a month


# ---------------------------------------------------------------- English


def test_an_ordinal_word_makes_a_meeting_of_a_mechanism_with_the_fields_of_its_name(extract, unknown) -> None:
    unknown("Vietnam-Russia Maritime Security Consultations")
    names, facts = extract(
        "The fourth Vietnam-Russia Maritime Security Consultations took place in Hanoi on May 6, 2026.", "en"
    )
    event = "fourth Vietnam-Russia Maritime Security Consultations"
    assert names[event] == "Event"
    assert (event, "sessionOf", "Vietnam-Russia Maritime Security Consultations") in facts
    assert (event, "date", "2026-05-06") in facts
    assert ("Vietnam-Russia Maritime Security Consultations", "area", "security") in facts


def test_a_military_rank_after_a_post_keeps_the_country_of_the_title(extract, unknown) -> None:
    unknown("Nguyen Van Hieu", "Pavel Kurbatov")
    _, facts = extract(
        "The talks were held by Vietnamese Deputy Minister of National Defence Lieutenant General Nguyen Van "
        "Hieu and Russian Deputy Defence Minister Admiral Pavel Kurbatov.",
        "en",
    )
    assert ("Nguyen Van Hieu", "represents", "Vietnam") in facts
    assert ("Pavel Kurbatov", "represents", "Russia") in facts


def test_lower_case_titles_after_a_possessive_or_a_kind_of_body(extract, unknown) -> None:
    unknown(
        "Baltic Nuclear Services", "Irina Sokolova", "Vietnam Institute for Reactor Physics", "Le Thi Mai"
    )
    text = (
        "The Vietnam Institute for Reactor Physics and Baltic Nuclear Services JSC met in Hanoi. "
        "Baltic Nuclear Services' director for Asia, Irina Sokolova, spoke first, and institute director "
        "Le Thi Mai replied."
    )
    names, facts = extract(text, "en")
    assert ("Irina Sokolova", "represents", "Baltic Nuclear Services JSC") in facts or (
        "Irina Sokolova",
        "represents",
        "Baltic Nuclear Services",
    ) in facts
    assert ("Le Thi Mai", "represents", "Vietnam Institute for Reactor Physics") in facts
    assert ("Vietnam Institute for Reactor Physics", "country", "Vietnam") in facts


def test_a_name_then_a_lower_case_title_of_an_organisation(extract, unknown) -> None:
    unknown("Anna Lebedeva", "Caspian Shipping Company")
    _, facts = extract(
        '"We expect more cargo," said Anna Lebedeva, deputy director of the Caspian Shipping Company.', "en"
    )
    assert ("Anna Lebedeva", "represents", "Caspian Shipping Company") in facts


def test_a_commission_that_names_no_parties_is_an_organ_and_a_joint_one_a_mechanism(extract, unknown) -> None:
    unknown("Eurasian Customs Commission", "Vietnam-Belarus Joint Commission on Trade")
    names, _ = extract(
        "The Eurasian Customs Commission welcomed the work of the Vietnam-Belarus Joint Commission on Trade.",
        "en",
    )
    assert names["Eurasian Customs Commission"] == "GovernmentBody"
    assert names["Vietnam-Belarus Joint Commission on Trade"] == "Mechanism"


def test_actors_who_sign_an_unnamed_agreement_cooperate_but_no_agreement_is_made_up(extract, unknown) -> None:
    unknown("Mekong Cold Chain Corporation", "Ural Foods LLC")
    names, facts = extract(
        "Mekong Cold Chain Corporation and Ural Foods LLC signed an agreement to build a warehouse.", "en"
    )
    assert not [n for n, cls in names.items() if cls == "Agreement"]
    assert ("Mekong Cold Chain Corporation", "cooperatesWith", "Ural Foods LLC") in facts or (
        "Ural Foods LLC",
        "cooperatesWith",
        "Mekong Cold Chain Corporation",
    ) in facts
    _, facts = extract(
        "Mekong Cold Chain Corporation and Ural Foods LLC plan to sign an agreement next year.", "en"
    )
    assert not [f for f in facts if f[1] == "cooperatesWith"]


def test_an_honorific_before_a_name_and_its_title_after_give_one_person(extract, unknown) -> None:
    unknown("Le Van Duc", "Hue Medical University")
    names, facts = extract(
        '"We are ready," said Professor Le Van Duc, rector of Hue Medical University.', "en"
    )
    people = [n for n, cls in names.items() if cls == "Person"]
    assert people == ["Le Van Duc"]
    assert ("Le Van Duc", "represents", "Hue Medical University") in facts


def test_a_numbered_meeting_s_name_ends_before_the_verb_of_a_headline(extract, unknown) -> None:
    unknown("Hội nghị Bộ trưởng Năng lượng ASEAN - Nga lần thứ 3")
    names, _ = extract(
        "Hội nghị Bộ trưởng Năng lượng ASEAN - Nga lần thứ 3 thúc đẩy hợp tác điện hạt nhân", "vi"
    )
    assert _events(names) == ["Hội nghị Bộ trưởng Năng lượng ASEAN - Nga lần thứ 3"]
