"""schemathesis against the running server's own /openapi.json: no 5xx, every response as documented.

The example budget is ``PACTGRAPH_FUZZ_EXAMPLES`` per operation (CI: a small fixed budget; ``make fuzz``:
2,000) with a fixed seed, so a failure found in CI replays the same way on a laptop. Every operation
is fuzzed and every failure is reported with a curl line to reproduce it, not just the first.
"""

from __future__ import annotations

import os

import hypothesis
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("PACTGRAPH_FUZZ_EXAMPLES", "15"))
SEED = 20261201
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schemathesis.serializer("application/sparql-query", "application/sparql-update")
def _sparql_text(ctx, value):  # noqa: ANN001, ANN202 - schemathesis' serializer signature
    """SPARQL bodies are plain text: send whatever was generated as its string form."""
    return str(value).encode("utf-8", errors="surrogatepass") if value is not None else b""


def _fuzz(operation, base_url: str) -> list[str]:
    """Failures (one line each, with a curl reproduction) of *operation* under the example budget."""
    failures: list[str] = []

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        database=None,
    )
    @hypothesis.seed(SEED)
    @hypothesis.given(operation.as_strategy())
    def run(case) -> None:  # noqa: ANN001
        if len(failures) >= 3:  # enough to diagnose one operation; go on to the next
            return
        try:
            case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=30)
        except (Failure, FailureGroup) as exc:
            found = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
            titles = "; ".join(
                sorted({f"{f.title}: {f.message.splitlines()[0] if f.message else ''}" for f in found})
            )
            failures.append(f"{operation.label}: {titles}\n    {case.as_curl_command()}")

    run()
    return failures


def test_every_operation_answers_without_5xx_and_as_documented(live_server):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/openapi.json")
    failures: list[str] = []
    tested = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        failures += _fuzz(operation, live_server.url)
        tested += 1
    assert tested >= 20, f"only {tested} operations in /openapi.json"
    assert not failures, "\n".join(failures)
