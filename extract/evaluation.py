"""Score the extractor's output against hand-made gold annotations (see docs/evaluation.md).

The gold (``tests/extract/gold/<file stem>.json``) names entities by their canonical name and
aliases, never by the extractor's IRIs, so that it stays valid whatever slugs the extractor picks.
The prediction is the N-Quads (or TriG) dataset that ``pactgraph.extract.run.extract_corpus``
writes: one named graph per document, graph IRI = ``id/document/<file stem>``.

Matching, per document:

- a predicted entity matches a gold entity when their types agree and one normalised label or
  mention surface of the prediction equals the gold name or one of its aliases (case-,
  diacritic-, whitespace- and dash-insensitive); each gold entity and each prediction is matched
  at most once (a maximum bipartite matching, so the order of the graph never changes a score);
- a predicted fact matches a gold fact when the property is the same and subject and object
  match: matched entities, equal area slugs or equal date literals (``pg:cooperatesWith`` either
  way round);
- a noise string (footer names, photo credits, e-mails...) must not be equal to or contained in
  any label of any predicted entity of that document.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pactgraph.core.errors import InputError
from pactgraph.ontology.namespace import FACT_PROPERTIES as CORE_FACT_PROPERTIES

# The contract's IRIs as plain strings: importing pactgraph.ontology.namespace pulls in rdflib,
# which would slow `pactgraph --help` (tests check these equal the namespace module's).
BASE = "https://w3id.org/pactgraph/"
PG_NS = BASE + "ontology#"

ENTITY_TYPES = (
    "State",
    "InternationalOrganization",
    "Company",
    "GovernmentBody",
    "Person",
    "Agreement",
    "Mechanism",
    "Event",
)
# pg:role is a literal, not a link between two annotated things, so it is not scored.
FACT_PROPERTIES = tuple(p for p in CORE_FACT_PROPERTIES if p != "role")
SYMMETRIC_PROPERTIES = frozenset({"cooperatesWith"})
AREA_SLUGS = frozenset(
    [
        "economy",
        "trade",
        "investment",
        "finance-banking",
        "industry",
        "energy",
        "oil-gas",
        "lng",
        "nuclear-energy",
        "electricity",
        "renewable-energy",
        "transport",
        "agriculture",
        "defence",
        "military-technical",
        "security",
        "information-security",
        "counter-terrorism",
        "drug-control",
        "education",
        "science-technology",
        "space",
        "health",
        "culture",
        "tourism",
        "people-to-people",
        "law-justice",
        "migration",
        "disaster-management",
        "digital-transformation",
        "environment",
        "labour",
    ]
)
AREA_PREFIX = BASE + "id/area/"
DOCUMENT_PREFIX = BASE + "id/document/"
_DATE_LITERAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The thresholds (issue 3, "Quality, measured and asserted"): never loosen them.
ENTITY_PRECISION_MIN = 0.95
ENTITY_RECALL_MIN = 0.90
FACT_PRECISION_MIN = 0.85
FACT_RECALL_MIN = 0.70

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL_PREDICATES = frozenset(
    {
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2004/02/skos/core#altLabel",
    }
)
_TYPE_BY_IRI = {PG_NS + name: name for name in ENTITY_TYPES}
_PROPERTY_BY_IRI = {PG_NS + name: name for name in FACT_PROPERTIES}
_MENTION_OF = PG_NS + "mentionOf"
_SURFACE = PG_NS + "surface"


def normalise(text: str) -> str:
    """The matching key of a name: no diacritics, lower case, dashes and punctuation as spaces.

    >>> normalise("Liên minh Kinh tế Á - Âu") == normalise("lien minh kinh te A-Au")
    True
    >>> normalise("  Đại  sứ ")
    'dai su'
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D").casefold()
    # Every run of non-word characters (dashes of any kind, dots, quotes, spaces) is one space.
    return " ".join(re.sub(r"[\W_]+", " ", stripped).split())


# ---------------------------------------------------------------------------------------------
# Gold annotations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """One entity a careful reader finds in the text."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    # A borderline item (no fitting class, a name only nested in another): a prediction of it,
    # of any type, is neither rewarded nor penalised, and missing it is not an error.
    optional: bool = False

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(normalise(n) for n in (self.name, *self.aliases) if normalise(n))


@dataclass(frozen=True)
class GoldFact:
    """One fact a sentence of the text states; ``o`` is an entity name, area slug or date."""

    s: str
    p: str
    o: str
    quote_contains: str = ""
    optional: bool = False


