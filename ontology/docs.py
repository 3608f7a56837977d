"""Documentation of the ontology, generated from ``pactgraph.ttl`` and ``areas.ttl`` (and, for the
examples, from a built graph): ``docs/ontology.md``, the class diagram ``docs/ontology.svg`` and the
HTML served at ``/ontology``.

For the web UI (api/web/): call :func:`render_ontology_html` with an open pyoxigraph store to get a
self-contained HTML fragment (a ``<section>``, the SVG inline, no scripts, no external assets) to put
inside the page template; pass ``store=None`` to leave the examples out. Everything is escaped here.

The diagram is laid out by this module, not by Graphviz (not installed on CI machines): the classes
that others specialise (``pg:Actor``) sit in the middle, their subclasses on an inner ring, the other
classes on an outer ring; object properties are arrows from domain to range, subclass links dashed.

Regenerate with ``pactgraph docs --store data/store`` (or ``make docs``). tests/docs/ checks that the
committed files match the ontology and that every example is a triple of the built graph.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pactgraph.ontology import path as data_path
from pactgraph.ontology.namespace import GRAPH_METADATA, ID, PG, PREFIXES
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal
from rdflib.collection import Collection

if TYPE_CHECKING:
    import pyoxigraph

PG_NS = str(PG._NS)
EXAMPLE_FENCE = "```turtle example"  # example blocks are marked so that tests can find and check them
_KINDS = [
    (OWL.Class, "class"),
    (OWL.ObjectProperty, "object property"),
    (OWL.DatatypeProperty, "datatype property"),
    (OWL.AnnotationProperty, "annotation property"),
]


@dataclass
class Term:
    """One class or property of the ontology, as documented."""

    iri: str
    kind: str  # class | object property | datatype property | annotation property
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    comment: str = ""
    domain: list[str] = field(default_factory=list)  # prefixed names; a union is several entries
    range: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)  # rdfs:subClassOf / rdfs:subPropertyOf
    characteristics: list[str] = field(default_factory=list)  # e.g. owl:SymmetricProperty

    @property
    def name(self) -> str:
        return prefixed(self.iri)

    @property
    def local(self) -> str:
        return self.iri[len(PG_NS) :]


def prefixed(iri: str) -> str:
    """``pg:party`` for the IRI of pg:party; an IRI under no known prefix stays ``<iri>``.

    >>> prefixed("https://w3id.org/pactgraph/ontology#party")
    'pg:party'
    >>> prefixed("https://w3id.org/pactgraph/id/state/russia")  # a slash is not allowed in a local name
    '<https://w3id.org/pactgraph/id/state/russia>'
    """
    best = max(
        (p for p, ns in PREFIXES.items() if iri.startswith(ns)), key=lambda p: len(PREFIXES[p]), default=""
    )
    local = iri[len(PREFIXES[best]) :] if best else ""
    if best and local and "/" not in local and "#" not in local:
        return f"{best}:{local}"
    return f"<{iri}>"


def load_ontology() -> Graph:
    """The ontology and the areas scheme, as shipped in this package."""
    graph = Graph()
    graph.parse(data_path("pactgraph.ttl"), format="turtle")
    graph.parse(data_path("areas.ttl"), format="turtle")
    return graph


def _class_expression(graph: Graph, node) -> list[str]:
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return [prefixed(str(m)) for m in Collection(graph, members)]
        return []
    return [prefixed(str(node))]


def terms(graph: Graph | None = None) -> list[Term]:
    """Every class and property in the pg: namespace: classes first, then properties, by name."""
    graph = graph if graph is not None else load_ontology()
    found: dict[str, Term] = {}
    for kind_iri, kind in _KINDS:
        for subject in graph.subjects(RDF.type, kind_iri):
            iri = str(subject)
            if not iri.startswith(PG_NS) or iri in found:
                continue
            term = Term(iri=iri, kind=kind)
            for label in graph.objects(subject, RDFS.label):
                if isinstance(label, Literal):
                    term.labels[label.language or ""] = str(label)
            comments = {c.language or "": str(c) for c in graph.objects(subject, RDFS.comment)}
            term.comment = comments.get("en") or comments.get("") or next(iter(comments.values()), "")
            for domain in graph.objects(subject, RDFS.domain):
                term.domain += _class_expression(graph, domain)
            for range_ in graph.objects(subject, RDFS.range):
                term.range += _class_expression(graph, range_)
            parent_property = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
            term.parents = sorted(prefixed(str(p)) for p in graph.objects(subject, parent_property))
            term.characteristics = sorted(
                prefixed(str(t)) for t in graph.objects(subject, RDF.type) if t not in {k for k, _ in _KINDS}
            )
            term.domain.sort()
            term.range.sort()
            found[iri] = term
    order = {kind: i for i, (_, kind) in enumerate(_KINDS)}
    return sorted(found.values(), key=lambda t: (order[t.kind], t.local.lower()))


@dataclass(frozen=True)
class Area:
    """One concept of the fields-of-cooperation scheme."""

    iri: str
    en: str
    vi: str
    broader: str  # the slug of the wider field, or ""


def areas(graph: Graph | None = None) -> list[Area]:
    """The concepts of the areas scheme, wider fields before narrower ones, then by slug."""
    graph = graph if graph is not None else load_ontology()
    out = []
    for concept in set(graph.subjects(RDF.type, PG.CooperationArea)):
        labels = {lab.language: str(lab) for lab in graph.objects(concept, SKOS.prefLabel)}
        broader = graph.value(concept, SKOS.broader)
        out.append(
            Area(
                str(concept),
                labels.get("en", ""),
                labels.get("vi", ""),
                _slug(str(broader)) if broader else "",
            )
        )
    return sorted(out, key=lambda a: (a.broader or _slug(a.iri), a.broader != "", _slug(a.iri)))


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


# ------------------------------------------------------------------------------------------ examples

# Examples come from the document graphs (and what is inferred from them), never from graph/metadata:
# its values (build time, version hash) change with every build, so an example there would be stale
# as soon as it was written.
_CLASS_EXAMPLE = """
SELECT ?s (COUNT(DISTINCT ?doc) AS ?n) WHERE {{
  ?s a <{iri}> . OPTIONAL {{ ?s <{mentioned}> ?doc }}
  FILTER(STRSTARTS(STR(?s), "{id}"))
  FILTER NOT EXISTS {{ GRAPH <{metadata}> {{ ?s a <{iri}> }} }}
}} GROUP BY ?s ORDER BY DESC(?n) STR(?s) LIMIT 1
"""
_PROPERTY_EXAMPLE = """
SELECT ?s ?o (COUNT(DISTINCT ?doc) AS ?n) WHERE {{
  ?s <{iri}> ?o . OPTIONAL {{ ?s <{mentioned}> ?doc }}
  FILTER(STRSTARTS(STR(?s), "{id}"))
  FILTER NOT EXISTS {{ GRAPH <{metadata}> {{ ?s <{iri}> ?o }} }}
}} GROUP BY ?s ?o ORDER BY DESC(?n) STR(?s) STR(?o) LIMIT 1
"""
_LABEL = """
SELECT ?label WHERE {{
  <{iri}> <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel>
          |<http://purl.org/dc/terms/title> ?label
}}
ORDER BY DESC(langMatches(lang(?label), "en")) STR(?label) LIMIT 1
"""


def _turtle_term(term: pyoxigraph.NamedNode | pyoxigraph.Literal | pyoxigraph.BlankNode) -> str:
    """A term in Turtle: IRIs under id/ relative to the @base the examples declare."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        if term.value.startswith(str(ID)):
            return f"<{term.value[len(str(ID)) :]}>"
        name = prefixed(term.value)
        return name
    return str(term)  # N-Triples syntax, which is valid Turtle for literals


