"""Rules find what the gazetteer does not know: short news texts with new names (Vietnamese and English)."""

from __future__ import annotations

import pytest
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc

VI = (
    "Ngày 15/5/2024, tại Thành phố Hồ Chí Minh, Tổng công ty Cảng Sài Gòn và Tập đoàn Vận tải Biển Volga "
    "đã ký Biên bản ghi nhớ về hợp tác phát triển cảng biển.Tổng giám đốc Tập đoàn Vận tải Biển Volga "
    "Mikhail Orlov cho biết dự án sẽ khởi công trong năm 2025.Chủ tịch Hội đồng quản trị Tổng công ty Cảng "
    "Sài Gòn Trần Minh Khoa nhấn mạnh hợp tác giữa Việt Nam và Liên bang Nga "
    "trong lĩnh vực giao thông vận tải."
)


def test_vietnamese_rules_find_new_companies_people_and_an_instrument(extract, unknown) -> None:
    unknown("Tổng công ty Cảng Sài Gòn", "Tập đoàn Vận tải Biển Volga", "Mikhail Orlov", "Trần Minh Khoa")
    names, facts = extract(VI, "vi", "2024-05-20")
    assert names["Tổng công ty Cảng Sài Gòn"] == "Company"
    assert names["Tập đoàn Vận tải Biển Volga"] == "Company"
    assert names["Mikhail Orlov"] == "Person" and names["Trần Minh Khoa"] == "Person"
    memo = "Biên bản ghi nhớ về hợp tác phát triển cảng biển"
    assert names[memo] == "Agreement"
    assert (memo, "party", "Tổng công ty Cảng Sài Gòn") in facts
    assert (memo, "party", "Tập đoàn Vận tải Biển Volga") in facts
    assert (memo, "signedOn", "2024-05-15") in facts
    assert ("Mikhail Orlov", "represents", "Tập đoàn Vận tải Biển Volga") in facts
    assert ("Liên bang Nga", "cooperatesWith", "Việt Nam") in facts or (
        "Việt Nam",
        "cooperatesWith",
        "Liên bang Nga",
    ) in facts


EN = (
    "The 8th meeting of the Vietnam-Russia Working Group on Energy Security was held in Hanoi "
    "on 12 March 2024. "
    "It was co-chaired by Vietnamese Deputy Minister of Industry and Trade Le Thanh Binh and Russian Deputy "
    "Minister of Energy Pavel Sorokin. Baltic Grid Corporation and Vietnam's Mekong Power JSC signed a "
    "Memorandum of Understanding on Grid Modernisation on March 12, 2024."
)


def test_english_rules_find_a_new_mechanism_its_session_people_and_a_memorandum(extract, unknown) -> None:
    unknown(
        "Vietnam-Russia Working Group on Energy Security",
        "Baltic Grid Corporation",
        "Mekong Power JSC",
        "Le Thanh Binh",
    )
    names, facts = extract(EN, "en", "2024-03-13")
    assert names["Vietnam-Russia Working Group on Energy Security"] == "Mechanism"
    assert names["Le Thanh Binh"] == "Person" and names["Pavel Sorokin"] == "Person"
    assert names["Baltic Grid Corporation"] == "Company" and names["Mekong Power JSC"] == "Company"
    memo = "Memorandum of Understanding on Grid Modernisation"
    assert names[memo] == "Agreement"
    assert (memo, "signedOn", "2024-03-12") in facts
    assert (memo, "party", "Baltic Grid Corporation") in facts and (
        memo,
        "party",
        "Mekong Power JSC",
    ) in facts
    assert ("Mekong Power JSC", "country", "Vietnam") in facts
    assert ("Le Thanh Binh", "represents", "Vietnam") in facts
    sessions = [f for f in facts if f[1] == "sessionOf"]
    assert sessions and sessions[0][2] == "Vietnam-Russia Working Group on Energy Security"


