"""The hot path: ``GET /sparql?query=…`` answered in raw ASGI, without request/response objects.

Most traffic is repeated GET queries (editors, dashboards, benchmarks), and on sub-millisecond
queries the per-request Python work is what separates this server from Oxigraph's own. This path
does the same thing as :mod:`pactgraph.api.routes_sparql` for a plain read (same policy, negotiation,
ETag, cache, headers) with fewer allocations: the parsed query string is kept in a small LRU keyed
by its raw bytes, headers are read in one pass, and the response is two ASGI messages.
Anything else (updates, POST, HEAD, errors, odd parameters) returns ``False`` and is handled by the
full endpoint, which maps errors through api/errors.py.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qsl

from pactgraph.api import negotiation
from pactgraph.api.engine import Dataset, request_hash
from pactgraph.api.errors import error_response
from pactgraph.api.protocol import is_absolute_iri

_SIMPLE_PARAMS = frozenset({"query", "default-graph-uri", "named-graph-uri", "format", "output"})
_parsed: OrderedDict[bytes, tuple[str, Dataset, str | None] | None] = OrderedDict()
_PARSED_MAX = 4096


def _parse(raw: bytes) -> tuple[str, Dataset, str | None] | None:
    """(query, dataset, format) of a plain GET query string, or ``None`` if the full path must look."""
    hit = _parsed.get(raw, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    result: tuple[str, Dataset, str | None] | None = None
    try:
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True, errors="strict", encoding="utf-8")
    except (UnicodeDecodeError, ValueError):
        pairs = []
    names = [k for k, _ in pairs]
    if pairs and set(names) <= _SIMPLE_PARAMS and names.count("query") == 1 and names.count("format") <= 1:
        values: dict[str, list[str]] = {}
        for key, value in pairs:
            values.setdefault(key, []).append(value)
        defaults, named = values.get("default-graph-uri"), values.get("named-graph-uri")
        if all(is_absolute_iri(g) for g in (defaults or []) + (named or [])):  # else the full path refuses
            given = defaults is not None or named is not None
            dataset = Dataset(tuple(defaults or ()) if given else None, tuple(named or ()) if given else None)
            fmt = (values.get("format") or values.get("output") or [None])[0]
            result = (values["query"][0], dataset, fmt)
    _parsed[raw] = result
    if len(_parsed) > _PARSED_MAX:
        _parsed.popitem(last=False)
    return result


async def try_fast_get(scope: dict[str, Any], receive: Any, send: Any) -> bool:
    """Answer a plain ``GET /sparql?query=`` and return True, or return False without sending anything."""
    parsed = _parse(scope.get("query_string", b""))
    if parsed is None:
        return False
    text, dataset, fmt = parsed
    app = scope["app"]
    engine = app.state.engine
    settings = app.state.settings
    accept = None
    if_none_match = None
    for key, value in scope["headers"]:
        if key == b"accept":
            accept = value.decode("latin-1")
        elif key == b"if-none-match":
            if_none_match = value.decode("latin-1")
    try:
        prepared = engine.prepare(text)
        media = negotiation.choose(prepared.kind, accept, fmt)
        version = engine.version
    except Exception:  # refused, not acceptable, no store: the full path answers with the right error
        return False
    if version is None:
        return False
    query_hash = request_hash(text, dataset, media)
    state = scope.setdefault("state", {})
    state["query_hash"] = query_hash
    state["format"] = media
    etag = f'"{version}-{query_hash}"'
    if if_none_match and (
        if_none_match.strip() == "*"
        or etag in (t.strip().removeprefix("W/") for t in if_none_match.split(","))
    ):
        headers = [
            (b"vary", b"Accept"),
            (b"etag", etag.encode()),
            (b"cache-control", settings.cache_control.encode()),
        ]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return True
    try:
        answer = await engine.execute(prepared, media, dataset, version)
    except Exception as exc:  # a timeout, a syntax error, a crash: mapped in the one place
        await error_response(exc)(scope, receive, send)
        return True
    headers = [
        (b"content-type", negotiation.content_type(answer.media_type).encode()),
        (b"content-length", str(len(answer.body)).encode()),
        (b"vary", b"Accept"),
        (b"x-pactgraph-store-version", answer.version.encode()),
        (b"etag", f'"{answer.version}-{query_hash}"'.encode()),
        (b"cache-control", settings.cache_control.encode()),
    ]
    if answer.truncated is not None:
        headers.append((b"x-pactgraph-truncated", f"rows={answer.truncated}".encode()))
        headers.append((b"link", f'<{settings.base_url}/docs#paging>; rel="help"'.encode()))
    if answer.cached:
        headers.append((b"x-pactgraph-cache", b"hit"))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})
    return True
