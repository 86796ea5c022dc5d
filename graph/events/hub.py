"""The events of one API process: its bus, its match watcher, and publishing.

A mutation calls `publish(event)` once its write has committed. Publishing does
not wait: request updates go to the bus and the match watcher runs in a
background task, so a mutation's response never waits for re-ranking. `drain()`
waits for that work (tests, shutdown).
"""

from __future__ import annotations

import asyncio
import logging

from graph.database import Database
from graph.events.bus import EventBus, InProcessBus
from graph.events.domain import DomainEvent, RequestUpdated, request_topic
from graph.events.person_batcher import PersonBatcher
from graph.events.redis_bus import RedisBus
from graph.events.watcher import MatchWatcher
from graph.ranking.page_keeper import PageKeeper
from graph.settings import Settings, WatchSettings

logger = logging.getLogger("mentorgraph.events")

DRAIN_TIMEOUT = 10.0
"""Seconds `close` waits for events being handled before it cancels them."""

MAX_CONCURRENT_WATCHERS = 8
"""Background re-ranking may not take the driver's pool from requests (50 connections)."""


class EventHub:
    def __init__(self, database: Database, bus: EventBus, watch: WatchSettings) -> None:
        self.database = database
        self.bus = bus
        self.watcher = MatchWatcher(database, bus, watch)
        self.people = PersonBatcher(database)
        self.pages = PageKeeper(database)
        self._tasks: set[asyncio.Task[None]] = set()
        self._watching = asyncio.Semaphore(MAX_CONCURRENT_WATCHERS)

    @classmethod
    async def start(cls, settings: Settings, database: Database) -> EventHub:
        """The Redis bus when `REDIS_URL` is set, else the in-process bus; subscribed on return."""
        bus: EventBus = RedisBus(settings.redis_url) if settings.redis_url else InProcessBus()
        await bus.start()
        return cls(database, bus, settings.watch)

    def publish(self, event: DomainEvent) -> None:
        """React to a committed change, in the background: stored match pages first."""
        self.pages.invalidate(event)
        task = asyncio.create_task(self._handle(event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait until every published event has been handled, and every page refreshed."""
        while self._tasks:
            await asyncio.gather(*tuple(self._tasks), return_exceptions=True)
        await self.pages.drain()

    async def close(self, *, timeout: float = DRAIN_TIMEOUT) -> None:
        try:
            await asyncio.wait_for(self.drain(), timeout)
        except TimeoutError:
            logger.warning("stopped with %d events unhandled", len(self._tasks))
            for task in tuple(self._tasks):
                task.cancel()
        await self.bus.close()

    async def _handle(self, event: DomainEvent) -> None:
        try:
            if isinstance(event, RequestUpdated):
                message = {"request": event.request, "state": event.state}
                for person in (event.mentee, event.mentor):
                    await self.bus.publish(request_topic(person), message)
            async with self._watching:
                await self.watcher.handle(event)
        except Exception:
            # The write has committed; a failure here only delays matches to the next change.
            logger.exception("could not handle %r", event)
