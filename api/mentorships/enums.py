"""Enums of the mentorship lifecycle."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum
class MentorshipRequestState(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"
    EXPIRED = "EXPIRED"


@strawberry.enum(description="Which side of a request: MENTEE lists sent, MENTOR received.")
class MentorshipRole(Enum):
    MENTEE = "MENTEE"
    MENTOR = "MENTOR"


@strawberry.enum
class MentorshipEnd(Enum):
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
