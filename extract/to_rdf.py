"""The one pure function that turns an annotated Doc into the quads of its document graph.

Graph layout and IRIs as docs/architecture.md says: the graph IRI is the document IRI; the
document, every resource found (type, labels with language tags, pg:mentionedIn), every
pg:Mention, every fact and one pg:Evidence per (fact, sentence). Output is sorted, so a re-run is
byte-identical.
"""

import hashlib
import re
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


def _date_term(value: str) -> "Term":
    datatype = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(value)]
    return _lit(value, datatype=XSD + datatype)


def _object_term(obj: object) -> "Term":
    if isinstance(obj, str):
        return _iri(ID + obj)
    kind = obj[0]
    if kind == "area":
        return _iri(AREA_PREFIX + obj[1])
    if kind == "date":
        return _lit(obj[1], datatype=XSD + obj[2])
    if kind == "text":
        return _lit(obj[1], obj[2])
    raise ValueError(f"unknown fact object {obj!r}")


def doc_to_quads(doc: Doc) -> list[ox.Quad]:
    """The quads of *doc*'s document graph, sorted."""
    return annotations_to_quads(annotations(doc))


def annotations_to_quads(ann: Annotations) -> list[ox.Quad]:
    """The quads of the document graph, sorted."""
    return terms_to_quads(document_iri(ann.info.stem), annotations_to_terms(ann))


# A term as plain Python values: (value, "") for an IRI, (value, language) or (value, datatype IRI) for a
# literal (a language tag never contains ":", a datatype IRI always does). Building pyoxigraph objects
# costs ~2 us per quad, more than everything else here: the corpus writer serialises these directly.
Term = tuple[str, str]
Triple = tuple[str, str, Term]
_XSD_STRING = XSD + "string"
_XSD_INTEGER = XSD + "integer"


def _iri(value: str) -> Term:
    return (value, "")


def _lit(value: str, language: str | None = None, datatype: str | None = None) -> Term:
    return (value, language or datatype or _XSD_STRING)


# the predicates and class terms every document uses, built once (a concatenation per triple cost ~10 %
# of this module's time)
_RDF_TYPE = RDF + "type"
_RDFS_LABEL = RDFS + "label"
_SKOS_PREF = SKOS + "prefLabel"
_SKOS_ALT = SKOS + "altLabel"
_OWL_SAME_AS = OWL + "sameAs"
_PG_MENTIONED_IN = PG + "mentionedIn"
_PG_DOCUMENT = PG + "document"
_PG_CHAR_START = PG + "charStart"
_PG_CHAR_END = PG + "charEnd"
_CLASS_TERMS: dict[str, Term] = {}


def _class_term(name: str) -> Term:
    """``pg:<name>`` as an IRI term (one tuple per class)."""
    term = _CLASS_TERMS.get(name)
    if term is None:
        term = _CLASS_TERMS[name] = _iri(PG + name)
    return term


def annotations_to_terms(ann: Annotations) -> list[Triple]:
    """The (subject, predicate, object) triples of the document graph, sorted like the quads."""
    info = ann.info
    doc_iri = document_iri(info.stem)
    d = doc_iri
    doc_term = _iri(d)
    triples: set[Triple] = set()
    add = triples.add  # each call adds one (subject, predicate, object) tuple

    add((d, _RDF_TYPE, _class_term("Document")))
    add((d, _RDF_TYPE, _iri(SCHEMA + "NewsArticle")))
    add((d, DCTERMS + "title", _lit(info.title, info.lang)))
    add((d, DCTERMS + "language", _lit(info.lang)))
    add((d, SCHEMA + "text", _lit(ann.text)))
    if info.date:
        add((d, DCTERMS + "date", _date_term(info.date)))
    if info.publisher:
        add((d, DCTERMS + "publisher", _lit(info.publisher)))
    if info.url:
        add((d, DCTERMS + "source", _iri(info.url)))

    used: set[str] = {m.key for m in ann.mentions}
    facts = _deduplicated(ann.facts)
    for fact in facts:
        used.add(fact.subject)
        if isinstance(fact.obj, str):
            used.add(fact.obj)
    for key in sorted(used):
        entity = ann.entities.get(key)
        if entity is not None:
            _entity_quads(entity, doc_term, add)

    mention_class = _class_term("Mention")
    for m in ann.mentions:
        mention = f"{ID}mention/{info.stem}/{m.start}-{m.end}"
        add((mention, _RDF_TYPE, mention_class))
        add((mention, PG + "mentionOf", _iri(ID + m.key)))
        add((mention, _PG_DOCUMENT, doc_term))
        add((mention, PG + "surface", _lit(ann.text[m.start : m.end])))
        add((mention, _PG_CHAR_START, (str(m.start), _XSD_INTEGER)))
        add((mention, _PG_CHAR_END, (str(m.end), _XSD_INTEGER)))

    areas_used: set[str] = set()
    evidence_class = _class_term("Evidence")
    for fact in facts:
        s, p, o = ID + fact.subject, PG + fact.predicate, _object_term(fact.obj)
        add((s, p, o))
        if isinstance(fact.obj, tuple) and fact.obj[0] == "area":
            areas_used.add(fact.obj[1])
        start, end = fact.sentence
        digest = hashlib.sha1(f"{s} {p} {_term_text(o)} {start} {end}".encode()).hexdigest()[:12]
        ev = f"{ID}evidence/{info.stem}/{digest}"
        add((ev, _RDF_TYPE, evidence_class))
        add((ev, RDF + "subject", _iri(s)))
        add((ev, RDF + "predicate", _iri(p)))
        add((ev, RDF + "object", o))
        add((ev, _PG_DOCUMENT, doc_term))
        add((ev, PG + "quote", _lit(ann.text[start:end])))
        add((ev, _PG_CHAR_START, (str(start), _XSD_INTEGER)))
        add((ev, _PG_CHAR_END, (str(end), _XSD_INTEGER)))
        if fact.note:
            add((ev, PG + "dateNote", _lit(fact.note, "en")))
        if fact.basis:
            add((ev, PG + "basis", _lit(fact.basis, "en")))
    area_class = _class_term("CooperationArea")
    for slug in sorted(areas_used):
        area = AREA_PREFIX + slug
        add((area, _RDF_TYPE, area_class))
        add((area, _PG_MENTIONED_IN, doc_term))
    # a total order on the document's triples (all in one graph): subject, predicate, object value, then
    # its language or datatype
    return sorted(triples)


