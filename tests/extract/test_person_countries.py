"""A person's pg:country: the state a title names before the name (with that sentence as evidence), or
the reviewed gazetteer entry of a known head of state, head of government or minister; never a guess
from what the article is about."""

from __future__ import annotations

import pytest
from pactgraph.extract.lexicon import gazetteer_entries
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import make_doc
from pactgraph.extract.slugs import name_key


def _countries(text: str, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Person label -> [(country key, the evidence sentence)] of its pg:country facts."""
    ann = make_doc(text, DocumentInfo("t", lang, "t", "2024-05-20"))._.pg
    label = {key: e.labels.get(lang) or next(iter(e.labels.values())) for key, e in ann.entities.items()}
    out: dict[str, list[tuple[str, str]]] = {}
    for f in ann.facts:
        if f.predicate == "country" and ann.entities[f.subject].cls == "Person":
            start, end = f.sentence
            out.setdefault(label[f.subject], []).append((f.obj, text[start:end]))
    return out


def _unknown(*names: str) -> None:
    known = {name_key(n) for e in gazetteer_entries() for n, _ in e.all_names()}
    assert not [n for n in names if name_key(n) in known], (
        "the test must use names the gazetteer does not know"
    )


# (text, lang, person, state key, words of the title the evidence sentence must hold)
TITLED = [
    (
        "Chiều 4/3, Ngoại trưởng Malaysia Zambry Abdul Kadir đã hội đàm với đoàn đại biểu Nga tại Hà Nội.",
        "vi",
        "Zambry Abdul Kadir",
        "state/malaysia",
        "Ngoại trưởng Malaysia",
    ),
    (
        "Hội nghị có sự tham dự của nhiều đại biểu. Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane "
        "phát biểu khai mạc.",
        "vi",
        "Thongsavanh Phomvihane",
        "state/laos",
        "Bộ trưởng Ngoại giao Lào",
    ),
    (
        "Tại Moskva, Thủ tướng Campuchia Hun Manet tiếp Đại sứ Nga tại Việt Nam Gennady Bezdetko.",
        "vi",
        "Gennady Bezdetko",
        "state/russia",
        "Đại sứ Nga tại Việt Nam",
    ),
    (
        "On Tuesday, Cambodian Prime Minister Hun Manet received a delegation from Moscow.",
        "en",
        "Hun Manet",
        "state/cambodia",
        "Cambodian Prime Minister",
    ),
    (
        "The talks were opened by the Foreign Minister of Thailand Maris Sangiampongsa in Bangkok.",
        "en",
        "Maris Sangiampongsa",
        "state/thailand",
        "Foreign Minister of Thailand",
    ),
]


@pytest.mark.parametrize(("text", "lang", "person", "state", "title"), TITLED)
def test_a_title_naming_a_state_gives_the_person_that_country_with_its_sentence(
    text: str, lang: str, person: str, state: str, title: str
) -> None:
    _unknown(person)
    found = _countries(text, lang)
    assert [country for country, _ in found.get(person, [])] == [state], found
    assert all(title in sentence for _, sentence in found[person])


def test_the_host_state_of_an_ambassador_is_not_their_country() -> None:
    found = _countries(
        "Tại Moskva, Thủ tướng Campuchia Hun Manet tiếp Đại sứ Nga tại Việt Nam Gennady Bezdetko.", "vi"
    )
    assert found["Hun Manet"] == [("state/cambodia", found["Hun Manet"][0][1])]
    assert "state/vietnam" not in {c for c, _ in found["Gennady Bezdetko"]}


@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        (
            "Hợp tác Việt - Nga tiếp tục phát triển. Bộ trưởng Ngoại giao Trịnh Quang Hưng đã hội đàm với "
            "các đối tác Nga tại Moskva.",
            "vi",
            "Trịnh Quang Hưng",
        ),
        (
            "Russia and Vietnam discussed energy cooperation. Deputy Minister Pavel Zaitsev said the "
            "project in Hanoi would open in 2026.",
            "en",
            "Pavel Zaitsev",
        ),
    ],
)
def test_no_country_is_guessed_from_the_article_topic(text: str, lang: str, person: str) -> None:
    _unknown(person)
    found = _countries(text, lang)
    assert person not in found, found


def test_a_known_head_of_state_gets_the_gazetteer_country_once_per_document() -> None:
    text = (
        "Tổng thống Vladimir Putin phát biểu tại hội nghị. Sau đó, ông Putin gặp các doanh nghiệp. "
        "Tổng thống Vladimir Putin cũng thăm một nhà máy."
    )
    found = _countries(text, "vi")
    assert [country for country, _ in found["Vladimir Putin"]] == ["state/russia"]


def test_the_text_wins_over_the_gazetteer() -> None:
    """A stated country is the fact; the gazetteer adds nothing then (no second, unsupported one)."""
    found = _countries("Tổng thống Nga Vladimir Putin đã điện đàm với các nhà lãnh đạo ASEAN.", "vi")
    assert [country for country, _ in found["Vladimir Putin"]] == ["state/russia"]
    assert "Tổng thống Nga" in found["Vladimir Putin"][0][1]


def test_every_person_of_the_gazetteer_with_a_country_serves_a_listed_state() -> None:
    entries = gazetteer_entries()
    states = {e.slug for e in entries if e.cls == "State"}
    people = [e for e in entries if e.cls == "Person"]
    assert people and all(e.country in states for e in people if e.country)
    assert {e.slug: e.country for e in people}["vladimir-putin"] == "russia"


def _country_evidence(text: str, lang: str) -> dict[str, list[str | None]]:
    """Person IRI tail -> the pg:basis of each pg:country evidence written for it (None: no basis)."""
    from pactgraph.extract.run import extract_text

    quads = extract_text(text, stem="t", lang=lang, metadata={"published": "2024-05-20", "lang": lang})
    pg = "https://w3id.org/pactgraph/ontology#"
    rdf_subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
    rdf_predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
    by_evidence: dict[str, dict[str, str]] = {}
    for q in quads:
        if "/evidence/" in q.subject.value:
            by_evidence.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    out: dict[str, list[str | None]] = {}
    for ev in by_evidence.values():
        if ev.get(rdf_predicate) == pg + "country" and "/person/" in ev.get(rdf_subject, ""):
            out.setdefault(ev[rdf_subject].rsplit("/", 1)[-1], []).append(ev.get(pg + "basis"))
    return out


def test_a_country_from_the_gazetteer_says_so_in_its_evidence_a_stated_one_does_not() -> None:
    known = _country_evidence("Tổng thống Vladimir Putin phát biểu tại hội nghị.", "vi")
    (basis,) = known["vladimir-putin"]
    assert basis is not None and "gazetteer" in basis  # the sentence names him, not his country
    stated = _country_evidence("Tổng thống Nga Vladimir Putin phát biểu tại hội nghị.", "vi")
    assert stated["vladimir-putin"] == [None]
