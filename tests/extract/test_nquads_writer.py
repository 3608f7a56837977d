"""The corpus writer serialises N-Quads itself (no pyoxigraph objects), byte for byte as pyoxigraph does."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.extract.run import extract_corpus, extract_text
from pactgraph.extract.to_rdf import terms_to_nquads, terms_to_quads

_AWKWARD = "".join(chr(c) for c in range(0x80)) + ' Tập đoàn "Gazprom" \\ \u2028 \x85 \U0001f600'


@pytest.mark.parametrize(
    "term",
    [
        (_AWKWARD, "http://www.w3.org/2001/XMLSchema#string"),
        (_AWKWARD, "vi"),
        ("2024-05-20", "http://www.w3.org/2001/XMLSchema#date"),
        ("https://w3id.org/pactgraph/id/org/gazprom", ""),
    ],
)
def test_every_kind_of_term_is_written_as_pyoxigraph_writes_it(term: tuple[str, str]) -> None:
    triples = [("https://w3id.org/pactgraph/id/x", "https://w3id.org/pactgraph/ontology#p", term)]
    graph = "https://w3id.org/pactgraph/id/document/t"
    expected = ox.serialize(terms_to_quads(graph, triples), format=ox.RdfFormat.N_QUADS)
    assert terms_to_nquads(graph, triples) == expected


def test_a_corpus_file_equals_the_serialised_quads_of_its_document(tmp_path: Path) -> None:
    text = (
        'Ngày 15/5/2024, tại Hà Nội, Tập đoàn Gazprom và Tập đoàn Dầu khí Quốc gia Việt Nam ký "Bản ghi nhớ '
        'về hợp tác năng lượng".\tHai bên\\nhất trí tăng cường hợp tác giữa Việt Nam và Liên bang Nga.\n'
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(text, encoding="utf-8")
    extract_corpus(corpus, tmp_path / "out.nq")
    quads = extract_text(text, stem="doc")
    assert any('\\"' in str(q.object) for q in quads), "the text's quotes are escaped somewhere"
    assert (tmp_path / "out.nq").read_bytes() == ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