@dataclass
class GoldDocument:
    """The gold annotations of one corpus file."""

    stem: str
    entities: list[GoldEntity]
    facts: list[GoldFact]
    noise: list[str]

    def entity(self, name: str) -> GoldEntity | None:
        return next((e for e in self.entities if e.name == name), None)


def _object_kind(value: str, entity_names: set[str]) -> str:
    if value in entity_names:
        return "entity"
    if value in AREA_SLUGS:
        return "area"
    if _DATE_LITERAL.match(value):
        return "date"
    return "unknown"


def parse_gold(data: dict, stem: str, source: str = "<gold>") -> GoldDocument:
    """Check one gold document's structure and build it; errors name the file and the entry."""

    def fail(message: str) -> InputError:
        return InputError(f"Gold file {source}: {message}. See tests/extract/gold/README.md for the schema.")

    if not isinstance(data, dict):
        raise fail("the top level must be a JSON object with entities, facts and noise")
    entities: list[GoldEntity] = []
    for i, raw in enumerate(data.get("entities", [])):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise fail(f"entities[{i}] needs a non-empty string 'name'")
        if raw.get("type") not in ENTITY_TYPES:
            raise fail(
                f"entities[{i}] ({raw['name']!r}) has type {raw.get('type')!r}; use one of {ENTITY_TYPES}"
            )
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise fail(f"entities[{i}] ({raw['name']!r}): 'aliases' must be a list of strings")
        entities.append(
            GoldEntity(raw["name"], raw["type"], tuple(aliases), bool(raw.get("optional", False)))
        )
    names = [e.name for e in entities]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise fail(f"entity names must be unique in a document; repeated: {duplicates}")
    name_set = set(names)
    facts: list[GoldFact] = []
    for i, raw in enumerate(data.get("facts", [])):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("s", "p", "o")):
            raise fail(f"facts[{i}] needs string fields 's', 'p' and 'o'")
        if raw["s"] not in name_set:
            raise fail(f"facts[{i}]: subject {raw['s']!r} is not the name of an entity of this document")
        if raw["p"] not in FACT_PROPERTIES:
            raise fail(f"facts[{i}]: property {raw['p']!r} is not one of {FACT_PROPERTIES}")
        if _object_kind(raw["o"], name_set) == "unknown":
            raise fail(
                f"facts[{i}]: object {raw['o']!r} is neither an entity name of this document, an area "
                "slug nor a date literal (YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        optional = bool(raw.get("optional", False)) or any(
            e.optional for e in entities if e.name in (raw["s"], raw["o"])
        )
        fact = GoldFact(raw["s"], raw["p"], raw["o"], raw.get("quote_contains", ""), optional)
        if any((f.s, f.p, f.o) == (fact.s, fact.p, fact.o) for f in facts):
            raise fail(f"facts[{i}] repeats ({fact.s!r}, {fact.p}, {fact.o!r}); list each fact once")
        facts.append(fact)
    noise = data.get("noise", [])
    if not isinstance(noise, list) or not all(isinstance(n, str) and normalise(n) for n in noise):
        raise fail("'noise' must be a list of non-empty strings")
    return GoldDocument(stem, entities, facts, list(noise))


def load_gold(gold_dir: Path | str) -> dict[str, GoldDocument]:
    """Every ``<file stem>.json`` in *gold_dir*, keyed by file stem."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"Gold folder {gold_dir} does not exist; pass the folder of <file stem>.json files.")
    documents: dict[str, GoldDocument] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"Gold file {path} is not valid UTF-8 JSON: {exc}. Fix the syntax.") from exc
        documents[path.stem] = parse_gold(data, path.stem, str(path))
    if not documents:
        raise InputError(f"Gold folder {gold_dir} holds no <file stem>.json file.")
    return documents


# ---------------------------------------------------------------------------------------------
# Predictions (the extractor's dataset)
# ---------------------------------------------------------------------------------------------


@dataclass
class PredictedEntity:
    """A typed resource of one document graph with every name it goes by in that document."""

    iri: str
    type: str
    labels: set[str] = field(default_factory=set)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for k in (normalise(label) for label in self.labels) if k)


@dataclass
class PredictedDocument:
    """What the extractor put into one document's named graph."""

    stem: str
    entities: dict[str, PredictedEntity] = field(default_factory=dict)
    # (subject IRI, property name, object): object is an IRI, "area:<slug>" or a literal's value.
    facts: set[tuple[str, str, str]] = field(default_factory=set)


