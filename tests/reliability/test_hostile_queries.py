"""Hostile queries: each gets a clear 4xx, a fast answer, or a timeout response within its limit,
while a second client goes on being answered.

One server (2 workers, ``PACTGRAPH_QUERY_TIMEOUT`` of 2 s) on a few thousand triples, with a long
literal for the regular expressions. For every query of the table a probe thread sends small queries
the whole time; each probe must be answered 200 and quickly.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import httpx
import pytest

LIMIT = 2.0
GRACE = 2.5  # worker kill + respawn on a loaded 2-core machine
INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
EX = "http://example.org/"
PROBE = f"ASK {{ <{EX}s1> <{EX}p> ?o }}"


def _nested(depth: int) -> str:
    return "SELECT * WHERE " + "{ " * depth + f"?s <{EX}p> ?o " + "} " * depth


def _union(branches: int) -> str:
    # empty groups keep 10,000 branches under the length limit, so the UNION limit itself is what answers
    return "SELECT * WHERE { " + " UNION ".join("{}" for _ in range(branches)) + " }"


# name -> (query, statuses a client may get, what the body must say when refused)
HOSTILE: dict[str, tuple[str, set[int], str]] = {
    "10,000 nested groups": (_nested(10_000), {400}, "PACTGRAPH_MAX_NESTING"),
    "deepest nesting allowed": (_nested(199), {200}, ""),
    "10,000-branch UNION": (_union(10_000), {400}, "PACTGRAPH_MAX_UNION_BRANCHES"),
    "enormous literal": (f'ASK {{ ?s ?p "{"x" * 2_000_000}" }}', {413}, "PACTGRAPH_MAX_QUERY_CHARS"),
    "literal just under the limit": (f'ASK {{ ?s ?p "{"x" * 90_000}" }}', {200}, ""),
    "catastrophic regex": ('SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "^(a+)+$")) }', {200, 503}, ""),
    "catastrophic regex, nested alternatives": (
        'SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "^((a|aa)+|(a|b)*a)+c$")) }',
        {200, 503},
        "",
    ),
    "huge regex repetition": (
        'SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "(a{1000}){1000}")) }',
        {200, 400, 503},
        "",
    ),
    "cross product": ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", {503}, "2 s"),
    "cross product CONSTRUCT": ("CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", {503}, "2 s"),
    "unbounded property path": (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a (<{EX}link>|^<{EX}link>)* ?b }}",
        {200, 503},
        "",
    ),
    "ORDER BY a cross product": (
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
        {503},
        "2 s",
    ),
}


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("hostile-store")
    lines = [f'<{EX}s{i}> <{EX}p> "{i}"^^{INTEGER} <{EX}g{i % 7}> .' for i in range(3000)]
    lines += [f"<{EX}s{i}> <{EX}link> <{EX}s{(i * 7 + 1) % 3000}> <{EX}g0> ." for i in range(3000)]
    lines += [f'<{EX}long{i}> <{EX}text> "{"a" * 30_000}b" <{EX}g1> .' for i in range(20)]
    publish_store(data_dir, "\n".join(lines))
    server = launch_server(data_dir, query_timeout=LIMIT, workers=2)
    yield server
    server.stop()


@dataclass
class Probe:
    """Small queries sent back to back from another client while a hostile one runs."""

    url: str
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                response = client.get(self.url, params={"query": PROBE})
                self.latencies.append(time.monotonic() - started)
                if response.status_code != 200 or response.json().get("boolean") is not True:
                    self.failures.append(f"{response.status_code}: {response.text[:200]}")
                time.sleep(0.05)

    def __enter__(self) -> Probe:
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(30)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_query_is_refused_answered_or_stopped_in_time_while_others_are_served(hostile_server, name):
    query, statuses, said = HOSTILE[name]
    with Probe(hostile_server.sparql) as probe:
        time.sleep(0.2)
        started = time.monotonic()
        response = httpx.post(hostile_server.sparql, data={"query": query}, timeout=60)
        elapsed = time.monotonic() - started
        time.sleep(0.3)  # a probe or two after the hostile query, too

    print(f"{name}: {response.status_code} in {elapsed:.2f} s, probe max {max(probe.latencies):.2f} s")
    assert response.status_code in statuses, f"{name}: {response.status_code} {response.text[:300]}"
    assert elapsed <= LIMIT + GRACE, f"{name} took {elapsed:.1f} s against a limit of {LIMIT} s"
    if response.status_code >= 400:
        assert "Traceback" not in response.text
        assert said in response.text, f"{name}: the refusal does not name {said!r}: {response.text[:300]}"
    assert probe.latencies, "the probe client sent nothing"
    assert not probe.failures, f"other clients were not served during {name}: {probe.failures[:3]}"
    assert max(probe.latencies) < 1.5, f"a probe waited {max(probe.latencies):.2f} s during {name}"


def test_the_server_is_whole_after_the_hostile_queries(hostile_server):
    health = httpx.get(f"{hostile_server.url}/health", timeout=10)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    answered = httpx.get(hostile_server.sparql, params={"query": PROBE}, timeout=10)
    assert answered.status_code == 200 and answered.json()["boolean"] is True
