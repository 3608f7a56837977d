"""The one pure function that turns an annotated Doc into the quads of its document graph.

Graph layout and IRIs as docs/architecture.md says: the graph IRI is the document IRI; the
document, every resource found (type, labels with language tags, pg:mentionedIn), every
pg:Mention, every fact and one pg:Evidence per (fact, sentence). Output is sorted, so a re-run is
byte-identical.
"""

import hashlib
from functools import lru_cache

import pyoxigraph as ox
from pactgraph.extract.areas import AREA_PREFIX
from pactgraph.extract.model import Annotations, Entity, Fact, annotations
from spacy.tokens import Doc

BASE = "https://w3id.org/pactgraph/"
ID = BASE + "id/"
PG = BASE + "ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
ACTOR_CLASSES = frozenset({"State", "InternationalOrganization", "Company", "GovernmentBody", "Person"})


@lru_cache(maxsize=4096)
def _n(iri: str) -> ox.NamedNode:
    """IRIs repeat (predicates, classes, entities): build each NamedNode once."""
    return ox.NamedNode(iri)


def document_iri(stem: str) -> str:
    return f"{ID}document/{stem}"


def _date_literal(value: str) -> ox.Literal:
    datatype = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(value)]
    return ox.Literal(value, datatype=_n(XSD + datatype))


def _object(obj: object) -> ox.NamedNode | ox.Literal:
    if isinstance(obj, str):
        return _n(ID + obj)
    kind = obj[0]
    if kind == "area":
        return _n(AREA_PREFIX + obj[1])
    if kind == "date":
        return ox.Literal(obj[1], datatype=_n(XSD + obj[2]))
    if kind == "text":
        return ox.Literal(obj[1], language=obj[2])
    raise ValueError(f"unknown fact object {obj!r}")


def doc_to_quads(doc: Doc) -> list[ox.Quad]:
    """The quads of *doc*'s document graph, sorted."""
    return annotations_to_quads(annotations(doc))


def annotations_to_quads(ann: Annotations) -> list[ox.Quad]:
    info = ann.info
    doc_iri = document_iri(info.stem)
    g = _n(doc_iri)
    d = _n(doc_iri)
    quads: set[ox.Quad] = set()

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.add(ox.Quad(s, _n(p), o, g))

    add(d, RDF + "type", _n(PG + "Document"))
    add(d, RDF + "type", _n(SCHEMA + "NewsArticle"))
    add(d, DCTERMS + "title", ox.Literal(info.title, language=info.lang))
    add(d, DCTERMS + "language", ox.Literal(info.lang))
    add(d, SCHEMA + "text", ox.Literal(ann.text))
    if info.date:
        add(d, DCTERMS + "date", _date_literal(info.date))
    if info.publisher:
        add(d, DCTERMS + "publisher", ox.Literal(info.publisher))
    if info.url:
        add(d, DCTERMS + "source", _n(info.url))

    used: set[str] = {m.key for m in ann.mentions}
    facts = _deduplicated(ann.facts)
    for fact in facts:
        used.add(fact.subject)
        if isinstance(fact.obj, str):
            used.add(fact.obj)
    for key in sorted(used):
        entity = ann.entities.get(key)
        if entity is not None:
            _entity_quads(entity, d, add)

    for m in ann.mentions:
        mention = _n(f"{ID}mention/{info.stem}/{m.start}-{m.end}")
        add(mention, RDF + "type", _n(PG + "Mention"))
        add(mention, PG + "mentionOf", _n(ID + m.key))
        add(mention, PG + "document", d)
        add(mention, PG + "surface", ox.Literal(ann.text[m.start : m.end]))
        add(mention, PG + "charStart", ox.Literal(str(m.start), datatype=_n(XSD + "integer")))
        add(mention, PG + "charEnd", ox.Literal(str(m.end), datatype=_n(XSD + "integer")))

    areas_used: set[str] = set()
    for fact in facts:
        s, p, o = _n(ID + fact.subject), PG + fact.predicate, _object(fact.obj)
        add(s, p, o)
        if isinstance(fact.obj, tuple) and fact.obj[0] == "area":
            areas_used.add(fact.obj[1])
        start, end = fact.sentence
        digest = hashlib.sha1(f"{s.value} {p} {o} {start} {end}".encode()).hexdigest()[:12]
        ev = _n(f"{ID}evidence/{info.stem}/{digest}")
        add(ev, RDF + "type", _n(PG + "Evidence"))
        add(ev, RDF + "subject", s)
        add(ev, RDF + "predicate", _n(p))
        add(ev, RDF + "object", o)
        add(ev, PG + "document", d)
        add(ev, PG + "quote", ox.Literal(ann.text[start:end]))
        add(ev, PG + "charStart", ox.Literal(str(start), datatype=_n(XSD + "integer")))
        add(ev, PG + "charEnd", ox.Literal(str(end), datatype=_n(XSD + "integer")))
        if fact.note:
            add(ev, PG + "dateNote", ox.Literal(fact.note, language="en"))
    for slug in sorted(areas_used):
        area = _n(AREA_PREFIX + slug)
        add(area, RDF + "type", _n(PG + "CooperationArea"))
        add(area, PG + "mentionedIn", d)
    return sorted(quads, key=_sort_key)


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    """A total order on the document's quads (all in one graph) that is cheap to compute."""
    obj = quad.object
    if isinstance(obj, ox.Literal):
        extra = obj.language or obj.datatype.value
        return (quad.subject.value, quad.predicate.value, obj.value, extra)
    return (quad.subject.value, quad.predicate.value, obj.value, "")


def _deduplicated(facts: list[Fact]) -> list[Fact]:
    """One fact per (s, p, o, sentence); the first note wins."""
    seen: dict[tuple, Fact] = {}
    for fact in facts:
        seen.setdefault((fact.subject, fact.predicate, fact.obj, fact.sentence), fact)
    return list(seen.values())


def _entity_quads(entity: Entity, d: ox.NamedNode, add) -> None:  # noqa: ANN001
    s = _n(ID + entity.key)
    add(s, RDF + "type", _n(PG + entity.cls))
    if entity.cls in ACTOR_CLASSES:
        add(s, RDF + "type", _n(PG + "Actor"))
    for lang, label in sorted(entity.labels.items()):
        add(s, RDFS + "label", ox.Literal(label, language=lang))
        # a rule-found name may be written differently in another document under the same IRI: only the
        # gazetteer's reviewed label is the one skos:prefLabel per language, the others are altLabels
        pref = SKOS + "prefLabel" if entity.source == "gazetteer" else SKOS + "altLabel"
        add(s, pref, ox.Literal(label, language=lang))
    for lang, names in sorted(entity.aliases.items()):
        for name in sorted(names):
            if name != entity.labels.get(lang):
                add(s, SKOS + "altLabel", ox.Literal(name, language=lang))
    for iri in entity.same_as:
        add(s, OWL + "sameAs", _n(iri))
    add(s, PG + "mentionedIn", d)
