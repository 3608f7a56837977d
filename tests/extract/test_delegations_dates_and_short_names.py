"""Rules added for the sixth batch of generalisation texts, each on sentences of its own.

Dash appositions, body names with a lower-case tail, short names in brackets, company names with an
"and", Title Case instruments with a lower-case subject, signing dates told late, at the meeting or
only in the dateline, organisations named by their first words, appositive titles, delegation
leaders, and states inside English names. Every name here is unknown to the gazetteer (checked).
"""

from __future__ import annotations

# ---------------------------------------------------------------- Vietnamese


def test_a_title_after_a_dash_says_whom_the_person_represents(extract, unknown) -> None:
    unknown("Trần Thị Thu Hà", "Công ty cổ phần Cảng Cửa Việt")
    text = "Theo bà Trần Thị Thu Hà – Giám đốc Công ty cổ phần Cảng Cửa Việt, sản lượng sẽ tăng."
    _, facts = extract(text, "vi")
    assert ("Trần Thị Thu Hà", "represents", "Công ty cổ phần Cảng Cửa Việt") in facts


def test_a_body_name_with_a_lower_case_tail_ends_at_a_clear_edge(extract, unknown) -> None:
    unknown("Cục Quản lý thị trường", "Cơ quan Hải quan Liên bang Nga", "Đặng Văn Minh")
    text = (
        "Cục Quản lý thị trường và Cơ quan Hải quan Liên bang Nga đã ký Bản ghi nhớ về chống hàng giả."
        "Cục trưởng Cục Quản lý thị trường Đặng Văn Minh dự lễ ký."
    )
    names, facts = extract(text, "vi")
    assert names["Cục Quản lý thị trường"] == "GovernmentBody"
    assert ("Đặng Văn Minh", "represents", "Cục Quản lý thị trường") in facts
    names, _ = extract("Cục Quản lý thị trường tăng cường kiểm tra hàng nhập khẩu.", "vi")
    assert "Cục Quản lý thị trường tăng" not in names  # a verb is no part of the name
    names, _ = extract("Viện Hóa học Tây Nguyên phối hợp với Trung tâm Đào tạo Kazan tổ chức hội thảo.", "vi")
    assert "Viện Hóa học Tây Nguyên" in names  # "phối hợp với ...": what it does, not its name


def test_a_short_name_in_brackets_is_the_body_s_name_later(extract, unknown) -> None:
    unknown("Cơ quan Giám sát Hàng hải Liên bang Nga", "Rosmorsnadzor", "Pavel Gromov")
    text = (
        "Cơ quan Giám sát Hàng hải Liên bang Nga (Rosmorsnadzor) cử đoàn sang Hải Phòng."
        "Phó Giám đốc Rosmorsnadzor Pavel Gromov cho biết hai bên sẽ trao đổi dữ liệu."
    )
    names, facts = extract(text, "vi")
    assert names["Rosmorsnadzor"] == "GovernmentBody"
    assert ("Pavel Gromov", "represents", "Cơ quan Giám sát Hàng hải Liên bang Nga") in facts


def test_a_country_in_brackets_is_no_short_name(extract, unknown) -> None:
    unknown("Công ty cổ phần Baikal Logistic")
    names, _ = extract("Công ty cổ phần Baikal Logistic (Nga) mở chi nhánh tại Đà Nẵng.", "vi")
    assert names["Nga"] == "State"


def test_a_signing_at_the_meeting_told_before_takes_the_meeting_s_day(extract, unknown) -> None:
    unknown("Cục Xúc tiến thương mại", "Trung tâm Xuất khẩu Nga", "Bản ghi nhớ về xúc tiến xuất khẩu")
    text = (
        "Sáng 9/5, Cục Xúc tiến thương mại và Trung tâm Xuất khẩu Nga tổ chức phiên họp tại Hà Nội."
        "Tại phiên họp, hai cơ quan đã ký Bản ghi nhớ về xúc tiến xuất khẩu."
    )
    _, facts = extract(text, "vi")
    assert ("Bản ghi nhớ về xúc tiến xuất khẩu", "signedOn", "2026-05-09") in facts


def test_experts_from_a_list_of_states_take_part_in_the_workshop(extract, unknown) -> None:
    unknown("Hội thảo khoa học về y học hạt nhân lần thứ 4")
    text = (
        "Ngày 6/5, Hội thảo khoa học về y học hạt nhân lần thứ 4 khai mạc tại Huế."
        "Hội thảo thu hút 80 chuyên gia đến từ Việt Nam, Nga và Lào."
    )
    names, facts = extract(text, "vi")
    assert "Hội thảo thu hút 80 chuyên gia" not in names  # a reference back, not a name
    event = "Hội thảo khoa học về y học hạt nhân lần thứ 4"
    assert {(event, "participant", s) for s in ("Việt Nam", "Liên bang Nga", "Lào")} <= facts


