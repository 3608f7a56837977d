"""Accept parsing: q-values, wildcards, aliases and the format= parameter."""

from __future__ import annotations

import pytest
from pactgraph.api.errors import NotAcceptable
from pactgraph.api.negotiation import choose, content_type


@pytest.mark.parametrize(
    ("kind", "accept", "expected"),
    [
        ("solutions", None, "application/sparql-results+json"),
        ("solutions", "*/*", "application/sparql-results+json"),
        ("solutions", "text/*", "text/csv"),
        (
            "solutions",
            "application/sparql-results+xml;q=0.9, text/tab-separated-values",
            "text/tab-separated-values",
        ),
        ("solutions", "text/csv;q=0, */*;q=0.1", "application/sparql-results+json"),
        ("solutions", "application/xml", "application/sparql-results+xml"),
        ("graph", "application/rdf+xml;q=0.5, text/turtle;q=0.6", "text/turtle"),
        ("graph", "text/plain", "application/n-triples"),
        ("graph", "application/json", "application/ld+json"),
        ("graph", "TEXT/TURTLE; charset=utf-8", "text/turtle"),
    ],
)
def test_accept_picks_the_highest_quality_most_specific_offer(kind, accept, expected):
    assert choose(kind, accept) == expected


def test_format_parameter_wins_over_accept_and_follows_the_result_kind():
    assert choose("solutions", "text/csv", "json") == "application/sparql-results+json"
    assert choose("graph", "text/turtle", "json") == "application/ld+json"
    assert choose("graph", None, "application/trig") == "application/trig"


def test_nothing_acceptable_lists_the_offer():
    with pytest.raises(NotAcceptable) as caught:
        choose("graph", "image/png")
    assert "text/turtle" in str(caught.value)
    assert caught.value.status == 406


def test_text_types_declare_utf8():
    assert content_type("text/csv") == "text/csv; charset=utf-8"
    assert content_type("application/sparql-results+json").endswith("charset=utf-8")
