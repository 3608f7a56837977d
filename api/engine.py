"""The engine behind every route: queries, updates and Graph Store operations on the published store.

:class:`LocalEngine` evaluates in worker processes (api/pool.py) on the store ``CURRENT`` points at;
:class:`pactgraph.api.remote.RemoteEngine` forwards to a remote SPARQL 1.1 store instead. Both offer
the same coroutines, which other routers (linked data, UI) use through ``app.state.engine``:

- ``await engine.select(query) -> list[dict]``: SELECT rows as SPARQL-JSON term objects
  (``{"var": {"type": "uri", "value": "..."}}``);
- ``await engine.query_bytes(query, media_type, dataset=None) -> (bytes, media_type)``;
- ``engine.version``: the current store version (``None`` before anything is published).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

import orjson
from pactgraph.api import errors as api_errors
from pactgraph.api import wire
from pactgraph.api.cache import ResultCache
from pactgraph.api.negotiation import OFFERED
from pactgraph.api.policy import PreparedQuery, QueryPreparer
from pactgraph.api.pool import WorkerPool
from pactgraph.core import errors as core_errors
from pactgraph.core.settings import Settings
from pactgraph.graph import PublishedStore, StoreLocation

log = logging.getLogger("pactgraph.api.engine")


@dataclass(frozen=True)
class Dataset:
    """The protocol dataset: ``default-graph-uri`` and ``named-graph-uri`` (``None`` = not given)."""

    default: tuple[str, ...] | None = None
    named: tuple[str, ...] | None = None

    @property
    def given(self) -> bool:
        return self.default is not None or self.named is not None


NO_DATASET = Dataset()


@dataclass(frozen=True)
class Answer:
    """A serialised answer and what the response headers need to say about it."""

    body: bytes
    media_type: str
    version: str
    truncated: int | None = None
    cached: bool = False


def request_hash(*parts: object) -> str:
    """A short stable hash of a request (access log, ETag): 16 hex digits of blake2b."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def check_media(prepared: PreparedQuery, media_type: str) -> None:
    """Refuse a media type the query's kind of result cannot be written in (406, listing the offer)."""
    offered = OFFERED[prepared.kind]
    if media_type not in offered:
        raise api_errors.NotAcceptable(
            f"A {prepared.form} result cannot be serialised as {media_type}; offered: {', '.join(offered)}",
            offered=offered,
        )


def _raise_failure(header: dict[str, Any]) -> None:
    """Re-raise, in the server, the error a worker reported by class name."""
    kind, message = header.get("kind", "Internal"), header.get("message", "")
    by_name: dict[str, type[Exception]] = {
        "QuerySyntaxError": core_errors.QuerySyntaxError,
        "QueryRefused": core_errors.QueryRefused,
        "InputError": core_errors.InputError,
        "StoreError": core_errors.StoreError,
        "StoreLockedError": core_errors.StoreLockedError,
        "BadRequest": api_errors.BadRequest,
        "NotFound": api_errors.NotFound,
        "UnsupportedPayload": api_errors.UnsupportedMediaType,
    }
    exc_type = by_name.get(kind)
    if exc_type is None:
        raise RuntimeError(f"worker error {kind}: {message}")  # logged; the client gets a plain 500
    raise exc_type(message)


class EngineConveniences:
    """What other routers use, written once over an engine's ``prepare`` and ``execute``
    (the local worker pool and the remote store both provide those two)."""

    async def query_bytes(
        self, query: str, media_type: str, dataset: Dataset | None = None
    ) -> tuple[bytes, str]:
        """Run *query* and return its answer serialised as *media_type* (one this endpoint offers)."""
        answer = await self.execute(self.prepare(query), media_type, dataset or NO_DATASET)
        return answer.body, answer.media_type

    async def run(self, query: str, accept: str, dataset: Dataset | None = None) -> tuple[bytes, str]:
        """Like :meth:`query_bytes`, negotiating the media type from an ``Accept`` value."""
        from pactgraph.api.negotiation import choose

        prepared = self.prepare(query)
        answer = await self.execute(prepared, choose(prepared.kind, accept), dataset or NO_DATASET)
        return answer.body, answer.media_type

    async def select(self, query: str) -> list[dict[str, Any]]:
        """SELECT rows as dicts of SPARQL-JSON term objects; an ASK gives ``[{"boolean": bool}]``."""
        body, _ = await self.query_bytes(query, "application/sparql-results+json")
        data = orjson.loads(body)
        if "boolean" in data:
            return [{"boolean": data["boolean"]}]
        return data["results"]["bindings"]


