"""The match event store: `(:MatchEvent)` nodes with a monotonic cursor.

    (mentee:Person)<-[:FOR_MENTEE]-(:MatchEvent {key, seq, at, score, signals})
                                              -[:SUGGESTS]->(mentor:Person)

- **At most once per pair.** An event's key is derived from its (mentee, mentor)
  pair and is unique (`queries/schema/match_event_key.cypher`): a pair recorded
  once is never recorded, hence never sent, again, even after a restart.
- **A cursor without gaps in commit order.** `seq` comes from an
  `(:EventSequence {name: 'match'})` counter whose write lock each recording
  transaction takes first and keeps until it commits, so events commit in `seq`
  order: once a reader sees `seq` N, no event below N can still appear. Replay
  reads `seq > after`; live delivery checks each event's `prev`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from graph.database import Database, run
from graph.events.domain import MatchEvent, parse_signals, signals_json
from graph.pages import Window
from graph.ranking.signals import Signal
from graph.registry import paged_statement, statement
from graph.values import native

_LOCK_SEQUENCE = statement("events/lock_sequence")
_MATCH_EVENT_FACTS = statement("events/match_event_facts")
_CREATE_MATCH_EVENTS = statement("events/create_match_events")
_MATCH_EVENTS_OF_PERSON = paged_statement("events/match_events_of_person")
_LATEST_MATCH_EVENT = statement("events/latest_match_event")
_GET_MATCH_EVENT = statement("events/get_match_event")

SEQUENCE = "match"


@dataclass(frozen=True)
class NewMatch:
    """A pair the watcher wants recorded: scored, above the threshold."""

    mentee: str
    mentor: str
    score: float
    signals: tuple[Signal, ...]


def event_key(mentee: str, mentor: str) -> str:
    """The key of a pair's one event: JSON of the pair, unambiguous whatever the keys hold."""
    return "match:" + json.dumps([mentee, mentor], separators=(",", ":"))


async def record_matches(
    database: Database, matches: Sequence[NewMatch], *, timeout: float | None = None
) -> list[MatchEvent]:
    """Record the pairs not recorded before, in one transaction; return the new events by seq."""
    if not matches:
        return []

    async def work(tx: AsyncManagedTransaction) -> list[MatchEvent]:
        await run(tx, _LOCK_SEQUENCE, {"name": SEQUENCE})
        keys = [event_key(m.mentee, m.mentor) for m in matches]
        (facts,) = await run(
            tx,
            _MATCH_EVENT_FACTS,
            {"name": SEQUENCE, "keys": keys, "mentees": sorted({m.mentee for m in matches})},
        )
        existing = set(facts["existing"])
        latest = {row["mentee"]: int(row["seq"]) for row in facts["latest"]}
        value = int(facts["value"] or 0)
        rows: list[dict[str, Any]] = []
        planned: dict[str, tuple[NewMatch, int]] = {}
        for key, match in zip(keys, matches, strict=True):
            if key in existing or key in planned:
                continue
            value += 1
            planned[key] = (match, latest.get(match.mentee, 0))
            latest[match.mentee] = value
            rows.append(
                {
                    "key": key,
                    "seq": value,
                    "mentee": match.mentee,
                    "mentor": match.mentor,
                    "score": match.score,
                    "signals": signals_json(match.signals),
                }
            )
        created = await run(
            tx, _CREATE_MATCH_EVENTS, {"name": SEQUENCE, "value": value, "events": rows}
        )
        events = []
        for row in created:
            match, prev = planned[row["key"]]
            events.append(
                MatchEvent(
                    key=row["key"],
                    seq=int(row["seq"]),
                    prev=prev,
                    at=native(row["at"]),
                    mentee=match.mentee,
                    mentor=match.mentor,
                    score=match.score,
                    signals=match.signals,
                )
            )
        return sorted(events, key=lambda e: e.seq)

    return await database.write_transaction(work, timeout=timeout)


