"""The metadata graph: a VoID description of the dataset, and the store's version.

The figures describe the published union (the default graph) as it is before the metadata
graph is added: the metadata does not count itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pactgraph.graph.loading import named_graphs
from pactgraph.ontology.namespace import BASE, GRAPH_METADATA, PG

VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DATASET = ox.NamedNode(BASE + "id/dataset/pactgraph")
METADATA = ox.NamedNode(str(GRAPH_METADATA))
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
# The dumps the build writes to DATA_DIR/dumps/ and the API serves under /dumps/.
DUMP_FILES = {
    "nq": "pactgraph.nq.gz",
    "trig": "pactgraph.trig.gz",
    "ttl": "pactgraph.ttl.gz",
    "jsonld": "pactgraph.jsonld.gz",
}


@dataclass
class DatasetStats:
    """The VoID figures of one store (what ``pactgraph stats`` prints)."""

    version: str = ""
    built_at: str = ""
    triples: int = 0
    entities: int = 0
    distinct_subjects: int = 0
    distinct_objects: int = 0
    named_graphs: int = 0
    documents: int = 0
    inferred: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # class IRI -> entities
    properties: dict[str, int] = field(default_factory=dict)  # property IRI -> triples


def _count(store: ox.Store, query: str) -> int:
    (row,) = store.query(query)
    return int(row["n"].value)


def compute_stats(store: ox.Store) -> DatasetStats:
    """The VoID figures of the default graph (the deduplicated union).

    Call it before the metadata graph is added (the build does): the metadata does not count itself.
    """
    stats = DatasetStats()
    stats.triples = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    stats.entities = _count(
        store,
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{BASE}id/')) }}",
    )
    stats.distinct_subjects = _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    stats.distinct_objects = _count(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }")
    graphs = [g for g in named_graphs(store) if g != METADATA]
    stats.named_graphs = len(graphs)
    stats.documents = sum(1 for g in graphs if g.value.startswith(BASE + "id/document/"))
    stats.inferred = _count(
        store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/inferred> {{ ?s ?p ?o }} }}"
    )
    for row in store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"):
        stats.classes[row["c"].value] = int(row["n"].value)
    for row in store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"):
        stats.properties[row["p"].value] = int(row["n"].value)
    return stats


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))


def metadata_quads(stats: DatasetStats, base_url: str, license_url: str = DEFAULT_LICENSE) -> list[ox.Quad]:
    """The VoID description and the version, as quads of ``graph/metadata``."""
    void = lambda name: ox.NamedNode(VOID + name)  # noqa: E731
    dct = lambda name: ox.NamedNode(DCTERMS + name)  # noqa: E731
    when = ox.Literal(stats.built_at, datatype=ox.NamedNode(XSD + "dateTime"))
    triples: list[tuple[ox.Term, ox.NamedNode, ox.Term]] = [
        (DATASET, RDF_TYPE, void("Dataset")),
        (
            DATASET,
            dct("title"),
            ox.Literal("pactgraph: Vietnam-Russia and ASEAN-Russia cooperation", language="en"),
        ),
        (DATASET, dct("license"), ox.NamedNode(license_url)),
        (DATASET, dct("created"), when),
        (DATASET, dct("modified"), when),
        (DATASET, ox.NamedNode(str(PG.storeVersion)), ox.Literal(stats.version)),
        (DATASET, ox.NamedNode(str(PG.builtAt)), when),
        (DATASET, void("sparqlEndpoint"), ox.NamedNode(f"{base_url}/sparql")),
        (DATASET, void("uriSpace"), ox.Literal(BASE + "id/")),
        (DATASET, void("triples"), _int(stats.triples)),
        (DATASET, void("entities"), _int(stats.entities)),
        (DATASET, void("distinctSubjects"), _int(stats.distinct_subjects)),
        (DATASET, void("distinctObjects"), _int(stats.distinct_objects)),
        (DATASET, void("classes"), _int(len(stats.classes))),
        (DATASET, void("properties"), _int(len(stats.properties))),
        (DATASET, void("vocabulary"), ox.NamedNode(str(PG._NS))),
    ]
    for name in DUMP_FILES.values():
        triples.append((DATASET, void("dataDump"), ox.NamedNode(f"{base_url}/dumps/{name}")))
    for cls, n in sorted(stats.classes.items()):
        part = ox.NamedNode(f"{DATASET.value}/class/{_slug(cls)}")
        triples += [
            (DATASET, void("classPartition"), part),
            (part, void("class"), ox.NamedNode(cls)),
            (part, void("entities"), _int(n)),
        ]
    for prop, n in sorted(stats.properties.items()):
        part = ox.NamedNode(f"{DATASET.value}/property/{_slug(prop)}")
        triples += [
            (DATASET, void("propertyPartition"), part),
            (part, void("property"), ox.NamedNode(prop)),
            (part, void("triples"), _int(n)),
        ]
    return [ox.Quad(s, p, o, METADATA) for s, p, o in triples]


def _slug(iri: str) -> str:
    """A readable, collision-free partition name: the IRI's sha1 prefix after its local name."""
    import hashlib
    import re

    local = re.split(r"[#/]", iri.rstrip("/#"))[-1] or "x"
    local = re.sub(r"[^A-Za-z0-9_-]", "-", local)
    return f"{local}-{hashlib.sha1(iri.encode()).hexdigest()[:8]}"


def read_stats(store: ox.Store) -> DatasetStats:
    """The figures recorded in a published store's metadata graph (no recount)."""
    stats = DatasetStats()
    query = f"""
        PREFIX void: <{VOID}>
        SELECT ?p ?o WHERE {{ GRAPH <{GRAPH_METADATA}> {{ <{DATASET.value}> ?p ?o }} }}"""
    scalar = {
        VOID + "triples": "triples",
        VOID + "entities": "entities",
        VOID + "distinctSubjects": "distinct_subjects",
        VOID + "distinctObjects": "distinct_objects",
    }
    for row in store.query(query):
        p = row["p"].value
        if p in scalar:
            setattr(stats, scalar[p], int(row["o"].value))
        elif p == str(PG.storeVersion):
            stats.version = row["o"].value
        elif p == str(PG.builtAt):
            stats.built_at = row["o"].value
    for row in store.query(f"""
        SELECT ?c ?n WHERE {{ GRAPH <{GRAPH_METADATA}> {{
          <{DATASET.value}> <{VOID}classPartition> ?part .
          ?part <{VOID}class> ?c ; <{VOID}entities> ?n }} }}"""):
        stats.classes[row["c"].value] = int(row["n"].value)
    for row in store.query(f"""
        SELECT ?q ?n WHERE {{ GRAPH <{GRAPH_METADATA}> {{
          <{DATASET.value}> <{VOID}propertyPartition> ?part .
          ?part <{VOID}property> ?q ; <{VOID}triples> ?n }} }}"""):
        stats.properties[row["q"].value] = int(row["n"].value)
    graphs = [g for g in named_graphs(store) if g != METADATA]
    stats.named_graphs = len(graphs)
    stats.documents = sum(1 for g in graphs if g.value.startswith(BASE + "id/document/"))
    stats.inferred = _count(
        store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}graph/inferred> {{ ?s ?p ?o }} }}"
    )
    return stats


def stats(store_path: Path) -> DatasetStats:
    """The VoID figures of a published store, as recorded in its metadata graph."""
    from pactgraph.graph.location import open_read_only

    return read_stats(open_read_only(store_path))
