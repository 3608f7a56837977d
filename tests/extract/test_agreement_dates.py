"""A date binds to the instrument it is told with, never to every instrument of the sentence; an
instrument whose signing is still hoped for or planned gets no signing date and no signatories."""

from __future__ import annotations

import pytest
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc


def _signing(text: str, lang: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The instruments named (surface -> key) and, per key, the values of its signedOn and party facts."""
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))._.pg
    agreements = {
        text[m.start : m.end]: m.key for m in ann.mentions if ann.entities[m.key].cls == "Agreement"
    }
    facts: dict[str, set[str]] = {}
    for f in ann.facts:
        if f.predicate in ("signedOn", "party"):
            value = f.obj[1] if isinstance(f.obj, tuple) else f.obj
            facts.setdefault(f.subject, set()).add(f"{f.predicate} {value}")
    return agreements, facts


def _dates(facts: dict[str, set[str]], key: str) -> set[str]:
    return {v.split(" ", 1)[1] for v in facts.get(key, set()) if v.startswith("signedOn ")}


def _parties(facts: dict[str, set[str]], key: str) -> set[str]:
    return {v.split(" ", 1)[1] for v in facts.get(key, set()) if v.startswith("party ")}


# (text, lang, instrument with the date, its date, the other instrument of the sentence)
SECOND_CLAUSE = [
    (
        "Hai bên hoan nghênh việc thực hiện Hiệp định về hợp tác nghề cá năm 2019 và nhất trí sớm ký kết "
        "Nghị định thư về kiểm dịch thực vật.",
        "vi",
        "Hiệp định về hợp tác nghề cá",
        "2019",
        "Nghị định thư về kiểm dịch thực vật",
    ),
    (
        "Hai bên đánh giá cao Hiệp định về hợp tác nghề cá năm 2019 và đã ký Nghị định thư về kiểm dịch "
        "thực vật.",
        "vi",
        "Hiệp định về hợp tác nghề cá",
        "2019",
        "Nghị định thư về kiểm dịch thực vật",
    ),
    (
        "Ngày 3/4/2023, Thái Lan và Nga đã ký Bản ghi nhớ về hợp tác du lịch và nhất trí tiến tới ký kết "
        "Hiệp định về miễn thị thực.",
        "vi",
        "Bản ghi nhớ về hợp tác du lịch",
        "2023-04-03",
        "Hiệp định về miễn thị thực",
    ),
    (
        "Malaysia and Russia welcomed the Agreement on Fisheries Cooperation of 2019 and called for the "
        "early conclusion of the Protocol on Plant Quarantine.",
        "en",
        "Agreement on Fisheries Cooperation",
        "2019",
        "Protocol on Plant Quarantine",
    ),
    (
        "Both sides praised the Agreement on Fisheries Cooperation of 2019 and signed the Protocol on Plant "
        "Quarantine.",
        "en",
        "Agreement on Fisheries Cooperation",
        "2019",
        "Protocol on Plant Quarantine",
    ),
]


@pytest.mark.parametrize(("text", "lang", "dated", "date", "other"), SECOND_CLAUSE)
def test_a_date_goes_to_the_instrument_it_follows_not_to_the_next_one(
    text: str, lang: str, dated: str, date: str, other: str
) -> None:
    agreements, facts = _signing(text, lang)
    assert dated in agreements and other in agreements, agreements
    assert _dates(facts, agreements[dated]) == {date}
    assert _dates(facts, agreements[other]) == set()


# (text, lang, instrument whose signing is still to come)
STILL_TO_SIGN = [
    (
        "Thái Lan và Nga nhất trí tiến tới ký kết Hiệp định về miễn thị thực vào năm 2026.",
        "vi",
        "Hiệp định về miễn thị thực",
    ),
    (
        "Theo kế hoạch, Hiệp định về hợp tác nghề cá sẽ được ký vào tháng 10/2025 tại Hà Nội.",
        "vi",
        "Hiệp định về hợp tác nghề cá",
    ),
    (
        "Năm 2024, Lào và Nga nối lại đàm phán Hiệp định về tương trợ tư pháp.",
        "vi",
        "Hiệp định về tương trợ tư pháp",
    ),
    (
        "Thailand and Russia agreed to work toward signing the Agreement on Visa Exemption in 2026.",
        "en",
        "Agreement on Visa Exemption",
    ),
    (
        "The Treaty on Mutual Legal Assistance is expected to be signed on 5 March 2026.",
        "en",
        "Treaty on Mutual Legal Assistance",
    ),
    (
        "In 2024, Laos and Russia resumed negotiations on the Treaty on Mutual Legal Assistance.",
        "en",
        "Treaty on Mutual Legal Assistance",
    ),
]


@pytest.mark.parametrize(("text", "lang", "instrument"), STILL_TO_SIGN)
def test_an_instrument_still_to_be_signed_has_no_signing_date_nor_signatories(
    text: str, lang: str, instrument: str
) -> None:
    agreements, facts = _signing(text, lang)
    assert instrument in agreements, agreements
    assert _dates(facts, agreements[instrument]) == set()
    assert _parties(facts, agreements[instrument]) == set()


# the same shapes once signed keep their date and signatories: the rule reads the trigger, not the names
SIGNED = [
    (
        "Năm 2020, Myanmar và Nga đã đàm phán và ký Hiệp định về hợp tác nghề cá.",
        "vi",
        "Hiệp định về hợp tác nghề cá",
        "2020",
    ),
    (
        "Ngày 12/6/2022, Campuchia và Nga đã ký Bản ghi nhớ về hợp tác y tế.",
        "vi",
        "Bản ghi nhớ về hợp tác y tế",
        "2022-06-12",
    ),
    (
        "In 2021, Laos and Russia signed the Treaty on Mutual Legal Assistance.",
        "en",
        "Treaty on Mutual Legal Assistance",
        "2021",
    ),
]


@pytest.mark.parametrize(("text", "lang", "instrument", "date"), SIGNED)
def test_a_signed_instrument_keeps_its_date_and_signatories(
    text: str, lang: str, instrument: str, date: str
) -> None:
    agreements, facts = _signing(text, lang)
    assert _dates(facts, agreements[instrument]) == {date}
    assert len(_parties(facts, agreements[instrument])) == 2
