"""GraphQL types of blocks and reports."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from api.context import Info
from api.node import Node
from api.people.types import Person, person_by_key
from graph import safety


@strawberry.enum
class ReportReason(Enum):
    HARASSMENT = "HARASSMENT"
    SPAM = "SPAM"
    FAKE_PROFILE = "FAKE_PROFILE"
    INAPPROPRIATE = "INAPPROPRIATE"
    OTHER = "OTHER"


@strawberry.enum
class ReportState(Enum):
    OPEN = "OPEN"
    DISMISSED = "DISMISSED"
    ACTION_TAKEN = "ACTION_TAKEN"


@strawberry.enum
class ReportOutcome(Enum):
    DISMISSED = "DISMISSED"
    ACTION_TAKEN = "ACTION_TAKEN"


@strawberry.enum(description="An outcome pattern that put a person up for review.")
class ReviewPattern(Enum):
    DECLINES_AFTER_CONTACT = strawberry.enum_value(
        "DECLINES_AFTER_CONTACT",
        description="They declined the requests of many mentees who wrote to them.",
    )
    ENDED_BY_MENTEES = strawberry.enum_value(
        "ENDED_BY_MENTEES", description="Many mentees ended a mentorship with them early."
    )
    BLOCKED_BY_MANY = strawberry.enum_value(
        "BLOCKED_BY_MANY", description="Many people block them."
    )


@strawberry.type(
    description="A report on a person, for admins to decide: filed by a member, or by nobody "
    "when a pattern in the person's outcomes put them up for review (`pattern`)."
)
class Report(Node):
    key: str
    pattern: ReviewPattern | None = strawberry.field(
        description="Set on a report filed by nobody: the pattern; `details` says how many "
        "people it counts. Deciding it works as for any report."
    )
    reason: ReportReason
    details: str
    state: ReportState
    created_at: dt.datetime
    note: str | None
    reporter_key: strawberry.Private[str | None]
    reported_key: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, record: safety.Report) -> Report:
        return cls(
            key=record.key,
            pattern=ReviewPattern(record.pattern) if record.pattern else None,
            reason=ReportReason(record.reason),
            details=record.details,
            state=ReportState(record.state),
            created_at=record.created_at,
            note=record.note,
            reporter_key=record.reporter,
            reported_key=record.reported,
        )

    @strawberry.field(
        description="`null` when hidden, when the account was deleted, or for a pattern."
    )
    async def reporter(self, info: Info) -> Person | None:
        return await person_by_key(info, self.reporter_key)

    @strawberry.field(description="`null` when hidden, or when the account was deleted.")
    async def reported(self, info: Info) -> Person | None:
        return await person_by_key(info, self.reported_key)
