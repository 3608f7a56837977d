"""The edge layer, outermost in the application: what it adds to every answer, and how it answers
an error that nothing below it mapped (a bug), on the hot /sparql path that skips the framework."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from pactgraph.api.app import create_app
from pactgraph.core.settings import load_settings


async def _with_app(data_dir, exchange):
    app = create_app(load_settings(data_dir=data_dir, workers=1))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pactgraph.test") as client:
            return await exchange(app, client)


@pytest.fixture
def broken_engine_answers(sample_data_dir):
    """Requests sent to a real app whose engine returns something malformed (a stand-in for a bug:
    the endpoint's own error mapping does not expect it, so only the edge can answer)."""

    def run(*requests):
        async def exchange(app, client):
            async def malformed(*args, **kwargs):
                return "secret internal detail"  # not an answer: reading it raises AttributeError

            app.state.engine.execute = malformed
            return [await client.request(method, "/sparql", **kwargs) for method, kwargs in requests]

        return asyncio.run(_with_app(sample_data_dir, exchange))

    return run


def test_an_unexpected_error_on_the_hot_path_is_a_plain_500_with_the_usual_headers(broken_engine_answers):
    fast, full = broken_engine_answers(
        ("GET", {"params": {"query": "ASK { ?s ?p ?o }"}}),
        ("POST", {"data": {"query": "ASK { ?s ?p ?o }"}}),
    )
    for response in (fast, full):
        assert response.status_code == 500
        assert "Internal error" in response.text
        assert "secret internal detail" not in response.text and "Traceback" not in response.text
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["access-control-allow-origin"] == "*"
