"""While Neo4j does not answer, an operation fails within its deadline.

The server here accepts Bolt connections and never answers (a host that went away
without closing its sockets), so only a deadline ends a request: the driver waits
for the handshake until its connection timeout, then retries. The bound asserted
is the deadline plus generous room; before the deadline, a query took the driver's
5 s and a mutation 11 s.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from api.app import create_app
from api.errors import TIMED_OUT_MESSAGE
from api.settings import ApiSettings
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.servers import lifespan

DEADLINE = 1.0
ROOM = 3.0
"""Past the deadline: the cancellation unwinding, on a busy machine."""
PING_BOUND = 2.0
QUERY = "{ viewer { name } }"
MUTATION = 'mutation { createProfile(input: {name: "Ann"}) { person { key } } }'


@asynccontextmanager
async def silent_server() -> AsyncIterator[str]:
    """A Bolt address that accepts connections and never says a word."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"bolt://127.0.0.1:{port}"
    finally:
        server.close()
        for writer in held:
            writer.close()
        await server.wait_closed()


async def test_with_neo4j_silent_each_operation_fails_within_its_deadline(
    settings: Settings, api_settings: ApiSettings
) -> None:
    async with silent_server() as uri:
        silent = dataclasses.replace(settings, neo4j_uri=uri)
        bounded = dataclasses.replace(api_settings, request_timeout=DEADLINE)
        async with lifespan(create_app(silent, bounded)) as manager:
            transport = httpx.ASGITransport(app=manager.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                gql = GraphQLClient(http, api_settings.jwt_secret)
                for document in (QUERY, MUTATION):
                    began = time.monotonic()
                    body = await gql.send(document, as_="ann")
                    took = time.monotonic() - began
                    (error,) = body["errors"]
                    assert error["extensions"]["code"] == "UNAVAILABLE", body
                    assert error["message"] == TIMED_OUT_MESSAGE
                    assert took < DEADLINE + ROOM, f"{document} took {took:.2f} s"
                began = time.monotonic()
                ready = await http.get("/readyz")
                took = time.monotonic() - began
                assert ready.status_code == 503
                assert took < PING_BOUND + ROOM, f"/readyz took {took:.2f} s"