def _deduplicated(facts: list[Fact]) -> list[Fact]:
    """One fact per (s, p, o, sentence); the first note wins."""
    seen: dict[tuple, Fact] = {}
    for fact in facts:
        seen.setdefault((fact.subject, fact.predicate, fact.obj, fact.sentence), fact)
    return list(seen.values())


def _entity_quads(entity: Entity, doc_term: "Term", add) -> None:  # noqa: ANN001 - set.add of triples
    s = ID + entity.key
    add((s, _RDF_TYPE, _class_term(entity.cls)))
    if entity.cls in ACTOR_CLASSES:
        add((s, _RDF_TYPE, _class_term("Actor")))
    # a rule-found name may be written differently in another document under the same IRI: only the
    # gazetteer's reviewed label is the one skos:prefLabel per language, the others are altLabels
    pref = _SKOS_PREF if entity.source == "gazetteer" else _SKOS_ALT
    for lang, label in sorted(entity.labels.items()):
        add((s, _RDFS_LABEL, _lit(label, lang)))
        add((s, pref, _lit(label, lang)))
    for lang, names in sorted(entity.aliases.items()):
        for name in sorted(names):
            if name != entity.labels.get(lang):
                add((s, _SKOS_ALT, _lit(name, lang)))
    for iri in entity.same_as:
        add((s, _OWL_SAME_AS, _iri(iri)))
    add((s, _PG_MENTIONED_IN, doc_term))


# ---------------------------------------------------------------- from plain triples to RDF

# N-Triples escapes of a literal's characters, as pyoxigraph writes them (checked by a test against
# pyoxigraph.serialize)
_ESCAPES = {"\b": r"\b", "\t": r"\t", "\n": r"\n", "\f": r"\f", "\r": r"\r", '"': r"\"", "\\": r"\\"}
_ESCAPES.update({chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if chr(c) not in _ESCAPES})
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def _term_text(term: "Term") -> str:
    """The N-Triples form of a term (what ``str()`` of the pyoxigraph term gives)."""
    value, extra = term
    if not extra:
        return f"<{value}>"
    if _NEEDS_ESCAPE.search(value):
        value = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], value)
    if extra == _XSD_STRING:
        return f'"{value}"'
    if ":" in extra:
        return f'"{value}"^^<{extra}>'
    return f'"{value}"@{extra}'


def _term(term: "Term") -> ox.NamedNode | ox.Literal:
    value, extra = term
    if not extra:
        return _n(value)
    if extra == _XSD_STRING:
        return ox.Literal(value)
    if ":" in extra:
        return ox.Literal(value, datatype=_n(extra))
    return ox.Literal(value, language=extra)


def terms_to_quads(graph: str, triples: list["Triple"]) -> list[ox.Quad]:
    """The triples as quads in *graph*, in the same order."""
    g = _n(graph)
    return [ox.Quad(_n(s), _n(p), _term(o), g) for s, p, o in triples]


def terms_to_nquads(graph: str, triples: list["Triple"]) -> bytes:
    """The triples as N-Quads in *graph*, byte for byte what ``pyoxigraph.serialize`` writes for them."""
    g = f"<{graph}>"
    return "".join(f"<{s}> <{p}> {_term_text(o)} {g} .\n" for s, p, o in triples).encode()
