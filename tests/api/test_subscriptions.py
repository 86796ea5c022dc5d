"""Subscriptions against a real uvicorn process on the default in-process bus, with a real
WebSocket client. The processes whose events cross through Redis are in
test_subscriptions_across_processes: each module's servers stop at its end, so a server's
consumer never applies a change another bus's subscriber waits for (every process consumes
the one change log, and publishes on its own bus)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from graph.database import Database
from graph.settings import Settings
from tests.api.subscribing import (
    ASK_MO,
    FROM_START,
    MATCHES,
    OPT_IN,
    WITHDRAW,
    matches_graph,
    mutate,
    open_socket,
    server_env,
)
from tests.builders import build, mentor, person
from tests.servers import START_BOUND, api_server
from tests.ws import LEGACY_WS, Socket


@pytest.fixture(scope="module")
def alone(settings: Settings, database: Database) -> Iterator[str]:
    """One API process on the in-process bus."""
    with api_server(server_env(settings)) as base:
        yield base


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


async def test_a_subscription_shows_the_viewer_as_they_are_when_the_event_comes(
    alone: str, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    """The session check reads the caller's person, and primes it for a query only: a
    subscription outlives it, and its first result would show the viewer as they were when
    it started (the viewer renames themself meanwhile; later results renew the loaders).
    An update sent before the subscription listens is missed, with no result to check: the
    rename and a request are then made again, until a first result comes."""
    await build(empty_graph, people=[person("ana", seekingMentor=True), mentor("mo")])
    sock = await open_socket(alone, "ana")
    await sock.subscribe("r", "subscription { mentorshipRequestUpdated { mentee { name } } }")
    await asyncio.sleep(0.5)  # so that the rename most likely comes after the start
    pending: list[str] = []
    deadline = time.monotonic() + START_BOUND
    for attempt in itertools.count(1):
        name = f"Ana Renamed {attempt}"
        rename = f'mutation {{ updateProfile(input: {{name: "{name}"}}) {{ person {{ name }} }} }}'
        await mutate(http, alone, rename, "ana")
        if pending:  # the request asked in a missed attempt, withdrawn: an update as well
            await mutate(http, alone, WITHDRAW.format(pending.pop()), "ana")
        else:
            asked = await mutate(http, alone, ASK_MO, "ana")
            pending.append(asked["requestMentorship"]["request"]["key"])
        with contextlib.suppress(TimeoutError):
            first = (await sock.next_data("r", timeout=2.0))["mentorshipRequestUpdated"]
            break
        assert time.monotonic() < deadline, "the subscription never received an update"
    assert first["mentee"]["name"] == name
    await sock.close()


async def test_the_in_process_bus_delivers_live(
    alone: str, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    await matches_graph(empty_graph)
    sock = await open_socket(alone, "ana")
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await asyncio.sleep(0.3)
    await mutate(http, alone, OPT_IN, "m1")
    assert (await sock.next_data("1"))["mentorMatchAdded"]["mentor"]["key"] == "m1"
    await sock.close()


async def test_bad_tokens_and_protocol_errors_get_their_close_codes(
    alone: str, empty_graph: Database
) -> None:
    for payload in ({"authorization": "Bearer nope"}, {"token": "nope"}, {"token": 7}):
        sock = await Socket.open(alone)
        await sock.send({"type": "connection_init", "payload": payload})
        assert await sock.close_code() == 4403, payload

    sock = await Socket.open(alone)  # subscribing before connection_init
    await sock.subscribe("1", MATCHES)
    assert await sock.close_code() == 4401

    sock = await open_socket(alone, "ana")
    await sock.subscribe("1", "subscription { noSuchThing }")
    error = await sock.receive()
    assert error["type"] == "error"
    assert error["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    await sock.subscribe("2", MATCHES)
    await sock.subscribe("2", MATCHES)  # the same id twice
    assert await sock.close_code() == 4409

    sock = await open_socket(alone, "ana")
    await sock.subscribe("1", "subscription { mentorMatchAdded(")
    assert await sock.close_code() == 4400


async def test_anonymous_subscribers_are_told_to_sign_in(alone: str, empty_graph: Database) -> None:
    sock = await Socket.open(alone)
    assert (await sock.init())["type"] == "connection_ack"
    await sock.subscribe("1", MATCHES)
    message = await sock.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    await sock.close()


async def test_subscriptions_per_connection_are_capped(alone: str, empty_graph: Database) -> None:
    await build(empty_graph, people=[person("ana", seekingMentor=True)])
    sock = await open_socket(alone, "ana")
    for i in range(20):
        await sock.subscribe(str(i), MATCHES)
    await sock.subscribe("one-too-many", MATCHES)
    error = await sock.receive()
    assert (error["type"], error["id"]) == ("error", "one-too-many")
    assert "limit" in error["payload"][0]["message"]
    await sock.close()


async def test_legacy_graphql_ws_works_too(
    alone: str, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    await matches_graph(empty_graph)
    sock = await open_socket(alone, "ana", LEGACY_WS)
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await mutate(http, alone, OPT_IN, "m2")
    assert (await sock.next_data("1"))["mentorMatchAdded"]["mentor"]["key"] == "m2"
    await sock.close()

    sock = await Socket.open(alone, LEGACY_WS)
    rejected = await sock.init({"token": "nope"})
    assert rejected["type"] == "connection_error"
    assert rejected["payload"]["code"] == "UNAUTHENTICATED"
    await sock.close()
