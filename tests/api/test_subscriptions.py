"""Subscriptions against real uvicorn processes, with a real WebSocket client.

Two processes share a real redis-server; a third runs the default in-process bus.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from api.auth import issue_token
from api.settings import ApiSettings
from graph.database import Database
from graph.pages import encode_cursor
from graph.ranking.signals import SIGNAL_NAMES
from graph.settings import Settings
from tests.api.graphql import GraphQLClient
from tests.builders import build, mentor, person, skill
from tests.servers import START_BOUND, api_server, redis_server
from tests.ws import LEGACY_WS, Socket

MATCHES = """subscription($after: String) {
  mentorMatchAdded(after: $after) {
    id cursor score mentee { key } mentor { key } signals { name share } }
}"""
REQUESTS = "subscription { mentorshipRequestUpdated { key state mentee { key } mentor { key } } }"
OPT_IN = (
    "mutation { setMentorPreferences(input: {openToMentor: true, capacity: 3}) { person { key } } }"
)
FROM_START = encode_cursor((0,))
SECRET = ApiSettings.from_env().jwt_secret


def _env(settings: Settings, **extra: str) -> dict[str, str]:
    return {"NEO4J_URI": settings.neo4j_uri, "MENTORGRAPH_JWT_SECRET": SECRET, **extra}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture(scope="module")
def shared(settings: Settings, database: Database, redis_url: str) -> Iterator[tuple[str, str]]:
    """Two API processes whose events cross through Redis."""
    env = _env(settings, REDIS_URL=redis_url)
    with api_server(env) as first, api_server(env) as second:
        yield first, second


@pytest.fixture(scope="module")
def alone(settings: Settings, database: Database) -> Iterator[str]:
    """One API process on the in-process bus."""
    with api_server(_env(settings)) as base:
        yield base


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


def _token(settings: Settings, key: str) -> str:
    return issue_token(SECRET, key)


async def _socket(base: str, settings: Settings, key: str, protocol: str = "") -> Socket:
    sock = await Socket.open(base, protocol) if protocol else await Socket.open(base)
    ack = await sock.init({"authorization": f"Bearer {_token(settings, key)}"})
    assert ack["type"] == "connection_ack", ack
    return sock


async def _mutate(
    http: httpx.AsyncClient, base: str, settings: Settings, query: str, key: str
) -> Any:
    client = GraphQLClient(http, SECRET)
    http.base_url = httpx.URL(base)
    return await client.data(query, as_=key)


ASK_MO = 'mutation { requestMentorship(input: {mentor: "mo"}) { request { key } } }'
WITHDRAW = (
    'mutation {{ withdrawMentorshipRequest(input: {{request: "{}"}}) {{ request {{ key }} }} }}'
)


async def _graph(database: Database, mentors: int = 4) -> None:
    """ana wants django; m0..m{n-1} know it well but do not mentor yet."""
    await build(
        database,
        skills=[skill("django")],
        people=[person("ana", seekingMentor=True)] + [person(f"m{i}") for i in range(mentors)],
        has_skill=[{"person": f"m{i}", "skill": "django", "level": 5, "years": 1}
                   for i in range(mentors)],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
    )  # fmt: skip


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
    shared: tuple[str, str], settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await _graph(empty_graph)
    sock = await _socket(second, settings, "ana")
    await sock.subscribe("1", MATCHES)  # live: without `after`, only what comes through the bus
    opted: list[str] = []
    for mentor_key in ("m0", "m1", "m2", "m3"):  # until it listens: an event before is missed
        await _mutate(http, first, settings, OPT_IN, mentor_key)
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
    shared: tuple[str, str], settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await build(empty_graph, people=[person("ana", seekingMentor=True), mentor("mo")])
    mentee, mentor_ = await _socket(first, settings, "ana"), await _socket(second, settings, "mo")
    await mentee.subscribe("r", REQUESTS)
    await mentor_.subscribe("r", REQUESTS)
    deadline = time.monotonic() + START_BOUND
    while True:  # until both subscriptions listen: an update sent before is missed
        asked = await _mutate(http, second, settings, ASK_MO, "ana")
        key = asked["requestMentorship"]["request"]["key"]
        heard = [await _update_of(sock, key, "PENDING") for sock in (mentee, mentor_)]
        if all(heard):
            break
        assert time.monotonic() < deadline, "the subscriptions never both received an update"
        await _mutate(http, second, settings, WITHDRAW.format(key), "ana")
    for update in heard:
        assert update is not None
        assert (update["mentee"]["key"], update["mentor"]["key"]) == ("ana", "mo")
    decline = f'mutation {{ respondToMentorshipRequest(input: {{request: "{key}", accept: false}}) {{ request {{ key }} }} }}'  # noqa: E501
    await _mutate(http, first, settings, decline, "mo")
    for sock in (mentee, mentor_):
        assert await _update_of(sock, key, "DECLINED")
        await sock.close()


async def test_a_subscription_shows_the_viewer_as_they_are_when_the_event_comes(
    alone: str, settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    """The session check reads the caller's person, and primes it for a query only: a
    subscription outlives it, and its first result would show the viewer as they were when
    it started (the viewer renames themself meanwhile; later results renew the loaders).
    An update sent before the subscription listens is missed, with no result to check: the
    rename and a request are then made again, until a first result comes."""
    await build(empty_graph, people=[person("ana", seekingMentor=True), mentor("mo")])
    sock = await _socket(alone, settings, "ana")
    await sock.subscribe("r", "subscription { mentorshipRequestUpdated { mentee { name } } }")
    await asyncio.sleep(0.5)  # so that the rename most likely comes after the start
    pending: list[str] = []
    deadline = time.monotonic() + START_BOUND
    for attempt in itertools.count(1):
        name = f"Ana Renamed {attempt}"
        rename = f'mutation {{ updateProfile(input: {{name: "{name}"}}) {{ person {{ name }} }} }}'
        await _mutate(http, alone, settings, rename, "ana")
        if pending:  # the request asked in a missed attempt, withdrawn: an update as well
            await _mutate(http, alone, settings, WITHDRAW.format(pending.pop()), "ana")
        else:
            asked = await _mutate(http, alone, settings, ASK_MO, "ana")
            pending.append(asked["requestMentorship"]["request"]["key"])
        with contextlib.suppress(TimeoutError):
            first = (await sock.next_data("r", timeout=2.0))["mentorshipRequestUpdated"]
            break
        assert time.monotonic() < deadline, "the subscription never received an update"
    assert first["mentee"]["name"] == name
    await sock.close()


async def test_replay_after_a_disconnect_has_no_gap_and_no_duplicate(
    shared: tuple[str, str], settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    first, second = shared
    await _graph(empty_graph)
    sock = await _socket(first, settings, "ana")
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await _mutate(http, second, settings, OPT_IN, "m0")
    seen = (await sock.next_data("1"))["mentorMatchAdded"]
    await sock.close()

    for mentor_key in ("m1", "m2"):  # while ana is away
        await _mutate(http, second, settings, OPT_IN, mentor_key)
    missed = await _missed(http, first, settings, seen["cursor"], expect=2)
    assert missed == ["m1", "m2"]

    sock = await _socket(second, settings, "ana")
    await sock.subscribe("again", MATCHES, {"after": seen["cursor"]})
    replayed = [(await sock.next_data("again"))["mentorMatchAdded"] for _ in range(2)]
    assert [e["mentor"]["key"] for e in replayed] == ["m1", "m2"]
    await _mutate(http, first, settings, OPT_IN, "m3")
    live = (await sock.next_data("again"))["mentorMatchAdded"]
    assert live["mentor"]["key"] == "m3"
    assert len({seen["id"], *(e["id"] for e in replayed), live["id"]}) == 4
    assert await sock.quiet()
    await sock.close()


async def _missed(
    http: httpx.AsyncClient, base: str, settings: Settings, after: str, *, expect: int
) -> list[str]:
    query = f'{{ viewer {{ matchEvents(after: "{after}") {{ nodes {{ mentor {{ key }} }} }} }} }}'
    for _ in range(50):  # the watcher runs after the mutation's response
        data = await _mutate(http, base, settings, query, "ana")
        nodes = data["viewer"]["matchEvents"]["nodes"]
        if len(nodes) >= expect:
            return [n["mentor"]["key"] for n in nodes]
        await asyncio.sleep(0.1)
    raise AssertionError(f"expected {expect} missed events, got {nodes}")


async def test_the_in_process_bus_delivers_live(
    alone: str, settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    await _graph(empty_graph)
    sock = await _socket(alone, settings, "ana")
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await asyncio.sleep(0.3)
    await _mutate(http, alone, settings, OPT_IN, "m1")
    assert (await sock.next_data("1"))["mentorMatchAdded"]["mentor"]["key"] == "m1"
    await sock.close()


async def test_bad_tokens_and_protocol_errors_get_their_close_codes(
    alone: str, settings: Settings, empty_graph: Database
) -> None:
    for payload in ({"authorization": "Bearer nope"}, {"token": "nope"}, {"token": 7}):
        sock = await Socket.open(alone)
        await sock.send({"type": "connection_init", "payload": payload})
        assert await sock.close_code() == 4403, payload

    sock = await Socket.open(alone)  # subscribing before connection_init
    await sock.subscribe("1", MATCHES)
    assert await sock.close_code() == 4401

    sock = await _socket(alone, settings, "ana")
    await sock.subscribe("1", "subscription { noSuchThing }")
    error = await sock.receive()
    assert error["type"] == "error"
    assert error["payload"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    await sock.subscribe("2", MATCHES)
    await sock.subscribe("2", MATCHES)  # the same id twice
    assert await sock.close_code() == 4409

    sock = await _socket(alone, settings, "ana")
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


async def test_subscriptions_per_connection_are_capped(
    alone: str, settings: Settings, empty_graph: Database
) -> None:
    await build(empty_graph, people=[person("ana", seekingMentor=True)])
    sock = await _socket(alone, settings, "ana")
    for i in range(20):
        await sock.subscribe(str(i), MATCHES)
    await sock.subscribe("one-too-many", MATCHES)
    error = await sock.receive()
    assert (error["type"], error["id"]) == ("error", "one-too-many")
    assert "limit" in error["payload"][0]["message"]
    await sock.close()


async def test_legacy_graphql_ws_works_too(
    alone: str, settings: Settings, empty_graph: Database, http: httpx.AsyncClient
) -> None:
    await _graph(empty_graph)
    sock = await _socket(alone, settings, "ana", LEGACY_WS)
    await sock.subscribe("1", MATCHES, {"after": FROM_START})
    await _mutate(http, alone, settings, OPT_IN, "m2")
    assert (await sock.next_data("1"))["mentorMatchAdded"]["mentor"]["key"] == "m2"
    await sock.close()

    sock = await Socket.open(alone, LEGACY_WS)
    rejected = await sock.init({"token": "nope"})
    assert rejected["type"] == "connection_error"
    assert rejected["payload"]["code"] == "UNAUTHENTICATED"
    await sock.close()
