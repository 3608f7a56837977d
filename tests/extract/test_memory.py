"""A corpus run's memory does not grow with the corpus: spaCy's vocabulary is freed in memory zones.

spaCy interns every new token string and span label for the life of the process; over a stream of
articles that keep naming new firms and people this grows without bound. extract_corpus annotates in
memory zones (pipeline.MemoryZones) so that what a document added is freed a few hundred documents
later, without changing the output. What a run must hold per file is kept small: its path and its
corpus.tsv row as text.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pactgraph.extract.metadata import load_corpus_tsv
from pactgraph.extract.model import DocumentInfo
from pactgraph.extract.pipeline import MemoryZones, make_doc, nlp_for
from pactgraph.extract.run import extract_corpus, extract_text
from pactgraph.extract.to_rdf import terms_to_nquads

# Invented firm names: no gazetteer knows them, and each document brings new token strings.
FIRMS = ["Zarvintek", "Olbrasko", "Quemtaline", "Vydraskon", "Peltramor", "Ushkavin", "Brelodex", "Kovintra"]


def _article(i: int) -> tuple[str, str]:
    firm, other = FIRMS[i % len(FIRMS)], FIRMS[(i + 3) % len(FIRMS)]
    if i % 2:
        return "en", (
            f"{firm}{i} Energy Corporation and {other}{i} Logistics JSC sign deal\n"
            f"MOSCOW, May {1 + i % 27} - {firm}{i} Energy Corporation and Russian group {other}{i} Logistics "
            f"JSC signed an Agreement on Port Logistics on May {1 + i % 27}, 2024. The agreement covers "
            "renewable energy.\n"
        )
    return "vi", (
        f"Tập đoàn Năng lượng {firm}{i} ký Bản ghi nhớ với Tổng công ty Cảng {other}{i}\n"
        f"Ngày {1 + i % 27}/5/2024, tại Hà Nội, Tập đoàn Năng lượng {firm}{i} và "
        f"Tổng công ty Cảng {other}{i} "
        "đã ký Bản ghi nhớ về hợp tác dầu khí giữa Việt Nam và Liên bang Nga.\n"
    )


def _write_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    rows = ["file\tlang\tpublished"]
    for i in range(count):
        lang, text = _article(i)
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{i:04d}.txt\t{lang}\t2024-05-01")
    (folder / "corpus.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _strings() -> dict[str, int]:
    return {lang: len(nlp_for(lang).vocab.strings) for lang in ("vi", "en")}


def test_a_corpus_run_leaves_the_vocabulary_as_it_found_it(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "corpus", 40)
    before = _strings()
    extract_corpus(tmp_path / "corpus", tmp_path / "out.nq")
    assert _strings() == before


def test_the_vocabulary_stays_bounded_during_a_run_and_output_is_unchanged(tmp_path: Path) -> None:
    """Within a run, strings are freed every few documents; the quads are those of extract_text."""
    texts = [_article(i) for i in range(1000, 1030)]  # names no other test of this process has seen
    base = _strings()
    sizes, zoned = [], []
    with MemoryZones(every=5) as zones:
        for i, (lang, text) in enumerate(texts):
            zoned.append(extract_text(text, stem=f"m{i}", lang=lang))
            zones.document_done()
            sizes.append(_strings())
    assert _strings() == base
    # what 5 documents add at most, never what 30 do: the store is emptied at every 5th document
    assert all(size == base for size in sizes[4::5])
    assert max(sum(size.values()) for size in sizes) > sum(base.values())  # the zone did hold new strings
    for i, (lang, text) in enumerate(texts):
        assert extract_text(text, stem=f"m{i}", lang=lang) == zoned[i]


def test_a_doc_made_between_corpus_runs_keeps_its_strings(tmp_path: Path) -> None:
    """No zone stays open after extract_corpus: a Doc made afterwards owns its strings for good."""
    _write_corpus(tmp_path / "corpus", 6)
    extract_corpus(tmp_path / "corpus", tmp_path / "out.nq")
    assert not any(nlp_for(lang).vocab.in_memory_zone for lang in ("vi", "en"))
    doc = make_doc("Tập đoàn Năng lượng Zarvintek Mới ký Bản ghi nhớ.", DocumentInfo("t", "vi", "t"))
    extract_corpus(tmp_path / "corpus", tmp_path / "out.nq")
    keys = {span.kb_id_ for span in doc.spans["pg_mentions"]}
    assert keys == {"org/tap-doan-nang-luong-zarvintek-moi"}, keys
    assert [token.text for token in doc][:5] == ["Tập", "đoàn", "Năng", "lượng", "Zarvintek"]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_corpus_output_is_each_documents_extraction(tmp_path: Path, workers: int) -> None:
    """Zones opened and closed mid-run change nothing: each graph is what extract_text gives alone."""
    _write_corpus(tmp_path / "corpus", 12)
    extract_corpus(tmp_path / "corpus", tmp_path / "out.nq", workers=workers)
    expected = b""
    for i in range(12):
        lang, text = _article(i)
        quads = extract_text(text, stem=f"{i:04d}", lang=lang, metadata={"published": "2024-05-01"})
        triples = [(q.subject.value, q.predicate.value, _term(q.object)) for q in quads]
        expected += terms_to_nquads(quads[0].graph_name.value, triples)
    assert (tmp_path / "out.nq").read_bytes() == expected


def _term(obj) -> tuple[str, str]:  # noqa: ANN001 - a pyoxigraph term
    if hasattr(obj, "language"):
        return (obj.value, obj.language or obj.datatype.value)
    return (obj.value, "")


def test_corpus_tsv_rows_kept_as_text_read_back_as_the_csv_module_reads_them(tmp_path: Path) -> None:
    """A quoted title over two lines, a blank line, a short row, an extra cell: each row is what
    csv.DictReader gives for it (values stripped), though the table holds only its text."""
    tsv = (
        "file\tlang\tpublished\ttitle\n"
        'a.txt\tvi\t2024-05-01\t"Hai dòng\nmột tiêu đề"\n'
        "\n"
        "b.txt\ten\n"
        "c.txt\ten\t2024\t Title \textra\n"
    )
    (tmp_path / "corpus.tsv").write_text(tsv, encoding="utf-8")
    table = load_corpus_tsv(tmp_path)
    expected = {
        row["file"]: {k: (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(tsv.splitlines(), delimiter="\t")
    }
    assert {name: table.get(name) for name in table.rows} == expected
    assert table.get("a.txt")["title"] == "Hai dòngmột tiêu đề"  # as the lines were read before
    assert table.get("missing.txt") is None
    assert all(isinstance(text, str) for text in table.rows.values())
