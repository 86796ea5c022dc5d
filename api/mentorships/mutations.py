"""The mentorship lifecycle as mutations."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.mentorships.enums import MentorshipEnd
from api.mentorships.types import MAX_GOALS, MentorshipRequest
from api.people.types import Person
from api.permissions import IsAuthenticated
from graph import mentorships, people


@strawberry.input
class RequestMentorshipInput:
    mentor: str
    message: str = ""
    goals: list[str] = strawberry.field(default_factory=list)

    def __post_init__(self) -> None:
        validation.key(self.mentor, field="mentor")


@strawberry.input
class RespondToMentorshipInput:
    request: str = strawberry.field(description="The request's key.")
    accept: bool
    reason: str | None = None

    def __post_init__(self) -> None:
        validation.key(self.request, field="request")


@strawberry.input
class WithdrawMentorshipInput:
    request: str

    def __post_init__(self) -> None:
        validation.key(self.request, field="request")


@strawberry.input
class EndMentorshipInput:
    person: str = strawberry.field(description="The mentor or mentee on the other side.")
    outcome: MentorshipEnd
    reason: str

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.type
class MentorshipRequestPayload:
    request: MentorshipRequest


@strawberry.type
class EndMentorshipPayload:
    mentor: Person | None
    mentee: Person | None
    status: MentorshipEnd


@strawberry.type
class MentorshipsMutation:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def request_mentorship(
        self, info: Info, input: RequestMentorshipInput
    ) -> MentorshipRequestPayload:
        ctx = info.context
        message = validation.text(input.message, field="message", max_length=1000) or ""
        goals = validation.text_list(
            input.goals, field="goals", max_items=MAX_GOALS, max_length=100
        )
        record = await mentorships.request_mentorship(
            ctx.database,
            ctx.viewer_key(),
            input.mentor,
            message=message,
            goals=goals or (),
            rules=ctx.settings.mentorship_rules,
        )
        return MentorshipRequestPayload(request=MentorshipRequest.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def respond_to_mentorship_request(
        self, info: Info, input: RespondToMentorshipInput
    ) -> MentorshipRequestPayload:
        ctx = info.context
        reason = validation.text(input.reason, field="reason", max_length=500)
        record = await mentorships.respond_to_request(
            ctx.database, input.request, ctx.viewer_key(), accept=input.accept, reason=reason
        )
        return MentorshipRequestPayload(request=MentorshipRequest.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def withdraw_mentorship_request(
        self, info: Info, input: WithdrawMentorshipInput
    ) -> MentorshipRequestPayload:
        ctx = info.context
        record = await mentorships.withdraw_request(ctx.database, input.request, ctx.viewer_key())
        return MentorshipRequestPayload(request=MentorshipRequest.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def end_mentorship(self, info: Info, input: EndMentorshipInput) -> EndMentorshipPayload:
        ctx = info.context
        reason = validation.text(input.reason, field="reason", max_length=500, required=True)
        ended = await mentorships.end_mentorship(
            ctx.database,
            ctx.viewer_key(),
            input.person,
            completed=input.outcome is MentorshipEnd.COMPLETED,
            reason=reason or "",
        )
        found = await people.get_people(ctx.database, [ended.mentor, ended.mentee], ctx.viewer)
        mentor, mentee = (Person.from_record(p) if p else None for p in found)
        return EndMentorshipPayload(mentor=mentor, mentee=mentee, status=input.outcome)
