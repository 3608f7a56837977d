"""A query worker process: ``python -m pactgraph.api.worker DATA_DIR ROLE``.

It reads request frames on stdin and answers each with one frame on the protocol pipe (the original
stdout; fd 1 is pointed at stderr so a stray print cannot corrupt the framing). Role ``read``
evaluates queries and Graph Store reads on the current store opened read-only, reopening it when
``CURRENT`` changes (checked before each request: a stat); role ``write`` applies updates and Graph
Store writes copy-on-write. The server may kill this process at any moment (that is how a query past
its time limit is stopped), so it holds no state worth keeping.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from typing import Any

import pyoxigraph as ox
from pactgraph.api import truncation, wire
from pactgraph.core.errors import PactgraphError, StoreError
from pactgraph.graph import StoreLocation, open_read_only

SOLUTION_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


class Failure(Exception):
    """An error to report to the server by name (an api.errors or core.errors class)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ReadSide:
    """The current store, reopened when the pointer changes; in-flight work keeps its store object."""

    def __init__(self, location: StoreLocation, paging_link: str) -> None:
        self.location = location
        self.paging_link = paging_link
        self.signature: tuple[int, int] | None = None
        self.store: Any = None
        self.path = ""  # the folder of the open store: what identifies it (two folders may share a version)
        self.version = ""

    def refresh(self, expected: str | None = None) -> None:
        """Open the current store if it changed; *expected* is the store folder the server has just
        seen, and when this worker already holds it the pointer file is not even looked at."""
        if expected is not None and expected == self.path and self.store is not None:
            return
        signature = self.location.pointer_signature()
        if signature == self.signature and self.store is not None:
            return
        published = self.location.require_current()
        if str(published.path) != self.path or self.store is None:
            self.store = open_read_only(published.path)
            self.path = str(published.path)
        self.version = published.version
        self.signature = signature

    def query(self, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        self.refresh(req.get("store"))
        media = req["media"]
        result = self._evaluate(req["query"], req)
        truncated = None
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=GRAPH_FORMATS[media])
        else:
            body = result.serialize(format=SOLUTION_FORMATS[media])
            cap = req.get("cap")
            if cap is not None and isinstance(result, ox.QuerySolutions):
                body, truncated = self._cut(body, media, cap, req)
        return {"ok": True, "version": self.version, "media": media, "truncated": truncated}, body

    def _evaluate(self, text: str, req: dict[str, Any]) -> Any:
        default = req.get("default")
        named = req.get("named")
        kwargs: dict[str, Any] = {"base_iri": req.get("base")}
        if default is not None or named is not None:
            # A protocol dataset replaces FROM / FROM NAMED; the half not given is empty.
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default or ()]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named or ()]
        try:
            return self.store.query(text, **kwargs)
        except SyntaxError as exc:
            original = req.get("original")
            if original and original != text:
                # The capped text failed: report the position in the text the client sent.
                return self._evaluate(original, {**req, "original": None})
            raise Failure("QuerySyntaxError", f"SPARQL syntax error: {exc}") from None
        except ValueError as exc:  # e.g. an invalid IRI in default-graph-uri
            raise Failure("BadRequest", str(exc)) from None

    def _cut(self, body: bytes, media: str, cap: int, req: dict[str, Any]) -> tuple[bytes, int | None]:
        """Keep at most *cap* rows of a result evaluated with ``LIMIT cap+1``; say so when rows were cut."""
        outcome = truncation.cut(body, media, cap, self.paging_link)
        if outcome is truncation.CSV_NEEDS_EXACT:
            exact = self._evaluate(req["query_exact"], req)
            return exact.serialize(format=ox.QueryResultsFormat.CSV), cap
        return outcome  # type: ignore[return-value]

    def graph_get(self, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        self.refresh()
        graph = req.get("graph")
        target: Any = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        if graph is not None and not self.store.contains_named_graph(target):
            raise Failure("NotFound", f"No graph <{graph}> in the store (version {self.version})")
        body = self.store.dump(format=GRAPH_FORMATS[req["media"]], from_graph=target)
        return {"ok": True, "version": self.version, "media": req["media"], "truncated": None}, body

    def graph_exists(self, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        self.refresh()
        exists = req.get("graph") is None or self.store.contains_named_graph(ox.NamedNode(req["graph"]))
        return {"ok": True, "version": self.version, "exists": exists}, b""


class WriteSide:
    """Copy-on-write updates and Graph Store writes, one at a time (the server sends one at a time)."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location

    def update(self, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        from pactgraph.graph import apply_update

        published = apply_update(
            self.location, req["update"], base_iri=req.get("base"), inference_engine=req.get("inference")
        )
        return {"ok": True, "version": published.version, "triples": published.triples}, b""

    def graph_write(self, req: dict[str, Any], body: bytes) -> tuple[dict[str, Any], bytes]:
        from pactgraph.graph import graph_store_write

        media_types = req["parts_media"]
        parts = list(zip(wire.unpack_parts(body, len(media_types)), media_types, strict=True))
        published, created = graph_store_write(
            self.location,
            req["method"],
            req.get("graph"),
            parts,
            None,
            base_iri=req.get("base"),
            inference_engine=req.get("inference"),
        )
        return {"ok": True, "version": published.version, "created": created}, b""


def _failure(exc: Exception) -> dict[str, Any]:
    """The error frame for *exc*: the class name the server maps to a status, and the message."""
    if isinstance(exc, Failure):
        kind, message = exc.kind, str(exc)
    elif isinstance(exc, PactgraphError):
        kind, message = type(exc).__name__, str(exc)
    elif isinstance(exc, SyntaxError):
        kind, message = "QuerySyntaxError", f"SPARQL syntax error: {exc}"
    elif type(exc).__name__ == "GraphNotFound":
        kind, message = "NotFound", str(exc).strip("'\"")
    elif isinstance(exc, OSError):
        kind, message = "StoreError", f"Store I/O error: {exc}"
    else:  # reported as a 500 by the server, which logs it
        kind, message = "Internal", f"{type(exc).__name__}: {exc}"
    return {"ok": False, "kind": kind, "message": message}


def _die_with_the_server() -> None:
    """Ask Linux to kill this worker when the server dies: a worker busy in a long query does not read
    stdin, so without this it outlives a ``kill -9`` of the server, burning a core until it finishes."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the server died before the request above
            sys.exit(0)


def _warm_up(reader: ReadSide) -> None:
    """Open the store and answer one tiny query before saying ready: a replacement worker takes over
    from a killed one while clients wait, and a cold first request (store opening, first evaluation)
    cost them tens of milliseconds. Without a published store yet, the first request opens it."""
    try:
        reader.refresh()
        reader.store.query("ASK { ?s ?p ?o }")
    except (PactgraphError, OSError):
        pass


IDLE_CHECK_SECONDS = 1.0


def _wait_for_request(stdin: Any, reader: ReadSide) -> None:
    """Block until a request arrives; meanwhile, once a second, move to a newly published store.

    An idle worker would otherwise keep the previous store open (and its deleted files on disk,
    once collected) until its next request, which with last-in-first-out hand-out may be long."""
    # select() on the pipe is enough: the server sends a worker one frame and waits for its answer,
    # so nothing of a next frame ever waits in the reader's buffer.
    while not select.select([stdin], [], [], IDLE_CHECK_SECONDS)[0]:
        if reader.store is None:
            continue  # nothing opened yet: the first request opens it
        # Nothing published at the moment: keep what is open; the next request reports it.
        with contextlib.suppress(PactgraphError, OSError):
            reader.refresh()


def serve(data_dir: str, role: str, paging_link: str) -> None:
    """Answer frames until stdin closes."""
    _die_with_the_server()
    protocol_out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything printed by a library goes to stderr, not into the framing
    stdin = os.fdopen(os.dup(0), "rb")  # buffered: one read syscall per frame
    location = StoreLocation(data_dir)
    reader = ReadSide(location, paging_link)
    writer = WriteSide(location)
    handlers = {
        "query": lambda req, body: reader.query(req),
        "graph_get": lambda req, body: reader.graph_get(req),
        "graph_exists": lambda req, body: reader.graph_exists(req),
        "update": lambda req, body: writer.update(req),
        "graph_write": writer.graph_write,
        "ping": lambda req, body: ({"ok": True}, b""),
    }
    if role == "read":
        _warm_up(reader)
    protocol_out.write(wire.encode({"ok": True, "ready": role}))
    while True:
        if role == "read":
            _wait_for_request(stdin, reader)
        frame = wire.read_frame(stdin)
        if frame is None:
            return
        req, body = frame
        try:
            header, payload = handlers[req["op"]](req, body)
        except Exception as exc:
            header, payload = _failure(exc), b""
        protocol_out.write(wire.encode(header, payload))


if __name__ == "__main__":  # pragma: no cover - run by the pool
    try:
        serve(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    except KeyboardInterrupt:
        pass
    except StoreError as exc:
        print(exc, file=sys.stderr)
        sys.exit(3)
