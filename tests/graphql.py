"""What the API tests share: a GraphQL call, and the SQL statements one request sends (the
client over the seeded database is conftest's ``client``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from starlette.testclient import TestClient

from kb.api.app import create_app
from kb.config import Settings


def gql(client: TestClient, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole JSON answer of a request the server took (errors included)."""
    response = client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    return response.json()


def executed(url: str, query: str) -> tuple[list[str], dict[str, Any]]:
    """The SQL statements one request sends to a fresh server over ``url``, and its data."""
    with TestClient(create_app(Settings(database_url=url))) as client:
        engine = client.app.state.database.sync_engine
        statements: list[str] = []

        def count(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            body = client.post("/graphql", json={"query": query}).json()
        finally:
            event.remove(engine, "before_cursor_execute", count)
    assert "errors" not in body, body
    return statements, body["data"]