class LocalEngine(EngineConveniences):
    """Queries on worker processes, a result cache, and copy-on-write writes on one writer process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.location = StoreLocation(settings.data_dir)
        paging = f"{settings.base_url}/docs#paging"
        data_dir, nice = str(self.location.data_dir), settings.worker_nice
        self.readers = WorkerPool(data_dir, "read", settings.workers, paging, nice=nice)
        self.writer = WorkerPool(data_dir, "write", 1, paging, nice=nice)
        self.cache = ResultCache(settings.result_cache_entries, settings.result_cache_bytes)
        self._signature: tuple[int, int] | None = None
        self._published: PublishedStore | None = None
        self.base_iri = f"{settings.base_url}/sparql"
        self.prepare = QueryPreparer(settings)

    async def start(self) -> None:
        await self.readers.start()
        if self.settings.update_token:
            await self.writer.start()

    async def close(self) -> None:
        await self.readers.close()
        await self.writer.close()

    # --- the published store ----------------------------------------------------------------------

    def current(self) -> PublishedStore | None:
        """The published store, re-read only when the pointer file changes (one stat per call)."""
        signature = self.location.pointer_signature()
        if signature != self._signature:
            published = self.location.current()
            if self._published is None or published is None or published.version != self._published.version:
                self.cache.clear()
            self._published = published
            self._signature = signature
        return self._published

    def require_current(self) -> PublishedStore:
        published = self.current()
        if published is None:
            raise core_errors.StoreError(
                f"No store is published in {self.location.data_dir}; build one with "
                f"`pactgraph build --store {self.location.data_dir}` (the server picks it up by itself)"
            )
        return published

    @property
    def version(self) -> str | None:
        published = self.current()
        return None if published is None else published.version

    # --- queries ----------------------------------------------------------------------------------

    async def execute(
        self,
        prepared: PreparedQuery,
        media_type: str,
        dataset: Dataset = NO_DATASET,
        version: str | None = None,
    ) -> Answer:
        """Evaluate a prepared query and serialise it as *media_type*, from the cache when possible.

        *version* is the store version the caller has just read from :attr:`version` (the fast path
        does, for its ETag): passing it saves a second look at the pointer file.
        """
        check_media(prepared, media_type)
        published = self._published  # what the caller's read of `version` has just refreshed
        if version is None or published is None or published.version != version:
            published = self.require_current()
            version = published.version
        key = (version, prepared.text, dataset, media_type)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        request = {
            "op": "query",
            "query": prepared.run_text,
            "original": prepared.text if prepared.run_text is not prepared.text else None,
            "query_exact": prepared.exact_text,
            "cap": prepared.cap,
            "media": media_type,
            "base": self.base_iri,
            "default": dataset.default,
            "named": dataset.named,
            # The store folder, not the version, names the store: a write can bring the content (and
            # so the version) back to an earlier one in a new folder, while the older folder with the
            # same version is collected. The worker reopens only when this differs: no stat per request.
            "store": str(published.path),
        }
        header, body = await self.readers.call(request, b"", self.settings.query_timeout)
        if not header["ok"]:
            _raise_failure(header)
        answer = Answer(body, header["media"], header["version"], header.get("truncated"))
        if answer.version == version:
            self.cache.put(key, Answer(body, answer.media_type, version, answer.truncated, True), len(body))
        return answer

    # --- Graph Store reads --------------------------------------------------------------------------

    async def graph_get(self, graph: str | None, media_type: str) -> Answer:
        """One graph serialised (``None`` = the default graph); :class:`NotFound` for a missing graph."""
        version = self.require_current().version
        key = (version, "graph", graph, media_type)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        request = {"op": "graph_get", "graph": graph, "media": media_type}
        header, body = await self.readers.call(request, b"", self.settings.query_timeout, "graph read")
        if not header["ok"]:
            _raise_failure(header)
        answer = Answer(body, header["media"], header["version"])
        if answer.version == version:
            self.cache.put(key, Answer(body, answer.media_type, version, None, True), len(body))
        return answer

    # --- writes -----------------------------------------------------------------------------------

    async def update(self, update_text: str) -> str:
        """Apply an update (already checked by the policy); the new store version."""
        request = {
            "op": "update",
            "update": update_text,
            "base": self.base_iri,
            "inference": self._inference(),
        }
        header, _ = await self.writer.call(request, b"", self.settings.query_timeout, "update")
        if not header["ok"]:
            _raise_failure(header)
        self.current()
        return header["version"]

    async def graph_write(
        self, method: str, graph: str | None, parts: list[tuple[bytes, str]], base_iri: str | None = None
    ) -> tuple[str, bool]:
        """A Graph Store PUT/POST/DELETE; the new version and whether the graph was created."""
        request = {
            "op": "graph_write",
            "method": method,
            "graph": graph,
            "media": None,
            "base": base_iri,
            "inference": self._inference(),
        }
        header, _ = await self.writer.call(
            {**request, "parts_media": [m for _, m in parts]},
            wire.pack_parts([p for p, _ in parts]),
            self.settings.query_timeout,
            "Graph Store write",
        )
        if not header["ok"]:
            _raise_failure(header)
        self.current()
        return header["version"], header["created"]

    def _inference(self) -> str | None:
        """The engine a write derives the inferred graph again with, or None (PACTGRAPH_WRITE_INFERENCE)."""
        return self.settings.inference_engine if self.settings.write_inference else None

    async def health(self) -> dict[str, Any]:
        """What ``/health`` reports: the store served and the workers."""
        published = self.require_current()
        return {
            "version": published.version,
            "built_at": published.built_at,
            "triples": published.triples,
            "workers": self.readers.size,
            "backend": "embedded",
        }

    def stats(self) -> dict[str, Any]:
        return {
            "timeouts": self.readers.timeouts + self.writer.timeouts,
            "crashes": self.readers.crashes + self.writer.crashes,
            "cache_entries": len(self.cache),
            "cache_hits": self.cache.hits,
            "cache_misses": self.cache.misses,
        }
