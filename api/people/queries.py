"""Queries about people, and objects by global ID."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.node import Node, parse_global_id
from api.pagination import Connection, connection, paged
from api.people.types import Person
from api.skills.types import Skill
from graph.errors import NotFound
from graph.pages import Window, read_key
from graph.people import get_person, search_people
from graph.skills import get_skills


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

    @strawberry.field(description="Any object by its global ID (Relay).")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        type_name, key = parse_global_id(id)
        if type_name == "Person":
            return Person.from_record(
                await get_person(info.context.database, key, info.context.viewer)
            )
        if type_name == "Skill":
            (skill,) = await get_skills(info.context.database, [key])
            if skill is not None:
                return Skill.from_record(skill)
        raise NotFound(f"no object with ID {id!r}")
