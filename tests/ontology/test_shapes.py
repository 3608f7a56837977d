"""shapes.ttl is valid SHACL; a well-formed graph conforms and each kind of damage is reported by name."""

from collections.abc import Callable
from importlib import resources

import pyshacl
import pytest
from pactgraph.core.errors import ValidationFailed
from pactgraph.ontology.namespace import AREA, ID, PG
from pactgraph.ontology.validation import shapes_graph, validate
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SDO, SKOS

TEXT = (
    "Ngày 29/5/2015, Việt Nam và Liên minh Kinh tế Á - Âu ký Hiệp định thương mại tự do. "
    "Ngoại trưởng Sergey Lavrov dự phiên họp lần thứ 23 của Ủy ban liên Chính phủ."
)
SENTENCE_1 = TEXT[: TEXT.index(".") + 1]
DOC = ID["document/000_test"]
VIETNAM, EAEU, RUSSIA = ID["state/vietnam"], ID["org/eaeu"], ID["state/russia"]
FTA, LAVROV = ID["agreement/vietnam-eaeu-fta"], ID["person/sergey-lavrov"]
COMMISSION, SESSION = ID["mechanism/vietnam-russia-igc"], ID["event/vietnam-russia-igc-23"]
EVIDENCE, MENTION = ID["evidence/000_test/0123456789ab"], ID["mention/000_test/16-24"]


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def well_formed_graph() -> Graph:
    """A small hand-written graph in the shape docs/architecture.md gives a document graph."""
    start, end = _span(SENTENCE_1)
    m_start, m_end = _span("Việt Nam")
    turtle = f"""
    @prefix pg: <{PG._NS}> . @prefix area: <{AREA}> . @prefix document: <{ID}document/> .
    @prefix state: <{ID}state/> . @prefix org: <{ID}org/> . @prefix agreement: <{ID}agreement/> .
    @prefix person: <{ID}person/> . @prefix mechanism: <{ID}mechanism/> . @prefix event: <{ID}event/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix dcterms: <http://purl.org/dc/terms/> . @prefix schema: <https://schema.org/> .

    document:000_test a pg:Document, schema:NewsArticle ;
        dcterms:title "Tuyên bố chung Việt Nam - Nga"@vi ; dcterms:date "2021-11-30"^^xsd:date ;
        dcterms:publisher "Zing News" ; dcterms:language "vi" ; dcterms:source <https://example.org/a.html> ;
        schema:text {Literal(TEXT).n3()} .

    state:vietnam a pg:State ; rdfs:label "Việt Nam"@vi, "Vietnam"@en ; skos:prefLabel "Việt Nam"@vi ;
        pg:mentionedIn document:000_test ; pg:cooperatesWith state:russia .
    state:russia a pg:State ; rdfs:label "Nga"@vi, "Russia"@en, "Россия"@ru .
    org:eaeu a pg:InternationalOrganization ; rdfs:label "Liên minh Kinh tế Á - Âu"@vi .
    state:russia pg:memberOf org:eaeu .
    agreement:vietnam-eaeu-fta a pg:Agreement ; rdfs:label "Hiệp định thương mại tự do"@vi ;
        pg:party state:vietnam, org:eaeu ; pg:signedOn "2015-05-29"^^xsd:date ;
        pg:inForceFrom "2016"^^xsd:gYear ; pg:area area:trade .
    person:sergey-lavrov a pg:Person ; rdfs:label "Sergey Lavrov"@en ;
        pg:represents state:russia ; pg:country state:russia ; pg:role "Ngoại trưởng"@vi .
    mechanism:vietnam-russia-igc a pg:Mechanism ; rdfs:label "Ủy ban liên Chính phủ"@vi ;
        pg:participant state:vietnam, state:russia ; pg:area area:economy .
    event:vietnam-russia-igc-23 a pg:Event ; rdfs:label "phiên họp lần thứ 23"@vi ;
        pg:sessionOf mechanism:vietnam-russia-igc ; pg:date "2021-11"^^xsd:gYearMonth ;
        pg:participant person:sergey-lavrov .

    <{EVIDENCE}> a pg:Evidence ;
        rdf:subject agreement:vietnam-eaeu-fta ; rdf:predicate pg:party ; rdf:object state:vietnam ;
        pg:document document:000_test ; pg:quote {Literal(SENTENCE_1).n3()} ;
        pg:charStart {start} ; pg:charEnd {end} ; pg:dateNote "year as written" .
    <{MENTION}> a pg:Mention ; pg:mentionOf state:vietnam ; pg:document document:000_test ;
        pg:surface "Việt Nam" ; pg:charStart {m_start} ; pg:charEnd {m_end} .
    """
    return Graph().parse(data=turtle, format="turtle")


