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


def _references(text: str, lang: str) -> list[tuple[str, str]]:
    """(surface, label of the instrument it is linked to) of every mention, in text order."""
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))._.pg
    out = []
    for m in sorted(ann.mentions, key=lambda m: m.start):
        entity = ann.entities[m.key]
        if entity.cls == "Agreement":
            out.append((text[m.start : m.end], next(iter(entity.labels.values()))))
    return out


# (text, lang, the short reference, the full name it stands for)
BACK_REFERENCES = [
    (
        "Vietnam and Laos signed the Treaty on Mutual Legal Assistance and the Protocol on Border Trade "
        "in 2021. The Treaty took effect a year later.",
        "en",
        "Treaty",
        "Treaty on Mutual Legal Assistance",
    ),
    (
        "Cambodia and Russia signed the Protocol on Veterinary Control and the Agreement on Air Services. "
        "Officials said the Protocol would help meat exports.",
        "en",
        "Protocol",
        "Protocol on Veterinary Control",
    ),
    (
        "Hai nước đã ký Hiệp định về dẫn độ và Nghị định thư về hợp tác hải quan. Hiệp định có hiệu lực "
        "từ năm sau.",
        "vi",
        "Hiệp định",
        "Hiệp định về dẫn độ",
    ),
    (
        "Hai nước đã ký Hiệp định về dẫn độ và Nghị định thư về hợp tác hải quan. Theo Bộ Tư pháp, "
        "Hiệp định sẽ giúp xử lý tội phạm xuyên quốc gia.",
        "vi",
        "Hiệp định",
        "Hiệp định về dẫn độ",
    ),
]


@pytest.mark.parametrize(("text", "lang", "short", "full"), BACK_REFERENCES)
def test_a_back_reference_is_the_latest_instrument_of_its_kind(
    text: str, lang: str, short: str, full: str
) -> None:
    refs = _references(text, lang)
    assert (full, full) in refs
    assert [label for surface, label in refs if surface == short] == [full]


@pytest.mark.parametrize(
    ("text", "lang", "short"),
    [
        (
            "Thailand and Russia signed the Memorandum on Tourism Cooperation. The Agreement takes "
            "effect soon.",
            "en",
            "Agreement",
        ),
        (
            "Lào và Nga đã ký Nghị định thư về hợp tác hải quan. Hiệp định có hiệu lực từ năm sau.",
            "vi",
            "Hiệp định",
        ),
    ],
)
def test_a_back_reference_with_none_of_its_kind_before_it_links_to_nothing(
    text: str, lang: str, short: str
) -> None:
    assert short not in [surface for surface, _ in _references(text, lang)]


def test_the_head_of_a_full_name_is_no_second_mention() -> None:
    text = "Both sides signed the Agreement on Fisheries and the Protocol on Plant Quarantine."
    assert _references(text, "en") == [
        ("Agreement on Fisheries", "Agreement on Fisheries"),
        ("Protocol on Plant Quarantine", "Protocol on Plant Quarantine"),
    ]


def test_a_plural_or_a_verb_is_no_back_reference() -> None:
    text = (
        "Hai nước đã ký Hiệp định về dẫn độ. Hai bên thỏa thuận tăng cường hợp tác và thúc đẩy "
        "các thỏa thuận đã đạt được."
    )
    assert [surface for surface, _ in _references(text, "vi")] == ["Hiệp định về dẫn độ"]
