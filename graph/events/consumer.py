"""The change log's consumer: applies each recorded change at least once, then trims it.

A loop per process (`ChangeConsumer.run`): claim a batch of changes with a lease
(`graph.events.change_log.claim`), apply them concurrently, trim the applied ones.
It wakes at once when this process records a change and otherwise looks at the
log every `poll` seconds, for changes other or dead processes left.

Applying a change is idempotent, so applying one twice (a lease that expired
under a slow consumer) is harmless: the watcher reads the current state and
records each pair's event once ever (`graph.events.store`); a request update
may reach a subscriber twice, and clients take it as the request's new state.

A failed attempt (a timed-out statement, Neo4j unavailable, anything) keeps the
change: its attempt is counted, it waits a backoff, and the next attempt gives
each statement more time. After `max_attempts` it is parked as dead: kept with
its error, logged, counted in `/metrics`, and pruned by number and age.

Shutdown (`stop`) stops claiming, lets the batch in hand finish within a bound,
and releases what is left of it, so that another process takes it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket

from graph.database import Database
from graph.events import change_log
from graph.events.bus import EventBus
from graph.events.change_log import Change
from graph.events.domain import RequestUpdated, request_topic
from graph.events.watcher import MatchWatcher
from graph.ranking.page_invalidation import invalidate_pages
from graph.settings import ChangeLogSettings, WatchSettings

logger = logging.getLogger("mentorgraph.events")


class ConsumerStats:
    """What a consumer did since it started; `api.metrics` counts it for Prometheus too."""

    def __init__(self) -> None:
        self.applied = 0
        self.retries = 0
        """Failed attempts that will be tried again."""
        self.parked = 0
        """Changes parked as dead after their last attempt."""

    def count_applied(self, changes: int) -> None:
        self.applied += changes

    def count_retry(self) -> None:
        self.retries += 1

    def count_parked(self) -> None:
        self.parked += 1


def consumer_name() -> str:
    """Who holds a lease: host, process and a random part (a restarted process is another)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class ChangeConsumer:
    def __init__(
        self,
        database: Database,
        bus: EventBus,
        watch: WatchSettings,
        settings: ChangeLogSettings,
        *,
        name: str | None = None,
        stats: ConsumerStats | None = None,
    ) -> None:
        # Its own view of the database: its round trips are not a request's.
        self.database = database.with_timeout(database.timeout)
        self.bus = bus
        self.settings = settings
        self.name = name or consumer_name()
        self.watcher = MatchWatcher(self.database, bus, watch)
        self.stats = stats or ConsumerStats()
        self._wake = asyncio.Event()
        self._stopping = False
        self._held: set[str] = set()
        """Ids of the batch in hand: released on shutdown if not applied."""
        self._loop: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._loop = asyncio.create_task(self.run())

    def wake(self) -> None:
        """Look at the log now (a change was recorded here)."""
        self._wake.set()

    async def run(self) -> None:
        await self._prune()
        while not self._stopping:
            try:
                claimed = await self.step()
            except Exception:
                logger.exception("could not claim changes; trying again in %gs", self.settings.poll)
                claimed = 0
            if claimed < self.settings.batch and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.poll)

    async def step(self) -> int:
        """Claim one batch and apply it; how many changes were claimed."""
        self._wake.clear()
        batch = await change_log.claim(
            self.database, self.name, limit=self.settings.batch, lease=self.settings.lease
        )
        self._held = {change.id for change in batch}
        applied = await asyncio.gather(*(self._attempt(change) for change in batch))
        done = [change.id for change, ok in zip(batch, applied, strict=True) if ok]
        await change_log.trim(self.database, done)
        self._held.clear()
        self.stats.count_applied(len(done))
        return len(batch)

    async def apply(self, change: Change, *, timeout: float) -> None:
        """A change's effects, in order. Each is idempotent and reads the current state."""
        event = change.event
        # 1. Stored match pages the change can affect go stale (before the match events, so
        #    an event never points at a page older than itself).
        await invalidate_pages(self.database, event)
        # 2. Match events: recorded once per pair, published after they committed.
        await self.watcher.handle(event, timeout=timeout)
        # 3. Request updates, last: a retry of the steps above does not send them again.
        if isinstance(event, RequestUpdated):
            message = {"request": event.request, "state": event.state}
            for person in (event.mentee, event.mentor):
                await self.bus.publish(request_topic(person), message)

    async def _attempt(self, change: Change) -> bool:
        try:
            await self.apply(change, timeout=self.settings.attempt_timeout(change.attempts))
        except Exception as exc:
            await self._failed(change, exc)
            return False
        return True

    async def _failed(self, change: Change, exc: Exception) -> None:
        attempts = change.attempts + 1
        try:
            dead = await change_log.fail(
                self.database,
                change.id,
                error=f"{type(exc).__name__}: {exc}",
                backoff=self.settings.retry_delay(attempts),
                max_attempts=self.settings.max_attempts,
            )
        except Exception:
            # The lease runs out and the change is tried again: nothing is lost.
            logger.exception("could not count the failed attempt at %s", change.id)
            return
        if dead:
            self.stats.count_parked()
            logger.error(
                "parked change %s (%r) as dead after %d attempts: %s",
                change.id, change.event, attempts, exc,
            )  # fmt: skip
            await self._prune()
        else:
            self.stats.count_retry()
            logger.warning(
                "change %s (%r) failed (attempt %d of %d), retried: %s",
                change.id, change.event, attempts, self.settings.max_attempts, exc,
            )  # fmt: skip

    async def _prune(self) -> None:
        try:
            await change_log.prune_dead(
                self.database,
                keep=self.settings.dead_kept,
                max_age=self.settings.dead_days * 86400,
            )
        except Exception:
            logger.exception("could not prune dead changes")

    async def stop(self) -> None:
        """Stop claiming; the batch in hand has the settings' `drain` seconds, then what is
        left of it is released for another process."""
        self._stopping = True
        self._wake.set()
        if self._loop is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._loop), self.settings.drain)
        except TimeoutError:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            held, self._held = list(self._held), set()
            logger.warning("released %d changes in hand at shutdown", len(held))
            with contextlib.suppress(Exception):
                await change_log.release(self.database, self.name, held)
