"""Rules added after the first sight of the fourth pair of long articles, each on sentences of its own.

Instrument names that go on with "via" or "against", an instrument named by its kind and parties in a
caption, a company with no head word after a possessive and joined to another company, and two
companies that agree to do something together.
"""

from __future__ import annotations


def test_an_instrument_s_name_goes_on_after_via_and_against(extract, unknown) -> None:
    unknown("Agreement on Grain Deliveries via the Caspian Corridor")
    names, _ = extract(
        "Kazakhstan and Vietnam signed an Agreement on Grain Deliveries via the Caspian Corridor on May 5.",
        "en",
    )
    assert names.get("Agreement on Grain Deliveries via the Caspian Corridor") == "Agreement"
    names, _ = extract("Both sides support the Convention against Illegal Fishing Practices.", "en")
    assert names.get("Convention against Illegal Fishing Practices") == "Agreement"


def test_an_instrument_named_by_its_kind_and_parties_in_a_caption_is_the_body_s_instrument(
    unknown, mention_keys
) -> None:
    unknown("Tổng công ty Cảng Hòn Gai", "Công ty cổ phần Kamaflot")
    text = (
        "Ngày 5/5, Tổng công ty Cảng Hòn Gai và Công ty cổ phần Kamaflot đã ký Bản ghi nhớ về hợp tác "
        "vận tải container giai đoạn 2026-2030.\n"
        "Lễ ký Bản ghi nhớ giữa Tổng công ty Cảng Hòn Gai và Công ty cổ phần Kamaflot. Ảnh: TTXVN\n"
    )
    keys = mention_keys(text, "vi")
    body = keys["Bản ghi nhớ về hợp tác vận tải container giai đoạn 2026-2030"]
    assert keys["Bản ghi nhớ giữa Tổng công ty Cảng Hòn Gai và Công ty cổ phần Kamaflot"] == body


def test_a_kind_named_with_parties_stays_apart_when_two_instruments_of_that_kind_are_named(
    mention_keys,
) -> None:
    text = (
        "Ngày 5/5/2026, Tổng công ty Cảng Hòn Gai và Công ty cổ phần Kamaflot đã ký Bản ghi nhớ về vận tải "
        "container và Bản ghi nhớ về đào tạo hoa tiêu.Bản ghi nhớ giữa Tổng công ty Cảng Hòn Gai và Công ty "
        "cổ phần Kamaflot có thời hạn 5 năm."
    )
    keys = mention_keys(text, "vi")
    short = keys["Bản ghi nhớ giữa Tổng công ty Cảng Hòn Gai và Công ty cổ phần Kamaflot"]
    assert short != keys["Bản ghi nhớ về vận tải container"]
    assert short != keys["Bản ghi nhớ về đào tạo hoa tiêu"]


def test_a_name_after_a_possessive_joined_to_a_company_in_a_deal_is_a_company(extract, unknown) -> None:
    unknown("Kamaflot", "Hoa Binh Trading Corporation")
    names, facts = extract(
        "Russia's Kamaflot and Vietnam's Hoa Binh Trading Corporation signed a supply contract on Friday.",
        "en",
    )
    assert names.get("Kamaflot") == "Company"
    assert ("Kamaflot", "country", "Russia") in facts
    pairs = {(s, o) for s, p, o in facts if p == "cooperatesWith"}
    assert pairs & {
        ("Kamaflot", "Hoa Binh Trading Corporation"),
        ("Hoa Binh Trading Corporation", "Kamaflot"),
    }


def test_a_name_after_a_possessive_alone_is_left_alone(extract, unknown) -> None:
    unknown("Kamaflot")
    names, _ = extract("Russia's Kamaflot said it would open an office in Hanoi next year.", "en")
    assert "Kamaflot" not in names


def test_two_companies_agreeing_to_do_something_together_cooperate(extract, unknown) -> None:
    unknown("Alpha Logistics JSC", "Beta Freight Corporation")
    _, facts = extract(
        "Alpha Logistics JSC and Beta Freight Corporation agreed to open a rail freight line.", "en"
    )
    assert ("Alpha Logistics JSC", "cooperatesWith", "Beta Freight Corporation") in facts
    _, facts = extract(
        "Alpha Logistics JSC and Beta Freight Corporation agreed to sign a contract next year.", "en"
    )
    assert not [f for f in facts if f[1] == "cooperatesWith"]
    _, facts = extract("Vietnam and Laos agreed to boost trade in rice.", "en")
    assert not [f for f in facts if f[1] == "cooperatesWith"]


def test_a_known_and_an_unknown_party_after_between_are_both_names_of_their_own(extract, unknown) -> None:
    unknown("Eurasian Grain Council")
    names, facts = extract(
        "They welcomed a Memorandum of Understanding on Grain Trade between ASEAN and the Eurasian Grain "
        "Council, signed in Moscow on May 5, 2026.",
        "en",
    )
    assert names.get("Memorandum of Understanding on Grain Trade") == "Agreement"
    assert "Eurasian Grain Council" in names
    assert ("Memorandum of Understanding on Grain Trade", "party", "Eurasian Grain Council") in facts
    parties = {o for s, p, o in facts if s == "Memorandum of Understanding on Grain Trade" and p == "party"}
    assert len(parties) == 2  # ASEAN (under its English label) and the council


def test_the_sides_of_the_meeting_just_told_sign_on_its_day(extract, unknown) -> None:
    unknown("Diễn đàn Hợp tác thủy sản Việt - Nga lần thứ 2")
    text = (
        "Sáng 12/5/2026, tại Hà Nội đã diễn ra Diễn đàn Hợp tác thủy sản Việt - Nga lần thứ 2.Tại diễn đàn, "
        "các doanh nghiệp trao đổi về xuất khẩu cá tra.Hai bên đã ký Kế hoạch hành động về hợp tác thủy "
        "sản giai đoạn 2026-2028."
    )
    _, facts = extract(text, "vi")
    assert ("Kế hoạch hành động về hợp tác thủy sản giai đoạn 2026-2028", "signedOn", "2026-05-12") in facts
    text = (
        "The 5th Vietnam-Russia Fishery Forum took place in Hanoi on May 12, 2026. The officials "
        "adopted the Plan of Action on Fishery Cooperation."
    )
    _, facts = extract(text, "en")
    assert ("Plan of Action on Fishery Cooperation", "signedOn", "2026-05-12") in facts


def test_the_sides_take_no_day_when_another_event_was_told_since(extract) -> None:
    text = (
        "Sáng 12/5/2026, tại Hà Nội đã diễn ra Diễn đàn Hợp tác thủy sản Việt - Nga lần thứ 2.Hai nước sẽ tổ "
        "chức Hội chợ Thủy sản Việt - Nga vào năm sau.Hai bên đã ký Kế hoạch hành động về hợp tác thủy "
        "sản giai đoạn 2026-2028."
    )
    _, facts = extract(text, "vi")
    assert not [f for f in facts if f[1] == "signedOn"]
