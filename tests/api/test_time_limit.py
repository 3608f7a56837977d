"""PACTGRAPH_QUERY_TIMEOUT really stops the work, and other clients keep being answered."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
LIMIT = 2.0
INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


WORKER_NICE = 4  # not the default (0): the test sees that the setting is applied, and restored


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("slow-store")
    # 3,000 triples: the cross product has 2.7e10 rows, far beyond any limit.
    lines = [
        f'<http://example.org/s{i}> <http://example.org/p> "{i}"^^{INTEGER} <http://example.org/g{i % 7}> .'
        for i in range(3000)
    ]
    publish_store(data_dir, "\n".join(lines))
    server = launch_server(data_dir, query_timeout=LIMIT, workers=2, worker_nice=WORKER_NICE)
    yield server
    server.stop()


def test_cross_product_is_stopped_at_the_limit_and_a_simple_query_is_answered_meanwhile(slow_server):
    outcome = {}

    def slow() -> None:
        started = time.monotonic()
        response = httpx.get(slow_server.sparql, params={"query": CROSS_PRODUCT}, timeout=30)
        outcome["elapsed"] = time.monotonic() - started
        outcome["response"] = response

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.3)  # the cross product is now running in one worker
    started = time.monotonic()
    quick = httpx.get(
        slow_server.sparql, params={"query": "ASK { <http://example.org/s1> ?p ?o }"}, timeout=30
    )
    quick_elapsed = time.monotonic() - started
    thread.join(30)

    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert quick_elapsed < 1.0
    response = outcome["response"]
    assert response.status_code in (503, 504)
    assert "2 s" in response.text and "PACTGRAPH_QUERY_TIMEOUT" in response.text
    assert outcome["elapsed"] <= LIMIT + 1.0


def test_after_a_timeout_the_pool_is_whole_again(slow_server):
    for _ in range(2):  # both workers busy with slow queries, each killed at the limit
        assert httpx.get(slow_server.sparql, params={"query": CROSS_PRODUCT}, timeout=30).status_code == 503
    deadline = time.monotonic() + 10
    answered = 0
    while time.monotonic() < deadline and answered < 4:
        response = httpx.get(slow_server.sparql, params={"query": "SELECT * WHERE { ?s ?p 5 }"}, timeout=30)
        if response.status_code == 200:
            answered += 1
    assert answered == 4
    metrics = httpx.get(f"{slow_server.url}/metrics").text
    timeouts = [line for line in metrics.splitlines() if line.startswith("pactgraph_query_timeouts_total")]
    assert timeouts and float(timeouts[0].split()[-1]) >= 2


def _worker_niceness(server) -> dict[int, int]:  # noqa: ANN001
    """pid -> nice value of the server's read workers (from /proc: field 19 of stat)."""
    found = {}
    for pid in server.descendants():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"pactgraph.api.worker" in cmdline and b"read" in cmdline:
            found[pid] = int(fields[16])
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads niceness from Linux /proc")
def test_a_long_query_yields_the_cpu_to_short_ones_and_its_replacement_runs_at_normal_priority(slow_server):
    normal = WORKER_NICE  # the configured priority of the workers, which the slow one returns to
    thread = threading.Thread(
        target=lambda: httpx.get(slow_server.sparql, params={"query": CROSS_PRODUCT}, timeout=30)
    )
    thread.start()
    time.sleep(0.5)  # past the 50 ms after which a running request is lowered to nice 19
    during = _worker_niceness(slow_server)
    thread.join(30)
    deadline = time.monotonic() + 15  # the killed worker's replacement starts at nice 19 until ready
    after = _worker_niceness(slow_server)
    while time.monotonic() < deadline and not (len(after) == 3 and set(after.values()) == {normal}):
        time.sleep(0.2)
        after = _worker_niceness(slow_server)

    assert sorted(during.values()) == [normal, normal, 19], (
        during
    )  # two serving (one the spare) + the slow one
    assert len(after) == 3 and set(after.values()) == {normal}, after  # the slow one gone, all back to normal
    assert not set(after) & {p for p, nice in during.items() if nice == 19}, (during, after)
