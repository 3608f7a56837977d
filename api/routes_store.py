"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol.

Indirect identification: ``/store?graph=IRI`` or ``/store?default``. Direct identification:
``/store/<path>`` names the graph whose IRI is that request URL. GET and HEAD are public; PUT
(replace), POST (merge; multipart/form-data parts are merged too; a POST to ``/store`` with no
graph creates a new graph and answers 201 with its Location) and DELETE need the update token.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from pactgraph.api import negotiation
from pactgraph.api.engine import request_hash
from pactgraph.api.errors import BadRequest, MethodNotAllowed, NotFound, PayloadTooLarge, error_response
from pactgraph.api.protocol import _refuse_url_token, media_type_of, read_body
from pactgraph.api.security import require_write_access
from starlette.requests import Request
from starlette.responses import Response

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_ALLOW = "GET, HEAD, PUT, POST, DELETE, OPTIONS"
_NEW_GRAPH = object()  # a POST to the store itself: create a graph


async def store_endpoint(request: Request) -> Response:
    """Answer one Graph Store request; errors go through api/errors.py."""
    try:
        return await _answer(request)
    except Exception as exc:
        return error_response(exc, head=request.method == "HEAD")


def _store_url(request: Request) -> str:
    return str(request.url.replace(query="", fragment="")).rstrip("?")


def _target(request: Request) -> str | None | object:
    """The graph IRI the request names; ``None`` for the default graph; ``_NEW_GRAPH`` for a bare POST."""
    pairs = parse_qsl(request.url.query, keep_blank_values=True)
    graphs = [v for k, v in pairs if k == "graph"]
    default = any(k == "default" for k, _ in pairs)
    direct = request.path_params.get("path")
    if direct:
        if graphs or default:
            raise BadRequest("Use either the URL path (direct) or ?graph=/?default (indirect), not both")
        return _store_url(request)
    if len(graphs) > 1 or (graphs and default):
        raise BadRequest("Name exactly one graph: ?graph=IRI or ?default")
    if default:
        return None
    if graphs:
        iri = graphs[0]
        if not _ABSOLUTE_IRI.match(iri):
            raise BadRequest(
                f"graph={iri!r} is a relative IRI; the Graph Store needs an absolute IRI such as http://…"
            )
        return iri
    if request.method == "POST":
        return _NEW_GRAPH
    raise BadRequest(
        "Name a graph: /store?graph=IRI, /store?default, or /store/<path> for a graph named by its URL"
    )


async def _answer(request: Request) -> Response:
    method = request.method
    settings = request.app.state.settings
    engine = request.app.state.engine
    _refuse_url_token(list(request.query_params.multi_items()))  # as /sparql: URLs end up in logs
    target = _target(request)
    if method in ("GET", "HEAD"):
        graph = None if target is None else str(target)
        media = negotiation.choose("graph", request.headers.get("accept"))
        request.scope.setdefault("state", {})["format"] = media
        version = engine.version
        if version is not None:
            etag = f'"{version}-{request_hash(graph, media)}"'
            match = request.headers.get("if-none-match", "")
            if etag in (tag.strip().removeprefix("W/") for tag in match.split(",")):
                return Response(status_code=304, headers={"ETag": etag, "Vary": "Accept"})
        answer = await engine.graph_get(graph, media)
        headers = {"Vary": "Accept", "Cache-Control": settings.cache_control}
        if engine.version is not None:
            headers["ETag"] = f'"{answer.version}-{request_hash(graph, answer.media_type)}"'
        content_type = negotiation.content_type(answer.media_type)
        if method == "HEAD":
            headers["Content-Length"] = str(len(answer.body))
            return Response(b"", headers=headers, media_type=content_type)
        return Response(answer.body, headers=headers, media_type=content_type)
    if method not in ("PUT", "POST", "DELETE"):
        raise MethodNotAllowed(f"{method} is not a Graph Store operation", _ALLOW)
    require_write_access(request, settings, f"Graph Store {method}")
    location = None
    if target is _NEW_GRAPH:
        from uuid import uuid4

        location = f"{_store_url(request).rstrip('/')}/{uuid4().hex}"
        graph: str | None = location
    else:
        graph = None if target is None else str(target)
    parts: list[tuple[bytes, str]] = []
    if method in ("PUT", "POST"):
        parts = await _payload(request, settings.max_body_bytes)
    try:
        _, created = await engine.graph_write(method, graph, parts, base_iri=graph or _store_url(request))
    except NotFound:
        raise NotFound(f"No graph <{graph}> in the store; nothing was deleted") from None
    headers = {"Cache-Control": "no-store"}
    if location is not None:
        headers["Location"] = location
        return Response(status_code=201, headers=headers)
    return Response(status_code=201 if created else 204, headers=headers)


async def _payload(request: Request, limit: int) -> list[tuple[bytes, str]]:
    media, _ = media_type_of(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(
            f"The request body has {declared} bytes, over the limit of {limit} (PACTGRAPH_MAX_BODY_BYTES)"
        )
    if media == "multipart/form-data":
        form = await request.form(max_files=100, max_fields=100)
        parts = []
        try:
            for _, value in form.multi_items():
                if isinstance(value, str):
                    raise BadRequest("A multipart Graph Store POST must carry files with their Content-Type")
                data = await value.read()
                parts.append((data, (value.content_type or "").split(";")[0].strip().lower()))
        finally:
            await form.close()
        if not parts:
            raise BadRequest("The multipart body has no parts; send one RDF file per part")
        return parts
    return [(await read_body(request, limit), media)]
