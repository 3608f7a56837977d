"""Rules added after the first sight of the long articles (articles/), each on sentences of its own.

Short names of known commissions, a session's protocol, companies inside companies, cooperation
between bodies named with a possessive, "Cooperation" inside a name, outlet tags and timestamps,
"Phó Thủ tướng Chính phủ X", visits to a city, counterparts, surnames told alone, "cùng ngày",
signings after the meeting, and "Kỳ họp lần thứ N của Ủy ban".
"""

from __future__ import annotations

from pactgraph.extract.cleaning import find_noise
from pactgraph.extract.dates import find_dates
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _keys(text: str, lang: str, date: str = "2026-05-13") -> set[tuple]:
    ann = make_doc(text, DocumentInfo("t", lang, "t", date))._.pg
    return {(f.subject, f.predicate, f.obj if isinstance(f.obj, str) else f.obj[1]) for f in ann.facts}


COMMISSION = "mechanism/vietnam-russia-intergovernmental-commission"


def test_a_known_commission_named_without_its_topic_is_the_known_one() -> None:
    facts = _keys("Ngày 4/5, Kỳ họp lần thứ 9 Ủy ban liên Chính phủ Việt Nam - Nga diễn ra tại Moskva.", "vi")
    assert any(p == "sessionOf" and o.endswith(COMMISSION) for _, p, o in facts)


def test_a_session_s_protocol_is_named_with_the_session(extract) -> None:
    names, _ = extract("Hai bên đã ký Nghị định thư Kỳ họp lần thứ 9 Ủy ban hỗn hợp Việt - Lào.", "vi")
    assert [n for n, cls in names.items() if cls == "Agreement"] == [
        "Nghị định thư Kỳ họp lần thứ 9 Ủy ban hỗn hợp Việt - Lào"
    ]


def test_a_company_inside_another_company_s_name_is_no_mention_of_it(extract) -> None:
    names, _ = extract(
        "They signed a Memorandum of Understanding between PetroVietnam and Gazprom Neft on LNG.", "en"
    )
    assert names["Gazprom Neft"] == "Company"
    assert "Gazprom" not in names  # inside the instrument's name, inside the other company's


def test_cooperation_between_bodies_named_with_a_possessive_is_theirs_not_their_states(extract) -> None:
    text = (
        "They signed a cooperation agreement between Vietnam's Ministry of Labour and Social Affairs and "
        "Russia's Ministry of Labour and Social Protection."
    )
    names, facts = extract(text, "en")
    assert not [n for n, cls in names.items() if cls == "Agreement"]  # where its name ends is unsure
    pairs = {(s, o) for s, p, o in facts if p == "cooperatesWith"}
    assert ("Vietnam", "Russia") not in pairs and ("Russia", "Vietnam") not in pairs
    assert any("Ministry of Labour" in s and "Ministry of Labour" in o for s, o in pairs)


def test_cooperation_inside_an_instrument_s_name_is_no_cooperation_told(extract) -> None:
    _, facts = extract(
        "Vietnam and Laos signed an Agreement on Cooperation in Forestry on May 5, 2026.", "en"
    )
    assert not [f for f in facts if f[1] == "cooperatesWith"]


def test_an_outlet_tag_and_a_timestamp_with_minutes_of_offset_are_noise() -> None:
    text = "Thứ Hai, 11/05/2026 08:30 (GMT+07:00)\n(Báo Quốc tế) - Ngày 10/5, hai bên ký kết."
    kinds = {(n.kind, text[n.start : n.end].strip()) for n in find_noise(text)}
    assert ("timestamp", "Thứ Hai, 11/05/2026 08:30 (GMT+07:00)") in kinds
    assert any(kind == "byline" and span.startswith("(Báo Quốc tế)") for kind, span in kinds)


def test_the_government_in_a_prime_minister_s_title_is_part_of_the_title(extract) -> None:
    names, _ = extract("Hôm qua, Phó Thủ tướng Chính phủ Lê Minh Khôi tiếp đoàn doanh nghiệp Nga.", "vi")
    assert names["Lê Minh Khôi"] == "Person"


