"""Copy-on-write writes: SPARQL updates and Graph Store writes, each published as a new store version.

A write never touches the published store. Holding the build lock, it checkpoints the current store
into a new folder (``Store.backup``: RocksDB hard links, milliseconds), applies the change there,
refreshes the default graph, records the new version in the metadata graph and publishes the folder
through :class:`StoreLocation`. Readers keep answering from the old store until ``CURRENT`` moves.

The default graph is the deduplicated union of the named graphs (docs/architecture.md). After a
write it is refreshed from the difference between the old and the new store:

- a triple now held by some named graph is added to the default graph;
- a triple the write removed from the named graphs, held by no named graph any more, is removed
  from the default graph;
- a triple written straight into the default graph (in no named graph before or after) stays.

The inferred graph (``graph/inferred``) is then derived again from the new content, as a build does,
when the caller names an inference engine and the store holds the ontology graph (a store built by
``pactgraph build``): an update that adds ``X pg:cooperatesWith Y`` also gets ``Y pg:cooperatesWith X``,
and deleting the fact deletes what followed from it. The server does so unless
``PACTGRAPH_WRITE_INFERENCE`` is off (on a store of millions of triples the rules take a minute).
"""

from __future__ import annotations

import gc
import hashlib
import re
import uuid
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from pactgraph.core.errors import InputError, QuerySyntaxError
from pactgraph.graph.inference import INFERRED, infer
from pactgraph.graph.location import PublishedStore, StoreLocation, open_read_only, open_writable, utc_now
from pactgraph.graph.versioning import store_version
from pactgraph.ontology.namespace import GRAPH_METADATA, GRAPH_ONTOLOGY, PG

# Media types a Graph Store payload may have; the parser each one needs.
PAYLOAD_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/n3": ox.RdfFormat.N3,
}
_DEFAULT = ox.DefaultGraph()
_METADATA = ox.NamedNode(str(GRAPH_METADATA))
_ONTOLOGY = ox.NamedNode(str(GRAPH_ONTOLOGY))
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")

_ADDED_TO_NAMED = """
SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }
"""
_ONLY_IN_DEFAULT = """
SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
"""


class GraphNotFound(LookupError):
    """A Graph Store write names a graph the store does not hold (answered 404 by the API)."""


class UnsupportedPayload(InputError):
    """A Graph Store payload in a media type no parser here reads (answered 415 by the API)."""


def is_absolute_iri(text: str) -> bool:
    """True for an absolute IRI (a scheme, then no spaces or forbidden characters)."""
    return bool(_ABSOLUTE_IRI.match(text))


def apply_update(
    location: StoreLocation,
    update_text: str,
    *,
    base_iri: str | None = None,
    lock_timeout: float = 30.0,
    inference_engine: str | None = None,
) -> PublishedStore:
    """Apply a SPARQL 1.1 update copy-on-write and publish the result as a new version.

    ``USING`` clauses from the protocol's ``using-graph-uri`` are already in *update_text* (the API
    inserts them). A syntax error raises :class:`QuerySyntaxError` with the parser's message and
    position; the published store is unchanged. With *inference_engine* the inferred graph is
    derived again (see the module doc).
    """

    def change(store: ox.Store) -> None:
        try:
            store.update(update_text, base_iri=base_iri)
        except SyntaxError as exc:
            raise QuerySyntaxError(f"SPARQL update syntax error: {exc}") from None
        except OSError as exc:  # LOAD of an unreachable file, for instance
            raise InputError(f"The update could not be applied: {exc}") from None

    published, _ = _copy_on_write(location, change, lock_timeout, inference_engine)
    return published


def graph_store_write(
    location: StoreLocation,
    method: str,
    graph_iri: str | None,
    data: bytes | Sequence[tuple[bytes, str]],
    media_type: str | None,
    *,
    base_iri: str | None = None,
    lock_timeout: float = 30.0,
    inference_engine: str | None = None,
) -> tuple[PublishedStore, bool]:
    """A Graph Store HTTP Protocol write: ``PUT`` replaces, ``POST`` merges, ``DELETE`` removes a graph.

    *graph_iri* ``None`` is the default graph. *data* is one payload in *media_type*, or a list of
    ``(payload, media_type)`` parts (a multipart POST). Returns the new store and whether the graph
    was created by this write. A graph that does not exist raises :class:`GraphNotFound` on DELETE.
    """
    method = method.upper()
    if graph_iri is not None and not is_absolute_iri(graph_iri):
        raise InputError(
            f"The graph IRI {graph_iri!r} is not an absolute IRI; give a full IRI such as http://…"
        )
    parts = [(data, media_type or "")] if isinstance(data, bytes | bytearray) else list(data)
    if method in ("PUT", "POST"):
        for _payload, media in parts:
            _payload_format(media)  # refuse an unknown media type before copying the store
    target: ox.NamedNode | ox.DefaultGraph = _DEFAULT if graph_iri is None else ox.NamedNode(graph_iri)
    created = False

    def change(store: ox.Store) -> None:
        nonlocal created
        exists = graph_iri is None or store.contains_named_graph(target)
        if method == "DELETE":
            if not exists:
                raise GraphNotFound(f"No graph <{graph_iri}> in the store; nothing was deleted")
            if graph_iri is None:
                store.clear_graph(_DEFAULT)
            else:
                store.remove_graph(target)
            return
        if method not in ("PUT", "POST"):
            raise InputError(f"Graph Store method {method} is not a write; use PUT, POST or DELETE")
        created = not exists
        if method == "PUT" and exists:
            store.clear_graph(target)
        if graph_iri is not None and not exists:
            store.add_graph(target)
        for payload, media in parts:
            _load_payload(store, bytes(payload), media, target, base_iri or graph_iri)

    published, _ = _copy_on_write(location, change, lock_timeout, inference_engine)
    return published, created


