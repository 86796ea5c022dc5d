"""A lone UTF-16 surrogate is the client's mistake on every entry (`graph.text`).

JSON and GraphQL string literals may both escape one (`\\ud800`); decoded, it is a
`str` with no UTF-8 encoding, which the driver, hashing and logging fail on. Each
entry refuses it as bad input: request JSON over HTTP (a body, a batch, GET's
variables) answers 400; a WebSocket message holding one is a message the protocol
cannot read (graphql-transport-ws closes with 4400, graphql-ws ignores it, as any
unreadable one); a string literal does not parse (graphql-core's rule); a cursor is
`BAD_USER_INPUT`. None answers INTERNAL_SERVER_ERROR or drops a socket without a code.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest

from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.servers import api_server
from tests.ws import LEGACY_WS, TRANSPORT_WS, Socket

JSON = {"content-type": "application/json"}
BY_KEY = "query($k: String!) { person(key: $k) { key } }"


@pytest.mark.parametrize(
    "body",
    [
        r'{"query": "{ __typename } # \ud800"}',
        r'{"query": "query($k: String!) { person(key: $k) { key } }",'
        r' "variables": {"k": "\ud800"}}',
        r'{"query": "{ __typename }", "variables": {"\udfff": "k"}}',
        r'[{"query": "{ __typename } # \ud800"}]',
    ],
)
async def test_request_json_with_a_lone_surrogate_answers_400(
    client: httpx.AsyncClient, body: str
) -> None:
    response = await client.post("/graphql", content=body.encode(), headers=JSON)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_get_variables_with_a_lone_surrogate_answer_400(client: httpx.AsyncClient) -> None:
    params = {"query": BY_KEY, "variables": r'{"k": "\ud800"}'}
    response = await client.get("/graphql", params=params, headers={"accept": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_paired_surrogate_is_text(client: httpx.AsyncClient) -> None:
    body = (
        r'{"query": "query($k: String!) { person(key: $k) { key } }",'
        r' "variables": {"k": "\ud83d\ude00"}}'
    )
    response = await client.post("/graphql", content=body.encode(), headers=JSON)
    assert response.json()["errors"][0]["message"] == "no person '\N{GRINNING FACE}'"


async def test_a_literal_or_a_cursor_with_a_lone_surrogate_is_the_clients_error(
    gql: GraphQLClient,
) -> None:
    literal = r'{ person(key: "\ud800") { key } }'
    assert await gql.error_code(literal) == "GRAPHQL_PARSE_FAILED"  # graphql-core's own rule
    cursor = base64.urlsafe_b64encode(b'["\\ud800"]').decode()
    page = "query($c: String) { people(after: $c) { nodes { key } } }"
    assert await gql.error_code(page, {"c": cursor}) == "BAD_USER_INPUT"


@pytest.fixture(scope="module")
def base(settings: Settings) -> Iterator[str]:
    with api_server({"NEO4J_URI": settings.neo4j_uri}) as url:
        yield url


async def test_a_websocket_message_with_a_lone_surrogate_is_one_the_protocol_cannot_read(
    base: str,
) -> None:
    payload = r'{"query": "{ __typename } # \ud800"}'
    socket = await Socket.open(base, TRANSPORT_WS)
    assert (await socket.init())["type"] == "connection_ack"
    await socket.connection.send(f'{{"id": "1", "type": "subscribe", "payload": {payload}}}')
    assert await socket.close_code() == 4400
    legacy = await Socket.open(base, LEGACY_WS)
    assert (await legacy.init())["type"] == "connection_ack"
    await legacy.connection.send(f'{{"id": "1", "type": "start", "payload": {payload}}}')
    await legacy.subscribe("2", "subscription { mentorMatchAdded { id } }")
    answer = await legacy.receive()
    assert (answer["id"], answer["payload"]["extensions"]["code"]) == ("2", "UNAUTHENTICATED")
    await legacy.close()
