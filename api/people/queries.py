"""Queries about people, and objects by global ID."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.node import Node
from api.node_lookup import find_node
from api.pagination import Connection, connection, paged
from api.people.types import Person
from graph.pages import Window, read_key
from graph.people import get_person, search_people


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="The caller; null for an anonymous caller or before sign-up.")
    async def viewer(self, info: Info) -> Person | None:
        key = info.context.viewer.key
        record = await info.context.loaders.person.load(key) if key else None
        return Person.from_record(record) if record else None

    @strawberry.field(description="A person by key; NOT_FOUND when absent or hidden from you.")
    async def person(self, info: Info, key: str) -> Person | None:
        return Person.from_record(await get_person(info.context.database, key, info.context.viewer))

    @strawberry.field(
        description="People you may see, by key, optionally filtered.",
    )
    @paged(read_key)
    async def people(
        self,
        info: Info,
        window: Window[str],
        search: str | None = None,
        skill: str | None = None,
        employer: str | None = None,
    ) -> Connection[Person]:
        ctx = info.context
        found = await search_people(
            ctx.database, ctx.viewer, window, search=search, skill=skill, employer=employer
        )
        return connection(found, window, lambda p: (p.key,), Person.from_record)

    @strawberry.field(
        description="Any object by its global ID (Relay); NOT_FOUND when there is none, or "
        "when you may not see it, alike."
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await find_node(info, id)
