"""Rules added after the first sight of generalisation batch 9, each on sentences of its own.

Instruments whose unknown parties follow "between", companies named after a lower-case word of their
kind, talks between two titled people, lists of signed documents, entry into force told with
"chính thức", courts and procuracies, a visit closed in the sentence's opening clause, and "có" as the
end of a Vietnamese name.
"""

from __future__ import annotations


def test_unknown_parties_after_between_are_parties_not_words_of_the_title(extract, unknown) -> None:
    unknown("Kama Dairy Corporation", "Dong Nai Milk JSC")
    names, facts = extract(
        "They signed a Memorandum of Understanding on Cheese Production between Kama Dairy Corporation "
        "and Dong Nai Milk JSC on May 5, 2026.",
        "en",
    )
    assert names.get("Memorandum of Understanding on Cheese Production") == "Agreement"
    assert names.get("Kama Dairy Corporation") == "Company" and names.get("Dong Nai Milk JSC") == "Company"
    memorandum = "Memorandum of Understanding on Cheese Production"
    assert (memorandum, "party", "Kama Dairy Corporation") in facts
    assert (memorandum, "party", "Dong Nai Milk JSC") in facts


def test_known_parties_after_between_stay_in_the_name(extract) -> None:
    names, facts = extract("The Treaty on Extradition between Vietnam and Russia entered into force.", "en")
    assert names.get("Treaty on Extradition between Vietnam and Russia") == "Agreement"
    assert ("Treaty on Extradition between Vietnam and Russia", "party", "Russia") in facts


def test_a_company_named_after_a_lower_case_word_of_its_kind_with_a_nationality(extract, unknown) -> None:
    unknown("Volga Grain", "Hai Phong Feed")
    names, facts = extract(
        "Russian grain exporter Volga Grain and Vietnam's feed producer Hai Phong Feed signed a contract.",
        "en",
    )
    assert names.get("Volga Grain") == "Company" and names.get("Hai Phong Feed") == "Company"
    assert ("Volga Grain", "country", "Russia") in facts and ("Hai Phong Feed", "country", "Vietnam") in facts


def test_a_lower_case_kind_without_a_nationality_names_no_company(extract) -> None:
    names, _ = extract("The group Chairman said the company Board would meet in June.", "en")
    assert "Company" not in names.values()


def test_talks_between_two_titled_people_have_both_as_participants(extract, unknown) -> None:
    unknown("Pham Duc Anh", "Sergei Lomov")
    _, facts = extract(
        "Agreements were signed after talks between Vietnamese Deputy Prime Minister Pham Duc Anh and "
        "Belarusian First Deputy Prime Minister Sergei Lomov in Minsk on May 12, 2026.",
        "en",
    )
    talks = {s for s, p, o in facts if p == "participant" and o == "Pham Duc Anh"}
    assert talks and all((t, "participant", "Sergei Lomov") in facts for t in talks)


def test_instruments_listed_after_a_signing_take_its_day(extract) -> None:
    _, facts = extract(
        "Three documents were signed in Kazan on May 12, 2026. The documents include an Agreement on Fishery "
        "Research and a Memorandum of Understanding on Port Services.",
        "en",
    )
    assert ("Agreement on Fishery Research", "signedOn", "2026-05-12") in facts
    assert ("Memorandum of Understanding on Port Services", "signedOn", "2026-05-12") in facts
    _, facts = extract(
        "Ngày 12/5/2026, hai bên đã ký 2 văn kiện.Các văn kiện được ký gồm Bản ghi nhớ về đào tạo hoa tiêu "
        "và Hiệp định về vận tải biển.",
        "vi",
    )
    assert ("Bản ghi nhớ về đào tạo hoa tiêu", "signedOn", "2026-05-12") in facts


def test_a_list_after_a_sentence_without_a_signing_gets_no_day(extract) -> None:
    _, facts = extract(
        "The ministers met in Kazan on May 12, 2026. The documents include an Agreement on Fishery Research.",
        "en",
    )
    assert not [f for f in facts if f[1] == "signedOn"]


def test_entry_into_force_told_with_chinh_thuc(extract) -> None:
    _, facts = extract(
        "Hiệp định về vận tải biển giữa Việt Nam và Lào chính thức có hiệu lực từ ngày 1/8/2025.", "vi"
    )
    assert ("Hiệp định về vận tải biển giữa Việt Nam và Lào", "inForceFrom", "2025-08-01") in facts


def test_supreme_courts_and_procuracies_are_bodies(extract) -> None:
    names, facts = extract("Tòa án nhân dân tối cao Việt Nam và Tòa án Tối cao Lào đã ký Bản ghi nhớ.", "vi")
    assert names.get("Tòa án nhân dân tối cao Việt Nam") == "GovernmentBody"
    assert ("Tòa án nhân dân tối cao Việt Nam", "country", "Việt Nam") in facts


def test_the_visitor_after_an_opening_clause_that_follows_a_date(extract, unknown) -> None:
    unknown("Lê Văn Kiên")
    _, facts = extract(
        "Ngày 9/5, kết thúc chuyến thăm chính thức Lào, Phó Thủ tướng Lê Văn Kiên đã gặp các doanh nghiệp.",
        "vi",
    )
    assert any(p == "participant" and o == "Lê Văn Kiên" for _, p, o in facts)


def test_co_ends_a_vietnamese_name(extract, unknown) -> None:
    unknown("Công ty cổ phần Kamaflot")
    names, _ = extract("Công ty cổ phần Kamaflot có trụ sở tại Kazan.", "vi")
    assert names.get("Công ty cổ phần Kamaflot") == "Company"


def test_a_headline_ending_with_a_head_does_not_run_into_the_next_line(mention_keys) -> None:
    text = (
        "Việt Nam và Lào ra Tuyên bố chung\n"
        "Ngày 15/10, hai bên đã thông qua Tuyên bố chung về hợp tác giáo dục giai đoạn 2026-2030."
    )
    keys = mention_keys(text, "vi")
    assert not [surface for surface in keys if "\n" in surface]
    assert keys.get("Tuyên bố chung") == keys["Tuyên bố chung về hợp tác giáo dục giai đoạn 2026-2030"]


def test_hoi_dam_ends_a_body_s_name_in_a_headline(extract) -> None:
    names, _ = extract("Bộ trưởng Bộ Thủy sản hội đàm với Bộ trưởng Bộ Nông nghiệp Lào", "vi")
    assert "Bộ Thủy sản" in names and not [n for n in names if "hội đàm" in n]