def _label_of(store: pyoxigraph.Store, term) -> str:
    import pyoxigraph

    if not isinstance(term, pyoxigraph.NamedNode):
        return ""
    for row in store.query(_LABEL.format(iri=term.value)):
        return str(row["label"].value)
    return ""


def examples(store: pyoxigraph.Store, documented: list[Term]) -> dict[str, str]:
    """For each term used in the graph, one Turtle statement of its use, with names as comments.

    The example chosen is the resource named in the most documents (ties broken by IRI), so that
    the same graph always gives the same page.
    """
    out: dict[str, str] = {}
    mentioned = str(PG.mentionedIn)
    for term in documented:
        template = _CLASS_EXAMPLE if term.kind == "class" else _PROPERTY_EXAMPLE
        query = template.format(iri=term.iri, mentioned=mentioned, id=str(ID), metadata=GRAPH_METADATA)
        rows = list(store.query(query))
        if not rows:
            continue
        row = rows[0]
        subject = row["s"]
        if term.kind == "class":
            statement = f"{_turtle_term(subject)} a {term.name} ."
            names = [_label_of(store, subject)]
        else:
            obj = row["o"]
            statement = f"{_turtle_term(subject)} {term.name} {_turtle_term(obj)} ."
            names = [_label_of(store, subject), _label_of(store, obj)]
        names = [n for n in names if n]
        comment = f"  # {' → '.join(names)}" if names else ""
        out[term.iri] = statement + comment
    return out


