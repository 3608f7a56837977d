"""Inference: what the ontology entails about our resources, materialised into ``graph/inferred``.

Two engines compute the same thing, so that each checks the other (tests/graph compare them):

- ``sparql`` (the default, measured faster in bench/bench_build.py): rules run inside Oxigraph as
  SPARQL updates, generic over the axioms found in ``graph/ontology`` (nothing is keyed to a
  class or property name): ``rdfs:subClassOf`` / ``owl:equivalentClass`` (types up the
  hierarchy), ``rdfs:subPropertyOf`` / ``owl:equivalentProperty`` (alignment), ``rdfs:domain`` /
  ``rdfs:range``, ``owl:SymmetricProperty`` (both directions of ``pg:cooperatesWith``),
  ``owl:inverseOf``, ``owl:TransitiveProperty`` and ``owl:propertyChainAxiom`` of any length,
  repeated until nothing new follows.
- ``owlrl``: the full OWL 2 RL closure computed by owlrl over rdflib.

What ``pg:sessionOf`` entails is stated in the ontology, not here: a session's participants take
part in its mechanism (``pg:participant owl:propertyChainAxiom ([owl:inverseOf pg:sessionOf]
pg:participant)``, in ontology/pactgraph.ttl);
the converse (every member attends every session) and the areas (a session may cover fewer fields
than its mechanism) are not sound, so they are not entailed.

Of the closure, only the triples that matter are kept (:data:`KEEP`, one filter for both
engines): new facts about our own resources (subject under ``id/``) in our or aligned
vocabularies, i.e. ``rdf:type`` a named class outside the RDF/RDFS/OWL/XSD built-ins, or another
property (not RDF/RDFS/OWL machinery) whose object is a literal or one of our IRIs. That drops
the axiomatic noise (``owl:Thing``, reflexive ``owl:sameAs``, TBox closure) and what owl:sameAs
would copy onto external IRIs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from pactgraph.core.errors import ConfigError
from pactgraph.ontology.namespace import BASE, GRAPH_INFERRED, GRAPH_ONTOLOGY

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode(RDF + "type")
RDFS_LABEL = ox.NamedNode(RDFS + "label")
_BUILTIN = (RDF, RDFS, OWL, XSD)
_ID = BASE + "id/"

ONTOLOGY = f"<{GRAPH_ONTOLOGY}>"
INFERRED = ox.NamedNode(str(GRAPH_INFERRED))
# owlrl's derivations collect here (the rules' in one graph per round); filtered into
# graph/inferred, then dropped.
SCRATCH = ox.NamedNode(BASE + "graph/inference-scratch")
MAX_ROUNDS = 50


@dataclass(frozen=True)
class InferenceResult:
    engine: str
    inferred: int  # triples added to graph/inferred
    rounds: int
    seconds: float


def _builtin(var: str) -> str:
    return "(" + " || ".join(f'STRSTARTS(STR({var}), "{ns}")' for ns in _BUILTIN) + ")"


# What of the closure is worth materialising (see the module docstring), as one SPARQL filter
# applied to the output of either engine, so that both keep exactly the same.
KEEP = (
    f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{_ID}")) '
    f"FILTER((?p = {RDF_TYPE} && isIRI(?o) && !{_builtin('?o')}) || "
    f"(?p != {RDF_TYPE} && (?p = {RDFS_LABEL} || !{_builtin('?p')}) && "
    f'(isLiteral(?o) || (isIRI(?o) && STRSTARTS(STR(?o), "{BASE}")))))'
)


# --- the ontology's axioms -----------------------------------------------------------------------


def _pairs(store: ox.Store, path: str) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
    query = f"""
        SELECT DISTINCT ?a ?b WHERE {{ GRAPH {ONTOLOGY} {{ ?a {path} ?b }}
          FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b) }}"""
    return [(row["a"], row["b"]) for row in store.query(query)]


def _members(store: ox.Store, cls: str) -> list[ox.NamedNode]:
    query = f"SELECT DISTINCT ?p WHERE {{ GRAPH {ONTOLOGY} {{ ?p a <{cls}> }} FILTER(isIRI(?p)) }}"
    return [row["p"] for row in store.query(query)]


def _chains(store: ox.Store) -> list[tuple[ox.NamedNode, list[tuple[ox.NamedNode, bool]]]]:
    """(property, [(p1, inverse?), ...]) for every owl:propertyChainAxiom; a step may be a named
    property or ``[ owl:inverseOf P ]``. Chains with any other step are skipped (not guessed)."""
    graph = ox.NamedNode(str(GRAPH_ONTOLOGY))
    first, rest, nil = ox.NamedNode(RDF + "first"), ox.NamedNode(RDF + "rest"), ox.NamedNode(RDF + "nil")
    inverse_of = ox.NamedNode(OWL + "inverseOf")

    def one(subject: ox.Term, predicate: ox.NamedNode) -> ox.Term | None:
        quad = next(iter(store.quads_for_pattern(subject, predicate, None, graph)), None)
        return None if quad is None else quad.object

    chains = []
    for head in store.quads_for_pattern(None, ox.NamedNode(OWL + "propertyChainAxiom"), None, graph):
        steps: list[tuple[ox.NamedNode, bool]] = []
        node: ox.Term | None = head.object
        while node is not None and node != nil and len(steps) < 20:
            step = one(node, first)
            if isinstance(step, ox.BlankNode) and isinstance(one(step, inverse_of), ox.NamedNode):
                steps.append((one(step, inverse_of), True))
            elif isinstance(step, ox.NamedNode):
                steps.append((step, False))
            else:
                node = None
                break
            node = one(node, rest)
        if node == nil and steps and isinstance(head.subject, ox.NamedNode):
            chains.append((head.subject, steps))
    return chains


def _values(variables: str, rows: Iterable[tuple[ox.NamedNode, ...]]) -> str:
    body = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in rows)
    return f"VALUES ({variables}) {{ {body} }}"


def _any(s: str, p: str, o: str, n: int = 0) -> str:
    """A premise over everything known: every named graph (documents, ontology, earlier rounds)."""
    return f"GRAPH ?known{n} {{ {s} {p} {o} }}"


def _asserted(s: str, p: str, o: str) -> str:
    return f"{{ {s} {p} {o} }}"


def _round(k: int) -> ox.NamedNode:
    """The graph of what round *k* of the rules derived."""
    return ox.NamedNode(f"{BASE}graph/inference-round-{k}")


@dataclass(frozen=True)
class Rule:
    """``head`` follows from ``body``; a body with one premise is evaluated semi-naively."""

    head: tuple[str, str, str]
    body: Callable[[Callable[[str, str, str], str]], str]  # premise pattern maker -> WHERE body
    single_premise: bool = True

    def construct(self, premise: Callable[[str, str, str], str]) -> str:
        """The CONSTRUCT of what the rule derives that is not known yet."""
        s, p, o = self.head
        return (
            f"CONSTRUCT {{ {s} {p} {o} }} WHERE {{ {self.body(premise)} "
            f"FILTER NOT EXISTS {{ {s} {p} {o} }} FILTER NOT EXISTS {{ GRAPH ?known {{ {s} {p} {o} }} }} }}"
        )


def rules(store: ox.Store) -> list[Rule]:
    """The rules that derive what the ontology's axioms (in ``graph/ontology``) entail."""
    subclass = _pairs(store, f"(<{RDFS}subClassOf>|<{OWL}equivalentClass>|^<{OWL}equivalentClass>)+")
    subproperty = _pairs(
        store, f"(<{RDFS}subPropertyOf>|<{OWL}equivalentProperty>|^<{OWL}equivalentProperty>)+"
    )
    domain = _pairs(store, f"<{RDFS}domain>")
    range_ = _pairs(store, f"<{RDFS}range>")
    inverse = _pairs(store, f"(<{OWL}inverseOf>|^<{OWL}inverseOf>)")
    symmetric = [(p,) for p in _members(store, OWL + "SymmetricProperty")]
    transitive = [(p,) for p in _members(store, OWL + "TransitiveProperty")]
    not_literal = "FILTER(!isLiteral(?y))"
    found: list[Rule] = []
    if subclass:
        values = _values("?c ?d", subclass)
        found.append(Rule(("?x", "a", "?d"), lambda m, v=values: f"{v} {m('?x', 'a', '?c')}"))
    if subproperty:
        values = _values("?p ?q", subproperty)
        found.append(Rule(("?x", "?q", "?y"), lambda m, v=values: f"{v} {m('?x', '?p', '?y')}"))
    if domain:
        values = _values("?p ?d", domain)
        found.append(Rule(("?x", "a", "?d"), lambda m, v=values: f"{v} {m('?x', '?p', '?y')}"))
    if range_:
        values = _values("?p ?d", range_)
        found.append(Rule(("?y", "a", "?d"), lambda m, v=values: f"{v} {m('?x', '?p', '?y')} {not_literal}"))
    if inverse:
        values = _values("?p ?q", inverse)
        found.append(Rule(("?y", "?q", "?x"), lambda m, v=values: f"{v} {m('?x', '?p', '?y')} {not_literal}"))
    if symmetric:
        values = _values("?p", symmetric)
        found.append(Rule(("?y", "?p", "?x"), lambda m, v=values: f"{v} {m('?x', '?p', '?y')} {not_literal}"))
    if transitive:
        values = _values("?p", transitive)
        found.append(
            Rule(
                ("?x", "?p", "?z"),
                lambda m, v=values: f"{v} {_any('?x', '?p', '?y', 1)} {_any('?y', '?p', '?z', 2)}",
                single_premise=False,
            )
        )
    for prop, steps in _chains(store):
        body = " ".join(
            _any(f"?x{i + 1}", str(step), f"?x{i}", i)
            if backwards
            else _any(f"?x{i}", str(step), f"?x{i + 1}", i)
            for i, (step, backwards) in enumerate(steps)
        )
        found.append(Rule(("?x0", str(prop), f"?x{len(steps)}"), lambda m, b=body: b, single_premise=False))
    return found


