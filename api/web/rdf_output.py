"""Serialising descriptions: Turtle, JSON-LD (with the published @context), N-Triples, RDF/XML."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from pactgraph.ontology.namespace import PREFIXES
from rdflib import Graph

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


def embedded_jsonld(graph: Graph) -> str:
    """JSON-LD safe to put inside ``<script type="application/ld+json">`` (no ``</script>`` breakout)."""
    text = serialize(graph, JSON_LD).decode("utf-8")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
