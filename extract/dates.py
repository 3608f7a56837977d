"""Dates in Vietnamese and English news text, normalised to xsd:date, xsd:gYearMonth or xsd:gYear.

Forms: ``ngày 29/5/2015``, ``29/6``, ranges ``28/6-1/7`` and ``29/11 - 2/12/2021`` (the start is the
date, the range's year completes it), ``từ ngày 19 đến 20/5/2016``, ``ngày 21 tháng 3 năm 2016``,
``tháng 11-2018``, ``tháng 5/2019``, ``(11/2020)``, ``năm 2016``, ``10/11/2017``; ``May 29, 2015``,
``29 May 2015``, ``May 2015``, ``in 2015``, ``on Friday`` (the weekday before the document date).
A date without a year takes it from the text around it or from the document date, and says so in
``note``. Pure functions: no spaCy here.
"""

import datetime as dt
import re

from pactgraph.extract.model import DateMention

# English month names and abbreviations -> month number; weekday names -> Monday = 0 (also the
# word lists extract/names.py and extract/rules.py use to tell a date from a name)
MONTHS_EN = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS_EN = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
# the lookahead on the first letter lets the regex engine skip most positions before trying 23 names
_MON = (
    "(?=[" + "".join(sorted({m[0] for m in MONTHS_EN} | {m[0].upper() for m in MONTHS_EN})) + "])"
    r"(?:" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
)
_D = r"(\d{1,2})"
_Y = r"((?:19|20)\d{2})"
_SEP = r"\s*/\s*"
_DASH = r"\s*[-–—]\s*"

# Order matters: longer forms first; a span once taken is not matched again.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "vi_range_full",
        re.compile(
            r"(?<![\d/])"
            + _D
            + _SEP
            + _D
            + r"(?:"
            + _SEP
            + _Y
            + r")?"
            + _DASH
            + _D
            + _SEP
            + _D
            + _SEP
            + _Y
            + r"(?![\d/])"
        ),
    ),
    ("vi_range_partial", re.compile(r"(?<![\d/])" + _D + _SEP + _D + _DASH + _D + _SEP + _D + r"(?![\d/])")),
    # "ngày 14-15/5/2025": two days of one month, the first is the date
    (
        "vi_day_range",
        re.compile(r"(?<![\d/.])" + _D + _DASH + _D + _SEP + _D + r"(?:" + _SEP + _Y + r")?(?![\d/])"),
    ),
    (
        "vi_from_to",
        re.compile(
            r"(?i:từ\s+ngày\s+)"
            + _D
            + r"(?:"
            + _SEP
            + _D
            + r")?(?:"
            + _SEP
            + _Y
            + r")?"
            + r"\s+(?i:đến|tới)\s+(?i:ngày\s+)?"
            + _D
            + _SEP
            + _D
            + r"(?:"
            + _SEP
            + _Y
            + r")?(?![\d/])"
        ),
    ),
    ("vi_words", re.compile(r"(?i:ngày\s+)?" + _D + r"\s+(?i:tháng)\s+" + _D + r"\s+(?i:năm)\s+" + _Y)),
    ("vi_month_words", re.compile(r"(?i:tháng)\s+" + _D + r"\s+(?i:năm)\s+" + _Y)),
    # "tháng 3 năm nay", "tháng 12 năm ngoái", "in March this year", "last October": the year is the
    # document's, or the one before it
    ("vi_month_relative", re.compile(r"(?i:tháng)\s+" + _D + r"\s+(?i:năm\s+(nay|ngoái|trước))\b")),
    ("en_month_relative", re.compile(r"\b(?i:" + _MON + r")\s+(?i:(this|last)\s+year)\b")),
    ("en_last_month", re.compile(r"\b(?i:(last))\s+(?=[A-Z])(?i:" + _MON + r")\b")),
    # "ngày 5 tháng 10", "vào tháng 10" without a year: the year of the text around or the document's
    (
        "vi_day_month_words",
        re.compile(r"(?i:ngày)\s+" + _D + r"\s+(?i:tháng)\s+" + _D + r"(?!\d)(?!\s*(?:(?i:năm)|[/-])\s*\d)"),
    ),
    (
        "vi_month_only",
        re.compile(r"(?<!\d\s)(?i:tháng)\s+" + _D + r"(?!\d)(?!\s*(?:(?i:năm)|[/-])\s*\d)(?![/,.]\d)"),
    ),
    ("dmy", re.compile(r"(?<![\d/.])" + _D + _SEP + _D + _SEP + _Y + r"(?![\d/])")),
    ("vi_month_year", re.compile(r"(?i:tháng)\s+" + _D + r"\s*[-/]\s*" + _Y + r"(?![\d/])")),
    ("paren_month_year", re.compile(r"\(\s*" + _D + r"\s*/\s*" + _Y + r"\s*\)")),
    # "14-15 May 2025", "May 14-15, 2025": a meeting over two days starts on the first
    (
        "en_range_dmy",
        re.compile(
            r"(?<![\d/.-])"
            + _D
            + r"(?:st|nd|rd|th)?"
            + _DASH
            + r"\d{1,2}(?:st|nd|rd|th)?\s+(?i:"
            + _MON
            + r")(?:,?\s+"
            + _Y
            + r")?\b"
        ),
    ),
    (
        "en_range_mdy",
        re.compile(
            r"\b(?i:"
            + _MON
            + r")\s+"
            + _D
            + r"(?:st|nd|rd|th)?"
            + _DASH
            + r"\d{1,2}(?:st|nd|rd|th)?(?:,?\s+"
            + _Y
            + r")?\b"
        ),
    ),
    ("en_mdy", re.compile(r"(?i:" + _MON + r")\s+" + _D + r"(?:st|nd|rd|th)?,?\s+" + _Y + r"\b")),
    ("en_dmy", re.compile(r"\b" + _D + r"(?:st|nd|rd|th)?\s+(?i:" + _MON + r"),?\s+" + _Y + r"\b")),
    ("en_my", re.compile(r"\b(?i:" + _MON + r")\s+(?:of\s+)?" + _Y + r"\b")),
    ("en_md", re.compile(r"\b(?i:" + _MON + r")\s+" + _D + r"(?:st|nd|rd|th)?\b(?!,?\s+\d{4})")),
    ("en_dm", re.compile(r"\b" + _D + r"(?:st|nd|rd|th)?\s+(?i:" + _MON + r")\b(?!,?\s+\d{4})")),
    (
        "en_weekday",
        re.compile(r"\b(?i:on|last|this)\s+(" + "|".join(w.capitalize() for w in WEEKDAYS_EN) + r")\b"),
    ),
    ("vi_day_month", re.compile(r"(?<![\d/.,])" + _D + _SEP + _D + r"(?![\d/]|\s*/\s*\d)(?!\s*[-–]\s*\d)")),
    ("vi_year", re.compile(r"(?i:năm)\s+" + _Y + r"(?![\d/])")),
    ("en_year", re.compile(r"\b(?i:in|since|from|by|of)\s+" + _Y + r"\b(?![-–/]\d)")),
]


