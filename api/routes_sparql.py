"""``/sparql``: the SPARQL 1.1 Protocol (queries, updates) and the service description.

A plain Starlette endpoint (no FastAPI dependency resolution on the hot path); its OpenAPI
description is written by hand in api/openapi.py.
"""

from __future__ import annotations

import asyncio

from pactgraph.api import negotiation, service_description
from pactgraph.api.engine import Dataset, request_hash
from pactgraph.api.errors import error_response
from pactgraph.api.policy import prepare_update
from pactgraph.api.protocol import Operation, parse_request
from pactgraph.api.security import require_write_access
from starlette.requests import Request
from starlette.responses import Response


async def sparql_endpoint(request: Request) -> Response:
    """Answer one SPARQL Protocol request; every error goes through api/errors.py."""
    try:
        return await _answer(request)
    except Exception as exc:
        return error_response(exc, head=request.method == "HEAD")


async def _answer(request: Request) -> Response:
    app = request.app
    settings = app.state.settings
    op = await parse_request(request, settings.max_body_bytes)
    if op.kind == "query":
        return await _query(request, op)
    if op.kind == "update":
        return await _update(request, op)
    return await _service_description(request, op)


def _etag_matches(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    return header.strip() == "*" or etag in (tag.strip().removeprefix("W/") for tag in header.split(","))


async def _query(request: Request, op: Operation) -> Response:
    settings = request.app.state.settings
    engine = request.app.state.engine
    prepared = engine.prepare(op.text)
    media = negotiation.choose(prepared.kind, request.headers.get("accept"), op.format)
    dataset = Dataset(
        None if op.default_graphs is None else tuple(op.default_graphs),
        None if op.named_graphs is None else tuple(op.named_graphs),
    )
    query_hash = request_hash(op.text, dataset, media)
    state = request.scope.setdefault("state", {})
    state["query_hash"] = query_hash
    state["format"] = media
    cacheable = request.method in ("GET", "HEAD")
    headers = {"Vary": "Accept"}
    if cacheable:
        version = engine.version
        if version is not None:
            etag = f'"{version}-{query_hash}"'
            if _etag_matches(request, etag):
                return Response(
                    status_code=304,
                    headers={**headers, "ETag": etag, "Cache-Control": settings.cache_control},
                )
    answer = await engine.execute(prepared, media, dataset)
    headers["X-Pactgraph-Store-Version"] = answer.version
    if cacheable and engine.version is not None:
        headers["ETag"] = f'"{answer.version}-{query_hash}"'
        headers["Cache-Control"] = settings.cache_control
    else:
        headers["Cache-Control"] = "no-store"
    if answer.truncated is not None:
        headers["X-Pactgraph-Truncated"] = f"rows={answer.truncated}"
        headers["Link"] = f'<{settings.base_url}/docs#paging>; rel="help"'
    if answer.cached:
        headers["X-Pactgraph-Cache"] = "hit"
    body = b"" if request.method == "HEAD" else answer.body
    response = Response(body, headers=headers, media_type=negotiation.content_type(answer.media_type))
    if request.method == "HEAD":
        response.headers["Content-Length"] = str(len(answer.body))
    return response


async def _update(request: Request, op: Operation) -> Response:
    settings = request.app.state.settings
    require_write_access(request, settings, "SPARQL Update")
    text = prepare_update(op.text, settings, op.using, op.using_named)
    state = request.scope.setdefault("state", {})
    state["query_hash"] = request_hash(text)
    version = await request.app.state.engine.update(text)
    return Response(
        f"Update applied; the store is now at version {version}.\n",
        headers={"X-Pactgraph-Store-Version": version, "Cache-Control": "no-store"},
        media_type="text/plain; charset=utf-8",
    )


async def _service_description(request: Request, op: Operation) -> Response:
    settings = request.app.state.settings
    accept = request.headers.get("accept")
    if op.format is None and _prefers_html(accept):
        # A browser opening the endpoint: the query editor is the useful answer.
        return Response(status_code=303, headers={"Location": "/editor", "Vary": "Accept"})
    media = negotiation.choose("graph", accept, op.format)
    endpoint = str(request.url.replace(query="", fragment="")).rstrip("?")
    # Rendering parses and serialises with pyoxigraph: off the event loop (cached after the first time).
    body = await asyncio.to_thread(service_description.render, endpoint, bool(settings.update_token), media)
    headers = {"Vary": "Accept", "Cache-Control": settings.cache_control}
    if request.method == "HEAD":
        return Response(
            b"",
            headers={**headers, "Content-Length": str(len(body))},
            media_type=negotiation.content_type(media),
        )
    return Response(body, headers=headers, media_type=negotiation.content_type(media))


def _prefers_html(accept: str | None) -> bool:
    """True when the client's first choice is an HTML page (a browser), not RDF."""
    if not accept:
        return False
    entries = negotiation.parse_accept(accept)
    return bool(entries) and entries[0][0] in ("text/html", "application/xhtml+xml") and entries[0][1] > 0
