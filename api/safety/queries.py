"""Admins' view of reports."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.pagination import Connection, connection, paged
from api.permissions import IsAdmin
from api.safety.types import Report, ReportState
from graph import safety
from graph.pages import Window, read_key


@strawberry.type
class SafetyQuery:
    @strawberry.field(
        description="Reports, newest first (admins only).",
        permission_classes=[IsAdmin],
    )
    @paged(read_key)
    async def reports(
        self, info: Info, window: Window[str], state: ReportState | None = None
    ) -> Connection[Report]:
        found = await safety.list_reports(
            info.context.database, window, state=state.value if state else None
        )
        return connection(found, window, lambda r: (r.key,), Report.from_record)
