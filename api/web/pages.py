"""Browsing pages: the home page (classes with counts, examples, links), class pages listing
instances (paged) and the timeline of dated events and agreements."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pactgraph.ontology.namespace import PG
from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from . import openapi_docs as docs
from .dates import readable_date, sort_key
from .deps import page_language, render, web_settings
from .engine import get_engine, select
from .examples import example_queries
from .iris import local_href, page_href
from .text import local_name, pick_label

router = APIRouter()

PAGE_SIZE = 50
PROVENANCE_CLASSES = {"Document", "Evidence", "Mention"}
DATED = {PG.date: "date", PG.signedOn: "signed", PG.inForceFrom: "in force"}


async def labels_for(engine: Any, iris: list[str]) -> dict[str, list[Literal]]:
    """rdfs:label / skos:prefLabel of each IRI, in one query."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    rows = await select(
        engine, f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{RDFS.label}>|<{SKOS.prefLabel}> ?l }}"
    )
    labels: dict[str, list[Literal]] = {}
    for row in rows:
        if isinstance(row["l"], Literal):
            labels.setdefault(str(row["s"]), []).append(row["l"])
    return labels


async def class_counts(engine: Any) -> list[dict[str, Any]]:
    rows = await select(
        engine,
        f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s <{RDF.type}> ?c FILTER(STRSTARTS(STR(?c), "{PG._NS}"))
}} GROUP BY ?c ORDER BY DESC(?n)""",
    )
    classes = [{"iri": str(r["c"]), "name": local_name(r["c"]), "count": int(r["n"])} for r in rows]
    # The things the graph is about first; its provenance (documents, evidence, mentions) last.
    return sorted(classes, key=lambda c: (c["name"] in PROVENANCE_CLASSES, -c["count"], c["name"]))


@router.get("/", summary="Home page", response_class=HTMLResponse, responses=docs.HTML_PAGE)
async def home(request: Request) -> Response:
    engine = get_engine(request)
    classes = await class_counts(engine)
    labels = await labels_for(engine, [c["iri"] for c in classes])
    lang = page_language(request)
    for c in classes:
        c["label"] = pick_label(labels.get(c["iri"], []), lang, fallback=c["name"])
        c["href"] = page_href(f"/class/{c['name']}", web_settings(request))
    return render(request, "home.html", {"classes": classes, "examples": example_queries()})


@router.get(
    "/class/{name}",
    summary="Instances of a class, paged",
    response_class=HTMLResponse,
    responses=docs.CLASS_PAGE,
)
async def class_page(request: Request, name: str, page: int = Query(1, ge=1)) -> Response:
    engine = get_engine(request)
    settings = web_settings(request)
    lang = page_language(request)
    if not name.isidentifier():
        return render(request, "not_found.html", {"iri": f"{PG._NS}{name}", "similar": []}, status_code=404)
    cls = f"{PG._NS}{name}"
    total_rows = await select(engine, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}")
    total = int(total_rows[0]["n"]) if total_rows else 0
    known = await select(engine, f"SELECT ?p WHERE {{ <{cls}> ?p ?o }} LIMIT 1")
    if total == 0 and not known:
        similar = [
            {"href": page_href(f"/class/{c['name']}", settings), "label": c["name"], "class": ""}
            for c in await class_counts(engine)
        ]
        return render(request, "not_found.html", {"iri": cls, "similar": similar}, status_code=404)
    rows = await select(
        engine,
        f"SELECT DISTINCT ?s WHERE {{ ?s a <{cls}> }} ORDER BY ?s "
        f"LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}",
    )
    iris = [str(r["s"]) for r in rows if isinstance(r["s"], URIRef)]
    labels = await labels_for(engine, iris)
    items = [
        {
            "iri": i,
            "href": local_href(i, settings),
            "label": pick_label(labels.get(i, []), lang, local_name(i)),
        }
        for i in iris
    ]
    items.sort(key=lambda x: x["label"].lower())
    class_labels = await labels_for(engine, [cls])
    pages = max(1, -(-total // PAGE_SIZE))
    nav = {
        "prev": page_href(f"/class/{name}", settings, page=str(page - 1), lang=lang) if page > 1 else "",
        "next": page_href(f"/class/{name}", settings, page=str(page + 1), lang=lang) if page < pages else "",
    }
    return render(
        request,
        "class.html",
        {
            "cls": {"iri": cls, "name": name, "label": pick_label(class_labels.get(cls, []), lang, name)},
            "items": items,
            "total": total,
            "page": page,
            "pages": pages,
            "nav": nav,
            "ontology_href": local_href(cls, settings),
        },
    )


async def timeline_items(engine: Any, lang: str, request: Request) -> list[dict[str, Any]]:
    settings = web_settings(request)
    props = " ".join(f"<{p}>" for p in DATED)
    rows = await select(
        engine,
        f"""SELECT ?s ?p ?d ?type WHERE {{
  VALUES ?p {{ {props} }} ?s ?p ?d .
  OPTIONAL {{ ?s a ?type FILTER(?type IN (<{PG.Event}>, <{PG.Agreement}>, <{PG.Mechanism}>)) }}
}}""",
    )
    labels = await labels_for(engine, sorted({str(r["s"]) for r in rows}))
    items: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        date = row["d"]
        if not isinstance(date, Literal):
            continue
        key = (str(row["s"]), str(row["p"]), str(date))
        item = items.setdefault(
            key,
            {
                "iri": key[0],
                "href": local_href(key[0], settings),
                "label": pick_label(labels.get(key[0], []), lang, local_name(key[0])),
                "what": DATED[row["p"]],
                "date": str(date),
                "readable": readable_date(date, lang) or str(date),
                "sort": sort_key(date),
                "class": "",
            },
        )
        if "type" in row:
            item["class"] = local_name(row["type"])
    return sorted(items.values(), key=lambda i: (i["sort"], i["label"]))


@router.get(
    "/timeline",
    summary="Events and agreements by date",
    response_class=HTMLResponse,
    responses=docs.HTML_PAGE,
)
async def timeline(request: Request) -> Response:
    items = await timeline_items(get_engine(request), page_language(request), request)
    return render(request, "timeline.html", {"items": items})
