"""A small published-store-shaped graph for the web tests (one document, its mentions, facts and
evidence with real offsets), used until and beside the graph engineer's built sample store.

Not a test module (no ``test_`` prefix): tests/web/conftest.py loads it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pyoxigraph as ox

BASE = "https://w3id.org/pactgraph/"
ID = BASE + "id/"
PG = "https://w3id.org/pactgraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
OWL = "http://www.w3.org/2002/07/owl#"

DOC_STEM = "900_websample"
DOC = ID + "document/" + DOC_STEM
TEXT = (
    "Hợp tác năng lượng Việt - Nga\n"
    "Tập đoàn Rosatom đã ký với Việt Nam và Tập đoàn Dầu khí Việt Nam (PetroVietnam) thỏa thuận hợp tác "
    "ngày 29/5/2015 tại Hà Nội. "
    "Việt Nam là thành viên của Hiệp định thương mại tự do với Liên minh Kinh tế Á - Âu. "
    "Công ty <script>alert(1)</script> cũng được nhắc đến."
)
DOC2_STEM = "901_websample"
TEXT2 = (
    "Hiệp định thương mại tự do\n"
    "Việt Nam và Liên minh Kinh tế Á - Âu đã ký Hiệp định thương mại tự do năm 2015."
)
# path -> (class, labels by language)
ENTITIES = {
    "org/rosatom": ("Company", {"vi": "Tập đoàn Rosatom", "en": "Rosatom"}),
    "org/petrovietnam": ("Company", {"vi": "Tập đoàn Dầu khí Việt Nam", "en": "PetroVietnam"}),
    "state/vietnam": ("State", {"vi": "Việt Nam", "en": "Vietnam"}),
    "org/eaeu": (
        "InternationalOrganization",
        {"vi": "Liên minh Kinh tế Á - Âu", "en": "Eurasian Economic Union"},
    ),
    "agreement/rosatom-petrovietnam-2015": (
        "Agreement",
        {
            "vi": "Thỏa thuận hợp tác Rosatom - PetroVietnam",
            "en": "Rosatom–PetroVietnam cooperation agreement",
        },
    ),
    "agreement/vietnam-eaeu-fta": (
        "Agreement",
        {"vi": "Hiệp định thương mại tự do Việt Nam - EAEU", "en": "Vietnam–EAEU Free Trade Agreement"},
    ),
    "org/script-corp": ("Company", {"en": "<script>alert(1)</script> Corp"}),
}
# Per document: (stem, title, date, text, {entity path: surfaces as written}, [(s, p, o, sentence index)])
DOCUMENTS = [
    (
        DOC_STEM,
        "Hợp tác năng lượng Việt - Nga",
        "2015-05-30",
        TEXT,
        {
            "org/rosatom": ["Rosatom"],
            "org/petrovietnam": ["PetroVietnam", "Tập đoàn Dầu khí Việt Nam"],
            "state/vietnam": ["Việt Nam"],
            "org/eaeu": ["Liên minh Kinh tế Á - Âu"],
            "agreement/rosatom-petrovietnam-2015": ["thỏa thuận hợp tác"],
            "org/script-corp": ["<script>alert(1)</script>"],
        },
        [
            ("org/rosatom", "cooperatesWith", "org/petrovietnam", 1),
            ("org/rosatom", "cooperatesWith", "state/vietnam", 1),
            ("agreement/rosatom-petrovietnam-2015", "party", "org/rosatom", 1),
            ("agreement/rosatom-petrovietnam-2015", "party", "org/petrovietnam", 1),
            ("state/vietnam", "cooperatesWith", "org/eaeu", 2),
        ],
    ),
    (
        DOC2_STEM,
        "Hiệp định thương mại tự do",
        "2016-10-05",
        TEXT2,
        {
            "state/vietnam": ["Việt Nam"],
            "org/eaeu": ["Liên minh Kinh tế Á - Âu"],
            "agreement/vietnam-eaeu-fta": ["Hiệp định thương mại tự do"],
        },
        [
            ("agreement/vietnam-eaeu-fta", "party", "state/vietnam", 1),
            ("agreement/vietnam-eaeu-fta", "party", "org/eaeu", 1),
        ],
    ),
]
SIGNED = {
    "agreement/rosatom-petrovietnam-2015": ("2015-05-29", "date"),
    "agreement/vietnam-eaeu-fta": ("2015", "gYear"),
}


def sentences(text: str = TEXT) -> list[tuple[int, int]]:
    """(start, end) of each line/sentence of ``text``."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n" or (ch == "." and (i + 1 == len(text) or text[i + 1] == " ")):
            spans.append((start, i + (ch == ".")))
            start = i + 1 + (i + 1 < len(text) and text[i + 1] == " ")
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def document_quads(stem, title, date, text, mentioned, facts) -> list[ox.Quad]:
    """One document's named graph, in the shape the pipeline writes."""
    n, lit = ox.NamedNode, ox.Literal
    g = n(ID + "document/" + stem)
    quads: list[tuple[Any, Any, Any]] = [
        (g, n(RDF + "type"), n(PG + "Document")),
        (g, n(RDF + "type"), n(SCHEMA + "NewsArticle")),
        (g, n(DCT + "title"), lit(title, language="vi")),
        (g, n(DCT + "date"), lit(date, datatype=n(XSD + "date"))),
        (g, n(SCHEMA + "text"), lit(text)),
    ]
    for path, surfaces in mentioned.items():
        cls, labels = ENTITIES[path]
        s = n(ID + path)
        quads.append((s, n(RDF + "type"), n(PG + cls)))
        quads.append((s, n(PG + "mentionedIn"), g))
        for lang, label in labels.items():
            quads.append((s, n(RDFS + "label"), lit(label, language=lang)))
            quads.append((s, n(SKOS + "prefLabel"), lit(label, language=lang)))
        for surface in surfaces:
            start = text.rfind(surface)  # the last occurrence: "Việt Nam" also sits inside a company name
            assert start >= 0, surface
            m = n(f"{ID}mention/{stem}/{start}-{start + len(surface)}")
            quads += [
                (m, n(RDF + "type"), n(PG + "Mention")),
                (m, n(PG + "mentionOf"), s),
                (m, n(PG + "document"), g),
                (m, n(PG + "surface"), lit(surface)),
                (m, n(PG + "charStart"), _integer(start)),
                (m, n(PG + "charEnd"), _integer(start + len(surface))),
            ]
        if path in SIGNED:
            value, datatype = SIGNED[path]
            quads.append((s, n(PG + "signedOn"), lit(value, datatype=n(XSD + datatype))))
    spans = sentences(text)
    for i, (s, p, o, sentence) in enumerate(facts):
        start, end = spans[sentence]
        triple = (n(ID + s), n(PG + p), n(ID + o))
        quads.append(triple)
        ev = n(f"{ID}evidence/{stem}/{i:012x}")
        quads += [
            (ev, n(RDF + "type"), n(PG + "Evidence")),
            (ev, n(RDF + "subject"), triple[0]),
            (ev, n(RDF + "predicate"), triple[1]),
            (ev, n(RDF + "object"), triple[2]),
            (ev, n(PG + "document"), g),
            (ev, n(PG + "quote"), lit(text[start:end])),
            (ev, n(PG + "charStart"), _integer(start)),
            (ev, n(PG + "charEnd"), _integer(end)),
        ]
    return [ox.Quad(s, p, o, g) for s, p, o in quads]


