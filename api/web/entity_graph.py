"""The entity graph that visualisation clients draw: resources as nodes, object properties
between them as edges. Provenance (documents, evidence, mentions) and typing are left out.

Node ids are the resources' IRIs and edge ids a hash of (subject, property, object), so both
stay the same across requests, expansions and re-publishes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pactgraph.ontology.namespace import PG
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from .dates import DATE_TYPES
from .iris import ID_PREFIX
from .text import local_name, pick_label

# Resources of these segments are provenance, not entities.
PROVENANCE_SEGMENTS = ("evidence/", "mention/", "document/")
NON_RELATIONS = (RDF.type, PG.mentionedIn, PG.mentionOf, PG.document, RDF.subject, RDF.object, OWL.sameAs)
DATE_PROPERTIES = (PG.date, PG.signedOn, PG.inForceFrom)


def entity_filter(var: str) -> str:
    """SPARQL that keeps ``?var`` only when it is one of our entities."""
    skip = " && ".join(f'!STRSTARTS(STR(?{var}), "{ID_PREFIX}{seg}")' for seg in PROVENANCE_SEGMENTS)
    return f'FILTER(isIRI(?{var}) && STRSTARTS(STR(?{var}), "{ID_PREFIX}") && {skip})'


def relation_filter(var: str) -> str:
    return f"FILTER(?{var} NOT IN ({', '.join(f'<{p}>' for p in NON_RELATIONS)}))"


def edge_id(s: str, p: str, o: str) -> str:
    """A stable id for the edge ``s p o``."""
    return "e-" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]


def is_entity(iri: str) -> bool:
    return iri.startswith(ID_PREFIX) and not iri[len(ID_PREFIX) :].startswith(PROVENANCE_SEGMENTS)


def whole_graph_query() -> str:
    """Every relation between entities, with the entities' labels, types and dates."""
    return f"""CONSTRUCT {{
  ?s ?p ?o . ?n <{RDFS.label}> ?l . ?n <{RDF.type}> ?t . ?n ?dp ?d . ?p <{RDFS.label}> ?pl
}} WHERE {{
  {{ ?s ?p ?o {entity_filter("s")} {entity_filter("o")} {relation_filter("p")}
     OPTIONAL {{ ?p <{RDFS.label}> ?pl }} }}
  UNION {{ ?n <{RDF.type}> ?t {entity_filter("n")} }}
  UNION {{ ?n <{RDFS.label}>|<{SKOS.prefLabel}> ?l {entity_filter("n")} }}
  UNION {{ VALUES ?dp {{ {" ".join(f"<{p}>" for p in DATE_PROPERTIES)} }} ?n ?dp ?d {entity_filter("n")} }}
}}"""


@dataclass
class SimpleGraph:
    """Nodes and edges with plain attributes, the common shape of every export format."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)


def simple_graph(graph: Graph, lang: str) -> SimpleGraph:
    """Turn RDF into nodes and edges: IRI-valued triples become edges, literals node attributes.

    Labels and dates become ``label``/``date``; ``rdf:type`` becomes ``class`` (the pg: local name).
    """
    result = SimpleGraph()

    def node(term: URIRef) -> dict[str, Any]:
        iri = str(term)
        if iri not in result.nodes:
            labels = [
                o
                for p in (RDFS.label, SKOS.prefLabel)
                for o in graph.objects(term, p)
                if isinstance(o, Literal)
            ]
            types = sorted(
                local_name(t) for t in graph.objects(term, RDF.type) if str(t).startswith(str(PG._NS))
            )
            types = [t for t in types if t != "Actor"] or types
            dates = sorted(str(o) for p in DATE_PROPERTIES for o in graph.objects(term, p))
            result.nodes[iri] = {
                "id": iri,
                "label": pick_label(labels, lang, local_name(iri)),
                "class": types[0] if types else "",
                "date": dates[0] if dates else "",
            }
        return result.nodes[iri]

    for s, p, o in graph:
        if not isinstance(s, URIRef):
            continue
        if p == RDF.type:
            if str(o).startswith(str(PG._NS)) or is_entity(str(s)):
                node(s)
            continue
        if isinstance(o, URIRef) and p not in NON_RELATIONS and p != RDFS.label:
            node(s), node(o)
            eid = edge_id(str(s), str(p), str(o))
            plabels = [x for x in graph.objects(p, RDFS.label) if isinstance(x, Literal)]
            result.edges[eid] = {
                "id": eid,
                "source": str(s),
                "target": str(o),
                "property": str(p),
                "label": pick_label(plabels, lang, local_name(p)),
            }
        elif (
            isinstance(o, Literal)
            and (p in (RDFS.label, SKOS.prefLabel) or o.datatype in DATE_TYPES)
            and (is_entity(str(s)) or (s, RDF.type, None) in graph)
        ):
            node(s)
    # Property IRIs that only carry labels are not nodes.
    for prop in {e["property"] for e in result.edges.values()}:
        if prop in result.nodes and not any(
            prop in (e["source"], e["target"]) for e in result.edges.values()
        ):
            del result.nodes[prop]
    return result
