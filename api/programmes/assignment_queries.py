"""Reading a cohort draft back, for review (programme admins)."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.permissions import IsAuthenticated
from api.programmes.assignment_types import CohortDraft
from graph.programmes import drafts


@strawberry.type
class CohortAssignmentQuery:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="A cohort draft, for its programme's admins.",
    )
    async def cohort_draft(self, info: Info, key: str) -> CohortDraft:
        ctx = info.context
        validation.key(key, field="key")
        draft = await drafts.get_draft(ctx.database, key, ctx.viewer_key())
        return CohortDraft.from_record(draft)
