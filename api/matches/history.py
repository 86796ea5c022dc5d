"""`Person.matchEvents`: the match events a client missed, as a Relay connection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.context import Info
from api.pagination import Connection, connection, paged
from graph.pages import Window, read_seq

if TYPE_CHECKING:
    from api.matches.event_types import MentorMatchEvent


@paged(read_seq)
async def match_events(
    root: Any, info: Info, window: Window[int]
) -> Connection[Annotated[MentorMatchEvent, strawberry.lazy("api.matches.event_types")]]:
    """Oldest first, by keyset (an event's `cursor`, or an edge's: the same value)."""
    from api.matches.event_types import MentorMatchEvent
    from graph.events.store import match_events_page

    found = await match_events_page(info.context.database, root.key, window)
    return connection(found, window, lambda e: (e.seq,), MentorMatchEvent.from_record)
