"""The two inference engines agree, and infer only what the ontology's axioms entail."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.core.errors import ConfigError
from pactgraph.graph.inference import INFERRED, infer
from pactgraph.graph.loading import bulk_load_file, materialise_union
from pactgraph.ontology import path
from pactgraph.ontology.namespace import BASE, GRAPH_ONTOLOGY

DATA = Path(__file__).parent / "data"
PG = "https://w3id.org/pactgraph/ontology#"
ID = BASE + "id/"
ONTOLOGIES = {
    "project ontology": [path("pactgraph.ttl"), path("areas.ttl")],
    "one axiom of each kind": [DATA / "mini-ontology.ttl"],
}


def _store(ontology: list[Path], data: Path = DATA / "sample.nq") -> ox.Store:
    store = ox.Store()
    bulk_load_file(store, data)
    for file in ontology:
        bulk_load_file(store, file, to_graph=ox.NamedNode(str(GRAPH_ONTOLOGY)))
    materialise_union(store)
    return store


def _inferred(store: ox.Store) -> set[str]:
    return {str(q.triple) for q in store.quads_for_pattern(None, None, None, INFERRED)}


@pytest.mark.parametrize("ontology", ONTOLOGIES.values(), ids=ONTOLOGIES.keys())
def test_sparql_rules_and_owlrl_infer_the_same_triples(ontology):
    by_engine = {}
    for engine in ("sparql", "owlrl"):
        store = _store(ontology)
        result = infer(store, engine)
        by_engine[engine] = _inferred(store)
        assert result.inferred == len(by_engine[engine]) > 0
    only_sparql = sorted(by_engine["sparql"] - by_engine["owlrl"])
    only_owlrl = sorted(by_engine["owlrl"] - by_engine["sparql"])
    assert not only_sparql and not only_owlrl, (
        f"only sparql: {only_sparql[:10]}\nonly owlrl: {only_owlrl[:10]}"
    )


def test_inverse_and_named_chain_axioms_are_followed():
    store = _store(ONTOLOGIES["one axiom of each kind"])
    infer(store)
    inferred = _inferred(store)
    mechanism = f"<{ID}mechanism/vietnam-russia-intergovernmental-commission>"
    assert f"{mechanism} <{PG}hasSession> <{ID}event/igc-session-22>" in inferred
    assert f"{mechanism} <{PG}participant> <{ID}state/russia>" in inferred


def test_transitive_properties_are_closed(tmp_path):
    ontology = tmp_path / "t.ttl"
    ontology.write_text(
        f"@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<{PG}broaderArea> a owl:TransitiveProperty .\n"
    )
    data = tmp_path / "d.nq"
    g = f"<{ID}document/t>"
    data.write_text(
        f"<{ID}area/a> <{PG}broaderArea> <{ID}area/b> {g} .\n"
        f"<{ID}area/b> <{PG}broaderArea> <{ID}area/c> {g} .\n"
        f"<{ID}area/c> <{PG}broaderArea> <{ID}area/d> {g} .\n"
    )
    store = _store([ontology], data)
    infer(store)
    assert f"<{ID}area/a> <{PG}broaderArea> <{ID}area/d>" in _inferred(store)


def test_inference_keeps_no_axiomatic_noise_and_nothing_about_external_iris():
    store = _store(ONTOLOGIES["project ontology"])
    infer(store, "owlrl")
    for line in _inferred(store):
        subject = line.split(" ", 1)[0]
        assert subject.startswith(f"<{ID}"), line
        assert "owl#Thing" not in line and "owl#sameAs" not in line, line


def test_unknown_engine_names_the_setting():
    with pytest.raises(ConfigError, match="PACTGRAPH_INFERENCE_ENGINE"):
        infer(ox.Store(), "hermit")
