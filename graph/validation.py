"""SHACL validation (pyshacl) with a report a person can read: focus node, path, message.

Violations fail a build (:class:`ValidationFailed`, nothing is published); warnings and
infos are reported but do not stop it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pactgraph.core.errors import InputError, ValidationFailed
from pactgraph.ontology.namespace import PREFIXES

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class ValidationResult:
    severity: str  # Violation | Warning | Info
    focus: str
    path: str
    message: str
    shape: str = ""
    value: str = ""

    def line(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus} {self.path or '-'}{value}: {self.message}"


@dataclass
class ValidationReport:
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self, limit: int = 50) -> str:
        """The results, violations first, one per line, with prefixed names."""
        ordered = self.violations + self.warnings
        lines = [r.line() for r in ordered[:limit]]
        if len(ordered) > limit:
            lines.append(f"... and {len(ordered) - limit} more")
        return "\n".join(lines)

    def raise_for_violations(self, where: str) -> None:
        if self.violations:
            raise ValidationFailed(
                f"{where}: {len(self.violations)} SHACL violation(s) against ontology/shapes.ttl; "
                "nothing was published. Fix the data (or the extraction rule that produced it):\n"
                + self.text(),
                report=self.text(limit=10_000),
            )


def _short(term: object) -> str:
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>" if text.startswith(("http://", "https://", "urn:")) else text


def _shapes_graph(shapes: Path):
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(shapes, format="turtle")
    except Exception as exc:  # rdflib raises several parser types; all mean "fix this file"
        raise InputError(f"{shapes}: the SHACL shapes do not parse: {exc}") from exc
    return graph


def validate_graph(data, shapes: Path) -> ValidationReport:
    """Validate an rdflib graph against the shapes file."""
    import pyshacl
    import rdflib

    _conforms, results_graph, _text = pyshacl.validate(
        data, shacl_graph=_shapes_graph(shapes), inference="none", advanced=True, allow_warnings=True
    )
    ns = rdflib.Namespace(SH)
    report = ValidationReport()
    for result in results_graph.subjects(rdflib.RDF.type, ns.ValidationResult):
        get = results_graph.value
        severity = str(get(result, ns.resultSeverity) or ns.Violation).removeprefix(SH)
        report.results.append(
            ValidationResult(
                severity=severity,
                focus=_short(get(result, ns.focusNode)),
                path=_short(get(result, ns.resultPath) or ""),
                message=str(get(result, ns.resultMessage) or "(no message)"),
                shape=_short(get(result, ns.sourceShape) or ""),
                value=_short(get(result, ns.value) or ""),
            )
        )
    report.results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.path, r.message))
    return report


def validate_store(store: ox.Store, shapes: Path) -> ValidationReport:
    """Validate the default graph (the union: facts, ontology and inferences) of *store*."""
    import rdflib

    data = rdflib.Graph()
    data.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return validate_graph(data, shapes)


def validate(store_path: Path, shapes: Path) -> ValidationReport:
    """Validate a published store (read-only)."""
    from pactgraph.graph.location import open_read_only

    return validate_store(open_read_only(store_path), shapes)


def validate_file(path: Path, shapes: Path, ontology_files: list[Path] = ()) -> ValidationReport:
    """Validate an RDF file (all its graphs merged, with the ontology), e.g. extraction output."""
    from pactgraph.graph.loading import bulk_load_file

    store = ox.Store()
    bulk_load_file(store, path, to_graph=ox.NamedNode("urn:pactgraph:file"))
    for file in ontology_files:
        bulk_load_file(store, file, to_graph=ox.NamedNode("urn:pactgraph:ontology"))
    from pactgraph.graph.loading import materialise_union

    materialise_union(store)
    return validate_store(store, shapes)
