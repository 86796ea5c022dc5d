"""Queries about employers."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.employers.types import Employer
from api.pagination import Connection, connection
from graph.employers import search_employers
from graph.pages import check_first, key_after


@strawberry.type
class EmployersQuery:
    @strawberry.field(description="Employers by key, optionally filtered by name.")
    async def employers(
        self, info: Info, search: str | None = None, first: int = 10, after: str | None = None
    ) -> Connection[Employer]:
        found = await search_employers(
            info.context.database,
            first=check_first(first),
            after=key_after(after),
            search=search,
        )
        return connection(found, first, lambda e: (e.key,), Employer.from_record)
