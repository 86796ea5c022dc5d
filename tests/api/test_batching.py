"""Batches through the real app: off by default, bounded, and the limits over the whole batch."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.auth import issue_token
from api.negotiation import GRAPHQL_RESPONSE_JSON
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.builders import build, person
from tests.servers import lifespan

MAX_BATCH = 4
PER_MINUTE = 3
# About 14,000: it fits in the default limit of 20,000, twice does not.
WIDE = "{ people(first: 70) { nodes { connections(first: 100) { nodes { key } } } } }"
HEADLINE = '{ person(key: "ann") { headline } }'


def _update(headline: str) -> dict[str, str]:
    mutation = 'mutation { updateProfile(input: {headline: "%s"}) { person { key } } }'
    return {"query": mutation % headline}


@pytest.fixture
async def batching(
    settings: Settings, api_settings: ApiSettings, empty_graph: Database
) -> AsyncIterator[httpx.AsyncClient]:
    await build(empty_graph, people=[person("ann", headline="before")])
    on = dataclasses.replace(api_settings, max_batch=MAX_BATCH, mutations_per_minute=PER_MINUTE)
    headers = {"authorization": f"Bearer {issue_token(on.jwt_secret, 'ann')}"}
    async with lifespan(create_app(settings, on)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://t", headers=headers
        ) as http:
            yield http


async def _batch(http: httpx.AsyncClient, *operations: Any) -> list[dict[str, Any]]:
    response = await http.post("/graphql", json=list(operations))
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()
    assert len(results) == len(operations)
    return results


def _code(result: dict[str, Any]) -> str | None:
    return result["errors"][0]["extensions"]["code"] if "errors" in result else None


async def test_a_batch_answers_each_operation_in_order(batching: httpx.AsyncClient) -> None:
    first, second = await _batch(
        batching,
        {"query": "{ viewer { key } }"},
        {"query": "query($k: String!) { person(key: $k) { name } }", "variables": {"k": "ann"}},
    )
    assert first == {"data": {"viewer": {"key": "ann"}}}
    assert second == {"data": {"person": {"name": "Ann"}}}


async def test_operations_run_in_order_each_on_its_own(batching: httpx.AsyncClient) -> None:
    """A later operation sees what an earlier one wrote; one that fails fails alone."""
    results = await _batch(
        batching,
        _update("after"),
        {"query": HEADLINE},
        {"query": "{ nowhere }"},
        {"query": "subscription { mentorshipRequestUpdated { key } }"},
    )
    assert [_code(r) for r in results] == [
        None,
        None,
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_REQUEST",
    ]
    assert results[1]["data"] == {"person": {"headline": "after"}}


async def test_the_summed_cost_of_a_batch_is_limited(batching: httpx.AsyncClient) -> None:
    alone = await batching.post("/graphql", json={"query": WIDE})
    assert "errors" not in alone.json()
    results = await _batch(batching, {"query": WIDE}, {"query": WIDE}, {"query": HEADLINE})
    # The second would take the batch over 20,000; the cheap third fits in what is left.
    assert [_code(r) for r in results] == [None, "QUERY_TOO_COSTLY", None]
    assert "left of the limit" in results[1]["errors"][0]["message"]
    # The next request has a budget of its own.
    assert [_code(r) for r in await _batch(batching, {"query": WIDE})] == [None]


async def test_every_mutation_of_a_batch_counts_against_the_rate(
    batching: httpx.AsyncClient,
) -> None:
    results = await _batch(
        batching, _update("one"), _update("two"), _update("three"), _update("four")
    )
    assert [_code(r) for r in results] == [None, None, None, "RATE_LIMITED"]
    assert (await _batch(batching, {"query": HEADLINE}))[0]["data"] == {
        "person": {"headline": "three"}
    }
    # The window is the viewer's, batch or not.
    alone = await batching.post("/graphql", json=_update("five"))
    assert _code(alone.json()) == "RATE_LIMITED"


async def test_a_request_error_in_a_batch_has_no_data_under_the_new_media_type(
    batching: httpx.AsyncClient,
) -> None:
    batch = [{"query": "{ viewer { key } }"}, {"query": "{"}]
    response = await batching.post(
        "/graphql", json=batch, headers={"accept": GRAPHQL_RESPONSE_JSON}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    ok, unparsed = response.json()
    assert ok == {"data": {"viewer": {"key": "ann"}}}
    assert "data" not in unparsed
    assert _code(unparsed) == "GRAPHQL_PARSE_FAILED"


REFUSED = [
    [],
    [{"query": "{ __typename }"}] * (MAX_BATCH + 1),
    [{"query": "{ __typename }"}, "{ __typename }"],
    [{"query": "{ __typename }"}, {"query": "{ __typename }", "variables": []}],
    [{"query": 1}],
    [{"query": "{ __typename }", "operationName": ["x"]}],
]


@pytest.mark.parametrize("batch", REFUSED, ids=["empty", "too-many", "a-string", "variables",
                                                 "query", "operation-name"])  # fmt: skip
async def test_a_batch_that_cannot_run_whole_is_refused_before_anything_runs(
    batching: httpx.AsyncClient, batch: list[Any]
) -> None:
    response = await batching.post("/graphql", json=batch)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_refused_batch_writes_nothing(batching: httpx.AsyncClient) -> None:
    response = await batching.post("/graphql", json=[_update("refused"), "not an operation"])
    assert response.status_code == 400
    assert (await _batch(batching, {"query": HEADLINE}))[0]["data"] == {
        "person": {"headline": "before"}
    }


async def test_a_persisted_document_refused_in_a_batch_fails_that_entry_alone(
    batching: httpx.AsyncClient,
) -> None:
    """Apollo's BatchHttpLink with persisted queries wants one answer per operation."""
    unknown = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "b" * 64}}}
    bad_version = {"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "b" * 64}}}
    found = await _batch(batching, {"query": HEADLINE}, unknown, bad_version)
    assert found[0] == {"data": {"person": {"headline": "before"}}}
    assert [_code(result) for result in found[1:]] == ["PERSISTED_QUERY_NOT_FOUND", "BAD_REQUEST"]
