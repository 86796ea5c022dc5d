"""Subscriptions to mentorship requests: each change the viewer sent or received."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from graphql import GraphQLError

from api.context import Info
from api.mentorships.types import MentorshipRequest
from api.permissions import IsAuthenticated
from api.stream_errors import OVERFLOW
from graph.events.bus import SubscriberOverflow
from graph.events.domain import request_topic
from graph.mentorships import get_requests


@strawberry.type
class MentorshipsSubscription:
    @strawberry.subscription(
        description="Mentorship requests the viewer sent or received, each time one changes.",
        permission_classes=[IsAuthenticated],
    )
    async def mentorship_request_updated(
        self, info: Info
    ) -> AsyncGenerator[MentorshipRequest, None]:
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
