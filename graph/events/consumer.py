"""The change log's consumer: applies each recorded change at least once, then trims it.

A loop per process (`ChangeConsumer.run`) keeps up to `batch` changes (with their
repeats, below) in flight: it claims changes with a lease (`graph.events.change_log.claim`)
whenever a place is free, applies each on its own, and trims each as soon as it is
applied, so one slow change holds only its own place. While a change runs its lease is
renewed, so a change that outlasts one lease is not taken by another process as well. The
loop wakes when this process records a change or a change in flight finishes, and
otherwise looks at the log every `poll` seconds, for changes other or dead processes left.

Identical changes (the same domain event, such as a mentor who toggles their preferences
again and again) are applied once for all of them, as long as that application starts
after each of them committed: changes claimed together share one, and one claimed while
its twin is being applied waits for it and joins the next, which takes a place of its own.
Since an application reads the current state, that one does what each would have done; a
burst of repeats costs one heavy application, and one behind it, rather than one each.

Applying a change is idempotent, so applying one twice (a lease that expired under a
frozen process) is harmless: the watcher reads the current state and records each
pair's event once ever (`graph.events.store`); a request update may reach a subscriber
twice, and clients take it as the request's new state.

A failed attempt keeps the change: its attempt is counted, it waits a backoff, and the
next attempt gives each statement more time. A change that failed for want of time or of
Neo4j (`Unavailable`, `TimedOut`) is never given up: it waits and is tried again, for as
long as it takes, since giving it up would lose its events. Any other failure is a
defect; after `max_attempts` such a change is parked as dead: kept with its error,
logged, counted in `/metrics`, and pruned by number and age.

Shutdown (`stop`) stops claiming, lets the changes in hand finish within a bound, and
releases what is left of them, so that another process takes them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from dataclasses import dataclass, field

from graph.database import Database
from graph.errors import Unavailable
from graph.events import change_log
from graph.events.bus import EventBus
from graph.events.change_log import Change
from graph.events.domain import DomainEvent, RequestUpdated, request_topic
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

    def count_retries(self, changes: int) -> None:
        self.retries += changes

    def count_parked(self, changes: int) -> None:
        self.parked += changes


def consumer_name() -> str:
    """Who holds a lease: host, process and a random part (a restarted process is another)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass
