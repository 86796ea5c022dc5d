"""Subscriptions across two real uvicorn processes whose events cross through a real
redis-server, with a real WebSocket client (the in-process bus: test_subscriptions)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from graph.database import Database
from graph.ranking.signals import SIGNAL_NAMES
from graph.settings import Settings
from tests.api.subscribing import (
    ASK_MO,
    FROM_START,
    MATCHES,
    OPT_IN,
    REQUESTS,
    WITHDRAW,
    matches_graph,
    mutate,
    open_socket,
    server_env,
)
from tests.builders import build, mentor, person
from tests.servers import START_BOUND, api_server, redis_server
from tests.ws import Socket


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture(scope="module")
def shared(settings: Settings, database: Database, redis_url: str) -> Iterator[tuple[str, str]]:
    """Two API processes whose events cross through Redis."""
    env = server_env(settings, REDIS_URL=redis_url)
    with api_server(env) as first, api_server(env) as second:
        yield first, second


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


async def _update_of(sock: Socket, key: str, state: str) -> dict[str, Any] | None:
    """The request update for `key` in `state` if it comes within 2 s, else None; updates
    of earlier attempts on the way are passed over."""
    deadline = time.monotonic() + 2.0
    with contextlib.suppress(TimeoutError):
        while True:
            message = await sock.next_data("r", timeout=max(deadline - time.monotonic(), 0.01))
            update: dict[str, Any] = message["mentorshipRequestUpdated"]
            if (update["key"], update["state"]) == (key, state):
                return update
    return None


async def test_a_mutation_on_one_process_reaches_a_subscriber_on_another(
    shared: tuple[str, str], empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await matches_graph(empty_graph)
    sock = await open_socket(second, "ana")
    await sock.subscribe("1", MATCHES)  # live: without `after`, only what comes through the bus
    opted: list[str] = []
    for mentor_key in ("m0", "m1", "m2", "m3"):  # until it listens: an event before is missed
        await mutate(http, first, OPT_IN, mentor_key)
        opted.append(mentor_key)
        with contextlib.suppress(TimeoutError):
            event = (await sock.next_data("1", timeout=2.0))["mentorMatchAdded"]
            break
    else:
        raise AssertionError("no event reached the subscriber")
    assert event["mentee"]["key"] == "ana" and event["mentor"]["key"] in opted
    assert event["score"] == pytest.approx(1.65)  # with a newcomer's track record, 0.45
    assert [s["name"] for s in event["signals"]] == list(SIGNAL_NAMES)
    later = [event["mentor"]["key"]]
    with contextlib.suppress(TimeoutError):  # a slow one of an earlier attempt, never twice
        while True:
            later.append(
                (await sock.next_data("1", timeout=1.0))["mentorMatchAdded"]["mentor"]["key"]
            )
    assert len(set(later)) == len(later) and set(later) <= set(opted), later
    await sock.close()


async def test_request_updates_reach_both_parties_across_processes(
    shared: tuple[str, str], empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await build(empty_graph, people=[person("ana", seekingMentor=True), mentor("mo")])
    mentee, mentor_ = (
        await open_socket(first, "ana"),
        await open_socket(second, "mo"),
    )
    await mentee.subscribe("r", REQUESTS)
    await mentor_.subscribe("r", REQUESTS)
    deadline = time.monotonic() + START_BOUND
    while True:  # until both subscriptions listen: an update sent before is missed
        asked = await mutate(http, second, ASK_MO, "ana")
        key = asked["requestMentorship"]["request"]["key"]
        heard = [await _update_of(sock, key, "PENDING") for sock in (mentee, mentor_)]
        if all(heard):
            break
        assert time.monotonic() < deadline, "the subscriptions never both received an update"
        await mutate(http, second, WITHDRAW.format(key), "ana")
    for update in heard:
        assert update is not None
        assert (update["mentee"]["key"], update["mentor"]["key"]) == ("ana", "mo")
    decline = f'mutation {{ respondToMentorshipRequest(input: {{request: "{key}", accept: false}}) {{ request {{ key }} }} }}'  # noqa: E501
    await mutate(http, first, decline, "mo")
    for sock in (mentee, mentor_):
        assert await _update_of(sock, key, "DECLINED")
        await sock.close()


async def test_replay_after_a_disconnect_has_no_gap_and_no_duplicate(
    shared: tuple[str, str], empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await matches_graph(empty_graph)
    sock = await open_socket(first, "ana")
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await mutate(http, second, OPT_IN, "m0")
    seen = (await sock.next_data("1"))["mentorMatchAdded"]
    await sock.close()

    for mentor_key in ("m1", "m2"):  # while ana is away
        await mutate(http, second, OPT_IN, mentor_key)
    # The two changes may be applied at once, by either process: recorded in either order.
    missed = await _missed(http, first, seen["cursor"], expect=2)
    assert sorted(missed) == ["m1", "m2"]

    sock = await open_socket(second, "ana")
    await sock.subscribe("again", MATCHES, {"after": seen["cursor"]})
    replayed = [(await sock.next_data("again"))["mentorMatchAdded"] for _ in range(2)]
    assert [e["mentor"]["key"] for e in replayed] == missed  # in the store's order
    await mutate(http, first, OPT_IN, "m3")
    live = (await sock.next_data("again"))["mentorMatchAdded"]
    assert live["mentor"]["key"] == "m3"
    assert len({seen["id"], *(e["id"] for e in replayed), live["id"]}) == 4
    assert await sock.quiet()
    await sock.close()


async def _missed(http: httpx.AsyncClient, base: str, after: str, *, expect: int) -> list[str]:
    query = f'{{ viewer {{ matchEvents(after: "{after}") {{ nodes {{ mentor {{ key }} }} }} }} }}'
    for _ in range(50):  # the watcher runs after the mutation's response
        data = await mutate(http, base, query, "ana")
        nodes = data["viewer"]["matchEvents"]["nodes"]
        if len(nodes) >= expect:
            return [n["mentor"]["key"] for n in nodes]
        await asyncio.sleep(0.1)
    raise AssertionError(f"expected {expect} missed events, got {nodes}")
