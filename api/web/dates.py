"""Readable dates for pages: xsd:date, xsd:gYearMonth and xsd:gYear in Vietnamese or English."""

from __future__ import annotations

import re

from rdflib import XSD, Literal

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime}


def readable_date(value: Literal, lang: str) -> str | None:
    """``"2015-05-29"^^xsd:date`` -> "29 May 2015" (en) or "29 tháng 5 năm 2015" (vi); None if not a date."""
    if value.datatype not in DATE_TYPES:
        return None
    match = _DATE.match(str(value))
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if value.datatype == XSD.gYear or month is None:
        return year if lang == "en" else f"năm {year}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if value.datatype == XSD.gYearMonth or day is None:
        return f"{MONTHS_EN[m - 1]} {year}" if lang == "en" else f"tháng {m} năm {year}"
    d = int(day)
    return f"{d} {MONTHS_EN[m - 1]} {year}" if lang == "en" else f"{d} tháng {m} năm {year}"


def sort_key(value: Literal) -> str:
    """A string that sorts dates of any precision in time order (year, then month, then day)."""
    match = _DATE.match(str(value))
    if not match:
        return str(value)
    return "-".join(part or "00" for part in match.groups())
