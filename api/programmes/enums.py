"""Enums of programmes: templates, visibility, lifecycle, roles."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What a programme is for; each has its guided steps and length.")
class ProgrammeTemplate(Enum):
    CAREER = "CAREER"
    SKILLS = "SKILLS"
    SUPPORT = "SUPPORT"


@strawberry.enum(
    description="Who sees a programme and its membership: PUBLIC, anyone signed in; MEMBERS, "
    "its members, admins and invitees only (always, for a SUPPORT programme)."
)
class ProgrammeVisibility(Enum):
    PUBLIC = "PUBLIC"
    MEMBERS = "MEMBERS"


@strawberry.enum(
    description="DRAFT (its admins only), OPEN (joins and proposals), CLOSED (neither; its "
    "mentorships have ended)."
)
class ProgrammeState(Enum):
    DRAFT = "DRAFT"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


@strawberry.enum(description="A member's side in a programme.")
class ProgrammeRole(Enum):
    MENTOR = "MENTOR"
    MENTEE = "MENTEE"


@strawberry.enum(
    description="PROPOSED (waiting for both answers), ACTIVE (both accepted), DECLINED (one "
    "declined), CANCELLED (a side left or the programme closed first), ENDED."
)
class ProgrammeMentorshipState(Enum):
    PROPOSED = "PROPOSED"
    ACTIVE = "ACTIVE"
    DECLINED = "DECLINED"
    CANCELLED = "CANCELLED"
    ENDED = "ENDED"
