"""Corpus runs: deterministic, independent per document, atomic, evidence that quotes its sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.core.errors import InputError
from pactgraph.extract.run import extract_corpus, extract_text

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
PG = "https://w3id.org/pactgraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TEXT = "https://schema.org/text"

VI_ARTICLE = (
    "Việt Nam và Nga ký Nghị định thư về hợp tác y tế\n"
    "Ngày 3/4/2024, tại Hà Nội, Bộ trưởng Y tế Việt Nam Đào Hồng Lan và Đại sứ Nga tại Việt Nam "
    "Gennady Bezdetko đã ký Nghị định thư về hợp tác trong lĩnh vực y tế.Hai bên nhất trí thúc đẩy "
    "hợp tác giữa Việt Nam và Liên bang Nga trong lĩnh vực dược phẩm. Ảnh: TTXVN\n"
)


def _copy_corpus(tmp_path: Path, stems: list[str] | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        if stems is None or path.stem in stems:
            shutil.copy(path, folder / path.name)
    shutil.copy(CORPUS / "corpus.tsv", folder / "corpus.tsv")
    return folder


def _graphs(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for quad in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
        out.setdefault(quad.graph_name.value, set()).add(str(quad))
    return out


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("run")
    folder = _copy_corpus(tmp)
    out = tmp / "out.nq"
    extract_corpus(folder, out)
    return folder, out


def test_a_rerun_writes_byte_identical_output(corpus_run: tuple[Path, Path], tmp_path: Path) -> None:
    folder, out = corpus_run
    again = tmp_path / "again.nq"
    extract_corpus(folder, again, workers=2)
    assert again.read_bytes() == out.read_bytes()


def test_one_named_graph_per_document_whose_iri_is_the_document(corpus_run: tuple[Path, Path]) -> None:
    _, out = corpus_run
    graphs = _graphs(out)
    stems = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert sorted(graphs) == [f"https://w3id.org/pactgraph/id/document/{s}" for s in stems]


def test_a_documents_quads_do_not_change_when_other_documents_are_added(
    corpus_run: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = corpus_run
    stem = "003_92e30cbe0e9e22be"
    alone = _copy_corpus(tmp_path, [stem])
    single = tmp_path / "single.nq"
    extract_corpus(alone, single)
    graph = f"https://w3id.org/pactgraph/id/document/{stem}"
    assert _graphs(single)[graph] == _graphs(out)[graph]


def test_every_evidence_quotes_exactly_its_offsets_of_the_stored_text(corpus_run: tuple[Path, Path]) -> None:
    _, out = corpus_run
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    rows = list(
        store.query(
            """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
            SELECT ?text ?quote ?start ?end WHERE { GRAPH ?g {
              ?ev a pg:Evidence ; pg:quote ?quote ; pg:charStart ?start ; pg:charEnd ?end ; pg:document ?d ;
                  <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
                  <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
                  <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o .
              ?d <https://schema.org/text> ?text . ?s ?p ?o } }"""
        )
    )
    assert len(rows) > 100
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert start < end
        assert row["text"].value[start:end] == row["quote"].value


def test_every_mention_surface_is_its_span_of_the_text(corpus_run: tuple[Path, Path]) -> None:
    _, out = corpus_run
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    rows = list(
        store.query(
            """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
            SELECT ?text ?surface ?start ?end WHERE { GRAPH ?g {
              ?m a pg:Mention ; pg:surface ?surface ; pg:charStart ?start ; pg:charEnd ?end ; pg:document ?d .
              ?d <https://schema.org/text> ?text } }"""
        )
    )
    assert rows
    for row in rows:
        assert row["text"].value[int(row["start"].value) : int(row["end"].value)] == row["surface"].value


def test_the_stored_text_is_the_file_as_read(corpus_run: tuple[Path, Path]) -> None:
    _, out = corpus_run
    texts = {
        q.graph_name.value.rsplit("/", 1)[1]: q.object.value
        for q in ox.parse(path=out, format=ox.RdfFormat.N_QUADS)
        if q.predicate.value == TEXT
    }
    for stem, text in texts.items():
        assert text == (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def test_every_entity_has_a_language_tagged_label_and_every_document_its_metadata(
    corpus_run: tuple[Path, Path],
) -> None:
    _, out = corpus_run
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS)
    unlabelled = list(
        store.query(
            """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s WHERE { GRAPH ?g { ?s a pg:Actor .
              FILTER NOT EXISTS { ?s rdfs:label ?l FILTER(lang(?l) IN ("vi", "en")) } } }"""
        )
    )
    assert unlabelled == []
    docs = list(
        store.query(
            """PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?d ?date WHERE { GRAPH ?d { ?d a <https://w3id.org/pactgraph/ontology#Document> ;
              dcterms:title ?t ; dcterms:language ?l ; dcterms:date ?date } }"""
        )
    )
    assert len(docs) == 5
    assert all(row["date"].datatype.value.endswith("#date") for row in docs)


