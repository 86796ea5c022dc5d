"""People read for event delivery, batched across subscribers: one query per burst.

When a change matches a thousand mentees at once, a thousand subscriptions each
want their event's mentor and mentee in the same instant; one query per event
would exhaust the driver's pool. Lookups made in the same event-loop turn share
one `get_people` round trip. Nothing is cached: every burst reads fresh.

Reads are not filtered by a viewer: the events they serve were recorded only for
pairs the mentee could see (`ranking/score_pairs`) and are replayed only while
that still holds (`events/match_events_of_person`).
"""

from __future__ import annotations

import asyncio

from graph.database import Database
from graph.people import Person, get_people
from graph.viewer import Viewer

_SYSTEM = Viewer(key=None, role="admin")


class PersonBatcher:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._waiting: dict[str, list[asyncio.Future[Person | None]]] = {}
        self._scheduled = False

    async def load(self, key: str) -> Person | None:
        future: asyncio.Future[Person | None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(key, []).append(future)
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        waiting, self._waiting, self._scheduled = self._waiting, {}, False
        task = asyncio.ensure_future(self._read(waiting))
        task.add_done_callback(lambda t: t.exception() if not t.cancelled() else None)

    async def _read(self, waiting: dict[str, list[asyncio.Future[Person | None]]]) -> None:
        keys = list(waiting)
        try:
            people = await get_people(self.database, keys, _SYSTEM)
        except Exception as exc:
            for futures in waiting.values():
                for future in futures:
                    if not future.done():
                        future.set_exception(exc)
            return
        for key, person in zip(keys, people, strict=True):
            for future in waiting[key]:
                if not future.done():
                    future.set_result(person)
