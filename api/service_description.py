"""The SPARQL 1.1 Service Description served on ``GET /sparql`` without a query.

It names the endpoint as the client reached it (``sd:endpoint`` must match the URL used), the
languages and result formats offered, the union default graph, and links the VoID description of
the dataset (``void:Dataset`` in the metadata graph, written by graph/void.py).
"""

from __future__ import annotations

from functools import lru_cache

from pactgraph.ontology.namespace import BASE, GRAPH_METADATA

DATASET_IRI = BASE + "id/dataset/pactgraph"

_FORMATS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON-LD",
    "application/n-quads": "N-Quads",
    "application/trig": "TriG",
}
_INPUT = ("Turtle", "N-Triples", "RDF_XML", "JSON-LD")


def turtle(endpoint: str, updates: bool) -> str:
    """The description in Turtle for the endpoint URL *endpoint*."""
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if updates else "")
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in _FORMATS.values())
    inputs = ", ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in _INPUT)
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}#service> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage {languages} ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat {formats} ;
    sd:inputFormat {inputs} ;
    dcterms:title "pactgraph: Vietnam-Russia and ASEAN-Russia cooperation"@en ;
    rdfs:comment '''The default graph is the deduplicated union of all named graphs (one per source
document, plus ontology, inferred and metadata graphs). Federated SERVICE calls are refused
unless the endpoint is on the operator's allow-list.'''@en ;
    sd:defaultDataset <{endpoint}#dataset> .

<{endpoint}#dataset> a sd:Dataset ;
    rdfs:seeAlso <{DATASET_IRI}> ;
    sd:defaultGraph <{endpoint}#default-graph> ;
    sd:namedGraph <{endpoint}#metadata-graph> .

<{endpoint}#default-graph> a sd:Graph ;
    rdfs:seeAlso <{DATASET_IRI}> .

<{endpoint}#metadata-graph> a sd:NamedGraph ;
    sd:name <{GRAPH_METADATA}> .

<{DATASET_IRI}> a void:Dataset ;
    void:sparqlEndpoint <{endpoint}> .
"""


@lru_cache(maxsize=64)
def render(endpoint: str, updates: bool, media_type: str) -> bytes:
    """The description serialised as *media_type* (a graph type offered by negotiation)."""
    text = turtle(endpoint, updates)
    if media_type == "text/turtle":
        return text.encode("utf-8")
    import pyoxigraph as ox  # the route calls this in a thread, never in the event loop

    formats = {
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/rdf+xml": ox.RdfFormat.RDF_XML,
        "application/ld+json": ox.RdfFormat.JSON_LD,
        "application/n-quads": ox.RdfFormat.N_QUADS,
        "application/trig": ox.RdfFormat.TRIG,
    }
    quads = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return ox.serialize(quads, format=formats[media_type])
