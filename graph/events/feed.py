"""A mentee's feed of match events: replay from a cursor, then live, no gap, no duplicate.

The feed subscribes to the bus *before* it reads the store, so an event is
either committed before the read (and replayed) or published after the
subscription (and received live), or both; both is caught by comparing `seq`
with the last one yielded. Live events carry `prev`, the mentee's previous
event: when it is not the last one yielded (an event from another process
overtook an earlier one on the bus, or a message was lost), the feed reads the
store from its cursor instead. Events commit in `seq` order
(`graph.events.store`), so that read has no holes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from graph.database import Database
from graph.errors import MentorgraphError
from graph.events.bus import EventBus, SubscriberOverflow
from graph.events.domain import MatchEvent, match_topic
from graph.events.store import latest_match_seq, match_events_after

REPLAY_PAGE = 100


class FeedInterrupted(MentorgraphError):
    """The feed cannot go on live (its queue overflowed, the bus dropped): resume from `last`."""

    def __init__(self, reason: str, last: int) -> None:
        super().__init__(reason)
        self.last = last


async def match_feed(
    database: Database, bus: EventBus, mentee: str, *, after: int | None
) -> AsyncIterator[MatchEvent]:
    """Events with `seq > after` (none replayed when `after` is None), then new ones as they come.

    Raises `FeedInterrupted` with the last `seq` yielded when live delivery breaks down.
    """
    async with bus.subscribe(match_topic(mentee)) as subscriber:
        if after is None:
            last = await latest_match_seq(database, mentee)
        else:
            last = after
            async for event in _stored(database, mentee, after):
                yield event
                last = event.seq
        while True:
            try:
                message = await subscriber.get()
            except SubscriberOverflow as exc:
                raise FeedInterrupted(str(exc), last) from exc
            event = MatchEvent.from_message(message)
            if event.seq <= last:
                continue
            if event.prev == last:
                yield event
                last = event.seq
                continue
            async for stored in _stored(database, mentee, last):
                yield stored
                last = stored.seq


async def _stored(database: Database, mentee: str, after: int) -> AsyncIterator[MatchEvent]:
    while True:
        page = await match_events_after(database, mentee, after=after, limit=REPLAY_PAGE)
        for event in page:
            yield event
        if len(page) < REPLAY_PAGE:
            return
        after = page[-1].seq
