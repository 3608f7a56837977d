"""build and add_documents: the published store's layout, inference, validation, versioning, bad input."""

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from pactgraph.core.errors import InputError, StoreLockedError, ValidationFailed
from pactgraph.graph import BuildOptions, StoreLocation, add_documents, build, open_read_only
from pactgraph.ontology.namespace import BASE, GRAPH_INFERRED, GRAPH_METADATA, GRAPH_ONTOLOGY

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample.nq"
PG = "https://w3id.org/pactgraph/ontology#"
ID = BASE + "id/"
QUICK = BuildOptions(write_dumps=False)


def _sparql(text: str) -> str:
    """Our resource IRIs hold slashes, which prefixed names may not: write id:kind/slug for <...>."""
    return f"PREFIX pg: <{PG}> " + re.sub(r"\bid:([\w/-]+)", lambda m: f"<{ID}{m.group(1)}>", text)


def _ask(store: ox.Store, pattern: str) -> bool:
    return bool(store.query(_sparql(f"ASK {{ {pattern} }}")))


def _count(store: ox.Store, where: str) -> int:
    (row,) = store.query(_sparql(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    return int(row["n"].value)


@pytest.fixture
def built(tmp_path):
    location = StoreLocation(tmp_path / "store")
    result = build(SAMPLE, location, QUICK)
    return location, result


def test_build_publishes_one_graph_per_document_plus_ontology_inferred_metadata(built):
    location, result = built
    assert result.changed and location.current() == result.published
    graphs = {g.value for g in open_read_only(result.published.path).named_graphs()}
    assert graphs == {
        ID + "document/900_sample_a",
        ID + "document/901_sample_b",
        str(GRAPH_ONTOLOGY),
        str(GRAPH_INFERRED),
        str(GRAPH_METADATA),
    }


def test_default_graph_holds_each_triple_once_however_many_documents_state_it(built):
    store = open_read_only(built[1].published.path)
    fact = "id:state/vietnam pg:cooperatesWith id:state/russia"
    assert _count(store, f"GRAPH ?g {{ {fact} }}") == 2
    assert _count(store, fact) == 1
    assert built[1].published.triples == _count(store, "?s ?p ?o")


def test_inferences_are_materialised_and_visible_without_graph(built):
    store = open_read_only(built[1].published.path)
    assert _ask(store, "id:org/rosatom a pg:Actor")  # a Company is an Actor
    assert _ask(store, "id:org/petrovietnam pg:cooperatesWith id:org/rosatom")  # symmetric
    assert _ask(store, "id:state/russia <http://www.w3.org/ns/org#memberOf> id:org/eaeu")  # alignment
    # a session's participants take part in its mechanism, but the areas do not carry over
    assert _ask(
        store, "id:mechanism/vietnam-russia-intergovernmental-commission pg:participant id:state/vietnam"
    )
    assert not _ask(store, "id:mechanism/vietnam-russia-intergovernmental-commission pg:area ?a")
    inferred = f"<{GRAPH_INFERRED}>"
    assert _ask(store, f"GRAPH {inferred} {{ id:org/rosatom a pg:Actor }}")
    # nothing asserted is repeated as inferred, and no axiomatic noise
    assert (
        _count(store, f"GRAPH {inferred} {{ ?s ?p ?o }} GRAPH ?d {{ ?s ?p ?o }} FILTER(?d != {inferred})")
        == 0
    )
    assert not _ask(store, f"GRAPH {inferred} {{ ?s a <http://www.w3.org/2002/07/owl#Thing> }}")


def test_version_and_build_time_are_recorded_in_the_metadata_graph(built):
    location, result = built
    store = open_read_only(result.published.path)
    (row,) = store.query(
        f"SELECT ?v ?t WHERE {{ GRAPH <{GRAPH_METADATA}> {{ ?d <{PG}storeVersion> ?v ; <{PG}builtAt> ?t }} }}"
    )
    assert row["v"].value == result.published.version and len(row["v"].value) == 16
    assert row["t"].value == result.published.built_at
    pointer = json.loads(location.pointer_path.read_text())
    assert pointer["version"] == result.published.version


def test_void_description_counts_the_union(built):
    store = open_read_only(built[1].published.path)
    void = "http://rdfs.org/ns/void#"
    (row,) = store.query(f"""SELECT ?triples ?endpoint WHERE {{ GRAPH <{GRAPH_METADATA}> {{
        ?d a <{void}Dataset> ; <{void}triples> ?triples ; <{void}sparqlEndpoint> ?endpoint }} }}""")
    assert int(row["triples"].value) == _count(
        store, f"?s ?p ?o FILTER NOT EXISTS {{ GRAPH <{GRAPH_METADATA}> {{ ?s ?p ?o }} }}"
    )
    assert row["endpoint"].value == "http://127.0.0.1:8000/sparql"
    (state,) = store.query(f"""SELECT ?n WHERE {{ GRAPH <{GRAPH_METADATA}> {{
        ?d <{void}classPartition> [ <{void}class> <{PG}State> ; <{void}entities> ?n ] }} }}""")
    assert int(state["n"].value) == 2


def test_rebuilding_the_same_input_keeps_the_version_and_publishes_nothing(built):
    location, first = built
    again = build(SAMPLE, location, QUICK)
    assert not again.changed
    assert again.published == first.published
    assert len(location.published_dirs()) == 1
    assert not list(location.stores_dir.glob("*.partial"))


def test_corrupt_nquads_names_file_and_line_and_leaves_the_store_unchanged(built, tmp_path):
    location, first = built
    bad = tmp_path / "bad.nq"
    lines = SAMPLE.read_text().splitlines()
    lines[5] = lines[5].replace("<https://", "<https ://", 1)
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as err:
        build(bad, location, QUICK)
    assert f"{bad}:6" in str(err.value)
    assert location.current() == first.published
    assert location.published_dirs() == [first.published.path]
    assert not list(location.stores_dir.glob("*.partial"))


def test_missing_input_file_is_named(tmp_path):
    with pytest.raises(InputError, match="nope.nq"):
        build(tmp_path / "nope.nq", StoreLocation(tmp_path / "store"), QUICK)


def test_shacl_violation_fails_the_build_with_a_readable_report_and_publishes_nothing(built, tmp_path):
    location, first = built
    bad = tmp_path / "no-quote.nq"
    bad.write_text(
        "".join(line + "\n" for line in SAMPLE.read_text().splitlines() if f"{PG}quote" not in line)
    )
    with pytest.raises(ValidationFailed) as err:
        build(bad, location, QUICK)
    message = str(err.value)
    assert "Violation: id:evidence/9" in message and "pg:quote" in message
    assert "nothing was published" in message
    assert location.current() == first.published


def test_a_second_build_is_refused_while_one_holds_the_lock(built):
    location, first = built
    with location.lock(), pytest.raises(StoreLockedError, match="locked"):
        build(SAMPLE, location, QUICK)
    assert location.current() == first.published


def _split_sample(tmp_path: Path) -> tuple[Path, Path]:
    """The sample as two files, one document each."""
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    lines = [line for line in SAMPLE.read_text().splitlines() if line and not line.startswith("#")]
    a.write_text("".join(line + "\n" for line in lines if "900_sample_a> ." in line))
    b.write_text("".join(line + "\n" for line in lines if "901_sample_b> ." in line))
    return a, b


def test_adding_documents_changes_only_their_graphs_and_reaches_the_full_build(tmp_path):
    a, b = _split_sample(tmp_path)
    location = StoreLocation(tmp_path / "store")
    only_a = build(a, location, QUICK)
    store_a = open_read_only(only_a.published.path)
    assert not _ask(store_a, "id:agreement/vietnam-eaeu-fta ?p ?o")
    added = add_documents(b, location, QUICK)
    assert added.changed and added.published.version != only_a.published.version
    full = build(SAMPLE, StoreLocation(tmp_path / "full"), QUICK)
    assert added.published.version == full.published.version, "add = a full build of the same documents"
    store = open_read_only(added.published.path)
    assert _ask(store, "id:agreement/vietnam-eaeu-fta a pg:Agreement")
    again = add_documents(b, location, QUICK)
    assert not again.changed and again.published == added.published


def test_replacing_a_document_removes_its_old_triples_from_the_union(tmp_path):
    a, b = _split_sample(tmp_path)
    location = StoreLocation(tmp_path / "store")
    build(SAMPLE, location, QUICK)
    # b again, without its membership fact and that fact's evidence
    member_of = ox.NamedNode(PG + "memberOf")
    quads = list(ox.parse(path=str(b), format=ox.RdfFormat.N_QUADS))
    evidence = {q.subject for q in quads if q.object == member_of}
    kept = [q for q in quads if q.predicate != member_of and q.subject not in evidence]
    b2 = tmp_path / "b2.nq"
    b2.write_bytes(ox.serialize(kept, None, ox.RdfFormat.N_QUADS))
    replaced = add_documents(b2, location, QUICK)
    store = open_read_only(replaced.published.path)
    assert not _ask(store, "id:state/russia pg:memberOf id:org/eaeu")
    assert not _ask(
        store, "id:state/russia <http://www.w3.org/ns/org#memberOf> id:org/eaeu"
    )  # inference gone
    assert _ask(store, "id:state/vietnam pg:cooperatesWith id:state/russia")


def test_adding_to_a_location_with_nothing_published_says_to_build_first(tmp_path):
    a, _ = _split_sample(tmp_path)
    with pytest.raises(Exception, match="pactgraph build"):
        add_documents(a, StoreLocation(tmp_path / "empty"), QUICK)


def test_added_file_may_not_write_the_builds_own_graphs(built, tmp_path):
    location, first = built
    bad = tmp_path / "ontology.nq"
    bad.write_text(f"<{ID}x> <{PG}party> <{ID}y> <{GRAPH_ONTOLOGY}> .\n")
    with pytest.raises(InputError, match="outside a document graph"):
        add_documents(bad, location, QUICK)
    assert location.current() == first.published


def test_wrong_offsets_are_reported_by_the_sparql_constraints(built, tmp_path):
    location, first = built
    bad = tmp_path / "offsets.nq"
    text = SAMPLE.read_text()
    bad.write_text(text.replace(f'<{PG}surface> "Rosatom"', f'<{PG}surface> "Rosatom Corp"'))
    with pytest.raises(ValidationFailed) as err:
        build(bad, location, QUICK)
    assert "Violation: id:mention/900_sample_a/" in str(err.value)
    assert "pg:surface is not the document's text" in str(err.value)
    assert location.current() == first.published


def test_evidence_for_a_fact_nobody_states_is_a_violation(built, tmp_path):
    location, _ = built
    bad = tmp_path / "unstated.nq"
    fact = f"<{ID}org/rosatom> <{PG}country> <{ID}state/russia> <{ID}document/900_sample_a> ."
    assert fact in SAMPLE.read_text()
    bad.write_text(SAMPLE.read_text().replace(fact + "\n", ""))
    with pytest.raises(ValidationFailed, match="Evidence supports a fact that the graph does not state"):
        build(bad, location, QUICK)


def test_corrupt_turtle_ontology_names_file_and_line_and_leaves_the_store_unchanged(built, tmp_path):
    from pactgraph.ontology import path

    location, first = built
    bad = tmp_path / "broken.ttl"
    lines = path("pactgraph.ttl").read_text(encoding="utf-8").splitlines()
    lines.insert(29, "<http://example.org/a b> a <http://example.org/C> .")  # a space inside an IRI
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build(SAMPLE, location, BuildOptions(ontology_files=[bad, path("areas.ttl")], write_dumps=False))
    assert f"{bad}:30" in str(err.value)
    assert location.current() == first.published
    assert not list(location.stores_dir.glob("*.partial"))


@pytest.mark.parametrize("graph", ["", f"<{GRAPH_INFERRED}>"], ids=["default graph", "inferred graph"])
def test_input_outside_document_graphs_is_refused_not_silently_dropped(tmp_path, graph):
    bad = tmp_path / "stray.nq"
    bad.write_text(SAMPLE.read_text() + f"<{ID}org/x> <{PG}memberOf> <{ID}org/y> {graph} .\n")
    location = StoreLocation(tmp_path / "store")
    with pytest.raises(InputError, match="quads outside a document graph"):
        build(bad, location, QUICK)
    assert location.current() is None


def test_after_an_add_the_union_holds_only_the_new_metadata_and_nothing_is_inferred_from_it(tmp_path):
    # regression: on a Store.backup copy, pyoxigraph missed the old metadata graph when asked
    a, b = _split_sample(tmp_path)
    location = StoreLocation(tmp_path / "store")
    build(a, location, QUICK)
    added = add_documents(b, location, QUICK)
    store = open_read_only(added.published.path)
    assert _count(store, "?d pg:storeVersion ?v") == 1
    assert _count(store, f"GRAPH <{GRAPH_INFERRED}> {{ id:dataset/pactgraph ?p ?o }}") == 0
