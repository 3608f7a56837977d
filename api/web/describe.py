"""The description of one resource: its concise bounded description, its neighbours' labels, and
the evidence (pg:Evidence sentences) for the facts it takes part in.

Mentions, evidence and provenance links pointing *at* the resource are left out of the incoming
triples (a country is the object of hundreds of them); the evidence comes back as its own block.
"""

from __future__ import annotations

from typing import Any

from pactgraph.ontology.namespace import PG
from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from .engine import construct
from .iris import is_safe_iri

DCTERMS_TITLE = "http://purl.org/dc/terms/title"
# Incoming links that belong to provenance, not to the resource's own description.
PROVENANCE_IN = (PG.mentionOf, RDF.subject, RDF.object, PG.document)


def _iri(text: str) -> str:
    if not is_safe_iri(text):
        raise ValueError(f"not a usable IRI: {text!r}")
    return f"<{text}>"


def description_query(iri: str) -> str:
    """One CONSTRUCT: outgoing and incoming triples, neighbour labels and types, the evidence."""
    r = _iri(iri)
    excluded = ", ".join(f"<{p}>" for p in PROVENANCE_IN)
    label = f"<{RDFS.label}>|<{SKOS.prefLabel}>"
    return f"""
CONSTRUCT {{
  {r} ?p ?o . ?s ?q {r} . ?n <{RDFS.label}> ?nl . ?n <{RDF.type}> ?nt .
  ?ev ?ep ?eo . ?doc <{DCTERMS_TITLE}> ?title .
}} WHERE {{
  {{ {r} ?p ?o }}
  UNION {{ ?s ?q {r} FILTER(?q NOT IN ({excluded})) }}
  UNION {{
    {{ {r} ?n ?x }} UNION {{ ?x ?n {r} FILTER(?n NOT IN ({excluded})) }}
    UNION {{ {r} ?x0 ?n FILTER(isIRI(?n)) }} UNION {{ ?n ?x1 {r} FILTER(?x1 NOT IN ({excluded})) }}
    UNION {{ ?e1 <{RDF.subject}> {r} ; <{RDF.object}>|<{RDF.predicate}> ?n }}
    UNION {{ ?e2 <{RDF.object}> {r} ; <{RDF.subject}>|<{RDF.predicate}> ?n }}
    {{ ?n {label} ?nl }} UNION {{ ?n <{RDF.type}> ?nt }}
  }}
  UNION {{
    {{ ?ev <{RDF.subject}> {r} }} UNION {{ ?ev <{RDF.object}> {r} }}
    ?ev a <{PG.Evidence}> ; ?ep ?eo .
    OPTIONAL {{ ?ev <{PG.document}> ?doc . ?doc <{DCTERMS_TITLE}> ?title }}
  }}
}}"""


async def describe(engine: Any, iri: str) -> Graph:
    """The description graph of ``iri`` (empty when the store does not know it)."""
    return await construct(engine, description_query(iri))


def is_known(graph: Graph, iri: str) -> bool:
    """Whether the store says anything about ``iri`` itself (not only about its neighbours)."""
    node = URIRef(iri)
    return (node, None, None) in graph or (None, None, node) in graph
