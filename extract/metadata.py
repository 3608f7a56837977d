"""Article metadata: corpus.tsv when the folder has one, otherwise what the text itself says.

corpus.tsv columns: file, lang, published, publisher, url, title (any order, header required).
Without metadata: the language is detected, the title is the first line that is not a URL or noise,
the date is the dateline of the text ("08:04, 06/04/2021") when there is one, else unknown.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pactgraph.core.errors import InputError
from pactgraph.extract.cleaning import find_noise, timestamp_lines
from pactgraph.extract.model import DocumentInfo

_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class CorpusTable:
    """The rows of a corpus.tsv, validated, each kept as its text and parsed again when its file is read.

    A dict per row costs ~900 bytes held for the whole run (9 MB per 10,000 articles); the row's text
    costs its length. A row is usually one line; a quoted field may make it several.
    """

    header: tuple[str, ...]
    rows: dict[str, str]  # file name -> the row's text

    def get(self, name: str) -> dict[str, str] | None:
        """The row of file *name* (column -> stripped value), None when the table has none."""
        text = self.rows.get(name)
        return None if text is None else parse_row(self.header, text)


def parse_row(header: tuple[str, ...], text: str) -> dict[str, str]:
    """One row of corpus.tsv (its text, as :class:`CorpusTable` keeps it) as column -> stripped value."""
    row = next(csv.DictReader(text.splitlines(), fieldnames=header, delimiter="\t"))
    return {k: (v or "").strip() for k, v in row.items() if k}


def load_corpus_tsv(folder: Path) -> CorpusTable:
    """The rows of ``folder/corpus.tsv`` by file name (an empty table when there is no such file)."""
    path = folder / "corpus.tsv"
    if not path.is_file():
        return CorpusTable((), {})
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason}); save it as UTF-8") from exc
    lines = text.splitlines()
    reader = csv.DictReader(lines, delimiter="\t")
    header = tuple(reader.fieldnames or ())
    rows: dict[str, str] = {}
    start = reader.line_num
    for number, row in enumerate(reader, start=2):
        if number == 2 and "file" not in row:
            raise InputError(
                f"{path}: the header needs a 'file' column (file, lang, published, publisher, url, title)"
            )
        name = (row.get("file") or "").strip()
        if not name:
            raise InputError(f"{path}: line {number} has no file name")
        published = (row.get("published") or "").strip()
        if published and not _ISO_DATE.fullmatch(published):
            raise InputError(
                f"{path}: line {number}: published {published!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
            )
        rows[name] = "\n".join(lines[start : reader.line_num])
        start = reader.line_num
    return CorpusTable(header, rows)


def detect_language(text: str) -> str | None:
    """ "vi" when Vietnamese letters or tone marks are frequent, "en" for plain Latin text, else None."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return None
    decomposed = unicodedata.normalize("NFD", "".join(letters))
    marks = sum(1 for c in decomposed if c in _TONES) + sum(1 for c in letters if c in _VI_LETTERS)
    if marks / len(letters) > 0.03:
        return "vi"
    latin = sum(1 for c in letters if c.isascii())
    return "en" if latin / len(letters) > 0.9 else None


def document_info(stem: str, text: str, row: dict[str, str] | None, source: str) -> DocumentInfo:
    """Metadata for one article; *source* names the file in error messages."""
    row = row or {}
    lang = row.get("lang") or detect_language(text)
    if lang not in ("vi", "en"):
        found = (
            f"language {lang!r} from corpus.tsv" if row.get("lang") else "neither Vietnamese nor English text"
        )
        raise InputError(
            f"{source}: {found}; only Vietnamese (vi) and English (en) articles can be extracted"
        )
    noise = find_noise(text) if not (row.get("title") and row.get("published")) else []
    title = row.get("title") or _first_content_line(text, noise) or stem
    date = row.get("published") or _dateline(text, noise)
    return DocumentInfo(
        stem=stem,
        lang=lang,
        title=title,
        date=date or None,
        publisher=row.get("publisher") or None,
        url=row.get("url") if (row.get("url") or "").startswith(("http://", "https://")) else None,
    )


def _first_content_line(text: str, noise: list) -> str | None:  # noqa: ANN001
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start = offset + (len(line) - len(line.lstrip()))
        offset += len(line)
        if not stripped:
            continue
        if any(n.start <= start < n.end for n in noise):
            continue
        return stripped[:300]
    return None


def _dateline(text: str, noise: list) -> str | None:  # noqa: ANN001
    for line in timestamp_lines(text, noise)[:1]:
        m = _DMY.search(line)
        if m:
            day, month, year = (int(x) for x in m.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None
