"""Dumps of a store: N-Quads, TriG, Turtle and JSON-LD, optionally gzipped.

``nq``, ``trig`` and ``jsonld`` hold the named graphs (the dataset as built: documents, ontology,
inferred, metadata); the default graph is left out because it is their union, rebuilt on load.
``ttl`` holds that union, as one graph, for tools that read no datasets.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from pactgraph.core.errors import InputError
from pactgraph.ontology.namespace import PREFIXES

DUMP_FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
MEDIA_TYPES = {
    "nq": "application/n-quads",
    "trig": "application/trig",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
}


def named_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of the named graphs (not the default-graph union)."""
    default = ox.DefaultGraph()
    return (q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != default)


def jsonld_context() -> dict:
    """The published JSON-LD @context (ontology/context.jsonld), or the project prefixes if absent."""
    from pactgraph.ontology import path

    context_file = path("context.jsonld")
    if context_file.is_file():
        data = json.loads(context_file.read_text(encoding="utf-8"))
        return data.get("@context", data)
    return dict(PREFIXES)


def write_dump(store: ox.Store, fmt: str, out: IO[bytes]) -> None:
    """Serialise *store* in *fmt* (a key of :data:`DUMP_FORMATS`) into the binary stream *out*."""
    if fmt not in DUMP_FORMATS:
        raise InputError(f"Unknown dump format {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
    if fmt == "ttl":
        store.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    elif fmt == "jsonld":
        _write_jsonld(store, out)
    elif fmt == "trig":
        ox.serialize(named_quads(store), out, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    else:
        ox.serialize(named_quads(store), out, ox.RdfFormat.N_QUADS)


def _write_jsonld(store: ox.Store, out: IO[bytes]) -> None:
    # rdflib compacts with the published @context (short names), which pyoxigraph does not do.
    import rdflib

    dataset = rdflib.Dataset()
    data = ox.serialize(named_quads(store), None, ox.RdfFormat.N_QUADS)
    dataset.parse(data=data, format="nquads")
    out.write(
        dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, encoding="utf-8")
    )


@contextmanager
def _atomic_output(target: Path, compress: bool) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside *target*, replaced into place only when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as raw:
            if compress:
                # mtime=0: the same store gives byte-identical dumps (stable HTTP caching).
                with gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0, compresslevel=6) as gz:
                    yield gz
            else:
                yield raw
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def dump(store_path: Path, fmt: str, output: Path | IO[bytes], compress: bool = False) -> None:
    """Dump the published store at *store_path* to a file (atomically) or a binary stream."""
    from pactgraph.graph.location import open_read_only

    store = open_read_only(store_path)
    if isinstance(output, Path):
        with _atomic_output(output, compress) as out:
            write_dump(store, fmt, out)
    elif compress:
        with gzip.GzipFile(filename="", fileobj=output, mode="wb", mtime=0) as gz:
            write_dump(store, fmt, gz)
    else:
        write_dump(store, fmt, output)


def write_all_dumps(store: ox.Store, dumps_dir: Path, files: dict[str, str]) -> list[Path]:
    """Write every dump (gzipped) into *dumps_dir*, each replaced atomically; the paths written."""
    written = []
    for fmt, name in files.items():
        target = dumps_dir / name
        with _atomic_output(target, compress=True) as out:
            write_dump(store, fmt, out)
        written.append(target)
    return written
