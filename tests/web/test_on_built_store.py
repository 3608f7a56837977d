"""The web views on the real pipeline's output (``built_store``: data/corpus through ``pactgraph
build``), served by ``pactgraph serve``: what a user types and clicks must work on real labels.

Skips while the extraction pipeline is not there (the fixture says so)."""

from __future__ import annotations

import re

import httpx
import pytest

ID = "https://w3id.org/pactgraph/id/"


@pytest.fixture(scope="module")
def built(built_store, real_server_helpers):
    server = real_server_helpers.start_server(built_store.data_dir, workers=1)
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client
    server.stop()


@pytest.mark.parametrize(
    ("typed", "iri"),
    [
        ("rosatom", ID + "org/rosatom"),
        ("lien minh kinh te a au", ID + "org/eaeu"),
        ("petrovietnam", ID + "org/petrovietnam"),
        ("viet nam", ID + "state/vietnam"),
        ("nga", ID + "state/russia"),
    ],
)
def test_lookup_on_the_real_labels_finds_what_a_user_types(built, typed, iri):
    results = built.get("/api/lookup", params={"q": typed, "scope": "entities"}).json()["results"]
    assert results and results[0]["iri"] == iri, [r["iri"] for r in results[:5]]


def entities_with_evidence(client, limit: int = 12) -> list[str]:
    query = f"""PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?s WHERE {{ ?ev a pg:Evidence ; rdf:subject ?s }} ORDER BY ?s LIMIT {limit}"""
    answer = client.post(
        "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    return [row["s"]["value"] for row in answer.json()["results"]["bindings"]]


def test_pages_of_entities_with_facts_show_their_sentences_with_marks(built):
    entities = entities_with_evidence(built)
    assert entities
    for iri in entities:
        page = built.get(iri.replace("https://w3id.org/pactgraph", ""), headers={"Accept": "text/html"}).text
        quotes = re.findall(r'<blockquote class="quote".*?</blockquote>', page, re.S)
        assert quotes, iri
        assert any("<mark>" in q for q in quotes), iri
        assert re.search(r'href="/id/document/[0-9a-z_]+\?hl=\d+-\d+#hl"', page), iri


def test_explorer_data_links_rosatom_to_vietnam_and_petrovietnam(built):
    data = built.get(
        "/graph/neighbourhood", params={"iri": ID + "org/rosatom", "depth": 2, "limit": 200}
    ).json()
    ids = {n["data"]["id"] for n in data["elements"]["nodes"]}
    assert {ID + "state/vietnam", ID + "org/petrovietnam"} <= ids


def test_vietnam_neighbourhood_on_the_real_graph_is_stable_and_labelled(built):
    params = {"iri": ID + "state/vietnam", "limit": 30, "lang": "en"}
    first, second = (built.get("/graph/neighbourhood", params=params).json() for _ in range(2))
    assert first == second
    nodes = first["elements"]["nodes"]
    assert len(nodes) > 5 and all(n["data"]["label"] and n["data"]["class"] for n in nodes)


def test_every_document_page_links_its_mentions(built):
    rows = built.get("/class/Document", headers={"Accept": "text/html"}).text
    documents = sorted(set(re.findall(r'href="(/id/document/[^"?#]+)"', rows)))
    assert len(documents) >= 5
    for path in documents:
        page = built.get(path, headers={"Accept": "text/html"}).text
        assert 'class="mention' in page, path
