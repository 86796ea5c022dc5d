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


@strawberry.type(description="A report on a person, for admins to decide.")
class Report(Node):
    key: str
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
            reason=ReportReason(record.reason),
            details=record.details,
            state=ReportState(record.state),
            created_at=record.created_at,
            note=record.note,
            reporter_key=record.reporter,
            reported_key=record.reported,
        )

    @strawberry.field(description="`null` when hidden, or when the account was deleted.")
    async def reporter(self, info: Info) -> Person | None:
        return await person_by_key(info, self.reporter_key)

    @strawberry.field(description="`null` when hidden, or when the account was deleted.")
    async def reported(self, info: Info) -> Person | None:
        return await person_by_key(info, self.reported_key)
