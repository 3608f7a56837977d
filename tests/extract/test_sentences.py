"""Sentence boundaries in scraped news text."""

import pytest
from pactgraph.extract.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quan hệ Việt Nam.Chủ tịch nước phát biểu.", ["quan hệ Việt Nam.", "Chủ tịch nước phát biểu."]),
        (
            "Ông làm việc tại TP. Hồ Chí Minh. Sau đó về Hà Nội.",
            ["Ông làm việc tại TP. Hồ Chí Minh.", "Sau đó về Hà Nội."],
        ),
        ("TS. Nguyễn Văn A phát biểu.", ["TS. Nguyễn Văn A phát biểu."]),
        (
            "He met Mr. Lavrov in St. Petersburg. Talks followed.",
            ["He met Mr. Lavrov in St. Petersburg.", "Talks followed."],
        ),
        ("Tổng thống V. Putin và Lăng V.I. Lenin.", ["Tổng thống V. Putin và Lăng V.I. Lenin."]),
        (
            "chiều 29/6 theo giờ địa phương, ngày 29/5/2015.",
            ["chiều 29/6 theo giờ địa phương, ngày 29/5/2015."],
        ),
        (
            "Kim ngạch đạt 1.000 tỷ USD. Hai bên hài lòng.",
            ["Kim ngạch đạt 1.000 tỷ USD.", "Hai bên hài lòng."],
        ),
        (
            "như sau:1. Quan hệ tốt đẹp.2. Hợp tác kinh tế.",
            ["như sau:", "1. Quan hệ tốt đẹp.", "2. Hợp tác kinh tế."],
        ),
        (
            "I. Quan hệ Việt Nam-Nga. 1. Nguyên thủ hai nước.",
            ["I. Quan hệ Việt Nam-Nga.", "1. Nguyên thủ hai nước."],
        ),
        (
            "toàn văn “Tuyên bố chung.” Nhận lời mời của Tổng thống.",
            ["toàn văn “Tuyên bố chung.”", "Nhận lời mời của Tổng thống."],
        ),
        ("Dòng một\nDòng hai không có dấu chấm", ["Dòng một", "Dòng hai không có dấu chấm"]),
        ("Gặp gỡ.   Hai bên trao đổi.", ["Gặp gỡ.", "Hai bên trao đổi."]),
        # bullets glued to the colon or the full stop before them (scraped lists)
        (
            "các nhiệm vụ sau:- Mở rộng thương mại.- Thúc đẩy đầu tư.",
            ["các nhiệm vụ sau:", "- Mở rộng thương mại.", "- Thúc đẩy đầu tư."],
        ),
        (
            "the tasks are:– Expand trade.• Promote investment.",
            ["the tasks are:", "– Expand trade.", "• Promote investment."],
        ),
        # a dash that is no bullet stays inside the sentence
        ("Liên minh Kinh tế Á - Âu họp ngày 28/6-1/7.", ["Liên minh Kinh tế Á - Âu họp ngày 28/6-1/7."]),
        ("Ông nói: - không đồng ý.", ["Ông nói: - không đồng ý."]),
    ],
)
def test_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_sentence_offsets_are_trimmed_and_exact() -> None:
    text = "  Câu một.  \n Câu hai.  "
    for start, end in split_sentences(text):
        assert text[start:end] == text[start:end].strip()
        assert text[start:end].endswith(".")
