"""The OWL RL closure (owlrl) of ontology and fields is consistent, small, and infers what users expect."""

import owlrl
import pytest
from pactgraph.ontology.namespace import AREA, ID, PG
from pactgraph.ontology.validation import ontology_graph
from rdflib import OWL, RDF, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

ERR = owlrl.Namespaces.ERRNS


def _closure(graph: Graph, **options) -> Graph:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, **options).expand(graph)
    return graph


def _assert_consistent(graph: Graph) -> None:
    errors = [str(m) for e in graph.subjects(RDF.type, ERR.ErrorMessage) for m in graph.objects(e, ERR.error)]
    assert errors == [], "owlrl reported inconsistencies"
    assert list(graph.subjects(RDF.type, OWL.Nothing)) == [], "something is a member of owl:Nothing"
    for a, b in graph.subject_objects(OWL.differentFrom):
        assert (a, OWL.sameAs, b) not in graph, f"{a} is both owl:sameAs and owl:differentFrom {b}"


def _sample_facts() -> Graph:
    """A few facts of the shapes the extractor writes."""
    g = Graph()
    vietnam, russia, eaeu = ID["state/vietnam"], ID["state/russia"], ID["org/eaeu"]
    fta, person, commission = (
        ID["agreement/vietnam-eaeu-fta"],
        ID["person/sergey-lavrov"],
        ID["mechanism/igc"],
    )
    session, doc, ev = ID["event/igc-23"], ID["document/000_x"], ID["evidence/000_x/abc"]
    g.add((vietnam, RDF.type, PG.State))
    g.add((russia, RDF.type, PG.State))
    g.add((eaeu, RDF.type, PG.InternationalOrganization))
    g.add((russia, PG.memberOf, eaeu))
    g.add((vietnam, PG.cooperatesWith, russia))
    g.add((fta, PG.party, vietnam))
    g.add((fta, PG.signedOn, Literal("2015-05-29", datatype=XSD.date)))
    g.add((fta, PG.inForceFrom, Literal("2016-10", datatype=XSD.gYearMonth)))
    g.add((fta, PG.area, AREA["trade"]))
    g.add((person, PG.represents, russia))
    g.add((person, PG.role, Literal("Bộ trưởng Ngoại giao", lang="vi")))
    g.add((session, PG.sessionOf, commission))
    g.add((session, PG.date, Literal("2021", datatype=XSD.gYear)))
    g.add((session, PG.participant, vietnam))
    g.add((vietnam, PG.mentionedIn, doc))
    g.add((ev, RDF.type, PG.Evidence))
    g.add((ev, PG.document, doc))
    g.add((ev, PG.charStart, Literal(0)))
    g.add((ev, PG.charEnd, Literal(12)))
    return g


def test_closure_with_axiomatic_triples_is_consistent():
    _assert_consistent(_closure(ontology_graph(), axiomatic_triples=True, datatype_axioms=True))


def test_closure_of_ontology_and_fields_is_consistent_and_small():
    graph = ontology_graph()
    before = len(graph)
    after = len(_closure(graph))
    _assert_consistent(graph)
    # owlrl adds reflexive sameAs and the class hierarchy; a blow-up (equivalences, sameAs chains)
    # would multiply this several times over.
    assert after < 4 * before, f"closure grew from {before} to {after} triples"


@pytest.fixture(scope="module")
def inferred() -> Graph:
    graph = ontology_graph() + _sample_facts()
    return _closure(graph)


def test_closure_with_extracted_facts_is_consistent(inferred):
    _assert_consistent(inferred)


def test_cooperation_stated_one_way_holds_both_ways(inferred):
    assert (ID["state/russia"], PG.cooperatesWith, ID["state/vietnam"]) in inferred


def test_actor_types_and_alignments_are_inferred(inferred):
    russia = ID["state/russia"]
    assert (russia, RDF.type, PG.Actor) in inferred
    assert (russia, RDF.type, PROV.Agent) in inferred
    assert (ID["person/sergey-lavrov"], RDF.type, FOAF.Person) in inferred  # from the domain of represents
    assert (ID["document/000_x"], RDF.type, PG.Document) in inferred  # from the range of mentionedIn


def test_domains_type_the_subjects(inferred):
    assert (ID["agreement/vietnam-eaeu-fta"], RDF.type, PG.Agreement) in inferred
    assert (ID["event/igc-23"], RDF.type, PG.Event) in inferred
    assert (ID["mechanism/igc"], RDF.type, PG.Mechanism) in inferred


def test_area_is_a_dcterms_subject_and_a_skos_concept(inferred):
    fta = ID["agreement/vietnam-eaeu-fta"]
    assert (fta, DCTERMS.subject, AREA["trade"]) in inferred
    assert (AREA["trade"], RDF.type, SKOS.Concept) in inferred


def test_union_domains_do_not_type_subjects_with_every_member(inferred):
    """A participant's subject is an Event here; RL must not conclude it is also a Mechanism."""
    assert (ID["event/igc-23"], RDF.type, PG.Mechanism) not in inferred


def test_session_participants_take_part_in_the_mechanism_but_not_the_converse(inferred):
    assert (ID["mechanism/igc"], PG.participant, ID["state/vietnam"]) in inferred
    graph = ontology_graph() + _sample_facts()
    graph.add((ID["mechanism/igc"], PG.participant, ID["state/russia"]))
    closed = _closure(graph)
    assert (ID["event/igc-23"], PG.participant, ID["state/russia"]) not in closed


def test_consistency_check_catches_a_contradiction():
    """The check above can fail: a disjointness axiom broken by one resource is reported."""
    graph = ontology_graph()
    graph.add((PG.State, OWL.disjointWith, PG.Person))
    graph.add((ID["state/x"], RDF.type, PG.State))
    graph.add((ID["state/x"], RDF.type, PG.Person))
    with pytest.raises(AssertionError, match="owlrl reported inconsistencies"):
        _assert_consistent(_closure(graph))
