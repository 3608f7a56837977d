"""The parts of bench/ that its conclusions rest on: the extraction breakdown and the bare server.

Benchmarks are not timed here (speed is measured in bench/, not asserted); these tests check that what
the figures are figures *of* is right: every step of the extraction is in the breakdown, and the bare
ceiling server answers the same as the store it stands for.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
NQUADS = (
    '<http://ex.org/a> <http://ex.org/p> "one" <http://ex.org/g1> .\n'
    '<http://ex.org/b> <http://ex.org/p> "two"@vi <http://ex.org/g2> .\n'
    "<http://ex.org/a> <http://ex.org/q> <http://ex.org/b> <http://ex.org/g2> .\n"
)


def test_the_extraction_breakdown_times_every_pipeline_component_and_both_output_steps(bench_module):
    from pactgraph.extract.pipeline import nlp_for

    bench = bench_module("bench_extract")
    rng = random.Random(3)
    texts = [bench.synthetic_article(rng, i) for i in range(6)]
    rows = [row for row in bench._throughput(texts) if row["row"] == "breakdown"]
    steps = [row["what"] for row in rows]
    components = [name for name, _ in nlp_for("vi").pipeline]
    assert components, "the pipeline has components"
    for name in components:
        assert f"pipeline: {name}" in steps
    assert any(step.startswith("output: annotations -> triples") for step in steps)
    assert any(step.startswith("output: triples -> N-Quads") for step in steps)
    assert steps[0] == "spaCy bare tokenizer"  # the baseline the ratios divide by
    assert all(row["seconds"] > 0 and row["docs"] == len(texts) for row in rows)


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the bare server exited"
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"no answer from {url}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


QUERIES = (
    ("SELECT ?s ?o WHERE { ?s <http://ex.org/p> ?o }", ox.QueryResultsFormat.JSON),
    ("DESCRIBE <http://ex.org/a>", ox.RdfFormat.TURTLE),
)


def _expected(data_dir: Path, query: str, media: object) -> set:
    from pactgraph.graph import StoreLocation, open_read_only

    store = open_read_only(StoreLocation(data_dir).require_current().path)
    return _parsed(store.query(query).serialize(format=media), media)


def _parsed(body: bytes, media: object) -> set:
    if media is ox.QueryResultsFormat.JSON:
        rows = ox.parse_query_results(body, format=media)
        return {tuple(str(row[v]) for v in rows.variables) for row in rows}
    return {str(quad) for quad in ox.parse(body, format=media)}


@pytest.mark.parametrize("mode", ["fixed", "loop", "thread"])
def test_the_bare_ceiling_server_answers_what_the_store_answers(tmp_path, publish_store, mode):
    publish_store(tmp_path, NQUADS)
    port = _free_port()
    log = tmp_path / "bare-server.log"
    with log.open("wb") as errors:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.bare_server", str(tmp_path), str(port), "2", mode],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    try:
        _wait(f"http://127.0.0.1:{port}/health", process)
        for query, media in QUERIES:
            for _ in range(2):  # "fixed" answers the second time from memory
                response = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": query}, timeout=10)
                assert response.status_code == 200
                assert _parsed(response.content, media) == _expected(tmp_path, query, media)
                assert _expected(tmp_path, query, media), "the query has answers to compare"
    finally:
        process.terminate()
        # the parent stops both forked servers and reaps them before it exits
        assert process.wait(15) == 0, log.read_text(errors="replace")[-500:]
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
