"""Label lookup: diacritics and case do not matter, in Vietnamese and in English."""

from __future__ import annotations

import pytest
from pactgraph.api.web.text import fold

EAEU = "https://w3id.org/pactgraph/id/org/eaeu"
ROSATOM = "https://w3id.org/pactgraph/id/org/rosatom"


def first_hit(client, q: str, **params: str) -> dict:
    results = client.get("/api/lookup", params={"q": q, **params}).json()["results"]
    assert results, f"nothing found for {q!r}"
    return results[0]


@pytest.mark.parametrize(
    ("typed", "iri"),
    [
        ("rosatom", ROSATOM),
        ("ROSATOM", ROSATOM),
        ("lien minh kinh te a au", EAEU),
        ("Liên minh Kinh tế Á-Âu", EAEU),
        ("eurasian economic", EAEU),
        ("tap doan dau khi", "https://w3id.org/pactgraph/id/org/petrovietnam"),
        ("viet nam", "https://w3id.org/pactgraph/id/state/vietnam"),
    ],
)
def test_lookup_finds_what_a_user_types(web_client, typed, iri):
    assert first_hit(web_client, typed)["iri"] == iri


def test_lookup_returns_labels_in_the_asked_language_and_a_local_link(web_client):
    hit = first_hit(web_client, "lien minh", lang="en")
    assert hit["label"] == "Eurasian Economic Union"
    assert hit["labels"]["vi"] == "Liên minh Kinh tế Á - Âu"
    assert hit["href"] == "/id/org/eaeu"
    assert hit["class"] == "InternationalOrganization"


def test_lookup_filters_by_class(web_client):
    results = web_client.get("/api/lookup", params={"q": "viet", "type": "pg:Company"}).json()["results"]
    assert results and all(r["class"] == "Company" for r in results)


def test_lookup_of_nothing_is_empty_not_an_error(web_client):
    response = web_client.get("/api/lookup", params={"q": "   "})
    assert response.status_code == 200 and response.json()["results"] == []


def test_lookup_rejects_an_absurd_limit_with_a_clear_message(web_client):
    response = web_client.get("/api/lookup", params={"q": "a", "limit": "100000"})
    assert response.status_code == 422
    assert "limit" in response.text


def test_search_page_lists_hits(web_client):
    page = web_client.get(
        "/search", params={"q": "lien minh kinh te a au"}, headers={"Accept": "text/html"}
    ).text
    assert 'href="/id/org/eaeu"' in page


def test_fold_removes_vietnamese_diacritics_and_d_stroke():
    assert fold("Đảng Cộng sản Việt Nam") == "dang cong san viet nam"
    assert fold("  Á–Âu!! ") == "a au"


def test_lookup_scope_separates_entities_from_ontology_terms(web_client):
    def iris(scope):
        return [
            r["iri"]
            for r in web_client.get("/api/lookup", params={"q": "doanh nghiep", "scope": scope}).json()[
                "results"
            ]
        ]

    vocabulary = iris("vocabulary")
    assert "https://w3id.org/pactgraph/ontology#Company" in vocabulary
    assert all(i.startswith("https://w3id.org/pactgraph/ontology") for i in vocabulary)
    assert all(i.startswith("https://w3id.org/pactgraph/id/") for i in iris("entities"))
    bad = web_client.get("/api/lookup", params={"q": "x", "scope": "everything"})
    assert bad.status_code == 422 and "scope" in bad.text
