"""Gazetteer matching: tolerant of case, spacing and dashes, never inside a longer word or name."""

import pytest
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _found(text: str, lang: str = "vi") -> list[tuple[str, str]]:
    doc = make_doc(text, DocumentInfo("t", lang, "t"))
    ann = doc._.pg
    return [(text[m.start : m.end], m.key) for m in sorted(ann.mentions) if not m.nested]


@pytest.mark.parametrize(
    "surface",
    [
        "Liên minh Kinh tế Á-Âu",
        "Liên minh Kinh tế Á - Âu",
        "Liên minh kinh tế Á – Âu",
        "Liên minh  Kinh tế Á—Âu",
        "EAEU",
    ],
)
def test_every_spelling_of_the_eurasian_economic_union_is_one_entity(surface: str) -> None:
    assert (surface, "org/eaeu") in _found(f"Việt Nam ký hiệp định với {surface} năm 2015.")


@pytest.mark.parametrize(
    "surface", ["Tập đoàn Dầu khí Quốc gia Việt Nam", "PetroVietnam", "Petrovietnam", "PVN"]
)
def test_petrovietnam_aliases_resolve_to_one_iri(surface: str) -> None:
    assert (surface, "org/petrovietnam") in _found(f"Hai bên ủng hộ {surface} mở rộng hoạt động.")


def test_an_acronym_matches_only_in_its_own_case() -> None:
    keys = [key for _, key in _found("Đại diện pvn và sco không phải tên riêng; SCO là tổ chức.")]
    assert keys.count("org/sco") == 1 and "org/petrovietnam" not in keys


def test_a_name_never_matches_inside_a_longer_word() -> None:
    found = _found("Ngân hàng Ngân khố và người Ngađa gặp nhau.")
    assert not any(key == "state/russia" for _, key in found)


def test_a_country_inside_a_place_name_is_not_the_country() -> None:
    found = _found("Quan điểm về Ấn Độ Dương - Thái Bình Dương được thảo luận.")
    assert "state/india" not in [key for _, key in found]


def test_old_and_new_tone_placement_match_the_same_name() -> None:
    assert ("Tổ chức Hợp tác Thượng Hải", "org/sco") in _found(
        "Nga là thành viên Tổ chức Hợp tác Thượng Hải."
    )
    assert ("Liên hiệp quốc", "org/un") not in _found("Liên hiệp quốc")  # not an alias: no fuzzy matching


def test_english_names_and_state_aliases_match() -> None:
    found = _found("The Russian Federation and the Association of Southeast Asian Nations met.", lang="en")
    assert any("Russian Federation" in surface and key == "state/russia" for surface, key in found)
    assert ("Association of Southeast Asian Nations", "org/asean") in found
