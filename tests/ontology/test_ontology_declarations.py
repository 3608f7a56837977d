"""pactgraph.ttl declares the contract: each core term at its IRI, typed, labelled, aligned by subclassing."""

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.ontology import path
from pactgraph.ontology.namespace import (
    CORE_CLASSES,
    CORE_PROPERTIES,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION_IRI,
    PG,
    PROVENANCE_PROPERTIES,
)
from pactgraph.ontology.validation import ONTOLOGY_FILES, ontology_graph
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

ROOT = Path(__file__).resolve().parents[2]
CORE_MD = ROOT.parent / "shared" / "design" / "ontology-core.md"
ONTOLOGY = URIRef(ONTOLOGY_IRI)

# Properties whose values are literals (everything else on PG is an object property).
DATATYPE_PROPERTIES = {
    "signedOn", "inForceFrom", "date", "role", "quote", "charStart", "charEnd",
    "surface", "dateNote", "basis", "storeVersion", "builtAt",
}  # fmt: skip
ALIGNED_VOCABULARIES = [
    "https://schema.org/", "http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#",
]  # fmt: skip
ACTOR_SUBCLASSES = ["State", "InternationalOrganization", "Company", "GovernmentBody", "Person"]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(path("pactgraph.ttl"), format="turtle")


def _pg_terms_on_namespace() -> set[str]:
    return {name for name in PG.__annotations__ if not name.startswith("_")}


def _declared_pg_terms(graph: Graph) -> set[str]:
    prefix = str(PG._NS)
    return {
        str(s)[len(prefix) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(prefix)
    }


def _core_terms_from_contract(text: str) -> tuple[set[str], set[str]]:
    """Classes and properties named in the tables and the provenance block of ontology-core.md."""
    classes, properties = set(), set()
    section = ""
    for line in text.splitlines():
        if line.strip() in {"Classes", "Properties", "Provenance"}:
            section = line.strip()
        if section in {"Classes", "Properties"}:
            row = re.match(r"\|\s*pg:(\w+)\s*\|", line)
            if row:
                (classes if section == "Classes" else properties).add(row.group(1))
        elif section == "Provenance":
            for name in re.findall(r"pg:(\w+)", line):
                (classes if name[0].isupper() else properties).add(name)
    return classes, properties


def test_every_ontology_file_parses_with_rdflib_and_oxigraph():
    for name in (*ONTOLOGY_FILES, "shapes.ttl"):
        rdflib_count = len(Graph().parse(path(name), format="turtle"))
        oxigraph_count = sum(1 for _ in ox.parse(path=str(path(name)), format=ox.RdfFormat.TURTLE))
        assert rdflib_count > 0
        assert rdflib_count == oxigraph_count, f"{name}: rdflib and Oxigraph read different triples"


def test_ontology_header_has_version_title_description_license_and_dates(onto):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionIRI) == ONTOLOGY_VERSION_IRI
    assert str(onto.value(ONTOLOGY, OWL.versionInfo)) == str(ONTOLOGY_VERSION_IRI).rsplit("/", 1)[-1]
    titles = {t.language for t in onto.objects(ONTOLOGY, DCTERMS.title)}
    assert {"en", "vi"} <= titles
    assert onto.value(ONTOLOGY, DCTERMS.description) is not None
    assert isinstance(onto.value(ONTOLOGY, DCTERMS.license), URIRef)
    for prop in (DCTERMS.created, DCTERMS.modified):
        value = onto.value(ONTOLOGY, prop)
        assert isinstance(value, Literal) and value.datatype is not None, f"{prop} missing or untyped"


def test_ontology_imports_nothing(onto):
    assert list(onto.objects(None, OWL.imports)) == []


def test_namespace_lists_match_the_contract_document():
    if not CORE_MD.exists():
        pytest.skip(f"{CORE_MD} is absent (no ../shared checkout); the lists in namespace.py are used alone")
    classes, properties = _core_terms_from_contract(CORE_MD.read_text(encoding="utf-8"))
    assert classes == set(CORE_CLASSES)
    assert properties == set(CORE_PROPERTIES) | set(PROVENANCE_PROPERTIES)


@pytest.mark.parametrize("name", CORE_CLASSES + ["Mention"])
def test_core_class_is_declared_with_both_labels_and_a_comment(onto, name):
    term = PG[name]
    assert (term, RDF.type, OWL.Class) in onto
    _assert_labelled(onto, term)


