"""The real pipeline on data/corpus: extraction composed with the build by the CLI (built_store)."""

import shutil
from pathlib import Path

from pactgraph.cli.main import app
from pactgraph.graph import StoreLocation, open_read_only
from pactgraph.ontology.namespace import BASE, GRAPH_INFERRED
from typer.testing import CliRunner

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def test_every_article_of_the_corpus_is_a_document_graph_of_the_published_store(built_store):
    current = built_store.current()
    store = open_read_only(current.path)
    documents = {g.value for g in store.named_graphs() if g.value.startswith(BASE + "id/document/")}
    assert documents == {f"{BASE}id/document/{p.stem}" for p in CORPUS.glob("*.txt")}
    (row,) = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_INFERRED}> {{ ?s ?p ?o }} }}")
    assert int(row["n"].value) > 0
    for name in ("pactgraph.nq.gz", "pactgraph.ttl.gz", "pactgraph.trig.gz", "pactgraph.jsonld.gz"):
        assert (built_store.data_dir / "dumps" / name).stat().st_size > 0


def test_adding_an_article_that_is_already_in_the_store_changes_nothing(built_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(built_store.data_dir, copy, ignore=shutil.ignore_patterns(".build.lock"))
    before = StoreLocation(copy).current()
    article = sorted(CORPUS.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["add", str(article), "--store", str(copy), "--no-dumps"])
    assert result.exit_code == 0, result.output
    assert f"unchanged: version {before.version}" in result.output
    assert StoreLocation(copy).current() == before
