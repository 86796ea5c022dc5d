"""Queries about people."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.people.types import Person
from graph.people import get_people


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="A person by key; null when there is no such person.")
    async def person(self, info: Info, key: str) -> Person | None:
        (record,) = await get_people(info.context.database, [key])
        return Person.from_record(record) if record else None
