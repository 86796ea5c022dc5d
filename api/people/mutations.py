"""Mutations on one's own profile and connections."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.people.types import MAX_LANGUAGES, MAX_TOPICS, Person, Visibility
from api.permissions import IsAuthenticated
from graph import connections, people
from graph.errors import BadInput

MAX_CAPACITY = 20


@strawberry.input
class ProfileInput:
    name: str | None = None
    headline: str | None = None
    location: str | None = None
    languages: list[str] | None = None
    visibility: Visibility | None = None
    seeking_mentor: bool | None = None
    email: str | None = strawberry.field(
        default=None, description="Contact: shown only to you, admins and your mentorship partners."
    )

    def fields(self, *, creating: bool = False) -> people.ProfileFields:
        return people.ProfileFields(
            name=validation.text(self.name, field="name", max_length=100, required=creating),
            headline=validation.text(self.headline, field="headline", max_length=200),
            location=validation.text(self.location, field="location", max_length=100),
            languages=validation.text_list(
                self.languages, field="languages", max_items=MAX_LANGUAGES, max_length=40
            ),
            visibility=self.visibility.value if self.visibility else None,
            seeking_mentor=self.seeking_mentor,
            email=validation.email(self.email),
        )


@strawberry.input
class MentorPreferencesInput:
    open_to_mentor: bool
    capacity: int
    topics: list[str] | None = None


@strawberry.input
class ConnectionRequestInput:
    person: str

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.input
class ConnectionResponseInput:
    person: str = strawberry.field(description="Who asked to connect.")
    accept: bool

    def __post_init__(self) -> None:
        validation.key(self.person, field="person")


@strawberry.type
class ProfilePayload:
    person: Person


@strawberry.type
class ConnectionPayload:
    person: Person | None = strawberry.field(
        description="The other person; null when you may not see them (a PRIVATE person whose "
        "request you accepted, a CONNECTIONS person you are no longer connected to)."
    )
    connected: bool


@strawberry.type
class PeopleMutation:
    @strawberry.mutation(description="Sign-up: creates the profile of the token's subject.")
    async def create_profile(self, info: Info, input: ProfileInput) -> ProfilePayload:
        key = validation.key(info.context.viewer_key(), field="key")
        record = await people.create_profile(
            info.context.database, key, input.fields(creating=True)
        )
        return ProfilePayload(person=Person.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def update_profile(self, info: Info, input: ProfileInput) -> ProfilePayload:
        record = await people.update_profile(
            info.context.database, info.context.viewer_key(), input.fields()
        )
        return ProfilePayload(person=Person.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def set_mentor_preferences(
        self, info: Info, input: MentorPreferencesInput
    ) -> ProfilePayload:
        if not 0 <= input.capacity <= MAX_CAPACITY:
            raise BadInput(f"capacity must be between 0 and {MAX_CAPACITY}", field="capacity")
        record = await people.set_mentor_preferences(
            info.context.database,
            info.context.viewer_key(),
            open_to_mentor=input.open_to_mentor,
            capacity=input.capacity,
            topics=validation.text_list(
                input.topics, field="topics", max_items=MAX_TOPICS, max_length=100
            ),
        )
        return ProfilePayload(person=Person.from_record(record))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def request_connection(
        self, info: Info, input: ConnectionRequestInput
    ) -> ConnectionPayload:
        ctx = info.context
        await connections.request_connection(
            ctx.database,
            ctx.viewer_key(),
            input.person,
            daily_limit=ctx.settings.safety.connection_requests_per_day,
        )
        return await _payload(info, input.person, connected=False)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def respond_to_connection_request(
        self, info: Info, input: ConnectionResponseInput
    ) -> ConnectionPayload:
        ctx = info.context
        connected = await connections.respond_to_connection(
            ctx.database, input.person, ctx.viewer_key(), accept=input.accept
        )
        return await _payload(info, input.person, connected=connected)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def remove_connection(
        self, info: Info, input: ConnectionRequestInput
    ) -> ConnectionPayload:
        ctx = info.context
        await connections.remove_connection(ctx.database, ctx.viewer_key(), input.person)
        return await _payload(info, input.person, connected=False)


async def _payload(info: Info, other: str, *, connected: bool) -> ConnectionPayload:
    """After the write: the other person as the viewer may see them now, if at all."""
    record = await info.context.loaders.person.load(other)
    return ConnectionPayload(
        person=Person.from_record(record) if record else None, connected=connected
    )