class _Application:
    """One application of an event for all the changes that carry it."""

    event: DomainEvent
    changes: list[Change]
    after: asyncio.Task[None] | None
    """The application of the same event before it, which it waits for."""
    started: bool = False
    """Once it reads the state, a change committed later cannot join it."""
    task: asyncio.Task[None] = field(init=False)


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
        self._in_flight: dict[str, asyncio.Task[None]] = {}
        """The changes in hand, by id, with the task applying each: their leases are
        renewed, and released on shutdown."""
        self._latest: dict[DomainEvent, _Application] = {}
        """The last application of each event in hand, running or waiting to."""
        self._tasks: list[asyncio.Task[None]] = []
        """The claiming loop and the lease keeper, once started."""

    @property
    def held(self) -> frozenset[str]:
        """Ids of the changes in hand."""
        return frozenset(self._in_flight)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self.run()), asyncio.create_task(self._keep_leases())]

    def wake(self) -> None:
        """Look at the log now (a change was recorded here)."""
        self._wake.set()

    async def run(self) -> None:
        await self._prune()
        while not self._stopping:
            self._wake.clear()
            room = self.settings.batch - self._places()
            claimed = 0
            if room > 0:
                try:
                    claimed = len(await self._claim(room))
                except Exception:
                    logger.exception("could not claim changes; trying again soon")
            if (room == 0 or claimed < room) and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.settings.poll)

    async def step(self) -> int:
        """Claim what there is room for and apply it; how many changes were claimed (for
        tests and tools that drive the consumer themselves, without `start`)."""
        changes = await self._claim(max(0, self.settings.batch - self._places()))
        await asyncio.gather(*{self._in_flight[change.id] for change in changes})
        return len(changes)

    def _places(self) -> int:
        """Places taken: one per application in hand, however many changes it carries."""
        return len(set(self._in_flight.values()))

    async def _claim(self, room: int) -> list[Change]:
        """Claim up to `room` changes and start applying them, or have them join an
        application of their event that has not started yet; the changes claimed."""
        changes = await change_log.claim(
            self.database, self.name, limit=room, lease=self.settings.lease
        )
        for change in changes:
            latest = self._latest.get(change.event)
            if latest is not None and not latest.started:
                latest.changes.append(change)
            else:
                after = latest.task if latest else None
                latest = self._latest[change.event] = _Application(change.event, [change], after)
                latest.task = asyncio.create_task(self._settle(latest))
            self._in_flight[change.id] = latest.task
        return changes

    async def apply(self, change: Change, *, timeout: float) -> None:
        """A change's effects, in order. Each is idempotent and reads the current state."""
        event = change.event
        # 1. Stored match pages the change can affect go stale (before the match events, so
        #    an event never points at a page older than itself).
        await invalidate_pages(self.database.with_timeout(timeout), event)
        # 2. Match events: recorded once per pair, published after they committed.
        await self.watcher.handle(event, timeout=timeout)
        # 3. Request updates, last: a retry of the steps above does not send them again.
        if isinstance(event, RequestUpdated):
            message = {"request": event.request, "state": event.state}
            for person in (event.mentee, event.mentor):
                await self.bus.publish(request_topic(person), message)

    async def _settle(self, application: _Application) -> None:
        """Apply the application's event once, after the one before it, then trim its
        changes, or count each one's failure; either way their places free."""
        try:
            if application.after is not None:
                await asyncio.wait([application.after])
            application.started = True
            changes = application.changes
            attempts = max(change.attempts for change in changes)
            try:
                await self.apply(changes[0], timeout=self.settings.attempt_timeout(attempts))
            except Exception as exc:
                await self._failed(application, exc)
                return
            try:
                await change_log.trim(self.database, [change.id for change in changes])
            except Exception:
                # Applied, not trimmed: the lease runs out and it is applied again, harmlessly.
                logger.exception("could not trim applied changes %s", [c.id for c in changes])
                return
            self.stats.count_applied(len(changes))
        finally:
            for change in application.changes:
                # A change whose failure was counted may be claimed again meanwhile, by a
                # later application: that one holds it now.
                if self._in_flight.get(change.id) is application.task:
                    del self._in_flight[change.id]
            if self._latest.get(application.event) is application:
                del self._latest[application.event]
            self._wake.set()

    async def _failed(self, application: _Application, exc: Exception) -> None:
        """Count the failed attempt at each of the application's changes, in one write; a
        log line per outcome (parked, retried, or no longer this consumer's)."""
        changes = application.changes
        backoffs = {c.id: self.settings.retry_delay(c.attempts + 1) for c in changes}
        try:
            failures = await change_log.fail(
                self.database,
                self.name,
                backoffs,
                error=f"{type(exc).__name__}: {exc}",
                defect=not isinstance(exc, Unavailable),
                max_attempts=self.settings.max_attempts,
            )
        except Exception:
            # The leases run out and the changes are tried again: nothing is lost.
            logger.exception("could not count the failed attempt at %s", list(backoffs))
            return
        parked = [f for f in failures if f.dead]
        retried = [f for f in failures if not f.dead]
        self.stats.count_parked(len(parked))
        self.stats.count_retries(len(retried))
        if parked:
            logger.error(
                "parked %d change(s) of %r as dead after %s attempts: %s",
                len(parked), application.event, _attempts(parked), exc,
            )  # fmt: skip
            await self._prune()
        if retried:
            logger.warning(
                "%d change(s) of %r failed (attempt %s), retried: %s",
                len(retried), application.event, _attempts(retried), exc,
            )  # fmt: skip
        if gone := len(changes) - len(failures):
            logger.warning(
                "%d change(s) of %r failed, and are no longer held (applied, parked or "
                "claimed elsewhere since): %s",
                gone, application.event, exc,
            )  # fmt: skip

    async def _keep_leases(self) -> None:
        """Renew the leases of the changes in hand, a few times per lease."""
        while not self._stopping:
            await asyncio.sleep(self.settings.lease / 4)
            held = list(self._in_flight)
            try:
                await change_log.renew(self.database, self.name, held, lease=self.settings.lease)
            except Exception:
                logger.exception("could not renew the leases of %d changes", len(held))

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
        """Stop claiming; the changes in hand have the settings' `drain` seconds, then what is
        left of them is released for another process."""
        self._stopping = True
        self._wake.set()
        if not self._tasks:
            return
        loop, keeper = self._tasks
        keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeper
        deadline = asyncio.get_running_loop().time() + self.settings.drain
        # The loop first: a claim it is making adds to the changes in hand.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(loop), self.settings.drain)
        loop.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await loop
        if self._in_flight:
            left = max(0.0, deadline - asyncio.get_running_loop().time())
            await asyncio.wait(set(self._in_flight.values()), timeout=left)
        held = list(self._in_flight)
        unfinished = set(self._in_flight.values())
        for task in unfinished:
            task.cancel()
        await asyncio.gather(*unfinished, return_exceptions=True)
        await self.watcher.close()
        if not held:
            return
        logger.warning("released %d changes in hand at shutdown", len(held))
        with contextlib.suppress(Exception):
            await change_log.release(self.database, self.name, held)


def _attempts(failures: list[change_log.Failure]) -> str:
    """The attempt counts of `failures`, as "3" or "2-5"."""
    counts = sorted(f.attempts for f in failures)
    return str(counts[0]) if counts[0] == counts[-1] else f"{counts[0]}-{counts[-1]}"
