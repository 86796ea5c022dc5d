"""Status codes and shapes per media type (GraphQL over HTTP, "Status Codes")."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api.negotiation import GRAPHQL_RESPONSE_JSON
from tests.api.graphql import GraphQLClient

NEW = {"accept": GRAPHQL_RESPONSE_JSON}
LEGACY = {"accept": "application/json"}
COSTLY = """{ people(first: 100) { nodes { connections(first: 100) {
  nodes { connections(first: 100) { nodes { key } } } } } } }"""

REQUEST_ERRORS = [
    ({"query": "{"}, 400, "GRAPHQL_PARSE_FAILED"),
    ({"query": "{ nowhere }"}, 400, "GRAPHQL_VALIDATION_FAILED"),
    ({"query": "query($n: Int!) { people(first: $n) { nodes { key } } }",
      "variables": {"n": "ten"}}, 400, "BAD_USER_INPUT"),
    ({"query": COSTLY}, 400, "QUERY_TOO_COSTLY"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "status", "code"), REQUEST_ERRORS)
async def test_a_request_error_is_4xx_without_data(
    client: httpx.AsyncClient, body: dict[str, Any], status: int, code: str
) -> None:
    response = await client.post("/graphql", json=body, headers=NEW)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    result = response.json()
    assert "data" not in result
    assert result["errors"][0]["extensions"]["code"] == code
    # A legacy client gets the same errors as a 200, `data: null` included.
    legacy = await client.post("/graphql", json=body, headers=LEGACY)
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == "application/json"
    assert legacy.json() == {"data": None, **result}


async def test_a_bad_token_is_401(client: httpx.AsyncClient) -> None:
    headers = {**NEW, "authorization": "Bearer not-a-token"}
    response = await client.post("/graphql", json={"query": "{ viewer { key } }"}, headers=headers)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_field_error_is_200_with_data(client: httpx.AsyncClient) -> None:
    """Execution started: the result is 200 whatever its fields' errors, `data: null`
    included, where a non-null field's error reached the root."""
    admins_only = {"query": "{ reports { nodes { key } } }"}  # a non-null field, refused
    response = await client.post("/graphql", json=admins_only, headers=NEW)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["data"] is None
    assert result["errors"][0]["path"] == ["reports"]


async def test_a_result_is_200_in_either_media_type(gql: GraphQLClient) -> None:
    for accept in (NEW, LEGACY):
        response = await gql.http.post("/graphql", json={"query": "{ __typename }"}, headers=accept)
        assert response.status_code == 200
        assert response.headers["content-type"] == accept["accept"]
        assert response.json() == {"data": {"__typename": "Query"}}
