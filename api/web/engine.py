"""The query interface the web views use, and helpers that turn engine answers into Python values.

The views never touch pyoxigraph: they ask ``app.state.engine`` (the API's worker pool) for
serialised answers and parse those. :class:`QueryEngine` is the part of that interface used here;
anything with these coroutines works (tests pass a small store-backed one).
"""

from __future__ import annotations

import json
from typing import Any, Protocol, runtime_checkable

from fastapi import Request
from pactgraph.core.errors import StoreError
from pactgraph.ontology.namespace import GRAPH_METADATA, PG
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from starlette.concurrency import run_in_threadpool

SPARQL_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


@runtime_checkable
class QueryEngine(Protocol):
    """What the web views need from the API's engine."""

    async def query_bytes(
        self, query: str, media_type: str, dataset: Any = None
    ) -> tuple[bytes, str]: ...  # pragma: no cover - protocol


def get_engine(request: Request) -> Any:
    """The engine of the running app (set by ``create_app``)."""
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        raise StoreError(
            "No query engine on this app: the published store is not open. "
            "Run `pactgraph build` and start the server with `pactgraph serve`."
        )
    return engine


async def query_bytes(engine: Any, query: str, media_type: str) -> bytes:
    """Run ``query`` and return its answer serialised as ``media_type``.

    Accepts engines that name the call ``query_bytes(query, media_type)`` or ``run(query, accept)``
    (both spellings appear in the design notes).
    """
    if hasattr(engine, "query_bytes"):
        answer = await engine.query_bytes(query, media_type)
    else:
        answer = await engine.run(query, media_type, None)
    body = answer[0] if isinstance(answer, tuple) else answer
    return body if isinstance(body, bytes) else bytes(body)


def _term(binding: dict[str, str]) -> Node:
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    return Literal(binding["value"], lang=binding.get("xml:lang"), datatype=binding.get("datatype"))


async def select(engine: Any, query: str) -> list[dict[str, Node]]:
    """SELECT rows as dicts of rdflib terms (unbound variables are absent)."""
    body = await query_bytes(engine, query, SPARQL_JSON)
    data = json.loads(body)
    return [{k: _term(v) for k, v in row.items()} for row in data["results"]["bindings"]]


async def ask(engine: Any, query: str) -> bool:
    body = await query_bytes(engine, query, SPARQL_JSON)
    return bool(json.loads(body)["boolean"])


async def construct(engine: Any, query: str) -> Graph:
    """A CONSTRUCT/DESCRIBE answer as an rdflib graph (parsed off the event loop)."""
    body = await query_bytes(engine, query, N_TRIPLES)
    return await run_in_threadpool(_parse_ntriples, body)


def _parse_ntriples(body: bytes) -> Graph:
    graph = Graph()
    graph.parse(data=body.decode("utf-8"), format="nt")
    return graph


async def store_version(engine: Any) -> str:
    """The published store's version: the engine's attribute if it has one, else the metadata graph."""
    for name in ("version", "store_version"):
        value = getattr(engine, name, None)
        if callable(value):
            value = value()
            if hasattr(value, "__await__"):
                value = await value
        if value:
            return str(getattr(value, "version", value))
    rows = await select(
        engine,
        f"SELECT ?v WHERE {{ GRAPH <{GRAPH_METADATA}> {{ ?s <{PG.storeVersion}> ?v }} }} LIMIT 1",
    )
    return str(rows[0]["v"]) if rows else "unversioned"
