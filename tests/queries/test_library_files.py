"""The query library's files: each one parses, opens with a complete header, and names real terms.

These checks need no built graph; tests/queries/test_library_results.py runs the queries on one.
"""

import re
from pathlib import Path

import pyoxigraph
import pytest
from pactgraph.core.errors import InputError
from pactgraph.ontology.namespace import PG, PREFIXES
from pactgraph.queries import catalog

QUERIES = catalog.all_queries()
IDS = [q.name for q in QUERIES]

# What the issue asks the library to cover, each with a query that shows it.
REQUIRED_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def test_library_holds_at_least_thirty_queries():
    assert len(QUERIES) >= 30, [q.name for q in QUERIES]


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_query_parses_in_oxigraph(query):
    # An empty store still parses (and plans) the query: a syntax error raises SyntaxError here.
    pyoxigraph.Store().query(query.text)


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_header_is_complete_and_bilingual(query):
    assert query.title and query.question_en.endswith("?"), query.path
    assert query.question_vi.endswith("?"), query.path
    # The Vietnamese question is Vietnamese: it carries Vietnamese letters, not a copy of the English.
    assert re.search(r"[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]", query.question_vi, re.I), query.path
    assert query.question_vi != query.question_en
    assert query.columns and all(query.columns.values()), f"{query.path}: a column without meaning"


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_documented_columns_are_the_projected_ones(query):
    if query.form != "SELECT":
        return
    solutions = pyoxigraph.Store().query(query.text)
    projected = {variable.value for variable in solutions.variables}
    assert set(query.columns) == projected, f"{query.name}: {sorted(query.columns)} != {sorted(projected)}"


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_terms_are_known_prefixed_names(query):
    for term in query.terms:
        prefix, _, local = term.partition(":")
        assert prefix in PREFIXES, f"{query.name}: unknown prefix in {term}"
        if prefix == "pg":
            getattr(PG, local)  # the closed namespace raises on a term the ontology lacks


def test_every_query_form_is_shown():
    assert {q.form for q in QUERIES} >= REQUIRED_FORMS


def test_federated_example_keeps_service_commented_out():
    text = catalog.find("federated-wikidata-links").text
    body = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert "SERVICE" not in "\n".join(body)
    assert "# SERVICE <https://query.wikidata.org/sparql>" in text


def test_find_ignores_paths_outside_the_library():
    assert catalog.find("../pyproject.toml") is None
    assert catalog.find("agreements-in-time-order.rq").name == "agreements-in-time-order"


def test_header_without_a_vietnamese_question_is_refused(tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("# title: t\n# en: q?\n# columns:\n#   a  b\n# terms: pg:party\nSELECT * {}\n")
    with pytest.raises(InputError, match="broken.rq: the header lacks vi"):
        catalog.load(path)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX pg: <https://w3id.org/pactgraph/ontology#>\nselect * {}", "SELECT"),
        ("# a comment with SELECT in it\nBASE <http://x/>\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("ask {}", "ASK"),
        ("DESCRIBE <http://x>", "DESCRIBE"),
    ],
)
def test_query_form_is_read_after_the_prologue(text, form):
    assert catalog.query_form(text) == form


def test_query_form_rejects_an_update_with_a_pointer_to_the_endpoint():
    with pytest.raises(InputError, match="updates go to the endpoint"):
        catalog.query_form("INSERT DATA { <a:b> <a:c> <a:d> }")


def test_every_library_query_has_its_rows_asserted_on_the_built_graph():
    results_tests = (Path(__file__).parent / "test_library_results.py").read_text(encoding="utf-8")
    untested = [q.name for q in QUERIES if f'"{q.name}"' not in results_tests]
    assert not untested, f"add a test with key rows to tests/queries/test_library_results.py for: {untested}"


def test_queries_readme_is_up_to_date_with_the_headers():
    readme = (Path(catalog.__file__).parent / "README.md").read_text(encoding="utf-8")
    assert readme == catalog.render_readme(), "queries/README.md is stale: regenerate with `pactgraph docs`"
