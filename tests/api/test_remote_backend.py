"""PACTGRAPH_BACKEND_URL: the endpoint forwards to a remote SPARQL 1.1 store (Oxigraph's server here)."""

from __future__ import annotations

import httpx

TOKEN = "remote-test-token-0123456789"


def test_queries_and_updates_are_forwarded_and_an_outage_is_503_until_it_is_back(
    tmp_path, server_factory, launch_oxigraph
):
    oxigraph = launch_oxigraph(tmp_path / "remote-store")
    remote = oxigraph.base
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

        oxigraph.stop()
        down = httpx.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"})
        assert down.status_code == 503
        assert "PACTGRAPH_BACKEND_URL" in down.text

        oxigraph = launch_oxigraph(tmp_path / "remote-store", port=oxigraph.port)
        back = httpx.get(server.sparql, params={"query": "ASK { GRAPH ?g { ?s ?p 'Hà Nội' } }"})
        assert back.status_code == 200 and back.json()["boolean"] is True
    finally:
        oxigraph.stop()
