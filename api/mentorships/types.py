"""GraphQL types of mentorship requests and mentorships."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.context import Info
from api.list_bounds import MaxItems
from api.mentorships.enums import MentorshipRequestState
from api.node import Node
from api.people.types import Person, person_by_key
from graph import mentorships

MAX_GOALS = 10


@strawberry.type(description="A mentee's request to a mentor.")
class MentorshipRequest(Node):
    key: str
    state: MentorshipRequestState
    message: str
    goals: list[str] = strawberry.field(extensions=[MaxItems(MAX_GOALS)])
    created_at: dt.datetime
    expires_at: dt.datetime
    responded_at: dt.datetime | None
    reason: str | None
    mentee_key: strawberry.Private[str]
    mentor_key: strawberry.Private[str]

    @classmethod
    def from_record(cls, record: mentorships.MentorshipRequest) -> MentorshipRequest:
        return cls(
            key=record.key,
            state=MentorshipRequestState(record.state),
            message=record.message,
            goals=list(record.goals),
            created_at=record.created_at,
            expires_at=record.expires_at,
            responded_at=record.responded_at,
            reason=record.reason,
            mentee_key=record.mentee,
            mentor_key=record.mentor,
        )

    @strawberry.field
    async def mentee(self, info: Info) -> Person | None:
        return await person_by_key(info, self.mentee_key)

    @strawberry.field
    async def mentor(self, info: Info) -> Person | None:
        return await person_by_key(info, self.mentor_key)
