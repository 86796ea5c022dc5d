"""Subscriptions to new mentor matches, replayable from a cursor.

Overflow policy (as for every subscription): a bounded queue. When a subscriber falls
behind (or the bus loses Redis), its operation gets one error with
`extensions.code` `SUBSCRIPTION_OVERFLOW` and, for `mentorMatchAdded`,
`extensions.after`, the cursor of the last event it received; then the
operation completes. Subscribing again with that `after` replays what was missed.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from graphql import GraphQLError

from api.context import Info
from api.matches.event_types import MentorMatchEvent, event_cursor
from api.permissions import IsAuthenticated
from api.stream_errors import OVERFLOW
from graph.events.feed import FeedInterrupted, match_feed
from graph.pages import read_seq


@strawberry.type
class MatchesSubscription:
    @strawberry.subscription(
        description=(
            "New mentor matches for the viewer as mentee. With `after`, first replays the "
            "events after it, then goes live, with no gap and no duplicate. On "
            "SUBSCRIPTION_OVERFLOW, subscribe again with `extensions.after`."
        ),
        permission_classes=[IsAuthenticated],
    )
    async def mentor_match_added(
        self,
        info: Info,
        after: Annotated[
            str | None,
            strawberry.argument(
                description=(
                    "A resume cursor: an event's `cursor` (the same value as its "
                    "`matchEvents` edge's cursor), not its `id`."
                )
            ),
        ] = None,
    ) -> AsyncGenerator[MentorMatchEvent, None]:
        ctx = info.context
        start = read_seq(after)
        feed = match_feed(ctx.database, ctx.events.bus, ctx.viewer_key(), after=start)
        try:
            async for event in feed:
                yield MentorMatchEvent.from_record(event)
        except FeedInterrupted as exc:
            raise GraphQLError(
                f"{exc}; subscribe again with `after`",
                extensions={"code": OVERFLOW, "after": event_cursor(exc.last)},
            ) from exc
