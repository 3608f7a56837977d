"""The endpoint side by side with Oxigraph's own server and rdflib-endpoint (``python -m bench endpoint``).

One synthetic graph in the shape of ours (bench/synthetic_graph.py: 1M quads, 100k with ``--quick``)
is published once; the three servers answer the same fixed mix of query shapes over HTTP, one server
at a time on the same 2 cores, at concurrency 1 and 16. Load comes from ``wrk`` when installed
(``apt-get install wrk``), else from an asyncio httpx loop (slower: the ratios still compare, the
absolute figures are lower). Rows give requests/s, p99 latency and the ratios; ours runs with the
result cache off for the mix, and once more with it on for repeated identical queries.

Only ratios taken in the same run mean anything (field notes: 20-40 % run-to-run noise).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
PREFIXES = (
    f"PREFIX pg: <{PG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
)
JSON = "application/sparql-results+json"
TURTLE = "text/turtle"

# name -> (query, Accept); the fixed mix of shapes.
MIX: dict[str, tuple[str, str]] = {
    "resource": (f"SELECT ?p ?o WHERE {{ <{ID}state/state-3> ?p ?o }}", JSON),
    "label_search": (
        PREFIXES + 'SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, "Rosatom 1")) } LIMIT 20',
        JSON,
    ),
    "two_hop": (
        PREFIXES + f"SELECT ?a ?x WHERE {{ ?a pg:party <{ID}state/state-3> . ?a pg:party ?x }} LIMIT 100",
        JSON,
    ),
    "group_by": (PREFIXES + "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s pg:country ?c } GROUP BY ?c", JSON),
    "provenance": (
        PREFIXES + f"SELECT ?g ?q WHERE {{ GRAPH ?g {{ ?ev rdf:subject <{ID}agreement/agreement-42> ; "
        "pg:quote ?q } }",
        JSON,
    ),
    "property_path": (PREFIXES + f"SELECT ?x WHERE {{ <{ID}area/area-17> skos:broader* ?x }}", JSON),
    "construct": (
        PREFIXES + f"CONSTRUCT {{ <{ID}state/state-5> ?p ?o . ?s ?q <{ID}state/state-5> }} "
        f"WHERE {{ {{ <{ID}state/state-5> ?p ?o }} UNION {{ ?s ?q <{ID}state/state-5> }} }} LIMIT 500",
        TURTLE,
    ),
    "describe": (f"DESCRIBE <{ID}agreement/agreement-42>", TURTLE),
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(url, timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s")


@contextlib.contextmanager
def _server(command: list[str], probe: str, env: dict[str, str] | None = None, timeout: float = 120):
    process = subprocess.Popen(
        command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_http(probe, process, timeout)
        yield
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def build_data(work: Path, documents: int) -> tuple[Path, Path]:
    """Publish the synthetic graph; (data dir for pactgraph, N-Quads file for rdflib-endpoint)."""
    import pyoxigraph as ox

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from pactgraph.graph import StoreLocation, open_writable, store_version
    from pactgraph.graph.location import utc_now

    from bench.synthetic_graph import quads

    nq = work / "graph.nq"
    nt = work / "union.nt"  # the same triples without their graph: the default graph is the union
    with open(nq, "w", encoding="utf-8") as fq, open(nt, "w", encoding="utf-8") as ft:
        for line in quads(documents):
            fq.write(line + "\n")
            ft.write(line.rsplit(" <", 1)[0] + " .\n")
    data_dir = work / "store"
    location = StoreLocation(data_dir)
    with location.lock():
        folder = location.new_store_dir()
        store = open_writable(folder)
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        version, triples = store_version(store), len(store)
        store.flush()
        del store
        location.publish(folder, version, utc_now(), triples)
    nt.unlink()
    return data_dir, nq


_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    return float(match.group(1)) * _UNIT[match.group(2)] if match else float("nan")


def load_wrk(url: str, accept: str, concurrency: int, seconds: float) -> dict[str, float]:
    """Requests/s and p99 (ms) from wrk; non-2xx answers are counted as errors."""
    threads = min(2, concurrency)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{concurrency}",
            f"-d{seconds:g}s",
            "--latency",
            "--timeout",
            "30s",
            "-H",
            f"Accept: {accept}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p99_ms": _ms(p99.group(1)) if p99 else float("nan"),
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def load_httpx(url: str, accept: str, concurrency: int, seconds: float) -> dict[str, float]:
    """The fallback load generator: *concurrency* keep-alive clients in one asyncio loop."""

    async def run() -> dict[str, float]:
        latencies: list[float] = []
        errors = 0
        deadline = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(limits=limits, timeout=30, headers={"Accept": accept}) as client:

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < deadline:
                    started = time.perf_counter()
                    response = await client.get(url)
                    latencies.append((time.perf_counter() - started) * 1000)
                    errors += response.status_code >= 300

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed = time.perf_counter() - started
        latencies.sort()
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
        return {"rps": len(latencies) / elapsed, "p99_ms": p99, "errors": float(errors)}

    return asyncio.run(run())


def measure_one(base: str, name: str, concurrency: int, seconds: float) -> dict[str, float]:
    """Figures for one query shape at one concurrency on the server whose query URL is *base*."""
    load = load_wrk if shutil.which("wrk") else load_httpx
    query, accept = MIX[name]
    url = f"{base}?query={quote(query, safe='')}"
    check = httpx.get(url, headers={"Accept": accept}, timeout=120)
    if check.status_code != 200:
        return {"rps": 0.0, "p99_ms": float("nan"), "errors": -1.0}
    return load(url, accept, concurrency, seconds)


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(b) else float("nan")


def _geomean(values: list[float]) -> float:
    values = [v for v in values if v and v > 0 and not math.isnan(v)]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def run(quick: bool) -> list[dict]:
    documents = 550 if quick else 5500
    seconds = 2.0 if quick else 5.0
    concurrencies = (1, 16)
    names = list(MIX)
    work = Path(tempfile.mkdtemp(prefix="pactgraph-bench-endpoint-"))
    python = sys.executable
    try:
        data_dir, nq = build_data(work, documents)
        store_path = str(__import__("json").loads((data_dir / "CURRENT").read_text())["path"])
        store_path = store_path if os.path.isabs(store_path) else str(data_dir / store_path)
        # All servers run at once (idle ones cost nothing) and each measurement goes round them in
        # turn, so that a change in the machine's load falls on all of them, not on one.
        bases: dict[str, str] = {}
        with contextlib.ExitStack() as stack:
            for label, cache_entries in (("pactgraph", 0), ("cached", 4096)):
                port = _free_port()
                env = {
                    "PACTGRAPH_RESULT_CACHE_ENTRIES": str(cache_entries),
                    "PACTGRAPH_BASE_URL": f"http://127.0.0.1:{port}",
                }
                cmd = [
                    python,
                    "-m",
                    "pactgraph.cli.main",
                    "serve",
                    "--store",
                    str(data_dir),
                    "--port",
                    str(port),
                ]
                stack.enter_context(
                    _server([*cmd, "--log-level", "warning"], f"http://127.0.0.1:{port}/health", env)
                )
                bases[label] = f"http://127.0.0.1:{port}/sparql"
            oxigraph = shutil.which("oxigraph") or str(Path(python).with_name("oxigraph"))
            port = _free_port()
            stack.enter_context(
                _server(
                    [oxigraph, "serve-read-only", "--location", store_path, "--bind", f"127.0.0.1:{port}"],
                    f"http://127.0.0.1:{port}/query?query=ASK%7B%7D",
                )
            )
            bases["oxigraph"] = f"http://127.0.0.1:{port}/query"
            rdflib_endpoint = shutil.which("rdflib-endpoint") or str(
                Path(python).with_name("rdflib-endpoint")
            )
            if Path(rdflib_endpoint).exists():
                port = _free_port()
                try:
                    stack.enter_context(
                        _server(
                            [rdflib_endpoint, "serve", "--host", "127.0.0.1", "--port", str(port), str(nq)],
                            f"http://127.0.0.1:{port}/",
                            timeout=900,
                        )
                    )
                    bases["rdflib"] = f"http://127.0.0.1:{port}/"
                except RuntimeError as exc:
                    print(f"rdflib-endpoint not measured: {exc}", file=sys.stderr)
            figures: dict[str, dict] = {label: {} for label in bases}
            for name in names:
                for c in concurrencies:
                    for label, base in bases.items():
                        figures[label][(name, c)] = measure_one(base, name, c, seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = []
    for name in names:
        for c in concurrencies:
            ours_, oxi = figures["pactgraph"][(name, c)], figures["oxigraph"][(name, c)]
            cached = figures["cached"][(name, c)]
            rdf = figures.get("rdflib", {}).get((name, c), {})
            rows.append(
                {
                    "query": name,
                    "clients": c,
                    "ours_rps": ours_["rps"],
                    "oxigraph_rps": oxi["rps"],
                    "rdflib_rps": rdf.get("rps", float("nan")),
                    "vs_oxigraph": _ratio(ours_["rps"], oxi["rps"]),
                    "vs_rdflib": _ratio(ours_["rps"], rdf.get("rps", float("nan"))),
                    "ours_p99_ms": ours_["p99_ms"],
                    "oxigraph_p99_ms": oxi["p99_ms"],
                    "p99_ratio": _ratio(ours_["p99_ms"], oxi["p99_ms"]),
                    "cached_rps": cached["rps"],
                    "cached_vs_oxigraph": _ratio(cached["rps"], oxi["rps"]),
                }
            )
    for c in concurrencies:
        mine = [r for r in rows if r["clients"] == c]
        rows.append(
            {
                "query": "GEOMEAN",
                "clients": c,
                "ours_rps": _geomean([r["ours_rps"] for r in mine]),
                "oxigraph_rps": _geomean([r["oxigraph_rps"] for r in mine]),
                "rdflib_rps": _geomean([r["rdflib_rps"] for r in mine]),
                "vs_oxigraph": _geomean([r["vs_oxigraph"] for r in mine]),
                "vs_rdflib": _geomean([r["vs_rdflib"] for r in mine]),
                "ours_p99_ms": float("nan"),
                "oxigraph_p99_ms": float("nan"),
                "p99_ratio": _geomean([r["p99_ratio"] for r in mine]),
                "cached_rps": _geomean([r["cached_rps"] for r in mine]),
                "cached_vs_oxigraph": _geomean([r["cached_vs_oxigraph"] for r in mine]),
            }
        )
    return rows
