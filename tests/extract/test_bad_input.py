"""Bad input: a clear message naming the file and the reason; the other documents still processed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pactgraph.core.errors import InputError
from pactgraph.extract.reading import decode_bytes, read_article
from pactgraph.extract.run import extract_corpus

ARTICLE = (
    "Hiệp định Thương mại tự do giữa Việt Nam và Liên minh Kinh tế Á - Âu được ký kết vào năm 2015. "
    "Chủ tịch nước Nguyễn Xuân Phúc hội đàm với Tổng thống Nga Vladimir Putin tại Moskva. "
    "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực dầu khí và năng lượng hạt nhân."
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters composed and tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def test_an_empty_file_is_refused_by_name() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: the file is empty"):
        decode_bytes(b"  \n\t\n", "a.txt")


def test_a_binary_file_is_refused_by_name() -> None:
    with pytest.raises(InputError, match=r"b\.txt: this looks like a binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "b.txt")


def test_a_windows_1258_file_is_recognised_and_read_as_nfc() -> None:
    assert decode_bytes(_cp1258(ARTICLE), "c.txt") == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_utf16_and_utf8_with_bom_are_read(encoding: str) -> None:
    assert decode_bytes(ARTICLE.encode(encoding), "d.txt") == ARTICLE


def test_undecodable_bytes_are_refused_with_the_fix() -> None:
    data = "Việt Nam".encode() + b"\xff\xfe\xfa\xfb" * 3 + b"\x81\x8d\x8f\x90\x9d" * 5
    with pytest.raises(InputError, match=r"e\.txt: .*(not UTF-8|binary)"):
        decode_bytes(data, "e.txt")


def test_a_file_above_the_size_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (10 * 1024 * 1024))
    with pytest.raises(
        InputError, match=r"huge\.txt: the file is 10\.5 MB, above the limit .*PACTGRAPH_EXTRACT_MAX_BYTES"
    ):
        read_article(path, 4 * 1024 * 1024)


def test_a_file_of_only_noise_is_refused_and_the_others_are_extracted(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    (folder / "noise.txt").write_text(
        "https://example.vn/bai-viet.html\n0:00 / 0:00\nẢnh: TTXVN\nTổng biên tập: Nguyễn Văn A\n"
        "Điện thoại: 024.3825.1234; Email: toasoan@example.vn\n",
        encoding="utf-8",
    )
    (folder / "cp1258.txt").write_bytes(_cp1258(ARTICLE))
    with pytest.raises(InputError, match=r"noise\.txt: the file holds only noise"):
        extract_corpus(folder, tmp_path / "out.nq")
    summary = extract_corpus(folder, tmp_path / "out.nq", keep_going=True)
    assert summary.documents == 2
    assert list(summary.errors) == [str(folder / "noise.txt")]


def test_an_unsupported_language_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ru.txt").write_text(
        "Россия и Вьетнам подписали соглашение о сотрудничестве.", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"ru\.txt: neither Vietnamese nor English"):
        extract_corpus(folder, tmp_path / "out.nq")


def test_a_missing_corpus_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such corpus folder"):
        extract_corpus(tmp_path / "nope", tmp_path / "out.nq")
