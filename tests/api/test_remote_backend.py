"""PACTGRAPH_BACKEND_URL: the endpoint forwards to a remote SPARQL 1.1 store (Oxigraph's server here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

TOKEN = "remote-test-token-0123456789"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
pytestmark = pytest.mark.skipif(
    not Path(OXIGRAPH).exists(), reason="the oxigraph server (dev extra) is not installed"
)


def _start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("oxigraph serve did not start")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(10)


def test_queries_and_updates_are_forwarded_and_an_outage_is_503_until_it_is_back(tmp_path, server_factory):
    from socket import socket

    with socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    remote = f"http://127.0.0.1:{port}"
    oxigraph = _start_oxigraph(tmp_path / "remote-store", port)
    try:
        server = server_factory(
            tmp_path / "unused",
            backend_url=f"{remote}/query",
            backend_update_url=f"{remote}/update",
            backend_gsp_url=f"{remote}/store",
            update_token=TOKEN,
            query_timeout=5,
        )
        inserted = httpx.post(
            server.sparql,
            data={
                "update": "INSERT DATA { GRAPH <http://e.org/r> { <http://e/s> <http://e/p> 'Hà Nội' } }",
            },
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert inserted.status_code == 200, inserted.text
        select = httpx.get(
            server.sparql, params={"query": "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", "format": "json"}
        )
        assert select.status_code == 200, select.text
        assert [b["o"]["value"] for b in select.json()["results"]["bindings"]] == ["Hà Nội"]
        graph = httpx.get(server.store, params={"graph": "http://e.org/r"}, headers={"Accept": "text/turtle"})
        assert graph.status_code == 200 and "Hà Nội" in graph.text
        refused = httpx.get(
            server.sparql, params={"query": "SELECT * { SERVICE <http://evil.example/> { ?s ?p ?o } }"}
        )
        assert refused.status_code == 400  # the policy applies before anything is forwarded

        _stop(oxigraph)
        down = httpx.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"})
        assert down.status_code == 503
        assert "PACTGRAPH_BACKEND_URL" in down.text

        oxigraph = _start_oxigraph(tmp_path / "remote-store", port)
        back = httpx.get(server.sparql, params={"query": "ASK { GRAPH ?g { ?s ?p 'Hà Nội' } }"})
        assert back.status_code == 200 and back.json()["boolean"] is True
    finally:
        if oxigraph.poll() is None:
            _stop(oxigraph)
