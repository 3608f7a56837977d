"""The raw-ASGI GET path answers exactly as the full endpoint does."""

from __future__ import annotations

import httpx

QUERY = "SELECT ?s WHERE { ?s a <https://w3id.org/pactgraph/ontology#State> } ORDER BY ?s"


def test_get_answers_like_a_form_post_and_like_the_full_path(live_server):
    fast = httpx.get(live_server.sparql, params={"query": QUERY}, headers={"Accept": "text/csv"})
    full = httpx.get(
        live_server.sparql, params={"query": QUERY, "timeout": "5"}, headers={"Accept": "text/csv"}
    )
    posted = httpx.post(live_server.sparql, data={"query": QUERY}, headers={"Accept": "text/csv"})
    assert fast.status_code == full.status_code == posted.status_code == 200
    assert fast.content == full.content == posted.content
    for header in ("content-type", "vary", "etag", "cache-control", "x-content-type-options"):
        assert fast.headers[header] == full.headers[header], header
    assert fast.text.splitlines()[0] == "s"


def test_errors_on_the_fast_path_are_mapped_like_everywhere_else(live_server):
    syntax = httpx.get(live_server.sparql, params={"query": "SELECT * { ?s ?p }"})
    relative = httpx.get(live_server.sparql, params={"query": "ASK {}", "default-graph-uri": "rel"})
    refused = httpx.get(live_server.sparql, params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert (syntax.status_code, relative.status_code, refused.status_code) == (400, 400, 406)
    assert "relative" in relative.text or "absolute" in relative.text
