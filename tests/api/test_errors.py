"""What errors tell a client: nothing of the inside.

With Neo4j away, no answer names the database's address or repeats the driver's
words (they are logged, under the request id the answer carries): a query, a
mutation, a subscription's start, an operation over WebSocket, `/readyz`. With
introspection off, no validation or input error hints at names ("Did you mean …").
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.auth import issue_token
from api.errors import TIMED_OUT_MESSAGE, UNAVAILABLE_MESSAGE
from api.settings import ApiSettings
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.servers import api_server, free_port, lifespan
from tests.ws import TRANSPORT_WS, Socket

FIXED = {UNAVAILABLE_MESSAGE, TIMED_OUT_MESSAGE}
INSIDE = ("bolt", "127.0.0.1", "neo4j", "connect", "resolved", "handshake", "errno")
QUERY = "{ viewer { name } }"
MUTATION = 'mutation { createProfile(input: {name: "Ann"}) { person { key } } }'
SUBSCRIPTION = "subscription { mentorMatchAdded { id } }"


@pytest.fixture
def away(settings: Settings) -> Settings:
    """Settings whose Neo4j address nobody listens on."""
    return dataclasses.replace(settings, neo4j_uri=f"bolt://127.0.0.1:{free_port()}")


@pytest.fixture
async def away_client(
    away: Settings, api_settings: ApiSettings
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(away, api_settings)
    async with lifespan(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


def _reveals_nothing(answer: object, settings: Settings) -> None:
    text = json.dumps(answer).lower()
    port = settings.neo4j_uri.rsplit(":", 1)[1]
    for word in (*INSIDE, port):
        assert word not in text, f"{word!r} in {text}"


def _unavailable(errors: list[dict[str, Any]]) -> str:
    (error,) = errors
    assert error["extensions"]["code"] == "UNAVAILABLE", error
    assert error["message"] in FIXED, error
    request_id: str = error["extensions"]["requestId"]
    return request_id


async def test_with_neo4j_away_http_answers_name_nothing_inside(
    away_client: httpx.AsyncClient,
    away: Settings,
    api_settings: ApiSettings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    gql = GraphQLClient(away_client, api_settings.jwt_secret)
    logged = []
    with caplog.at_level(logging.WARNING, logger="mentorgraph.api"):
        for document in (QUERY, MUTATION):
            body = await gql.send(document, as_="ann")
            _reveals_nothing(body, away)
            logged.append(_unavailable(body["errors"]))
        ready = await away_client.get("/readyz")
        assert ready.status_code == 503
        _reveals_nothing(ready.json(), away)
        assert ready.json()["reason"] in FIXED
        logged.append(ready.json()["requestId"])
    for request_id in logged:
        (record,) = [r for r in caplog.records if request_id in r.getMessage()]
        assert away.neo4j_uri in record.getMessage(), "the address is logged, not answered"


async def test_with_neo4j_away_websocket_answers_name_nothing_inside(
    away: Settings, api_settings: ApiSettings
) -> None:
    with api_server({"NEO4J_URI": away.neo4j_uri}) as base:
        socket = await Socket.open(base, TRANSPORT_WS)
        token = issue_token(api_settings.jwt_secret, "ann")
        assert (await socket.init({"token": token}))["type"] == "connection_ack"
        for n, document in enumerate((SUBSCRIPTION, QUERY, MUTATION)):
            await socket.subscribe(str(n), document)
            message = await _answer(socket, str(n))
            _reveals_nothing(message, away)
            payload = message["payload"]
            _unavailable(payload if message["type"] == "error" else payload["errors"])
        await socket.close()


async def _answer(socket: Socket, id: str) -> dict[str, Any]:
    """The first result or error of operation `id` (its `complete` skipped)."""
    while True:
        message = await socket.receive(timeout=60)
        if message["type"] != "complete":
            assert message["id"] == id and message["type"] in ("next", "error"), message
            return message


HINTED = [
    ("{ viewr { name } }", None),
    ("{ viewer { nam } }", None),
    ('{ people(serch: "a") { edges { node { key } } } }', None),
    ("query($v: Visibilty) { viewer { name } }", None),
    ("{ __typename ... on Persn { key } }", None),
    ("mutation { updateProfile(input: {visibility: PUBLC}) { person { key } } }", None),
    ('mutation { updateProfile(input: {nme: "x"}) { person { key } } }', None),
    (
        "mutation($i: ProfileInput!) { updateProfile(input: $i) { person { key } } }",
        {"i": {"visibility": "PUBLC"}},
    ),
    (
        "mutation($i: ProfileInput!) { updateProfile(input: $i) { person { key } } }",
        {"i": {"nme": "x"}},
    ),
]


async def _messages(
    settings: Settings, api_settings: ApiSettings, *, introspection: bool
) -> list[str]:
    closed = dataclasses.replace(api_settings, introspection=introspection)
    async with lifespan(create_app(settings, closed)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            gql = GraphQLClient(http, api_settings.jwt_secret)
            # Anonymous: a signed-in operation's session check would meet the database that
            # is away before the variables are coerced, and answer UNAVAILABLE instead.
            bodies = [await gql.send(query, variables) for query, variables in HINTED]
    return [" ".join(error["message"] for error in body["errors"]) for body in bodies]


async def test_with_introspection_off_no_error_hints_at_names(
    away: Settings, api_settings: ApiSettings
) -> None:
    hinted = await _messages(away, api_settings, introspection=True)
    assert all("Did you mean" in message for message in hinted), hinted
    for message in await _messages(away, api_settings, introspection=False):
        assert "Did you mean" not in message
        assert "'name'" not in message and "PUBLIC" not in message, message


async def test_with_introspection_off_websocket_errors_hint_at_nothing(away: Settings) -> None:
    env = {"NEO4J_URI": away.neo4j_uri, "MENTORGRAPH_INTROSPECTION": "false"}
    with api_server(env) as base:
        socket = await Socket.open(base, TRANSPORT_WS)
        assert (await socket.init())["type"] == "connection_ack"
        for n, (query, variables) in enumerate(HINTED):
            await socket.subscribe(str(n), query, variables)
            message = await _answer(socket, str(n))
            assert "Did you mean" not in json.dumps(message), message
        await socket.close()
