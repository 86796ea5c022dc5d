from __future__ import annotations

import dataclasses

import httpx

from api.app import create_app
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, person
from tests.servers import lifespan

NESTED = """query($a: Int!, $b: Int!) { people(first: $a) { nodes {
  connections(first: $b) { nodes { key } } } } }"""


async def test_cost_multiplies_by_nested_page_sizes(gql: GraphQLClient) -> None:
    assert "errors" not in await gql.send(NESTED, {"a": 10, "b": 10})
    body = await gql.send(NESTED, {"a": 100, "b": 100})
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert body["data"] is None


async def test_depth_and_aliases_are_limited(gql: GraphQLClient) -> None:
    deep = "{ viewer " + "{ connections { nodes " * 6 + "{ key }" + " } }" * 6 + " }"
    assert (await gql.send(deep))["errors"]
    aliases = "{ " + " ".join(f"a{i}: viewer {{ key }}" for i in range(40)) + " }"
    assert (await gql.send(aliases))["errors"]


async def test_mutations_over_the_rate_are_refused(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann")])
    limited = dataclasses.replace(api_settings, mutations_per_minute=3)
    async with lifespan(create_app(settings, limited)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            gql = GraphQLClient(http, limited.jwt_secret)
            update = 'mutation { updateProfile(input: {headline: "x"}) { person { key } } }'
            for _ in range(3):
                await gql.data(update, as_="ann")
            assert await gql.error_code(update, as_="ann") == "RATE_LIMITED"
            assert (await gql.data("{ viewer { key } }", as_="ann"))["viewer"]["key"] == "ann"


async def test_introspection_can_be_switched_off(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> None:
    closed = dataclasses.replace(api_settings, introspection=False)
    async with lifespan(create_app(settings, closed)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            body = await http.post("/graphql", json={"query": "{ __schema { types { name } } }"})
            assert body.json()["errors"]
