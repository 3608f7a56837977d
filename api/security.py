"""Who may write: ``Authorization: Bearer <PACTGRAPH_UPDATE_TOKEN>``, compared in constant time.

Without a configured token the endpoint is read-only, and writes say how to enable them.
"""

from __future__ import annotations

import hmac

from pactgraph.api.errors import Forbidden, Unauthorized
from pactgraph.core.settings import Settings
from starlette.requests import Request


def require_write_access(request: Request, settings: Settings, what: str) -> None:
    """Raise 401/403 unless the request carries the update token."""
    if not settings.update_token:
        raise Forbidden(
            f"This endpoint is read-only: {what} is disabled. The operator enables writes by setting "
            "PACTGRAPH_UPDATE_TOKEN; clients then send Authorization: Bearer <token>"
        )
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise Unauthorized(f"{what} needs the header Authorization: Bearer <token> (PACTGRAPH_UPDATE_TOKEN)")
    if not hmac.compare_digest(credentials.strip().encode(), settings.update_token.encode()):
        raise Forbidden(f"The bearer token is not the update token; {what} refused")
