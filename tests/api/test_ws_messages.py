"""A WebSocket message of the wrong shape closes the socket with the protocol's code.

A real uvicorn and a real client, on both protocols: before, these raised inside
Strawberry's handlers and the socket dropped without a close code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from graph.settings import Settings
from tests.servers import api_server
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

CLOSE_CODES = {TRANSPORT_WS: 4400, LEGACY_WS: 1002}
QUERY = "{ viewer { name } }"

MESSAGES = [
    1,
    [],
    "subscribe",
    None,
    {"id": "1"},
    {"type": 3, "id": "1"},
    {"type": "complete"},
    {"type": "stop"},
    *(
        {"type": kind, "id": "1", **body}
        for kind in ("subscribe", "start")
        for body in (
            {},
            {"payload": 1},
            {"payload": []},
            {"payload": {}},
            {"payload": {"query": 1}},
            {"payload": {"query": QUERY, "variables": 1}},
            {"payload": {"query": QUERY, "variables": []}},
            {"payload": {"query": QUERY, "extensions": "x"}},
            {"payload": {"query": QUERY, "operationName": 1}},
        )
    ),
    {"type": "subscribe", "id": 1, "payload": {"query": QUERY}},
]


@pytest.fixture(scope="module")
def base(settings: Settings) -> Iterator[str]:
    with api_server({"NEO4J_URI": settings.neo4j_uri}) as url:
        yield url


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_a_message_of_the_wrong_shape_closes_with_the_protocols_code(
    base: str, protocol: str
) -> None:
    for message in MESSAGES:
        socket = await Socket.open(base, protocol)
        assert (await socket.init())["type"] == "connection_ack"
        await socket.connection.send(json.dumps(message))
        assert await socket.close_code() == CLOSE_CODES[protocol], message


async def test_messages_of_the_right_shape_still_run(base: str) -> None:
    socket = await Socket.open(base, TRANSPORT_WS)
    assert (await socket.init())["type"] == "connection_ack"
    await socket.subscribe("1", QUERY)
    assert await socket.next_data("1") == {"viewer": None}
    await socket.close()
    legacy = await Socket.open(base, LEGACY_WS)
    assert (await legacy.init())["type"] == "connection_ack"
    await legacy.subscribe("1", "subscription { mentorMatchAdded { id } }")
    answer = await legacy.receive()
    assert answer["type"] == "error", answer
    assert answer["payload"]["extensions"]["code"] == "UNAUTHENTICATED", answer
    await legacy.close()


async def test_the_legacy_protocol_refuses_a_query_or_mutation_with_a_reason(base: str) -> None:
    """graphql-ws (legacy) runs subscriptions here; a query or a mutation answers an error
    with a code that says so, not INTERNAL_SERVER_ERROR, and the socket stays open."""
    legacy = await Socket.open(base, LEGACY_WS)
    assert (await legacy.init())["type"] == "connection_ack"
    for id, document in (("1", QUERY), ("2", "mutation { deleteAccount { deleted } }")):
        await legacy.subscribe(id, document)
        answer = await legacy.receive()
        assert (answer["id"], answer["type"]) == (id, "error"), answer
        assert answer["payload"]["extensions"]["code"] == "BAD_REQUEST", answer
        assert "graphql-transport-ws" in answer["payload"]["message"], answer
    await legacy.subscribe("3", "subscription { mentorMatchAdded { id } }")
    assert (await legacy.receive())["payload"]["extensions"]["code"] == "UNAUTHENTICATED"
    await legacy.close()
