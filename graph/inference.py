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
# Derivations collect here while the rules run; filtered into graph/inferred, then dropped.
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


def _any(s: str, p: str, o: str) -> str:
    """A triple pattern over the asserted union (default graph) and what was derived so far."""
    return f"{{ {{ {s} {p} {o} }} UNION {{ GRAPH {SCRATCH} {{ {s} {p} {o} }} }} }}"


def rules(store: ox.Store) -> list[str]:
    """The SPARQL updates that derive, into the scratch graph, what the ontology's axioms entail."""
    subclass = _pairs(store, f"(<{RDFS}subClassOf>|<{OWL}equivalentClass>|^<{OWL}equivalentClass>)+")
    subproperty = _pairs(
        store, f"(<{RDFS}subPropertyOf>|<{OWL}equivalentProperty>|^<{OWL}equivalentProperty>)+"
    )
    domain = _pairs(store, f"<{RDFS}domain>")
    range_ = _pairs(store, f"<{RDFS}range>")
    inverse = _pairs(store, f"(<{OWL}inverseOf>|^<{OWL}inverseOf>)")
    symmetric = _members(store, OWL + "SymmetricProperty")
    transitive = _members(store, OWL + "TransitiveProperty")
    into = f"INSERT {{ GRAPH {SCRATCH} "
    found: list[str] = []
    if subclass:
        found.append(
            f"{into}{{ ?x a ?d }} }} WHERE {{ {_values('?c ?d', subclass)} {_any('?x', 'a', '?c')} }}"
        )
    if subproperty:
        found.append(
            f"{into}{{ ?x ?q ?y }} }} WHERE {{ {_values('?p ?q', subproperty)} {_any('?x', '?p', '?y')} }}"
        )
    if domain:
        found.append(
            f"{into}{{ ?x a ?d }} }} WHERE {{ {_values('?p ?d', domain)} {_any('?x', '?p', '?y')} }}"
        )
    if range_:
        found.append(
            f"{into}{{ ?y a ?d }} }} WHERE {{ {_values('?p ?d', range_)} {_any('?x', '?p', '?y')} "
            "FILTER(!isLiteral(?y)) }"
        )
    if inverse:
        found.append(
            f"{into}{{ ?y ?q ?x }} }} WHERE {{ {_values('?p ?q', inverse)} {_any('?x', '?p', '?y')} "
            "FILTER(!isLiteral(?y)) }"
        )
    if symmetric:
        found.append(
            f"{into}{{ ?y ?p ?x }} }} WHERE {{ {_values('?p', [(p,) for p in symmetric])} "
            f"{_any('?x', '?p', '?y')} FILTER(!isLiteral(?y)) }}"
        )
    if transitive:
        found.append(
            f"{into}{{ ?x ?p ?z }} }} WHERE {{ {_values('?p', [(p,) for p in transitive])} "
            f"{_any('?x', '?p', '?y')} {_any('?y', '?p', '?z')} }}"
        )
    for prop, steps in _chains(store):
        body = " ".join(
            _any(f"?x{i + 1}", str(step), f"?x{i}") if inverse else _any(f"?x{i}", str(step), f"?x{i + 1}")
            for i, (step, inverse) in enumerate(steps)
        )
        found.append(f"{into}{{ ?x0 {prop} ?x{len(steps)} }} }} WHERE {{ {body} }}")
    return found


# --- the engines --------------------------------------------------------------------------------


def _graph_size(store: ox.Store, graph: ox.NamedNode) -> int:
    (row,) = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return int(row["n"].value)


def _derive_sparql(store: ox.Store) -> int:
    """Run the rules into the scratch graph until nothing new follows; the number of rounds."""
    updates = rules(store)
    rounds, size = 0, 0
    while updates and rounds < MAX_ROUNDS:
        rounds += 1
        for update in updates:
            store.update(update)
        new_size = _graph_size(store, SCRATCH)
        if new_size == size:
            break
        size = new_size
    return rounds


def _derive_owlrl(store: ox.Store) -> int:
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
    store.bulk_extend(
        ox.Quad(t.subject, t.predicate, t.object, SCRATCH)
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    )
    return 1


INFERENCE_ENGINES: dict[str, Callable[[ox.Store], int]] = {
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
    for graph in (INFERRED, SCRATCH):
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
    rounds = derive(store)
    store.add_graph(INFERRED)
    # New (not asserted) and worth keeping: into graph/inferred and the default-graph union.
    store.update(
        f"INSERT {{ GRAPH {INFERRED} {{ ?s ?p ?o }} ?s ?p ?o }} "
        f"WHERE {{ GRAPH {SCRATCH} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} {KEEP} }}"
    )
    if store.contains_named_graph(SCRATCH):
        store.remove_graph(SCRATCH)
    inferred = _graph_size(store, INFERRED)
    return InferenceResult(
        engine=engine, inferred=inferred, rounds=rounds, seconds=time.perf_counter() - started
    )
