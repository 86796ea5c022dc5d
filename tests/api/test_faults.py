"""Neo4j going away: bounded failures, readiness, recovery, and no lost acknowledged write.

Uses the run's spare server (own store and port) so it can be killed with `kill -9`;
the fixture stops it at the end.
Every bound holds by construction, not by the machine's speed: a request ends
within its deadline (`request_timeout`, asserted with generous room); readiness
and resumed writes are awaited until they happen, within a long limit that only a
server that never recovers reaches.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Callable

import httpx

from api.app import create_app
from api.settings import ApiSettings
from graph.database import Database
from graph.people import get_people
from graph.server.local import LocalServer
from graph.server.migrations import migrate
from graph.settings import Settings
from graph.viewer import Viewer
from tests.api.graphql import GraphQLClient
from tests.servers import lifespan

CREATE = 'mutation { createProfile(input: {name: "Writer"}) { person { key } } }'
ADMIN = Viewer(key="root", role="admin")
DEADLINE = 4.0
ROOM = 6.0
"""Past the deadline: the cancellation unwinding, on a busy machine."""
RECOVERY_LIMIT = 60.0
BOOKKEEPING_TIMEOUT = 120.0


async def _writer(
    gql: GraphQLClient,
    name: str,
    stop: asyncio.Event,
    outcomes: dict[str, list[str]],
    slowest: list[float],
) -> None:
    i = 0
    while not stop.is_set():
        key = f"{name}-{i}"
        began = time.monotonic()
        body = await gql.send(CREATE, as_=key)
        slowest.append(time.monotonic() - began)
        if "errors" not in body:
            outcomes["acked"].append(key)
        else:
            assert body["errors"][0]["extensions"]["code"] == "UNAVAILABLE", body
            outcomes["refused"].append(key)
        i += 1


async def _until(condition: Callable[[], bool], what: str) -> None:
    """Polls `condition` until it holds; only a server that never gets there hits the limit."""
    began = time.monotonic()
    while not condition():
        assert time.monotonic() - began < RECOVERY_LIMIT, what
        await asyncio.sleep(0.1)


async def test_kill_9_under_concurrent_writes_loses_no_acknowledged_mutation(
    spare_neo4j: Settings, api_settings: ApiSettings
) -> None:
    own = spare_neo4j
    server = LocalServer(own)
    await asyncio.to_thread(server.start)
    # The test's own reads and writes (schema, the final check) are bookkeeping, not
    # what is under test: a cold server on a busy machine may take long over them.
    database = Database.connect(dataclasses.replace(own, query_timeout=BOOKKEEPING_TIMEOUT))
    await migrate(database)
    bounded = dataclasses.replace(api_settings, request_timeout=DEADLINE)
    async with lifespan(create_app(own, bounded)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            gql = GraphQLClient(http, api_settings.jwt_secret)
            stop, durations = asyncio.Event(), []
            outcomes: dict[str, list[str]] = {"acked": [], "refused": []}
            acked = outcomes["acked"]
            writers = [
                asyncio.create_task(_writer(gql, f"w{n}", stop, outcomes, durations))
                for n in range(4)
            ]
            # Killed under load: once writes are acknowledged, and back once they are refused.
            await _until(lambda: len(acked) > 0, "no write acknowledged before the kill")
            await asyncio.to_thread(server.kill)
            assert (await http.get("/readyz")).status_code == 503
            await _until(lambda: len(outcomes["refused"]) > 0, "no write refused while away")
            await asyncio.to_thread(server.start)
            back = time.monotonic()
            while (await http.get("/readyz")).status_code != 200:
                assert time.monotonic() - back < RECOVERY_LIMIT, "never ready again"
                await asyncio.sleep(0.1)
            count_before = len(acked)
            while len(acked) == count_before and time.monotonic() - back < RECOVERY_LIMIT:
                await asyncio.sleep(0.1)
            stop.set()
            await asyncio.gather(*writers)
    assert len(acked) > count_before, "writes resumed after Neo4j came back"
    assert max(durations) < DEADLINE + ROOM, "a request outlived its deadline"
    found = await get_people(database, acked, ADMIN)
    assert [p.key for p in found if p] == acked
    await database.close()
