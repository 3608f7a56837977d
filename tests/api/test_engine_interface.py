"""The engine other routers use (``app.state.engine``): select, query_bytes, run, version."""

from __future__ import annotations

import asyncio

import rdflib
from pactgraph.api.engine import LocalEngine
from pactgraph.api.errors import NotAcceptable
from pactgraph.core.errors import QueryRefused, QuerySyntaxError
from pactgraph.core.settings import load_settings

VN = "https://w3id.org/pactgraph/id/state/vietnam"


def _with_engine(data_dir, coroutine):
    async def main():
        engine = LocalEngine(load_settings(data_dir=data_dir, workers=1))
        await engine.start()
        try:
            return await coroutine(engine)
        finally:
            await engine.close()

    return asyncio.run(main())


def test_select_gives_sparql_json_terms_and_version_is_the_published_one(sample_data_dir):
    async def use(engine):
        rows = await engine.select(
            f"SELECT ?l WHERE {{ <{VN}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        )
        return rows, engine.version, await engine.select("ASK { ?s ?p ?o }")

    rows, version, ask = _with_engine(sample_data_dir, use)
    assert {(r["l"]["value"], r["l"].get("xml:lang")) for r in rows} == {
        ("Việt Nam", "vi"),
        ("Vietnam", "en"),
    }
    assert version is not None and len(version) == 16
    assert ask == [{"boolean": True}]


def test_query_bytes_and_run_serialise_as_asked(sample_data_dir):
    async def use(engine):
        turtle = await engine.query_bytes(f"DESCRIBE <{VN}>", "text/turtle")
        negotiated = await engine.run(
            f"CONSTRUCT {{ <{VN}> ?p ?o }} WHERE {{ <{VN}> ?p ?o }}", "application/n-triples"
        )
        return turtle, negotiated

    (body, media), (nt_body, nt_media) = _with_engine(sample_data_dir, use)
    assert media == "text/turtle"
    assert (rdflib.URIRef(VN), None, None) in rdflib.Graph().parse(data=body, format="turtle")
    assert nt_media == "application/n-triples" and nt_body.count(b"\n") >= 3


def test_engine_refuses_what_the_endpoint_refuses(sample_data_dir):
    async def use(engine):
        outcomes = []
        for query, media in (
            ("SELECT * WHERE { ?s ?p }", "application/sparql-results+json"),
            (
                "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                "application/sparql-results+json",
            ),
            ("SELECT * WHERE { ?s ?p ?o }", "text/turtle"),
        ):
            try:
                await engine.query_bytes(query, media)
            except Exception as exc:  # noqa: BLE001 - the type is what is checked
                outcomes.append(type(exc))
        return outcomes

    assert _with_engine(sample_data_dir, use) == [QuerySyntaxError, QueryRefused, NotAcceptable]


def test_a_worker_that_died_while_idle_is_replaced_without_failing_a_request(sample_data_dir):
    async def use(engine):
        worker = next(iter(engine.readers._all))  # noqa: SLF001 - reach in to kill it from outside
        worker.proc.kill()
        await worker.proc.wait()
        return await engine.select("ASK { ?s ?p ?o }"), engine.stats()["crashes"]

    answer, crashes = _with_engine(sample_data_dir, use)
    assert answer == [{"boolean": True}]
    assert crashes == 1