@pytest.mark.parametrize("name", CORE_PROPERTIES + PROVENANCE_PROPERTIES)
def test_core_property_is_declared_with_its_kind_and_both_labels(onto, name):
    term = PG[name]
    kind = OWL.DatatypeProperty if name in DATATYPE_PROPERTIES else OWL.ObjectProperty
    assert (term, RDF.type, kind) in onto, f"pg:{name} should be an {kind.n3()}"
    _assert_labelled(onto, term)


def _assert_labelled(onto: Graph, term: URIRef) -> None:
    labels = {label.language for label in onto.objects(term, RDFS.label)}
    assert {"en", "vi"} <= labels, f"{term.n3()} needs rdfs:label @en and @vi, has {labels}"
    comments = {c.language for c in onto.objects(term, RDFS.comment)}
    assert "en" in comments, f"{term.n3()} needs an English rdfs:comment"
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in onto


def test_every_term_on_the_namespace_is_declared_and_vice_versa(onto):
    on_namespace = _pg_terms_on_namespace()
    declared = _declared_pg_terms(onto)
    assert on_namespace - declared == set(), "on PG but not declared in ontology/pactgraph.ttl"
    assert declared - on_namespace == set(), "declared in pactgraph.ttl but missing from namespace.PG"


def test_every_declared_term_is_labelled(onto):
    for name in _declared_pg_terms(onto):
        _assert_labelled(onto, PG[name])


def test_core_properties_have_domains_and_ranges(onto):
    for name in CORE_PROPERTIES + PROVENANCE_PROPERTIES:
        if name != "mentionedIn":  # any resource can be mentioned: no domain on purpose
            assert onto.value(PG[name], RDFS.domain) is not None, f"pg:{name} has no rdfs:domain"
        assert onto.value(PG[name], RDFS.range) is not None, f"pg:{name} has no rdfs:range"


def _union_members(onto: Graph, node) -> set[URIRef]:
    members = onto.value(node, OWL.unionOf)
    assert members is not None, f"{node} is not an owl:unionOf class"
    return set(onto.items(members))


def test_or_domains_are_owl_unions(onto):
    assert _union_members(onto, onto.value(PG.participant, RDFS.domain)) == {PG.Mechanism, PG.Event}
    assert _union_members(onto, onto.value(PG.area, RDFS.domain)) == {PG.Agreement, PG.Mechanism, PG.Event}
    assert _union_members(onto, onto.value(PG.country, RDFS.domain)) == {
        PG.GovernmentBody,
        PG.Company,
        PG.Person,
    }


def test_ranges_of_links_match_the_contract(onto):
    assert onto.value(PG.party, RDFS.range) == PG.Actor
    assert onto.value(PG.participant, RDFS.range) == PG.Actor
    assert onto.value(PG.area, RDFS.range) == PG.CooperationArea
    assert onto.value(PG.sessionOf, RDFS.range) == PG.Mechanism
    assert onto.value(PG.mentionedIn, RDFS.range) == PG.Document
    assert onto.value(PG.country, RDFS.range) == PG.State
    assert onto.value(PG.document, RDFS.range) == PG.Document


def test_the_five_actor_classes_are_under_actor(onto):
    for name in ACTOR_SUBCLASSES:
        assert (PG[name], RDFS.subClassOf, PG.Actor) in onto


def test_cooperates_with_is_symmetric_and_evidence_is_a_statement(onto):
    assert (PG.cooperatesWith, RDF.type, OWL.SymmetricProperty) in onto
    assert (PG.Evidence, RDFS.subClassOf, RDF.Statement) in onto
    assert (PG.CooperationArea, RDFS.subClassOf, SKOS.Concept) in onto


def test_alignments_are_subclass_or_subproperty_only(onto):
    """Equivalence or sameAs to outside vocabularies would copy their triples both ways."""
    for prop in (OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs):
        assert list(onto.triples((None, prop, None))) == [], f"{prop.n3()} used in pactgraph.ttl"
    targets = [str(o) for p in (RDFS.subClassOf, RDFS.subPropertyOf) for o in onto.objects(None, p)]
    for vocabulary in ALIGNED_VOCABULARIES:
        assert any(t.startswith(vocabulary) for t in targets), f"no alignment to {vocabulary}"


def test_ontology_only_describes_its_own_terms(onto):
    """No triple about an outside term: pactgraph.ttl must not redefine schema.org or FOAF."""
    for subject in set(onto.subjects()):
        if isinstance(subject, URIRef):
            assert str(subject).startswith(ONTOLOGY_IRI), f"pactgraph.ttl says something about {subject}"


def test_ontology_is_loaded_with_the_fields_of_cooperation():
    graph = ontology_graph()
    assert (None, RDF.type, OWL.Ontology) in graph
    assert len(set(graph.subjects(RDF.type, PG.CooperationArea))) >= 30
