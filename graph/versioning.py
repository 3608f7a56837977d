"""The version of a store: a content hash of its named graphs (the metadata graph excepted).

The hash is an order-independent multiset hash: the sum, modulo 2**256, of the sha256 of each
quad written as canonical N-Quads. It equals a hash of the sorted N-Quads in what it
distinguishes, but streams through the store without sorting (10M quads need no 1.5 GB list).
Blank nodes are written as ``_:`` whatever their label: Oxigraph relabels them on every load, and
the version must not change when the same files are loaded again.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from pactgraph.ontology.namespace import GRAPH_METADATA

VERSION_HEX = 16
_MOD = 1 << 256


def _term(term: object) -> str:
    return "_:" if isinstance(term, ox.BlankNode) else str(term)


def quad_line(quad: ox.Quad) -> str:
    """One quad as a canonical N-Quads line (blank nodes anonymised), the unit the version hashes."""
    return f"{_term(quad.subject)} {_term(quad.predicate)} {_term(quad.object)} {_term(quad.graph_name)} .\n"


def store_version(store: ox.Store) -> str:
    """The content version of *store*: 16 hex digits, equal for stores with equal named graphs."""
    metadata = ox.NamedNode(str(GRAPH_METADATA))
    default = ox.DefaultGraph()
    total = 0
    count = 0
    for quad in store.quads_for_pattern(None, None, None, None):
        if quad.graph_name == default or quad.graph_name == metadata:
            continue
        total = (total + int.from_bytes(hashlib.sha256(quad_line(quad).encode()).digest(), "big")) % _MOD
        count += 1
    # The count is hashed in too, so that two multisets with equal sums cannot pass for one another.
    final = hashlib.sha256(total.to_bytes(32, "big") + count.to_bytes(8, "big")).hexdigest()
    return final[:VERSION_HEX]
