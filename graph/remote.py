"""A remote SPARQL 1.1 store as the published store: Oxigraph server, Fuseki, QLever, GraphDB, ...

The build always runs locally (load, infer, validate, version: docs/architecture.md); publishing
then copies the same layout into the remote store over HTTP, with the SPARQL 1.1 Graph Store
Protocol when a GSP URL is configured (one ``PUT`` per named graph, streamed) or SPARQL 1.1 Update
otherwise (``DROP``/``INSERT DATA`` in batches). The default graph receives the deduplicated union,
as in the embedded store, so the same queries give the same answers. The metadata graph (with
the version the API uses as its ETag) is written last, and graphs no longer in the local store
are dropped, so a reader sees the new version only once everything else is in place. A remote
store offers no atomic switch: between the first and the last request a reader may see a mix of
the old and the new graphs (docs/backends.md says how to get atomicity with a second dataset).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
from pactgraph.core.errors import BackendUnavailable, ConfigError, QuerySyntaxError, StoreError
from pactgraph.ontology.namespace import GRAPH_METADATA, PG

UPDATE_BATCH_TRIPLES = 20_000


class RemoteBackend:
    """A SPARQL 1.1 store reached over HTTP."""

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float = 60.0,
        publish_union: bool = True,
    ) -> None:
        if not query_url.startswith(("http://", "https://")):
            raise ConfigError(f"PACTGRAPH_BACKEND_URL must be an http(s) URL, not {query_url!r}")
        self.query_url = query_url
        self.update_url = update_url
        self.gsp_url = gsp_url
        # False for stores whose default graph already is the (deduplicated) union (Neptune).
        self.publish_union = publish_union
        self._client = httpx.Client(auth=auth, timeout=timeout, follow_redirects=False)

    @classmethod
    def from_settings(cls, settings) -> RemoteBackend:
        """The backend configured by ``PACTGRAPH_BACKEND_*``."""
        if not settings.backend_url:
            raise ConfigError("PACTGRAPH_BACKEND_URL is not set; set it to the query URL of the remote store")
        if not (settings.backend_update_url or settings.backend_gsp_url):
            raise ConfigError(
                "Set PACTGRAPH_BACKEND_UPDATE_URL or PACTGRAPH_BACKEND_GSP_URL: without one the remote "
                f"store at {settings.backend_url} can be read but not published into"
            )
        auth = None
        if settings.backend_user:
            auth = (settings.backend_user, settings.backend_password or "")
        return cls(
            settings.backend_url,
            settings.backend_update_url,
            settings.backend_gsp_url,
            auth=auth,
            timeout=settings.backend_timeout,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- HTTP ------------------------------------------------------------------------------------

    def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise BackendUnavailable(
                f"The remote SPARQL store at {url} does not answer ({exc.__class__.__name__}: {exc}); "
                "check PACTGRAPH_BACKEND_URL and that the store is running"
            ) from exc
        if response.status_code == 400 and "query" in kwargs.get("data", {}):
            raise QuerySyntaxError(f"The remote store refused the query: {response.text[:500]}")
        if response.status_code in (401, 403):
            raise StoreError(
                f"The remote store at {url} refused the credentials ({response.status_code}); "
                "check PACTGRAPH_BACKEND_USER and PACTGRAPH_BACKEND_PASSWORD"
            )
        if response.status_code >= 400:
            raise StoreError(f"{method} {url} failed with {response.status_code}: {response.text[:500]}")
        return response

    def select(self, query: str) -> list[dict[str, str]]:
        """Run a SELECT query; rows as {variable: value} (values as strings)."""
        response = self._send(
            "POST",
            self.query_url,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        bindings = response.json()["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in bindings]

    def ask(self, query: str) -> bool:
        response = self._send(
            "POST",
            self.query_url,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        return bool(response.json()["boolean"])

    def update(self, update: str) -> None:
        if not self.update_url:
            raise ConfigError("PACTGRAPH_BACKEND_UPDATE_URL is not set; the remote store cannot be updated")
        self._send("POST", self.update_url, data={"update": update})

    # --- reading -------------------------------------------------------------------------------

    def version(self) -> str | None:
        """The version recorded in the remote metadata graph, or ``None`` when nothing is published."""
        rows = self.select(
            f"SELECT ?v WHERE {{ GRAPH <{GRAPH_METADATA}> {{ ?d <{PG.storeVersion}> ?v }} }} LIMIT 1"
        )
        return rows[0]["v"] if rows else None

    def named_graphs(self) -> set[str]:
        return {row["g"] for row in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}

    # --- publishing ------------------------------------------------------------------------------

    def publish_store(self, store_path: Path, force: bool = False) -> bool:
        """Copy the local published store at *store_path* into the remote store; False if it was current."""
        from pactgraph.graph.loading import named_graphs
        from pactgraph.graph.location import open_read_only
        from pactgraph.graph.versioning import store_version

        store = open_read_only(store_path)
        if not force and self.version() == store_version(store):
            return False
        metadata = ox.NamedNode(str(GRAPH_METADATA))
        local = [g for g in named_graphs(store) if g != metadata]
        for graph in local:
            self._put_graph(store, graph)
        if self.publish_union:
            self._put_graph(store, ox.DefaultGraph())
        for stale in self.named_graphs() - {g.value for g in local} - {metadata.value}:
            self._drop_graph(stale)
        self._put_graph(store, metadata)
        return True

    def _put_graph(self, store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> None:
        if self.gsp_url:
            params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
            with tempfile.TemporaryFile() as body:
                store.dump(body, ox.RdfFormat.N_TRIPLES, from_graph=graph)
                body.seek(0)
                self._send(
                    "PUT",
                    self.gsp_url,
                    params=params,
                    content=_chunks(body),
                    headers={"Content-Type": "application/n-triples"},
                )
            return
        target = "DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"GRAPH <{graph.value}>"
        self.update(f"DROP SILENT {target}")
        batch: list[str] = []
        for quad in store.quads_for_pattern(None, None, None, graph):
            batch.append(f"{quad.subject} {quad.predicate} {quad.object} .")
            if len(batch) >= UPDATE_BATCH_TRIPLES:
                self._insert(graph, batch)
                batch = []
        if batch:
            self._insert(graph, batch)

    def _insert(self, graph: ox.NamedNode | ox.DefaultGraph, triples: list[str]) -> None:
        body = "\n".join(triples)
        if isinstance(graph, ox.DefaultGraph):
            self.update(f"INSERT DATA {{ {body} }}")
        else:
            self.update(f"INSERT DATA {{ GRAPH <{graph.value}> {{ {body} }} }}")

    def _drop_graph(self, iri: str) -> None:
        if self.gsp_url:
            self._send("DELETE", self.gsp_url, params={"graph": iri})
        else:
            self.update(f"DROP SILENT GRAPH <{iri}>")


def _chunks(file, size: int = 1 << 20) -> Iterator[bytes]:
    while chunk := file.read(size):
        yield chunk
