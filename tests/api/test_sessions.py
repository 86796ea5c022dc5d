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
from contextlib import asynccontextmanager
from typing import Any

import httpx
import jwt
import pytest
import uvicorn
from starlette.applications import Starlette
from websockets.exceptions import ConnectionClosed

from api.app import create_app
from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.registry import statement
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, knows, mentor, person
from tests.servers import api_server, free_port
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

SECRET = ApiSettings.from_env().jwt_secret
REQUESTS = "subscription { mentorshipRequestUpdated { key state } }"
MENTORS_OF_REQUESTS = "subscription { mentorshipRequestUpdated { state mentor { key } } }"
BLOCK = 'mutation { blockPerson(input: {person: "ann"}) { person } }'
DELETE = "mutation { deleteAccount { deleted } }"
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
    code: str | None = errors[0].get("extensions", {}).get("code")
    return code


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


@asynccontextmanager
async def _served_in_process(app: Starlette) -> AsyncIterator[str]:
    """A real uvicorn serving `app` in this process (so the test may move its clock)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(BOUND):
            while not server.started:
                assert not serving.done(), "uvicorn stopped before it started"
                await asyncio.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(serving, BOUND)


async def test_operations_on_a_socket_after_its_token_expired_are_refused(
    settings: Settings, empty_graph: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each operation checks the token, whatever the timer does: the clock jumps past
    `exp` while the socket's timer still sleeps (asyncio's clock does not jump)."""
    await build(empty_graph, people=[person("ann")])
    async with _served_in_process(create_app(settings)) as base:
        sock = await _open(base, issue_token(SECRET, "ann", hours=1))
        assert (await _ask(sock, "1", "{ viewer { key } }"))["data"] == {"viewer": {"key": "ann"}}
        in_two_hours = time.time() + 7200
        monkeypatch.setattr(time, "time", lambda: in_two_hours)
        for id, document in [("2", "{ viewer { key } }"), ("3", DELETE), ("4", REQUESTS)]:
            await sock.subscribe(id, document)
            answer = await sock.receive(BOUND)
            payload = answer["payload"]
            errors = payload if answer["type"] == "error" else payload["errors"]
            assert (errors[0]["extensions"]["code"], errors[0]["message"]) == (
                "UNAUTHENTICATED",
                "the token has expired",
            ), answer
        monkeypatch.undo()
        await sock.close()
    counts = await empty_graph.read(statement("stats/count_labels"), {})
    assert {row["label"]: row["count"] for row in counts}["Person"] == 1, "ann is still there"


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


async def test_each_result_of_a_subscription_reads_afresh(
    server: str, gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), mentor("mo")])
    sock = await _open(server, issue_token(SECRET, "ann"))
    await sock.subscribe(
        "live", "subscription { mentorshipRequestUpdated { state mentor { key } } }"
    )
    await asyncio.sleep(0.5)  # live: only what comes through the bus from now on
    ask = 'mutation { requestMentorship(input: {mentor: "mo"}) { request { key } } }'
    key = (await gql.data(ask, as_="ann"))["requestMentorship"]["request"]["key"]
    first = (await sock.next_data("live", BOUND))["mentorshipRequestUpdated"]
    assert first == {"state": "PENDING", "mentor": {"key": "mo"}}
    hide = "mutation { updateProfile(input: {visibility: PRIVATE}) { person { key } } }"
    await gql.data(hide, as_="mo")
    withdraw = (
        "mutation($k: String!) { withdrawMentorshipRequest(input: {request: $k}) { __typename } }"
    )
    await gql.data(withdraw, {"k": key}, as_="ann")
    second = (await sock.next_data("live", BOUND))["mentorshipRequestUpdated"]
    assert second == {"state": "WITHDRAWN", "mentor": None}, "mo is PRIVATE now"
    await sock.close()


async def test_a_deleted_accounts_tokens_are_refused_everywhere(
    server: str, gql: GraphQLClient, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ann"), person("bob")])
    token = issue_token(SECRET, "ann")
    sock = await _open(server, token)
    assert (await _ask(sock, "1", "{ viewer { key } }"))["data"] == {"viewer": {"key": "ann"}}
    deleted = await _ask(sock, "2", DELETE)
    assert deleted["data"] == {"deleteAccount": {"deleted": "ann"}}

    # The socket that deleted the account: every further operation is refused.
    for id, document in [
        ("3", "{ viewer { key } }"),
        ("4", '{ person(key: "bob") { key } }'),
        ("5", 'mutation { createProfile(input: {name: "Ann again"}) { person { key } } }'),
    ]:
        refused = await _ask(sock, id, document)
        assert _code(refused) == "UNAUTHENTICATED", refused
        assert refused.get("data") is None
    await sock.close()

    # Over HTTP: the same token, and a new token for the same key.
    for fresh in (False, True):
        headers = {"Authorization": f"Bearer {issue_token(SECRET, 'ann') if fresh else token}"}
        for document in ['{ person(key: "bob") { key } }', DELETE]:
            response = await gql.http.post("/graphql", json={"query": document}, headers=headers)
            body = response.json()
            assert _code(body) == "UNAUTHENTICATED", body
            assert body["errors"][0]["message"] == "this account was deleted"

    # A new socket for the key is accepted (the token is well signed) but serves nothing.
    sock = await _open(server, issue_token(SECRET, "ann"))
    assert _code(await _ask(sock, "1", '{ person(key: "bob") { key } }')) == "UNAUTHENTICATED"
    await sock.subscribe("2", REQUESTS)
    message = await sock.receive(BOUND)
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    await sock.close()
    # Nobody else is affected.
    assert (await gql.data("{ viewer { key } }", as_="bob"))["viewer"] == {"key": "bob"}
