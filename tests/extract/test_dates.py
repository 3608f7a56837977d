"""Dates in Vietnamese and English forms, normalised to xsd:date, gYearMonth or gYear."""

import pytest
from pactgraph.extract.dates import find_dates

DOC_DATE = "2021-07-09"  # a Friday


def _dates(text: str, doc_date: str | None = DOC_DATE) -> list[tuple[str, str, str | None]]:
    return [(d.value, d.datatype, d.note) for d in find_dates(text, [(0, len(text))], doc_date)]


@pytest.mark.parametrize(
    ("text", "value", "datatype"),
    [
        ("ký ngày 29/5/2015", "2015-05-29", "date"),
        ("thông qua ngày 10/11/2017", "2017-11-10", "date"),
        ("ký ngày 21 tháng 3 năm 2016", "2016-03-21", "date"),
        ("từ ngày 28/6 đến ngày 1/7/2017", "2017-06-28", "date"),
        ("từ ngày 19 đến 20/5/2016", "2016-05-19", "date"),
        ("từ ngày 29/11 - 2/12/2021", "2021-11-29", "date"),
        ("vào tháng 11-2018", "2018-11", "gYearMonth"),
        ("tháng 5/2019", "2019-05", "gYearMonth"),
        ("lần thứ 15 (11/2020)", "2020-11", "gYearMonth"),
        ("có hiệu lực từ năm 2016", "2016", "gYear"),
        ("signed on May 29, 2015", "2015-05-29", "date"),
        ("signed on 29 May 2015", "2015-05-29", "date"),
        ("in May 2015", "2015-05", "gYearMonth"),
        ("signed in 2015", "2015", "gYear"),
        ("from June 18 to 20, 2024", "2024-06-18", "date"),
        ("took place on 14-15 May 2025", "2025-05-14", "date"),
        ("held on May 14-15, 2025", "2025-05-14", "date"),
        ("diễn ra ngày 14-15/5/2025", "2025-05-14", "date"),
    ],
)
def test_a_full_date_is_normalised_to_its_precision(text: str, value: str, datatype: str) -> None:
    found = _dates(text)
    assert found and found[0][:2] == (value, datatype)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("chiều 29/6 theo giờ địa phương", "2021-06-29"),
        ("trong các ngày 28/6-1/7", "2021-06-28"),
        ("on July 6", "2021-07-06"),
    ],
)
def test_a_date_without_year_takes_the_document_year_and_says_so(text: str, value: str) -> None:
    (found,) = _dates(text)
    assert found[0] == value
    assert found[2] == f"year 2021 taken from the document date ({DOC_DATE})"


def test_a_weekday_is_the_one_on_or_before_the_document_date() -> None:
    assert _dates("The session was held on Thursday.")[0][:2] == ("2021-07-08", "date")
    assert _dates("The session was held on Thursday.", doc_date=None) == []


def test_a_partial_date_without_any_year_around_it_is_left_out() -> None:
    assert _dates("hôm 6/7 đã tham dự", doc_date=None) == []


@pytest.mark.parametrize(
    "text", ["giai đoạn 2021-2025", "số 0228.3849386", "1/2 dân số", "ngày 31/2/2021", "tháng 13/2020"]
)
def test_things_that_only_look_like_dates_are_not_dates(text: str) -> None:
    assert _dates(text) == []
