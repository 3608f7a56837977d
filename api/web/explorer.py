"""The graph explorer page and the JSON it is built on: ``/graph/neighbourhood`` (Cytoscape.js
elements) and ``/graph/export/<format>`` (the whole graph or a CONSTRUCT result)."""

from __future__ import annotations

import re

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pactgraph.core.errors import QueryRefused, QuerySyntaxError
from starlette.concurrency import run_in_threadpool

from . import openapi_docs as docs
from .deps import page_language, render, web_settings
from .engine import construct, get_engine
from .entity_graph import simple_graph, whole_graph_query
from .exports import WRITERS
from .neighbourhood import MAX_DEPTH, MAX_LIMIT, is_iri, neighbourhood

router = APIRouter()

_GRAPH_FORM = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n|#[^\n]*\n|\s)*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE
)


@router.get(
    "/graph/neighbourhood",
    summary="An entity and its neighbours as Cytoscape.js elements",
    responses=docs.NEIGHBOURHOOD,
)
async def graph_neighbourhood(
    request: Request,
    iri: str = Query(..., description="the entity's IRI (https://w3id.org/pactgraph/id/...)"),
    depth: int = Query(1, ge=1, le=MAX_DEPTH, description="steps from the entity"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="most nodes returned (the entity included)"),
    lang: str | None = Query(None, description="label language: vi or en"),
) -> Response:
    if not is_iri(iri):
        return JSONResponse(
            {
                "error": f"iri={iri!r} is not an absolute IRI; pass e.g. https://w3id.org/pactgraph/id/org/rosatom"
            },
            status_code=400,
        )
    language = lang if lang in ("vi", "en") else page_language(request)
    result = await neighbourhood(get_engine(request), iri, depth, limit, language, web_settings(request))
    if result is None:
        return JSONResponse(
            {"error": f"<{iri}> is not an entity of this graph; find IRIs with /api/lookup?q=..."},
            status_code=404,
        )
    return JSONResponse(result)


async def _export(request: Request, fmt: str, query: str | None, lang: str | None) -> Response:
    if fmt not in WRITERS:
        return PlainTextResponse(
            f"Unknown export format {fmt!r}; use one of: {', '.join(WRITERS)}.", status_code=404
        )
    if query is not None and not _GRAPH_FORM.match(query):
        return PlainTextResponse(
            "The export query must be a CONSTRUCT or DESCRIBE query (it gives the triples to draw); "
            "leave `query` out to export the whole graph.",
            status_code=400,
        )
    language = lang if lang in ("vi", "en") else page_language(request)
    try:
        graph = await construct(get_engine(request), query or whole_graph_query())
    except (QuerySyntaxError, QueryRefused) as error:
        return PlainTextResponse(f"The export query was refused: {error}", status_code=400)
    writer, media_type, extension = WRITERS[fmt]
    simple = await run_in_threadpool(simple_graph, graph, language)
    body = await run_in_threadpool(writer, simple)
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'inline; filename="pactgraph.{extension}"'},
    )


@router.get(
    "/graph/export/{fmt}",
    summary="The graph (or a CONSTRUCT result) as GraphML, GEXF, graphology or vis-network",
    responses=docs.EXPORT,
)
async def graph_export(
    request: Request,
    fmt: str,
    query: str | None = Query(None, description="a CONSTRUCT query; the whole entity graph when absent"),
    lang: str | None = Query(None),
) -> Response:
    return await _export(request, fmt, query, lang)


@router.post("/graph/export/{fmt}", include_in_schema=False)
async def graph_export_post(
    request: Request, fmt: str, query: str = Form(...), lang: str | None = Form(None)
) -> Response:
    return await _export(request, fmt, query, lang)


@router.get(
    "/explorer",
    summary="Graph explorer (Cytoscape.js)",
    response_class=HTMLResponse,
    responses=docs.HTML_PAGE,
)
async def explorer_page(request: Request, iri: str = "") -> Response:
    return render(request, "explorer.html", {"start_iri": iri if is_iri(iri) else ""})
