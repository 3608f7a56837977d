"""The result cap is never silent: a header, a note and a link; LIMIT/OFFSET paging gets every row."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import httpx
import pytest

CAP = 5
ROWS = 12
ALL = "SELECT ?s WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"


@pytest.fixture(scope="module")
def capped(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("capped-store")
    lines = [
        f'<http://example.org/s{i:02d}> <http://example.org/p> "v\n{i}" <http://example.org/g> .'
        for i in range(ROWS)
    ]
    publish_store(data_dir, "\n".join(line.replace("\n", "\\n", 1) for line in lines))
    server = launch_server(data_dir, max_result_rows=CAP)
    yield server
    server.stop()


def _get(server, query: str, accept: str) -> httpx.Response:
    response = httpx.get(server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    return response


def test_json_results_are_cut_with_header_note_and_link(capped):
    response = _get(capped, ALL, "application/sparql-results+json")
    assert response.headers["x-pactgraph-truncated"] == f"rows={CAP}"
    data = response.json()
    assert len(data["results"]["bindings"]) == CAP
    assert data["truncated"]["rows"] == CAP and "OFFSET" in data["truncated"]["note"]
    assert data["head"]["link"] and "paging" in data["head"]["link"][0]
    assert [b["s"]["value"] for b in data["results"]["bindings"]] == [
        f"http://example.org/s{i:02d}" for i in range(CAP)
    ]


def test_xml_tsv_and_csv_results_are_cut_too(capped):
    xml = _get(capped, ALL, "application/sparql-results+xml")
    root = ET.fromstring(xml.content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == CAP
    assert root.find(f"{ns}head/{ns}link") is not None
    tsv = _get(capped, ALL, "text/tab-separated-values")
    assert len(tsv.text.splitlines()) == CAP + 1
    assert tsv.headers["x-pactgraph-truncated"] == f"rows={CAP}"
    # CSV values hold newlines here: rows are counted by a CSV parser, not by lines.
    query = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"
    rows = list(csv.reader(io.StringIO(_get(capped, query, "text/csv").text)))
    assert len(rows) == CAP + 1 and rows[1][1] == "v\n0"


def test_results_within_the_cap_are_not_marked(capped):
    response = _get(capped, f"{ALL} LIMIT {CAP}", "application/sparql-results+json")
    assert "x-pactgraph-truncated" not in response.headers
    assert "truncated" not in response.json()


def test_paging_with_order_by_limit_offset_reads_every_row(capped):
    seen = []
    for offset in range(0, ROWS, CAP):
        page = _get(capped, f"{ALL} LIMIT {CAP} OFFSET {offset}", "application/sparql-results+json").json()
        seen += [b["s"]["value"] for b in page["results"]["bindings"]]
    assert seen == [f"http://example.org/s{i:02d}" for i in range(ROWS)]


def test_a_limit_over_the_cap_is_lowered_and_reported(capped):
    response = _get(capped, f"{ALL} LIMIT 100", "application/sparql-results+json")
    assert response.headers["x-pactgraph-truncated"] == f"rows={CAP}"
    assert len(response.json()["results"]["bindings"]) == CAP
