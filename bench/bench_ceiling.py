"""What any Python endpoint on this stack can reach on the fastest queries (``python -m bench ceiling``).

Issue 5 asks for >= 0.5x Oxigraph's own server on the smallest, fastest query and >= 0.8x on the
geometric mean of the mix. This benchmark measures the room there is: on the same synthetic graph as
``bench endpoint`` (1M quads, 100k with ``--quick``), at 16 clients, side by side in one run,

- Oxigraph's own server (Rust: HTTP, evaluation and serialisation in one multi-threaded process);
- bare ASGI apps on uvicorn (bench/bare_server.py: no framework, no negotiation, no limits) in two
  processes sharing the socket, answering from memory (``fixed``: the HTTP layer alone), evaluating
  in the event loop (``loop``: forbidden by the issue) and through a thread pool (``thread``: the least
  an endpoint that never blocks its event loop does), and the thread variant in one process;
- pactgraph itself (``pactgraph serve``, default workers, result cache off).

The row that matters is ``bare thread x2``: a Python endpoint that does nothing but hand the query to
pyoxigraph off the event loop. If it is below a target, no design on this stack reaches the target.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.bench_endpoint import _free_port, _ratio, _server, build_data, measure_one

QUERIES = ("property_path", "describe", "provenance")
BARE = (("bare fixed x2", 2, "fixed"), ("bare loop x2", 2, "loop"), ("bare thread x2", 2, "thread"),
        ("bare thread x1", 1, "thread"))  # fmt: skip


def run(quick: bool) -> list[dict]:
    documents = 550 if quick else 5500
    seconds = 2.0 if quick else 5.0
    clients = 16
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="pactgraph-bench-ceiling-"))
    try:
        data_dir, _ = build_data(work, documents)
        pointer = Path(json.loads((data_dir / "CURRENT").read_text())["path"])
        store_path = str(pointer if pointer.is_absolute() else data_dir / pointer)
        bases: dict[str, str] = {}
        root = str(Path(__file__).resolve().parent.parent)
        with contextlib.ExitStack() as stack:
            port = _free_port()
            oxigraph = shutil.which("oxigraph") or str(Path(python).with_name("oxigraph"))
            command = [oxigraph, "serve-read-only", "--location", store_path, "--bind", f"127.0.0.1:{port}"]
            stack.enter_context(_server(command, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D"))
            bases["oxigraph"] = f"http://127.0.0.1:{port}/query"
            for label, processes, mode in BARE:
                port = _free_port()
                command = [python, "-m", "bench.bare_server", str(data_dir), str(port), str(processes), mode]
                env = {"PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
                stack.enter_context(_server(command, f"http://127.0.0.1:{port}/health", env))
                bases[label] = f"http://127.0.0.1:{port}/sparql"
            port = _free_port()
            command = [python, "-m", "pactgraph.cli.main", "serve", "--store", str(data_dir), "--port",
                       str(port), "--log-level", "warning"]  # fmt: skip
            env = {"PACTGRAPH_RESULT_CACHE_ENTRIES": "0", "PACTGRAPH_BASE_URL": f"http://127.0.0.1:{port}"}
            stack.enter_context(_server(command, f"http://127.0.0.1:{port}/health", env))
            bases["pactgraph"] = f"http://127.0.0.1:{port}/sparql"
            figures = {
                (name, label): measure_one(base, name, clients, seconds)
                for name in QUERIES
                for label, base in bases.items()  # the servers take turns on each query
            }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for name in QUERIES:
        oxigraph_rps = figures[(name, "oxigraph")]["rps"]
        for label in bases:
            rps = figures[(name, label)]["rps"]
            rows.append(
                {
                    "query": name,
                    "server": label,
                    "clients": clients,
                    "rps": rps,
                    "vs_oxigraph": _ratio(rps, oxigraph_rps),
                    "errors": figures[(name, label)]["errors"],
                }
            )
    return rows
