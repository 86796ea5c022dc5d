from __future__ import annotations

import dataclasses

import httpx

from api.app import create_app
from api.errors import TIMED_OUT_MESSAGE, UNAVAILABLE_MESSAGE
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.builders import fixture_statement
from tests.servers import lifespan


async def test_healthz_answers_without_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200


async def test_readyz_is_200_when_neo4j_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_readyz_is_503_with_a_fixed_reason_when_neo4j_is_away(settings: Settings) -> None:
    away = dataclasses.replace(settings, neo4j_uri="bolt://127.0.0.1:1")
    app = create_app(away)
    async with lifespan(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] in {UNAVAILABLE_MESSAGE, TIMED_OUT_MESSAGE}
    assert "127.0.0.1" not in response.text


async def test_a_graphql_query_reaches_neo4j(
    client: httpx.AsyncClient, empty_graph: Database
) -> None:
    await empty_graph.write(fixture_statement("create_placeholder"), {"key": "ada"})
    query = "query($key: String!) { person(key: $key) { key } }"
    found = await client.post("/graphql", json={"query": query, "variables": {"key": "ada"}})
    missing = await client.post("/graphql", json={"query": query, "variables": {"key": "nobody"}})
    assert found.json() == {"data": {"person": {"key": "ada"}}}
    assert missing.json()["data"] == {"person": None}
    assert missing.json()["errors"][0]["extensions"] == {"code": "NOT_FOUND"}


async def test_a_graphql_syntax_error_reaches_the_client_with_a_code(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post("/graphql", json={"query": "{ person(key: "})
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert "Syntax Error" in error["message"]


async def test_graphiql_is_served_unless_switched_off(
    settings: Settings, api_settings: ApiSettings
) -> None:
    for enabled in (True, False):
        app = create_app(settings, dataclasses.replace(api_settings, graphiql=enabled))
        async with lifespan(app) as manager:
            transport = httpx.ASGITransport(app=manager.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                page = await http.get("/graphql", headers={"Accept": "text/html"})
        assert ("graphiql" in page.text.lower()) is enabled