def metadata_quads() -> list[ox.Quad]:
    """The VoID description the build writes into graph/metadata (its dataset IRI and one dump)."""
    n = ox.NamedNode
    graph, dataset, void = n(BASE + "graph/metadata"), n(ID + "dataset/pactgraph"), "http://rdfs.org/ns/void#"
    return [
        ox.Quad(dataset, n(RDF + "type"), n(void + "Dataset"), graph),
        ox.Quad(dataset, n(RDFS + "label"), ox.Literal("pactgraph", language="en"), graph),
        ox.Quad(dataset, n(void + "dataDump"), n("http://127.0.0.1:8000/dumps/pactgraph.nq.gz"), graph),
    ]


def sample_quads() -> list[ox.Quad]:
    quads = [q for document in DOCUMENTS for q in document_quads(*document)] + metadata_quads()
    sameas = (ox.NamedNode(ID + "org/rosatom"), ox.NamedNode(OWL + "sameAs"))
    quads.append(ox.Quad(*sameas, ox.NamedNode("http://www.wikidata.org/entity/Q1141400"), ox.NamedNode(DOC)))
    return quads


def ontology_quads(repo: Path) -> list[ox.Quad]:
    graph = ox.NamedNode("https://w3id.org/pactgraph/graph/ontology")
    quads = []
    for name in ("pactgraph.ttl", "areas.ttl"):
        path = repo / "ontology" / name
        if path.is_file():
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                quads.append(ox.Quad(t.subject, t.predicate, t.object, graph))
    return quads


def sample_nquads(repo: Path) -> bytes:
    """The sample's named graphs as N-Quads (for publishing a real store)."""
    return ox.serialize(sample_quads() + ontology_quads(repo), format=ox.RdfFormat.N_QUADS)


def sample_store(repo: Path) -> ox.Store:
    """An in-memory store in the published layout: named graphs plus their union as default graph."""
    store = ox.Store()
    quads = sample_quads() + ontology_quads(repo)
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return store


class StoreEngine:
    """The engine interface over a pyoxigraph store, evaluated off the event loop (tests only)."""

    def __init__(self, store: ox.Store, version: str = "test-1") -> None:
        self.store = store
        self.version = version

    def _run(self, query: str, media_type: str) -> bytes:
        result = self.store.query(query)
        if isinstance(result, ox.QueryTriples):
            return result.serialize(format=ox.RdfFormat.from_media_type(media_type))
        return result.serialize(format=ox.QueryResultsFormat.from_media_type(media_type))

    async def query_bytes(self, query: str, media_type: str, dataset: Any = None) -> tuple[bytes, str]:
        return await asyncio.to_thread(self._run, query, media_type), media_type
