"""Dumps under /dumps/ (ETag, Content-Length, no traversal) and the front-end assets."""

from __future__ import annotations

import gzip

import httpx
import pytest


@pytest.fixture()
def a_dump(web_dumps_dir):
    path = web_dumps_dir / "pactgraph.nq.gz"
    path.write_bytes(gzip.compress(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n"))
    yield path
    path.unlink()


def test_dump_is_served_with_etag_and_length_and_revalidates(web_client, a_dump):
    response = web_client.get("/dumps/pactgraph.nq.gz")
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == a_dump.stat().st_size
    assert gzip.decompress(response.content).startswith(b"<urn:a>")
    again = web_client.get("/dumps/pactgraph.nq.gz", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_dump_listing_names_the_files(web_client, a_dump):
    listing = web_client.get("/dumps/").json()["dumps"]
    assert [(d["name"], d["href"]) for d in listing] == [("pactgraph.nq.gz", "/dumps/pactgraph.nq.gz")]


@pytest.mark.parametrize("name", ["..%2F..%2Fetc%2Fpasswd", ".hidden", "%2Fetc%2Fpasswd", "nothing.nq.gz"])
def test_dump_names_cannot_leave_the_dumps_folder(web_client, name, a_dump):
    response = web_client.get(f"/dumps/{name}")
    assert response.status_code == 404
    assert "root:" not in response.text


def test_editor_page_serves_yasgui_locally_or_says_how_to_install(web_client):
    page = web_client.get("/editor", headers={"Accept": "text/html"}).text
    if 'src="/static/vendor/yasgui/yasgui.min.js"' in page:
        assert web_client.get("/static/vendor/yasgui/yasgui.min.js").status_code == 200
        assert "/sparql" in page and "PREFIX pg:" in page
    else:
        assert "make assets" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()


def test_vendor_route_serves_only_the_allow_list(web_client):
    assert web_client.get("/static/vendor/../package.json").status_code == 404
    assert web_client.get("/static/vendor/cytoscape/package.json").status_code == 404


def test_pages_say_what_is_missing_without_node_modules(start_web_server, tmp_path):
    """A server whose node_modules folder is empty still serves everything else."""
    server = start_web_server(node_modules_dir=tmp_path / "none")
    with httpx.Client(base_url=server.url) as client:
        for page in ("/editor", "/explorer"):
            text = client.get(page, headers={"Accept": "text/html"}).text
            assert "make assets" in text and "/static/vendor/" not in text
        missing = client.get("/static/vendor/yasgui/yasgui.min.js")
        assert missing.status_code == 404 and "make assets" in missing.text
        assert client.get("/id/org/rosatom.ttl").status_code == 200


def test_head_of_a_dump_gives_its_length_and_etag(web_client, a_dump):
    head = web_client.head("/dumps/pactgraph.nq.gz")
    assert head.status_code == 200
    assert int(head.headers["content-length"]) == a_dump.stat().st_size and head.headers["etag"]
