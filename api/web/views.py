"""View models for the resource pages: plain dicts built from a description graph (no HTML here)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pactgraph.core.settings import Settings
from pactgraph.ontology.namespace import PG
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from .dates import readable_date
from .iris import local_href, page_href
from .text import local_name, pick_label

LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
PROVENANCE_OUT = {PG.mentionedIn}
PROVENANCE_IN = {RDF.subject, RDF.predicate, RDF.object, PG.mentionOf, PG.document}
DCTERMS_TITLE = URIRef("http://purl.org/dc/terms/title")
SCHEMA_TEXT = URIRef("https://schema.org/text")
# A page lists at most this many values per property (the RDF representations have them all).
MAX_VALUES = 100


def label_of(graph: Graph, node: Node, lang: str) -> str:
    """The label of ``node`` in ``lang`` as the graph knows it, else its local name."""
    labels = [
        o for p in (RDFS.label, SKOS.prefLabel) for o in graph.objects(node, p) if isinstance(o, Literal)
    ]
    titles = [o for o in graph.objects(node, DCTERMS_TITLE) if isinstance(o, Literal)]
    return pick_label(labels or titles, lang, fallback=local_name(node))


def class_name(graph: Graph, node: Node) -> str:
    """The most telling pg: class of ``node`` (the local name), '' when it has none."""
    names = [local_name(t) for t in graph.objects(node, RDF.type) if str(t).startswith(str(PG._NS))]
    names = [n for n in names if n != "Actor"] or names
    return sorted(names)[0] if names else ""


def value_view(graph: Graph, value: Node, lang: str, settings: Settings) -> dict[str, Any]:
    """One value of a property: a link with a label for IRIs, text (and a readable date) for literals."""
    if isinstance(value, Literal):
        return {
            "kind": "literal",
            "text": str(value),
            "lang": value.language or "",
            "datatype": local_name(value.datatype) if value.datatype else "",
            "date": readable_date(value, lang),
        }
    if isinstance(value, URIRef):
        return {
            "kind": "iri",
            "iri": str(value),
            "href": local_href(str(value), settings),
            "text": label_of(graph, value, lang),
            "class": class_name(graph, value),
        }
    return {"kind": "blank", "text": "[]"}


def _grouped(
    graph: Graph, pairs: list[tuple[URIRef, Node]], lang: str, settings: Settings
) -> list[dict[str, Any]]:
    groups: dict[URIRef, list[Node]] = defaultdict(list)
    for prop, value in pairs:
        groups[prop].append(value)
    result = []
    for prop, values in groups.items():
        views = sorted(
            (value_view(graph, v, lang, settings) for v in values), key=lambda v: v["text"].lower()
        )
        result.append(
            {
                "iri": str(prop),
                "href": local_href(str(prop), settings),
                "label": label_of(graph, prop, lang),
                "values": views,
            }
        )
    return sorted(result, key=lambda g: g["label"].lower())


def labels_by_language(graph: Graph, node: URIRef) -> list[dict[str, str]]:
    """Every label of ``node`` with its property and language, preferred labels first."""
    rows = []
    for prop in LABEL_PROPERTIES:
        for label in graph.objects(node, prop):
            if isinstance(label, Literal):
                rows.append({"property": local_name(prop), "lang": label.language or "", "text": str(label)})
    return rows


Fact = tuple[Node, Node, Node]


def facts_with_evidence(
    graph: Graph, node: URIRef, lang: str, limit: int
) -> tuple[list[tuple[Fact, list[Node]]], int]:
    """The facts ``node`` takes part in with their evidence nodes, in reading order, at most ``limit``
    of them (a hub such as a country has thousands); also the total number of facts."""
    facts: dict[Fact, list[Node]] = defaultdict(list)
    for ev in set(graph.subjects(RDF.subject, node)) | set(graph.subjects(RDF.object, node)):
        s, p, o = graph.value(ev, RDF.subject), graph.value(ev, RDF.predicate), graph.value(ev, RDF.object)
        if s is None or p is None or o is None or graph.value(ev, PG.quote) is None:
            continue
        facts[(s, p, o)].append(ev)
    ordered = sorted(
        facts.items(),
        key=lambda item: (
            label_of(graph, item[0][1], lang),
            label_of(graph, item[0][0], lang),
            str(item[0][2]),
        ),
    )
    return [(fact, sorted(evs)) for fact, evs in ordered[:limit]], len(facts)


def evidence_views(
    graph: Graph,
    facts: list[tuple[Fact, list[Node]]],
    lang: str,
    settings: Settings,
    marks: dict[str, list[tuple[int, int]]],
) -> list[dict[str, Any]]:
    """Each fact with the sentences that support it.

    ``marks`` maps an evidence IRI to the (start, end) document offsets of the mentions of the
    fact's subject and object, so that they can be highlighted inside the sentence.
    """
    views = []
    for (s, p, o), evidences in facts:
        quotes = []
        for ev in evidences:
            quote = graph.value(ev, PG.quote)
            doc = graph.value(ev, PG.document)
            start, end = graph.value(ev, PG.charStart), graph.value(ev, PG.charEnd)
            start_i = int(start) if isinstance(start, Literal) else None
            end_i = int(end) if isinstance(end, Literal) else None
            doc_href = local_href(str(doc), settings) if doc is not None else ""
            if doc_href and start_i is not None and end_i is not None:
                doc_href = f"{doc_href}?hl={start_i}-{end_i}#hl"
            quotes.append(
                {
                    "iri": str(ev),
                    "segments": quote_segments(str(quote), start_i, marks.get(str(ev), [])),
                    "document": str(doc) if doc is not None else "",
                    "document_title": label_of(graph, doc, lang) if doc is not None else "",
                    "document_href": doc_href,
                    "date_note": str(graph.value(ev, PG.dateNote) or graph.value(ev, PG.basis) or ""),
                }
            )
        views.append(
            {
                "subject": value_view(graph, s, lang, settings),
                "predicate": {"iri": str(p), "label": label_of(graph, p, lang)},
                "object": value_view(graph, o, lang, settings),
                "quotes": sorted(quotes, key=lambda q: (q["document"], q["iri"])),
            }
        )
    return views


def quote_segments(quote: str, start: int | None, marks: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Split ``quote`` into plain and marked parts; ``marks`` are document offsets, ``start`` the quote's.

    >>> quote_segments("Rosatom ký với Việt Nam", 10, [(10, 17)])
    [{'text': 'Rosatom', 'mark': True}, {'text': ' ký với Việt Nam', 'mark': False}]
    """
    if start is None or not marks:
        return [{"text": quote, "mark": False}]
    spans = sorted({(max(0, a - start), min(len(quote), b - start)) for a, b in marks})
    segments, cursor = [], 0
    for a, b in spans:
        if a < cursor or a >= b:
            continue  # overlapping or outside the quote
        if a > cursor:
            segments.append({"text": quote[cursor:a], "mark": False})
        segments.append({"text": quote[a:b], "mark": True})
        cursor = b
    if cursor < len(quote):
        segments.append({"text": quote[cursor:], "mark": False})
    return segments


