"""Noise is masked, never deleted: offsets into the stored text stay exact."""

import unicodedata

import pytest
from pactgraph.extract.cleaning import find_noise, mask
from pactgraph.extract.reading import decode_bytes


def _noise_texts(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_noise(text)]


def test_masking_keeps_the_length_and_every_offset_of_the_text() -> None:
    text = "Hai bên ký kết.Ảnh: TTXVN.Đối thoại tiếp tục.\n0:00 / 0:00\nEmail: a@b.vn"
    masked = mask(text, find_noise(text))
    assert len(masked) == len(text)
    assert masked.index("Đối thoại") == text.index("Đối thoại")
    assert "TTXVN" not in masked and "a@b.vn" not in masked and "0:00" not in masked


def test_nfd_input_is_normalised_and_offsets_point_into_the_nfc_text() -> None:
    nfc = "Chủ tịch nước Nguyễn Xuân Phúc thăm Liên bang Nga."
    text = decode_bytes(unicodedata.normalize("NFD", nfc).encode("utf-8"), "nfd.txt")
    assert text == nfc
    assert text[text.index("Nguyễn") : text.index("Nguyễn") + 16] == "Nguyễn Xuân Phúc"


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Hai nhà lãnh đạo gặp nhau. Ảnh: TTXVN.Hai bên nhất trí.", "Ảnh: TTXVN."),
        ("Lễ ký Bản ghi nhớ. (Ảnh: Nhan Sáng/TTXVN) Theo đó", "(Ảnh: Nhan Sáng/TTXVN)"),
        ("Lễ ký Bản ghi nhớ.\n\nẢnh: ASEAN.ORG\n", "Ảnh: ASEAN.ORG"),
        ("Bộ trưởng phát biểu. Ảnh: Bộ Ngoại giao.Nhân dịp này", "Ảnh: Bộ Ngoại giao."),
        ("Leaders met in Hanoi. Photo: Reuters\n", "Photo: Reuters"),
    ],
)
def test_photo_credits_are_noise_and_stop_at_the_glued_next_sentence(text: str, credit: str) -> None:
    assert (credit, "credit") in _noise_texts(text)


def test_newspaper_footer_lines_are_noise_but_the_article_is_not() -> None:
    text = (
        "Hai bên nhất trí tăng cường hợp tác.\n\nBÁO NAM ĐỊNH ĐIỆN TỬ\n\nTổng biên tập: Phạm Văn Trường\n\n"
        "Tòa soạn: Số 68 Trần Phú, TP Nam Định\n\nĐiện thoại: 0228.3849386; Email: toasoanbnd@gmail.com"
    )
    found = _noise_texts(text)
    kinds = {kind for _, kind in found}
    assert {"masthead", "footer", "email", "phone"} <= kinds
    masked = mask(text, find_noise(text))
    assert "Phạm Văn Trường" not in masked and "Trần Phú" not in masked
    assert masked.startswith("Hai bên nhất trí tăng cường hợp tác.")


def test_audio_residue_timestamps_urls_and_bylines_are_noise() -> None:
    text = (
        "https://example.vn/a-b.html\n0:00 / 0:00\n08:04, 06/04/2021\n(PLVN) - Nội dung bài.\n"
        "Theo nhandan.com.vn\n"
    )
    kinds = [kind for _, kind in _noise_texts(text)]
    assert (
        kinds.count("url") >= 1 and "audio" in kinds and "timestamp" in kinds and kinds.count("byline") == 2
    )


def test_a_repeated_caption_line_is_noise_the_second_time() -> None:
    caption = "Chủ tịch nước và Thủ tướng Nga tại lễ đón chính thức ở Moskva"
    text = f"{caption}\n{caption}\nNội dung chính của bài viết."
    found = find_noise(text)
    assert [s.kind for s in found] == ["repeated"]
    assert text[found[0].start : found[0].end] == caption
    assert found[0].start == len(caption) + 1
