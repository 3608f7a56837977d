"""The document page's text: the article cut into segments, every extracted mention a link to
its resource, and the span an evidence link points at marked."""

from __future__ import annotations

from typing import Any

from pactgraph.core.settings import Settings
from pactgraph.ontology.namespace import PG
from rdflib import RDF, RDFS, SKOS

from .engine import select
from .iris import local_href
from .text import local_name, pick_label


def parse_highlight(value: str | None) -> tuple[int, int] | None:
    """``"120-250"`` -> (120, 250); anything else -> None (a bad link shows the page unmarked)."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(start) >= int(end):
        return None
    return int(start), int(end)


async def mentions(engine: Any, document: str) -> list[dict[str, Any]]:
    rows = await select(
        engine,
        f"""SELECT ?m ?start ?end ?res ?label ?type WHERE {{
  ?m a <{PG.Mention}> ; <{PG.document}> <{document}> ; <{PG.mentionOf}> ?res ;
     <{PG.charStart}> ?start ; <{PG.charEnd}> ?end .
  OPTIONAL {{ ?res <{RDFS.label}>|<{SKOS.prefLabel}> ?label }}
  OPTIONAL {{ ?res <{RDF.type}> ?type FILTER(STRSTARTS(STR(?type), "{PG._NS}")) }}
}}""",
    )
    by_mention: dict[str, dict[str, Any]] = {}
    for row in rows:
        m = by_mention.setdefault(
            str(row["m"]),
            {
                "start": int(row["start"]),
                "end": int(row["end"]),
                "res": str(row["res"]),
                "labels": [],
                "types": set(),
            },
        )
        if "label" in row and row["label"] not in m["labels"]:
            m["labels"].append(row["label"])
        if "type" in row:
            m["types"].add(local_name(row["type"]))
    return sorted(by_mention.values(), key=lambda m: (m["start"], -m["end"]))


async def document_segments(
    engine: Any, document: str, text: str, highlight: tuple[int, int] | None, settings: Settings, lang: str
) -> list[dict[str, Any]]:
    """Plain text, mention links and the highlighted span, in reading order.

    Overlapping mentions keep the first (longest at a position); the highlight is split at
    segment borders so that it never breaks a link.
    """
    cuts: list[dict[str, Any]] = []
    cursor = 0
    for m in await mentions(engine, document):
        if m["start"] < cursor or m["end"] > len(text):
            continue
        types = sorted(t for t in m["types"] if t != "Actor")
        cuts.append(
            {
                "start": m["start"],
                "end": m["end"],
                "href": local_href(m["res"], settings),
                "title": pick_label(m["labels"], lang, fallback=local_name(m["res"])),
                "class": types[0] if types else "",
            }
        )
        cursor = m["end"]
    segments: list[dict[str, Any]] = []
    cursor = 0
    for cut in cuts:
        if cut["start"] > cursor:
            segments += _plain(text, cursor, cut["start"], highlight)
        segments.append({**cut, "text": text[cut["start"] : cut["end"]], "mark": _inside(cut, highlight)})
        cursor = cut["end"]
    segments += _plain(text, cursor, len(text), highlight)
    first = next((s for s in segments if s["mark"]), None)
    if first is not None:
        first["anchor"] = True
    return segments


def _inside(span: dict[str, Any], highlight: tuple[int, int] | None) -> bool:
    return highlight is not None and highlight[0] <= span["start"] and span["end"] <= highlight[1]


def _plain(text: str, start: int, end: int, highlight: tuple[int, int] | None) -> list[dict[str, Any]]:
    """Text between mentions, split where the highlighted span begins and ends."""
    points = sorted({start, end, *(p for p in (highlight or ()) if start < p < end)})
    parts = []
    for a, b in zip(points, points[1:], strict=False):
        parts.append(
            {
                "start": a,
                "end": b,
                "text": text[a:b],
                "href": "",
                "mark": _inside({"start": a, "end": b}, highlight),
            }
        )
    return parts
