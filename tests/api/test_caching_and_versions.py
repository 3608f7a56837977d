"""HTTP caching (ETag, 304, Cache-Control), the result cache, and new store versions picked up live."""

from __future__ import annotations

import httpx
import pytest

TOKEN = "versions-test-token-0123456789"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(server) -> int:
    response = httpx.get(
        server.sparql, params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def writable(tmp_path, publish_store, server_factory):
    publish_store(tmp_path, '<http://example.org/a> <http://example.org/b> "1" <http://example.org/g1> .')
    server = server_factory(tmp_path, update_token=TOKEN, cache_control="public, max-age=5")
    server.data_dir = tmp_path
    return server


def test_get_results_carry_an_etag_and_if_none_match_gives_304(writable):
    first = httpx.get(writable.sparql, params={"query": COUNT})
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=5"
    again = httpx.get(writable.sparql, params={"query": COUNT}, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other_format = httpx.get(
        writable.sparql, params={"query": COUNT}, headers={"If-None-Match": etag, "Accept": "text/csv"}
    )
    assert other_format.status_code == 200  # the ETag covers the media type too


def test_repeated_queries_are_served_from_the_result_cache(writable):
    first = httpx.get(writable.sparql, params={"query": COUNT})
    second = httpx.get(writable.sparql, params={"query": COUNT})
    assert "x-pactgraph-cache" not in first.headers
    assert second.headers.get("x-pactgraph-cache") == "hit"
    assert second.content == first.content


def test_a_new_publish_is_picked_up_without_restart_and_drops_cache_and_etag(writable, publish_store):
    before = httpx.get(writable.sparql, params={"query": COUNT})
    assert _count(writable) == 1  # the default graph: the union of the named graphs
    publish_store(
        writable.data_dir,
        '<http://example.org/a> <http://example.org/b> "1" <http://example.org/g1> .\n'
        '<http://example.org/x> <http://example.org/y> "2" <http://example.org/g2> .',
    )
    after = httpx.get(
        writable.sparql, params={"query": COUNT}, headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert int(after.json()["results"]["bindings"][0]["n"]["value"]) == 2
    health = httpx.get(f"{writable.url}/health").json()
    assert health["version"] == after.headers["x-pactgraph-store-version"]


def test_an_update_is_visible_to_the_next_query_and_changes_the_version(writable):
    version = httpx.get(f"{writable.url}/health").json()["version"]
    assert _count(writable) == 1
    response = httpx.post(
        writable.sparql,
        data={"update": "INSERT DATA { GRAPH <http://example.org/g3> { <http://e/n> <http://e/m> 3 } }"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["x-pactgraph-store-version"] != version
    assert _count(writable) == 2  # the new triple reached the union default graph
    assert (
        httpx.get(f"{writable.url}/health").json()["version"] == response.headers["x-pactgraph-store-version"]
    )


def test_post_queries_are_not_cacheable_by_http(writable):
    response = httpx.post(writable.sparql, data={"query": COUNT})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers
