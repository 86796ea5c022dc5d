"""The change log end to end, with real uvicorn processes: a process killed between its
commit and the processing of its change, and a statement that times out, both end with
every event delivered exactly once to a subscriber."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator

import httpx
import neo4j
import pytest

from graph.database import Database
from graph.registry import statement
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.api.subscribing import (
    FROM_START,
    MATCHES,
    OPT_IN,
    SECRET,
    matches_graph,
    open_socket,
    server_env,
)
from tests.servers import api_process, api_server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield client


async def _opt_in(http: httpx.AsyncClient, base: str, key: str) -> None:
    http.base_url = httpx.URL(base)
    await GraphQLClient(http, SECRET).data(OPT_IN, as_=key)


async def _exactly_once(base: str, mentors: list[str]) -> None:
    """A subscriber that resumes from the start gets each mentor once, and nothing more."""
    sock = await open_socket(base, "ana")
    await sock.subscribe("again", MATCHES, {"after": FROM_START})
    got = [(await sock.next_data("again"))["mentorMatchAdded"]["mentor"]["key"] for _ in mentors]
    assert sorted(got) == sorted(mentors)
    assert await sock.quiet()
    await sock.close()


async def test_a_process_killed_after_its_commit_loses_no_event(
    settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    await matches_graph(empty_graph)
    with (
        api_server(server_env(settings)) as serving,
        api_process(server_env(settings, MENTORGRAPH_CHANGE_CONSUMER="off")) as (doomed, writing),
    ):
        sock = await open_socket(serving, "ana")
        await sock.subscribe("1", MATCHES)
        await asyncio.sleep(0.5)  # live: without `after`, only what comes through the bus
        await _opt_in(http, writing, "m0")
        doomed.kill()  # kill -9: its change was never processed there
        doomed.wait()
        event = (await sock.next_data("1", timeout=30))["mentorMatchAdded"]
        assert (event["mentee"]["key"], event["mentor"]["key"]) == ("ana", "m0")
        assert await sock.quiet()
        await sock.close()
        await _exactly_once(serving, ["m0"])


async def _retries(http: httpx.AsyncClient, base: str) -> float:
    text = (await http.get(f"{base}/metrics")).text
    found = re.search(r"^mentorgraph_change_retries_total (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


async def test_a_statement_that_times_out_is_retried_and_its_events_arrive_once(
    settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    """The test holds the event sequence's write lock, so the first attempt's recording
    waits for it until its 0.5 s statement timeout ends it; the next attempts have more."""
    await matches_graph(empty_graph)
    env = server_env(
        settings,
        MENTORGRAPH_CHANGE_TIMEOUT="0.5",
        MENTORGRAPH_CHANGE_TIMEOUT_GROWTH="20",
        MENTORGRAPH_CHANGE_BACKOFF="0.1",
    )
    driver = neo4j.AsyncGraphDatabase.driver(
        settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
    )
    with api_server(env) as base:
        sock = await open_socket(base, "ana")
        await sock.subscribe("1", MATCHES)
        await asyncio.sleep(0.5)
        try:
            async with driver.session(database=settings.neo4j_database) as session:
                holder = await session.begin_transaction()
                await holder.run(statement("events/lock_sequence").text, {"name": "match"})
                await _opt_in(http, base, "m0")
                await _opt_in(http, base, "m1")
                deadline = time.monotonic() + 60
                while await _retries(http, base) < 1:
                    assert time.monotonic() < deadline, "no attempt timed out"
                    await asyncio.sleep(0.2)
                await holder.rollback()
        finally:
            await driver.close()
        got = [(await sock.next_data("1", timeout=30))["mentorMatchAdded"] for _ in range(2)]
        assert sorted(e["mentor"]["key"] for e in got) == ["m0", "m1"]
        assert await sock.quiet()
        await sock.close()
        await _exactly_once(base, ["m0", "m1"])
