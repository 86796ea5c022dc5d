"""`Person.matchEvents`: the match events a client missed, as a Relay connection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.context import Info
from api.pagination import Connection, connection
from graph.pages import check_first, seq_after

if TYPE_CHECKING:
    from api.matches.event_types import MentorMatchEvent


async def match_events(
    root: Any, info: Info, first: int = 10, after: str | None = None
) -> Connection[Annotated[MentorMatchEvent, strawberry.lazy("api.matches.event_types")]]:
    """Oldest first, after a cursor (an event's `id`, or an edge's cursor: the same value)."""
    from api.matches.event_types import MentorMatchEvent
    from graph.events.store import match_events_after

    found = await match_events_after(
        info.context.database,
        root.key,
        after=seq_after(after) or 0,
        limit=check_first(first) + 1,
    )
    return connection(found, first, lambda e: (e.seq,), MentorMatchEvent.from_record)
