"""The Graph Store HTTP Protocol at /store: reads public, writes with the token, clear refusals."""

from __future__ import annotations

import uuid

import httpx
import pytest
import rdflib

TOKEN = "graph-store-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = '@prefix ex: <http://example.org/> . ex:hanoi ex:name "Hà Nội"@vi .'


@pytest.fixture(scope="module")
def store_server(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("graph-store")
    publish_store(data_dir, "")
    server = launch_server(data_dir, update_token=TOKEN, max_body_bytes=50_000)
    yield server
    server.stop()


@pytest.fixture
def g() -> str:
    """A graph IRI no other test uses (the server is shared by the module)."""
    return f"http://example.org/{uuid.uuid4().hex}"


def _put(server, graph: str, body: str, media: str = "text/turtle") -> httpx.Response:
    return httpx.put(
        server.store, params={"graph": graph}, content=body.encode(), headers={**AUTH, "Content-Type": media}
    )


def test_put_creates_then_replaces_and_get_reads_it_back(store_server, g):
    assert _put(store_server, g, TURTLE).status_code == 201
    assert _put(store_server, g, TURTLE.replace("Hà Nội", "Huế")).status_code == 204
    response = httpx.get(store_server.store, params={"graph": g}, headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert {str(o) for o in graph.objects()} == {"Huế"}


def test_head_has_the_headers_and_no_body(store_server, g):
    _put(store_server, g, TURTLE)
    response = httpx.head(store_server.store, params={"graph": g}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.content == b""
    missing = httpx.head(store_server.store, params={"graph": "http://example.org/none"})
    assert missing.status_code == 404 and missing.content == b""


def test_post_to_the_store_creates_a_graph_at_its_location(store_server):
    response = httpx.post(
        store_server.store, content=TURTLE.encode(), headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert response.status_code == 201
    location = response.headers["location"]
    assert location.startswith(store_server.store + "/")
    direct = httpx.get(location, headers={"Accept": "application/n-triples"})  # direct identification
    assert direct.status_code == 200 and "Hà Nội" in direct.text


def test_multipart_post_merges_every_part(store_server, g):
    boundary = "pactgraphboundary"
    parts = [
        '<http://example.org/a> <http://example.org/p> "one" .',
        '<http://example.org/a> <http://example.org/p> "two" .',
    ]
    body = (
        "".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="f{i}"; filename="f{i}.nt"\r\n'
            f"Content-Type: application/n-triples\r\n\r\n{part}\r\n"
            for i, part in enumerate(parts)
        )
        + f"--{boundary}--\r\n"
    )
    response = httpx.post(
        store_server.store,
        params={"graph": g},
        content=body.encode(),
        headers={**AUTH, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code in (201, 204)
    got = httpx.get(
        store_server.store,
        params={"graph": g},
        headers={"Accept": "application/n-triples"},
    )
    assert '"one"' in got.text and '"two"' in got.text


@pytest.mark.parametrize(
    ("graph", "body", "media", "status", "says"),
    [
        ("relative/graph", TURTLE, "text/turtle", 400, "relative IRI"),
        ("http://example.org/bad", "<broken", "text/turtle", 400, "does not parse"),
        ("http://example.org/bad", TURTLE, "application/x-yaml", 415, "text/turtle"),
    ],
)
def test_bad_writes_are_refused_with_the_cause(store_server, graph, body, media, status, says):
    response = _put(store_server, graph, body, media)
    assert response.status_code == status
    assert says in response.text


def test_delete_removes_and_a_missing_graph_is_404(store_server, g):
    _put(store_server, g, TURTLE)
    assert httpx.delete(store_server.store, params={"graph": g}, headers=AUTH).status_code == 204
    assert httpx.get(store_server.store, params={"graph": g}).status_code == 404
    assert httpx.delete(store_server.store, params={"graph": g}, headers=AUTH).status_code == 404


def test_writes_need_the_token_and_reads_do_not(store_server, live_server, g):
    no_token = httpx.put(
        store_server.store,
        params={"graph": g},
        content=TURTLE.encode(),
        headers={"Content-Type": "text/turtle"},
    )
    assert no_token.status_code == 401
    read_only = httpx.put(
        live_server.store,
        params={"graph": g},
        content=TURTLE.encode(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert read_only.status_code == 403
    doc = "https://w3id.org/pactgraph/id/document/doc-b"
    assert httpx.get(live_server.store, params={"graph": doc}).status_code == 200


def test_body_over_the_limit_is_413(store_server, g):
    big = '<http://example.org/a> <http://example.org/p> "' + "x" * 60_000 + '" .'
    assert _put(store_server, g, big, "application/n-triples").status_code == 413


def test_graph_reads_carry_an_etag_answered_304_until_the_graph_changes(store_server, g):
    _put(store_server, g, TURTLE)
    first = httpx.get(store_server.store, params={"graph": g}, headers={"Accept": "text/turtle"})
    etag = first.headers["etag"]
    again = httpx.get(
        store_server.store, params={"graph": g}, headers={"Accept": "text/turtle", "If-None-Match": etag}
    )
    assert again.status_code == 304
    _put(store_server, g, TURTLE.replace("Hà Nội", "Đà Nẵng"))
    changed = httpx.get(
        store_server.store, params={"graph": g}, headers={"Accept": "text/turtle", "If-None-Match": etag}
    )
    assert changed.status_code == 200 and "Đà Nẵng" in changed.text
