"""The neighbourhood of one entity as Cytoscape.js elements, cut at a node limit.

Breadth-first from the root, ``depth`` steps over relations in both directions. When the limit
cuts, the best-connected neighbours are kept (ties by IRI, so the answer is stable) and the
answer says how many nodes and edges were left out; each node also says how many of its own
edges are hidden, which is what "expand" will reveal.

``boundary_edges`` lists the relations from the nodes returned to entities outside them (at most
``BOUNDARY_FACTOR`` x limit, in IRI order). A client that already shows some of those
entities (the explorer after an expand) adds the ones whose two ends it has, so that an edge between
a newly shown node and a node already on screen is not missing just because neither is the root.
"""

from __future__ import annotations

from typing import Any

from pactgraph.core.settings import Settings
from pactgraph.ontology.namespace import PG
from rdflib import RDF, RDFS, SKOS, Literal

from .engine import select
from .entity_graph import DATE_PROPERTIES, edge_id, entity_filter, relation_filter
from .iris import is_safe_iri, local_href
from .text import local_name, pick_label

MAX_DEPTH = 3
MAX_LIMIT = 500
BOUNDARY_FACTOR = 4


def _values(iris: list[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


async def edges_touching(engine: Any, nodes: list[str]) -> set[tuple[str, str, str]]:
    """Every relation with one end in ``nodes`` and the other an entity."""
    rows = await select(
        engine,
        f"""SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?n {{ {_values(nodes)} }}
  {{ ?n ?p ?o BIND(?n AS ?s) }} UNION {{ ?s ?p ?n BIND(?n AS ?o) }}
  {entity_filter("s")} {entity_filter("o")} {relation_filter("p")}
}}""",
    )
    return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}


async def degrees(engine: Any, nodes: list[str]) -> dict[str, int]:
    rows = await select(
        engine,
        f"""SELECT ?n (COUNT(DISTINCT ?e) AS ?deg) WHERE {{
  VALUES ?n {{ {_values(nodes)} }}
  {{ ?n ?p ?o BIND(?n AS ?s) }} UNION {{ ?s ?p ?n BIND(?n AS ?o) }}
  {entity_filter("s")} {entity_filter("o")} {relation_filter("p")}
  BIND(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o)) AS ?e)
}} GROUP BY ?n""",
    )
    return {str(r["n"]): int(r["deg"]) for r in rows}


async def node_facts(engine: Any, nodes: list[str]) -> dict[str, dict[str, Any]]:
    """Labels, pg: classes and dates of ``nodes``."""
    rows = await select(
        engine,
        f"""SELECT ?n ?k ?v WHERE {{
  VALUES ?n {{ {_values(nodes)} }}
  {{ ?n <{RDFS.label}>|<{SKOS.prefLabel}> ?v BIND("label" AS ?k) }}
  UNION {{ ?n <{RDF.type}> ?v FILTER(STRSTARTS(STR(?v), "{PG._NS}")) BIND("type" AS ?k) }}
  UNION {{ VALUES ?dp {{ {_values([str(p) for p in DATE_PROPERTIES])} }} ?n ?dp ?v BIND("date" AS ?k) }}
}}""",
    )
    facts: dict[str, dict[str, Any]] = {n: {"labels": [], "types": set(), "dates": set()} for n in nodes}
    for r in rows:
        f = facts[str(r["n"])]
        kind = str(r["k"])
        if kind == "label" and isinstance(r["v"], Literal):
            f["labels"].append(r["v"])
        elif kind == "type":
            f["types"].add(local_name(r["v"]))
        elif kind == "date":
            f["dates"].add(str(r["v"]))
    return facts


async def edge_documents(
    engine: Any, edges: list[tuple[str, str, str]]
) -> dict[tuple[str, str, str], list[str]]:
    """The documents whose evidence supports each edge."""
    if not edges:
        return {}
    values = " ".join(f"(<{s}> <{p}> <{o}>)" for s, p, o in edges)
    rows = await select(
        engine,
        f"""SELECT DISTINCT ?s ?p ?o ?doc WHERE {{
  VALUES (?s ?p ?o) {{ {values} }}
  ?ev <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ; <{PG.document}> ?doc .
}}""",
    )
    docs: dict[tuple[str, str, str], list[str]] = {}
    for r in rows:
        docs.setdefault((str(r["s"]), str(r["p"]), str(r["o"])), []).append(str(r["doc"]))
    return {k: sorted(v) for k, v in docs.items()}


async def property_labels(engine: Any, props: list[str], lang: str) -> dict[str, str]:
    if not props:
        return {}
    rows = await select(
        engine, f"SELECT ?p ?l WHERE {{ VALUES ?p {{ {_values(props)} }} ?p <{RDFS.label}> ?l }}"
    )
    labels: dict[str, list[Literal]] = {}
    for r in rows:
        labels.setdefault(str(r["p"]), []).append(r["l"])
    return {p: pick_label(labels.get(p, []), lang, local_name(p)) for p in props}


async def neighbourhood(
    engine: Any, root: str, depth: int, limit: int, lang: str, settings: Settings
) -> dict[str, Any] | None:
    """Cytoscape.js elements around ``root``; None when ``root`` is not an entity of the graph."""
    known = await node_facts(engine, [root])
    if not known[root]["labels"] and not known[root]["types"]:
        return None
    included: list[str] = [root]
    seen: set[str] = {root}
    discovered: set[tuple[str, str, str]] = set()
    left_nodes: set[str] = set()
    frontier = [root]
    for _ in range(depth):
        if not frontier:
            break
        found = await edges_touching(engine, frontier)
        discovered |= found
        new = sorted({x for s, _, o in found for x in (s, o)} - seen - left_nodes)
        if not new:
            break
        deg = await degrees(engine, new)
        new.sort(key=lambda n: (-deg.get(n, 0), n))
        room = max(0, limit - len(included))
        included += new[:room]
        left_nodes |= set(new[room:])
        seen |= set(new[:room])
        frontier = new[:room]
    node_set = set(included)
    inside = lambda e: e[0] in node_set and e[2] in node_set  # noqa: E731
    # Every edge among the nodes shown, also those between two neighbours (not found from the root).
    touching = await edges_touching(engine, included)
    edges = sorted(e for e in touching if inside(e))
    left_edges = sum(1 for e in discovered if not inside(e))
    facts = await node_facts(engine, included)
    deg = await degrees(engine, included)
    outside = sorted(e for e in touching if not inside(e))
    boundary = outside[: BOUNDARY_FACTOR * limit]
    docs = await edge_documents(engine, edges + boundary)
    plabels = await property_labels(engine, sorted({p for _, p, _ in edges + boundary}), lang)
    class_iris = sorted({f"{PG._NS}{t}" for f in facts.values() for t in f["types"]})
    class_labels = await property_labels(engine, class_iris, lang)  # any IRIs' rdfs:labels
    shown: dict[str, int] = {}
    for s, _, o in edges:
        shown[s] = shown.get(s, 0) + 1
        shown[o] = shown.get(o, 0) + 1
    nodes = []
    for iri in included:
        f = facts[iri]
        types = sorted(t for t in f["types"] if t != "Actor") or sorted(f["types"])
        nodes.append(
            {
                "data": {
                    "id": iri,
                    "iri": iri,
                    "label": pick_label(f["labels"], lang, local_name(iri)),
                    "class": types[0] if types else "",
                    "classes": types,
                    "class_label": class_labels.get(f"{PG._NS}{types[0]}", types[0]) if types else "",
                    "degree": deg.get(iri, 0),
                    "hidden": max(0, deg.get(iri, 0) - shown.get(iri, 0)),
                    "date": min(f["dates"]) if f["dates"] else "",
                    "href": local_href(iri, settings),
                    "root": iri == root,
                },
                "classes": types[0] if types else "",
            }
        )

    def edge_element(s: str, p: str, o: str) -> dict[str, Any]:
        return {
            "data": {
                "id": edge_id(s, p, o),
                "source": s,
                "target": o,
                "property": p,
                "label": plabels.get(p, local_name(p)),
                "documents": docs.get((s, p, o), []),
            }
        }

    edge_elements = [edge_element(*e) for e in edges]
    return {
        "root": root,
        "depth": depth,
        "limit": limit,
        "lang": lang,
        "elements": {"nodes": nodes, "edges": edge_elements},
        "boundary_edges": [edge_element(*e) for e in boundary],
        "boundary_truncated": len(outside) > len(boundary),
        "left_out": {"nodes": len(left_nodes), "edges": left_edges},
        "truncated": bool(left_nodes or left_edges),
    }


def is_iri(value: str) -> bool:
    return is_safe_iri(value)
