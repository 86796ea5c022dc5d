"""Queries about programmes."""

from __future__ import annotations

import strawberry

from api.context import Info
from api.pagination import Connection, connection, paged
from api.permissions import IsAuthenticated
from api.programmes.types import Programme
from graph.pages import Window, read_key
from graph.programmes.programmes import get_programme, visible_programmes


@strawberry.type
class ProgrammesQuery:
    @strawberry.field(
        description="A programme by key; NOT_FOUND when absent or hidden from you, alike.",
        permission_classes=[IsAuthenticated],
    )
    async def programme(self, info: Info, key: str) -> Programme:
        ctx = info.context
        return Programme.from_record(await get_programme(ctx.database, key, ctx.viewer))

    @strawberry.field(
        description="Programmes you may see, by key.", permission_classes=[IsAuthenticated]
    )
    @paged(read_key)
    async def programmes(self, info: Info, window: Window[str]) -> Connection[Programme]:
        ctx = info.context
        found = await visible_programmes(ctx.database, ctx.viewer, window)
        return connection(found, window, lambda p: (p.key,), Programme.from_record)
