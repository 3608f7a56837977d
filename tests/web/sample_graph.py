"""A small published-store-shaped graph for the web tests (one document, its mentions, facts and
evidence with real offsets), used until and beside the graph engineer's built sample store.

Not a test module (no ``test_`` prefix): tests/web/conftest.py loads it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ID = "https://w3id.org/pactgraph/id/"
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
ENTITIES = {
    "org/rosatom": ("Company", {"vi": "Tập đoàn Rosatom", "en": "Rosatom"}, ["Rosatom"]),
    "org/petrovietnam": (
        "Company",
        {"vi": "Tập đoàn Dầu khí Việt Nam", "en": "PetroVietnam"},
        ["PetroVietnam", "Tập đoàn Dầu khí Việt Nam"],
    ),
    "state/vietnam": ("State", {"vi": "Việt Nam", "en": "Vietnam"}, ["Việt Nam"]),
    "org/eaeu": (
        "InternationalOrganization",
        {"vi": "Liên minh Kinh tế Á - Âu", "en": "Eurasian Economic Union"},
        ["Liên minh Kinh tế Á - Âu"],
    ),
    "agreement/rosatom-petrovietnam-2015": (
        "Agreement",
        {
            "vi": "Thỏa thuận hợp tác Rosatom - PetroVietnam",
            "en": "Rosatom–PetroVietnam cooperation agreement",
        },
        ["thỏa thuận hợp tác"],
    ),
    "org/script-corp": ("Company", {"en": "<script>alert(1)</script> Corp"}, ["<script>alert(1)</script>"]),
}
# (subject, property, object, sentence containing the fact)
FACTS = [
    ("org/rosatom", "cooperatesWith", "org/petrovietnam", 1),
    ("org/rosatom", "cooperatesWith", "state/vietnam", 1),
    ("agreement/rosatom-petrovietnam-2015", "party", "org/rosatom", 1),
    ("agreement/rosatom-petrovietnam-2015", "party", "org/petrovietnam", 1),
    ("state/vietnam", "cooperatesWith", "org/eaeu", 2),
]


def sentences() -> list[tuple[int, int]]:
    """(start, end) of each line/sentence of TEXT."""
    spans, start = [], 0
    for i, ch in enumerate(TEXT):
        if ch == "\n" or (ch == "." and (i + 1 == len(TEXT) or TEXT[i + 1] == " ")):
            spans.append((start, i + (ch == ".")))
            start = i + 1 + (i + 1 < len(TEXT) and TEXT[i + 1] == " ")
    if start < len(TEXT):
        spans.append((start, len(TEXT)))
    return spans


def sample_quads() -> list[ox.Quad]:
    n, lit = ox.NamedNode, ox.Literal
    g = n(DOC)
    quads: list[tuple[Any, Any, Any]] = [
        (g, n(RDF + "type"), n(PG + "Document")),
        (g, n(RDF + "type"), n(SCHEMA + "NewsArticle")),
        (g, n(DCT + "title"), lit("Hợp tác năng lượng Việt - Nga", language="vi")),
        (g, n(DCT + "date"), lit("2015-05-30", datatype=n(XSD + "date"))),
        (g, n(SCHEMA + "text"), lit(TEXT)),
    ]
    for path, (cls, labels, surfaces) in ENTITIES.items():
        s = n(ID + path)
        quads.append((s, n(RDF + "type"), n(PG + cls)))
        quads.append((s, n(PG + "mentionedIn"), g))
        for lang, text in labels.items():
            quads.append((s, n(RDFS + "label"), lit(text, language=lang)))
            quads.append((s, n(SKOS + "prefLabel"), lit(text, language=lang)))
        for surface in surfaces:
            start = TEXT.rfind(surface)  # the last occurrence: "Việt Nam" also sits inside a company name
            assert start >= 0, surface
            m = n(f"{ID}mention/{DOC_STEM}/{start}-{start + len(surface)}")
            quads += [
                (m, n(RDF + "type"), n(PG + "Mention")),
                (m, n(PG + "mentionOf"), s),
                (m, n(PG + "document"), g),
                (m, n(PG + "surface"), lit(surface)),
                (m, n(PG + "charStart"), lit(str(start), datatype=n(XSD + "integer"))),
                (m, n(PG + "charEnd"), lit(str(start + len(surface)), datatype=n(XSD + "integer"))),
            ]
    agreement = n(ID + "agreement/rosatom-petrovietnam-2015")
    quads.append((agreement, n(PG + "signedOn"), lit("2015-05-29", datatype=n(XSD + "date"))))
    quads.append((n(ID + "org/rosatom"), n(OWL + "sameAs"), n("http://www.wikidata.org/entity/Q1141400")))
    spans = sentences()
    for i, (s, p, o, sentence) in enumerate(FACTS):
        start, end = spans[sentence]
        triple = (n(ID + s), n(PG + p), n(ID + o))
        quads.append(triple)
        ev = n(f"{ID}evidence/{DOC_STEM}/{i:012x}")
        quads += [
            (ev, n(RDF + "type"), n(PG + "Evidence")),
            (ev, n(RDF + "subject"), triple[0]),
            (ev, n(RDF + "predicate"), triple[1]),
            (ev, n(RDF + "object"), triple[2]),
            (ev, n(PG + "document"), g),
            (ev, n(PG + "quote"), lit(TEXT[start:end])),
            (ev, n(PG + "charStart"), lit(str(start), datatype=n(XSD + "integer"))),
            (ev, n(PG + "charEnd"), lit(str(end), datatype=n(XSD + "integer"))),
        ]
    return [ox.Quad(s, p, o, g) for s, p, o in quads]


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
