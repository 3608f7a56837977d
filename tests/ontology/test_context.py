"""context.jsonld: JSON-LD 1.1, every prefix, a short name for every pg term; graphs round-trip."""

import json

import pyoxigraph as ox
import pytest
from pactgraph.ontology import path
from pactgraph.ontology.namespace import ID, PG, PREFIXES
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, SDO, SKOS


@pytest.fixture(scope="module")
def context() -> dict:
    document = json.loads(path("context.jsonld").read_text(encoding="utf-8"))
    assert set(document) == {"@context"}
    return document["@context"]


def _expand(context: dict, value: str) -> str:
    prefix, _, local = value.partition(":")
    return context[prefix] + local if prefix in context and isinstance(context[prefix], str) else value


def _term_iri(context: dict, name: str) -> str:
    definition = context[name]
    return _expand(context, definition if isinstance(definition, str) else definition["@id"])


def test_context_is_json_ld_1_1(context):
    assert context["@version"] == 1.1


def test_context_declares_every_prefix_of_the_namespace_module(context):
    for prefix, iri in PREFIXES.items():
        assert context.get(prefix) == iri, f"prefix {prefix} should map to {iri}"


def test_every_pg_term_has_its_local_name_as_short_name(context):
    for name in PG.__annotations__:
        assert name in context, f"no short name for pg:{name}"
        assert _term_iri(context, name) == str(PG[name])


def test_object_properties_are_coerced_to_iris_and_offsets_to_integers(context):
    onto = Graph().parse(path("pactgraph.ttl"), format="turtle")
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        name = str(prop)[len(str(PG._NS)) :]
        assert context[name].get("@type") == "@id", f"pg:{name} is an object property: coerce it with @id"
    for name in ("charStart", "charEnd"):
        assert _expand(context, context[name]["@type"]) == str(XSD.integer)


def _sample() -> Graph:
    g = Graph()
    vietnam, fta, doc, ev = (
        ID["state/vietnam"],
        ID["agreement/x"],
        ID["document/000_x"],
        ID["evidence/000_x/1"],
    )
    g.add((vietnam, RDF.type, PG.State))
    g.add((vietnam, RDFS.label, Literal("Việt Nam", lang="vi")))
    g.add((vietnam, RDFS.label, Literal("Vietnam", lang="en")))
    g.add((vietnam, RDFS.label, Literal("Viet Nam", lang="en")))
    g.add((vietnam, SKOS.prefLabel, Literal("Việt Nam", lang="vi")))
    g.add((vietnam, PG.mentionedIn, doc))
    g.add((fta, RDF.type, PG.Agreement))
    g.add((fta, PG.party, vietnam))
    g.add((fta, PG.signedOn, Literal("2015-05-29", datatype=XSD.date)))
    g.add((fta, PG.inForceFrom, Literal("2016", datatype=XSD.gYear)))  # not the coerced type
    g.add((ID["person/p"], PG.role, Literal("Bộ trưởng Ngoại giao", lang="vi")))
    g.add((ev, RDF.type, PG.Evidence))
    g.add((ev, RDF.subject, fta))
    g.add((ev, RDF.predicate, PG.party))
    g.add((ev, RDF.object, vietnam))
    g.add((ev, PG.document, doc))
    g.add((ev, PG.quote, Literal("Việt Nam ký Hiệp định.")))
    g.add((ev, PG.charStart, Literal(0)))
    g.add((ev, PG.charEnd, Literal(22)))
    g.add((doc, DCTERMS.title, Literal("Tiêu đề", lang="vi")))
    g.add((doc, DCTERMS.date, Literal("2021-11-30", datatype=XSD.date)))
    g.add((doc, DCTERMS.language, Literal("vi")))
    g.add((doc, SDO.text, Literal("Việt Nam ký Hiệp định.")))
    return g


def _diff(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return (
        "only in original:\n"
        + only_a.serialize(format="nt")
        + "only after:\n"
        + only_b.serialize(format="nt")
    )


def test_graph_serialised_with_the_context_parses_back_isomorphic(context):
    original = _sample()
    text = original.serialize(format="json-ld", context=context, auto_compact=True)
    assert '"party"' in text and '"charStart"' in text  # the short names are used
    back = Graph().parse(data=text, format="json-ld")
    assert isomorphic(original, back), _diff(original, back)


def test_oxigraph_reads_the_same_triples_from_the_compacted_document(context):
    original = _sample()
    text = original.serialize(format="json-ld", context=context, auto_compact=True)
    quads = list(ox.parse(text, format=ox.RdfFormat.JSON_LD))
    assert len(quads) == len(original)
    back = Graph().parse(data=ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    assert isomorphic(original, back), _diff(original, back)