def test_a_visit_to_a_city_by_a_person_is_that_person_s_visit(extract) -> None:
    _, facts = extract(
        "The deal was signed during a visit to Hanoi by Russian Deputy Prime Minister Ivan Sorokin.", "en"
    )
    assert [s for s, p, o in facts if p == "participant" and o == "Ivan Sorokin"]


def test_a_counterpart_of_a_nationality_represents_its_state(extract) -> None:
    _, facts = extract("Sorokin met his Lao counterpart Bounleua Sinxay on Monday.", "en", "2026-05-13")
    assert ("Bounleua Sinxay", "represents", "Laos") in facts


def test_a_foreign_surname_alone_names_the_person_told_before(extract) -> None:
    text = (
        "Russian Deputy Prime Minister Ivan Sorokin arrived in Hanoi on Monday. "
        "Sorokin held talks with Deputy Prime Minister Le Minh Khoi."
    )
    _, facts = extract(text, "en", "2026-05-13")
    talks = {s for s, p, o in facts if p == "participant" and o == "Le Minh Khoi"}
    assert talks and all((t, "participant", "Ivan Sorokin") in facts for t in talks)


def test_a_vietnamese_given_name_alone_is_not_taken_for_the_person(extract) -> None:
    names, _ = extract("Thứ trưởng Nguyễn Văn Long dự lễ. Long An là tỉnh đầu tiên ký kết.", "vi")
    assert "Long" not in names


def test_the_same_day_is_the_day_told_before() -> None:
    text = "Ngày 16/9, hai bên họp tại Hà Nội. Cùng ngày, hai Bộ trưởng hội đàm."
    days = [(text[d.start : d.end], d.value) for d in find_dates(text, [(0, len(text))], "2026-09-17")]
    assert ("Cùng ngày", "2026-09-16") in days


def test_a_signing_after_the_plenary_takes_the_day_of_the_last_dated_meeting(extract) -> None:
    text = (
        "Ngày 4/5, Kỳ họp lần thứ 9 Ủy ban hỗn hợp Việt - Lào diễn ra tại Viêng Chăn.Hai bên đánh giá cao "
        "kết quả hợp tác.Sau phiên họp toàn thể, hai Bộ trưởng đã ký Bản ghi nhớ về hợp tác lâm nghiệp."
    )
    _, facts = extract(text, "vi")
    assert ("Bản ghi nhớ về hợp tác lâm nghiệp", "signedOn", "2026-05-04") in facts


def test_the_next_session_of_the_commission_told_by_its_kind_alone() -> None:
    text = (
        "Kỳ họp lần thứ 9 Ủy ban hỗn hợp Việt - Lào diễn ra ngày 4/5.Hai bên thống nhất tổ chức "
        "Kỳ họp lần thứ 10 của Ủy ban tại Hà Nội vào năm 2027."
    )
    facts = _keys(text, "vi")
    sessions = {s for s, p, o in facts if p == "sessionOf"}
    assert any("session-10" in s for s in sessions)
    assert len({o for s, p, o in facts if p == "sessionOf"}) == 1  # both of the one commission


def test_a_visit_by_an_unnamed_delegation_is_no_visit_of_the_person_before_it(extract) -> None:
    text = (
        "The treaty was signed by Russian Deputy Prosecutor General Ivan Sorokin during a visit to Moscow "
        "by a Vietnamese delegation."
    )
    names, facts = extract(text, "en")
    assert not [n for n, cls in names.items() if cls == "Event"]


def test_a_month_or_a_day_and_month_in_words_without_a_year_take_the_year_around() -> None:
    def values(text: str) -> list[str]:
        return [d.value for d in find_dates(text, [(0, len(text))], "2026-07-26")]

    assert values("chuyến thăm dự kiến vào tháng 10") == ["2026-10"]
    assert values("khai mạc ngày 5 tháng 10 tới") == ["2026-10-05"]
    assert values("tháng 11-2018") == ["2018-11"]  # the year told stays
    assert values("họp 6 tháng một lần") == []
    assert values("trong 3 tháng 10 ngày") == []  # a duration


def test_those_listed_after_tham_du_hoi_nghi_co_take_part(extract) -> None:
    text = (
        "Ngày 5/5, Hội nghị Bộ trưởng Kinh tế ASEAN - Nga diễn ra tại Jakarta."
        "Tham dự hội nghị có Tổng Thư ký ASEAN Lim Wei Ming."
    )
    _, facts = extract(text, "vi")
    assert [s for s, p, o in facts if p == "participant" and o == "Lim Wei Ming"]


