"""The events of one API process: its bus, its change-log consumer, and waiting for the log.

Mutations announce nothing from memory: each writes its change record in its own
transaction (`graph.events.change_log`), and a consumer applies it from the log
(`graph.events.consumer`): match events, request updates. The hub runs that
consumer unless `MENTORGRAPH_CHANGE_CONSUMER=off` (workers consume instead), wakes
it when this process records a change, and lets tests and shutdown wait until
this process's changes have been applied (`drain`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

from graph.database import Database
from graph.events import change_log
from graph.events.bus import EventBus, InProcessBus
from graph.events.consumer import ChangeConsumer, ConsumerStats
from graph.events.domain import DomainEvent
from graph.events.person_batcher import PersonBatcher
from graph.events.redis_bus import RedisBus
from graph.ranking.page_keeper import PageKeeper
from graph.settings import Settings

logger = logging.getLogger("mentorgraph.events")

WAIT_TIMEOUT = 60.0
"""Seconds `drain` waits by default: a ranking on a loaded machine may take many."""

_DRAIN_POLL = 0.02


class EventHub:
    def __init__(self, database: Database, bus: EventBus, consumer: ChangeConsumer | None) -> None:
        self.database = database
        self.bus = bus
        self.consumer = consumer
        self.people = PersonBatcher(database)
        self.pages = PageKeeper(database)
        self._recorded: set[str] = set()
        """Ids of changes this process recorded that may still wait in the log."""
        database.change_listeners.append(self._heard)

    @classmethod
    async def start(
        cls, settings: Settings, database: Database, *, stats: ConsumerStats | None = None
    ) -> EventHub:
        """The Redis bus when `REDIS_URL` is set, else the in-process bus; subscribed on return.
        The consumer runs when the settings say so, counting what it does in `stats`."""
        bus: EventBus = RedisBus(settings.redis_url) if settings.redis_url else InProcessBus()
        await bus.start()
        consumer = None
        if settings.change_log.consumer:
            consumer = ChangeConsumer(
                database, bus, settings.watch, settings.change_log, stats=stats
            )
            consumer.start()
        return cls(database, bus, consumer)

    def _heard(self, ids: Sequence[str], changes: Sequence[DomainEvent]) -> None:
        """A change this process committed: its pages go stale here at once, so the writer
        reads its own write; the consumer invalidates them again from the log, for every
        process and after a crash."""
        for change in changes:
            self.pages.invalidate(change)
        self._recorded.update(ids)
        if self.consumer is not None:
            self.consumer.wake()

    async def drain(self, *, timeout: float = WAIT_TIMEOUT) -> None:
        """Wait until every change this process recorded is applied (or parked as dead),
        by whichever consumer; `TimeoutError` after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while self._recorded:
            self._recorded &= await change_log.pending(self.database, list(self._recorded))
            if not self._recorded:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self._recorded)} changes still wait in the log")
            await asyncio.sleep(_DRAIN_POLL)
        await self.pages.drain()

    async def close(self) -> None:
        if self._heard in self.database.change_listeners:
            self.database.change_listeners.remove(self._heard)
        if self.consumer is not None:
            await self.consumer.stop()
        await self.pages.close()
        await self.bus.close()
