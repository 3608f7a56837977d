"""Operations: /health, /metrics, the access log, OpenAPI at /docs, and the serve command."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import httpx
from pactgraph.api.engine import NO_DATASET, request_hash


def test_health_reports_store_version_and_triple_count(live_server):
    health = httpx.get(f"{live_server.url}/health").json()
    assert health["status"] == "ok"
    assert len(health["version"]) == 16
    assert health["triples"] > 0


def test_health_is_503_with_the_fix_when_nothing_is_published(tmp_path, server_factory):
    server = server_factory(tmp_path / "empty")
    response = httpx.get(f"{server.url}/health")
    assert response.status_code == 503
    assert "pactgraph build" in response.text
    query = httpx.get(server.sparql, params={"query": "ASK {}"})
    assert query.status_code == 503


def test_metrics_count_requests_by_route_status_and_format_with_latency(live_server):
    httpx.get(
        live_server.sparql, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+xml"}
    )
    httpx.get(live_server.sparql, params={"query": "ASK {"})
    text = httpx.get(f"{live_server.url}/metrics").text
    assert (
        'pactgraph_http_requests_total{format="application/sparql-results+xml",route="/sparql",status="200"}'
        in text
    )
    assert 'route="/sparql",status="400"' in text
    assert 'pactgraph_http_request_duration_seconds_bucket{le="0.005",route="/sparql"}' in text
    assert "pactgraph_query_timeouts_total" in text


def test_one_access_log_line_per_request_with_query_hash_and_duration(live_server):
    marker = f"ASK {{ <http://example.org/log-{time.time_ns()}> ?p ?o }}"
    response = httpx.get(live_server.sparql, params={"query": marker})
    assert response.status_code == 200
    expected = request_hash(marker, NO_DATASET, "application/sparql-results+json")
    deadline = time.monotonic() + 5
    lines: list[str] = []
    while time.monotonic() < deadline and not lines:  # the log is written in batches
        time.sleep(0.1)
        lines = [line for line in live_server.log().splitlines() if f"query={expected}" in line]
    assert len(lines) == 1
    assert "pactgraph.access" in lines[0] and '"GET /sparql" 200 ' in lines[0]
    assert re.search(r" \d+\.\dms query=", lines[0])


def test_openapi_describes_the_sparql_operations_with_library_examples(live_server):
    schema = httpx.get(f"{live_server.url}/openapi.json").json()
    sparql = schema["paths"]["/sparql"]
    assert {"get", "post"} <= set(sparql)
    examples = sparql["get"]["parameters"][0]["examples"]
    assert examples and all("value" in e for e in examples.values())
    assert "application/sparql-query" in sparql["post"]["requestBody"]["content"]
    assert {"get", "put", "post", "delete"} <= set(schema["paths"]["/store"])
    docs = httpx.get(f"{live_server.url}/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]


def test_serve_command_documents_its_options():
    done = subprocess.run(
        [sys.executable, "-m", "pactgraph.cli.main", "serve", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("--store", "--host", "--port", "--workers"):
        assert option in done.stdout


def test_serve_refuses_an_unsafe_setting_naming_the_variable(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pactgraph.cli.main", "serve", "--store", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PACTGRAPH_UPDATE_TOKEN": "short", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 2
    assert "PACTGRAPH_UPDATE_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr
