"""Sentence boundaries for scraped news text, as character ranges into the (masked) text.

Copes with full stops glued to the next sentence ("Việt Nam.Chủ tịch"), abbreviations (TP., TS., St.,
Mr.), initials ("V. Putin", "V.I. Lenin"), list markers ("1.", "II."), dates and numbers ("29/6",
"1.000"), closing quotes after the stop, headings glued with a colon, bullets glued to the stop or
colon before them ("sau:- Nâng cao", "vững.- Khuyến khích"), and masked noise (captions and
credits end a sentence). Newlines always end a sentence: in scraped text a line is a paragraph.
"""

import re

ABBREVIATIONS = frozenset(  # fmt: skip
    (
        "TP",
        "Tp",
        "TS",
        "ThS",
        "PGS",
        "GS",
        "BS",
        "KS",
        "NXB",
        "St",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Jr",
        "Sr",
        "Gen",
        "Col",
        "Lt",
        "Capt",
        "Sgt",
        "Rev",
        "No",
        "Nos",
        "Co",
        "Corp",
        "Inc",
        "Ltd",
        "Bros",
        "vs",
        "etc",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mt",
        "Ft",
        "Ave",
        "Dept",
        "Gov",
        "Sen",
        "Rep",
        "Pres",
    )
)
_ROMAN = re.compile(r"[IVX]{1,4}")
_SEGMENT = re.compile(r"[^\n]+")
_GAP = re.compile(r"\s{3,}")  # masked noise inside a line
_STOP = re.compile(r"[.!?…]+[”\"’»)\]]*|:(?=\d|[^\W\d_][^\W\d_]|[-–—•]\s?[^\W\d_])")
# A list item glued to the end of the one before: "như sau:- Nâng cao", "bền vững.- Khuyến khích".
_BULLETS = "-–—•"
_LIST_MARKER = re.compile(r"\d{1,2}\.\s")
_OPENERS = '"“‘«(-–—['


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` of the sentences of *text*, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _SEGMENT.finditer(text):
        for seg_start, seg_end in _gaps_split(line.start(), line.end(), text):
            spans.extend(_split_segment(text, seg_start, seg_end))
    return spans


def _gaps_split(start: int, end: int, text: str) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for gap in _GAP.finditer(text, start, end):
        pieces.append((cursor, gap.start()))
        cursor = gap.end()
    pieces.append((cursor, end))
    return pieces


def _split_segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    sentence_start = start
    for stop in _STOP.finditer(text, start, end):
        cut = stop.end()
        if _is_boundary(text, stop, sentence_start, end):
            _append(out, text, sentence_start, cut)
            sentence_start = cut
    _append(out, text, sentence_start, end)
    return out


def _is_boundary(text: str, stop: re.Match[str], sentence_start: int, end: int) -> bool:
    cut = stop.end()
    nxt = text[cut:end]
    if not nxt.strip():
        return True
    first = nxt[0]
    if first.isspace():
        following = nxt.lstrip()
        head_ok = following[0].isupper() or following[0].isdigit() or following[0] in _OPENERS
    else:
        # glued: "Nga.Chủ" (an upper-case letter followed by a lower-case one), or ":1." headings
        head_ok = first.isupper() and len(nxt) > 1 and nxt[1].islower()
        head_ok = head_ok or (stop.group()[0] == ":" and first.isdigit())
        head_ok = head_ok or bool(_LIST_MARKER.match(nxt))  # "được thúc đẩy.2. Nhằm phát huy"
        head_ok = head_ok or _glued_bullet(nxt)
    if not head_ok:
        return False
    if stop.group()[0] == ":" and first.isspace():
        return False  # "như sau: Hai bên" keeps its colon clause
    if stop.group()[0] != ".":
        return True
    word = _word_before(text, stop.start())
    if not word:
        return True
    if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False  # "TP. Hồ Chí Minh", "V. Putin"
    before = text[sentence_start : stop.start() - len(word)].strip()
    return not (before == "" and (word.isdigit() and len(word) <= 3 or _ROMAN.fullmatch(word)))


def _glued_bullet(nxt: str) -> bool:
    """``- Khuyến khích`` right after a stop: a bullet opening a capitalised list item."""
    if nxt[0] not in _BULLETS:
        return False
    item = nxt[1:].lstrip()
    return bool(item) and item[0].isupper()


def _word_before(text: str, pos: int) -> str:
    i = pos
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return text[i:pos]


def _append(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        out.append((start, end))
