"""Loading RDF files into a store under construction, with errors that name the file and the line.

Loading happens only into a new store folder (never the published one), so a file that fails to
parse leaves the published store exactly as it was; the caller discards the new folder.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
from pactgraph.core.errors import InputError

_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
_LINE = re.compile(r"\bline (\d+)")


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of *path* from its extension (``.gz`` is not read here: decompress first)."""
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise InputError(f"{path}: unknown RDF file extension {path.suffix!r}; use one of {known}") from None


def input_error(path: Path, exc: Exception) -> InputError:
    """An :class:`InputError` naming *path* and the line the parser stopped at."""
    message = str(exc)
    match = _LINE.search(message)
    where = f"{path}:{match.group(1)}" if match else str(path)
    return InputError(
        f"{where}: not valid {rdf_format(path).name}: {message}. Fix the file and load it again"
    )


def bulk_load_file(store: ox.Store, path: Path, to_graph: ox.NamedNode | None = None) -> None:
    """Bulk-load *path* into *store* (quads keep their graph; triples go to *to_graph*)."""
    fmt = rdf_format(path)
    try:
        if to_graph is not None and not fmt.supports_datasets:
            store.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
        else:
            store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise input_error(path, exc) from exc
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}") from exc


def check_parses(path: Path) -> int:
    """Parse *path* without loading it; the number of quads, or an :class:`InputError` with the line."""
    fmt = rdf_format(path)
    try:
        return sum(1 for _ in ox.parse(path=str(path), format=fmt))
    except SyntaxError as exc:
        raise input_error(path, exc) from exc
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}") from exc


def materialise_union(store: ox.Store) -> int:
    """Replace the default graph with the deduplicated union of all named graphs; its size.

    This is the contract of docs/architecture.md: queries without GRAPH see each triple once.
    (pyoxigraph's ``use_default_graph_as_union`` would return a triple once per graph holding it.)
    """
    store.clear_graph(ox.DefaultGraph())
    # CONSTRUCT serialised by Oxigraph, then bulk-loaded: no per-quad Python, and measured faster
    # than INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } (the store dedups the triples).
    with tempfile.NamedTemporaryFile(suffix=".nt") as union:
        store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").serialize(
            union, ox.RdfFormat.N_TRIPLES
        )
        union.flush()
        if union.tell():
            store.bulk_load(path=union.name, format=ox.RdfFormat.N_TRIPLES)
    return default_graph_size(store)


def default_graph_size(store: ox.Store) -> int:
    """Triples in the default graph."""
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(row["n"].value)


# Graphs are listed from their quads and removed without asking whether they exist: pyoxigraph's
# graph registry (contains_named_graph, named_graphs) was seen to disagree with the quads in a
# copy made by Store.read_only(...).backup() of a store whose last writes were not flushed
# (the builder now flushes before publishing; this keeps the build right whatever it copies).


def named_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs that hold quads (read from the quads, not from the graph registry)."""
    return [row["g"] for row in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")]


def holds_graph(store: ox.Store, graph: ox.NamedNode) -> bool:
    return bool(store.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))


def drop_graph(store: ox.Store, graph: ox.NamedNode) -> None:
    """Remove *graph* and its quads (a no-op for a graph that does not exist)."""
    store.remove_graph(graph)
