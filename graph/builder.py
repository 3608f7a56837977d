"""Build and publish a store: load, infer, validate, version, describe, publish, dump.

``build`` makes a store from scratch out of an N-Quads file (one named graph per document);
``add_documents`` replaces or adds documents in a copy of the current store (a RocksDB checkpoint:
hard links, about a millisecond). Both end in the same steps (:func:`_finish`), and both work in a
new folder that becomes visible only through the atomic switch of :meth:`StoreLocation.publish`:
a failure at any step, or a kill -9, leaves the published store as it was.
"""

from __future__ import annotations

import gc
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pactgraph.core.errors import InputError, StoreError
from pactgraph.graph.dumps import write_all_dumps
from pactgraph.graph.inference import INFERRED, InferenceResult, infer
from pactgraph.graph.loading import (
    bulk_load_file,
    default_graph_size,
    drop_graph,
    holds_graph,
    materialise_union,
)
from pactgraph.graph.location import PublishedStore, StoreLocation, checkpoint, open_writable, utc_now
from pactgraph.graph.validation import ValidationReport, validate_store
from pactgraph.graph.versioning import store_version
from pactgraph.graph.void import DEFAULT_LICENSE, DUMP_FILES, METADATA, compute_stats, metadata_quads
from pactgraph.ontology.namespace import GRAPH_ONTOLOGY

ONTOLOGY = ox.NamedNode(str(GRAPH_ONTOLOGY))


@dataclass
class BuildOptions:
    """What a build needs besides its input; defaults are the packaged ontology and shapes."""

    ontology_files: Sequence[Path] | None = None
    shapes: Path | None = None
    engine: str = "sparql"
    base_url: str = "http://127.0.0.1:8000"
    license_url: str = DEFAULT_LICENSE
    dumps_dir: Path | None = None  # None: DATA_DIR/dumps; dumps are skipped when write_dumps is False
    write_dumps: bool = True
    validate: bool = True  # off only for benchmarks at sizes pyshacl (in memory) cannot hold
    wait: bool = False  # wait for a running build instead of refusing
    wait_timeout: float | None = None

    def resolved_ontology(self) -> list[Path]:
        from pactgraph.ontology import path

        files = (
            list(self.ontology_files)
            if self.ontology_files is not None
            else [path("pactgraph.ttl"), path("areas.ttl")]
        )
        return [_existing(f, "ontology file") for f in files]

    def resolved_shapes(self) -> Path:
        from pactgraph.ontology import path

        return _existing(self.shapes or path("shapes.ttl"), "SHACL shapes file")


@dataclass
class BuildResult:
    published: PublishedStore
    changed: bool  # False: the content equals the current store's, which stays published
    inference: InferenceResult | None = None
    report: ValidationReport = field(default_factory=ValidationReport)
    seconds: dict[str, float] = field(default_factory=dict)


