"""The clients researchers use, against a real server: SPARQLWrapper, rdflib's SPARQLStore, httpx."""

from __future__ import annotations

import httpx
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

PG = "https://w3id.org/pactgraph/ontology#"
ID = "https://w3id.org/pactgraph/id/"


def test_sparqlwrapper_select_sees_each_fact_once_in_the_union_default_graph(live_server):
    client = SPARQLWrapper(live_server.sparql)
    # Vietnam's rdf:type State is stated in two documents: the default graph holds it once.
    client.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{ID}state/vietnam> a <{PG}State> }}")
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert result["results"]["bindings"][0]["n"]["value"] == "1"


def test_sparqlwrapper_graph_query_finds_provenance_per_document(live_server):
    client = SPARQLWrapper(live_server.sparql)
    client.setQuery(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{ID}state/vietnam> a <{PG}State> }} }} ORDER BY ?g")
    client.setReturnFormat(JSON)
    graphs = [b["g"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert graphs == [f"{ID}document/doc-a", f"{ID}document/doc-b"]


def test_sparqlwrapper_construct_as_turtle_parses(live_server):
    client = SPARQLWrapper(live_server.sparql)
    client.setQuery(f"CONSTRUCT {{ ?a <{PG}party> ?p }} WHERE {{ ?a <{PG}party> ?p }}")
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert {str(o) for o in graph.objects(None, rdflib.URIRef(f"{PG}party"))} == {
        f"{ID}state/vietnam",
        f"{ID}org/eaeu",
    }


def test_rdflib_sparqlstore_reads_labels_with_language_tags(live_server):
    graph = rdflib.Graph(store=SPARQLStore(live_server.sparql, returnFormat="json"))
    labels = set(graph.objects(rdflib.URIRef(f"{ID}state/vietnam"), rdflib.RDFS.label))
    assert rdflib.Literal("Việt Nam", lang="vi") in labels
    assert rdflib.Literal("Vietnam", lang="en") in labels


def test_rdflib_sparqlupdatestore_writes_with_the_token_and_reads_back(
    tmp_path, publish_store, server_factory
):
    publish_store(tmp_path, "")
    token = "client-test-token-0123456789"
    server = server_factory(tmp_path, update_token=token)
    store = SPARQLUpdateStore(
        server.sparql, server.sparql, auth=None, headers={"Authorization": f"Bearer {token}"}, autocommit=True
    )
    graph = rdflib.Graph(store=store, identifier=rdflib.URIRef("http://example.org/notes"))
    graph.add((rdflib.URIRef("http://example.org/a"), rdflib.RDFS.label, rdflib.Literal("Hà Nội", lang="vi")))
    answer = httpx.get(
        server.sparql,
        params={"query": "SELECT ?l WHERE { GRAPH <http://example.org/notes> { ?s ?p ?l } }"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()
    assert [b["l"]["value"] for b in answer["results"]["bindings"]] == ["Hà Nội"]
    # ... and the default graph (the union) has it too, without GRAPH.
    union = httpx.get(server.sparql, params={"query": "ASK { <http://example.org/a> ?p 'Hà Nội'@vi }"}).json()
    assert union["boolean"] is True
