"""Every error becomes an HTTP response here, and only here, chosen by the exception's type.

    PactgraphError (core/errors.py)
    ├── QuerySyntaxError, QueryRefused, InputError  → 400
    ├── QueryTimeout                                → 503 (the limit is named in the message)
    ├── StoreLockedError                            → 503 with Retry-After
    ├── BackendUnavailable, StoreError              → 503
    ├── ApiError (below)                            → its own status (400, 401, 403, 404, 405, 406,
    │                                                  413, 415, 500 for a crashed worker)
    └── anything else                               → 500, logged with its traceback, never sent

The body is one plain-text sentence naming the cause and the fix; stack traces stay in the log.
"""

from __future__ import annotations

import logging

from pactgraph.core.errors import (
    BackendUnavailable,
    ConfigError,
    InputError,
    PactgraphError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreLockedError,
    ValidationFailed,
)
from starlette.responses import Response

log = logging.getLogger("pactgraph.api")


class ApiError(PactgraphError):
    """An error of the HTTP layer itself, with the status it is answered with."""

    status = 400

    def __init__(self, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.headers = headers or {}


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401

    def __init__(self, message: str) -> None:
        super().__init__(message, {"WWW-Authenticate": 'Bearer realm="pactgraph"'})


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class MethodNotAllowed(ApiError):
    status = 405

    def __init__(self, message: str, allow: str) -> None:
        super().__init__(message, {"Allow": allow})


class NotAcceptable(ApiError):
    status = 406

    def __init__(self, message: str, offered: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.offered = offered


class PayloadTooLarge(ApiError):
    status = 413


class HeadersTooLarge(ApiError):
    status = 431


class UnsupportedMediaType(ApiError):
    status = 415


class WorkerCrashed(ApiError):
    """The evaluation process died (a query that crashes the engine); a fresh one is started."""

    status = 500


_STATUS_BY_TYPE: list[tuple[type[BaseException], int]] = [
    (QuerySyntaxError, 400),
    (QueryRefused, 400),
    (InputError, 400),
    (ValidationFailed, 422),
    (QueryTimeout, 503),
    (StoreLockedError, 503),
    (BackendUnavailable, 503),
    (StoreError, 503),
    (ConfigError, 500),
]


def status_for(exc: BaseException) -> int:
    """The HTTP status an exception is answered with."""
    if isinstance(exc, ApiError):
        return exc.status
    for kind, status in _STATUS_BY_TYPE:
        if isinstance(exc, kind):
            return status
    return 500


def error_response(exc: BaseException, *, head: bool = False) -> Response:
    """The response for *exc*: its status, a one-sentence body, and no stack trace."""
    status = status_for(exc)
    headers: dict[str, str] = {}
    if isinstance(exc, ApiError):
        headers.update(exc.headers)
    if isinstance(exc, StoreLockedError | QueryTimeout | BackendUnavailable):
        headers["Retry-After"] = "5"
    if isinstance(exc, PactgraphError):
        message = str(exc) or type(exc).__name__
        if status >= 500:
            log.warning("%s: %s", type(exc).__name__, message)
    else:
        log.error("unexpected error while answering a request", exc_info=exc)
        message = (
            "Internal error; the server log has the details. Please report it with the request you sent."
        )
    if isinstance(exc, ValidationFailed) and exc.report:
        message = f"{message}\n\n{exc.report}"
    body = b"" if head else (message.rstrip() + "\n").encode("utf-8")
    return Response(body, status_code=status, headers=headers, media_type="text/plain; charset=utf-8")
