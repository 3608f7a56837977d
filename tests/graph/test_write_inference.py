"""Writes derive the inferred graph again: what follows from a new fact appears, and goes with it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pactgraph.graph import (
    BuildOptions,
    StoreLocation,
    apply_update,
    build,
    graph_store_write,
    open_read_only,
)

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
DOC = f"{ID}document/write-test"
INFERRED = "https://w3id.org/pactgraph/graph/inferred"
A, B, C = f"<{ID}org/write-test-a>", f"<{ID}org/write-test-b>", f"<{ID}org/write-test-c>"
SEED = f"""
{A} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PG}Company> <{DOC}> .
{B} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PG}Company> <{DOC}> .
{C} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PG}Company> <{DOC}> .
"""


@pytest.fixture
def location(tmp_path) -> StoreLocation:
    nq = tmp_path / "seed.nq"
    nq.write_text(SEED, encoding="utf-8")
    location = StoreLocation(tmp_path / "store")
    build(nq, location, BuildOptions(validate=False, write_dumps=False))
    return location


def _ask(location: StoreLocation, pattern: str) -> bool:
    store = open_read_only(location.require_current().path)
    return bool(store.query(f"ASK {{ {pattern} }}"))


def test_an_update_gets_what_its_new_fact_entails_in_the_inferred_graph_and_the_union(location) -> None:
    apply_update(
        location,
        f"INSERT DATA {{ GRAPH <{DOC}> {{ {A} <{PG}cooperatesWith> {B} }} }}",
        inference_engine="sparql",
    )
    # pg:cooperatesWith is symmetric (ontology/pactgraph.ttl)
    assert _ask(location, f"GRAPH <{INFERRED}> {{ {B} <{PG}cooperatesWith> {A} }}")
    assert _ask(location, f"{B} <{PG}cooperatesWith> {A}")  # the default graph is the union


def test_deleting_the_fact_deletes_what_followed_from_it(location) -> None:
    insert = f"INSERT DATA {{ GRAPH <{DOC}> {{ {A} <{PG}cooperatesWith> {C} }} }}"
    apply_update(location, insert, inference_engine="sparql")
    assert _ask(location, f"{C} <{PG}cooperatesWith> {A}")
    delete = f"DELETE DATA {{ GRAPH <{DOC}> {{ {A} <{PG}cooperatesWith> {C} }} }}"
    apply_update(location, delete, inference_engine="sparql")
    assert not _ask(location, f"GRAPH <{INFERRED}> {{ {C} <{PG}cooperatesWith> {A} }}")
    assert not _ask(location, f"{C} <{PG}cooperatesWith> {A}")
    assert _ask(location, f"{A} a <{PG}Company>")  # the rest of the graph is untouched


def test_a_graph_store_write_is_inferred_over_too(location) -> None:
    payload = f"{A} <{PG}cooperatesWith> {B} .".encode()
    graph_store_write(
        location,
        "POST",
        f"{ID}document/write-test-2",
        payload,
        "application/n-triples",
        inference_engine="sparql",
    )
    assert _ask(location, f"GRAPH <{INFERRED}> {{ {B} <{PG}cooperatesWith> {A} }}")


def test_without_an_engine_the_inferred_graph_is_left_as_built(location) -> None:
    apply_update(location, f"INSERT DATA {{ GRAPH <{DOC}> {{ {A} <{PG}cooperatesWith> {B} }} }}")
    assert not _ask(location, f"{B} <{PG}cooperatesWith> {A}")


def test_a_store_without_the_ontology_gets_no_inferred_graph(tmp_path, publish_store) -> None:
    publish_store(tmp_path, '<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .\n')
    location = StoreLocation(tmp_path)
    apply_update(
        location,
        'INSERT DATA { <http://example.org/b> <http://example.org/p> "y" }',
        inference_engine="sparql",
    )
    store = open_read_only(location.require_current().path)
    assert ox.NamedNode(INFERRED) not in set(store.named_graphs())
