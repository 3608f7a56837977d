"""Search: the HTML results page (``/search``) and the JSON lookup (``/api/lookup``) used for
autocompletion by the query editor and the graph explorer."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pactgraph.ontology.namespace import PG

from . import openapi_docs as docs
from .deps import page_language, render, web_settings
from .engine import get_engine
from .lookup import entry_json, get_index

router = APIRouter()

MAX_LIMIT = 100


def _types(values: list[str]) -> set[str] | None:
    """``type=`` values as full IRIs (``State`` and ``pg:State`` mean the pg: class)."""
    result = set()
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            local = part.removeprefix("pg:")
            result.add(part if "://" in part else str(PG._NS) + local)
    return result or None


@router.get("/api/lookup", summary="Look up resources by label (ignores diacritics and case)")
async def lookup(
    request: Request,
    q: str = Query("", description="what the user typed"),
    lang: str | None = Query(None, description="language of the returned labels (vi or en)"),
    type: list[str] = Query([], description="restrict to classes (pg:State, Company, or full IRIs)"),
    scope: Literal["all", "entities", "vocabulary"] = Query(
        "all", description="entities (resources), vocabulary (ontology terms) or all"
    ),
    limit: int = Query(10, ge=1, le=MAX_LIMIT),
) -> Response:
    settings = web_settings(request)
    language = lang or page_language(request)
    index = await get_index(request.app.state, get_engine(request))
    hits = index.search(q, types=_types(type), scope=scope, limit=limit)
    results = [
        entry_json(entry, language, settings, matched) | {"score": score} for score, entry, matched in hits
    ]
    return JSONResponse({"query": q, "results": results}, headers={"Cache-Control": "no-cache"})


@router.get("/search", summary="Search page", response_class=HTMLResponse, responses=docs.HTML_PAGE)
async def search_page(request: Request, q: str = "", type: list[str] = Query([])) -> Response:
    settings = web_settings(request)
    lang = page_language(request)
    results = []
    if q.strip():
        index = await get_index(request.app.state, get_engine(request))
        hits = index.search(q, types=_types(type), scope="entities", limit=50)
        results = [entry_json(e, lang, settings, m) for _, e, m in hits]
    return render(request, "search.html", {"q": q, "results": results})
