"""Serialising descriptions: Turtle, JSON-LD (with the published @context), N-Triples, RDF/XML."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from pactgraph.ontology.namespace import PREFIXES
from rdflib import RDFS, Graph, URIRef

from .negotiation import HTML, JSON_LD, Format

CONTEXT_FILE = "context.jsonld"


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The ontology package's published ``context.jsonld`` if there is one, else our prefixes."""
    try:
        text = resources.files("pactgraph.ontology").joinpath(CONTEXT_FILE).read_text("utf-8")
        context = json.loads(text)
        return context.get("@context", context)
    except (FileNotFoundError, ModuleNotFoundError, json.JSONDecodeError, OSError):
        return dict(PREFIXES)


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def serialize(graph: Graph, fmt: Format) -> bytes:
    """``graph`` in an RDF format (blocking: call it in a threadpool)."""
    if fmt is HTML:
        raise ValueError("HTML is rendered by the page templates, not serialised")
    bind_prefixes(graph)
    if fmt is JSON_LD:
        text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
        return text.encode("utf-8")
    return graph.serialize(format=fmt.key, encoding="utf-8")


def own_statements(graph: Graph, node: URIRef) -> Graph:
    """What the resource says about itself (its outgoing triples and the labels of their objects):
    the part worth embedding in its page for crawlers; the full description is one link away."""
    own = Graph()
    for p, o in graph.predicate_objects(node):
        own.add((node, p, o))
        for label in graph.objects(o, RDFS.label):
            own.add((o, RDFS.label, label))
    return own


def embedded_jsonld(graph: Graph, node: URIRef | None = None) -> str:
    """JSON-LD safe to put inside ``<script type="application/ld+json">`` (no ``</script>`` breakout)."""
    text = serialize(graph if node is None else own_statements(graph, node), JSON_LD).decode("utf-8")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