def test_the_state_of_a_co_chair_s_title_is_no_participant(extract) -> None:
    text = (
        "Ngày 5/5, Hội nghị Bộ trưởng Kinh tế ASEAN - Nga diễn ra dưới sự đồng chủ trì của Bộ trưởng "
        "Thương mại Malaysia Aziz Rahman và Bộ trưởng Kinh tế Nga Pavel Zuev."
    )
    _, facts = extract(text, "vi")
    meeting = "Hội nghị Bộ trưởng Kinh tế ASEAN - Nga"
    assert (meeting, "participant", "Aziz Rahman") in facts
    assert (meeting, "participant", "Malaysia") not in facts


def test_st_with_its_full_stop_stays_inside_a_name(extract) -> None:
    names, _ = extract("Đoàn đã tham dự Diễn đàn Kinh tế quốc tế St. Petersburg lần thứ 28 tại Nga.", "vi")
    assert names["Diễn đàn Kinh tế quốc tế St. Petersburg lần thứ 28"] == "Event"
    names, _ = extract("Delegates attended the St. Petersburg Maritime Forum in July.", "en")
    assert "St. Petersburg Maritime Forum" in names


def test_a_number_after_a_bracketed_acronym_still_makes_a_session(extract) -> None:
    text = "Việt Nam tham dự Diễn đàn Hợp tác Kinh tế Đông Á (EAECF) lần thứ 7 tại Tokyo."
    names, _ = extract(text, "vi")
    assert names["Diễn đàn Hợp tác Kinh tế Đông Á (EAECF) lần thứ 7"] == "Event"


def test_the_headline_s_name_and_the_name_with_its_acronym_are_one_node() -> None:
    text = (
        "Việt Nam dự Diễn đàn Hợp tác Kinh tế Đông Á lần thứ 7\n"
        "Ngày 5/5, đoàn Việt Nam tham dự Diễn đàn Hợp tác Kinh tế Đông Á (EAECF) lần thứ 7 tại Tokyo."
    )
    doc = make_doc(text, DocumentInfo("t", "vi", "t", "2026-05-13"))
    events = {m.key for m in doc._.pg.mentions if doc._.pg.entities[m.key].cls == "Event"}
    assert len(events) == 1


def test_a_subsidiary_named_in_apposition_is_the_company_that_signs(extract) -> None:
    text = (
        "A subsidiary of state-owned Rosatom, Atomflot Logistics, signed a Framework Agreement on Arctic "
        "Shipping with Hai Phong Port JSC on May 5, 2026."
    )
    names, facts = extract(text, "en")
    agreement = "Framework Agreement on Arctic Shipping"
    assert names["Atomflot Logistics"] == "Company"
    assert (agreement, "party", "Atomflot Logistics") in facts
    assert not [o for s, p, o in facts if s == agreement and p == "party" and "Rosatom" in str(o)]


def test_a_forum_during_which_something_happens_is_an_event(extract) -> None:
    names, _ = extract(
        "The deal was signed during the Vietnam-Belarus Business Forum in Minsk on Monday.",
        "en",
        "2026-05-13",
    )
    assert names["Vietnam-Belarus Business Forum"] == "Event"
    names, _ = extract("The Vietnam-Belarus Business Forum meets every year.", "en")
    assert names["Vietnam-Belarus Business Forum"] == "Mechanism"


def test_a_title_after_a_company_s_legal_head_ends_its_name(extract) -> None:
    names, facts = extract("Mekong Foods Group CEO Pham Thi Lan said exports would grow.", "en")
    assert names["Mekong Foods Group"] == "Company"
    assert ("Pham Thi Lan", "represents", "Mekong Foods Group") in facts


def test_a_longer_name_told_before_wins_over_a_shorter_known_one_inside_it(extract) -> None:
    text = (
        "A subsidiary of Russian Railways, RZD Logistics Asia, opened an office in Hanoi. "
        "Ivan Petrov, general director of RZD Logistics Asia, spoke."
    )
    _, facts = extract(text, "en")
    assert ("Ivan Petrov", "represents", "RZD Logistics Asia") in facts
