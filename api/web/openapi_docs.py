"""What the web routes answer, for /openapi.json: every status and media type a route can send is
documented (the reliability suite checks responses against it)."""

from __future__ import annotations

from typing import Any

from .negotiation import ALL_FORMATS

TEXT = {"schema": {"type": "string"}}
ERROR_JSON = {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}


def content(*media_types: str) -> dict[str, Any]:
    return {m: (ERROR_JSON if m == "application/json" else TEXT) for m in media_types}


HTML = "text/html"
PLAIN = "text/plain"
NEGOTIATED = tuple(f.media_type for f in ALL_FORMATS)

HTML_PAGE: dict[int | str, dict[str, Any]] = {200: {"description": "The page", "content": content(HTML)}}
RESOURCE: dict[int | str, dict[str, Any]] = {
    200: {"description": "The resource's description, negotiated", "content": content(*NEGOTIATED)},
    304: {"description": "Not modified since the ETag sent in If-None-Match"},
    404: {"description": "Not in this graph; similar labels suggested", "content": content(HTML, PLAIN)},
    406: {"description": "No offered representation matches Accept", "content": content(PLAIN)},
}
ONTOLOGY: dict[int | str, dict[str, Any]] = {
    200: {"description": "The ontology, negotiated", "content": content(*NEGOTIATED)},
    404: {"description": "Unknown extension", "content": content(PLAIN)},
    406: RESOURCE[406],
    503: {"description": "The ontology files are missing from the installation", "content": content(PLAIN)},
}
CLASS_PAGE: dict[int | str, dict[str, Any]] = {
    **HTML_PAGE,
    404: {"description": "No such class; the known classes are listed", "content": content(HTML)},
}
JSONLD_CONTEXT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The JSON-LD context",
        "content": {"application/ld+json": {"schema": {"type": "object"}}},
    }
}
NEIGHBOURHOOD: dict[int | str, dict[str, Any]] = {
    400: {"description": "The iri parameter is not an absolute IRI", "content": content("application/json")},
    404: {"description": "Not an entity of this graph", "content": content("application/json")},
}
EXPORT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The graph in the asked format",
        "content": content("application/graphml+xml", "application/gexf+xml", "application/json"),
    },
    400: {"description": "The query is not a CONSTRUCT/DESCRIBE or was refused", "content": content(PLAIN)},
    404: {"description": "Unknown export format", "content": content(PLAIN)},
}
DUMPS_INDEX: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The dump files",
        "content": {"application/json": {"schema": {"type": "object"}}, HTML: TEXT},
    }
}
DUMP_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The dump file",
        "content": content(
            "application/gzip",
            "application/n-quads",
            "application/trig",
            "text/turtle",
            "application/ld+json",
            "application/n-triples",
            "application/octet-stream",
        ),
    },
    304: {"description": "Not modified since the ETag sent in If-None-Match"},
    404: {"description": "No dump of that name", "content": content(PLAIN)},
}
VOID: dict[int | str, dict[str, Any]] = {
    303: {"description": "See the dataset's own IRI, which negotiates like every resource"},
    200: {"description": "(after the redirect) the dataset's description", "content": content(*NEGOTIATED)},
    404: {"description": "No published dataset description yet", "content": content(PLAIN)},
}
