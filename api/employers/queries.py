"""Queries about employers."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.employers.types import Employer
from api.pagination import Connection, connection, paged
from graph.employers import search_employers
from graph.pages import Window, read_key


@strawberry.type
class EmployersQuery:
    @strawberry.field(
        description="Employers by key, optionally filtered by name.",
    )
    @paged(read_key)
    async def employers(
        self, info: Info, window: Window[str], search: str | None = None
    ) -> Connection[Employer]:
        found = await search_employers(info.context.database, window, search=search)
        return connection(found, window, lambda e: (e.key,), Employer.from_record)