def new_graph_iri(container: str) -> str:
    """A fresh graph IRI under *container* (for a Graph Store POST that creates a graph)."""
    return f"{container.rstrip('/')}/{uuid.uuid4().hex}"


def _payload_format(media_type: str) -> ox.RdfFormat:
    media = media_type.split(";")[0].strip().lower()
    try:
        return PAYLOAD_FORMATS[media]
    except KeyError:
        raise UnsupportedPayload(
            f"Cannot read a graph sent as {media or '(no Content-Type)'}; send one of "
            + ", ".join(sorted(PAYLOAD_FORMATS))
        ) from None


def _load_payload(
    store: ox.Store, payload: bytes, media: str, target: ox.NamedNode | ox.DefaultGraph, base: str | None
) -> None:
    fmt = _payload_format(media)
    try:
        store.load(payload, format=fmt, base_iri=base, to_graph=target)
    except SyntaxError as exc:
        raise InputError(f"The {fmt.name} payload does not parse: {exc}. Fix it and send it again") from None
    except ValueError as exc:
        raise InputError(f"The {fmt.name} payload cannot be loaded: {exc}") from None


def _copy_on_write(
    location: StoreLocation, change, lock_timeout: float, inference_engine: str | None = None
) -> tuple[PublishedStore, bool]:
    """Checkpoint the current store, run *change* on the copy, refresh the union (and the inferred
    graph), publish it."""
    with location.lock(wait=True, timeout=lock_timeout):
        current = location.require_current()
        new_dir = location.new_store_dir()
        old = open_read_only(current.path)
        try:
            old.backup(str(new_dir))
            store = open_writable(new_dir)
            try:
                change(store)
                infer_again = inference_engine is not None and _holds_ontology(store)
                if infer_again:
                    store.remove_graph(INFERRED)  # the union loses what only inference stated ...
                direct = _refresh_union(old, store)
                if infer_again:
                    infer(store, inference_engine)  # ... and gets what follows now
                version = _version(store, direct)
                built_at = utc_now()
                _record_version(store, version, built_at)
                triples = len(store)
                store.flush()
            finally:
                del store
                gc.collect()  # close RocksDB before the folder is renamed
        except BaseException:
            del old
            location.discard(new_dir)
            raise
        del old
        return location.publish(Path(new_dir), version, built_at, triples), True


def _holds_ontology(store: ox.Store) -> bool:
    """A store built by ``pactgraph build`` (it has the ontology graph the rules read)."""
    return next(iter(store.quads_for_pattern(None, None, None, _ONTOLOGY)), None) is not None


def _version(store: ox.Store, direct: list[str]) -> str:
    """The content version: the named graphs' hash, combined with the triples only the default graph holds."""
    version = store_version(store)
    if not direct:
        return version
    digest = hashlib.sha256(version.encode())
    for line in sorted(direct):
        digest.update(line.encode())
    return digest.hexdigest()[: len(version)]


def _refresh_union(old: ox.Store, new: ox.Store) -> list[str]:
    """Bring the default graph of *new* back to the union of its named graphs (see the module doc).

    Returns the triples left only in the default graph (written there directly), as N-Triples lines.
    """
    added = [ox.Quad(row["s"], row["p"], row["o"], _DEFAULT) for row in new.query(_ADDED_TO_NAMED)]
    orphans = []
    direct = []
    for row in new.query(_ONLY_IN_DEFAULT):
        s, p, o = row["s"], row["p"], row["o"]
        # It was in a named graph before this write: the union held it for that graph, so it goes.
        if any(q.graph_name != _DEFAULT for q in old.quads_for_pattern(s, p, o, None)):
            orphans.append(ox.Quad(s, p, o, _DEFAULT))
        else:
            direct.append(f"{s} {p} {o} .")
    for quad in added:
        new.add(quad)
    for quad in orphans:
        new.remove(quad)
    return direct


def _record_version(store: ox.Store, version: str, built_at: str) -> None:
    """Replace pg:storeVersion and pg:builtAt in the metadata graph (and its copy in the union)."""
    for predicate, value in (
        (ox.NamedNode(str(PG.storeVersion)), ox.Literal(version)),
        (
            ox.NamedNode(str(PG.builtAt)),
            ox.Literal(built_at, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")),
        ),
    ):
        subjects = {q.subject for q in store.quads_for_pattern(None, predicate, None, _METADATA)}
        if not subjects:
            continue  # a store without metadata (a bare test store): nothing to keep in step
        for quad in list(store.quads_for_pattern(None, predicate, None, None)):
            store.remove(quad)
        for subject in subjects:
            store.add(ox.Quad(subject, predicate, value, _METADATA))
            store.add(ox.Quad(subject, predicate, value, _DEFAULT))
