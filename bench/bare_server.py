"""A bare ASGI server over the store, for ``bench/bench_ceiling.py``: no framework, no policy, no limits.

``python -m bench.bare_server DATA_DIR PORT PROCESSES MODE`` serves ``GET /sparql?query=...`` with
uvicorn (httptools, uvloop) in PROCESSES forked processes, each with its own listening socket on the
port (SO_REUSEPORT: the kernel spreads the connections evenly; with one shared socket, whichever
process wakes first takes most of a client's keep-alive connections), TCP_NODELAY set on every
connection (uvicorn leaves it off on a socket handed to it: uvicorn issue 3149). MODE:

- ``fixed``: the answer of the first request, served again from memory (the HTTP layer alone);
- ``loop``: pyoxigraph evaluates in the event loop (what the issue forbids: one slow query stalls all);
- ``thread``: pyoxigraph evaluates in a thread pool (the least an endpoint that never blocks its
  event loop must do; pyoxigraph releases the GIL while it evaluates).

It measures what any Python endpoint on this stack can reach, not something to serve with.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox


def _open_current(data_dir: Path) -> ox.Store:
    path = Path(json.loads((data_dir / "CURRENT").read_text())["path"])
    return ox.Store.read_only(str(path if path.is_absolute() else data_dir / path))


def make_app(data_dir: Path, mode: str):
    store = _open_current(data_dir)
    pool = ThreadPoolExecutor(4)
    answered: dict[str, tuple[bytes, bytes]] = {}

    def evaluate(text: str) -> tuple[bytes, bytes]:
        result = store.query(text)
        if isinstance(result, ox.QueryTriples):
            return result.serialize(format=ox.RdfFormat.TURTLE), b"text/turtle"
        return result.serialize(format=ox.QueryResultsFormat.JSON), b"application/sparql-results+json"

    async def app(scope, receive, send) -> None:
        if scope["type"] != "http":
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            return
        if scope["path"] != "/sparql":
            body, media = b"ok", b"text/plain"
        else:
            text = parse_qs(scope["query_string"].decode())["query"][0]
            if mode == "fixed":
                if text not in answered:
                    answered[text] = evaluate(text)
                body, media = answered[text]
            elif mode == "loop":
                body, media = evaluate(text)
            else:
                body, media = await asyncio.wrap_future(pool.submit(evaluate, text))
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", media)]})
        await send({"type": "http.response.body", "body": body})

    return app


def _serve(sock: socket.socket, data_dir: Path, mode: str) -> None:
    import uvicorn
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class NoDelay(HttpToolsProtocol):
        def connection_made(self, transport) -> None:  # type: ignore[override]
            raw = transport.get_extra_info("socket")
            if raw is not None:
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            super().connection_made(transport)

    config = uvicorn.Config(
        make_app(data_dir, mode), http=NoDelay, loop="uvloop", lifespan="off", log_level="warning",
        access_log=False, server_header=False,
    )  # fmt: skip
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


def main(argv: list[str]) -> None:
    data_dir, port, processes, mode = Path(argv[0]), int(argv[1]), int(argv[2]), argv[3]
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:
            try:
                sock = socket.socket()
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                sock.bind(("127.0.0.1", port))
                sock.listen(2048)
                _serve(sock, data_dir, mode)
            finally:
                os._exit(0)
        children.append(pid)

    def stop(*_: object) -> None:
        for pid in children:
            os.kill(pid, signal.SIGTERM)
        for pid in children:
            os.waitpid(pid, 0)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    for pid in children:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main(sys.argv[1:])
