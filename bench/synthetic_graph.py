"""A synthetic graph in the shape of pactgraph's: one named graph per document, actors with vi/en
labels, agreements with parties and dates, mechanisms, events, evidence with quotes, mentions, and
a SKOS scheme of cooperation areas. Deterministic for a given size (seeded), so runs compare.

About 200 quads per document: ``documents=5000`` gives ~1M quads.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
BROADER = "<http://www.w3.org/2004/02/skos/core#broader>"
RDF_S = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>"
RDF_P = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"
RDF_O = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>"
TITLE = "<http://purl.org/dc/terms/title>"
DATE = "<http://purl.org/dc/terms/date>"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
ONTOLOGY_GRAPH = "<https://w3id.org/pactgraph/graph/ontology>"
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"

KINDS = [
    ("state", "State", 60),
    ("org", "InternationalOrganization", 40),
    ("org", "Company", 400),
    ("gov", "GovernmentBody", 300),
    ("person", "Person", 1500),
]
WORDS = [
    "hợp tác",
    "năng lượng",
    "dầu khí",
    "thương mại",
    "quốc phòng",
    "giáo dục",
    "hạt nhân",
    "đầu tư",
    "Việt Nam",
    "Liên bang Nga",
    "ASEAN",
    "Rosatom",
    "Gazprom",
    "hiệp định",
    "ủy ban",
    "diễn đàn",
]


def _iri(path: str) -> str:
    return f"<{ID}{path}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def _date(d: int) -> str:
    return f"20{10 + d % 14:02d}-{1 + d % 12:02d}-{1 + d % 28:02d}"


def actors() -> list[tuple[str, str]]:
    """(IRI path, class) of every actor."""
    out = []
    for segment, cls, count in KINDS:
        out += [(f"{segment}/{cls.lower()}-{i}", cls) for i in range(count)]
    return out


def quads(documents: int, seed: int = 7) -> Iterator[str]:
    """N-Quads lines of the synthetic graph."""
    rng = random.Random(seed)
    everyone = actors()
    states = [a for a in everyone if a[1] == "State"]
    orgs = [a for a in everyone if a[1] == "InternationalOrganization"]
    areas = [f"area/area-{i}" for i in range(40)]
    for i, area in enumerate(areas):  # the SKOS scheme lives in the ontology graph
        yield f"{_iri(area)} {PREF} {_lit(f'lĩnh vực {i}', 'vi')} {ONTOLOGY_GRAPH} ."
        if i >= 5:
            yield f"{_iri(area)} {BROADER} {_iri(areas[i % 5])} {ONTOLOGY_GRAPH} ."
    for d in range(documents):
        doc_path = f"document/doc-{d:06d}"
        doc = _iri(doc_path)
        g = doc
        lines = [
            f"{doc} {RDF_TYPE} <{PG}Document> {g} .",
            f"{doc} {TITLE} {_lit(' '.join(rng.sample(WORDS, 5)), 'vi')} {g} .",
            f"{doc} {DATE} {_lit(_date(d), datatype=XSD_DATE)} {g} .",
        ]
        named = rng.sample(everyone, 12) + rng.sample(states, 2) + rng.sample(orgs, 1)
        for path, cls in named:
            number = path.rsplit("-", 1)[-1]
            lines += [
                f"{_iri(path)} {RDF_TYPE} <{PG}{cls}> {g} .",
                f"{_iri(path)} {LABEL} {_lit(f'{cls} {number}', 'en')} {g} .",
                f"{_iri(path)} {LABEL} {_lit(f'{rng.choice(WORDS)} {number}', 'vi')} {g} .",
                f"{_iri(path)} <{PG}mentionedIn> {doc} {g} .",
            ]
            if cls in ("Company", "GovernmentBody", "Person"):
                lines.append(f"{_iri(path)} <{PG}country> {_iri(rng.choice(states)[0])} {g} .")
            if cls == "State" and rng.random() < 0.3:
                lines.append(f"{_iri(path)} <{PG}memberOf> {_iri(rng.choice(orgs)[0])} {g} .")
        agreement = f"agreement/agreement-{d}"
        mechanism = f"mechanism/mechanism-{d % 300}"
        event = f"event/event-{d}"
        facts = [
            (agreement, f"<{RDF_TYPE[1:-1]}>", f"<{PG}Agreement>"),
            (agreement, f"<{PG}party>", _iri(named[-3][0])),
            (agreement, f"<{PG}party>", _iri(named[-2][0])),
            (agreement, f"<{PG}signedOn>", _lit(f"20{10 + d % 14:02d}-05-29", datatype=XSD_DATE)),
            (agreement, f"<{PG}area>", _iri(rng.choice(areas))),
            (mechanism, f"<{RDF_TYPE[1:-1]}>", f"<{PG}Mechanism>"),
            (mechanism, f"<{PG}participant>", _iri(named[-3][0])),
            (event, f"<{RDF_TYPE[1:-1]}>", f"<{PG}Event>"),
            (event, f"<{PG}sessionOf>", _iri(mechanism)),
            (event, f"<{PG}participant>", _iri(named[0][0])),
            (named[0][0], f"<{PG}cooperatesWith>", _iri(named[1][0])),
            (named[2][0], f"<{PG}represents>", _iri(named[-2][0])),
        ]
        for n, (s, p, o) in enumerate(facts):
            lines.append(f"{_iri(s)} {p} {o} {g} .")
            ev = _iri(f"evidence/doc-{d:06d}/{n:012x}")
            start = 100 * n
            lines += [
                f"{ev} {RDF_TYPE} <{PG}Evidence> {g} .",
                f"{ev} {RDF_S} {_iri(s)} {g} .",
                f"{ev} {RDF_P} {p} {g} .",
                f"{ev} {RDF_O} {o} {g} .",
                f"{ev} <{PG}document> {doc} {g} .",
                f"{ev} <{PG}quote> {_lit(' '.join(rng.sample(WORDS, 8)) + '.', 'vi')} {g} .",
                f"{ev} <{PG}charStart> {_lit(str(start), datatype=XSD_INT)} {g} .",
                f"{ev} <{PG}charEnd> {_lit(str(start + 90), datatype=XSD_INT)} {g} .",
            ]
        yield from lines


def write_nquads(path, documents: int) -> int:
    """Write the graph to *path*; the number of quads."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for line in quads(documents):
            out.write(line)
            out.write("\n")
            count += 1
    return count