# --------------------------------------------------------------------------------------------- diagram


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    label: str
    dashed: bool = False


def diagram_edges(documented: list[Term]) -> list[_Edge]:
    """Object properties between pg: classes (domain → range), and subclass links between them."""
    classes = {t.name for t in documented if t.kind == "class"}
    edges = []
    for term in documented:
        if term.kind == "class":
            edges += [_Edge(term.name, p, "subClassOf", True) for p in term.parents if p in classes]
        elif term.kind == "object property":
            for source in term.domain or []:
                for target in term.range or []:
                    if source in classes and target in classes:
                        edges.append(_Edge(source, target, term.name))
    return edges


@dataclass(frozen=True)
class _Box:
    x: float  # centre
    y: float
    w: float
    h: float
    row: int


def _rows(documented: list[Term]) -> list[list[str]]:
    """Classes in four rows: what actors do together (and what it points at), the hub classes that
    others specialise, their subclasses, and the rest (provenance). Within a row, the classes most
    pointed at from the same row sit in the middle, so that the arcs between them stay short."""
    classes = [t.name for t in documented if t.kind == "class"]
    parents = {t.name: [p for p in t.parents if p in classes] for t in documented if t.kind == "class"}
    hubs = sorted({p for ps in parents.values() for p in ps})
    children = sorted(c for c, ps in parents.items() if set(ps) & set(hubs))
    actorish = set(hubs) | set(children)
    edges = diagram_edges(documented)
    relators = sorted({e.source for e in edges if e.target in actorish and e.source not in actorish})
    from_relators = {e.target for e in edges if e.source in relators} - actorish - set(relators)
    from_others = {e.target for e in edges if e.source not in relators and e.source not in actorish}
    reached = sorted(from_relators - from_others)
    top = relators + reached
    placed = set(top) | actorish
    rest = sorted(c for c in classes if c not in placed)

    def centred(row: list[str]) -> list[str]:
        indegree = {
            c: sum(1 for e in edges if e.target == c and e.source in row and e.source != c) for c in row
        }
        ranked = sorted(row, key=lambda c: (-indegree[c], c))
        out: list[str] = []
        for i, name in enumerate(ranked):  # most pointed-at in the middle, the others alternate outwards
            out = [*out, name] if i % 2 else [name, *out]
        return out if any(indegree.values()) else row

    return [centred(r) for r in (top, hubs, children, rest) if r]


def _layout(documented: list[Term], width: int) -> dict[str, _Box]:
    boxes: dict[str, _Box] = {}
    row_y = [110, 330, 470, 680]
    for r, row in enumerate(_rows(documented)):
        widths = [len(name) * 7.4 + 26 for name in row]
        gap = 40
        total = sum(widths) + gap * (len(row) - 1)
        x = (width - total) / 2
        for name, w in zip(row, widths, strict=True):
            boxes[name] = _Box(x + w / 2, row_y[r], w, 30, r)
            x += w + gap
    return boxes


