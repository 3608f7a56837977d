"""Over HTTP: an update to a built store brings what it entails; with PACTGRAPH_WRITE_INFERENCE off, not."""

from __future__ import annotations

import httpx
import pytest
from pactgraph.graph import BuildOptions, StoreLocation, build

TOKEN = "write-inference-test-token-0123456789"
ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
DOC = f"{ID}document/http-write-test"
A, B = f"<{ID}org/http-write-a>", f"<{ID}org/http-write-b>"


@pytest.fixture
def built_dir(tmp_path):
    nq = tmp_path / "seed.nq"
    nq.write_text(f"{A} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PG}Company> <{DOC}> .\n")
    build(nq, StoreLocation(tmp_path / "store"), BuildOptions(validate=False, write_dumps=False))
    return tmp_path / "store"


def _update_then_ask(server) -> bool:
    update = f"INSERT DATA {{ GRAPH <{DOC}> {{ {A} <{PG}cooperatesWith> {B} }} }}"
    done = httpx.post(
        f"{server.url}/sparql",
        content=update,
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
        timeout=30,
    )
    assert done.status_code in (200, 204), done.text
    asked = httpx.get(
        f"{server.url}/sparql",
        params={"query": f"ASK {{ {B} <{PG}cooperatesWith> {A} }}"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    return asked.json()["boolean"]


def test_an_update_over_http_gets_the_symmetric_fact(built_dir, server_factory) -> None:
    assert _update_then_ask(server_factory(built_dir, update_token=TOKEN, workers=2))


def test_with_write_inference_off_the_inferred_graph_stays_as_built(built_dir, server_factory) -> None:
    server = server_factory(built_dir, update_token=TOKEN, workers=2, write_inference=False)
    assert not _update_then_ask(server)
