"""Workers follow the published store by its folder, not by its content version.

A write can bring the content back to an earlier state (PUT a graph, then DELETE it): the new
folder has the same version as an older folder that is then collected. Every worker must still
answer from the current folder, and an idle worker must let go of a collected store (its deleted
files would otherwise keep their disk space)."""

from __future__ import annotations

import concurrent.futures
import os
import time
from pathlib import Path

import httpx
import pytest

TOKEN = "store-switch-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/switch/extra"
ASK = "ASK { ?s ?p ?o }"


@pytest.fixture
def writable(tmp_path, publish_store, server_factory):
    publish_store(tmp_path, '<http://example.org/a> <http://example.org/b> "1" <http://example.org/g1> .')
    server = server_factory(tmp_path, update_token=TOKEN, workers=3, result_cache_entries=0)
    server.data_dir = tmp_path
    return server


def _all_workers_busy_once(server) -> None:
    """Concurrent slow-ish reads, so that every worker has opened the store of the moment."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda _: httpx.get(server.sparql, params={"query": query}, timeout=30), range(6)))


def _version(server) -> str:
    return httpx.get(f"{server.url}/health").json()["version"]


def _insert(server, i: int) -> None:
    triple = f"<http://example.org/n{i}> <http://example.org/p> {i}"
    update = f"INSERT DATA {{ GRAPH <http://example.org/g{i}> {{ {triple} }} }}"
    response = httpx.post(server.sparql, data={"update": update}, headers=AUTH)
    assert response.status_code in (200, 204), response.text


def test_a_write_back_to_an_earlier_content_is_served_by_every_worker(writable):
    for i in range(4):  # a store written several times holds several files per index
        _insert(writable, i)
    before = _version(writable)
    _all_workers_busy_once(writable)
    put = httpx.put(
        writable.store,
        params={"graph": GRAPH},
        content=b"<http://example.org/x> <http://example.org/y> <http://example.org/z> .",
        headers={**AUTH, "Content-Type": "application/n-triples"},
    )
    assert put.status_code in (201, 204), put.text
    deleted = httpx.delete(writable.store, params={"graph": GRAPH}, headers=AUTH)
    assert deleted.status_code == 204, deleted.text
    assert _version(writable) == before  # same content, same version, in a new folder

    # Patterns bound in each position: they read every index of the store, so a worker still on the
    # collected folder has files to open there, and fails.
    queries = [
        ASK,
        'SELECT ?s WHERE { ?s ?p "1" }',
        "SELECT ?o WHERE { ?s <http://example.org/b> ?o }",
        "SELECT ?g WHERE { GRAPH ?g { <http://example.org/a> ?p ?o } }",
        "SELECT ?s WHERE { GRAPH <http://example.org/g1> { ?s ?p ?o } }",
    ]

    def read(i: int) -> tuple[int, int]:
        query = queries[i % len(queries)]
        answer = httpx.get(writable.sparql, params={"query": query}, timeout=30)
        gone = httpx.get(writable.store, params={"graph": GRAPH}, timeout=30)
        return answer.status_code, gone.status_code

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        outcomes = list(pool.map(read, range(24)))
    assert set(outcomes) == {(200, 404)}, outcomes


def _open_store_folders(server) -> set[str]:
    """The store folders the server's worker processes hold files open in."""
    folders = set()
    for pid in server.descendants():
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue
        for link in links:
            parts = Path(link.removesuffix(" (deleted)")).parts
            if "stores" in parts:
                folders.add(parts[parts.index("stores") + 1])
    return folders


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads open files from Linux /proc")
def test_idle_workers_let_go_of_a_collected_store(writable):
    _all_workers_busy_once(writable)
    first = _open_store_folders(writable)
    assert first, "the workers hold the published store open"
    for i in range(3):  # three publishes: the first folder is collected (one previous one is kept)
        _insert(writable, i)
    stores = Path(writable.data_dir) / "stores"
    current = {p.name for p in stores.iterdir()}
    assert first - current, "the first store folder was collected"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _open_store_folders(writable) & (first - current):
        time.sleep(0.2)
    assert not _open_store_folders(writable) & (first - current)  # with no request sent meanwhile