def render_svg(documented: list[Term] | None = None) -> str:
    """The class diagram as a standalone SVG document (deterministic: same ontology, same bytes)."""
    documented = documented if documented is not None else terms()
    width, height = 1200, 800
    boxes = _layout(documented, width)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12" role="img" '
        'aria-label="pactgraph ontology: classes and object properties">',
        "<title>pactgraph ontology: classes (boxes), object properties (arrows, domain to range), "
        "subclass links (dashed)</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/>'
        "</marker></defs>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    labels: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for edge in diagram_edges(documented):
        if edge.source not in boxes or edge.target not in boxes:
            continue
        a, b = boxes[edge.source], boxes[edge.target]
        key = (min(edge.source, edge.target), max(edge.source, edge.target))
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        stroke = 'stroke="#555" fill="none" marker-end="url(#arrow)"'
        if edge.source == edge.target:
            # A loop on the right side of the box, one size larger for each further property.
            reach = 45 + 28 * nth
            x0, y0, y1 = a.x + a.w / 2, a.y - 8, a.y + 8
            curve = f"C {x0 + reach:.1f} {y0 - reach:.1f} {x0 + reach:.1f} {y1 + reach:.1f} {x0:.1f} {y1:.1f}"
            parts.append(f'<path d="M {x0:.1f} {y0:.1f} {curve}" {stroke}/>')
            # The loops' labels stack in a column right of the widest loop.
            lx, ly, anchor = x0 + 0.75 * (45 + 28 * 2) + 10, a.y - 10 + 14 * nth, "start"
        elif a.row == b.row:
            # Same row: an arc above the top row, below the others, higher for longer and repeated arcs.
            up = -1 if a.row == 0 else 1
            sx, sy = a.x, a.y + up * a.h / 2
            ex, ey = b.x, b.y + up * b.h / 2
            lift = up * (22 + abs(ex - sx) * 0.12 + 14 * nth)
            cy = sy + 2 * lift
            arc = f"M {sx:.1f} {sy:.1f} Q {(sx + ex) / 2:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"
            parts.append(f'<path d="{arc}" {stroke}/>')
            lx, ly, anchor = (sx + ex) / 2, sy + lift + (4 if up > 0 else -2), "middle"
        else:
            sx, sy = _box_border(b.x, b.y, a.x, a.y, a.w, a.h)
            ex, ey = _box_border(a.x, a.y, b.x, b.y, b.w, b.h)
            dash = ' stroke-dasharray="5 4"' if edge.dashed else ""
            parts.append(f'<path d="M {sx:.1f} {sy:.1f} L {ex:.1f} {ey:.1f}" {stroke}{dash}/>')
            t = 0.3 + 0.12 * nth  # near the source, where converging lines are still apart
            lx, ly, anchor = sx + (ex - sx) * t, sy + (ey - sy) * t + 4, "middle"
        if not edge.dashed:
            labels.append(
                f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" fill="#1a4f8a" '
                f'paint-order="stroke" stroke="white" stroke-width="3">{html.escape(edge.label)}</text>'
            )
    for name, box in boxes.items():
        parts.append(
            f'<g><rect x="{box.x - box.w / 2:.1f}" y="{box.y - box.h / 2:.1f}" width="{box.w:.1f}" '
            f'height="{box.h}" rx="6" fill="#eef4fb" stroke="#1a4f8a"/>'
            f'<text x="{box.x:.1f}" y="{box.y + 4:.1f}" text-anchor="middle" font-weight="bold">'
            f"{html.escape(name)}</text></g>"
        )
    parts += labels  # labels last, so that no box or line covers them
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _box_border(x1: float, y1: float, x2: float, y2: float, w: float, h: float) -> tuple[float, float]:
    """Where the segment from (x1, y1) towards the centre (x2, y2) enters the box around (x2, y2)."""
    dx, dy = x1 - x2, y1 - y2
    if dx == 0 and dy == 0:
        return x2, y2
    scale = min((w / 2) / abs(dx) if dx else math.inf, (h / 2) / abs(dy) if dy else math.inf)
    return x2 + dx * scale, y2 + dy * scale


def render_mermaid(documented: list[Term] | None = None) -> str:
    """The same diagram as Mermaid ``classDiagram`` text (GitHub and many editors render it)."""
    documented = documented if documented is not None else terms()
    lines = ["classDiagram"]
    for term in documented:
        if term.kind == "class":
            lines.append(f"    class {term.local}")
    for edge in diagram_edges(documented):
        source, target = edge.source.removeprefix("pg:"), edge.target.removeprefix("pg:")
        if edge.dashed:
            lines.append(f"    {target} <|-- {source}")
        else:
            lines.append(f"    {source} --> {target} : {edge.label.removeprefix('pg:')}")
    return "\n".join(lines)


# -------------------------------------------------------------------------------------------- markdown


