"""Copy-on-write writes keep the default graph the union of the named graphs; the old store stays."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pactgraph.core.errors import InputError, QuerySyntaxError
from pactgraph.graph import StoreLocation, apply_update, graph_store_write, open_read_only

EX = "http://example.org/"
SEED = f"""
<{EX}a> <{EX}p> "shared" <{EX}g1> .
<{EX}a> <{EX}p> "shared" <{EX}g2> .
<{EX}b> <{EX}p> "only-g1" <{EX}g1> .
"""


@pytest.fixture
def location(tmp_path, publish_store) -> StoreLocation:
    publish_store(tmp_path, SEED)
    return StoreLocation(tmp_path)


def _default(location: StoreLocation) -> set[str]:
    store = open_read_only(location.require_current().path)
    return {
        f"{q.subject} {q.predicate} {q.object}"
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }


def _triple(s: str, o: str) -> str:
    return f'<{EX}{s}> <{EX}p> "{o}"'


def test_insert_into_a_named_graph_reaches_the_default_graph(location):
    apply_update(location, f'INSERT DATA {{ GRAPH <{EX}g3> {{ <{EX}c> <{EX}p> "new" }} }}')
    assert _triple("c", "new") in _default(location)


def test_dropping_a_graph_removes_only_triples_no_other_graph_holds(location):
    apply_update(location, f"DROP GRAPH <{EX}g1>")
    default = _default(location)
    assert _triple("b", "only-g1") not in default  # held by g1 alone
    assert _triple("a", "shared") in default  # g2 still states it


def test_triples_written_straight_into_the_default_graph_stay(location):
    apply_update(location, f'INSERT DATA {{ <{EX}d> <{EX}p> "direct" }}')
    apply_update(location, f"DROP GRAPH <{EX}g2>")
    assert _triple("d", "direct") in _default(location)


def test_a_write_publishes_a_new_version_and_leaves_the_old_store_unchanged(location):
    before = location.require_current()
    after = apply_update(location, f'INSERT DATA {{ GRAPH <{EX}g1> {{ <{EX}e> <{EX}p> "x" }} }}')
    assert after.version != before.version and after.path != before.path
    old = open_read_only(before.path)
    assert not list(old.quads_for_pattern(ox.NamedNode(f"{EX}e"), None, None, None))


def test_a_default_graph_only_change_still_gets_a_new_version(location):
    before = location.require_current()
    after = apply_update(location, f'INSERT DATA {{ <{EX}d> <{EX}p> "direct" }}')
    assert after.version != before.version


def test_syntax_error_raises_with_position_and_publishes_nothing(location):
    before = location.require_current()
    with pytest.raises(QuerySyntaxError, match=r"1:\d+"):
        apply_update(location, "INSERT DATA { <a> <b> }")
    assert location.require_current() == before


def test_graph_store_put_replaces_and_post_merges(location):
    graph = f"{EX}g1"
    _, created = graph_store_write(location, "PUT", graph, f'<{EX}f> <{EX}p> "put" .'.encode(), "text/turtle")
    assert created is False
    default = _default(location)
    assert _triple("f", "put") in default and _triple("b", "only-g1") not in default
    _, created = graph_store_write(
        location,
        "POST",
        f"{EX}g9",
        [
            (f'<{EX}h> <{EX}p> "one" .'.encode(), "text/turtle"),
            (f'<{EX}h> <{EX}p> "two" .'.encode(), "application/n-triples"),
        ],
        None,
    )
    assert created is True
    assert {_triple("h", "one"), _triple("h", "two")} <= _default(location)


def test_graph_store_refuses_bad_payloads_and_relative_iris(location):
    before = location.require_current()
    with pytest.raises(InputError, match="does not parse"):
        graph_store_write(location, "PUT", f"{EX}g1", b"<broken", "text/turtle")
    with pytest.raises(InputError, match="Cannot read a graph sent as"):
        graph_store_write(location, "PUT", f"{EX}g1", b"x", "application/x-unknown")
    with pytest.raises(InputError, match="absolute IRI"):
        graph_store_write(location, "PUT", "relative/graph", b"", "text/turtle")
    assert location.require_current() == before