def _set(node, prop, value) -> Callable[[Graph], None]:
    return lambda g: g.set((node, prop, value))


def _remove(node, prop) -> Callable[[Graph], None]:
    return lambda g: g.remove((node, prop, None))


def _add(node, prop, value) -> Callable[[Graph], None]:
    return lambda g: g.add((node, prop, value))


# id, damage, expected violations as (focus node, phrase of the message)
BROKEN = [
    ("party-untyped", _add(FTA, PG.party, ID["state/atlantis"]), [(FTA, "pg:party points to something")]),
    ("party-on-a-person", _add(LAVROV, PG.party, VIETNAM), [(LAVROV, "pg:party is used on something")]),
    (
        "signed-on-as-string",
        _set(FTA, PG.signedOn, Literal("29/5/2015")),
        [(FTA, "pg:signedOn is not a valid")],
    ),
    (
        "signed-on-impossible-date",
        _set(FTA, PG.signedOn, Literal("2015-13-45", datatype=XSD.date)),
        [(FTA, "pg:signedOn is not a valid")],
    ),
    ("event-date-as-integer", _set(SESSION, PG.date, Literal(2021)), [(SESSION, "pg:date is not a valid")]),
    (
        "event-date-on-a-document",
        _add(DOC, PG.date, Literal("2021", datatype=XSD.gYear)),
        [(DOC, "pg:date is used on something that is not a pg:Event")],
    ),
    ("area-not-a-field", _add(FTA, PG.area, ID["area/astrology"]), [(FTA, "not a field of cooperation")]),
    ("session-of-an-event", _set(SESSION, PG.sessionOf, SESSION), [(SESSION, "pg:sessionOf points to")]),
    (
        "role-without-language",
        _set(LAVROV, PG.role, Literal("Foreign Minister")),
        [(LAVROV, "pg:role has no")],
    ),
    ("actor-without-label", _remove(EAEU, RDFS.label), [(EAEU, "no rdfs:label in Vietnamese or English")]),
    (
        "label-only-in-russian-and-untagged",
        lambda g: (g.remove((RUSSIA, RDFS.label, None)), g.add((RUSSIA, RDFS.label, Literal("Russia")))),
        [(RUSSIA, "no rdfs:label in Vietnamese or English"), (RUSSIA, "has no language tag")],
    ),
    (
        "evidence-reversed-span",
        _set(EVIDENCE, PG.charStart, Literal(len(SENTENCE_1) + 5)),
        [(EVIDENCE, "not less than pg:charEnd")],
    ),
    (
        "evidence-offset-as-string",
        _set(EVIDENCE, PG.charStart, Literal("0")),
        # a string is not comparable with the integer end either
        [(EVIDENCE, "pg:charStart must be exactly one xsd:integer"), (EVIDENCE, "not less than pg:charEnd")],
    ),
    (
        "mention-negative-offset",
        _set(MENTION, PG.charStart, Literal(-1)),
        [(MENTION, "pg:charStart is negative")],
    ),
    ("evidence-without-quote", _remove(EVIDENCE, PG.quote), [(EVIDENCE, "exactly one non-empty pg:quote")]),
    (
        "evidence-quote-not-at-offsets",
        _set(EVIDENCE, PG.quote, Literal(SENTENCE_1.upper())),
        [(EVIDENCE, "pg:quote is not the document's text")],
    ),
    (
        "evidence-of-an-unstated-fact",
        _set(EVIDENCE, RDF.object, RUSSIA),
        [(EVIDENCE, "supports a fact that the graph does not state")],
    ),
    ("evidence-without-document", _remove(EVIDENCE, PG.document), [(EVIDENCE, "exactly one pg:document")]),
    ("mention-without-resource", _remove(MENTION, PG.mentionOf), [(MENTION, "exactly one pg:mentionOf")]),
    (
        "mention-surface-not-at-offsets",
        _set(MENTION, PG.surface, Literal("Nga")),
        [(MENTION, "pg:surface is not the document's text")],
    ),
    ("document-without-title", _remove(DOC, DCTERMS.title), [(DOC, "must have a dcterms:title")]),
    ("document-without-language", _remove(DOC, DCTERMS.language), [(DOC, "must have a dcterms:language")]),
    (
        "document-date-as-string",
        _set(DOC, DCTERMS.date, Literal("30/11/2021")),
        [(DOC, "dcterms:date of a document must be")],
    ),
    (
        "document-source-as-string",
        _set(DOC, DCTERMS.source, Literal("https://x.vn")),
        [(DOC, "must be an IRI")],
    ),
]


