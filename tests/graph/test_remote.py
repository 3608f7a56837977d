"""Publishing into a real remote SPARQL 1.1 store (Oxigraph server over HTTP) gives the same answers."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.core.errors import BackendUnavailable, ConfigError
from pactgraph.core.settings import load_settings
from pactgraph.graph import BuildOptions, RemoteBackend, StoreLocation, build, open_read_only
from pactgraph.queries.catalog import all_queries

SAMPLE = Path(__file__).parent / "data" / "sample.nq"


def _example_queries() -> list:
    # SERVICE would make both stores call the internet; DESCRIBE/CONSTRUCT answers are graphs.
    return [q for q in all_queries() if q.form in ("SELECT", "ASK") and "SERVICE" not in q.text.upper()]


def _local_rows(store: ox.Store, text: str):
    result = store.query(text)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    variables = [v.value for v in result.variables]
    return sorted(tuple((v, _value(row[v])) for v in variables if row[v] is not None) for row in result)


def _value(term) -> str:
    return "_:" if isinstance(term, ox.BlankNode) else term.value


def _remote_rows(backend: RemoteBackend, text: str, form: str):
    if form == "ASK":
        return backend.ask(text)
    raw = backend._send(  # the raw JSON, to see blank nodes as such
        "POST", backend.query_url, data={"query": text}, headers={"Accept": "application/sparql-results+json"}
    ).json()
    variables = raw["head"]["vars"]
    return sorted(
        tuple((v, "_:" if row[v]["type"] == "bnode" else row[v]["value"]) for v in variables if v in row)
        for row in raw["results"]["bindings"]
    )


@pytest.fixture
def remote(oxigraph_server):
    oxigraph_server.clear()
    yield oxigraph_server
    oxigraph_server.clear()


@pytest.mark.parametrize("use_gsp", [True, False], ids=["graph-store-protocol", "sparql-update"])
def test_example_queries_answer_the_same_on_the_remote_store(sample_store, remote, use_gsp):
    published = sample_store.current()
    with remote.backend(use_gsp=use_gsp) as backend:
        assert backend.publish_store(published.path)
        local = open_read_only(published.path)
        queries = _example_queries()
        assert len(queries) >= 5
        differing = [
            q.name for q in queries if _local_rows(local, q.text) != _remote_rows(backend, q.text, q.form)
        ]
        assert not differing, f"different answers from the remote store: {differing}"
        counts = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert int(backend.select(counts)[0]["n"]) == published.triples
        assert backend.version() == published.version


def test_publishing_the_same_store_again_sends_nothing(sample_store, remote):
    with remote.backend() as backend:
        assert backend.publish_store(sample_store.current().path)
        assert not backend.publish_store(sample_store.current().path)


def test_graphs_gone_from_the_local_store_are_dropped_remotely(sample_store, remote, tmp_path):
    only_a = tmp_path / "a.nq"
    only_a.write_text(
        "".join(line + "\n" for line in SAMPLE.read_text().splitlines() if "900_sample_a> ." in line)
    )
    smaller = StoreLocation(tmp_path / "store")
    build(only_a, smaller, BuildOptions(write_dumps=False))
    with remote.backend() as backend:
        backend.publish_store(sample_store.current().path)
        assert "https://w3id.org/pactgraph/id/document/901_sample_b" in backend.named_graphs()
        backend.publish_store(smaller.current().path)
        assert "https://w3id.org/pactgraph/id/document/901_sample_b" not in backend.named_graphs()
        assert backend.version() == smaller.current().version


def test_build_command_publishes_into_the_configured_backend(remote, tmp_path, monkeypatch):
    from pactgraph.cli.main import app
    from typer.testing import CliRunner

    monkeypatch.setenv("PACTGRAPH_BACKEND_URL", remote.query_url)
    monkeypatch.setenv("PACTGRAPH_BACKEND_GSP_URL", remote.gsp_url)
    result = CliRunner().invoke(
        app, ["build", "--from-nq", str(SAMPLE), "--store", str(tmp_path / "store"), "--no-dumps"]
    )
    assert result.exit_code == 0, result.output
    assert f"published into the remote store {remote.query_url}" in result.output
    with remote.backend() as backend:
        assert backend.version() == StoreLocation(tmp_path / "store").current().version


def test_unreachable_backend_is_named_in_the_error():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with (
        RemoteBackend(f"http://127.0.0.1:{port}/query", timeout=2) as backend,
        pytest.raises(BackendUnavailable, match=f"127.0.0.1:{port}"),
    ):
        backend.version()


def test_backend_without_a_write_url_is_refused_with_the_variables_named():
    settings = load_settings(backend_url="http://127.0.0.1:1/query")
    with pytest.raises(ConfigError, match="PACTGRAPH_BACKEND_UPDATE_URL or PACTGRAPH_BACKEND_GSP_URL"):
        RemoteBackend.from_settings(settings)