# --- the engines --------------------------------------------------------------------------------


def _graph_size(store: ox.Store, graph: ox.NamedNode) -> int:
    (row,) = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return int(row["n"].value)


def _load_triples(store: ox.Store, construct: str, graph: ox.NamedNode | ox.DefaultGraph) -> int:
    """Bulk-load the triples of a CONSTRUCT into *graph*; how many (measured: a transactional
    INSERT, or ADD/MOVE between graphs, is 3-10x slower here)."""
    data = store.query(construct).serialize(format=ox.RdfFormat.N_TRIPLES)
    if not data:
        return 0
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return data.count(b"\n")


def _derive_sparql(store: ox.Store) -> list[ox.NamedNode]:
    """Run the rules until nothing new follows; the graphs (one per round) holding what they derived.

    Semi-naive: in round k a one-premise rule reads only what round k-1 derived."""
    found = rules(store)
    graphs: list[ox.NamedNode] = []
    while found and len(graphs) < MAX_ROUNDS:
        k = len(graphs) + 1
        premise = _asserted if k == 1 else (lambda s, p, o, g=graphs[-1]: f"GRAPH {g} {{ {s} {p} {o} }}")
        derived = sum(
            _load_triples(store, rule.construct(premise if rule.single_premise else _any), _round(k))
            for rule in found
        )
        if not derived:
            break
        graphs.append(_round(k))
    return graphs


