"""A mentee's feed: replay from a cursor, then live; no gap, no duplicate, overflow told."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from graph.database import Database
from graph.events.bus import InProcessBus, SubscriberOverflow
from graph.events.domain import MatchEvent, match_topic
from graph.events.feed import FeedInterrupted, match_feed
from graph.events.store import NewMatch, record_matches
from graph.ranking.signals import Signal
from tests.builders import build, mentor, person

SIGNALS = (Signal("social", 1.0, 1.0),)


async def _record(database: Database, *mentors: str) -> list[MatchEvent]:
    return await record_matches(database, [NewMatch("ana", m, 1.0, SIGNALS) for m in mentors])


async def _take(feed: AsyncIterator[MatchEvent], n: int) -> list[str]:
    return [(await asyncio.wait_for(anext(feed), 5)).mentor for _ in range(n)]


@pytest.fixture
async def graph(empty_graph: Database) -> Database:
    mentors = [mentor(f"m{i}") for i in range(1, 8)]
    await build(empty_graph, people=[person("ana", seekingMentor=True), *mentors])
    return empty_graph


async def test_replay_then_live_without_gap_or_duplicate(graph: Database) -> None:
    bus = InProcessBus()
    first, _, third = await _record(graph, "m1", "m2", "m3")
    feed = match_feed(graph, bus, "ana", after=first.seq)
    assert await _take(feed, 2) == ["m2", "m3"]
    fourth, fifth = await _record(graph, "m4", "m5")
    for event in (third, fourth, third, fifth):  # a replayed one again, and a repeat
        await bus.publish(match_topic("ana"), event.to_message())
    assert await _take(feed, 2) == ["m4", "m5"]
    await feed.aclose()


async def test_an_event_that_overtakes_another_on_the_bus_is_read_from_the_store(
    graph: Database,
) -> None:
    bus = InProcessBus()
    feed = match_feed(graph, bus, "ana", after=None)
    pending = asyncio.ensure_future(_take(feed, 2))
    await asyncio.sleep(0.2)  # the feed is subscribed and live
    first, second = await _record(graph, "m1", "m2")
    await bus.publish(match_topic("ana"), second.to_message())  # first is still in flight
    assert await pending == ["m1", "m2"]
    await bus.publish(match_topic("ana"), first.to_message())
    await _record(graph, "m3")
    (third,) = await _record(graph, "m4")
    await bus.publish(match_topic("ana"), third.to_message())
    assert await _take(feed, 2) == ["m3", "m4"]
    await feed.aclose()


async def test_without_a_cursor_only_new_events_come(graph: Database) -> None:
    bus = InProcessBus()
    await _record(graph, "m1")
    feed = match_feed(graph, bus, "ana", after=None)
    pending = asyncio.ensure_future(_take(feed, 1))
    await asyncio.sleep(0.2)
    (new,) = await _record(graph, "m2")
    await bus.publish(match_topic("ana"), new.to_message())
    assert await pending == ["m2"]
    await feed.aclose()


async def test_a_subscriber_that_falls_behind_is_told_where_to_resume(graph: Database) -> None:
    bus = InProcessBus(queue_size=2)
    (first,) = await _record(graph, "m1")
    feed = match_feed(graph, bus, "ana", after=0)
    assert await _take(feed, 1) == ["m1"]
    for event in await _record(graph, "m2", "m3", "m4"):
        await bus.publish(match_topic("ana"), event.to_message())
    with pytest.raises(FeedInterrupted) as interrupted:
        await _take(feed, 1)
    assert interrupted.value.last == first.seq
    resumed = match_feed(graph, bus, "ana", after=interrupted.value.last)
    assert await _take(resumed, 3) == ["m2", "m3", "m4"]
    await resumed.aclose()


async def test_a_full_queue_does_not_stall_other_subscribers() -> None:
    bus = InProcessBus(queue_size=1)
    async with bus.subscribe("t") as slow, bus.subscribe("t") as fast:
        for i in range(3):
            await bus.publish("t", {"i": i})
            assert (await fast.get())["i"] == i
        with pytest.raises(SubscriberOverflow):
            await slow.get()
    assert bus.subscriber_count() == 0
