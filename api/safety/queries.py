"""Admins' view of reports."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.pagination import Connection, connection
from api.permissions import IsAdmin
from api.safety.types import Report, ReportState
from graph import safety
from graph.pages import check_first, key_after


@strawberry.type
class SafetyQuery:
    @strawberry.field(
        description="Reports, newest first (admins only).", permission_classes=[IsAdmin]
    )
    async def reports(
        self,
        info: Info,
        state: ReportState | None = None,
        first: int = 10,
        after: str | None = None,
    ) -> Connection[Report]:
        found = await safety.list_reports(
            info.context.database,
            state=state.value if state else None,
            first=check_first(first),
            before=key_after(after),
        )
        return connection(found, first, lambda r: (r.key,), Report.from_record)