@pytest.mark.parametrize(
    "text",
    [
        "Hai bên ký hợp đồng. Ảnh: Phạm Hùng/TTXVN.Lễ ký diễn ra tại Hà Nội.",
        "Reporting by Anna Smith; editing by Tom Lee",
    ],
)
def test_bylines_and_photo_credits_never_become_actors(text: str, extract) -> None:
    names, facts = extract(text, "vi" if "Hai" in text else "en", "2024-05-20")
    assert not any(cls in ("Person", "Company", "GovernmentBody") for cls in names.values())


def test_two_mentions_of_a_new_name_in_two_documents_are_one_iri() -> None:
    a = make_doc("Tập đoàn Vận tải Biển Volga ký hợp đồng mới.", DocumentInfo("a", "vi", "a"))._.pg
    b = make_doc("Hôm nay, Tập đoàn Vận tải Biển Volga công bố kết quả.", DocumentInfo("b", "vi", "b"))._.pg
    keys_a = {m.key for m in a.mentions if a.entities[m.key].cls == "Company"}
    keys_b = {m.key for m in b.mentions if b.entities[m.key].cls == "Company"}
    assert keys_a == keys_b == {"org/tap-doan-van-tai-bien-volga"}


@pytest.mark.parametrize(
    ("text", "lang", "member", "organisation"),
    [
        ("Việt Nam gia nhập ASEAN năm 1995.", "vi", "Việt Nam", "Hiệp hội các quốc gia Đông Nam Á"),
        (
            "Nga là thành viên của Liên minh Kinh tế Á - Âu.",
            "vi",
            "Liên bang Nga",
            "Liên minh Kinh tế Á - Âu",
        ),
        ("Laos joined ASEAN in 1997.", "en", "Laos", "Association of Southeast Asian Nations"),
        (
            "Russia, a member of the Eurasian Economic Union, agreed.",
            "en",
            "Russia",
            "Eurasian Economic Union",
        ),
    ],
)
def test_membership_is_read_from_the_sentence(
    text: str, lang: str, member: str, organisation: str, extract
) -> None:
    _, facts = extract(text, lang, "2024-05-20")
    assert (member, "memberOf", organisation) in facts


def test_a_ministry_named_with_its_state_is_that_states_not_the_gazetteers_homonym(extract) -> None:
    text = (
        "Thủ tướng Chính phủ Phạm Minh Chính đã tiếp Bộ trưởng Bộ Công Thương Liên bang Nga Anton Alikhanov. "
        "Bộ Công Thương Nga sẽ cử đoàn sang Việt Nam."
    )
    names, facts = extract(text, "vi", "2024-05-20")
    assert names["Bộ Công Thương Liên bang Nga"] == "GovernmentBody"
    assert names["Phạm Minh Chính"] == "Person" and "Chính phủ Phạm Minh Chính" not in names
    assert ("Anton Alikhanov", "represents", "Bộ Công Thương Liên bang Nga") in facts
    doc = make_doc(text, DocumentInfo("t", "vi", "t"))._.pg
    ministries = {m.key for m in doc.mentions if text[m.start : m.end].startswith("Bộ Công Thương")}
    assert ministries == {"gov/bo-cong-thuong-russia"}  # "Nga" and "Liên bang Nga": one IRI


def test_places_end_names_and_are_no_actors(extract) -> None:
    text = (
        "Sáng 20/5, Chủ tịch UBND Thành phố Hồ Chí Minh Phan Văn Mãi tiếp Thống đốc Saint Petersburg "
        "Alexander Beglov.Đại sứ quán Nga tại Việt Nam hỗ trợ doanh nghiệp."
    )
    names, facts = extract(text, "vi", "2024-05-20")
    assert names["Phan Văn Mãi"] == "Person" and names["Alexander Beglov"] == "Person"
    assert names["Đại sứ quán Nga"] == "GovernmentBody"
    assert ("Đại sứ quán Nga", "country", "Liên bang Nga") in facts
    assert not any("Saint Petersburg" in name for name in names)
