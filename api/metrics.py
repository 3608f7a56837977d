"""Prometheus metrics: requests by route, status and format, a latency histogram, engine counters.

Each app has its own registry (tests build several apps in one process). Engine counters
(timeouts, crashed workers, cache hits) are read from the engine when ``/metrics`` is scraped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class _EngineCollector(Collector):
    def __init__(self, stats: Callable[[], dict[str, Any]]) -> None:
        self.stats = stats

    def collect(self) -> Iterator[Any]:
        stats = self.stats()
        yield CounterMetricFamily(
            "pactgraph_query_timeouts",
            "Requests stopped at PACTGRAPH_QUERY_TIMEOUT",
            value=stats.get("timeouts", 0),
        )
        yield CounterMetricFamily(
            "pactgraph_worker_crashes",
            "Worker processes that died while evaluating",
            value=stats.get("crashes", 0),
        )
        yield CounterMetricFamily(
            "pactgraph_cache_hits", "Result cache hits", value=stats.get("cache_hits", 0)
        )
        yield CounterMetricFamily(
            "pactgraph_cache_misses", "Result cache misses", value=stats.get("cache_misses", 0)
        )
        yield GaugeMetricFamily(
            "pactgraph_cache_entries", "Answers in the result cache", value=stats.get("cache_entries", 0)
        )


class Metrics:
    """The metrics of one app."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "pactgraph_http_requests",
            "HTTP requests answered",
            ["route", "status", "format"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "pactgraph_http_request_duration_seconds",
            "Time to answer a request",
            ["route"],
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self._children: dict[tuple[str, int, str], Any] = {}
        self._histograms: dict[str, Any] = {}

    def watch_engine(self, stats: Callable[[], dict[str, Any]]) -> None:
        self.registry.register(_EngineCollector(stats))

    def observe(self, route: str, status: int, fmt: str, seconds: float) -> None:
        key = (route, status, fmt)
        counter = self._children.get(key)
        if counter is None:  # .labels() is a dict lookup under a lock: keep the children ourselves
            counter = self._children[key] = self.requests.labels(route, str(status), fmt)
        counter.inc()
        histogram = self._histograms.get(route)
        if histogram is None:
            histogram = self._histograms[route] = self.latency.labels(route)
        histogram.observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
