"""``/editor``: YASGUI, served from node_modules, pointed at this server's ``/sparql`` with the
ontology's prefixes preloaded, the example queries in a menu, and autocompletion from our lookup."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pactgraph.ontology.namespace import PREFIXES

from . import openapi_docs as docs
from .deps import render, web_settings
from .examples import example_queries
from .iris import page_href

router = APIRouter()

EDITOR_PREFIXES = ("pg", "id", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "schema")


def default_query() -> str:
    prefixes = "\n".join(f"PREFIX {p}: <{PREFIXES[p]}>" for p in EDITOR_PREFIXES)
    return f"""{prefixes}

SELECT ?actor ?label WHERE {{
  ?actor a pg:Company ; rdfs:label ?label .
}} LIMIT 20"""


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


@router.get(
    "/editor", summary="SPARQL query editor (YASGUI)", response_class=HTMLResponse, responses=docs.HTML_PAGE
)
async def editor(request: Request, example: str = "") -> Response:
    settings = web_settings(request)
    config = {
        "endpoint": page_href("/sparql", settings),
        "lookup": page_href("/api/lookup", settings),
        "prefixes": dict(PREFIXES),
        "defaultQuery": default_query(),
        "examples": example_queries(),
        "example": example,
    }
    return render(
        request, "editor.html", {"config_json": script_json(config), "examples": config["examples"]}
    )
