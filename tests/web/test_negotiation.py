"""Content negotiation on every web route, in one table: each response is parsed back and checked."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

ROSATOM = URIRef("https://w3id.org/pactgraph/id/org/rosatom")
ONTOLOGY_STATE = URIRef("https://w3id.org/pactgraph/ontology#State")
RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


def rdf_of(response) -> Graph:
    media = response.headers["content-type"].split(";")[0]
    graph = Graph()
    graph.parse(data=response.content, format=RDF_PARSERS[media])
    return graph


def check_rosatom_rdf(response) -> None:
    graph = rdf_of(response)
    assert (ROSATOM, RDFS.label, Literal("Rosatom", lang="en")) in graph
    assert (ROSATOM, RDFS.label, Literal("Tập đoàn Rosatom", lang="vi")) in graph


def check_ontology_rdf(response) -> None:
    graph = rdf_of(response)
    assert (ONTOLOGY_STATE, RDFS.label, None) in graph
    assert len(graph) > 100


def check_document_rdf(response) -> None:
    graph = rdf_of(response)
    text = graph.value(
        URIRef("https://w3id.org/pactgraph/id/document/900_websample"), URIRef("https://schema.org/text")
    )
    assert text is not None and "Rosatom" in str(text)


def check_rosatom_html(response) -> None:
    assert "<h1>Tập đoàn Rosatom</h1>" in response.text or "<h1>Rosatom</h1>" in response.text


def check_ontology_html(response) -> None:
    assert 'id="State"' in response.text and "pg:cooperatesWith" in response.text


def check_lookup_json(response) -> None:
    assert response.json()["results"][0]["iri"] == str(ROSATOM)


def check_neighbourhood_json(response) -> None:
    ids = {n["data"]["id"] for n in response.json()["elements"]["nodes"]}
    assert str(ROSATOM) in ids


def check_graphml(response) -> None:
    root = ET.fromstring(response.content)
    assert root.tag.endswith("graphml")


def html_with(*needles: str):
    def check(response) -> None:
        assert response.text.lstrip().startswith("<!doctype html>")
        for needle in needles:
            assert needle in response.text

    return check


def json_with(*keys: str):
    def check(response) -> None:
        data = response.json()
        assert set(keys) <= set(data)

    return check


def tool_page(needle: str):
    """The editor or explorer: the tool when npm assets are installed, else how to install them."""

    def check(response) -> None:
        assert needle in response.text or "make assets" in response.text

    return check


def xml_root(tag: str):
    def check(response) -> None:
        assert ET.fromstring(response.content).tag.endswith(tag)

    return check


CASES = [
    # path, Accept, expected media type, check
    ("/id/org/rosatom", "text/html,application/xhtml+xml,*/*;q=0.8", "text/html", check_rosatom_html),
    ("/id/org/rosatom", "text/turtle", "text/turtle", check_rosatom_rdf),
    ("/id/org/rosatom", "application/ld+json", "application/ld+json", check_rosatom_rdf),
    ("/id/org/rosatom", "application/n-triples", "application/n-triples", check_rosatom_rdf),
    ("/id/org/rosatom", "application/rdf+xml", "application/rdf+xml", check_rosatom_rdf),
    ("/id/org/rosatom", "*/*", "text/turtle", check_rosatom_rdf),
    ("/id/org/rosatom", "text/html;q=0.5, text/turtle;q=0.9", "text/turtle", check_rosatom_rdf),
    ("/id/org/rosatom.ttl", "text/html", "text/turtle", check_rosatom_rdf),
    ("/id/org/rosatom.jsonld", None, "application/ld+json", check_rosatom_rdf),
    ("/id/org/rosatom.nt", None, "application/n-triples", check_rosatom_rdf),
    ("/id/org/rosatom.rdf", None, "application/rdf+xml", check_rosatom_rdf),
    ("/id/org/rosatom.html", "text/turtle", "text/html", check_rosatom_html),
    ("/ontology", "text/html", "text/html", check_ontology_html),
    ("/ontology", "text/turtle", "text/turtle", check_ontology_rdf),
    ("/ontology", "application/ld+json", "application/ld+json", check_ontology_rdf),
    ("/ontology", "application/n-triples", "application/n-triples", check_ontology_rdf),
    ("/ontology", "application/rdf+xml", "application/rdf+xml", check_ontology_rdf),
    ("/ontology.ttl", None, "text/turtle", check_ontology_rdf),
    ("/ontology.rdf", None, "application/rdf+xml", check_ontology_rdf),
    ("/api/lookup?q=rosatom", None, "application/json", check_lookup_json),
    ("/graph/neighbourhood?iri=https://w3id.org/pactgraph/id/org/rosatom", None, "application/json",
     check_neighbourhood_json),
    ("/graph/export/graphml", None, "application/graphml+xml", check_graphml),
    ("/graph/export/gexf", None, "application/gexf+xml", xml_root("gexf")),
    ("/graph/export/graphology", None, "application/json", json_with("nodes", "edges", "options")),
    ("/graph/export/vis-network", None, "application/json", json_with("nodes", "edges")),
    ("/ontology/context.jsonld", None, "application/ld+json", json_with("@context")),
    ("/dumps/", None, "application/json", json_with("dumps")),
    ("/dumps/", "text/html", "text/html", html_with("/.well-known/void")),
    ("/", "text/html", "text/html", html_with('href="/class/Company"')),
    ("/search?q=rosatom", "text/html", "text/html", html_with('href="/id/org/rosatom"')),
    ("/class/Company", "text/html", "text/html", html_with('href="/id/org/rosatom"')),
    ("/timeline", "text/html", "text/html", html_with('href="/id/agreement/rosatom-petrovietnam-2015"')),
    ("/editor", "text/html", "text/html", tool_page('id="editor-config"')),
    ("/explorer", "text/html", "text/html", tool_page('id="cy"')),
    ("/id/document/900_websample", "text/html", "text/html", html_with('class="mention')),
    ("/id/document/900_websample.ttl", None, "text/turtle", check_document_rdf),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "accept", "media_type", "check"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES]
)
def test_route_answers_in_the_negotiated_format(web_client, path, accept, media_type, check):
    response = web_client.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    check(response)


@pytest.mark.parametrize("path", ["/id/org/rosatom", "/ontology"])
def test_unacceptable_type_gets_406_naming_the_offered_types(web_client, path):
    response = web_client.get(path, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.text and "application/ld+json" in response.text


def test_rdf_response_says_where_it_lives_and_varies_on_accept(web_client):
    response = web_client.get("/id/org/rosatom", headers={"Accept": "text/turtle"})
    assert response.headers["content-location"] == "/id/org/rosatom.ttl"
    assert "Accept" in response.headers["vary"]
    assert 'rel="alternate"; type="application/ld+json"' in response.headers["link"]


def test_jsonld_uses_the_published_context(web_client):
    data = web_client.get("/id/org/rosatom.jsonld").json()
    published = web_client.get("/ontology/context.jsonld").json()["@context"]
    assert data["@context"]["pg"] == published["pg"] == "https://w3id.org/pactgraph/ontology#"


def test_unknown_iri_is_404_with_similar_labels(web_client):
    html = web_client.get("/id/org/rosatomm", headers={"Accept": "text/html"})
    assert html.status_code == 404
    assert 'href="/id/org/rosatom"' in html.text
    text = web_client.get("/id/org/rosatomm.ttl")
    assert text.status_code == 404
    assert "https://w3id.org/pactgraph/id/org/rosatom" in text.text


def test_json_answers_are_json(web_client):
    body = web_client.get("/api/lookup?q=rosatom").content
    assert json.loads(body)["query"] == "rosatom"


@pytest.mark.parametrize("path", ["/id/org/rosatom.ttl", "/ontology.ttl", "/ontology"])
def test_head_answers_like_get_without_a_body(web_client, path):
    head = web_client.head(path)
    get = web_client.get(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


def test_resource_representations_revalidate_with_etags(web_client):
    turtle = web_client.get("/id/org/rosatom.ttl")
    html = web_client.get("/id/org/rosatom", headers={"Accept": "text/html"})
    english = web_client.get("/id/org/rosatom?lang=en", headers={"Accept": "text/html"})
    etags = {turtle.headers["etag"], html.headers["etag"], english.headers["etag"]}
    assert len(etags) == 3  # one per representation and language
    again = web_client.get("/id/org/rosatom.ttl", headers={"If-None-Match": turtle.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = web_client.get("/id/org/rosatom.ttl", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == turtle.content
    assert "Accept-Language" in html.headers["vary"]
