"""Automatic persisted queries over HTTP, as Apollo Client's persisted query link sends them.

The link first sends `extensions.persistedQuery` without the `query` (POST, or GET with
`useGETForHashedQueries`); on `PersistedQueryNotFound` it sends the full text with the
hash by POST, which runs and registers it. The real app, and for the shared store two
uvicorn processes on one real redis-server.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.persisted import NO_CACHE
from api.settings import ApiSettings
from api.trusted_documents import sha256_hex
from graph.database import Database
from graph.settings import Settings
from tests.servers import api_server, lifespan, redis_server

QUERY = "query Viewer { viewer { name } }"
HASH = sha256_hex(QUERY)
VIEWER = {"data": {"viewer": None}}


def hashed(sha256: str = HASH, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": sha256}}


async def post(http: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await http.post("/graphql", json=body)


async def get(http: httpx.AsyncClient, **params: Any) -> httpx.Response:
    """As the link sends a hashed query by GET: `extensions` as JSON in the URL."""
    encoded = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}
    return await http.get("/graphql", params=encoded, headers={"accept": "application/json"})


def error_of(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["cache-control"] == NO_CACHE
    (error,) = response.json()["errors"]
    return dict(error)


@pytest.fixture
async def apq(
    request: pytest.FixtureRequest, settings: Settings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    """The real app; parametrized indirectly, a dict of ApiSettings to change."""
    overrides = getattr(request, "param", {})
    api_settings = dataclasses.replace(ApiSettings.from_env(), **overrides)
    app = create_app(settings, api_settings)
    async with lifespan(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def test_an_unknown_hash_asks_for_the_text_which_registers_it(
    apq: httpx.AsyncClient,
) -> None:
    # Apollo Server's answer, the one the link retries on: 200, both message and code.
    miss = error_of(await post(apq, extensions=hashed()), 200)
    assert miss == {
        "message": "PersistedQueryNotFound",
        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
    }
    registered = await post(apq, query=QUERY, extensions=hashed())
    assert registered.json() == VIEWER
    assert (await post(apq, extensions=hashed())).json() == VIEWER
    hit = await get(apq, extensions=hashed())
    assert hit.status_code == 200, hit.text
    assert hit.json() == VIEWER
    # The GraphQL-over-HTTP persisted documents form names the same document.
    assert (await post(apq, documentId=f"sha256:{HASH}")).json() == VIEWER


async def test_a_get_miss_is_answered_like_a_post_miss(apq: httpx.AsyncClient) -> None:
    error = error_of(await get(apq, extensions=hashed()), 200)
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_hash_that_is_not_the_texts_is_refused_and_registers_nothing(
    apq: httpx.AsyncClient,
) -> None:
    other = "{ viewer { key } }"
    error = error_of(await post(apq, query=other, extensions=hashed()), 400)
    assert error == {
        "message": "provided sha does not match query",
        "extensions": {"code": "BAD_REQUEST"},
    }
    miss = error_of(await post(apq, extensions=hashed()), 200)
    assert miss["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize(
    "extensions",
    [
        hashed(version=2),
        hashed(sha256="not-a-hash"),
        hashed(sha256=HASH.upper()),
        {"persistedQuery": "x"},
        {"persistedQuery": {"sha256Hash": HASH}},
    ],
)
async def test_a_malformed_persisted_query_answers_400(
    apq: httpx.AsyncClient, extensions: dict[str, Any]
) -> None:
    error = error_of(await post(apq, extensions=extensions), 400)
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_a_document_id_that_is_not_a_string_answers_400(apq: httpx.AsyncClient) -> None:
    for key in ("documentId", "doc_id"):
        error = error_of(await post(apq, **{key: 1}), 400)
        assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_plain_requests_still_run_and_register_nothing(apq: httpx.AsyncClient) -> None:
    assert (await post(apq, query=QUERY)).json() == VIEWER
    miss = error_of(await post(apq, extensions=hashed()), 200)
    assert miss["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("apq", [{"persisted_queries": False}], indirect=True)
async def test_switched_off_a_hash_answers_not_supported(apq: httpx.AsyncClient) -> None:
    for request in ({"extensions": hashed()}, {"query": QUERY, "extensions": hashed()}):
        error = error_of(await post(apq, **request), 200)
        assert error == {
            "message": "PersistedQueryNotSupported",
            "extensions": {"code": "PERSISTED_QUERY_NOT_SUPPORTED"},
        }
    assert (await post(apq, query=QUERY)).json() == VIEWER


@pytest.mark.parametrize("apq", [{"persisted_query_bytes": len(QUERY) - 1}], indirect=True)
async def test_a_document_over_the_size_bound_runs_but_is_not_stored(
    apq: httpx.AsyncClient,
) -> None:
    assert (await post(apq, query=QUERY, extensions=hashed())).json() == VIEWER
    miss = error_of(await post(apq, extensions=hashed()), 200)
    assert miss["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("apq", [{"persisted_query_entries": 1}], indirect=True)
async def test_the_store_keeps_at_most_its_bound(apq: httpx.AsyncClient) -> None:
    other = "{ viewer { key } }"
    await post(apq, query=QUERY, extensions=hashed())
    await post(apq, query=other, extensions=hashed(sha256_hex(other)))
    miss = error_of(await post(apq, extensions=hashed()), 200)
    assert miss["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert (await post(apq, extensions=hashed(sha256_hex(other)))).json() == {
        "data": {"viewer": None}
    }


@pytest.fixture(scope="module")
def two_processes(settings: Settings, database: Database) -> Iterator[tuple[str, str]]:
    """Two API processes sharing one real redis-server."""
    with redis_server() as url:
        env = {"NEO4J_URI": settings.neo4j_uri, "REDIS_URL": url}
        with api_server(env) as first, api_server(env) as second:
            yield first, second


async def test_a_document_registered_through_one_process_is_found_through_another(
    two_processes: tuple[str, str],
) -> None:
    first, second = two_processes
    async with (
        httpx.AsyncClient(base_url=first, timeout=30) as one,
        httpx.AsyncClient(base_url=second, timeout=30) as other,
    ):
        miss = error_of(await post(other, extensions=hashed()), 200)
        assert miss["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        assert (await post(one, query=QUERY, extensions=hashed())).json() == VIEWER
        assert (await get(other, extensions=hashed())).json() == VIEWER
