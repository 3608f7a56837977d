"""Rules added after probing phrasings no text had: a ministry's departments ("Vụ"), continents that
hold a state's short name ("châu Mỹ", "Nam Mỹ"), and headline abbreviations of titles (PM, FM)."""

from __future__ import annotations


def test_a_ministry_s_department_is_a_body_and_its_head_represents_it(extract, unknown) -> None:
    unknown("Vụ Thị trường châu Âu - châu Mỹ", "Tạ Văn Lâm")
    names, facts = extract(
        "Vụ trưởng Vụ Thị trường châu Âu - châu Mỹ Tạ Văn Lâm cho biết kim ngạch tăng.", "vi"
    )
    assert names.get("Vụ Thị trường châu Âu - châu Mỹ") == "GovernmentBody"
    assert ("Tạ Văn Lâm", "represents", "Vụ Thị trường châu Âu - châu Mỹ") in facts


def test_a_continent_or_region_named_after_a_state_is_no_state(extract) -> None:
    names, facts = extract("Xuất khẩu sang thị trường châu Mỹ và Nam Mỹ tăng mạnh, Bắc Mỹ giảm.", "vi")
    assert "State" not in names.values()
    names, _ = extract("Exports to Latin America and North America rose.", "en")
    assert "State" not in names.values()
    names, _ = extract("Mỹ và Nga đã trao đổi.", "vi")
    assert names.get("Mỹ") == "State"  # the state itself is still found


def test_a_state_after_a_dash_in_a_body_s_name_is_not_its_country(extract, unknown) -> None:
    unknown("Vụ Châu Âu - Mỹ")
    _, facts = extract("Theo bà Lê Thị Hạnh, Vụ trưởng Vụ Châu Âu - Mỹ, kim ngạch thương mại tăng 20%.", "vi")
    assert not [f for f in facts if f[0] == "Vụ Châu Âu - Mỹ" and f[1] == "country"]
    assert ("Lê Thị Hạnh", "represents", "Vụ Châu Âu - Mỹ") in facts


def test_headline_abbreviations_of_titles_name_people(extract, unknown) -> None:
    unknown("Tran Van Kiet", "Oleg Brodsky")
    names, facts = extract(
        "Vietnamese PM Tran Van Kiet met Russian FM Oleg Brodsky in Hanoi on Monday.", "en"
    )
    assert names.get("Tran Van Kiet") == "Person" and names.get("Oleg Brodsky") == "Person"
    assert ("Oleg Brodsky", "represents", "Russia") in facts
    assert ("Tran Van Kiet", "represents", "Vietnam") in facts