def _cell(values: list[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) if values else "—"


def render_markdown(
    documented: list[Term] | None = None,
    found: dict[str, str] | None = None,
    scheme: list[Area] | None = None,
    svg_name: str = "ontology.svg",
) -> str:
    """``docs/ontology.md``: the diagram, then one section per term, then the areas scheme."""
    documented = documented if documented is not None else terms()
    scheme = scheme if scheme is not None else areas()
    found = found or {}
    out = [
        "# The pactgraph ontology",
        "",
        "<!-- Generated by `pactgraph docs` from ontology/pactgraph.ttl, ontology/areas.ttl and the built",
        "     graph; do not edit by hand (tests/docs/test_ontology_docs.py checks it is up to date). -->",
        "",
        f"Namespace `pg:` = `{PG_NS}`. Resources live under `{ID}` (`id/state/russia`, "
        "`id/org/rosatom`, ...). The examples are taken from the graph built from `data/corpus`; "
        f"their IRIs are relative to `@base <{ID}>`.",
        "",
        "## Diagram",
        "",
        f"![Classes (boxes), object properties (arrows from domain to range), subclass links (dashed)]"
        f"({svg_name})",
        "",
        "```mermaid",
        render_mermaid(documented),
        "```",
        "",
    ]
    for kind, heading in [
        ("class", "Classes"),
        ("object property", "Object properties"),
        ("datatype property", "Datatype properties"),
        ("annotation property", "Annotation properties"),
    ]:
        group = [t for t in documented if t.kind == kind]
        if not group:
            continue
        out += [f"## {heading}", ""]
        for term in group:
            out += [f"### {term.name}", ""]
            labels = "; ".join(
                f"{text} ({lang})" if lang else text for lang, text in sorted(term.labels.items())
            )
            out.append(f"- **IRI**: `{term.iri}`")
            out.append(f"- **Labels**: {labels or '—'}")
            if term.comment:
                out.append(f"- **Comment**: {term.comment}")
            if kind == "class":
                out.append(f"- **Subclass of**: {_cell(term.parents)}")
            else:
                out.append(f"- **Domain**: {_cell(term.domain)}")
                out.append(f"- **Range**: {_cell(term.range)}")
                if term.parents:
                    out.append(f"- **Subproperty of**: {_cell(term.parents)}")
            if term.characteristics:
                out.append(f"- **Characteristics**: {_cell(term.characteristics)}")
            example = found.get(term.iri)
            if example:
                out += ["- **Example from the graph**:", "", EXAMPLE_FENCE, example, "```"]
            else:
                out.append("- **Example from the graph**: none in the sample graph")
            out.append("")
    out += [
        "## Fields of cooperation (SKOS scheme `id/area/scheme`)",
        "",
        "| concept | English | Vietnamese | broader |",
        "|---|---|---|---|",
    ]
    for area in scheme:
        broader = f"`area/{area.broader}`" if area.broader else "—"
        out.append(f"| `area/{_slug(area.iri)}` | {area.en} | {area.vi} | {broader} |")
    return "\n".join(out) + "\n"


def render_ontology_html(store: pyoxigraph.Store | None = None) -> str:
    """A self-contained ``<section>`` documenting the ontology, for the ``/ontology`` page.

    With *store* (an open pyoxigraph store of the published graph) each term carries an example
    of use taken from that graph; without, the examples are left out. All text is HTML-escaped.
    """
    documented = terms()
    found = examples(store, documented) if store is not None else {}
    esc = html.escape
    out = ['<section class="ontology-doc">', "<h2>Diagram</h2>", render_svg(documented)]
    for kind, heading in [
        ("class", "Classes"),
        ("object property", "Object properties"),
        ("datatype property", "Datatype properties"),
        ("annotation property", "Annotation properties"),
    ]:
        group = [t for t in documented if t.kind == kind]
        if not group:
            continue
        out.append(f"<h2>{esc(heading)}</h2>")
        for term in group:
            out.append(f'<article id="{esc(term.local)}"><h3>{esc(term.name)}</h3><dl>')
            out.append(f"<dt>IRI</dt><dd><code>{esc(term.iri)}</code></dd>")
            for lang, text in sorted(term.labels.items()):
                out.append(f'<dt>Label ({esc(lang)})</dt><dd lang="{esc(lang)}">{esc(text)}</dd>')
            if term.comment:
                out.append(f"<dt>Comment</dt><dd>{esc(term.comment)}</dd>")
            if kind == "class":
                out.append(f"<dt>Subclass of</dt><dd>{esc(', '.join(term.parents) or '—')}</dd>")
            else:
                out.append(f"<dt>Domain</dt><dd>{esc(', '.join(term.domain) or '—')}</dd>")
                out.append(f"<dt>Range</dt><dd>{esc(', '.join(term.range) or '—')}</dd>")
            if term.iri in found:
                out.append(f"<dt>Example</dt><dd><pre><code>{esc(found[term.iri])}</code></pre></dd>")
            out.append("</dl></article>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def write_docs(docs_dir: Path, store: pyoxigraph.Store | None) -> list[Path]:
    """Write ``ontology.md`` and ``ontology.svg`` into *docs_dir*; returns the files written."""
    documented = terms()
    found = examples(store, documented) if store is not None else {}
    docs_dir.mkdir(parents=True, exist_ok=True)
    markdown, svg = docs_dir / "ontology.md", docs_dir / "ontology.svg"
    markdown.write_text(render_markdown(documented, found), encoding="utf-8")
    svg.write_text(render_svg(documented), encoding="utf-8")
    return [markdown, svg]


@lru_cache(maxsize=1)
def packaged_diagram_svg() -> str:
    """:func:`render_svg` of the packaged ontology, computed once (the files do not change at run time).

    For web pages: the ``/ontology`` page inlines it.
    """
    return render_svg()
