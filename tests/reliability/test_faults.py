"""Faults: kill -9 of the server and of builds, the remote store going away, a full disk.

Promised (docs/operations.md): a killed server comes back serving the same store version; a build
killed at any point leaves the served store as it was and the next build succeeds; a remote store
that stops answering gives 503 with a sentence naming it and normal answers once it is back, with no
restart of pactgraph; a build that runs out of disk fails with a clear message and the served store
is untouched.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_NQ = ROOT / "tests" / "graph" / "data" / "sample.nq"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _pactgraph(
    *args: str, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pactgraph.cli.main", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _count(server) -> int:  # noqa: ANN001
    response = httpx.get(server.sparql, params={"query": COUNT}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def built(tmp_path):
    """A data folder with the sample built and published by ``pactgraph build``."""
    data_dir = tmp_path / "store"
    result = _pactgraph("build", "--from-nq", str(SAMPLE_NQ), "--store", str(data_dir), "--no-dumps")
    assert result.returncode == 0, result.stdout + result.stderr
    return data_dir


def test_server_killed_during_queries_restarts_serving_the_same_version(built, server_factory):
    server = server_factory(built, workers=2, query_timeout=60)
    before = httpx.get(f"{server.url}/health", timeout=10).json()
    triples = _count(server)
    workers = server.descendants()
    assert len(workers) >= 2, "the server runs its queries in worker processes"

    outcomes: list[str] = []

    def in_flight() -> None:
        try:
            httpx.post(server.sparql, data={"query": SLOW_QUERY}, timeout=30)
            outcomes.append("answered")
        except httpx.TransportError as exc:
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=in_flight) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the slow queries are now running in the workers
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(10)
    for thread in threads:
        thread.join(30)
    assert outcomes and "answered" not in outcomes  # the clients saw the connection drop, not a 200

    # Workers busy with a query must not outlive the server (they would burn the CPU for nothing).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed server"

    again = server_factory(built, workers=2)
    after = httpx.get(f"{again.url}/health", timeout=10).json()
    assert (after["version"], after["triples"]) == (before["version"], before["triples"])
    assert _count(again) == triples


BUILD_PHASES = ["loaded", "validated", "renamed"]


@pytest.mark.parametrize("phase", BUILD_PHASES)
def test_build_killed_while_serving_leaves_the_served_store_and_the_next_build_is_picked_up(
    tmp_path, built, server_factory, phase
):
    server = server_factory(built, workers=1)
    before = httpx.get(f"{server.url}/health", timeout=10).json()
    triples = _count(server)
    bigger = tmp_path / "bigger.nq"  # the sample plus one more graph: a different version
    extra = '<https://w3id.org/pactgraph/id/state/laos> <http://www.w3.org/2000/01/rdf-schema#label> "Lào"@vi'
    bigger.write_text(SAMPLE_NQ.read_text() + f"{extra} <https://w3id.org/pactgraph/id/document/extra> .\n")

    killed = _pactgraph(
        "build",
        "--from-nq",
        str(bigger),
        "--store",
        str(built),
        "--no-dumps",
        env={"PACTGRAPH_TEST_KILL_AT": phase},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert httpx.get(f"{server.url}/health", timeout=10).json()["version"] == before["version"]
    assert _count(server) == triples

    rebuilt = _pactgraph("build", "--from-nq", str(bigger), "--store", str(built), "--no-dumps")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if httpx.get(f"{server.url}/health", timeout=10).json()["version"] != before["version"]:
            break
        time.sleep(0.2)
    assert httpx.get(f"{server.url}/health", timeout=10).json()["version"] != before["version"]
    labels = httpx.get(
        server.sparql,
        params={"query": 'ASK { <https://w3id.org/pactgraph/id/state/laos> ?p "Lào"@vi }'},
        timeout=10,
    )
    assert labels.json()["boolean"] is True
    assert not list((built / "stores").glob("*.partial")), "the killed build's leftovers were collected"


# --- the remote backend --------------------------------------------------------------------------


def test_remote_store_down_gives_503_naming_it_and_answers_again_when_back(
    tmp_path, server_factory, launch_oxigraph
):
    oxigraph = launch_oxigraph(tmp_path / "remote")
    remote = oxigraph.base
    token = "reliability-remote-token-0123456789"
    try:
        server = server_factory(
            tmp_path / "unused",
            backend_url=f"{remote}/query",
            backend_update_url=f"{remote}/update",
            backend_gsp_url=f"{remote}/store",
            update_token=token,
            query_timeout=5,
        )
        auth = {"Authorization": f"Bearer {token}"}
        insert = "INSERT DATA { GRAPH <http://e.org/g> { <http://e.org/s> <http://e.org/p> 'Hà Nội' } }"
        assert httpx.post(server.sparql, data={"update": insert}, headers=auth, timeout=30).status_code == 200
        ask = {"query": "ASK { GRAPH ?g { ?s ?p 'Hà Nội' } }"}
        assert httpx.get(server.sparql, params=ask, timeout=30).json()["boolean"] is True

        oxigraph.process.send_signal(signal.SIGKILL)
        oxigraph.process.wait(10)
        requests = {
            "query": lambda: httpx.get(server.sparql, params=ask, timeout=30),
            "graph store read": lambda: httpx.get(
                server.store, params={"graph": "http://e.org/g"}, timeout=30
            ),
            "update": lambda: httpx.post(server.sparql, data={"update": insert}, headers=auth, timeout=30),
        }
        for name, send in requests.items():
            started = time.monotonic()
            response = send()
            assert response.status_code == 503, f"{name}: {response.status_code} {response.text[:300]}"
            assert "PACTGRAPH_BACKEND" in response.text and "Traceback" not in response.text, response.text
            assert time.monotonic() - started < 10, f"{name} took {time.monotonic() - started:.1f} s to fail"

        oxigraph = launch_oxigraph(tmp_path / "remote", port=oxigraph.port)  # same data, same address
        assert httpx.get(server.sparql, params=ask, timeout=30).json()["boolean"] is True
        graph = httpx.get(server.store, params={"graph": "http://e.org/g"}, headers={"Accept": "text/turtle"})
        assert graph.status_code == 200 and "Hà Nội" in graph.text
        assert server.process.poll() is None  # pactgraph itself was never restarted
    finally:
        oxigraph.stop()


# --- a full disk ---------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 24 MiB tmpfs (needs root and mount; skipped otherwise, saying why)."""
    mountpoint = tmp_path / "small-disk"
    mountpoint.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a size-limited file system needs root to mount a tmpfs; not root here")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mountpoint)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a size-limited tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def test_build_on_a_full_disk_fails_cleanly_and_the_served_store_is_untouched(
    tmp_path, small_disk, server_factory
):
    data_dir = small_disk / "store"
    first = _pactgraph("build", "--from-nq", str(SAMPLE_NQ), "--store", str(data_dir), "--no-dumps")
    assert first.returncode == 0, first.stdout + first.stderr
    server = server_factory(data_dir, workers=1)
    before = httpx.get(f"{server.url}/health", timeout=10).json()
    triples = _count(server)

    # A bigger input than the space left: many copies of the sample, each in its own graph.
    bigger = tmp_path / "bigger.nq"
    with open(bigger, "w", encoding="utf-8") as out:
        text = SAMPLE_NQ.read_text()
        for copy in range(40):
            out.write(text.replace("_sample_", f"_sample{copy}_"))  # new document, evidence, mention IRIs
    free = shutil.disk_usage(small_disk).free
    filler = small_disk / "filler"
    with open(filler, "wb") as out:  # leave about 1 MiB: the new store cannot fit
        out.write(b"\0" * max(0, free - 1024 * 1024))

    failed = _pactgraph("build", "--from-nq", str(bigger), "--store", str(data_dir), "--no-dumps")
    output = failed.stdout + failed.stderr
    assert failed.returncode not in (0, -signal.SIGKILL), output
    assert "Traceback" not in output, output
    assert "space" in output.lower(), f"the message does not say the disk is full:\n{output}"
    assert httpx.get(f"{server.url}/health", timeout=10).json()["version"] == before["version"]
    assert _count(server) == triples

    filler.unlink()
    after = _pactgraph("build", "--from-nq", str(bigger), "--store", str(data_dir), "--no-dumps")
    assert after.returncode == 0, after.stdout + after.stderr
    assert not list((data_dir / "stores").glob("*.partial")), "the failed build's folder was left behind"
