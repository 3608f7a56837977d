"""The OpenAPI description of the SPARQL operations (``/docs``), with examples from ``queries/*.rq``.

``/sparql`` and ``/store`` are plain Starlette routes (no per-request FastAPI machinery), so their
OpenAPI entries are written here by hand and merged into the generated schema.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI
from pactgraph.api.negotiation import GRAPH_TYPES, SOLUTION_TYPES
from pactgraph.core.settings import Settings

DESCRIPTION = """\
SPARQL 1.1 endpoint over the pactgraph knowledge graph (Vietnam–Russia and ASEAN–Russia cooperation,
extracted from news text). The default graph is the deduplicated union of all named graphs; each source
document is a named graph.

<a id="paging"></a>**Result cap and paging.** A SELECT returns at most `PACTGRAPH_MAX_RESULT_ROWS` rows. When
rows were cut the response says so: the header `X-Pactgraph-Truncated: rows=N`, a `Link: …; rel="help"`
header, and in SPARQL JSON a `head.link` and a top-level `truncated` note (in XML, a `<link>` in the head).
To read everything, page with a stable order: `ORDER BY ?s LIMIT 1000 OFFSET 0`, then `OFFSET 1000`, …

**Limits.** Queries stop after `PACTGRAPH_QUERY_TIMEOUT` seconds (503, the limit is named). Federated
`SERVICE` and `LOAD` are refused (400) unless the endpoint is on `PACTGRAPH_SERVICE_ALLOWLIST`.
Updates and Graph Store writes need `Authorization: Bearer <PACTGRAPH_UPDATE_TOKEN>`.
"""


def _examples() -> dict[str, dict[str, str]]:
    """One OpenAPI example per ``.rq`` file of the query library (title from its ``# title:`` line)."""
    examples: dict[str, dict[str, str]] = {}
    try:
        folder = resources.files("pactgraph.queries")
        files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - queries/ not installed
        files = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        title = next(
            (line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("# title:")),
            file.name,
        )
        examples[file.name.removesuffix(".rq")] = {"summary": title, "value": text}
    if not examples:
        examples["count"] = {
            "summary": "Count the triples",
            "value": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        }
    return examples


def _responses(kinds: tuple[str, ...]) -> dict[str, Any]:
    return {
        "200": {"description": "The result", "content": {t: {} for t in kinds}},
        "304": {"description": "Not modified (If-None-Match matched the ETag)"},
        "400": {
            "description": "Malformed request or SPARQL syntax error (the parser's position and message)"
        },
        "406": {"description": "No offered media type matches Accept; the body lists what is offered"},
        "413": {"description": "Body or query longer than the configured limit"},
        "503": {"description": "Time limit reached, or no store published yet"},
    }


# What every Graph Store operation may answer besides success (api/errors.py maps them).
_STORE_ERRORS: dict[str, Any] = {
    "400": {"description": "Bad graph IRI, no graph named, a token in the URL, or an RDF syntax error"},
    "401": {"description": "A write without Authorization: Bearer <token>"},
    "403": {"description": "A wrong token, or writes are disabled (no PACTGRAPH_UPDATE_TOKEN)"},
    "404": {"description": "No such graph"},
    "406": {"description": "No offered RDF media type matches Accept"},
    "413": {"description": "Body larger than PACTGRAPH_MAX_BODY_BYTES"},
    "415": {"description": "The body's Content-Type is not an RDF syntax"},
    "503": {"description": "Time limit reached, no store published yet, or the remote store is down"},
}


def sparql_paths(settings: Settings) -> dict[str, Any]:
    """The OpenAPI ``paths`` entries of ``/sparql`` and ``/store``."""
    examples = _examples()
    dataset_params = [
        {
            "name": "default-graph-uri",
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string"}},
        },
        {"name": "named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {
            "name": "format",
            "in": "query",
            "description": "Result format: json, xml, csv, tsv, turtle, nt, rdfxml, jsonld, nq, trig",
            "schema": {"type": "string"},
        },
    ]
    results = SOLUTION_TYPES + GRAPH_TYPES
    graph_param = [
        {
            "name": "graph",
            "in": "query",
            "description": "Absolute IRI of the graph",
            "schema": {"type": "string"},
        },
        {
            "name": "default",
            "in": "query",
            "description": "Present: the default graph",
            "schema": {"type": "string"},
        },
    ]
    write_security = [{"bearer": []}]
    return {
        "/sparql": {
            "get": {
                "summary": "Query (SPARQL 1.1 Protocol); without query=, the service description",
                "parameters": [
                    {"name": "query", "in": "query", "schema": {"type": "string"}, "examples": examples},
                    *dataset_params,
                ],
                "responses": _responses(results),
            },
            "post": {
                "summary": "Query or update by form POST or direct POST",
                "parameters": dataset_params,
                "requestBody": {
                    "content": {
                        "application/sparql-query": {"schema": {"type": "string"}, "examples": examples},
                        "application/sparql-update": {
                            "schema": {"type": "string"},
                            "example": "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> "
                            "<http://example.org/p> 'o' } }",
                        },
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "query": {"type": "string"},
                                    "update": {"type": "string"},
                                    "using-graph-uri": {"type": "array", "items": {"type": "string"}},
                                    "using-named-graph-uri": {"type": "array", "items": {"type": "string"}},
                                },
                            }
                        },
                    }
                },
                "responses": {
                    **_responses(results),
                    "401": {"description": "Update without a bearer token"},
                    "403": {"description": "Wrong token, or updates disabled (read-only)"},
                },
                "security": [{}, *write_security],
            },
        },
        "/store": {
            "get": {
                "summary": "Graph Store: read a graph",
                "parameters": graph_param,
                "responses": {
                    "200": {"description": "The graph", "content": {t: {} for t in GRAPH_TYPES}},
                    "304": {"description": "Not modified (If-None-Match matched the ETag)"},
                    **_STORE_ERRORS,
                },
            },
            "put": {
                "summary": "Graph Store: replace a graph",
                "parameters": graph_param,
                "security": write_security,
                "responses": {
                    "201": {"description": "Created"},
                    "204": {"description": "Replaced"},
                    **_STORE_ERRORS,
                },
            },
            "post": {
                "summary": "Graph Store: merge into a graph (or create one, 201 + Location)",
                "parameters": graph_param,
                "security": write_security,
                "responses": {
                    "201": {"description": "Created"},
                    "204": {"description": "Merged"},
                    **_STORE_ERRORS,
                },
            },
            "delete": {
                "summary": "Graph Store: delete a graph",
                "parameters": graph_param,
                "security": write_security,
                "responses": {"204": {"description": "Deleted"}, **_STORE_ERRORS},
            },
        },
        "/health": {
            "get": {"summary": "Store version and triple count", "responses": {"200": {"description": "OK"}}}
        },
        "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "OK"}}}},
    }


def install(app: FastAPI, settings: Settings) -> None:
    """Make ``app.openapi()`` include the hand-written SPARQL operations."""
    generate = app.openapi

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            base = generate()
            base.setdefault("paths", {}).update(sparql_paths(settings))
            base.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
                "type": "http",
                "scheme": "bearer",
                "description": "PACTGRAPH_UPDATE_TOKEN",
            }
            app.openapi_schema = base
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]
