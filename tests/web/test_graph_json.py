"""JSON and XML for visualisation clients: the neighbourhood (Cytoscape.js) and the exports."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

ID = "https://w3id.org/pactgraph/id/"
ROSATOM = ID + "org/rosatom"


def neighbourhood(client, **params):
    return client.get("/graph/neighbourhood", params={"iri": ROSATOM, **params})


def test_neighbourhood_returns_cytoscape_elements_with_classes_and_labels(web_client):
    data = neighbourhood(web_client, lang="en").json()
    nodes = {n["data"]["id"]: n["data"] for n in data["elements"]["nodes"]}
    assert nodes[ROSATOM]["label"] == "Rosatom" and nodes[ROSATOM]["root"] is True
    assert nodes[ID + "org/petrovietnam"]["class"] == "Company"
    assert nodes[ID + "org/petrovietnam"]["class_label"] == "company"  # the ontology's label, in English
    assert nodes[ID + "agreement/rosatom-petrovietnam-2015"]["date"] == "2015-05-29"
    edges = [e["data"] for e in data["elements"]["edges"]]
    coop = next(e for e in edges if e["property"].endswith("#cooperatesWith"))
    assert (coop["source"], coop["target"], coop["label"]) == (
        ROSATOM,
        ID + "org/petrovietnam",
        "cooperates with",
    )
    assert coop["documents"] == [ID + "document/900_websample"]
    assert all(set(e) >= {"id", "source", "target"} for e in edges)
    assert data["left_out"] == {"nodes": 0, "edges": 0} and data["truncated"] is False


def test_neighbourhood_includes_edges_between_two_neighbours(web_client):
    edges = {
        (e["data"]["source"], e["data"]["target"])
        for e in neighbourhood(web_client).json()["elements"]["edges"]
    }
    agreement = ID + "agreement/rosatom-petrovietnam-2015"
    assert (agreement, ROSATOM) in edges and (ROSATOM, ID + "org/petrovietnam") in edges
    assert (agreement, ID + "org/petrovietnam") in edges  # neither end is the root


def test_neighbourhood_ids_are_stable_across_calls_and_languages(web_client):
    first = neighbourhood(web_client, lang="vi").json()["elements"]
    second = neighbourhood(web_client, lang="en").json()["elements"]
    assert [e["data"]["id"] for e in first["edges"]] == [e["data"]["id"] for e in second["edges"]]
    assert [n["data"]["id"] for n in first["nodes"]] == [n["data"]["id"] for n in second["nodes"]]


def test_neighbourhood_under_a_limit_says_what_was_left_out(web_client):
    full = neighbourhood(web_client).json()
    cut = neighbourhood(web_client, limit=2).json()
    assert len(cut["elements"]["nodes"]) == 2
    assert cut["truncated"] is True
    assert cut["left_out"]["nodes"] == len(full["elements"]["nodes"]) - 2
    kept = {n["data"]["id"] for n in cut["elements"]["nodes"]}
    assert all(e["data"]["source"] in kept and e["data"]["target"] in kept for e in cut["elements"]["edges"])
    hidden = {n["data"]["id"]: n["data"]["hidden"] for n in cut["elements"]["nodes"]}
    assert hidden[ROSATOM] > 0  # what "expand" would reveal


def test_neighbourhood_depth_two_reaches_further(web_client):
    one = {n["data"]["id"] for n in neighbourhood(web_client, depth=1).json()["elements"]["nodes"]}
    two = {n["data"]["id"] for n in neighbourhood(web_client, depth=2).json()["elements"]["nodes"]}
    assert one < two or one == two
    assert ID + "org/petrovietnam" in one


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"iri": "rosatom"}, 400, "not an absolute IRI"),
        ({"iri": ID + "org/nobody"}, 404, "/api/lookup"),
        ({"iri": ROSATOM, "depth": "9"}, 422, "depth"),
    ],
)
def test_neighbourhood_bad_requests_name_the_cause(web_client, params, status, says):
    response = web_client.get("/graph/neighbourhood", params=params)
    assert response.status_code == status
    assert says in response.text


def test_graphml_export_has_nodes_and_edges(web_client):
    root = ET.fromstring(web_client.get("/graph/export/graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    edges = list(root.iterfind(".//g:edge", ns))
    assert ROSATOM in nodes and edges
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)


def test_gexf_export_has_labelled_nodes_and_edges(web_client):
    root = ET.fromstring(web_client.get("/graph/export/gexf?lang=en").content)
    ns = {"x": "http://gexf.net/1.3"}
    labels = {n.get("id"): n.get("label") for n in root.iterfind(".//x:node", ns)}
    assert labels[ROSATOM] == "Rosatom"
    assert any(e.get("label") == "cooperates with" for e in root.iterfind(".//x:edge", ns))


def test_graphology_and_vis_network_exports_have_their_shapes(web_client):
    graphology = web_client.get("/graph/export/graphology").json()
    assert {"attributes", "options", "nodes", "edges"} <= set(graphology)
    keys = {n["key"] for n in graphology["nodes"]}
    assert ROSATOM in keys and all(e["source"] in keys and e["target"] in keys for e in graphology["edges"])
    vis = web_client.get("/graph/export/vis-network").json()
    ids = {n["id"] for n in vis["nodes"]}
    assert ROSATOM in ids and all(e["from"] in ids and e["to"] in ids for e in vis["edges"])


def test_export_of_a_construct_result(web_client):
    query = f"CONSTRUCT {{ ?s <{ID}rel> ?o }} WHERE {{ ?s <https://w3id.org/pactgraph/ontology#party> ?o }}"
    vis = web_client.get("/graph/export/vis-network", params={"query": query}).json()
    parties = {ROSATOM, ID + "org/petrovietnam", ID + "state/vietnam", ID + "org/eaeu"}
    assert {e["to"] for e in vis["edges"]} == parties
    posted = web_client.post("/graph/export/graphology", data={"query": query})
    assert len(json.loads(posted.content)["edges"]) == 4


def test_export_refuses_a_select_and_unknown_formats(web_client):
    select = web_client.get("/graph/export/gexf", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert select.status_code == 400 and "CONSTRUCT" in select.text
    unknown = web_client.get("/graph/export/dot")
    assert unknown.status_code == 404 and "graphml" in unknown.text


def test_boundary_edges_are_the_relations_from_the_nodes_shown_to_the_others(web_client):
    full = neighbourhood(web_client).json()["elements"]
    cut = neighbourhood(web_client, limit=2).json()
    kept = {n["data"]["id"] for n in cut["elements"]["nodes"]}
    boundary = {(e["data"]["source"], e["data"]["target"]) for e in cut["boundary_edges"]}
    assert boundary and cut["boundary_truncated"] is False
    assert all((s in kept) != (o in kept) for s, o in boundary)  # exactly one end among the nodes shown
    leaving = {
        (e["data"]["source"], e["data"]["target"])
        for e in full["edges"]
        if (e["data"]["source"] in kept) != (e["data"]["target"] in kept)
    }
    assert leaving <= boundary  # every relation the full view has from a kept node to a left-out one