def test_the_leader_of_a_delegation_takes_part_in_the_meeting_told_before(extract, unknown) -> None:
    unknown("Kỳ họp lần thứ 3 của Tiểu ban hợp tác giáo dục Việt Nam - Nga", "Phạm Quốc Khánh")
    text = (
        "Kỳ họp lần thứ 3 của Tiểu ban hợp tác giáo dục Việt Nam - Nga diễn ra ngày 5/5 tại Moskva."
        "Đoàn Việt Nam do Thứ trưởng Phạm Quốc Khánh dẫn đầu."
    )
    _, facts = extract(text, "vi")
    assert [s for s, p, o in facts if p == "participant" and o == "Phạm Quốc Khánh"]


# ---------------------------------------------------------------- English


def test_an_acronym_in_brackets_names_the_body_before_a_title_with_first(extract, unknown) -> None:
    unknown("Federal Service for Technical Control", "FSTC", "Igor Pankov")
    text = (
        "Russia's Federal Service for Technical Control (FSTC) sent experts to Hanoi. "
        "They were led by FSTC First Deputy Director Igor Pankov."
    )
    names, facts = extract(text, "en")
    assert names["FSTC"] == "GovernmentBody"
    assert ("Igor Pankov", "represents", "Federal Service for Technical Control") in facts


def test_a_company_name_may_hold_an_and_but_two_names_stay_two(extract, unknown) -> None:
    unknown("Cam Ranh Shipbuilding and Repair JSC", "Arctic Tankers LLC")
    names, _ = extract("Arctic Tankers LLC and Cam Ranh Shipbuilding and Repair JSC met in Hanoi.", "en")
    assert names["Cam Ranh Shipbuilding and Repair JSC"] == "Company"
    assert names["Arctic Tankers LLC"] == "Company"


def test_a_title_case_instrument_with_a_lower_case_subject_and_a_late_date(extract, unknown) -> None:
    unknown("Heads of Agreement on the construction of a gas power plant", "Quang Tri Power JSC")
    text = (
        "HANOI, June 3 - Quang Tri Power JSC and Arctic Tankers LLC signed a Heads of Agreement on the "
        "construction of a gas power plant on the sidelines of the Hanoi Energy Forum on Tuesday."
    )
    names, facts = extract(text, "en", "2026-06-03")
    hoa = "Heads of Agreement on the construction of a gas power plant"
    assert names[hoa] == "Agreement"
    assert (hoa, "signedOn", "2026-06-02") in facts  # Tuesday, not the dateline's June 3
    _, facts = extract(
        "HANOI, June 3 - Quang Tri Power JSC and Arctic Tankers LLC signed a Heads of "
        "Agreement on the construction of a gas power plant.",
        "en",
        "2026-06-03",
    )
    assert (hoa, "signedOn", "2026-06-03") in facts  # only the dateline says when


def test_an_organisation_named_by_its_first_words_before_a_title(extract, unknown) -> None:
    unknown("Kuban State Agrarian University", "Sergei Trubilin")
    text = (
        "Kuban State Agrarian University opened a centre in Can Tho. "
        "Kuban State rector Sergei Trubilin spoke."
    )
    _, facts = extract(text, "en")
    assert ("Sergei Trubilin", "represents", "Kuban State Agrarian University") in facts


def test_a_name_then_a_capitalised_title_in_charge_of_a_portfolio(extract, unknown) -> None:
    unknown("Mikhail Belov", "Eurasian Development Commission")
    text = (
        "The talks were attended by Mikhail Belov, Minister in charge of Energy of the Eurasian "
        "Development Commission."
    )
    _, facts = extract(text, "en")
    assert ("Mikhail Belov", "represents", "Eurasian Development Commission") in facts


def test_co_chairs_take_part_in_the_numbered_meeting_not_only_its_committee(extract, unknown) -> None:
    unknown("Vietnam-Kazakhstan Joint Committee on Trade", "Le Thi Lan", "Askar Nurov")
    text = (
        "The third meeting of the Vietnam-Kazakhstan Joint Committee on Trade was held in Hanoi on "
        "May 4, 2026, "
        "co-chaired by Deputy Minister Le Thi Lan and Kazakh Vice Minister Askar Nurov."
    )
    _, facts = extract(text, "en")
    meetings = {s for s, p, o in facts if p == "sessionOf"}
    assert meetings and all((m, "participant", "Le Thi Lan") in facts for m in meetings)


def test_the_leaders_of_the_two_delegations_take_part_in_the_consultations(extract, unknown) -> None:
    unknown("Vietnam-Russia Consular Consultations", "Do Van Kien", "Oleg Sazonov")
    text = (
        "The 2nd round of the Vietnam-Russia Consular Consultations was held in Hanoi on May 4, 2026. "
        "The Vietnamese delegation was led by Deputy Foreign Minister Do Van Kien, while the Russian side "
        "was "
        "headed by Ambassador Oleg Sazonov."
    )
    _, facts = extract(text, "en")
    rounds = {s for s, p, o in facts if p == "sessionOf"}
    assert rounds
    assert all((r, "participant", who) in facts for r in rounds for who in ("Do Van Kien", "Oleg Sazonov"))


def test_the_one_state_inside_an_english_body_name_is_its_country(extract, unknown) -> None:
    unknown("State Agency for Vietnam Railways")
    _, facts = extract("The State Agency for Vietnam Railways ordered 20 locomotives.", "en")
    assert ("State Agency for Vietnam Railways", "country", "Vietnam") in facts
