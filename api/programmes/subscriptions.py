"""Subscriptions to guided steps falling due in the viewer's programme mentorships."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator

import strawberry
from graphql import GraphQLError

from api.context import Info
from api.permissions import IsAuthenticated
from api.stream_errors import OVERFLOW
from graph.events.bus import SubscriberOverflow
from graph.programmes.due_steps import step_topic


@strawberry.type(description="A guided step that fell due, announced once to both sides.")
class ProgrammeStepDue:
    mentorship: str = strawberry.field(description="The programme mentorship's key.")
    programme: str = strawberry.field(description="The programme's key.")
    step: int = strawberry.field(description="The step's index.")
    title: str
    due_on: dt.date


@strawberry.type
class ProgrammesSubscription:
    @strawberry.subscription(
        description="Guided steps of your programme mentorships, as each falls due.",
        permission_classes=[IsAuthenticated],
    )
    async def programme_step_due(self, info: Info) -> AsyncGenerator[ProgrammeStepDue, None]:
        ctx = info.context
        async with ctx.events.bus.subscribe(step_topic(ctx.viewer_key())) as subscriber:
            while True:
                try:
                    message = await subscriber.get()
                except SubscriberOverflow as exc:
                    raise GraphQLError(str(exc), extensions={"code": OVERFLOW}) from exc
                yield ProgrammeStepDue(
                    mentorship=message["pairing"],
                    programme=message["programme"],
                    step=message["index"],
                    title=message["title"],
                    due_on=dt.date.fromisoformat(message["dueOn"]),
                )
