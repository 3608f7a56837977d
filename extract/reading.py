"""Read one article file into NFC text, or refuse it with a message naming the file and the fix.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read directly; anything else is given to
charset-normalizer, which recognises e.g. Windows-1258 Vietnamese. Binary files, empty files and files
above ``PACTGRAPH_EXTRACT_MAX_BYTES`` are refused.
"""

import codecs
import unicodedata
from pathlib import Path

import charset_normalizer
from pactgraph.core.errors import InputError

# Encodings we accept from detection: the ones Vietnamese and English news are really written in.
_ACCEPTED_DETECTED = {
    "cp1258",
    "windows_1258",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "cp1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "ascii",
    "utf_8",
}


def decode_bytes(data: bytes, name: str) -> str:
    """Decode *data* (the content of file *name*) to NFC text."""
    if not data.strip(b" \t\r\n\x00"):
        raise InputError(
            f"{name}: the file is empty; put the article text in it or remove it from the corpus"
        )
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _detect(data, name, exc)
    if _looks_binary(text):
        raise InputError(
            f"{name}: this looks like a binary file, not an article (it contains NUL or control bytes); "
            "only plain-text articles can be extracted"
        )
    return unicodedata.normalize("NFC", text)


def read_article(path: Path, max_bytes: int) -> str:
    """The text of *path* as stored (NFC); raises :class:`InputError` naming the file and the reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if size > max_bytes:
        raise InputError(
            f"{path}: the file is {size / 1e6:.1f} MB, above the limit of {max_bytes / 1e6:.1f} MB for one "
            "article (PACTGRAPH_EXTRACT_MAX_BYTES); split it into articles or raise the limit"
        )
    return decode_bytes(path.read_bytes(), str(path))


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding} ({exc.reason} at byte {exc.start})") from exc


def _detect(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> str:
    if b"\x00" in data[:4096] and not _utf16_without_bom(data):
        raise InputError(f"{name}: this looks like a binary file, not an article (it contains NUL bytes)")
    best = charset_normalizer.from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if best is None or encoding not in _ACCEPTED_DETECTED or best.chaos > 0.2:
        raise InputError(
            f"{name}: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and its encoding could not "
            "be recognised; convert it to UTF-8 (e.g. iconv -f CP1258 -t UTF-8)"
        )
    return str(best)


def _utf16_without_bom(data: bytes) -> bool:
    """UTF-16 text without BOM has a NUL in every other byte of its ASCII characters."""
    sample = data[:2048]
    return sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return "\x00" in sample or controls > max(2, len(sample) // 100)
