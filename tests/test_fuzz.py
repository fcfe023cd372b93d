"""The GraphQL endpoint fuzzed with schemathesis, in process over ASGI: queries generated
from the schema (every root field, arguments of every type and shape) must never get a
server error, nor an internal error masked in a 200. A fixed budget of examples per field
keeps it in CI."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from kb.api.app import create_app
from kb.api.limits import MASKED_MESSAGE
from kb.config import Settings

EXAMPLES_PER_FIELD = 25


@pytest.fixture(scope="module")
def operations(seeded_sqlite):
    # The answer cache is off so every generated query runs.
    app = create_app(Settings(database_url=seeded_sqlite, response_cache_size=0))
    schema = schemathesis.graphql.from_asgi("/graphql", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_root_field_is_fuzzed(operations):
    names = {operation.label for operation in operations}
    assert len(names) >= 10 and any("statements" in name for name in names), names


def _fuzz(operation, failures: list[str]) -> None:  # noqa: ANN001
    @settings(max_examples=EXAMPLES_PER_FIELD, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case):  # noqa: ANN001
        response = case.call()
        # A 5xx, or a masked internal error inside a 200: both are the server's fault.
        if response.status_code >= 500 or MASKED_MESSAGE in response.text:
            failures.append(f"{operation.label}: {response.status_code} {response.text[:200]} for {case.body!r}")

    run()


def test_no_generated_query_gets_a_server_error(operations):
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, failures)
    assert not failures, "\n".join(failures[:10])
