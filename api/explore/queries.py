"""Explorations for dashboards: analysts and admins only."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from api.context import Info
from api.explore.types import Exploration, ExplorationResult
from api.list_bounds import MaxItems
from api.permissions import IsAnalystOrAdmin
from graph.errors import BadInput
from graph.explore import runner

MAX_EXPLORATIONS = 100


@strawberry.type
class ExploreQuery:
    @strawberry.field(
        description="The saved explorations.",
        permission_classes=[IsAnalystOrAdmin],
        extensions=[MaxItems(MAX_EXPLORATIONS)],
    )
    def explorations(self) -> list[Exploration]:
        return [Exploration.from_record(e) for e in runner.list_explorations()]

    @strawberry.field(
        description="Run a saved exploration read-only, with typed parameters and a row limit.",
        permission_classes=[IsAnalystOrAdmin],
    )
    async def run_exploration(
        self, info: Info, name: str, params: JSON | None = None, limit: int = 1000
    ) -> ExplorationResult:
        if not 1 <= limit <= runner.MAX_ROW_LIMIT:
            raise BadInput(f"limit must be between 1 and {runner.MAX_ROW_LIMIT}", field="limit")
        if params is not None and not isinstance(params, dict):
            raise BadInput("params must be a JSON object", field="params")
        result = await runner.run_exploration(info.context.database, name, params, limit=limit)
        return ExplorationResult.from_record(result)