async def match_events_after(
    database: Database, mentee: str, *, after: int, limit: int
) -> list[MatchEvent]:
    """Up to `limit` of a mentee's events with `seq > after`, oldest first (the replay)."""
    return await match_events_page(database, mentee, Window(limit - 1, after))


async def match_events_page(
    database: Database, mentee: str, window: Window[int]
) -> list[MatchEvent]:
    """A mentee's events of `window` (`window.limit` at most), in the order read.

    Each `prev` is the `seq` of the event before it in the list: forwards, the cursor's for
    the first (0 from the start); backwards, 0 for the last row read, which is the oldest
    event or the row past the page.
    """
    rows = await database.read(
        _MATCH_EVENTS_OF_PERSON.reading(backward=window.backward),
        {"mentee": mentee, **window.bounds(), "limit": window.limit},
    )
    seqs = [int(row["seq"]) for row in rows]
    prevs = [*seqs[1:], 0] if window.backward else [window.cursor or 0, *seqs]
    return [_event(row, prev) for row, prev in zip(rows, prevs[: len(seqs)], strict=True)]


async def get_match_event(database: Database, key: str) -> MatchEvent | None:
    """The event with `key` while its mentee may still see its mentor, else `None`.

    Read alone, out of any list, its `prev` is 0.
    """
    rows = await database.read(_GET_MATCH_EVENT, {"key": key})
    return _event(rows[0], 0) if rows else None


def _event(row: dict[str, Any], prev: int) -> MatchEvent:
    return MatchEvent(
        key=row["key"],
        seq=int(row["seq"]),
        prev=prev,
        at=native(row["at"]),
        mentee=row["mentee"],
        mentor=row["mentor"],
        score=float(row["score"]),
        signals=parse_signals(row["signals"]),
    )


async def latest_match_seq(database: Database, mentee: str) -> int:
    (row,) = await database.read(_LATEST_MATCH_EVENT, {"mentee": mentee})
    return int(row["seq"])


class GroupRecorder:
    """Group commit: recordings that arrive while one is committing share the next transaction.

    Every recording takes the one sequence lock, so concurrent changes would queue
    on it one transaction each; batching them takes the lock once per batch.
    Each caller gets back the events of its own matches (a pair asked for twice in
    one batch goes to the first caller).
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._waiting: list[_Waiting] = []
        self._flusher: asyncio.Task[None] | None = None

    async def record(
        self, matches: Sequence[NewMatch], *, timeout: float | None = None
    ) -> list[MatchEvent]:
        """`timeout`: seconds for the transaction; a shared one takes the longest asked."""
        if not matches:
            return []
        future: asyncio.Future[list[MatchEvent]] = asyncio.get_running_loop().create_future()
        self._waiting.append(_Waiting(list(matches), future, timeout or self.database.timeout))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def close(self) -> None:
        """Stop recording: a transaction in progress is cancelled (rolled back), and every
        recording still waiting fails with `CancelledError`. For shutdown, once the callers
        have been cancelled; a change whose recording is cut short is applied again."""
        flusher, self._flusher = self._flusher, None
        if flusher is not None and not flusher.done():
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
        waiting, self._waiting = self._waiting, []
        for left in waiting:
            left.future.cancel()

    async def _flush(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                events = await record_matches(
                    self.database,
                    [m for waiting in batch for m in waiting.matches],
                    timeout=max(waiting.timeout for waiting in batch),
                )
            except Exception as exc:
                for waiting in batch:
                    if not waiting.future.done():
                        waiting.future.set_exception(exc)
                continue
            by_key = {event.key: event for event in events}
            for waiting in batch:
                mine = [by_key.pop(event_key(m.mentee, m.mentor), None) for m in waiting.matches]
                if not waiting.future.done():
                    waiting.future.set_result(sorted((e for e in mine if e), key=lambda e: e.seq))


@dataclass(frozen=True)
class _Waiting:
    matches: list[NewMatch]
    future: asyncio.Future[list[MatchEvent]]
    timeout: float
