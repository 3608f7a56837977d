"""Find the noise in scraped news text without deleting it, so that every offset stays valid.

Noise is masked, never removed: :func:`mask` returns a text of the same length in which noise
characters are spaces (newlines kept), and the pipeline matches on that text while quotes and
offsets come from the text as stored. Noise: URLs, audio-player residue ("0:00 / 0:00"), photo credits
("Ảnh: TTXVN", "(Ảnh: Nhan Sáng/TTXVN)"), bylines ("(PLVN) -", "Theo nhandan.com.vn"), timestamps,
newspaper mastheads and footers (editor, address, phone, e-mail lines), e-mail addresses and phone numbers.
"""

import re
from dataclasses import dataclass

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſƠƯẠ-Ỹ"  # rough class for patterns; exact case checks use str.isupper()


@dataclass(frozen=True, order=True)
class NoiseSpan:
    start: int
    end: int
    kind: str


_LINE = re.compile(r"[^\n]*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A look-ahead on the first character in front of a look-behind (here and below): the engine tests one
# character at most positions instead of the look-behind and the alternatives (half the scan time).
_PHONE = re.compile(r"(?=[(+0])(?<![\w.])(?:\(?\+\d{1,3}\)?[\s.-]?|0)\d{2,4}(?:[\s.-]?\d{2,4}){2,3}(?![\w])")
_AUDIO_LINE = re.compile(r"\s*\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?\s*")
_TIMESTAMP_LINE = re.compile(
    r"\s*(?:(?:Thứ\s+\w+|Chủ\s+nhật|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT[+-]\d+(?::\d{2})?|\(GMT[+-]\d+(?::\d{2})?\))?\s*,?\s*\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}\s*(?:[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*(?:GMT[+-]\d+(?::\d{2})?|\(GMT[+-]\d+(?::\d{2})?\)))?)\s*"
)
_FOOTER_LABEL = re.compile(
    r"\s*(?:Tổng biên tập|Phó Tổng biên tập|Tòa soạn|Toà soạn|Trụ sở|Địa chỉ|Điện thoại|ĐT|E-?mail|Fax|"
    r"Hotline|Giấy phép|Bản quyền|Chịu trách nhiệm|Cơ quan chủ quản|Liên hệ|Copyright|Editor-in-chief|"
    r"Phóng viên|Nhóm phóng viên|Biên tập|Bài và ảnh|Bài, ảnh|Tin, ảnh|Tin và ảnh|Thực hiện|Reporter|Writer|"
    r"Editor|Address|Tel|Phone|Contact)\b[^:\n]{0,40}:",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"\s*(?:Theo|Nguồn|Source|According to)\s*:?\s+\S+(?:\s+\S+){0,4}\s*", re.IGNORECASE
)
_BYLINE_LINE = re.compile(r"\s*By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*")
# "(PLVN) -", "(Tin tức) -", "(Báo Chính phủ) -": the outlet that opens the lead
_LEAD_BYLINE = re.compile(
    r"(?m)^[ \t]*\(\s*(?:["
    + UPPER
    + r"]{2,12}|["
    + UPPER
    + r"][^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*\)\s*[-–—]\s*"
)
# "HANOI, Dec. 5 (Xinhua) --", "MOSCOW, March 6 (TASS) -": the agency of an English dateline
_AGENCY = re.compile(
    r"(?m)^[^\n]{0,60}?\s(\(\s*[A-Z][A-Za-z&.]{1,20}(?:\s[A-Z][A-Za-z]+)?\s*\)\s*[-–—]{1,2})"
)
_INLINE_REPORTER = re.compile(
    r"(?=T)\bTheo\s+(?:Đặc phái viên|phóng viên|PV|ký giả)\s+[" + UPPER + r"]{2,10}\s*,"
)
_CREDIT_PAREN = re.compile(r"\(\s*(?:Ảnh|Photo|Nguồn ảnh|Nguồn|Video)\s*:[^)\n]{1,80}\)", re.IGNORECASE)
_WORD = r"[^\s.\n()]+(?:\.(?:[A-Z]{2,}|[a-z]{2,})(?!\w))*"
_CREDIT = re.compile(
    r"(?=[ẢPN])(?<!\w)(?:Ảnh|Photo|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ)\s*:\s*"
    + _WORD
    + r"(?:[ \t]+"
    + _WORD
    + r"){0,5}\.?"
)


def find_noise(text: str) -> list[NoiseSpan]:
    """Noise spans of *text*, sorted, possibly adjacent (never merged across kinds)."""
    spans: list[NoiseSpan] = []
    seen_lines: set[str] = set()
    for line in _LINE.finditer(text):
        start, end, body = line.start(), line.end(), line.group()
        if not body.strip():
            continue
        kind = _line_kind(body)
        stripped = " ".join(body.split())
        if kind is None and len(stripped) > 20 and stripped in seen_lines:
            kind = "repeated"  # captions are often printed twice
        seen_lines.add(stripped)
        if kind is not None:
            spans.append(NoiseSpan(start, end, kind))
    spans.extend(NoiseSpan(m.start(1), m.end(1), "byline") for m in _AGENCY.finditer(text))
    for pattern, kind in (
        (_URL, "url"),
        (_EMAIL if "@" in text else None, "email"),  # the scan costs as much as all the others
        (_PHONE, "phone"),
        (_CREDIT_PAREN, "credit"),
        (_CREDIT, "credit"),
        (_LEAD_BYLINE, "byline"),
        (_INLINE_REPORTER, "byline"),
    ):
        if pattern is not None:
            spans.extend(NoiseSpan(m.start(), m.end(), kind) for m in pattern.finditer(text))
    unique = sorted(set(spans))
    # a span inside another of the same kind ("(PLVN) -" found as a lead byline and as an agency) is one
    inside = _inside_another(unique)
    return [a for a in unique if a not in inside]


def _inside_another(spans: list[NoiseSpan]) -> set[NoiseSpan]:
    """The spans that lie within another span of their kind (distinct spans, any order).

    One sweep per kind, by start and longest first: a span is inside another exactly when a span
    before it in that order reaches as far (a pairwise test was quadratic in the noise of a page).
    """
    out: set[NoiseSpan] = set()
    by_kind: dict[str, list[NoiseSpan]] = {}
    for span in spans:
        by_kind.setdefault(span.kind, []).append(span)
    for group in by_kind.values():
        reach = -1
        for span in sorted(group, key=lambda s: (s.start, -s.end)):
            if reach >= span.end:
                out.add(span)
            reach = max(reach, span.end)
    return out


def _line_kind(body: str) -> str | None:
    stripped = body.strip()
    if _URL.fullmatch(stripped):
        return "url"
    if _AUDIO_LINE.fullmatch(body):
        return "audio"
    if _TIMESTAMP_LINE.fullmatch(body):
        return "timestamp"
    if _FOOTER_LABEL.match(body):
        return "footer"
    if len(stripped) < 80 and (_SOURCE_LINE.fullmatch(body) or _BYLINE_LINE.fullmatch(body)):
        return "byline"
    if len(stripped) >= 80:  # (tested first: most lines are longer, and the letters cost a list each)
        return None
    letters = [c for c in stripped if c.isalpha()]
    if len(stripped.split()) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters):
        return "masthead"
    return None


def mask(text: str, noise: list[NoiseSpan]) -> str:
    """*text* with every noise character replaced by a space (newlines kept): same length, same offsets."""
    chars = list(text)
    for span in noise:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def timestamp_lines(text: str, noise: list[NoiseSpan]) -> list[str]:
    """The text of timestamp lines (a dateline is the document's date when metadata has none)."""
    return [text[s.start : s.end] for s in noise if s.kind == "timestamp"]
