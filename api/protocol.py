"""Reading a SPARQL 1.1 Protocol request: which operation, its text, its dataset, its format.

Queries come by GET (``query=``), form POST (``application/x-www-form-urlencoded``) or direct POST
(``application/sparql-query``); updates by form POST (``update=``) or direct POST
(``application/sparql-update``). Everything malformed is a :class:`BadRequest` (or 413/415) that
says what to send instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from pactgraph.api.errors import BadRequest, MethodNotAllowed, PayloadTooLarge, UnsupportedMediaType
from starlette.requests import Request

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
# Never read a token from the URL: URLs end up in logs, histories and Referer headers.
_TOKEN_PARAMS = ("token", "access_token", "update_token", "auth")


@dataclass
class Operation:
    """One parsed request to ``/sparql``."""

    kind: str  # "query", "update" or "describe-service"
    text: str = ""
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    using: list[str] = field(default_factory=list)
    using_named: list[str] = field(default_factory=list)
    format: str | None = None


def is_absolute_iri(text: str) -> bool:
    """True for an absolute IRI: a scheme, then no spaces or characters IRIs forbid."""
    return bool(_ABSOLUTE_IRI.match(text))


def media_type_of(request: Request) -> tuple[str, dict[str, str]]:
    """The request's Content-Type: lower-case media type and its parameters."""
    raw = request.headers.get("content-type", "")
    media, _, rest = raw.partition(";")
    params = {}
    for part in rest.split(";"):
        name, _, value = part.partition("=")
        if name.strip():
            params[name.strip().lower()] = value.strip().strip('"').lower()
    return media.strip().lower(), params


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes *limit* bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(
            f"The request body has {declared} bytes, over the limit of {limit} (PACTGRAPH_MAX_BODY_BYTES)"
        )
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(
                f"The request body passed the limit of {limit} bytes (PACTGRAPH_MAX_BODY_BYTES)"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def decode_utf8(data: bytes, params: dict[str, str], what: str) -> str:
    charset = params.get("charset")
    if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
        raise BadRequest(f"The {what} is declared as charset={charset}; SPARQL text must be sent as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"The {what} is not valid UTF-8 (byte {exc.start}); send it UTF-8 encoded") from None


def parse_form(data: str, what: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(data, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(
            f"The {what} has percent-encoded bytes that are not UTF-8; encode the text as UTF-8"
        ) from None


def _values(pairs: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in pairs if key == name]


def _graph_list(pairs: list[tuple[str, str]], name: str) -> list[str]:
    graphs = _values(pairs, name)
    for graph in graphs:
        if not _ABSOLUTE_IRI.match(graph):
            raise BadRequest(f"{name}={graph!r} is not an absolute IRI; give full IRIs such as http://…")
    return graphs


def _single(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = _values(pairs, name)
    if len(values) > 1:
        raise BadRequest(
            f"The request has {len(values)} {name}= parameters; send exactly one {name} per request"
        )
    return values[0] if values else None


def _refuse_url_token(pairs: list[tuple[str, str]]) -> None:
    for key, _ in pairs:
        if key.lower() in _TOKEN_PARAMS:
            raise BadRequest(
                f"A token in the URL ({key}=) is never accepted: URLs are logged. Send it as the header "
                "Authorization: Bearer <token>"
            )


def _operation(pairs: list[tuple[str, str]], text_param: str | None) -> Operation:
    """Build the operation from all parameters (URL and form body together)."""
    query = _single(pairs, "query")
    update = _single(pairs, "update")
    if query is not None and update is not None:
        raise BadRequest("The request has both query= and update=; send one operation per request")
    fmt = _single(pairs, "format") or _single(pairs, "output")
    if text_param == "query" or query is not None:
        defaults = _graph_list(pairs, "default-graph-uri")
        named = _graph_list(pairs, "named-graph-uri")
        return Operation(
            "query",
            query if query is not None else "",
            default_graphs=defaults if defaults or named else None,
            named_graphs=named if defaults or named else None,
            format=fmt,
        )
    if text_param == "update" or update is not None:
        return Operation(
            "update",
            update or "",
            using=_graph_list(pairs, "using-graph-uri"),
            using_named=_graph_list(pairs, "using-named-graph-uri"),
        )
    return Operation("describe-service", format=fmt)


async def parse_request(request: Request, max_body: int) -> Operation:
    """The operation a ``/sparql`` request asks for, or a 4xx error saying what is wrong."""
    url_pairs = parse_form(request.url.query, "URL")
    _refuse_url_token(url_pairs)
    method = request.method
    if method in ("GET", "HEAD"):
        if _values(url_pairs, "update"):
            raise BadRequest(
                "An update cannot be sent with GET; POST it as update= (form) or as application/sparql-update"
            )
        return _operation(url_pairs, None)
    if method != "POST":
        raise MethodNotAllowed(
            f"{method} is not a SPARQL Protocol operation; query with GET or POST, update with POST",
            "GET, HEAD, POST, OPTIONS",
        )
    media, params = media_type_of(request)
    body = await read_body(request, max_body)
    if media == FORM:
        form_pairs = parse_form(decode_utf8(body, params, "form body"), "form body")
        _refuse_url_token(form_pairs)
        op = _operation(url_pairs + form_pairs, None)
        if op.kind == "describe-service":
            raise BadRequest("The form body has neither query= nor update=; send one of them")
        return op
    if media in (SPARQL_QUERY, SPARQL_UPDATE):
        if _values(url_pairs, "query") or _values(url_pairs, "update"):
            raise BadRequest(
                f"A direct POST ({media}) has the operation in its body; remove query=/update= from the URL"
            )
        op = _operation(url_pairs, "query" if media == SPARQL_QUERY else "update")
        op.text = decode_utf8(body, params, "request body")
        return op
    if not media:
        raise BadRequest(
            "The POST has no Content-Type; use application/x-www-form-urlencoded (query= or update=), "
            "application/sparql-query or application/sparql-update"
        )
    raise UnsupportedMediaType(
        f"Content-Type {media} is not a SPARQL Protocol request; use application/x-www-form-urlencoded, "
        "application/sparql-query or application/sparql-update"
    )
