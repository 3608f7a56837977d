"""Safety: who may write, what may not be evaluated, limits, CORS and security headers, clean errors."""

from __future__ import annotations

import json

import httpx
import pytest

TOKEN = "safety-test-token-0123456789abcdef"
ALLOWED_SERVICE = "http://127.0.0.1:9/sparql"  # discard port: nothing answers there
INSERT = (
    "INSERT DATA { GRAPH <http://example.org/safety> { <http://example.org/s> <http://example.org/p> 1 } }"
)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, publish_store, launch_server):
    """A writable server with small limits and one allow-listed SERVICE endpoint."""
    data_dir = tmp_path_factory.mktemp("guarded-store")
    publish_store(data_dir, '<http://example.org/a> <http://example.org/b> "c" <http://example.org/g> .')
    server = launch_server(
        data_dir,
        update_token=TOKEN,
        max_body_bytes=400_000,
        max_query_chars=300_000,
        max_union_branches=50_000,
        service_allowlist=json.dumps([ALLOWED_SERVICE]),
    )
    yield server
    server.stop()


def _update(server, text: str, headers: dict[str, str] | None = None, params=None) -> httpx.Response:
    return httpx.post(
        server.sparql,
        content=text.encode(),
        params=params,
        headers={"Content-Type": "application/sparql-update", **(headers or {})},
    )


def test_updates_on_a_read_only_server_are_403_saying_how_to_enable_them(live_server):
    response = _update(live_server, INSERT, {"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert "PACTGRAPH_UPDATE_TOKEN" in response.text


def test_update_without_token_is_401_with_a_bearer_challenge(guarded):
    response = _update(guarded, INSERT)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_update_with_a_wrong_token_is_403(guarded):
    assert _update(guarded, INSERT, {"Authorization": "Bearer not-the-token-at-all-123"}).status_code == 403


def test_update_with_the_token_is_applied(guarded):
    assert _update(guarded, INSERT, {"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    ask = httpx.get(guarded.sparql, params={"query": "ASK { GRAPH <http://example.org/safety> { ?s ?p 1 } }"})
    assert ask.json()["boolean"] is True


def test_a_token_in_the_query_string_is_never_accepted(guarded):
    response = _update(guarded, INSERT, params={"token": TOKEN})
    assert response.status_code == 400
    assert "Authorization" in response.text


def test_update_by_get_is_400(guarded):
    response = httpx.get(guarded.sparql, params={"update": INSERT})
    assert response.status_code == 400
    assert "POST" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }",
    ],
)
def test_federated_service_is_refused_before_evaluation(guarded, query):
    response = httpx.get(guarded.sparql, params={"query": query})
    assert response.status_code == 400
    assert "PACTGRAPH_SERVICE_ALLOWLIST" in response.text


def test_service_on_the_allow_list_is_evaluated(guarded):
    query = f"SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT <{ALLOWED_SERVICE}> {{ ?s ?p ?o }} }} }}"
    assert httpx.get(guarded.sparql, params={"query": query}, timeout=30).status_code == 200


def test_the_word_service_inside_a_literal_or_iri_is_not_a_service_call(guarded):
    query = "SELECT * WHERE { ?s ?p 'SERVICE <http://evil.example/>' . ?s <http://example.org/SERVICE> ?o }"
    assert httpx.get(guarded.sparql, params={"query": query}).status_code == 200


def test_load_from_a_url_is_refused(guarded):
    response = _update(guarded, "LOAD <http://example.org/data.ttl>", {"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400
    assert "LOAD" in response.text


def test_body_over_the_limit_is_413(guarded):
    body = "query=" + "x" * 500_000
    response = httpx.post(
        guarded.sparql, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413
    assert "PACTGRAPH_MAX_BODY_BYTES" in response.text


def test_query_over_the_length_limit_is_413(guarded):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 300_001
    response = httpx.post(guarded.sparql, content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    assert "PACTGRAPH_MAX_QUERY_CHARS" in response.text


def test_deep_nesting_is_refused_before_it_can_crash_the_engine(guarded):
    query = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    response = httpx.post(guarded.sparql, content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    assert "PACTGRAPH_MAX_NESTING" in response.text


def test_a_query_that_crashes_the_engine_gets_500_and_the_server_recovers(guarded):
    # 10,000 UNION branches overflow pyoxigraph's stack (field notes); this server allows them.
    query = "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(10_000)) + " }"
    response = httpx.post(
        guarded.sparql, content=query, headers={"Content-Type": "application/sparql-query"}, timeout=60
    )
    assert response.status_code == 500
    assert "evaluation process died" in response.text
    for _ in range(3):
        after = httpx.get(guarded.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert after.status_code == 200 and after.json()["boolean"] is True


def test_syntax_error_is_400_with_the_parser_position_and_no_stack_trace(live_server):
    response = httpx.get(live_server.sparql, params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "1:" in response.text and "syntax error" in response.text.lower()
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_reads_allow_any_origin_without_credentials(live_server):
    response = httpx.get(
        live_server.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"}
    )
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers


def test_cors_preflight_is_answered(live_server):
    response = httpx.options(
        live_server.sparql,
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()


def test_security_headers_are_on_every_response(live_server):
    for url in (live_server.sparql, f"{live_server.url}/health", f"{live_server.sparql}?query=bad"):
        headers = httpx.get(url).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "referrer-policy" in headers


def test_unknown_method_is_405_with_allow(live_server):
    response = httpx.request("PATCH", live_server.sparql, content=b"x")
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


def test_oversized_headers_are_431(live_server):
    response = httpx.get(live_server.sparql, params={"query": "ASK {}"}, headers={"X-Padding": "a" * 40_000})
    assert response.status_code == 431
    assert "PACTGRAPH_MAX_HEADER_BYTES" in response.text
