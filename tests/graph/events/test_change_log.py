"""The change log: each mutation writes exactly its change in its own transaction (a failed
or empty one writes none), and the consumer applies, trims, retries, parks and leases."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import neo4j
import pytest

from graph import connections, mentorships, people, safety, skills
from graph.database import Database
from graph.errors import MentorgraphError
from graph.events import change_log
from graph.events.bus import InProcessBus
from graph.events.consumer import ChangeConsumer
from graph.events.domain import (
    BlockChanged,
    Connected,
    Disconnected,
    DomainEvent,
    GoalsChanged,
    HoldChanged,
    MentorChanged,
    MentorshipEnded,
    PersonDeleted,
    ProfileChanged,
    RequestUpdated,
    SkillAdded,
    SkillRemoved,
    match_topic,
)
from graph.events.store import GroupRecorder, match_events_after
from graph.people import ProfileFields
from graph.registry import Statement, statement
from graph.settings import ChangeLogSettings, MentorshipRules, Settings, WatchSettings
from tests.builders import build, fixture_statement, knows, mentor, person, skill

KINDS = fixture_statement("change_kinds")
FAST = ChangeLogSettings(poll=0.1, timeout=5.0, backoff=0.05, lease=30.0)


async def _graph(database: Database) -> None:
    await build(
        database,
        skills=[skill("django"), skill("ml")],
        people=[person("ana", seekingMentor=True), mentor("mo", capacity=2), person("zed"),
                person("rex"), person("ivy")],
        knows=knows(("ana", "zed")),
        has_skill=[{"person": "mo", "skill": "django", "level": 5, "years": 1}],
        wants_to_learn=[{"person": "ana", "skill": "django", "priority": 1}],
        mentors=[{"mentor": "mo", "mentee": "ivy", "status": "ACTIVE", "since": None}],
    )  # fmt: skip


async def _changes(database: Database) -> list[DomainEvent]:
    return [change_log.parse(r["kind"], r["payload"]) for r in await database.read(KINDS)]


async def _request(database: Database) -> str:
    rules = MentorshipRules()
    made = await mentorships.request_mentorship(
        database, "ana", "mo", message="", goals=(), rules=rules
    )
    return made.key


Mutation = Callable[[Database], Awaitable[object]]
RULES = MentorshipRules()

# (the mutation, the change or changes it writes, a way to make it fail or change nothing)
WALK: list[tuple[str, Mutation, DomainEvent | list[DomainEvent] | None]] = [
    ("setMentorPreferences", lambda d: people.set_mentor_preferences(
        d, "mo", open_to_mentor=True, capacity=3), MentorChanged("mo")),
    ("setMentorPreferences of nobody", lambda d: people.set_mentor_preferences(
        d, "nobody", open_to_mentor=True, capacity=3), None),
    ("addSkill", lambda d: skills.add_skill(d, "mo", "ml", level=4, years=1),
     SkillAdded("mo", "ml")),
    ("addSkill unknown", lambda d: skills.add_skill(d, "mo", "nope", level=4, years=1), None),
    ("removeSkill", lambda d: skills.remove_skill(d, "mo", "django"),
     SkillRemoved("mo", "django")),
    ("removeSkill not held", lambda d: skills.remove_skill(d, "mo", "ml"), None),
    ("setLearningGoals", lambda d: skills.set_learning_goals(d, "ana", ["ml"]),
     GoalsChanged("ana")),
    ("respondToConnectionRequest", lambda d: _accept(d), Connected("rex", "ana")),
    ("removeConnection", lambda d: connections.remove_connection(d, "ana", "zed"),
     Disconnected("ana", "zed")),
    ("removeConnection not connected", lambda d: connections.remove_connection(d, "ana", "rex"),
     None),
    ("requestMentorship", _request, "request"),  # type: ignore[list-item]
    ("endMentorship", lambda d: mentorships.end_mentorship(
        d, "ivy", "mo", completed=True, reason="done"),
     [MentorshipEnded("ivy", "mo"), MentorChanged("mo")]),  # an outcome: mo's track record
    ("endMentorship none", lambda d: mentorships.end_mentorship(
        d, "ana", "mo", completed=True, reason="x"), None),
    ("blockPerson", lambda d: safety.block_person(d, "ana", "zed", reason=None),
     BlockChanged("ana", "zed", True)),
    ("blockPerson of nobody", lambda d: safety.block_person(d, "ana", "nobody", reason=None),
     None),
    ("unblockPerson not blocked", lambda d: safety.unblock_person(d, "ana", "zed"), None),
    ("updateProfile visibility", lambda d: people.update_profile(
        d, "ana", ProfileFields(visibility="CONNECTIONS")), ProfileChanged("ana")),
    ("updateProfile headline only", lambda d: people.update_profile(
        d, "ana", ProfileFields(headline="hi")), None),
    ("reportPerson that holds", lambda d: safety.report_person(
        d, "ana", "zed", reason="SPAM", details="", hold_threshold=1), HoldChanged("zed")),
    ("reportPerson below the hold", lambda d: safety.report_person(
        d, "ana", "zed", reason="SPAM", details="", hold_threshold=5), None),
    ("deleteAccount", lambda d: safety.delete_account(d, "zed"),
     PersonDeleted("zed", ("ana",), False)),
    ("deleteAccount of nobody", lambda d: safety.delete_account(d, "nobody"), None),
]  # fmt: skip


async def _accept(database: Database) -> bool:
    await connections.request_connection(database, "rex", "ana", daily_limit=10)
    return await connections.respond_to_connection(database, "rex", "ana", accept=True)


@pytest.mark.parametrize(("name", "mutation", "expected"), WALK, ids=[w[0] for w in WALK])
async def test_each_mutation_writes_exactly_its_change_and_a_failed_one_none(
    empty_graph: Database,
    name: str,
    mutation: Mutation,
    expected: DomainEvent | list[DomainEvent] | str | None,
) -> None:
    await _graph(empty_graph)
    try:
        result = await mutation(empty_graph)
    except MentorgraphError:
        assert expected is None, f"{name} failed"
        result = None
    changes = await _changes(empty_graph)
    if expected == "request":
        assert changes == [RequestUpdated(str(result), "ana", "mo", "PENDING")]
    elif isinstance(expected, list):
        assert changes == expected, name
    else:
        assert changes == ([expected] if expected else []), name


async def test_request_responses_and_unblock_and_resolution_write_theirs(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    first = await _request(empty_graph)
    await mentorships.respond_to_request(empty_graph, first, "mo", accept=False, reason=None)
    second = await _request(empty_graph)
    await mentorships.withdraw_request(empty_graph, second, "ana")
    await safety.block_person(empty_graph, "ana", "rex", reason=None)
    await safety.unblock_person(empty_graph, "ana", "rex")
    filed = await safety.report_person(
        empty_graph, "ana", "zed", reason="SPAM", details="", hold_threshold=1
    )
    await safety.resolve_report(
        empty_graph, filed.report.key, outcome="DISMISSED", note="ok", admin="root"
    )
    assert await _changes(empty_graph) == [
        RequestUpdated(first, "ana", "mo", "PENDING"),
        RequestUpdated(first, "ana", "mo", "DECLINED"),
        MentorChanged("mo"),  # the decline moved mo's track record
        RequestUpdated(second, "ana", "mo", "PENDING"),
        RequestUpdated(second, "ana", "mo", "WITHDRAWN"),
        BlockChanged("ana", "rex", True),
        BlockChanged("ana", "rex", False),
        HoldChanged("zed"),
        HoldChanged("zed"),
    ]


async def _consumer(database: Database, settings: ChangeLogSettings = FAST) -> ChangeConsumer:
    return ChangeConsumer(database, InProcessBus(), WatchSettings(), settings)


async def test_the_consumer_applies_publishes_once_and_trims(empty_graph: Database) -> None:
    await _graph(empty_graph)
    consumer = await _consumer(empty_graph)
    async with consumer.bus.subscribe(match_topic("ana")) as subscriber:
        await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=3)
        await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=4)
        assert await consumer.step() == 2
        # On a busy server an attempt may run past its 5 s and be retried: step until applied.
        deadline = time.monotonic() + 300
        while await change_log.log_size(empty_graph) != change_log.LogSize(pending=0, dead=0):
            assert time.monotonic() < deadline, "the changes were never applied"
            await asyncio.sleep(0.05)
            await consumer.step()
        assert (await asyncio.wait_for(subscriber.get(), 60))["mentor"] == "mo"
        assert subscriber.pending() == 0, "the pair is sent once"
    assert consumer.stats.applied == 2


async def test_leases_do_not_overlap_and_a_dead_consumers_lease_expires(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    for capacity in range(1, 9):
        await people.set_mentor_preferences(
            empty_graph, "mo", open_to_mentor=True, capacity=capacity
        )
    claims = await asyncio.gather(
        *(change_log.claim(empty_graph, f"c{i}", limit=3, lease=30) for i in range(4))
    )
    ids = [change.id for claim in claims for change in claim]
    assert len(ids) == len(set(ids)) == 8, "every change claimed once"
    await change_log.release(empty_graph, "c0", [c.id for c in claims[0]])
    await change_log.trim(empty_graph, [c.id for claim in claims[1:] for c in claim])
    dead = await change_log.claim(empty_graph, "dead", limit=10, lease=0.5)
    assert len(dead) == len(claims[0])
    assert await change_log.claim(empty_graph, "live", limit=10, lease=30) == []
    deadline = time.monotonic() + 30
    taken: list[change_log.Change] = []
    while not taken and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        taken = await change_log.claim(empty_graph, "live", limit=10, lease=30)
    assert [c.id for c in taken] == [c.id for c in dead]


@asynccontextmanager
async def _sequence_locked(settings: Settings) -> AsyncIterator[None]:
    """The event sequence's write lock, held by a transaction of the test's own: recording
    a match event waits for it, by construction, until the statement times out."""
    driver = neo4j.AsyncGraphDatabase.driver(
        settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
    )
    try:
        async with driver.session(database=settings.neo4j_database) as session:
            holder = await session.begin_transaction()
            await holder.run(statement("events/lock_sequence").text, {"name": "match"})
            yield
            await holder.rollback()
    finally:
        await driver.close()


async def _attempts(database: Database) -> tuple[int, bool]:
    (row,) = await database.read(KINDS)
    return int(row["attempts"] or 0), bool(row["dead"])


async def test_a_timed_out_change_is_retried_with_more_time_never_parked_and_delivered(
    empty_graph: Database, settings: Settings
) -> None:
    """The test holds the event sequence's write lock: recording waits for it until the
    attempt's statement timeout ends it, by construction. A change that fails for want of
    time is retried past `max_attempts`, and its event is sent once the lock goes."""
    await _graph(empty_graph)
    short = ChangeLogSettings(poll=0.1, timeout=0.5, timeout_growth=2.0, backoff=0.05,
                              max_backoff=0.05, max_attempts=1)  # fmt: skip
    consumer = await _consumer(empty_graph, short)
    async with _sequence_locked(settings):
        await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=3)
        deadline = time.monotonic() + 300
        while (await _attempts(empty_graph))[0] <= short.max_attempts:
            assert time.monotonic() < deadline, "the change was not retried"
            await consumer.step()
            await asyncio.sleep(0.05)
        assert await _attempts(empty_graph) == (short.max_attempts + 1, False), "not parked"
        assert consumer.stats.retries == short.max_attempts + 1
    async with consumer.bus.subscribe(match_topic("ana")) as subscriber:
        while await change_log.log_size(empty_graph) != change_log.LogSize(pending=0, dead=0):
            assert time.monotonic() < deadline, "the change was never applied"
            await consumer.step()
            await asyncio.sleep(0.05)
        assert (await asyncio.wait_for(subscriber.get(), 60))["mentor"] == "mo"
    recorded = await match_events_after(empty_graph, "ana", after=0, limit=10)
    assert [event.mentor for event in recorded] == ["mo"], "recorded once"
    assert consumer.stats.parked == 0


class _Defective(ChangeConsumer):
    """A consumer whose every application fails with a defect, not for want of time."""

    def __init__(self, database: Database, *, max_attempts: int) -> None:
        settings = dataclasses.replace(FAST, max_attempts=max_attempts)
        super().__init__(database, InProcessBus(), WatchSettings(), settings)

    async def apply(self, change: change_log.Change, *, timeout: float) -> None:
        raise ValueError("a defect")


async def test_a_change_that_fails_for_another_reason_is_parked_after_its_attempts(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    consumer = _Defective(empty_graph, max_attempts=2)
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=3)
    await consumer.step()
    assert (consumer.stats.retries, await _attempts(empty_graph)) == (1, (1, False))
    deadline = time.monotonic() + 60
    while not consumer.stats.parked:
        assert time.monotonic() < deadline, "the change was never parked"
        await asyncio.sleep(0.05)
        await consumer.step()
    assert await _attempts(empty_graph) == (2, True), "parked, kept"
    assert await change_log.log_size(empty_graph) == change_log.LogSize(pending=0, dead=1)
    assert await change_log.prune_dead(empty_graph, keep=0, max_age=3600) == 1


def _spy_on_writes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the statements every `Database.write` runs from now on, as they run."""
    names: list[str] = []
    write = Database.write

    async def noted(database: Database, stmt: Statement, *args: Any, **kwargs: Any) -> Any:
        names.append(stmt.name)
        return await write(database, stmt, *args, **kwargs)

    monkeypatch.setattr(Database, "write", noted)
    return names


