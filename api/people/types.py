"""GraphQL types of people."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from api.context import Info
from api.employers.types import Employment
from api.list_bounds import MaxItems
from api.loaders import Soon, soon
from api.lookahead import connection_parts
from api.matches import resolvers as matches
from api.matches.history import match_events as _match_events
from api.mentorships.enums import MentorshipRequestState, MentorshipRole
from api.node import Node
from api.pagination import Connection, connection, paged
from api.permissions import IsSelfOrAdmin
from api.skills.types import LearningGoal, PersonSkill
from graph.connections import MAX_MUTUAL_CONNECTIONS, ConnectionsPage
from graph.mentorships import requests_of_person
from graph.pages import Window, read_key
from graph.people import Person as PersonRecord
from graph.people import Profile
from graph.safety import export_person
from graph.screens import PLAIN
from graph.skills import MAX_LEARNING_GOALS

if TYPE_CHECKING:
    from api.mentorships.types import MentorshipRequest

_MENTORSHIPS = "api.mentorships.types"

MAX_LANGUAGES = 10
MAX_TOPICS = 10
MAX_SKILLS = 30
MAX_EMPLOYMENT = 20
MAX_MENTORSHIPS = 50


@strawberry.enum(description="Who may see a person.")
class Visibility(Enum):
    PUBLIC = "PUBLIC"
    CONNECTIONS = "CONNECTIONS"
    PRIVATE = "PRIVATE"


@strawberry.type(description="Someone in the graph: a mentor, a mentee, or both.")
class Person(Node):
    record: strawberry.Private[PersonRecord]
    key: str
    name: str
    headline: str
    location: str
    languages: list[str] = strawberry.field(extensions=[MaxItems(MAX_LANGUAGES)])
    open_to_mentor: bool
    seeking_mentor: bool
    mentor_capacity: int
    mentor_topics: list[str] = strawberry.field(
        description="What this person offers to mentor on, as set by setMentorPreferences.",
        extensions=[MaxItems(MAX_TOPICS)],
    )
    visibility: Visibility

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        return cls(
            record=record,
            key=record.key,
            name=record.name,
            headline=record.headline,
            location=record.location,
            languages=list(record.languages),
            open_to_mentor=record.open_to_mentor,
            seeking_mentor=record.seeking_mentor,
            mentor_capacity=record.mentor_capacity,
            mentor_topics=list(record.mentor_topics),
            visibility=Visibility(record.visibility),
        )

    @strawberry.field(
        description="Contact e-mail: only for the person, admins and active mentorship partners."
    )
    async def email(self, info: Info) -> str | None:
        viewer = info.context.viewer
        if viewer.key is None or self.record.email is None:
            return None
        if viewer.key == self.key or viewer.is_admin:
            return self.record.email
        partners = await info.context.loaders.partners.load(viewer.key)
        return self.record.email if self.key in partners else None

    # The nested parts a screen reads with its people answer at once (`api.loaders.soon`).
    @strawberry.field(
        description=f"Skills, strongest first (up to {MAX_SKILLS}).",
        extensions=[MaxItems(MAX_SKILLS)],
        graphql_type=list[PersonSkill],
    )
    def skills(self, info: Info) -> Soon[list[PersonSkill]]:
        skills = info.context.loaders.skills.load(self.key)
        return soon(skills, lambda found: [PersonSkill.from_record(s) for s in found])

    @strawberry.field(
        description="What this person wants to learn, most wanted first.",
        extensions=[MaxItems(MAX_LEARNING_GOALS)],
        graphql_type=list[LearningGoal],
    )
    def learning_goals(self, info: Info) -> Soon[list[LearningGoal]]:
        goals = info.context.loaders.learning_goals.load(self.key)
        return soon(goals, lambda found: [LearningGoal.from_record(g) for g in found])

    @strawberry.field(
        description=f"Employment history, newest first (up to {MAX_EMPLOYMENT}).",
        extensions=[MaxItems(MAX_EMPLOYMENT)],
        graphql_type=list[Employment],
    )
    def employment(self, info: Info) -> Soon[list[Employment]]:
        stints = info.context.loaders.employment.load(self.key)
        return soon(stints, lambda found: [Employment.from_record(s) for s in found])

    @strawberry.field(
        description="Connections the viewer may see, by key.",
    )
    @paged(read_key)
    async def connections(self, info: Info, window: Window[str]) -> Connection[Person]:
        # Async even when a screen primed the page: each page's people then complete on a
        # fresh, shallow Python stack. Completing a whole screen in one synchronous descent
        # runs deep enough to cross a chunk of CPython's frame stack over and over, and on
        # 3.11 and 3.12 (3.13 and 3.14 before gh-145789's backport) every crossing maps and
        # unmaps a chunk (python/cpython#142183).
        loaders = info.context.loaders
        page = ConnectionsPage(self.key, window, connection_parts(info))
        profiles = await loaders.connections.load(page)
        loaders.prime(profiles, PLAIN)
        return people_connection(profiles, window)

    @strawberry.field(
        description=f"Up to {MAX_MUTUAL_CONNECTIONS} connections shared with another person, "
        "as the viewer sees them.",
        extensions=[MaxItems(MAX_MUTUAL_CONNECTIONS)],
    )
    async def mutual_connections(
        self, info: Info, with_: Annotated[str, strawberry.argument(name="with")]
    ) -> list[Person]:
        ctx = info.context
        people = await ctx.loaders.mutual_connections.load((self.key, with_))
        return [Person.from_record(person) for person in people]

    @strawberry.field(
        description="Active mentors.",
        permission_classes=[IsSelfOrAdmin],
        extensions=[MaxItems(MAX_MENTORSHIPS)],
    )
    async def mentors(self, info: Info) -> list[Person]:
        return [Person.from_record(p) for p in await info.context.loaders.mentors.load(self.key)]

    @strawberry.field(
        description="Active mentees.",
        permission_classes=[IsSelfOrAdmin],
        extensions=[MaxItems(MAX_MENTORSHIPS)],
    )
    async def mentees(self, info: Info) -> list[Person]:
        return [Person.from_record(p) for p in await info.context.loaders.mentees.load(self.key)]

    mentor_matches = strawberry.field(
        resolver=matches.mentor_matches,
        description="Mentors for this person, best first, with evidence (self or admin).",
        permission_classes=[IsSelfOrAdmin],
    )
    suggested_connections = strawberry.field(
        resolver=matches.suggested_connections,
        description="People this person may know (self or admin).",
        permission_classes=[IsSelfOrAdmin],
    )
    learning_paths = strawberry.field(
        resolver=matches.learning_paths,
        description=(
            "For each skill this person wants to learn (or each of `skills`), the path from "
            "a skill they have, with mentors for every step still to take (self or admin)."
        ),
        permission_classes=[IsSelfOrAdmin],
        extensions=[MaxItems(MAX_LEARNING_GOALS)],
    )

    @strawberry.field(
        description="Everything stored about this person, as JSON (self or admin).",
        permission_classes=[IsSelfOrAdmin],
    )
    async def data_export(self, info: Info) -> JSON:
        return JSON(await export_person(info.context.database, self.key))

    @strawberry.field(
        description="Mentorship requests sent (MENTEE) or received (MENTOR), newest first.",
        permission_classes=[IsSelfOrAdmin],
    )
    @paged(read_key)
    async def mentorship_requests(
        self,
        info: Info,
        window: Window[str],
        role: MentorshipRole,
        state: MentorshipRequestState | None = None,
    ) -> Connection[Annotated[MentorshipRequest, strawberry.lazy(_MENTORSHIPS)]]:
        from api.mentorships.types import MentorshipRequest

        found = await requests_of_person(
            info.context.database,
            self.key,
            window,
            role=role.value,
            state=state.value if state else None,
        )
        return connection(found, window, lambda r: (r.key,), MentorshipRequest.from_record)

    match_events = strawberry.field(
        resolver=_match_events,
        description="New-match events of this mentee, oldest first: what a client missed.",
        permission_classes=[IsSelfOrAdmin],
    )


def people_connection(profiles: list[Profile], window: Window[str]) -> Connection[Person]:
    """A page of people read by key, as `connection` makes it."""
    return connection(
        profiles, window, lambda p: (p.person.key,), lambda p: Person.from_record(p.person)
    )


async def person_by_key(info: Info, key: str | None) -> Person | None:
    """The person as the viewer may see them (the request's loader), or null: hidden, gone,
    or no key."""
    record = await info.context.loaders.person.load(key) if key is not None else None
    return Person.from_record(record) if record else None
