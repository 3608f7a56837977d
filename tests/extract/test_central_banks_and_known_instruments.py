"""Rules added after the first sight of generalisation batch 11, each on sentences of its own.

A known instrument's name is not carried on by a "và" that starts no party, and "First" before a title
ends a body's name.
"""

from __future__ import annotations


def test_a_known_instrument_is_not_carried_on_by_an_and_that_names_no_party(extract) -> None:
    names, facts = extract(
        "Hai bên nhất trí thúc đẩy Hiệp định Thương mại tự do giữa Việt Nam và Liên minh Kinh tế Á - Âu và "
        "hợp tác năng lượng giữa các doanh nghiệp.",
        "vi",
    )
    agreements = [n for n, cls in names.items() if cls == "Agreement"]
    assert agreements == ["Hiệp định Thương mại tự do giữa Việt Nam và Liên minh Kinh tế Á - Âu"]


def test_parties_joined_inside_a_rule_found_name_still_both_count(extract, unknown) -> None:
    unknown("Bộ Khoa học và Giáo dục Đại học Lào")
    _, facts = extract(
        "Hai bên ký Nghị định thư về hợp tác giáo dục giữa Bộ Giáo dục và Đào tạo Việt Nam và Bộ Khoa học và "
        "Giáo dục Đại học Lào ngày 12/5/2026.",
        "vi",
    )
    parties = {o for s, p, o in facts if p == "party"}
    assert "Bộ Khoa học và Giáo dục Đại học Lào" in parties and len(parties) == 2


def test_first_before_a_title_ends_a_body_s_name(extract, unknown) -> None:
    unknown("Olga Petrenko")
    names, facts = extract("Bank of Russia First Deputy Governor Olga Petrenko arrived in Hanoi.", "en")
    assert not [n for n in names if n.endswith("First")]
    assert any(s == "Olga Petrenko" and p == "represents" for s, p, _ in facts)
