"""Fixtures of the web tests: a real uvicorn server running only the web router on the small
sample graph (tests/web/sample_graph.py), and an httpx client for it."""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from pactgraph.api.web import router
from pactgraph.core.settings import load_settings

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "pactgraph_web_sample_graph", Path(__file__).parent / "sample_graph.py"
)
assert _spec and _spec.loader
sample_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample_graph)


def make_web_app(engine: object, **settings: object) -> FastAPI:
    app = FastAPI()
    app.state.settings = load_settings(**settings)
    app.state.engine = engine
    app.include_router(router)
    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThreadServer:
    """uvicorn on 127.0.0.1 in a background thread, stopped by :meth:`stop`."""

    def __init__(self, app: FastAPI, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start within 10 s")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def web_sample_text():
    """The sample graph module (its TEXT and sentences())."""
    return sample_graph


@pytest.fixture(scope="session")
def web_sample_store():
    return sample_graph.sample_store(REPO)


@pytest.fixture(scope="session")
def web_dumps_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "dumps"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def web_server(web_sample_store, web_dumps_dir) -> Iterator[ThreadServer]:
    port = free_port()
    app = make_web_app(
        sample_graph.StoreEngine(web_sample_store),
        data_dir=web_dumps_dir.parent,
        base_url=f"http://127.0.0.1:{port}",
    )
    server = ThreadServer(app, port).start()
    yield server
    server.stop()


@pytest.fixture()
def web_client(web_server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=web_server.url, timeout=30) as client:
        yield client


@pytest.fixture()
def start_web_server(web_sample_store) -> Iterator[object]:
    """A factory for extra servers on the sample graph with other settings (stopped afterwards)."""
    servers: list[ThreadServer] = []

    def start(store: object = None, **settings: object) -> ThreadServer:
        port = free_port()
        engine = sample_graph.StoreEngine(store if store is not None else web_sample_store)
        app = make_web_app(engine, base_url=f"http://127.0.0.1:{port}", **settings)
        servers.append(ThreadServer(app, port).start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def _server_fixtures():
    """tests/fixtures/server.py (the API side's real-server helpers), loaded as the root conftest does."""
    path = REPO / "tests" / "fixtures" / "server.py"
    if not path.is_file():
        pytest.skip("tests/fixtures/server.py (real-server helpers) is missing")
    spec = importlib.util.spec_from_file_location("pactgraph_web_server_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def real_server_helpers():
    """The API side's helpers: ``publish_nquads(data_dir, nquads)``, ``start_server(data_dir, **env)``."""
    return _server_fixtures()


@pytest.fixture(scope="session")
def real_web_server(tmp_path_factory, real_server_helpers):
    """``pactgraph serve`` (the whole app: /sparql, worker pool, web views) on the sample graph."""
    helpers = real_server_helpers
    data_dir = tmp_path_factory.mktemp("web-real-store")
    helpers.publish_nquads(data_dir, sample_graph.sample_nquads(REPO))
    server = helpers.start_server(data_dir, workers=1)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def vendor_assets() -> None:
    """Skip unless the npm front-end libraries are installed (``make assets`` runs ``npm ci``)."""
    missing = [
        name
        for name in ("@zazuko/yasgui/build/yasgui.min.js", "cytoscape/dist/cytoscape.min.js")
        if not (REPO / "node_modules" / name).is_file()
    ]
    if missing:
        pytest.skip(f"front-end libraries not installed ({', '.join(missing)}): run `make assets`")