def _term_value(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _primary_type(types: set[str]) -> str | None:
    # A resource typed twice (e.g. pg:Actor and pg:Company) is scored under its most specific class.
    return next((t for t in ENTITY_TYPES if t in types), None)


def load_predictions(dataset: Path | str | bytes) -> dict[str, PredictedDocument]:
    """Read an N-Quads/TriG dataset (a path, or the bytes of N-Quads) into per-document predictions."""
    try:
        if isinstance(dataset, bytes):
            quads = list(ox.parse(dataset, format=ox.RdfFormat.N_QUADS))
        else:
            path = Path(dataset)
            if not path.is_file():
                raise InputError(f"Prediction file {path} does not exist; run `pactgraph extract` first.")
            fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.N_QUADS
            quads = list(ox.parse(path=path, format=fmt))
    except SyntaxError as exc:
        raise InputError(f"Prediction dataset is not valid N-Quads/TriG: {exc}") from exc

    types: dict[tuple[str, str], set[str]] = {}
    labels: dict[str, set[str]] = {}
    mention_of: dict[tuple[str, str], str] = {}
    surface: dict[tuple[str, str], str] = {}
    raw_facts: list[tuple[str, str, str, object]] = []
    for quad in quads:
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(DOCUMENT_PREFIX):
            continue
        stem = graph.value[len(DOCUMENT_PREFIX) :]
        subject, predicate, obj = _term_value(quad.subject), quad.predicate.value, quad.object
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode) and obj.value in _TYPE_BY_IRI:
            types.setdefault((stem, subject), set()).add(_TYPE_BY_IRI[obj.value])
        elif predicate in _LABEL_PREDICATES and isinstance(obj, ox.Literal):
            labels.setdefault(subject, set()).add(obj.value)
        elif predicate == _MENTION_OF:
            mention_of[(stem, subject)] = _term_value(obj)
        elif predicate == _SURFACE and isinstance(obj, ox.Literal):
            surface[(stem, subject)] = obj.value
        elif predicate in _PROPERTY_BY_IRI:
            raw_facts.append((stem, subject, _PROPERTY_BY_IRI[predicate], obj))

    documents: dict[str, PredictedDocument] = {}
    for (stem, iri), type_set in sorted(types.items()):
        primary = _primary_type(type_set)
        if primary is None:
            continue
        doc = documents.setdefault(stem, PredictedDocument(stem))
        doc.entities[iri] = PredictedEntity(iri, primary, set(labels.get(iri, set())))
    for (stem, mention), resource in mention_of.items():
        text = surface.get((stem, mention))
        doc = documents.get(stem)
        if text and doc and resource in doc.entities:
            doc.entities[resource].labels.add(text)
    for stem, subject, prop, obj in raw_facts:
        doc = documents.setdefault(stem, PredictedDocument(stem))
        value = _term_value(obj)
        if isinstance(obj, ox.NamedNode) and value.startswith(AREA_PREFIX):
            value = "area:" + value[len(AREA_PREFIX) :]
        doc.facts.add((subject, prop, value))
    return documents


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    """True positives, false positives and false negatives of one row of the report."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(frozen=True)
class NoiseHit:
    """A predicted entity whose name is (or contains) a string the gold marks as noise."""

    stem: str
    noise: str
    label: str
    iri: str


@dataclass
class Report:
    """Scores per entity type and per property, micro totals, noise hits and the itemised errors."""

    entity_scores: dict[str, Score]
    fact_scores: dict[str, Score]
    noise_hits: list[NoiseHit]
    missed_entities: list[tuple[str, GoldEntity]]
    spurious_entities: list[tuple[str, PredictedEntity]]
    missed_facts: list[tuple[str, GoldFact]]
    spurious_facts: list[tuple[str, tuple[str, str, str]]]
    documents: list[str]

    @property
    def entities(self) -> Score:
        total = Score()
        for score in self.entity_scores.values():
            total.add(score)
        return total

    @property
    def facts(self) -> Score:
        total = Score()
        for score in self.fact_scores.values():
            total.add(score)
        return total

    def failures(self) -> list[str]:
        """The thresholds this report misses, as sentences (empty when it passes)."""
        checks = [
            ("entity precision", self.entities.precision, ENTITY_PRECISION_MIN),
            ("entity recall", self.entities.recall, ENTITY_RECALL_MIN),
            ("fact precision", self.facts.precision, FACT_PRECISION_MIN),
            ("fact recall", self.facts.recall, FACT_RECALL_MIN),
        ]
        out = [f"{name} {value:.3f} < {minimum:.2f}" for name, value, minimum in checks if value < minimum]
        if self.noise_hits:
            out.append(f"{len(self.noise_hits)} noise string(s) became entities")
        return out

    def passes(self) -> bool:
        return not self.failures()


def _max_matching(edges: dict[int, list[str]]) -> dict[int, str]:
    """Maximum bipartite matching (augmenting paths): gold index -> predicted IRI."""
    owner: dict[str, int] = {}

    def augment(g: int, seen: set[str]) -> bool:
        for iri in edges[g]:
            if iri in seen:
                continue
            seen.add(iri)
            if iri not in owner or augment(owner[iri], seen):
                owner[iri] = g
                return True
        return False

    for g in sorted(edges):
        augment(g, set())
    return {g: iri for iri, g in owner.items()}


def _match_entities(gold: GoldDocument, predicted: PredictedDocument) -> dict[str, str]:
    """Gold entity name -> matched predicted IRI (required entities first, then optional ones)."""
    required = [e for e in gold.entities if not e.optional]
    edges = {
        i: sorted(iri for iri, p in predicted.entities.items() if p.type == e.type and p.keys & e.keys)
        for i, e in enumerate(required)
    }
    matched = {required[i].name: iri for i, iri in _max_matching(edges).items()}
    taken = set(matched.values())
    optional = [e for e in gold.entities if e.optional]
    edges = {
        i: sorted(iri for iri, p in predicted.entities.items() if iri not in taken and p.keys & e.keys)
        for i, e in enumerate(optional)
    }
    matched.update({optional[i].name: iri for i, iri in _max_matching(edges).items()})
    return matched


def _resolve_object(gold: GoldDocument, value: str, matched: dict[str, str]) -> str | None:
    """The predicted-side value a gold object must equal (None: its entity was not found)."""
    kind = _object_kind(value, {e.name for e in gold.entities})
    if kind == "entity":
        return matched.get(value)
    if kind == "area":
        return "area:" + value
    return value


def _noise_hits(gold: GoldDocument, predicted: PredictedDocument) -> list[NoiseHit]:
    hits = []
    for noise in gold.noise:
        key = f" {normalise(noise)} "
        for entity in predicted.entities.values():
            for label in sorted(entity.labels):
                if key in f" {normalise(label)} ":
                    hits.append(NoiseHit(gold.stem, noise, label, entity.iri))
                    break
    return hits


def evaluate(gold_dir: Path | str, dataset: Path | str | bytes) -> Report:
    """Score the dataset (N-Quads/TriG path or N-Quads bytes) against the gold folder."""
    return score(load_gold(gold_dir), load_predictions(dataset))


def score(gold_docs: dict[str, GoldDocument], predictions: dict[str, PredictedDocument]) -> Report:
    """Score predictions against gold documents (only documents that have gold are scored)."""
    entity_scores = {t: Score() for t in ENTITY_TYPES}
    fact_scores = {p: Score() for p in FACT_PROPERTIES}
    report = Report(entity_scores, fact_scores, [], [], [], [], [], sorted(gold_docs))
    for stem, gold in sorted(gold_docs.items()):
        predicted = predictions.get(stem, PredictedDocument(stem))
        matched = _match_entities(gold, predicted)
        matched_iris = set(matched.values())
        for entity in gold.entities:
            if entity.optional:
                continue
            if entity.name in matched:
                entity_scores[entity.type].tp += 1
            else:
                entity_scores[entity.type].fn += 1
                report.missed_entities.append((stem, entity))
        for iri, entity in sorted(predicted.entities.items()):
            if iri not in matched_iris:
                entity_scores[entity.type].fp += 1
                report.spurious_entities.append((stem, entity))

        remaining = set(predicted.facts)
        for fact in gold.facts:
            s = matched.get(fact.s)
            o = _resolve_object(gold, fact.o, matched)
            candidates = [(s, fact.p, o)]
            if fact.p in SYMMETRIC_PROPERTIES:
                candidates.append((o, fact.p, s))
            hit = next((c for c in candidates if s and o and c in remaining), None)
            if hit:
                remaining.discard(hit)
                if fact.p in SYMMETRIC_PROPERTIES:  # the reverse triple states the same fact
                    remaining.discard((hit[2], hit[1], hit[0]))
                if not fact.optional:
                    fact_scores[fact.p].tp += 1
            elif fact.optional:
                continue
            else:
                fact_scores[fact.p].fn += 1
                report.missed_facts.append((stem, fact))
        optional_iris = {matched[e.name] for e in gold.entities if e.optional and e.name in matched}
        for triple in sorted(remaining):
            if triple[0] in optional_iris or triple[2] in optional_iris:
                continue  # facts about a borderline entity are not scored either way
            reverse = (triple[2], triple[1], triple[0])
            if triple[1] in SYMMETRIC_PROPERTIES and reverse in remaining and triple[0] > triple[2]:
                continue  # a symmetric pair stated both ways is one fact
            fact_scores[triple[1]].fp += 1
            report.spurious_facts.append((stem, triple))
        report.noise_hits.extend(_noise_hits(gold, predicted))
    return report


# ---------------------------------------------------------------------------------------------
# Command line: `pactgraph eval GOLD_DIR`
# ---------------------------------------------------------------------------------------------


def render(report: Report, *, details: bool = False) -> None:
    """Print the tables of *report* with rich (and the itemised errors when *details*)."""
    from rich.console import Console
    from rich.table import Table

    console = Console()

    def table(title: str, scores: dict[str, Score], total: Score) -> Table:
        out = Table(title=title)
        for column in ("", "gold", "predicted", "TP", "P", "R", "F1"):
            out.add_column(column, justify="left" if not column else "right")
        rows = [(name, s) for name, s in scores.items() if s.tp + s.fp + s.fn]
        for name, s in [*rows, ("micro total", total)]:
            out.add_row(
                name,
                str(s.tp + s.fn),
                str(s.tp + s.fp),
                str(s.tp),
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                style="bold" if name == "micro total" else None,
            )
        return out

    console.print(table("Entities per type", report.entity_scores, report.entities))
    console.print(table("Facts per property", report.fact_scores, report.facts))
    console.print(f"Noise entities: {len(report.noise_hits)}")
    for hit in report.noise_hits:
        console.print(f"  {hit.stem}: {hit.label!r} ({hit.iri}) contains noise {hit.noise!r}")
    if details:
        for stem, entity in report.missed_entities:
            console.print(f"  missed entity  {stem}: {entity.type} {entity.name!r}")
        for stem, predicted in report.spurious_entities:
            console.print(
                f"  extra entity   {stem}: {predicted.type} {sorted(predicted.labels)[:3]} {predicted.iri}"
            )
        for stem, fact in report.missed_facts:
            console.print(f"  missed fact    {stem}: {fact.s!r} {fact.p} {fact.o!r}")
        for stem, triple in report.spurious_facts:
            console.print(f"  extra fact     {stem}: {triple}")


def markdown(report: Report) -> str:
    """The two tables of *report* as Markdown (for docs/evaluation.md and the README)."""

    def table(title: str, scores: dict[str, Score], total: Score) -> list[str]:
        lines = [f"| {title} | gold | predicted | TP | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        rows = [(name, s) for name, s in scores.items() if s.tp + s.fp + s.fn]
        for name, s in [*rows, ("**micro total**", total)]:
            lines.append(
                f"| {name} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | "
                f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
            )
        return lines

    out = table("entity type", report.entity_scores, report.entities)
    out += ["", *table("property", report.fact_scores, report.facts)]
    out += ["", f"Noise entities: {len(report.noise_hits)}."]
    return "\n".join(out) + "\n"


def eval_command(
    gold_dir: Path,
    corpus: Path = Path("data/corpus"),
    predictions: Path | None = None,
    details: bool = False,
    as_markdown: bool = False,
) -> None:
    """Score the extractor against GOLD_DIR; exit 1 below the quality thresholds.

    Extracts CORPUS (or reads --predictions, an N-Quads/TriG file written by `pactgraph extract`),
    prints precision, recall and F1 per entity type and per property, and the noise check
    (--as-markdown: the same tables in Markdown, for the docs).
    """
    import tempfile

    import typer

    if predictions is None:
        from pactgraph.extract.run import extract_corpus

        with tempfile.TemporaryDirectory(prefix="pactgraph-eval-") as tmp:
            output = Path(tmp) / "extracted.nq"
            extract_corpus(corpus, output)
            report = evaluate(gold_dir, output)
    else:
        report = evaluate(gold_dir, predictions)
    if as_markdown:
        typer.echo(markdown(report), nl=False)
    else:
        render(report, details=details)
    failures = report.failures()
    if failures:
        typer.echo("Below the quality thresholds: " + "; ".join(failures), err=True)
        raise typer.Exit(1)
    typer.echo("All quality thresholds met.")
