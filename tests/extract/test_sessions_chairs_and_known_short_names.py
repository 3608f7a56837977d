"""Rules added after the first sight of generalisation batch 10, each on sentences of its own.

Chairs told in the sentence after their meeting ("It was co-chaired by", "Khóa họp do X và Y đồng chủ
trì"), a mechanism named without its topic in a headline, a long name before a known short one in
brackets, a forum dated right after its name, and titles and portfolios no text had.
"""

from __future__ import annotations


def test_chairs_told_in_the_next_sentence_are_the_meeting_s_participants(extract, unknown) -> None:
    unknown("Tran Quang Vinh", "Boris Semenov")
    text = (
        "The 7th session of the Vietnam-Russia Working Group on Forestry was held in Hanoi on May 12, 2026. "
        "It was co-chaired by Vietnamese Deputy Minister Tran Quang Vinh and Russian Deputy Minister Boris "
        "Semenov."
    )
    _, facts = extract(text, "en")
    session = {s for s, p, o in facts if p == "sessionOf"}
    assert session
    (name,) = session
    assert (name, "participant", "Tran Quang Vinh") in facts and (
        name,
        "participant",
        "Boris Semenov",
    ) in facts


def test_vietnamese_chairs_after_do_are_the_session_s_participants(extract, unknown) -> None:
    unknown("Lê Hồng Quân", "Pavel Sukhov")
    text = (
        "Ngày 12/5, tại Hà Nội đã diễn ra Kỳ họp lần thứ 4 của Tiểu ban hợp tác lâm nghiệp Việt - Nga."
        "Kỳ họp do Thứ trưởng Lê Hồng Quân và Thứ trưởng Pavel Sukhov đồng chủ trì."
    )
    _, facts = extract(text, "vi")
    people = {o for s, p, o in facts if p == "participant" and s.startswith("Kỳ họp lần thứ 4")}
    assert {"Lê Hồng Quân", "Pavel Sukhov"} <= people


def test_chairs_after_two_events_are_given_to_neither(extract, unknown) -> None:
    unknown("Tran Quang Vinh")
    text = (
        "The Vietnam-Russia Timber Forum and the Vietnam-Russia Paper Forum were held in Hanoi on May 12, "
        "2026. It was chaired by Vietnamese Deputy Minister Tran Quang Vinh."
    )
    _, facts = extract(text, "en")
    assert not [f for f in facts if f[1] == "participant" and f[2] == "Tran Quang Vinh"]


def test_a_mechanism_named_without_its_topic_in_the_headline_is_the_body_s_one(mention_keys) -> None:
    text = (
        "Kỳ họp lần thứ 3 Ủy ban hỗn hợp Việt Nam - Mông Cổ\n"
        "Ngày 12/5, tại Ulaanbaatar đã diễn ra Kỳ họp lần thứ 3 của Ủy ban hỗn hợp Việt Nam - Mông Cổ về hợp "
        "tác kinh tế và thương mại."
    )
    keys = mention_keys(text, "vi")
    short = keys["Ủy ban hỗn hợp Việt Nam - Mông Cổ"]
    assert short == keys["Ủy ban hỗn hợp Việt Nam - Mông Cổ về hợp tác kinh tế và thương mại"]


def test_a_long_name_before_a_known_short_one_in_brackets_is_the_known_entity(mention_keys) -> None:
    text = "Joint Stock Commercial Bank for Foreign Trade of Vietnam (Vietcombank) opened a branch in Moscow."
    keys = mention_keys(text, "en")
    assert keys["Joint Stock Commercial Bank for Foreign Trade of Vietnam"] == keys["Vietcombank"]


def test_a_forum_dated_right_after_its_name_is_an_event(extract, unknown) -> None:
    unknown("Mekong-Volga Youth Forum")
    names, facts = extract(
        "Delegates will attend the Mekong-Volga Youth Forum in Kazan from June 3 to 5, 2026.", "en"
    )
    assert names.get("Mekong-Volga Youth Forum") == "Event"
    assert ("Mekong-Volga Youth Forum", "date", "2026-06-03") in facts
    names, _ = extract("The Mekong-Volga Youth Forum meets every year.", "en")
    assert names.get("Mekong-Volga Youth Forum") == "Mechanism"


def test_titles_and_portfolios_of_batch_ten(extract, unknown) -> None:
    unknown("Tsend Batbold", "Le Anh Tuan", "Nikolai Sorin")
    _, facts = extract(
        "Mongolian Minister of Food, Agriculture and Light Industry Tsend Batbold met Vietcombank Deputy "
        "General Director Le Anh Tuan.",
        "en",
    )
    assert ("Tsend Batbold", "represents", "Mongolia") in facts
    assert any(s == "Le Anh Tuan" and p == "represents" for s, p, _ in facts)
    names, facts = extract(
        "Đoàn do Phó Trưởng Cơ quan Nghề cá Nga Nikolai Sorin dẫn đầu đã đến Hà Nội.", "vi"
    )
    assert names.get("Nikolai Sorin") == "Person"


def test_a_verb_after_a_local_government_s_name_ends_it(extract, unknown) -> None:
    unknown("Chính quyền tỉnh Omsk")
    names, _ = extract("Chính quyền tỉnh Omsk tăng cường hợp tác với Ủy ban nhân dân tỉnh Nghệ An.", "vi")
    assert names.get("Chính quyền tỉnh Omsk") == "GovernmentBody"
