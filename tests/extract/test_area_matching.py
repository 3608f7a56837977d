"""Fields of cooperation: the longest wording wins whatever its field, and actor names give no field."""

from __future__ import annotations

from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _areas(text: str, lang: str = "vi") -> set[str]:
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))._.pg
    return {f.obj[1] for f in ann.facts if f.predicate == "area"}


def test_a_wording_nested_in_a_longer_one_of_another_field_gives_only_the_longer_field() -> None:
    areas = _areas(
        "Ngày 12/3/2024, hai bên ký Bản ghi nhớ về hợp tác phòng chống buôn bán ma túy tại Hà Nội."
    )
    assert "drug-control" in areas
    assert "trade" not in areas  # "buôn bán" inside "buôn bán ma túy"


def test_an_organisation_named_in_an_instruments_name_gives_no_field() -> None:
    areas = _areas(
        "Ngày 12/3/2024, hai bên ký Bản ghi nhớ về hợp tác du lịch giữa Việt Nam và Liên minh Kinh tế "
        "Á - Âu tại Hà Nội."
    )
    assert "tourism" in areas
    assert "economy" not in areas  # "Kinh tế" is part of the organisation's name