def test_shapes_are_valid_shacl():
    meta = Graph().parse(str(resources.files("pyshacl").joinpath("assets/shacl-shacl.ttl")), format="turtle")
    conforms, _, text = pyshacl.validate(shapes_graph(), shacl_graph=meta)
    assert conforms, text


def test_shacl_check_catches_a_malformed_shape():
    """The check above can fail: a shape with a non-integer sh:minCount is refused."""
    meta = Graph().parse(str(resources.files("pyshacl").joinpath("assets/shacl-shacl.ttl")), format="turtle")
    broken = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount "one" ] .""",
        format="turtle",
    )
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=meta)
    assert not conforms


def test_well_formed_graph_conforms_without_warnings():
    report = validate(well_formed_graph())
    assert report.results == [], report.text


@pytest.mark.parametrize(("damage", "expected"), [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN])
def test_damaged_graph_fails_with_the_expected_messages(damage, expected):
    graph = well_formed_graph()
    damage(graph)
    report = validate(graph)
    assert not report.conforms
    unmatched = list(report.violations)
    for focus, phrase in expected:
        match = next((r for r in unmatched if r.focus == focus and phrase in r.message), None)
        assert match is not None, f"no violation on {focus} saying {phrase!r}; got:\n" + "\n".join(
            map(str, report.violations)
        )
        unmatched.remove(match)
    assert unmatched == [], "unexpected violations:\n" + "\n".join(map(str, unmatched))


def test_document_without_date_is_a_warning_not_a_violation():
    graph = well_formed_graph()
    graph.remove((DOC, DCTERMS.date, None))
    report = validate(graph)
    assert report.conforms
    assert [(w.focus, w.path) for w in report.warnings] == [(DOC, DCTERMS.date)]
    assert "no dcterms:date" in report.warnings[0].message


def test_document_without_text_is_a_warning():
    graph = well_formed_graph()
    graph.remove((DOC, SDO.text, None))
    report = validate(graph)
    assert report.conforms
    assert [(w.focus, w.path) for w in report.warnings] == [(DOC, SDO.text)]


def test_subclass_of_actor_is_accepted_as_party_through_the_ontology():
    graph = well_formed_graph()
    graph.add((FTA, PG.party, ID["org/rosatom"]))
    graph.add((ID["org/rosatom"], RDF.type, PG.Company))
    graph.add((ID["org/rosatom"], RDFS.label, Literal("Rosatom", lang="en")))
    assert validate(graph).conforms


def test_validation_does_not_modify_the_data_graph():
    graph = well_formed_graph()
    before = len(graph)
    validate(graph)
    assert len(graph) == before


def test_raise_for_violations_names_focus_and_fix():
    graph = well_formed_graph()
    graph.set((FTA, PG.signedOn, Literal("29/5/2015")))
    with pytest.raises(ValidationFailed) as err:
        validate(graph).raise_for_violations("document 000_test")
    message = str(err.value)
    assert message.startswith("document 000_test breaks 1 SHACL constraint")
    assert FTA.n3() in message and "xsd:gYearMonth" in message
    assert err.value.report  # the full pyshacl text is kept for logs


def test_validation_results_name_the_path():
    graph = well_formed_graph()
    graph.remove((DOC, DCTERMS.title, None))
    (violation,) = validate(graph).violations
    assert violation.path == DCTERMS.title
    assert isinstance(violation.focus, URIRef)


def test_two_preferred_labels_in_one_language_are_a_warning():
    """Two documents may write a name differently; the union then has two prefLabels @vi."""
    graph = well_formed_graph()
    graph.add((VIETNAM, SKOS.prefLabel, Literal("Cộng hòa xã hội chủ nghĩa Việt Nam", lang="vi")))
    report = validate(graph)
    assert report.conforms
    assert [(w.focus, w.path) for w in report.warnings] == [(VIETNAM, SKOS.prefLabel)]
    assert "one canonical prefLabel" in report.warnings[0].message


def test_a_dataset_is_validated_as_the_union_of_its_graphs():
    """Facts in one document graph, the evidence's document in another: checked together."""
    dataset = Dataset()
    graph = well_formed_graph()
    for triple in graph:
        target = DOC if triple[0] == DOC else URIRef("urn:x-test:rest")
        dataset.graph(target).add(triple)
    assert validate(dataset).results == []
    dataset.graph(URIRef("urn:x-test:rest")).set((FTA, PG.signedOn, Literal("29/5/2015")))
    assert [(v.focus, v.path) for v in validate(dataset).violations] == [(FTA, PG.signedOn)]
