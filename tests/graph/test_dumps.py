"""Dumps: every format loads back into an empty store and dumps again to the same graphs."""

import gzip
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pactgraph.graph import BuildOptions, StoreLocation, build, dump
from pactgraph.graph.dumps import write_dump
from rdflib.compare import graph_diff, to_isomorphic

SAMPLE = Path(__file__).parent / "data" / "sample.nq"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    location = StoreLocation(tmp_path_factory.mktemp("dumps") / "store")
    return location, build(SAMPLE, location, BuildOptions()).published


def _graphs(store: ox.Store) -> dict[str, rdflib.Graph]:
    """Each named graph (or the default graph, as ''), as an rdflib graph."""
    graphs: dict[str, rdflib.Graph] = {}
    for quad in store.quads_for_pattern(None, None, None, None):
        name = "" if quad.graph_name == ox.DefaultGraph() else quad.graph_name.value
        graphs.setdefault(name, rdflib.Graph())
    for name, graph in graphs.items():
        source = ox.DefaultGraph() if name == "" else ox.NamedNode(name)
        graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source), format="nt")
    return graphs


def _assert_same(expected: dict[str, rdflib.Graph], actual: dict[str, rdflib.Graph]) -> None:
    assert sorted(expected) == sorted(actual)
    for name in expected:
        a, b = to_isomorphic(expected[name]), to_isomorphic(actual[name])
        if a != b:
            _, only_expected, only_actual = graph_diff(a, b)
            raise AssertionError(
                f"graph {name or 'default'} differs:\nonly in expected:\n"
                + only_expected.serialize(format="nt")[:2000]
                + "\nonly in actual:\n"
                + only_actual.serialize(format="nt")[:2000]
            )


def _reload(data: bytes, fmt: str) -> ox.Store:
    store = ox.Store()
    if fmt == "ttl":
        store.load(data, format=ox.RdfFormat.TURTLE)
    elif fmt == "jsonld":
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format="json-ld")
        store.load(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    else:
        store.load(data, format=ox.RdfFormat.N_QUADS if fmt == "nq" else ox.RdfFormat.TRIG)
    return store


@pytest.mark.parametrize("fmt", ["nq", "trig", "ttl", "jsonld"])
def test_dump_load_dump_round_trips_per_graph(published, fmt, tmp_path):
    _, store_info = published
    original = ox.Store.read_only(str(store_info.path))
    expected = _graphs(original)
    if fmt == "ttl":
        expected = {"": expected[""]}  # Turtle holds the union
    else:
        expected.pop("")  # the datasets hold the named graphs; the union is rebuilt on load
    out = tmp_path / f"dump.{fmt}"
    dump(store_info.path, fmt, out)
    first = _reload(out.read_bytes(), fmt)
    _assert_same(expected, _graphs(first))
    again = io.BytesIO()
    write_dump(first, fmt, again)
    _assert_same(expected, _graphs(_reload(again.getvalue(), fmt)))


def test_jsonld_dump_uses_the_published_context(published, tmp_path):
    out = tmp_path / "d.jsonld"
    dump(published[1].path, "jsonld", out)
    text = out.read_text()
    assert '"@context"' in text
    assert '"cooperatesWith"' in text or '"pg:cooperatesWith"' in text  # short names, not full IRIs


def test_gzip_dump_is_deterministic(published, tmp_path):
    a, b = tmp_path / "a.nq.gz", tmp_path / "b.nq.gz"
    dump(published[1].path, "nq", a, compress=True)
    dump(published[1].path, "nq", b, compress=True)
    assert a.read_bytes() == b.read_bytes()
    assert b"<https://w3id.org/pactgraph/graph/ontology>" in gzip.decompress(a.read_bytes())


def test_build_writes_gzipped_dumps_for_the_api(published):
    location, store_info = published
    dumps = location.data_dir / "dumps"
    for name in ("pactgraph.nq.gz", "pactgraph.trig.gz", "pactgraph.ttl.gz", "pactgraph.jsonld.gz"):
        assert (dumps / name).stat().st_size > 0
    text = gzip.decompress((dumps / "pactgraph.nq.gz").read_bytes()).decode()
    assert store_info.version in text  # the dump is of the published store (its metadata graph)
