"""One pure-ASGI middleware for what every response needs: CORS, security headers, metrics, access log.

It is the outermost layer of the application (``PactgraphAPI.__call__``), outside the framework's own
middleware, so that ``/sparql`` requests skip the framework entirely.

Pure ASGI (no ``BaseHTTPMiddleware``) because it runs on every request and per-request cost is what
the benchmark measures. CORS: reads from any origin, never with credentials (no
``Access-Control-Allow-Credentials``; the bearer token is not a cookie, so a page elsewhere cannot
borrow it).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from pactgraph.api.access_log import AccessLog
from pactgraph.api.errors import HeadersTooLarge, error_response
from pactgraph.api.fast_path import try_fast_get
from pactgraph.api.metrics import Metrics
from pactgraph.api.routes_sparql import sparql_endpoint
from starlette.requests import Request

log = logging.getLogger("pactgraph.api")

_SECURITY = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),
]
# HTML pages get a CSP; the web views load their scripts and styles from this origin only.
_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
)
_CORS = [
    (b"access-control-allow-origin", b"*"),
    (
        b"access-control-expose-headers",
        b"ETag, Link, Location, X-Pactgraph-Truncated, X-Pactgraph-Store-Version",
    ),
]
_PREFLIGHT = [
    (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
    (b"access-control-allow-headers", b"Accept, Content-Type, If-None-Match"),
    (b"access-control-max-age", b"86400"),
]


def route_of(path: str) -> str:
    """A bounded label for metrics: the first path segment of known routes, else ``other``."""
    if path == "/sparql" or path.startswith("/sparql/"):
        return "/sparql"
    if path == "/store" or path.startswith("/store/"):
        return "/store"
    for known in ("/health", "/metrics", "/docs", "/openapi.json", "/id/", "/ontology"):
        if path.startswith(known):
            return known.rstrip("/")
    return "other"


class EdgeMiddleware:
    """Wraps the app: answers CORS preflights, adds headers, counts and logs each request."""

    def __init__(
        self, app: Any, metrics: Metrics, access_log: AccessLog, max_header_bytes: int = 32768
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.access_log = access_log
        self.max_header_bytes = max_header_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        path = scope["path"]
        if method == "OPTIONS" and _header(scope, b"access-control-request-method") is not None:
            await send(
                {"type": "http.response.start", "status": 204, "headers": _CORS + _PREFLIGHT + _SECURITY}
            )
            await send({"type": "http.response.body", "body": b""})
            self._record(scope, path, method, 204, started)
            return
        status_holder: list[Any] = [500, False]  # status sent, whether the response has started
        header_bytes = sum(len(k) + len(v) + 4 for k, v in scope.get("headers", ()))
        if header_bytes > self.max_header_bytes:
            # The HTTP parser in use sets no limit of its own: refuse here, before any work.
            response = error_response(
                HeadersTooLarge(
                    f"The request headers take {header_bytes} bytes, over the limit of "
                    f"{self.max_header_bytes} (PACTGRAPH_MAX_HEADER_BYTES); send smaller headers "
                    "(a query belongs in the URL or the body)"
                )
            )
            await response(scope, receive, self._with_headers(send, status_holder))
            self._record(scope, path, method, status_holder[0], started)
            return

        send_wrapper = self._with_headers(send, status_holder)

        try:
            if path != "/sparql":
                await self.app(scope, receive, send_wrapper)
            else:
                # The hot path: straight to the endpoint, past the framework's routing and error
                # layers (the endpoint maps its own errors through api/errors.py; anything else it
                # raises is answered here, as the framework would).
                try:
                    if not (method == "GET" and await try_fast_get(scope, receive, send_wrapper)):
                        response = await sparql_endpoint(Request(scope, receive))
                        await response(scope, receive, send_wrapper)
                except Exception as exc:
                    if status_holder[1]:
                        raise  # the response has begun: nothing clean can be sent any more
                    log.exception("unexpected error on %s %s", method, path)
                    await error_response(exc, head=method == "HEAD")(scope, receive, send_wrapper)
        finally:
            self._record(scope, path, method, status_holder[0], started)

    @staticmethod
    def _with_headers(send: Any, status_holder: list[Any]) -> Any:
        """*send* adding the security and CORS headers, and noting the status for the log."""

        async def send_wrapper(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status_holder[0] = message["status"]
                status_holder[1] = True
                headers = list(message.get("headers", []))
                headers += _SECURITY
                headers += _CORS
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    headers.append((b"content-security-policy", _CSP))
                message = {**message, "headers": headers}
            await send(message)

        return send_wrapper

    def _record(self, scope: dict[str, Any], path: str, method: str, status: int, started: float) -> None:
        elapsed = time.perf_counter() - started
        state = scope.get("state") or {}
        route = route_of(path)
        fmt = state.get("format", "")
        self.metrics.observe(route, status, fmt, elapsed)
        self.access_log.line(
            _client(scope), method, path, status, elapsed * 1000, state.get("query_hash", "-"), fmt or "-"
        )


def _header(scope: dict[str, Any], name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value
    return None


def _client(scope: dict[str, Any]) -> str:
    client = scope.get("client")
    return client[0] if client else "-"
