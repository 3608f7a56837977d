"""Label lookup that ignores diacritics and case, in Vietnamese and English.

The index (every label, preferred label and alternative label with the resource's classes) is
built with one query and kept per store version, so a new publish is picked up on the next call.
"""

from __future__ import annotations

import asyncio
import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pactgraph.core.settings import Settings
from pactgraph.ontology.namespace import PG
from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from .engine import select, store_version
from .entity_graph import is_entity
from .iris import local_href
from .text import fold, local_name, pick_label

INDEX_QUERY = f"""
SELECT ?s ?label ?type WHERE {{
  ?s <{RDFS.label}>|<{SKOS.prefLabel}>|<{SKOS.altLabel}> ?label .
  FILTER(isIRI(?s))
  OPTIONAL {{ ?s <{RDF.type}> ?type }}
}}"""


@dataclass
class Entry:
    """One resource in the index."""

    iri: str
    labels: list[Literal] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)


@dataclass
class LabelIndex:
    version: str
    entries: dict[str, Entry]

    def search(
        self, query: str, *, types: set[str] | None = None, scope: str = "all", limit: int = 10
    ) -> list[tuple[int, Entry, str]]:
        """(score, entry, matched folded label), best first; empty for an empty query.

        ``scope``: ``entities`` (resources under id/, no provenance nodes), ``vocabulary``
        (ontology terms) or ``all``.
        """
        q = fold(query)
        if not q:
            return []
        q_words = q.split()
        hits = []
        for entry in self.entries.values():
            if types and not (types & entry.types):
                continue
            if scope != "all" and (scope == "entities") != is_entity(entry.iri):
                continue
            best, matched = 0, ""
            slug = fold(local_name(entry.iri))
            candidates = [(text, 0) for text in entry.folded] + [(slug, -5)]
            for text, bonus in candidates:
                score = _score(q, q_words, text)
                if score and score + bonus > best:
                    best, matched = score + bonus, text
            if best:
                hits.append((best, entry, matched))
        hits.sort(key=lambda h: (-h[0], len(h[2]), h[1].iri))
        return hits[:limit]

    def similar(self, text: str, limit: int = 5) -> list[Entry]:
        """Resources whose label or slug looks like ``text`` (for "did you mean" on a 404)."""
        target = fold(text.replace("-", " "))
        scored = []
        for entry in self.entries.values():
            names = entry.folded | {fold(local_name(entry.iri))}
            ratio = max(difflib.SequenceMatcher(None, target, n).ratio() for n in names)
            if ratio >= 0.6 or any(target and target in n for n in names):
                scored.append((ratio, entry))
        scored.sort(key=lambda x: (-x[0], x[1].iri))
        return [e for _, e in scored[:limit]]


def _score(q: str, q_words: list[str], text: str) -> int:
    if text == q:
        return 100
    if text.startswith(q):
        return 80
    words = text.split()
    if all(any(w.startswith(qw) for w in words) for qw in q_words):
        return 60
    if q in text:
        return 40
    return 0


async def build_index(engine: Any, version: str) -> LabelIndex:
    entries: dict[str, Entry] = defaultdict(lambda: Entry(""))
    for row in await select(engine, INDEX_QUERY):
        iri = str(row["s"])
        entry = entries[iri]
        entry.iri = iri
        label = row.get("label")
        if isinstance(label, Literal) and label not in entry.labels:
            entry.labels.append(label)
            entry.folded.add(fold(str(label)))
        if isinstance(row.get("type"), URIRef):
            entry.types.add(str(row["type"]))
    return LabelIndex(version, dict(entries))


async def get_index(app_state: Any, engine: Any) -> LabelIndex:
    """The index for the store's current version (rebuilt after a publish)."""
    version = await store_version(engine)
    cached: LabelIndex | None = getattr(app_state, "web_label_index", None)
    if cached is not None and cached.version == version:
        return cached
    lock = getattr(app_state, "web_label_lock", None)
    if lock is None:
        lock = app_state.web_label_lock = asyncio.Lock()
    async with lock:
        cached = getattr(app_state, "web_label_index", None)
        if cached is None or cached.version != version:
            cached = await build_index(engine, version)
            app_state.web_label_index = cached
    return cached


def entry_json(entry: Entry, lang: str, settings: Settings, matched: str = "") -> dict[str, Any]:
    """The JSON of one lookup hit (for autocompletion and the explorer's search box)."""
    labels: dict[str, str] = {}
    for label in entry.labels:
        labels.setdefault(label.language or "", str(label))
    return {
        "iri": entry.iri,
        "label": pick_label(entry.labels, lang, fallback=local_name(entry.iri)),
        "labels": labels,
        "types": sorted(entry.types),
        "class": _class_name(entry.types),
        "href": local_href(entry.iri, settings),
        "matched": matched,
    }


def _class_name(types: set[str]) -> str:
    names = sorted(local_name(t) for t in types if t.startswith(str(PG._NS)))
    names = [n for n in names if n != "Actor"] or names
    return names[0] if names else ""
