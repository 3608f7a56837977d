"""``/ontology``: the ontology files (pactgraph.ttl and areas.ttl of the ontology package),
negotiated as an HTML documentation page or as Turtle, JSON-LD, N-Triples, RDF/XML."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pactgraph.ontology.docs import packaged_diagram_svg
from pactgraph.ontology.namespace import ONTOLOGY_IRI, PG
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from starlette.concurrency import run_in_threadpool

from . import openapi_docs as docs
from .deps import link_header, not_acceptable, page_language, render, web_settings
from .iris import local_href, page_href
from .negotiation import ALL_FORMATS, HTML, NotAcceptable, choose
from .rdf_output import jsonld_context, serialize
from .text import curie, local_name, pick_label

router = APIRouter()

ONTOLOGY_FILES = ("pactgraph.ttl", "areas.ttl")
EXTENSIONS = {f.extension: f for f in ALL_FORMATS}


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology as shipped in the package (parsed once; the files do not change at run time)."""
    graph = Graph()
    package = resources.files("pactgraph.ontology")
    found = False
    for name in ONTOLOGY_FILES:
        file = package.joinpath(name)
        if file.is_file():
            graph.parse(data=file.read_text("utf-8"), format="turtle", publicID=ONTOLOGY_IRI)
            found = True
    if not found:
        raise FileNotFoundError(
            f"none of {', '.join(ONTOLOGY_FILES)} is in the pactgraph.ontology package; reinstall pactgraph"
        )
    return graph


def _labels(graph: Graph, node: URIRef) -> list[Literal]:
    return [o for p in (RDFS.label, SKOS.prefLabel) for o in graph.objects(node, p) if isinstance(o, Literal)]


def _term_view(graph: Graph, node: URIRef, lang: str, request: Request) -> dict[str, Any]:
    settings = web_settings(request)

    def refs(prop: URIRef) -> list[dict[str, str]]:
        return [
            {
                "iri": str(o),
                "href": local_href(str(o), settings),
                "label": pick_label(_labels(graph, o), lang, curie(o)),
            }
            for o in sorted(graph.objects(node, prop))
            if isinstance(o, URIRef)
        ]

    comments = [o for o in graph.objects(node, RDFS.comment) if isinstance(o, Literal)]
    comments += [o for o in graph.objects(node, SKOS.definition) if isinstance(o, Literal)]
    return {
        "iri": str(node),
        "name": local_name(node),
        "label": pick_label(_labels(graph, node), lang, local_name(node)),
        "labels": {lit.language or "": str(lit) for lit in _labels(graph, node)},
        "comment": pick_label(comments, lang, ""),
        "super": refs(RDFS.subClassOf) + refs(RDFS.subPropertyOf),
        "domain": refs(RDFS.domain),
        "range": refs(RDFS.range),
        "instances_href": page_href(f"/class/{local_name(node)}", settings),
    }


def ontology_view(graph: Graph, lang: str, request: Request) -> dict[str, Any]:
    ns = str(PG._NS)
    classes = sorted({s for s in graph.subjects(RDF.type, OWL.Class) if str(s).startswith(ns)})
    props = sorted(
        {
            s
            for t in (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, OWL.AnnotationProperty)
            for s in graph.subjects(RDF.type, t)
            if str(s).startswith(ns)
        }
    )
    onto = URIRef(ONTOLOGY_IRI)
    return {
        "iri": ONTOLOGY_IRI,
        "title": pick_label(
            list(graph.objects(onto, URIRef("http://purl.org/dc/terms/title"))) + _labels(graph, onto),
            lang,
            "pactgraph ontology",
        ),
        "comment": pick_label(
            [o for o in graph.objects(onto, RDFS.comment) if isinstance(o, Literal)], lang, ""
        ),
        "classes": [_term_view(graph, c, lang, request) for c in classes],
        "properties": [_term_view(graph, p, lang, request) for p in props],
        "concepts": len(set(graph.subjects(RDF.type, SKOS.Concept))),
        # The class diagram generated from the packaged ontology (pactgraph.ontology.docs, cached).
        "diagram": packaged_diagram_svg(),
    }


async def _ontology(request: Request, ext: str | None) -> Response:
    if ext is not None and ext not in EXTENSIONS:
        return PlainTextResponse(
            f"Unknown extension .{ext}; use one of {', '.join('.' + e for e in EXTENSIONS)}", status_code=404
        )
    try:
        fmt = EXTENSIONS[ext] if ext else choose(request.headers.get("accept"))
    except NotAcceptable as error:
        return not_acceptable(error)
    try:
        graph = await run_in_threadpool(ontology_graph)
    except FileNotFoundError as error:
        return PlainTextResponse(f"The ontology is not available: {error}.", status_code=503)
    root = local_href(ONTOLOGY_IRI, web_settings(request))
    links = [(f, f"{root}.{f.extension}") for f in ALL_FORMATS]
    headers = {"Vary": "Accept", "Link": link_header(links)}
    if fmt is not HTML:
        body = await run_in_threadpool(serialize, graph, fmt)
        return Response(body, media_type=fmt.media_type, headers=headers)
    view = ontology_view(graph, page_language(request), request)
    return render(request, "ontology.html", {"o": view, "alternates": links}, **headers)


@router.api_route(
    "/ontology",
    methods=["GET", "HEAD"],
    summary="The ontology (HTML documentation, Turtle, JSON-LD, N-Triples, RDF/XML)",
    response_class=HTMLResponse,
    responses=docs.ONTOLOGY,
)
async def ontology(request: Request) -> Response:
    return await _ontology(request, None)


@router.api_route(
    "/ontology/context.jsonld",
    methods=["GET", "HEAD"],
    summary="The JSON-LD @context used by this server's JSON-LD",
    responses=docs.JSONLD_CONTEXT,
)
async def context() -> Response:
    return JSONResponse({"@context": jsonld_context()}, media_type="application/ld+json")


@router.api_route("/ontology.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
async def ontology_ext(ext: str, request: Request) -> Response:
    return await _ontology(request, ext)
