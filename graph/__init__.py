"""The store: load, infer, validate, version, publish, dump; embedded Oxigraph or a remote SPARQL 1.1 store.

``__all__`` is the public surface: ``api/`` and ``cli/`` use only these names (tests/graph checks
it for ``api/``). Importing ``pactgraph.graph`` is light: the names resolve lazily, so that
pyoxigraph, owlrl and pyshacl load only when a command needs them.
"""

from importlib import import_module
from typing import Any

from pactgraph.graph.location import PublishedStore, StoreLocation, open_read_only, open_writable

# name -> module (under pactgraph.graph) that defines it; resolved on first use.
_LAZY = {
    "build": "builder",
    "add_documents": "builder",
    "BuildOptions": "builder",
    "BuildResult": "builder",
    "store_version": "versioning",
    "infer": "inference",
    "INFERENCE_ENGINES": "inference",
    "validate": "validation",
    "validate_file": "validation",
    "ValidationReport": "validation",
    "dump": "dumps",
    "DUMP_FORMATS": "dumps",
    "MEDIA_TYPES": "dumps",
    "stats": "void",
    "DatasetStats": "void",
    "DUMP_FILES": "void",
    "RemoteBackend": "remote",
    # the copy-on-write writes behind the endpoint (graph/writes.py, the API engineer's)
    "apply_update": "writes",
    "graph_store_write": "writes",
}

__all__ = ["PublishedStore", "StoreLocation", "open_read_only", "open_writable", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pactgraph.graph' has no attribute {name!r}")
    value = getattr(import_module(f"pactgraph.graph.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