def test_a_date_completed_from_context_says_so_on_its_evidence(corpus_run: tuple[Path, Path]) -> None:
    _, out = corpus_run
    notes = [
        q.object.value
        for q in ox.parse(path=out, format=ox.RdfFormat.N_QUADS)
        if q.predicate.value == PG + "dateNote"
    ]
    assert any("taken from the document date" in n for n in notes)


def test_trig_output_when_the_file_ends_in_trig(tmp_path: Path) -> None:
    folder = _copy_corpus(tmp_path, ["003_92e30cbe0e9e22be"])
    summary = extract_corpus(folder, tmp_path / "out.trig")
    quads = list(ox.parse(path=tmp_path / "out.trig", format=ox.RdfFormat.TRIG))
    assert summary.documents == 1 and len(quads) > 50


def test_the_summary_counts_documents_entities_facts_and_evidence(
    corpus_run: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = _copy_corpus(tmp_path, ["003_92e30cbe0e9e22be"])
    summary = extract_corpus(folder, tmp_path / "o.nq")
    assert summary.documents == 1
    assert summary.entities["Person"] >= 3 and summary.entities["State"] == 2
    assert summary.facts["represents"] >= 2 and summary.evidence > 10


def test_extract_text_is_pure_and_returns_the_documents_quads() -> None:
    quads = extract_text(VI_ARTICLE, stem="t1", metadata={"published": "2024-04-03"})
    assert quads == extract_text(VI_ARTICLE, stem="t1", metadata={"published": "2024-04-03"})
    assert {q.graph_name.value for q in quads} == {"https://w3id.org/pactgraph/id/document/t1"}
    types = {
        (q.subject.value.rsplit("/", 2)[-2], q.object.value.rsplit("#", 1)[1])
        for q in quads
        if q.predicate.value == RDF_TYPE and q.object.value.startswith(PG)
    }
    assert ("agreement", "Agreement") in types and ("person", "Person") in types
    labels = {q.object.value for q in quads if q.predicate.value.endswith("#label")}
    assert {"Đào Hồng Lan", "Gennady Bezdetko"} <= labels
    assert "TTXVN" not in " ".join(labels)


def test_a_failing_file_is_named_the_others_are_tried_and_nothing_is_written(tmp_path: Path) -> None:
    folder = _copy_corpus(tmp_path, ["003_92e30cbe0e9e22be"])
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.nq"
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty") as caught:
        extract_corpus(folder, out)
    assert "1 of 2 files" in str(caught.value)
    assert not out.exists()
    assert list(tmp_path.glob(".out.nq*")) == []  # no temporary file left behind


def test_keep_going_writes_the_documents_that_worked(tmp_path: Path) -> None:
    folder = _copy_corpus(tmp_path, ["003_92e30cbe0e9e22be"])
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    summary = extract_corpus(folder, tmp_path / "out.nq", keep_going=True)
    assert summary.documents == 1
    assert any("binary.txt" in path and "binary" in message for path, message in summary.errors.items())
    assert len(_graphs(tmp_path / "out.nq")) == 1


def test_files_restricts_the_run_and_keeps_the_corpus_metadata(tmp_path: Path) -> None:
    folder = _copy_corpus(tmp_path)
    out = tmp_path / "one.nq"
    extract_corpus(folder, out, files=[folder / "002_746af3475085912c.txt"])
    titles = [
        q.object.value
        for q in ox.parse(path=out, format=ox.RdfFormat.N_QUADS)
        if q.predicate.value == "http://purl.org/dc/terms/publisher"
    ]
    assert titles == ["Zing News"]


def test_the_extracted_dataset_conforms_to_the_shapes(corpus_run: tuple[Path, Path]) -> None:
    from pactgraph.cli.main import app
    from typer.testing import CliRunner

    _, out = corpus_run
    result = CliRunner().invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 violation(s), 0 warning(s)" in result.output


def test_without_corpus_tsv_language_title_and_dateline_come_from_the_text(tmp_path: Path) -> None:
    folder = tmp_path / "bare"
    folder.mkdir()
    shutil.copy(CORPUS / "004_d0439268f145bd4d.txt", folder / "vi.txt")
    (folder / "en.txt").write_text(
        "https://example.com/news/1\nRussia and Vietnam sign a memorandum\nRussia and Vietnam signed a "
        "Memorandum of Understanding on Rail Freight on May 3, 2024.\n",
        encoding="utf-8",
    )
    extract_corpus(folder, tmp_path / "out.nq")
    meta = {
        (q.graph_name.value.rsplit("/", 1)[1], q.predicate.value.rsplit("/", 1)[1]): q.object.value
        for q in ox.parse(path=tmp_path / "out.nq", format=ox.RdfFormat.N_QUADS)
        if q.predicate.value.startswith("http://purl.org/dc/terms/")
    }
    assert meta[("vi", "language")] == "vi" and meta[("en", "language")] == "en"
    assert meta[("vi", "title")] == "Tăng cường quan hệ Đối tác chiến lược ASEAN - Nga"
    assert meta[("en", "title")] == "Russia and Vietnam sign a memorandum"  # the URL line is skipped
    assert meta[("vi", "date")] == "2021-04-06"  # from the dateline "08:04, 06/04/2021"
    assert ("en", "date") not in meta  # unknown: no date rather than a guess
