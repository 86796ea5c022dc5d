"""Subscriptions: new mentor matches (replayable from a cursor) and mentorship request updates.

Overflow policy: every subscription has a bounded queue. When a subscriber falls
behind (or the bus loses Redis), its operation gets one error with
`extensions.code` `SUBSCRIPTION_OVERFLOW` and, for `mentorMatchAdded`,
`extensions.after`, the cursor of the last event it received; then the
operation completes. Subscribing again with that `after` replays what was missed.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Annotated

import strawberry
from graphql import GraphQLError

from api.context import Info
from api.matches.event_types import MentorMatchEvent, event_cursor, parse_event_cursor
from api.permissions import IsAuthenticated
from graph.event_bus import SubscriberOverflow
from graph.events import request_topic
from graph.match_feed import FeedInterrupted, match_feed
from graph.mentorships import get_requests

if TYPE_CHECKING:
    from api.mentorships.types import MentorshipRequest

OVERFLOW = "SUBSCRIPTION_OVERFLOW"
_MENTORSHIPS = "api.mentorships.types"


@strawberry.type
class MatchesSubscription:
    @strawberry.subscription(
        description=(
            "New mentor matches for the viewer as mentee. With `after` (an event's `id` or a "
            "`matchEvents` cursor), first replays the events after it, then goes live, with "
            "no gap and no duplicate. On SUBSCRIPTION_OVERFLOW, subscribe again with "
            "`extensions.after`."
        ),
        permission_classes=[IsAuthenticated],
    )
    async def mentor_match_added(
        self, info: Info, after: str | None = None
    ) -> AsyncGenerator[MentorMatchEvent, None]:
        ctx = info.context
        start = parse_event_cursor(after)
        feed = match_feed(ctx.database, ctx.events.bus, ctx.viewer_key(), after=start)
        try:
            async for event in feed:
                yield MentorMatchEvent.from_record(event)
        except FeedInterrupted as exc:
            raise GraphQLError(
                f"{exc}; subscribe again with `after`",
                extensions={"code": OVERFLOW, "after": event_cursor(exc.last)},
            ) from exc

    @strawberry.subscription(
        description="Mentorship requests the viewer sent or received, each time one changes.",
        permission_classes=[IsAuthenticated],
    )
    async def mentorship_request_updated(
        self, info: Info
    ) -> AsyncGenerator[Annotated[MentorshipRequest, strawberry.lazy(_MENTORSHIPS)], None]:
        from api.mentorships.types import MentorshipRequest

        ctx = info.context
        async with ctx.events.bus.subscribe(request_topic(ctx.viewer_key())) as subscriber:
            while True:
                try:
                    message = await subscriber.get()
                except SubscriberOverflow as exc:
                    raise GraphQLError(str(exc), extensions={"code": OVERFLOW}) from exc
                (request,) = await get_requests(ctx.database, [message["request"]])
                if request is not None:
                    yield MentorshipRequest.from_record(request)