def resource_view(
    graph: Graph,
    iri: str,
    lang: str,
    settings: Settings,
    evidence: list[dict[str, Any]],
    evidence_total: int,
) -> dict[str, Any]:
    """Everything the resource page shows, from the description graph."""
    node = URIRef(iri)
    outgoing = [
        (p, o)
        for p, o in graph.predicate_objects(node)
        if p not in LABEL_PROPERTIES
        and p not in (RDF.type, OWL.sameAs, SCHEMA_TEXT)
        and p not in PROVENANCE_OUT
    ]
    # Evidence and mentions point at the resource too; they are shown as evidence, not as links.
    incoming = [
        (p, s)
        for s, p in graph.subject_predicates(node)
        if isinstance(p, URIRef) and p not in PROVENANCE_IN and (s, RDF.type, PG.Evidence) not in graph
    ]
    types = [value_view(graph, t, lang, settings) for t in sorted(graph.objects(node, RDF.type))]
    for view in types:
        if view["kind"] == "iri" and view["iri"].startswith(str(PG._NS)):
            view["href"] = page_href("/class/" + local_name(view["iri"]), settings)
    documents = [value_view(graph, d, lang, settings) for d in sorted(graph.objects(node, PG.mentionedIn))]
    text = graph.value(node, SCHEMA_TEXT)
    return {
        "iri": iri,
        "label": label_of(graph, node, lang),
        "labels": labels_by_language(graph, node),
        "types": types,
        "class": class_name(graph, node),
        "same_as": [str(o) for o in sorted(graph.objects(node, OWL.sameAs))],
        "outgoing": _grouped(graph, outgoing, lang, settings),
        "incoming": _grouped(graph, incoming, lang, settings),
        "documents": documents,
        "evidence": evidence,
        "evidence_total": evidence_total,
        "has_text": text is not None,
    }