def _derive_owlrl(store: ox.Store) -> list[ox.NamedNode]:
    """The OWL 2 RL closure by owlrl; what it adds goes into the scratch graph."""
    import owlrl
    import rdflib

    asserted = rdflib.Graph()
    asserted.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    closure = rdflib.Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(
        closure
    )
    new = rdflib.Graph()
    for triple in closure:
        # OWL RL also derives triples about literals, which RDF cannot state: skip them here.
        if isinstance(triple[0], rdflib.URIRef) and triple not in asserted:
            new.add(triple)
    data = new.serialize(format="nt", encoding="utf-8")
    if len(new):
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=SCRATCH)
    return [SCRATCH] if len(new) else []


INFERENCE_ENGINES: dict[str, Callable[[ox.Store], list[ox.NamedNode]]] = {
    "sparql": _derive_sparql,
    "owlrl": _derive_owlrl,
}


def infer(store: ox.Store, engine: str = "sparql") -> InferenceResult:
    """Replace ``graph/inferred`` with what the ontology entails, and add it to the default graph.

    Expects the default graph to hold the union of the asserted named graphs (ontology included)
    and nothing inferred before: remove ``graph/inferred`` and rebuild the union first.
    """
    try:
        derive = INFERENCE_ENGINES[engine]
    except KeyError:
        raise ConfigError(
            f"Unknown inference engine {engine!r}; PACTGRAPH_INFERENCE_ENGINE must be one of "
            + ", ".join(INFERENCE_ENGINES)
        ) from None
    started = time.perf_counter()
    store.remove_graph(INFERRED)  # a no-op when absent (contains_named_graph is unreliable on copies)
    derived = derive(store)
    store.add_graph(INFERRED)
    if derived:
        # New (not asserted) and worth keeping: into graph/inferred and the default-graph union.
        values = " ".join(str(g) for g in derived)
        keep = (
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?derived {{ {values} }} GRAPH ?derived {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ ?s ?p ?o }} {KEEP} }}"
        )
        data = store.query(keep).serialize(format=ox.RdfFormat.N_TRIPLES)
        for graph in derived:
            store.remove_graph(graph)
        if data:
            store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=INFERRED)
            store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    inferred = _graph_size(store, INFERRED)
    return InferenceResult(
        engine=engine, inferred=inferred, rounds=len(derived), seconds=time.perf_counter() - started
    )
