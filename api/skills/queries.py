"""Queries about skills: search, and learning paths between two skills."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.context import Info
from api.matches.types import SkillPath
from api.pagination import Connection, connection, paged
from api.skills.types import Skill
from graph.lookups import lookup_many
from graph.pages import Window, read_key
from graph.ranking import paths
from graph.skills import search_skills


@strawberry.type
class SkillsQuery:
    @strawberry.field(
        description="Skills by key, optionally filtered by name.",
    )
    @paged(read_key)
    async def skills(
        self, info: Info, window: Window[str], search: str | None = None
    ) -> Connection[Skill]:
        found = await search_skills(info.context.database, window, search=search)
        return connection(found, window, lambda s: (s.key,), Skill.from_record)

    @strawberry.field
    async def skill_path(
        self,
        info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
    ) -> SkillPath | None:
        """The shortest learning path between two skills; null when none joins them."""
        ctx = info.context
        path = await paths.skill_path(ctx.database, from_, to)
        if path is None:
            return None
        return SkillPath.from_record(
            path, await lookup_many(ctx.database, ctx.viewer, skills=path.skills)
        )
