"""Dereferenceable resource IRIs: ``/id/<segment>/<slug>`` (and ``.ttl``, ``.jsonld``, ``.nt``,
``.rdf``, ``.html``) negotiated between the HTML page and the RDF formats."""

from __future__ import annotations

import hashlib
from importlib.metadata import version as _dist_version
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pactgraph.ontology.namespace import PG
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node
from starlette.concurrency import run_in_threadpool

from . import openapi_docs as docs
from .deps import link_header, not_acceptable, page_language, render, web_settings
from .describe import describe, is_known
from .documents import document_segments, parse_highlight
from .engine import get_engine, select, store_version
from .iris import iri_for_path, local_href
from .lookup import entry_json, get_index
from .negotiation import ALL_FORMATS, HTML, NotAcceptable, choose, split_extension
from .rdf_output import embedded_jsonld, serialize
from .views import evidence_views, facts_with_evidence, resource_view

router = APIRouter()

__version__ = _dist_version("pactgraph")  # templates change with the code: part of the ETag

# HTML depends on the language too (Accept-Language when there is no ?lang=).
VARY = "Accept, Accept-Language"
# A page shows at most this many facts with their sentences (the RDF representations have them all).
MAX_FACTS = 100


def representation_etag(version: str, fmt_key: str, request: Request) -> str:
    """Changes with the store version, the representation and the page's language and parameters."""
    key = f"{__version__} {version} {fmt_key} {page_language(request)} {request.url.path}?{request.url.query}"
    return '"' + hashlib.sha1(key.encode()).hexdigest()[:20] + '"'


def alternates(path: str, request: Request) -> list[tuple[Any, str]]:
    """Each representation of the resource at ``/id/<path>`` and its URL on this server."""
    href = local_href(iri_for_path(path), web_settings(request))
    return [(fmt, f"{href}.{fmt.extension}") for fmt in ALL_FORMATS]


async def evidence_marks(
    engine: Any, graph: Graph, evidences: list[Node]
) -> dict[str, list[tuple[int, int]]]:
    """Document offsets of the mentions of each fact's subject and object inside its sentence.

    One query for the mentions of the (resource, document) pairs involved; the spans are matched
    to the sentences here (a join in SPARQL over every mention of a hub was far slower).
    """
    spans: dict[str, tuple[int, int, str, list[str]]] = {}
    for ev in evidences:
        doc, start, end = (
            graph.value(ev, PG.document),
            graph.value(ev, PG.charStart),
            graph.value(ev, PG.charEnd),
        )
        ends = [
            x for x in (graph.value(ev, RDF.subject), graph.value(ev, RDF.object)) if isinstance(x, URIRef)
        ]
        if isinstance(doc, URIRef) and isinstance(start, Literal) and isinstance(end, Literal) and ends:
            spans[str(ev)] = (int(start), int(end), str(doc), [str(x) for x in ends])
    pairs = sorted({(x, doc) for _, _, doc, xs in spans.values() for x in xs})
    if not pairs:
        return {}
    values = " ".join(f"(<{x}> <{d}>)" for x, d in pairs)
    rows = await select(
        engine,
        f"""SELECT ?x ?d ?ms ?me WHERE {{
  VALUES (?x ?d) {{ {values} }}
  ?m <{PG.mentionOf}> ?x ; <{PG.document}> ?d ; <{PG.charStart}> ?ms ; <{PG.charEnd}> ?me .
}}""",
    )
    by_pair: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in rows:
        by_pair.setdefault((str(row["x"]), str(row["d"])), []).append((int(row["ms"]), int(row["me"])))
    marks: dict[str, list[tuple[int, int]]] = {}
    for ev, (start, end, doc, xs) in spans.items():
        found = [(a, b) for x in xs for a, b in by_pair.get((x, doc), []) if start <= a and b <= end]
        if found:
            marks[ev] = found
    return marks


async def not_found(request: Request, engine: Any, path: str, fmt: Any) -> Response:
    """404 naming what was asked for, with resources whose labels look similar."""
    settings = web_settings(request)
    index = await get_index(request.app.state, engine)
    similar = [
        entry_json(e, page_language(request), settings) for e in index.similar(path.rsplit("/", 1)[-1])
    ]
    if fmt is not HTML:
        hint = "; ".join(f"{s['label']} <{s['iri']}>" for s in similar) or "none"
        return PlainTextResponse(
            f"No resource <{iri_for_path(path)}> in this graph. Similar labels: {hint}. "
            f"Search with /search?q=...",
            status_code=404,
        )
    return render(request, "not_found.html", {"iri": iri_for_path(path), "similar": similar}, status_code=404)


@router.api_route(
    "/id/{path:path}",
    methods=["GET", "HEAD"],
    summary="Dereference a resource IRI (HTML, Turtle, JSON-LD, N-Triples, RDF/XML)",
    response_class=HTMLResponse,
    responses=docs.RESOURCE,
)
async def resource(path: str, request: Request) -> Response:
    stem, by_extension = split_extension(path)
    try:
        fmt = by_extension or choose(request.headers.get("accept"))
    except NotAcceptable as error:
        return not_acceptable(error)
    engine = get_engine(request)
    etag = representation_etag(await store_version(engine), fmt.key, request)
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag, "Vary": VARY})
    iri = iri_for_path(stem)
    if not stem or "/" not in stem:
        return await not_found(request, engine, stem, fmt)
    try:
        graph = await describe(engine, iri)
    except ValueError:
        return await not_found(request, engine, stem, fmt)
    if not is_known(graph, iri):
        return await not_found(request, engine, stem, fmt)
    links = alternates(stem, request)
    headers = {"Vary": VARY, "Link": link_header(links), "ETag": etag}
    if fmt is not HTML:
        body = await run_in_threadpool(serialize, graph, fmt)
        location = next(href for f, href in links if f is fmt)
        return Response(body, media_type=fmt.media_type, headers={**headers, "Content-Location": location})
    return await resource_page(request, engine, graph, iri, links, headers)


async def resource_page(
    request: Request, engine: Any, graph: Graph, iri: str, links: list, headers: dict[str, str]
) -> Response:
    settings = web_settings(request)
    lang = page_language(request)
    facts, total = facts_with_evidence(graph, URIRef(iri), lang, MAX_FACTS)
    marks = await evidence_marks(engine, graph, [ev for _, evs in facts for ev in evs])
    view = resource_view(
        graph, iri, lang, settings, evidence_views(graph, facts, lang, settings, marks), total
    )
    jsonld = await run_in_threadpool(embedded_jsonld, graph, URIRef(iri))
    context: dict[str, Any] = {"r": view, "alternates": links, "jsonld": jsonld, "lang": lang}
    if (URIRef(iri), RDF.type, PG.Document) in graph:
        text = graph.value(URIRef(iri), URIRef("https://schema.org/text"))
        highlight = parse_highlight(request.query_params.get("hl"))
        if isinstance(text, Literal):
            context["segments"] = await document_segments(engine, iri, str(text), highlight, settings, lang)
        return render(request, "document.html", context, **headers)
    return render(request, "resource.html", context, **headers)
