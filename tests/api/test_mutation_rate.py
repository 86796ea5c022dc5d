"""The mutation rate counts mutations, not requests, and holds across processes via Redis."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import httpx
import pytest

from api.app import create_app
from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, person
from tests.servers import api_server, lifespan, redis_server

SECRET = ApiSettings.from_env().jwt_secret


def _updates(count: int, headline: str) -> str:
    fields = (
        f'u{i}: updateProfile(input: {{headline: "{headline}"}}) {{ person {{ key }} }}'
        for i in range(count)
    )
    return "mutation { " + " ".join(fields) + " }"


async def test_each_aliased_mutation_counts(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann", headline="before")])
    limited = dataclasses.replace(api_settings, mutations_per_minute=5)
    headline = '{ person(key: "ann") { headline } }'
    async with lifespan(create_app(settings, limited)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            gql = GraphQLClient(http, limited.jwt_secret)
            # Six in one request are over five: refused whole, nothing written.
            assert await gql.error_code(_updates(6, "six"), as_="ann") == "RATE_LIMITED"
            assert (await gql.data(headline))["person"]["headline"] == "before"
            await gql.data(_updates(3, "three"), as_="ann")
            # Two more through a fragment on Mutation: five in all.
            spread = """mutation { ...Two } fragment Two on Mutation {
              a: updateProfile(input: {headline: "a"}) { person { key } }
              b: updateProfile(input: {headline: "b"}) { person { key } } }"""
            await gql.data(spread, as_="ann")
            assert await gql.error_code(_updates(1, "one"), as_="ann") == "RATE_LIMITED"
            assert (await gql.data(headline))["person"]["headline"] == "b"
            # A query is not a mutation, and others have their own window.
            assert (await gql.data("{ viewer { key } }", as_="ann"))["viewer"]["key"] == "ann"


@pytest.fixture
def two_processes(settings: Settings, empty_graph: Database) -> Iterator[tuple[str, str]]:
    with redis_server() as url:
        env = {
            "NEO4J_URI": settings.neo4j_uri,
            "MENTORGRAPH_JWT_SECRET": SECRET,
            "MENTORGRAPH_MUTATIONS_PER_MINUTE": "6",
            "REDIS_URL": url,
        }
        with api_server(env) as first, api_server(env) as second:
            yield first, second


async def test_the_rate_holds_across_processes_through_redis(
    two_processes: tuple[str, str], empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann")])
    first, second = two_processes
    headers = {"Authorization": f"Bearer {issue_token(SECRET, 'ann')}"}

    async def send(base: str, count: int) -> str | None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            response = await http.post(
                "/graphql", json={"query": _updates(count, "x")}, headers=headers
            )
        errors = response.json().get("errors")
        return str(errors[0]["extensions"]["code"]) if errors else None

    # Six a minute between both processes: 4 + 2 pass, then neither takes one more.
    assert await send(first, 4) is None
    assert await send(second, 3) == "RATE_LIMITED"
    assert await send(second, 2) is None
    assert await send(first, 1) == "RATE_LIMITED"
    assert await send(second, 1) == "RATE_LIMITED"
