"""Writers for visualisation tools: GraphML and GEXF (Gephi, yEd, Cytoscape desktop), graphology
JSON (sigma.js) and vis-network JSON, all from a :class:`SimpleGraph`."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from .entity_graph import SimpleGraph

NODE_ATTRS = ("label", "class", "date")
EDGE_ATTRS = ("label", "property")


def to_graphml(graph: SimpleGraph) -> bytes:
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for name in NODE_ATTRS:
        ET.SubElement(
            root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": "string"}
        )
    for name in EDGE_ATTRS:
        ET.SubElement(
            root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": "string"}
        )
    g = ET.SubElement(root, "graph", {"id": "pactgraph", "edgedefault": "directed"})
    for node in graph.nodes.values():
        el = ET.SubElement(g, "node", {"id": node["id"]})
        for name in NODE_ATTRS:
            ET.SubElement(el, "data", {"key": f"n_{name}"}).text = node.get(name, "")
    for edge in graph.edges.values():
        el = ET.SubElement(g, "edge", {"id": edge["id"], "source": edge["source"], "target": edge["target"]})
        for name in EDGE_ATTRS:
            ET.SubElement(el, "data", {"key": f"e_{name}"}).text = edge.get(name, "")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_gexf(graph: SimpleGraph) -> bytes:
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "pactgraph"
    g = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    attrs = ET.SubElement(g, "attributes", {"class": "node", "mode": "static"})
    for i, name in enumerate(NODE_ATTRS[1:]):
        ET.SubElement(attrs, "attribute", {"id": str(i), "title": name, "type": "string"})
    eattrs = ET.SubElement(g, "attributes", {"class": "edge", "mode": "static"})
    ET.SubElement(eattrs, "attribute", {"id": "0", "title": "property", "type": "string"})
    nodes = ET.SubElement(g, "nodes")
    for node in graph.nodes.values():
        el = ET.SubElement(nodes, "node", {"id": node["id"], "label": node.get("label", "")})
        values = ET.SubElement(el, "attvalues")
        for i, name in enumerate(NODE_ATTRS[1:]):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": node.get(name, "")})
    edges = ET.SubElement(g, "edges")
    for edge in graph.edges.values():
        el = ET.SubElement(
            edges,
            "edge",
            {
                "id": edge["id"],
                "source": edge["source"],
                "target": edge["target"],
                "label": edge.get("label", ""),
            },
        )
        values = ET.SubElement(el, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "0", "value": edge.get("property", "")})
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_graphology(graph: SimpleGraph) -> bytes:
    """graphology's serialised format (``Graph.import``): attributes, options, nodes, edges."""
    data = {
        "attributes": {"name": "pactgraph"},
        "options": {"type": "directed", "multi": True, "allowSelfLoops": True},
        "nodes": [
            {"key": n["id"], "attributes": {k: n.get(k, "") for k in NODE_ATTRS}}
            for n in graph.nodes.values()
        ],
        "edges": [
            {
                "key": e["id"],
                "source": e["source"],
                "target": e["target"],
                "attributes": {k: e.get(k, "") for k in EDGE_ATTRS},
            }
            for e in graph.edges.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def to_vis_network(graph: SimpleGraph) -> bytes:
    """vis-network's DataSet input: ``{"nodes": [{id, label, group}], "edges": [{id, from, to, label}]}``."""
    data = {
        "nodes": [
            {"id": n["id"], "label": n.get("label", ""), "group": n.get("class", ""), "title": n["id"]}
            for n in graph.nodes.values()
        ],
        "edges": [
            {
                "id": e["id"],
                "from": e["source"],
                "to": e["target"],
                "label": e.get("label", ""),
                "title": e.get("property", ""),
                "arrows": "to",
            }
            for e in graph.edges.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


WRITERS = {
    "graphml": (to_graphml, "application/graphml+xml", "graphml"),
    "gexf": (to_gexf, "application/gexf+xml", "gexf"),
    "graphology": (to_graphology, "application/json", "graphology.json"),
    "vis-network": (to_vis_network, "application/json", "vis.json"),
}
