"""A name that opens a text or a sentence is found as it is after a lead-in, and a short
back-reference ("the Protocol", "Hiệp định") is the latest instrument of its own kind."""

from __future__ import annotations

import pytest
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _named(text: str, lang: str) -> dict[str, str]:
    """Surface -> class of every mention of an instrument, mechanism or event."""
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))._.pg
    return {
        text[m.start : m.end]: ann.entities[m.key].cls
        for m in ann.mentions
        if ann.entities[m.key].cls in ("Agreement", "Mechanism", "Event")
    }


# (name, class, what follows it in its sentence, lead-in, lang)
OPENING = [
    ("Hiệp định về hợp tác thủy sản", "Agreement", " sẽ được ký trong năm tới.", "Hai bên cho biết ", "vi"),
    ("Nghị định thư về kiểm dịch động vật", "Agreement", " đã có hiệu lực.", "Theo Bộ trưởng, ", "vi"),
    ("Ủy ban hỗn hợp về hợp tác giáo dục", "Mechanism", " họp lần đầu tại Huế.", "Năm nay, ", "vi"),
    (
        "Ủy ban liên Chính phủ Việt Nam - Lào về hợp tác đầu tư",
        "Mechanism",
        " họp tại Viêng Chăn.",
        "Tháng trước, ",
        "vi",
    ),
    ("Hội thảo về chuyển đổi năng lượng", "Event", " diễn ra tại Cần Thơ.", "Hôm qua, ", "vi"),
    (
        "Agreement on Maritime Search and Rescue",
        "Agreement",
        " will be signed next year.",
        "Officials said the ",
        "en",
    ),
    ("Joint Commission on Education", "Mechanism", " met in Hue.", "Last month the ", "en"),
]


@pytest.mark.parametrize(("name", "cls", "rest", "lead", "lang"), OPENING)
@pytest.mark.parametrize("where", ["opens the text", "opens a later sentence", "after a lead-in"])
def test_a_name_is_found_where_its_sentence_starts(
    name: str, cls: str, rest: str, lead: str, lang: str, where: str
) -> None:
    before = {
        "opens the text": "",
        "opens a later sentence": "Hai bên nhất trí. " if lang == "vi" else "Both sides agreed. ",
    }
    text = lead + name + rest if where == "after a lead-in" else before[where] + name + rest
    assert _named(text, lang).get(name) == cls


@pytest.mark.parametrize(
    "text",
    [
        "Đối thoại chính trị có vai trò quan trọng trong quan hệ hai nước.",
        "Cuộc họp về hợp tác năng lượng diễn ra sáng nay.",
        "Hợp đồng lao động của nhiều người sắp hết hạn.",
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_name(text: str) -> None:
    assert _named(text, "vi") == {}
