"""The small SPARQL lexer: forms, SERVICE/LOAD targets, USING injection and the result cap."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from pactgraph.api import sparql_lexer as lex


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX s: <http://schema.org/> SELECT * { ?x ?y ?z }", "SELECT"),
        ("# SELECT in a comment\nASK { ?s ?p 'CONSTRUCT' }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://example.org/SELECT>", "DESCRIBE"),
        ("construct { ?s ?p ?o } where { { select * { ?s ?p ?o } } }", "CONSTRUCT"),
        ('INSERT DATA { <a> <b> """long SELECT string""" }', None),
    ],
)
def test_query_form_ignores_keywords_in_strings_iris_and_comments(text, form):
    assert lex.analyse(text).form == form


def test_service_targets_resolve_prefixes_and_flag_variables():
    text = (
        "PREFIX e: <http://e.org/> SELECT * { SERVICE e:q {} SERVICE SILENT <http://x/s> {} SERVICE ?v {} }"
    )
    assert lex.remote_targets(lex.analyse(text), "SERVICE") == ["http://e.org/q", "http://x/s", None]


def test_less_than_operator_is_not_an_iri():
    text = "SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) SERVICE <http://x/s> {} }"
    assert lex.remote_targets(lex.analyse(text), "SERVICE") == ["http://x/s"]


def test_using_clauses_go_before_each_modify_where_only():
    text = (
        "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c } ; "
        "INSERT { <http://x> <http://y> 1 } WHERE {}"
    )
    rewritten = lex.inject_using(text, lex.analyse(text), ["http://g/1"], ["http://g/2"])
    assert rewritten.count("USING <http://g/1> USING NAMED <http://g/2> WHERE") == 2
    assert "DELETE WHERE { ?a" in rewritten
    store = ox.Store()
    store.update(rewritten)  # still valid SPARQL


def test_with_or_using_in_the_text_is_detected():
    assert lex.has_dataset_clause(lex.analyse("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"))
    assert not lex.has_dataset_clause(lex.analyse("INSERT DATA { <x> <y> 'WITH USING' }"))


@pytest.mark.parametrize(
    ("text", "expected_limit"),
    [
        ("SELECT * { ?s ?p ?o }", 11),
        ("SELECT * { ?s ?p ?o } LIMIT 500", 11),
        ("SELECT * { ?s ?p ?o } LIMIT 3", None),
        ("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 2 } } # trailing comment", 11),
        ("SELECT * { ?s ?p ?o } OFFSET 4", 11),
        ("SELECT ?s { ?s ?p ?o } VALUES ?s { <http://x/a> }", 11),
    ],
)
def test_cap_keeps_queries_valid_and_bounded(text, expected_limit):
    capped = lex.cap_select(text, lex.analyse(text), 11)
    if expected_limit is None:
        assert capped is None
        return
    limit, _ = lex.top_level_limit(lex.analyse(capped))
    assert limit == expected_limit
    store = ox.Store()
    store.query(capped)  # parses


def test_depth_and_union_counts():
    analysis = lex.analyse("SELECT * { { ?a ?b ?c } UNION { { ?d ?e ?f } } UNION { ?g ?h ?i } }")
    assert analysis.max_depth == 3
    assert analysis.unions == 2