async def test_repeats_whose_application_fails_each_count_their_own_attempt_in_one_write(
    empty_graph: Database, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change fails once; two repeats of it are recorded, and the three share the next
    application. When it fails, each counts its own attempt, with its own backoff, in one
    write and a log line per outcome, not one of each per change; so again when the first
    is parked and the others retried."""
    await _graph(empty_graph)
    consumer = _Defective(empty_graph, max_attempts=3)
    writes = _spy_on_writes(monkeypatch)

    async def mentor_changes(*capacities: int) -> None:
        for capacity in capacities:
            await people.set_mentor_preferences(
                empty_graph, "mo", open_to_mentor=True, capacity=capacity
            )

    def said() -> list[str]:
        lines = [r.getMessage() for r in caplog.records if r.name == "mentorgraph.events"]
        caplog.clear()
        return [line.split(" of ")[0] for line in lines]

    async def counted() -> list[tuple[int, bool | None]]:
        return [(r["attempts"], r["dead"]) for r in await empty_graph.read(KINDS)]

    with caplog.at_level(logging.WARNING, logger="mentorgraph.events"):
        await mentor_changes(1)
        assert await consumer.step() == 1
        assert (await counted(), said()) == ([(1, None)], ["1 change(s)"])
        await mentor_changes(2, 3)
        await asyncio.sleep(0.3)  # past the first's backoff (0.05 s after its failure)
        assert await consumer.step() == 3
        assert writes.count("events/fail_changes") == 2, writes
        assert (await counted(), said()) == ([(2, None), (1, None), (1, None)], ["3 change(s)"])
        first, second, third = [r["leaseUntil"].to_native() for r in await empty_graph.read(KINDS)]
        assert second == third and (first - second).total_seconds() == FAST.backoff
        await asyncio.sleep(0.3)
        assert await consumer.step() == 3
        assert await counted() == [(3, True), (2, None), (2, None)]
        assert said() == ["parked 1 change(s)", "2 change(s)"]
    assert writes.count("events/fail_changes") == 3, writes
    assert consumer.stats.retries == 1 + 3 + 2 and consumer.stats.parked == 1


async def _stuck_change(database: Database, consumer: ChangeConsumer) -> str:
    """Record a change whose event waits on the test's lock, start `consumer`, and return
    the change's id once the consumer holds it."""
    await people.set_mentor_preferences(database, "mo", open_to_mentor=True, capacity=3)
    (change,) = [row["id"] for row in await database.read(KINDS)]
    consumer.start()
    deadline = time.monotonic() + 60
    while change not in consumer.held:
        assert time.monotonic() < deadline, "the consumer never claimed the change"
        await asyncio.sleep(0.05)
    return change


def _recordings() -> list[asyncio.Task[object]]:
    """The match-event recordings running in this event loop."""
    recording = GroupRecorder._flush.__qualname__
    return [t for t in asyncio.all_tasks() if t.get_coro().__qualname__ == recording]


async def test_a_slow_change_holds_only_its_own_place(
    empty_graph: Database, settings: Settings
) -> None:
    """The first change waits on the event sequence's lock the test holds, for up to its
    120 s timeout; the three after it (which record no event) are applied meanwhile,
    although only two changes are in hand at once."""
    await _graph(empty_graph)
    slow = dataclasses.replace(FAST, batch=2, timeout=120.0, drain=0.5)
    consumer = await _consumer(empty_graph, slow)
    async with _sequence_locked(settings):
        first = await _stuck_change(empty_graph, consumer)
        for capacity in (1, 2, 3):  # zed mentors nobody near: no event to record
            await people.set_mentor_preferences(
                empty_graph, "zed", open_to_mentor=False, capacity=capacity
            )
        deadline = time.monotonic() + 60
        while await change_log.log_size(empty_graph) != change_log.LogSize(pending=1, dead=0):
            assert time.monotonic() < deadline, "the changes behind the slow one waited for it"
            await asyncio.sleep(0.05)
        assert consumer.held == {first}
        await consumer.stop()
    assert consumer.stats.applied == 3


class _Timed(ChangeConsumer):
    """A consumer that notes when each application of an event starts and ends."""

    def __init__(self, database: Database, settings: ChangeLogSettings) -> None:
        super().__init__(database, InProcessBus(), WatchSettings(), settings)
        self.applications: list[tuple[DomainEvent, float, float]] = []

    async def apply(self, change: change_log.Change, *, timeout: float) -> None:
        started = time.monotonic()
        await super().apply(change, timeout=timeout)
        self.applications.append((change.event, started, time.monotonic()))


async def test_identical_changes_claimed_together_are_applied_once(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    consumer = _Timed(empty_graph, dataclasses.replace(FAST, timeout=120.0))
    for who, slots in [("mo", 1), ("mo", 2), ("zed", 1), ("mo", 3), ("mo", 4)]:
        await people.set_mentor_preferences(empty_graph, who, open_to_mentor=True, capacity=slots)
    assert await consumer.step() == 5
    applied = Counter(event for event, _, _ in consumer.applications)
    assert applied == Counter([MentorChanged("mo"), MentorChanged("zed")])
    assert await change_log.log_size(empty_graph) == change_log.LogSize(pending=0, dead=0)
    assert consumer.stats.applied == 5


async def test_a_repeat_claimed_while_its_twin_runs_is_applied_once_after_it(
    empty_graph: Database, settings: Settings
) -> None:
    """The first application waits on the event sequence's lock the test holds; three
    repeats recorded meanwhile are claimed, wait for it and are applied together once it
    ended (an application that had started cannot have read what they changed)."""
    await _graph(empty_graph)
    consumer = _Timed(empty_graph, dataclasses.replace(FAST, timeout=120.0, drain=0.5))
    async with _sequence_locked(settings):
        await _stuck_change(empty_graph, consumer)
        for capacity in (4, 5, 6):
            await people.set_mentor_preferences(
                empty_graph, "mo", open_to_mentor=True, capacity=capacity
            )
        deadline = time.monotonic() + 60
        while len(consumer.held) < 4:
            assert time.monotonic() < deadline, "the repeats were never claimed"
            await asyncio.sleep(0.05)
        assert consumer._places() == 2, "the repeats share one place"
    # The lock is gone: the first records its event, then the repeats run once.
    deadline = time.monotonic() + 120
    while await change_log.log_size(empty_graph) != change_log.LogSize(pending=0, dead=0):
        assert time.monotonic() < deadline, "the changes were never applied"
        await asyncio.sleep(0.05)
    await consumer.stop()
    (_, _, first_ended), (_, then_started, _) = consumer.applications
    assert then_started >= first_ended
    assert consumer.stats.applied == 4


async def test_a_change_that_outlasts_its_lease_keeps_it(
    empty_graph: Database, settings: Settings
) -> None:
    """The change waits on the test's lock for two of its leases; the consumer renews its
    lease every quarter lease meanwhile (a renewal may stall for 7 s on a busy machine), so
    another consumer never claims it."""
    await _graph(empty_graph)
    leased = dataclasses.replace(FAST, lease=10.0, timeout=120.0, drain=0.5)
    consumer = await _consumer(empty_graph, leased)
    async with _sequence_locked(settings):
        change = await _stuck_change(empty_graph, consumer)
        until = time.monotonic() + 2 * leased.lease
        while time.monotonic() < until:
            assert await change_log.claim(empty_graph, "other", limit=10, lease=30) == []
            await asyncio.sleep(0.2)
        assert consumer.held == {change}
        await consumer.stop()


async def test_a_record_that_cannot_be_read_is_parked_and_the_rest_claimed(
    empty_graph: Database,
) -> None:
    await _graph(empty_graph)
    unreadable = {"id": "ch-0", "kind": "NoSuchKind", "payload": "{}"}
    await empty_graph.write(statement("events/record_change"), {"changes": [unreadable]})
    await people.set_mentor_preferences(empty_graph, "mo", open_to_mentor=True, capacity=3)
    claimed = await change_log.claim(empty_graph, "c", limit=10, lease=30)
    assert [type(c.event) for c in claimed] == [MentorChanged]
    assert await change_log.log_size(empty_graph) == change_log.LogSize(pending=1, dead=1)


async def test_a_consumer_that_stops_releases_its_batch_in_hand_after_its_drain(
    empty_graph: Database, settings: Settings
) -> None:
    """The test holds the event sequence's write lock, so the batch in hand cannot finish:
    `stop` gives it the drain bound, cancels the recording waiting on the lock, and then
    another consumer may claim the change at once."""
    await _graph(empty_graph)
    stopping = dataclasses.replace(FAST, timeout=120.0, drain=0.5)
    consumer = await _consumer(empty_graph, stopping)
    async with _sequence_locked(settings):
        await _stuck_change(empty_graph, consumer)
        deadline = time.monotonic() + 60
        while not _recordings():
            assert time.monotonic() < deadline, "the change never reached its recording"
            await asyncio.sleep(0.05)
        await consumer.stop()
        assert _recordings() == []
        taken = await change_log.claim(empty_graph, "next", limit=10, lease=30)
    assert [change.event for change in taken] == [MentorChanged(mentor="mo")]
