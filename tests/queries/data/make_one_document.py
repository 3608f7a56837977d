"""Writes one-document.nq: one document graph in the layout of docs/architecture.md, offsets computed.

Run from the repository root: .venv/bin/python tests/queries/data/make_one_document.py
"""

import hashlib
import re
from pathlib import Path

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

PG = Namespace("https://w3id.org/pactgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/pactgraph/id/"
STEM = "950_queries_cli"
SENTENCES = [
    "Việt Nam và Liên minh Kinh tế Á - Âu đã ký Hiệp định Thương mại tự do ngày 29/5/2015.",
    "Tập đoàn Rosatom và Việt Nam hợp tác trong lĩnh vực năng lượng hạt nhân.",
]
TEXT = " ".join(SENTENCES)
ENTITIES = {  # slug: (class, English name, Vietnamese name as written)
    "state/vietnam": (PG.State, "Vietnam", "Việt Nam"),
    "org/eaeu": (PG.InternationalOrganization, "Eurasian Economic Union", "Liên minh Kinh tế Á - Âu"),
    "org/rosatom": (PG.Company, "Rosatom", "Tập đoàn Rosatom"),
    "agreement/vietnam-eaeu-fta": (
        PG.Agreement,
        "Vietnam–EAEU Free Trade Agreement",
        "Hiệp định Thương mại tự do",
    ),
}
FTA = URIRef(ID + "agreement/vietnam-eaeu-fta")
FACTS = [  # (subject, predicate, object, index of the sentence that states it)
    (FTA, PG.party, URIRef(ID + "state/vietnam"), 0),
    (FTA, PG.party, URIRef(ID + "org/eaeu"), 0),
    (FTA, PG.signedOn, Literal("2015-05-29", datatype=XSD.date), 0),
    (FTA, PG.area, URIRef(ID + "area/trade"), 0),
    (URIRef(ID + "org/rosatom"), PG.cooperatesWith, URIRef(ID + "state/vietnam"), 1),
]


def main() -> None:
    doc = URIRef(ID + "document/" + STEM)
    dataset = Dataset()
    g = dataset.graph(doc)
    for p, o in [
        (RDF.type, PG.Document),
        (RDF.type, SCHEMA.NewsArticle),
        (DCTERMS.title, Literal("Hợp tác Việt Nam - EAEU", lang="vi")),
        (DCTERMS.date, Literal("2021-11-30", datatype=XSD.date)),
        (DCTERMS.publisher, Literal("Test News")),
        (DCTERMS.language, Literal("vi")),
        (SCHEMA.text, Literal(TEXT)),
    ]:
        g.add((doc, p, o))
    for slug, (cls, en, vi) in ENTITIES.items():
        resource = URIRef(ID + slug)
        for p, o in [
            (RDF.type, cls),
            (RDFS.label, Literal(en, lang="en")),
            (RDFS.label, Literal(vi, lang="vi")),
            (SKOS.prefLabel, Literal(en, lang="en")),
            (SKOS.prefLabel, Literal(vi, lang="vi")),
            (PG.mentionedIn, doc),
        ]:
            g.add((resource, p, o))
        for match in re.finditer(re.escape(vi), TEXT):
            start, end = match.span()
            mention = URIRef(f"{ID}mention/{STEM}/{start}-{end}")
            for p, o in [
                (RDF.type, PG.Mention),
                (PG.mentionOf, resource),
                (PG.document, doc),
                (PG.surface, Literal(vi)),
                (PG.charStart, Literal(start)),
                (PG.charEnd, Literal(end)),
            ]:
                g.add((mention, p, o))
    for s, p, o, index in FACTS:
        g.add((s, p, o))
        sentence = SENTENCES[index]
        start = TEXT.index(sentence)
        end = start + len(sentence)
        digest = hashlib.sha1(f"{s} {p} {o} {start} {end}".encode()).hexdigest()[:12]
        evidence = URIRef(f"{ID}evidence/{STEM}/{digest}")
        for ep, eo in [
            (RDF.type, PG.Evidence),
            (RDF.type, RDF.Statement),
            (RDF.subject, s),
            (RDF.predicate, p),
            (RDF.object, o),
            (PG.document, doc),
            (PG.quote, Literal(sentence)),
            (PG.charStart, Literal(start)),
            (PG.charEnd, Literal(end)),
        ]:
            g.add((evidence, ep, eo))
    lines = sorted(dataset.serialize(format="nquads").splitlines(keepends=True))
    header = "# One hand-written document graph for the `pactgraph query` tests (make_one_document.py).\n"
    (Path(__file__).parent / "one-document.nq").write_text(header + "".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
