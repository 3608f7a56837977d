"""Loading the ontology files as rdflib graphs, and SHACL validation of a data graph against shapes.ttl.

The data graph is validated with the ontology and the fields of cooperation merged in, so that
``sh:class pg:Actor`` accepts a ``pg:State`` through ``rdfs:subClassOf``
without running a reasoner. Only ``sh:Violation`` results make a graph non-conforming;
``sh:Warning`` results (a document whose date is unknown) are reported and tolerated.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from pactgraph.core.errors import InputError, ValidationFailed
from pactgraph.ontology import path
from rdflib import Dataset, Graph, Literal, Node, URIRef
from rdflib.namespace import SH

ONTOLOGY_FILES = ("pactgraph.ttl", "areas.ttl")
SHAPES_FILE = "shapes.ttl"
CONTEXT_FILE = "context.jsonld"


def _parse(name: str) -> Graph:
    try:
        return Graph().parse(path(name), format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"ontology/{name} does not parse as Turtle: {exc}. Fix the file.") from exc


def ontology_graph() -> Graph:
    """A fresh graph with the OWL ontology and the SKOS scheme of fields (what ``graph/ontology`` holds)."""
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph += _parse(name)
    return graph


@lru_cache(maxsize=1)
def _cached_ontology() -> Graph:
    return ontology_graph()


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes graph (cached; do not modify it)."""
    return _parse(SHAPES_FILE)


@dataclass(frozen=True)
class ShaclResult:
    """One SHACL result, as a person reads it."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: Node
    path: Node | None
    value: Node | None
    message: str

    def __str__(self) -> str:
        where = f" {self.path.n3()}" if self.path is not None and isinstance(self.path, URIRef) else ""
        value = f" (value {self.value.n3()})" if self.value is not None else ""
        return f"{self.severity}: {self.focus.n3()}{where}{value}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: conforming unless there is a Violation."""

    results: list[ShaclResult] = field(default_factory=list)
    text: str = ""

    @property
    def violations(self) -> list[ShaclResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ShaclResult]:
        return [r for r in self.results if r.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def raise_for_violations(self, what: str = "the graph") -> None:
        """Raise :class:`ValidationFailed` listing the violations (at most 20 in the message)."""
        if self.conforms:
            return
        shown = "\n".join(f"  - {r}" for r in self.violations[:20])
        more = len(self.violations) - 20
        tail = f"\n  ... and {more} more" if more > 0 else ""
        raise ValidationFailed(
            f"{what} breaks {len(self.violations)} SHACL constraint(s) of ontology/shapes.ttl:"
            f"\n{shown}{tail}",
            report=self.text,
        )


def _results(report: Graph) -> list[ShaclResult]:
    found = []
    # Only top-level results: those nested under sh:detail (from sh:node, sh:or) repeat them.
    for node in report.objects(None, SH.result):
        severity = report.value(node, SH.resultSeverity)
        message = report.value(node, SH.resultMessage)
        found.append(
            ShaclResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=report.value(node, SH.focusNode),
                path=report.value(node, SH.resultPath),
                value=report.value(node, SH.value),
                message=str(message) if isinstance(message, Literal) else "",
            )
        )
    return sorted(found, key=lambda r: (r.severity, str(r.focus), str(r.path), r.message))


def validate(data: Graph | Dataset) -> ValidationReport:
    """Validate *data* against ontology/shapes.ttl with the ontology and fields added (*data* is unchanged).

    A :class:`~rdflib.Dataset` is validated as the union of its graphs, as the store's default
    graph is. The ontology is merged in here rather than passed as pyshacl's ``ont_graph``, which
    copies only RDFS/OWL axioms and would leave out the SKOS concepts that ``pg:area`` values must be.
    """
    merged = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _graph in data.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged += data
    merged += _cached_ontology()
    _conforms, report_graph, text = pyshacl.validate(
        merged,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,  # the SPARQL targets of shapes.ttl (SHACL Advanced Features)
        allow_warnings=True,
        inplace=True,
    )
    return ValidationReport(results=_results(report_graph), text=text)
