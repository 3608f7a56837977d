"""Every result format, negotiated by Accept or format=, parsed back and checked (one table)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib

VN = "https://w3id.org/pactgraph/id/state/vietnam"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SELECT = f'SELECT ?label WHERE {{ <{VN}> {LABEL} ?label FILTER(lang(?label) = "vi") }}'
ASK = f"ASK {{ <{VN}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{VN}> ?p ?o }} WHERE {{ <{VN}> ?p ?o }}"
DESCRIBE = f"DESCRIBE <{VN}>"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def _select_labels(media: str, body: bytes) -> list[str]:
    text = body.decode("utf-8")
    if media == "application/sparql-results+json":
        return [b["label"]["value"] for b in json.loads(text)["results"]["bindings"]]
    if media == "application/sparql-results+xml":
        return [e.text for e in ET.fromstring(body).iter(f"{SRX}literal")]
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["label"]
        return [r[0] for r in rows[1:]]
    assert media == "text/tab-separated-values"
    lines = text.splitlines()
    assert lines[0] == "?label"
    return [line.split("@")[0].strip('"') for line in lines[1:]]


def _ask_value(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    return ET.fromstring(body).find(f"{SRX}boolean").text == "true"


RDFLIB_FORMAT = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}

# (query, how the client asks: Accept header or format=, expected media type)
CASES = [
    (SELECT, {"accept": "application/sparql-results+json"}, "application/sparql-results+json"),
    (SELECT, {"accept": "application/sparql-results+xml"}, "application/sparql-results+xml"),
    (SELECT, {"accept": "text/csv"}, "text/csv"),
    (SELECT, {"accept": "text/tab-separated-values"}, "text/tab-separated-values"),
    (
        SELECT,
        {"accept": "text/csv;q=0.5, application/sparql-results+xml;q=0.9"},
        "application/sparql-results+xml",
    ),
    (SELECT, {"accept": "text/html, */*;q=0.1"}, "application/sparql-results+json"),
    (SELECT, {"accept": "application/json"}, "application/sparql-results+json"),
    (SELECT, {}, "application/sparql-results+json"),
    (SELECT, {"format": "tsv"}, "text/tab-separated-values"),
    (ASK, {"accept": "application/sparql-results+json"}, "application/sparql-results+json"),
    (ASK, {"accept": "application/sparql-results+xml"}, "application/sparql-results+xml"),
    (CONSTRUCT, {"accept": "text/turtle"}, "text/turtle"),
    (CONSTRUCT, {"accept": "application/n-triples"}, "application/n-triples"),
    (CONSTRUCT, {"accept": "application/rdf+xml"}, "application/rdf+xml"),
    (CONSTRUCT, {"accept": "application/ld+json"}, "application/ld+json"),
    (CONSTRUCT, {"accept": "application/n-quads"}, "application/n-quads"),
    (CONSTRUCT, {"accept": "application/trig"}, "application/trig"),
    (CONSTRUCT, {"accept": "application/*;q=0.8, text/turtle;q=0.9"}, "text/turtle"),
    (CONSTRUCT, {}, "text/turtle"),
    (CONSTRUCT, {"format": "json"}, "application/ld+json"),
    (DESCRIBE, {"accept": "text/turtle"}, "text/turtle"),
    (DESCRIBE, {"accept": "application/rdf+xml"}, "application/rdf+xml"),
    (DESCRIBE, {"accept": "application/ld+json"}, "application/ld+json"),
    (DESCRIBE, {"format": "nt"}, "application/n-triples"),
]


@pytest.mark.parametrize(("query", "ask", "expected"), CASES)
def test_results_come_in_the_negotiated_format_and_parse_back(live_server, query, ask, expected):
    params = {"query": query}
    headers = {}
    if "format" in ask:
        params["format"] = ask["format"]
    if "accept" in ask:
        headers["Accept"] = ask["accept"]
    response = httpx.get(live_server.sparql, params=params, headers=headers)
    assert response.status_code == 200, response.text
    media, _, params_text = response.headers["content-type"].partition(";")
    assert media == expected
    assert "charset=utf-8" in params_text
    assert "Accept" in response.headers["vary"]
    if query is SELECT:
        assert _select_labels(expected, response.content) == ["Việt Nam"]
    elif query is ASK:
        assert _ask_value(expected, response.content) is True
    else:
        graph = (
            rdflib.Dataset() if expected in ("application/n-quads", "application/trig") else rdflib.Graph()
        )
        graph.parse(data=response.content, format=RDFLIB_FORMAT[expected])
        labels = {str(o) for s, p, o in graph.triples((rdflib.URIRef(VN), rdflib.RDFS.label, None))}
        assert labels == {"Việt Nam", "Vietnam"}


@pytest.mark.parametrize(
    ("query", "accept"),
    [(SELECT, "text/turtle"), (CONSTRUCT, "application/sparql-results+json"), (ASK, "image/png")],
)
def test_unoffered_accept_is_406_listing_what_is_offered(live_server, query, accept):
    response = httpx.get(live_server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    offered = "text/turtle" if query is CONSTRUCT else "application/sparql-results+json"
    assert offered in response.text


def test_unknown_format_parameter_is_406_naming_the_choices(live_server):
    response = httpx.get(live_server.sparql, params={"query": SELECT, "format": "yaml"})
    assert response.status_code == 406
    assert "tsv" in response.text and "yaml" in response.text


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"]
)
def test_service_description_is_negotiated_and_names_the_endpoint(live_server, accept):
    response = httpx.get(live_server.sparql, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=RDFLIB_FORMAT[accept])
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef(live_server.sparql)) in graph
    void_dataset = rdflib.URIRef("https://w3id.org/pactgraph/id/dataset/pactgraph")
    assert (void_dataset, rdflib.RDF.type, rdflib.URIRef("http://rdfs.org/ns/void#Dataset")) in graph


def test_a_browser_opening_the_endpoint_is_sent_to_the_query_editor(live_server):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = httpx.get(live_server.sparql, headers={"Accept": browser})
    assert response.status_code == 303
    assert response.headers["location"] == "/editor"
    as_rdf = httpx.get(live_server.sparql, params={"format": "turtle"}, headers={"Accept": browser})
    assert as_rdf.status_code == 200 and as_rdf.headers["content-type"].startswith("text/turtle")