def _existing(path: Path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The {what} {path} does not exist; check the path (or reinstall pactgraph)")
    return path


class _Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - self._last
        self._last = now


def build(nquads: Path, location: StoreLocation, options: BuildOptions | None = None) -> BuildResult:
    """Build a new store from *nquads* (plus the ontology) and publish it into *location*."""
    options = options or BuildOptions()
    nquads = _existing(nquads, "N-Quads file")
    ontology, shapes = options.resolved_ontology(), options.resolved_shapes()
    with location.lock(wait=options.wait, timeout=options.wait_timeout):
        store_dir = location.new_store_dir()
        try:
            timer = _Timer()
            # The store is passed on, never bound here: _finish must hold its last reference to close it.
            return _finish(
                _loaded(store_dir, nquads, set(), timer, fresh=True),
                store_dir,
                location,
                ontology,
                shapes,
                options,
                timer,
            )
        except BaseException as exc:
            _discard(location, store_dir, exc)
            raise


def add_documents(nquads: Path, location: StoreLocation, options: BuildOptions | None = None) -> BuildResult:
    """Add the documents of *nquads* to the current store, replacing those with the same graph IRI.

    Only their named graphs, the inferred graph, the union and the metadata change; adding the same
    documents again yields the same version and publishes nothing.
    """
    options = options or BuildOptions()
    nquads = _existing(nquads, "N-Quads file")
    ontology, shapes = options.resolved_ontology(), options.resolved_shapes()
    incoming = _graphs_in(nquads)
    with location.lock(wait=options.wait, timeout=options.wait_timeout):
        current = location.require_current()
        store_dir = location.new_store_dir()
        try:
            timer = _Timer()
            _copy_on_write(current.path, store_dir)
            return _finish(
                _loaded(store_dir, nquads, incoming, timer),
                store_dir,
                location,
                ontology,
                shapes,
                options,
                timer,
                previous=current,
            )
        except BaseException as exc:
            _discard(location, store_dir, exc)
            raise


def _discard(location: StoreLocation, store_dir: Path, exc: BaseException) -> None:
    """Remove a failed build's folder, after closing its store: the traceback's frames still hold
    it, and RocksDB writing on a late close would bring the deleted folder back."""
    traceback.clear_frames(exc.__traceback__)
    gc.collect()
    location.discard(store_dir)


def _loaded(
    store_dir: Path, nquads: Path, replaced: set[ox.NamedNode], timer: _Timer, fresh: bool = False
) -> ox.Store:
    """Open the new store, drop the graphs being *replaced*, bulk-load *nquads* into it."""
    store = open_writable(store_dir)
    for graph in replaced:
        drop_graph(store, graph)
    bulk_load_file(store, nquads)
    if fresh:  # whatever is outside a document graph came from the file (add checks with _graphs_in)
        _refuse_build_graphs(store, nquads)
    timer.lap("load")
    return store


def _refuse_build_graphs(store: ox.Store, nquads: Path) -> None:
    """The build owns the default graph and the ontology/inferred/metadata graphs: input that
    writes into them would be silently replaced, so it is refused instead."""
    found = [str(g) for g in (ONTOLOGY, INFERRED, METADATA) if holds_graph(store, g)]
    if store.query("ASK { ?s ?p ?o }"):
        found.append("the default graph")
    if found:
        raise InputError(
            f"{nquads}: quads outside a document graph ({', '.join(found)}); put every quad in its "
            "document's named graph (the default graph is the union the build makes, and the ontology, "
            "inferred and metadata graphs are the build's)"
        )


def _graphs_in(nquads: Path) -> set[ox.NamedNode]:
    """The named graphs of an N-Quads file (parsing it fully: a syntax error surfaces here)."""
    from pactgraph.graph.loading import input_error, rdf_format

    try:
        graphs = {q.graph_name for q in ox.parse(path=str(nquads), format=rdf_format(nquads))}
    except SyntaxError as exc:
        raise input_error(nquads, exc) from exc
    if not graphs:
        raise InputError(f"{nquads}: no quads to add; give an N-Quads file with one named graph per document")
    reserved = {ONTOLOGY, INFERRED, METADATA}
    wrong = sorted(str(g) for g in graphs if not isinstance(g, ox.NamedNode) or g in reserved)
    if wrong:
        raise InputError(
            f"{nquads}: quads outside a document graph ({', '.join(wrong)}); every quad of an added "
            "file must be in its document's named graph (the ontology, inferred and metadata graphs are "
            "the build's)"
        )
    return graphs


def _copy_on_write(source: Path, target: Path) -> None:
    from pactgraph.graph.location import open_read_only

    try:
        open_read_only(source).backup(str(target))
    except OSError as exc:
        raise StoreError(f"Cannot copy the store {source} to {target}: {exc}") from exc
    gc.collect()  # close the read-only handle now, not at some later collection


def _finish(
    store: ox.Store,
    store_dir: Path,
    location: StoreLocation,
    ontology: list[Path],
    shapes: Path,
    options: BuildOptions,
    timer: _Timer,
    previous: PublishedStore | None = None,
) -> BuildResult:
    """The steps common to build and add: ontology, union, inference, validation, version, publish."""
    checkpoint("loaded")
    for graph in (ONTOLOGY, INFERRED, METADATA):
        drop_graph(store, graph)
    for file in ontology:
        bulk_load_file(store, file, to_graph=ONTOLOGY)
    materialise_union(store)
    timer.lap("union")
    inference = infer(store, options.engine)
    timer.lap("inference")
    checkpoint("inferred")
    report = validate_store(store, shapes) if options.validate else ValidationReport()
    report.raise_for_violations(f"The build of {location.data_dir}")
    timer.lap("validation")
    checkpoint("validated")
    version = store_version(store)
    timer.lap("version")
    current = previous or location.current()
    if current is not None and current.version == version:
        del store
        gc.collect()
        location.discard(store_dir)
        return BuildResult(
            published=current, changed=False, inference=inference, report=report, seconds=timer.seconds
        )
    stats = compute_stats(store)
    stats.version, stats.built_at = version, utc_now()
    store.add_graph(METADATA)
    quads = metadata_quads(stats, options.base_url, options.license_url)
    store.extend(quads)
    store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in quads])
    triples = default_graph_size(store)
    timer.lap("metadata")
    # Compaction before publishing: the published store is never written again, and this folds
    # the write-ahead log and the many bulk-load files (measured: 93 -> 68 MiB at 150k triples).
    store.optimize()
    # Flush every column family to SST files: a copy made later with Store.read_only(...).backup()
    # (add, the endpoint's writes) holds only what is flushed; WAL-only writes (the metadata graph
    # and its registry entry) were missing from such copies.
    store.flush()
    timer.lap("compact")
    if options.write_dumps:
        # Written before the switch, beside the final dumps, and moved in after it.
        dumps = write_all_dumps(store, _staging(location, options), DUMP_FILES)
        timer.lap("dumps")
    else:
        dumps = []
    del store
    gc.collect()  # the RocksDB handle must be closed before the folder is renamed
    checkpoint("closed")
    try:
        published = location.publish(store_dir, version, stats.built_at, triples)
    except OSError as exc:
        raise StoreError(f"Cannot publish {store_dir} into {location.data_dir}: {exc}") from exc
    checkpoint("published")
    _move_dumps(dumps, _dumps_dir(location, options))
    timer.lap("publish")
    return BuildResult(
        published=published, changed=True, inference=inference, report=report, seconds=timer.seconds
    )


def _dumps_dir(location: StoreLocation, options: BuildOptions) -> Path:
    return options.dumps_dir or location.data_dir / "dumps"


def _staging(location: StoreLocation, options: BuildOptions) -> Path:
    return _dumps_dir(location, options) / ".staging"


def _move_dumps(files: list[Path], target: Path) -> None:
    import os

    for file in files:
        os.replace(file, target / file.name)