def _digit_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that opens with a look-behind and then a day number, with a cheap digit check in front:
    the engine otherwise evaluates the look-behind at every position of the text."""
    source = pattern.pattern
    if source.startswith("(?<![") and source[source.index("])") + 2 :].startswith(_D):
        return re.compile(r"(?=\d)" + source, pattern.flags)
    return pattern


_PATTERNS = [(kind, _digit_first(pattern)) for kind, pattern in _PATTERNS]

# Whole-text checks in front of the patterns that cost most: each is a part of every match of the
# patterns it guards, so when it is nowhere in the text they cannot match and are not run. (The English
# month patterns scan every text, Vietnamese ones too, for a month name next to a number: 7 scans.)
# (The gate's month is looser than _MON, any word from a month's first three letters on, and cheaper to
# scan for; every text _MON matches in, it matches in. The number before a month is looked for first.)
_MONTH_LIKE = r"(?i:(?=[adfjmnos])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
_NUMBER_THEN_MONTH = re.compile(r"\d(?:st|nd|rd|th)?\s+" + _MONTH_LIKE)
_MONTH_THEN_NUMBER = re.compile(_MONTH_LIKE + r"\s+(?:of\s+)?\d")
_WEEKDAYS = tuple(w.capitalize() for w in WEEKDAYS_EN)
_VI_MONTH_WORDS = dict(_PATTERNS)["vi_month_words"]
_THANG = re.compile(r"(?i:tháng)")
_GATED = {
    "en_range_dmy": "month",
    "en_range_mdy": "month",
    "en_mdy": "month",
    "en_dmy": "month",
    "en_my": "month",
    "en_md": "month",
    "en_dm": "month",
    "en_weekday": "weekday",
    "vi_words": "vi_month_words",  # "ngày 21 tháng 3 năm 2016" holds "tháng 3 năm 2016"
    "vi_month_relative": "thang",
    "vi_day_month_words": "thang",
    "vi_month_only": "thang",
    "en_month_relative": "relative",
    "en_last_month": "relative",
}
_GATES = {
    "month": lambda text: bool(_NUMBER_THEN_MONTH.search(text) or _MONTH_THEN_NUMBER.search(text)),
    "weekday": lambda text: any(day in text for day in _WEEKDAYS),
    "vi_month_words": lambda text: _VI_MONTH_WORDS.search(text) is not None,
    "thang": lambda text: _THANG.search(text) is not None,
    "relative": lambda text: "year" in text or "last" in text or "Last" in text,
}
_DAY_CUE = re.compile(r"(?i:ngày|hôm|chiều|sáng|tối|trưa|đêm|mùng|đến|tới|từ|vào|lúc|đầu|cuối)\s+$")
_YEAR_NEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


# "Cùng ngày, ...", "On the same day, ...": the day of the last full date told before
_SAME_DAY = re.compile(
    r"(?i)\b(?:trong\s+)?cùng\s+ngày\b|\b(?:on\s+)?the\s+same\s+day\b|\blater\s+that\s+day\b"
)


def _same_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """The "same day" phrases of *text*, each the day of the last day-precise date before it."""
    out = []
    days = sorted((d for d in found if d.datatype == "date"), key=lambda d: d.start)
    for m in _SAME_DAY.finditer(text):
        before = [d for d in days if d.end <= m.start()]
        if before:
            day = before[-1]
            note = f"the same day as the date told before ({text[day.start : day.end].strip()})"
            out.append(DateMention(m.start(), m.end(), day.value, "date", note))
    return out


def find_dates(text: str, sentences: list[tuple[int, int]], doc_date: str | None) -> list[DateMention]:
    """Every date of *text* (the masked text), with missing years completed where possible."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    gates: dict[str, bool] = {}
    for kind, pattern in _PATTERNS:
        gate = _GATED.get(kind)
        if gate is not None:
            if gate not in gates:
                gates[gate] = _GATES[gate](text)
            if not gates[gate]:
                continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found = _normalise(kind, match, text, sentences, doc_date)
            if found is not None:
                taken.append((match.start(), match.end()))
                out.append(found)
    if "ngày" in text or "same day" in text or "that day" in text:
        out.extend(_same_days(text, out))
    return sorted(out)


