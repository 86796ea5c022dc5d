"""Staged whole-cohort assignment as mutations: draft, edit, publish (programme admins)."""

from __future__ import annotations

import strawberry

from api import validation
from api.context import Info
from api.permissions import IsAuthenticated
from api.programmes.assignment_types import CohortDraft
from api.programmes.mutations import ProgrammeKeyInput
from graph.programmes import drafts
from graph.programmes.assignment import DEFAULT_SPREAD


@strawberry.input
class DraftCohortAssignmentInput(ProgrammeKeyInput):
    spread: float = strawberry.field(
        default=DEFAULT_SPREAD,
        description="How strongly to spread demand over mentors (0: the plain maximum of the "
        "total score).",
    )


@strawberry.input
class PublishCohortAssignmentInput:
    draft: str = strawberry.field(description="The draft's key.")

    def __post_init__(self) -> None:
        validation.key(self.draft, field="draft")


@strawberry.input
class EditCohortAssignmentInput(PublishCohortAssignmentInput):
    # The draft's key, checked, as publishing takes it; then the pair.
    mentee: str
    mentor: str | None = strawberry.field(
        default=None,
        description="The mentor to pair the mentee with; none leaves the mentee unmatched.",
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        validation.key(self.mentee, field="mentee")
        if self.mentor is not None:
            validation.key(self.mentor, field="mentor")


@strawberry.type
class CohortDraftPayload:
    draft: CohortDraft


@strawberry.type
class CohortAssignmentMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Draw a draft assignment of the programme's unmatched mentees: the "
        "greatest total match score within each mentor's places. Replaces the previous draft.",
    )
    async def draft_cohort_assignment(
        self, info: Info, input: DraftCohortAssignmentInput
    ) -> CohortDraftPayload:
        ctx = info.context
        draft = await drafts.draft_assignment(
            ctx.database, input.programme, ctx.viewer_key(), spread=input.spread
        )
        return CohortDraftPayload(draft=CohortDraft.from_record(draft))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Move a mentee to another mentor in a draft, or leave them unmatched. "
        "CONFLICT when the mentor has no place left or the pair is not allowed.",
    )
    async def edit_cohort_assignment(
        self, info: Info, input: EditCohortAssignmentInput
    ) -> CohortDraftPayload:
        ctx = info.context
        if input.mentor is None:
            draft = await drafts.remove_pair(
                ctx.database, input.draft, input.mentee, ctx.viewer_key()
            )
        else:
            draft = await drafts.move_pair(
                ctx.database, input.draft, input.mentee, input.mentor, ctx.viewer_key()
            )
        return CohortDraftPayload(draft=CohortDraft.from_record(draft))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Propose every pair of a draft, all at once or none (CONFLICT naming the "
        "mentees whose pair is no longer possible).",
    )
    async def publish_cohort_assignment(
        self, info: Info, input: PublishCohortAssignmentInput
    ) -> CohortDraftPayload:
        ctx = info.context
        draft = await drafts.publish_draft(ctx.database, input.draft, ctx.viewer_key())
        return CohortDraftPayload(draft=CohortDraft.from_record(draft))
