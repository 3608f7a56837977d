"""`pactgraph query`: library names, files and text; four formats; embedded store and endpoint; errors.

The store is a real build (graph.build: load, infer, validate, publish) of one hand-written document
(tests/queries/data/one-document.nq), so that every expected row is known exactly.
"""

import csv
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from pactgraph.cli.main import app
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data" / "one-document.nq"
FTA = "https://w3id.org/pactgraph/id/agreement/vietnam-eaeu-fta"


@pytest.fixture(scope="module")
def one_document_store(tmp_path_factory) -> Path:
    from pactgraph.graph import BuildOptions, StoreLocation, build

    data_dir = tmp_path_factory.mktemp("query-cli") / "store"
    build(DATA, StoreLocation(data_dir), BuildOptions(write_dumps=False))
    return data_dir


def run(*args: str):
    return CliRunner().invoke(app, ["query", *args])


def test_library_query_by_name_prints_csv_when_piped(one_document_store):
    result = run("agreements-in-time-order", "--store", str(one_document_store))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["agreement"], r["signed"]) for r in rows] == [(FTA, "2015-05-29")]
    assert set(rows[0]["parties"].split(" | ")) == {"Vietnam", "Eurasian Economic Union"}


def test_table_format_shows_prefixed_names_and_a_row_count(one_document_store):
    result = run("memberships", "--store", str(one_document_store), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "0 rows" in result.stdout  # the document states no membership
    result = run(
        "SELECT ?a ?d WHERE { ?a <https://w3id.org/pactgraph/ontology#signedOn> ?d }",
        "--store",
        str(one_document_store),
        "-f",
        "table",
    )
    assert result.exit_code == 0, result.output
    assert "id:agreement/vietnam-eaeu-fta" in result.stdout
    assert "2015-05-29 (xsd:date)" in result.stdout
    assert "1 row" in result.stdout


def test_query_file_path_and_json_format(one_document_store, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text(
        "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a pg:Document }"
    )
    result = run(str(path), "--store", str(one_document_store), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["results"]["bindings"][0]["n"]["value"] == "1"


def test_describe_gives_turtle_that_parses_back(one_document_store):
    result = run("describe-an-actor", "--store", str(one_document_store), "--format", "ttl")
    assert result.exit_code == 0, result.output
    triples = list(pyoxigraph.parse(result.stdout.encode(), format=pyoxigraph.RdfFormat.TURTLE))
    rosatom = pyoxigraph.NamedNode("https://w3id.org/pactgraph/id/org/rosatom")
    assert all(t.subject == rosatom for t in triples)
    assert pyoxigraph.Literal("Rosatom", language="en") in {t.object for t in triples}


def test_construct_as_json_is_json_ld(one_document_store):
    result = run("actor-cooccurrence-network", "--store", str(one_document_store), "--format", "json")
    assert result.exit_code == 0, result.output
    graph = json.loads(result.stdout)
    ids = {node["@id"] for node in graph}
    # Rosatom and Vietnam share the second sentence; Vietnam and the EAEU the first.
    assert "https://w3id.org/pactgraph/id/cooccurrence/org.rosatom--state.vietnam" in ids
    assert "https://w3id.org/pactgraph/id/cooccurrence/org.eaeu--state.vietnam" in ids


def test_ask_prints_true(one_document_store):
    result = run("is-vietnam-party-with-eaeu", "--store", str(one_document_store), "-f", "table")
    assert result.exit_code == 0, result.output
    assert "true" in result.stdout


@pytest.mark.parametrize(
    ("query", "fmt", "message"),
    [
        ("documents", "ttl", "a SELECT gives a table, not triples"),
        ("describe-an-actor", "csv", "use --format ttl, json (JSON-LD) or table"),
        ("documents", "xml", "Unknown format 'xml'"),
    ],
)
def test_format_that_does_not_fit_the_query_is_refused_with_the_fix(one_document_store, query, fmt, message):
    result = run(query, "--store", str(one_document_store), "--format", fmt)
    assert result.exit_code == 2
    assert message in result.stderr


def test_syntax_error_names_the_position(one_document_store):
    result = run("SELECT * WHERE { ?s ?p }", "--store", str(one_document_store))
    assert result.exit_code == 2
    assert "not valid SPARQL" in result.stderr and "1:" in result.stderr


def test_update_is_refused_with_a_pointer_to_the_endpoint(one_document_store):
    result = run("DELETE WHERE { ?s ?p ?o }", "--store", str(one_document_store))
    assert result.exit_code == 2
    assert "updates go to the endpoint" in result.stderr


def test_missing_store_says_how_to_build_one(tmp_path):
    result = run("documents", "--store", str(tmp_path / "nothing"))
    assert result.exit_code == 2
    assert "pactgraph build" in result.stderr


def test_unknown_rq_file_is_refused_with_the_ways_to_name_a_query():
    result = run("no-such-query.rq")
    assert result.exit_code == 2
    assert "No file no-such-query.rq" in result.stderr and "pactgraph query --list" in result.stderr


def test_list_shows_every_library_query_with_its_form():
    from pactgraph.queries import catalog

    result = run("--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(catalog.all_queries())
    assert any(line.startswith("describe-an-actor") and "DESCRIBE" in line for line in lines)


def test_endpoint_gives_the_same_rows_as_the_embedded_store(one_document_store, server_factory):
    server = server_factory(one_document_store)
    embedded = run("agreements-in-time-order", "--store", str(one_document_store))
    remote = run("agreements-in-time-order", "--endpoint", server.sparql)
    assert remote.exit_code == 0, remote.output
    assert list(csv.reader(io.StringIO(remote.stdout))) == list(csv.reader(io.StringIO(embedded.stdout)))
    table = run("describe-an-actor", "--endpoint", server.sparql, "-f", "table")
    assert table.exit_code == 0, table.output
    assert "pg:cooperatesWith" in table.stdout
    bad = run("SELECT * WHERE { ?s ?p }", "--endpoint", server.sparql)
    assert bad.exit_code == 2 and "400" in bad.stderr


def test_endpoint_that_does_not_answer_is_named(tmp_path):
    result = run("documents", "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 2
    assert "http://127.0.0.1:9/sparql did not answer" in result.stderr


def test_store_defaults_to_pactgraph_data_dir(one_document_store, monkeypatch):
    from pactgraph.core.settings import get_settings

    monkeypatch.setenv("PACTGRAPH_DATA_DIR", str(one_document_store))
    get_settings.cache_clear()
    try:
        result = run("is-vietnam-party-with-eaeu")
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True  # ASK piped: JSON


@pytest.mark.parametrize(("form", "expected"), [("SELECT", "csv"), ("ASK", "json"), ("CONSTRUCT", "ttl")])
def test_piped_output_defaults_to_a_machine_format_and_a_terminal_gets_a_table(monkeypatch, form, expected):
    from pactgraph.cli import commands_query

    monkeypatch.setattr("sys.stdout.isatty", lambda: False, raising=False)
    assert commands_query._default_format(form) == expected
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert commands_query._default_format(form) == "table"


def test_docs_command_writes_the_ontology_docs_with_examples_from_the_store(one_document_store, tmp_path):
    readme = tmp_path / "queries-README.md"
    args = ["--store", str(one_document_store), "--out", str(tmp_path), "--queries-readme", str(readme)]
    result = CliRunner().invoke(app, ["docs", *args])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "ontology.md").read_text(encoding="utf-8")
    # The one document's FTA is the example of pg:signedOn, with its label as a comment.
    signed = '"2015-05-29"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert f"<agreement/vietnam-eaeu-fta> pg:signedOn {signed} ." in markdown
    assert (tmp_path / "ontology.svg").read_text(encoding="utf-8").startswith("<svg ")
    assert "## agreements-in-time-order" in readme.read_text(encoding="utf-8")


def test_docs_command_without_a_built_store_says_how_to_build_one(tmp_path):
    result = CliRunner().invoke(app, ["docs", "--store", str(tmp_path / "none"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "pactgraph build" in result.stderr
    assert not (tmp_path / "ontology.md").exists()
