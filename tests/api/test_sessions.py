"""A session is only as good as its token, on HTTP and on an open WebSocket alike.

Real uvicorn, real WebSocket clients (both protocols), real Neo4j: a token that
expires closes the socket at its `exp` and stops its subscriptions; each operation on
an open socket reads afresh (a block shows at once); a deleted account's tokens are
refused everywhere, including on the socket it had open.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import jwt
import pytest
from websockets.exceptions import ConnectionClosed

from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, person
from tests.servers import api_server
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

SECRET = ApiSettings.from_env().jwt_secret
REQUESTS = "subscription { mentorshipRequestUpdated { key state } }"
BLOCK = 'mutation { blockPerson(input: {person: "ann"}) { person } }'
LIFETIME = 2.0
"""Seconds a short-lived token lives; JWT `exp` is whole seconds, so up to one less."""
BOUND = 30.0
"""Generous room for the server to act once a token has expired, on a busy machine."""


@pytest.fixture(scope="module")
def server(settings: Settings, database: Database) -> Iterator[str]:
    env = {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": SECRET}
    with api_server(env) as base:
        yield base


@pytest.fixture
async def gql(server: str) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(base_url=server, timeout=BOUND) as http:
        yield GraphQLClient(http, SECRET)


async def _open(server: str, token: str, protocol: str = TRANSPORT_WS) -> Socket:
    sock = await Socket.open(server, protocol)
    ack = await sock.init({"authorization": f"Bearer {token}"})
    assert ack["type"] == "connection_ack", ack
    return sock


async def _ask(sock: Socket, id: str, query: str) -> dict[str, Any]:
    """One query or mutation over graphql-transport-ws: its result's payload, or
    `{"errors": …}` when the operation was refused before it ran."""
    await sock.subscribe(id, query)
    message = await sock.receive(BOUND)
    assert message["id"] == id, message
    if message["type"] == "error":
        return {"errors": message["payload"]}
    assert message["type"] == "next", message
    assert (await sock.receive(BOUND))["type"] == "complete"
    payload: dict[str, Any] = message["payload"]
    return payload


def _code(payload: dict[str, Any]) -> str | None:
    errors = payload.get("errors") or [{}]
    return errors[0].get("extensions", {}).get("code")


async def _closed(sock: Socket) -> tuple[int | None, str | None, float]:
    """Wait (within BOUND) for the server to close the socket: code, reason, and when."""
    try:
        while True:
            await asyncio.wait_for(sock.connection.recv(), BOUND)
    except ConnectionClosed as exc:
        return (exc.rcvd.code, exc.rcvd.reason, time.time()) if exc.rcvd else (None, None, 0)


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_an_expiring_token_closes_the_socket_at_its_expiry(
    server: str, empty_graph: Database, protocol: str
) -> None:
    await build(empty_graph, people=[person("ann")])
    token = issue_token(SECRET, "ann", hours=LIFETIME / 3600)
    expires = jwt.decode(token, options={"verify_signature": False})["exp"]
    sock = await _open(server, token, protocol)
    await sock.subscribe("live", REQUESTS)
    code, reason, at = await _closed(sock)
    assert (code, reason) == (4403, "token expired")
    assert at >= expires, "closed before the token expired"


async def test_operations_on_a_socket_read_afresh_each_time(
    server: str, gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), person("bob")], knows=knows(("ann", "bob")))
    sock = await _open(server, issue_token(SECRET, "ann"))
    query = '{ person(key: "bob") { key } viewer { connections { nodes { key } } } }'
    before = await _ask(sock, "1", query)
    assert before["data"] == {
        "person": {"key": "bob"},
        "viewer": {"connections": {"nodes": [{"key": "bob"}]}},
    }
    await gql.data(BLOCK, as_="bob")
    after = await _ask(sock, "2", query)
    assert _code(after) == "NOT_FOUND"
    assert after["data"] in (None, {"person": None, "viewer": {"connections": {"nodes": []}}})
    assert (await _ask(sock, "3", "{ viewer { connections { nodes { key } } } }"))["data"] == {
        "viewer": {"connections": {"nodes": []}}
    }
    await sock.close()
