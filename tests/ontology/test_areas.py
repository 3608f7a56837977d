"""areas.ttl: one SKOS scheme whose concepts are labelled in both languages, unambiguous, and form a tree."""

import unicodedata
from collections import defaultdict

import pytest
from pactgraph.ontology import path
from pactgraph.ontology.namespace import AREA, AREA_SCHEME, PG
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

# The slugs other packages code against, with the wider field each sits under (None: a top concept).
CONTRACT_SLUGS = {
    "economy": None, "trade": "economy", "investment": "economy", "finance-banking": "economy",
    "industry": "economy", "energy": "economy", "oil-gas": "energy", "lng": "oil-gas",
    "nuclear-energy": "energy", "electricity": "energy", "renewable-energy": "energy",
    "transport": "economy", "agriculture": "economy", "defence": None, "military-technical": "defence",
    "security": None, "information-security": "security", "counter-terrorism": "security",
    "drug-control": "security", "education": None, "science-technology": None,
    "space": "science-technology", "health": None, "culture": None, "tourism": None,
    "people-to-people": None, "law-justice": None, "migration": None, "disaster-management": None,
    "digital-transformation": None, "environment": None, "labour": None,
}  # fmt: skip


@pytest.fixture(scope="module")
def areas() -> Graph:
    return Graph().parse(path("areas.ttl"), format="turtle")


def _concepts(areas: Graph) -> set[URIRef]:
    return set(areas.subjects(SKOS.inScheme, AREA_SCHEME))


def test_scheme_is_one_concept_scheme(areas):
    assert list(areas.subjects(RDF.type, SKOS.ConceptScheme)) == [AREA_SCHEME]
    assert {label.language for label in areas.objects(AREA_SCHEME, SKOS.prefLabel)} >= {"en", "vi"}


def test_every_contract_slug_is_a_concept_and_a_cooperation_area(areas):
    for slug in CONTRACT_SLUGS:
        concept = AREA[slug]
        assert (concept, RDF.type, SKOS.Concept) in areas, f"area/{slug} is missing"
        assert (concept, RDF.type, PG.CooperationArea) in areas
        assert (concept, SKOS.inScheme, AREA_SCHEME) in areas


def test_every_concept_is_typed_in_the_scheme_and_under_the_area_namespace(areas):
    typed = set(areas.subjects(RDF.type, SKOS.Concept))
    assert typed == _concepts(areas) == set(areas.subjects(RDF.type, PG.CooperationArea))
    for concept in typed:
        assert str(concept).startswith(str(AREA)) and concept != AREA_SCHEME


def test_contract_fields_sit_under_the_wider_field(areas):
    for slug, wider in CONTRACT_SLUGS.items():
        broader = set(areas.objects(AREA[slug], SKOS.broader))
        assert broader == ({AREA[wider]} if wider else set()), f"area/{slug} broader is {broader}"


def test_every_concept_has_one_preflabel_per_language_and_a_definition(areas):
    for concept in _concepts(areas):
        languages = [label.language for label in areas.objects(concept, SKOS.prefLabel)]
        assert {"en", "vi"} <= set(languages), f"{concept}: prefLabel languages {languages}"
        assert len(languages) == len(set(languages)), f"{concept}: two prefLabels in one language"
        assert any(d.language == "en" for d in areas.objects(concept, SKOS.definition)), concept


def test_every_concept_has_alternative_wordings_in_both_languages(areas):
    for concept in _concepts(areas):
        languages = {label.language for label in areas.objects(concept, SKOS.altLabel)}
        assert {"en", "vi"} <= languages, f"{concept} needs altLabels in en and vi for the extractor"


def test_top_concepts_are_exactly_those_without_a_broader_field(areas):
    tops = {c for c in _concepts(areas) if (c, SKOS.broader, None) not in areas}
    assert set(areas.subjects(SKOS.topConceptOf, AREA_SCHEME)) == tops
    assert set(areas.objects(AREA_SCHEME, SKOS.hasTopConcept)) == tops


def test_broader_links_stay_in_the_scheme_and_form_no_cycle(areas):
    concepts = _concepts(areas)
    for concept in concepts:
        seen = [concept]
        current = concept
        while (parent := areas.value(current, SKOS.broader)) is not None:
            assert parent in concepts, f"{current} is under {parent}, which is not in the scheme"
            assert parent not in seen, f"broader cycle: {' -> '.join(map(str, [*seen, parent]))}"
            seen.append(parent)
            current = parent


def test_no_wording_names_two_fields(areas):
    """The extractor maps a matched wording to one field; a shared label would make it guess."""
    owners = defaultdict(set)
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in areas.subject_objects(prop):
            owners[(label.language, str(label).casefold())].add(concept)
    shared = {key: sorted(map(str, found)) for key, found in owners.items() if len(found) > 1}
    assert shared == {}


def test_alt_labels_never_repeat_the_preferred_label(areas):
    """SKOS integrity condition S13: prefLabel and altLabel are disjoint."""
    for concept in _concepts(areas):
        preferred = {(p.language, str(p).casefold()) for p in areas.objects(concept, SKOS.prefLabel)}
        alternative = [(a.language, str(a).casefold()) for a in areas.objects(concept, SKOS.altLabel)]
        assert preferred.isdisjoint(alternative), concept


def test_labels_are_clean_nfc_text(areas):
    """Labels are matched against NFC text: stray spaces or decomposed accents would never match."""
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for concept, label in areas.subject_objects(prop):
            text = str(label)
            assert unicodedata.normalize("NFC", text) == text, f"{concept}: {text!r} is not NFC"
            assert text == text.strip() and "  " not in text, f"{concept}: {text!r} has stray spaces"
            assert label.language in {"en", "vi", "ru"}, f"{concept}: {text!r} has language {label.language}"
