"""The W3C-derived SPARQL protocol conformance suite (../shared/conformance) against a real server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "sparql_protocol_suite.py"
TOKEN = "conformance-token-0123456789"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not SUITE.exists(), reason=f"conformance suite not found at {SUITE} (../shared absent)"
    ),
]


def run_suite(*args: str) -> tuple[int, int, int, str]:
    """Run the suite; (passed, failed, skipped, output) parsed from its final line."""
    done = subprocess.run(
        [sys.executable, str(SUITE), *args], capture_output=True, text=True, timeout=300, check=False
    )
    match = re.search(r"(\d+) passed, (\d+) failed, (\d+) skipped\s*$", done.stdout)
    assert match, f"no summary line in the suite output:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    passed, failed, skipped = map(int, match.groups())
    failures = "\n".join(line for line in done.stdout.splitlines() if line.startswith("FAIL"))
    return passed, failed, skipped, failures


@pytest.fixture(scope="module")
def fixture_nquads() -> bytes:
    return subprocess.run(
        [sys.executable, str(SUITE), "--print-fixture"], capture_output=True, check=True, timeout=60
    ).stdout


def test_conformance_read_only_with_fixture_preloaded(
    tmp_path, fixture_nquads, publish_store, server_factory
):
    publish_store(tmp_path, fixture_nquads)
    server = server_factory(tmp_path)
    passed, failed, skipped, failures = run_suite("--query-url", server.sparql)
    print(f"read-only: {passed} passed, {failed} failed, {skipped} skipped")
    assert failed == 0, failures
    assert passed >= 45  # every query-side test (updates and Graph Store need URLs not given here)


def test_conformance_read_write_with_token(tmp_path, fixture_nquads, publish_store, server_factory):
    publish_store(tmp_path, fixture_nquads)
    server = server_factory(tmp_path, update_token=TOKEN)
    passed, failed, skipped, failures = run_suite(
        "--query-url",
        server.sparql,
        "--update-url",
        server.sparql,
        "--gsp-url",
        server.store,
        "--token",
        TOKEN,
    )
    print(f"read-write: {passed} passed, {failed} failed, {skipped} skipped")
    assert failed == 0, failures
    assert passed >= 90  # all but gsp/put_get_default, which needs --destructive
