"""One process's background work on stored match pages: refreshes and invalidations.

A request that finds no fresh page is answered live and asks for a refresh here, which runs
after the response (one per mentee at a time, a few at once, so refreshes never take the
driver's pool from requests). Each committed change is invalidated here too; a read first
waits for this process's pending invalidations (`settled`), so a client reads its own
writes. Other processes see a change once the pipeline has invalidated it; until then their
reads are exact on exclusions (docs/ranking.md, "The freshness contract").
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from graph.database import Database
from graph.events.domain import DomainEvent
from graph.ranking.page_invalidation import invalidate_pages
from graph.ranking.stored_pages import PageToken, refresh_page

log = logging.getLogger(__name__)

MAX_CONCURRENT_REFRESHES = 4


class PageKeeper:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._refreshing: dict[str, asyncio.Task[None]] = {}
        self._invalidating: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(MAX_CONCURRENT_REFRESHES)

    def refresh(self, mentee: str, token: PageToken | None) -> None:
        """Store a new page for `mentee` in the background (once, if already under way)."""
        if mentee not in self._refreshing:
            task = self._spawn(self._refresh(mentee, token))
            self._refreshing[mentee] = task
            task.add_done_callback(lambda _: self._refreshing.pop(mentee, None))

    def invalidate(self, change: DomainEvent) -> None:
        """Make stale the pages a committed `change` can affect, in the background."""
        task = self._spawn(self._invalidate(change))
        self._invalidating.add(task)
        task.add_done_callback(self._invalidating.discard)

    async def settled(self) -> None:
        """Wait for the invalidations published so far."""
        if self._invalidating:
            await asyncio.gather(*tuple(self._invalidating), return_exceptions=True)

    async def drain(self) -> None:
        """Wait for every invalidation and refresh under way."""
        while self._invalidating or self._refreshing:
            await self.settled()
            await asyncio.gather(*tuple(self._refreshing.values()), return_exceptions=True)

    async def close(self) -> None:
        """Cancel the refreshes and invalidations under way, at shutdown, before the driver
        closes under them: the next read asks for its refresh again, and the change log's
        consumer invalidates every change again."""
        work = [*self._invalidating, *self._refreshing.values()]
        for task in work:
            task.cancel()
        await asyncio.gather(*work, return_exceptions=True)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.create_task(work)

    async def _refresh(self, mentee: str, token: PageToken | None) -> None:
        try:
            async with self._slots:
                await refresh_page(self.database, mentee, token)
        except Exception:
            # The request was answered live; the next one asks again.
            log.exception("could not refresh the match page of %r", mentee)

    async def _invalidate(self, change: DomainEvent) -> None:
        try:
            await invalidate_pages(self.database, change)
        except Exception:
            # Pages it should have made stale expire after stored_pages.MAX_AGE at most.
            log.exception("could not invalidate the match pages of %r", change)
