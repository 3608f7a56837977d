"""The engine for a remote SPARQL 1.1 store (``PACTGRAPH_BACKEND_URL``): same coroutines as LocalEngine.

Requests are forwarded over one pooled ``httpx.AsyncClient`` with the same policy (the route checks
SERVICE, limits and the token before anything is sent), the same result cap and the same time limit.
A store that does not answer is a :class:`BackendUnavailable` (503) naming it; nothing is cached
about that, so the next request after it comes back simply succeeds. The result cache is off: this
server cannot know when the remote data changes.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import httpx
import orjson
from pactgraph.api import truncation
from pactgraph.api.engine import NO_DATASET, Answer, Dataset, EngineConveniences, check_media
from pactgraph.api.errors import BadRequest, NotFound, UnsupportedMediaType
from pactgraph.api.policy import PreparedQuery, QueryPreparer
from pactgraph.core.errors import BackendUnavailable, QuerySyntaxError, QueryTimeout
from pactgraph.core.settings import Settings


class RemoteEngine(EngineConveniences):
    """Forwards queries, updates and Graph Store requests to a remote SPARQL 1.1 store."""

    def __init__(self, settings: Settings) -> None:
        assert settings.backend_url
        self.settings = settings
        self.query_url = settings.backend_url
        self.update_url = settings.backend_update_url or settings.backend_url
        self.gsp_url = settings.backend_gsp_url
        self.prepare = QueryPreparer(settings)
        self.paging_link = f"{settings.base_url}/docs#paging"
        self.timeouts = 0
        auth = None
        if settings.backend_user:
            auth = httpx.BasicAuth(settings.backend_user, settings.backend_password or "")
        self.client = httpx.AsyncClient(
            auth=auth, timeout=httpx.Timeout(settings.query_timeout, connect=5.0), follow_redirects=False
        )

    async def start(self) -> None:
        """Nothing to start: the remote store may come up later; requests then just succeed."""

    async def close(self) -> None:
        await self.client.aclose()

    @property
    def version(self) -> str | None:
        return None  # unknown for a remote store: no ETag, no result cache

    async def _send(self, method: str, url: str, what: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            self.timeouts += 1
            raise QueryTimeout(
                f"The {what} was stopped after the time limit of {self.settings.query_timeout:g} s "
                f"(PACTGRAPH_QUERY_TIMEOUT) waiting for the remote store {url}"
            ) from None
        except httpx.TransportError as exc:
            raise BackendUnavailable(
                f"The remote SPARQL store {url} (PACTGRAPH_BACKEND_URL) does not answer "
                f"({type(exc).__name__}); "
                "this endpoint answers again as soon as it is back"
            ) from None
        if response.status_code >= 500:
            raise BackendUnavailable(
                f"The remote SPARQL store {url} answered {response.status_code}: {response.text[:300]}"
            )
        if response.status_code == 404:
            raise NotFound(response.text[:500] or f"Not found at the remote store {url}")
        if response.status_code == 415:
            raise UnsupportedMediaType(response.text[:500])
        if response.status_code >= 400:
            message = response.text[:1000] or f"the remote store refused the {what} ({response.status_code})"
            raise (
                QuerySyntaxError(message)
                if "syntax" in message.lower() or "pars" in message.lower()
                else (BadRequest(message))
            )
        return response

    async def _post_form(self, form: list[tuple[str, str]], accept: str) -> httpx.Response:
        """A form POST query (a list of pairs: dataset parameters repeat), UTF-8 encoded."""
        headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        return await self._send(
            "POST", self.query_url, "query", content=urlencode(form).encode(), headers=headers
        )

    async def execute(
        self, prepared: PreparedQuery, media_type: str, dataset: Dataset = NO_DATASET
    ) -> Answer:
        check_media(prepared, media_type)
        form: list[tuple[str, str]] = [("query", prepared.run_text)]
        form += [("default-graph-uri", g) for g in dataset.default or ()]
        form += [("named-graph-uri", g) for g in dataset.named or ()]
        response = await self._post_form(form, media_type)
        body = response.content
        got = response.headers.get("content-type", media_type).split(";")[0].strip() or media_type
        truncated = None
        if prepared.cap is not None and got == media_type:
            outcome = truncation.cut(body, media_type, prepared.cap, self.paging_link)
            if outcome is truncation.CSV_NEEDS_EXACT:
                exact = [("query", prepared.exact_text or prepared.text), *form[1:]]
                response = await self._post_form(exact, media_type)
                body, truncated = response.content, prepared.cap
            else:
                body, truncated = outcome  # type: ignore[misc]
        return Answer(body, got, "remote", truncated)

    async def graph_get(self, graph: str | None, media_type: str) -> Answer:
        if self.gsp_url:
            params = {"default": ""} if graph is None else {"graph": graph}
            response = await self._send(
                "GET", self.gsp_url, "graph read", params=params, headers={"Accept": media_type}
            )
            return Answer(response.content, media_type, "remote")
        if graph is not None:
            exists = await self.query_bytes(
                f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", "application/sparql-results+json"
            )
            if not orjson.loads(exists[0])["boolean"]:
                raise NotFound(f"No graph <{graph}> in the remote store")
        pattern = "?s ?p ?o" if graph is None else f"GRAPH <{graph}> {{ ?s ?p ?o }}"
        body, media = await self.query_bytes(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}", media_type)
        return Answer(body, media, "remote")

    async def update(self, update_text: str) -> str:
        await self._send("POST", self.update_url, "update", data={"update": update_text})
        return "remote"

    async def graph_write(
        self, method: str, graph: str | None, parts: list[tuple[bytes, str]], base_iri: str | None = None
    ) -> tuple[str, bool]:
        if not self.gsp_url:
            raise BadRequest(
                "This endpoint forwards to a remote store without a Graph Store URL "
                "(PACTGRAPH_BACKEND_GSP_URL); use SPARQL Update instead"
            )
        params = {"default": ""} if graph is None else {"graph": graph}
        created = False
        for index, (payload, media) in enumerate(parts or [(b"", "")]):
            verb = method if index == 0 else "POST"  # later multipart parts merge into the graph
            headers = {"Content-Type": media} if media else {}
            response = await self._send(
                verb,
                self.gsp_url,
                f"Graph Store {method}",
                params=params,
                content=payload if method != "DELETE" else None,
                headers=headers,
            )
            created = created or response.status_code == 201
        return "remote", created

    async def health(self) -> dict[str, Any]:
        await self._send(
            "POST",
            self.query_url,
            "health check",
            data={"query": "ASK {}"},
            headers={"Accept": "application/sparql-results+json"},
        )
        return {"version": None, "triples": None, "backend": self.query_url}

    def stats(self) -> dict[str, Any]:
        return {
            "timeouts": self.timeouts,
            "crashes": 0,
            "cache_entries": 0,
            "cache_hits": 0,
            "cache_misses": 0,
        }