_FUTURE_EN = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due |scheduled |expected |set )?to|plans? to|(?:is|are) going to)\s", re.I
)


def _future_clause(text: str, start: int, sentences: list[tuple[int, int]]) -> bool:
    """The clause before *start* tells of the future ("will open in Da Nang on Monday"); the clause
    begins after the last comma of the sentence, so "X, who will visit ..., said on Monday" is past."""
    sentence_start = next((s for s, e in sentences if s <= start < e), max(0, start - 200))
    clause = text[sentence_start:start].rsplit(",", 1)[-1]
    return _FUTURE_EN.search(clause) is not None


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not 1 <= month <= 12 or not 1800 <= year <= 2200:
        return False
    if day is None:
        return True
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    if month is None:
        return f"{year:04d}", "gYear"
    if day is None:
        return f"{year:04d}-{month:02d}", "gYearMonth"
    return f"{year:04d}-{month:02d}-{day:02d}", "date"


def _normalise(
    kind: str, m: re.Match[str], text: str, sentences: list[tuple[int, int]], doc_date: str | None
) -> DateMention | None:
    g = m.groups()
    start, end = m.start(), m.end()
    note = None
    range_end = None
    if kind == "vi_range_full":
        d1, m1, y1, d2, m2, y2 = g
        year2 = int(y2)
        year1 = int(y1) if y1 else (year2 - 1 if int(m1) > int(m2) else year2)
        if not (_valid(year1, int(m1), int(d1)) and _valid(year2, int(m2), int(d2))):
            return None
        if not y1:
            note = f"year {year1} taken from the end of the range ({m.group().strip()})"
        value, datatype = _iso(year1, int(m1), int(d1))
        range_end = _iso(year2, int(m2), int(d2))[0]
    elif kind in ("vi_range_partial",):
        d1, m1, d2, m2 = g
        year, note = _context_year(text, start, end, sentences, doc_date)
        if year is None or not (_valid(year, int(m1), int(d1)) and _valid(year, int(m2), int(d2))):
            return None
        value, datatype = _iso(year, int(m1), int(d1))
        range_end = _iso(year, int(m2), int(d2))[0]
    elif kind == "vi_from_to":
        d1, m1, y1, d2, m2, y2 = g
        month1 = int(m1) if m1 else int(m2)
        if y2 or y1:
            year1 = int(y1 or y2)
            if not y1:
                note = f"year {year1} taken from the end of the range ({m.group().strip()})"
        else:
            year1, note = _context_year(text, start, end, sentences, doc_date)
            if year1 is None:
                return None
        if not _valid(year1, month1, int(d1)):
            return None
        if not m1 and not y1:
            note = f"month and year taken from the end of the range ({m.group().strip()})"
        value, datatype = _iso(year1, month1, int(d1))
    elif kind in ("vi_words", "dmy"):
        day, month, year = int(g[0]), int(g[1]), int(g[2])
        if not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind in ("vi_month_words", "vi_month_year", "paren_month_year"):
        month, year = int(g[0]), int(g[1])
        if not _valid(year, month):
            return None
        value, datatype = _iso(year, month)
    elif kind == "en_mdy":
        month, day, year = _month(m.group()), int(g[0]), int(g[1])
        if not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind == "en_dmy":
        day, month, year = int(g[0]), _month(m.group()), int(g[1])
        if not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind in ("vi_day_range", "en_range_dmy", "en_range_mdy"):
        day, month = int(g[0]), (int(g[2]) if kind == "vi_day_range" else _month(m.group()))
        given = g[3] if kind == "vi_day_range" else g[1]
        if given:
            year = int(given)
        else:
            year, note = _context_year(text, start, end, sentences, doc_date)
        if year is None or not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind in ("vi_day_month_words", "vi_month_only"):
        day = int(g[0]) if kind == "vi_day_month_words" else None
        month = int(g[1]) if kind == "vi_day_month_words" else int(g[0])
        year, note = _context_year(text, start, end, sentences, doc_date)
        if year is None or not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind in ("vi_month_relative", "en_month_relative", "en_last_month"):
        if doc_date is None:
            return None
        month = int(g[0]) if kind == "vi_month_relative" else _month(m.group())
        which = (g[1] if kind == "vi_month_relative" else g[0]).lower()
        year = int(doc_date[:4]) - (which != "nay" and which != "this")
        if kind == "en_last_month" and len(doc_date) >= 7 and month < int(doc_date[5:7]):
            year += 1  # "last March" in an article of May is this year's March
        if not _valid(year, month):
            return None
        value, datatype = _iso(year, month)
        note = f"year {year} from the document date ({doc_date}): {m.group().strip()!r}"
    elif kind == "en_my":
        month, year = _month(m.group()), int(g[0])
        value, datatype = _iso(year, month)
    elif kind in ("en_md", "en_dm"):
        day, month = int(g[0]), _month(m.group())
        year, note = _context_year(text, start, end, sentences, doc_date)
        if year is None or not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind == "en_weekday":
        if doc_date is None or len(doc_date) != 10:
            return None
        published = dt.date.fromisoformat(doc_date)
        weekday = WEEKDAYS_EN[g[0].lower()]
        if not m.group().lower().startswith("last") and _future_clause(text, start, sentences):
            # "The festival will open on Monday": news tells what is to come with the coming weekday
            day_value = published + dt.timedelta(days=(weekday - published.weekday()) % 7)
            note = f"the {g[0]} on or after the document date ({doc_date}), the clause being in the future"
        else:
            day_value = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
            note = f"the {g[0]} on or before the document date ({doc_date})"
        value, datatype = day_value.isoformat(), "date"
    elif kind == "vi_day_month":
        if not _DAY_CUE.search(text, max(0, start - 14), start):
            return None  # "1/2 dân số" is a fraction, "ngày 1/2" a date
        day, month = int(g[0]), int(g[1])
        if not 1 <= day <= 31 or not 1 <= month <= 12:
            return None
        year, note = _context_year(text, start, end, sentences, doc_date)
        if year is None or not _valid(year, month, day):
            return None
        value, datatype = _iso(year, month, day)
    elif kind in ("vi_year", "en_year"):
        value, datatype = _iso(int(g[0]))
    else:  # pragma: no cover - every kind above is handled
        return None
    return DateMention(start, end, value, datatype, note, range_end)


def _month(matched: str) -> int:
    for word in re.findall(r"[A-Za-z]+", matched):
        month = MONTHS_EN.get(word.lower())
        if month:
            return month
    raise ValueError(matched)


def _context_year(
    text: str, start: int, end: int, sentences: list[tuple[int, int]], doc_date: str | None
) -> tuple[int | None, str | None]:
    """The year of a partial date: a year later in the same sentence, else the document's date."""
    sentence = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
    after = _YEAR_NEAR.search(text, end, sentence[1])
    if after and after.start() - end < 40:
        return int(after.group(1)), f"year {after.group(1)} taken from the same sentence"
    if doc_date:
        return int(doc_date[:4]), f"year {doc_date[:4]} taken from the document date ({doc_date})"
    before = [m for m in _YEAR_NEAR.finditer(text, 0, start)]
    if before:
        year = before[-1].group(1)
        return int(year), f"year {year} taken from the nearest year before it in the text"
    return None, None
